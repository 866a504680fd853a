"""值班记录 figures for a month, by SQL aggregates, with DOMAIN.md's one definition:
an item belongs to the month it was received in; T is the month's end, or now while it runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.duty.models import CATEGORIES, Call


@dataclass(frozen=True)
class Figures:
    total: int
    on_time: int  # 按时办结
    overdue: int  # 超时
    in_progress: int  # 在办

    @property
    def rate(self) -> float | None:
        """按时办结率 in percent, None when nothing was closed or due."""
        judged = self.on_time + self.overdue
        return None if judged == 0 else round(100.0 * self.on_time / judged, 1)

    @property
    def rate_text(self) -> str:
        return "—" if self.rate is None else f"{self.rate:.1f}%"


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """(first moment, first moment of the next month, cut-off T)."""
    start = dt.datetime(year, month, 1)
    following = dt.datetime(year + (month == 12), month % 12 + 1, 1)
    cutoff = min(following - dt.timedelta(seconds=1), clock.now())
    return start, following, cutoff


def _conditions(cutoff: dt.datetime) -> dict[str, pw.Expression]:
    closed_by_t = Call.closed_at.is_null(False) & (Call.closed_at <= cutoff)
    open_at_t = Call.closed_at.is_null() | (Call.closed_at > cutoff)
    return {
        "on_time": closed_by_t & (Call.closed_at <= Call.deadline),
        "overdue": (closed_by_t & (Call.closed_at > Call.deadline)) | (open_at_t & (Call.deadline < cutoff)),
        "in_progress": open_at_t & (Call.deadline >= cutoff),
    }


def _belongs(year: int, month: int):
    start, following, _ = month_bounds(year, month)
    return (Call.received_at >= start) & (Call.received_at < following) & Call.voided_at.is_null()


def _aggregates(cutoff: dt.datetime) -> list:
    return [fn_sum(condition).alias(name) for name, condition in _conditions(cutoff).items()]


def fn_sum(condition: pw.Expression) -> pw.Node:
    return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(condition, 1)], 0)), 0)


def month_figures(year: int, month: int) -> Figures:
    _, _, cutoff = month_bounds(year, month)
    row = (Call.select(pw.fn.COUNT(Call.id).alias("total"), *_aggregates(cutoff))
           .where(_belongs(year, month)).dicts().get())
    return Figures(row["total"], row["on_time"], row["overdue"], row["in_progress"])


def by_category(year: int, month: int) -> dict[str, Figures]:
    """Every category, in the program's order, including those with no calls."""
    _, _, cutoff = month_bounds(year, month)
    rows = (Call.select(Call.category, pw.fn.COUNT(Call.id).alias("total"), *_aggregates(cutoff))
            .where(_belongs(year, month)).group_by(Call.category).dicts())
    found = {r["category"]: Figures(r["total"], r["on_time"], r["overdue"], r["in_progress"]) for r in rows}
    ordered = {c: found.pop(c, Figures(0, 0, 0, 0)) for c in CATEGORIES}
    ordered.update(found)  # categories from an older setting or an import stay visible
    return ordered


FIGURE_NAMES = {"total": "登记", "on_time": "按时办结", "overdue": "超时", "in_progress": "在办"}


def records_behind(year: int, month: int, figure: str) -> pw.ModelSelect:
    """The calls that make up one figure, so every number can be traced to its records."""
    _, _, cutoff = month_bounds(year, month)
    query = Call.select().where(_belongs(year, month))
    if figure != "total":
        query = query.where(_conditions(cutoff)[figure])
    return query.order_by(Call.received_at)
