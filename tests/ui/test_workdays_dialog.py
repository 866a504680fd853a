"""节假日与调休设置, driven through its widgets offscreen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from xiaoneng_desktop.core import workdays
from xiaoneng_desktop.core.models import WorkdayOverride
from xiaoneng_desktop.ui.admin.workdays_dialog import COLOURS, WorkdaysDialog

# The offscreen platform plugin says this whenever a window is shown; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot, database, clock):
    widget = WorkdaysDialog()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(widget, text: str) -> None:
    """Type Chinese as an input method does: QTest.keyClicks only handles Latin-1 characters."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _table(dialog) -> list[tuple[str, str, str]]:
    return [
        tuple(dialog.table.item(row, col).text() for col in range(3))
        for row in range(dialog.table.rowCount())
    ]


def _background(dialog, day: dt.date) -> QColor:
    return dialog.calendar.dateTextFormat(QDate(day.year, day.month, day.day)).background().color()


def test_opens_on_this_year_with_statutory_days_coloured(dialog):
    assert dialog.windowTitle() == "节假日与调休设置"
    assert dialog.year.value() == 2026
    assert dialog.warning.isHidden()
    assert dialog.calendar.selectedDate() == QDate(2026, 10, 9)
    assert "星期五：工作日" in dialog.day_state.text()
    assert _background(dialog, dt.date(2026, 10, 1)) == QColor(COLOURS[workdays.HOLIDAY][0])
    assert _background(dialog, dt.date(2026, 10, 10)) == QColor(COLOURS[workdays.MAKEUP][0])
    dialog.calendar.setSelectedDate(QDate(2026, 10, 10))
    assert dialog.day_state.text() == "2026年10月10日 星期六：调休上班（国庆节），上班"
    assert dialog.date_edit.date() == QDate(2026, 10, 10)


def test_add_and_delete_an_override(qtbot, dialog):
    day = dt.date(2026, 10, 9)
    qtbot.mouseClick(dialog.calendar, Qt.MouseButton.LeftButton)  # the calendar takes focus unharmed
    dialog.date_edit.setDate(QDate(2026, 10, 9))
    assert dialog.kind_combo.currentText() == "放假"  # a workday: offered as a day off
    _type(dialog.note_edit, "县庆放假")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    assert _table(dialog) == [("2026-10-09", "放假", "县庆放假")]
    assert dialog.note_edit.text() == ""
    assert dialog.date_error.text() == dialog.note_error.text() == dialog.form_error.text() == ""
    assert workdays.is_workday(day) is False
    assert _background(dialog, day) == QColor(COLOURS[workdays.OVERRIDE][0])
    assert "本单位调整（县庆放假），放假" in dialog.day_state.text()

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert _table(dialog) == []
    assert workdays.is_workday(day) is True
    assert WorkdayOverride.select().count() == 0


def test_delete_without_a_selection_says_so(qtbot, dialog):
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.form_error.text() == "请先在表格中选择要删除的调整"


def test_too_long_note_is_shown_beside_the_field(qtbot, dialog):
    dialog.date_edit.setDate(QDate(2026, 10, 9))
    _type(dialog.note_edit, "长" * 61)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.note_error.text() == "说明不能超过 60 个字（现有 61 个字）"
    assert _table(dialog) == []
    assert WorkdayOverride.select().count() == 0

    dialog.note_edit.setText("县庆")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.note_error.text() == ""
    assert len(_table(dialog)) == 1


def test_unknown_year_warns_and_override_there_switches_year(qtbot, dialog):
    dialog.year.setValue(2027)
    assert not dialog.warning.isHidden()
    assert dialog.warning.text().startswith("2027年的节假日安排尚未确认")
    assert dialog.calendar.selectedDate() == QDate(2027, 1, 1)

    dialog.year.setValue(2026)
    dialog.date_edit.setDate(QDate(2027, 1, 2))  # a Saturday in the unknown year
    dialog.kind_combo.setCurrentText("上班")
    _type(dialog.note_edit, "元旦调休")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.year.value() == 2027
    assert _table(dialog) == [("2027-01-02", "上班", "元旦调休")]
    assert workdays.is_workday(dt.date(2027, 1, 2)) is True


def test_close_button(qtbot, dialog):
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.text() == "关闭"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_confirm_a_provisional_year(qtbot, dialog):
    assert dialog.confirm_button.isHidden()  # 2026 is in the built-in calendar
    dialog.year.setValue(2027)
    assert dialog.confirm_button.text() == "确认本年安排"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert not workdays.is_provisional(2027)
    assert dialog.warning.isHidden() and dialog.confirm_button.text() == "撤销确认"
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert workdays.is_provisional(2027)


NOTICE = (
    "一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周一）上班。\n"
    "二、春节：2月11日至17日放假调休，共7天。2月7日（周日）、2月20日（周六）上班。"
)


def test_notice_is_previewed_then_saved(qtbot, dialog):
    from xiaoneng_desktop.ui.admin.workdays_dialog import NoticeDialog

    dialog.year.setValue(2027)
    notice = NoticeDialog(2027, dialog)
    qtbot.addWidget(notice)
    notice.text.setPlainText("一、元旦：1月1日（周四）放假。")
    qtbot.mouseClick(notice.read_button, Qt.MouseButton.LeftButton)
    assert notice.error.text() == "1月1日不是星期四，请核对年份：“一、元旦：1月1日（周四）放假”"
    assert not notice.save_button.isEnabled()

    notice.text.setPlainText(NOTICE)
    qtbot.mouseClick(notice.read_button, Qt.MouseButton.LeftButton)
    assert notice.error.text() == ""
    assert notice.summary.text().startswith("读到放假 10 天、调休上班 3 天")
    rows = [tuple(notice.preview.item(r, c).text() for c in range(4)) for r in range(notice.preview.rowCount())]
    assert ("2027-01-04 周一", "上班", "元旦调休上班", "工作日") in rows
    assert ("2027-02-11 周四", "放假", "春节放假", "工作日") in rows
    assert not WorkdayOverride.select().count()  # nothing stored before 保存
    qtbot.mouseClick(notice.save_button, Qt.MouseButton.LeftButton)
    assert notice.result() == notice.DialogCode.Accepted
    assert WorkdayOverride.select().count() == len(rows)
    assert not workdays.is_provisional(2027)
    dialog.refresh()
    assert dialog.warning.isHidden()
