"""The monthly report's content, register by register, before it becomes a workbook or a PDF.

Every figure comes from a register's stats (SQL aggregates, core.figures' one definition); the
writers in xlsx.py and monthly_pdf.py only lay it out, so the Excel and the PDF always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from xiaoneng_desktop.core import clock, settings
from xiaoneng_desktop.core.figures import Figures, month_bounds, percent_text, previous_month

#: The note at the end of the report: DOMAIN.md's definitions, in the office's words.
DEFINITIONS = [
    ("统计口径", "事项按开始时间（来电时间、收文或拟稿日期、来访时间、发现问题日期）归入当月；统计截止时点为当月最后一天"
             "24时，当月尚未结束的，截止到制表时。作废的记录不计入。"),
    ("按时办结", "截止时点前已办结，且办结时间不晚于办理时限。"),
    ("超时", "截止时点前办结但晚于办理时限；或截止时点仍未办结且已超过办理时限。"),
    ("在办", "截止时点仍未办结，且尚未到办理时限。"),
    ("按时办结率", "按时办结数 ÷（按时办结数 + 超时数），以百分数表示，保留一位小数；没有已办结或已到期的事项时记为“—”。"),
    ("办理时限", "值班事项按分钟、小时计算；公文按工作日计算（扣除法定节假日，计入调休上班日）；来访按日历日计算。"
             "按日期确定的时限截至当日24时；经批准延期的，以延期后的时限为准。"),
]


@dataclass
class OverdueItem:
    started: dt.datetime
    what: str
    holder: str
    deadline: dt.datetime
    late: str  # how late at the cut-off, e.g. 2小时5分钟


@dataclass
class Section:
    """One register's part of the report."""

    key: str
    title: str  # 值班记录
    unit: str  # what is counted: 件、批次…
    figures: Figures
    previous: Figures
    breakdown_label: str  # 事项类别
    breakdown: dict[str, Figures]
    overdue: list[OverdueItem]
    trend: list[tuple[str, float | None]]  # (YYYY-MM, 按时办结率) for the last 12 months
    record_headers: list[str]
    records: list[list]  # the records behind the figures, with the figure each falls in
    extra: list[tuple[str, str, str]] = field(default_factory=list)  # (label, this month, last month)


@dataclass
class MonthlyReport:
    year: int
    month: int
    office: str
    cutoff: dt.datetime
    generated_at: dt.datetime
    sections: list[Section]

    @property
    def title(self) -> str:
        return f"{self.office}{self.year}年{self.month}月机关效能工作月报"

    @property
    def period(self) -> str:
        return f"{self.year}年{self.month}月1日至{self.cutoff:%Y年%m月%d日 %H:%M}".replace("年0", "年").replace("月0", "月")


def change_text(current: float | int | None, previous: float | int | None, points: bool = False) -> str:
    """+3 / -2 / 0 for counts; +1.2个百分点 for rates; — when either side is missing."""
    if current is None or previous is None:
        return "—"
    delta = current - previous
    if points:
        return f"{delta:+.1f}个百分点" if delta else "持平"
    return f"{delta:+d}" if delta else "0"


def late_text(delta: dt.timedelta) -> str:
    minutes = max(0, int(delta.total_seconds()) // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:  # past a day, minutes no longer matter to anyone reading the report
        return f"{days}天{hours}小时" if hours else f"{days}天"
    parts = [f"{hours}小时" if hours else "", f"{minutes}分钟" if minutes else ""]
    return "".join(parts) or "不足1分钟"


def last_months(year: int, month: int, count: int = 12) -> list[tuple[int, int]]:
    months = [(year, month)]
    while len(months) < count:
        months.append(previous_month(*months[-1]))
    return list(reversed(months))


def duty_section(year: int, month: int) -> Section:
    from xiaoneng_desktop.duty import stats

    _, _, cutoff = month_bounds(year, month)
    overdue = []
    for call in stats.records_behind(year, month, "overdue"):
        until = call.closed_at if call.closed_at is not None and call.closed_at <= cutoff else cutoff
        overdue.append(OverdueItem(call.received_at, f"{call.category}：{call.summary.splitlines()[0][:60]}",
                                   call.assignee_name or call.officer_name, call.deadline,
                                   late_text(until - call.deadline)))
    records = [[call.received_at, call.channel, call.category, call.caller_unit, call.caller, call.summary,
                call.assignee_name, call.deadline, call.closed_at, call.officer_name, call.figure]
               for call in stats.classified_records(year, month)]
    return Section(
        key="duty", title="值班记录", unit="件",
        figures=stats.month_figures(year, month), previous=stats.month_figures(*previous_month(year, month)),
        breakdown_label="事项类别", breakdown=stats.by_category(year, month), overdue=overdue,
        trend=[(f"{y}-{m:02d}", stats.month_figures(y, m).rate) for y, m in last_months(year, month)],
        record_headers=["来电时间", "方式", "事项类别", "来电单位", "来电人", "内容摘要", "交办对象", "办理时限",
                        "办结时间", "值班员", "归类"],
        records=records,
    )


#: One builder per register, in the order the report shows them.
SECTIONS: list[Callable[[int, int], Section]] = [duty_section]


def build(year: int, month: int, progress: Callable[[int, int], None] | None = None) -> MonthlyReport:
    """The report of a month; ``progress(done, total)`` after each register (for the GUI's bar)."""
    _, _, cutoff = month_bounds(year, month)
    sections = []
    for done, builder in enumerate(SECTIONS, start=1):
        sections.append(builder(year, month))
        if progress is not None:
            progress(done, len(SECTIONS))
    return MonthlyReport(year, month, settings.get("office.name"), cutoff, clock.now(), sections)


def summary_rows(report: MonthlyReport) -> list[list[str]]:
    """The one-page summary: per register the counts, the rate and the change from last month."""
    rows = []
    for section in report.sections:
        f, p = section.figures, section.previous
        rows.append([section.title, str(f.total), str(f.on_time), str(f.overdue), str(f.in_progress), f.rate_text,
                     percent_text(p.rate), change_text(f.rate, p.rate, points=True)])
    return rows


SUMMARY_HEADERS = ["登记簿", "登记", "按时办结", "超时", "在办", "按时办结率", "上月按时办结率", "比上月"]
