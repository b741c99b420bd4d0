"""What the source audit reports: a finding names its rule, its severity, a Chinese message, the figures
compared and the quotes of every side, each an exact span of the document's extracted text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, Field


class Severity(StrEnum):
    """How sure the audit is that the document contradicts itself."""

    INFO = "info"  # a difference within rounding, or a pairing the audit cannot be sure of
    WARNING = "warning"  # a difference beyond rounding between figures that should agree
    ERROR = "error"  # an arithmetic the document states itself does not hold

    @property
    def rank(self) -> int:
        return (Severity.INFO, Severity.WARNING, Severity.ERROR).index(self)


class RuleFamily(StrEnum):
    SUMS = "合计"
    SAME_FIGURE = "同一数字"
    ARITHMETIC = "所述计算"
    WORDING = "文字"


class RuleId(StrEnum):
    """Every check the audit runs."""

    THREE_PUBLIC_SUM = "sum.three_public"
    VEHICLE_SUM = "sum.vehicle"
    BASIC_SUM = "sum.basic"
    EXPENSE_SUM = "sum.expense"
    BALANCE = "sum.balance"
    ROWS_SUM = "sum.rows"
    COLUMNS_SUM = "sum.columns"
    PROCUREMENT_SUM = "sum.procurement"
    CHANGE_SUM = "sum.change_parts"
    PARTS_EXCEED = "sum.parts_exceed"
    TEXT_VS_TABLE = "same.text_table"
    TABLE_VS_TABLE = "same.table_table"
    TWO_AMOUNTS = "same.two_amounts"
    STATED_CHANGE = "calc.change"
    STATED_PERCENT = "calc.percent"
    WRONG_YEAR = "word.year"
    ZERO_CHANGED = "word.zero_changed"
    DOUBLED_WORD = "word.doubled"
    EMPTY_TABLE = "word.empty_table"
    ZERO_BASE_RATE = "word.zero_base_rate"
    REASON_DIRECTION = "word.reason_direction"
    NO_VEHICLES = "word.no_vehicles"
    CODE_OUT_OF_PLACE = "word.code"
    CLASS_NAME = "word.class_name"
    INDICATOR_UNIT = "word.indicator_unit"
    BODY_NAME = "word.body_name"
    COST_CAP = "same.cost_cap"
    PROJECT_PERIOD = "word.project_period"


@dataclass(frozen=True)
class Rule:
    """A rule's family, what it checks and the tolerance it allows."""

    family: RuleFamily
    checks: str
    tolerance: str


MONEY_TOLERANCE = "相差不超过较粗一方末位的半个单位视为同一数字；不超过0.01万元或末位一个单位为舍入差异（info）"
SUM_TOLERANCE = "相差不超过各数末位半个单位之和视为相符；不超过0.01万元或最粗末位一个单位为舍入差异（info）"
PERCENT_TOLERANCE = "落在按所列数字（各按末位舍入）算得的区间内视为相符；超出不多于所述百分比末位一个单位为舍入差异（info）"
EXACT = "文字判断，无数值容差"

RULES: dict[RuleId, Rule] = {
    RuleId.THREE_PUBLIC_SUM: Rule(
        RuleFamily.SUMS, "三公合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费", SUM_TOLERANCE
    ),
    RuleId.VEHICLE_SUM: Rule(RuleFamily.SUMS, "公务用车购置及运行费 = 购置费 + 运行费", SUM_TOLERANCE),
    RuleId.BASIC_SUM: Rule(RuleFamily.SUMS, "基本支出 = 人员经费 + 公用经费", SUM_TOLERANCE),
    RuleId.EXPENSE_SUM: Rule(RuleFamily.SUMS, "支出合计 = 基本支出 + 项目支出", SUM_TOLERANCE),
    RuleId.BALANCE: Rule(RuleFamily.SUMS, "收入总计 = 支出总计（预算），两者的增减额相同", SUM_TOLERANCE),
    RuleId.ROWS_SUM: Rule(RuleFamily.SUMS, "合计行、类、款 = 其下各行之和", SUM_TOLERANCE),
    RuleId.COLUMNS_SUM: Rule(RuleFamily.SUMS, "合计/小计列 = 同组各列之和", SUM_TOLERANCE),
    RuleId.PROCUREMENT_SUM: Rule(RuleFamily.SUMS, "政府采购 = 货物 + 工程 + 服务", SUM_TOLERANCE),
    RuleId.CHANGE_SUM: Rule(RuleFamily.SUMS, "所述总额的增减 = 所述各部分增减之和", SUM_TOLERANCE),
    RuleId.PARTS_EXCEED: Rule(RuleFamily.SUMS, "“其中”所列各项之和不超过总数（各项合起来即总数时与之相等）", SUM_TOLERANCE),
    RuleId.TEXT_VS_TABLE: Rule(RuleFamily.SAME_FIGURE, "文字所述数字 = 表格中同一项目、同一口径的数字", MONEY_TOLERANCE),
    RuleId.TABLE_VS_TABLE: Rule(RuleFamily.SAME_FIGURE, "同一项目、同一口径在两张表中的数字相同", MONEY_TOLERANCE),
    RuleId.COST_CAP: Rule(
        RuleFamily.SAME_FIGURE, "项目绩效目标的成本上限（≤X万元）不低于该项目在别处所列的金额", MONEY_TOLERANCE
    ),
    RuleId.TWO_AMOUNTS: Rule(RuleFamily.SAME_FIGURE, "同一段落中同一项目、同一口径只有一个金额", MONEY_TOLERANCE),
    RuleId.STATED_CHANGE: Rule(RuleFamily.ARITHMETIC, "所述增减额 = 本年数 − 对比数", MONEY_TOLERANCE),
    RuleId.STATED_PERCENT: Rule(RuleFamily.ARITHMETIC, "所述增长率、占比、完成率 = 由所列数字算得的百分比", PERCENT_TOLERANCE),
    RuleId.WRONG_YEAR: Rule(RuleFamily.WORDING, "对比年度早于文件年度（如2026年预算“比2026年预算”）", EXACT),
    RuleId.ZERO_CHANGED: Rule(RuleFamily.WORDING, "金额为0却称比上年增加（而对比数不足以解释）", EXACT),
    RuleId.DOUBLED_WORD: Rule(RuleFamily.WORDING, "“增加持平”“增加增加”一类自相矛盾或重复的措辞", EXACT),
    RuleId.EMPTY_TABLE: Rule(
        RuleFamily.WORDING, "注明为空表或无数据的表格却列有非零数字，或注释说的是另一张表；文字称有而表格为空", EXACT
    ),
    RuleId.ZERO_BASE_RATE: Rule(RuleFamily.WORDING, "年初预算为0却给出完成年初预算的百分比", EXACT),
    RuleId.REASON_DIRECTION: Rule(RuleFamily.WORDING, "“增加（减少）的主要原因”与所述增减方向相反", EXACT),
    RuleId.NO_VEHICLES: Rule(RuleFamily.WORDING, "称共有车辆0辆，却安排公务用车运行费", EXACT),
    RuleId.BODY_NAME: Rule(RuleFamily.WORDING, "文件中本部门的名称少了一级地名（如把区局写成市局）", EXACT),
    RuleId.INDICATOR_UNIT: Rule(RuleFamily.WORDING, "绩效目标表中只有成本类指标的指标值是金额", EXACT),
    RuleId.CLASS_NAME: Rule(RuleFamily.WORDING, "文字所列科目的类名与表格不同（如沿用旧名）", EXACT),
    RuleId.PROJECT_PERIOD: Rule(RuleFamily.WORDING, "预算年度的项目，实施周期却在该年度之前结束", EXACT),
    RuleId.CODE_OUT_OF_PLACE: Rule(RuleFamily.WORDING, "科目编码与其上方的类、款编码不符（如210类下印作“7 11 02”）", EXACT),
}


class SourceQuote(BaseModel):
    """One side of a finding: `quote` is exactly the document's text between `start` and `end`."""

    quote: str
    start: int
    end: int
    page: int | None = None


class Finding(BaseModel):
    """One place where a document contradicts itself; `figures` are the figures compared, in the order of
    `citations` where each citation states one (money in 万元, percentages in %)."""

    rule: RuleId
    severity: Severity
    message: str
    figures: list[float] = Field(default_factory=list)
    citations: list[SourceQuote] = Field(min_length=2)

    def covers(self, start: int, end: int) -> bool:
        """Whether one of the quotes holds the span `start`–`end`."""
        return any(c.start <= start and end <= c.end for c in self.citations)
