"""A duplicate is the same record in every template column, never a guess from a few (issue 11, item 5):
near-duplicates are imported, exact copies of stored records are skipped and listed, repeats inside one
file are listed by row number."""

from __future__ import annotations

import pytest

from xiaoneng_desktop.inspection.models import Problem
from xiaoneng_desktop.ledger import exporter, importer
from xiaoneng_desktop.ledger.layouts import LAYOUTS

from .samples import ROWS

#: kind → (a sample row, a column the old natural key ignored, another value for it)
NEAR = {
    "duty": (0, "来电单位", "县水利局"),  # same minute, caller and summary
    "incoming": (0, "办理结果", "已落实并书面报送"),  # same date, unit and 文号
    "outgoing": (1, "紧急程度", "加急"),  # same 拟稿日期 and title, no 发文字号
    "visitors": (0, "来访事由", "反映拆迁安置房分配问题"),  # same minute and ID number
    "rectification": (0, "发现日期", "2026-09-07"),  # same campaign and description
}
#: kind → a column and value that make the other sample row a new record
NEW = {
    "duty": ("内容摘要", "道路塌方，已封闭"),
    "incoming": ("标题", "关于另一件事的报告"),
    "outgoing": ("标题", "关于召开另一次会议的通知"),
    "visitors": ("来访事由", "咨询医保政策"),
    "rectification": ("问题描述", "会议纪要归档不及时"),
}


def _changed(kind: str, row: list, title: str, value) -> list:
    row = list(row)
    row[LAYOUTS[kind].titles.index(title)] = value
    return row


@pytest.mark.parametrize("kind", list(LAYOUTS))
def test_only_a_record_equal_in_every_column_is_a_duplicate(kind, ledger, tmp_path):
    assert importer.import_file(kind, ledger(kind, ROWS[kind], "first.xlsx")).imported == 2
    sample, title, value = NEAR[kind]
    near = _changed(kind, ROWS[kind][sample], title, value)
    other = 1 - sample
    repeated = _changed(kind, ROWS[kind][other], *NEW[kind])
    rows = [ROWS[kind][sample], near, repeated, repeated]  # rows 2, 3, 4, 5
    report = importer.import_file(kind, ledger(kind, rows, "second.xlsx"))
    assert report.ok, [e.line() for e in report.errors]
    assert (report.duplicates, report.duplicate_rows) == (1, [2])  # the exact copy of a stored record
    assert report.imported == 3  # the near-duplicate and both in-file repeats
    assert report.repeats == [(5, 4)]
    assert len(exporter.rows_of(kind)) == 5
    assert [(n.row, n.reason) for n in report.notes] == [
        (2, importer.DUPLICATE), (5, "与本文件第 4 行的每一列都相同，已导入，请核对是否重复录入")]
    summary = report.summary()
    assert "1 条与已有记录重复（每一列都相同），已跳过（第 2 行）" in summary
    assert "1 行与本文件中前面的行完全相同，仍已导入" in summary and "（第 5 行）" in summary
    # the export of all five (two of them alike) re-imports as five duplicates, one stored record to one row
    exported = tmp_path / "export.xlsx"
    exporter.export_kind(kind, exported)
    again = importer.import_file(kind, exported)
    assert (again.imported, again.duplicates, again.repeats) == (0, 5, [])


def test_26_problems_with_one_short_description_import_as_26(ledger):
    """Found on different days by different people, all “存在工作拖拉现象”: 26 problems, not 4."""
    people = ["吴一", "郑二", "王三", "冯四", "陈五", "褚六", "卫七"]
    rows = [["2026年作风整顿自查", "查工作纪律", "存在工作拖拉现象", f"2026-09-{1 + n % 4:02d}", "", "",
             people[n % len(people)], "立即整改", "", "", "", ""] for n in range(26)]
    report = importer.import_file("rectification", ledger("rectification", rows))
    assert report.ok and report.imported == 26 and report.duplicates == 0, report.summary()
    assert Problem.select().count() == 26
    assert report.repeats == []  # n % 4 and n % 7 never agree for two rows among 26 (lcm 28)
    assert "重复" not in report.summary()


def test_the_cli_lists_every_skipped_and_repeated_row(ledger, db_path, capsys):
    from xiaoneng_desktop import cli

    db = ["--db", str(db_path)]
    # both files written before the CLI opens the data source of its own (as another program would)
    first = ledger("duty", ROWS["duty"], "first.xlsx")
    second = ledger("duty", [ROWS["duty"][0], ROWS["duty"][1], ROWS["duty"][1], _changed("duty", ROWS["duty"][1],
                                                                                            "来电单位", "县交通局")],
                    "second.xlsx")
    assert cli.main([*db, "import", "duty", str(first)]) == 0
    capsys.readouterr()
    assert cli.main([*db, "import", "duty", str(second)]) == 0
    out = capsys.readouterr().out
    assert "已导入 2 条" in out and "2 条与已有记录重复（每一列都相同），已跳过（第 2、3 行）" in out
    assert f"来电登记\t2\t{importer.DUPLICATE}" in out and f"来电登记\t3\t{importer.DUPLICATE}" in out
    assert "来电登记\t4\t与本文件第 3 行的每一列都相同，已导入" in out
