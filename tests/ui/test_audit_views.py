"""修改记录 (each record's history), 工具 → 审计日志, and the register tabs for a read-only role."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers import type_text
from xiaoneng_desktop.core import audit, people, session
from xiaoneng_desktop.core.db import atomic
from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.core.session import Actor, PermissionDenied
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.ui.admin.audit_dialog import AuditDialog
from xiaoneng_desktop.ui.duty.call_dialog import CallDialog
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.widgets.history_dialog import HistoryDialog

T0 = dt.datetime(2026, 10, 9, 9, 0)
ADMIN = Actor("admin", "管理员", 1)
RECEPTIONIST = Actor("小李", "接待员", 2)


@pytest.fixture
def no_boxes(monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))


@pytest.fixture
def signed_in():
    """Sign in for the test (the window's tabs read the role as they are built)."""
    def sign(actor):
        session.sign_in(actor)
        return actor

    yield sign
    session.sign_in(None)


@pytest.fixture
def call(database, clock):
    dept = people.save_department(None, "综合科")
    people.save_person(None, name="王值班", department_id=dept.id, mobile="13812345678")
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班", leader_name="王值班"))
    return service.create_call(CallInput(received_at=T0, category="一般事项", summary="县长办公室来电：通知开会",
                                         officer_name="王值班", caller="李秘书", caller_unit="县长办公室",
                                         phone="0731-84561234"))


def make_tab(qtbot) -> DutyTab:
    tab = DutyTab()
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    return tab


def test_history_lists_a_change_made_in_the_edit_dialog(qtbot, call, clock, no_boxes):
    tab = make_tab(qtbot)
    assert tab.view.select_id(call.id)
    clock.advance(minutes=3)
    dialog = tab.edit_call(call.id)
    dialog.ui.summary.clear()
    type_text(qtbot, dialog.ui.summary, "县长办公室来电：会议改到四点")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.ui.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert Call.get_by_id(call.id).summary == "县长办公室来电：会议改到四点"
    old_summary = call.summary
    clock.advance(minutes=1)
    with atomic():
        audit.record("更正", "call", call.id, "记错了", changes=[("来电内容", "旧", "新"), ("来电单位", "（空）", "县政府")])

    tab.view.select_id(call.id)
    history = tab.show_history()
    assert isinstance(history, HistoryDialog) and history.isVisible()
    rows = history.texts()
    assert [row[2] for row in rows] == ["新建", "修改", "更正"]
    assert rows[0][0] == "2026-10-09 09:00" and rows[1][0] == "2026-10-09 09:03"
    # the edit made in the dialog above, field by field
    assert rows[1][3] == f"内容摘要：{old_summary} → 县长办公室来电：会议改到四点"
    assert rows[2][3] == "记错了\n来电内容：旧 → 新\n来电单位：（空） → 县政府"
    assert all(row[1] == session.actor_name() for row in rows)
    history.close()


def test_history_is_on_the_row_menu_and_needs_a_selection(qtbot, call, monkeypatch):
    tab = make_tab(qtbot)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: said.append(a[2]))
    tab.view.table.clearSelection()
    assert tab.show_history() is None and said == ["请先在列表中选择一条来电记录。"]
    assert tab.history_button.text() == "修改记录…"


def test_read_only_role_sees_write_actions_disabled_and_opens_records_read_only(qtbot, call, signed_in, no_boxes):
    signed_in(RECEPTIONIST)
    tab = make_tab(qtbot)
    assert not tab.new_button.isEnabled() and not tab.edit_button.isEnabled() and not tab.void_button.isEnabled()
    assert tab.print_button.isEnabled() and tab.history_button.isEnabled()
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N does nothing
    assert not [d for d in tab.findChildren(CallDialog) if d.isVisible()]
    dialog = tab.activate(call.id)
    assert "只读" in dialog.windowTitle() and not dialog.ui.button_box.isEnabled()
    dialog.reject()
    with pytest.raises(PermissionDenied):
        service.update_call(call.id, CallInput.from_call(call))


def test_audit_dialog_filters_by_action_and_exports_the_filtered_lines(qtbot, call, clock, signed_in, tmp_path,
                                                                       no_boxes):
    signed_in(ADMIN)
    with atomic():
        audit.record("作废", "call", call.id, "重复登记")
    dialog = AuditDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    shown = lambda: [dialog.model.row_object(r).action for r in range(dialog.model.rowCount())]  # noqa: E731
    assert set(shown()) >= {"新建", "作废", "排班"}
    dialog.select(dialog.action, "作废")
    assert shown() == ["作废"] and dialog.count_label.text() == "共 1 条。"
    assert dialog.model.data(dialog.model.index(0, 5)) == "重复登记"
    assert dialog.model.data(dialog.model.index(0, 3)) == "值班记录"
    target = tmp_path / "日志.xlsx"
    assert dialog.export_excel(str(target)) == 1
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[2][1:] == ("admin", "作废", "值班记录", call.id, "重复登记")  # under the title and the header
    assert AuditLog.select().order_by(AuditLog.id.desc()).first().action == "导出"
    dialog.select(dialog.action, "")
    dialog.text.setText("重复")
    dialog.apply_filters()
    assert shown() == ["作废"]


def test_audit_log_is_for_the_administrator_only(qtbot, database, signed_in):
    signed_in(RECEPTIONIST)
    with pytest.raises(PermissionDenied):
        AuditDialog()
    with pytest.raises(PermissionDenied):
        audit.lines_query()


def test_history_survives_garbage_collection_while_open(qtbot, call):
    """The 修改记录 window is owned by the tab, not by a local that Python may collect."""
    import gc

    tab = make_tab(qtbot)
    tab.view.select_id(call.id)
    history = tab.show_history()
    del history
    gc.collect()
    qtbot.wait(20)
    [open_one] = [d for d in tab.findChildren(HistoryDialog) if d.isVisible()]
    assert open_one.texts()[0][2] == "新建"
    open_one.close()
