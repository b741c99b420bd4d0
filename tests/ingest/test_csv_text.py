"""Comma-separated disclosures: a `.csv` file, and a `.txt` that is a spreadsheet saved as CSV (lines padded with
commas to the sheet's width, amounts ≥ 1,000 quoted) are read as one sheet: prose lines, then tables of cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders.csv_text import csv_rows
from ingest.pipeline import parse_file

SHEET = "\r\n".join([
    "\ufeff溱洧市救助管理站2025年单位预算,,,,,",
    "一、单位概况,,,,,",
    "本单位核定事业编制24名，实有在职人员22人。,,,,,",
    "表3 支出预算表,,,,,",
    "单位名称：溱洧市救助管理站,,,,,单位：元",
    "科目编码,科目名称,合计,基本支出,项目支出,",
    ",合计,\"7,164,114.52\",\"3,739,114.52\",\"3,425,000.00\",",
    "2082002,流浪乞讨人员救助支出,\"5,678,603.80\",\"2,865,603.80\",\"2,813,000.00\",",
    "2210201,住房公积金,\"208,094.40\",\"208,094.40\",0.00,",
    "二、其他说明,,,,,",
    "2025年支出预算716.41万元，比上年增加60.61万元。,,,,,",
])


@pytest.mark.parametrize("suffix", [".csv", ".txt"])
def test_a_sheet_saved_as_csv_gives_its_prose_and_its_table_cells(tmp_path: Path, suffix: str):
    path = tmp_path / f"qinwei-city-relief-station_2025_unit-budget{suffix}"
    path.write_bytes(SHEET.encode("utf-8"))
    parsed = parse_file(path)
    cells = {(f.subject, f.measure): float(f.amount_wan) for f in parsed.facts if f.origin == "table"}
    assert cells[("流浪乞讨人员救助支出", "合计")] == pytest.approx(567.86038)
    assert cells[("住房公积金", "基本支出")] == pytest.approx(20.80944)
    said = {(f.subject, f.measure): str(f.value) for f in parsed.facts if f.origin == "text"}
    assert said[("支出预算", "金额")] == "716.41" and said[("实有在职人员", "金额")] == "22"
    assert "\"" not in parsed.text and "流浪乞讨人员救助支出\t5,678,603.80" in parsed.text


@pytest.mark.parametrize("text", [
    "某局2025年部门预算\n收入合计 1,234.00 万元，支出合计 1,234.00 万元。\n一、概况\n本局内设3个科室。",
    "项目\t预算数\t上年数\n公务接待费\t0.63\t0.73\n合计,\t1,0\t2,3\n",  # tabs: a tab-separated copy, not CSV
])
def test_text_that_is_not_comma_separated_is_not_read_as_csv(text: str):
    assert csv_rows(text) is None
