"""文件 → 打印… (Ctrl+P) / 打印预览… print the record selected in the tab in front; 打印月报… previews the
month's PDF; every menu item has an access key; Qt's print dialogs speak Chinese."""

from __future__ import annotations

import datetime as dt
import gc
import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from xiaoneng_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, database, db_path, tmp_path, clock):
    win = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    return win


def file_action(win, text):
    file_menu = win.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text() == text)


def previews(win):
    return [d for d in win.findChildren(QPrintPreviewDialog) if d.isVisible()]


def test_every_menu_item_has_an_access_key(window):
    seen = 0
    for top in window.menuBar().actions():
        assert re.search(r"&[A-Za-z]", top.text()), top.text()
        for item in top.menu().actions():
            if item.isSeparator():
                continue
            seen += 1
            assert re.search(r"&[A-Za-z]", item.text()), f"{top.text()} → {item.text()}"
    assert seen > 20


def test_print_menu_items_and_ctrl_p(window):
    assert file_action(window, "打印(&P)…").shortcut().matches(QKeySequence("Ctrl+P")) \
        == QKeySequence.SequenceMatch.ExactMatch
    file_action(window, "打印预览(&V)…")
    file_action(window, "打印月报(&Y)…")


def test_ctrl_p_prints_the_selected_record_of_the_tab_in_front(qtbot, window, monkeypatch):
    from xiaoneng_desktop.duty import service
    from xiaoneng_desktop.duty.service import CallInput

    call = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 50), category="一般事项",
                                         summary="县委办通知明天上午开会", officer_name="王值班"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: pytest.fail(f"unexpected box {a[1:]}"))
    window.show()
    window.tabs.setCurrentIndex(1)
    tab = window.register_tab(1)
    tab.refresh()
    tab.view.table.selectRow(tab.model.row_of_id(call.id))
    assert tab.view.current_id() == call.id
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    gc.collect()
    (dialog,) = previews(window)
    assert dialog.windowTitle().startswith("打印预览") and "电话记录单" in dialog.windowTitle()
    dialog.grab()
    dialog.close()
    file_action(window, "打印预览(&V)…").trigger()
    (dialog,) = previews(window)
    assert "电话记录单" in dialog.windowTitle()
    dialog.close()


def test_print_on_the_overview_says_where_to_go(window, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    window.tabs.setCurrentIndex(0)
    assert window.print_selected() is None
    assert said and "选择一条记录" in said[0]


def test_print_month_previews_the_monthly_pdf(qtbot, window):
    from xiaoneng_desktop.duty import service
    from xiaoneng_desktop.duty.service import CallInput

    service.create_call(CallInput(received_at=dt.datetime(2026, 9, 9, 8, 50), category="一般事项",
                                  summary="九月的来电", officer_name="王值班"))
    window.show()
    file_action(window, "打印月报(&Y)…").trigger()
    from xiaoneng_desktop.ui.reports.print_month import PrintMonthDialog

    (dialog,) = [d for d in window.findChildren(PrintMonthDialog) if d.isVisible()]
    assert dialog.chosen() == (2026, 9)  # last month by default
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previews(window)), timeout=60_000)
    (preview,) = previews(window)
    assert preview.windowTitle() == "打印预览 — 2026年9月机关效能工作月报"
    assert preview.printer.docName() == "2026年9月机关效能工作月报"
    assert preview.data.startswith(b"%PDF") and not dialog.isVisible()
    preview.grab()
    preview.close()


def test_qt_print_dialogs_are_in_chinese(qtbot):
    """Every label of Qt's print dialog and its 属性 dialog is translated (app.py fills the gaps)."""
    from xiaoneng_desktop import app

    translators = app.install_translations(QApplication.instance())
    try:
        printer = QPrinter()
        dialog = QPrintDialog(printer)
        qtbot.addWidget(dialog)
        english = [w.text() for w in dialog.findChildren(QLabel)
                   if re.search("[A-Za-z]{3}", w.text()) and not re.search("[\u4e00-\u9fff]", w.text())]
        assert english == []
        assert "打印页面(&S)：" in [w.text() for w in dialog.findChildren(QLabel)]
        assert any(b.text() == "属性(&R)" for b in dialog.findChildren(QPushButton))
        assert QApplication.translate("QPageSetupWidget", "Pages &per sheet:") == "每张纸页数(&P)："
        assert QApplication.translate("QCupsJobWidget", "Job &priority:") == "作业优先级(&P)："
        preview = QPrintPreviewDialog(printer)
        qtbot.addWidget(preview)
        assert preview.windowTitle() == "打印预览"
    finally:
        for translator in translators:
            QApplication.removeTranslator(translator)
