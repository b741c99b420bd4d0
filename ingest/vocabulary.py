"""The words of government bodies' names, read from `ingest/data`: organ words and their short forms,
places and the generic parts of a name; and how a name splits into its places and its body.

A place is at least two characters and a suffix (南山区, 深圳市, 内蒙古自治区), or one of the listed
short places (某县); it must be followed by a body, so 沙河街道 alone is a body, not a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ingest.numbers import CHINESE_NUMERAL

DATA = files("ingest") / "data"
ORGAN_WORDS = DATA / "organ_words.txt"
PLACE_WORDS = DATA / "place_words.txt"
MIN_PLACE_STEM = 2  # characters before a place suffix: 南山区
MAX_PLACE_STEM = 7  # 黔东南苗族侗族自治州
AUTONOMOUS = "自治"  # a place suffix starting with it (自治州) names a place after its peoples
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Vocabulary:
    """Every word list of the data files; tuples are longest word first."""

    organs: dict[str, tuple[str, ...]]  # organ word → short forms people write for it (委员会 → 委)
    weak_organs: frozenset[str]  # end facilities' names too (中心): not enough alone to name a body
    not_organs: tuple[str, ...]  # hold an organ word but end no body (局长, 部门, 总部)
    verb_organs: frozenset[str]  # organ words that are also verbs: before 多少 or 几 they do, not name (办多少场)
    not_names: tuple[str, ...]  # question words before a name, never in it (请问, 今年)
    not_in_names: tuple[str, ...]  # words no body's name holds (多少, 下面)
    unit_leads: tuple[str, ...]  # words between a department's name and its unit's (下面, 下属)
    own_office: tuple[str, ...]  # name the department's own office among its units (机关, 本级)
    own_office_not_before: tuple[str, ...]  # make an own-office word an item's start (机关事业单位)
    own_office_filler: tuple[str, ...]  # only stress an own-office word (机关本身)
    comparing: tuple[str, ...]  # words between two bodies compared that no name holds (比): a name may start after them
    named_by_place: tuple[str, ...]  # organ words of bodies named after their place (街道办事处): named by it alone
    item_words: tuple[str, ...]  # words of a budget item, never of a body's name (费, 支出)
    after_a_name: frozenset[str]  # characters that end a body's name where an item's name goes on (的, ？)
    suffixes: tuple[str, ...]  # end a place (区, 自治区)
    peoples: tuple[str, ...]  # peoples an autonomous place is named after (彝族 of 某彝族自治州)
    short_places: tuple[str, ...]  # places with one character before the suffix (某县)
    not_places: tuple[str, ...]  # hold a suffix character without ending a place (城乡, 市场)
    generic: tuple[str, ...]  # kind or level of body, not which body (中共, 人民政府, （本级）)
    party_markers: tuple[str, ...]  # the party committee right after a place (某市委)
    organ_tokens: tuple[str, ...]  # organ words and their short forms
    ordinal_short_forms: dict[str, str]  # organ word → the short form a numbered body is written with (中学 → 中)
    long_forms: tuple[tuple[re.Pattern[str], str], ...]  # a long part of a name → how it is said (中国人民政治协商会议…)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary of the shipped data files (read once per process)."""
    organ = read_sections(ORGAN_WORDS.read_text(encoding="utf-8"))
    place = read_sections(PLACE_WORDS.read_text(encoding="utf-8"))
    organs = {row[0]: tuple(row[1:]) for row in sorted(organ["organs"], key=lambda r: -len(r[0]))}
    return Vocabulary(
        organs=organs,
        weak_organs=frozenset(_words(organ, "weak_organs")),
        not_organs=_words(organ, "not_organs"),
        verb_organs=frozenset(_words(organ, "verb_organs")),
        not_names=_words(organ, "not_names"),
        not_in_names=_words(organ, "not_in_names"),
        unit_leads=_words(organ, "unit_leads"),
        own_office=_words(organ, "own_office"),
        own_office_not_before=_words(organ, "own_office_not_before"),
        own_office_filler=_words(organ, "own_office_filler"),
        comparing=_words(organ, "comparing"),
        named_by_place=_words(organ, "named_by_place"),
        item_words=_words(organ, "item_words"),
        after_a_name=frozenset(_words(organ, "after_a_name")),
        suffixes=_words(place, "suffixes"),
        peoples=_longest_first(w for row in place["peoples"] for w in row),
        short_places=_words(place, "short_places"),
        not_places=_words(place, "not_places"),
        generic=_words(place, "generic"),
        party_markers=_words(place, "party_markers"),
        organ_tokens=_longest_first(w for row in organ["organs"] for w in row),
        ordinal_short_forms={row[0]: row[1] for row in sorted(organ["ordinal_short_forms"], key=lambda r: -len(r[0]))},
        long_forms=tuple((_long_form(row[0], _words(place, "suffixes")), row[1].replace("{place}", r"\g<place>"))
                         for row in organ["long_forms"]),
    )


def _long_form(written: str, suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of a long part of a name; {place} matches a place (潼霂区) inside it."""
    place = rf"(?P<place>[\u4e00-\u9fff]{{{MIN_PLACE_STEM},{MAX_PLACE_STEM}}}?(?:{'|'.join(map(re.escape, suffixes))}))"
    return re.compile(re.escape(written).replace(re.escape("{place}"), place))


def spoken_forms(name: str) -> tuple[str, ...]:
    """Other ways a body's name is said, its long parts shortened: 中国人民政治协商会议潼霂区委员会办公室 →
    潼霂区政协办公室; 蔺翀县人民代表大会常务委员会办公室 → 蔺翀县人大常委会."""
    return tuple(dict.fromkeys(said for pattern, short in vocabulary().long_forms
                               if (said := pattern.sub(short, name, count=1)) != name))


def read_sections(text: str) -> dict[str, list[list[str]]]:
    """`[section]` → its entries, each entry the words of one line; `#` starts a comment."""
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif line and current is None:
            raise ValueError(f"vocabulary entry before any [section]: {line}")
        elif line:
            current.append(line.split())
    return sections


def _words(sections: dict[str, list[list[str]]], name: str) -> tuple[str, ...]:
    return _longest_first(row[0] for row in sections[name])


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def is_han(text: str) -> bool:
    """Whether `text` is only Chinese characters (and not empty)."""
    return bool(_HAN.fullmatch(text))


def organ_suffixes(name: str) -> tuple[str, ...]:
    """The organ words `name` ends with, longest first (人大常委会办公厅, 办公厅, 厅)."""
    return tuple(word for word in vocabulary().organs if name.endswith(word))


def ordinal_name(core: str) -> str:
    """How people write a numbered body: its numeral and the short form of its organ word (第二中学 → 二中,
    第一人民医院 → 一院); "" for a body that is not numbered so."""
    for organ, short in vocabulary().ordinal_short_forms.items():
        if match := re.fullmatch(rf"第({CHINESE_NUMERAL}){organ}", core):
            return match[1] + short
    return ""


def is_ordinal(stem: str) -> bool:
    """Whether the part of a name before its organ word is only its number: 第一 of 第一人民医院."""
    return re.fullmatch(rf"第{CHINESE_NUMERAL}", stem) is not None


def ordinal_end(text: str, at: int) -> int | None:
    """Where a numbered body's short name starting at `at` ends (二中 of 桐溪二中2025年), or None."""
    match = _ordinal_pattern().match(text, at)
    return match.end() if match else None


@lru_cache(maxsize=1)
def _ordinal_pattern() -> re.Pattern[str]:
    shorts = "|".join(dict.fromkeys(vocabulary().ordinal_short_forms.values()))
    return re.compile(rf"(?<!第){CHINESE_NUMERAL}(?:{shorts})")


def place_end(text: str, at: int = 0) -> int | None:
    """Where the place that starts at `at` ends (3 for 南山区财政局), or None when none starts there."""
    return _short_place_end(text, at) or _suffixed_place_end(text, at)


def level_at(text: str, at: int) -> str:
    """The bare level at `at` (区 of 区财政局, 市 of 市委), or "" (not 区 of 社区, 市 of 市场)."""
    char = text[at : at + 1]
    return char if len(char) == 1 and char in vocabulary().suffixes and not _in_not_place(text, at) else ""


def _in_not_place(text: str, at: int) -> bool:
    """Whether the character at `at` is inside a word that only looks like a place (城乡, 市场)."""
    return any(text.startswith(w, at - k) for w in vocabulary().not_places for k in range(len(w)) if at >= k)


def _short_place_end(text: str, at: int) -> int | None:
    for place in vocabulary().short_places:
        if text.startswith(place, at):
            suffix = next(s for s in vocabulary().suffixes if place.endswith(s))
            end = at + len(place)
            return end if _ends_place(text, at, end - len(suffix), suffix) else None
    return None


def _suffixed_place_end(text: str, at: int) -> int | None:
    for suffix_at in range(at + MIN_PLACE_STEM, min(at + MAX_PLACE_STEM, len(text) - 1) + 1):
        if not is_han(text[at:suffix_at]):
            return None
        for suffix in vocabulary().suffixes:
            if text.startswith(suffix, suffix_at) and _ends_place(text, at, suffix_at, suffix):
                return suffix_at + len(suffix)
    return None


def _ends_place(text: str, at: int, suffix_at: int, suffix: str) -> bool:
    """Whether `suffix` at `suffix_at` ends a place begun at `at`: a body follows, the suffix is not part
    of a word (城乡, 市场) or of a longer organ word or short form (街道办事处, 街道办), and the stem holds
    no organ word or generic part."""
    vocab = vocabulary()
    end = suffix_at + len(suffix)
    stem = text[at:suffix_at]
    return (
        end < len(text)
        and not _in_not_place(text, suffix_at)
        and not any(len(w) > len(suffix) and text.startswith(w, suffix_at) for w in vocab.organ_tokens)
        and not any(w in stem for w in (*vocab.generic, *vocab.organs) if len(w) > 1)
    )


def said_place_forms(place: str) -> tuple[str, ...]:
    """How people say an autonomous place, its peoples and 自治 left out: 蒗崧彝族自治州 → 蒗崧州, 蒗崧;
    () for any other place."""
    suffix = next((s for s in vocabulary().suffixes if place.endswith(s)), "")
    if not suffix.startswith(AUTONOMOUS):
        return ()
    stem = place[: -len(suffix)]
    while people := next((p for p in vocabulary().peoples if stem.endswith(p) and len(stem) > len(p)), None):
        stem = stem[: -len(people)]
    if len(stem) < MIN_PLACE_STEM or stem == place[: -len(suffix)]:
        return ()
    return stem + suffix[len(AUTONOMOUS):], stem


def split_places(name: str) -> tuple[tuple[str, ...], str]:
    """The places leading `name` and its body, generic heads and the party marker dropped:
    中共深圳市南山区委社会工作部 → (("深圳市", "南山区"), "社会工作部"). Without a place: ((), name)."""
    text = _without_heads(name)
    places: list[str] = []
    at = 0
    while (end := place_end(text, at)) is not None:
        places.append(text[at:end])
        at = end
    if not places:
        return (), name
    return tuple(places), without_party_marker(text[at:])


def split_place(name: str) -> tuple[str, str]:
    """(place prefix, body): 深圳市南山区财政局 → ("深圳市南山区", "财政局"); ("", name) without a place."""
    places, body = split_places(name)
    return "".join(places), body


def _without_heads(name: str) -> str:
    """`name` without the generic parts that lead it (中共 of 中共某市委…)."""
    while head := next((g for g in vocabulary().generic if name.startswith(g) and len(name) > len(g)), None):
        name = name[len(head) :]
    return name


def without_party_marker(body: str) -> str:
    """A body that follows a place, without the party marker (委社会工作部 → 社会工作部); 委员会 is kept."""
    vocab = vocabulary()
    for marker in vocab.party_markers:
        follows_organ = any(len(w) > len(marker) and body.startswith(w) for w in vocab.organs)
        if body.startswith(marker) and len(body) > len(marker) and not follows_organ:
            return body[len(marker) :]
    return body


def core_name(body: str) -> str:
    """The body without generic parts, unless that leaves only an organ word or cuts into the organ word
    it ends with: 人民政府沙河街道办事处（本级） → 沙河街道办事处, but 人民政府办公室 and 长征镇人民政府 stay."""
    vocab = vocabulary()
    organ = next(iter(organ_suffixes(body)), "")
    for start, end in reversed(_generic_spans(body)):
        shorter = body[:start] + body[end:]
        if shorter and shorter not in vocab.organs and end <= len(body) - len(organ):
            body = shorter
    return body


def _generic_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    at = 0
    while at < len(text):
        part = next((g for g in vocabulary().generic if text.startswith(g, at)), None)
        if part:
            spans.append((at, at + len(part)))
        at += len(part) if part else 1
    return spans


def is_body_name(name: str) -> bool:
    """Whether `name` names a body: it ends with an organ word, and names more than the organ word
    itself or has a place (深圳市南山区财政局, 深圳市政府; not 江苏省人大, 第二部分, 政府)."""
    places, body = split_places(name)
    core = core_name(body)
    organs = organ_suffixes(core)
    return is_han(re.sub(r"[（）()]", "", name)) and bool(organs) and (bool(places) or len(core) > len(organs[-1]))
