"""The columns of the document list: current step, holder, deadline, time left (amber / red), 催办."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from xiaoneng_desktop.documents import service
from xiaoneng_desktop.documents.models import Document
from xiaoneng_desktop.ui.widgets.inputs import AMBER, AMBER_BACKGROUND, GREY, RED, RED_BACKGROUND
from xiaoneng_desktop.ui.widgets.sql_table import Column


def _foreground(doc: Document) -> QColor | None:
    return {"overdue": RED, "soon": AMBER, "voided": GREY}.get(service.state(doc))


def _background(doc: Document) -> QColor | None:
    return {"overdue": RED_BACKGROUND, "soon": AMBER_BACKGROUND}.get(service.state(doc))


def _grey(doc: Document) -> QColor | None:
    return GREY if doc.voided_at is not None else None


def _tip(doc: Document) -> str:
    lines = [doc.title]
    if doc.doc_number:
        lines.append(f"文号：{doc.doc_number}")
    if doc.lead:
        lines.append(f"主办：{doc.lead}" + (f"　协办：{doc.assist}" if doc.assist else ""))
    lines.append(f"办理时限：{doc.deadline:%Y-%m-%d}")
    if doc.voided_at is not None:
        lines.append(f"作废原因：{doc.void_reason}")
    return "\n".join(lines)


def _day(value) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def _due(doc: Document) -> str:
    return f"{doc.due:%m-%d} 前" if doc.due else ""


CENTER = Qt.AlignmentFlag.AlignCenter
STATUS_COLUMN = 10
DUE_COLUMN = 9

COLUMNS = [
    Column("日期", Document.start_date, lambda d: _day(d.start_date), foreground=_grey, width=84,
           value=lambda d: d.start_date),
    Column("类别", Document.direction, lambda d: d.direction, foreground=_grey, align=CENTER, width=44),
    Column("编号", Document.number, lambda d: d.number or "（待编号）", foreground=_grey, width=140),
    Column("来文单位 / 拟稿科室", Document.unit, lambda d: d.unit, foreground=_grey, width=130, optional=True),
    Column("文号", Document.doc_number, lambda d: d.doc_number, foreground=_grey, width=130, optional=True),
    Column("标题", Document.title, lambda d: d.title, foreground=_grey, tooltip=_tip, width=260, stretch=True),
    Column("紧急", Document.urgency, lambda d: "" if d.urgency == "平件" else d.urgency,
           foreground=lambda d: GREY if d.voided_at else (RED if d.urgency == "特急" else None), align=CENTER, width=40),
    Column("当前环节", Document.step, lambda d: d.step, foreground=_grey, align=CENTER, width=64),
    Column("办理人", Document.holder, lambda d: d.holder, foreground=_grey, width=80, optional=True),
    Column("时限", Document.due, _due, foreground=_foreground, width=90, value=lambda d: d.due.date() if d.due else None),
    Column("剩余 / 状态", Document.due, service.status_text, foreground=_foreground, background=_background, width=110),
    Column("催办", Document.urge_count, lambda d: f"{d.urge_count}次" if d.urge_count else "",
           foreground=lambda d: RED if d.urge_count else None, align=CENTER, width=44,
           value=lambda d: d.urge_count or None),
]
assert COLUMNS[STATUS_COLUMN].title == "剩余 / 状态" and COLUMNS[DUE_COLUMN].title == "时限"
