"""Every ledger workbook prints: A4, fit to width, header repeated, 第 N 页 共 M 页, a title — and the
re-importable layout still begins with its header (the title goes into the page header)."""

from __future__ import annotations

import datetime as dt

import openpyxl

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import settings
from xiaoneng_desktop.ledger import exporter, importer, workbook

from .samples import ROWS


def _prints(sheet, title_rows: str) -> None:
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.fitToWidth or 1) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == title_rows
    assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"


def test_the_ledger_export_prints_with_a_title_and_still_imports(ledger, tmp_path):
    assert importer.import_file("duty", ledger("duty", ROWS["duty"])).ok
    exported = tmp_path / "值班记录.xlsx"
    assert exporter.export_kind("duty", exported, dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == 2
    book = openpyxl.load_workbook(exported)
    sheet = book["来电登记"]
    _prints(sheet, "$1:$1")
    assert sheet["A1"].value == "来电时间" and sheet.freeze_panes == "A2"  # the header first: it imports
    office = settings.get("office.name")
    assert sheet.oddHeader.center.text == f"{office}　2026年1月1日至2026年12月31日　来电登记"
    assert isinstance(sheet["A2"].value, dt.datetime) and sheet["A2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["G2"].alignment.wrap_text  # 内容摘要, a long text column
    _prints(book["填写说明"], "$1:$1")
    schema.open_database(tmp_path / "empty.sqlite3")
    again = importer.import_file("duty", exported)
    assert again.ok and again.imported == 2, [e.line() for e in again.errors]


def test_a_list_export_has_a_title_row_typed_cells_and_prints(database, tmp_path):
    target = tmp_path / "list.xlsx"
    rows = [[dt.datetime(2026, 10, 8, 14, 5), dt.date(2026, 10, 9), 3, "=1+1", "长" * 80]]
    assert workbook.write_table(target, "来电来报登记", ["来电时间", "办理时限", "人数", "内容", "内容摘要"], iter(rows),
                                widths=[17, 12, 6, 10, 60], period="2026年10月") == 1
    sheet = openpyxl.load_workbook(target).active
    _prints(sheet, "$1:$2")
    assert sheet["A1"].value == f"{settings.get('office.name')}　2026年10月　来电来报登记" and sheet["A1"].font.bold
    assert [c.value for c in sheet[2]] == ["来电时间", "办理时限", "人数", "内容", "内容摘要"]
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref == "A2:E3"
    time, day, count, text, long = sheet[3]
    assert time.value == dt.datetime(2026, 10, 8, 14, 5) and time.number_format == "yyyy-mm-dd hh:mm"
    assert day.value == dt.datetime(2026, 10, 9) and day.number_format == "yyyy-mm-dd"
    assert count.value == 3 and count.data_type == "n"
    assert text.value == "=1+1" and text.data_type == "s"  # typed text stays text
    assert long.alignment.wrap_text and not text.alignment.wrap_text


def test_the_error_report_prints(database, tmp_path):
    from xiaoneng_desktop.ledger.importer import RowError

    errors = [RowError("来电登记", 2, "来电时间", "昨天", "不是日期")]
    book = openpyxl.load_workbook(workbook.write_errors(tmp_path / "错误.xlsx", None, errors))
    _prints(book["错误清单"], "$1:$1")
    assert "导入错误清单" in book["错误清单"].oddHeader.center.text
