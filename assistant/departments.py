"""Which indexed departments a question names, as people write them.

A name in a question ends with an organ word or its short form (局, 委, 办, 街道 …). Before it stand
the body's own characters, in order but maybe shortened (发改委 for 发展和改革委员会, 区府办 for
区人民政府办公室), and maybe places (南山区财政局) or a bare level (区财政局). A place the question
names must agree with the department's; a body that fits no indexed department is reported as unknown.
The words come from `ingest.vocabulary`; nothing here knows a particular department or place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ingest.lexicon import tokens, word_spans
from ingest.vocabulary import (
    core_name,
    is_han,
    is_ordinal,
    level_at,
    ordinal_end,
    ordinal_name,
    organ_suffixes,
    place_end,
    said_place_forms,
    split_places,
    spoken_forms,
    vocabulary,
    without_party_marker,
)

MAX_NAME_CHARS = 30  # how far before its organ word a name may start
MAX_UNKNOWN_STEM = 12  # characters before the organ word of a body that is not indexed
MAX_RUN_ON = 4  # characters after a blocked word in which the word starting inside it may end
ITEM_LOOKAHEAD = 4  # characters after a unit's name in which a budget item's word may begin (政府采购, 三公经费)
_COUNTED_AFTER = re.compile(r"多少|几")  # right after an organ word that is also a verb, with no place: a verb (办多少场)
ATTACH = "的"  # 南山区的沙河街道: a place before 的 still names the body after it
INDEX_CACHE = 8  # distinct lists of indexed departments kept precomputed
READ_KEPT = 1024  # questions whose mentions each precomputed index remembers (emptied when full)


@dataclass(frozen=True)
class DepartmentMatch:
    """What a question names: indexed departments, and a body that is not indexed."""

    departments: tuple[str, ...]  # indexed full names the question names; >1 means it could be any of them (ask back)
    unknown: str | None  # a body the question names that is NOT indexed ("深圳市南山区财政局", "南山区教育局")
    rest: str  # the question with the matched name removed (replaced by a space)
    unit: str | None = None  # a body named right after the department's name: one of its units (某局城关监管所)


@dataclass(frozen=True)
class _Department:
    name: str
    places: tuple[str, ...]  # 深圳市, 南山区
    endings: dict[str, tuple[str, ...]]  # organ word or short form → the stems it may follow (委 → 商务)
    distinct: int  # leading characters of every stem before any organ word (沙河 of 沙河街道办事处)
    bare: str = ""  # its own name without its organ word (沙河), when people may name it so
    by_place: bool = False  # named after its place (沙河街道办事处): the bare name alone names it
    placed: frozenset[str] = frozenset()  # names of it without its own words, only after a place (县医院: 县人民医院)
    short_forms: frozenset[str] = frozenset()  # short forms of its organ words (院 of 学院: 职院)

    @property
    def level(self) -> str:
        """The suffix of its own place (区 for 深圳市南山区财政局), "" without a place."""
        return self.places[-1][-1] if self.places else ""


@dataclass(frozen=True)
class _Index:
    departments: tuple[_Department, ...]
    by_token: dict[str, frozenset[int]]  # organ word or short form → departments whose name may end with it
    by_char: dict[str, frozenset[int]]  # character → departments with it in a stem
    places: dict[str, str]  # a known place or its stem (南山) → the place (南山区)
    place_keys: dict[str, tuple[str, ...]]  # first character → keys of `places`, longest first
    short_names: dict[str, str] = field(default_factory=dict)  # department → its short name, filled as asked
    read: dict[str, _Read] = field(default_factory=dict)  # question → its mentions (`_read`)


@dataclass(frozen=True)
class _Reading:
    """One way to read the words before an organ word: places or a level, then the body."""

    start: int  # where the name starts in the question
    chain: tuple[str, ...]  # the places named with it
    level: str  # a bare level before it (区 of 区财政局)
    body: str


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    departments: tuple[int, ...]  # the best fits; empty for a body that is not indexed
    named_place: bool  # the question names its place or level


_Read = tuple[tuple[_Mention, ...], tuple[_Mention, ...]]  # names that fit indexed departments, bodies that fit none


def find_department(question: str, known: Sequence[str]) -> DepartmentMatch:
    """The department the question names (its longest name; several when they fit it equally)."""
    index = _index(_names(known))
    matched, unknown = _read(question, index)
    best = min(matched, key=lambda m: (m.start - m.end, m.start), default=None)
    found = _result(question, [best] if best else [], unknown, index)
    if not best or len(best.departments) != 1:
        return found
    unit = _unit_after(question, best.end)
    name = index.departments[best.departments[0]].name
    # "某中心（本级）" published as such: its own name, no office of it asked
    return replace(found, unit=None if unit and name.rstrip("）)").endswith(unit) else unit)


def find_all_departments(question: str, known: Sequence[str]) -> DepartmentMatch:
    """Every department the question names, in order (for comparisons and rankings)."""
    index = _index(_names(known))
    matched, unknown = _read(question, index)
    return _result(question, matched, unknown, index)


def unit_named_of(body: str, department: str) -> str | None:
    """The name of one of `department`'s units that a body not indexed names, its places left out when they are the
    department's (蒗崧州民族语文工作站 of 蒗崧彝族自治州民族宗教事务委员会 → 民族语文工作站); None when the body names
    another place."""
    index = _index((department,))
    chain, end = _places(body, 0, index)
    if chain and not _agrees(index.departments[0], _Reading(0, chain, "", body[end:])):
        return None
    return body[end:] or None


_YEAR_BEFORE_UNIT = re.compile(r"\s*(?:19|20)\d{2}\s*年度?\s*")  # a year between a department's name and its unit's
_NO_UNIT_AFTER_YEAR = re.compile(r"[和及与、]|^[给对向为]")  # 2025年给村委会和村党支部的补助: whom money goes to, no unit


def _unit_after(question: str, at: int) -> str | None:
    """The body whose name starts at `at`, right after a department's (城关市场监督管理所 of 某局城关市场监督管理所),
    else one after a year following it (某局2025年执法支队的项目支出), never the own office (2025年本级机关运行经费 is
    the department's) nor a list of bodies money goes to (2025年给村委会和村党支部的补助)."""
    if found := _unit_at(question, at, own_office=True):
        return found
    year = _YEAR_BEFORE_UNIT.match(question, at)
    found = _unit_at(question, year.end(), own_office=False) if year else None
    return found if found and not _NO_UNIT_AFTER_YEAR.search(found) else None


def _unit_at(question: str, at: int, own_office: bool) -> str | None:
    """The body whose name starts at `at` (see `_unit_after`): two to twelve characters and an organ word (not a short
    form) standing alone (before a year, 的, 今年, an item … or the end), with no word of a budget item or of a question
    in it and none before a name (下属, 各) leading it; with `own_office`, also the department's own office."""
    vocab = vocabulary()
    while lead := next((w for w in (*vocab.unit_leads, ATTACH) if question.startswith(w, at)), ""):
        at += len(lead)  # 某局的执法大队, 某局下面的大数据发展中心
    if own_office and (own := _own_office_at(question, at + (question[at : at + 1] in ("（", "(")))):  # 某乡人民政府（本级）
        return own
    for end, words in sorted(_organ_ends(question).items()):
        if end <= at:
            continue
        stem = question[at : end - len(words[0])]
        if not is_han(question[at:end]) or any(w in stem for w in (*vocab.item_words, *vocab.not_in_names)) \
                or any(stem.startswith(w) for w in (*vocab.not_names, *vocab.generic)):
            return None
        alone = end == len(question) or question[end].isdigit() or question[end] in vocab.after_a_name \
            or any(w in question[end : end + ITEM_LOOKAHEAD] for w in vocab.item_words)  # 某院政府采购…: an item follows
        if words[0] in vocab.organs and 2 <= len(stem) <= MAX_UNKNOWN_STEM and alone:
            return question[at:end]
    return None


def _own_office_at(question: str, at: int) -> str | None:
    """The word naming the department's own office (机关, 本级) that starts at `at`, when it is no item's start
    (机关运行经费 is one word to the lexicon; 机关事业单位 is listed) and something follows it."""
    vocab = vocabulary()
    word = next((w for w in vocab.own_office if question.startswith(w, at)), None)
    if word is None or len(tokens(question[at:])[0]) > len(word):
        return None
    rest = question[at + len(word) :]
    rest = rest[len(next((w for w in vocab.own_office_filler if rest.startswith(w)), "")) :]
    return word if rest and not rest.startswith(vocab.own_office_not_before) else None


def short_name(department: str, known: Sequence[str]) -> str:
    """The way people write an indexed department, short but still naming only it among `known`: the body
    with its organ word's first short form (万里街道 for 上海市普陀区人民政府万里街道办事处, 政法委 for
    中共廊坊市委政法委员会), else the body, else the body after its own place (普陀区财政局), else the full name.
    A body that is only a generic part and an organ word is named with its place (普陀区人民政府办公室).
    Worked out once per department and list of names (kept with that list's precomputed index)."""
    names = _names(known)
    found = _index(names).short_names
    if department not in found:
        found[department] = _shortest_name(department, names)
    return found[department]


def _shortest_name(department: str, known: tuple[str, ...]) -> str:
    """The first short way of saying it, its spoken forms first (潼霂区政协办公室 → 政协办), that names only it."""
    candidates = [c for said in (*spoken_forms(department), department) for c in _short_candidates(said)]
    return next((c for c in candidates if find_department(c, known).departments == (department,)), department)


def _short_candidates(name: str) -> list[str]:
    places, body = split_places(name)
    core = core_name(body)
    organs = organ_suffixes(core)
    stem = core[: -len(organs[0])] if organs else ""
    short_forms = vocabulary().organs.get(organs[0], ()) if organs else ()
    with_place = [places[-1] + core] if places else []
    if stem in vocabulary().generic:
        return [*with_place, core]
    return [*([f"{stem}{short_forms[0]}"] if stem and short_forms else []), core, *with_place]


def _names(known: Sequence[str]) -> tuple[str, ...]:
    """The distinct, non-empty names, in order: the key of the precomputed index."""
    return tuple(dict.fromkeys(name for name in known if name))


def _result(question: str, matched: Sequence[_Mention], unknown: Sequence[_Mention], index: _Index) -> DepartmentMatch:
    names = dict.fromkeys(index.departments[d].name for m in matched for d in m.departments)
    rest = question
    for mention in sorted(matched, key=lambda m: -m.start):
        rest = rest[: mention.start] + " " + rest[_name_end(question, mention.end) :]
    first_unknown = min(unknown, key=lambda m: m.start, default=None)
    return DepartmentMatch(
        departments=tuple(names),
        unknown=question[first_unknown.start : first_unknown.end] if first_unknown else None,
        rest=rest,
    )


def _name_end(question: str, end: int) -> int:
    """The end of a name with a bracketed generic part after it (深圳市财政局（市级）)."""
    part = next((g for g in vocabulary().generic if g[0] in "（(" and question.startswith(g, end)), "")
    return end + len(part)


# ---------------------------------------------------------------- the indexed names


@lru_cache(maxsize=INDEX_CACHE)
def _index(names: tuple[str, ...]) -> _Index:
    departments = tuple(_department(name, said) for name in names for said in (name, *spoken_forms(name)))
    by_token: dict[str, set[int]] = {}
    by_char: dict[str, set[int]] = {}
    places: dict[str, str] = {}
    for number, department in enumerate(departments):
        for token, stems in department.endings.items():
            by_token.setdefault(token, set()).add(number)
            for char in "".join(stems):
                by_char.setdefault(char, set()).add(number)
        for place in department.places:
            places[place] = place
            stem = place[: -len(_suffix(place))]
            for said in (stem, *said_place_forms(place)):
                if len(said) >= 2:
                    places.setdefault(said, place)
    return _Index(
        departments=departments,
        by_token={k: frozenset(v) for k, v in by_token.items()},
        by_char={k: frozenset(v) for k, v in by_char.items()},
        places=places,
        place_keys=_by_first_char(places),
    )


def _by_first_char(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        table.setdefault(word[0], []).append(word)
    return {char: tuple(group) for char, group in table.items()}


def _department(name: str, said: str) -> _Department:
    """The department `name` as people may name it when they say it as `said` (its name, or a spoken form)."""
    places, body = split_places(said)
    core = core_name(body)
    organs = organ_suffixes(core)
    endings: dict[str, list[str]] = {}
    placed: set[str] = set()
    short_forms = {short for organ in organs for short in vocabulary().organs[organ]}
    for organ in organs:
        stem = core[: -len(organ)]
        tokens = (organ, *vocabulary().organs[organ])
        for token in tokens:
            endings.setdefault(token, []).extend([stem, *_swapped(stem)])
        if not stem:
            placed.update(tokens[1:])
        elif is_ordinal(stem):  # 第一人民医院 is also the 县人民医院, the 县医院 of its place
            for token in tokens:
                endings[token].append("")
            placed.update(tokens)
    if numbered := ordinal_name(core):
        endings[numbered] = [""]
    distinct = len(core) - len(organs[0]) if organs else len(core)
    bare = core[:distinct] if organs and distinct >= 2 and core[:distinct] not in vocabulary().generic else ""
    by_place = bool(organs) and organs[0] in vocabulary().named_by_place
    return _Department(name, places, {token: tuple(stems) for token, stems in endings.items()}, distinct, bare, by_place,
                       frozenset(placed), frozenset(short_forms))


def _swapped(stem: str) -> list[str]:
    """A stem of two parts joined by 和 the other way round: 自然资源和规划 is also written 规划和自然资源 (规资局)."""
    first, joined, second = stem.partition("和")
    return [f"{second}和{first}"] if joined and first and second else []


def _suffix(place: str) -> str:
    return next((s for s in vocabulary().suffixes if place.endswith(s)), "")


# ---------------------------------------------------------------- reading a question


def _read(question: str, index: _Index) -> _Read:
    """`_mentions`, remembered: one question is read for the off-topic check, then twice for its plan."""
    found = index.read.get(question)
    if found is None:
        if len(index.read) >= READ_KEPT:
            index.read.clear()
        found = index.read[question] = _mentions(question, index)
    return found


def _mentions(question: str, index: _Index) -> _Read:
    """The names in the question that fit indexed departments, and the bodies that fit none."""
    ends = _organ_ends(question)
    matched: list[_Mention] = []
    unknown: list[_Mention] = []
    for end, tokens in sorted(ends.items()):
        low = _name_start(question, end - len(tokens[0]), ends)
        readings = _readings(question, low, end, ends, index)
        mention = _best_mention(readings, tokens, end, index)
        if mention:
            matched.append(mention)
        elif (body := _unknown_body(readings, tokens, end, _name_starts(question, low, end))) \
                and not (tokens[0] in vocabulary().verb_organs and not body.named_place
                         and _COUNTED_AFTER.match(question, end)):
            unknown.append(body)  # "计划办多少场": 办 holds them, it names no office
    matched = _disjoint(matched)
    unknown = _disjoint([u for u in unknown if not any(_overlap(u, m) for m in matched)])
    if not matched and not unknown:
        matched = _bare_mentions(question, index)
    if not matched and not unknown:
        unknown = _place_led_bodies(question, index)
    return tuple(_settle(matched, question, index)), tuple(unknown)


def _bare_mentions(question: str, index: _Index) -> list[_Mention]:
    """Bodies named without their organ word, in a question that names no body with one: a body named after its
    place by that place alone (万里2025年…), any other right after its own place (岑阳公安25年…) or a level that
    agrees with its own (市财政25年…).
    The name stands as whole words of the question, so 交通 of 交通费 names nothing."""
    bounds, at = {0}, 0
    for word in tokens(question):
        at += len(word)
        bounds.add(at)
    found: dict[tuple[int, int, bool], list[int]] = {}
    for number, department in enumerate(index.departments):
        for start in _occurrences(question, department.bare) if department.bare else ():
            end = start + len(department.bare)
            level = level_at(question, start - 1) if start else ""
            place = _own_place_before(question, start, department.places)
            if start in bounds and end in bounds and (department.by_place or place or level and level == department.level):
                before = len(place) or len(level)
                end += _own_organ_at(question, end, department) if department.by_place else 0  # 荇湄乡|村道
                found.setdefault((start - before, end, bool(before)), []).append(number)
        for start, end in _shortened_after_place(question, department):
            if end in bounds:
                found.setdefault((start, end, True), []).append(number)
    return _disjoint([_Mention(start, end, tuple(numbers), named) for (start, end, named), numbers in found.items()])


def _own_organ_at(question: str, at: int, department: _Department) -> int:
    """The length of the department's organ word or short form at `at` (乡 of 荇湄乡村道, read as 荇湄乡 and 村道 where
    乡村 blocks 乡 from ending a name), or 0."""
    tokens = sorted(department.endings, key=len, reverse=True)
    return next((len(token) for token in tokens if question.startswith(token, at)), 0)


def _shortened_after_place(question: str, department: _Department) -> list[tuple[int, int]]:
    """Spans naming the department by its own place and then its bare name shortened, its characters in order
    from the first (棠溪疾控 for 棠溪市疾病预防控制中心): two characters at least."""
    spans = []
    for form in _place_forms(department.places):
        for at in _occurrences(question, form):
            start = end = at + len(form)
            rest = department.bare
            while end < len(question) and rest and question[end] in rest and (end > start or question[end] == rest[0]):
                rest = rest[rest.index(question[end]) + 1 :]
                end += 1
            if end - start >= 2:
                spans.append((at, end))
    return spans


def _place_led_bodies(question: str, index: _Index) -> list[_Mention]:
    """Bodies named by an indexed department's place and one word standing alone (before a year, 的 or the end)
    that is neither one of its names nor a budget item (棠溪公安25年…, where only 棠溪's 疾控中心 is indexed): not
    indexed, so never answered with another's figures."""
    words, at = [], 0
    for word in tokens(question):
        words.append((at, word))
        at += len(word)
    places = {form for d in index.departments for form in _place_forms(d.places)}
    vocab = vocabulary()
    found = []
    for place in places:
        for start in _occurrences(question, place):
            after = next(((a, w) for a, w in words if a == start + len(place)), None)
            end = after[0] + len(after[1]) if after else 0
            alone = end == len(question) or question[end].isdigit() or question[end] in vocab.after_a_name
            names_item = after and any(word in after[1] for word in vocab.item_words)
            if after and len(after[1]) >= 2 and is_han(after[1]) and alone and not names_item:
                found.append(_Mention(start, end, (), True))
    return _disjoint(found)


def _place_forms(places: tuple[str, ...]) -> tuple[str, ...]:
    """How people write a department's own place: whole (岑阳市), or without its level (岑阳)."""
    own = places[-1] if places else ""
    return tuple(form for form in (own, own[:-1] if len(own) > 2 else "", *said_place_forms(own)) if form)


def _own_place_before(question: str, at: int, places: tuple[str, ...]) -> str:
    """The department's own place (岑阳市) or its name without the level (岑阳) right before `at`, or ""."""
    return next((form for form in _place_forms(places) if question[:at].endswith(form)), "")


@lru_cache(maxsize=1)
def _word_tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Organ words and short forms, and words that are not organs, by first character, longest first."""
    vocab = vocabulary()
    return _by_first_char(vocab.organ_tokens), _by_first_char(vocab.not_organs)


@lru_cache(maxsize=READ_KEPT)
def _runs_on(question: str, start: int, end: int) -> bool:
    """Whether the word that starts right after the blocked word's first character runs past its end (局|部门 of
    某局部门整体…: 局部 is no word there)."""
    after = tokens(question[start + 1 : end + MAX_RUN_ON])
    return bool(after) and start + 1 + len(after[0]) > end


def _organ_ends(question: str) -> dict[int, tuple[str, ...]]:
    """End → the organ words ending there, longest first: the longest starting at each character that no
    word that is not an organ overlaps without lying inside it (局长, 总部; 街道 of 街道办公费, not 街道办); a numbered
    body's short name (二中) counts as one."""
    organs, not_organs = _word_tables()
    blocked = [(at, at + len(w)) for at, c in enumerate(question) for w in not_organs.get(c, ()) if question.startswith(w, at)]
    if blocked:  # 办会 is no word where a word starts inside it and runs on (区府办|会议费), unless a longer word holds
        words = word_spans(question)  # it whole (城乡|乡居|城乡居民: 城乡 stays a word)
        blocked = [(s, t) for s, t in blocked
                   if not (any(s < start < t < end for start, end in words) or _runs_on(question, s, t))
                   or any(start <= s and t <= end and end - start > t - s for start, end in words)]
    ends: dict[int, list[str]] = {}
    for at, char in enumerate(question):
        fits = {at + len(w) for w in organs.get(char, ()) if question.startswith(w, at)}
        fits |= {numbered} if (numbered := ordinal_end(question, at)) else set()
        end = next((e for e in sorted(fits, reverse=True)
                    if not any(s < e and at < t and not (at <= s and t <= e) for s, t in blocked)), None)
        if end:
            ends.setdefault(end, []).append(question[at:end])
    return {end: tuple(sorted(words, key=len, reverse=True)) for end, words in ends.items()}


def _name_start(question: str, at: int, ends: dict[int, tuple[str, ...]]) -> int:
    """How far left of `at` a name may reach: to a punctuation mark, 的, a number, or a joining word
    right after another name (商务委|和财政局)."""
    low = max(0, at - MAX_NAME_CHARS)
    while at > low and is_han(question[at - 1]) and question[at - 1] != ATTACH:
        if at in ends and any(question.startswith(w, at) for w in vocabulary().not_names):
            break
        at -= 1
    return at


def _readings(question: str, low: int, end: int, ends: dict[int, tuple[str, ...]], index: _Index) -> list[_Reading]:
    """Every way to read question[low:end] as a name: a body from any character up to the last place or
    level (新建沙河街道 names 沙河街道; 深圳市规划和自然资源局 never reads as 自然资源局), read with the
    places or the level right before it whenever there are some."""
    text = question[low:end]
    named = _named_before(text, index)
    attached = _attached_places(question, low, ends, index)
    if attached:
        named.setdefault(0, []).append((attached[0] - low, attached[1], ""))
    readings: list[_Reading] = []
    # never from inside the body after a place, unless a comparing word comes first (招待费比|区府办)
    after_words = {at + len(w) for w in vocabulary().comparing for at in _occurrences(text, w)}
    for at in sorted(set(range(max(named) + 1 if named else len(text))) | {a for a in after_words if a < len(text)}):
        for start, chain, level in named.get(at, [(at, (), "")]):
            readings.append(_Reading(low + start, chain, level, text[at:]))
    for at in after_words:  # 比|区府办: the level right after such a word
        if at < len(text) - 1 and (level := level_at(text, at)):
            readings.append(_Reading(low + at, (), level, text[at + 1 :]))
    return readings


def _occurrences(text: str, word: str) -> list[int]:
    return [at for at in range(len(text)) if text.startswith(word, at)]


def _named_before(text: str, index: _Index) -> dict[int, list[tuple[int, tuple[str, ...], str]]]:
    """Body start → (start, places, level) of each place or bare level ending there, and after the party
    marker that may follow them (某市委政法委, 区委社会工作部)."""
    named: dict[int, list[tuple[int, tuple[str, ...], str]]] = {}
    for at in range(len(text)):
        chain, chain_end = _places(text, at, index)
        if chain:
            named.setdefault(chain_end, []).append((at, chain, ""))
    for at in range(len(text)):
        if (level := level_at(text, at)) and at + 1 not in named:  # not the suffix of a place (福田区)
            named[at + 1] = [(at, (), level)]
    for at, names in list(named.items()):
        marked = len(text[at:]) - len(without_party_marker(text[at:]))
        if marked:
            named.setdefault(at + marked, []).extend(names)
    return named


@lru_cache(maxsize=1)
def _lead_words() -> tuple[str, ...]:
    vocab = vocabulary()
    return tuple(sorted((*vocab.not_names, *vocab.generic), key=len, reverse=True))


def _after_lead_words(text: str) -> list[int]:
    """0 and each place after a leading run of question words or generic heads (请问, 年 of 2025年, 中共)."""
    starts = [0]
    while word := next((w for w in _lead_words() if text.startswith(w, starts[-1])), None):
        starts.append(starts[-1] + len(word))
    return starts


def _name_starts(question: str, low: int, end: int) -> set[int]:
    """Where a name in question[low:end] may start once the question words before it are skipped."""
    return {low + at for at in _after_lead_words(question[low:end]) if low + at < end}


def _is_question_words(text: str) -> bool:
    return _after_lead_words(text)[-1] == len(text)


def _places(text: str, at: int, index: _Index) -> tuple[tuple[str, ...], int]:
    """The places from `at` on (known places and their stems first) and where they end."""
    chain: list[str] = []
    while at < len(text):
        known = next((k for k in index.place_keys.get(text[at], ()) if text.startswith(k, at) and len(text) > at + len(k)), None)
        end = at + len(known) if known else place_end(text, at)
        if end is None or (not known and _is_question_words(text[at : end - len(_suffix(text[at:end]))])):
            break  # question words and a level are no place (请问区委 is 请问 and 区委)
        place = index.places.get(text[at:end], text[at:end])
        if place in chain:
            break  # 示例 of 示例县示例局 is the body's own name, not its place again
        chain.append(place)
        at = end
    return tuple(chain), at


def _attached_places(
    question: str, low: int, ends: dict[int, tuple[str, ...]], index: _Index
) -> tuple[int, tuple[str, ...]] | None:
    """(start, places) when the text before `low` is places and 的 (南山区的沙河街道)."""
    if low == 0 or question[low - 1] != ATTACH:
        return None
    before = _name_start(question, low - 1, ends)
    text = question[before:low]
    for at in _after_lead_words(text):
        chain, end = _places(text, at, index)
        if chain and end == len(text) - 1:
            return before + at, chain
    return None


def _best_mention(readings: list[_Reading], tokens: tuple[str, ...], end: int, index: _Index) -> _Mention | None:
    """The reading that fits indexed departments with the longest name, then the fewest skipped characters."""
    best: tuple[tuple[int, int], _Mention] | None = None
    for reading in readings:
        fits = _fits(reading, tokens, index)
        if not fits:
            continue
        least = min(fits.values())
        key = (end - reading.start, -least)
        if best is None or key > best[0]:
            tied = tuple(sorted(d for d, skipped in fits.items() if skipped == least))
            best = (key, _Mention(reading.start, end, tied, bool(reading.chain or reading.level)))
    return best[1] if best else None


def _fits(reading: _Reading, tokens: tuple[str, ...], index: _Index) -> dict[int, int]:
    """Department → characters of its stem the reading's body skips, for each department it may name."""
    core = core_name(reading.body)
    fits: dict[int, int] = {}
    for token in tokens:
        prefix = core[: -len(token)]
        if not core.endswith(token) or (prefix and not is_han(prefix)):
            continue
        only_short = token not in vocabulary().organs  # 联 of 联合会: 侨联 keeps one character of 归国华侨
        for number in _candidates(index, token, prefix):
            department = index.departments[number]
            short = token in department.short_forms
            placeless = token in department.placed and not prefix and not (reading.chain or reading.level)
            if placeless or not _agrees(department, reading):
                continue
            for stem in department.endings[token]:
                if _abbreviates(prefix, stem[: department.distinct], stem, bool(reading.level) or only_short, short):
                    fits[number] = min(fits.get(number, len(stem)), len(stem) - len(prefix))
    return fits


def _candidates(index: _Index, token: str, prefix: str) -> frozenset[int]:
    found = index.by_token.get(token, frozenset())
    for char in set(prefix):
        found = found & index.by_char.get(char, frozenset())
        if not found:
            break
    return found


def _agrees(department: _Department, reading: _Reading) -> bool:
    """The places the question names are the department's, the last one its own (深圳市财政局 is not
    深圳市南山区财政局); a bare level is its own level; naming no place agrees with any."""
    if reading.chain:
        places = department.places
        return bool(places) and reading.chain[-1] == places[-1] and set(reading.chain) <= set(places)
    return not reading.level or reading.level == department.level


def _abbreviates(prefix: str, distinct: str, stem: str, has_level: bool, short: bool) -> bool:
    """Whether `prefix` keeps characters of `stem` in order, starting in its distinct part (街道 does not
    stand for 沙河街道): at least two of them, or one with a level or a word that is only a short form (侨 of
    归国华侨 in 侨联), or the first before a short form of the body's organ word (职 of 职业技术 in 职院) or of a stem
    of one or two characters: 发改 of 发展和改革, 府 and 区 of 区人民政府, 交 of 交通."""
    if not stem or not prefix:
        return not stem and not prefix
    chars = iter(stem)
    in_order = all(c in chars for c in prefix) and (not distinct or prefix[0] in distinct)
    first = prefix == stem[0]
    return in_order and (len(prefix) + has_level >= 2 or first and (short or len(stem) <= 2))


def _unknown_body(readings: list[_Reading], tokens: tuple[str, ...], end: int, name_starts: set[int]) -> _Mention | None:
    """A body the question names that fits no indexed department, read from after the question words
    (请问) with the places or level before it: two to twelve characters before an organ word, one after
    a place or level (南山区经委), or an organ word itself after a place (深圳市政府, 某市委; not 区政府).
    Weak organ words (中心) name a body only after a place (南山区法律援助中心)."""
    vocab = vocabulary()
    at_name = [r for r in readings if r.start in name_starts] or readings
    reading = max(at_name, key=lambda r: (bool(r.chain or r.level), r.start))
    core = core_name(reading.body)
    token = next((t for t in tokens if core.endswith(t)), "")
    stem = len(core) - len(token)
    if not token or not is_han(core) or (token in vocab.weak_organs and not reading.chain):
        return None
    named = MAX_UNKNOWN_STEM >= stem >= (1 if reading.chain or reading.level else 2)
    numbered = ordinal_end(token, 0) == len(token)  # 一中 after a place or level (桐溪一中, 市一院)
    organ_only = stem == 0 and (bool(reading.chain) and token in vocab.organs
                                or bool(reading.chain or reading.level) and numbered)
    return _Mention(reading.start, end, (), bool(reading.chain)) if named or organ_only else None


def _overlap(a: _Mention, b: _Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _disjoint(mentions: list[_Mention]) -> list[_Mention]:
    """The longest mentions that do not overlap, in question order."""
    kept: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if not any(_overlap(mention, k) for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _settle(mentions: list[_Mention], question: str, index: _Index) -> list[_Mention]:
    """A name that fits several departments and names no place keeps those in the places the question
    names elsewhere or shares with the other departments it names (商务委和财政局: the district's)."""
    context = {place for key, place in index.places.items() if key in question}
    for mention in mentions:
        if len(mention.departments) == 1:
            context.update(index.departments[mention.departments[0]].places)
    return [
        m if m.named_place or len(m.departments) < 2 else replace(m, departments=_closest(m.departments, context, index))
        for m in mentions
    ]


def _closest(departments: tuple[int, ...], context: set[str], index: _Index) -> tuple[int, ...]:
    shared = {d: len(context & set(index.departments[d].places)) for d in departments}
    most = max(shared.values())
    return tuple(d for d in departments if shared[d] == most)
