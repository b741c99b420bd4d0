"""Understanding a question: which department and year, which budget item, and which operation.

Operations: lookup, share (占…比例), change (比上年增加多少), growth_rate (增长百分之几),
previous (上年预算是多少), sum (…和…合计), difference (…比…多多少), rank (哪个部门…最高),
list (…包括哪些) and text (anything that is not asking for a figure).
"""

from __future__ import annotations

import re
from functools import lru_cache, reduce

from assistant.config import DisplayUnit
from assistant.departments import DepartmentMatch, find_all_departments, find_department
from assistant.form_questions import asked_fields, asked_phrasings
from assistant.operands import Side, across_documents
from assistant.plan import (ADDS_UP, AGAINST_BUDGET, ALL_FUNDS_TABLES, ASKS_OUTTURN, BODY_NATURE, DEFAULT_WHOLE, INCLUDED,
                            Operation, QuestionPlan, RowAsk)
from assistant.row_ranking import asked_rows
from assistant.thresholds import asked_threshold
from assistant.vocabulary import (asked_aspects, asked_duty, counted_nouns, counted_terms, fund_words, generic_item_words,
                                  joined_item, names_the_whole, people_terms, spending_terms, split_funds, this_years_terms, total_terms,
                                  whole_terms, with_siblings_whole)
from index.fact_store import DocumentRecord
from ingest.classify import table_kind
from ingest.facts import BUDGET_SIDES, stated_basis_in
from ingest.lexicon import tokens
from ingest.model import Basis, Direction, DocumentKind, TableKind
from ingest.numbers import COUNT_UNITS, TEN_THOUSAND_UNITS, UNSIGNED_NUMBER
from index.query_expansion import canonical_terms, canonical_variants

_SOURCE_YEAR = re.compile(r"(?:看|按|据|根据|从)\s*(?:20\d{2}|[1-4]\d)\s*年度?的?(?:部门|单位)?(?:预算|决算)?(?:说明|文件|报告|公开)(?:里|中|上)?")
_AGAINST_YEAR = re.compile(r"(?:比|较)\s*(?:20\d{2}|[1-4]\d)\s*年")  # 比23年: the year compared with
_COMPARING = (Operation.CHANGE, Operation.GROWTH, Operation.DIFFERENCE)  # operations a year after 比 is the base of
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)\s*(?:年度?(?![末初](?:财政拨款)?(?:结转|结余)))?|(?<![\d.])([1-4]\d)\s*年度?(?!\d)")  # 2024年(度), 2024, or 24年 as people write it; 2024年末结转和结余 keeps its 年末
_DERIVED = re.compile(r"推算|倒推|反推|推出|算出")  # a figure worked out from another year's document
_DERIVED_NOTE = re.compile(r"[（(][^（）()]*(?:推算|倒推|反推|推出|算出)[^（）()]*[)）]|[照按据根用由][^，。？?]{0,14}?(?:推算|倒推|反推)")
_COMPARES = re.compile(r"比|较|相比|差|变化|增|减|多了|少了|多多少|少多少")
_PARTY_LEFT = re.compile(r"(?:中国共产党|中共)(?=\s)")  # left of "中共廊坊市委…" once the body's name is taken out
_LEVEL = re.compile(r"(?:^|(?<=\s))[省市区县](?:级)?(?=\s|的|$)")  # a bare level left beside a department name
_CLASS_LEVEL = re.compile(r"[（(]\s*[类款项]\s*[)）]")
_SHARE = re.compile(r"占|比重|占比|百分之几|比例")
# "今年的钱有百分之多少是一般公共预算拨款": the part said after the share, of the whole said before it
_SHARE_IS = re.compile(r"(?P<whole>.*?)(?:里|中|当中)?有?百分之(?:多少|几)(?:是|为|来自|来源于|属于)(?P<part>.+)")
_RATE = re.compile(r"增长率|增幅|降幅|涨幅|跌幅|(?:增长|增加|减少|下降|上升|上涨|涨|降|多|少)(?:了)?(?:百分之|多少%|几%|多少百分比?|百分比?是?多少)|百分之多少|变化率|增长比例|增长幅度")
_CHANGE = re.compile(
    r"比上年|比去年|较上年|较去年|同比|比上一年|(?:增加|减少|增长|下降)了?多少(?:亿元|万元|元)?|增减|变化|"
    r"(?<![最至])(?:多|少|涨|降)了多少(?:亿元|万元|元)?|"  # "政府采购少了多少(元)": a change, not the level
    r"增加还是减少|多了还是少了|多还是少|是多是少|是增是减|(?:跟|和|与|同)(?:上年|去年|上一年)(?:相)?比|"
    r"比\s+(?:多|少|高|低|增|减|下降|上升)"  # "比2023年少了多少" once its year is taken out: against that year
)
# "比预算执行数少了多少" (years removed): a change against last year's figure, not a difference of two items
_LAST_YEAR = r"(?:上年|去年|上一年)?的?(?:当年)?"
_LAST_YEARS_BASIS = r"(?:预算执行数|执行数|实际(?:执行数|支出数?|花的|数)?|预算数?|决算数?)"  # the figure of last year a change is measured against
_AGAINST_LAST_YEAR = re.compile(r"(?:比|较)(?:上年|去年|上一年|前一年)")  # "比去年少多少": a change, not a difference of two items
_AGAINST_BASIS = re.compile(rf"比\s*{_LAST_YEAR}{_LAST_YEARS_BASIS}\s*(?:多|少|增|减|下降)")
# what a change is measured against, left once years are gone: "比预算执行数", "跟执行数比", "较上年决算"
# 跟/和/与/同 only before what is compared ("和上年比"): the 同 of 合同 is no comparison
_COMPARED_WITH = re.compile(rf"(?<!百分)(?:比|较|(?:跟|和|与|同)(?=\s*(?:上年|去年|上一年|的|当年|预算|执行|实际|决算|相比|比|\d)))\s*"
                            rf"{_LAST_YEAR}{_LAST_YEARS_BASIS}?\s*(?:相比|比)?"
                            r"(?=\s*(?:是|多|少|增|减|下降|涨|降|高|低|$))")
# "比去年实际少了多少": against what last year actually spent, its 执行数 (a final account's 决算)
_AGAINST_OUTTURN = re.compile(rf"(?:比|较|跟|和|与|同)\s*{_LAST_YEAR}实际")
# "去年接待了多少批次": a count of the year before, stated for it
_COUNTED_LAST_YEAR = r"(?:上年|去年|上一年)(?=[^比较]{1,8}?(?:多少|几)(?:批次|人次|辆|台|个|次|名|项))"
_PREVIOUS = re.compile(rf"(?:上年|去年|上一年)(?:的)?(?:预算|决算)?(?:数|规模|总额)?(?:是|为|有)?多少|{_COUNTED_LAST_YEAR}")
_RANK = re.compile(r"哪个部门|哪个单位|哪家|哪些部门|最高|最多|最低|最少|最大|最小|排名|排序|更多|更少|更高|更低|谁")
_ORDERS = re.compile(r"最高|最多|最低|最少|最大|最小|排名|排序|更多|更少|更高|更低")  # "跟哪个单位合署办公" ranks nothing
_LIST = re.compile(r"(?:包括|包含|分成|分为|有|(?:花|用)[在到])?(?:哪些|哪几项|哪几个|哪几块|哪几类|哪几部分|哪几|啥(?<!是啥))(?:(?:部分|块|项|类)(?![\u4e00-\u9fff]))?|"
                   r"都是啥|都有啥|都有(?:些)?什么|有(?:些)?什么(?=项目)|由哪些|构成|组成|"
                   r"(?:买|采购|购买|购置)(?:些)?什么|明细(?=\s*[？?。]?$)")  # "政府采购要买什么", "三公经费明细"
_WHICH_ONE = re.compile(r"(?<=是)哪一?(?:个|家|所)(?=\s*[？?。]?$)")  # "下面的所属单位是哪个": named, unless 最多的是哪个
_EACH_FIGURE = re.compile(r"(?:分别|各自|各)(?:是|为|有|(?:花|用|安排|支出)了?)?多少")  # "三公经费各花了多少": its parts, each
_MOVED = re.compile(r"增长|增加|减少|下降|上升|涨|降|变化")
_ROWS_LISTED = re.compile(r"项目")  # the rows a bound is set on: a project table's
_MONEY_ASKED = re.compile(r"多少钱|值多少|价值|(?:几|多少)块钱|花了?多少")
_JOINERS = frozenset({"比", "和", "与", "及", "、", "加上", "加", "以及", "，", ","})  # words between two parts
_ITEM_JOINERS = frozenset({"和", "与", "、", "以及"})  # between two items named side by side; 及 joins one item's words
_DIFFERENCE = re.compile(r"相差|比.+?差了?多少|差了?多少|差额|比.+?(?:多|少|高|低)(?:(?:花|用|出|给|拿)了?)?多少")  # 多花多少
_NUMERIC = re.compile(r"多少|(?<!哪)几|金额|数额|预算数|决算数|规模|总额|数量|面积|价值|比例|占|百分|增长|增加|减少|费用|经费是|资金是|为多少"
                      r"|多久|多长时间")
# "校车费用算不算三公经费": whether an item falls under a kind, said in words, whatever figure words it holds
_BELONGS_ASKED = re.compile(r"算不算|属不属于|是否属于|是不是属于|(?:(?<![预决计核结清])算|属于|计入|列入)[^，,。？?]{1,12}吗")
# "年中追加了多少", "调减了多少预算": what the year's budget added to (took from) the first budget
_ADDED_IN_YEAR = re.compile(r"(?:年中|年度中|执行中)?(?P<act>追加|调增|调减)了?(?:预算|资金)?(?=多少|几)")
_IN_YEAR_DIRECTION = {"追加": "增加", "调增": "增加", "调减": "减少"}
# "全年预算有多少没花出去", "没花完的有多少": the budget less the outturn (the full year's, unless 年初 is said)
_NOT_SPENT = r"(?:没有?|未)(?:花完|花出去|用完|花掉|用掉|用出去)"
_UNSPENT_ASKED = re.compile(rf"(?P<basis>年初预算|全年预算|调整预算|预算)?数?(?:里面?|中)?还?有?多少(?:钱)?{_NOT_SPENT}了?|"
                            rf"(?P<basis_first>年初预算|全年预算|调整预算|预算)?数?{_NOT_SPENT}的?(?:钱|部分)?(?:有|是|还有)?多少")
_IN_YEAR_BEFORE_ITEM = re.compile(r"(?:年中|年度中|执行中)(?=[\u4e00-\u9fff]{1,12}?(?:追加|调增|调减))")  # 年中一般公共预算追加了
_HOW_LONG = re.compile(r"多久|多长时间")  # asks a time: answered in hours, days or months
TIME_UNITS = ("小时", "天", "日", "工作日", "个月", "分钟")
_BODY_KIND = r"[\u4e00-\u9fff]{1,6}?(?:单位|机关|机构|企业)"
_KIND_CHOICE = re.compile(rf"(?:属于|算)?是?{_BODY_KIND}还是{_BODY_KIND}")
_NATURE_ASKED = re.compile(r"(?:属于|是)(?:一?个)?(?:什么|啥|哪种|哪类)(?:性质|类型)的?(?:单位|机构|组织)(?=[，,？?。]|$)")
_TEXT_ONLY = re.compile(r"是什么|为什么|原因|说明|职责|职能|主要用于|用于|用在|哪里|哪些方面|用途|做什么|负责|如何|怎么|情况如何|有没有|是否|是不是|算不算|属不属于|吗|级别|性质|谁|什么|啥")
_BOUGHT = re.compile(r"^(?:买|购买|采购)(?P<kind>.{2,})$")  # what a whole buys: its kind of purchase
_IN_ALL_MONEY = re.compile(r"^\s*的?(?:全部的?|所有的?)?(?:钱|资金|经费)(?:里面?|当中|之中|中)的?")  # "（某局）的钱里，X占多少": of the whole
_WITHIN = re.compile(r"^(?P<scope>.{2,}?)(?:里面|里|当中|中的|之中|中(?!心|介|央|小|国|学|医|长))(?P<item>.{2,})$")
# asks why, or where a change went ("主要多在哪些方面"): always a text answer
_REASON = re.compile(r"为什么|为啥|为何|怎么(?:会|回事)?(?:(?:一分钱|分文)?(?:都|也)?(?:没有?|不)(?:安排|花|用|列)?|(?=[^？?。]*?(?:多了|少了|增加|减少|增长|下降|高了|低了|超了|这么多|这么少)))|(?:主要)?是?什么原因|主要原因|原因是|原因|理由|(?:主要)?(?:多|少|增加|减少|增|减)了?(?:在|于)哪(?:些|个|几个)?(?:方面|地方|项目|领域|里|儿|上)?")
# figures a "why" question quotes to describe the change ("少了10万", "从0变成了60.13万"): not item words
_QUOTED_FIGURE = re.compile(
    rf"从\s*{UNSIGNED_NUMBER}\s*(?:亿元|万元|万|千元|元|%)?|(?:变成|变为|增加到|减少到|增至|减至|涨到|降到)了?|"
    rf"{UNSIGNED_NUMBER}\s*(?:多|余)?\s*(?:亿元|万元|万|千元|元|%|个百分点)|"
    r"[一二两三四五六七八九十百千]+(?:多|余|来)?(?:亿元|万元|万|千元|元)"  # "花了四百多万"
)
# how a "why" question tells the story of the figures it quotes ("年初只预算300万，为啥最后花了600多万"): no item words
# "说的“全年预算数”是什么意思": the word itself, with what follows the quote as part of it ("“两庭”建设是什么")
_QUOTED_TERM = re.compile(r"[“「『\"](?P<term>[^”」』\"]{2,20})[”」』\"](?P<tail>[\u4e00-\u9fff]{0,4}?)(?=是|指|的|什么|啥|意思|$)")
_QUOTED_STORY = re.compile(r"(?:年初|全年|最后|最终|结果|实际|还)?(?:只|才|却|就)?(?:预算了?|花了|用了|支出了|安排了?)(?=\s|$|[，,])"
                           r"|年初只|最后|最终|结果|(?:年初)?(?:没有|没|未)(?:安排)?预算|(?:还|决算|实际|最后|却)(?:有|要|是)?(?:支出|花钱|花了钱)"
                           r"|(?:没有|没|未)(?:能)?(?:全部|全|都)?(?:完成|花完|用完)|(?:年初|全年)?(?:预算|安排)数?(?:是|为)(?:0|零)(?![\d.])"
                           r"|(?:决算|实际|最后|最终)(?:有|是|为|达到?)(?=\s|$|[，,？?])")  # "为啥决算有42万" once 42万 is out
_FROM_TO = re.compile(rf"从\s*(?P<a>{UNSIGNED_NUMBER})\s*(?:亿元|万元|万|千元|元)?\s*(?:变成|变为|增加到|减少到|增至|减至|涨到|降到|到)了?\s*(?P<b>{UNSIGNED_NUMBER})")
# asks what something is called: a name, never a figure or the sentence that only counts them
_WHEN = re.compile(r"哪一?年(?!度?的)|什么时(?:候|间)|何时|几月份?|哪一?天")  # when something happened or is due
_NAME = re.compile(r"叫(?:什么|啥)(?:名字|名称)?|(?:什么|啥)名(?:字|称)?|名字|名称(?:是|叫)?(?:什么|啥)|全称|"
                   r"(?:哪|哪一)(?:家|个)(?:公司|企业)|(?:谁|哪家)(?:中标|承建|承接)|"
                   r"是(?:哪|哪一)(?:个|家)(?:下属|所属)?(?:单位|项目|机构)(?!.*?(?:最|更))")  # 是哪个下属单位的, not 哪个最多
# asks what an item's money is for (干什么用的, 用途), not what a body does (干什么的)
_PURPOSE = re.compile(r"(?:是|都)?(?:干|做|拿来)(?:什么|啥|嘛)用的?|(?:用来|拿来)(?:干|做)(?:什么|啥|嘛)的?|(?:有)?(?:什么|啥)?用途|"
                      r"(?:主要)?用在(?:哪[个些](?:项目|方面)?|哪儿?|哪里|什么|啥)(?:地方|方面|上)?了?|(?:主要)?花在(?:什么|啥)(?:地方|方面|上)?了?|用于(?:什么|啥|哪)[个些里儿]?(?:项目|方面)?|"
                      r"(?:是)?给(?:什么|啥)的|去(?:了)?(?:哪里|哪儿|什么地方)(?:干|做|办)(?:了)?(?:什么|啥)(?:事)?")  # 出国去哪里干什么了
# asks what a word means or what an item covers: answered from the 名词解释 / 说明 sentence, not a figure
# asks where money comes from ("事业收入主要是哪来的", "来源"): the sentence that says what it consists of
_BARE_MONEY = frozenset({"钱", "资金", "经费", "预算", "预算资金"})  # money of no item: the whole's
_SOURCE = re.compile(r"(?:主要)?(?:是)?(?:从)?哪(?:里|儿)?来的?|(?:是)?怎么来的|(?:的)?来源(?:是什么|有哪些|是啥)?|来自哪(?:里|儿)?"
                     r"|(?:从|在)哪(?:里|儿|个项目|项)?(?:出|列支|开支)的?")  # 报酬从哪出: which item pays it
# "城乡医疗救助主要救助哪些人": whom an item serves, as its definition says
_WHO_IT_SERVES = re.compile(r"(?:主要)?(?:救助|资助|补助|补贴|帮扶|扶持|针对|面向)(?:的是)?(?:哪些|哪类|哪几类|什么)\s*(?:人员|人群|人|对象|群体|群众)")
# asks what money an item is or where it comes from ("上年结转资金是什么钱", "其他收入是哪来的"): what the sentence stating the
# item's own figure says of it, before a glossary's general entry
_WHICH_MONEY = r"(?:主要)?(?:是|有|包括)?哪些(?:钱|收入|资金|款项)\s*[？?。]?\s*$"  # "事业收入主要是哪些钱"
_WHAT_MONEY = re.compile(_SOURCE.pattern + r"|(?<![为要])是(?:什么|啥)(?:钱|收入|经费|费用|资金)\s*[？?。]?\s*$|" + _WHICH_MONEY)
_DEFINED_WITH_FIGURE = re.compile(r"(?<![为要])是(?:什么|啥)(?:钱|收入|经费|费用)?\s*[，,]\s*[\u4e00-\u9fff]{0,8}多少")  # "X是什么钱，有多少"
_DEFINITION = re.compile(_SOURCE.pattern + "|" + _WHICH_MONEY + r"|什么叫|(?<!为)什么是|(?<![为要])是什么\s*[？?。]?\s*$|(?<![为要])是(?:什么|啥)(?:钱|收入|经费|费用|资金)\s*[？?。]?\s*$|" + _DEFINED_WITH_FIGURE.pattern
                         + r"|" + _WHO_IT_SERVES.pattern
                         + r"|(?<![为要都])是啥\s*[？?。]?\s*$|是什么意思|啥意思|什么意思|指什么|指(?:的是)?哪(?:些|几类|类)|指的是|是指|含义|定义|包括什么|包含什么|包括啥|都包括|是干什么|干什么的|干啥的|做什么的|做啥的"
                         + r"|(?:是)?(?:怎么|怎样|如何)(?:算|计算)(?:出来)?的?\s*[？?。]?\s*$")  # 完成率是怎么算的: its definition
# a balance date, not the report year: 截至2024年底, 截至2024年8月底 (stocks are reported the next year)
# "2024年年底": a date; "2024年年末结转和结余" names the year's item 年末结转和结余, no date
_AS_OF = re.compile(r"(?:截至|截止|到)?\s*(20\d{2}|(?<![\d.])[1-4]\d)\s*年\s*(?:底|年底|\d{1,2}\s*月\s*(?:底|末|\d{1,2}\s*日)|"
                    r"(?:年末|末)(?!\s*(?:财政拨款)?(?:结转|结余)))")
# characters after a count's unit that make it the first of a longer word: 多少支出 asks money, 多少分配 no score,
# 多少项目经费 no count of 项 (多少人员 counts no 人: 员 follows any other unit too)
_NOT_AFTER = {"支": "员出", "分": "员配之钟别期成类项摊担解", "项": "目"}
# the units a count is asked in (多少间, 几台): asked, they say what is counted, not which item
_COUNTED = "台[（(]?套[)）]?|" + "|".join(  # 台套 and 台（套）: one unit of equipment
    re.escape(u) + (f"(?![{_NOT_AFTER[u]}])" if u in _NOT_AFTER else "")
    for u in sorted(set(COUNT_UNITS) - {"%", "‰", "百分比", "年", "月", "日", "人"}, key=len, reverse=True))
# money other than the year's appropriation
_OTHER_MONEY = r"(?:上年结转(?:资金)?|(?:其他|事业|经营)收入|单位资金|[\u4e00-\u9fff]{0,4}?(?:自有|自筹)资金|财政专户(?:管理)?(?:资金)?(?:收入)?|非财政(?:拨款)?(?:资金|收入))"
_OWN_MONEY = r"(?:[\u4e00-\u9fff]{0,10}?(?:收入|结转(?:资金)?)(?:和|及|以及|、)?)+"  # "仲裁秘书处的事业收入和上年结转"
# all of an item's money, last year's carry-over in it ("连上年结转在内", "用全部资金", "各项资金合计"): the tables of all funds answer
# "…支出是多少，不算上年结转": the year's own figure, which the item's name already is (its 上年结转 is said apart)
_WITHOUT_CARRIED = re.compile(r"[，,]?\s*(?:不算|不含|不包括|不计|扣除|除去|刨去|去掉)(?:上年|以前年度)?结转(?:资金|结余|的钱)?(?:的话|在内)?")
_ALL_FUNDS = re.compile(r"(?:用|按|以)?(?:全部|所有)资金|[（(]?各项资金(?:合计)?[)）]?|(?:如果)?(?:把|将)上年结转(?:资金)?也?算(?:上|进去)|"
                        r"(?<=[\u4e00-\u9fff）)\d]{2})(?<!收入|支出|预算)(?:连同?|含|包含|包括|加上|算上)上年结转(?:资金)?"
                        r"(?:(?:和|及|以及|、)(?:其他|事业|经营|单位)?(?:收入|资金))?(?:在内)?|"  # 算上上年结转和其他收入
                        r"(?:^|(?<=[\s，,]))(?:连同?|加上|算上|含|包含|包括)上年结转(?:资金|的钱)?(?:在内)?(?=\s*(?:[，,？?。]|$|一共|总共|共))|"  # "算上上年结转，…"
                        rf"(?:^|(?<=[\s，,]))(?:连同?|含|包含|包括|加上|算上){_OTHER_MONEY}"
                        rf"(?:(?:和|及|以及|、){_OTHER_MONEY})?(?:在内)?(?=\s*(?:[，,]|一共|总共))|"  # "算上事业收入，…", "…，连同非财政拨款资金一共"
                        rf"[（(](?:连同?|含|包含|包括|加上|算上){_OTHER_MONEY}(?:(?:和|及|以及|、){_OTHER_MONEY})*"
                        r"(?:在内|安排的)?[)）]|"  # "（含事业收入和其他收入）", "（算上其他收入安排的）"
                        rf"(?:把|将){_OWN_MONEY}也?算(?:上|进去|在内)|"  # "把殡葬管理所自己的收入和结转也算上"
                        rf"(?<=[\u4e00-\u9fff）)”\d]{{2}})(?<!收入|支出|预算)[，,]?(?:连同?|含|包含|包括|加上|算上){_OWN_MONEY}(?:也?在内|安排的(?=\s*(?:一共|总共|共)))?"
                        r"(?=\s*(?:[，,？?。）)]|$|一共|总共|共|是|有))")  # "连医疗收入在内一共", "连同其他收入安排的一共"; never "加上土地出让收入安排的…"
_FUND_PAYING = r"(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:财政)?(?:当年)?(?:拨款)?(?:安排)?"
# "…财政拨款支出", "…当年一般公共预算拨款": the item, then the fund that pays it
_FUND_SAID_APPROPRIATED = re.compile(rf"财政拨(?:款|付)?的?(?={_FUND_PAYING})")  # "财政拨的一般公共预算": the fund's appropriation
_ITEM_THEN_FUND = re.compile(rf"^(?P<item>[\u4e00-\u9fff（）()“”\d]{{2,}}?)(?:当年|本年)?(?P<fund>{_FUND_PAYING}(?:的)?(?:支出)?)$")
_FUND_THEN_ITEM = re.compile(rf"^(?P<fund>{_FUND_PAYING}(?:支出)?)(?:里面?|当中|之中|中)的?(?P<item>[\u4e00-\u9fff（）()“”\d]{{2,}})$")
# "殡葬用财政拨款支出多少": the fund that pays the item, the verb after it no whole (财政拨款支出) of its own
_PAID_WITH = re.compile(r"(?:使)?用(?P<fund>(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:财政)?(?:当年)?(?:拨款|资金)?|"
                        r"财政(?:当年)?(?:拨款|资金))(?:支出|支付|开支|列支)?")
_BODY_WORD = re.compile(r"(?:部门|单位)$")  # 部门 of 部门支出总表
_TABLE_NAMED = re.compile(r"(?P<table>[\u4e00-\u9fff“”\"]{2,16}?表)(?:里|中|上|当中)")  # "部门支出总表里宗教事务"
_FILLER = re.compile(
    r"(?<=[\u4e00-\u9fff”\"])指(?:的是)?\s+(?:人员|人|单位)?(?=\s|$|[？?])|"  # "“优抚对象”指哪些人": the word defined
    r"(?<=[”\"』」])[这那](?:一|个)?(?:项目?科目|科目|项目|项|款|类)?|"  # "“档案馆”这个科目", "这个项目科目": the item quoted
    r"(?:支出)?(?:功能|经济)分类(?:科目)?(?:中|里|的)?(?=[“\"「『])|"  # "功能分类“图书馆”这一项": the classification's item
    r"(?:去年|今年|明年|上年)?也就是(?=\s)|"  # "去年也就是25年" once its year is taken out: the year says it
    r"去年(?=[^比较]*(?:决算|花了|实际|用了|支出了))|"  # "去年决算实际花了多少": the latest final account's
    rf"{_COUNTED_LAST_YEAR}|"
    r"实际(?=决算|执行数)|"  # "实际决算完成了年初预算的百分之几": the 决算 says it
    r"(?:实际(?:完成|达到|实现)|完成)了?(?=多少|几)|"  # "规范管理率实际完成多少": what it achieved
    r"保有(?:量)?(?:是|有|为)?(?=几|多少)|"  # "公车保有几辆": the stock of 公车
    r"(?:还剩|剩下|还有)(?=\s*(?:几|多少)\s*(?:辆|台|套|个|人|名|件|间|处))|"  # "还剩几辆车": the stock (年底还剩多少 is a balance)
    rf"请问|一下|告诉我|帮我|查询|查一下|你好|[是有为]?多少(?:{_COUNTED}|人(?!员)|亿元|万元|元|平米)|"
    r"[那这]笔?\s*\d+(?:\.\d+)?\s*多?(?:亿元?|万元?|元)钱?|"  # "…管理事务那36万是干啥用的": the figure pointed at, no item
    r"(?:^|(?<=\s))(?:看|按|据|根据)?(?:部门|单位)?(?:年初|全年)?(?:预算|决算)(?:说明|文件|报告|公开)?(?:里|中|上)(?:所?(?:说|讲|提到|写)的?|有没有|有)?"
    r"(?=\s*[\u4e00-\u9fff])|[那这]些|(?:全部|所有|整个)的?(?=[\u4e00-\u9fff]{2})|[这那]一?个科目|[这那]一?个(?=[\u4e00-\u9fff])|[那这](?=几|个|项|笔)|"
    r"[那这](?:\d+|[两二三四五六七八九十]+)\s*(?:台[（(]套[)）]|台|辆|个|项|笔|套|件)(?=[\u4e00-\u9fff])|"  # "那15台…设备": the things named
    rf"是多少|多少钱|有多少|为多少|是几|几[个名位]人(?![员数])|几(?:{_COUNTED})|多少|几个|几辆|几人|几项|多长(?:时间)?|多久|多大|多高|"
    r"[这那]么(?:多|少|高|低|大)|(?:干|做)(?:什么|啥)|(?:^|(?<=\s))所?(?:说|讲|提到|写)的(?=[\u4e00-\u9fff“\"])|指的是|是指|指什么|是什么|(?<=是)啥(?=\s*(?:$|[？?。]))|有什么|什么意思|啥意思|意思|含义|(?:怎么|怎样|如何)(?:计算|算)(?:出来)?的?|什么|怎么样|如何|(?:和|与|跟|同)(?:上年|去年|上一年)(?:相)?比|相比|今年|本年度|本年(?!的?(?:支出|收入))|当年(?!(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)?(?:财政)?拨款|的?(?:支出|收入))|全年|"
    r"控制在|以内|以下|以上|最多|最少|至少|不超过|不少于|上限|下限|(?:打算|准备|(?<!用款|工作|实施|采购|年度)计划|需要)(?=[花用给拿投安支发买购]|多少|几|多[长久大])|(?<![主需重只必想概摘纲])要|"
    r"有(?=几|多少)|(?:涉及|惠及|覆盖)(?=\s*(?:几|多少))|(?:现在|(?<!项)目前|当前)(?=\s*[\u4e00-\u9fff])|"
    r"(?:下面|底下)(?=有|的(?!单位)|还有|共有|一共)|"  # "下面有几个下属单位"; 下面的单位 is 下属单位
    r"(?:^|(?<=[\s年要想准备]))(?:买|购买)(?!车|公车|了|几|多少)(?=[\u4e00-\u9fff]{2})|"  # "买台式电脑的预算": 买车 is a word of its own
    r"(?:^|(?<=[\s年]))(?:是否|有没有|有)(?=[\u4e00-\u9fff（）()“”]+(?:[吗嘛么]?$|[吗嘛么]\s*[？?，,]))|"  # "有出国经费吗" asks whether
    r"[一二三四五六七八九十两\d]+(?:项|个部分)|"
    r"(?:没有?|未)能?(?:达到|完成)|没有?(?:花|用)(?:完|光)|(?:一分钱|分文)(?:都|也)?(?=没|不)|没有?(?:花|用|安排|给)钱?(?=\s*(?:$|[呢吗啊？?。]))|(?:最后|最终)(?=决算|实际|花|用|完成|\s*$)|反而|反倒|竟然|居然|(?:(?<![\u4e00-\u9fff])|(?<=年))开(?=[\u4e00-\u9fff]{0,6}会议|[\u4e00-\u9fff]{1,6}会(?![计费员]))|(?:花|用)的钱|(?:花|用)的(?=\s|比|是|有|多少|$)|(?:花|用)不完|花(?:了|掉|费)?(?=多少|几)|调(?:整)?(?:到|为|成)了?(?=多少|几)|发(?:给|放|了)?(?=多少|几)|收(?:了|到)?(?=多少|几)|要花|[给拿]了?(?=多少|几)|(?:部门|单位)?(?:预算|决算)(?:里|中)?(?:包括|包含)(?=[\u4e00-\u9fff])|名下|值(?=多少|几)|一年|每年|有没有|有无|是否有|(?:^|(?<=\s))有|[这那]一?项(?:科目)?|[这那]一?块|[这那]部分|[这那]方面|"
    r"(?:^|(?<=[啥么\s]))会(?=多|少|增|减|下降|上升|变)|"  # "为啥会多": why it is more, no item 会 (协会多少 keeps it)
    r"(?:^|(?<=\s))(?:自己|自身|本身)的?(?=[\u4e00-\u9fff]{2})|"  # "某中心自己的支出": the body's own, said of it
    r"(?:^|(?<=[\s里中]))[\u4e00-\u9fff]{1,4}(?:这些|这类|之类的?)(?=[\u4e00-\u9fff]{2})|"  # "工资这些人员经费": 人员经费
    r"每(?:个|名|位)?(?:学生|生|人|户|天|日|月|年)|"  # "每个学生每天补助多少": a rate, matched by its 每 (fact_matching)
    r"给(?:自己|本单位|单位)?的?(?:职工|员工|干部)(?:缴纳?|交)的?(?=[\u4e00-\u9fff]{2})|"  # "给自己职工缴的住房公积金"
    r"(?<=[\u4e00-\u9fff]{2})(?<![花用拿借])出去(?=\s*(?:$|[吗呢啊？?。]))|"  # "派几个团组出去"; 没花出去 is unspent
    r"(?:^|(?<=[\s年]))(?:搞|弄)(?=[\u4e00-\u9fff\d])|"  # "搞人口抽样调查给了多少钱": the work itself
    r"(?<![过原后])(?:去|来)了?(?=几|多少)|"  # "出国去了几个人": who went, of the item named or the one before
    r"(?:发给|发放给?|发到)了?(?=几|多少)|"  # "发给了多少名移民": whom it reached
    r"(?<=拨款|资金|基金)(?:发|安排|支付|开支|列支)(?=的)|"  # "用财政拨款发的绩效工资"
    r"分别|各自|各(?=(?:是|为|有|(?:花|用|安排|支出)了?)?多少)|一共|总共|(?<![\u4e00-\u9fff])共(?=有?(?:几|多少))|大概|大约|具体|数额|金额|几|(?<!安排)的|的(?!支出)|是|了|吗|呢|啊|？|\?|。|，|,|！|!|\s"
)
_MONEY_UNIT_ASKED = re.compile(rf"(?:多少|几)(?P<unit>{'|'.join(sorted(DisplayUnit, key=len, reverse=True))})")
_NOT_HINTS = ("%", "‰", "百分比", "个月", "年", "月", "日")
COUNT_HINTS = {**{u: (u,) for u in (*COUNT_UNITS, *TEN_THOUSAND_UNITS) if u not in _NOT_HINTS},  # 多少万页: 万页
               "辆": ("台", "辆"), "台": ("台", "辆"), "人次": ("人次",), "人": ("人", "人次"), "名": ("人", "人次"),
               "面积": ("平方米", "亩"), "平方米": ("平方米",), "个": ("个", "家"), "家": ("家", "个"), "个人": ("人", "人次"), "月": ("个月", "月"),
               "支": ("支",), "批": ("批次", "批")}  # "多少支疫苗": a count no money figure answers (多少支出 is no count)
# 人次 before 人; a unit asked holds its 万 form (多大面积 is answered in 万平方米 where the source counts in them)
COUNT_HINTS = {hint: (*units, *(f"万{u}" for u in units if f"万{u}" in COUNT_UNITS))
               for hint, units in sorted(COUNT_HINTS.items(), key=lambda kv: -len(kv[0]))}
PERCENT_HINTS = ("满意度", "率", "百分比", "比例")
# "执法执勤用车占几辆": how many of a count, not a share
_COUNTED_PART = re.compile(rf"占了?(?=(?:几|多少)\s*(?:{'|'.join(sorted(COUNT_HINTS, key=len, reverse=True))})"
                           r"(?:$|[^\u4e00-\u9fff]|[呢吗啊]))")
_REST_OF_FUND_NAME = re.compile(r"(?:预算)?(?:财政)?拨款|预算|资金")  # 政府性基金拨款支出: the fund's own words


def _counts_noun(rest: str, nouns: tuple[str, ...]) -> bool:
    """Whether the question counts one of the nouns, said at the end of what it counts: "有多少在职人员",
    "有几个执业公证员" (a one-character noun such as 员 only there: 委员会 counts no people)."""
    return bool(re.search(rf"(?:几|多少)[个名位]?[\u4e00-\u9fff]{{0,4}}?(?:{'|'.join(nouns)})(?:数|数量)?"
                          rf"(?:$|[^\u4e00-\u9fff]|[呢吗啊呀])", rest))


def _item_paid_by_fund(focus: str) -> str:
    """The item a focus names after the fund that pays it (财政拨款绩效工资 → 绩效工资), or "" when there is
    none or what follows the fund is a whole of its own (财政拨款支出, 政府性基金拨款支出)."""
    fund = next((f for f in sorted(fund_words(), key=len, reverse=True) if focus.startswith(f)), "")
    item = focus[len(fund):].removeprefix("的")
    if not fund or len(item) < 2 or _REST_OF_FUND_NAME.match(item) or whole_terms(item) or item in generic_item_words():
        return ""
    return item


def _shared_head(first: str, second: str) -> str:
    """The item word `second` ends with that `first`, a modifier alone of the same length as `second`'s, shares
    ("城市" and "农村低保金": 低保金), or ""."""
    words = tokens(second)
    alone = len(first) <= MAX_MODIFIER_CHARS and not _names_an_item(first) and not whole_terms(first)
    return words[1] if alone and len(words) == 2 and len(words[0]) == len(first) and len(words[1]) >= 2 else ""


def _names_an_item(words: str) -> bool:
    """Whether `words` name an item people ask for (工资, 差旅费), not the start of a longer word (普通高)."""
    return bool(canonical_variants(words)) or words.endswith(_ITEM_ENDINGS)


def _item_before_fund(focus: str) -> tuple[str, frozenset[TableKind]]:
    """The item a focus names with the one fund that pays it, and that fund's table ("宗教事务一般公共预算当年拨款",
    "一般公共预算当年拨款中宗教事务": 宗教事务 of the 一般公共预算 table); ("", ∅) when there is none or the other words
    name no item."""
    match = _ITEM_THEN_FUND.match(focus) or _FUND_THEN_ITEM.match(focus)  # or "一般公共预算当年拨款中普通教育"
    if not match or whole_terms(match["item"]) or match["item"] in generic_item_words():
        return "", frozenset()
    kind = table_kind(match["fund"])
    return (match["item"], frozenset({kind})) if kind is not TableKind.OTHER else ("", frozenset())


def _without_table_name(named: re.Match) -> str:
    """The words before a named table kept, the table's own name and the word after it left out ("外贸资金在项目表中":
    外贸资金在); the whole kept when no end of it names a table."""
    words = named["table"]
    for start in range(len(words) - 2, -1, -1):
        if table_kind(words[start:]) is not TableKind.OTHER:
            return _BODY_WORD.sub("", words[:start]) + " "
    return named.group()


def _without_tables(part: str) -> str:
    """An operand's item, the tables it names left out."""
    return clean_focus(_TABLE_NAMED.sub(_without_table_name, part)).removesuffix("数")


MIN_LISTED_ITEM_CHARS = 3
_BOTH_SIDES = re.compile(r"收支")  # a whole named by both its sides (收支总计, 收支预算总额)
_WHOLE_WORDS = re.compile(r"^部门|预算|(?:总计|总额|合计)$")  # words around 收入 or 支出 that name their whole


def _other_side_only(term: str, focus: str) -> bool:
    """Whether `term` names only the side of a budget (收入, 支出) that `focus` does not: 支出总计 for 收入总额."""
    sides = [side for side in BUDGET_SIDES if side in focus]
    return len(sides) == 1 and sides[0] not in term and any(side in term for side in BUDGET_SIDES)


def clean_focus(text: str) -> str:
    """The budget item words left once filler, operations and years are removed."""
    text = _SUCH_AS.sub("等", _YEAR.sub(" ", text))
    text = _LEVEL.sub(" ", text)
    text = _CLASS_LEVEL.sub("", text)  # "行政运行（项）" names 行政运行
    text = _COMPARED_WITH.sub(" ", text)
    text = _DERIVED_NOTE.sub(" ", text)
    for pattern in (_ALL_FUNDS, _WITHOUT_CARRIED, _REASON, _RATE, _CHANGE, _PREVIOUS, _RANK, _LIST, _WHICH_ONE, ADDS_UP, _DIFFERENCE, _SOURCE,
                    _OVERRUN, _WHEN):
        text = pattern.sub(" ", text)
    text = _FILLER.sub(" ", _PAID_WITH.sub(r"\g<fund>", text))
    text = re.sub(r"(预算|决算)?(安排(?!\s*的?\s*支出)|(?<=[预决]算)安排|支出了|花了|用了)", r"\1", text)  # 彩票公益金安排的支出: a 功能分类 name
    text = re.sub(r"(?:比|较)?要?(?:调增了?|调减了?|追加了?|多了|少了|增加了?|减少了?|增长了?|下降了?|涨了|降了|多|少|涨|降)$", "",
                  re.sub(r"\s+", "", text))
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:花|用)?钱$", "", text)  # "买服务的钱": 买服务
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:全|也)?都$", "", text)  # "政府性基金都用在哪": 政府性基金
    text = re.sub(r"(?<![\d.])(?:亿元|万元|元)$", "", text)  # "差了多少万元": the unit asked in, no item
    text = re.sub(r"[（(][)）]", "", text)  # a bracket whose words were taken out ("（不含上年结转）")
    return _without_joining_ends(_NEGATED_ACT.sub("", text))


_NEGATED_ACT = re.compile(r"^(?:不再|不|没有?|未)(?=买|购|花|用|安排|招|派|出|给|发|建|办)")  # "为啥今年不买车了": 买车


_JOINING = frozenset("和及与、比较在中")


@lru_cache(maxsize=4096)
def _without_joining_ends(text: str) -> str:
    """The text without the joining characters at its ends that stand as words of their own: 在 of 在政府采购中,
    never of 在建工程."""
    words = tokens(text)
    while words and words[0] in _JOINING:
        words.pop(0)
    while words and words[-1] in _JOINING:
        words.pop()
    return "".join(words)


_ONE_ITEM = re.compile(r"[这那](?:一|个)(?:项目?科目|科目|项目|项)|[这那]项")  # "科技转化与推广服务这一项": one item


def _joins_two(question: str) -> bool:
    """Whether a joining word stands between two things the question names ("招待费和会议费"; 比 and commas join none)."""
    return bool(_JOINERS.intersection(tokens(question)) - {"比", "，", ","})


def _names_two(question: str) -> bool:
    """Whether the question joins two things, also after the first body's name was taken off ("和文旅局的…")."""
    return _joins_two(question) or bool(re.match(r"\s*[和与及、]", question))


def _operation(question: str) -> Operation:
    which_one = _WHICH_ONE.search(question) and not (_RANK.search(question) or _ORDERS.search(question))
    if _LIST.search(question) or which_one or _EACH_FIGURE.search(question) and not _names_two(question):
        return Operation.LIST
    if _ORDERS.search(question) and re.search(r"部门|单位|哪个|哪家|谁", question):
        return Operation.RANK
    if "占" in question and not _MOVED.search(question) or _SHARE_IS.search(question):  # a share, not a growth rate
        return Operation.SHARE
    if _RATE.search(question):
        return Operation.GROWTH
    if _PREVIOUS.search(question):
        return Operation.PREVIOUS
    if _SHARE.search(question):
        return Operation.SHARE
    if _AGAINST_BASIS.search(question) or _AGAINST_LAST_YEAR.search(question):
        return Operation.CHANGE
    if _DIFFERENCE.search(question):
        return Operation.DIFFERENCE
    if _CHANGE.search(question):
        return Operation.CHANGE
    if ADDS_UP.search(question) and _joins_two(question) and not _ONE_ITEM.search(question):
        return Operation.SUM
    return Operation.LOOKUP


def _split_at_joiners(text: str, joiners: frozenset[str] = _JOINERS) -> list[str]:
    """The text cut at joining words (和, 及, 、, 加); a word holding one (涉及, 比例) is not cut."""
    pieces: list[str] = [""]
    for token in tokens(text):
        if token in joiners:
            pieces.append("")
        else:
            pieces[-1] += token
    return pieces


def _named_items(text: str) -> list[str]:
    """The items a question names side by side ("公务接待费和公务用车购置及运行费分别是多少"): cut at 和, 与, 、, 以及,
    never at 及, which joins the words of one item (购置及运行费)."""
    return [p for p in map(clean_focus, _split_at_joiners(text, _ITEM_JOINERS)) if len(p) >= 2]


def _parts(question_without_names: str, operation: Operation) -> list[str]:
    if operation is Operation.SHARE:
        if said_after := _SHARE_IS.search(question_without_names):
            whole = clean_focus(said_after["whole"])
            return [clean_focus(said_after["part"]), whole if len(whole) >= 2 else DEFAULT_WHOLE]
        within = re.search(r"(.+?)在(.+?)(?:中|里|当中)占", question_without_names)  # "A在B中占多少"
        if within:
            return [clean_focus(within[1]), clean_focus(within[2])]
        left, _, right = re.split(r"(占)", question_without_names, maxsplit=1) if "占" in question_without_names else (question_without_names, "", "")
        whole = clean_focus(re.sub(r"比重|占比|比例|百分比|百分数|百分之几|百分之多少|多大|多少|的|是|为|几", "", right))
        part = clean_focus(_IN_ALL_MONEY.sub("", left))
        inside = _WITHIN.match(part)
        if inside and not whole:  # "基本支出里人员经费占多大比例": the part of the whole it stands in
            return [inside["item"], inside["scope"]]
        return [part, whole or DEFAULT_WHOLE]
    if operation in (Operation.SUM, Operation.DIFFERENCE):
        listed = _PARTS_IN_BRACKETS.search(question_without_names) if operation is Operation.SUM else None
        body = _split_at_joiners(listed["parts"] if listed else ADDS_UP.sub(" ", question_without_names))
        parts = [p for p in (_SPENT_HOW_MUCH.sub("", re.sub(r"[\s？?。，,]+", "", b)) for b in body) if p]
        if any(p.count("“") != p.count("”") for p in parts):
            return []  # "“自然资源调查与确权登记”一共安排多少": a quoted name is one item, whatever joiner it holds
        shared = _SHARED_HEAD.search(parts[-1]) if len(parts) > 1 else None
        if shared:  # "科技创新、生命健康两个专项": each part is a 专项; "…两个项目" adds no word of an item
            parts = [*parts[:-1], parts[-1][: shared.start()]]
            head = "" if shared["head"] in generic_item_words() else shared["head"]
            parts = [p if p.endswith(head) else p + head for p in parts]
        parts = [_PROJECT_TAIL.sub("", p) for p in map(clean_focus, parts) if len(p) >= 2 and not _COUNTED_ONLY.fullmatch(p)]
        if len(parts) == 2 and (head := _shared_head(*parts)):  # "城市和农村低保金": 城市低保金 and 农村低保金
            parts = [parts[0] + head, parts[1]]
        side_by_side = _SIDE_BY_SIDE.fullmatch(parts[0]) if len(parts) == 1 else None
        return [side_by_side["a"], side_by_side["b"]] if side_by_side else with_siblings_whole(parts)  # 水费电费: 水费 + 电费
    return []


_SIDE_BY_SIDE = re.compile(r"(?P<a>[\u4e00-\u9fff]{1,8}?(?:费|支出))(?P<b>[\u4e00-\u9fff]{1,8}(?:费|支出))")


_SPENT_HOW_MUCH = re.compile(r"(?:(?:花|用)了?|[有是为])?(?:多少钱|[多少高低]*(?:亿元|万元|元)?)$")  # "…两项一共花了多少", "…有多少万元"
# "给城市公交的补贴一共多少（运营补贴加成品油价格补贴）": the parts are those the brackets list
_PARTS_IN_BRACKETS = re.compile(r"[（(](?:含|包括|即)?(?P<parts>[^（）()]{2,}?(?:加(?!起来|在一起|一块)上?|和|与|及|、)[^（）()]{2,}?)[)）]")
_PROJECT_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{4})项目$")  # "物业服务项目和安保服务项目": the projects' names
_COUNTED_ONLY = re.compile(r"[这那]?[两二三四五六七八九十几\d]*[笔项个类种]")  # "，这两笔加起来": names no part
# "…、…四个专项": a count and the head word the parts listed before it share
_SHARED_HEAD = re.compile(r"[两二三四五六七八九十\d]+\s*(?:个|项|笔|类|种)(?P<head>[\u4e00-\u9fff]{1,6}?)(?:的|预算|资金|经费|钱)*$")


_OVERRUN = re.compile(r"超(?:支|出|了)+(?:预算)?")  # "为啥超了": spent more than budgeted
_DOWN = re.compile(r"少了|减少|调减|调低|下降|降低|节约|压减|少多少|没有?(?:花|用)(?:完|光)|(?:没有?|未)能?(?:达到|完成)|(?:花|用)不完|比[^，。？?多少]{0,12}少(?![多还是])")
_UP = re.compile(r"多了|增加|调增|调高|超支|超出|超了|增长|上升|提高|多多少|比[^，。？?多少]{0,12}多(?![少还是])")


_BASIS_WORD = r"(?:预算执行数|执行数|实际执行|决算数?|实际支出|实际|年初预算数?|全年预算数?|(?:年中)?调整(?:后的?)?(?:全年)?预算数?|预算数?)"
_SPENT_BASIS = "实际支出"  # a basis word that also says which side: a fund's money spent
# X项目总预算 asks a total, not X's 预算数; "防汛应急年初安排了多少" leaves 年初 once 安排 is taken off
_BASIS_TAIL = re.compile(rf"(?<![\u4e00-\u9fff]{{2}}总){_BASIS_WORD}$|(?<=[\u4e00-\u9fff]{{2}})年初$")
_BASIS_HEAD = re.compile(r"^(?:决算数?|年初预算数?|全年预算数?|调整(?:后的?)?预算数?|实际)(?=[\u4e00-\u9fff]{2})")  # 决算|支出
_BASIS_WORDS = re.compile(_BASIS_WORD)
_BASIS_NOTE = re.compile(r"[（(](?:" + _BASIS_WORD + r"|调整(?:后的?|数)?)[)）]")  # "全年预算（调整后）": a note on the basis
_BASIS_AGAINST = re.compile(r"比(?P<b>(?:年初|全年|调整)(?:预算)?数?)\s*(?:多|少|高|低|增|减|节约|超)")
_BASIS_GAP = re.compile(rf"(?P<a>{_BASIS_WORD})(?:比|较|与|和)(?P<b>{_BASIS_WORD})")
_RATE_WORDS = r"(?:百分之(?:几|多少)|百分比|比例|比率|几成|%)"
_STAGE_OF_BUDGET = r"(?:年初|全年|调整(?:后的?)?)"  # which budget a completion is of
_COMPLETION = re.compile(rf"完成了?(?:{_STAGE_OF_BUDGET}?(?:预算|计划)数?的?(?:{_RATE_WORDS}|多少)|的?{_RATE_WORDS})|完成率|执行率|"
                         rf"(?:{_STAGE_OF_BUDGET}?预算)?执行了?(?:预算的)?{_RATE_WORDS}|"  # "招待费预算执行了百分之多少"
                         rf"(?:花|用)了?{_STAGE_OF_BUDGET}?预算(?:数)?的(?:{_RATE_WORDS}|多少)|"
                         rf"(?:(?<=决算)|(?<=决算数)|(?<=执行数)|(?<=实际支出)|实际(?:花|用)[了的掉]?钱?)(?:是|为|占){_STAGE_OF_BUDGET}预算数?的?"
                         rf"(?:{_RATE_WORDS}|多少)")


def _without_basis(focus: str) -> str:
    """The item without the basis word it ends in (招待费预算 → 招待费); a fund's name keeps its 预算 (一般公共预算,
    政府性基金预算)."""
    if any(focus.endswith(fund if fund.endswith("预算") else f"{fund}预算") for fund in split_funds()):
        return focus
    item = _BASIS_TAIL.sub("", focus)
    if focus.endswith(_SPENT_BASIS) and any(item.endswith(fund) for fund in fund_words()):
        return f"{item}支出"  # 一般公共预算财政拨款实际支出: the fund's 支出, never its 收入
    return item


def asked_basis(question: str) -> Basis | None:
    """The kind of figure a question asks for, when it says: 决算/实际 → FINAL, 年初预算, 全年预算, 执行数 …"""
    stated = stated_basis_in(question)
    if stated is None and ASKS_OUTTURN.search(question):
        return Basis.FINAL
    return stated


def _compared_basis(rest: str) -> Basis | None:
    """The basis a change is measured against when the question says it by what was spent: 比去年实际 → 执行数."""
    return Basis.EXECUTION if _AGAINST_OUTTURN.search(rest) else None


def asked_tables(question: str) -> frozenset[TableKind]:
    """The tables a question asks of: the one it names ("部门支出总表里"), or all funds' when it counts all the money."""
    kind = named_table(question)
    if kind is not TableKind.OTHER:
        return frozenset({kind})
    return ALL_FUNDS_TABLES if _ALL_FUNDS.search(question) else frozenset()


def named_table(question: str) -> TableKind:
    """The kind of the table a question names to look in ("部门支出总表里…"), else OTHER."""
    named = _TABLE_NAMED.search(question)
    return table_kind(named["table"]) if named else TableKind.OTHER


def asks_source(question: str) -> bool:
    """Whether the question asks where money comes from ("钱从哪来", "资金来源") or which item pays it."""
    return bool(_SOURCE.search(question))


def asked_direction(question: str) -> Direction | None:
    """少了多少 → DOWN, 增加了多少 → UP, 从0变成60万 → UP, None when the question does not say."""
    if moved := _FROM_TO.search(question):
        a, b = (float(moved[k].replace(",", "")) for k in "ab")
        return Direction.UP if b > a else Direction.DOWN if b < a else None
    down, up = _DOWN.search(question), _UP.search(question)
    if down and not up:
        return Direction.DOWN
    if up and not down:
        return Direction.UP
    return None


_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CHINESE_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=\s*年)")
# "人头费（人员经费）": the asker names the item; "（含政府性基金）" only qualifies it
_SPLIT_BY = re.compile(r"[（(](?P<a>[^（）()]{1,6}?)(?:加上|加|和|与|及|、)(?P<b>[^（）()]{1,6})[)）]")  # (区级加市级)
MAX_MODIFIER_CHARS = 3  # "城市和农村低保金": a modifier said alone before the part that names the item
_ITEM_ENDINGS = ("费", "资", "金", "险")  # the endings of a money item's name (差旅费, 工资, 公积金, 养老保险)
# "工资等人员经费": the item after 等, which the words before it only exemplify
_SUCH_AS = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:这些|这类|之类的?|这样的)(?=[\u4e00-\u9fff]{2})")  # 学费住宿费这些事业收入
_EXEMPLIFIED = re.compile(r"^(?P<example>[\u4e00-\u9fff、和及]{2,12})等(?P<item>[\u4e00-\u9fff]{3,})$")
_CLARIFIED = re.compile(r"[（(](?!含|不含|包括|包含|其中|除|扣除|即|第?[一二三四五六七八九十\d]{1,3}期)(?P<term>[^（）()加、]{2,20})[)）]")
_SET_UP = re.compile(r"(?:内设|下设)(?=[\u4e00-\u9fff]{2})")  # how a body's offices are counted: 内设科室
_SUMMED = re.compile(r"^[\u4e00-\u9fff]{1,3}(?:[和与及][\u4e00-\u9fff]{1,3})+$")  # (区级和市级) is a sum, 耕地建设与利用 a name


# "跟2023年比呢，多了多少": 比2023年多了多少
_WITH_YEAR_COMPARED = re.compile(r"(?:跟|和|与|同)\s*(?P<year>(?:20)?\d{2}\s*年度?)\s*相?比(?:较)?(?:一下)?(?:呢|的话|起来)?\s*[，,]?\s*"
                                 r"(?=多|少|增|减|下降|上升|涨|降|高|低|变化|有什么变化)")


def digit_years(question: str) -> str:
    """The question with years written in Chinese numerals as digits: 二〇二五年 → 2025年."""
    return _CHINESE_YEAR.sub(lambda m: m.group().translate(_CHINESE_DIGITS), question)


_ACROSS = (Operation.SUM, Operation.DIFFERENCE, Operation.YEAR_CHANGE)  # operations one item in two documents may ask
_BASIS_EDGES = re.compile(rf"^(?:{_BASIS_WORD})+|(?:{_BASIS_WORD})+$")  # "决算…" / "…预算": the basis a side asks, no item


def _years_in(text: str) -> list[int]:
    return [int(full) if full else 2000 + int(short) for full, short in _YEAR.findall(text)]


_THIS_YEAR = re.compile(r"今年|本年度?(?!(?:支出|收入)合计)")
_LAST_YEAR = re.compile(r"去年|上年度?|上一年度?")


def _relative_years(text: str, own: list[DocumentRecord]) -> str:
    """今年 and 去年 as years, for a body whose documents say which: 今年 is the year of its latest document, 去年 the
    one before ("三公经费今年预算比去年实际花的多还是少" of a 2025 budget beside a 2024 final account)."""
    latest = max((d.year for d in own if d.year), default=None)
    if latest is None or not (_THIS_YEAR.search(text) and _LAST_YEAR.search(text)):
        return text
    return _LAST_YEAR.sub(f"{latest - 1}年", _THIS_YEAR.sub(f"{latest}年", text))


def _document_bases(own: list[DocumentRecord]) -> dict[int, Basis]:
    """The basis each year's one document states (a budget's 预算数, a final account's 决算数)."""
    bases: dict[int, set[Basis]] = {}
    for doc in own:
        if doc.year:
            bases.setdefault(doc.year, set()).add(DocumentKind(doc.kind).natural_basis)
    return {year: kinds.pop() for year, kinds in bases.items() if len(kinds) == 1}


def _bodies_compared(several: DepartmentMatch, named: DepartmentMatch) -> bool:
    """Indexed bodies, each named as itself, whose figures of one item are compared or added ("区府办的招待费比
    商务委多多少"); not two items of two bodies, which no operand pair answers."""
    text = several.rest
    asked = _operation(_YEAR.sub(" ", text))
    return (len(named.departments) == 1 and not _REASON.search(text) and asked in (Operation.SUM, Operation.DIFFERENCE)
            and across_documents(several.departments, _sides(text), _years_in(text), None) is not None)


def _sides(dated: str) -> list[Side]:
    """The question cut in two at its first 比, else at its first joining word (和, 与, 加上 …): each side's years,
    basis and item (a word of one character names none)."""
    words = tokens(ADDS_UP.sub(" ", dated))
    cuts = [i for i, w in enumerate(words) if w == "比"] or [i for i, w in enumerate(words) if w in _JOINERS - {"，", ","}]
    pieces = ["".join(words[: cuts[0]]), "".join(words[cuts[0] + 1 :])] if cuts else ["".join(words)]
    sides = []
    for piece in pieces:
        item = _BASIS_EDGES.sub("", clean_focus(piece))
        sides.append(Side(tuple(_years_in(piece)), asked_basis(piece), item if len(item) > 1 else ""))
    return sides


def parse_question(question: str, documents: list[DocumentRecord]) -> QuestionPlan:
    """Reads department, year, operation and focus from a question, given the indexed documents."""
    known = sorted({d.department for d in documents})
    asked = _WITH_YEAR_COMPARED.sub(lambda m: f"比{m['year']}", digit_years(question))  # 跟2023年比呢，多了 → 比2023年多了
    asked = _ADDED_IN_YEAR.sub(lambda m: f"全年预算比年初预算{_IN_YEAR_DIRECTION[m['act']]}了",
                               _IN_YEAR_BEFORE_ITEM.sub("", asked))  # 年中追加了多少
    asked = _UNSPENT_ASKED.sub(lambda m: f"{'年初' if '年初' in (m['basis'] or m['basis_first'] or '') else '全年'}预算比决算多了多少",
                               asked)
    named = find_department(asked, known)
    several = find_all_departments(asked, known)
    if len(several.departments) > 1 and (_RANK.search(asked) or _bodies_compared(several, named)):
        named = several
    # "是行政机关还是事业单位", "是个什么性质的单位": what kind of body
    rest = _NATURE_ASKED.sub(BODY_NATURE, _KIND_CHOICE.sub(BODY_NATURE, _PARTY_LEFT.sub(" ", named.rest)))
    # a body that is named but not indexed is never answered with another's figure
    departments = list(named.departments) or ([named.unknown] if named.unknown else [])
    ends = [int(y) if len(y) == 4 else 2000 + int(y) for y in _AS_OF.findall(rest)]
    as_of = [y + 1 for y in ends]  # a year-end balance is reported in the next year's budget
    rest = _AS_OF.sub(" ", rest)
    source = _SOURCE_YEAR.search(rest)  # "看2024年预算说明，2023年的…": the document is 2024's
    source_year = _years_in(source.group())[0] if source else None
    if source and not _DERIVED.search(rest):  # a derivation note ("按…增加数倒推") is read whole below
        rest = _SOURCE_YEAR.sub(" ", rest)
    years = sorted(set(_years_in(rest)) | set(as_of) | ({source_year} if source_year else set()))
    named_years = list(years)
    against = _AGAINST_YEAR.findall(rest)
    dated = rest  # "25年…预算比24年决算": each side's year stays with its side
    rest = _COUNTED_PART.sub("有", _YEAR.sub(" ", rest))
    tables = asked_tables(rest)
    rest = _FUND_SAID_APPROPRIATED.sub("", _ALL_FUNDS.sub(" ", rest))  # "算上上年结转和其他收入": which money, no second item to add
    topic = re.sub(r"\s+|[？?。！!]", "", rest).lstrip("的")
    counted = re.search(r"多少|几|多[长久大高远]", rest)  # "实施周期多长" asks a figure
    # "X是什么，标准多少": what X means, its figure as its definition states it
    defines = _DEFINITION.search(rest) and (not counted or _DEFINED_WITH_FIGURE.search(rest))
    asks_side = asked_aspects(rest) and not counted  # "依据什么立项": the text under the project's 立项依据
    asks_reason = bool(_REASON.search(rest))
    name = _NAME.search(rest)  # "有几个下属单位，叫什么": the sentence naming them says how many too
    asks_name = name is not None and (not counted or counted.start() < name.start())
    asks_purpose = bool(_PURPOSE.search(rest)) and not counted
    asks_what_money = bool(defines and _WHAT_MONEY.search(rest))
    asks_field = bool(asked_fields(rest)) and not counted  # "算啥性质的项目", "归哪个部门管": a field of its 绩效目标表
    duty = None if counted else asked_duty(rest)  # "管不管出国审批": whether the body's duties name the matter
    if duty is not None:
        rest = duty
    if asks_name or asks_purpose:
        rest = _PURPOSE.sub(" ", _NAME.sub(" ", rest))
    asks_when = bool(_WHEN.search(rest)) and not counted  # "快检车是哪一年买的": a date, never a figure
    operation = Operation.TEXT if asks_reason or defines or asks_side or asks_name or asks_purpose or asks_field \
        or duty is not None or asks_when else _operation(rest)
    one_body = len(departments) == 1 or len(known) == 1  # "哪个最多" of one body ranks its rows, not bodies
    if operation is Operation.LIST and not one_body and not _LIST.search(rest):
        operation = Operation.LOOKUP  # "发改委和文旅局的招待费分别是多少": each body's figure, not a whole's parts
    named_items = _named_items(rest) if one_body and operation is Operation.LOOKUP and _EACH_FIGURE.search(rest) else []
    if len(named_items) >= 2:  # "公务接待费和会议费分别是多少": each item's figure, listed
        operation = Operation.LIST
    rows = asked_rows(rest, clean_focus) if one_body and operation in (Operation.RANK, Operation.LOOKUP) else None
    operation = Operation.ROW_RANK if rows else operation
    bounded = asked_threshold(rest) if one_body and _ROWS_LISTED.search(rest) else None
    if bounded:  # "哪些项目超过20万元": the project rows above the bound
        operation, rows = Operation.FILTER, RowAsk(projects=True)
    if operation is Operation.TEXT and len(years) == 2:  # "为啥比2023年多了": the later year's document explains it
        years = years[1:]
    elif len(years) == 1 and len(against) == 1 and (operation in _COMPARING or asks_reason):
        # "为什么比23年执行数少了" names only the year compared with: the next year's document states the change
        years = [years[0] + 1]
    from_source = len(years) == 2 and source_year == years[1]
    if from_source and asked_basis(rest) is Basis.EXECUTION:  # last year's 执行数 as the source document states it
        years = years[1:]
    elif len(years) == 2 and (_DERIVED.search(rest) or from_source) and years[1] - years[0] == 1:
        # "2024年预算是多少（按2025年减少额推算）": last year's figure, from the later document's stated change
        operation, years = Operation.PREVIOUS, years[1:]
    elif len(years) == 2 and operation in (Operation.LOOKUP, Operation.CHANGE, Operation.DIFFERENCE, Operation.GROWTH):
        if asked_basis(rest) is Basis.EXECUTION:  # "比2023年预算执行数少了多少": the change the later document states
            years = years[1:]
        elif operation is not Operation.LOOKUP or _COMPARES.search(rest):
            operation = Operation.YEAR_CHANGE  # "2024年…比2023年多了多少": the same item in two years' documents
        # a lookup naming two years without comparing them stays a lookup over both: it asks which one
    told = _QUOTED_STORY.sub(" ", _QUOTED_FIGURE.sub(" ", rest)) if asks_reason else rest
    if tables and not _ALL_FUNDS.search(dated):  # "青少年科技活动在部门支出预算总表里": the item, in that table
        told = _TABLE_NAMED.sub(_without_table_name, told)
    focus = INCLUDED.sub("", clean_focus(told))
    if defines and (quoted := _QUOTED_TERM.search(rest)):
        focus = quoted["term"] + quoted["tail"]
    if asks_side:  # "区府办是干什么的" asks for its 主要职能: the phrasing names no item
        aspects = asked_aspects(rest)
        if not clean_focus(reduce(lambda text, said: text.replace(said, " "), aspects.values(), rest)):
            focus = next(iter(aspects))
    elif asks_field and not clean_focus(reduce(lambda text, said: text.replace(said, " "), asked_phrasings(rest), rest)):
        focus = asked_fields(rest)[0]  # "气象局归谁管" names no project: the body's own 主管部门
    if rows:  # "政府采购里哪个项目最多" is about what holds the compared rows
        focus = rows.scope
    parts = named_items if len(named_items) >= 2 else _parts(rest, operation)
    if operation in (Operation.DIFFERENCE, Operation.SUM) and any(len(_without_tables(p)) < 2 for p in parts):
        parts = []  # "…比一般公共预算支出表里的数多多少": one side names a table and no item of it
    across = None
    bodies = [*named.departments, *([named.unknown] if named.unknown else [])]
    own = [d for d in documents if len(bodies) == 1 and d.department == bodies[0]]
    unnamed = dated.replace(named.unknown, " ") if named.unknown else dated  # the item, not the unindexed body
    relative = _relative_years(unnamed, own)  # "今年预算比去年实际": a change between two documents' years
    if (operation in _ACROSS or operation is Operation.CHANGE and relative != unnamed) and not _RATE.search(rest):
        # one item of two bodies, or of a budget and a final account
        sides = _sides(relative)
        across = across_documents(bodies, sides, named_years or [y for side in sides for y in side.years],
                                  asked_basis(rest), _document_bases(own))
    if across:
        operation = Operation.SUM if operation is Operation.SUM else Operation.DIFFERENCE
        departments = list(dict.fromkeys(o.department for o in across.operands))
        years, focus, parts = named_years, across.item or focus, []
    # "总部经济（区级加市级）": 区级… + 市级…; "水电费（水费加电费）": 水费 + 电费
    if operation is Operation.SUM and not across and (split := _SPLIT_BY.search(focus)):
        whole = clean_focus(focus[: split.start()])
        item = inner["item"] if (inner := _WITHIN.match(whole)) else whole
        named_whole = item and split["a"].endswith(item[-1]) and split["b"].endswith(item[-1])  # (水费加电费): items
        parts = [split["a"], split["b"]] if named_whole else [f"{split['a']}{item}", f"{split['b']}{item}"]
    if operation is Operation.SUM and len(parts) < 2 and not across:  # "三项加起来" names one item: its own total
        operation = Operation.LOOKUP
    asks_figure = bool(_NUMERIC.search(rest)) and not _BELONGS_ASKED.search(rest) \
        or operation not in (Operation.LOOKUP, Operation.LIST, Operation.TEXT)
    wants_number = operation not in (Operation.LIST, Operation.TEXT) and (asks_figure or not _TEXT_ONLY.search(rest))
    unit_hint: tuple[str, ...] = ()
    for hint, units in ({} if _MONEY_ASKED.search(rest) else COUNT_HINTS).items():  # "那几辆车值多少钱" asks money
        tail = rf"|{hint}数|{hint}$" if hint in ("辆", "台", "人", "名", "平方米") else ""
        not_after = _NOT_AFTER.get(hint, "员")
        if re.search(rf"(?<!哪)(?:几|多少){hint}(?![{not_after}]){tail}", rest) or (hint == "面积" and hint in rest):
            unit_hint = units
            break
    if unit_hint and unit_hint[0] == "个":  # "人员编制有多少个", "有几个执业公证员": 个 counts anything; the noun says what in
        unit_hint = next((COUNT_HINTS[unit] for unit, nouns in counted_nouns().items()
                          if any(len(n) > 1 and n in rest for n in nouns) or _counts_noun(rest, nouns)), unit_hint)
    if not unit_hint and _HOW_LONG.search(rest):  # "最迟多久要响应": ≤1小时
        unit_hint = TIME_UNITS
    if not unit_hint and not _MONEY_ASKED.search(rest):  # "有多少在职人员": people, counted
        unit_hint = next((COUNT_HINTS[unit] for unit, nouns in counted_nouns().items() if _counts_noun(rest, nouns)), ())
    part_bases: list[Basis | None] = []
    completion = _COMPLETION.search(rest)
    gap = _BASIS_GAP.search(rest)
    if completion and not defines:  # 完成年初预算的百分之几: the rate of the item named before 完成, stated or worked out
        operation, unit_hint = Operation.COMPLETION, ("%",)
        part_bases = [Basis.FINAL, asked_basis(completion.group().replace("执行", ""))]  # None: the budget the document states it against
        focus = _without_basis(clean_focus(rest[: completion.start()]))
    elif gap is None and (against := _BASIS_AGAINST.search(rest)) and not years[1:]:
        # "决算 财政委托业务支出比年初预算少了多少": the basis asked before the item, the other after 比
        operation = Operation.DIFFERENCE
        focus = _without_basis(clean_focus(_BASIS_WORDS.sub(" ", rest[: against.start()])))
        part_bases = [asked_basis(rest[: against.start()]), asked_basis(against["b"])]
        parts = [focus, focus]
    elif gap and operation in (Operation.LOOKUP, Operation.DIFFERENCE, Operation.CHANGE):
        # "信息化建设决算比年初预算少了多少": one item, two bases of the same document
        operation = Operation.DIFFERENCE
        focus = clean_focus(rest[: gap.start()])
        part_bases = [asked_basis(gap["a"]), asked_basis(gap["b"])]
        parts = [focus, focus]
    elif gap and operation is Operation.TEXT:  # "为什么全年预算比年初预算多": the gap of the item named before, or asked before
        focus = _without_basis(clean_focus(rest[: gap.start()]))
    elif asks_reason and AGAINST_BUDGET.search(rest):  # "三公经费决算为什么没用完预算": the item, its bases aside
        focus = _without_basis(_without_basis(focus))
    if operation is Operation.LOOKUP and asked_basis(rest) is not None:  # "行政运行实际执行" asks for 行政运行
        focus = _BASIS_HEAD.sub("", _without_basis(_without_basis(_BASIS_NOTE.sub("", focus))))  # "年初预算" alone: the whole
    elif operation is Operation.LIST and asked_basis(rest) is not None \
            and len(listed := _without_basis(focus)) >= MIN_LISTED_ITEM_CHARS:
        focus = listed  # "三公经费决算各多少": the parts of 三公经费; "决算包括哪几个单位" keeps its 决算单位
    if not unit_hint and any(h in rest for h in PERCENT_HINTS) and operation is Operation.LOOKUP:
        unit_hint = ("%",)
    if asks_what_money and focus in _BARE_MONEY and _SOURCE.search(rest):  # "今年的钱从哪里来": where its income comes from
        focus = BUDGET_SIDES[0]
    whole = names_the_whole(focus)
    if whole:  # "总预算多少", "收支预算比上年增长了百分之几": the whole budget
        focus = ""
    # a short item with a reading of its own (实际: 实有人数) is read through it, 收入 or 支出 as the whole's
    read_as = canonical_variants(focus) if not whole_terms(focus) else []
    if whole or len(focus) < 3 and (completion or not (canonical_terms(rest) or read_as)):
        # names no item, or only 收入/支出: the whole budget's terms that contain what it names
        wholes = whole_terms(focus) or (spending_terms() if completion else people_terms() if not focus and unit_hint[:1] == ("人",)
                                        else total_terms() + spending_terms())
        containing = [*dict.fromkeys(t for t in wholes if focus in t)]
        if focus in BUDGET_SIDES and operation in (Operation.CHANGE, Operation.GROWTH):
            # "收、支总计各增加39.87万元" states the change of each side at once
            containing += [t for t in wholes if _BOTH_SIDES.match(t) and t not in containing]
        # a rate of 支出 is the whole's, never a 支出 item's: the bare word is its last term there
        # ("支出决算完成年初预算的…" is stated of 支出 itself, after the whole's terms)
        terms = ([*containing, focus] if completion and containing and whole_terms(focus) else [focus, *containing]) \
            if focus else wholes
    elif this_year := this_years_terms(focus):  # "当年的收入": the year's own, not with what is carried over
        terms = [focus, *this_year]
    elif named_whole := whole_terms(focus) or whole_terms(_WHOLE_WORDS.sub("", focus)):
        # "部门预算收入总额", "部门收入预算总计": the whole's income, as documents name it, not its 支出
        terms = [focus, *(t for t in named_whole if not _other_side_only(t, focus))]
    else:
        terms = [focus, *canonical_variants(focus)] if focus else canonical_terms(rest)
    if unit_hint and "%" not in unit_hint:  # "买了几辆车": the cars bought as documents count them (购置用车)
        terms = [*terms, *counted_terms(focus)]
        if set_up := _SET_UP.match(focus):  # "内设几个科室": documents count 内设股室 or, after a list, 科室
            terms = [*terms, focus[set_up.end():]]
    if paid_item := _item_paid_by_fund(focus):  # "财政拨款绩效工资": the 绩效工资 row of a 财政拨款 table
        terms = [*terms, paid_item]
    fund_item, fund_tables = _item_before_fund(focus)
    if fund_item:  # "宗教事务一般公共预算当年拨款": the 宗教事务 row of the 一般公共预算 table
        focus, terms = fund_item, [fund_item, *canonical_variants(fund_item), *terms]
    if focus.endswith("类") and len(focus) > 3:  # "政府采购工程类": documents also say 政府采购工程
        terms = [*terms, focus[:-1]]
    if (exemplified := _EXEMPLIFIED.match(focus)) and _names_an_item(exemplified["example"]):
        focus = exemplified["item"]
        terms = [focus, *canonical_variants(focus), *terms]
    clarified = _CLARIFIED.search(focus)
    if clarified and clarified["term"].isdigit():  # a code in brackets (2010804) says which item, after its name
        terms = [*terms, clarified["term"]]
    elif clarified and not _SUMMED.match(clarified["term"]):  # the asker's own word for the item first
        term = clarified["term"]
        terms = [term, *canonical_variants(term), *[t for t in terms if t != term]]
    within = _WITHIN.match(focus)
    if within:  # "基本支出里人员经费": the item is 人员经费, 基本支出 only narrows where it stands;
        # "政府采购里服务类" is 政府采购服务 as documents name it
        bought = _BOUGHT.match(within["item"])  # "政府采购里买服务": 政府采购服务
        kind = bought["kind"] if bought else within["item"]
        joined = joined_item(kind, within["scope"])  # "政府采购里服务" may be 政府采购服务 too, after its own words
        first = bought or re.search(r"[类项]$", kind)
        terms = [*([joined] if first else []), within["item"], *canonical_variants(within["item"]), *terms,
                 *([] if first else [joined])]
    return QuestionPlan(
        question=question, operation=operation, focus=focus, terms=[t for t in terms if t],
        departments=departments, years=years, named_years=named_years, parts=parts, unit_hint=unit_hint,
        money_unit=DisplayUnit(money["unit"]) if (money := _MONEY_UNIT_ASKED.search(rest)) else None,
        wants_number=wants_number, asks_figure=asks_figure, basis=None if part_bases else _compared_basis(rest) or asked_basis(rest),
        direction=asked_direction(rest), part_bases=part_bases, unknown_body=named.unknown, sub_unit=named.unit or "",
        asks_reason=asks_reason, asks_definition=bool(defines), asks_name=asks_name, asks_purpose=asks_purpose, asks_what_money=asks_what_money,
        asks_duty=duty is not None, asks_when=asks_when, topic=topic, as_of=ends[0] if len(ends) == 1 else None,
        scope=within["scope"] if within and operation is Operation.LOOKUP else "", tables=tables or fund_tables,
        operands=across.operands if across else [], rows=rows, threshold=bounded[0] if bounded else None,
        bound=bounded[1] if bounded else "",
    )
