"""The typed question plan between understanding a question and answering it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from assistant.config import DisplayUnit
from ingest.model import Basis, Direction, TableKind

ALL_FUNDS_TABLES = frozenset({TableKind.INCOME_EXPENSE_TOTAL, TableKind.INCOME, TableKind.EXPENSE})  # all of a body's money
PROJECT_ROW_TABLES = frozenset({TableKind.PROJECTS, TableKind.PERFORMANCE})  # rows are projects: no unit, no unit's whole


class Operation(StrEnum):
    """What a question asks to be done with the figures it names."""

    LOOKUP = "lookup"  # 公务接待费是多少
    SHARE = "share"  # 三公经费占总预算多少
    CHANGE = "change"  # 比上年增加了多少
    GROWTH = "growth_rate"  # 增长了百分之几
    PREVIOUS = "previous"  # 上年预算是多少
    SUM = "sum"  # A和B一共多少
    DIFFERENCE = "difference"  # A比B多多少
    RANK = "rank"  # 哪个部门最高
    ROW_RANK = "row_rank"  # 政府采购里哪个项目最多: the rows of one document
    YEAR_CHANGE = "year_change"  # 2024年比2023年多了多少
    COMPLETION = "completion"  # 决算完成了年初预算的百分之几
    LIST = "list"  # 三公经费包括哪些
    FILTER = "filter"  # 哪些项目超过100万元: the rows of one document above (or below) a figure
    TEXT = "text"  # 为什么增加, 什么叫基本支出


class Shape(StrEnum):
    """The form an answer takes."""

    VALUE = "value"
    LIST = "list"
    RANKING = "ranking"
    TEXT = "text"


_ASKS_RATE = re.compile(r"百分|%|增长率|增幅|降幅|涨幅|跌幅|变化率")
BODY_NATURE = "单位性质"  # the item of a question asking what kind of body one is (行政机关还是事业单位)
DEFAULT_WHOLE = "预算收支"  # what a share is of when the question names no whole
INCLUDED = re.compile(r"[（(](?:含|包括|包含)[^（）()]*[)）]")  # "（含政府性基金）": the whole, that part included
# "实际花了多少", "实际支出": the outturn (决算); "实际开放床位" is a count that 实际 does not make one
# "实际花了多少" asks the outturn; "实际有多少人" the staff a body has (实有人数)
ASKS_OUTTURN = re.compile(r"实际(?!有多少(?:人|名))(?:上)?(?:支出|开支|花|用|使用|执行|发生|完成|拨|到位|采购|支付|发放|投入|数|金额|是|为|有?多少|几|多|少|$|[，,。？?呢吗])")
# a 决算 set against its own budget, not against last year: "为什么比预算少", "为啥超了年初预算"
AGAINST_BUDGET = re.compile(r"比(?:年初|全年|调整后?)?预算|(?:超|超出|低于|高于|少于|多于)了?(?:年初|全年|调整后?)?预算|"
                            r"没有?(?:用|花)完(?:年初|全年|调整后?)?预算|预算(?:没有?|未)(?:用|花)完|"  # 为什么没用完预算
                            # "年初没安排预算，为啥最后花了四百多万": spent beyond a budget of none
                            r"(?:没有?|未)(?:安排)?预算[^。？?]{0,12}?(?:还|却|最后|最终|决算|实际)(?:有|要|是)?(?:支出|花|用)")
ADDS_UP = re.compile(r"(?<!本年支出)(?<!本年收入)合计|总共|一共|加起来|加一块|加一起|加在一起|合起来|之和|总和|共计")
_EACH = re.compile(r"每个|每一|各个|每季度|每月|各")
SHAPES = {Operation.RANK: Shape.RANKING, Operation.ROW_RANK: Shape.RANKING, Operation.LIST: Shape.LIST,
          Operation.FILTER: Shape.LIST, Operation.TEXT: Shape.TEXT}


class ClassLevel(StrEnum):
    """A level of a 科目编码: 类, 款 or 项."""

    CLASS = "类"
    SECTION = "款"
    ITEM = "项"


@dataclass(frozen=True)
class RowAsk:
    """The rows of one document a ranking question compares, and which end of them it asks for."""

    scope: str = ""  # the parent row, column or table that holds the rows (商品和服务支出, 项目支出, 政府采购); "" for spending
    column: str = ""  # the column the rows are ranked by, when the question names one (…哪个项目的预算资金最多)
    lowest: bool = False  # 最少 rather than 最多
    level: ClassLevel | None = None  # 具体到项: only rows of that level
    projects: bool = False  # 哪个项目: the rows of a project table, when nothing narrower is named and there is one


@dataclass(frozen=True)
class Threshold:
    """The bound a filter question sets: rows above it (超过100万元, 100万元以上) or below it, in 万元."""

    amount_wan: Decimal
    above: bool = True
    inclusive: bool = False  # 以上 and 不少于 keep the bound itself; 超过 does not

    def admits(self, amount_wan: Decimal) -> bool:
        if amount_wan == self.amount_wan:
            return self.inclusive
        return (amount_wan > self.amount_wan) is self.above


@dataclass(frozen=True)
class Operand:
    """One figure of an item asked in two documents: whose, of which year (None: the body's latest) and basis."""

    department: str
    year: int | None = None
    basis: Basis | None = None


@dataclass
class QuestionPlan:
    """What a question asks, in the product's terms: scope, items, basis, direction and operation."""

    question: str
    operation: Operation
    focus: str  # the budget item asked about, cleaned of filler words
    terms: list[str]  # focus plus canonical synonyms
    departments: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)  # the years whose documents answer
    named_years: list[int] = field(default_factory=list)  # every year the question names (2024年预算里…2023年执行数)
    as_of: int | None = None  # the year whose end a stock is asked at (到2024年底): that year's final account states it
    parts: list[str] = field(default_factory=list)  # operands for share/sum/difference
    unit_hint: tuple[str, ...] = ()
    money_unit: DisplayUnit | None = None  # the unit of money the question asks its figure in (电费是多少元: 元)
    wants_number: bool = True
    asks_figure: bool = True  # the wording itself asks for a figure (多少, 几, 比例 …), not just names an item
    basis: Basis | None = None  # the kind of figure asked for, when the question says (决算, 年初预算 …)
    direction: Direction | None = None  # 少了多少 → DOWN
    unknown_body: str | None = None  # a body named in the question that is not indexed
    sub_unit: str = ""  # a 下属单位 no document is of, whose row in its department's tables is asked
    unit_scope: str = ""  # a 下属单位 with tables of its own in its department's document: only they answer
    part_bases: list[Basis | None] = field(default_factory=list)  # per operand, when parts differ by basis (决算 vs 年初预算)
    asks_reason: bool = False  # 为什么, 为啥, 什么原因
    asks_definition: bool = False  # 是什么意思, 指什么, 包括什么
    asks_name: bool = False  # 叫什么名字: answered only by a sentence or row that names something
    asks_purpose: bool = False  # 是干什么用的, 用途: the purpose the document states for the item
    asks_what_money: bool = False  # 是什么钱, 哪来的: what the sentence stating the item's figure says it is
    asks_duty: bool = False  # 管不管, 负不负责: whether the body's listed duties name the matter (`focus`)
    asks_when: bool = False  # 哪一年, 什么时候: answered only by a sentence that gives a date
    scope: str = ""  # the whole a part is asked inside (政府采购 of 政府采购里买图书): its own figure never answers
    tables: frozenset[TableKind] = frozenset()  # the tables asked of: one named (部门支出总表里), all funds' (用全部资金)
    topic: str = ""  # the question without its department and years, for follow-ups
    operands: list[Operand] = field(default_factory=list)  # one item in two documents (two bodies, 预算 and 决算)
    rows: RowAsk | None = None  # for ROW_RANK and FILTER: the rows compared
    threshold: Threshold | None = None  # for FILTER: the bound the rows listed pass
    bound: str = ""  # for FILTER: the bound as the question says it (超过20万元)

    @property
    def asks_rate(self) -> bool:
        """The question asks for a percentage (增长百分之几, 增幅), not an amount."""
        return bool(_ASKS_RATE.search(self.question))

    @property
    def adds_up(self) -> bool:
        """The question asks for a total (一共, 加起来), whether it names the parts or not."""
        return bool(ADDS_UP.search(self.question))

    @property
    def asks_each(self) -> bool:
        """The question asks for each of several like figures (每个季度, 各项)."""
        return bool(_EACH.search(self.question))

    @property
    def shape(self) -> Shape:
        return SHAPES.get(self.operation, Shape.VALUE)
