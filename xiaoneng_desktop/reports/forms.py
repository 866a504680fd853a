"""Single-record forms, one page each: 电话记录单 (a call, for a leader to sign — seed 003 §(一))."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from xiaoneng_desktop.core import settings
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.reports import pdf


def _when(value) -> str:
    return f"{value:%Y年%m月%d日 %H:%M}" if value else ""


def _para(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def _signature(call: Call, style):
    """The instruction as given, then room for a leader to sign by hand on the printed form."""
    from reportlab.platypus import Paragraph

    text = escape(call.instruction or "").replace("\n", "<br/>")
    if call.instruction_by:
        text += f"<br/>—— {escape(call.instruction_by)}"
    gap = "&nbsp;" * 6
    return Paragraph(f"{text}<br/><br/><br/><br/>签批：{gap * 3}{gap}年{gap}月{gap}日", style)


def phone_record(call: Call) -> bytes:
    """电话记录单 of one call as PDF bytes: every field of the register, room for the leader's signature."""
    from reportlab.platypus import Spacer

    s = pdf.styles()
    label = lambda text: _para(text, s.cell_bold)  # noqa: E731
    value = lambda text: _para(text, s.cell)  # noqa: E731
    width = pdf.BLOCK_WIDTH
    widths = [width * 0.16, width * 0.34, width * 0.16, width * 0.34]
    status = "已作废（" + call.void_reason + "）" if call.voided_at else ("已办结" if call.closed_at else "在办")
    rows = [
        [label("来电时间"), value(_when(call.received_at)), label("来电方式"), value(call.channel)],
        [label("来电单位"), value(call.caller_unit), label("来电人"), value(call.caller)],
        [label("联系电话"), value(call.phone), label("事项类别"), value(call.category)],
        [label("内容摘要"), value(call.summary), "", ""],
        [label("交办对象"), value(call.assignee_name), label("办理时限"), value(_when(call.deadline))],
        [label("领导批示"), _signature(call, s.cell), "", ""],
        [label("办理情况"), value(call.feedback), "", ""],
        [label("办结时间"), value(_when(call.closed_at)), label("办理状态"), value(status)],
        [label("值班员"), value(call.officer_name), label("带班领导"),
         value(call.shift.leader_name if call.shift_id and call.shift else "")],
    ]
    spans = [("SPAN", (1, r), (3, r)) for r in (3, 5, 6)]
    table = pdf.grid_table(rows, widths, style=spans)
    office = settings.get("office.name")
    flowables = [
        _para(f"{office}", s.subtitle),
        _para("电话记录单", s.title),
        _para(f"编号：值〔{call.received_at:%Y}〕{call.id}号", s.note),
        Spacer(1, 6),
        table,
    ]
    buffer = io.BytesIO()
    pdf.build(buffer, flowables, title=f"电话记录单 {call.received_at:%Y-%m-%d %H:%M}", page_numbers=False)
    return buffer.getvalue()
