"""The vocabulary of body names: the data files themselves, and how names split into places and body."""

from __future__ import annotations

import pytest

from ingest.vocabulary import (
    core_name,
    is_body_name,
    organ_suffixes,
    place_end,
    said_place_forms,
    split_place,
    split_places,
    spoken_forms,
    vocabulary,
    without_party_marker,
)

# ---------------------------------------------------------------- the data files


def test_vocabulary_has_every_section() -> None:
    vocab = vocabulary()
    assert vocab.organs and vocab.weak_organs and vocab.not_organs and vocab.not_names
    assert vocab.suffixes and vocab.short_places and vocab.not_places and vocab.generic and vocab.party_markers
    assert vocab.item_words and vocab.after_a_name and vocab.long_forms


def test_what_follows_a_name_is_one_character_each() -> None:
    assert all(len(char) == 1 for char in vocabulary().after_a_name)


def test_no_item_word_is_an_organ_word() -> None:
    vocab = vocabulary()
    assert not set(vocab.item_words) & set(vocab.organ_tokens)


@pytest.mark.parametrize(
    ("organ", "short"),
    [("委员会", "委"), ("办公室", "办"), ("办事处", "办"), ("街道办事处", "街道"), ("人民政府", "政府"), ("人民政府", "府"),
     ("学院", "院")],
)
def test_organ_short_forms(organ: str, short: str) -> None:
    assert short in vocabulary().organs[organ]


def test_organ_words_include_the_listed_kinds_of_body() -> None:
    for word in ("委员会", "局", "办公室", "办事处", "街道办事处", "委", "办", "部", "院", "中心", "厅", "所", "站", "队", "馆",
                 "政府", "常委会", "人大常委会办公厅"):
        assert word in vocabulary().organs, word


def test_place_suffixes_and_generic_parts() -> None:
    vocab = vocabulary()
    assert {"省", "自治区", "市", "州", "盟", "区", "县", "旗", "镇", "乡", "街道"} <= set(vocab.suffixes)
    assert {"中国共产党", "中共", "人民政府", "本级", "（本级）", "区级", "市级"} <= set(vocab.generic)


def test_word_lists_are_longest_first() -> None:
    vocab = vocabulary()
    for words in (tuple(vocab.organs), vocab.organ_tokens, vocab.suffixes, vocab.generic, vocab.not_places):
        assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)


def test_every_short_place_ends_with_a_suffix() -> None:
    vocab = vocabulary()
    assert all(any(p.endswith(s) for s in vocab.suffixes) for p in vocab.short_places)


def test_every_not_organ_word_holds_an_organ_word_or_opens_inside_one() -> None:
    """局长 holds 局; 校舍 opens inside 学校 (小学|校舍): each blocks an organ word it overlaps."""
    vocab = vocabulary()
    shorts = (*vocab.organ_tokens, *vocab.ordinal_short_forms.values())
    assert all(any(t in w or t[1:] and w.startswith(t[1:]) for t in shorts) for w in vocab.not_organs)


def test_every_weak_organ_is_an_organ_word() -> None:
    assert vocabulary().weak_organs <= set(vocabulary().organs)


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("name", "place", "body"),
    [
        ("深圳市南山区财政局", "深圳市南山区", "财政局"),
        ("上海市普陀区人民政府万里街道办事处", "上海市普陀区", "人民政府万里街道办事处"),
        ("江苏省人大常委会办公厅", "江苏省", "人大常委会办公厅"),
        ("中共上海市普陀区委社会工作部", "上海市普陀区", "社会工作部"),
        ("中共廊坊市委政法委员会", "廊坊市", "政法委员会"),
        ("内蒙古自治区财政厅", "内蒙古自治区", "财政厅"),
        ("黔东南苗族侗族自治州财政局", "黔东南苗族侗族自治州", "财政局"),
        ("河北省廊坊市安次区教育局", "河北省廊坊市安次区", "教育局"),
        ("天津市和平区教育局", "天津市和平区", "教育局"),  # 和 may be part of a place
        ("呼和浩特市财政局", "呼和浩特市", "财政局"),
        ("某县文化和旅游局", "某县", "文化和旅游局"),
        ("某区住房和城乡建设管理委员会", "某区", "住房和城乡建设管理委员会"),
        ("景德镇市财政局", "景德镇市", "财政局"),
        ("上海市普陀区人民政府石泉路街道办事处（本级）", "上海市普陀区", "人民政府石泉路街道办事处（本级）"),
        ("万里街道社区卫生服务中心", "万里街道", "社区卫生服务中心"),
        ("上海市政府", "上海市", "政府"),
    ],
)
def test_split_place_strips_the_leading_places(name: str, place: str, body: str) -> None:
    assert split_place(name) == (place, body)


@pytest.mark.parametrize(
    "name",
    [
        "市场监督管理局",  # 市 with nothing before it
        "区府办",
        "县委办",
        "区人民政府办公室",
        "财政局",
        "万里街道",  # a place needs a body after it
        "万里街道办事处",  # 街道 is part of the organ word 街道办事处
        "石泉路街道办",
        "乡村振兴局",
        "中共中央宣传部",  # a generic head without a place after it
        "中国民主同盟上海市委员会",  # 同盟 is no place: only leading places are split off
    ],
)
def test_split_place_leaves_names_without_a_place(name: str) -> None:
    assert split_place(name) == ("", name)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("上海市绿化和市容管理局", "绿化和市容管理局"),  # 市容 is not 绿化和市
        ("北京市市场监督管理局", "市场监督管理局"),  # 市场 is not 北京市市
        ("上海市住房和城乡建设管理委员会", "住房和城乡建设管理委员会"),  # 城乡 is not 住房和城乡
        ("某市旅游景区管理中心", "旅游景区管理中心"),
        ("某市中心城区管理局", "中心城区管理局"),  # a place holds no organ word
        ("上海市普陀区人民政府办公室", "人民政府办公室"),  # nor a generic part
    ],
)
def test_split_place_keeps_words_that_only_look_like_places(name: str, body: str) -> None:
    assert split_place(name)[1] == body


def test_split_places_lists_each_place() -> None:
    assert split_places("上海市普陀区财政局") == (("上海市", "普陀区"), "财政局")
    assert split_places("财政局") == ((), "财政局")


@pytest.mark.parametrize(
    ("text", "at", "end"),
    [("普陀区财政局", 0, 3), ("请问普陀区财政局", 2, 5), ("某县文旅局", 0, 2), ("上海市政府", 0, 3), ("普陀区", 0, None),
     ("市监局", 0, None), ("2025年普陀区财政局", 0, None)],
)
def test_place_end(text: str, at: int, end: int | None) -> None:
    assert place_end(text, at) == end


@pytest.mark.parametrize(
    ("body", "stripped"),
    [("委社会工作部", "社会工作部"), ("委政法委员会", "政法委员会"), ("委员会", "委员会"), ("委", "委"), ("财政局", "财政局")],
)
def test_without_party_marker(body: str, stripped: str) -> None:
    assert without_party_marker(body) == stripped


# ---------------------------------------------------------------- bodies


@pytest.mark.parametrize(
    ("body", "core"),
    [
        ("人民政府万里街道办事处", "万里街道办事处"),
        ("人民政府石泉路街道办事处（本级）", "石泉路街道办事处"),
        ("人民政府办公室", "人民政府办公室"),  # without 人民政府 only the organ word would be left
        ("人民政府办公室（本级）", "人民政府办公室"),
        ("人民政府", "人民政府"),
        ("长征镇人民政府", "长征镇人民政府"),  # 人民政府 completes the organ word 镇人民政府
        ("财政局(本级)", "财政局"),
        ("社会工作部", "社会工作部"),
    ],
)
def test_core_name_drops_generic_parts(body: str, core: str) -> None:
    assert core_name(body) == core


def test_organ_suffixes_longest_first() -> None:
    assert organ_suffixes("人大常委会办公厅") == ("人大常委会办公厅", "办公厅", "厅")
    assert organ_suffixes("人民政府万里街道办事处") == ("街道办事处", "办事处")
    assert organ_suffixes("财政局概况") == ()


@pytest.mark.parametrize(
    "name",
    ["上海市普陀区财政局", "江苏省人大常委会办公厅", "中共廊坊市委政法委员会", "上海市普陀区人民政府石泉路街道办事处（本级）",
     "上海市政府", "社会福利院", "某县文化和旅游局", "重庆市交通委员会", "某市某区红十字会", "某区科学技术协会"],
)
def test_is_body_name(name: str) -> None:
    assert is_body_name(name)


@pytest.mark.parametrize(
    "name", ["江苏省人大", "第二部分", "上海市普陀区", "政府", "局", "部门预算说明", "财政局概况", "预算单位", "上海市财政局，", "2025年财政局"]
)
def test_is_not_body_name(name: str) -> None:
    assert not is_body_name(name)


@pytest.mark.parametrize(("name", "said"), [
    ("中国人民政治协商会议潼霂区委员会办公室", ("潼霂区政协办公室",)),
    ("蔺翀县人民代表大会常务委员会办公室", ("蔺翀县人大常委会", "蔺翀县人大常委会办公室")),
    ("中国共产党潼霂区委员会宣传部", ("中共潼霂区委宣传部",)),
    ("潼霂区财政局", ()),
])
def test_long_parts_of_names_are_said_short(name: str, said: tuple[str, ...]) -> None:
    assert spoken_forms(name) == said


@pytest.mark.parametrize(("place", "forms"), [
    ("岷溪彝族自治州", ("岷溪州", "岷溪")),
    ("岜山土家族苗族自治县", ("岜山县", "岜山")),
    ("某蒙古族自治旗", ()),  # one character left: no place of its own
    ("岷溪州", ()),
    ("南山区", ()),
])
def test_an_autonomous_place_is_said_without_its_peoples(place: str, forms: tuple[str, ...]) -> None:
    assert said_place_forms(place) == forms


def test_every_people_ends_with_族() -> None:
    assert vocabulary().peoples and all(p.endswith("族") and len(p) >= 2 for p in vocabulary().peoples)
