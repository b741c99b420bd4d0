"""A 类 or 款 printed only above its 项 rows is their total, and the table the question asks for is looked in first;
a whole is never its own part in a share; an item whose head word the figure does not say is another item; a
stated change belongs to the figure a lookup of the item answers with; "城乡" is no body; a list that points to the table
below is that table's rows; the parts a change leads into give its reasons, and the clause after a change may say
why (一次性项目); whom an item serves is its definition; a unit's figure written with thousands
separators or before a quoted item is the unit's."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from assistant.intent import parse_question
from tests.assistant.conftest import written_assistant

BUDGET = """# 洇溪区医疗保障局2025年部门预算

## 第二部分　2025年部门预算表

### 表3　支出预算总表

单位：万元

| 类 | 款 | 项 | 科目编码 | 合计 | 基本支出 | 项目支出 |
|---|---|---|---|---:|---:|---:|
| **合计** |  |  |  | **3,330.00** | **230.00** | **3,100.00** |
| 卫生健康支出 | 财政对基本医疗保险基金的补助 | 财政对城乡居民基本医疗保险基金的补助 | 2101202 | 2,000.00 |  | 2,000.00 |
|  | 医疗救助 | 城乡医疗救助 | 2101301 | 600.00 |  | 600.00 |
|  |  | 疾病应急救助 | 2101302 | 50.00 |  | 50.00 |
|  | 医疗保障管理事务 | 行政运行 | 2101501 | 200.00 | 200.00 |  |
|  |  | 信息化建设 | 2101504 | 100.00 |  | 100.00 |
|  |  | 医疗保障经办事务 | 2101506 | 350.00 |  | 350.00 |
| 住房保障支出 | 住房改革支出 | 住房公积金 | 2210201 | 30.00 | 30.00 |  |

### 表4　财政拨款收支预算总表

单位：万元

| 收入 | 预算数 | 支出 | 预算数 |
|---|---:|---|---:|
| 一般公共预算拨款 | 3,290.00 | 卫生健康支出 | 3,300.00 |
| 上年结转 | 40.00 | 住房保障支出 | 30.00 |
| 收入总计 | 3,330.00 | 支出总计 | 3,330.00 |

### 表5　一般公共预算支出预算表

单位：万元

| 类 | 款 | 项 | 科目编码 | 2024年预算数 | 2025年预算数 | 增减额 |
|---|---|---|---|---:|---:|---:|
| **合计** |  |  |  | **3,080.00** | **3,290.00** | **210.00** |
| 卫生健康支出 | 财政对基本医疗保险基金的补助 | 财政对城乡居民基本医疗保险基金的补助 | 2101202 | 1,880.00 | 2,000.00 | 120.00 |
|  | 医疗救助 | 城乡医疗救助 | 2101301 | 500.00 | 560.00 | 60.00 |
|  |  | 疾病应急救助 | 2101302 | 50.00 | 50.00 | 0.00 |
|  | 医疗保障管理事务 | 行政运行 | 2101501 | 190.00 | 200.00 | 10.00 |
|  |  | 信息化建设 | 2101504 | 120.00 | 100.00 | -20.00 |
|  |  | 医疗保障经办事务 | 2101506 | 310.00 | 350.00 | 40.00 |
| 住房保障支出 | 住房改革支出 | 住房公积金 | 2210201 | 30.00 | 30.00 | 0.00 |

注：本表为一般公共预算当年拨款，不含上年结转。

## 第三部分　2025年部门预算情况说明

### 一、一般公共预算当年拨款支出情况

1. 财政对城乡居民基本医疗保险基金的补助（项）20,000,000.00元，比上年增加1,200,000.00元，主要是城乡居民医保人均财政补助标准提高。
2. 城乡医疗救助（项）5,600,000.00元（不含上年结转），比上年增加600,000.00元，主要是资助参保人数由1.1万人增加到1.2万人。

### 二、名词解释

城乡医疗救助：指对特困人员、低保对象等困难群众参加城乡居民医保的个人缴费给予资助的支出。

### 三、政府采购预算情况

2025年本部门政府采购预算300.00万元，其中：货物类100.00万元，工程类150.00万元，服务类50.00万元。
"""

RESERVES = """洇溪区粮食和物资储备局
2025年部门预算

第一部分 部门概况
一、部门预算单位构成
纳入本部门2025年部门预算编制范围的预算单位共3个，包括局机关本级和2个所属事业单位，具体见下表：
附 部门预算单位构成
部门名称：洇溪区粮食和物资储备局 单位：人

序号\t单位名称\t单位性质\t编制人数\t实有人数
1\t洇溪区粮食和物资储备局机关\t行政单位\t30\t28
2\t洇溪区储备粮管理中心\t公益一类事业单位\t12\t11
3\t洇溪区救灾物资储备站\t公益二类事业单位\t8\t8
\t合计\t\t50\t47

第二部分 部门预算情况说明（问答）
问：储备粮（油）库建设怎么没有安排？
答：储备粮（油）库建设（项）2025年未安排预算，比上年减少300.00万元，该项目为2024年一次性项目。
问：今年“三公”经费为什么减少？
答：2025年本部门一般公共预算安排“三公”经费9.00万元，比2024年预算15.00万元减少6.00万元，下降40.00%。具体是：
因公出国（境）费0万元，比上年减少2.00万元，主要是不再安排出访团组；
公务用车购置及运行费6.00万元，比上年减少3.00万元，主要是2024年更新应急保障用车1辆，2025年没有车辆购置计划；
公务接待费3.00万元，比上年减少1.00万元，主要是压减接待批次。
问：“三公”经费分单位是多少？
答：分单位看，局机关本级“三公”经费预算50,000.00元（公务用车运行费30,000.00元、公务接待费20,000.00元）；洇溪区储备粮管理中心“三公”经费预算40,000.00元。
"""

DOCS = {"yinxi-district-healthcare-security-bureau_2025_dept-budget.md": BUDGET,
        "yinxi-district-grain-reserves-bureau_2025_dept-budget.txt": RESERVES}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("levels_heads"), embeddings, DOCS)


def test_a_level_printed_above_its_rows_is_their_total(assistant):
    answer = assistant.ask("洇溪医保局2025年医疗保障管理事务（款）一共安排多少")
    assert answer.kind == "number" and answer.value == pytest.approx(650.0)  # 200 + 100 + 350, not one of them
    assert len(answer.citations) == 3


def test_the_table_asked_for_is_summed_before_another_tables_row_of_the_level(assistant):
    answer = assistant.ask("洇溪医保局2025年卫生健康支出（类）一般公共预算当年拨款是多少")
    assert answer.kind == "number" and answer.value == pytest.approx(3260.0)  # 表5's rows, not 表4's 3300 with 结转


def test_a_whole_is_never_its_own_part_in_a_share(assistant):
    answer = assistant.ask("洇溪医保局2025年政府采购预算里工程类占多大比例")
    assert answer.kind == "number" and answer.value == pytest.approx(50.0)


def test_an_item_whose_head_the_figure_does_not_say_is_another_item(assistant):
    other = assistant.ask("洇溪医保局2025年资助参保退出多少万人")
    assert other.kind == "not_found" and "1.2" not in other.text  # 资助参保人数 is no count of those leaving
    named = assistant.ask("洇溪医保局2025年资助参保人数是多少万人")
    assert named.kind == "number" and named.value == pytest.approx(1.2)


def test_a_change_stated_beside_the_figure_a_lookup_answers_with(assistant):
    answer = assistant.ask("洇溪医保局2025年给城乡居民医保基金的财政补助比上年增加了多少")
    assert answer.kind == "number" and answer.value == pytest.approx(120.0)


def test_a_word_holding_a_place_suffix_names_no_body(assistant):
    plan = parse_question("洇溪医保局2025年给城乡居民医保基金的财政补助有多少", assistant.index.documents())
    assert plan.unknown_body is None and plan.departments == ["洇溪区医疗保障局"]


def test_a_list_pointing_to_the_table_below_is_its_rows(assistant):
    answer = assistant.ask("洇溪区粮食和物资储备局部门预算包括哪几个单位")
    assert answer.kind == "text" and all(unit in answer.text for unit in ("储备粮管理中心", "救灾物资储备站"))
    assert "12，11" in answer.text  # a row's cells set apart, never one run of digits


def test_the_parts_a_change_leads_into_give_its_reasons(assistant):
    answer = assistant.ask("洇溪粮储局2025年三公经费为什么减少")
    assert answer.kind == "text" and all(part in answer.text for part in ("出访团组", "车辆购置计划", "接待批次"))


NUMBERED_PARTS = """洇溪区发展和改革委员会2025年部门预算
七、一般公共预算“三公”经费预算情况
2025年一般公共预算“三公”经费预算22.80万元，比2024年减少8.70万元，下降27.62%。其中：
（一）因公出国（境）费0.00万元，比2024年减少6.00万元，主要原因是2025年无因公出国（境）计划。
（二）公务用车购置及运行费18.60万元，比2024年减少1.80万元，主要原因是2024年报废1辆超过使用年限的公务用车。
（三）公务接待费4.20万元，比2024年减少0.90万元，主要原因是压减接待批次。
八、政府性基金预算支出情况
本部门2025年没有使用政府性基金预算拨款安排的支出，主要原因是没有此类收入。
"""


def test_the_numbered_parts_after_its_other_words_give_a_changes_reasons(tmp_path_factory, embeddings):
    """"…减少8.70万元。其中：" and then （一）（二）（三）, each part with its reason: every part's reason, up to the next 八、."""
    answer = written_assistant(tmp_path_factory.mktemp("numbered-parts"), embeddings,
                               {"yinxi-district-development-reform-commission_2025_dept-budget.txt": NUMBERED_PARTS}
                               ).ask("洇溪区发改委2025年三公经费为什么减少")
    assert answer.kind == "text" and all(part in answer.text for part in ("无因公出国", "报废1辆", "接待批次")), answer.text
    assert "没有此类收入" not in answer.text


def test_the_own_offices_figure_written_with_thousands_separators_is_its_own(assistant):
    answer = assistant.ask("洇溪粮储局机关本级2025年的三公经费是多少")
    assert answer.kind == "number" and answer.value == pytest.approx(5.0)
    unit = assistant.ask("洇溪区储备粮管理中心2025年三公经费是多少")
    assert unit.kind == "number" and unit.value == pytest.approx(4.0)


def test_the_clause_after_a_change_that_says_why(assistant):
    answer = assistant.ask("洇溪粮储局2025年储备粮（油）库建设怎么没有安排钱")
    assert answer.kind == "text" and "一次性项目" in answer.text and "出访团组" not in answer.text


def test_whom_an_item_serves_is_its_definition(assistant):
    answer = assistant.ask("洇溪医保局的城乡医疗救助主要救助哪些人")
    assert answer.kind == "text" and "特困人员" in answer.text
