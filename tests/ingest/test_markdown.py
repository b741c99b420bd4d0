"""A disclosure written in Markdown (a `.md` file, or a `.txt` file in Markdown) reads as the plain text a page
shows: headings, bullets and emphasis lose their marks, pipe tables are tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ingest.loaders.markdown import is_markdown, plain_text
from ingest.pipeline import parse_file

MARKDOWN = """# 示例市示例区城市管理局2025年部门预算

[TOC]

## 第一部分 部门概况

### 一、主要职能

- （一）负责全区市容市貌和环境卫生管理；
- （二）负责城区市政设施的养护管理。

## 第二部分 预算表

### 表5 “三公”经费预算表

单位：万元

| 项目 | 2024年预算 | 2025年预算 | 增减 |
|:---|---:|---:|---:|
| **合计** | 9.00 | 8.00 | -1.00 |
| 公务接待费 | 1.00 | 0.80 | -0.20 |

公务接待费预算**0.8万元**，比上年减少0.2万元，下降20%。
"""


@pytest.mark.parametrize("name", ["budget.md", "budget.txt"])
def test_a_markdown_disclosure_reads_as_plain_text_with_its_tables(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = parse_file(path)
    assert doc.meta.department == "示例市示例区城市管理局"
    assert "#" not in doc.text and "**" not in doc.text and "[TOC]" not in doc.text and "---" not in doc.text
    assert "\n（一）负责全区市容市貌" in doc.text
    [table] = doc.tables
    assert table.title == "表5 “三公”经费预算表" and table.header == [["项目", "2024年预算", "2025年预算", "增减"]]
    figures = {(f.subject, f.measure): f.value for f in doc.facts if f.origin == "table"}
    assert figures["公务接待费", "2025年预算"] == Decimal("0.80") and figures["合计", "2024年预算"] == Decimal("9.00")


def test_what_is_markdown() -> None:
    assert is_markdown("| 项目 | 金额 |\n|---|---:|\n| 办公费 | 1 |")
    assert is_markdown("# 标题\n正文\n## 小节")
    assert not is_markdown("一、部门职责\n#1 号楼维修\n正文")
    assert plain_text("**合计** 与 *说明*") == "合计 与 说明"


HTML_TABLE_MARKDOWN = """# 示例市示例局2025年部门预算

## 表3 部门支出总表

单位：万元

<table>
  <tr><th colspan="2">功能分类科目</th><th rowspan="2">合计</th><th rowspan="2">基本支出</th><th rowspan="2">项目支出</th></tr>
  <tr><th>科目编码</th><th>科目名称</th></tr>
  <tr><td></td><td>合计</td><td>3,486.72</td><td>2,401.72</td><td>1,085.00</td></tr>
  <tr><td>2010801</td><td>行政运行</td><td>1,838.52</td><td>1,838.52</td><td></td></tr>
  <tr><td>2010804</td><td>审计业务</td><td>1,085.00</td><td></td><td>1,085.00</td></tr>
</table>

## 说明

本部门2025年支出预算3486.72万元。
"""


def test_a_table_written_as_an_html_block_in_markdown_is_a_table(tmp_path: Path) -> None:
    path = tmp_path / "budget.md"
    path.write_text(HTML_TABLE_MARKDOWN, encoding="utf-8")
    doc = parse_file(path)
    assert "<t" not in doc.text and "</" not in doc.text
    [table] = doc.tables
    assert table.title == "表3 部门支出总表"
    figures = {(f.subject, f.measure): f.value for f in doc.facts if f.origin == "table"}
    assert figures["审计业务", "项目支出"] == Decimal("1085.00")
    assert figures["行政运行", "基本支出"] == Decimal("1838.52")
    assert ("行政运行", "项目支出") not in figures


def test_a_numbered_caption_keeps_its_own_title_under_a_parent_title(tmp_path: Path) -> None:
    """"表11-1 某项目" right above a form is its title, though "表11 项目支出绩效目标表" stands a few lines higher."""
    path = tmp_path / "yaoxi-district-health-center_2025_unit-budget.md"
    path.write_text("# 垚浠区社区卫生服务中心2025年单位预算\n\n### 表11 项目支出绩效目标表\n\n单位：万元\n\n"
                    "本表列示2025年全部项目的绩效目标。\n\n部门：垚浠区社区卫生服务中心\n\n"
                    "#### 表11-1 国家基本公共卫生服务项目\n\n| 项目名称 | 国家基本公共卫生服务项目 |  |  |\n"
                    "|---|---|---|---|\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                    "| 产出指标 | 数量指标 | 老年人健康管理人数 | ≥9800人 |\n", encoding="utf-8")
    assert [t.title for t in parse_file(path).tables] == ["表11-1 国家基本公共卫生服务项目"]


def test_pandoc_escapes_bookmarks_and_links_read_as_the_words_they_show() -> None:
    """A Word file converted by pandoc: escaped list numbers ("7\\."), empty bookmark spans before headings and a
    table of contents of links read as the page shows them."""
    text = plain_text("[第四部分 名词解释](#_Toc190412050)\n\n"
                      "[]{#_Toc190412050 .anchor}第四部分 名词解释\n\n"
                      "7\\. 以案定补：指按件给予人民调解员补贴的制度\\*。\n"
                      "[人民调解]{.underline}经费40.00万元。")
    assert text.split("\n") == ["第四部分 名词解释", "", "第四部分 名词解释", "", "7. 以案定补：指按件给予人民调解员补贴的制度*。",
                                "人民调解经费40.00万元。"]
