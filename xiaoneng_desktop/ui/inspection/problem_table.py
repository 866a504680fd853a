"""The columns of 整改台账: overdue rectifications red, due-soon amber, voided grey."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import CheckItem, Problem
from xiaoneng_desktop.ui.widgets.inputs import AMBER, AMBER_BACKGROUND, GREY, RED, RED_BACKGROUND
from xiaoneng_desktop.ui.widgets.sql_table import Column


def _foreground(problem: Problem) -> QColor | None:
    return {"overdue": RED, "soon": AMBER, "voided": GREY}.get(service.state(problem))


def _background(problem: Problem) -> QColor | None:
    return {"overdue": RED_BACKGROUND, "soon": AMBER_BACKGROUND}.get(service.state(problem))


def _row(problem: Problem) -> QColor | None:
    return {"overdue": RED, "voided": GREY}.get(service.state(problem))


def _first_line(text: str, limit: int = 50) -> str:
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= limit else first[:limit] + "…"


def _tip(problem: Problem) -> str:
    parts = [problem.description]
    for label, value in (("原因分析", problem.cause), ("整改措施", problem.measure),
                         ("解释说明", problem.explanation), ("验收情况", problem.verification),
                         ("作废原因", problem.void_reason)):
        if value:
            parts.append(f"{label}：{value}")
    return "\n".join(parts)


STATUS_COLUMN = 7
CENTER = Qt.AlignmentFlag.AlignCenter

COLUMNS = [
    Column("发现日期", Problem.found_on, lambda p: f"{p.found_on:%Y-%m-%d}", foreground=_row, width=90,
           value=lambda p: p.found_on),
    Column("自查活动", Problem.campaign, lambda p: p.campaign.name, foreground=_row, width=150, optional=True),
    Column("检查项", CheckItem.name, lambda p: p.item.name, foreground=_row, width=90, optional=True),
    Column("问题描述", None, lambda p: _first_line(p.description), foreground=_row, tooltip=_tip, width=280,
           value=lambda p: p.description, stretch=True),
    Column("责任人", Problem.responsible_name, lambda p: p.responsible_name, foreground=_row, width=70),
    Column("整改类型", Problem.kind, lambda p: p.kind, foreground=_row, width=100, optional=True),
    Column("整改时限", Problem.deadline, lambda p: f"{p.deadline:%Y-%m-%d}" if p.deadline else "—",
           foreground=_row, width=90, value=lambda p: p.deadline.date() if p.deadline else "—"),
    Column("状态", Problem.deadline, service.status_text, foreground=_foreground, background=_background, width=140),
    Column("验收人", Problem.verified_by, lambda p: p.verified_by, foreground=_row, width=70, optional=True),
]
assert COLUMNS[STATUS_COLUMN].title == "状态"
