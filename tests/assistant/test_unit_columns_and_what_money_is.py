"""Units laid side by side as a table's columns answer for themselves, and a purchase table's row of a unit is never
its spending; what money is ("是什么钱", "哪来的") is the clause after its own figure; a body's figure never answers
an item its words overlap (医保基金 is no 医保基金稽核所, nor the staff's 基本医疗保险缴费); a statement of none in
another year says nothing of the year asked; counts named after their noun or by their sentence's item; a follow-up's
"这个项目" is the project asked before; people counted without an item are the staff; a figure noted as leaving out
the carry-over is no conflict with a table that counts it."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from tests.assistant.conftest import written_assistant

FINAL = """# 澥岙区医疗保障局2024年度部门决算

## 第一部分　部门概况

本部门编制40名，实有在职人员38人，退休人员12人。辖区内设东苑社区、西苑社区、南苑社区3个社区居民委员会。

### 一般公共预算财政拨款支出决算说明

1.医疗保障经办事务（项）。年初预算为0.00万元，调整预算为80.00万元，支出决算为78.00万元。年初未安排预算，调整预算数为上级追加的医保经办能力提升资金。
2.其他医疗保障管理事务（项）。年初预算为0.00万元，调整预算为36.00万元，支出决算为35.60万元。决算数大于年初预算数，主要原因是年中追加医保基金专项检查经费36.00万元，用于定点机构飞行检查、智能监控系统维护等。

## 第二部分　2024年度部门决算情况说明

收入包括：财政拨款收入3,160.00万元，其他收入50.00万元；支出包括：社会保障和就业支出3,115.00万元。

### 一、收入支出决算总体情况

2024年度收入合计3,210.00万元，其中：财政拨款收入3,160.00万元，全部为一般公共预算拨款；其他收入50.00万元，占1.56%，为区医保中心医保业务培训收入。
上年结转45.00万元，为医保信息系统升级项目2023年未支付完毕的合同尾款。
2024年度一般公共预算支出3,115.00万元（不含上年结转）。
2024年度经营收入12.00万元，占0.37%。本部门无上级补助收入。
经营收入主要为区医保中心档案查询复印服务取得的收入。

### 二、“三公”经费支出决算情况说明

（一）因公出国（境）费8.46万元，比上年增加8.46万元，全年安排国际医保交流团组1个、3人次。主要是赴新加坡考察医保支付方式改革。
（二）公务用车购置费43.68万元，2024年度购置执法执勤用车3辆。2023年度未发生公务用车购置费支出。
（三）公务用车运行维护费：未安排。本单位公车改革后未保留公务用车，公务出行由区公务用车服务中心统一保障。

### 三、预算绩效管理情况

2024年度11个项目全部开展了绩效自评，本次公开医保稽核能力提升1个重点项目的绩效目标。

### 四、名词解释

年初预算数：指区人民代表大会批准的年初部门预算数。
全年预算数：指年度执行中经批准调整后的预算数。
其他收入：指单位取得的除财政拨款收入、事业收入、经营收入等以外的各项收入。

## 第三部分　2024年度部门决算表

### 表1　财政拨款收入支出决算总表

单位：万元

| 收入项目 | 决算数 | 支出项目 | 一般公共预算 |
|---|---:|---|---:|
| 一般公共预算财政拨款 | 3,115.00 | 一般公共预算支出 | 3,160.00 |
| 上年结转 | 45.00 | 支出总计 | 3,160.00 |
| 收入总计 | 3,160.00 |  |  |

### 表2　支出决算分单位表

单位：万元

| 项目 | 合计 | 本级 | 区医保中心 | 区医保基金稽核所 |
|---|---:|---:|---:|---:|
| 支出合计 | 3,160.00 | 1,500.00 | 1,100.00 | 560.00 |
| 其中：基本支出 | 1,260.00 | 600.00 | 400.00 | 260.00 |
| 项目支出 | 1,900.00 | 900.00 | 700.00 | 300.00 |

### 表3　基本支出决算表

单位：万元

| 科目编码 | 科目名称 | 决算数 |
|---|---|---:|
| 30110 | 职工基本医疗保险缴费 | 88.00 |
| 30201 | 办公费 | 40.00 |

### 表4　政府采购支出表

单位：万元

| 采购单位 | 合计 | 货物 | 服务 |
|---|---:|---:|---:|
| 合计 | 300.00 | 120.00 | 180.00 |
| 澥岙区医疗保障局（本级） | 120.00 | 70.00 | 50.00 |
| 区医保基金稽核所 | 180.50 | 50.00 | 130.50 |

### 表5　政府采购明细表

单位：万元

| 采购项目 | 采购品目 | 数量 | 计量单位 | 预算金额 |
|---|---|---:|---|---:|
| 高速档案扫描仪 | A02 货物 | 4 | 台 | 68.00 |
| 稽核软件服务 | C 服务 | 1 | 项 | 112.50 |

### 表7　“三公”经费支出决算表

单位：万元

| 项目 | 决算数 |
|---|---:|
| 因公出国（境）费 | 8.46 |
| 因公出国（境）人次数（人） | 3 |

### 表6-1　医保稽核能力提升

| 项目名称 | 医保稽核能力提升 |  |  |
|---|---|---|---|
| 项目资金（万元） | 303.00 |  |  |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 稽核病历页数 | ≥180万页 |
| 产出指标 | 时效指标 | 单批次稽核周期 | ≤30天 |
| 成本指标 | 经济成本指标 | 人均稽核补助标准 | ≤1200元/人·月 |
"""

ARCHIVES = """澥岙区档案馆2025年单位预算

一、“三公”经费预算情况说明
2025年澥岙区档案馆“三公”经费预算4.80万元，比2024年预算减少0.90万元。其中：因公出国（境）费0.00万元；公务用车购置费0.00万元；公务用车运行费3.60万元；公务接待费1.20万元。
"""

DOCS = {"xie-ao-district-healthcare-security-bureau_2024_dept-final-account.md": FINAL,
        "xie-ao-district-archives_2025_unit-budget.txt": ARCHIVES}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unit_columns"), embeddings, DOCS)


def test_a_unit_laid_out_as_a_column_answers_for_itself(assistant):
    basic = assistant.ask("澥岙区医保局的基金稽核所基本支出多少")
    assert basic.kind == "number" and basic.value == pytest.approx(260.0)
    whole = assistant.ask("澥岙区医保局的基金稽核所2024年支出多少")
    assert whole.kind == "number" and whole.value == pytest.approx(560.0)  # never its 政府采购 row's 180.50


def test_a_share_of_a_unit_laid_out_as_a_column_is_over_its_rows_total(assistant):
    first = assistant.ask("澥岙区医保局的区医保中心2024年支出多少")
    assert first.value == pytest.approx(1100.0)
    share = assistant.ask("占整个部门支出的比例是多少", context=first.context)
    assert share.kind == "number" and share.value == pytest.approx(34.81, abs=0.01)  # 1100 ÷ 3160


def test_a_count_of_visits_is_in_visits_whatever_its_bracket_says(assistant):
    answer = assistant.ask("澥岙区医保局2024年因公出国人次数是多少")
    assert answer.kind == "number" and answer.value == 3 and answer.unit == "人次"


def test_a_units_purchases_are_answered_from_its_purchase_row(assistant):
    answer = assistant.ask("澥岙区医保局的基金稽核所政府采购多少")
    assert answer.kind == "number" and answer.value == pytest.approx(180.5)


def test_a_fund_asked_is_no_figure_of_a_body_or_a_contribution_named_like_it(assistant):
    answer = assistant.ask("澥岙区医保局2024年职工医保基金支出了多少钱")
    assert answer.value not in (pytest.approx(88.0), pytest.approx(560.0))
    assert answer.kind == "not_found"


def test_what_money_is_is_the_clause_after_its_own_figure(assistant):
    carried = assistant.ask("澥岙区医保局的上年结转资金是什么钱")
    assert carried.kind == "text" and "合同尾款" in carried.text
    other = assistant.ask("澥岙区医保局的其他收入是哪来的")
    assert other.kind == "text" and "医保业务培训收入" in other.text
    assert "除财政拨款收入" in other.text and len(other.citations) == 2  # and the glossary's general entry
    used = assistant.ask("澥岙区医保局上年结转资金用在哪个项目上")  # no 用于 clause: what the money is said to be
    assert used.kind == "text" and "医保信息系统升级项目" in used.text
    fund = assistant.ask("澥岙区医保局财政拨款收入是干什么用的")  # a fund's composition is no purpose
    assert "全部为" not in fund.text
    run = assistant.ask("澥岙区医保局的经营收入是怎么来的")  # said again on the next line
    assert run.kind == "text" and "档案查询复印服务" in run.text and "12.00" in run.citations[0].quote
    assert parse_question("澥岙区医保局的上年结转资金是什么钱", []).asks_what_money
    which = assistant.ask("澥岙区医保局的其他收入主要是哪些钱")
    assert which.kind == "text" and "医保业务培训收入" in which.text
    assert parse_question("澥岙区医保局的经营收入都有哪些收入", []).asks_what_money
    assert not parse_question("澥岙区医保局报了绩效目标的11个项目都是啥", []).asks_definition  # names, not a meaning


def test_an_income_is_found_by_the_money_its_sentence_says_it_is(assistant):
    answer = assistant.ask("澥岙区医保局2024年医保业务培训收入多少")  # "其他收入50.00万元，占1.56%，为…医保业务培训收入"
    assert answer.kind == "number" and answer.value == 50.0 and "为区医保中心医保业务培训收入" in answer.text, answer.text
    assert "主要用于" not in answer.text


def test_a_basis_asked_to_be_defined_is_defined_by_its_own_entry(assistant):
    answer = assistant.ask("澥岙区医保局决算里说的全年预算数是什么意思")
    assert answer.kind == "text" and "调整后的预算数" in answer.text


def test_none_stated_of_another_year_says_nothing_of_the_year_asked(assistant):
    answer = assistant.ask("澥岙区医保局2024年买了几辆车")
    assert answer.kind == "number" and answer.value == 3  # not 0 from "2023年度未发生公务用车购置费支出"


def test_a_count_named_after_its_noun_is_a_count_of_that_noun(assistant):
    answer = assistant.ask("澥岙区医保局2024年一共有几个项目")
    assert answer.kind == "number" and answer.value == 11  # not the 1 重点项目 published
    assert "11个项目" in answer.citations[0].quote
    assert "第二部分" not in answer.text  # a part of the document names no item


def test_going_is_no_part_of_what_is_counted():
    assert "去" not in parse_question("澥岙区医保局2024年出国去了几个人", []).focus


def test_where_a_trip_went_and_what_for_is_what_its_paragraph_says_it_mainly_was(assistant):
    spent = assistant.ask("澥岙区医保局2024年出国经费是多少")
    trip = assistant.ask("去哪里干什么了？", context=spent.context)
    assert trip.kind == "text" and "新加坡" in trip.text and "支付方式改革" in trip.text, trip.text


def test_what_an_item_was_used_for_may_be_said_later_in_its_paragraph(assistant):
    """"那36万是干啥用的": the figure pointed at names no item; the use is said two sentences after the item's figure."""
    answer = assistant.ask("澥岙区医保局2024年其他医疗保障管理事务那36万是干啥用的")
    assert answer.kind == "text" and "医保基金专项检查" in answer.text and "飞行检查" in answer.text, answer.text
    assert any("飞行检查" in c.quote for c in answer.citations)


def test_a_standard_per_head_is_shown_with_what_it_is_per_and_never_as_a_sum(assistant):
    answer = assistant.ask("澥岙区医保局医保稽核能力提升的人均稽核补助标准是多少")
    assert answer.kind == "number" and answer.value == 1200 and answer.unit == "元/人·月", answer.text
    assert "1200" in answer.text and "元/人·月" in answer.text
    per_head = assistant.ask("澥岙区医保局医保稽核能力提升每人每月稽核补助多少钱")
    assert per_head.kind == "number" and per_head.value == 1200 and per_head.unit == "元/人·月", per_head.text
    whole = assistant.ask("澥岙区医保局医保稽核能力提升项目资金多少钱")
    assert whole.kind == "number" and whole.value == 303, whole.text


def test_a_count_belongs_to_the_item_its_sentence_opens_with(assistant):
    groups = assistant.ask("澥岙区医保局2024年安排了几个出国团组")
    assert groups.kind == "number" and groups.value == 1


def test_a_purchase_is_found_by_what_is_bought(assistant):
    answer = assistant.ask("澥岙区医保局要买几台扫描仪")
    assert answer.kind == "number" and answer.value == 4


def test_an_indicator_grid_inside_a_project_form_is_read_whatever_the_title(assistant):
    pages = assistant.ask("澥岙区医保局医保稽核能力提升项目稽核多少万页")
    assert pages.kind == "number" and pages.value == pytest.approx(180.0) and pages.unit == "万页"
    period = assistant.ask("澥岙区医保局医保稽核能力提升项目单批次稽核周期要求多长")
    assert period.kind == "number" and period.value == pytest.approx(30.0)


def test_this_project_in_a_follow_up_is_the_project_asked_before(assistant):
    first = assistant.ask("澥岙区医保局医保稽核能力提升项目一共多少钱")
    assert first.value == pytest.approx(303.0)
    follow = assistant.ask("这个项目稽核多少万页", context=first.context)
    assert follow.kind == "number" and follow.value == pytest.approx(180.0)


def test_a_count_of_bodies_is_no_bodys_figure(assistant):
    answer = assistant.ask("澥岙区医保局下面有几个社区")
    assert answer.kind == "number" and answer.value == 3


def test_a_reason_two_sentences_on_in_the_figures_paragraph(assistant):
    answer = assistant.ask("澥岙区医保局2024年医疗保障经办事务年初没有预算，为啥有支出")
    assert answer.kind == "text" and "上级追加" in answer.text


def test_people_asked_without_an_item_are_the_staff(assistant):
    answer = assistant.ask("澥岙区医保局有多少人")
    assert answer.kind == "number" and answer.value == 38


def test_a_contract_is_no_comparison(assistant):
    plan = parse_question("澥岙区医保局2024年政府采购里给中小企业的合同占多少比例", [])
    assert "给中小企业合同" in plan.parts  # 同 is no 同上年


def test_a_figure_noted_without_the_carry_over_is_no_conflict(assistant):
    answer = assistant.ask("澥岙区医保局2024年一般公共预算支出是多少，不算上年结转")
    assert answer.kind == "number" and answer.value == pytest.approx(3115.0)
    assert not answer.conflicts


def test_why_none_is_the_sentence_after_the_statement_of_none(assistant):
    answer = assistant.ask("澥岙区医保局为啥没有公车运行维护费")
    assert answer.kind == "text" and "未保留公务用车" in answer.text


def test_parts_printed_apart_are_listed_under_the_group_documents_name(assistant):
    answer = assistant.ask("澥岙区档案馆三公经费包括哪些")
    assert answer.kind == "text" and "包括3项" in answer.text
    assert "公务用车购置及运行费（公务用车购置费：0.00万元，公务用车运行费：3.60万元）" in answer.text
    assert len(answer.citations) == 4  # every part's figure is cited
