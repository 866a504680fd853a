"""Lists stay current (issue 15, item 4): what another program (another PC) saves shows up in the open
window within seconds, without moving the user's selection, scroll position or half-typed filter."""

from __future__ import annotations

import datetime as dt
import gc
import threading

import pytest
from PySide6.QtCore import QSettings, QSignalBlocker

from tests.core.test_changes import other_program_records
from xiaoneng_desktop.core import changes
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.ui.main_window import MainWindow

DUTY = 1


@pytest.fixture
def window(qtbot, database, db_path, tmp_path, clock):
    win = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    if isinstance(win.watcher, changes.NoticeListener):
        assert win.watcher.listening.wait(10)
    return win


def summaries(model) -> list[str]:
    return [model.row_object(row).summary for row in range(model.rowCount())]


def _calls(count: int) -> None:
    for number in range(count):
        duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 1, 8, 0) + dt.timedelta(minutes=number),
                                   category="一般事项", summary=f"本机来电{number}", officer_name="王值班"))


def test_another_programs_call_appears_in_the_duty_list(qtbot, window, db_path):
    window.show()
    window.tabs.setCurrentIndex(DUTY)
    tab = window.register_tab(DUTY)
    assert "另一台电脑登记的来电" not in summaries(tab.model)
    other_program_records(db_path)
    qtbot.waitUntil(lambda: "另一台电脑登记的来电" in summaries(tab.model), timeout=5000)


def test_a_refresh_keeps_selection_scroll_position_and_typed_filter(qtbot, window, db_path):
    _calls(120)
    window.show()
    window.tabs.setCurrentIndex(DUTY)
    tab = window.register_tab(DUTY)
    tab.show_register()
    tab.refresh()
    qtbot.waitExposed(window)
    table = tab.view.table
    chosen = tab.model.id_at(60)
    assert tab.view.select_id(chosen)
    scroll = table.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)
    position = scroll.value()
    assert position > 0
    with QSignalBlocker(tab.view.filter_bar.search):  # typed, not applied yet
        tab.view.filter_bar.search.setText("本机来")
    other_program_records(db_path)
    qtbot.waitUntil(lambda: "另一台电脑登记的来电" in summaries(tab.model), timeout=5000)
    assert tab.view.current_id() == chosen
    assert scroll.value() == position
    assert tab.view.filter_bar.search.text() == "本机来"


def test_a_hidden_tab_reads_the_change_when_shown(qtbot, window, db_path):
    window.show()
    window.tabs.setCurrentIndex(DUTY)
    tab = window.register_tab(DUTY)
    window.tabs.setCurrentIndex(0)
    other_program_records(db_path)
    qtbot.waitUntil(lambda: DUTY in window._stale_tabs, timeout=5000)
    assert "另一台电脑登记的来电" not in summaries(tab.model)  # a hidden tab runs no SQL
    window.tabs.setCurrentIndex(DUTY)
    assert "另一台电脑登记的来电" in summaries(tab.model)


def test_own_saves_do_not_count_as_changes_elsewhere(qtbot, window):
    seen = []
    window.changed_elsewhere.connect(seen.append)
    _calls(1)
    qtbot.wait(int(changes.POLL_SECONDS * 1000) + 600)
    window._poll_changes()
    assert seen == [] and not window.change_refresh_timer.isActive()


def test_closing_the_window_stops_watching(qtbot, window):
    watcher = window.watcher
    window.close()
    gc.collect()
    assert window.watcher is None
    assert not window.change_poll_timer.isActive()
    if isinstance(watcher, changes.NoticeListener):
        assert not watcher.is_alive()
    assert not [t for t in threading.enumerate() if t.name == "xiaoneng-notices"]


def test_an_open_entry_dialog_keeps_its_input(qtbot, window, db_path):
    window.show()
    window.tabs.setCurrentIndex(DUTY)
    tab = window.register_tab(DUTY)
    dialog = tab.new_record()
    dialog.ui.summary.setPlainText("正在录入的来电内容")
    other_program_records(db_path)
    qtbot.waitUntil(lambda: "另一台电脑登记的来电" in summaries(tab.model), timeout=5000)
    assert dialog.isVisible()
    assert dialog.ui.summary.toPlainText() == "正在录入的来电内容"
    dialog.discard()
