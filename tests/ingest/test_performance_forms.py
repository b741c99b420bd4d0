"""绩效目标表 project forms: indicator targets written in words become bounded figures of their project, and each
form's header fields (项目性质, 主管部门, 项目总目标 …) are kept with the span of their value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ingest.bounds import bound_words
from ingest.facts import facts_from_line
from ingest.form_fields import field_labels
from ingest.model import FactKind, Line, ParsedDocument, TableKind
from ingest.numbers import chinese_number, printed_numbers
from ingest.pipeline import parse_file
from tests.performance_forms_text import FORMS, FORMS_FILE


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path: Path = tmp_path_factory.mktemp("forms") / FORMS_FILE
    path.write_text(FORMS, encoding="utf-8")
    return parse_file(path)


def _indicators(doc: ParsedDocument) -> dict[tuple[str, str], tuple]:
    """(project, what the context says it measures) → (measure, value, unit, qualifier, kind) of each indicator."""
    return {(f.subject, f.context.partition("：")[2]): (f.measure, f.value, f.unit, f.qualifier, f.kind)
            for f in doc.facts if f.table_kind is TableKind.PERFORMANCE and f.measure.endswith("指标")}


@pytest.mark.parametrize("project, what, expected", [
    ("社区示例驿站建设", "召开居民议事会；召开议事会", ("数量指标", Decimal(3), "次", "≥", FactKind.LIMIT)),  # 三次以上
    ("社区示例驿站建设", "咨询投诉处理；投诉处理满意率", ("质量指标", Decimal(95), "%", "≥", FactKind.RATE)),  # 不低于95%
    ("河道示例保洁", "河道巡查；开展河道巡查", ("数量指标", Decimal(200), "次", "≥", FactKind.LIMIT)),  # 不低于200次的…
    ("社区示例驿站建设", "12个社区全覆盖；社区全覆盖", ("数量指标", Decimal(12), "个", None, FactKind.COUNT)),  # in the name
    ("社区示例驿站建设", "设备故障修复时限", ("时效指标", Decimal(3), "天", "≤", FactKind.LIMIT)),
    ("示例便民热线运维经费", "热线运行情况；热线线路故障全年次数", ("质量指标", Decimal(40), "次", "≤", FactKind.LIMIT)),
])
def test_a_target_written_in_words_is_its_projects_bounded_figure(forms, project, what, expected) -> None:
    assert _indicators(forms)[(project, what)] == expected


def test_every_indicator_cites_text_that_prints_its_figure_and_names_its_project(forms) -> None:
    indicators = [f for f in forms.facts if f.table_kind is TableKind.PERFORMANCE and f.measure.endswith("指标")]
    assert len(indicators) == 10
    for fact in indicators:
        assert fact.value in printed_numbers(forms.text[fact.start : fact.end]), fact
        assert fact.subject in fact.context or fact.context.startswith(fact.subject)


def test_a_value_with_no_figure_and_a_name_with_none_state_nothing(tmp_path: Path) -> None:
    text = FORMS.replace("\t12个社区全覆盖\n", "\t社区全覆盖情况\n")
    path = tmp_path / FORMS_FILE
    path.write_text(text, encoding="utf-8")
    assert not any("社区全覆盖" in what for _, what in _indicators(parse_file(path)))


@pytest.mark.parametrize("project, field, value", [
    ("社区示例驿站建设", "项目性质", "阶段性项目"),
    ("河道示例保洁", "项目性质", "经常性项目"),
    ("社区示例驿站建设", "实施单位", "示例区示例局社区科"),
    ("河道示例保洁", "主管部门", "示例区示例局"),
    ("社区示例驿站建设", "项目总目标", "为居民提供议事和阅读场所，开展便民咨询服务。"),  # under its label, in the next row
    ("河道示例保洁", "年度目标", "全年河道水面无明显漂浮物。"),
    ("示例便民热线运维经费", "项目总目标", "保障便民热线全年不间断运行，及时受理群众来电。"),  # a form named by its title
])
def test_a_forms_header_fields_are_kept_with_their_values_span(forms, project, field, value) -> None:
    [found] = [f for f in forms.form_fields if (f.project, f.name) == (project, field)]
    assert forms.text[found.start : found.end] == value


def test_a_form_states_only_the_fields_it_prints(forms) -> None:
    titled = {f.name for f in forms.form_fields if f.project == "示例便民热线运维经费"}
    assert titled == {"项目总目标"}
    assert all(forms.text[f.start : f.end] not in field_labels() for f in forms.form_fields)  # a label is no value


@pytest.mark.parametrize("text, value", [("三", 3), ("十", 10), ("十五", 15), ("二十三", 23), ("一百零五", 105), ("两", 2),
                                         ("三五", None), ("百", None), ("", None)])
def test_chinese_numerals_read_as_whole_numbers(text, value) -> None:
    assert chinese_number(text) == value


def test_a_count_in_words_is_printed_before_a_count_unit_only() -> None:
    assert printed_numbers("召开领导小组会议三次以上，督导检查2次") == [Decimal(3), Decimal(2)]
    assert printed_numbers("三公经费第一次") == []


@pytest.mark.parametrize("sentence, expected", [
    ("召开领导小组会议三次以上", [("召开领导小组会议", Decimal(3), "≥")]),
    ("党员群众满意度不少于80%", [("党员群众满意度", Decimal(80), "≥")]),
    ("开展至少1次团体心理治疗", [("开展团体心理治疗", Decimal(1), "≥")]),
    ("单次接待不超过20人", [("单次接待", Decimal(20), "≤")]),
    ("一次性补助三个科室", []),  # a count in words without a bound is no figure
    ("召开会议三五次以上", []),  # nor one that reads as no number
])
def test_bound_words_before_or_after_a_figure_make_it_a_bound(sentence, expected) -> None:
    found = facts_from_line(Line(sentence, 0, len(sentence)))
    assert [(f.subject, f.value, f.qualifier) for f in found] == expected


def test_the_vocabularies_are_consistent() -> None:
    words = bound_words()
    assert words.before and words.after and not set(words.before) & set(words.after)
    assert set(words.before.values()) | set(words.after.values()) <= {"≥", "≤"}
    labels = field_labels()
    assert {"项目性质", "主管部门", "实施单位", "项目总目标", "年度目标"} <= set(labels.values())
