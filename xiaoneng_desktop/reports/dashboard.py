"""What the 概览 tab shows, gathered from every register (figures that combine registers live in
reports): today's roster, the open items with their holders and deadlines, this month's figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from xiaoneng_desktop.core import clock, workdays
from xiaoneng_desktop.core.figures import Figures

#: Open items listed per register; the register's own tab lists them all.
LIMIT = 200


@dataclass(frozen=True)
class OpenItem:
    register: str  # the tab's name: 值班记录 …
    record_id: int
    started: dt.datetime
    what: str
    holder: str
    deadline: dt.datetime


def duty_open_items() -> list[OpenItem]:
    from xiaoneng_desktop.duty import service
    from xiaoneng_desktop.duty.models import Call

    return [OpenItem("值班记录", c.id, c.received_at, f"{c.category}：{c.summary.splitlines()[0][:50]}",
                     c.assignee_name or c.officer_name, c.deadline)
            for c in service.open_calls_query().order_by(Call.deadline).limit(LIMIT)]


def duty_month(year: int, month: int) -> Figures:
    from xiaoneng_desktop.duty import stats

    return stats.month_figures(year, month)


#: (tab name, open items, month figures) per register, in the order of the tabs.
REGISTERS: list[tuple[str, Callable[[], list[OpenItem]], Callable[[int, int], Figures]]] = [
    ("值班记录", duty_open_items, duty_month),
]


def open_items() -> list[OpenItem]:
    """Every register's open items, the nearest deadline (or the most overdue) first."""
    items = [item for _, items_of, _ in REGISTERS for item in items_of()]
    return sorted(items, key=lambda item: item.deadline)


def due_within_one_workday(items: list[OpenItem], now: dt.datetime | None = None) -> list[OpenItem]:
    """临近提醒: not yet overdue, due before the end of the next working day."""
    now = now or clock.now()
    horizon = workdays.deadline_end(workdays.add_workdays(now.date(), 1))
    return [item for item in items if now <= item.deadline <= horizon]


def month_figures(year: int, month: int) -> list[tuple[str, Figures]]:
    return [(name, figures_of(year, month)) for name, _, figures_of in REGISTERS]


def todays_roster(day: dt.date | None = None):
    from xiaoneng_desktop.duty import service

    day = day or clock.today()
    return service.roster(day, day)
