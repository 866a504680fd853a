"""What the 概览 tab shows, gathered from every register (figures that combine registers live in
reports): today's roster, the open items with their holders and deadlines, this month's figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from xiaoneng_desktop.core import clock, workdays
from xiaoneng_desktop.core.figures import OVERDUE, Figures

#: Open items listed per register; the register's own tab lists them all.
LIMIT = 200


@dataclass(frozen=True)
class OpenItem:
    register: str  # the tab's name: 值班记录 …
    record_id: int
    started: dt.datetime
    what: str
    holder: str
    deadline: dt.datetime  # the moment the item next falls due (a visit's 受理告知 while undecided)
    state: str  # the register service's own state (core.figures.STATES) when the list was read


def duty_open_items(now: dt.datetime | None = None) -> list[OpenItem]:
    from xiaoneng_desktop.duty import service
    from xiaoneng_desktop.duty.models import Call

    now = now or clock.now()
    return [OpenItem("值班记录", c.id, c.received_at, f"{c.category}：{c.summary.splitlines()[0][:50]}",
                     c.assignee_name or c.officer_name, c.deadline, service.state(c, now))
            for c in service.open_calls_query().order_by(Call.deadline).limit(LIMIT)]


def documents_open_items(now: dt.datetime | None = None) -> list[OpenItem]:
    from xiaoneng_desktop.documents import service
    from xiaoneng_desktop.documents.models import Document

    now = now or clock.now()
    query = service.open_documents_query().order_by(Document.due).limit(LIMIT)
    return [OpenItem("公文流转", d.id, dt.datetime.combine(d.start_date, dt.time()),
                     f"{d.direction}（{d.step}）：{d.title[:50]}", d.holder, d.due or d.deadline,
                     service.state(d, now)) for d in query]


def visitors_open_items(now: dt.datetime | None = None) -> list[OpenItem]:
    from xiaoneng_desktop.visitors import service

    now = now or clock.now()
    query = service.open_visits_query()
    visits = sorted(query, key=service.due)[:LIMIT]
    return [OpenItem("来访接待", v.id, v.visited_at, f"{v.category}：{v.matter.splitlines()[0][:50]}",
                     v.referred_to or v.first_responder, service.due(v), service.state(v, now)) for v in visits]


def inspection_open_items(now: dt.datetime | None = None) -> list[OpenItem]:
    from xiaoneng_desktop.inspection import service
    from xiaoneng_desktop.inspection.models import Problem

    now = now or clock.now()
    # 短期内不能解决 problems have no deadline: they stay on the 整改台账 but have no place in a list by deadline
    query = (service.open_problems_query().where(Problem.deadline.is_null(False))
             .order_by(Problem.deadline).limit(LIMIT))
    return [OpenItem("五查自查", p.id, dt.datetime.combine(p.found_on, dt.time()),
                     f"整改：{p.description.splitlines()[0][:50]}", p.responsible_name, p.deadline,
                     service.state(p, now)) for p in query]


@dataclass(frozen=True)
class MonthLine:
    """One register's line of this month's figures on the dashboard."""

    register: str
    figures: Figures | None  # 登记 / 按时办结 / 超时 / 在办, for registers with deadlines
    rate_label: str
    rate: float | None
    rate_text: str
    notes: tuple[str, ...] = ()
    scope: str = "本月"  # what the rate covers: 本月 (items of the month) or 累计 (everything so far)  # figures of the register's own shown beside the table, e.g. 受理告知超时 2批次


def duty_month(year: int, month: int) -> MonthLine:
    from xiaoneng_desktop.duty import stats

    f = stats.month_figures(year, month)
    return MonthLine("值班记录", f, "按时办结率", f.rate, f.rate_text)


def documents_month(year: int, month: int) -> MonthLine:
    from xiaoneng_desktop.documents import stats

    f = stats.month_figures(year, month)
    return MonthLine("公文流转", f, "按时办结率", f.rate, f.rate_text)


def visitors_month(year: int, month: int) -> MonthLine:
    from xiaoneng_desktop.visitors import stats

    v = stats.month_figures(year, month)
    f = Figures(v.visits, v.on_time, v.overdue, v.in_progress)
    return MonthLine("来访接待", f, "按时办结率", f.rate, f.rate_text,
                     notes=(f"来访受理告知超时 {v.acceptance_late} 批次",))


def inspection_month(year: int, month: int) -> MonthLine:
    from xiaoneng_desktop.inspection import stats

    f = stats.month_figures(year, month)
    # found and verified so far, as of the month's end (or now): a cumulative rate, not the month's own
    return MonthLine("五查自查", None, "整改完成率", f.rate, f.rate_text, scope="累计")


#: (tab name, open items, this month's line) per register, in the order of the tabs.
REGISTERS: list[tuple[str, Callable[[dt.datetime | None], list[OpenItem]], Callable[[int, int], MonthLine]]] = [
    ("值班记录", duty_open_items, duty_month),
    ("公文流转", documents_open_items, documents_month),
    ("来访接待", visitors_open_items, visitors_month),
    ("五查自查", inspection_open_items, inspection_month),
]


def open_items(now: dt.datetime | None = None) -> list[OpenItem]:
    """Every register's open items, the nearest deadline (or the most overdue) first."""
    now = now or clock.now()
    items = [item for _, items_of, _ in REGISTERS for item in items_of(now)]
    return sorted(items, key=lambda item: item.deadline)


def overdue(items: list[OpenItem]) -> list[OpenItem]:
    """The items their own register calls overdue."""
    return [item for item in items if item.state == OVERDUE]


def due_within_one_workday(items: list[OpenItem], now: dt.datetime | None = None) -> list[OpenItem]:
    """临近提醒: not yet overdue, due before the end of the next working day."""
    now = now or clock.now()
    horizon = workdays.deadline_end(workdays.add_workdays(now.date(), 1))
    return [item for item in items if now <= item.deadline <= horizon]


def month_lines(year: int, month: int) -> list[MonthLine]:
    return [line_of(year, month) for _, _, line_of in REGISTERS]


def todays_roster(day: dt.date | None = None):
    from xiaoneng_desktop.duty import service

    day = day or clock.today()
    return service.roster(day, day)


def duty_now(now: dt.datetime | None = None) -> tuple[object | None, list]:
    """(the shift on duty at ``now``, today's other shifts): after midnight the shift on duty is
    yesterday's 夜班 — the one ``duty.service.shift_at`` finds, as the 值班记录 tab does."""
    from xiaoneng_desktop.duty import service

    now = now or clock.now()
    current = service.shift_at(now)
    others = [shift for shift in todays_roster(now.date()) if current is None or shift.id != current.id]
    return current, others


def overdue_by_register(items: list[OpenItem]) -> dict[str, int]:
    """How many items each register calls overdue (its own state rule), every register named."""
    counts = {name: 0 for name, _, _ in REGISTERS}
    for item in overdue(items):
        counts[item.register] += 1
    return counts
