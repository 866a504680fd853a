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
from xiaoneng_desktop.core.session import requires

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
    ("补记", "办结时间在录入时已过去较久（超过设定分钟数）、注明理由补记的，按记录所属月份计数。"),
    ("更正上月记录", "上月已月结的，此后对上月记录所作的更正，在本月月报中列出。"),
    ("受理告知超时", "来访在受理告知时限之后才告知受理或不予受理的，以及截止时点仍未告知且已过该时限的。"
               "不予受理的来访以告知为办结，按受理告知时限判断是否超时。"),
]


@dataclass
class OverdueItem:
    started: dt.datetime | dt.date
    what: str
    holder: str
    deadline: dt.datetime
    late: str  # how late at the cut-off, e.g. 2小时5分钟 / 3个工作日


@dataclass
class Breakdown:
    """One table of a register's figures by category, with the bars its chart draws."""

    label: str  # 事项类别
    headers: list[str]  # the first is the label
    rows: list[list]  # counts as int, rates as float percent or None
    rate_columns: tuple[int, ...]  # which columns hold a rate
    bars: list[tuple[str, int]]  # (series name, column) drawn as bars per row


@dataclass
class Detail:
    """A list behind one figure of a section, a sheet of its own in the workbook."""

    title: str  # 重复访明细
    headers: list[str]
    rows: list[list]
    empty_text: str = ""  # said on the sheet when there are no rows


@dataclass
class Section:
    """One register's part of the report."""

    key: str
    title: str  # 值班记录
    unit: str  # what is counted: 件、批次、个
    summary: list[str]  # the narrative sentences under the register's heading
    breakdowns: list[Breakdown]
    overdue_title: str
    overdue: list[OverdueItem]
    trend_label: str  # 按时办结率 / 整改完成率
    trend: list[tuple[str, float | None]]  # (YYYY-MM, rate) for the last 12 months
    record_headers: list[str]
    records: list[list]  # the records behind the figures, with the figure each falls in
    figures: Figures | None = None  # the on-time figures, for registers that have them
    previous: Figures | None = None
    extra: list[tuple[str, str, str]] = field(default_factory=list)  # (label, this month, last month)
    details: list[Detail] = field(default_factory=list)  # further lists behind a figure (重复访明细)


@dataclass
class Correction:
    """A 更正 of a record of the previous month, made after that month was closed (月结)."""

    at: dt.datetime
    actor: str
    register: str  # 值班记录 …
    record_id: int
    detail: str


@dataclass
class MonthlyReport:
    year: int
    month: int
    office: str
    cutoff: dt.datetime
    generated_at: dt.datetime
    sections: list[Section]
    #: the previous month's 月结 (e.g. "2026年9月已于2026-10-02 09:00由张秘书月结"), "" when it is not closed
    previous_closed: str = ""
    corrections: list[Correction] = field(default_factory=list)  # 更正上月记录, when it is closed

    @property
    def corrections_text(self) -> str:
        """更正上月记录 N 条 — only once the previous month is closed (before that a 更正 changes its report)."""
        if not self.previous_closed:
            return ""
        return f"更正上月记录{len(self.corrections)}条（{self.previous_closed}，此后更正的该月记录）。"

    @property
    def title(self) -> str:
        return f"{self.office}{self.year}年{self.month}月机关效能工作月报"

    @property
    def period(self) -> str:
        return f"{self.year}年{self.month}月1日至{self.cutoff.year}年{self.cutoff.month}月{self.cutoff.day}日{self.cutoff:%H:%M}"


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


def late_until(record, cutoff: dt.datetime) -> dt.datetime:
    """How long a late record has been late is measured up to its closing, or to the cut-off while open."""
    return record.closed_at if record.closed_at is not None and record.closed_at <= cutoff else cutoff


def ontime_breakdown(label: str, by: dict[str, Figures]) -> Breakdown:
    rows = [[name, f.total, f.on_time, f.overdue, f.in_progress, f.rate] for name, f in by.items()]
    return Breakdown(label, [label, "登记", "按时办结", "超时", "在办", "按时办结率"], rows, (5,),
                     [("按时办结", 2), ("超时", 3), ("在办", 4)])


def ontime_summary(unit: str, f: Figures, p: Figures) -> str:
    return (f"本月登记{f.total}{unit}，按时办结{f.on_time}{unit}，超时{f.overdue}{unit}，在办{f.in_progress}{unit}，"
            f"按时办结率{f.rate_text}（上月{percent_text(p.rate)}）。")


def workdays_late(deadline: dt.datetime, until: dt.datetime) -> str:
    from xiaoneng_desktop.core import workdays

    days = workdays.workdays_between(deadline.date(), until.date())
    return f"{days}个工作日" if days > 0 else late_text(until - deadline)


def last_months(year: int, month: int, count: int = 12) -> list[tuple[int, int]]:
    months = [(year, month)]
    while len(months) < count:
        months.append(previous_month(*months[-1]))
    return list(reversed(months))


def register_stats() -> list[tuple[str, object]]:
    """(title, stats module) of every register, for what each counts the same way (补记, 更正)."""
    from xiaoneng_desktop.documents import stats as documents
    from xiaoneng_desktop.duty import stats as duty
    from xiaoneng_desktop.inspection import stats as inspection
    from xiaoneng_desktop.visitors import stats as visitors

    return [("值班记录", duty), ("公文流转", documents), ("来访接待", visitors), ("五查自查", inspection)]


def late_entries_line(stats, year: int, month: int) -> tuple[str, str, str]:
    """补记 (a closing time entered long after the fact) on the register's records of the month and the last."""
    return ("补记", str(stats.audit_lines("补记", year, month).count()),
            str(stats.audit_lines("补记", *previous_month(year, month)).count()))


def corrections_of_previous(year: int, month: int) -> tuple[str, list[Correction]]:
    """The previous month's 月结 in words and the 更正 of its records made after it ("" and [] while open)."""
    from xiaoneng_desktop.core import audit
    from xiaoneng_desktop.core.models import MonthClose

    y, m = previous_month(year, month)
    closing = MonthClose.get_or_none(MonthClose.month == f"{y}-{m:02d}")
    if closing is None:
        return "", []
    items = [Correction(line.at, line.actor, title, line.record_id, audit.described(line))
             for title, stats in register_stats()
             for line in stats.audit_lines("更正", y, m, after=closing.closed_at)]
    items.sort(key=lambda item: item.at)
    at = closing.closed_at  # one date style in the report: 2026年10月2日 09:00
    return f"{y}年{m}月已于{at.year}年{at.month}月{at.day}日 {at:%H:%M}由{closing.closed_by}月结", items


def duty_section(year: int, month: int) -> Section:
    from xiaoneng_desktop.duty import stats

    _, _, cutoff = month_bounds(year, month)
    f, p = stats.month_figures(year, month), stats.month_figures(*previous_month(year, month))
    overdue = [OverdueItem(call.received_at, f"{call.category}：{call.summary.splitlines()[0][:60]}",
                           call.assignee_name or call.officer_name, call.deadline,
                           late_text(late_until(call, cutoff) - call.deadline))
               for call in stats.records_behind(year, month, "overdue")]
    records = [[call.received_at, call.channel, call.category, call.caller_unit, call.caller, call.summary,
                call.assignee_name, call.deadline, call.closed_at, call.officer_name, call.figure]
               for call in stats.classified_records(year, month)]
    return Section(
        key="duty", title="值班记录", unit="件", summary=[ontime_summary("件", f, p)],
        breakdowns=[ontime_breakdown("事项类别", stats.by_category(year, month))],
        overdue_title="超时事项", overdue=overdue, trend_label="按时办结率",
        trend=[(f"{y}-{m:02d}", stats.month_figures(y, m).rate) for y, m in last_months(year, month)],
        record_headers=["来电时间", "方式", "事项类别", "来电单位", "来电人", "内容摘要", "交办对象", "办理时限",
                        "办结时间", "值班员", "归类"],
        records=records, figures=f, previous=p, extra=[late_entries_line(stats, year, month)],
    )


def documents_section(year: int, month: int) -> Section:
    from xiaoneng_desktop.core.figures import classify
    from xiaoneng_desktop.documents import stats
    from xiaoneng_desktop.documents.models import Document

    _, _, cutoff = month_bounds(year, month)
    f, p = stats.month_figures(year, month), stats.month_figures(*previous_month(year, month))
    directions = stats.by_direction(year, month)
    summary = [ontime_summary("件", f, p), "其中" + "，".join(
        f"{name}{v.total}件（按时办结率{v.rate_text}）" for name, v in directions.items()) + "。"]
    overdue = [OverdueItem(doc.start_date, f"{doc.direction}：{doc.title[:60]}", doc.holder or doc.lead or doc.registrar,
                           doc.deadline, workdays_late(doc.deadline, late_until(doc, cutoff)))
               for doc in stats.records_behind(year, month, "overdue")]
    start, following, _ = month_bounds(year, month)
    query = (Document.select(Document, classify(Document.closed_at, Document.deadline, cutoff).alias("figure"))
             .where((Document.start_date >= start.date()) & (Document.start_date < following.date())
                    & Document.voided_at.is_null()).order_by(Document.start_date, Document.id))
    records = [[d.start_date, d.direction, d.number, d.doc_number, d.unit, d.title, d.kind, d.urgency,
                d.step or "已办结", d.holder, d.deadline, d.closed_at, d.urge_count, d.figure] for d in query]
    return Section(
        key="documents", title="公文流转", unit="件", summary=summary,
        breakdowns=[ontime_breakdown("收发", directions), ontime_breakdown("文种", {
            k: v for k, v in stats.by_kind(year, month).items() if v.total}),
            ontime_breakdown("紧急程度", stats.by_urgency(year, month))],
        overdue_title="超时公文", overdue=overdue, trend_label="按时办结率",
        trend=[(f"{y}-{m:02d}", stats.month_figures(y, m).rate) for y, m in last_months(year, month)],
        record_headers=["日期", "收发", "编号", "文号", "单位", "标题", "文种", "紧急程度", "当前环节", "办理人",
                        "办理时限", "办结时间", "催办次数", "归类"],
        records=records, figures=f, previous=p, extra=[late_entries_line(stats, year, month)],
    )


def visitors_section(year: int, month: int) -> Section:
    from xiaoneng_desktop.core.figures import classify
    from xiaoneng_desktop.core.validation import mask_id_number
    from xiaoneng_desktop.visitors import service, stats
    from xiaoneng_desktop.visitors.models import Visit

    _, _, cutoff = month_bounds(year, month)
    v, pv = stats.month_figures(year, month), stats.month_figures(*previous_month(year, month))
    f = Figures(v.visits, v.on_time, v.overdue, v.in_progress)
    p = Figures(pv.visits, pv.on_time, pv.overdue, pv.in_progress)
    extra = [("来访批次", str(v.visits), str(pv.visits)), ("来访人次", str(v.persons), str(pv.persons)),
             ("重复访", str(v.repeats), str(pv.repeats)), ("集体访", str(v.groups), str(pv.groups)),
             ("满意率", v.satisfaction_text, pv.satisfaction_text),
             ("受理告知超时", str(v.acceptance_late), str(pv.acceptance_late)), late_entries_line(stats, year, month)]
    summary = [f"本月来访{v.visits}批次、{v.persons}人次，其中重复访{v.repeats}批次、集体访{v.groups}批次；"
               f"按时办结{v.on_time}批次，超时{v.overdue}批次，在办{v.in_progress}批次，按时办结率{f.rate_text}"
               f"（上月{percent_text(p.rate)}），满意率{v.satisfaction_text}；"
               f"受理告知超时（超过{service.accept_days()}日）{v.acceptance_late}批次。"]
    overdue = [OverdueItem(visit.visited_at, f"{visit.category}：{visit.matter.splitlines()[0][:50]}",
                           visit.referred_to or visit.first_responder, service.limit(visit),
                           late_text(late_until(visit, cutoff) - service.limit(visit)))
               for visit in stats.records_behind(year, month, "overdue")]
    start, following, _ = month_bounds(year, month)
    query = (Visit.select(Visit, classify(Visit.closed_at, service.limit_expression(), cutoff).alias("figure"))
             .where((Visit.visited_at >= start) & (Visit.visited_at < following) & Visit.voided_at.is_null())
             .order_by(Visit.visited_at))
    by_category: dict[str, list[int]] = {}
    records = []
    for visit in query:
        counts = by_category.setdefault(visit.category, [0, 0, 0, 0, 0])
        counts[0] += 1
        counts[1] += visit.persons
        column = {"按时办结": 2, "超时": 3, "在办": 4}.get(visit.figure)
        if column:
            counts[column] += 1
        records.append([visit.visited_at, visit.name, mask_id_number(visit.id_number) or "未提供", visit.persons,
                        visit.category, visit.matter, visit.first_responder, visit.referred_to, service.limit(visit),
                        visit.closed_at, visit.satisfaction, visit.figure])
    rows = [[name, c[0], c[1], c[2], c[3], c[4], Figures(c[0], c[2], c[3], c[4]).rate]
            for name, c in sorted(by_category.items(), key=lambda item: -item[1][0])]
    return Section(
        key="visitors", title="来访接待", unit="批次", summary=summary,
        breakdowns=[Breakdown("问题类别", ["问题类别", "批次", "人次", "按时办结", "超时", "在办", "按时办结率"], rows,
                              (6,), [("按时办结", 3), ("超时", 4), ("在办", 5)])],
        overdue_title="超时来访", overdue=overdue, trend_label="按时办结率",
        trend=[(f"{y}-{m:02d}", stats.month_figures(y, m).rate) for y, m in last_months(year, month)],
        record_headers=["来访时间", "姓名", "身份证号", "人数", "问题类别", "来访事由", "首问责任人", "转办单位",
                        "办理时限", "办结时间", "满意度", "归类"],
        records=records, figures=f, previous=p, extra=extra, details=[repeat_visits_detail(year, month)],
    )


REPEAT_HEADERS = ["来访时间", "姓名", "身份证号", "问题类别", "来访事由", "前次来访时间", "前次姓名", "前次身份证号",
                  "前次来访事由", "相同"]


def repeat_visits_detail(year: int, month: int) -> Detail:
    """重复访明细: each visit of the month counted as 重复访, one row per earlier visit it repeats (same ID
    number or same phone), IDs masked — the 重复访 figure traced to its visits."""
    from xiaoneng_desktop.core.validation import mask_id_number
    from xiaoneng_desktop.visitors import service
    from xiaoneng_desktop.visitors.models import Visit

    start, following, _ = month_bounds(year, month)
    earlier, condition = service.earlier_visits()
    query = (Visit.select(Visit.visited_at, Visit.name, Visit.id_number, Visit.category, Visit.matter, Visit.id_key,
                          earlier.visited_at, earlier.name, earlier.id_number, earlier.matter, earlier.id_key)
             .join(earlier, on=condition)
             .where((Visit.visited_at >= start) & (Visit.visited_at < following) & Visit.voided_at.is_null())
             .order_by(Visit.visited_at, Visit.id, earlier.visited_at).tuples())
    rows = []
    for at, name, id_number, category, matter, id_key, e_at, e_name, e_id, e_matter, e_key in query:
        same = "身份证号" if id_key and id_key == e_key else "电话"
        rows.append([at, name, mask_id_number(id_number) or "未提供", category, matter, e_at, e_name,
                     mask_id_number(e_id) or "未提供", e_matter, same])
    return Detail("重复访明细", REPEAT_HEADERS, rows, "本月没有重复访。")


def inspection_section(year: int, month: int) -> Section:
    from xiaoneng_desktop.inspection import stats

    first, _, cutoff = month_bounds(year, month)
    f, p = stats.month_figures(year, month), stats.month_figures(*previous_month(year, month))
    extra = [("问题数", str(f.found), str(p.found)), ("已销号", str(f.verified), str(p.verified)),
             ("整改完成率", f.rate_text, p.rate_text), ("超期未整改", str(f.overdue_open), str(p.overdue_open)),
             late_entries_line(stats, year, month)]
    summary = [f"截至本月末，自查共发现问题{f.found}个（本月新发现{f.new}个），已整改{f.fixed}个，已销号{f.verified}个，"
               f"整改完成率{f.rate_text}（上月{p.rate_text}）；超期{f.overdue}个，其中超期未整改{f.overdue_open}个。"]
    rows = [[name, v.found, v.fixed, v.verified, v.overdue, v.rate] for name, v in stats.month_by_check(year, month).items()]
    overdue = [OverdueItem(problem.found_on, problem.description.splitlines()[0][:60], problem.responsible_name,
                           problem.deadline, late_text(cutoff - problem.deadline))
               for problem in stats.records_behind("overdue_open", cutoff)]
    records = [[problem.found_on, problem.description, problem.cause, problem.measure, problem.responsible_name,
                problem.kind, problem.deadline, problem.completed_at, problem.verified_by, problem.verified_at,
                problem.status] for problem in stats.records_behind("found", cutoff)]
    return Section(
        key="inspection", title="五查自查", unit="个", summary=summary,
        breakdowns=[Breakdown("检查项", ["检查项", "问题数", "已整改", "已销号", "超期", "整改完成率"], rows, (5,),
                              [("已销号", 3), ("超期", 4)])],
        overdue_title="超期未整改问题", overdue=overdue, trend_label="整改完成率",
        trend=[(f"{y}-{m:02d}", stats.month_figures(y, m).rate) for y, m in last_months(year, month)],
        record_headers=["发现日期", "问题描述", "原因分析", "整改措施", "责任人", "整改类型", "整改时限", "完成时间",
                        "销号人", "销号时间", "状态"],
        records=records, extra=extra,
    )


#: One builder per register, in the order the report shows them.
SECTIONS: list[Callable[[int, int], Section]] = [duty_section, documents_section, visitors_section,
                                                  inspection_section]


@requires("reports")
def build(year: int, month: int, progress: Callable[[int, int], None] | None = None) -> MonthlyReport:
    """The report of a month; ``progress(done, total)`` after each register (for the GUI's bar)."""
    _, _, cutoff = month_bounds(year, month)
    sections = []
    for done, builder in enumerate(SECTIONS, start=1):
        sections.append(builder(year, month))
        if progress is not None:
            progress(done, len(SECTIONS))
    previous_closed, corrections = corrections_of_previous(year, month)
    return MonthlyReport(year, month, settings.get("office.name"), cutoff, clock.now(), sections,
                         previous_closed, corrections)


def summary_rows(report: MonthlyReport) -> list[list[str]]:
    """The one-page summary: per register the counts, the on-time rate and the change from last month
    (the registers that have deadlines; rectification is summed up by its own figures)."""
    rows = []
    for section in report.sections:
        f, p = section.figures, section.previous
        if f is None or p is None:
            continue
        rows.append([section.title, str(f.total), str(f.on_time), str(f.overdue), str(f.in_progress), f.rate_text,
                     percent_text(p.rate), change_text(f.rate, p.rate, points=True)])
    return rows


SUMMARY_HEADERS = ["登记簿", "登记", "按时办结", "超时", "在办", "按时办结率", "上月按时办结率", "比上月"]
