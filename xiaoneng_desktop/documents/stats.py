"""公文流转 figures for a month, by SQL aggregates, with DOMAIN.md's one definition: a document
belongs to the month of its start (收文日期 / 收到代拟稿之日); T is the month's end, or now while it
runs; it is closed at 办结 (收文) or 印发 (发文); its deadline is the item's 办理时限, moved by an
approved extension."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from xiaoneng_desktop.core import figures
from xiaoneng_desktop.core.figures import (
    FIGURE_NAMES,
    Figures,
    aggregates,
    conditions,
    figures_of,
    month_bounds,
)
from xiaoneng_desktop.documents.models import DIRECTIONS, KINDS, URGENCY, Document

__all__ = ["FIGURE_NAMES", "Figures", "by_direction", "by_kind", "by_urgency", "month_figures", "records_behind",
           "audit_lines"]

EMPTY = Figures(0, 0, 0, 0)


def _aggregates(cutoff) -> list:
    return aggregates(Document.closed_at, Document.deadline, cutoff)


def _belongs(year: int, month: int, direction: str = "") -> pw.Expression:
    first, following, _ = month_bounds(year, month)
    # start_date is a date: compare with dates ('2026-10-01' sorts before '2026-10-01 00:00:00')
    condition = ((Document.start_date >= first.date()) & (Document.start_date < following.date())
                 & Document.voided_at.is_null())
    if direction:
        condition &= Document.direction == direction
    return condition


def month_figures(year: int, month: int, direction: str = "") -> Figures:
    """按时办结 / 超时 / 在办 of the documents of the month (both directions unless one is given)."""
    _, _, cutoff = month_bounds(year, month)
    return figures_of(Document.select(*_aggregates(cutoff)).where(_belongs(year, month, direction)).dicts().get())


def _grouped(year: int, month: int, field: pw.Field, order: tuple[str, ...], direction: str) -> dict[str, Figures]:
    _, _, cutoff = month_bounds(year, month)
    rows = (Document.select(field.alias("key"), *_aggregates(cutoff))
            .where(_belongs(year, month, direction)).group_by(field).dicts())
    found = {r["key"]: figures_of(r) for r in rows}
    ordered = {key: found.pop(key, EMPTY) for key in order}
    ordered.update(found)
    return ordered


def by_direction(year: int, month: int) -> dict[str, Figures]:
    """收文 (received) and 发文 (sent) of the month."""
    return _grouped(year, month, Document.direction, DIRECTIONS, "")


def by_kind(year: int, month: int, direction: str = "") -> dict[str, Figures]:
    return _grouped(year, month, Document.kind, KINDS, direction)


def by_urgency(year: int, month: int, direction: str = "") -> dict[str, Figures]:
    return _grouped(year, month, Document.urgency, URGENCY, direction)


def records_behind(year: int, month: int, figure: str, direction: str = "") -> pw.ModelSelect:
    """The documents behind one figure, so every number can be traced to its records."""
    _, _, cutoff = month_bounds(year, month)
    query = Document.select().where(_belongs(year, month, direction))
    if figure != "total":
        query = query.where(conditions(Document.closed_at, Document.deadline, cutoff)[figure])
    return query.order_by(Document.start_date, Document.id)


def audit_lines(action: str, year: int, month: int, after: dt.datetime | None = None) -> pw.ModelSelect:
    """Audit lines ``action`` (补记, 更正) on the documents of the month (core.figures.audit_lines)."""
    return figures.audit_lines(action, "document", Document.start_date, year, month, after)
