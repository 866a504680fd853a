"""The monthly report as an office document (GB/T 9704 page): the one-page summary first, then each
register — breakdown, charts drawn with reportlab's own graphics, the overdue items by name — and the
definitions of the figures at the end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from xiaoneng_desktop.core.figures import percent_text
from xiaoneng_desktop.core.files import write_atomically
from xiaoneng_desktop.reports import pdf
from xiaoneng_desktop.reports.monthly import (
    DEFINITIONS,
    SUMMARY_HEADERS,
    MonthlyReport,
    Section,
    summary_rows,
)

CHINESE_NUMBERS = "一二三四五六七八九十"


def _p(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def _table(headers: list[str], rows: list[list[str]], widths: list[float], s: pdf.Styles):
    data = [[_p(h, s.cell_bold) for h in headers]] + [[_p(str(v), s.cell) for v in row] for row in rows]
    return pdf.grid_table(data, widths, header_rows=1)


def _bar_chart(section: Section, s: pdf.Styles):
    """Bars of the first breakdown, one series per counted figure."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    breakdown = section.breakdowns[0]
    names = [str(row[0]) for row in breakdown.rows] or ["—"]
    series = [[row[column] for row in breakdown.rows] or [0] for _, column in breakdown.bars]
    palette = ("#2e7d32", "#c62828", "#f9a825")
    drawing = Drawing(pdf.BLOCK_WIDTH / 2 - 6, 170)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34, 42, drawing.width - 44, 100
    chart.data = series
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = s.fonts["fang"]
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    if len(names) > 4:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    for index in range(len(series)):
        chart.bars[index].fillColor = colors.HexColor(palette[index % len(palette)])
    drawing.add(chart)
    drawing.add(String(drawing.width / 2, 156, f"按{breakdown.label}统计（{section.unit}）",
                       fontName=s.fonts["hei"], fontSize=10, textAnchor="middle"))
    legend = Legend()
    legend.x, legend.y, legend.fontName, legend.fontSize = 34, 14, s.fonts["fang"], 8
    legend.alignment, legend.columnMaximum, legend.deltax = "right", 1, 60
    legend.colorNamePairs = [(colors.HexColor(palette[i % len(palette)]), name)
                             for i, (name, _) in enumerate(breakdown.bars)]
    drawing.add(legend)
    return drawing


def _trend_chart(section: Section, s: pdf.Styles):
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib import colors

    drawing = Drawing(pdf.BLOCK_WIDTH / 2 - 6, 170)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 34, 42, drawing.width - 44, 100
    chart.data = [[rate for _, rate in section.trend]]  # None leaves a gap: no data that month
    chart.categoryAxis.categoryNames = [month[2:] for month, _ in section.trend]
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.lines[0].strokeColor = colors.HexColor("#1565c0")
    chart.lines[0].strokeWidth = 1.5
    chart.lines[0].symbol = makeMarker("FilledCircle", size=3)
    # reportlab cannot join a run of one point; markers alone then (a month without data is a gap).
    values = [rate is not None for _, rate in section.trend]
    runs = "".join("1" if v else "0" for v in values).split("0")
    chart.joinedLines = int(all(len(run) != 1 for run in runs) and any(values))
    drawing.add(chart)
    drawing.add(String(drawing.width / 2, 156, f"近12个月{section.trend_label}", fontName=s.fonts["hei"],
                       fontSize=10, textAnchor="middle"))
    return drawing


def _cell_text(value, rate: bool) -> str:
    return percent_text(value) if rate else str(value)


def _section(number: int, section: Section, s: pdf.Styles) -> list:
    from reportlab.platypus import CondPageBreak, Spacer, Table

    w = pdf.BLOCK_WIDTH
    # a register starts where its heading, narrative and first table fit together
    story = [CondPageBreak(320), _p(f"{CHINESE_NUMBERS[number]}、{section.title}", s.heading1)]
    story += [_p(sentence, s.body) for sentence in section.summary]
    for index, breakdown in enumerate(section.breakdowns):
        story.append(_p(f"（{CHINESE_NUMBERS[index]}）按{breakdown.label}统计", s.heading2))
        rows = [[_cell_text(v, c in breakdown.rate_columns) for c, v in enumerate(row)] for row in breakdown.rows]
        first = 0.26 if len(breakdown.headers) <= 6 else 0.22
        rest = (1 - first) / (len(breakdown.headers) - 1)
        story.append(_table(breakdown.headers, rows or [["—"] + [""] * (len(breakdown.headers) - 1)],
                            [w * first] + [w * rest] * (len(breakdown.headers) - 1), s))
    story.append(Spacer(1, 8))
    story.append(Table([[_bar_chart(section, s), _trend_chart(section, s)]], colWidths=[w / 2, w / 2]))
    story.append(_p(f"（{CHINESE_NUMBERS[len(section.breakdowns)]}）{section.overdue_title}"
                    f"（{len(section.overdue)}{section.unit}）", s.heading2))
    if section.overdue:
        rows = [[f"{i.started:%m-%d %H:%M}" if isinstance(i.started, dt.datetime) else f"{i.started:%m-%d}",
                 i.what, i.holder, f"{i.deadline:%m-%d %H:%M}", i.late] for i in section.overdue]
        story.append(_table(["开始时间", "事项", "承办人", "办理时限", "超时"], rows,
                            [w * 0.17, w * 0.37, w * 0.11, w * 0.17, w * 0.18], s))
    else:
        story.append(_p(f"本月没有{section.overdue_title}。", s.body))
    return story


def write(report: MonthlyReport, path: Path | str) -> Path:
    from reportlab.platypus import PageBreak, Spacer

    s = pdf.styles()
    w = pdf.BLOCK_WIDTH
    from reportlab.platypus import Paragraph

    # a long title breaks after the office's name, not in the middle of a word
    heading = (f"{escape(report.office)}<br/>{escape(report.title[len(report.office):])}"
               if len(report.title) > 20 else escape(report.title))
    story = [Paragraph(heading, s.title), _p(f"统计期间：{report.period}", s.subtitle),
             _table(SUMMARY_HEADERS, summary_rows(report),
                    [w * 0.13, w * 0.09, w * 0.11, w * 0.09, w * 0.09, w * 0.12, w * 0.14, w * 0.23], s)]
    extra = [[section.title, label, current, previous] for section in report.sections
             for label, current, previous in section.extra]
    if extra:
        story += [Spacer(1, 8), _table(["登记簿", "指标", "本月", "上月"], extra,
                                       [w * 0.2, w * 0.4, w * 0.2, w * 0.2], s)]
    if report.corrections_text:
        story += [Spacer(1, 8), _p(report.corrections_text, s.body)]
    story.append(Spacer(1, 10))
    story.append(_p(f"制表时间：{report.generated_at:%Y年%m月%d日 %H:%M}　制表：机关效能管理系统", s.note))
    story.append(PageBreak())
    for number, section in enumerate(report.sections):
        story += _section(number, section, s)
    story.append(_p(f"{CHINESE_NUMBERS[len(report.sections)]}、指标说明", s.heading1))
    for label, text in DEFINITIONS:
        story.append(_p(f"{label}：{text}", s.note))
    path = Path(path)
    # a temporary name first: a full disk leaves no broken .pdf behind
    write_atomically(path, lambda partial: pdf.build(str(partial), story, title=report.title, author=report.office))
    return path
