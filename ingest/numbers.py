"""Parsing figures as Chinese disclosures print them: `1,234.56`, `≤350 万元`, `100 百分比`, `-`.

Money units normalise to 万元 for comparison; the original text and unit are always kept.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ingest.model import Quantity

MONEY_IN_YUAN: dict[str, Decimal] = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(10**8)}
# count units seen in 绩效目标表 and asset tables; longer spellings first so the regex prefers them
COUNT_UNITS = (
    "万平方米", "平方千米", "平方公里", "平方米", "立方米", "公里", "千米", "万亩", "亩", "万人次", "万人", "万册", "台次", "分钟", "公斤", "万吨", "吨", "小时", "人次", "户次", "批次", "个月", "工作日", "百分比",
    "微克/立方米", "毫克/立方米", "毫克/升", "分贝", "万千瓦时", "千瓦时",
    "个", "人", "名", "辆", "台", "次", "天", "日", "月", "年", "篇", "分", "项", "家", "件", "户", "套", "场", "期", "本", "条", "所", "座", "批", "张", "册", "份", "页", "间", "栋", "株", "床", "处", "课时", "学时", "枚", "块", "%", "‰",
)
UNIT_ALIASES = {"百分比": "%", "名": "人", "（个）月": "个月", "(个)月": "个月", "万": "万元"}
QUALIFIERS = {"≥": "≥", ">=": "≥", "≤": "≤", "<=": "≤", "＜": "<", "<": "<", "＞": ">", ">": ">", "=": "=", "约": "≈"}
EMPTY_MARKS = {"", "-", "—", "——", "--", "/", "－", "…", "0.00%"}

_FULL_WIDTH_DIGITS, _ASCII_DIGIT_CHARS = "０１２３４５６７８９．％", "0123456789.%"  # digits, decimal point, percent
_DECREASE_MARK = "△"  # a 决算's decrease ("表中带“△”的数字为减少数"), read as a minus sign
_ASCII_FORMS = str.maketrans(_FULL_WIDTH_DIGITS + "，－＋" + _DECREASE_MARK, _ASCII_DIGIT_CHARS + ",-+-")
UNSIGNED_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # 1,234.56 or 1234.56
_NUMBER = rf"[-+]?{UNSIGNED_NUMBER}"
# a count in ten thousands of its unit, as a cell prints it: ≥6.5万条, 42万件
TEN_THOUSAND_UNITS = tuple(f"万{u}" for u in COUNT_UNITS if len(u) == 1 and u not in ("%", "‰", "分", "年", "月", "日", "天"))
_UNIT = "|".join(re.escape(u) for u in sorted([*MONEY_IN_YUAN, *COUNT_UNITS, *TEN_THOUSAND_UNITS, "（个）月", "(个)月"],
                                              key=len, reverse=True))
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
# what money is per, after its unit: a standard of 94元/人, 1,380元/人·月, 3.5万元/公里 is no sum of money
PER_UNIT = r"/\s*(?:人次|人|生|户|亩|次|床|辆|台|公里|平方米|立方米|吨|项|个)(?:\s*[·/]?\s*(?:年|月|天|日|次))?"
# "≤350 万元", and as 绩效目标 forms print it, ">150.00(家)"
CELL_QUANTITY = re.compile(rf"^\s*(?P<qual>{_QUAL})?\s*(?P<num>{_NUMBER})\s*(?P<open>[（(])?\s*(?P<unit>{_UNIT})?"
                           rf"(?P<per>(?<=元){PER_UNIT})?\s*(?(open)[)）])\s*$")
NUMBER = re.compile(_NUMBER)
_COUNTED = re.compile(rf"^\s*(?P<qual>{_QUAL})?\s*(?P<num>{_NUMBER})\s*(?P<unit>万?[\u4e00-\u9fff]{{1,3}})\s*$")
_NOT_COUNTED = re.compile(r"元|年|月|日|时|前|后|内|以|左右")  # money, dates and bounds are no counted units
CHINESE_NUMERAL = r"[零〇一二两三四五六七八九十百千]+"  # 三, 十五, 一百二十: counts written in words (召开会议三次以上)
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_PLACES = {"十": 10, "百": 100, "千": 1000}
_COUNT_UNIT = "|".join(re.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True) if u not in ("%", "‰"))
# a count written in words prints its figure only before a count unit: 三次 is 3, 三公经费 names no figure
_CHINESE_COUNT = re.compile(rf"(?<![第])(?P<num>{CHINESE_NUMERAL})(?=\s*(?:{_COUNT_UNIT}))")
# "单位：万元"; "单位：人、万元" lists the counts of some columns (编制人数) before the money unit, or after it
TABLE_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(?P<counts>(?:[\u4e00-\u9fff]{1,2}[、，,/])*)(?P<unit>亿元|万元|千元|元)"
                        r"(?P<after>(?:[、，,/][\u4e00-\u9fff]{1,2}(?![\u4e00-\u9fff]))*)")
PERCENT_HEADER = re.compile(r"[%％]\s*[)）]?$|[（(][%％][)）]|(?:率|比例|占比|比重)$")
HEADER_UNIT = re.compile(r"[（(]\s*(?:金额单位\s*[:：]\s*)?(?P<unit>亿元|万元|千元|元)\s*[)）]")


def ascii_forms(text: str) -> str:
    """Full-width digits and number marks as ASCII ("１２．５０" → "12.50", "△1.20" → "-1.20"), character for character."""
    return text.translate(_ASCII_FORMS)


_ASCII_DIGITS = str.maketrans(_FULL_WIDTH_DIGITS + _DECREASE_MARK, _ASCII_DIGIT_CHARS + "-")


def ascii_digits(text: str) -> str:
    """Prose with its full-width digits, decimal points and percent signs as ASCII ("增加１．１０万元" → "增加1.10万元")
    and a decrease's △ as a minus ("增减额为△0.52万元"), character for character; a full-width comma stays, for in
    prose it ends a clause, never groups digits."""
    return text.translate(_ASCII_DIGITS)


def parse_number(text: str) -> Decimal | None:
    """`'1,307.00'` → Decimal('1307.00'); anything that is not one plain number → None."""
    text = ascii_forms(text).strip()
    if not re.fullmatch(_NUMBER, text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def chinese_number(text: str) -> int | None:
    """A whole number written in Chinese numerals: 三 → 3, 十五 → 15, 二十 → 20, 一百零五 → 105; else None."""
    if not text or not re.fullmatch(CHINESE_NUMERAL, text):
        return None
    total, digit = 0, None
    for char in text:
        if char in _CHINESE_DIGITS:
            if digit:
                return None  # 三五: two digits in a row name no one number
            digit = _CHINESE_DIGITS[char]
        elif digit == 0 or (digit is None and (total or char != "十")):
            return None  # a place needs its digit (十 alone is 10; 百 alone, as in 百分比, is no number)
        else:
            total += (1 if digit is None else digit) * _CHINESE_PLACES[char]
            digit = None
    return total + (digit or 0)


def printed_numbers(text: str) -> list[Decimal]:
    """The magnitude of every number printed in `text`, in order: `增长1,234.5万元，下降3%` → [1234.5, 3]; a count
    written in words counts too (`召开会议三次以上` → [3])."""
    text = ascii_forms(text)
    found = [(m.start(), Decimal(m.group().replace(",", ""))) for m in re.finditer(UNSIGNED_NUMBER, text)]
    found += [(m.start(), Decimal(value)) for m in _CHINESE_COUNT.finditer(text)
              if (value := chinese_number(m["num"])) is not None]
    return [value for _, value in sorted(found, key=lambda pair: pair[0])]


def normalise_unit(unit: str | None) -> str | None:
    """Canonical spelling of a unit (百分比 → %, 名 → 人)."""
    if unit is None:
        return None
    return UNIT_ALIASES.get(unit, unit)


def parse_quantity(text: str, default_unit: str | None = None) -> Quantity | None:
    """Parses a cell holding one figure with optional comparator and unit; other text → None.

    >>> parse_quantity("≤350 万元")
    Quantity(value=Decimal('350'), unit='万元', qualifier='≤')
    """
    match = CELL_QUANTITY.match(ascii_forms(text).replace("\u3000", " "))
    if not match:
        return None
    value = Decimal(match["num"].replace(",", ""))
    unit = normalise_unit(match["unit"]) or default_unit
    if match["per"]:
        unit += written_per(match["per"])
    qualifier = QUALIFIERS[match["qual"]] if match["qual"] else None
    return Quantity(value, unit, qualifier)


def parse_counted(text: str) -> Quantity | None:
    """A target counted in a unit of its own field ("≥42万画幅", "≥120立方米"), as an indicator's value cell prints
    it: any unit of one to three Chinese characters after the figure, none naming money or a date."""
    match = _COUNTED.match(ascii_forms(text).replace("\u3000", " "))
    if not match or _NOT_COUNTED.search(match["unit"]):
        return None
    qualifier = QUALIFIERS[match["qual"]] if match["qual"] else None
    return Quantity(Decimal(match["num"].replace(",", "")), match["unit"], qualifier)


def counts_off(texts: list[str]) -> bool:
    """Whether the texts are the numbers 1, 2, 3 … in turn (a 序号 column, a 栏次 row)."""
    return bool(texts) and texts == [str(n) for n in range(1, len(texts) + 1)]


def is_money(unit: str | None) -> bool:
    return unit in MONEY_IN_YUAN


def written_per(per: str | None) -> str:
    """What money is per (a PER_UNIT match) as a unit writes it, without spaces ("/ 人·月" → "/人·月"); "" for none."""
    return "".join((per or "").split())


def is_money_per(unit: str | None) -> bool:
    """Whether a unit is money per something (元/人, 万元/公里): a standard or a price, never a sum."""
    return bool(unit) and "/" in unit and unit.split("/", 1)[0] in MONEY_IN_YUAN


def to_wan(value: Decimal, unit: str | None) -> Decimal | None:
    """A money value in 万元, exactly (Decimal arithmetic); None for non-money units."""
    if not is_money(unit):
        return None
    return value * MONEY_IN_YUAN[unit] / MONEY_IN_YUAN["万元"]


def convert_money(value: Decimal, unit: str, target: str) -> Decimal:
    """Converts between 元, 千元, 万元 and 亿元 exactly."""
    return value * MONEY_IN_YUAN[unit] / MONEY_IN_YUAN[target]


def declared_units(texts: list[str]) -> tuple[str | None, tuple[str, ...]]:
    """The money unit stated in any of `texts` ("单位：元", "金额单位：万元") and the count units its line lists beside it
    ("单位：人、万元" → ("万元", ("人",))); (None, ()) when none states one."""
    for text in texts:
        if match := TABLE_UNIT.search(text.replace(" ", "")):
            return match["unit"], tuple(u for u in re.split(r"[、，,/]", match["counts"] + match["after"]) if u)
    return None, ()


def find_table_unit(texts: list[str]) -> str | None:
    """The money unit stated in any of `texts` ("单位：元", "金额单位：万元")."""
    return declared_units(texts)[0]


def header_unit(header: str) -> str | None:
    """The unit a column header declares, e.g. "价值（金额单位：万元）" → 万元; a column of percentages
    ("决算数为调整预算数的%", "增减率（%）", "执行率") → %."""
    plain = header.replace(" ", "")
    if PERCENT_HEADER.search(plain):
        return "%"
    match = HEADER_UNIT.search(plain)
    return match["unit"] if match else None
