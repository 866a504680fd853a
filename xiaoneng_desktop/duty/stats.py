"""值班记录 figures for a month, by SQL aggregates, with the one definition in core.figures:
a call belongs to the month it was received in; voided calls do not count."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from xiaoneng_desktop.core import figures
from xiaoneng_desktop.core.figures import (
    FIGURE_NAMES,
    Figures,
    aggregates,
    classify,
    conditions,
    figures_of,
    month_bounds,
)
from xiaoneng_desktop.duty.models import CATEGORIES, Call

__all__ = ["FIGURE_NAMES", "Figures", "by_category", "month_figures", "records_behind", "classified_records",
           "audit_lines"]


def _belongs(year: int, month: int):
    start, following, _ = month_bounds(year, month)
    return (Call.received_at >= start) & (Call.received_at < following) & Call.voided_at.is_null()


def month_figures(year: int, month: int) -> Figures:
    _, _, cutoff = month_bounds(year, month)
    row = Call.select(*aggregates(Call.closed_at, Call.deadline, cutoff)).where(_belongs(year, month)).dicts().get()
    return figures_of(row)


def by_category(year: int, month: int) -> dict[str, Figures]:
    """Every category, in the program's order, including those with no calls."""
    _, _, cutoff = month_bounds(year, month)
    rows = (Call.select(Call.category, *aggregates(Call.closed_at, Call.deadline, cutoff))
            .where(_belongs(year, month)).group_by(Call.category).dicts())
    found = {r["category"]: figures_of(r) for r in rows}
    ordered = {c: found.pop(c, Figures(0, 0, 0, 0)) for c in CATEGORIES}
    ordered.update(found)  # categories from an older setting or an import stay visible
    return ordered


def records_behind(year: int, month: int, figure: str) -> pw.ModelSelect:
    """The calls that make up one figure, so every number can be traced to its records."""
    _, _, cutoff = month_bounds(year, month)
    query = Call.select().where(_belongs(year, month))
    if figure != "total":
        query = query.where(conditions(Call.closed_at, Call.deadline, cutoff)[figure])
    return query.order_by(Call.received_at)


def classified_records(year: int, month: int) -> pw.ModelSelect:
    """Every call of the month with ``.figure`` = 按时办结 / 超时 / 在办 (decided in SQL, as counted)."""
    _, _, cutoff = month_bounds(year, month)
    return (Call.select(Call, classify(Call.closed_at, Call.deadline, cutoff).alias("figure"))
            .where(_belongs(year, month)).order_by(Call.received_at))


def audit_lines(action: str, year: int, month: int, after: dt.datetime | None = None) -> pw.ModelSelect:
    """Audit lines ``action`` (补记, 更正) on the calls of the month (core.figures.audit_lines)."""
    return figures.audit_lines(action, "call", Call.received_at, year, month, after)
