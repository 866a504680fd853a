"""The monthly report as an office document (GB/T 9704 page).

Page 1: the title, the period, the summary table and a chart of every register's 按时办结率 against
last month. Then one part per register — its figures, breakdown tables, charts drawn with reportlab's
own graphics, and its overdue items summed up (by 承办人, by kind, the ten most late listed) — and the
definitions of the figures. The full lists of overdue items follow as 附件 at the end.

Dates: "2026年10月8日" in sentences, "10月8日 14:05" in a month's tables (with the year when it is
not the report's year).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from xiaoneng_desktop.core.figures import percent_text
from xiaoneng_desktop.core.files import write_atomically
from xiaoneng_desktop.reports import pdf
from xiaoneng_desktop.reports.monthly import (
    DEFINITIONS,
    SUMMARY_HEADERS,
    MonthlyReport,
    OverdueItem,
    Section,
    summary_rows,
)

CHINESE_NUMBERS = "一二三四五六七八九十"
#: The same colours as the workbook's charts: 按时办结 green, 超时 red, 在办 amber; this month blue.
PALETTE = ("#2e7d32", "#c62828", "#f9a825")
THIS_MONTH, LAST_MONTH = "#1565c0", "#90a4ae"
CHART_FONT_SIZE = 9  # legible on paper: about 3 mm
WORST = 10  # overdue items listed by name in the body; all of them go to the 附件
BARS = 6  # categories in a register's bar chart (the rest summed as 其他)


def prose_date(moment: dt.date | dt.datetime, *, time: bool = False) -> str:
    """2026年10月8日 (with " 14:05" when asked)."""
    text = f"{moment.year}年{moment.month}月{moment.day}日"
    return f"{text} {moment:%H:%M}" if time and isinstance(moment, dt.datetime) else text


def table_date(moment: dt.date | dt.datetime, year: int) -> str:
    """10月8日 14:05 inside a month's table; the year is added when it is not the report's."""
    text = f"{moment.month}月{moment.day}日" if moment.year == year else prose_date(moment)
    return f"{text} {moment:%H:%M}" if isinstance(moment, dt.datetime) else text


def period_text(report: MonthlyReport) -> str:
    start, cutoff = f"{report.year}年{report.month}月1日", report.cutoff
    if (cutoff + dt.timedelta(seconds=1)).day == 1:  # the whole month
        return f"{start}至{cutoff.month}月{cutoff.day}日"
    return f"{start}至{cutoff.month}月{cutoff.day}日 {cutoff:%H:%M}"


_LATE = re.compile(r"(\d+)(天|小时|分钟|个工作日)")
_MINUTES = {"天": 1440, "小时": 60, "分钟": 1, "个工作日": 1440}


def late_minutes(item: OverdueItem) -> int:
    """How late an item is, from its text ("2天3小时", "3个工作日", "45分钟"), to rank the worst."""
    return sum(int(n) * _MINUTES[unit] for n, unit in _LATE.findall(item.late))


def _p(text: str, style):
    return pdf.paragraph(text, style)


def _table(headers: list[str], rows: list[list[str]], widths: list[float], s: pdf.Styles, *, centre_from: int = 1,
           size: float | None = None):
    """A ruled table of plain text: the first columns left-aligned, the rest (numbers) centred;
    ``size`` for a denser table (10.5 pt, 五号)."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    small = {"fontSize": size, "leading": size * 1.35} if size else {}
    cell = ParagraphStyle("cell_l", parent=s.cell, **small)
    centred = ParagraphStyle("cell_c", parent=cell, alignment=TA_CENTER)
    head = ParagraphStyle("head_c", parent=s.cell_bold, alignment=TA_CENTER, **small)
    data = [[_p(h, head) for h in headers]]
    data += [[_p(str(v), centred if c >= centre_from else cell) for c, v in enumerate(row)] for row in rows]
    padding = [("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)] if size else []
    return pdf.grid_table(data, widths, header_rows=1, style=padding)


def _heading(text: str, style, keep: float = 110):
    """A heading that never stands alone at a page foot: a new page unless ``keep`` points follow it."""
    from reportlab.platypus import CondPageBreak

    heading = _p(text, style)
    heading.keepWithNext = 0  # the break above already keeps room: a long table may then start on this page
    return [CondPageBreak(style.leading + keep), heading]


def _legend(drawing, x: float, y: float, pairs: list[tuple[str, str]], font: str) -> None:
    """A one-row legend at (x, y): a swatch and a name per series."""
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for colour, name in pairs:
        drawing.add(Rect(x, y, 8, 8, fillColor=colors.HexColor(colour), strokeColor=None))
        drawing.add(String(x + 11, y + 0.5, name, fontName=font, fontSize=CHART_FONT_SIZE))
        x += 11 + stringWidth(name, font, CHART_FONT_SIZE) + 12


def _drawing(width: float, height: float, font: str):
    """A drawing whose renderer starts in ``font``: else it sets Helvetica first, a font not embedded."""
    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(width, height)
    drawing.initialFontName = font
    return drawing


def _axis_fonts(chart, font: str) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = CHART_FONT_SIZE


def _short(name: str, limit: int = 6) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


def rates_chart(report: MonthlyReport, s: pdf.Styles):
    """Page 1: 各登记簿按时办结率, this month against last, 0–100%, the value on each bar."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import String
    from reportlab.lib import colors

    sections = [section for section in report.sections if section.figures is not None]
    font = s.fonts["fang"]
    drawing = _drawing(pdf.BLOCK_WIDTH, 168, font)
    drawing.add(String(drawing.width / 2, 156, "各登记簿按时办结率（本月与上月）", fontName=s.fonts["hei"],
                       fontSize=12, textAnchor="middle"))
    _legend(drawing, drawing.width / 2 - 50, 139, [(THIS_MONTH, "本月"), (LAST_MONTH, "上月")], font)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 44, 20, drawing.width - 60, 106
    chart.data = [[section.figures.rate or 0 for section in sections] or [0],
                  [section.previous.rate or 0 for section in sections] or [0]]
    chart.categoryAxis.categoryNames = [section.title for section in sections] or ["—"]
    _axis_fonts(chart, font)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.barSpacing, chart.groupSpacing = 2, 24
    for index, colour in enumerate((THIS_MONTH, LAST_MONTH)):
        chart.bars[index].fillColor = colors.HexColor(colour)
        chart.bars[index].strokeColor = None
    chart.barLabels.fontName, chart.barLabels.fontSize = font, CHART_FONT_SIZE - 1
    chart.barLabels.nudge = 6
    rates = [[section.figures.rate for section in sections], [section.previous.rate for section in sections]]
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[percent_text(rate) for rate in row] or [""] for row in rates]
    drawing.add(chart)
    return drawing


def _bar_chart(section: Section, s: pdf.Styles):
    """Bars of the first breakdown, one series per counted figure; the legend above, never on the labels."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import String
    from reportlab.lib import colors

    breakdown = section.breakdowns[0]
    font = s.fonts["fang"]
    rows = breakdown.rows
    if len(rows) > BARS:  # the largest categories, the rest as 其他: labels stay legible
        rows = sorted(rows, key=lambda row: -sum(row[column] for _, column in breakdown.bars))
        rest = rows[BARS - 1:]
        rows = rows[:BARS - 1] + [["其他"] + [sum(row[c] for row in rest) if c in {column for _, column in
                                                                                   breakdown.bars} else 0
                                                for c in range(1, len(rest[0]))]]
    names = [_short(str(row[0])) for row in rows] or ["—"]
    series = [[row[column] for row in rows] or [0] for _, column in breakdown.bars]
    drawing = _drawing(pdf.BLOCK_WIDTH / 2 - 6, 200, font)
    drawing.add(String(drawing.width / 2, 186, f"按{breakdown.label}统计（{section.unit}）", fontName=s.fonts["hei"],
                       fontSize=11, textAnchor="middle"))
    _legend(drawing, 30, 168, [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(breakdown.bars)], font)
    chart = VerticalBarChart()
    tilted = len(names) > 3
    chart.x, chart.y = 34, 58 if tilted else 22
    chart.width, chart.height = drawing.width - 42, 150 - chart.y
    chart.data = series
    chart.categoryAxis.categoryNames = names
    _axis_fonts(chart, font)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = 1
    top = max((max(row) for row in series), default=0)
    if top < 5:
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = 5, 1
    if tilted:
        chart.categoryAxis.labels.angle = 40
        chart.categoryAxis.labels.boxAnchor = "ne"
        chart.categoryAxis.labels.dx, chart.categoryAxis.labels.dy = 4, -2
    for index in range(len(series)):
        chart.bars[index].fillColor = colors.HexColor(PALETTE[index % len(PALETTE)])
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    return drawing


def _trend_chart(section: Section, s: pdf.Styles):
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import String
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib import colors

    font = s.fonts["fang"]
    first, last = section.trend[0][0], section.trend[-1][0]
    drawing = _drawing(pdf.BLOCK_WIDTH / 2 - 6, 200, font)
    drawing.add(String(drawing.width / 2, 186, f"近12个月{section.trend_label}", fontName=s.fonts["hei"],
                       fontSize=11, textAnchor="middle"))
    drawing.add(String(drawing.width / 2, 168, f"{first[:4]}年{int(first[5:])}月至{last[:4]}年{int(last[5:])}月",
                       fontName=font, fontSize=CHART_FONT_SIZE, textAnchor="middle"))
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 38, 40, drawing.width - 46, 110
    chart.data = [[rate for _, rate in section.trend]]  # None leaves a gap: no data that month
    chart.categoryAxis.categoryNames = [f"{int(month[5:])}月" for month, _ in section.trend]
    _axis_fonts(chart, font)
    chart.categoryAxis.labels.fontSize = CHART_FONT_SIZE - 1
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.lines[0].strokeColor = colors.HexColor(THIS_MONTH)
    chart.lines[0].strokeWidth = 1.5
    chart.lines[0].symbol = makeMarker("FilledCircle", size=3)
    # reportlab cannot join a run of one point; markers alone then (a month without data is a gap).
    values = [rate is not None for _, rate in section.trend]
    runs = "".join("1" if v else "0" for v in values).split("0")
    chart.joinedLines = int(all(len(run) != 1 for run in runs) and any(values))
    drawing.add(chart)
    return drawing


def _cell_text(value, rate: bool) -> str:
    return percent_text(value) if rate else str(value)


def _kind(item: OverdueItem) -> str | None:
    kind, colon, _rest = item.what.partition("：")
    return kind if colon and len(kind) <= 8 else None


def _counted(counter: Counter, unit: str, most: int = 6) -> str:
    shown = counter.most_common(most)
    text = "、".join(f"{name}{count}{unit}" for name, count in shown)
    rest = sum(counter.values()) - sum(count for _, count in shown)
    return text + (f"、其他{rest}{unit}" if rest else "")


def overdue_rows(items: list[OverdueItem], year: int, limit: int | None = None) -> list[list[str]]:
    return [[table_date(i.started, year), i.what if limit is None or len(i.what) <= limit else i.what[:limit - 1] + "…",
             i.holder or "—", table_date(i.deadline, year), i.late] for i in items]


OVERDUE_HEADERS = ["开始时间", "事项", "承办人", "办理时限", "超时"]


def _overdue_widths() -> list[float]:
    w = pdf.BLOCK_WIDTH
    return [w * 0.15, w * 0.46, w * 0.13, w * 0.15, w * 0.11]


def _overdue(section: Section, number: str, report: MonthlyReport, appendix: int | None, s: pdf.Styles) -> list:
    """The overdue items summed up: how many, by 承办人 and by kind, the worst ten; the rest in the 附件."""
    items = section.overdue
    story = _heading(f"（{number}）{section.overdue_title}（{len(items)}{section.unit}）", s.heading2)
    if not items:
        return story + [_p(f"本月没有{section.overdue_title}。", s.body)]
    by_holder = Counter(item.holder or "未指定" for item in items)
    sentence = f"共{len(items)}{section.unit}。按承办人：{_counted(by_holder, section.unit)}"
    kinds = [_kind(item) for item in items]
    if all(kinds):
        sentence += f"；按类别：{_counted(Counter(kinds), section.unit)}"
    worst = sorted(items, key=late_minutes, reverse=True)[:WORST]
    if len(items) > WORST:
        sentence += f"。超时最长的{WORST}{section.unit}列于下表，全部{len(items)}{section.unit}见附件{appendix}。"
    else:
        sentence += "，列于下表。"
    return story + [_p(sentence, s.body),
                    _table(OVERDUE_HEADERS, overdue_rows(worst, report.year, limit=40), _overdue_widths(), s,
                           centre_from=4, size=10.5)]


def _section(number: int, section: Section, report: MonthlyReport, appendix: int | None, s: pdf.Styles) -> list:
    from reportlab.platypus import Spacer, Table

    w = pdf.BLOCK_WIDTH
    story = _heading(f"{CHINESE_NUMBERS[number]}、{section.title}", s.heading1, keep=200)
    story += [_p(sentence, s.body) for sentence in section.summary]
    for index, breakdown in enumerate(section.breakdowns):
        story += _heading(f"（{CHINESE_NUMBERS[index]}）按{breakdown.label}统计", s.heading2, keep=90)
        rows = [[_cell_text(v, c in breakdown.rate_columns) for c, v in enumerate(row)] for row in breakdown.rows]
        first = 0.26 if len(breakdown.headers) <= 6 else 0.22
        rest = (1 - first) / (len(breakdown.headers) - 1)
        story.append(_table(breakdown.headers, rows or [["—"] + [""] * (len(breakdown.headers) - 1)],
                            [w * first] + [w * rest] * (len(breakdown.headers) - 1), s))
    story.append(Spacer(1, 6))
    charts = Table([[_bar_chart(section, s), _trend_chart(section, s)]], colWidths=[w / 2, w / 2])
    charts.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                     ("FONTNAME", (0, 0), (-1, -1), s.fonts["fang"])])
    story.append(charts)
    story += _overdue(section, CHINESE_NUMBERS[len(section.breakdowns)], report, appendix, s)
    return story


def _extra_table(report: MonthlyReport, s: pdf.Styles):
    """The registers' other figures, one row each: "来访人次107（上月96）"."""
    rows = []
    for section in report.sections:
        if section.extra:
            rows.append([section.title, "；".join(f"{label}{current}（上月{previous}）"
                                                  for label, current, previous in section.extra)])
    w = pdf.BLOCK_WIDTH
    return _table(["登记簿", "其他指标（括号内为上月）"], rows, [w * 0.17, w * 0.83], s, centre_from=2,
                  size=10.5) if rows else None


def _appendix(number: int, section: Section, report: MonthlyReport, s: pdf.Styles) -> list:
    """附件N: the full list, on a page of its own (GB/T 9704: 附件N top left in 黑体, its title centred)."""
    from reportlab.platypus import PageBreak, Spacer

    title = f"{report.year}年{report.month}月{section.title}{section.overdue_title}清单"
    return [PageBreak(), _p(f"附件{number}", s.appendix_label), Spacer(1, pdf.BODY_LEADING),
            _p(title, s.appendix_title),
            _p(f"共{len(section.overdue)}{section.unit}，按开始时间排列。", s.note),
            Spacer(1, 6),
            _table(OVERDUE_HEADERS, overdue_rows(section.overdue, report.year), _overdue_widths(), s, centre_from=4,
                   size=10.5)]


def write(report: MonthlyReport, path: Path | str) -> Path:
    from reportlab.platypus import PageBreak, Spacer

    s = pdf.styles()
    w = pdf.BLOCK_WIDTH
    # a long title breaks after the office's name, not in the middle of a word
    heading = (f"{escape(report.office)}<br/>{escape(report.title[len(report.office):])}"
               if len(report.title) > 20 else escape(report.title))
    story = [pdf.Paragraph(heading, s.title), _p(f"统计期间：{period_text(report)}", s.subtitle),
             _table(SUMMARY_HEADERS, summary_rows(report),
                    [w * 0.13, w * 0.09, w * 0.11, w * 0.09, w * 0.09, w * 0.12, w * 0.14, w * 0.23], s),
             Spacer(1, 6), rates_chart(report, s)]
    if report.corrections_text:
        story += [_p(report.corrections_text, s.note)]
    story.append(_p(f"制表时间：{prose_date(report.generated_at, time=True)}　制表：机关效能管理系统", s.note))
    extra = _extra_table(report, s)
    if extra is not None:
        story += _heading("其他指标", s.heading2, keep=60) + [extra]
    story.append(PageBreak())
    appendices = [section for section in report.sections if len(section.overdue) > WORST]
    for number, section in enumerate(report.sections):
        appendix = appendices.index(section) + 1 if section in appendices else None
        story += _section(number, section, report, appendix, s)
    if appendices:  # 附件说明: "附件：1．…", the next ones under the first's number
        from reportlab.lib.styles import ParagraphStyle

        later = ParagraphStyle("appendix_list", parent=s.body, leftIndent=s.body.firstLineIndent * 2.5,
                               firstLineIndent=0)
        story.append(Spacer(1, pdf.BODY_LEADING))
        for n, section in enumerate(appendices, start=1):
            name = f"{n}．{report.year}年{report.month}月{section.title}{section.overdue_title}清单"
            story.append(_p(f"附件：{name}" if n == 1 else name, s.body if n == 1 else later))
    story += _heading(f"{CHINESE_NUMBERS[len(report.sections)]}、指标说明", s.heading1, keep=60)
    from reportlab.lib.styles import ParagraphStyle

    small = ParagraphStyle("definition", parent=s.note, fontSize=10.5, leading=15, spaceAfter=2, allowWidows=0)
    for label, text in DEFINITIONS:
        story.append(_p(f"{label}：{text}", small))
    for number, section in enumerate(appendices, start=1):
        story += _appendix(number, section, report, s)
    path = Path(path)
    # a temporary name first: a full disk leaves no broken .pdf behind
    write_atomically(path, lambda partial: pdf.build(str(partial), story, title=report.title, author=report.office))
    return path
