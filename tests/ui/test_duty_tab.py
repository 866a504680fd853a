"""The duty tab driven as a duty officer would: keyboard, clicks, an injected clock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers import type_text
from xiaoneng_desktop.core import people
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import Call, DutyShift
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.ui.duty.call_table import RED, STATUS_COLUMN
from xiaoneng_desktop.ui.duty.tab import DutyTab


@pytest.fixture
def tab(qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    dept = people.save_department(None, "综合科")
    people.save_person(None, name="王值班", department_id=dept.id, mobile="13812345678")
    people.save_person(None, name="张科长", department_id=dept.id, mobile="13987654321")
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班",
                                  leader_name="张科长"))
    widget = DutyTab()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def log_call_by_keyboard(qtbot, tab, summary="县应急局来电：今晚有强降雨，请通知各乡镇做好防范"):
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _open_dialog(tab)
    ui = dialog.ui
    assert ui.received_at.dateTime().toPython() == dt.datetime(2026, 10, 9, 9, 0)
    assert ui.officer_name.currentText() == "王值班"  # the officer on shift
    assert dialog.focusWidget() is ui.received_at
    # Tab walks the fields in the order a call is taken down
    for _ in range(3):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ui.caller_unit
    type_text(qtbot, ui.caller_unit, "县应急管理局")
    qtbot.keyClick(ui.caller_unit, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.focusWidget(), "刘科长")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ui.phone
    type_text(qtbot, ui.phone, "0736-7212345")
    qtbot.keyClick(ui.phone, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ui.summary
    type_text(qtbot, ui.summary, summary)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_ctrl_enter(qtbot, dialog, ui.summary)
    return dialog


def press_ctrl_enter(qtbot, dialog, widget):
    """Shortcuts go to the active window, as on a desktop."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _open_dialog(tab):
    from xiaoneng_desktop.ui.duty.call_dialog import CallDialog

    dialogs = [d for d in tab.findChildren(CallDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_log_find_overdue_close_void(qtbot, tab, clock):
    log_call_by_keyboard(qtbot, tab)
    call = Call.get()
    assert (call.caller_unit, call.caller, call.phone, call.officer_name) == ("县应急管理局", "刘科长",
                                                                              "0736-7212345", "王值班")
    assert call.deadline == dt.datetime(2026, 10, 9, 9, 10)
    assert tab.open_model.rowCount() == 1
    assert tab.open_box.title() == "未办结事项 1 件"

    # find it in the list by a word of its summary
    type_text(qtbot, tab.view.filter_bar.search, "强降雨")
    qtbot.keyClick(tab.view.filter_bar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    status = tab.model.index(0, STATUS_COLUMN)
    assert status.data() == "剩余 10分钟"

    # the injected clock passes the deadline: the countdown turns red
    clock.advance(minutes=12)
    tab.tick()
    assert status.data() == "超时 2分钟"
    assert status.data(Qt.ItemDataRole.ForegroundRole) == RED
    assert "超时 1 件" in tab.open_box.title()

    # close it: 办结 opens the form at 办理情况, which is required
    tab.view.select_id(call.id)
    dialog = tab.close_selected()
    assert dialog.ui.closed.isChecked()
    dialog.save()
    assert dialog.errors.shown() == {"feedback": "办结时请填写办理情况"}
    type_text(qtbot, dialog.ui.feedback, "已通知各乡镇")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.ui.button_box.buttons()[0], Qt.MouseButton.LeftButton)
    call = Call.get_by_id(call.id)
    assert call.closed_at == dt.datetime(2026, 10, 9, 9, 12) and call.feedback == "已通知各乡镇"
    assert tab.open_model.rowCount() == 0
    assert tab.model.index(0, STATUS_COLUMN).data() == "已办结（超时）"

    # void it, with a reason
    tab.view.select_id(call.id)
    void = tab.void_selected()
    void.save()
    assert void.ui.reason_error.isVisible() and "作废原因" in void.errors.shown()["reason"]
    type_text(qtbot, void.ui.reason, "重复登记")
    with qtbot.waitSignal(void.accepted, timeout=2000):
        qtbot.keyClick(void.ui.reason, Qt.Key.Key_Return)
    assert Call.get_by_id(call.id).status == "已作废"
    assert tab.model.index(0, STATUS_COLUMN).data() == "已作废"


@pytest.mark.parametrize(("field", "text", "message"), [
    ("summary", "", "请填写内容摘要"),
    ("summary", "字" * 9000, "不能超过 2000 个字"),
    ("summary", "收到了😀", "表情符号"),
    ("phone", "0736-72ab345", "只能包含数字"),
])
def test_bad_input_message_at_field_nothing_saved_text_kept(qtbot, tab, field, text, message):
    dialog = tab.new_record()
    ui = dialog.ui
    type_text(qtbot, ui.caller, "李秘书")
    if field == "summary":
        ui.summary.setPlainText(text)
    else:
        type_text(qtbot, ui.summary, "通知开会")
        type_text(qtbot, ui.phone, text)
    press_ctrl_enter(qtbot, dialog, ui.summary)
    assert dialog.isVisible()
    assert message in dialog.errors.shown()[field]
    assert getattr(dialog.ui, f"{field}_error").isVisible()
    assert Call.select().count() == 0
    assert ui.caller.text() == "李秘书"  # what was typed stays
    dialog.discard()


def test_closing_before_received_is_refused(qtbot, tab):
    dialog = tab.new_record()
    type_text(qtbot, dialog.ui.summary, "通知")
    dialog.ui.closed.setChecked(True)
    dialog.ui.closed_at.setDateTime(dialog.ui.received_at.dateTime().addSecs(-3600))
    type_text(qtbot, dialog.ui.feedback, "已办")
    dialog.save()
    assert dialog.errors.shown() == {"closed_at": "办结时间不能早于来电时间"}
    assert Call.select().count() == 0


def test_open_items_listed_first_and_handover(qtbot, tab, clock, monkeypatch):
    service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 50), category="特殊事项",
                                  summary="市政府办来电：明日检查防汛", officer_name="王值班"))
    done = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 55), category="一般事项",
                                         summary="会议通知", officer_name="王值班"))
    service.close_call(done.id, "已通知")
    tab.refresh()
    assert tab.open_model.rowCount() == 1 and "明日检查防汛" in tab.open_model.index(0, 5).data()
    assert "王值班" in tab.shift_label.text()

    office = people.save_department(None, "办公室")
    people.save_person(None, name="李夜班", department_id=office.id, mobile="13812340000")
    people.save_person(None, name="赵替班", department_id=office.id, mobile="13812340001")
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="夜班", officer_name="李夜班",
                                  leader_name="张科长"))
    clock.set(dt.datetime(2026, 10, 9, 17, 25))
    dialog = tab.hand_over()
    ui = dialog.ui
    assert ui.open_items.count() == 1
    assert ui.successor.currentText() == "李夜班"  # the next shift's 值班员, from the roster
    ui.handover_note.clear()
    ui.successor.setCurrentText("")
    press_ctrl_enter(qtbot, dialog, ui.handover_note)
    assert "请填写接班人" in dialog.errors.shown()["successor"]
    # 李夜班 is off sick: 赵替班 takes over — typed into the 接班人 field
    ui.successor.setFocus()
    type_text(qtbot, ui.successor.lineEdit(), "赵替班")
    qtbot.keyClick(ui.successor, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ui.handover_note
    press_ctrl_enter(qtbot, dialog, ui.handover_note)
    assert "请填写交接班记录" in dialog.errors.shown()["handover_note"]
    type_text(qtbot, ui.handover_note, "防汛检查事项待市政府办回复")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_ctrl_enter(qtbot, dialog, ui.handover_note)
    shift = DutyShift.get(DutyShift.name == "白班")
    assert shift.handed_over_by == "王值班" and shift.open_at_handover == 1
    assert service.successor_of(shift) == "赵替班"
    assert service.note_without_successor(shift) == "防汛检查事项待市政府办回复"
    assert shift.handover_note.startswith("接班人：赵替班\n")
    assert "防汛检查事项待市政府办回复" in tab.handover_label.text()


def test_roster_page_shows_gaps_and_generates(qtbot, tab):
    page = tab.roster
    tab.pages.setCurrentIndex(1)
    assert "24小时值班有空缺" in page.gaps_label.text()
    dialog = page.generate()
    dialog.save()  # nobody ticked
    assert dialog.errors.shown()["officers"] == "请至少选择一名值班员"
    for widget, name in ((dialog.ui.officers, "王值班"), (dialog.ui.leaders, "张科长")):
        for i in range(widget.count()):
            if widget.item(i).data(Qt.ItemDataRole.UserRole) == name:
                widget.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save()
    assert DutyShift.select().count() == 31 * 2
    assert "10月01日" in page.gaps_label.text()  # 30 September's night shift was never rostered
    assert page.table.rowCount() == 62

    away = page.add_unavailable()
    away.ui.person.setCurrentIndex(away.ui.person.findText("王值班"))
    type_text(qtbot, away.ui.reason, "出差")
    with qtbot.waitSignal(away.accepted, timeout=2000):
        away.save()
    assert "王值班 10-09至10-09（出差）" in page.away_label.text()


def test_generated_shift_saves_back_unchanged(qtbot, tab):
    service.generate_roster(2026, 10, ["王值班"], ["张科长"])
    page = tab.roster
    page.refresh()
    page.table.selectRow(2)  # 2 October, 白班
    dialog = page.edit_selected()
    assert dialog.ui.officer_phone.text() == "13812345678"
    type_text(qtbot, dialog.ui.standby_name, "张科长")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save()
    shift = DutyShift.get((DutyShift.day == dt.date(2026, 10, 2)) & (DutyShift.name == "白班"))
    assert (shift.officer_name, shift.standby_name, shift.standby_phone) == ("王值班", "张科长", "13987654321")


def test_phone_record_saved_as_pdf(qtbot, tab, tmp_path, monkeypatch, opened):
    from xiaoneng_desktop.ui.widgets import files

    asked = []
    monkeypatch.setattr(files.QFileDialog, "getSaveFileName",
                        lambda parent, title, path, filters: asked.append(path) or (str(tmp_path / "记录单"), ""))
    call = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 50), category="一般事项",
                                         summary="会议通知", officer_name="王值班"))
    tab.refresh()
    tab.view.select_id(call.id)
    target = tab.save_record_form()
    assert asked == [str(files.documents_folder() / f"电话记录单_2026-10-09_{call.id}.pdf")]
    assert target == tmp_path / "记录单.pdf" and target.read_bytes().startswith(b"%PDF")
    box = tab.findChild(QMessageBox, "written_box")
    assert str(target) in box.text()
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "打开所在文件夹"), Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]


def test_print_preview_renders_the_same_pages(qtbot, tab, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from xiaoneng_desktop.ui.widgets.print_preview import make_printer, render_pages

    call = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 50), category="一般事项",
                                         summary="会议通知", officer_name="王值班"))
    tab.refresh()
    tab.view.select_id(call.id)
    dialog = tab.print_record_form()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and "电话记录单" in dialog.windowTitle()
    dialog.close()
    # what the preview paints, printed to a file: one A4 page, as the PDF
    from xiaoneng_desktop.reports.forms import phone_record

    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert render_pages(phone_record(call), printer) == 1
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000


def test_roster_dialogs_refuse_at_the_field_keep_the_typing_and_save_by_ctrl_enter(qtbot, tab):
    page = tab.roster
    page.refresh()
    page.table.selectRow(page.table.rowCount() - 1)
    shift = page.edit_selected()
    shift.ui.standby_phone.clear()
    type_text(qtbot, shift.ui.standby_phone, "12ab")
    shift.save()
    assert shift.isVisible() and "只能包含数字" in shift.errors.shown()["standby_phone"]
    assert shift.ui.standby_error.isVisible() and shift.ui.standby_phone.text() == "12ab"
    assert not DutyShift.select().where(DutyShift.standby_phone == "12ab").exists()
    shift.discard()

    away = page.add_unavailable()
    away.ui.person.setCurrentIndex(away.ui.person.findText("王值班"))
    away.ui.last_day.setDate(away.ui.first_day.date().addDays(-1))
    type_text(qtbot, away.ui.reason, "休假")
    away.save()
    assert away.isVisible() and away.errors.shown() == {"last_day": "结束日期不能早于开始日期"}
    assert away.ui.last_day_error.isVisible() and away.ui.reason.text() == "休假"
    assert "王值班" not in page.away_label.text()
    away.ui.last_day.setDate(away.ui.first_day.date().addDays(1))
    with qtbot.waitSignal(away.accepted, timeout=2000):
        press_ctrl_enter(qtbot, away, away.ui.reason)
    assert "王值班 10-09至10-10（休假）" in page.away_label.text()


def test_a_closed_call_opens_as_correction_and_the_change_is_audited_old_to_new(qtbot, tab, clock):
    """D1 / 更正 through the window: the deadline is read-only, a closed call is corrected with a reason
    by the secretary, and the audit line lists the field old → new."""
    from xiaoneng_desktop.core import audit, session

    call = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 55), category="一般事项",
                                         summary="会议通知", officer_name="王值班"))
    service.close_call(call.id, "已通知")
    tab.refresh()
    with session.acting_as(session.Actor("李秘书", session.SECRETARY)):
        dialog = tab.edit_call(call.id)
        ui = dialog.ui
        assert "更正" in dialog.windowTitle()
        assert not ui.deadline.isEnabled() and not ui.deadline_typed.isEnabled()
        ui.summary.setPlainText("会议通知：明早八点开会")
        dialog.save()
        assert dialog.isVisible() and "更正原因" in dialog.errors.shown()["correct_reason"]
        type_text(qtbot, ui.correct_reason, "摘要漏记时间")
        with qtbot.waitSignal(dialog.accepted, timeout=2000):
            dialog.save()
    line = audit.history("call", call.id)[-1]
    assert (line.action, line.actor, line.detail) == ("更正", "李秘书", "摘要漏记时间")
    assert audit.changes_of(line) == [("内容摘要", "会议通知", "会议通知：明早八点开会")]


def test_a_leader_writes_his_批示_on_a_call(qtbot, database, clock):
    """领导批示…: enabled for a leader (whose other buttons are closed); the 批示领导 is the person his
    login stands for; the change is audited old → new."""
    from xiaoneng_desktop.core import accounts, audit, session
    from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog

    clock.set(dt.datetime(2026, 10, 9, 9, 0))
    lin = people.save_person(None, name="林辉涛")
    accounts.create_account("admin", "管理员", "Admin-2026-x")  # the first account is the administrator
    account = accounts.create_account("linht", "领导", "Lin-2026-x", person_id=lin.id)
    call = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 50), category="特殊事项",
                                         summary="县应急局报告山体滑坡隐患", officer_name="王值班"))
    session.sign_in(session.Actor("linht", session.LEADER, account.id))
    tab = DutyTab()
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    assert tab.view.select_id(call.id)
    assert not tab.new_button.isEnabled() and not tab.close_button.isEnabled()
    assert tab.instruct_button.isEnabled()
    qtbot.mouseClick(tab.instruct_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in tab.findChildren(ReasonDialog) if d.isVisible())
    type_text(qtbot, dialog.ui.reason, "请应急局立即组织排查，确保群众安全")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = service.get_call(call.id)
    assert (stored.instruction, stored.instruction_by) == ("请应急局立即组织排查，确保群众安全", "林辉涛")
    line = audit.history("call", call.id)[-1]
    assert (line.action, line.actor) == ("批示", "linht")
    assert ("领导批示", "（空）", "请应急局立即组织排查，确保群众安全") in audit.changes_of(line)
    with pytest.raises(session.PermissionDenied):
        service.close_call(call.id, "已排查")
