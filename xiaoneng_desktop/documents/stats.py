"""公文流转 figures for a month, by SQL aggregates, with DOMAIN.md's one definition: a document
belongs to the month of its start (收文日期 / 收到代拟稿之日); T is the month's end, or now while it
runs; it is closed at 办结 (收文) or 印发 (发文); its deadline is the item's 办理时限, moved by an
approved extension."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.documents.models import DIRECTIONS, KINDS, URGENCY, Document


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


EMPTY = Figures(0, 0, 0, 0)
FIGURE_NAMES = {"total": "登记", "on_time": "按时办结", "overdue": "超时", "in_progress": "在办"}


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date, dt.datetime]:
    """(first day, first day of the next month, cut-off T)."""
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    cutoff = min(dt.datetime.combine(following, dt.time()) - dt.timedelta(seconds=1), clock.now())
    return first, following, cutoff


def _conditions(cutoff: dt.datetime) -> dict[str, pw.Expression]:
    closed_by_t = Document.closed_at.is_null(False) & (Document.closed_at <= cutoff)
    open_at_t = Document.closed_at.is_null() | (Document.closed_at > cutoff)
    return {
        "on_time": closed_by_t & (Document.closed_at <= Document.deadline),
        "overdue": (closed_by_t & (Document.closed_at > Document.deadline))
        | (open_at_t & (Document.deadline < cutoff)),
        "in_progress": open_at_t & (Document.deadline >= cutoff),
    }


def _belongs(year: int, month: int, direction: str = "") -> pw.Expression:
    first, following, _ = month_bounds(year, month)
    condition = (Document.start_date >= first) & (Document.start_date < following) & Document.voided_at.is_null()
    if direction:
        condition &= Document.direction == direction
    return condition


def fn_sum(condition: pw.Expression) -> pw.Node:
    return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(condition, 1)], 0)), 0)


def _aggregates(cutoff: dt.datetime) -> list:
    return [pw.fn.COUNT(Document.id).alias("total")] + [
        fn_sum(condition).alias(name) for name, condition in _conditions(cutoff).items()]


def _figures(row: dict) -> Figures:
    return Figures(row["total"], row["on_time"], row["overdue"], row["in_progress"])


def month_figures(year: int, month: int, direction: str = "") -> Figures:
    """按时办结 / 超时 / 在办 of the documents of the month (both directions unless one is given)."""
    _, _, cutoff = month_bounds(year, month)
    return _figures(Document.select(*_aggregates(cutoff)).where(_belongs(year, month, direction)).dicts().get())


def _grouped(year: int, month: int, field: pw.Field, order: tuple[str, ...], direction: str) -> dict[str, Figures]:
    _, _, cutoff = month_bounds(year, month)
    rows = (Document.select(field.alias("key"), *_aggregates(cutoff))
            .where(_belongs(year, month, direction)).group_by(field).dicts())
    found = {r["key"]: _figures(r) for r in rows}
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
        query = query.where(_conditions(cutoff)[figure])
    return query.order_by(Document.start_date, Document.id)
