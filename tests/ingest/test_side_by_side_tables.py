"""A 收支总表 set side by side (收入 | 预算数 | 支出 | 预算数): a figure on the right belongs to the row label on the
right only, never to the income line that happens to share its printed row."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import parse_file
from tests.support import word_dump

ROWS = [
    ("收入", "", "支出", ""),
    ("项目", "预算数", "项目", "预算数"),
    ("一、财政拨款收入", "100.00", "一、一般公共服务支出", "60.00"),
    ("2. 政府性基金", "", "三、教育支出", "40.00"),
    ("收入总计", "100.00", "支出总计", "100.00"),
]
TABLE = word_dump(ROWS)
DISCLOSURE = f"示例市示例区示例局\n\n2025年部门预算\n\n2025年部门财务收支预算总表\n单位：万元\n{TABLE}\n"


@pytest.fixture(scope="module")
def facts(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("side") / "example-bureau-2025-dept-budget.txt"
    path.write_text(DISCLOSURE, encoding="utf-8")
    return [f for f in parse_file(path).facts if f.origin == "table"]


def test_a_figure_on_the_right_has_the_right_hand_label_only(facts):
    (education,) = [f for f in facts if f.subject == "教育支出"]
    assert education.row_path == ("三、教育支出",) and "政府性基金" not in education.context


def test_a_figure_on_the_left_keeps_its_own_label(facts):
    assert any(f.subject == "财政拨款收入" and f.row_path == ("一、财政拨款收入",) for f in facts)
