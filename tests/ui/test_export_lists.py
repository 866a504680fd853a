"""Every list goes out to Excel as shown: the open items, the roster, the reception schedule."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.widgets.export import export_model


@pytest.fixture
def tab(qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班"))
    for minute in range(3):
        duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, minute), category="一般事项",
                                   summary=f"事项{minute}", officer_name="王值班"))
    widget = DutyTab()
    qtbot.addWidget(widget)
    return widget


def test_open_items_export_as_shown(qtbot, tab, tmp_path):
    target = tmp_path / "未办结.xlsx"
    done = []
    export_model(tab, tab.open_model, tab.open_table.accessibleName(), str(target), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "未办结来电" and rows[0][0].endswith("未办结来电") and rows[1][0] == "来电时间"
    assert len(rows) == 5
    assert done == [f"已导出 3 条到 {target}"]


def test_roster_exports_the_month_as_shown(tab, tmp_path):
    tab.roster.month.setDate(tab.roster.month.date().fromString("2026-10-01", "yyyy-MM-dd"))
    assert tab.roster.export_excel(str(tmp_path / "值班表")) == 62
    sheet = openpyxl.load_workbook(tmp_path / "值班表.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "2026年10月值班表" and rows[1][:3] == ("日期", "星期", "班次")
    assert rows[18][:3] == ("10-09", "五", "白班") and rows[18][4] == "王值班"


def _export(qtbot, view, target, ledger=None):
    view.export_excel(str(target), ledger=ledger)
    qtbot.waitUntil(lambda: view.export_task is None, timeout=20_000)
    return openpyxl.load_workbook(target)


def test_the_register_list_exports_typed_cells_with_a_title_and_page_setup(qtbot, tab, tmp_path):
    from xiaoneng_desktop.core import settings

    sheet = _export(qtbot, tab.view, tmp_path / "list.xlsx").active
    assert sheet["A1"].value == f"{settings.get('office.name')}　来电来报登记"
    assert [c.value for c in sheet[2]][:3] == ["来电时间", "方式", "事项类别"]
    times = sorted(row[0].value for row in sheet.iter_rows(min_row=3))
    assert times == [dt.datetime(2026, 10, 9, 8, minute) for minute in range(3)]
    received, deadline = sheet["A3"], sheet["H3"]
    assert received.number_format == "yyyy-mm-dd hh:mm" and isinstance(deadline.value, dt.datetime)
    assert sheet["F3"].value.startswith("事项") and sheet["F3"].alignment.wrap_text  # 内容摘要: full text, wrapped
    assert sheet["J3"].value is None  # not closed: an empty cell, not ""
    assert sheet.print_title_rows == "$1:$2" and sheet.freeze_panes == "A3"
    assert int(sheet.page_setup.paperSize) == 9 and int(sheet.page_setup.fitToWidth or 1) == 1  # 1 is the file format's default
    assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"


def test_export_offers_the_reimportable_ledger_for_the_lists_dates(qtbot, tab, tmp_path, monkeypatch):
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.ledger import importer
    from xiaoneng_desktop.ui.widgets import export
    from xiaoneng_desktop.ui.widgets.filter_bar import Filters

    duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 8, 9, 0), category="一般事项",
                               summary="范围外", officer_name="王值班"))
    day = dt.date(2026, 10, 9)
    tab.view.filter_bar.set_filters(Filters(date_from=day, date_to=day))
    asked = []
    monkeypatch.setattr(export, "ask_export_choice", lambda parent, options, period: asked.append(
        (options, period)) or 1)
    target = tmp_path / "台账.xlsx"
    monkeypatch.setattr(export, "ask_target", lambda *args, **kwargs: str(target))
    tab.view.export_excel()
    qtbot.waitUntil(lambda: tab.view.export_task is None, timeout=20_000)
    options, period = asked[0]
    assert [text for text, _tip in options] == [export.LIST_CHOICE, "导出台账（可再导入）：值班记录（来电登记）"]
    assert period == "2026年10月9日"
    sheet = openpyxl.load_workbook(target)["来电登记"]
    assert sheet["A1"].value == "来电时间"  # the template's layout, header first
    assert sorted(r[6] for r in sheet.iter_rows(min_row=2, values_only=True)) == ["事项0", "事项1", "事项2"]
    assert "2026年10月9日" in sheet.oddHeader.center.text and sheet.print_title_rows == "$1:$1"
    schema.open_database(tmp_path / "empty.sqlite3")
    report = importer.import_file("duty", target)
    assert report.ok and report.imported == 3, [e.line() for e in report.errors]


def test_the_export_choice_is_made_with_the_keyboard(qtbot):
    from PySide6.QtCore import Qt

    from xiaoneng_desktop.ui.widgets import export

    dialog = export.ExportChoice(None, [(export.LIST_CHOICE, ""), export.ledger_choice("duty")], "2026年10月")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.buttons[1].text() == "导出台账（可再导入）：值班记录（来电登记）"
    assert dialog.chosen() == 0  # the list as shown, unless another is chosen
    qtbot.keyClick(dialog.buttons[1], Qt.Key.Key_Space)
    qtbot.keyClick(dialog.buttons[1], Qt.Key.Key_Return)
    assert dialog.result() == export.QDialog.DialogCode.Accepted and dialog.chosen() == 1
