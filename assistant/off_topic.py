"""Messages that are not questions about the budget documents: small talk, personal data, other topics.

The words come from `assistant/data/off_topic.tsv`. A question that names a department, a budget word
(经费, 支出 …) or an item the index states is never off topic: 天气预报站的经费 and 社保缴费 are budget
questions; 今天天气怎么样, 社保怎么交 and 张三的工资是多少 are not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from assistant.vocabulary import DATA
from ingest.vocabulary import organ_suffixes, vocabulary

_PUNCTUATION = re.compile(r"[\s，,。.！!？?、；;：:“”\"'‘’（）()【】\[\]…~～]+")
_HAN_NAME = r"[\u4e00-\u9fff]{1,2}"  # the given name after a surname: 张三, 李小明
MIN_STATED_ITEM = 3  # characters after a title that may name a stated item (绩效工资), more than a bare 工资


class OffTopic(StrEnum):
    """Why a message is not a question about the budget documents."""

    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"  # 你是谁, 你能做什么
    PERSONAL = "personal"  # a person's pay, ID number, address …
    OTHER_TOPIC = "other_topic"  # weather, chit-chat, services of other policy areas


SCOPE_TEXT = "我可以回答已公开的部门预算、决算文件中的问题，例如各部门的收支预算、“三公”经费。"
LEAD_TEXT = {
    OffTopic.GREETING: "您好！",
    OffTopic.THANKS: "不客气。",
    OffTopic.HELP: "",
    OffTopic.PERSONAL: "我不能查询个人的工资、证件号码、联系方式等个人信息。",
    OffTopic.OTHER_TOPIC: "这个问题不在预算公开文件的范围内。",
}


@dataclass(frozen=True)
class OffTopicWords:
    """The word lists of the data file."""

    lists: dict[str, tuple[str, ...]]

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self.lists[name]

    def pattern(self, *names: str) -> str:
        words = sorted({w for name in names for w in self.lists[name]}, key=len, reverse=True)
        return "|".join(map(re.escape, words))


@lru_cache(maxsize=1)
def off_topic_words() -> OffTopicWords:
    lists: dict[str, tuple[str, ...]] = {}
    for line in (DATA / "off_topic.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, words = line.split("\t", 1)
            lists[name.strip()] = tuple(w.strip() for w in words.split("|") if w.strip())
    return OffTopicWords(lists)


_NOT_A_PLACE = r"(?![\u4e00-\u9fff]{1,2}[省市区县旗州])"  # 长宁区, 长沙市: the title's 长 starts a place name


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    words = off_topic_words()
    # 其他收入 is "other income": 他 there is no person
    person = rf"(?<!其)(?:{words.pattern('person')}|(?:{words.pattern('surname')})(?:{words.pattern('person_title')}|{_HAN_NAME}的))"
    return {
        "small_talk": re.compile(rf"(?:{words.pattern('greeting', 'thanks', 'help', 'filler')})+"),
        "help": re.compile(words.pattern("help")),
        "greeting": re.compile(words.pattern("greeting")),
        "personal": re.compile(rf"(?P<person>{person})的?(?:{words.pattern('personal_item')})"),
        "always_personal": re.compile(words.pattern("always_personal")),
        # a title, then at most a few words (一年, 每个月能拿多少), then a personal item: 主任一年工资, 部长叫什么名字;
        # not the 市长 of 上海市长宁区 or the 省长 of 湖南省长沙市, whose 长 opens a place
        "office_holder": re.compile(
            rf"(?:{words.pattern('person_title')}){_NOT_A_PLACE}[\u4e00-\u9fff]{{0,7}}?(?:{words.pattern('personal_item', 'holder_item')})"
        ),
        "other_topic": re.compile(words.pattern("other_topic")),
        "budget_word": re.compile(words.pattern("budget_word")),
    }


def _plain(text: str) -> str:
    return _PUNCTUATION.sub("", unicodedata.normalize("NFKC", text)).lower()


def _small_talk(text: str) -> OffTopic | None:
    patterns = _patterns()
    if not patterns["small_talk"].fullmatch(text):
        return None
    if patterns["help"].search(text):
        return OffTopic.HELP
    return OffTopic.GREETING if patterns["greeting"].search(text) else OffTopic.THANKS


def _names_a_person(text: str) -> bool:
    """A person followed by a personal item: 我的工资, 张三的社保, 王局长工资 (not 高新区的收入: a place)."""
    suffixes = tuple(vocabulary().suffixes)
    for found in _patterns()["personal"].finditer(text):
        person = found["person"].removesuffix("的")
        if not person.endswith(suffixes) and not organ_suffixes(person):
            return True
    return False


def _a_stated_item(holder: re.Match[str], states_item: Callable[[str], bool]) -> bool:
    """Whether the words after an office holder's title name an item the index states: 老师的绩效工资 (of a school's
    budget) is a 工资福利支出 row, 主任一年工资 is one person's pay."""
    title = re.match(off_topic_words().pattern("person_title"), holder.group())
    item = holder.group()[title.end() if title else 0 :].lstrip("的")
    return len(item) >= MIN_STATED_ITEM and states_item(item)


def off_topic(question: str, names_department: bool, states_item: Callable[[str], bool]) -> OffTopic | None:
    """Why `question` is not about the budget documents, or None when it may be.

    `names_department`: the question names a department (indexed or not); `states_item(word)`: whether some
    item the index states contains the word (公积金 in 住房公积金)."""
    text = _plain(question)
    if not text:
        return None
    if talk := _small_talk(text):
        return talk
    patterns = _patterns()
    if (holder := patterns["office_holder"].search(text)) and not (names_department and _a_stated_item(holder, states_item)):
        return OffTopic.PERSONAL  # a department named beside the title does not make a person's pay a budget item
    if names_department:
        return None
    if patterns["always_personal"].search(text) or _names_a_person(text):
        return OffTopic.PERSONAL
    topic = patterns["other_topic"].search(text)
    if topic is None or patterns["budget_word"].search(text) or states_item(topic.group()):
        return None
    return OffTopic.OTHER_TOPIC


def scope_message(reason: OffTopic, examples: Sequence[str]) -> str:
    """The short reply: why not, what can be asked, and example questions."""
    text = LEAD_TEXT[reason] + SCOPE_TEXT
    if examples:
        text += "您可以这样问：" + "；".join(f"“{q}”" for q in examples) + "。"
    return text
