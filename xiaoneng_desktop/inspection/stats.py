"""五查自查 figures, by SQL aggregates, with DOMAIN.md's one definition: as of the cut-off T,
问题数 = problems found so far, 已销号 = verified so far, 整改完成率 = 已销号 / 问题数 (one decimal,
"—" when there is no problem). A deadline is 23:59:59 of its day; 超期 follows 超时: fixed after the
deadline, or not fixed at T with the deadline past (the latter, 超期未整改, is what the lists show red).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from xiaoneng_desktop.core import clock, figures
from xiaoneng_desktop.core.figures import count_if, month_bounds, percent_text, ratio
from xiaoneng_desktop.inspection.models import Campaign, CheckItem, Problem


@dataclass(frozen=True)
class Figures:
    found: int = 0  # 问题数
    fixed: int = 0  # 已整改 (完成, 含已销号)
    verified: int = 0  # 已销号
    overdue: int = 0  # 超期 (fixed late, or still open past the deadline)
    overdue_open: int = 0  # 超期未整改
    new: int = 0  # found within the period itself (a month's figures)

    @property
    def rate(self) -> float | None:
        """整改完成率 in percent, None when no problem was found."""
        return ratio(self.verified, self.found)

    @property
    def rate_text(self) -> str:
        return percent_text(self.rate)


FIGURE_NAMES = {"found": "问题数", "fixed": "已整改", "verified": "已销号", "overdue": "超期",
                "overdue_open": "超期未整改", "new": "本月新发现"}


def _conditions(cutoff: dt.datetime, first: dt.date | None = None) -> dict[str, pw.Expression]:
    fixed = Problem.completed_at.is_null(False) & (Problem.completed_at <= cutoff)
    open_at_t = Problem.completed_at.is_null() | (Problem.completed_at > cutoff)
    has_deadline = Problem.deadline.is_null(False)
    late_fixed = fixed & has_deadline & (Problem.completed_at > Problem.deadline)
    late_open = open_at_t & has_deadline & (Problem.deadline < cutoff)
    conditions = {
        "found": Problem.found_on <= cutoff.date(),
        "fixed": fixed,
        "verified": Problem.verified_at.is_null(False) & (Problem.verified_at <= cutoff),
        "overdue": late_fixed | late_open,
        "overdue_open": late_open,
    }
    conditions["new"] = (Problem.found_on >= first) if first is not None else conditions["found"]
    return conditions


def _aggregates(cutoff: dt.datetime, first: dt.date | None = None) -> list:
    return [count_if(c).alias(name) for name, c in _conditions(cutoff, first).items()]


def _figures(row: dict | None) -> Figures:
    if not row:
        return Figures()
    return Figures(**{name: int(row[name] or 0) for name in FIGURE_NAMES})


def _live(cutoff: dt.datetime) -> pw.Expression:
    """Not voided, and found by T (a problem found after T does not exist yet at T)."""
    return Problem.voided_at.is_null() & (Problem.found_on <= cutoff.date())


def campaign_figures(campaign_id: int, cutoff: dt.datetime | None = None) -> Figures:
    cutoff = cutoff or clock.now()
    row = (Problem.select(*_aggregates(cutoff)).where(_live(cutoff) & (Problem.campaign == campaign_id))
           .dicts().get())
    return _figures(row)


def by_check(campaign_id: int, cutoff: dt.datetime | None = None) -> dict[str, Figures]:
    """Every check of the campaign's template in order, including those without problems."""
    cutoff = cutoff or clock.now()
    campaign = Campaign.get_by_id(campaign_id)
    rows = (Problem.select(Problem.item, *_aggregates(cutoff))
            .where(_live(cutoff) & (Problem.campaign == campaign_id)).group_by(Problem.item).dicts())
    found = {r["item"]: _figures(r) for r in rows}
    items = CheckItem.select().where(CheckItem.template == campaign.template_id).order_by(CheckItem.position)
    return {item.name: found.get(item.id, Figures()) for item in items}


def by_campaign(cutoff: dt.datetime | None = None) -> list[tuple[Campaign, Figures]]:
    """Every live campaign, newest first, with its figures (one grouped query)."""
    cutoff = cutoff or clock.now()
    rows = (Problem.select(Problem.campaign, *_aggregates(cutoff)).where(_live(cutoff))
            .group_by(Problem.campaign).dicts())
    found = {r["campaign"]: _figures(r) for r in rows}
    campaigns = Campaign.select().where(Campaign.voided_at.is_null()).order_by(Campaign.starts_on.desc(),
                                                                               Campaign.id.desc())
    return [(c, found.get(c.id, Figures())) for c in campaigns]


def month_figures(year: int, month: int) -> Figures:
    """As of the month's end (or now): found so far, verified so far, rate, overdue; ``new`` = found
    within the month (the problems that belong to it)."""
    start, _, cutoff = month_bounds(year, month)
    first = start.date()
    live_campaigns = Campaign.select(Campaign.id).where(Campaign.voided_at.is_null())
    row = (Problem.select(*_aggregates(cutoff, first))
           .where(_live(cutoff) & Problem.campaign.in_(live_campaigns)).dicts().get())
    return _figures(row)


def records_behind(figure: str, cutoff: dt.datetime | None = None, campaign_id: int | None = None,
                   first: dt.date | None = None) -> pw.ModelSelect:
    """The problems that make up one figure, so every number can be traced to its records."""
    cutoff = cutoff or clock.now()
    query = Problem.select().where(_live(cutoff) & _conditions(cutoff, first)[figure])
    if campaign_id is not None:
        query = query.where(Problem.campaign == campaign_id)
    return query.order_by(Problem.found_on, Problem.id)


def month_by_check(year: int, month: int) -> dict[str, Figures]:
    """The month's figures (as of its end) per check, across live campaigns; checks of the same name
    in different template versions count together."""
    start, _, cutoff = month_bounds(year, month)
    first = start.date()
    live_campaigns = Campaign.select(Campaign.id).where(Campaign.voided_at.is_null())
    rows = (Problem.select(CheckItem.name.alias("check"), *_aggregates(cutoff, first))
            .join(CheckItem, on=(Problem.item == CheckItem.id))
            .where(_live(cutoff) & Problem.campaign.in_(live_campaigns))
            .group_by(CheckItem.name).order_by(pw.fn.MIN(CheckItem.position)).dicts())
    return {row["check"]: _figures(row) for row in rows}


def audit_lines(action: str, year: int, month: int, after: dt.datetime | None = None) -> pw.ModelSelect:
    """Audit lines ``action`` (补记, 更正) on the problems of the month (core.figures.audit_lines)."""
    return figures.audit_lines(action, "problem", Problem.found_on, year, month, after)
