"""A one-row table under grouped headers (财政拨款“三公”经费支出决算表): each figure belongs to the item its group
names and the basis of its own column, never to a neighbouring group."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from tests.support import word_dump

ROWS = [
    "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t",
    "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t",
    "\t".join(["预算数", "决算数"] * 6),
    "\t".join(["12.85", "10.39", "1.00", "0.50", "8.00", "7.00", "5.00", "5.00", "3.00", "2.00", "3.85", "2.89"]),
]
# the Word-dump layout: each cell a tab-led line, an empty cell a lone tab, a blank line after each row
TABLE = word_dump(row.split("\t") for row in ROWS)
DISCLOSURE = f"示例市示例区示例局\n\n2024年度部门决算\n\n财政拨款“三公”经费支出决算表\n单位：万元\n{TABLE}\n"


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("groups") / "example-bureau-2024-dept-final-account.txt"
    path.write_text(DISCLOSURE, encoding="utf-8")
    return {(f.subject, f.measure): f.value for f in parse_file(path).facts if f.origin == "table"}


@pytest.mark.parametrize("subject, measure, value", [
    ("公务接待费", "预算数", "3.85"), ("公务接待费", "决算数", "2.89"),
    ("因公出国（境）费", "决算数", "0.50"),
    ("公务用车购置及运行维护费", "预算数", "8.00"),
    ("公务用车运行维护费", "决算数", "2.00"),
    ("合计", "决算数", "10.39"),
])
def test_each_figure_is_its_groups_item_under_its_columns_basis(facts, subject, measure, value):
    assert facts[(subject, measure)] == Decimal(value)


def test_no_figure_is_named_by_its_basis_alone(facts):
    assert not {s for s, _ in facts} & {"预算数", "决算数"}
