"""The monthly report: figures known by hand, the same in the workbook and the PDF."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import openpyxl
import pytest

from xiaoneng_desktop import cli
from xiaoneng_desktop.core import settings
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.reports import monthly, monthly_pdf, xlsx

D = dt.datetime


def log(received, category="一般事项", closed=None, summary="事项", assignee=""):
    call = service.create_call(CallInput(received_at=received, category=category, summary=summary,
                                         officer_name="王值班", assignee_name=assignee))
    if closed is not None:
        service.close_call(call.id, "已办理", closed_at=closed, late_reason="据纸质登记簿补记")
    return call


@pytest.fixture
def october(database, clock):
    """October 2026, worked out by hand: 6 calls — 2 on time, 2 overdue, 2 in progress — rate 50.0%;
    September: 1 overdue, 1 still open at its cut-off (closed on 1 October) — rate 0.0%."""
    clock.set(D(2026, 11, 15, 12, 0))
    settings.save_all({"office.name": "宜城县人民政府办公室"})
    log(D(2026, 10, 1, 0, 0), closed=D(2026, 10, 1, 0, 10))  # on time, at the deadline exactly
    log(D(2026, 10, 5, 9, 0), closed=D(2026, 10, 5, 9, 11), summary="供电公司停电通知", assignee="张科长")
    log(D(2026, 10, 31, 23, 55))  # in progress at T
    log(D(2026, 10, 20, 9, 0), summary="县应急局防汛检查", assignee="李科员")  # open and overdue
    log(D(2026, 10, 31, 23, 58), closed=D(2026, 11, 1, 0, 5))  # closed after T: in progress
    log(D(2026, 10, 10, 9, 0), "特殊事项", closed=D(2026, 10, 10, 11, 0))  # on time
    log(D(2026, 9, 30, 23, 59), closed=D(2026, 10, 1, 0, 5))  # 在办 at September's cut-off
    log(D(2026, 9, 3, 9, 0), closed=D(2026, 9, 3, 10, 0))  # 超时
    log(D(2026, 11, 1, 0, 0))  # November: not counted


def test_report_content(october):
    report = monthly.build(2026, 10)
    assert report.title == "宜城县人民政府办公室2026年10月机关效能工作月报"
    assert [section.title for section in report.sections] == ["值班记录", "公文流转", "来访接待", "五查自查"]
    duty = report.sections[0]
    assert (duty.figures.total, duty.figures.on_time, duty.figures.overdue, duty.figures.in_progress) == (6, 2, 2, 2)
    assert duty.figures.rate_text == "50.0%" and duty.previous.rate_text == "0.0%"
    assert [item.holder for item in duty.overdue] == ["张科长", "李科员"]
    assert duty.overdue[0].late == "1分钟"
    assert duty.overdue[1].late == "11天14小时"  # 10-20 09:10 → T 10-31 23:59
    assert duty.trend[-1] == ("2026-10", 50.0) and duty.trend[-3] == ("2026-08", None)
    assert monthly.summary_rows(report) == [["值班记录", "6", "2", "2", "2", "50.0%", "0.0%", "+50.0个百分点"],
                                            ["公文流转", "0", "0", "0", "0", "—", "—", "—"],
                                            ["来访接待", "0", "0", "0", "0", "—", "—", "—"]]
    inspection = report.sections[3]
    assert inspection.figures is None and ("整改完成率", "—", "—") in inspection.extra


def test_workbook_has_the_figures_and_prints(october, tmp_path):
    path = xlsx.write(monthly.build(2026, 10), tmp_path / "月报.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总", "值班记录", "值班记录图表", "值班记录超时", "公文流转", "公文流转图表", "公文流转超时",
                               "来访接待", "来访接待图表", "来访接待超时", "五查自查", "五查自查图表", "五查自查超期",
                               "值班记录明细", "公文流转明细", "来访接待明细", "重复访明细", "五查自查明细"]
    assert [c.value for c in book["值班记录超时"][3]][2] == "张科长"
    summary = book["汇总"]
    assert [c.value for c in summary[4]] == ["值班记录", 6, 2, 2, 2, 0.5, 0.0, "+50.0个百分点"]
    assert summary["F4"].number_format == "0.0%"
    assert summary.freeze_panes == "A4" and summary.print_title_rows == "$1:$3"
    records = book["值班记录明细"]
    assert "值班记录明细" in records["A1"].value and "2026年10月" in records["A1"].value  # the title row
    rows = list(records.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 6 and isinstance(rows[0][0], dt.datetime)
    assert records["A3"].number_format == "yyyy-mm-dd hh:mm"
    assert records.cell(3, 6).alignment.wrap_text  # 内容摘要 wraps
    assert sorted(r[-1] for r in rows) == ["在办", "在办", "按时办结", "按时办结", "超时", "超时"]
    assert records.auto_filter.ref == "A2:K8" and records.freeze_panes == "A3"
    assert book["值班记录"]["A5"].value == "突发事件" and book["值班记录"]["F5"].value == "—"
    # a dash stands where the number would, not against the 在办 column to its left
    assert book["值班记录"]["F5"].alignment.horizontal == "right"
    for sheet in book.worksheets:  # every sheet prints the same way and has a title row
        assert int(sheet.page_setup.paperSize) == 9, sheet.title  # A4
        assert int(sheet.page_setup.fitToWidth) == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        assert sheet.print_title_rows and sheet["A1"].font.bold and sheet["A1"].value
    assert int(book["值班记录明细"].page_setup.fitToHeight) == 0  # as many pages down as needed


def test_workbook_figures_are_numbers_and_charts_print_on_their_own_page(october, tmp_path):
    from xiaoneng_desktop.core import settings

    report = monthly.build(2026, 10)
    book = openpyxl.load_workbook(xlsx.write(report, tmp_path / "月报.xlsx"))
    summary = book["汇总"]
    extras = {(r[0].value, r[1].value): r[2] for r in summary.iter_rows(min_row=5) if r[0].value and r[1].value}
    assert extras[("来访接待", "来访批次")].value == 0 and type(extras[("值班记录", "补记")].value) is int
    assert extras[("五查自查", "整改完成率")].value == "—"  # nothing due yet: a dash, not a number
    assert settings.get("office.name") in summary["A1"].value
    for title in ("值班记录", "公文流转", "来访接待", "五查自查"):
        assert not book[title]._charts  # the tables' sheet prints without charts under its header
        charts = book[f"{title}图表"]._charts
        line = charts[-1]
        assert (line.y_axis.scaling.min, line.y_axis.scaling.max) == (0, 1) and "%" in line.y_axis.number_format.formatCode
        assert all(series.smooth is False for series in line.series)
        assert line.series[0].graphicalProperties.line.solidFill.srgbClr == xlsx.LINE_COLOUR
    bars = book["值班记录图表"]._charts[0]
    assert [s.graphicalProperties.solidFill.srgbClr for s in bars.series] == list(xlsx.BAR_COLOURS)
    assert int(book["值班记录图表"].page_setup.fitToHeight) == 1  # the charts on one page
    assert book["值班记录图表"].print_area == "'值班记录图表'!$A$1:$I$37"


def test_figure_cells_turn_the_reports_text_into_numbers():
    assert xlsx._figure_cell("12") == 12 and xlsx._figure_cell("93.5%") == pytest.approx(0.935)
    assert xlsx._figure_cell("—") == "—" and xlsx._figure_cell("0") == 0


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is needed")
def test_pdf_has_the_same_figures(october, tmp_path):
    path = monthly_pdf.write(monthly.build(2026, 10), tmp_path / "月报.pdf")
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())  # table cells and long lines wrap: compare without spaces
    for expected in ("宜城县人民政府办公室2026年10月机关效能", "值班记录 6 2 2 2 50.0% 0.0% +50.0个百分点",
                     "按时办结率50.0%（上月0.0%）", "超时事项（2件）", "供电公司停电通知", "张科长", "11天14小时",
                     "指标说明", "按时办结率：按时办结数", "— 1 —", "— 2 —"):
        assert "".join(expected.split()) in flat, expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is needed")
def test_empty_month_prints_dashes(database, clock, tmp_path):
    report = monthly.build(2025, 3)
    assert monthly.summary_rows(report)[0] == ["值班记录", "0", "0", "0", "0", "—", "—", "—"]
    text = subprocess.run(["pdftotext", str(monthly_pdf.write(report, tmp_path / "空.pdf")), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "本月没有超时事项" in text and "本月没有超期未整改问题" in text
    book = openpyxl.load_workbook(xlsx.write(report, tmp_path / "空.xlsx"))
    assert book["汇总"]["F4"].value == "—"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed here")
def test_libreoffice_opens_the_workbook(october, tmp_path):
    path = xlsx.write(monthly.build(2026, 10), tmp_path / "report.xlsx")
    result = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report.pdf").stat().st_size > 1000


def test_cli_writes_both_files(october, db_path, tmp_path, capsys):
    from xiaoneng_desktop.core.db import close_database

    close_database()
    code = cli.main(["--db", str(db_path), "report", "monthly", "--month", "2026-10",
                     "--xlsx", str(tmp_path / "m.xlsx"), "--pdf", str(tmp_path / "m.pdf")])
    assert code == 0
    assert (tmp_path / "m.xlsx").stat().st_size > 0 and (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("args", "message"), [
    (["--month", "2026-13", "--pdf", "x.pdf"], "YYYY-MM"),
    (["--month", "十月", "--pdf", "x.pdf"], "YYYY-MM"),
    (["--month", "2026-10"], "--xlsx 或 --pdf"),
    (["--month", "2026-10", "--pdf", "/no/such/folder/m.pdf"], "不存在"),
    (["--month", "2026-10", "--pdf", "m.xlsx"], "扩展名"),
    (["--month", "2030-01", "--pdf", "m.pdf"], "还没有到"),
])
def test_cli_bad_input_exits_2(database, clock, db_path, tmp_path, monkeypatch, capsys, args, message):
    from xiaoneng_desktop.core.db import close_database

    close_database()
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--db", str(db_path), "report", "monthly", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_every_register_in_both_files_with_the_same_figures(database, clock, tmp_path):
    """On two months of demo data: each register's figures in the workbook and the PDF are its stats'."""
    from xiaoneng_desktop import demo
    from xiaoneng_desktop.documents import stats as document_stats
    from xiaoneng_desktop.inspection import stats as inspection_stats
    from xiaoneng_desktop.visitors import stats as visitor_stats

    clock.set(D(2026, 11, 20, 10, 0))
    demo.fill(2)
    report = monthly.build(2026, 10)
    documents, visits, problems = (document_stats.month_figures(2026, 10), visitor_stats.month_figures(2026, 10),
                                   inspection_stats.month_figures(2026, 10))
    assert documents.total > 0 and visits.visits > 0
    book = openpyxl.load_workbook(xlsx.write(report, tmp_path / "m.xlsx"))
    rows = {}
    for r in book["汇总"].iter_rows(min_row=4, values_only=True):
        if not r[0]:
            break  # the on-time table ends; the extra figures follow
        rows[r[0]] = r
    assert rows["公文流转"][1:5] == (documents.total, documents.on_time, documents.overdue, documents.in_progress)
    assert rows["来访接待"][1:5] == (visits.visits, visits.on_time, visits.overdue, visits.in_progress)
    extras = {(r[0], r[1]): r[2] for r in book["汇总"].iter_rows(values_only=True) if r[0] and r[1] and r[2]}
    assert extras[("来访接待", "来访人次")] == visits.persons  # a number, not text
    rate = extras[("五查自查", "整改完成率")]
    assert rate == "—" if problems.rate is None else rate == pytest.approx(problems.rate / 100)
    assert len(list(book["公文流转明细"].iter_rows(min_row=3))) == documents.total
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-raw", str(monthly_pdf.write(report, tmp_path / "m.pdf")), "-"],
                              capture_output=True, text=True, check=True).stdout
        flat = "".join(text.split())
        assert f"本月来访{visits.visits}批次、{visits.persons}人次" in flat
        assert f"满意率{visits.satisfaction_text}" in flat
        assert f"自查共发现问题{problems.found}个" in flat and f"整改完成率{problems.rate_text}" in flat
        assert f"公文流转{documents.total}{documents.on_time}{documents.overdue}{documents.in_progress}" in flat


def test_repeat_visits_are_listed_with_the_visits_they_repeat(database, clock, tmp_path):
    """The 重复访 figure traced to its visits: a 重复访明细 sheet, one row per earlier visit repeated."""
    from xiaoneng_desktop.visitors import service as visitors
    from xiaoneng_desktop.visitors.service import VisitInput

    clock.set(D(2026, 11, 15, 12, 0))
    person = "430621198507152312"

    def visit(at, name, matter, id_number="", phone=""):
        return visitors.create_visit(VisitInput(visited_at=at, name=name, matter=matter, first_responder="周接待",
                                                id_number=id_number, phone=phone))

    visit(D(2026, 8, 3, 9, 0), "刘建国", "反映排水管网堵塞", id_number=person)
    visit(D(2026, 10, 9, 9, 0), "刘建国", "再次反映排水管网堵塞", id_number=person)
    visit(D(2026, 10, 20, 9, 0), "刘建国", "第三次反映排水", id_number=person)
    visit(D(2026, 9, 1, 9, 0), "王秀英", "咨询低保", phone="13907361234")
    visit(D(2026, 10, 12, 9, 0), "王秀英", "再问低保", phone="13907361234")
    visit(D(2026, 10, 13, 9, 0), "张某", "第一次来")
    report = monthly.build(2026, 10)
    section = report.sections[2]
    assert ("重复访", "3", "0") in section.extra
    (detail,) = section.details
    assert detail.title == "重复访明细"
    listed = [(row[0], row[1], row[2], row[5], row[6], row[7], row[9]) for row in detail.rows]
    masked = "4306**********2312"
    assert listed == [
        (D(2026, 10, 9, 9, 0), "刘建国", masked, D(2026, 8, 3, 9, 0), "刘建国", masked, "身份证号"),
        (D(2026, 10, 12, 9, 0), "王秀英", "未提供", D(2026, 9, 1, 9, 0), "王秀英", "未提供", "电话"),
        (D(2026, 10, 20, 9, 0), "刘建国", masked, D(2026, 8, 3, 9, 0), "刘建国", masked, "身份证号"),
        (D(2026, 10, 20, 9, 0), "刘建国", masked, D(2026, 10, 9, 9, 0), "刘建国", masked, "身份证号"),
    ]
    # the figure counts visits, the list each one with every visit it repeats
    assert len({row[0] for row in detail.rows}) == 3
    book = openpyxl.load_workbook(xlsx.write(report, tmp_path / "月报.xlsx"))
    sheet = book["重复访明细"]
    assert "重复访明细" in sheet["A1"].value
    assert [c.value for c in sheet[2]] == monthly.REPEAT_HEADERS
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 4 and rows[0][1] == "刘建国" and rows[0][2] == masked and rows[0][4] == "再次反映排水管网堵塞"
    assert person not in str(rows)  # never the full ID number
    empty = openpyxl.load_workbook(xlsx.write(monthly.build(2026, 7), tmp_path / "七月.xlsx"))["重复访明细"]
    assert empty["A3"].value == "本月没有重复访。"
