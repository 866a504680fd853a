"""Every register tab prints its single-record form (button and right-click menu) through Qt's preview,
saves the same PDF, and opens a record asked for by id (the dashboard's double-click) even when the
list's filters hide it."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QMenu, QMessageBox

from tests.helpers import type_text
from tests.reports import samples


@dataclass
class Case:
    name: str
    make_tab: Callable
    make_record: Callable  # (clock) -> id
    form_title: str  # in the preview's window title
    dialog: str  # class name of the record's main dialog
    menu_print: str


def _duty_tab():
    from xiaoneng_desktop.ui.duty.tab import DutyTab

    return DutyTab()


def _documents_tab():
    from xiaoneng_desktop.ui.documents.tab import DocumentsTab

    return DocumentsTab()


def _visitors_tab():
    from xiaoneng_desktop.ui.visitors.tab import VisitorsTab

    return VisitorsTab()


def _inspection_tab():
    from xiaoneng_desktop.ui.inspection.tab import LEDGER, InspectionTab

    tab = InspectionTab()
    tab.pages.setCurrentIndex(LEDGER)
    return tab


def _call(clock) -> int:
    import datetime as dt

    from xiaoneng_desktop.duty import service
    from xiaoneng_desktop.duty.service import CallInput

    return service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 50), category="一般事项",
                                         summary="县委办通知明天上午开会", officer_name="王值班")).id


CASES = [
    Case("duty", _duty_tab, _call, "电话记录单", "CallDialog", "打印电话记录单…"),
    Case("documents", _documents_tab, lambda clock: samples.document(clock).id, "文件处理单 收〔2026〕1号",
         "StepDialog", "打印文件处理单…"),
    Case("visitors", _visitors_tab, lambda clock: samples.visit(clock).id, "来访登记表 刘建国", "HandlingDialog",
         "打印来访登记表…"),
    Case("inspection", _inspection_tab, lambda clock: samples.problem(clock, verified=False).id, "整改通知/销号单",
         "ProblemDialog", "打印整改通知/销号单…"),
]


@pytest.fixture(params=CASES, ids=[c.name for c in CASES])
def case(request, qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    spec: Case = request.param
    record_id = spec.make_record(clock)
    tab = spec.make_tab()
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    tab.refresh()
    return spec, tab, record_id


def click_row(qtbot, tab, record_id) -> None:
    table = tab.view.table
    row = tab.model.row_of_id(record_id)
    assert row is not None
    rect = table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.view.current_id() == record_id


def preview_of(qtbot, tab) -> QPrintPreviewDialog:
    dialogs = [d for d in tab.findChildren(QPrintPreviewDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.addWidget(dialogs[0])
    return dialogs[0]


def open_dialogs(tab, name: str) -> list:
    from PySide6.QtWidgets import QDialog

    return [d for d in tab.findChildren(QDialog) if type(d).__name__ == name and d.isVisible()]


def test_print_button_opens_the_preview_of_the_form(qtbot, case):
    spec, tab, record_id = case
    click_row(qtbot, tab, record_id)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    # Nothing in Python holds the preview now but the tab: collect, then let it paint its pages (the
    # printer it paints on was once a local, freed here: a segfault).
    gc.collect()
    dialog = preview_of(qtbot, tab)
    dialog.grab()
    qtbot.wait(50)
    assert spec.form_title in dialog.windowTitle()
    assert dialog.windowTitle().startswith("打印预览")
    dialog.close()


def test_right_click_menu_prints_the_same_form(qtbot, case):
    spec, tab, record_id = case
    table = tab.view.table
    row = tab.model.row_of_id(record_id)
    table.customContextMenuRequested.emit(table.visualRect(tab.model.index(row, 1)).center())
    menus = [m for m in tab.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1 and tab.view.current_id() == record_id
    texts = [a.text() for a in menus[0].actions()]
    assert spec.menu_print in texts and any(t.endswith("存为PDF…") for t in texts)
    next(a for a in menus[0].actions() if a.text() == spec.menu_print).trigger()
    menus[0].close()
    dialog = preview_of(qtbot, tab)
    assert spec.form_title in dialog.windowTitle()
    dialog.close()


def test_save_as_pdf_writes_the_form(qtbot, case, tmp_path, opened):
    spec, tab, record_id = case
    click_row(qtbot, tab, record_id)
    target = tab.save_record_form(str(tmp_path / "表.pdf"))
    assert target.read_bytes().startswith(b"%PDF") and opened == []
    (box,) = [b for b in tab.findChildren(QMessageBox, "written_box") if b.isVisible()]
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "打开文件"), Qt.MouseButton.LeftButton)
    assert opened == [str(target)]


def test_open_record_clears_the_filter_that_hides_it_selects_and_opens(qtbot, case):
    spec, tab, record_id = case
    type_text(qtbot, tab.view.filter_bar.search, "没有这样的内容")
    tab.view.filter_bar.apply()
    assert tab.model.rowCount() == 0
    if spec.name == "documents":
        tab.overdue.setChecked(True)
    dialog = tab.open_record(record_id)
    assert dialog is not None and type(dialog).__name__ == spec.dialog
    assert open_dialogs(tab, spec.dialog) == [dialog]
    assert tab.view.filter_bar.search.text() == "" and tab.view.current_id() == record_id
    assert tab.view.table.isVisible()
    if spec.name == "documents":
        assert not tab.overdue.isChecked()
    dialog.reject()


def test_open_record_from_another_page_of_the_tab(qtbot, case):
    spec, tab, record_id = case
    if tab.pages is None:
        pytest.skip("公文流转 has one page")
    list_page = tab.pages.currentIndex()
    tab.pages.setCurrentIndex(tab.pages.count() - 1)  # 值班排班 / 领导接待日 / 检查模板 …
    dialog = tab.open_record(record_id)
    assert tab.pages.currentIndex() == list_page and tab.view.table.isVisible()
    assert tab.view.current_id() == record_id
    dialog.reject()
    assert tab.open_record(999_999) is None


def test_a_record_far_down_the_list_is_shown_by_its_day(qtbot, database, clock, monkeypatch):
    import datetime as dt

    from xiaoneng_desktop.duty import service
    from xiaoneng_desktop.duty.service import CallInput
    from xiaoneng_desktop.ui.widgets import record_forms

    monkeypatch.setattr(record_forms, "REVEAL_PAGES", 0)
    old = service.create_call(CallInput(received_at=dt.datetime(2026, 9, 1, 10, 0), category="一般事项",
                                        summary="九月的来电", officer_name="王值班"))
    for day in range(2, 9):
        service.create_call(CallInput(received_at=dt.datetime(2026, 10, day, 10, 0), category="一般事项",
                                      summary=f"十月{day}日的来电", officer_name="王值班"))
    tab = _duty_tab()
    qtbot.addWidget(tab)
    tab.model._page_size = 3
    tab.model.set_query(tab._query)
    assert tab.model.row_of_id(old.id) is None  # not loaded yet
    dialog = tab.open_record(old.id)
    assert tab.view.current_id() == old.id
    assert tab.view.filter_bar.applied().date_from == dt.date(2026, 9, 1)
    dialog.reject()


def test_a_forms_file_name_holds_only_letters_digits_and_dashes():
    """Whatever the subject holds (〔〕, slashes, colons, spaces), the suggested name is a valid file name:
    the form, the record's day and its number."""
    from types import SimpleNamespace

    from xiaoneng_desktop.ui.widgets.register_tab import RecordForm

    form = RecordForm("整改通知/销号单", "rectification_notice", lambda r: r.subject)
    record = SimpleNamespace(id=7, subject="收〔2026〕1号 08:50 a/b\\c")
    assert form.file_name(record, dt.date(2026, 12, 2)) == "整改通知-销号单_2026-12-02_7"
    assert form.file_name(record) == "整改通知-销号单_收-2026-1号-08-50-a-b-c_7"
    assert form.preview_title(record) == "整改通知/销号单 收〔2026〕1号 08:50 a/b\\c"
