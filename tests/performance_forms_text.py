"""A generated disclosure with 绩效目标表 project forms, in the tab-led layout of the Langfang sample (one cell a
line, a blank line after each row, a lone tab an empty cell): two projects stacked in one 财政项目支出绩效目标填报表,
each named in a 项目名称 row, and a form of its own titled by its project."""

from __future__ import annotations


def _rows(*rows: list[str]) -> list[str]:
    lines: list[str] = []
    for row in rows:
        lines += [f"\t{cell}" for cell in row] + [""]
    return lines


def _stacked_project(name: str, nature: str, total: str, goal: str, yearly: str, *indicators: list[str]) -> list[str]:
    return _rows(
        ["项目名称", name, "项目性质", nature, "项目类别", "特定目标类"],
        ["主管部门", "示例区示例局", "实施单位", f"示例区示例局{name[:2]}科"],
        ["项目资金（元）", "项目资金总额", total, "年度资金申请总额", total],
        ["项目绩效目标", "项目总目标", "", "年度总体目标"],
        ["", goal, "", yearly],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        *indicators,
    )


FORMS = "\n".join([
    "示例区示例局",
    "",
    "2025年部门预算",
    "",
    "一、部门主要职能",
    "示例局负责全区示例工作的统筹规划和监督检查。",
    "",
    "财政项目支出绩效目标填报表",
    "",
    *_stacked_project(
        "社区示例驿站建设", "阶段性项目", "1,200,000.00",
        "为居民提供议事和阅读场所，开展便民咨询服务。", "完成驿站主体建设并投入使用。",
        ["产出指标", "数量指标", "召开居民议事会", "召开议事会三次以上"],
        ["", "", "12个社区全覆盖", "社区全覆盖"],
        ["", "", "规划建筑面积", "≥800.00(平方米)"],
        ["", "质量指标", "咨询投诉处理", "投诉处理满意率不低于95%"],
        ["", "时效指标", "设备故障修复时限", "≤3天"],
    ),
    *_stacked_project(
        "河道示例保洁", "经常性项目", "800,000.00",
        "负责全区河道的日常保洁，打捞水面漂浮物。", "全年河道水面无明显漂浮物。",
        ["产出指标", "数量指标", "河道巡查", "开展不低于200次的河道巡查"],
        ["", "质量指标", "保洁达标率", "=100.00(%)"],
    ),
    "",
    "示例便民热线运维经费绩效目标表",
    "单位：万元",
    "",
    *_rows(
        ["绩效目标", "保障便民热线全年不间断运行，及时受理群众来电。"],
        ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
        ["产出指标", "质量指标", "热线运行情况", "热线线路故障全年次数", "≤40 次"],
        ["", "", "热线运行情况", "热线线路重大故障全年次数", "≤4 次"],
        ["", "成本指标", "项目支出金额", "全年支出总金额在预算范围内", "≤30 万元"],
    ),
    "",
])

FORMS_FILE = "example-bureau-2025-dept-budget.txt"
