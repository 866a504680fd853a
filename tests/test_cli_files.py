"""Files the command line is given or writes: a missing, empty or foreign data file is refused and
left as it was; a damaged or hostile sheet is refused in Chinese (quickly, in little memory); a full
disk is told as such and leaves no broken output behind."""

from __future__ import annotations

import errno
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import peewee as pw
import pytest

from xiaoneng_desktop import cli, schema
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core import files
from xiaoneng_desktop.ledger import exporter

REPO = Path(__file__).resolve().parents[1]
DUTY_ROW = ["2026-10-08 08:00", "电话", "", "张三", "", "一般事项", "路灯不亮", "", "", "", "", "王五"]


@pytest.fixture(autouse=True)
def close_after():
    yield
    db_module.close_database()


@pytest.fixture
def data(tmp_path, clock) -> Path:
    """A real data file of the program (closed)."""
    path = tmp_path / "office.sqlite3"
    schema.open_database(path)
    db_module.close_database()
    return path


def run(capsys, *argv) -> tuple[int, str]:
    code = cli.main([str(a) for a in argv])
    db_module.close_database()
    return code, capsys.readouterr().err


def sheet(path: Path, rows, kind: str = "duty") -> Path:
    exporter.write_template(kind, path)
    book = openpyxl.load_workbook(path)
    for row in rows:
        book.worksheets[0].append(list(row))
    book.save(path)
    return path


def rewrite_member(source: Path, target: Path, member: str, change) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts[member] = change(parts[member])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


# -- the data file -----------------------------------------------------------------------------------

@pytest.mark.parametrize("verb", [
    ["template", "duty", "t.xlsx"],
    ["export", "duty", "e.xlsx"],
    ["import", "duty", "i.xlsx"],
    ["report", "monthly", "--month", "2026-09", "--xlsx", "r.xlsx"],
])
def test_a_mistyped_data_file_is_not_created(tmp_path, capsys, monkeypatch, verb):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "typo.sqlite3"
    code, err = run(capsys, "--db", missing, *verb)
    assert code == 2
    assert f"数据文件不存在：{missing}" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "logs"] or not any(p.suffix == ".sqlite3"
                                                                       for p in tmp_path.iterdir())
    assert not missing.exists()


def test_demo_still_starts_a_new_file(tmp_path, capsys, monkeypatch):
    import types

    fake = types.ModuleType("xiaoneng_desktop.demo")
    fake.fill = lambda months, progress=None: {}
    monkeypatch.setitem(sys.modules, "xiaoneng_desktop.demo", fake)
    code = cli.main(["--db", str(tmp_path / "new.sqlite3"), "demo", "--months", "1"])
    assert code == 0 and (tmp_path / "new.sqlite3").exists()


def test_an_empty_file_is_refused_unchanged(tmp_path, capsys):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    code, err = run(capsys, "--db", empty, "template", "duty", tmp_path / "t.xlsx")
    assert code == 2
    assert "0 字节" in err
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir() if "empty" in p.name) == ["empty.sqlite3"]


def test_a_foreign_database_is_refused_unchanged(tmp_path, capsys):
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (text)")
        connection.execute("INSERT INTO notes VALUES ('私人笔记')")
    connection.close()
    before = digest(foreign)
    code, err = run(capsys, "--db", foreign, "export", "duty", tmp_path / "e.xlsx")
    assert code == 2
    assert "其他程序的数据库" in err
    assert digest(foreign) == before  # in particular not switched to WAL (header bytes 18–19)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("other")) == ["other.sqlite3"]
    with sqlite3.connect(foreign) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master")] == ["notes"]
    connection.close()


def test_a_read_only_data_file_exits_2(data, tmp_path, capsys, monkeypatch):
    """Root may write any file, so SQLite itself is told the file is read-only (mode=ro)."""
    connect = db_module._connect

    def read_only(path):
        database = connect(path)
        database.database = Path(path).absolute().as_uri() + "?mode=ro"
        database.connect_params["uri"] = True
        return database

    monkeypatch.setattr(db_module, "_connect", read_only)
    code, err = run(capsys, "--db", data, "import", "duty", sheet(tmp_path / "in.xlsx", [DUTY_ROW]))
    assert code == 2, err
    assert "只读" in err
    assert "意外错误" not in err and "no transaction" not in err


def test_a_full_disk_while_importing_is_told_with_the_file(data, tmp_path, capsys, monkeypatch):
    """SQLite's max_page_count makes the file 'full' exactly as a full disk does (SQLITE_FULL); SQLite
    then ends the transaction itself, and the rollback that follows must not hide why."""
    connect = db_module._connect

    def no_room(path):
        database = connect(path)
        pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
        database._pragmas = [*database._pragmas, ("max_page_count", pages)]
        return database

    monkeypatch.setattr(db_module, "_connect", no_room)
    rows = [[f"2026-10-08 08:{i % 60:02d}", "电话", "", f"人{i}", "", "一般事项", "长长的事项" * 40, "", "", "",
             "", "王五"] for i in range(300)]
    code, err = run(capsys, "--db", data, "import", "duty", sheet(tmp_path / "in.xlsx", rows))
    assert code == 2, err
    assert "磁盘空间不足" in err and str(data) in err
    assert "no transaction" not in err and "意外错误" not in err


def test_the_masked_rollback_error_is_sorted_by_its_cause():
    from xiaoneng_desktop.core import errors

    try:
        try:
            raise pw.OperationalError("database or disk is full")
        except pw.OperationalError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active") from None
    except sqlite3.OperationalError as exc:
        masked = exc
    masked.__suppress_context__ = False
    assert errors.kind_of(masked) == errors.FULL
    assert "磁盘空间不足" in errors.describe(masked).text


# -- outputs -----------------------------------------------------------------------------------------

def _enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_write_atomically_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def half(partial: Path):
        partial.write_bytes(b"half")
        _enospc()

    with pytest.raises(OSError):
        files.write_atomically(target, half)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []
    files.write_bytes_atomically(target, b"new")
    assert target.read_bytes() == b"new" and leftovers(tmp_path) == []


def _full_after_some_bytes(monkeypatch):
    """The disk fills while the zip is being written: the first part lands, the next fails."""
    calls = []

    def failing(original):
        def write(self, *args, **kwargs):
            calls.append(1)
            if len(calls) > 2:
                _enospc()
            return original(self, *args, **kwargs)
        return write

    # openpyxl writes the parts from memory (writestr), xlsxwriter's streamed export from files (write)
    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing(zipfile.ZipFile.writestr))
    monkeypatch.setattr(zipfile.ZipFile, "write", failing(zipfile.ZipFile.write))


@pytest.mark.parametrize("verb", [["template", "duty"], ["export", "duty"]])
def test_full_disk_leaves_no_broken_ledger(data, tmp_path, capsys, monkeypatch, verb):
    out = tmp_path / "out" / "台账.xlsx"
    out.parent.mkdir()
    _full_after_some_bytes(monkeypatch)
    code, err = run(capsys, "--db", data, *verb, out)
    assert code == 2, err
    assert "磁盘空间不足" in err and str(out) in err
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("suffix", ["xlsx", "pdf"])
def test_full_disk_leaves_no_broken_report(data, tmp_path, capsys, monkeypatch, suffix):
    out = tmp_path / "out" / f"月报.{suffix}"
    out.parent.mkdir()
    if suffix == "xlsx":
        _full_after_some_bytes(monkeypatch)
    else:
        from reportlab.pdfbase import pdfdoc

        def save(self, filename, canvas):
            Path(filename).write_bytes(b"%PDF-1.4 half")
            _enospc()

        monkeypatch.setattr(pdfdoc.PDFDocument, "SaveToFile", save)
    code, err = run(capsys, "--db", data, "report", "monthly", "--month", "2026-09", f"--{suffix}", out)
    assert code == 2, err
    assert "磁盘空间不足" in err and str(out) in err
    assert list(out.parent.iterdir()) == []


# -- the sheet ---------------------------------------------------------------------------------------

def test_a_nan_cell_exits_2(data, tmp_path, capsys):
    good = sheet(tmp_path / "good.xlsx", [[*DUTY_ROW[:4], 5, *DUTY_ROW[5:]]])

    def nan(xml: bytes) -> bytes:
        start = xml.index(b'<c r="E2"')
        end = xml.index(b"</c>", start) + 4
        return xml[:start] + b'<c r="E2" t="n"><v>NaN</v></c>' + xml[end:]

    bad = rewrite_member(good, tmp_path / "nan.xlsx", "xl/worksheets/sheet1.xml", nan)
    code, err = run(capsys, "--db", data, "import", "duty", bad)
    assert code == 2, err
    assert "\t2\t联系电话\tnan\t" in err and "意外错误" not in err  # the bad cell, by its row


def test_a_malformed_sheet_exits_2(data, tmp_path, capsys):
    good = sheet(tmp_path / "good.xlsx", [DUTY_ROW] * 50)
    bad = rewrite_member(good, tmp_path / "cut.xlsx", "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])
    code, err = run(capsys, "--db", data, "import", "duty", bad)
    assert code == 2, err
    assert "无法读取" in err and "意外错误" not in err


@pytest.mark.parametrize("serial", [-5, 1, 2958465])
def test_an_absurd_date_serial_is_a_row_error(data, tmp_path, capsys, serial):
    path = sheet(tmp_path / "in.xlsx", [DUTY_ROW, DUTY_ROW])
    book = openpyxl.load_workbook(path)
    cell = book.worksheets[0].cell(row=3, column=1)
    cell.value, cell.number_format = serial, "yyyy-mm-dd hh:mm"
    book.save(path)
    code, err = run(capsys, "--db", data, "import", "duty", path)
    assert code == 2, err
    assert "整个文件都没有导入" in err
    assert "\t3\t来电时间\t" in err
    assert "日期超出范围" in err or (serial < 0 and "只有时间没有日期" in err)  # the reader's reading of -5


def test_a_sheet_reaching_a_million_rows_is_refused_before_reading(data, tmp_path, capsys):
    """One far cell makes a reader lay out the whole area (rows × columns): refused from the raw XML,
    before any reader sizes its grid; a <dimension> alone is not trusted either way."""
    good = sheet(tmp_path / "good.xlsx", [DUTY_ROW])
    far = b'<row r="1000001"><c r="L1000001" t="inlineStr"><is><t>x</t></is></c></row>'
    bad = rewrite_member(good, tmp_path / "big.xlsx", "xl/worksheets/sheet1.xml",
                         lambda xml: xml.replace(b"</sheetData>", far + b"</sheetData>"))
    code, err = run(capsys, "--db", data, "import", "duty", bad)
    assert code == 2 and "超过" in err and "超出一次导入可用的内存" in err and "拆分" in err, err


def test_a_sheet_without_its_size_is_counted_before_openpyxl_scans_it(data, tmp_path, capsys):
    """No <dimension>: openpyxl would scan the whole sheet on opening (a million rows took 86 s); the
    rows are counted in the raw XML first and the sheet is refused by its own title."""
    good = sheet(tmp_path / "good.xlsx", [DUTY_ROW])
    row = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>'

    def undeclared(xml: bytes) -> bytes:
        xml = re.sub(rb"<dimension [^>]*/>", b"", xml)
        many = b"".join(row % (n, n) for n in range(3, 1_100_000))  # > the cells of 300 MB
        return xml.replace(b"</sheetData>", many + b"</sheetData>")

    bad = rewrite_member(good, tmp_path / "undeclared.xlsx", "xl/worksheets/sheet1.xml", undeclared)
    assert b"<dimension" not in zipfile.ZipFile(bad).read("xl/worksheets/sheet1.xml")
    code, err = run(capsys, "--db", data, "import", "duty", bad)
    assert code == 2 and "超出一次导入可用的内存" in err and "来电" in err


def test_a_file_over_the_size_limit_is_refused(data, tmp_path, capsys):
    big = tmp_path / "big.xlsx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("padding.bin", b"\x00" * (51 * 2**20))
    code, err = run(capsys, "--db", data, "import", "duty", big)
    assert code == 2 and "超过导入上限 50 MB" in err


BOMB_PROBE = """
import json, resource, sys, time
from pathlib import Path
from xiaoneng_desktop import cli
start = time.monotonic()
code = cli.main(["--db", sys.argv[1], "import", "duty", sys.argv[2]])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
status = Path("/proc/self/status")
if status.exists():  # Linux keeps ru_maxrss across exec (pytest's own memory); VmHWM is this program's
    peak = int(next(line for line in status.read_text().splitlines() if line.startswith("VmHWM")).split()[1]) / 1024
print(json.dumps({"code": code, "seconds": time.monotonic() - start, "peak_mb": peak}))
"""


@pytest.mark.parametrize("member", ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
def test_a_zip_bomb_is_refused_quickly_in_little_memory(data, tmp_path, member):
    """300 MB of repeated bytes compressed to ~300 KB: one huge shared string, or a sheet of zeros."""
    good = sheet(tmp_path / "good.xlsx", [DUTY_ROW])
    size = 300 * 2**20
    with zipfile.ZipFile(good) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in parts.items():
            if name != member:
                archive.writestr(name, content)
        with archive.open(member, "w", force_zip64=True) as stream:
            if member.endswith("sharedStrings.xml"):
                stream.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                             b'count="1" uniqueCount="1"><si><t>')
            else:
                stream.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                             b"<sheetData><row r=\"1\"><c r=\"A1\"><v>")
            chunk = b"0" * 2**20
            for _ in range(size // len(chunk)):
                stream.write(chunk)
            stream.write(b"</t></si></sst>" if member.endswith("sharedStrings.xml") else b"</v></c></row></sheetData>"
                         b"</worksheet>")
    assert bomb.stat().st_size < 2 * 2**20
    result = subprocess.run([sys.executable, "-c", BOMB_PROBE, str(data), str(bomb)], capture_output=True,
                            text=True, timeout=120, cwd=REPO,
                            env={**__import__("os").environ, "XIAONENG_LOG_DIR": str(tmp_path / "logs")})
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"\n{member}: {bomb.stat().st_size / 1024:.0f} KB file, refused in {measured['seconds']:.2f} s, "
          f"peak {measured['peak_mb']:.0f} MB")
    assert measured["code"] == 2
    assert "压缩比异常" in result.stderr
    assert measured["seconds"] < 5
    assert measured["peak_mb"] < 120  # before the limits: 627 MB
