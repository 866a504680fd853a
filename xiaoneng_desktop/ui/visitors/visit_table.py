"""The columns of the visit register, shared by the full register and the list of open cases.

The 身份证号 column shows the full number only to a role allowed to see it (session "id.full":
管理员, 接待员), else the masked number (4306**********1234); 未提供 when not given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from xiaoneng_desktop.ui.widgets.inputs import AMBER, AMBER_BACKGROUND, GREY, RED, RED_BACKGROUND
from xiaoneng_desktop.ui.widgets.sql_table import Column
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import Visit


def _foreground(visit: Visit) -> QColor | None:
    return {"overdue": RED, "soon": AMBER, "voided": GREY}.get(service.state(visit))


def _background(visit: Visit) -> QColor | None:
    return {"overdue": RED_BACKGROUND, "soon": AMBER_BACKGROUND}.get(service.state(visit))


def _row_grey(visit: Visit) -> QColor | None:
    return GREY if visit.voided_at is not None else None


def _matter(visit: Visit) -> str:
    first = visit.matter.splitlines()[0] if visit.matter else ""
    return first if len(first) <= 50 else first[:50] + "…"


def _tip(visit: Visit) -> str:
    tip = visit.matter
    for label, value in (("转办", visit.referred_to), ("答复", visit.reply), ("结果", visit.result),
                         ("不予受理理由", visit.decision_reason if visit.decision == "不予受理" else ""),
                         ("延期理由", visit.extension_reason), ("回访", visit.follow_up_note),
                         ("作废原因", visit.void_reason)):
        if value:
            tip += f"\n{label}：{value}"
    return tip


def _persons(visit: Visit) -> str:
    return f"{visit.persons}（集体访）" if service.is_group(visit) else str(visit.persons)


def _repeat(visit: Visit) -> str:
    earlier = getattr(visit, "earlier", 0) or 0
    return f"第{earlier + 1}次" if earlier else ""


def _repeat_colour(visit: Visit) -> QColor | None:
    return GREY if visit.voided_at is not None else (AMBER if getattr(visit, "earlier", 0) else None)


def _age(visit: Visit) -> str:
    if visit.voided_at is not None:
        return ""
    return f"{service.age_days(visit)}天"


def _when(value) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


CENTER = Qt.AlignmentFlag.AlignCenter
ID_COLUMN = 2
STATUS_COLUMN = 13
AGE_COLUMN = 14

COLUMNS = [
    Column("来访时间", Visit.visited_at, lambda v: _when(v.visited_at), foreground=_row_grey, width=125,
           value=lambda v: v.visited_at),
    Column("姓名", Visit.name, lambda v: v.name, foreground=_row_grey, width=70),
    Column("身份证号", None, service.id_display, foreground=_row_grey, width=140, optional=True),
    Column("联系电话", None, lambda v: v.phone, foreground=_row_grey, width=105, optional=True),
    Column("人数", Visit.persons, _persons, foreground=_row_grey, align=CENTER, width=88, value=lambda v: v.persons,
           optional=True),
    Column("问题类别", Visit.category, lambda v: v.category, foreground=_row_grey, width=70),
    Column("信访目的", Visit.purpose, lambda v: v.purpose, foreground=_row_grey, width=60, optional=True),
    Column("来访事由", None, _matter, foreground=_row_grey, tooltip=_tip, width=260, value=lambda v: v.matter,
           stretch=True),
    Column("首问责任人", Visit.first_responder, lambda v: v.first_responder, foreground=_row_grey, width=75,
           optional=True),
    Column("转办给", Visit.referred_to, lambda v: v.referred_to, foreground=_row_grey, width=100, optional=True),
    Column("接待领导", Visit.leader_name, lambda v: v.leader_name, foreground=_row_grey, width=70, optional=True),
    Column("重复访", None, _repeat, foreground=_repeat_colour, align=CENTER, width=55, optional=True),
    Column("办理时限", Visit.deadline, lambda v: f"{v.deadline:%Y-%m-%d}", foreground=_row_grey, width=85,
           value=lambda v: v.deadline.date()),
    Column("办理状态", Visit.deadline, service.status_text, foreground=_foreground, background=_background,
           width=130),
    Column("已过", None, _age, foreground=_row_grey, align=CENTER, width=50,
           value=lambda v: None if v.voided_at is not None else service.age_days(v), optional=True),
]
assert COLUMNS[STATUS_COLUMN].title == "办理状态" and COLUMNS[ID_COLUMN].title == "身份证号"
