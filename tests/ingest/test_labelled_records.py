"""A table a plain-text copy prints as one record a line of labelled fields, or as a line of labels and a line of
figures, is read as a table: each figure under its field's name, each row under its item."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders.labelled_records import labelled_records
from ingest.pipeline import parse_file

ONE_LINE = ["【公开01表　收入支出决算总表】", "项目名称：本年收入合计　　年初预算：2,386.40　　决算：2,452.36",
            "项目名称：总计　　年初预算：2,386.40　　决算：2,452.36"]
TWO_LINES = ["科目编码：—　　科目名称：合计", "年初预算：2,386.40　　决算合计：2,452.36　　项目支出：797.88",
             "科目编码：2012906　　科目名称：工会事务", "年初预算：385.00　　决算合计：412.80　　项目支出：412.80"]
LABELS_ON_BOTH = ["序号：1　　项目名称：劳动和技能竞赛　　实施单位：某市总工会机关",
                  "功能科目：2012906 工会事务　　年初预算：120.00　　决算：128.40　　完成率：107.00%",
                  "序号：2　　项目名称：户外劳动者驿站建设及运营　　实施单位：某市职工服务中心",
                  "功能科目：2012999 其他群众团体事务支出　　年初预算：120.00　　决算：108.50　　完成率：90.42%"]


def test_records_of_labelled_fields_are_rows_under_the_fields_names():
    assert labelled_records(ONE_LINE) == ["【公开01表　收入支出决算总表】", "\t年初预算\t决算",
                                          "本年收入合计\t2,386.40\t2,452.36", "总计\t2,386.40\t2,452.36"]
    assert labelled_records(TWO_LINES) == ["\t\t年初预算\t决算合计\t项目支出", "\t合计\t2,386.40\t2,452.36\t797.88",
                                           "2012906\t工会事务\t385.00\t412.80\t412.80"]
    assert labelled_records(LABELS_ON_BOTH)[1:] == [
        "1\t劳动和技能竞赛\t某市总工会机关\t2012906 工会事务\t120.00\t128.40\t107.00%",
        "2\t户外劳动者驿站建设及运营\t某市职工服务中心\t2012999 其他群众团体事务支出\t120.00\t108.50\t90.42%"]


def test_prose_and_a_lone_record_are_left_as_they_are():
    lines = ["编制单位：某市总工会　　单位：万元", "项目名称：合计　　年初预算：771.00　　决算：797.88", "本年收入合计2901.68万元。"]
    assert labelled_records(lines) == lines


def test_a_copied_page_of_records_gives_table_figures(tmp_path: Path):
    text = "\n".join(["某市总工会2024年度部门决算", "【公开05表　一般公共预算财政拨款支出决算表】", "编制单位：某市总工会　　单位：万元",
                      *TWO_LINES, "", "一、概况", "本部门2024年度支出决算2,452.36万元。"])
    path = tmp_path / "moushi-federation-of-trade-unions_2024_dept-final-account.txt"
    path.write_text(text, encoding="utf-8")
    cells = {(f.subject, f.measure): str(f.value) for f in parse_file(path).facts if f.origin == "table"}
    assert cells[("工会事务", "决算合计")] == "412.80" and cells[("合计", "项目支出")] == "797.88"
