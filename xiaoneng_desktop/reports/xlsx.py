"""The monthly report as an Excel workbook that prints: a summary sheet, a sheet per register and a
sheet of the records behind each figure. Frozen header rows, filters, real dates, A4 fit to width
with the header row repeated on every printed page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from xiaoneng_desktop.core.files import write_atomically
from xiaoneng_desktop.core.xlsx import put, set_value
from xiaoneng_desktop.reports.monthly import DEFINITIONS, SUMMARY_HEADERS, MonthlyReport, Section, change_text

DATE_TIME = "yyyy-mm-dd hh:mm"
PERCENT = "0.0%"
HEADER_FILL = "DDDDDD"


def _rate_cell(value: float | None):
    return "—" if value is None else value / 100


def _setup_page(sheet, title_rows: str, landscape: bool) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.print_title_rows = title_rows
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


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
    set_value(sheet["A1"], report.title)
    sheet["A1"].font = Font(bold=True, size=16)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(SUMMARY_HEADERS))
    sheet["A1"].alignment = Alignment(horizontal="center")
    set_value(sheet["A2"], f"统计期间：{report.period}　制表时间：{report.generated_at:%Y-%m-%d %H:%M}")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(SUMMARY_HEADERS))
    _header(sheet, 3, SUMMARY_HEADERS)
    row = 4
    for section in report.sections:
        f, p = section.figures, section.previous
        if f is None or p is None:
            continue
        values = [section.title, f.total, f.on_time, f.overdue, f.in_progress, _rate_cell(f.rate),
                  _rate_cell(p.rate), change_text(f.rate, p.rate, points=True)]
        for column, value in enumerate(values, start=1):
            cell = put(sheet, row, column, value)
            if column in (6, 7) and not isinstance(value, str):
                cell.number_format = PERCENT
        row += 1
    sheet.auto_filter.ref = f"A3:H{row - 1}"
    sheet.freeze_panes = "A4"
    extra = [(section.title, *line) for section in report.sections for line in section.extra]
    if extra:
        row += 1
        _header(sheet, row, ["登记簿", "指标", "本月", "上月"])
        for line in extra:
            row += 1
            for column, value in enumerate(line, start=1):
                put(sheet, row, column, value)
        row += 1
    if report.corrections_text:
        row += 1
        put(sheet, row, 1, report.corrections_text).font = Font(bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(SUMMARY_HEADERS))
        row += 1
    row += 1
    put(sheet, row, 1, "指标说明").font = Font(bold=True)
    for label, text in DEFINITIONS:
        row += 1
        put(sheet, row, 1, label)
        put(sheet, row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(SUMMARY_HEADERS))
        sheet.row_dimensions[row].height = 32
    _widths(sheet, [14, 9, 10, 8, 8, 12, 15, 16])
    _setup_page(sheet, "3:3", landscape=False)


def _write_section(book, section: Section) -> None:
    from openpyxl.chart import BarChart, LineChart, Reference

    sheet = book.create_sheet(section.title)
    row = 1
    first_table: tuple[int, int, int] | None = None  # (header row, last row, columns) of the first breakdown
    for number, breakdown in enumerate(section.breakdowns):
        if number:
            row += 1
        _header(sheet, row, breakdown.headers)
        top = row
        for values in breakdown.rows:
            row += 1
            for column, value in enumerate(values, start=1):
                rate = column - 1 in breakdown.rate_columns
                cell = put(sheet, row, column, _rate_cell(value) if rate else value)
                if rate and not isinstance(cell.value, str):
                    cell.number_format = PERCENT
        if first_table is None:
            first_table = (top, row, len(breakdown.headers))
        row += 1
    top, last, _ = first_table
    sheet.auto_filter.ref = f"A{top}:{chr(64 + len(section.breakdowns[0].headers))}{max(last, top)}"
    sheet.freeze_panes = "A2"

    row += 1
    put(sheet, row, 1, f"近12个月{section.trend_label}")
    trend_header = row + 1
    _header(sheet, trend_header, ["月份", section.trend_label])
    for offset, (month, rate) in enumerate(section.trend, start=1):
        put(sheet, trend_header + offset, 1, month)
        cell = put(sheet, trend_header + offset, 2, None if rate is None else rate / 100)
        cell.number_format = PERCENT
    last_trend = trend_header + len(section.trend)

    # Charts below the tables, so that "fit to width" keeps the tables readable on A4.
    breakdown = section.breakdowns[0]
    if last > top:
        bars = BarChart()
        bars.title = f"按{breakdown.label}统计（{section.unit}）"
        for _name, column in breakdown.bars:
            bars.add_data(Reference(sheet, min_col=column + 1, min_row=top, max_row=last), titles_from_data=True)
        bars.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=last))
        bars.height, bars.width = 7, 8
        sheet.add_chart(bars, f"A{last_trend + 2}")
    line = LineChart()
    line.title = f"近12个月{section.trend_label}"
    line.add_data(Reference(sheet, min_col=2, min_row=trend_header, max_row=last_trend), titles_from_data=True)
    line.set_categories(Reference(sheet, min_col=1, min_row=trend_header + 1, max_row=last_trend))
    line.y_axis.number_format = "0%"
    line.legend = None
    line.height, line.width = 7, 8
    sheet.add_chart(line, f"D{last_trend + 2}")
    _widths(sheet, [14, 10, 10, 9, 9, 10, 12])
    _setup_page(sheet, "1:1", landscape=False)

    overdue = book.create_sheet(f"{section.title}超时" if section.figures is not None else f"{section.title}超期")
    _header(overdue, 1, ["开始时间", "事项", "承办人", "办理时限", "超时"])
    for row_number, item in enumerate(section.overdue, start=2):
        for column, value in enumerate([item.started, item.what, item.holder, item.deadline, item.late], start=1):
            cell = put(overdue, row_number, column, value)
            if isinstance(value, dt.datetime):
                cell.number_format = DATE_TIME
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    overdue.auto_filter.ref = f"A1:E{max(1, len(section.overdue) + 1)}"
    overdue.freeze_panes = "A2"
    _widths(overdue, [17, 50, 12, 17, 14])
    _setup_page(overdue, "1:1", landscape=False)


def _write_records(book, section: Section) -> None:
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(f"{section.title}明细")
    _header(sheet, 1, section.record_headers)
    for row_number, record in enumerate(section.records, start=2):
        for column, value in enumerate(record, start=1):
            cell = put(sheet, row_number, column, value)
            if isinstance(value, dt.datetime):
                cell.number_format = DATE_TIME
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    last = max(1, len(section.records) + 1)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(section.record_headers))}{last}"
    sheet.freeze_panes = "A2"
    widths = [17 if any(isinstance(r[c], dt.datetime) for r in section.records[:50]) else 12
              for c in range(len(section.record_headers))]
    for column, header in enumerate(section.record_headers):
        if header in ("内容摘要", "标题", "来访事由", "问题描述", "事项", "原因分析", "整改措施"):
            widths[column] = 45
    _widths(sheet, widths)
    _setup_page(sheet, "1:1", landscape=True)


def _write_corrections(book, report: MonthlyReport) -> None:
    """更正上月记录: each 更正 of a record of the closed previous month, made after it was closed."""
    sheet = book.create_sheet("更正上月记录")
    _header(sheet, 1, ["更正时间", "登记簿", "记录编号", "更正人", "更正内容"])
    for row_number, item in enumerate(report.corrections, start=2):
        for column, value in enumerate([item.at, item.register, item.record_id, item.actor, item.detail], start=1):
            cell = put(sheet, row_number, column, value)
            if isinstance(value, dt.datetime):
                cell.number_format = DATE_TIME
    sheet.auto_filter.ref = f"A1:E{max(1, len(report.corrections) + 1)}"
    sheet.freeze_panes = "A2"
    _widths(sheet, [17, 12, 10, 14, 70])
    _setup_page(sheet, "1:1", landscape=True)


def write(report: MonthlyReport, path: Path | str) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    _write_summary(book, report)
    for section in report.sections:
        _write_section(book, section)
    for section in report.sections:
        _write_records(book, section)
    if report.previous_closed:
        _write_corrections(book, report)
    book.properties.title = report.title
    book.properties.creator = "机关效能管理系统"
    path = Path(path)
    write_atomically(path, book.save)  # a full disk leaves no broken .xlsx behind
    return path
