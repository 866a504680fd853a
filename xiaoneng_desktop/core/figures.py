"""The one definition of the month's figures (DOMAIN.md, Figures), shared by every register's stats.

An item belongs to the month of its start; the cut-off T is the month's last second, or now while the
month runs. 按时办结: closed by T and by the deadline. 超时: closed by T after the deadline, or open at T
with the deadline past. 在办: open at T, deadline not reached. 按时办结率 = 按时办结 / (按时办结 + 超时).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from xiaoneng_desktop.core import clock

FIGURE_NAMES = {"total": "登记", "on_time": "按时办结", "overdue": "超时", "in_progress": "在办"}

# A record's state against the clock, in the same words for every register: each service's ``state``
# decides it, tables colour by it, 概览 and the CLI count by it.
OPEN, SOON, OVERDUE = "open", "soon", "overdue"  # still open: deadline ahead, near, or passed
CLOSED, CLOSED_LATE, VOIDED = "closed", "closed_late", "voided"
STATES = (OPEN, SOON, OVERDUE, CLOSED, CLOSED_LATE, VOIDED)


def open_state(due: dt.datetime | None, now: dt.datetime, soon_until: dt.datetime) -> str:
    """OVERDUE once ``due`` has passed, SOON when it falls at or before ``soon_until``, else OPEN (also
    when there is no due moment)."""
    if due is None:
        return OPEN
    if due < now:
        return OVERDUE
    return SOON if due <= soon_until else OPEN


def closed_state(closed_at: dt.datetime, deadline: dt.datetime | None) -> str:
    return CLOSED_LATE if deadline is not None and closed_at > deadline else CLOSED


@dataclass(frozen=True)
class Figures:
    total: int
    on_time: int  # 按时办结
    overdue: int  # 超时
    in_progress: int  # 在办

    @property
    def rate(self) -> float | None:
        """按时办结率 in percent, one decimal; None when nothing was closed or due."""
        judged = self.on_time + self.overdue
        return None if judged == 0 else round(100.0 * self.on_time / judged, 1)

    @property
    def rate_text(self) -> str:
        return percent_text(self.rate)


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def ratio(part: int, whole: int) -> float | None:
    """part / whole in percent with one decimal, None when whole is 0 (printed "—")."""
    return None if whole == 0 else round(100.0 * part / whole, 1)


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """(first moment, first moment of the next month, cut-off T)."""
    start = dt.datetime(year, month, 1)
    following = dt.datetime(year + (month == 12), month % 12 + 1, 1)
    cutoff = min(following - dt.timedelta(seconds=1), clock.now())
    return start, following, cutoff


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def conditions(closed_at: pw.Field, deadline: pw.Field, cutoff: dt.datetime) -> dict[str, pw.Expression]:
    """The three figures as SQL conditions on a register's closing time and deadline columns."""
    closed_by_t = closed_at.is_null(False) & (closed_at <= cutoff)
    open_at_t = closed_at.is_null() | (closed_at > cutoff)
    return {
        "on_time": closed_by_t & (closed_at <= deadline),
        "overdue": (closed_by_t & (closed_at > deadline)) | (open_at_t & (deadline < cutoff)),
        "in_progress": open_at_t & (deadline >= cutoff),
    }


def count_if(condition: pw.Expression) -> pw.Node:
    return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(condition, 1)], 0)), 0)


def aggregates(closed_at: pw.Field, deadline: pw.Field, cutoff: dt.datetime) -> list[pw.Node]:
    """SELECT terms total, on_time, overdue, in_progress — read the row with ``figures_of``."""
    return [pw.fn.COUNT(pw.SQL("*")).alias("total")] + [
        count_if(condition).alias(name) for name, condition in conditions(closed_at, deadline, cutoff).items()]


def figures_of(row: dict) -> Figures:
    return Figures(row["total"], row["on_time"], row["overdue"], row["in_progress"])


def classify(closed_at: pw.Field, deadline: pw.Field, cutoff: dt.datetime) -> pw.Node:
    """A CASE naming each record's figure (按时办结 / 超时 / 在办), for the records behind the figures."""
    found = conditions(closed_at, deadline, cutoff)
    return pw.Case(None, [(found[key], FIGURE_NAMES[key]) for key in ("on_time", "overdue", "in_progress")], "")


def audit_lines(action: str, table: str, start: pw.Field, year: int, month: int,
                after: dt.datetime | None = None) -> pw.ModelSelect:
    """The audit lines ``action`` (补记, 更正 …) on the records of ``table`` that belong to the month —
    whose ``start`` field (a register's received_at, start_date, visited_at, found_on) falls in it —
    written after ``after`` when given (a 更正 made after the month was closed). Each register's stats
    names its table and start field; this is the one query behind them."""
    from xiaoneng_desktop.core.models import AuditLog

    first, following, _ = month_bounds(year, month)
    if isinstance(start, pw.DateField):
        first, following = first.date(), following.date()
    model = start.model
    records = model.select(model.id).where((start >= first) & (start < following))
    query = AuditLog.select().where((AuditLog.action == action) & (AuditLog.table == table)
                                    & AuditLog.record_id.in_(records))
    if after is not None:
        query = query.where(AuditLog.at > after)
    return query.order_by(AuditLog.at, AuditLog.id)
