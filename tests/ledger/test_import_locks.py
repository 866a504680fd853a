"""A ledger import while another window or PC saves: it waits its turn, or says so in Chinese (issue 11)."""

from __future__ import annotations

import datetime as dt
import time

from tests.core.test_locks import hold_write_lock
from xiaoneng_desktop import cli, schema
from xiaoneng_desktop.core import db as core_db
from xiaoneng_desktop.core import targets
from xiaoneng_desktop.duty.models import Call

ROWS = 300

# The fixture's connection is closed before the CLI opens the file in this same process: the CLI's
# header check (a plain open()/close() of the file) would drop this process's POSIX locks, and the lock
# holder, exiting, would then take itself for the last user and delete the WAL under the open
# connection (SQLITE_IOERR_SHORT_READ afterwards). A real CLI run is a process of its own.


def calls(count: int) -> list[list]:
    start = dt.datetime(2026, 9, 1, 8, 0)
    return [[start + dt.timedelta(minutes=number), "电话", "", f"来电人{number}", "", "一般事项", f"事项{number}",
             "", "", None, "", "王五"] for number in range(count)]


def imported(db_path) -> int:
    database = schema.open_database(db_path)
    try:
        return Call.select().count()
    finally:
        database.close()


def test_cli_import_waits_for_a_write_in_progress(ledger, database, db_path, capsys):
    path = ledger("duty", calls(ROWS))
    database.close()  # the CLI runs as a program of its own (see below)
    # held well past the reading and checking (about a second), within the 5 s busy timeout
    with hold_write_lock(db_path, 3.0):
        start = time.perf_counter()
        assert cli.main(["--db", str(db_path), "import", "duty", str(path)]) == 0
        assert time.perf_counter() - start > 2, "the import waited for the other program's write"
    assert f"已导入 {ROWS} 条" in capsys.readouterr().out
    assert imported(db_path) == ROWS


def test_cli_import_blocked_past_the_busy_timeout_exits_2_in_chinese(ledger, database, db_path, capsys,
                                                                     monkeypatch):
    path = ledger("duty", calls(ROWS))
    database.close()
    monkeypatch.setenv(core_db.BUSY_TIMEOUT_ENV, "300")
    with hold_write_lock(db_path, 5.0):
        assert cli.main(["--db", str(db_path), "import", "duty", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{targets.describe_target(db_path)}正被其他程序写入，请稍后重试" in err and "database is locked" not in err
    assert imported(db_path) == 0  # all or nothing
