"""Ten years through Excel (issue 16): the export streams (typed cells, progress, cancel leaves no file),
the import reads it back whole (every record, none silently skipped)."""

from __future__ import annotations

import datetime as dt
import sys

import openpyxl
import pytest

from xiaoneng_desktop import cli, schema
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.ledger import exporter, importer
from xiaoneng_desktop.ledger.layouts import LAYOUTS

from .samples import ROWS


def _calls(count: int) -> list[list]:
    start = dt.datetime(2026, 1, 1, 8, 0)
    return [[start + dt.timedelta(minutes=37 * n), "电话", "县水利局", f"来电人{n}", "13812345678", "一般事项",
             f"第 {n} 件：" + "群众反映小区供暖不热，请尽快处理。" * (1 + n % 4), "", "", "", "", "王五"]
            for n in range(count)]


@pytest.mark.parametrize("kind", list(LAYOUTS))
def test_every_kind_goes_out_and_comes_back_whole(kind, ledger, tmp_path):
    rows = _calls(1_234) if kind == "duty" else ROWS[kind]
    first = importer.import_file(kind, ledger(kind, rows))
    assert first.ok, [e.line() for e in first.errors[:5]]
    stored = exporter.rows_of(kind)
    exported = tmp_path / "out.xlsx"
    assert exporter.export_kind(kind, exported) == len(stored) == len(rows)
    # into the same register: every row is a stored record, each skipped and listed by its row
    again = importer.import_file(kind, exported)
    assert (again.imported, again.duplicates) == (0, len(rows))
    assert [n.row for n in again.notes] == list(range(2, len(rows) + 2))
    # into an empty register: every record, the same in every column
    schema.open_database(tmp_path / "fresh.sqlite3")
    fresh = importer.import_file(kind, exported)
    assert fresh.ok and fresh.imported == len(rows) and fresh.duplicates == 0
    assert exporter.rows_of(kind) == stored
    db_module.close_database()


def test_the_streamed_export_keeps_its_cells_typed(ledger, tmp_path):
    rows = _calls(3)
    assert importer.import_file("duty", ledger("duty", rows)).ok
    from xiaoneng_desktop.duty.models import Call

    second = Call.select().order_by(Call.received_at).offset(1).get()
    Call.update(summary="含控制字符\x07的摘要").where(Call.id == second.id).execute()  # what XML cannot hold goes
    first = Call.select().order_by(Call.received_at).get()
    Call.update(caller="=HYPERLINK(\"http://x\")").where(Call.id == first.id).execute()  # text stays text
    exported = tmp_path / "out.xlsx"
    exporter.export_kind("duty", exported)
    sheet = openpyxl.load_workbook(exported)["来电登记"]
    assert isinstance(sheet["A2"].value, dt.datetime) and sheet["A2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["D2"].value == "=HYPERLINK(\"http://x\")" and sheet["D2"].data_type == "s"
    assert "\x07" not in sheet["G3"].value
    assert sheet["E2"].value == "13812345678" and sheet["E2"].number_format == "@"
    assert sheet["G2"].alignment.wrap_text and sheet.freeze_panes == "A2"
    long_row = next(r for r in range(2, 5) if len(sheet.cell(row=r, column=7).value) > 40)
    assert sheet.row_dimensions[long_row].height > 17  # a wrapped row is as high as its lines
    assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页" and sheet.print_title_rows == "$1:$1"


def test_the_cli_shows_its_progress_on_a_terminal(ledger, db_path, tmp_path, capsys, monkeypatch):
    assert importer.import_file("duty", ledger("duty", _calls(2_500))).ok
    db_module.close_database()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = tmp_path / "out.xlsx"
    assert cli.main(["--db", str(db_path), "export", "duty", str(out)]) == 0
    captured = capsys.readouterr()
    assert "已导出 2,000 / 2,500 行" in captured.err and "已导出值班来电 2500 条" in captured.out
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    out.unlink()
    assert cli.main(["--db", str(db_path), "export", "duty", str(out)]) == 0
    assert "已导出 2,000" not in capsys.readouterr().err  # not a terminal: no progress lines
    db_module.close_database()


def test_a_cancelled_export_leaves_no_file(ledger, tmp_path, qtbot):
    from xiaoneng_desktop.ui.widgets.background import BackgroundTask, Cancelled

    assert importer.import_file("duty", ledger("duty", _calls(3_000))).ok
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "calls.xlsx"
    seen = []

    def work(progress):
        def step(*args):
            seen.append(args)
            if len(seen) == 2:  # the first thousand rows are out: the user presses 取消
                task.request_cancel()
            progress(*args)
        return exporter.export_kind("duty", target, progress=step)

    task = BackgroundTask(work)
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        task.start()
    task.wait()
    assert task.was_cancelled and list(folder.iterdir()) == []
    with pytest.raises(Cancelled):
        def cancel(*_):
            raise Cancelled
        exporter.export_kind("duty", target, progress=cancel)
    assert list(folder.iterdir()) == []


TRICKY_ROWS = [
    ["=SUM(A1:A2)", " 前后有空格 ", "_x0041_ 不是 A", "回车\r换行\n制表\t", "<b>&amp;</b>", "\x07响铃"],
    [dt.datetime(2026, 2, 28, 23, 59, 59), dt.date(2024, 2, 29), dt.datetime(1900, 1, 1, 12, 0), True, False, 0],
    [3.25, -7, 10**15, float("nan"), float("inf"), None],
    ["", None, "很长的情况说明，" * 40, "x" * 40_000, "\ufffe", "结尾空格 "],
]


def _sheet_xml(path, name: str = "xl/worksheets/sheet1.xml") -> str:
    import zipfile

    with zipfile.ZipFile(path) as book:
        return book.read(name).decode("utf-8")


def test_the_fast_rows_are_the_cells_xlsxwriter_writes(tmp_path):
    """stream.Sheet.row writes the row XML itself; it must be byte for byte what xlsxwriter's own
    write_* calls give for the same values and formats (and the wrapped rows' heights)."""
    from xiaoneng_desktop.core import xlsx
    from xiaoneng_desktop.ledger import stream

    widths = [12, 12, 30, 12, 12, 12]

    def book_with(write_rows, path):
        book = stream.open_book(path)
        sheet = stream.Sheet(book, "表", widths, text_columns=[2], wrap_columns=[3])
        # xlsxwriter numbers formats in order of first use, Sheet.row all at once: the same order for both
        for fmt in [*sheet.formats.values(), sheet.date, sheet.moment]:
            fmt._get_xf_index()
        sheet.header([f"列{n}" for n in range(6)])
        write_rows(sheet)
        sheet.autofilter(1)
        stream.close(book)
        return path

    def by_xlsxwriter(sheet):  # the calls stream.Sheet.row replaced, one cell at a time
        ws = sheet.ws
        for values in TRICKY_ROWS:
            r = sheet.row_number
            lines = max([stream._lines(v, 30) for v in values[2:3] if isinstance(v, str) and v] or [1])
            if lines > 1:
                ws.set_row(r, stream.LINE * lines + 2)
            for c, value in enumerate(values):
                fmt = sheet.formats.get(c + 1)
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    ws.write_string(r, c, xlsx.clean(value), fmt)
                elif isinstance(value, bool):
                    ws.write_boolean(r, c, value, fmt)
                elif isinstance(value, float) and value != value or value in (float("inf"),):
                    ws.write_string(r, c, str(value), fmt)
                elif isinstance(value, int | float):
                    ws.write_number(r, c, float(value), fmt)
                elif isinstance(value, dt.datetime):
                    ws.write_datetime(r, c, value, sheet.moment)
                else:
                    ws.write_datetime(r, c, value, sheet.date)
            sheet.row_number += 1

    def by_stream(sheet):
        for values in TRICKY_ROWS:
            sheet.row(values)

    ours = _sheet_xml(book_with(by_stream, tmp_path / "ours.xlsx"))
    theirs = _sheet_xml(book_with(by_xlsxwriter, tmp_path / "theirs.xlsx"))
    assert ours == theirs
    assert _sheet_xml(tmp_path / "ours.xlsx", "xl/styles.xml") == _sheet_xml(tmp_path / "theirs.xlsx", "xl/styles.xml")
    sheet = openpyxl.load_workbook(tmp_path / "ours.xlsx")["表"]
    assert sheet["A2"].value == "=SUM(A1:A2)" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == " 前后有空格 "
    from python_calamine import CalamineWorkbook  # the import's reader undoes Excel's escapes

    back = CalamineWorkbook.from_path(str(tmp_path / "ours.xlsx")).get_sheet_by_name("表").to_python()
    assert back[1][2:4] == ["_x0041_ 不是 A", "回车\r换行\n制表\t"]
    assert sheet["A3"].value == dt.datetime(2026, 2, 28, 23, 59, 59) and sheet["B3"].value == dt.datetime(2024, 2, 29)


def test_a_call_closed_at_midnight_comes_back_at_midnight(ledger, tmp_path):
    """Excel gives a time of 00:00 back as a date alone, which typed by hand means the end of that day;
    the export's mark keeps a record closed at midnight (the night shift) at midnight, and the same
    export imported again is every row a duplicate."""
    from xiaoneng_desktop.duty.models import Call

    assert importer.import_file("duty", ledger("duty", _calls(2))).ok
    midnight = dt.datetime(2026, 1, 2, 0, 0)
    first = Call.select(Call.id).order_by(Call.id).limit(1)
    Call.update(closed_at=midnight, feedback="已转交城建局处理").where(Call.id == first).execute()
    stored = exporter.rows_of("duty")
    exported = tmp_path / "out.xlsx"
    exporter.export_kind("duty", exported)
    again = importer.import_file("duty", exported)
    assert (again.imported, again.duplicates) == (0, 2)
    schema.open_database(tmp_path / "fresh.sqlite3")
    assert importer.import_file("duty", exported).imported == 2
    assert exporter.rows_of("duty") == stored and Call.get(Call.closed_at == midnight)
    db_module.close_database()
