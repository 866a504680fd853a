"""The 来访接待 tab driven as a receptionist would: keyboard, clicks, an injected clock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers import type_text
from xiaoneng_desktop.core import people, session
from xiaoneng_desktop.core.validation import id_check_digit
from xiaoneng_desktop.ui.visitors.tab import VisitorsTab
from xiaoneng_desktop.ui.visitors.visit_dialog import VisitDialog
from xiaoneng_desktop.ui.visitors.visit_table import ID_COLUMN, STATUS_COLUMN
from xiaoneng_desktop.ui.widgets.inputs import RED
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import ReceptionDay, Visit
from xiaoneng_desktop.visitors.service import VisitInput

ID = "43062419800307123"
ID = ID + id_check_digit(ID)


@pytest.fixture
def tab(qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    dept = people.save_department(None, "政务服务科")
    people.save_department(None, "县住建局")
    people.save_person(None, name="王接待", department_id=dept.id, mobile="13812340000")
    people.save_person(None, name="张主任", department_id=dept.id, mobile="13987654321")
    widget = VisitorsTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.responder.setCurrentText("王接待")
    return widget


def press_ctrl_enter(qtbot, dialog, widget):
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def open_form(qtbot, tab) -> VisitDialog:
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in tab.findChildren(VisitDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def register_first_visit(qtbot, tab):
    dialog = open_form(qtbot, tab)
    ui = dialog.ui
    assert ui.visited_at.dateTime().toPython() == dt.datetime(2026, 10, 9, 9, 0)
    assert ui.first_responder.currentText() == "王接待"  # the chosen receptionist
    assert dialog.focusWidget() is ui.id_number  # time defaults to now: the ID comes first
    qtbot.keyClicks(ui.id_number, ID)
    assert ui.id_hint.text() == "校验正确"
    assert "首次来访" in ui.history_summary.text()
    qtbot.keyClick(ui.id_number, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ui.phone
    qtbot.keyClicks(ui.phone, "13812345678")
    qtbot.keyClick(ui.phone, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.focusWidget(), "李大爷")
    qtbot.keyClick(ui.name, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # one person
    assert dialog.focusWidget() is ui.address
    type_text(qtbot, ui.address, "城关镇建设路12号")
    qtbot.keyClick(ui.address, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ui.matter
    type_text(qtbot, ui.matter, "反映小区下水道堵塞，多次找物业无果")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_ctrl_enter(qtbot, dialog, ui.matter)
    return Visit.get_by_id(dialog.saved_id)


def test_first_visit_masked_in_list_then_returning_visitor_recognised(qtbot, tab, clock):
    visit = register_first_visit(qtbot, tab)
    assert (visit.name, visit.id_number, visit.phone, visit.first_responder) == ("李大爷", ID, "13812345678", "王接待")
    masked = "4306**********" + ID[-4:]
    with session.acting_as(session.Actor("值班员甲", session.DUTY_OFFICER, 1)):  # 值班员: masked everywhere
        assert tab.model.index(0, ID_COLUMN).data() == masked
        assert tab.open_model.index(0, ID_COLUMN).data() == masked
        for model in (tab.model, tab.open_model):
            for column in range(model.columnCount()):
                assert ID not in (model.index(0, column).data() or "")
                assert ID not in (model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) or "")
    with session.acting_as(session.Actor("接待员甲", session.RECEPTIONIST, 2)):  # 接待员: the full number
        assert tab.model.index(0, ID_COLUMN).data() == ID
    assert tab.model.index(0, STATUS_COLUMN).data() == "待受理 剩15天"
    assert tab.open_box.title() == "未办结来访 1 件"

    # the person comes again a week later: typing the ID fills the form and shows the earlier visit
    service.save_handling(visit.id, service.HandlingInput(decision="受理", decided_at=clock(),
                                                          reply="已协调物业三日内疏通", replied_at=clock()))
    clock.advance(days=7)
    dialog = open_form(qtbot, tab)
    ui = dialog.ui
    qtbot.keyClicks(ui.id_number, ID.lower())
    assert (ui.name.text(), ui.phone.text(), ui.address.text()) == ("李大爷", "13812345678", "城关镇建设路12号")
    assert ui.history_box.title() == "重复访：以前来访 1 次"
    assert "首次 2026-10-09" in ui.history_summary.text() and "已协调物业三日内疏通" in ui.history_summary.text()
    assert ui.history_list.count() == 1 and "已协调物业三日内疏通" in ui.history_list.item(0).text()
    type_text(qtbot, ui.matter, "下水道又堵了")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_ctrl_enter(qtbot, dialog, ui.matter)
    assert Visit.select().count() == 2
    assert tab.model.index(0, 11).data() == "第2次"  # 重复访


def test_recognised_by_phone_and_by_name_choice(qtbot, tab, clock):
    service.create_visit(VisitInput(visited_at=clock() - dt.timedelta(days=30), name="赵某", phone="0736-7212345",
                                    address="河西村三组", matter="土地纠纷", first_responder="王接待"))
    dialog = tab.new_record()
    qtbot.keyClicks(dialog.ui.phone, "0736-7212345")
    assert dialog.ui.name.text() == "赵某" and dialog.ui.address.text() == "河西村三组"
    dialog.discard()

    dialog = tab.new_record()
    ui = dialog.ui
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(qtbot, ui.name, "赵某")
    qtbot.keyClick(ui.name, Qt.Key.Key_Tab)
    assert ui.name_matches.isVisible() and ui.name_matches.count() == 2
    assert "河西村三组" in ui.name_matches.itemText(1)
    ui.name_matches.setCurrentIndex(1)
    ui.name_matches.activated.emit(1)
    assert ui.phone.text() == "0736-7212345" and ui.history_box.title() == "重复访：以前来访 1 次"
    dialog.discard()


def test_phone_look_up_fills_the_full_id_only_for_a_role_that_may_see_it(qtbot, tab, clock):
    earlier = service.create_visit(VisitInput(
        visited_at=clock() - dt.timedelta(days=30), name="钱某", id_number=ID, phone="13812345678",
        address="河东村", category="民政", purpose="求决", matter="低保申请", first_responder="王接待"))
    masked = "4306**********" + ID[-4:]
    with session.acting_as(session.Actor("秘书甲", session.SECRETARY, 3)):
        dialog = tab.new_record()
        qtbot.keyClicks(dialog.ui.phone, "13812345678")
        assert dialog.ui.name.text() == "钱某" and dialog.ui.address.text() == "河东村"
        assert dialog.ui.id_number.text() == ""  # not filled in: a masked hint only
        assert masked in dialog.ui.id_hint.text() and ID not in dialog.ui.id_hint.text()
        dialog.discard()
        # the record's own form shows it masked; saving it unchanged keeps the stored number
        dialog = VisitDialog(Visit.get_by_id(earlier.id), parent=tab)
        assert dialog.ui.id_number.text() == masked
        assert dialog.ui.category.currentText() == "民政" and dialog.ui.purpose.currentText() == "求决"
        service.update_visit(earlier.id, dialog.data())
        dialog.discard()
    assert Visit.get_by_id(earlier.id).id_number == ID
    with session.acting_as(session.Actor("接待员甲", session.RECEPTIONIST, 2)):
        dialog = tab.new_record()
        qtbot.keyClicks(dialog.ui.phone, "13812345678")
        assert dialog.ui.id_number.text() == ID
        dialog.discard()


def test_refer_answer_rate(qtbot, tab, clock):
    visit = register_first_visit(qtbot, tab)
    tab.view.select_id(visit.id)
    clock.advance(days=1)
    dialog = tab.handle(tab.selected_id())
    ui = dialog.ui
    ui.decision.setCurrentText("受理")
    type_text(qtbot, ui.referred_to, "县住建局")
    ui.referred_to.completer().popup().hide()  # the completer's list, as a click elsewhere would
    assert ui.deadline.date().toPython() == dt.date(2026, 12, 9)  # 60 days from today's 受理
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_ctrl_enter(qtbot, dialog, ui.reply)
    visit = Visit.get_by_id(visit.id)
    assert (visit.decision, visit.referred_to, visit.referral_due) == ("受理", "县住建局", dt.date(2026, 12, 9))
    assert tab.model.index(0, 9).data() == "县住建局"
    assert tab.model.index(0, STATUS_COLUMN).data() == "办理中 剩60天"

    # the department reports back; the receptionist answers the visitor, who is satisfied
    clock.advance(days=10)
    dialog = tab.handle(visit.id)
    ui = dialog.ui
    ui.replied.setChecked(True)
    dialog.save()
    assert dialog.errors.shown() == {"reply": "答复时请填写答复意见"}
    type_text(qtbot, ui.reply, "县住建局已督促物业疏通，并建立定期清掏制度")
    type_text(qtbot, ui.result, "问题已解决")
    ui.satisfaction.setCurrentText("满意")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(ui.button_box.buttons()[0], Qt.MouseButton.LeftButton)
    visit = Visit.get_by_id(visit.id)
    assert visit.status == "已办结" and visit.satisfaction == "满意" and visit.closed_at == clock()
    assert tab.open_model.rowCount() == 0 and tab.model.index(0, STATUS_COLUMN).data() == "已办结"


def test_unanswered_case_turns_amber_then_red(qtbot, tab, clock):
    visit = register_first_visit(qtbot, tab)
    service.save_handling(visit.id, service.HandlingInput(decision="受理", decided_at=clock(),
                                                          referred_to="县住建局"))
    tab.refresh()
    status = tab.open_model.index(0, STATUS_COLUMN)
    assert status.data() == "办理中 剩60天" and status.data(Qt.ItemDataRole.ForegroundRole) is None
    clock.advance(days=55)
    tab.tick()
    assert status.data() == "办理中 剩5天"
    assert status.data(Qt.ItemDataRole.ForegroundRole) != RED and status.data(Qt.ItemDataRole.ForegroundRole)
    clock.advance(days=6)
    tab.tick()
    assert status.data() == "超时 1天" and status.data(Qt.ItemDataRole.ForegroundRole) == RED
    assert "超期 1 件" in tab.open_box.title()
    assert tab.open_model.index(0, 14).data() == "61天"  # its age


@pytest.mark.parametrize(("field", "value", "message"), [
    ("id_number", ID[:-1] + ("1" if ID[-1] != "1" else "2"), "校验位不对"),
    ("id_number", "430624198002301231", "出生日期不存在"),
    ("phone", "12345", "不是有效的手机号"),
    ("persons", 0, "大于 0"),
])
def test_bad_input_at_field_nothing_saved_text_kept(qtbot, tab, field, value, message):
    dialog = tab.new_record()
    ui = dialog.ui
    type_text(qtbot, ui.name, "钱某")
    type_text(qtbot, ui.matter, "咨询政策")
    if field == "persons":
        ui.persons.setValue(value)
    else:
        qtbot.keyClicks(getattr(ui, field), value)
    press_ctrl_enter(qtbot, dialog, ui.matter)
    assert dialog.isVisible()
    shown = dialog.errors.shown()
    assert message in shown[field] and getattr(ui, f"{field}_error").isVisible()
    assert str(value) not in shown[field] or field == "persons"
    assert Visit.select().count() == 0
    assert ui.name.text() == "钱某"
    dialog.discard()


def test_reply_before_visit_refused(qtbot, tab, clock):
    visit = register_first_visit(qtbot, tab)
    dialog = tab.handle(visit.id)
    ui = dialog.ui
    ui.decision.setCurrentText("受理")
    type_text(qtbot, ui.reply, "已答复")
    ui.replied.setChecked(True)
    ui.replied_at.setDateTime(ui.replied_at.dateTime().addDays(-1))
    dialog.save()
    assert dialog.errors.shown() == {"replied_at": "答复时间不能早于来访时间"}
    assert Visit.get_by_id(visit.id).decision == ""


def test_search_by_last_digits_and_group_visit(qtbot, tab, clock):
    register_first_visit(qtbot, tab)
    group = service.create_visit(VisitInput(visited_at=clock(), name="孙代表", persons=12, phone="13900001111",
                                            matter="反映征地补偿标准", first_responder="王接待"))
    tab.refresh()
    assert tab.model.rowCount() == 2
    search = tab.view.filter_bar.search
    qtbot.keyClicks(search, ID[-6:])
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.index(0, 1).data() == "李大爷"
    search.clear()
    type_text(qtbot, search, "征地")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.id_at(0) == group.id)
    assert tab.model.index(0, 4).data() == "12（集体访）"
    assert tab.model.index(0, ID_COLUMN).data() == "未提供"


def test_reception_days_generated_and_visit_linked(qtbot, tab, clock):
    tab.pages.setCurrentIndex(1)
    page = tab.reception
    dialog = page.generate()
    dialog.ui.leaders.clear()
    dialog.save()
    assert dialog.errors.shown() == {"leaders": "请至少填写一名轮流接待的领导"}
    type_text(qtbot, dialog.ui.leaders, "张主任、李副主任")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.save()
    # Wednesdays of October 2026; the 国庆 holiday's Wednesday (7 October) moves to the next working day
    assert page.table.rowCount() == 4
    assert [page.table.item(r, 2).text() for r in range(4)] == ["张主任", "李副主任", "张主任", "李副主任"]
    assert page.table.item(0, 0).text() < page.table.item(1, 0).text()
    assert any("10月7日（星期三）为节假日，顺延至此日" in (page.table.item(0, c).text() if page.table.item(0, c) else "")
               for c in range(page.table.columnCount()))
    assert "下一个领导接待日：10月14日 星期三，李副主任 接待" in tab.day_label.text()

    page.table.selectRow(1)
    edit = page.edit_selected()
    edit.ui.day.setDate(edit.ui.day.date().addDays(-5))  # moved to today, Friday 9 October
    with qtbot.waitSignal(edit.accepted, timeout=2000):
        edit.save()
    assert "今天是领导接待日" in tab.day_label.text()
    form = tab.new_record()
    assert form.ui.leader_hint.text() == "领导接待日：李副主任 接待"
    form.reject()
    visit = service.create_visit(VisitInput(visited_at=clock(), name="周某", matter="咨询", first_responder="王接待"))
    assert visit.leader_name == "李副主任" and visit.reception_day.id == ReceptionDay.get(ReceptionDay.day == clock().date()).id


def test_extend_refused_at_the_reason_then_saved_by_ctrl_enter(qtbot, tab, clock):
    visit = service.create_visit(VisitInput(visited_at=clock(), name="周某", matter="反映噪音", first_responder="王接待"))
    service.save_handling(visit.id, service.HandlingInput(decision="受理", decided_at=clock()))
    tab.refresh()
    tab.view.select_id(visit.id)
    dialog = tab.extend_selected()
    dialog.ui.days.setValue(5)
    dialog.save()
    assert dialog.isVisible() and dialog.errors.shown() == {"reason": "请填写延期理由"}
    assert dialog.ui.reason_error.isVisible() and dialog.ui.days.value() == 5
    assert service.get_visit(visit.id).extended_days == 0
    type_text(qtbot, dialog.ui.reason, "需现场勘查")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_ctrl_enter(qtbot, dialog, dialog.ui.reason)
    assert service.get_visit(visit.id).extended_days == 0  # asked: it waits for someone else's approval
    with session.acting_as(session.Actor("王县长", session.LEADER)):
        decide = tab.decide_selected()
        assert "需现场勘查" in decide.ui.note.text()
        decide.ui.decision.setCurrentText("批准")
        with qtbot.waitSignal(decide.accepted, timeout=2000):
            decide.save()
    assert (service.get_visit(visit.id).extended_days, service.get_visit(visit.id).extension_reason) == (5, "需现场勘查")
