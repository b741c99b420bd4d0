"""A 收支总表 set side by side (收入 | 预算数 | 支出 | 预算数): a figure on the right belongs to the row label on the
right only, never to the income line that happens to share its printed row; a 决算 form's line and column
numbers (行次, 栏次) are no figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ingest.model import TableKind
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


# a 决算 form: a 行次 column beside each side's labels, a 栏次 row numbering the columns, the form number under the title
FINAL_ROWS = [
    ("收入", "", "", "支出", "", ""),
    ("项目", "行次", "金额", "项目", "行次", "金额"),
    ("栏次", "", "1", "栏次", "", "2"),
    ("一、一般公共预算财政拨款收入", "1", "150.00", "一、一般公共服务支出", "31", "120.00"),
    ("二、事业收入", "2", "", "二、教育支出", "32", "30.00"),
    ("总计", "3", "150.00", "总计", "33", "150.00"),
]
FINAL_ACCOUNT = f"示例市示例区示例局\n\n2024年度部门决算\n\n收入支出决算总表\n公开01表\n单位：万元\n{word_dump(FINAL_ROWS)}\n"


@pytest.fixture(scope="module")
def final_account(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("final") / "example-bureau-2024-dept-final-account.txt"
    path.write_text(FINAL_ACCOUNT, encoding="utf-8")
    return parse_file(path)


def test_a_forms_number_is_not_its_title(final_account):
    (table,) = final_account.tables
    assert table.title == "收入支出决算总表" and table.kind is TableKind.INCOME_EXPENSE_TOTAL


def test_line_and_column_numbers_are_no_figures(final_account):
    facts = {(f.subject, f.measure): f.value for f in final_account.facts if f.origin == "table"}
    assert facts[("教育支出", "支出/金额")] == Decimal("30.00")
    assert facts[("一般公共预算财政拨款收入", "收入/金额")] == Decimal("150.00")
    assert not [key for key in facts if "行次" in key[1] or key[0] == "栏次"]


def test_an_unlabelled_row_of_column_numbers_is_no_figures(tmp_path: Path):
    rows = [r if r[0] != "栏次" else ("", "", "1", "", "", "2") for r in FINAL_ROWS]
    path = tmp_path / "example-bureau-2024-dept-final-account.txt"
    path.write_text(FINAL_ACCOUNT.replace(word_dump(FINAL_ROWS), word_dump(rows)), encoding="utf-8")
    facts = [(f.subject, f.measure, f.value) for f in parse_file(path).facts if f.origin == "table"]
    assert ("教育支出", "支出/金额", Decimal("30.00")) in facts
    assert not [fact for fact in facts if fact[2] in (1, 2) and "行次" not in fact[1]]


PAIRED = """示例县示例局
2025年部门预算

表7 表8
一般公共预算“三公”经费支出预算表 机关运行经费预算表
单位：万元 单位：万元

项目\t2025年预算数
合计\t29.10
公务接待费\t4.50

项目\t2025年预算数
合计\t248.36
差旅费\t33.50

注：机关运行经费统计范围为局本级。
"""


def test_two_tables_under_one_title_line_take_a_title_each(tmp_path):
    path = tmp_path / "example-bureau_2025_dept-budget.txt"
    path.write_text(PAIRED, encoding="utf-8")
    document = parse_file(path)
    assert [t.title for t in document.tables] == ["一般公共预算“三公”经费支出预算表", "机关运行经费预算表"]
    (travel,) = [f for f in document.facts if f.subject == "差旅费"]
    assert "机关运行经费预算表" in travel.context
