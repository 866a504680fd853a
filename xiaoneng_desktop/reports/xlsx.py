"""The monthly report as an Excel workbook that prints: a summary sheet, a sheet per register with its
charts on a page of their own, and a sheet of the records behind each figure. Every sheet has a title
row (office, month, sheet name) and core.xlsx's page setup (A4, fit to width, header rows repeated,
"第 N 页 共 M 页"); numbers, percents and dates are typed cells, long text wraps."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from xiaoneng_desktop.core import xlsx
from xiaoneng_desktop.core.files import write_atomically
from xiaoneng_desktop.core.xlsx import put, set_value
from xiaoneng_desktop.reports.monthly import DEFINITIONS, SUMMARY_HEADERS, MonthlyReport, Section, change_text

DATE_TIME = xlsx.DATE_TIME
PERCENT = xlsx.PERCENT
HEADER_FILL = "DDDDDD"
#: The PDF's colours (monthly_pdf): bars 按时办结 / 超时 / 在办 (已销号 / 超期), the trend line.
BAR_COLOURS = ("2E7D32", "C62828", "F9A825")
LINE_COLOUR = "1565C0"
#: Headers of the columns that hold long text: wrapped, never cut off.
LONG_TEXT = ("内容摘要", "标题", "来访事由", "前次来访事由", "问题描述", "事项", "原因分析", "整改措施", "更正内容", "说明")


def _put_rate(sheet, row: int, column: int, value: float | None):
    """A rate: the percent as a fraction (formatted 0.0%), or "—" (no record to rate) right-aligned like
    the numbers beside it, so it is not read as part of the column to its left."""
    from openpyxl.styles import Alignment

    if value is None:
        cell = put(sheet, row, column, "—")
        cell.alignment = Alignment(horizontal="right")
    else:
        cell = put(sheet, row, column, value / 100)
        cell.number_format = PERCENT
    return cell


def _figure_cell(text: str):
    """A figure of the second summary table, given as text by the report (\"12\", \"93.5%\", \"—\"), as
    the number it is: an int, a percent as a fraction (formatted 0.0%), "—" stays text."""
    text = text.strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+(\.\d+)?%", text):
        return float(text[:-1]) / 100
    return text


def _setup_page(sheet, header_row: int, landscape: bool, title_rows: str | None = None) -> None:
    xlsx.print_setup(sheet, header_row=header_row, title_rows=title_rows, landscape=landscape)


def _title(sheet, report: MonthlyReport, columns: int) -> None:
    """Row 1: office, month, sheet name."""
    xlsx.title_row(sheet, f"{report.office}　{report.year}年{report.month}月　{sheet.title}", columns)


def _text_categories(chart) -> None:
    """The categories (names, months) are text: a string reference, or Excel numbers them 1, 2, 3…"""
    from openpyxl.chart.data_source import AxDataSource, StrRef

    for series in chart.series:
        if series.cat is not None and series.cat.numRef is not None:
            series.cat = AxDataSource(strRef=StrRef(f=series.cat.numRef.f))


def _wrap_long(sheet, headers: list[str], header_row: int) -> None:
    xlsx.wrap_cells(sheet, [n for n, h in enumerate(headers, start=1) if h in LONG_TEXT], header_row + 1)


def _header(sheet, row: int, headers: list[str]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    for column, text in enumerate(headers, start=1):
        cell = put(sheet, row, column, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)


def _widths(sheet, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _write_summary(book, report: MonthlyReport) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.active
    sheet.title = "汇总"
    xlsx.title_row(sheet, report.title, len(SUMMARY_HEADERS))
    set_value(sheet["A2"], f"统计期间：{report.period}　制表时间：{report.generated_at:%Y-%m-%d %H:%M}")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(SUMMARY_HEADERS))
    _header(sheet, 3, SUMMARY_HEADERS)
    row = 4
    for section in report.sections:
        f, p = section.figures, section.previous
        if f is None or p is None:
            continue
        values = [section.title, f.total, f.on_time, f.overdue, f.in_progress, f.rate, p.rate,
                  change_text(f.rate, p.rate, points=True)]
        for column, value in enumerate(values, start=1):
            if column in (6, 7):
                _put_rate(sheet, row, column, value)
            else:
                put(sheet, row, column, value)
        row += 1
    sheet.auto_filter.ref = f"A3:H{row - 1}"
    extra = [(section.title, *line) for section in report.sections for line in section.extra]
    if extra:
        row += 1
        _header(sheet, row, ["登记簿", "指标", "本月", "上月"])
        for line in extra:
            row += 1
            for column, value in enumerate(line, start=1):
                cell = put(sheet, row, column, _figure_cell(value) if column > 2 else value)
                if isinstance(cell.value, float):
                    cell.number_format = PERCENT
                elif column > 2:
                    cell.alignment = Alignment(horizontal="right")
        row += 1
    if report.corrections_text:
        row += 1
        cell = put(sheet, row, 1, report.corrections_text)
        cell.font, cell.alignment = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(SUMMARY_HEADERS))
        sheet.row_dimensions[row].height = 32
        row += 1
    row += 1
    put(sheet, row, 1, "指标说明").font = Font(bold=True)
    for label, text in DEFINITIONS:
        row += 1
        put(sheet, row, 1, label).alignment = Alignment(vertical="top")
        put(sheet, row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(SUMMARY_HEADERS))
        # merged cells do not grow by themselves: ~44 characters a line across the merged width
        sheet.row_dimensions[row].height = 16 * max(1, -(-len(text) // 44)) + 2
    _widths(sheet, [14, 14, 10, 8, 8, 12, 15, 18])  # B also holds the 指标 names below (受理告知超时)
    _setup_page(sheet, 3, landscape=False)


def _write_section(book, report: MonthlyReport, section: Section) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(section.title)
    _title(sheet, report, max(len(b.headers) for b in section.breakdowns))
    row = 2
    first_table: tuple[int, int, int] | None = None  # (header row, last row, columns) of the first breakdown
    for number, breakdown in enumerate(section.breakdowns):
        if number:
            row += 1
        _header(sheet, row, breakdown.headers)
        top = row
        for values in breakdown.rows:
            row += 1
            for column, value in enumerate(values, start=1):
                if column - 1 in breakdown.rate_columns:
                    _put_rate(sheet, row, column, value)
                else:
                    put(sheet, row, column, value)
        if first_table is None:
            first_table = (top, row, len(breakdown.headers))
        row += 1
    top, last, _ = first_table
    sheet.auto_filter.ref = f"A{top}:{get_column_letter(len(section.breakdowns[0].headers))}{max(last, top)}"

    row += 1
    put(sheet, row, 1, f"近12个月{section.trend_label}")
    trend_header = row + 1
    _header(sheet, trend_header, ["月份", section.trend_label])
    for offset, (month, rate) in enumerate(section.trend, start=1):
        put(sheet, trend_header + offset, 1, month)
        cell = put(sheet, trend_header + offset, 2, None if rate is None else rate / 100)
        cell.number_format = PERCENT
    last_trend = trend_header + len(section.trend)
    _widths(sheet, [14, 10, 10, 9, 9, 10, 12])
    _setup_page(sheet, 2, landscape=False)

    # The charts on a sheet of their own, one A4 page: never cut across pages, no header row over them.
    charts = book.create_sheet(f"{section.title}图表")
    _title(charts, report, 9)
    breakdown = section.breakdowns[0]
    if last > top:
        bars = BarChart()
        bars.title = f"按{breakdown.label}统计（{section.unit}）"
        for _name, column in breakdown.bars:
            bars.add_data(Reference(sheet, min_col=column + 1, min_row=top, max_row=last), titles_from_data=True)
        bars.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=last))
        _text_categories(bars)
        for index, series in enumerate(bars.series):
            series.graphicalProperties.solidFill = BAR_COLOURS[index % len(BAR_COLOURS)]
            series.graphicalProperties.line.solidFill = BAR_COLOURS[index % len(BAR_COLOURS)]
        bars.y_axis.scaling.min = 0
        bars.y_axis.majorGridlines = None
        bars.y_axis.delete = bars.x_axis.delete = False  # openpyxl 3.1 hides both axes by default
        bars.legend.position = "b"
        bars.height, bars.width = 8, 16
        charts.add_chart(bars, "A3")
    line = LineChart()
    line.title = f"近12个月{section.trend_label}"
    line.add_data(Reference(sheet, min_col=2, min_row=trend_header, max_row=last_trend), titles_from_data=True)
    line.set_categories(Reference(sheet, min_col=1, min_row=trend_header + 1, max_row=last_trend))
    _text_categories(line)
    for series in line.series:
        series.smooth = False
        series.graphicalProperties.line.solidFill = LINE_COLOUR
        series.graphicalProperties.line.width = 22000  # EMU: 1.75 pt
        series.marker.symbol = "circle"
        series.marker.size = 5
        series.marker.graphicalProperties.solidFill = LINE_COLOUR
        series.marker.graphicalProperties.line.solidFill = LINE_COLOUR
    line.y_axis.scaling.min, line.y_axis.scaling.max = 0, 1  # a rate: always 0–100 %
    line.y_axis.majorUnit = 0.2
    line.y_axis.number_format = "0%"
    line.y_axis.delete = line.x_axis.delete = False
    line.legend = None
    line.height, line.width = 8, 16
    charts.add_chart(line, "A20")
    _widths(charts, [10] * 9)
    _setup_page(charts, 1, landscape=False)
    charts.page_setup.fitToHeight = 1  # both charts on the one page
    charts.print_area = "A1:I37"  # the title and both charts (8 cm each, from rows 3 and 20)
    charts.freeze_panes = None

    _list_sheet(book, report, f"{section.title}超时" if section.figures is not None else f"{section.title}超期",
                ["开始时间", "事项", "承办人", "办理时限", "超时"],
                [[item.started, item.what, item.holder, item.deadline, item.late] for item in section.overdue],
                [17, 50, 12, 17, 14], landscape=False)


def _list_sheet(book, report: MonthlyReport, name: str, headers: list[str], rows, widths: list[int], *,
                landscape: bool = True, empty_text: str = ""):
    """A sheet listing records behind the figures: the title row, the header, the rows (or a line
    saying there are none), a filter, widths, wrapped long text and the page setup."""
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    _title(sheet, report, len(headers))
    _header(sheet, 2, headers)
    for row_number, values in enumerate(rows, start=3):
        for column, value in enumerate(values, start=1):
            put(sheet, row_number, column, value)
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{len(rows) + 2}"
    if not rows and empty_text:
        put(sheet, 3, 1, empty_text)
    _widths(sheet, widths)
    _wrap_long(sheet, headers, 2)
    _setup_page(sheet, 2, landscape=landscape)
    return sheet


def _write_records(book, report: MonthlyReport, section: Section) -> None:
    widths = [17 if any(isinstance(r[c], dt.datetime) for r in section.records[:50]) else 12
              for c in range(len(section.record_headers))]
    for column, header in enumerate(section.record_headers):
        if header in LONG_TEXT:
            widths[column] = 45
    _list_sheet(book, report, f"{section.title}明细", section.record_headers, section.records, widths)


def _write_detail(book, report: MonthlyReport, detail) -> None:
    """A list behind a figure (重复访明细): a header row and its rows, or a line saying there are none."""
    _list_sheet(book, report, detail.title, detail.headers, detail.rows,
                [45 if header in LONG_TEXT else 17 if "时间" in header else 12 for header in detail.headers],
                empty_text=detail.empty_text)


def _write_corrections(book, report: MonthlyReport) -> None:
    """更正上月记录: each 更正 of a record of the closed previous month, made after it was closed."""
    _list_sheet(book, report, "更正上月记录", ["更正时间", "登记簿", "记录编号", "更正人", "更正内容"],
                [[c.at, c.register, c.record_id, c.actor, c.detail] for c in report.corrections],
                [17, 12, 10, 14, 70])


def write(report: MonthlyReport, path: Path | str) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    _write_summary(book, report)
    for section in report.sections:
        _write_section(book, report, section)
    for section in report.sections:
        _write_records(book, report, section)
        for detail in section.details:
            _write_detail(book, report, detail)
    if report.previous_closed:
        _write_corrections(book, report)
    book.properties.title = report.title
    book.properties.creator = "机关效能管理系统"
    path = Path(path)
    write_atomically(path, book.save)  # a full disk leaves no broken .xlsx behind
    return path
