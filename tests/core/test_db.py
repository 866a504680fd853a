"""The data file: created with every table, upgraded after a backup, refused with a Chinese message."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import db
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.service import CallInput

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.sqlite_only(reason="数据文件的 PRAGMA、文件头与损坏的文件")
def test_new_file_pragmas_and_version(db_path):
    database = schema.open_database(db_path)
    try:
        pragma = lambda name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2
        assert pragma("foreign_keys") == 1
        assert pragma("user_version") == schema.SCHEMA_VERSION
        assert pragma("application_id") == db.APPLICATION_ID
    finally:
        database.close()


@pytest.mark.sqlite_only(reason="数据文件的 PRAGMA、文件头与损坏的文件")
def test_old_file_is_backed_up_then_upgraded(db_path, clock):
    # a real file of schema version 1, written by the program of that time (tests/data/README.md)
    shutil.copyfile(DATA / "schema_v1.sqlite3", db_path)
    with sqlite3.connect(db_path) as raw:
        calls = raw.execute("SELECT summary FROM call ORDER BY id").fetchall()
    database = schema.open_database(db_path)
    try:
        backups = list(db_path.parent.glob("test.v1-*.bak.sqlite3"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as copy:
            assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
            assert copy.execute("SELECT summary FROM call ORDER BY id").fetchall() == calls
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        # the index was filled from old rows: call 2 is the only one about 安全生产 data
        assert [c.id for c in service.calls_query(text="核报安全生产")] == [2]
    finally:
        database.close()


@pytest.mark.sqlite_only(reason="数据文件的 PRAGMA、文件头与损坏的文件")
def test_newer_file_is_refused(db_path):
    schema.open_database(db_path).close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(db.DatabaseOpenError, match="较新版本") as caught:
        schema.open_database(db_path)
    assert "99" in str(caught.value)


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("值班记录\n" * 100, encoding="utf-8")
    with pytest.raises(db.DatabaseOpenError, match="不是数据库文件"):
        schema.open_database(path)


def test_another_programs_database(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE t (x)")
    with pytest.raises(db.DatabaseOpenError, match="其他程序的数据库"):
        schema.open_database(path)


@pytest.mark.sqlite_only(reason="数据文件的 PRAGMA、文件头与损坏的文件")
def test_damaged_file(db_path, clock):
    database = schema.open_database(db_path)
    for _ in range(300):
        service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8), category="一般事项",
                                      summary="记录" * 200, officer_name="王值班"))
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 40), page):  # scribble over b-tree pages
        data[offset:offset + 64] = b"\xff" * 64
    db_path.write_bytes(bytes(data))
    with pytest.raises(db.DatabaseOpenError) as caught:
        schema.open_database(db_path)
    assert "损坏" in str(caught.value)


def test_search_matches_substrings_in_any_column(database, clock):
    service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8), category="一般事项",
                                  summary="群众反映夜间施工噪音扰民", caller_unit="城关镇人民政府",
                                  phone="13912345678", officer_name="王值班"))
    for text in ("噪音", "噪", "城关镇", "5678", "王值班", "夜间施工噪音扰民"):
        assert service.calls_query(text=text).count() == 1, text
    for text in ("冰雹", "噪声", "城关县"):
        assert service.calls_query(text=text).count() == 0, text


def test_backup_copy_while_open(database, clock, tmp_path):
    service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8), category="一般事项",
                                  summary="备份测试", officer_name="王值班"))
    copy = db.backup_database(database, tmp_path / "copy.sqlite3")
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT summary FROM call").fetchall() == [("备份测试",)]


def test_search_index_follows_edits(database, clock):
    call = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8), category="一般事项",
                                         summary="停电通知", officer_name="王值班"))
    data = CallInput.from_call(call)
    data.summary = "停水通知"
    service.update_call(call.id, data)
    assert service.calls_query(text="停电").count() == 0
    assert service.calls_query(text="停水").count() == 1


def test_is_data_file_or_sibling(tmp_path):
    data = tmp_path / "效能.sqlite3"
    data.write_bytes(b"")
    assert db.is_data_file_or_sibling(data, data)
    assert db.is_data_file_or_sibling(data, tmp_path / "sub" / ".." / "效能.sqlite3")
    for suffix in ("-wal", "-shm", "-journal"):
        assert db.is_data_file_or_sibling(data, tmp_path / f"效能.sqlite3{suffix}")  # present or not
    assert not db.is_data_file_or_sibling(data, tmp_path / "效能-备份.sqlite3")
    assert not db.is_data_file_or_sibling(data, tmp_path / "其他" / "效能.sqlite3")
    assert not db.is_data_file_or_sibling(data, tmp_path / "效能.sqlite3-wal.bak")


@pytest.mark.sqlite_only(reason="SQLite's backup API and the -wal beside a data file")
def test_backup_refuses_the_data_file_and_leaves_no_partial_on_failure(database, tmp_path, monkeypatch):
    with pytest.raises(ValueError):
        db.backup_database(database, f"{database.database}-wal")
    target = tmp_path / "copy.sqlite3"
    target.write_text("the backup of last week")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(db.os, "replace", fail)
    with pytest.raises(OSError):
        db.backup_database(database, target)
    assert target.read_text() == "the backup of last week"  # untouched until a whole copy exists
    assert not list(tmp_path.glob("*.partial"))
