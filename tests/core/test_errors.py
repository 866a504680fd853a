"""The error policy on real SQLite failures: each condition is provoked, not imitated."""

from __future__ import annotations

import errno
import logging
import sqlite3

import peewee as pw
import pytest

from xiaoneng_desktop.core import errors, logs


@pytest.fixture(autouse=True)
def log_file(tmp_path, monkeypatch):
    path = tmp_path / "logs" / "xiaoneng.log"
    monkeypatch.setattr(logs, "log_path", lambda: path)
    return path


def make_file(path, rows=0):
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, name TEXT UNIQUE, body TEXT)")
        raw.executemany("INSERT INTO note (name, body) VALUES (?, ?)",
                        ((f"n{i}", "记录" * 300) for i in range(rows)))
    raw.close()
    return path


def failure_of(action):
    with pytest.raises(Exception) as caught:
        action()
    return caught.value


def peewee_db(path, **pragmas):
    return pw.SqliteDatabase(str(path), pragmas=pragmas)


def test_locked_file_is_busy_not_a_bug(tmp_path):
    path = make_file(tmp_path / "data.sqlite3")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    db = peewee_db(path, busy_timeout=50)
    try:
        exc = failure_of(lambda: db.execute_sql("INSERT INTO note (name) VALUES ('x')"))
    finally:
        db.close()
        holder.rollback()
        holder.close()
    assert isinstance(exc, pw.OperationalError)  # what services let through
    assert errors.sqlite_error(exc).sqlite_errorcode == sqlite3.SQLITE_BUSY
    message = errors.describe(exc)
    assert message.kind == errors.BUSY and not message.is_bug
    assert message.text.startswith("保存失败：数据文件正被其他程序写入，请稍后重试")
    assert "磁盘空间" not in message.text


def test_read_only_file(tmp_path):
    path = make_file(tmp_path / "data.sqlite3")
    db = pw.SqliteDatabase(f"file:{path}?mode=ro", uri=True)
    try:
        exc = failure_of(lambda: db.execute_sql("INSERT INTO note (name) VALUES ('x')"))
    finally:
        db.close()
    assert errors.kind_of(exc) == errors.READ_ONLY
    assert "只读" in errors.describe(exc).text


def test_damaged_file(tmp_path):
    path = make_file(tmp_path / "data.sqlite3", rows=400)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data), page):  # b-tree pages; the header page stays sound
        data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    db = peewee_db(path)
    try:
        exc = failure_of(lambda: db.execute_sql("SELECT name, body FROM note").fetchall())
    finally:
        db.close()
    assert errors.kind_of(exc) == errors.CORRUPT
    assert "已损坏" in errors.describe(exc, "读取列表").text


def test_text_file_is_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("值班记录\n" * 200, encoding="utf-8")
    db = peewee_db(path)
    try:
        exc = failure_of(lambda: db.execute_sql("SELECT * FROM sqlite_master").fetchall())
    finally:
        db.close()
    assert errors.kind_of(exc) == errors.NOT_A_DATABASE
    text = errors.describe(exc, "打开数据文件", f"数据文件“{path}”").text
    assert text.startswith(f"打开数据文件失败：数据文件“{path}”不是本程序的数据文件")


def test_full_disk(tmp_path):
    path = make_file(tmp_path / "data.sqlite3")
    db = peewee_db(path)
    try:
        db.execute_sql("PRAGMA max_page_count = 3")  # the disk is full after three pages
        exc = failure_of(lambda: db.execute_sql("INSERT INTO note (name, body) VALUES ('a', ?)",
                                                (b"x" * 20000,)))
    finally:
        db.close()
    assert errors.kind_of(exc) == errors.FULL
    assert "磁盘空间不足" in errors.describe(exc).text


def test_folder_that_does_not_exist_cannot_be_opened(tmp_path):
    exc = failure_of(lambda: sqlite3.connect(tmp_path / "missing" / "data.sqlite3"))
    assert errors.kind_of(exc) == errors.CANNOT_OPEN
    assert "无法打开数据文件" in errors.describe(exc, "备份").text


def test_unique_violation_is_a_bug_logged_with_its_traceback(tmp_path, caplog, log_file):
    path = make_file(tmp_path / "data.sqlite3", rows=1)
    db = peewee_db(path)
    try:
        exc = failure_of(lambda: db.execute_sql("INSERT INTO note (name) VALUES ('n0')"))
    finally:
        db.close()
    assert isinstance(exc, pw.IntegrityError)
    assert errors.is_bug(exc)
    with caplog.at_level(logging.ERROR, logger="xiaoneng_desktop"):
        message = errors.describe(exc, "保存")
    assert message.is_bug and message.log == log_file
    assert message.text.startswith("保存失败：程序发生意外错误")
    assert "UNIQUE" in message.text and str(log_file) in message.text
    [record] = [r for r in caplog.records if r.exc_info]
    assert record.exc_info[1] is exc
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "IntegrityError" in logged and "failure_of" in logged


def test_extended_codes_count_by_their_primary_code():
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = sqlite3.SQLITE_IOERR_WRITE
    wrapped = pw.OperationalError(exc, *exc.args)
    assert errors.kind_of(wrapped) == errors.IO_ERROR
    assert "磁盘出错" in errors.describe(wrapped).text


def test_without_a_code_the_text_decides():
    assert errors.kind_of(pw.OperationalError("database is locked")) == errors.BUSY
    assert errors.kind_of(pw.OperationalError("no such table: note")) == errors.BUG


def test_operating_system_errors_name_the_file(tmp_path):
    target = tmp_path / "u盘" / "备份.sqlite3"
    full = OSError(errno.ENOSPC, "No space left on device", str(target))
    assert errors.describe(full, "备份").text == f"备份失败：磁盘空间不足，文件“{target}”无法写入。请清理磁盘空间后重试。"
    assert errors.kind_of(PermissionError(errno.EACCES, "Permission denied")) == errors.READ_ONLY


def test_anything_else_is_a_bug(log_file):
    message = errors.describe(KeyError("tab"), "备份")
    assert message.is_bug and "KeyError" in message.text
    assert "KeyError" in log_file.read_text(encoding="utf-8")
