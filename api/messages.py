"""What the API says to people, in Chinese: ingestion failures, request validation, and bounded echoes of their input.

Ingestion (shared with the English `budgetqa` command) reports a file's problem as an `IngestError`
with an English reason; `ingest_reason` says the same in Chinese, and anything it does not know
becomes a generic Chinese line rather than English. Whatever a caller sent (a department, an id, a
file name) is echoed back only up to `ECHO_CHARS` characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

ECHO_CHARS = 40  # longest piece of a caller's input repeated in a message

FIELD_LABELS = {
    "question": "问题", "department": "部门", "year": "年份", "kind": "文件类型", "start": "起始位置", "end": "结束位置",
    "page": "页码", "page_size": "每页条数", "subject": "科目", "q": "关键词", "doc_id": "文件编号", "file": "文件",
}

_INVALID_CHAR = re.compile(r"[\ud800-\udfff\x00]")  # lone surrogates cannot be encoded; NUL is refused by PostgreSQL


def echo(value: object, limit: int = ECHO_CHARS) -> str:
    """The caller's input as it may appear in a message: printable and at most `limit` characters."""
    text = "".join(c if c.isprintable() and not _INVALID_CHAR.match(c) else "\ufffd" for c in str(value))
    return text if len(text) <= limit else text[:limit] + "…"


def has_invalid_chars(text: str | None) -> bool:
    """True for text no answer can be built from: a lone surrogate (\\ud800) or a NUL character."""
    return bool(text) and _INVALID_CHAR.search(text) is not None


# ---------------------------------------------------------------- ingestion failures

_Reason = Callable[[re.Match[str]], str]
_INGEST_REASONS: list[tuple[re.Pattern[str], _Reason]] = [
    (re.compile(r"not a file"), lambda m: "不是文件"),
    (re.compile(r"file is empty"), lambda m: "文件为空"),
    (re.compile(r"file is ([\d,]+) bytes, over the limit of ([\d,]+) bytes"),
     lambda m: f"文件大小 {m[1]} 字节，超过 {m[2]} 字节的上限"),
    (re.compile(r"department not found in the document"), lambda m: "文件中找不到部门名称，请用 department 参数指定部门"),
    (re.compile(r"file is binary, not text"), lambda m: "文件是二进制内容，不是文本"),
    (re.compile(r"text is neither UTF-8 nor GB18030"), lambda m: "文本编码既不是 UTF-8 也不是 GB18030"),
    (re.compile(r"unknown format '([^']*)'"), lambda m: f"不支持的文件格式“{echo(m[1], 20)}”"),
    (re.compile(r"cannot read (\w+) file"), lambda m: f"无法读取该 {m[1]} 文件（文件已损坏或格式不符）"),
    (re.compile(r"no text could be extracted"), lambda m: "提取不到文字（可能是扫描图片或空文档）"),
    (re.compile(r"invalid JSON"), lambda m: "JSON 格式无效"),
    (re.compile(r"page (\d+) appears twice"), lambda m: f"第 {m[1]} 页出现了两次"),
    (re.compile(r"expected a JSON list|item \d+ has no"), lambda m: "JSON 内容须为 [{\"page\": 页码, \"text\": 文字}, …] 列表"),
    (re.compile(r"sheet too large"), lambda m: "工作表过大"),
    (re.compile(r"not a PDF file"), lambda m: "不是 PDF 文件（缺少 %PDF 文件头）"),
    (re.compile(r"PDF is encrypted"), lambda m: "PDF 已加密（需要密码才能打开）"),
    (re.compile(r"PDF is damaged or truncated"), lambda m: "PDF 文件已损坏或不完整"),
    (re.compile(r"PDF has no pages"), lambda m: "PDF 没有页面"),
    (re.compile(r"PDF text cannot be decoded"), lambda m: "PDF 的字体无法解码为文字"),
    (re.compile(r"cannot open as (\w+): password-protected"),
     lambda m: f"无法作为 {m[1]} 打开：文件有密码保护，或是改了扩展名的旧版 .doc/.xls 文件"),
    (re.compile(r"cannot open as (\w+)"), lambda m: f"无法作为 {m[1]} 打开：文件已损坏或不是有效的文档"),
    (re.compile(r"(\w+) file too large"), lambda m: f"{m[1]} 文件解压后过大"),
    (re.compile(r"cannot read file"), lambda m: "无法读取文件"),
]


def ingest_reason(reason: str) -> str:
    """An ingestion failure's reason in Chinese (never the English text)."""
    for pattern, say in _INGEST_REASONS:
        if found := pattern.search(reason):
            return say(found)
    return "无法解析该文件"


def ingest_failure(file_name: str, reason: str) -> str:
    return f"文件“{echo(file_name)}”无法导入：{ingest_reason(reason)}"


# ---------------------------------------------------------------- request validation

def _bound(ctx: dict[str, Any], key: str) -> str:
    return echo(ctx.get(key, ""), 20)


_VALIDATION: dict[str, Callable[[dict[str, Any]], str]] = {
    "missing": lambda ctx: "不能缺少",
    "json_invalid": lambda ctx: "不是有效的 JSON",
    "json_type": lambda ctx: "须为 JSON",
    "model_attributes_type": lambda ctx: "须为 JSON 对象",
    "model_type": lambda ctx: "须为 JSON 对象",
    "dict_type": lambda ctx: "须为 JSON 对象",
    "string_type": lambda ctx: "须为文字",
    "string_unicode": lambda ctx: "须为有效的文字",
    "string_too_short": lambda ctx: f"至少 {_bound(ctx, 'min_length')} 个字",
    "string_too_long": lambda ctx: f"最多 {_bound(ctx, 'max_length')} 个字",
    "int_type": lambda ctx: "须为整数",
    "int_parsing": lambda ctx: "须为整数",
    "int_parsing_size": lambda ctx: "数值过大",
    "int_from_float": lambda ctx: "须为整数",
    "float_type": lambda ctx: "须为数字",
    "float_parsing": lambda ctx: "须为数字",
    "bool_type": lambda ctx: "须为 true 或 false",
    "bool_parsing": lambda ctx: "须为 true 或 false",
    "greater_than": lambda ctx: f"须大于 {_bound(ctx, 'gt')}",
    "greater_than_equal": lambda ctx: f"须不小于 {_bound(ctx, 'ge')}",
    "less_than": lambda ctx: f"须小于 {_bound(ctx, 'lt')}",
    "less_than_equal": lambda ctx: f"须不大于 {_bound(ctx, 'le')}",
    "enum": lambda ctx: f"须为以下之一：{_bound(ctx, 'expected')}",
    "literal_error": lambda ctx: f"须为以下之一：{_bound(ctx, 'expected')}",
    "list_type": lambda ctx: "须为列表",
    "extra_forbidden": lambda ctx: "不是可用的参数",
}


def _where(loc: Iterable[object]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    if not parts:
        return "请求体"
    name = echo(".".join(parts), 30)
    label = FIELD_LABELS.get(parts[-1])
    return f"{label}（{name}）" if label else f"参数 {name}"


def validation_problem(error: dict[str, Any]) -> str:
    """One pydantic validation error as a Chinese phrase: 年份（year）须为整数."""
    say = _VALIDATION.get(str(error.get("type", "")), lambda ctx: "取值无效")
    return _where(error.get("loc", ())) + say(error.get("ctx") or {})


HTTP_STATUS = {
    400: "请求无效", 401: "需要身份验证", 403: "无权访问", 404: "未找到请求的地址", 405: "不支持此请求方法",
    406: "无法提供所要求的格式", 408: "请求超时", 409: "与当前状态冲突", 411: "缺少 Content-Length 请求头",
    413: "请求内容过大", 414: "请求地址过长", 415: "不支持的内容类型", 422: "请求参数无效", 429: "请求过于频繁",
    500: "服务内部错误，请稍后再试", 503: "服务暂不可用，请稍后再试",
}


def http_status(status: int) -> str:
    return HTTP_STATUS.get(status, "请求失败")
