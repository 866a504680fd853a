"""``xiaoneng audit export``: the log's lines of a date range as .xlsx, the export itself logged."""

from __future__ import annotations

import datetime as dt

import openpyxl

from xiaoneng_desktop import cli, schema
from xiaoneng_desktop.core import audit
from xiaoneng_desktop.core.db import atomic, close_database
from xiaoneng_desktop.core.models import AuditLog


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_writes_the_lines_of_the_range(db_path, tmp_path, clock, capsys):
    schema.open_database(db_path)
    for day, what in ((1, "九月的"), (5, "十月五日的"), (20, "十月二十日的")):
        clock.set(dt.datetime(2026, 10 if day != 1 else 9, day, 10, 0))
        with atomic():
            audit.record("修改", "call", day, what, changes=[("来电内容", "旧", "=新")])
    close_database()
    target = tmp_path / "审计.xlsx"
    code, out, err = run(capsys, "--db", db_path, "audit", "export", target, "--from", "2026-10-01",
                         "--to", "2026-10-10")
    assert code == 0, err
    assert "已导出审计日志 1 条" in out
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "审计日志" in rows[0][0] and "2026年10月1日至2026年10月10日" in rows[0][0]  # the title row
    assert rows[1] == ("时间", "操作人", "操作", "登记簿", "记录号", "内容")
    assert rows[2] == (dt.datetime(2026, 10, 5, 10, 0), rows[2][1], "修改", "值班记录", 5, "十月五日的；来电内容：旧 → =新")
    assert sheet["A3"].number_format == "yyyy-mm-dd hh:mm:ss" and sheet.print_title_rows == "$1:$2"
    assert rows[2][1].startswith("系统用户") and len(rows) == 3  # the CLI acts as the operating-system user
    schema.open_database(db_path)
    try:
        last = AuditLog.select().order_by(AuditLog.id.desc()).first()
        assert (last.action, last.table) == ("导出", "audit_log")
        assert "2026-10-01至2026-10-10" in last.detail and "1条" in last.detail and "审计.xlsx" in last.detail
    finally:
        close_database()


def test_bad_dates_and_file_names_exit_2(db_path, tmp_path, capsys, database):
    database.close()
    code, _out, err = run(capsys, "--db", db_path, "audit", "export", tmp_path / "a.xlsx", "--from", "2026-13-01")
    assert code == 2 and "日期应写成 YYYY-MM-DD" in err
    code, _out, err = run(capsys, "--db", db_path, "audit", "export", tmp_path / "a.xlsx", "--from", "2026-10-02",
                          "--to", "2026-10-01")
    assert code == 2 and "截止日期不能早于起始日期" in err
    code, _out, err = run(capsys, "--db", db_path, "audit", "export", tmp_path / "a.csv")
    assert code == 2 and ".xlsx" in err
    assert not (tmp_path / "a.xlsx").exists()
