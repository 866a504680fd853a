"""The columns of the call log, shared by the full log and the list of open items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.ui.widgets.inputs import AMBER, AMBER_BACKGROUND, GREY, RED, RED_BACKGROUND
from xiaoneng_desktop.ui.widgets.sql_table import Column

#: The handover dialog lists the open calls with the same words as the column.
status_text = service.status_text


def _foreground(call: Call) -> QColor | None:
    return {"overdue": RED, "soon": AMBER, "voided": GREY}.get(service.state(call))


def _background(call: Call) -> QColor | None:
    return {"overdue": RED_BACKGROUND, "soon": AMBER_BACKGROUND}.get(service.state(call))


def _row_grey(call: Call) -> QColor | None:
    return GREY if call.voided_at is not None else None


def _summary(call: Call) -> str:
    first = call.summary.splitlines()[0] if call.summary else ""
    return first if len(first) <= 60 else first[:60] + "…"


def _tip(call: Call) -> str:
    tip = call.summary
    if call.instruction:
        tip += f"\n领导批示：{call.instruction}"
    if call.feedback:
        tip += f"\n办理情况：{call.feedback}"
    if call.voided_at is not None:
        tip += f"\n作废原因：{call.void_reason}"
    return tip


def _when(value) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


STATUS_COLUMN = 8
CENTER = Qt.AlignmentFlag.AlignCenter

COLUMNS = [
    Column("来电时间", Call.received_at, lambda c: _when(c.received_at), foreground=_row_grey, width=130,
           value=lambda c: c.received_at),
    Column("方式", Call.channel, lambda c: c.channel, foreground=_row_grey, align=CENTER, width=44,
           optional=True),
    Column("事项类别", Call.category, lambda c: c.category, foreground=_row_grey, width=70, optional=True),
    Column("来电单位", Call.caller_unit, lambda c: c.caller_unit, foreground=_row_grey, width=130),
    Column("来电人", Call.caller, lambda c: c.caller, foreground=_row_grey, width=70, optional=True),
    Column("内容摘要", None, _summary, foreground=_row_grey, tooltip=_tip, width=300, value=lambda c: c.summary,
           stretch=True),
    Column("交办对象", Call.assignee_name, lambda c: c.assignee_name, foreground=_row_grey, width=90),
    Column("办理时限", Call.deadline, lambda c: _when(c.deadline), foreground=_row_grey, width=130,
           value=lambda c: c.deadline),
    Column("办理状态", Call.deadline, service.status_text, foreground=_foreground, background=_background, width=130),
    Column("办结时间", Call.closed_at, lambda c: _when(c.closed_at), foreground=_row_grey, width=130,
           value=lambda c: c.closed_at, optional=True),
    Column("值班员", Call.officer_name, lambda c: c.officer_name, foreground=_row_grey, width=70, optional=True),
]
assert COLUMNS[STATUS_COLUMN].title == "办理状态"
