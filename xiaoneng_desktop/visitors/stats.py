"""来访接待 figures for a month, by SQL aggregates, with DOMAIN.md's one definition: a visit belongs
to the month of its arrival; T is the month's end, or now while it runs. 来访批次 = records, 来访人次 =
their people, 重复访 = visits whose ID number or phone matches an earlier visit, 满意率 = (满意 + 基本满意)
/ visits with a rating. A 不予受理 notice closes its visit, judged by the 15-day 受理告知 limit; 受理告知超时
counts every decision given after that limit by T, and every visit still undecided at T past it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from xiaoneng_desktop.core import figures
from xiaoneng_desktop.core.figures import count_if, month_bounds, percent_text, ratio
from xiaoneng_desktop.visitors.models import Visit
from xiaoneng_desktop.visitors.service import earlier_visits, group_size, limit_expression


@dataclass(frozen=True)
class Figures:
    visits: int  # 来访批次
    persons: int  # 来访人次
    repeats: int  # 重复访
    groups: int  # 集体访
    on_time: int  # 按时办结
    overdue: int  # 超时
    in_progress: int  # 在办
    satisfied: int = 0  # 满意 + 基本满意
    rated: int = 0  # with a rating
    acceptance_late: int = 0  # 受理告知超时

    @property
    def rate(self) -> float | None:
        """按时办结率 in percent, None when nothing was closed or due."""
        return ratio(self.on_time, self.on_time + self.overdue)

    @property
    def rate_text(self) -> str:
        return percent_text(self.rate)

    @property
    def satisfaction_rate(self) -> float | None:
        return ratio(self.satisfied, self.rated)

    @property
    def satisfaction_text(self) -> str:
        return percent_text(self.satisfaction_rate)


def _conditions(cutoff: dt.datetime) -> dict[str, pw.Expression]:
    closed_by_t = Visit.closed_at.is_null(False) & (Visit.closed_at <= cutoff)
    open_at_t = Visit.closed_at.is_null() | (Visit.closed_at > cutoff)
    decided_by_t = Visit.decided_at.is_null(False) & (Visit.decided_at <= cutoff)
    undecided_at_t = Visit.decided_at.is_null() | (Visit.decided_at > cutoff)
    limit = limit_expression()  # a 不予受理 notice is judged by the 受理告知 limit
    earlier, same_person = earlier_visits()
    return {
        "on_time": closed_by_t & (Visit.closed_at <= limit),
        "overdue": (closed_by_t & (Visit.closed_at > limit)) | (open_at_t & (limit < cutoff)),
        "in_progress": open_at_t & (limit >= cutoff),
        "repeats": pw.fn.EXISTS(earlier.select(earlier.id).where(same_person)),
        "groups": Visit.persons >= group_size(),
        # a rating given after the cut-off belongs to no earlier month's figure
        "satisfied": Visit.satisfaction.in_(("满意", "基本满意")) & (Visit.rated_at <= cutoff),
        "rated": (Visit.satisfaction != "未评价") & (Visit.rated_at <= cutoff),
        "acceptance_late": ((decided_by_t & (Visit.decided_at > Visit.acceptance_due))
                            | (undecided_at_t & (Visit.acceptance_due < cutoff))),
    }


def _belongs(year: int, month: int) -> pw.Expression:
    start, following, _ = month_bounds(year, month)
    return (Visit.visited_at >= start) & (Visit.visited_at < following) & Visit.voided_at.is_null()


def month_figures(year: int, month: int) -> Figures:
    _, _, cutoff = month_bounds(year, month)
    conditions = _conditions(cutoff)
    row = (Visit.select(pw.fn.COUNT(Visit.id).alias("visits"),
                        pw.fn.COALESCE(pw.fn.SUM(Visit.persons), 0).alias("persons"),
                        *[count_if(c).alias(name) for name, c in conditions.items()])
           .where(_belongs(year, month)).dicts().get())
    return Figures(**{name: int(row[name]) for name in Figures.__dataclass_fields__})


FIGURE_NAMES = {"visits": "来访批次", "repeats": "重复访", "groups": "集体访", "on_time": "按时办结",
                "overdue": "超时", "in_progress": "在办", "satisfied": "满意和基本满意", "rated": "已评价",
                "acceptance_late": "受理告知超时"}


def records_behind(year: int, month: int, figure: str) -> pw.ModelSelect:
    """The visits that make up one figure (人次 are the sum over ``visits``)."""
    _, _, cutoff = month_bounds(year, month)
    query = Visit.select().where(_belongs(year, month))
    if figure not in ("visits", "persons"):
        query = query.where(_conditions(cutoff)[figure])
    return query.order_by(Visit.visited_at)


def audit_lines(action: str, year: int, month: int, after: dt.datetime | None = None) -> pw.ModelSelect:
    """Audit lines ``action`` (补记, 更正) on the visits of the month (core.figures.audit_lines)."""
    return figures.audit_lines(action, "visit", Visit.visited_at, year, month, after)
