"""Typed text is shown as typed (issue 11, item 7): a name or 事由 of "<b>粗</b><img src=x>" shows those
characters, never bold text or an image loaded from disk — in labels, tooltips and the 概览."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.reports import samples
from xiaoneng_desktop.documents import service as documents
from xiaoneng_desktop.documents.service import IncomingInput
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.ui.dashboard.tab import DashboardTab
from xiaoneng_desktop.ui.documents.tab import DocumentsTab
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.inspection.verify_dialog import VerifyDialog
from xiaoneng_desktop.ui.visitors.handling_dialog import HandlingDialog
from xiaoneng_desktop.ui.visitors.tab import VisitorsTab
from xiaoneng_desktop.ui.widgets.inputs import literal
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors.service import VisitInput

MARKUP = "<b>粗</b><img src=x>"
ESCAPED = "&lt;b&gt;粗&lt;/b&gt;&lt;img src=x&gt;"


def shows_literally(label: QLabel, typed: str = MARKUP) -> bool:
    """The label shows ``typed`` character for character: as plain text, or escaped in rich text."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.PlainText:
        return typed in text
    return typed.replace("<", "&lt;").replace(">", "&gt;") in text and "<img" not in text


def tooltips(model) -> list[str]:
    return [model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) or ""
            for column in range(model.columnCount())]


def assert_tooltips_escaped(model) -> None:
    tips = tooltips(model)
    assert any(ESCAPED in tip for tip in tips), tips
    assert not any("<img" in tip or "<b>" in tip for tip in tips), tips


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))


def test_literal_escapes_only_what_qt_would_render():
    assert literal("会议通知\n下午三点") == "会议通知\n下午三点"
    assert literal(MARKUP) == f"<p style='white-space:pre-wrap'>{ESCAPED}</p>"
    assert literal("") == "" and literal(None) == ""


def test_duty_header_handover_note_call_tooltip_and_dashboard(qtbot, database, clock):
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 8), name="白班", officer_name=MARKUP))
    yesterday = duty.shift_at(dt.datetime(2026, 10, 8, 10, 0))
    duty.handover(yesterday.id, MARKUP, actor=MARKUP)
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name=MARKUP,
                               leader_name=MARKUP, standby_name=MARKUP))
    duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 30), category="一般事项", caller=MARKUP,
                               caller_unit=MARKUP, summary=MARKUP, officer_name=MARKUP, assignee_name=MARKUP,
                               instruction=MARKUP, instruction_by=MARKUP, feedback=MARKUP))
    tab = DutyTab()
    qtbot.addWidget(tab)
    assert shows_literally(tab.shift_label)
    assert tab.shift_label.text().count(ESCAPED) == 3  # 值班员, 带班领导, 候班
    assert shows_literally(tab.handover_label)
    assert_tooltips_escaped(tab.model)
    dashboard = DashboardTab()
    qtbot.addWidget(dashboard)
    assert shows_literally(dashboard.roster_label)
    assert MARKUP in dashboard.open_table.item(0, 1).text()  # table items are plain text


def test_visit_handling_dialog_list_tooltip_and_reception_day(qtbot, database, clock):
    samples.office()
    visit = visitors.create_visit(VisitInput(visited_at=dt.datetime(2026, 10, 9, 8, 30), name=MARKUP,
                                             matter=MARKUP, first_responder=MARKUP, category="求决",
                                             address=MARKUP))
    dialog = HandlingDialog(visitors.get_visit(visit.id))
    qtbot.addWidget(dialog)
    assert shows_literally(dialog.ui.summary)
    assert dialog.ui.summary.text().count(ESCAPED) == 2  # name and 事由
    visitors.generate_reception_days(dt.date(2026, 10, 1), dt.date(2026, 10, 31), [MARKUP])
    tab = VisitorsTab()
    qtbot.addWidget(tab)
    assert shows_literally(tab.day_label)
    assert_tooltips_escaped(tab.model)


def test_document_tooltip_and_problem_verify_dialog(qtbot, database, clock):
    samples.office()
    documents.register_incoming(IncomingInput(
        start_date=dt.date(2026, 10, 9), unit=MARKUP, title=MARKUP, kind="通知", registrar=MARKUP,
        next_holder="赵主任", doc_number="宜府办文〔2026〕58号", opinion=MARKUP))
    tab = DocumentsTab()
    qtbot.addWidget(tab)
    assert_tooltips_escaped(tab.model)
    problem = samples.problem(clock, verified=False)
    problem.description = problem.measure = problem.responsible_name = MARKUP
    dialog = VerifyDialog(problem)
    qtbot.addWidget(dialog)
    assert shows_literally(dialog.ui.problem_text)
