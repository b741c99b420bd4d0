"""Rows a `.txt` disclosure draws with box characters or prints as "item：figure" lines are read as tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ingest.loaders.text_rows import cell_rows
from ingest.model import TableKind
from ingest.pipeline import parse_file

KEY_VALUE = """示例区示例街道办事处2025年部门预算

一、部门概况
示例街道办事处负责辖区社区治理工作。

九、预算表

（单位：元）

【表1】支出预算总表（按功能分类）
  2010301 行政运行：6,248,600.00（基本支出）
  2080505 机关事业单位基本养老保险缴费支出：812,450.00（基本支出）
  2120501 城乡社区环境卫生：2,480,000.00（项目支出）
  合计：9,541,050.00

【表2】一般公共预算支出表（与上年对比）
  2010301 行政运行：2024年 6102300.00；2025年 6248600.00
  2120501 城乡社区环境卫生：2024年 2300000.00；2025年 2480000.00
  合计：2024年 8402300.00；2025年 8728600.00

【表3】“三公”经费预算表
  因公出国（境）费：0.00
  公务用车运行维护费：0.00
  公务接待费：18,000.00
  合计：18,000.00

附表：项目绩效目标表
┌──────────┬──────────┬──────────────┬────────┐
│一级指标　│二级指标　│三级指标　　　│指标值　│
├──────────┼──────────┼──────────────┼────────┤
│产出指标　│数量指标　│垃圾分类覆盖小区数│32个　　│
├──────────┼──────────┼──────────────┼────────┤
│　　　　　│质量指标　│道路保洁检查合格率│≥95%　　│
└──────────┴──────────┴──────────────┴────────┘
"""


def test_box_rows_become_cells_and_borders_are_left_out() -> None:
    lines = ["┌──┬──┐", "│产出指标　│32个　│", "├──┼──┤", "│　　　　　│≥95%│", "└──┴──┘"]
    assert cell_rows(lines) == ["产出指标\t32个", "\t≥95%"]


def test_rows_of_cells_set_apart_by_bars_alone_become_cells() -> None:
    """"a|b|c" as WPS saves a table as text: a run of such rows is a table; one line with a bar stays prose."""
    run = ["项目|决算数|项目|决算数", "本年收入合计|19,516,570.00|本年支出合计|19,442,159.58",
           "年初结转和结余|286,420.00|年末结转和结余|360,830.42", "六、经营收入|0.00||"]
    assert cell_rows(run) == ["项目\t决算数\t项目\t决算数", "本年收入合计\t19,516,570.00\t本年支出合计\t19,442,159.58",
                              "年初结转和结余\t286,420.00\t年末结转和结余\t360,830.42", "六、经营收入\t0.00\t\t"]
    assert cell_rows(["说明：数据来源|财政局", "其他"]) == ["说明：数据来源|财政局", "其他"]


def test_bar_separated_rows_give_table_figures(tmp_path: Path) -> None:
    path = tmp_path / "example-centre-2024-unit-final-account.txt"
    path.write_text("\n".join(["示例市示例管理中心2024年度单位决算", "", "表1 收入支出决算总表", "单位：元",
                               "收入||支出|", "项目|决算数|项目|决算数",
                               "一、财政拨款收入|19,477,920.00|一、一般公共服务支出|19,442,159.58",
                               "本年收入合计|19,516,570.00|本年支出合计|19,442,159.58",
                               "年初结转和结余|286,420.00|年末结转和结余|360,830.42"]), encoding="utf-8")
    figures = {(f.subject, f.value) for f in parse_file(path).facts if f.origin == "table"}
    assert ("年末结转和结余", Decimal("360830.42")) in figures


def test_a_run_of_item_lines_becomes_rows_and_a_lone_one_stays_prose() -> None:
    run = ["  2010301 行政运行：6,248,600.00（基本支出）", "  事业运行：1,126,400.00", "  合计：7,375,000.00"]
    assert cell_rows(run) == ["2010301\t行政运行\t6,248,600.00\t（基本支出）", "\t事业运行\t1,126,400.00", "\t合计\t7,375,000.00"]
    assert cell_rows(["联系电话：12345678", "地址：示例路1号"]) == ["联系电话：12345678", "地址：示例路1号"]


def test_year_pairs_put_their_years_over_the_columns() -> None:
    run = ["  行政运行：2024年 6102300.00；2025年 6248600.00", "  事业运行：2024年 1.00；2025年 2.00",
           "  合计：2024年 6102301.00；2025年 6248602.00"]
    assert cell_rows(run)[:2] == ["\t2024年\t2025年", "行政运行\t6102300.00\t6248600.00"]


def test_item_lines_give_facts_in_the_unit_the_document_declared_above_them(tmp_path: Path) -> None:
    path = tmp_path / "example-street-2025-dept-budget.txt"
    path.write_text(KEY_VALUE, encoding="utf-8")
    doc = parse_file(path)
    figures = {(f.subject, f.measure, f.period): (f.value, f.unit) for f in doc.facts if f.origin == "table"}
    assert figures["行政运行", "金额", None] == (Decimal("6248600.00"), "元")
    assert figures["公务接待费", "金额", None] == (Decimal("18000.00"), "元")
    assert figures["行政运行", "2024年", 2024] == (Decimal("6102300.00"), "元")
    assert figures["城乡社区环境卫生", "2025年", 2025] == (Decimal("2480000.00"), "元")
    assert not [key for key in figures if key[0] in ("2024年", "2025年")]  # a year over a column is no figure
    indicators = {f.value: f.unit for f in doc.facts if f.origin == "table" and f.measure in ("数量指标", "质量指标")}
    assert indicators == {Decimal(32): "个", Decimal(95): "%"}


GRID_LINES = """示例州示例医院2025年单位预算

十、项目绩效目标
项目一：示例设备购置项目
年度绩效目标：年内完成设备采购并投入使用。
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 购置256排CT =1台
效益指标 社会效益指标 CT检查平均预约等待时间 ≤1天
满意度指标 服务对象满意度指标 患者满意度 ≥90%
项目二：示例专科建设项目
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 介入手术量 ≥2800台次
质量指标 并发症发生率 ≤1%
"""


def test_space_separated_indicator_rows_become_cells() -> None:
    lines = ["一级指标 二级指标 三级指标 指标值", "产出指标 数量指标 购置256排CT =1台", "质量指标 并发症发生率 ≤1%",
             "项目二：示例专科建设项目"]
    assert cell_rows(lines) == ["一级指标\t二级指标\t三级指标\t指标值", "产出指标\t数量指标\t购置256排CT\t=1台",
                                "\t质量指标\t并发症发生率\t≤1%", "项目二：示例专科建设项目"]
    assert cell_rows(["一级指标 二级指标 说明", "产出指标 数量指标 文字"]) == ["一级指标 二级指标 说明", "产出指标 数量指标 文字"]


def test_an_indicator_grid_under_a_project_block_is_that_projects(tmp_path: Path) -> None:
    path = tmp_path / "example-hospital-2025-unit-budget.txt"
    path.write_text(GRID_LINES, encoding="utf-8")
    doc = parse_file(path)
    targets = {(f.subject, f.context.partition("：")[2]): (f.measure, f.value, f.unit, f.qualifier)
               for f in doc.facts if f.origin == "table"}
    assert targets[("示例设备购置项目", "CT检查平均预约等待时间")] == ("社会效益指标", Decimal(1), "天", "≤")
    assert targets[("示例设备购置项目", "购置256排CT")] == ("数量指标", Decimal(1), "台", "=")
    assert targets[("示例专科建设项目", "介入手术量")] == ("数量指标", Decimal(2800), "台次", "≥")
    assert targets[("示例专科建设项目", "并发症发生率")] == ("质量指标", Decimal(1), "%", "≤")  # its 一级指标 the row above's


def test_a_run_of_dotted_item_lines_becomes_rows() -> None:
    """A notice printed from a newspaper leads each item to its figure with dots ("公务接待费…………3.20")."""
    run = ["合计……………………11.80", "公务用车购置及运行费………8.60", "其中：公务用车购置费………0.00", "30217　公务接待费…………3.20"]
    assert cell_rows(run) == ["\t合计\t11.80", "\t公务用车购置及运行费\t8.60", "\t其中：公务用车购置费\t0.00", "30217\t公务接待费\t3.20"]


def test_a_table_drawn_in_ascii_loses_its_rules_and_keeps_its_cells() -> None:
    lines = ["+------+------+", "| 科目名称 | 合计 |", "+======+======+", "| 宗教事务 | 83.60 |", "+------+------+"]
    assert cell_rows(lines) == ["科目名称\t合计", "宗教事务\t83.60"]


NAMED_COLUMNS = """示例区科学技术协会2025年部门预算

表三　部门支出预算总表
单位：万元
合计：458.49；基本支出309.99；项目支出148.50
206　科学技术支出：361.10；基本支出212.60；项目支出
148.50
2060703　青少年科技活动：54.00；基本支出0.00；项
目支出54.00

表五　一般公共预算支出预算表
单位：万元
合计：2024年预算数413.52；2025年预算数450.49，其中基本支
出309.99、项目支出140.50
2060703　青少年科技活动：2024年预算数38.50；2025年预算数46.00，
其中基本支出0.00、项目支出46.00

表二　部门收入预算总表
单位：万元
示例区科协机关：322.97（一般公共预算拨款322.97，上年结转
0.00）
示例区青少年科技活动中心：135.52（一般公共预算拨款127.52，
上年结转8.00）

一、部门职能：
（一）组织开展群众性科普活动。
"""


def test_rows_of_named_figures_are_read_under_their_column_names(tmp_path: Path) -> None:
    """"item：figure；column figure" rows wrapped anywhere: the first figure is the 合计, the others are named by the
    words before them (also after 其中 or inside brackets); a heading with a colon and its prose stay prose."""
    path = tmp_path / "example-district-science-association_2025_dept-budget.txt"
    path.write_text(NAMED_COLUMNS, encoding="utf-8")
    document = parse_file(path)
    figures = {(f.table_kind, f.subject, f.measure): f.value for f in document.facts if f.origin == "table"}
    assert figures[(TableKind.EXPENSE, "青少年科技活动", "合计")] == Decimal("54.00")
    assert figures[(TableKind.EXPENSE, "科学技术支出", "项目支出")] == Decimal("148.50")
    assert figures[(TableKind.GENERAL_PUBLIC, "青少年科技活动", "项目支出")] == Decimal("46.00")
    assert figures[(TableKind.GENERAL_PUBLIC, "合计", "基本支出")] == Decimal("309.99")
    assert figures[(TableKind.INCOME, "示例区青少年科技活动中心", "上年结转")] == Decimal("8.00")
    assert "一、部门职能：\n（一）组织开展群众性科普活动。" in document.text


def test_a_ruled_rows_wrapped_cells_are_joined_to_it() -> None:
    lines = ["┌────────┬──────┬──────┐", "│项目名称│实施单位│决算数│", "├────────┼──────┼──────┤",
             "│城区道路清扫保洁及│环境卫生管理处│55,206,418.20│", "│垃圾清运服务│  │  │", "├────────┼──────┼──────┤",
             "│（2）公务用车运│市政设施管护中心│1,218,436.20│", "│行维护费│ │ │", "└────────┴──────┴──────┘"]
    assert cell_rows(lines) == ["项目名称\t实施单位\t决算数", "城区道路清扫保洁及垃圾清运服务\t环境卫生管理处\t55,206,418.20",
                                "（2）公务用车运行维护费\t市政设施管护中心\t1,218,436.20"]


def test_rows_under_one_rule_are_each_their_own() -> None:
    lines = ["┌──────┬──────┐", "│项目│预算数│", "├──────┼──────┤", "│一、基本支出│80.00│", "│工资福利支出│60.00│",
             "│商品和服务支出│20.00│", "│二、项目支出││", "└──────┴──────┘"]
    assert cell_rows(lines) == ["项目\t预算数", "一、基本支出\t80.00", "工资福利支出\t60.00", "商品和服务支出\t20.00",
                                "二、项目支出\t"]
