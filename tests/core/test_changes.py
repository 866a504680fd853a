"""Another program's commits are noticed (issue 15, item 4): PRAGMA data_version on a data file, the
triggers' notices on a server; the program's own writes are not news to it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import changes
from xiaoneng_desktop.core import db as core_db
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput

ROOT = Path(__file__).resolve().parents[2]

#: Another program (another PC): opens argv[1] and records one call through the duty service.
OTHER_PROGRAM = textwrap.dedent("""
    import datetime as dt, sys
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.duty import service as duty
    from xiaoneng_desktop.duty.service import CallInput

    schema.open_database(sys.argv[1], quick_check=False)
    duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 30), category="一般事项",
                               summary=sys.argv[2], officer_name="王值班"))
""")


def other_program_records(target, summary: str = "另一台电脑登记的来电") -> None:
    """Run OTHER_PROGRAM in a process of its own and wait for it."""
    subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(target), summary], cwd=ROOT, check=True,
                   timeout=60, capture_output=True)


def _call(summary: str = "本机登记的来电"):
    import datetime as dt

    return duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 0), category="一般事项",
                                      summary=summary, officer_name="王值班"))


@pytest.mark.sqlite_only(reason="PRAGMA data_version of a data file")
def test_data_version_watcher_sees_another_program_not_its_own_writes(database, db_path, clock):
    watcher = changes.watch(lambda tables: None)
    assert isinstance(watcher, changes.DataVersionWatcher)
    assert watcher.poll_seconds == changes.POLL_SECONDS
    assert not watcher.poll()
    _call()  # the program's own write
    assert not watcher.poll()
    other_program_records(db_path)
    assert watcher.poll()
    assert not watcher.poll()  # reported once
    watcher.stop()


@pytest.mark.sqlite_only(reason="PRAGMA data_version of a data file")
def test_data_version_watcher_sees_a_second_connection_of_the_same_process(database, db_path, clock):
    watcher = changes.DataVersionWatcher()
    other = core_db._connect(db_path)
    try:
        with other.atomic(lock_type="IMMEDIATE"):
            other.execute_sql("UPDATE call SET summary = summary")
        other.execute_sql("INSERT INTO setting (key, value) VALUES ('x.test', '1')")
    finally:
        other.close()
    assert watcher.poll()


def test_a_watcher_over_an_unreadable_database_reports_nothing():
    import peewee as pw

    def broken():
        raise pw.OperationalError("disk I/O error")

    watcher = changes.DataVersionWatcher(read=broken)
    assert not watcher.poll()


@pytest.mark.server_only
def test_listener_hears_another_connection_insert_a_call(database, db_path, clock):
    heard: list[frozenset[str]] = []
    arrived = threading.Event()

    def on_change(tables):
        heard.append(tables)
        arrived.set()

    watcher = changes.watch(on_change)
    try:
        assert isinstance(watcher, changes.NoticeListener)
        assert watcher.listening.wait(10)
        _call()  # the program's own connection: no notice for it
        time.sleep(changes.COALESCE_SECONDS * 3)
        assert heard == []
        other_program_records(db_path)
        assert arrived.wait(10)
        assert "call" in heard[0]
    finally:
        watcher.stop()
    assert not watcher.is_alive()


@pytest.mark.server_only
def test_listener_connects_again_after_losing_its_connection(database, db_path, clock):
    import psycopg

    arrived = threading.Event()
    watcher = changes.NoticeListener(db_path, lambda tables: arrived.set(), reconnect_seconds=0.2)
    try:
        assert watcher.listening.wait(10)
        with psycopg.connect(db_path, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE application_name = 'xiaoneng-notices' AND datname = current_database()")
        assert arrived.wait(10)  # after reconnecting: "something may have changed"
        arrived.clear()
        other_program_records(db_path)
        assert arrived.wait(10)
    finally:
        watcher.stop()
    assert not watcher.is_alive()


@pytest.mark.server_only
def test_every_program_table_has_a_change_trigger(database):
    rows = core_db.database.execute_sql(
        "SELECT event_object_table FROM information_schema.triggers WHERE right(trigger_name, 7) = '_notify'"
    ).fetchall()
    assert {row[0] for row in rows} >= {model._meta.table_name for model in schema.MODELS}
