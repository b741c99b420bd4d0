"""Why an item changed, where the document states the change and gives no reason for it: the answer quotes the
change and says no reason is given, never a sentence about something else; a stated reason is still quoted."""

from __future__ import annotations

import pytest

from assistant.chain import Assistant
from tests.assistant.conftest import written_assistant

DISCLOSURE = """示例市示例区示例局

2025年部门预算

一、部门职责
示例局负责全区示例管理工作，组织开展示例宣传活动。

二、“三公”经费预算情况
公务用车运行维护费2.40万元，比上年增加0.40万元，主要原因是车辆老化维修费用增加。
2025年公务接待费0.60万元，比上年减少0.20万元。

三、其他说明
示例局2025年政府采购预算12.00万元，全部为服务类采购。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Assistant:
    return written_assistant(tmp_path_factory.mktemp("unexplained"), embeddings,
                             {"example-bureau-2025-dept-budget.txt": DISCLOSURE})


@pytest.mark.parametrize("question", ["示例局2025年招待费为什么减少了", "示例局招待费为啥比上年少"])
def test_a_change_stated_without_its_reason_says_so(assistant, question):
    answer = assistant.ask(question)
    assert answer.kind == "text" and "0.2" in answer.text and "未说明" in answer.text, answer.text
    assert "政府采购" not in answer.text and "职责" not in answer.text
    assert any("比上年减少0.20万元" in c.quote for c in answer.citations)


def test_a_stated_reason_is_quoted(assistant):
    answer = assistant.ask("示例局2025年公车运行费为什么增加")
    assert "车辆老化维修费用增加" in answer.text and "未说明" not in answer.text, answer.text
