"""The command line never replaces an existing file unless ``--force``: exit 2, in Chinese, naming it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xiaoneng_desktop import cli, schema
from xiaoneng_desktop.core import db as db_module


@pytest.fixture
def data(tmp_path, clock) -> Path:
    path = tmp_path / "office.sqlite3"
    schema.open_database(path)
    db_module.close_database()
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    db_module.close_database()
    out, err = capsys.readouterr()
    return code, out, err


def _refused(code: int, err: str, *files: Path) -> None:
    assert code == 2, err
    assert "已存在" in err and "--force" in err
    for path in files:
        assert str(path) in err
        assert path.read_bytes() == b"old"


@pytest.mark.parametrize("verb", [["template", "visitors"], ["export", "duty"], ["audit", "export"]])
def test_an_existing_xlsx_is_kept_without_force_and_replaced_with_it(data, tmp_path, capsys, verb):
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")
    code, _out, err = run(capsys, "--db", data, *verb, target)
    _refused(code, err, target)
    code, _out, err = run(capsys, "--db", data, *verb, target, "--force")
    assert code == 0, err
    openpyxl.load_workbook(target)  # a real workbook now


def test_the_monthly_report_writes_neither_file_when_one_exists(data, tmp_path, capsys):
    xlsx, pdf = tmp_path / "月报.xlsx", tmp_path / "月报.pdf"
    pdf.write_bytes(b"old")
    code, _out, err = run(capsys, "--db", data, "report", "monthly", "--month", "2026-09", "--xlsx", xlsx,
                          "--pdf", pdf)
    _refused(code, err, pdf)
    assert not xlsx.exists() and str(xlsx) not in err
    code, out, err = run(capsys, "--db", data, "report", "monthly", "--month", "2026-09", "--xlsx", xlsx,
                         "--pdf", pdf, "--force")
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.exists() and str(pdf) in out


def test_a_backup_to_an_existing_file_needs_force(data, tmp_path, capsys):
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"old")
    code, _out, err = run(capsys, "--db", data, "backup", target)
    _refused(code, err, target)
    code, _out, err = run(capsys, "--db", data, "backup", target, "--force")
    assert code == 0, err
    assert target.read_bytes().startswith(b"SQLite format 3")
    code, _out, err = run(capsys, "--db", data, "backup", data, "--force")
    assert code == 2 and "不能" in err  # never onto the data file itself


def test_help_names_force(capsys):
    assert cli.main(["report", "monthly", "--help"]) == 0
    assert "--force" in capsys.readouterr().out
    assert cli.main(["--help"]) == 0
    assert "不覆盖已有的文件" in capsys.readouterr().out
