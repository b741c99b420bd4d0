"""Extracts facts — one figure with its meaning and source span — from typed tables and from prose.

Prose: "其中：基本支出976.24万元，包括人员经费859.54万元和日常公用经费116.7万元" gives three facts;
"较2019年预算增加585.31万元" gives a change fact on the sentence's running subject.
Tables: every figure cell becomes a fact on its row label and column header; in a 绩效目标表 the
subject is the project and the measure is the 二级指标 (成本指标, 数量指标, …).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from ingest.bounds import bound_words
from ingest.classify import COMPLETION_MEASURE, fact_kind, stated_basis
from ingest.lexicon import tokens
from ingest.model import Basis, Cell, Direction, Fact, FactKind, Line, Table, TableCell, TableKind
from ingest.numbers import (CHINESE_NUMERAL, NUMBER, PER_UNIT, UNSIGNED_NUMBER, ascii_digits, chinese_number, is_money,
                            normalise_unit, parse_counted, parse_number, to_wan, written_per)
from ingest.performance_headers import is_actual_header, is_value_header, label_levels
from ingest.performance_forms import as_indicator, facts_from_project_forms, is_project_form, project_name
from ingest.punctuation import QUOTES
from ingest.scope import BODY_LIST_JOINERS
from ingest.subjects import classification_levels, names_a_level
from ingest.tables import (FUND_NAME, balance_part, is_subject_code, is_year_label, names_no_figures, split_code, squash,
                           strip_list_mark)
from ingest.vocabulary import is_body_name, vocabulary

SUBTOTAL = "小计"  # the row closing a group of rows (a 款 over its 项)
TARGET_DESCRIPTION = "指标描述"  # a 绩效目标表 column whose sentences state targets ("印发文件20个以上"), as the targets column does
MAX_SUBJECT_CHARS = 40  # longer "subjects" are sentences, not budget items
FIGURE_LINE_CHARS = 16  # a line this short that states a figure states it for its heading

# money and percentages; a bare 万 ("总预算2921.00万，其中…") is 万元 when no word follows it (3万人 is a count)
# (a price bound inside an item's name is no figure: 单价100万元（含）以上设备)
_MENTION = re.compile(rf"(?P<num>{NUMBER.pattern})\s*(?P<unit>亿元|万元|千元|元|%|％|万(?![\u4e00-\u9fff]))(?P<per>(?<=元){PER_UNIT})?"
                      r"(?![\u4e00-\u9fff]*表)"
                      r"(?!\s*(?:[（(]含[)）])?\s*(?:以上|以下)的?[\u4e00-\u9fff（(])")
# counts and stocks stated in prose: 共有车辆3辆, 接待12批次、150人次, 设备5台（套）, 项目8个
# a count written in words ("召开领导小组会议三次以上") only as a bound: 一次性, 两个确保 count nothing; a table's
# number is none ("表10 项目支出表")
_BOUND_AFTER = bound_words().pattern(bound_words().after)
_COUNT_MENTION = re.compile(
    rf"(?<![\d.第（(表])(?<!表\s)(?P<num>{NUMBER.pattern}|(?<![第零〇一二两三四五六七八九十百千]){CHINESE_NUMERAL})\s*"
    r"(?P<unit>万人次|人次|批次|台（套）|台\(套\)|万平方米|平方米|公里|万亩|亩|万人|万册|册|万吨|吨|公斤|辆|台|套|个|人|项|家|场|次"
    r"|名|批|张|所|户|条|处|座|件|间|栋|篇|份|床|分(?![钟之期]))"
    rf"(?P<bound>{_BOUND_AFTER})?(?![\u4e00-\u9fff]{{0,2}}(?:{_BOUND_AFTER}|左右|年|月|日)|级)"
)
_CLAUSE_END = re.compile(r"\s*(?:[，,。；;、：:）)]|$)")  # after a count written in words: "共有车辆三辆，" (not 两个确保, 一次性)
# "财政拨款“三公”经费预算为0。": a zero printed without a unit is zero in any unit
_ZERO_MENTION = re.compile(r"(?<=[为是])\s*(?P<num>0|零)(?P<unit>)(?=\s*(?:[。；，,]|$))")
_ZERO_ITEM = re.compile(r"(?:经费|费|预算数?|支出|收入|资金|拨款)\s*[为是]$")
_ZERO_UNIT = "万元"
_COUNT_UNIT_NAMES = {"台（套）": "台", "台(套)": "台", "名": "人"}
# a bound word right before a figure: "不低于80%", "开展至少1次团体心理治疗"
_BOUND_BEFORE = re.compile(rf"(?P<word>{bound_words().pattern(bound_words().before)})\s*$")
# what a count counts when it is named after the figure: 设9个内设机构, 下属5家预算单位, 5次的社区法治宣传活动
# "11个项目全部编制了绩效目标": an adverb after the noun ends it
# "向3711名大中型水库移民发放…": a verb after a short noun ends it; "4人次赴境外…" names where they went, no noun
_COUNTED_VERB = r"发放|提供|给予|开展|实施|进行|纳入|列入"
MAX_NOUN_BEFORE_VERB = 9
_COUNTED = re.compile(r"\s*的?(?!赴|前往)(?P<noun>[\u4e00-\u9fff]{2,10}?)"
                      rf"(?=[，,。；;、：:（()）\s\d]|的|和|及|与|全部|均|都|已|分别|$|{_COUNTED_VERB})")
_TOWARDS = ("向", "为", "给", "对")  # "…标准向3711名移民发放": the words before the count name no item of it
MIN_ATTRIBUTE_HEAD = 4  # characters of the words after 的 kept as what a count describes (党群服务站)
_SHARE_OF = re.compile(r"^占(?P<whole>[\u4e00-\u9fff“”（）()]*?)(?:的)?(?:比重|比例)?$")  # 占, 占本年支出合计的
SHARE_MEASURE = "比例"
_TOTAL_CLAUSE = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)?(?:合计|总计|共计|合共|总共)(?:安排|为|是)?$")
# "2.公务用车购置费：年初预算为22.00万元，支出决算为21.36万元": the item the sentence's figures are of
_PER_HEAD_ONLY = re.compile(r"按?(?:人均|户均|生均|每人|每户|每生)(?:每)?(?:年|月|天|日)?(?:的)?")  # a rate naming no item
_PLAIN_NAME = re.compile(r"[\u4e00-\u9fff（）()“”]{2,40}")  # an item's name alone, no row of a grid read as prose
_ALSO_HAS = re.compile(r"^(?P<owner>[\u4e00-\u9fff（）()“”]{2,}?)(?:另外还有|另外有|另有|还有)(?P<part>[\u4e00-\u9fff]{2,})$")
_LABEL = re.compile(r"^(?P<item>[^：:，,。；;\d%％]{2,24}?)(?:[（(]\d{3,9}[)）])?(?<![是为下])[：:](?=\s*\S)")  # 名称（2081699）：
_BOUNDARY = re.compile(r"[，,。；;：:！？!?\n]|其中|包括|以及")
_CHANGE = re.compile(
    r"(?P<cmp>(?:比|较|同比|与)\s*(?:上年|上一年|去年|\d{4}\s*年)?度?(?:当年)?(?:年初|调整|全年)?(?:预算执行数|预算数|决算数|执行数|预算|决算)?(?:相比)?)?"
    r"(?:各|均|分别|都)?(?P<dir>增减|增加|增长|减少|下降|节约|增|减|持平|一致)(?:[（(](?:增加|增长|减少|下降)[)）])?了?"
    r"(?:额|(?<=增减)率)?(?:为)?$"  # "增减额为-0.52万元": a signed change, its sign says which way
)
# a body's name before a subject ends in an organ word long enough not to end an item's name too (委员会, not 局)
WHOLE_BUDGET = "收支预算"  # the item of a budget figure a body states of itself
_ORGANS = "|".join(re.escape(w) for w in sorted(vocabulary().organs, key=len, reverse=True))  # 本中心, 我局
_BODY_ENDS = "|".join(re.escape(w) for w in vocabulary().organs if len(w) >= 3)
_SELF_WORD = rf"[我本该](?:部门|单位|{_ORGANS})"  # the body speaking of itself: 本部门, 我局, 该中心
_SELF = re.compile(rf"(?:^|年度?){_SELF_WORD}")
_LEADING = re.compile(
    r"^(?:(?:与|和|同)(?:上年|上一年|去年|\d{4}\s*年)度?(?:预算|决算)?相比|其中|包括|主要是|主要为|主要包括|按规定|根据规定|分别为|分别是|和|及|以及|与|共|合计|"
    rf"{_SELF_WORD}|"
    r"本年度|本年|当年|\d{4}\s*年(?:度|末|底|初)?|一是|二是|三是|四是|安排|[（(][一二三四五六七八九十\d]{1,3}[)）]|[（(]|[)）]|"
    r"\d{1,2}\s*[.、．](?!\d)\s*|"
    rf"(?:中共)?[\u4e00-\u9fff]{{2,24}}?(?:{_BODY_ENDS})(?=[\u4e00-\u9fff]{{2}}))+"
)
# a figure right after "比2023年度" is that year's level, the change follows it: "决算数比2023年度39.52万元减少3.65万元"
_PER = re.compile(r"每[\u4e00-\u9fff]{0,3}\s*$")  # "每接待" right before a count
# a numbered item's name standing as a sentence of its own, no figure in it
_ITEM_TITLE = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]+、|\d{1,2}[.．、])\s*"
                         r"(?P<item>[\u4e00-\u9fff“”\"（）()]{2,24})[。.．：:]?$")
_LAST_YEAR_WORD = re.compile(r"上年度?|上一年度?|去年")
_EARLIER_YEAR = re.compile(r"上年|上一年|去年|\d{4}\s*年|同比")
_COMPARED_LEVEL = re.compile(r"(?:比|较)\s*(?:(?P<year>(?:19|20)\d{2})\s*年度?|上年度?|上一年度?|去年)(?:同期)?(?:的)?"
                             r"(?:年初|调整|全年)?(?:预算执行|预算|决算|执行)?数?\s*$")
# "比预算数28,000.00元减少3,644.00元": this year's budget of the item before 比, and how far its figure fell from it
_COMPARED_BUDGET = re.compile(r"(?:比|较)\s*(?:年初|调整|全年)?预算数?\s*$")
_TITLE_YEAR = re.compile(r"[（(](?P<year>(?:19|20)\d{2})\s*年度?[)）]\s*$")  # "…决算表（2023年度）"
_YEAR_AND_BASIS = re.compile(r"^(?:19|20)\d{2}\s*年度?(?:年初|全年|调整)?(?:预算|决算|预算执行|执行)数?$")  # "2023年决算数"
_COLUMN_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年")  # "2024年预算数": that year's column
# a column of last year's figures; 上年结转 is this year's money carried over, 比上年增减 a change
_LAST_YEAR_IN_CELL = re.compile(rf"[（(]\s*(?:上年|上一年|去年)度?(?:预算|决算)?数?\s*[:：为]?\s*(?P<figure>{UNSIGNED_NUMBER})\s*"
                                r"(?P<unit>亿元|万元|元)?\s*[)）]")
LAST_YEARS_COLUMN = re.compile(r"(?:上年|上一年|去年)度?(?:预算|决算|执行|实际)")
# a paragraph about one fund: its bare 支出 and balances are that fund's
_LINE_FUND = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?P<fund>(?:政府性基金|国有资本经营)预算(?:财政)?(?:拨款)?)")
_ITEM_BALANCES = ("年初结转和结余", "年末结转和结余", "结转和结余", "年初结转", "年末结转", "结转", "结余")  # an item's own
_FUND_BALANCES = ("年初结转和结余", "年末结转和结余", "结转和结余", "年初结转", "年末结转", "结余", "支出", "收入", "本年支出",
                  "本年收入")
# a clause that opens with a fund states that fund's figures: "其中：一般公共预算财政拨款本年收入…、年末结转和结余126.30万元；"
_CLAUSE_FUND = re.compile(rf"(?:^\s*|其中\s*[：:，,]?\s*)(?P<fund>(?>{FUND_NAME}))(?!支出|收入)")
JOINT_SIDES = "收支"  # names both sides at once (收支总预算)
BUDGET_SIDES = ("收入", "支出")  # the two sides of a budget: an item of one is never the other's
_OTHER_SIDE = dict(zip(BUDGET_SIDES, reversed(BUDGET_SIDES)))  # the side a bare 支出 stands beside
_BARE_WHOLES = {"收入", "支出", "收支", "收入支出", "收入、支出", "收、支"}  # a whole without its 本年 or 总计
_WHOLE = re.compile(r"(?:本年|当年)?(?:收入、?支出|收、?支|收入|支出)(?:合计|总计)(?=\s*(?:各|均|都)?\s*(?:为|是|达到|共计)?\s*$)")
# "收入总计和支出总计各增加118.25万元": both wholes, said as one
_BOTH_WHOLES = re.compile(r"收入(?P<whole>合计|总计)\s*[和与及、]\s*支出(?P=whole)")
_TRAILING = re.compile(r"(?:预算安排|安排|共计|合计|总计|总额为|为|是|达到|达|约|计|科目|支出为|分别|共|[（(]|(?<![人户生日月次])均|都)+$")
_STATED_MEASURE = re.compile(r"(?:年初预算数?|全年预算数?|调整预算数?|预算数|支出决算数?|决算数?|(?:当年)?(?:预算)?执行数)$")
# "项目总预算3000万元，2025年安排1200万元": one year's share of a whole stated over several years
_YEAR_SHARE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:安排|下达|投入|拨付)$")
_BARE_MEASURE = re.compile(r"^(?:年初|全年|调整后?)?(?:预算|决算|支出决算|预算数|决算数|执行数)$")  # names no item
# the year a figure is stated for: "2025年度预算77.59万元", "2025年当年预算执行数为20.04万元"
_PERIOD = re.compile(rf"(?<!\d)(?P<year>(?:19|20)\d{{2}})\s*年度?\s*(?:{_SELF_WORD})?(?:当年|全年|年初)?"
                     r"(?:预算|决算|执行数)|(?:与|比|较)\s*(?P<compared>(?:19|20)\d{2})\s*年度?(?:支出|收入)(?:预算|决算|执行数)")
# "答：2023年县工商联支出决算301.47万元，2024年支出预算310.76万元": a clause that opens with its year
_CLAUSE_YEAR = re.compile(r"^[^\d，,；;。比较与同和跟]{0,3}?(?P<year>(?:19|20)\d{2})\s*年度?(?![底末初\d]|以来|起|[上下]半年)")
CLAUSE_BREAK = re.compile(r"[，,；;]")  # between the clauses of a sentence
_YEARS_FIGURE = re.compile(r"预算|决算|执行数|规划")  # what a year's clause states: its budget, outturn or plan
# "2024年共发生国内公务接待14批次": a count of what happened in the year the clause opens with (not 2024年末's stock)
_COUNTED_IN_YEAR = re.compile(r"\s*(?P<year>(?:19|20)\d{2})\s*年度?(?![底末初]|\d|以来|起|[上下]半年)")
_TRAILING_PERIOD = re.compile(r"(?:19|20)\d{2}\s*年度?(?:当年|全年|年初)?(?:预算执行数|预算数|决算数|执行数|预算|决算)?$")
# what a 功能分类 item's money is for: "…（项）”58.75万元，主要用于：微型消防站运行保障经费。" (not "以下方面：" lists)
_PURPOSE = re.compile(r"(?:主要用于|(?:^|(?<=。))用于)[：:]?\s*(?!以下)(?P<purpose>[^。；;]{2,80})|"
                      r"(?:决算数?|预算数?|支出)(?:主要)?为(?P<money>[^。；;，,\d]{2,40}?(?:经费|资金|费用))|"  # what its money is
                      r"[，,]\s*(?:主要)?为(?P<income>[^。；;，,\d]{2,40}?收入)(?=[。；;，,]|$)")  # "…4682.00万元，占24.96%，为…学费、住宿费收入"
# "完成年初预算的98.20%", "决算数为年初预算的112.26%", "占全年预算的95%" said of the outturn
_COMPLETION = re.compile(r"完成.*(?:预算|计划)|(?:决算数?|执行数|支出决算)(?:为|是|占)(?:年初|全年|调整)?预算(?:数)?的?$|(?:预算)?(?:执行|完成)率$")
# "对“城市安全…运维”项目开展了部门评价，项目年初预算560.00万元": the project a sentence's bare 项目 is
_QUOTED_PROJECT = re.compile(r"“(?P<name>[^“”]{2,40})”(?:项目|工程)")
_BARE_PROJECT = {"项目", "该项目", "本项目", "此项目"}
_SCORE = re.compile(r"(?:部门|绩效)?(?:评价|自评)?得分")
# 功能分类 lists: "1、…（款）…（项）。", "1、公共安全支出（204类）司法（06款）行政运行（01项）"
_LINE_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[、.．]\s*)?(?P<item>[^。；;：:]{2,60}?[（(]\d*项[)）])")
_TEXT_FIELD = re.compile(r"性质|实施单位|日期|时间|名称|编码|代码|科目|类型|方式|依据|说明|描述|内容|地址|联系|序号|行次|栏次")
_COLUMN_NUMBERS = re.compile(r"^栏\s*次$")  # a 决算 table's row numbering its columns (栏次 1 2 3)
_KIND_AND_INDICATOR = re.compile(r"^(?P<kind>[\u4e00-\u9fff]{2,8}指标)\s*[：:]\s*(?P<name>\S.*)$")  # 数量指标：画幅数
_REASON_LEAD = re.compile(r"^\s*(?:主要)?原因(?:是|为)[：:]?")  # "主要原因是…": the words after it say why
# "车辆保有量由3辆减少为2辆": the words after the level an item moved from
_MOVED_TO = re.compile(r"\s*(?:\d[\d,.]*\s*[\u4e00-\u9fff（）()]{0,4}\s*)?(?:减少|增加|下降|增长|提高|降低|调整|变)(?:为|到|至)")
_AFTER_NOTE = re.compile(r"[)）]")  # where a note in brackets ends
_NOTED_BODIES = re.compile(r"^(?P<bodies>[^（(）)]{2,})[（(][^（）()]*[)）][^（）()]{2,}$")
_BODY_JOINERS = re.compile(f"[{BODY_LIST_JOINERS}]")


def _bodies_noted(subject: str) -> bool:
    """Whether a subject opens with bodies and a note on what they are before its item ("本级及某中心（参照公务员法
    管理）机关运行经费预算"): each a body's name or an own office (本级, 机关本级)."""
    noted = _NOTED_BODIES.match(subject)
    return bool(noted) and all(is_body_name(body) or body.endswith(tuple(vocabulary().own_office))
                               for body in _BODY_JOINERS.split(noted["bodies"]) if body)
_MONEY_SOURCE = re.compile(r"(?:财政拨款|预算拨款|事业收入|经营收入|其他收入|上年结转|单位资金)(?:收入)?$")  # where money comes from
_BARE_WHOLE_WORDS = re.compile(r"本年|全年|年度|总|预算|决算")  # 支出预算 names no item but the whole's side
_WITHIN = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)?(?P<whole>[\u4e00-\u9fff]{2,12}?)(?:当?中|之中|里)[，,]")  # "基本支出中，…"
# a comparison stated earlier in the paragraph: "与2023年度相比，收入减少…", "较2019年预算增加…，其中：基本支出增加…"
_SPENDING_KINDS = ("基本支出", "项目支出")  # the two kinds every spending total splits into
_FUND_SPENDING = re.compile(rf"(?P<fund>{FUND_NAME})支出")  # a fund's spending total ("一般公共预算支出预算")
_PARTS_FOLLOW = re.compile(r"其中|包括|分别为|分别是")  # the figures after these words are parts of the one before
# a head counting the parts listed after it and naming what their figures are: "三个分场管护面积分别为："
_LISTED_PARTS = re.compile(r"(?:[一二三四五六七八九十两]|\d+)个(?P<head>[\u4e00-\u9fff]{2,10}?)分别(?:为|是)[：:]")
_COMPARED_EARLIER = re.compile(r"(?:与|和|同)[^，,。；]{0,14}?(?:[\d,.]+\s*(?:亿元|万元|元))?相比|同比|(?:比|较)\s*(?:上年|上一年|去年|\d{4}\s*年)"
                               r"度?(?:年初|调整|全年)?(?:预算执行数|预算数|决算数|执行数|预算|决算)?")
_NOTE = re.compile(r"[（(][^（）()]{4,}[)）]$")  # "政府采购金额（以合同签订为准）": a note, not part of the item
_CHANGE_HEADER = re.compile(r"增减|增加额|减少额|比上年|变动")
_PROJECT_HEADER = re.compile(r"项目")  # 项目名称 over the column of a project table's project names
GENERIC_HEADERS = {"合计", "小计", "总计", "金额", "数额"}
SUB_HEADERS = {"购置费", "运行费", "运维费"}
_JOINT_ITEM = re.compile(r"购置及运(?:行|维)(?:维护)?费$")  # "公务用车购置及运行费" splits into 购置费 and 运行费
_DIRECTION = {"增减": Direction.UP, "增加": Direction.UP, "增长": Direction.UP, "增": Direction.UP,
              "减少": Direction.DOWN, "下降": Direction.DOWN, "减": Direction.DOWN, "节约": Direction.DOWN,
              "持平": Direction.FLAT, "一致": Direction.FLAT}
_OPPOSITE = {Direction.UP: Direction.DOWN, Direction.DOWN: Direction.UP}
# fund names that contain 预算 without stating a basis: 一般公共预算, 政府性基金预算 …
_FUND_WORDS = re.compile(r"(?:一般公共|政府性基金|国有资本经营|社会保险基金)预算|(?:部门|单位)预算|预算单位|预算内|预算外")


def _side_opening(text: str) -> str:
    """The side of a budget (收入, 支出) the text opens with, else ""."""
    return next((side for side in BUDGET_SIDES if text.startswith(side)), "")


def stated_basis_in(text: str) -> Basis | None:
    """The basis words state, fund names (一般公共预算) aside, or None."""
    return stated_basis(_FUND_WORDS.sub("", text))


def basis_in(text: str, default: Basis) -> Basis:
    """The basis words state, or `default` when they state none."""
    return stated_basis_in(text) or default


def clean_subject(raw: str) -> str:
    """Reduces the words before a figure to the budget item they name; a whole keeps the words that make it one
    (本年支出合计 and 支出总计 are two figures, not 支出)."""
    raw = _BOTH_WHOLES.sub(r"收入、支出\g<whole>", raw)
    text = QUOTES.sub("", raw).strip(" \t\u3000、")
    for _ in range(3):
        text = _LEADING.sub("", text).strip(" 、")
        text = _TRAILING.sub("", text).strip(" 、")
        text = _NOTE.sub("", text).strip(" 、")
    whole = _WHOLE.search(QUOTES.sub("", raw))
    return whole.group() if whole and text in _BARE_WHOLES else text


def _year_of(stated: re.Match) -> int:
    """The year a match of a stated year names ("2025年度预算…", "与2023年度支出决算6,826.44万元相比")."""
    return int(stated.groupdict().get("compared") or stated["year"])


def _years_listed(sentence: str) -> set[int]:
    """The years a sentence opens its clauses with, when it lists more than one ("2023年…决算…，2024年…预算…")."""
    years = {int(m["year"]) for part in CLAUSE_BREAK.split(sentence) if (m := _CLAUSE_YEAR.match(part.strip()))}
    return years if len(years) > 1 else set()


def _listed_year(clause: str, years_listed: set[int]) -> int | None:
    """The year a clause stating a year's budget, outturn or plan opens with, in a sentence that lists figures of
    several years; else None (the document's)."""
    opening = _CLAUSE_YEAR.match(clause.strip()) if years_listed else None
    return int(opening["year"]) if opening and _YEARS_FIGURE.search(clause) else None


def _attribute_head(after: str) -> str:
    """"的党群服务站" when a counted noun stands before 的 and the thing it describes, else ""."""
    if not after.startswith("的"):
        return ""
    head = ""
    for word in tokens(after[1:]):
        if not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            break
        head += word
        if len(head) >= MIN_ATTRIBUTE_HEAD:
            break
    return f"的{head}" if head else ""


def _clause_fund(before: str) -> re.Match | None:
    """The fund the sentence, or its last 其中 part, opens with before a figure, or None."""
    return next(reversed(list(_CLAUSE_FUND.finditer(before))), None)


def _sentences(line: Line) -> Iterable[tuple[int, str]]:
    start = 0
    for match in re.finditer(r"[。！？!?；;]", line.text):
        yield line.start + start, line.text[start : match.end()]
        start = match.end()
    if start < len(line.text):
        yield line.start + start, line.text[start:]


def _mentions(sentence: str) -> list[re.Match]:
    """Figures in a sentence, in order: money and percentages, then counts that do not overlap them (a count
    written in words only when a bound word stands beside it or its unit ends the clause: 核定编制二十六人，), and an
    item's zero printed without a unit."""
    money = list(_MENTION.finditer(sentence))
    counts = [m for m in _COUNT_MENTION.finditer(sentence) if not any(m.start() < o.end() and o.start() < m.end() for o in money)
              and (NUMBER.fullmatch(m["num"]) or (chinese_number(m["num"]) is not None
                                                  and (m["bound"] or _BOUND_BEFORE.search(sentence, 0, m.start())
                                                       or _CLAUSE_END.match(sentence, m.end()))))]
    zeros = [m for m in _ZERO_MENTION.finditer(sentence) if _ZERO_ITEM.search(sentence, 0, m.start())]
    return sorted(money + counts + zeros, key=lambda m: m.start())


def _figure(num: str) -> Decimal:
    """The value of a printed figure: "1,307.00" → 1307.00, "三" → 3."""
    return Decimal(num.replace(",", "")) if NUMBER.fullmatch(num) else Decimal(chinese_number(num))


def line_item(text: str) -> str:
    """The 功能分类 item a line opens with ("1、一般公共服务支出（类）…行政运行（项）"), or ""."""
    item = _LINE_ITEM.match(text)
    return clean_subject(item["item"]) if item else ""


def _named_before(opening: str) -> str:
    """The item a sentence names before its first figure and the bare 支出 that states it ("二是X项目，支出…"), or ""."""
    if NUMBER.search(opening):
        return ""
    named = clean_subject(strip_list_mark(opening.strip().rstrip("，,：:")))
    return named if len(named) >= 2 and len(named) <= MAX_SUBJECT_CHARS and named not in _BARE_WHOLES else ""


def facts_from_line(line: Line, page: int | None = None, default_basis: Basis = Basis.BUDGET, heading: str = "",
                    carried: str = "") -> list[Fact]:
    """Money, percentage and count figures stated in one paragraph; `default_basis` is the document's own.

    A paragraph that names no item of its own is about the item named on the line before it (`carried`);
    a line that is little more than a figure ("795万元" under "六、年度预算安排") is about its heading.
    """
    facts: list[Fact] = []
    line = replace(line, text=ascii_digits(line.text))  # "３５．６０万元" is read as 35.60万元, at the same offsets
    line_subject = line_item(line.text)
    if not line_subject and not carried and len(line.text.strip()) <= FIGURE_LINE_CHARS:
        line_subject = clean_subject(strip_list_mark(heading))
    line_fund = _LINE_FUND.match(line.text)
    said_before = ""  # the item the paragraph's sentences named last: "…支出决算为11.60万元。与2023年度决算…相比，减少…"
    # parts listed after 其中 go on over "；" while their names end alike: "其中：货物类…；工程类…；服务类282.00万元",
    # not "其中：人员经费…、公用经费…；项目支出…"
    listed_ending = ""
    for offset, sentence in _sentences(line):
        if titled := _ITEM_TITLE.match(sentence.strip()):  # "（三）公务接待费。年初预算为4.00万元，…": its item's
            said_before = clean_subject(titled["item"]) or said_before
            listed_ending = ""
            continue
        stated_before = len(facts)
        label = _LABEL.match(strip_list_mark(sentence.strip()))
        within = _WITHIN.match(sentence.strip())  # "基本支出中，财政拨款安排…": the money of 基本支出 by source
        if within and _BARE_WHOLE_WORDS.sub("", within["whole"]) in (*BUDGET_SIDES, "收支"):
            within = None  # "支出预算中，基本支出…": the body's whole, which every figure is part of
        # the item of an earlier line ("2023年当年预算执行数为…" under its 功能分类 line) only until this one names its own
        running_subject = (clean_subject(label["item"]) if label else "") or line_subject or said_before or carried
        quoted = _QUOTED_PROJECT.search(sentence)
        sentence_whole = ""  # the first item the sentence names: what a closing 合计 totals
        added = ""  # what the sentence says its item has besides ("另有上年结转资金…"): in the closing 合计 too
        changed_subject = ""  # the item whose change the sentence stated last
        moved_item = ""  # "车辆保有量由3辆减少为2辆": the item whose earlier level the sentence stated last
        counted_year = None  # "2024年共发生国内公务接待14批次、86人次": the year the sentence's counts happened in
        years_listed = _years_listed(sentence)
        previous_end = 0
        against_budget = False  # the last figure was the item's budget it is compared with ("比预算数28,000.00元")
        for match in _mentions(sentence):
            after_budget, against_budget = against_budget, False
            if match.re is _COUNT_MENTION and _PER.search(sentence, 0, match.start()):
                continue  # "每接待1人次读者的支出": the 1 a rate is per, no figure
            unit_text = (match["unit"] or _ZERO_UNIT) + written_per(match.groupdict().get("per"))  # 94元/人
            boundaries = [b.end() for b in _BOUNDARY.finditer(sentence, 0, match.start())]
            clause_start = max([previous_end, *boundaries])
            clause = sentence[clause_start : match.start()].rstrip()
            bound_before = _BOUND_BEFORE.search(clause)
            if bound_before:  # "补贴对象生活改善度不低于": the bound is the figure's, the words before it the item
                clause = clause[: bound_before.start()].rstrip()
            qualifier = (bound_words().after.get(match.groupdict().get("bound") or "")
                         or (bound_words().before[bound_before["word"]] if bound_before else None))
            if reason := _REASON_LEAD.match(clause):  # "主要原因是2024年更新购置执法执勤用车1辆": the words after it
                clause = clause[reason.end():]
                if not clean_subject(clause):
                    previous_end = match.end()
                    continue  # "主要原因是1辆公务用车报废": a figure of the reason, no item's
            if clause.endswith("由") and _MOVED_TO.match(sentence, match.end()):
                moved_item = clean_subject(clause[:-1]) or running_subject  # the level it moved from: no figure of now
                previous_end = match.end()
                continue
            if moved_item and _MOVED_TO.fullmatch(clause.strip()):
                clause, moved_item = moved_item, ""  # the level it moved to is the item's
            measure = "金额"
            direction = compared_to = None
            change = _CHANGE.search(clause)
            # "与上年相比，…增加" or "与上年相比收支预算总计增加": compared before the change's own words
            said_to = offset - line.start + clause_start + (change.start() if change else 0)
            compared_before = ([*_COMPARED_EARLIER.finditer(line.text, 0, said_to)] or [None])[-1]  # the nearest
            if change and _DIRECTION[change["dir"]] is Direction.FLAT and not change["cmp"]:
                change = None  # "持平" alone is no change figure; "与2024年预算一致0万元" is
            if change and not (change["cmp"] or compared_before) and clean_subject(clause[: change.start()]):
                change = None  # "支持商销稳增长30万" names an item; a change says 比上年 or stands alone ("，增加5万元")
            if change:
                direction = _DIRECTION[change["dir"]]
                measure = f"比上年{direction}"
                stated = change["cmp"] or (compared_before.group() if compared_before else "")
                compared_to = basis_in(stated, Basis.BUDGET if default_basis is not Basis.FINAL else Basis.FINAL)
                if default_basis is Basis.FINAL and compared_to is not Basis.FINAL and not _EARLIER_YEAR.search(stated) \
                        or after_budget and not change["cmp"]:
                    previous_end = match.end()
                    continue  # "决算数比年初预算减少1.50万元": how far the 决算 fell from this year's budget, no change on a year
                clause = clause[: change.start()]
            level_then = None if change else _COMPARED_LEVEL.search(clause)
            if level_then:  # the compared year's own figure: that year's, of the item before 比
                if not level_then["year"]:
                    previous_end = match.end()
                    continue  # "比上年39.52万元": a year the sentence does not name
                clause = clause[: level_then.start()]
            elif not change and (level_then := _COMPARED_BUDGET.search(clause)):
                clause, against_budget = clause[: level_then.start()], True
            basis = basis_in(level_then.group() if level_then else clause, default_basis)
            period = _PERIOD.search(clause)
            if match.re is _COUNT_MENTION and not period:
                counted_year = _COUNTED_IN_YEAR.match(clause) or counted_year
                period = counted_year
            subject = _TRAILING_PERIOD.sub("", clean_subject(clause))
            if _PER_HEAD_ONLY.fullmatch(subject) and (paid := next((f.subject for f in reversed(facts)
                                                                   if f.kind is FactKind.AMOUNT and is_money(f.unit)), "")):
                subject = f"{paid}{subject.removeprefix('按')}"  # "…补贴安排…元。…按人均每年72,000元的标准": that item's rate
            if also := _ALSO_HAS.match(subject):  # "某项目另有上年结转资金80万元，合计安排560万元": the project's part
                sentence_whole, added = sentence_whole or also["owner"], also["part"]
                subject = f"{also['owner']}{also['part']}"
            stated = _STATED_MEASURE.search(subject)
            if stated and measure == "金额":  # "三公经费预算数" → 三公经费 / 预算数; "年初预算" alone → its item
                subject, measure = subject[: stated.start()], stated.group()
                if _LAST_YEAR_WORD.fullmatch(subject):  # "…总额2745.50万元，上年预算数2626.00万元": the same item's
                    subject, measure = "", subject + measure
            elif measure == "金额" and _LAST_YEAR_WORD.fullmatch(subject) and not level_then:
                subject, measure = "", f"{subject}{basis}"  # "收入预算981.32万元（上年796.20万元）": the same item's
            if subject in ("", "预算") and "预算" in f"{subject}{measure}" and _SELF.search(clause):
                subject = WHOLE_BUDGET  # "2024年该中心年初预算为552.80万元": the body's whole budget
            if unit_text in "%％" and _COMPLETION.search(clause):
                # "该中心…年初预算431.10万元，支出决算完成年初预算的103.08%": the rate of the side it names, where the
                # item named before is not of that side already (一般公共预算财政拨款支出…，支出决算完成…: that item's)
                side = _side_opening(clause.strip())
                subject = side if side not in running_subject else ""
                measure = COMPLETION_MEASURE
            share = _SHARE_OF.match(clause.strip()) if unit_text in "%％" and not change else None
            if share:  # "基本支出 5377.64万元，占 55.10%": the share of the item just named, in the whole it names
                subject, measure = running_subject, f"占{share['whole']}的{SHARE_MEASURE}" if share["whole"] else SHARE_MEASURE
            if quoted and quoted.end() <= match.start() and subject in _BARE_PROJECT:
                subject = quoted["name"]
            elif quoted and quoted.end() <= match.start() and _SCORE.fullmatch(subject):  # 评价得分91.5分: the project's
                subject, measure = quoted["name"], subject
            elif _SCORE.fullmatch(subject) and len(facts) > stated_before and _PLAIN_NAME.fullmatch(running_subject):
                subject, measure = running_subject, subject  # "某项目全年预算620.50万元，执行率100%，自评得分96分"
            if len(subject) > MAX_SUBJECT_CHARS // 2 and "的" in subject and not names_a_level(subject):
                # "…单位财政拨款的机关运行经费"; a 功能分类 item keeps its 的: 收入安排的支出, 基金的补助（项）
                subject = subject.rsplit("的", 1)[1] or subject
            total = bool(_TOTAL_CLAUSE.match(clause.strip()))
            if total:  # "X 3万，其中A 1万，B 2万，合计3万": X's, never the last part's
                subject = f"{sentence_whole}含{added}" if sentence_whole and added else sentence_whole or line_subject or carried
            elif (year_share := _YEAR_SHARE.search(clause.strip())) and "总" in running_subject:
                subject, period = running_subject.replace("总", "", 1), year_share  # that year's part, not the whole
            elif not subject or _BARE_MEASURE.match(subject):
                # "收支总预算各增加731.39万元，增长5.36%": a bare change is of the item whose change came last
                subject = changed_subject if change and changed_subject else running_subject
                side = _side_opening(measure)
                if side and _OTHER_SIDE[side] in subject and side not in subject:
                    # "收入决算444.39万元，…；支出决算444.39万元": the 支出 of what the 收入 was of, never that 收入
                    before, _, after = subject.rpartition(_OTHER_SIDE[side])
                    subject = f"{before}{side}{after}"
            elif change and subject in BUDGET_SIDES and subject in running_subject and _WHOLE.search(running_subject):
                subject = running_subject  # "本年支出合计7,180.00万元，…本年支出增加353.56万元": the total's change
            elif subject in _BARE_WHOLES and (named := _named_before(sentence[:clause_start])):
                subject = named  # "二是法律援助案件补贴项目，支出104.35万元": that project's 支出
            elif subject in _OTHER_SIDE and running_subject.endswith(_OTHER_SIDE[subject]) and len(running_subject) > 2:
                # "政府性基金预算财政拨款收入240万元，支出240万元": the 支出 of the same fund
                subject = running_subject[: -len(subject)] + subject
            elif subject in _FUND_BALANCES and (fund := _clause_fund(sentence[: match.start()]) or line_fund):
                # "政府性基金预算财政拨款收入4236万元，…；支出…；年末结转和结余318.62万元": that fund's, not the department's
                subject = fund["fund"] + subject
            elif subject in _ITEM_BALANCES and line_subject and classification_levels(line_subject):
                subject = line_subject + subject  # "重大公共卫生服务（项）：…，年末结转5.4458万元": that item's carry-over
            if match.re is _COUNT_MENTION and 0 < len(subject) <= 2 and (at := running_subject.find(subject)) > 0:
                subject = running_subject[: at + len(subject)]  # "公务接待费支出…共接待46批次": 公务接待's count
            counted = _COUNTED.match(sentence, match.end()) if match.re is _COUNT_MENTION else None
            if counted and len(counted["noun"]) > MAX_NOUN_BEFORE_VERB and re.match(_COUNTED_VERB, sentence[counted.end() :]):
                counted = None  # "1名退休人员去世后按规定发放的…": a clause before the verb, no noun
            if counted and ("、" in clause or not clean_subject(clause)):
                # "办公室、…、纪检组19个内设处室": the entries before it are what it counts, not its name;
                # "8个二级事业单位16个三级事业单位": the noun after it alone; "东荷社区、菱塘社区2个社区的党群服务站完成
                # 改造": the count says which of them the thing after 的 is of, no count of all 社区
                subject = counted["noun"] + _attribute_head(sentence[counted.end() :])
            elif counted and subject.endswith(_TOWARDS):
                subject = counted["noun"]
            elif counted and len(subject) + len(counted["noun"]) <= MAX_SUBJECT_CHARS:
                subject += counted["noun"]
            previous_end = counted.end() if counted else match.end()  # a count's noun belongs to it, not to the next
            if (len(subject) > MAX_SUBJECT_CHARS or _bodies_noted(subject)) and 2 <= len(tail := _AFTER_NOTE.split(subject)[-1]) \
                    <= MAX_SUBJECT_CHARS and not classification_levels(subject):  # a 类款项 chain is long, its （项） no note
                subject = tail  # "机关本级和…执法总队（参照公务员法管理事业单位）机关运行经费预算": the item after the note
            if within and _MONEY_SOURCE.search(subject) and within["whole"] not in subject:
                subject = f"{within['whole']}{subject}"  # 基本支出中的财政拨款 is no 财政拨款 of the whole body
            if (whole := _bracketed_whole(sentence, offset, match.start(), facts[stated_before:])) \
                    and is_body_name(subject) and whole not in subject:
                subject += whole  # "事业编制22名（某工作站14名，…）": the unit's part of the item, never the unit's whole
            if not subject or len(subject) > MAX_SUBJECT_CHARS and not classification_levels(subject):  # a 类款项 chain is long
                continue
            if change:
                changed_subject = subject
            listed = bool(listed_ending) and subject.endswith(listed_ending)
            in_parts = (listed or _PARTS_FOLLOW.search(sentence, 0, clause_start) is not None) and not total
            if in_parts and subject in _SPENDING_KINDS and (fund := _FUND_SPENDING.search(sentence_whole or "")):
                subject = fund["fund"] + subject  # "一般公共预算支出预算…，其中：基本支出…": that fund's, not the body's
            if not measure.startswith("比上年"):
                running_subject = subject
                if not in_parts:
                    sentence_whole = sentence_whole or subject
                    said_before = subject
            unit = normalise_unit(_COUNT_UNIT_NAMES.get(unit_text, unit_text).replace("％", "%"))
            value = _figure(match["num"])
            if direction in _OPPOSITE and value < 0:  # "增加（减少）-6.55万元": the sign says which way it went
                direction, value = _OPPOSITE[direction], -value
                measure = measure.replace(_OPPOSITE[direction], direction)
            if unit == "%" and measure != COMPLETION_MEASURE and not share:
                measure = SHARE_MEASURE if measure == "金额" else measure + "幅度"
            facts.append(
                Fact(
                    subject=subject,
                    measure=measure,
                    value=value,
                    unit=unit,
                    qualifier=qualifier,
                    start=offset + clause_start,
                    end=offset + (counted.end() if counted and subject.endswith(counted["noun"]) else match.end()),
                    origin="text",
                    context=sentence.strip(),
                    page=page,
                    amount_wan=to_wan(value, unit),
                    kind=fact_kind(unit, qualifier, direction is not None),
                    basis=basis,
                    direction=direction,
                    compared_to=compared_to,
                    part=in_parts,
                    period=int(level_then["year"]) if level_then and not against_budget else _year_of(period) if period
                    else _listed_year(clause, years_listed),
                )
            )
        facts += _changes_of_both_sides(facts[stated_before:])
        facts += _aliases_stated(sentence, offset, facts[stated_before:])
        parts = [f.subject for f in facts[stated_before:] if f.part]
        listed_ending = parts[-1][-1] if parts and sentence.rstrip().endswith(("；", ";")) else ""
    return _with_purposes(_parts_listed(facts, line), line)


def _parts_listed(facts: list[Fact], line: Line) -> list[Fact]:
    """Figures of parts listed after a head that counts them ("三个分场管护面积分别为：崾岘分场2.46万亩，护林员9人；…"):
    each clause's first figure is its part's measure (崾岘分场管护面积), the figures after it in the clause the part's own
    (崾岘分场护林员), never bare items of the body."""
    head = _LISTED_PARTS.search(line.text)
    if not head:
        return facts
    listed_from = line.start + head.end()
    clause_ends = [start + len(text) for start, text in _sentences(line)]
    kept: list[Fact] = []
    part, clause_end = "", -1
    for fact in facts:
        if fact.start < listed_from:  # a figure before the head
            kept.append(fact)
            continue
        end = next((e for e in clause_ends if fact.start < e), clause_end)
        if end != clause_end:  # the clause's first figure: its part's, named with the noun the head counts
            clause_end = end
            noun = next((head["head"][:n] for n in range(len(head["head"]), 0, -1)
                         if fact.subject.endswith(head["head"][:n]) and len(fact.subject) > n), "")
            part = fact.subject if noun else ""
            if noun:
                fact = replace(fact, subject=fact.subject + head["head"][len(noun):])
        elif part and not fact.subject.startswith(part):
            fact = replace(fact, subject=part + fact.subject)
        kept.append(fact)
    return kept


def _bracketed_whole(sentence: str, offset: int, at: int, sentence_facts: list[Fact]) -> str:
    """The item of the figure a bracket still open at `at` opens right after ("事业编制22名（…"), or ""."""
    opens = max(sentence.rfind("（", 0, at), sentence.rfind("(", 0, at))
    if opens < 0 or max(sentence.rfind("）", 0, at), sentence.rfind(")", 0, at)) > opens:
        return ""
    before = [f for f in sentence_facts if f.end <= offset + opens]
    return before[-1].subject if before and not sentence[before[-1].end - offset : opens].strip() else ""


def _changes_of_both_sides(sentence_facts: list[Fact]) -> list[Fact]:
    """"收入预算1864.24万元，支出预算1864.24万元，比2024年预算…增加73.72万元": a change stated after two sides of
    one figure is each side's; the copies for the side named first, or for both when the change names them jointly
    ("收入总计…，支出总计…，收支总预算各增加2200.50万元")."""
    levels = {f.subject: f.value for f in sentence_facts if f.kind is FactKind.AMOUNT and f.period is None}
    wholes = [s for s in levels if sum(side in s for side in BUDGET_SIDES) == 1
              and not any(f.part for f in sentence_facts if f.subject == s)]
    copies = []
    for fact in sentence_facts:
        sides = [side for side in BUDGET_SIDES if fact.subject.count(side) == 1]
        if fact.kind is FactKind.CHANGE and (JOINT_SIDES in fact.subject or len(sides) == 2):
            copies += [replace(fact, subject=whole) for whole in _one_figure_of_each_side(wholes, levels)]
        if fact.kind is not FactKind.CHANGE or len(sides) != 1:
            continue
        other = fact.subject.replace(sides[0], _OTHER_SIDE[sides[0]])
        if other in levels and levels[other] == levels.get(fact.subject):
            copies.append(replace(fact, subject=other))
    return copies


def _one_figure_of_each_side(wholes: list[str], levels: dict[str, Decimal]) -> list[str]:
    """The wholes of 收入 and of 支出, one each, when they are one figure (收入总计 and 支出总计 alike); else []."""
    by_side = [[w for w in wholes if side in w] for side in BUDGET_SIDES]
    if any(len(found) != 1 for found in by_side) or levels[by_side[0][0]] != levels[by_side[1][0]]:
        return []
    return [found[0] for found in by_side]


# "事业收入621.49万元，…，全部为医疗收入": the whole of an item is also another's, named after its figure
_APPROPRIATION = ("拨款", "拨款收入")
_CARRIED_PART = "上年结转"
_ALIAS = re.compile(r"[，,](?:全部|均|全额)(?:为|是|属于|来源于|来自)(?P<alias>[\u4e00-\u9fff（）]{2,20}?)(?=[，,。；;、]|$)")


def _aliases_stated(sentence: str, offset: int, sentence_facts: list[Fact]) -> list[Fact]:
    """The figure of an item the sentence says is wholly another ("…全部为医疗收入", "…全部为用于残疾人事业的彩票公益金"),
    copied under that name: the copy cites the same figure, in a sentence that says the name."""
    copies = []
    for alias in _ALIAS.finditer(sentence):
        if alias["alias"].endswith(_APPROPRIATION) and _CARRIED_PART in sentence[alias.end():]:
            continue  # "…全部为一般公共预算拨款，其中当年拨款…、上年结转…": the fund's money of two years, no year's appropriation
        before = [f for f in sentence_facts if f.end <= offset + alias.start() and f.kind is FactKind.AMOUNT
                  and f.period is None]
        if before and alias["alias"] != before[-1].subject:
            copies.append(replace(before[-1], subject=alias["alias"]))
    return copies


def _with_purposes(facts: list[Fact], line: Line) -> list[Fact]:
    """Gives each 功能分类 item of a paragraph, or the item the paragraph is labelled with ("7.司法救助资金：预算
    80.00万元。用于…"), the purpose stated after its figure (or before its first one), on all its facts; and any income
    the money it is ("财政专户管理资金收入4682.00万元，为…学费、住宿费收入")."""
    labelled = _LABEL.match(strip_list_mark(line.text.strip()))
    label = clean_subject(labelled["item"]) if labelled else None
    purposes: dict[str, str] = {}
    for found in _PURPOSE.finditer(line.text):
        before = [f for f in facts if f.end <= line.start + found.start()]
        owner = before[-1] if before else facts[0] if facts else None
        if owner and (classification_levels(owner.subject) or owner.subject == label or found["income"]):
            purposes.setdefault(owner.subject, (found["purpose"] or found["money"] or found["income"]).strip(" ，,"))
    return [replace(f, purpose=purposes[f.subject]) if f.subject in purposes else f for f in facts]


def clean_header(header: str) -> str:
    """A column header without its unit note: "价值（金额单位：万元）" → "价值"."""
    return re.sub(r"[（(][^（）()]*(?:单位|元)[^（）()]*[)）]", "", header) or header


def _sub_item(whole: str, part: str) -> str:
    """A sub-column's item: 公务用车购置及运行费 / 运行费 → 公务用车运行费; otherwise "whole（part）"."""
    joint = _JOINT_ITEM.search(whole)
    return f"{whole[: joint.start()]}{part}" if joint else f"{whole}（{part}）"


def _header_subject(chain: tuple[str, ...]) -> tuple[str, str]:
    """(item, measure) named by a header chain: ("“三公”经费预算数", "合计") → ("三公经费", "预算数")."""
    names = [QUOTES.sub("", clean_header(h)) for h in chain]
    measure = names.pop() if len(names) > 1 and _BARE_MEASURE.match(names[-1]) else "金额"  # 公务接待费 / 决算数
    while len(names) > 1 and names[-1] in GENERIC_HEADERS:
        names.pop()
    name = names[-1] if len(names) == 1 or names[-1] not in SUB_HEADERS else _sub_item(names[-2], names[-1])
    name = clean_subject(name) or name
    stated = _STATED_MEASURE.search(name)
    if stated and stated.start() > 0 and measure == "金额":
        return name[: stated.start()], stated.group()
    return name, measure


def _row_project(table: Table, cell: TableCell) -> str | None:
    """The project a row of a project table names, where the row names more (its 功能科目, its unit): the label under
    a header that says 项目, else the first that is no code; None elsewhere."""
    labels = cell.row_labels
    if table.kind is not TableKind.PROJECTS or len(labels) < 2:
        return None
    names = [label for label in labels if not split_code(label)[0] and not label.strip().isdigit()]
    row = table.body[cell.row] if cell.row < len(table.body) else []
    columns = {c.text: col for col, c in reversed(list(enumerate(row)))}
    headed = [label for label in names if label in columns
              and any(_PROJECT_HEADER.search(h[columns[label]]) for h in table.header if columns[label] < len(h))]
    return next(iter(headed or names), None)


def _subtotal_of(labels: tuple[str, ...]) -> str | None:
    """The group a 小计 row closes, its nearest label that is no code ("20607 | 科学技术支出 | 科学技术普及 | 小计": the 款
    科学技术普及, printed once over the rows it groups), or None for any other row."""
    if len(labels) < 2 or squash(labels[-1]) != SUBTOTAL:
        return None
    return next((label for label in reversed(labels[:-1]) if label and not is_subject_code(label)), None)


def _subject_label(label: str) -> str:
    """A row label as an item: no list mark, no 科目编码 before its name ("2120104 城管执法" in one cell), no
    bracketed unit after it."""
    label = strip_list_mark(label)
    name = split_code(label)[1]
    label = name if re.match(r"[\u4e00-\u9fff]", name) else label
    label = re.sub(r"[（(][^()（）]{1,8}[)）]\s*$", "", label) or label  # "车辆（台、辆）" → "车辆"
    return QUOTES.sub("", squash(label))


def _indicator_sentence(table: Table, cell: TableCell, basis: Basis) -> list[Fact]:
    """The figures of a 指标值 written as a sentence ("《廊坊长安网》日均浏览量达到200 人次"), as the
    project's indicator: what the sentence says they are joins the 三级指标 as what is measured."""
    stated = facts_from_line(Line(cell.cell.text, cell.cell.start, cell.cell.end), table.page, basis)
    measure, named = _indicator_levels(table, cell)
    return [as_indicator(f, table, table.project or project_name(table.title), measure,
                         _titled(table, "；".join([*named, f.subject])), cell.row_labels, cell.col_headers)
            for f in stated if f.kind is not FactKind.CHANGE]


def _indicator_levels(table: Table, cell: TableCell) -> tuple[str, list[str]]:
    """An indicator row's kind (its 二级指标, else its 一级) and the labels that name it (its 三级指标), read by
    which level each label column's header names; a grid whose headers name no levels reads them by place."""
    levels, labels = label_levels(table.header), _indicator_labels(cell)
    if len(levels) != len(labels):  # by place: 一级, 二级, 三级…; or 二级 and 三级 alone
        return (labels[0], list(labels[1:])) if len(labels) == 2 else (labels[1], list(labels[2:]))
    by_level = dict(zip(levels, labels, strict=True))
    return by_level.get(1) or by_level.get(0) or labels[0], [by_level[2]] if 2 in by_level else []


def _indicator_labels(cell: TableCell) -> tuple[str, ...]:
    """An indicator row's labels, one naming kind and indicator together ("数量指标：画幅数") as the two."""
    matches = [(label, _KIND_AND_INDICATOR.match(label)) for label in cell.row_labels]
    return tuple(part for label, found in matches for part in ((found["kind"], found["name"]) if found else (label,)))


def _titled(table: Table, detail: str) -> str:
    """A table figure's context: its table's title, then after "：" what its row says (the title's own colons
    become spaces, so the first "：" ends the title)."""
    title = re.sub(r"[：:]", " ", table.title).strip()
    return f"{title}：{detail}" if detail else title


def _row_span_start(table: Table, cell: TableCell) -> int:
    row = table.body[cell.row]
    return next((c.start for c in row if c.text), cell.cell.start)


def facts_from_table(table: Table, default_basis: Basis = Basis.BUDGET, year: int | None = None) -> list[Fact]:
    """Every figure cell of a typed table, as facts; a column or title that states no basis has `default_basis`.
    A column of last year's figures (上年决算数) in the document of `year` states `year - 1`'s."""
    table_basis = basis_in(table.title, default_basis)
    # "…基本支出决算表（2023年度）" beside the same table of 2024 in a 2024 final account: every figure is 2023's
    other_year = int(titled["year"]) if (titled := _TITLE_YEAR.search(table.title)) and int(titled["year"]) != year else None
    if is_project_form(table):
        return facts_from_project_forms(
            table, lambda cell, about: facts_from_line(Line(cell.text, cell.start, cell.end), table.page, table_basis,
                                                       carried=about), table_basis)
    performance = any(is_value_header(h) for c in table.cells for h in c.col_headers)
    # beside a column of what was achieved, the targets are what was planned, whatever the document's basis
    planned = Basis.BUDGET if any(is_actual_header(h) for c in table.cells for h in c.col_headers) else None
    value_columns = {c.col for c in table.cells if any(is_value_header(h) or is_actual_header(h) for h in c.col_headers)}
    # a list of items, each with one figure and no column header ("行政运行：6,248,600.00"): the items' amounts
    one_column = len({c.col for c in table.cells if c.quantity is not None}) == 1
    facts: list[Fact] = []
    for cell in table.cells:
        header = cell.col_headers[-1] if cell.col_headers else ""
        q = cell.quantity or (parse_counted(cell.cell.text) if performance and is_value_header(header) else None)
        if q is None:
            if performance and (is_value_header(header) or TARGET_DESCRIPTION in header) and len(_indicator_labels(cell)) >= 2:
                facts += _indicator_sentence(table, cell, table_basis)
            elif facts and facts[-1].row_path == cell.row_labels and facts[-1].table_id == table.id \
                    and (last_years := _last_years_beside(cell.cell, facts[-1], year)):
                facts.append(last_years)  # "公务接待费：18,000.00（上年20,000.00）" read as two cells
            continue
        achieved = performance and is_actual_header(header)  # a 绩效自评表's 实际完成值 beside the target
        if performance:
            if not (is_value_header(header) or achieved) or len(_indicator_labels(cell)) < 2:
                continue
            subject = table.project or project_name(table.title)
            measure, named = _indicator_levels(table, cell)
            # the 绩效指标描述 left of the value says what is measured ("机房改造经费控制在预算范围内")
            described = [c.text for col, c in enumerate(table.body[cell.row][: cell.col])
                         if c.text and c.text not in cell.row_labels and col not in value_columns]
            context = "；".join([*named, *described])
        else:
            if cell.col_headers and (_TEXT_FIELD.search(cell.col_headers[-1]) or names_no_figures(cell.col_headers)):
                continue  # a number under 项目性质 / 实施单位 / 日期 is a misaligned cell, not a figure; under 行次 a line number
            if cell.row_labels and _COLUMN_NUMBERS.match(cell.row_labels[-1]):
                continue
            if cell.row_labels and _is_year_row(cell.row_labels[-1]) and cell.col_headers:
                # years down the side, items across: "2024年" row × 公务接待费 column is 公务接待费's 2024 figure, and
                # "2023年决算数" row × 运行费 column the 2023 决算 of 公务用车运行费
                subject, _ = _header_subject(cell.col_headers)
                measure, context = cell.row_labels[-1], " ".join(cell.row_labels[:-1])
            elif project := _row_project(table, cell):
                # "村级组织运转保障 | 2130705 对村民委员会和村党支部的补助", "巾帼创业就业促进行动 | 省妇联本级": the project,
                # whatever class or unit the row also names
                subject = _subject_label(project)
                measure = "/".join(clean_header(h) for h in cell.col_headers) or "金额"
                context = " ".join(label for label in cell.row_labels if label != project)
            elif cell.row_labels:
                balance = balance_part(cell.row_labels)  # a fund's 结转和结余 stands under either side, and is neither
                subject = balance or _subject_label(_subtotal_of(cell.row_labels) or cell.row_labels[-1])
                headers = [h for h in map(clean_header, cell.col_headers) if not (balance and h in BUDGET_SIDES)]
                measure = "/".join(headers) or "金额"
                context = " ".join(cell.row_labels[:-1])
            elif cell.col_headers:  # a one-row table: the column header names the item
                subject, measure = _header_subject(cell.col_headers)
                context = ""
            else:
                continue
        if not subject or not (cell.col_headers or one_column and cell.row_labels):
            continue
        if q.unit == "%" and _COMPLETION.search(re.sub(r"[%％()（）\s]", "", header)):
            measure = COMPLETION_MEASURE  # "决算数为调整预算数的%": the row's completion of that budget
        facts.append(
            Fact(
                subject=subject,
                measure=measure,
                value=q.value,
                unit=q.unit,
                qualifier=q.qualifier,
                start=_row_span_start(table, cell),
                end=cell.cell.end,
                origin="table",
                context=_titled(table, context),
                table_id=table.id,
                page=table.page,
                amount_wan=to_wan(q.value, q.unit),
                kind=fact_kind(q.unit, q.qualifier, _CHANGE_HEADER.search("".join(cell.col_headers)) is not None),
                basis=Basis.FINAL if achieved else planned or basis_in("".join((*cell.col_headers, *_year_row(cell))),
                                                                       table_basis),
                scope=table.scope,
                table_kind=table.kind,
                row_path=cell.row_labels,
                col_path=cell.col_headers,
                period=_column_year(cell.col_headers, year) or _row_year(cell.row_labels) or other_year,
            )
        )
        if last_years := _last_years_beside(cell.cell, facts[-1], year):
            facts.append(last_years)
    return facts


def _last_years_beside(cell: Cell, fact: Fact, year: int | None) -> Fact | None:
    """Last year's figure of the item `fact` states, where the cell holding it, or the cell right after it, says one in
    brackets ("18,000.00（上年20,000.00）"), in the figure's unit unless it says one; else None."""
    said = _LAST_YEAR_IN_CELL.search(cell.text)
    before = parse_number(said["figure"]) if said and year else None
    if before is None:
        return None
    unit = normalise_unit(said["unit"]) if said["unit"] else fact.unit
    return replace(fact, value=before, unit=unit, qualifier=None, amount_wan=to_wan(before, unit), end=cell.end,
                   kind=fact_kind(unit, None, False), period=year - 1)


def _is_year_row(label: str) -> bool:
    """Whether a row label names only a year, or a year and a basis ("2024年", "2023年决算数")."""
    return is_year_label(label) or bool(_YEAR_AND_BASIS.match(label.strip()))


def _year_row(cell: TableCell) -> tuple[str, ...]:
    """The row label of a row of a year and a basis ("2023年决算数"), which states the basis of its figures; () else."""
    return (cell.row_labels[-1],) if cell.row_labels and _YEAR_AND_BASIS.match(cell.row_labels[-1].strip()) else ()


def _row_year(labels: tuple[str, ...]) -> int | None:
    """The year a row labelled only by one, or by one and a basis, states its figures for ("2024年", "2023年决算数" in a
    table of years down the side)."""
    return int(_COLUMN_YEAR.search(labels[-1])["year"]) if labels and _is_year_row(labels[-1]) else None


def _column_year(headers: tuple[str, ...], document_year: int | None = None) -> int | None:
    """The year a column states its figures for (2024年预算数 beside 2025年预算数, 上年决算数 in a 2024
    document), or None."""
    year = _COLUMN_YEAR.search("".join(headers))
    if year:
        return int(year["year"])
    last_year = document_year and any(LAST_YEARS_COLUMN.match(h.strip()) for h in headers)
    return document_year - 1 if last_year else None
