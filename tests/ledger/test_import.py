"""Import and export of every KIND: round trips, all or nothing, duplicates, bad rows and bad files."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import settings
from xiaoneng_desktop.documents.models import Document, DocumentStep, NumberCounter
from xiaoneng_desktop.duty import stats as duty_stats
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.inspection.models import Campaign, Problem
from xiaoneng_desktop.ledger import exporter, importer, workbook
from xiaoneng_desktop.ledger.layouts import LAYOUTS
from xiaoneng_desktop.ledger.workbook import LedgerFileError
from xiaoneng_desktop.visitors.models import Visit

from .samples import ROWS

KINDS = list(LAYOUTS)


def test_templates_have_the_sheets_headers_dropdowns_and_instructions(database, tmp_path):
    expected = {
        "duty": ("来电登记", "来电时间 来电方式 来电单位 来电人 联系电话 事项类别 内容摘要 交办对象 领导批示 办结时间 办理情况 值班员"),
        "incoming": ("收文登记", "收文日期 来文单位 文号 标题 文种 密级 紧急程度 份数 承办人 办理时限 办结日期 办理结果"),
        "outgoing": ("发文登记", "发文字号 标题 文种 密级 紧急程度 拟稿人 拟稿日期 签发人 签发日期 主送机关 印发份数"),
        "visitors": ("来访登记", "来访时间 姓名 身份证号 联系电话 来访人数 单位或住址 来访事由 问题类别 信访目的 首问责任人 转办单位 受理日期 "
                     "办结日期 办理结果 满意度"),
        "rectification": ("整改台账", "自查活动 检查项 问题描述 发现日期 原因分析 整改措施 责任人 整改类型 整改时限 完成日期 销号人 销号日期"),
    }
    for kind, (sheet, headers) in expected.items():
        path = exporter.write_template(kind, tmp_path / f"{kind}.xlsx")
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == [sheet, "填写说明"]
        ws = book[sheet]
        assert [c.value for c in ws[1]] == headers.split()
        lists = [v.formula1 for v in ws.data_validations.dataValidation if v.type == "list"]
        assert lists, kind
    book = openpyxl.load_workbook(tmp_path / "duty.xlsx")
    assert '"一般事项,特殊事项,突发事件"' in [v.formula1 for v in book["来电登记"].data_validations.dataValidation]


@pytest.mark.parametrize("kind", KINDS)
def test_export_then_import_into_an_empty_file_gives_the_same_records(kind, ledger, tmp_path):
    report = importer.import_file(kind, ledger(kind, ROWS[kind]))
    assert report.ok, [e.line() for e in report.errors]
    assert report.imported == 2
    first = exporter.rows_of(kind)
    assert len(first) == 2
    exported = tmp_path / "out.xlsx"
    assert exporter.export_kind(kind, exported) == 2
    schema.open_database(tmp_path / "empty.sqlite3")
    again = importer.import_file(kind, exported)
    assert again.ok and again.imported == 2, [e.line() for e in again.errors]
    assert exporter.rows_of(kind) == first


def test_imported_records_keep_their_dates_and_get_the_registers_deadlines(ledger):
    assert importer.import_file("duty", ledger("duty", ROWS["duty"])).ok
    closed, open_ = Call.get(Call.caller == "张三"), Call.get(Call.summary == "道路塌方")
    assert closed.closed_at == dt.datetime(2026, 10, 8, 14, 12)
    assert closed.deadline == dt.datetime(2026, 10, 8, 14, 15)  # 一般事项: 10 minutes
    assert open_.deadline == dt.datetime(2026, 9, 1, 11, 0) and open_.status == "在办"  # 特殊事项: 3 hours
    assert importer.import_file("incoming", ledger("incoming", ROWS["incoming"])).ok
    done = Document.get(Document.doc_number == "宜府办文〔2008〕58号")
    assert done.closed_at == dt.datetime(2026, 9, 10, 23, 59, 59)  # a date alone: the end of that day
    assert done.number == "收〔2026〕1号" and done.deadline_typed is False
    assert DocumentStep.get((DocumentStep.document == done) & (DocumentStep.step == "办结")).opinion == "已按要求落实"
    secret = Document.get(Document.unit == "县财政局")
    assert (secret.secrecy, secret.secrecy_term, secret.deadline_typed) == ("秘密", "10年", True)
    assert secret.holder == "刘一" and secret.step == "承办"
    assert importer.import_file("outgoing", ledger("outgoing", ROWS["outgoing"])).ok
    assert NumberCounter.get((NumberCounter.code == "县政办发") & (NumberCounter.year == 2026)).last >= 3
    assert importer.import_file("visitors", ledger("visitors", ROWS["visitors"])).ok
    visit = Visit.get(Visit.name == "陈八")
    assert visit.status == "已办结" and visit.deadline == dt.datetime(2026, 11, 1, 23, 59, 59)  # 60 days from 受理
    assert importer.import_file("rectification", ledger("rectification", ROWS["rectification"])).ok
    assert Campaign.get().starts_on == dt.date(2026, 9, 5)
    assert Problem.get(Problem.description == "窗口接待态度冷漠").deadline == dt.datetime(2026, 9, 13, 23, 59, 59)
    assert Problem.get(Problem.description == "个别同志迟到早退").status == "已销号"


def test_one_bad_row_and_nothing_is_imported_every_bad_row_is_listed(ledger):
    rows = [list(ROWS["duty"][0]),
            ["2026-13-45", "电话", "", "", "", "一般事项", "甲", "", "", "", "", "王五"],
            ["2026-10-01 08:00", "电话", "", "", "", "紧急事项", "乙", "", "", "", "", "王五"],
            ["2026-10-01 09:00", "电话", "", "", "abc", "一般事项", "", "", "", "2026-10-01", "", ""]]
    report = importer.import_file("duty", ledger("duty", rows))
    assert not report.ok and report.imported == 0
    assert Call.select().count() == 0
    found = {(e.row, e.column) for e in report.errors}
    assert (3, "来电时间") in found
    assert (4, "事项类别") in found
    assert {(5, "联系电话"), (5, "内容摘要"), (5, "值班员"), (5, "办理情况")} <= found
    by_row = {e.row: e for e in report.errors}
    assert "紧急事项" in by_row[4].value and "可选" in by_row[4].reason
    assert all(e.sheet == "来电登记" for e in report.errors)


def test_wrong_id_check_digit_and_bad_document_number(ledger):
    row = list(ROWS["visitors"][0])
    row[2] = "110105194912310021"
    report = importer.import_file("visitors", ledger("visitors", [row]))
    assert [(e.row, e.column) for e in report.errors] == [(2, "身份证号")]
    assert "校验位" in report.errors[0].reason
    assert "110105194912310021" not in report.errors[0].reason  # personal data stays out of messages
    printed = list(ROWS["incoming"][0])
    printed[2] = "山组字[2008]43号"  # another office's 文号, as printed on the original: imported as it is
    report = importer.import_file("incoming", ledger("incoming", [printed], "doc.xlsx"))
    assert not report.errors and report.imported == 1
    assert Document.get().doc_number == "山组字[2008]43号"


def test_missing_and_misspelled_columns(ledger):
    headers = list(LAYOUTS["duty"].titles)
    headers[0] = "来电时问"
    report = importer.import_file("duty", ledger("duty", ROWS["duty"], headers=headers))
    assert any("是否应为“来电时间”" in e.reason for e in report.errors)
    headers = list(LAYOUTS["duty"].titles)[:-1] + [None]
    report = importer.import_file("duty", ledger("duty", [r[:-1] for r in ROWS["duty"]], "b.xlsx", headers=headers))
    assert [e.reason for e in report.errors] == ["缺少“值班员”列"]
    assert Call.select().count() == 0


def test_common_header_variants_are_mapped_and_a_mapping_is_remembered(ledger):
    headers = ["序号", "时间", "方式", "单位", "来电人", "手机", "类别", "摘要", "交办对象", "领导批示", "办结时间", "办理情况",
               "值班员"]
    rows = [[1, *ROWS["duty"][0]]]
    mapping = importer.suggest_mapping("duty", headers)
    assert mapping["时间"] == "来电时间" and mapping["手机"] == "联系电话" and "序号" not in mapping
    report = importer.import_file("duty", ledger("duty", rows, headers=headers))
    assert report.ok and report.imported == 1, [e.line() for e in report.errors]
    importer.remember_mapping("duty", {"接报时刻": "来电时间"})
    assert importer.suggest_mapping("duty", ["接报时刻"], importer.remembered_mapping("duty")) == {"接报时刻": "来电时间"}


def test_a_file_imported_twice_does_not_make_duplicates(ledger):
    path = ledger("visitors", ROWS["visitors"])
    assert importer.import_file("visitors", path).imported == 2
    again = importer.import_file("visitors", path)
    assert again.ok and again.imported == 0 and again.duplicates == 2 and again.duplicate_rows == [2, 3]
    assert Visit.select().count() == 2
    assert "2 条与已有记录重复" in again.summary()


def test_dry_run_writes_nothing(ledger):
    report = importer.import_file("rectification", ledger("rectification", ROWS["rectification"]), dry_run=True)
    assert report.ok and report.imported == 2
    assert Problem.select().count() == 0 and Campaign.select().count() == 0


def test_date_formats(ledger):
    rows = []
    for number, text in enumerate(["2026-10-08", "2026/10/8", "2026年10月8日", "2026-10-08 14:05", "2026年10月8日 14时05分"]):
        rows.append([text, "电话", "", f"人{number}", "", "一般事项", f"事项{number}", "", "", "", "", "王五"])
    rows.append([dt.datetime(2026, 10, 8, 14, 5), "电话", "", "人9", "", "一般事项", "事项9", "", "", "", "", "王五"])
    assert importer.import_file("duty", ledger("duty", rows)).ok
    moments = sorted(c.received_at for c in Call.select())
    assert moments[:3] == [dt.datetime(2026, 10, 8)] * 3 and moments[3:] == [dt.datetime(2026, 10, 8, 14, 5)] * 3


# -- bad files ----------------------------------------------------------------------------------

def _message(path) -> str:
    with pytest.raises(LedgerFileError) as caught:
        importer.import_file("duty", path)
    return str(caught.value)


def test_bad_files_get_chinese_messages(database, clock, tmp_path):
    xls = tmp_path / "old.xls"
    xls.write_bytes(workbook.OLE_MAGIC + b"\0" * 1000 + "Workbook".encode("utf-16-le"))
    assert ".xls" in _message(xls) and "另存为" in _message(xls)
    encrypted = tmp_path / "secret.xlsx"
    encrypted.write_bytes(workbook.OLE_MAGIC + b"\0" * 1000 + "EncryptedPackage".encode("utf-16-le")
                          + "EncryptionInfo".encode("utf-16-le"))
    assert "密码" in _message(encrypted)
    csv = tmp_path / "renamed.xlsx"
    csv.write_text("来电时间,来电方式\n2026-10-08,电话\n", encoding="utf-8")
    assert "CSV" in _message(csv)
    good = exporter.write_template("duty", tmp_path / "t.xlsx")
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(good.read_bytes()[:2000])
    assert "损坏" in _message(corrupt)
    not_excel = tmp_path / "word.xlsx"
    with zipfile.ZipFile(not_excel, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")
    assert "不是 Excel" in _message(not_excel)
    assert "只有表头" in _message(good)
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    assert "是空的" in _message(empty)
    assert "找不到" in _message(tmp_path / "nothing.xlsx")
    assert Call.select().count() == 0


def _with_member_changed(source, target, member: str, *, stored: bool) -> None:
    """``source`` copied to ``target`` with one byte of ``member`` changed after its CRC was taken
    (``stored``: kept uncompressed; else its deflated bytes are changed)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, data, zipfile.ZIP_STORED if info.filename == member and stored
                         else zipfile.ZIP_DEFLATED)
    raw = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as book:
        info = book.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + info.compress_size // 2] ^= 0x01
    target.write_bytes(bytes(raw))


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/styles.xml"])
@pytest.mark.parametrize("stored", [True, False], ids=["crc", "deflate"])
def test_a_member_that_does_not_unpack_intact_is_refused(ledger, tmp_path, member, stored):
    """A sheet is unpacked once for its size and its CRC together; every other part is unpacked too."""
    good = ledger("duty", ROWS["duty"])
    bad = tmp_path / "damaged.xlsx"
    _with_member_changed(good, bad, member, stored=stored)
    assert "损坏" in _message(bad)
    assert Call.select().count() == 0


def test_more_than_the_memory_limit_is_refused(ledger):
    settings.save_all({"ledger.max_memory_mb": 20})  # the office's setting: the rows follow from it
    limit = workbook.ImportLimits.from_settings().rows_for(12)
    assert 1_000 < limit < 20_000
    row = ["2026-10-08 08:00", "电话", "", "人", "", "一般事项", "事项", "", "", "", "", "王五"]
    with pytest.raises(LedgerFileError, match=f"超过 {limit:,} 行（12 列），超出一次导入可用的内存"):
        importer.import_file("duty", ledger("duty", [row] * (limit + 10)))
    assert Call.select().count() == 0


def test_the_row_limit_follows_memory_not_a_round_number(database):
    limits = workbook.ImportLimits.from_settings()
    assert limits == workbook.ImportLimits(50 * 2**20, workbook.cells_for(1000), 500 * 2**20)
    assert limits.rows_for(12) > 150_000 and limits.rows_for(15) > 120_000  # ten years of calls import back


def test_error_report_workbook_highlights_the_bad_cells(ledger, tmp_path):
    rows = [list(ROWS["duty"][0]), ["2026-10-01 08:00", "电话", "", "", "", "紧急事项", "乙", "", "", "", "", "王五"]]
    report = importer.import_file("duty", ledger("duty", rows))
    target = workbook.write_errors(tmp_path / "errors.xlsx", report.data, report.errors, report.mapping)
    book = openpyxl.load_workbook(target)
    listing = book["错误清单"]
    assert [c.value for c in listing[2]][:3] == ["来电登记", 3, "事项类别"]
    marked = book.worksheets[1]
    assert marked.cell(row=3, column=6).fill.fgColor.rgb.endswith(workbook.BAD_FILL)
    assert marked.cell(row=3, column=6).comment is not None
    assert marked.cell(row=2, column=6).fill.fgColor.rgb in (None, "00000000")


# -- a year of calls and the monthly figures ------------------------------------------------------

def test_a_year_of_imported_calls_gives_the_monthly_figures(ledger, clock):
    """2025: in each month n calls; per month some closed in time, some late, and in December some open."""
    rows, expected = [], {}
    for month in range(1, 13):
        on_time, late = month, month % 4
        day = dt.datetime(2025, month, 10, 9, 0)
        for i in range(on_time):
            start = day + dt.timedelta(hours=i)
            rows.append([start, "电话", "", f"甲{month}-{i}", "", "一般事项", f"按时{month}-{i}", "", "",
                         start + dt.timedelta(minutes=8), "已办", "王五"])
        for i in range(late):
            start = day + dt.timedelta(days=1, hours=i)
            rows.append([start, "电话", "", f"乙{month}-{i}", "", "特殊事项", f"超时{month}-{i}", "", "",
                         start + dt.timedelta(hours=4), "已办", "王五"])
        expected[month] = (on_time, late)
    # the last minutes of December, closed on 1 January within its 10 minutes: at December's cut-off it is
    # still open with its deadline not yet reached (在办), and it belongs to December
    rows.append([dt.datetime(2025, 12, 31, 23, 55), "电话", "", "丙", "", "一般事项", "跨年", "", "",
                 dt.datetime(2026, 1, 1, 0, 3), "已办", "王五"])
    # still open: overdue at the cut-off
    rows.append([dt.datetime(2025, 12, 20, 9, 0), "电话", "", "丁", "", "突发事件", "未办结", "", "", "", "", "王五"])
    report = importer.import_file("duty", ledger("duty", rows))
    assert report.ok, [e.line() for e in report.errors[:5]]
    for month in range(1, 13):
        figures = duty_stats.month_figures(2025, month)
        on_time, late = expected[month]
        in_progress = 0
        if month == 12:
            late, in_progress = late + 1, 1
        assert (figures.on_time, figures.overdue, figures.in_progress) == (on_time, late, in_progress), month
        assert figures.total == on_time + late + in_progress
    january = duty_stats.month_figures(2026, 1)
    assert january.total == 0
    assert duty_stats.month_figures(2025, 3).rate_text == f"{100 * 3 / 6:.1f}%"


# -- the CLI ---------------------------------------------------------------------------------------

def test_cli_template_import_export(ledger, tmp_path, db_path, capsys):
    from xiaoneng_desktop import cli

    # every file written before the CLI opens the data source of its own (as another program would)
    path = ledger("duty", ROWS["duty"])
    bad = ledger("duty", [["2026-10-01 08:00", "电话", "", "", "", "紧急事项", "乙", "", "", "", "", "王五"]], "bad.xlsx")
    db = ["--db", str(db_path)]
    assert cli.main([*db, "template", "visitors", str(tmp_path / "t.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "来访登记"
    assert cli.main([*db, "import", "duty", str(path), "--dry-run"]) == 0
    assert "试导入" in capsys.readouterr().out
    assert cli.main([*db, "import", "duty", str(path)]) == 0
    assert cli.main([*db, "import", "duty", str(path)]) == 0
    assert "2 条与已有记录重复" in capsys.readouterr().out
    out = tmp_path / "out.xlsx"
    assert cli.main([*db, "export", "duty", str(out), "--from", "2026-10-01", "--to", "2026-10-31"]) == 0
    assert openpyxl.load_workbook(out)["来电登记"].max_row == 2  # header + the October call
    assert cli.main([*db, "import", "duty", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "整个文件都没有导入" in err and "来电登记\t2\t事项类别\t紧急事项" in err
    assert cli.main([*db, "import", "duty", str(tmp_path / "none.xlsx")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert cli.main([*db, "export", "duty", str(tmp_path / "x.csv")]) == 2
    assert cli.main([*db, "import", "bogus", str(path)]) == 2


def test_the_cycle_collector_is_on_again_after_an_import_whatever_its_end(ledger, tmp_path):
    """An import pauses Python's cycle collector (it walked every row kept so far, again and again)."""
    import gc

    assert importer.import_file("duty", ledger("duty", ROWS["duty"])).ok
    assert gc.isenabled()
    with pytest.raises(LedgerFileError):
        importer.import_file("duty", tmp_path / "nothing.xlsx")
    assert gc.isenabled()
    gc.disable()  # and one that was off stays off
    try:
        importer.import_file("duty", ledger("duty", ROWS["duty"]))
        assert not gc.isenabled()
    finally:
        gc.enable()
