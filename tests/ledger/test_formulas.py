"""Text that looks like a formula goes out as text (issue 11, item 6): no ``<f>`` element in any .xlsx
the program writes, and its own export imports again with the same values."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import openpyxl
import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import xlsx as cells_out
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.ledger import exporter, importer, workbook
from xiaoneng_desktop.ledger.importer import RowError
from xiaoneng_desktop.reports import monthly
from xiaoneng_desktop.reports import xlsx as report_xlsx

LIVE = ['=1+2', '=HYPERLINK("http://x","y")', "@SUM(A1:A2)", "+1", "-1", "=cmd|' /C calc'!A0", "#N/A"]


def formulas(path) -> list[str]:
    """Every formula element in every sheet of ``path``, and any cell that is not a value or text."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                found += [f"{name}: {m}" for m in re.findall(r"<f[ >][^<]*", xml)]
                found += [f"{name}: {m}" for m in re.findall(r'<c [^>]*t="e"', xml)]
    return found


def text_ledger(path, rows):
    """A filled duty template whose cells are typed text (as Excel keeps a cell formatted as text)."""
    exporter.write_template("duty", path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cells_out.put(sheet, number, column, value)
    book.save(path)
    assert not formulas(path)
    return path


def test_formula_like_text_round_trips_through_export_and_import(database, clock, tmp_path):
    rows = []
    for n, text in enumerate(LIVE):
        # 来电单位, 内容摘要, 领导批示 and 办理情况 are free text
        rows.append([f"2026-10-0{1 + n} 09:00", "电话", text, f"来电人{n}", "", "一般事项", text, "", text,
                     f"2026-10-0{1 + n} 09:05", text, "王五"])
    report = importer.import_file("duty", text_ledger(tmp_path / "in.xlsx", rows))
    assert report.ok and report.imported == len(LIVE), [e.line() for e in report.errors]
    stored = exporter.rows_of("duty")
    assert [r[6] for r in stored] == LIVE  # stored as typed
    exported = tmp_path / "out.xlsx"
    exporter.export_kind("duty", exported)
    assert formulas(exported) == []
    sheet = openpyxl.load_workbook(exported)["来电登记"]
    assert [sheet.cell(row=r, column=7).value for r in range(2, 2 + len(LIVE))] == LIVE
    schema.open_database(tmp_path / "empty.sqlite3")
    again = importer.import_file("duty", exported)
    assert again.ok and again.imported == len(LIVE), [e.line() for e in again.errors]
    assert exporter.rows_of("duty") == stored


def test_lists_error_reports_and_templates_write_text(database, clock, tmp_path):
    table = tmp_path / "list.xlsx"
    assert workbook.write_table(table, "列表", ["=标题", "内容"], iter([[t, t] for t in LIVE])) == len(LIVE)
    assert formulas(table) == []
    assert [r[1] for r in openpyxl.load_workbook(table).active.iter_rows(min_row=3, values_only=True)] == LIVE
    data = workbook.SheetData(tmp_path / "x.xlsx", "来电登记", ["来电时间"], ["=SUM(1)"], [(t,) for t in LIVE])
    errors = [RowError("来电登记", 2, "来电时间", LIVE[1], "不是日期")]
    assert formulas(workbook.write_errors(tmp_path / "errors.xlsx", data, errors)) == []
    for kind in ("duty", "visitors"):
        assert formulas(exporter.write_template(kind, tmp_path / f"{kind}.xlsx")) == []


def test_characters_xml_cannot_hold_are_dropped_not_written():
    assert cells_out.clean("甲\x00乙\x07丙\x1f丁\t\n") == "甲乙丙丁\t\n"
    book = openpyxl.Workbook()
    cell = cells_out.put(book.active, 1, 1, "=A\x0bB")
    assert (cell.value, cell.data_type) == ("=AB", "s")
    assert cells_out.put(book.active, 1, 2, 3).data_type == "n"


def test_a_written_file_with_control_characters_opens(tmp_path):
    path = tmp_path / "ctl.xlsx"
    workbook.write_table(path, "列表", ["a"], iter([["第一行\x01\x02结束"], ["\x1b=1+1"]]))
    assert [r[0] for r in openpyxl.load_workbook(path).active.iter_rows(min_row=3, values_only=True)] == [
        "第一行结束", "=1+1"]


@pytest.fixture
def formula_month(database, clock):
    clock.set(dt.datetime(2026, 11, 15, 12, 0))
    for n, text in enumerate(LIVE):
        call = duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 1 + n, 9, 0), category="一般事项",
                                          summary=text, officer_name="王值班", assignee_name=text))
        if n % 2:
            duty.close_call(call.id, text, closed_at=dt.datetime(2026, 10, 1 + n, 9, 30), late_reason="补记")


def test_the_monthly_report_writes_text_never_a_formula(formula_month, tmp_path):
    path = report_xlsx.write(monthly.build(2026, 10), tmp_path / "月报.xlsx")
    assert formulas(path) == []
    book = openpyxl.load_workbook(path)
    texts = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert {"=1+2", '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0"} <= texts
