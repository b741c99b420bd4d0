"""Which indexed departments a question names: tails, abbreviations, places, unknown bodies."""

from __future__ import annotations

import random
import time

import pytest

from assistant.departments import DepartmentMatch, find_all_departments, find_department, short_name

# the departments of the shared documents
SHARED = [
    "中共廊坊市委政法委员会",
    "上海市普陀区人民政府万里街道办事处",
    "上海市普陀区商务委员会",
    "上海市普陀区人民政府办公室",
    "上海市普陀区财政局",
    "上海市普陀区社会福利院",
    "上海市普陀区司法局",
    "上海市财政局",
    "上海市普陀区规划和自然资源局",
    "中共上海市普陀区委社会工作部",
    "重庆市交通委员会",
    "上海市普陀区人民政府石泉路街道办事处（本级）",
]
# invented departments, in other places and with other kinds of name
INVENTED = [
    "深圳市南山区发展和改革局",
    "江苏省人大常委会办公厅",
    "某县文化和旅游局",
    "某区住房和城乡建设管理委员会",
    "某市人力资源和社会保障局",
    "某区卫生健康委员会",
    "某市市场监督管理局",
    "某区建设管理委员会",
    "某市商贸中等职业学校",
]
WANLI = "上海市普陀区人民政府万里街道办事处"
SHIQUAN = "上海市普陀区人民政府石泉路街道办事处（本级）"
COMMERCE = "上海市普陀区商务委员会"
OFFICE = "上海市普陀区人民政府办公室"
DISTRICT_FINANCE = "上海市普陀区财政局"
CITY_FINANCE = "上海市财政局"
PLANNING = "上海市普陀区规划和自然资源局"
SOCIAL_WORK = "中共上海市普陀区委社会工作部"
POLITICS = "中共廊坊市委政法委员会"
TRANSPORT = "重庆市交通委员会"


def named(question: str, known: list[str] = SHARED) -> tuple[str, ...]:
    return find_department(question, known).departments


def unknown(question: str, known: list[str] = SHARED) -> str | None:
    return find_department(question, known).unknown


# ---------------------------------------------------------------- exact names and their tails


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("上海市普陀区财政局2025年公务接待费是多少？", DISTRICT_FINANCE),
        ("普陀区财政局2025年公务接待费是多少？", DISTRICT_FINANCE),
        ("请问普陀区财政局的三公经费", DISTRICT_FINANCE),
        ("2023年新建万里街道社区公共服务中心项目资金总额", WANLI),  # words before the name
        ("截至2024年8月底万里街道一共有几辆车", WANLI),
        ("支持商务委的专项", COMMERCE),
        ("万里街道2025年的三公经费是多少？", WANLI),
        ("万里街道办事处的机关运行经费", WANLI),
        ("普陀区人民政府万里街道办事处的收入预算", WANLI),
        ("万里街道办今年有多少预算", WANLI),
        ("万里街道办公费是多少", WANLI),  # 办公费 is no 办
        ("政法委的公务接待费是多少", POLITICS),
        ("廊坊市委政法委2020年公务接待费是多少？", POLITICS),
        ("中共廊坊市委政法委员会2020年部门预算", POLITICS),
        ("商务委2025年收入总计是多少元？", COMMERCE),
        ("普陀区商务委员会2025年机关运行经费是多少？", COMMERCE),
        ("社会福利院2024年事业收入有多少？", "上海市普陀区社会福利院"),
        ("石泉路街道2026年“三公”经费预算是多少？", SHIQUAN),
        ("石泉路街道办事处（本级）的基本支出", SHIQUAN),
        ("重庆市交通委员会2018年“三公”经费预算是多少？", TRANSPORT),
        ("社会工作部2024年全年预算是多少？", SOCIAL_WORK),
        ("普陀区委社会工作部2024年机关运行经费支出多少？", SOCIAL_WORK),
        ("区委社会工作部2024年收入支出总计是多少？", SOCIAL_WORK),
        ("中共上海市普陀区委社会工作部的人员经费", SOCIAL_WORK),
    ],
)
def test_full_names_and_their_tails(question: str, department: str) -> None:
    assert named(question) == (department,)


@pytest.mark.parametrize(
    ("question", "rest"),
    [
        ("普陀区财政局2025年公务接待费是多少？", " 2025年公务接待费是多少？"),
        ("2025年万里街道的三公经费", "2025年 的三公经费"),
        ("上海市财政局（市级）2025年“三公”经费预算是多少？", " 2025年“三公”经费预算是多少？"),
        ("普陀区的万里街道三公经费", " 三公经费"),
    ],
)
def test_rest_is_the_question_without_the_name(question: str, rest: str) -> None:
    assert find_department(question, SHARED).rest == rest


def test_an_organ_word_before_a_word_it_begins_with_another_still_ends_the_name() -> None:
    match = find_department("示例市监局部门整体绩效目标是什么", ["示例县市场监督管理局"])
    assert match.departments == ("示例县市场监督管理局",) and match.rest == " 部门整体绩效目标是什么"  # 局|部门, not 局部


def test_a_place_before_的_names_the_body_after_it() -> None:
    assert named("普陀区的财政局三公经费多少") == (DISTRICT_FINANCE,)
    assert named("上海市的财政局三公经费多少") == (CITY_FINANCE,)
    assert unknown("南山区的财政局三公经费多少") == "南山区的财政局"


# ---------------------------------------------------------------- abbreviations


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("区府办三公经费多少", OFFICE),
        ("区政府办2024年预算是多少", OFFICE),
        ("区政府办公室2025年收入预算是多少？", OFFICE),
        ("普陀区政府办公室的公务接待费", OFFICE),
        ("政府办公室的出国经费", OFFICE),
        ("规划资源局2024年本年收入合计是多少？", PLANNING),
        ("普陀区规资局的三公经费", PLANNING),
        ("自然资源局决算多少", PLANNING),
        ("社工部2024年支出", SOCIAL_WORK),
        ("请问区委社工部的人员经费", SOCIAL_WORK),
        ("交委2018年三公经费", TRANSPORT),
        ("重庆交委的预算", TRANSPORT),
        ("市交委的预算", TRANSPORT),
        ("福利院的事业收入", "上海市普陀区社会福利院"),
        ("市委政法委的接待费", POLITICS),
    ],
)
def test_abbreviations_of_shared_departments(question: str, department: str) -> None:
    assert named(question) == (department,)


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("发改局今年预算多少", "深圳市南山区发展和改革局"),
        ("南山区发改局的三公经费", "深圳市南山区发展和改革局"),
        ("南山发改局的三公经费", "深圳市南山区发展和改革局"),
        ("人社局支出", "某市人力资源和社会保障局"),
        ("市人社局的机关运行经费", "某市人力资源和社会保障局"),
        ("人力社保局的预算", "某市人力资源和社会保障局"),
        ("住建委支出", "某区住房和城乡建设管理委员会"),
        ("区住建委的项目支出", "某区住房和城乡建设管理委员会"),
        ("住房城乡建设管理委员会的收入", "某区住房和城乡建设管理委员会"),
        ("建管委支出", "某区建设管理委员会"),  # 建设管理委员会 keeps more of 建管委 than 住房和城乡建设管理委员会
        ("文旅局经费", "某县文化和旅游局"),
        ("县文旅局经费", "某县文化和旅游局"),
        ("某县文旅局经费", "某县文化和旅游局"),
        ("卫健委的三公经费", "某区卫生健康委员会"),
        ("区卫健委的三公经费", "某区卫生健康委员会"),
        ("卫生健康委的三公经费", "某区卫生健康委员会"),
        ("市监局支出", "某市市场监督管理局"),
        ("市场监管局支出", "某市市场监督管理局"),
        ("某市市监局的政府采购预算", "某市市场监督管理局"),
        ("人大办公厅三公经费", "江苏省人大常委会办公厅"),
        ("省人大办公厅三公经费", "江苏省人大常委会办公厅"),
        ("江苏人大常委会办公厅的预算", "江苏省人大常委会办公厅"),
        ("商贸职校有几辆车", "某市商贸中等职业学校"),  # 校 is said for 学校, 职 kept of 中等职业
        ("某市商贸职校的三公经费", "某市商贸中等职业学校"),
        ("某商贸职业学校的收入", "某市商贸中等职业学校"),
    ],
)
def test_abbreviations_of_invented_departments(question: str, department: str) -> None:
    assert named(question, INVENTED) == (department,)


@pytest.mark.parametrize(
    ("question", "known"),
    [
        ("卫健委的三公经费", ["某区卫生健康委员会", "某市卫生健康委员会"]),
        ("财政局的三公经费", [DISTRICT_FINANCE, CITY_FINANCE]),
        ("文旅局的收入", ["某县文化和旅游局", "某市文化和旅游局"]),
        ("商务委的收入", ["甲区商务委员会", "乙区商务委员会"]),
    ],
)
def test_departments_that_fit_equally_are_all_returned(question: str, known: list[str]) -> None:
    assert set(named(question, known)) == set(known)


@pytest.mark.parametrize(
    "question",
    ["政局的预算", "务委的收入", "街道办的预算", "管委的收入", "办公室的预算", "局的预算", "街道的预算"],
)
def test_too_little_of_a_name_names_nothing(question: str) -> None:
    assert named(question) == ()


# ---------------------------------------------------------------- places must agree


@pytest.mark.parametrize(
    ("question", "body"),
    [
        ("深圳市南山区财政局的三公经费", "深圳市南山区财政局"),
        ("静安区财政局的三公经费", "静安区财政局"),
        ("请问杭州市财政局2025年收入", "杭州市财政局"),
        ("嘉定区商务委的收入", "嘉定区商务委"),
        ("静安区万里街道的经费", "静安区万里街道"),
        ("上海市规划和自然资源局2024年三公经费决算", "上海市规划和自然资源局"),  # not 规划和自然资源局 alone
        ("上海市司法局的预算", "上海市司法局"),
    ],
)
def test_a_place_that_is_not_the_departments_is_unknown(question: str, body: str) -> None:
    match = find_department(question, SHARED)
    assert match.departments == () and match.unknown == body


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("普陀区财政局的收入", DISTRICT_FINANCE),
        ("上海市普陀区财政局的收入", DISTRICT_FINANCE),
        ("上海普陀区财政局的收入", DISTRICT_FINANCE),
        ("上海市财政局的收入", CITY_FINANCE),
        ("上海财政局的收入", CITY_FINANCE),
        ("2025年上海市财政局三公经费", CITY_FINANCE),
        ("市财政局的收入", CITY_FINANCE),
        ("区财政局的收入", DISTRICT_FINANCE),
        ("普陀区2025年财政局的收入", DISTRICT_FINANCE),  # a place named elsewhere settles a tie
    ],
)
def test_a_place_or_level_picks_the_department(question: str, department: str) -> None:
    assert named(question) == (department,)


def test_a_level_must_be_the_departments_own() -> None:
    assert unknown("市财政局的收入", [DISTRICT_FINANCE]) == "市财政局"
    assert unknown("区文旅局经费", INVENTED) == "区文旅局"
    assert unknown("县卫健委的支出", INVENTED) == "县卫健委"


def test_no_place_matches_any_place() -> None:
    assert named("司法局的预算") == ("上海市普陀区司法局",)
    assert named("发改局的预算", INVENTED) == ("深圳市南山区发展和改革局",)
    assert named("政法委的预算") == (POLITICS,)


# ---------------------------------------------------------------- bodies that are not indexed


@pytest.mark.parametrize(
    ("question", "body", "known"),
    [
        ("普陀区教育局2025年三公经费是多少？", "普陀区教育局", SHARED),
        ("廊坊市公安局的预算", "廊坊市公安局", SHARED),
        ("请问教育局的预算", "教育局", SHARED),
        ("发改委三公经费", "发改委", SHARED),
        ("发改委的预算", "发改委", INVENTED),  # 发展和改革局 is indexed, not a 委员会
        ("江苏省人大常委会的预算", "江苏省人大常委会", INVENTED),
        ("上海市政府的三公经费", "上海市政府", SHARED),
        ("普陀区人民政府的预算", "普陀区人民政府", SHARED),
        ("廊坊市委的预算", "廊坊市委", SHARED),  # the party committee itself
        ("长寿路街道的三公经费", "长寿路街道", SHARED),
        ("普陀区经委2025年人员经费是多少", "普陀区经委", SHARED),  # one character after a place is a body
        ("普陀区法律援助中心2026年单独的预算", "普陀区法律援助中心", SHARED),  # 中心 after a place is a body
        ("普陀区委组织部2024年决算三公经费", "普陀区委组织部", SHARED),
        ("重庆市公路局2018年单独的部门预算", "重庆市公路局", SHARED),
        ("普陀区仲裁委员会秘书处今年事业收入多少", "普陀区仲裁委员会秘书处", SHARED),  # a body's 秘书处 is a body of its own
    ],
)
def test_a_body_that_is_not_indexed_is_unknown(question: str, body: str, known: list[str]) -> None:
    match = find_department(question, known)
    assert match.departments == () and match.unknown == body and match.rest == question


@pytest.mark.parametrize(
    "question",
    ["局长是谁", "哪个部门三公经费最多", "政法委员有几个", "办公费是多少", "政府采购预算", "所有街道的三公经费", "部门预算包括几家单位",
     "第二部分的内容", "公共服务中心新建工程用款多少"],
)
def test_words_that_are_not_bodies(question: str) -> None:
    assert find_department(question, INVENTED) == DepartmentMatch((), None, question)


def test_a_facility_of_a_named_department_is_not_unknown() -> None:
    match = find_department("万里街道社区公共服务中心新建工程2025年全年用款计划合计多少？", SHARED)
    assert match.departments == (WANLI,) and match.unknown is None


def test_a_bare_level_government_is_not_unknown() -> None:
    match = find_department("区府办2025年区政府督查及建议提案工作业务经费安排了多少钱", SHARED)
    assert match.departments == (OFFICE,) and match.unknown is None


def test_known_and_unknown_named_together() -> None:
    match = find_all_departments("普陀区教育局和普陀区财政局哪个三公经费多", SHARED)
    assert match.departments == (DISTRICT_FINANCE,) and match.unknown == "普陀区教育局"


def test_nothing_indexed_everything_named_is_unknown() -> None:
    assert find_department("普陀区财政局的预算", []) == DepartmentMatch((), "普陀区财政局", "普陀区财政局的预算")


# ---------------------------------------------------------------- several departments


@pytest.mark.parametrize(
    ("question", "departments"),
    [
        (
            "万里街道、普陀区商务委、普陀区政府办公室、普陀区财政局、上海市财政局这几个单位中，哪个2025年三公经费预算最高？",
            (WANLI, COMMERCE, OFFICE, DISTRICT_FINANCE, CITY_FINANCE),
        ),
        ("普陀区的万里街道、商务委、区政府办公室、区财政局，谁2025年机关运行经费最多？", (WANLI, COMMERCE, OFFICE, DISTRICT_FINANCE)),
        ("普陀区商务委和普陀区财政局2025年三公经费哪个更少？", (COMMERCE, DISTRICT_FINANCE)),
        ("商务委和财政局哪个三公经费多", (COMMERCE, DISTRICT_FINANCE)),  # the finance bureau of the same district
        ("万里街道与石泉路街道比，谁的三公经费高", (WANLI, SHIQUAN)),
        ("政法委比交委多多少", (POLITICS, TRANSPORT)),
    ],
)
def test_find_all_departments_in_question_order(question: str, departments: tuple[str, ...]) -> None:
    assert find_all_departments(question, SHARED).departments == departments


def test_find_all_rest_removes_every_name() -> None:
    assert find_all_departments("商务委和司法局哪个三公经费多", SHARED).rest == " 和 哪个三公经费多"


def test_find_all_invented_comparisons() -> None:
    match = find_all_departments("人社局、文旅局和卫健委三家谁的三公经费最高", INVENTED)
    assert match.departments == ("某市人力资源和社会保障局", "某县文化和旅游局", "某区卫生健康委员会")


def test_find_department_takes_the_longest_name() -> None:
    assert named("商务委和普陀区财政局哪个多") == (DISTRICT_FINANCE,)


# ---------------------------------------------------------------- short names


@pytest.mark.parametrize(("department", "short"), [
    (WANLI, "万里街道"),  # the organ word's first short form
    (POLITICS, "政法委"),
    (COMMERCE, "商务委"),
    (SHIQUAN, "石泉路街道"),
    (OFFICE, "普陀区人民政府办公室"),  # a generic body and an organ word: named with its place
    (DISTRICT_FINANCE, "普陀区财政局"),  # 财政局 alone names two departments
    (CITY_FINANCE, "上海市财政局"),
])
def test_short_name_is_short_and_names_only_that_department(department: str, short: str) -> None:
    assert short_name(department, SHARED) == short
    assert named(short) == (department,)


def test_short_name_of_a_lone_department_is_its_body() -> None:
    assert short_name(DISTRICT_FINANCE, [DISTRICT_FINANCE]) == "财政局"


# ---------------------------------------------------------------- speed


def test_a_thousand_departments_answer_quickly() -> None:
    rng = random.Random(7)
    cities = ["甲市", "乙市", "丙市", "丁市", "戊市", "己市", "庚市", "辛市"]
    districts = ["东城区", "西城区", "南湖区", "北塘区", "新华区", "长安区", "和平区", "河西区", "滨江区", "高新区", ""]
    bodies = ["财政局", "教育局", "商务委员会", "人民政府办公室", "发展和改革委员会", "卫生健康委员会", "司法局", "民政局",
              "规划和自然资源局", "社会福利院", "人力资源和社会保障局", "文化和旅游局", "市场监督管理局", "交通委员会"]
    known: set[str] = set()
    while len(known) < 1000:
        known.add(rng.choice(cities) + rng.choice(districts) + rng.choice(bodies) + rng.choice(["", "（本级）"]))
    names = sorted(known)
    questions = ["东城区财政局2025年公务接待费是多少？", "发改委三公经费", "商务委和财政局哪个三公经费多", "区府办三公经费",
                 "甲市东城区卫健委、甲市西城区卫健委和甲市教育局，谁的三公经费最多？"]
    find_all_departments("预热", names)
    started = time.perf_counter()
    for question in questions * 20:
        find_all_departments(question, names)
    assert (time.perf_counter() - started) / 100 < 0.02


TOWNS = [*SHARED, "上海市普陀区长征镇人民政府", "某县城关乡人民政府"]


@pytest.mark.parametrize("question, department", [
    ("长征镇2025年三公经费", "上海市普陀区长征镇人民政府"),
    ("普陀区长征镇招待费多少", "上海市普陀区长征镇人民政府"),
    ("长征镇政府公车费用", "上海市普陀区长征镇人民政府"),
    ("城关乡政府三公经费", "某县城关乡人民政府"),
])
def test_a_town_government_is_named_by_its_town(question, department):
    assert find_department(question, TOWNS).departments == (department,)


@pytest.mark.parametrize("question, body", [("普陀区桃浦镇2025年三公经费预算多少", "普陀区桃浦镇"), ("桃浦镇招待费", "桃浦镇"),
                                            ("某县某乡政府的公车", "某县某乡政府")])
def test_a_town_not_indexed_is_an_unknown_body(question, body):
    found = find_department(question, TOWNS)
    assert found.departments == () and found.unknown == body


@pytest.mark.parametrize("question", ["普陀区城乡社区支出多少", "万里街道城镇职工医保缴费", "2025年乡镇补助多少"])
def test_words_holding_a_town_word_name_no_body(question):
    found = find_department(question, TOWNS)
    assert found.unknown is None


@pytest.mark.parametrize("question, named", [
    ("商务委的招待费比区府办少多少", (COMMERCE, "上海市普陀区人民政府办公室")),
    ("区府办招待费比商务委多多少", ("上海市普陀区人民政府办公室", COMMERCE)),
    ("区府办招待费较商务委多多少", ("上海市普陀区人民政府办公室", COMMERCE)),
])
def test_the_second_body_compared_starts_right_after_the_comparing_word(question, named):
    assert find_all_departments(question, SHARED).departments == named


def test_a_question_is_read_once_for_the_department_and_for_every_department_it_names(monkeypatch):
    """The off-topic check and the plan read one question up to three times: the names are looked for once."""
    from assistant import departments

    reads: list[str] = []
    mentions = departments._mentions
    monkeypatch.setattr(departments, "_mentions", lambda question, index: reads.append(question) or mentions(question, index))
    question = "区府办招待费比商务委多多少（第一次）"
    first = find_department(question, SHARED)
    assert find_all_departments(question, SHARED).departments == ("上海市普陀区人民政府办公室", COMMERCE)
    assert find_department(question, SHARED) == first and reads == [question]
    find_department(question, [*SHARED, "上海市普陀区审计局"])  # another list of departments: read anew
    assert reads == [question, question]


@pytest.mark.parametrize("question, department", [
    ("24年万里是几个预算单位编报的绩效目标啊", WANLI),
    ("万里2025年三公经费多少", WANLI),
    ("石泉路26年收入多少", SHIQUAN),
    ("长征2025年招待费", "上海市普陀区长征镇人民政府"),
])
def test_a_body_named_after_its_place_is_named_by_the_place_alone(question: str, department: str) -> None:
    assert find_department(question, TOWNS).departments == (department,)


@pytest.mark.parametrize("question, department", [
    ("市财政25年招待费", "上海市财政局"),
    ("区财政24年决算多少", "上海市普陀区财政局"),
    ("区司法26年人员经费", "上海市普陀区司法局"),
])
def test_another_body_without_its_organ_word_is_named_after_its_own_level(question: str, department: str) -> None:
    assert named(question) == (department,)


@pytest.mark.parametrize("question, department", [
    ("上海财政25年招待费", "上海市财政局"),
    ("上海市财政25年招待费", "上海市财政局"),
    ("普陀司法26年人员经费", "上海市普陀区司法局"),
])
def test_another_body_without_its_organ_word_is_named_after_its_own_place(question: str, department: str) -> None:
    assert named(question) == (department,)


@pytest.mark.parametrize("question", ["财政2025年招待费", "交通费多少", "财政拨款收入多少", "司法救助支出多少", "社会福利支出多少",
                                      "县财政的招待费", "闵行司法26年人员经费"])
def test_a_bare_name_that_is_an_everyday_word_or_at_another_level_names_nothing(question: str) -> None:
    assert named(question) == ()


CDC = "棠溪市疾病预防控制中心"
PLACES = [CDC, "枫岭县教育局", "鹤汀市水务局"]


@pytest.mark.parametrize("question", ["棠溪疾控2025年三公经费多少", "棠溪市疾控的招待费", "棠溪疾病预防控制25年预算"])
def test_a_body_named_by_its_place_and_its_name_shortened(question: str) -> None:
    assert find_department(question, PLACES).departments == (CDC,)


@pytest.mark.parametrize("question, unknown", [("棠溪公安25年招待费多少", "棠溪公安"), ("棠溪民政的预算", "棠溪民政"),
                                               ("鹤汀交通2024年决算", "鹤汀交通")])
def test_another_body_at_an_indexed_place_is_not_indexed(question: str, unknown: str) -> None:
    match = find_department(question, PLACES)
    assert match.departments == () and match.unknown == unknown


@pytest.mark.parametrize("question", ["棠溪城乡社区支出多少", "鹤汀水利支出多少"])
def test_an_item_after_a_place_names_no_body(question: str) -> None:
    assert find_department(question, PLACES).unknown is None


# ---------------------------------------------------------------- numbered bodies (第二中学, 第一人民医院)

NUMBERED = ["某县第二中学", "某市第一人民医院", "某县实验小学", "某县财政局"]


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("某县二中2025年总预算多少", "某县第二中学"),
        ("县二中的三公经费", "某县第二中学"),
        ("二中有多少学生", "某县第二中学"),
        ("某县第二中学的收入", "某县第二中学"),
        ("市一院2025年预算", "某市第一人民医院"),
        ("某市一院的住院楼项目", "某市第一人民医院"),
        ("某县实验小学的公用经费", "某县实验小学"),
    ],
)
def test_numbered_bodies_by_their_short_names(question: str, department: str) -> None:
    assert named(question, NUMBERED) == (department,)


@pytest.mark.parametrize(
    ("question", "body"),
    [("某县第一中学2025年预算多少", "某县第一中学"), ("某县一中预算多少", "某县一中"), ("市二院的预算", "市二院")],
)
def test_another_number_is_another_body(question: str, body: str) -> None:
    match = find_department(question, NUMBERED)
    assert match.departments == () and match.unknown == body


@pytest.mark.parametrize("question", ["其中学费收入多少", "一小时内响应", "初中学生多少人", "小组会议开了几次"])
def test_words_that_hold_a_numbered_short_name_are_not_bodies(question: str) -> None:
    assert find_department(question, NUMBERED) == DepartmentMatch((), None, question)


# ---------------------------------------------------------------- short forms of joined names and federations


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("漪泷规资局2024年一共花了多少钱", "漪泷市自然资源和规划局"),  # 规划 and 自然资源 the other way round
        ("漪泷市规资局的三公经费", "漪泷市自然资源和规划局"),
        ("漪泷自然资源局的预算", "漪泷市自然资源和规划局"),
        ("渌屏省妇联2025年部门预算", "渌屏省妇女联合会"),
        ("妇联的三公经费", "渌屏省妇女联合会"),
    ],
)
def test_joined_names_either_way_round_and_federations(question: str, department: str) -> None:
    assert named(question, ["漪泷市自然资源和规划局", "渌屏省妇女联合会"]) == (department,)


@pytest.mark.parametrize("question", ["怎么联系妇女联合会", "质谱联用仪的预算", "联合会的预算"])
def test_words_holding_联_name_no_federation(question: str) -> None:
    assert find_department(question, ["渌屏省妇女联合会"]).departments in ((), ("渌屏省妇女联合会",))
    assert find_department(question, ["渌屏省妇女联合会"]).unknown is None


# ---------------------------------------------------------------- a unit named right after its department


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("鹤岭区市场监管局城关市场监督管理所2024年花了多少钱", "城关市场监督管理所"),
        ("鹤岭区市场监管局的执法大队2024年预算", "执法大队"),
        ("鹤岭区市场监管局检验检测中心今年收入多少", "检验检测中心"),
    ],
)
def test_a_unit_named_after_its_department(question: str, unit: str) -> None:
    match = find_department(question, ["澄州市鹤岭区市场监督管理局"])
    assert match.departments == ("澄州市鹤岭区市场监督管理局",) and match.unit == unit


@pytest.mark.parametrize(
    "question",
    ["鹤岭区市场监管局下属单位有几个", "鹤岭区市场监管局有几个分所", "鹤岭区市场监管局社区服务中心新建工程多少钱",
     "鹤岭区市场监管局办公费多少", "鹤岭区市场监管局下面管着多少所", "鹤岭区市场监管局送检下乡几次"],
)
def test_no_unit_where_the_words_after_the_name_are_no_body(question: str) -> None:
    assert find_department(question, ["澄州市鹤岭区市场监督管理局"]).unit is None


def test_a_place_is_not_read_twice_where_the_body_repeats_its_name() -> None:
    assert find_department("示例县示例局2025年收入", ["示例县示例局"]).rest == " 2025年收入"


@pytest.mark.parametrize("question", ["某县供销社2025年预算多少", "供销社三公经费", "某县供销合作社联合社的收入"])
def test_cooperatives_by_their_short_name(question: str) -> None:
    assert named(question, ["某县供销合作社联合社", "某县财政局"]) == ("某县供销合作社联合社",)


@pytest.mark.parametrize("question", ["社会保障和就业支出多少", "社区服务中心的预算", "社保缴费多少"])
def test_words_holding_社_name_no_cooperative(question: str) -> None:
    assert find_department(question, ["某县供销合作社联合社"]) == DepartmentMatch((), None, question)


def test_a_unit_after_words_that_lead_to_it() -> None:
    match = find_department("菡峤数据局下面的大数据发展中心今年有多少其他收入", ["菡峤市数据局"])
    assert match.departments == ("菡峤市数据局",) and match.unit == "大数据发展中心"


@pytest.mark.parametrize("question", ["菡峤市场监管局2025年执法支队的项目支出多少", "菡峤市场监管局2025年度下属执法支队项目支出多少"])
def test_a_unit_after_a_year_after_its_department(question: str) -> None:
    match = find_department(question, ["菡峤市市场监督管理局"])
    assert match.departments == ("菡峤市市场监督管理局",) and match.unit == "执法支队"
    assert find_department("菡峤市场监管局2025年机关运行经费多少", ["菡峤市市场监督管理局"]).unit is None


@pytest.mark.parametrize("question", ["菡峤乡政府2025年给村委会和村党支部的补助安排了多少", "菡峤乡政府2025年本级机关运行经费多少",
                                      "菡峤乡政府2024年机关服务这一项决算多少", "菡峤乡政府2025年对村民委员会和村党支部的补助"])
def test_after_a_year_neither_the_own_office_nor_whom_money_goes_to_is_a_unit(question: str) -> None:
    assert find_department(question, ["菡峤县菡峤乡人民政府"]).unit is None


# ---------------------------------------------------------------- names that are all organ word (县人民医院, 区人民政府)

ALL_ORGAN = ["苇汀县人民医院", "苇汀县人民法院", "潆屿区人民政府", "潆屿区财政局", "苇汀县中医医院"]


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("苇汀县医院2025年总预算多少", "苇汀县人民医院"),
        ("县医院三公经费", "苇汀县人民医院"),
        ("苇汀县法院的招待费", "苇汀县人民法院"),
        ("潆屿区政府三公经费多少", "潆屿区人民政府"),
        ("区政府一共花了多少", "潆屿区人民政府"),
        ("苇汀县中医院的收入", "苇汀县中医医院"),
        ("苇汀县人民医院的收入", "苇汀县人民医院"),
    ],
)
def test_names_that_are_all_organ_word_by_their_short_forms_after_a_place(question: str, department: str) -> None:
    assert named(question, ALL_ORGAN) == (department,)


@pytest.mark.parametrize("question", ["医院三公经费多少", "政府采购多少", "法院招待费"])
def test_a_short_form_without_its_place_names_no_body(question: str) -> None:
    assert find_department(question, ALL_ORGAN).departments == ()


@pytest.mark.parametrize("question", ["云岭州人民医院25年财政给了多少钱", "云岭州医院的三公经费", "州医院编外聘了多少人"])
def test_a_numbered_body_by_its_organ_word_after_its_place(question: str) -> None:
    assert named(question, ["云岭州第一人民医院", "云岭州财政局"]) == ("云岭州第一人民医院",)


def test_a_numbered_body_is_not_named_by_its_organ_word_alone() -> None:
    assert find_department("人民医院的三公经费", ["云岭州第一人民医院", "云岭州财政局"]).departments == ()


@pytest.mark.parametrize(
    ("question", "department"),
    [
        ("檀浔市残联2024年一共花了多少钱", "檀浔市残疾人联合会"),
        ("檀浔残联24年三公", "檀浔市残疾人联合会"),
        ("渫州科协的预算", "渫州市科学技术协会"),
        ("渫州市总工会的三公经费", "渫州市总工会"),
        ("侨联2025年预算", "渫州市归国华侨联合会"),
    ],
)
def test_federations_and_associations_by_one_character_and_the_short_organ_word(question: str, department: str) -> None:
    known = ["檀浔市残疾人联合会", "渫州市科学技术协会", "渫州市总工会", "渫州市归国华侨联合会", "渫州市财政局"]
    assert named(question, known) == (department,)


@pytest.mark.parametrize("question", ["工会经费多少", "联系电话多少", "协会会费收入多少"])
def test_items_holding_an_associations_organ_word_name_no_body(question: str) -> None:
    assert find_department(question, ["渫州市科学技术协会", "渫州市总工会"]).departments == ()


@pytest.mark.parametrize(("question", "rest"), [
    ("翊浛区实验小学校舍维修的钱为什么比去年少了", " 校舍维修的钱为什么比去年少了"),
    ("某县实验学校校舍维修多少", " 校舍维修多少"),
])
def test_a_school_named_right_before_its_buildings(question: str, rest: str) -> None:
    """小学|校舍, not 小|学校舍: the 校舍 after a school's name is what is asked about."""
    match = find_department(question, ["翊浛区实验小学", "某县实验学校"])
    assert len(match.departments) == 1 and match.rest == rest


# ---------------------------------------------------------------- names with long parts said short (政协, 人大常委会)

LONG = ["中国人民政治协商会议潼霂区委员会办公室", "蔺翀县人民代表大会常务委员会办公室", "潼霂区财政局"]


@pytest.mark.parametrize(("question", "department"), [
    ("潼霂区政协25年预算一共多少钱", LONG[0]),
    ("区政协三公经费", LONG[0]),
    ("潼霂政协办的提案经费", LONG[0]),
    ("政协办预算", LONG[0]),
    ("县人大常委会预算多少", LONG[1]),
    ("蔺翀人大办三公", LONG[1]),
])
def test_bodies_by_the_short_way_their_long_names_are_said(question: str, department: str) -> None:
    assert named(question, LONG) == (department,)


FARMS = ["溏岙县国有峧岭林场管理处", "溏岙县国营湫川农场管理处", "溏岙县林业局"]


@pytest.mark.parametrize(("question", "department"), [
    ("峧岭林场23年一共花了多少钱", FARMS[0]),
    ("溏岙峧岭林场三公经费决算", FARMS[0]),
    ("湫川农场的招待费", FARMS[1]),
    ("溏岙县林业局的招待费", FARMS[2]),
])
def test_a_farm_run_by_a_管理处_is_named_as_the_farm(question: str, department: str) -> None:
    assert named(question, FARMS) == (department,)


def test_the_short_name_of_a_long_name_is_the_spoken_one() -> None:
    assert short_name(LONG[0], LONG) == "政协办"


AUTONOMOUS = ["岷溪彝族自治州民族宗教事务委员会", "岷溪彝族自治州岜山土家族苗族自治县教育局", "沅泷市职业技术学院", "沅泷市师范学院"]


@pytest.mark.parametrize("question, department", [
    ("岷溪州民宗委2024年三公经费", AUTONOMOUS[0]),
    ("岷溪民宗委花了多少", AUTONOMOUS[0]),
    ("岷溪彝族自治州民族宗教事务委员会支出", AUTONOMOUS[0]),
    ("岜山县教育局今年预算", AUTONOMOUS[1]),
    ("岷溪州岜山县教育局的招待费", AUTONOMOUS[1]),
])
def test_an_autonomous_place_is_said_without_its_peoples(question: str, department: str) -> None:
    assert find_department(question, AUTONOMOUS).departments == (department,)


@pytest.mark.parametrize("question, department", [
    ("沅泷职院2025年经营收入是多少", AUTONOMOUS[2]),
    ("沅泷师院三公经费", AUTONOMOUS[3]),
    ("职院今年买车的钱", AUTONOMOUS[2]),
])
def test_a_college_is_said_by_its_first_character_and_院(question: str, department: str) -> None:
    assert find_department(question, AUTONOMOUS).departments == (department,)


@pytest.mark.parametrize("question", ["沅泷术院收入", "沅泷业院收入"])
def test_one_character_before_a_short_organ_word_must_be_the_first(question: str) -> None:
    assert find_department(question, AUTONOMOUS).departments == ()


@pytest.mark.parametrize("question", ["岚溪乡人民政府（本级）的收入预算是多少", "岚溪乡人民政府(本级)2025年收入"])
def test_the_own_office_in_brackets_after_the_name_is_asked(question: str) -> None:
    assert find_department(question, ["翠涔县岚溪乡人民政府"]).unit == "本级"


def test_a_body_published_as_its_own_office_asks_no_office_of_it() -> None:
    match = find_department("琮阳市公积金管理中心（本级）2025年三公经费", ["琮阳市公积金管理中心（本级）"])
    assert match.departments == ("琮阳市公积金管理中心（本级）",) and match.unit is None


@pytest.mark.parametrize("question, unknown", [("计划办多少场村晚", None), ("今年办几场培训", None),
                                              ("南山区发改办多少人", "南山区发改办"), ("财政局多少钱", "财政局")])
def test_an_organ_word_that_is_also_a_verb_names_no_body_before_a_count(question, unknown):
    """办 before 多少 or 几 does something; after a place, or another organ word, it still names a body."""
    assert find_department(question, ["某县文化和旅游局"]).unknown == unknown
