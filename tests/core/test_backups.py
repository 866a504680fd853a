"""core/backups: checked copies, rotation, listing, restore, health check, file modes."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import backups
from xiaoneng_desktop.core.models import Department

KIND = schema.FILE_KIND
#: a server database's backups (every table into a data file) are tested in test_backup_audit and
#: test_transfer; these are about copying the data file itself
DATA_FILE = pytest.mark.sqlite_only(reason="copying the data file itself")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="file modes are a POSIX matter")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def corrupt(path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncate":
        path.write_bytes(bytes(data[: len(data) // 2]))
    else:  # garbage over every page after the first (their b-tree headers)
        page = 4096
        for start in range(page, len(data), page):
            data[start : start + 64] = b"\xa5" * 64
        path.write_bytes(bytes(data))


# ---------------------------------------------------------------------- rotation


def reference_kept(moments, policy):
    """The rule spelled out the long way: a moment is kept if it is the newest of its day (week,
    month) and that day is among the ``daily`` newest days that have a backup (likewise weeks, months)."""
    moments = sorted(set(moments))
    kept = {moments[-1]} if moments else set()
    for count, key in ((policy.daily, lambda m: m.date()), (policy.weekly, lambda m: m.isocalendar()[:2]),
                       (policy.monthly, lambda m: (m.year, m.month))):
        buckets = sorted({key(m) for m in moments}, reverse=True)[:count]
        for bucket in buckets:
            kept.add(max(m for m in moments if key(m) == bucket))
    return kept


def test_rotation_keeps_exactly_7_daily_4_weekly_12_monthly(tmp_path, clock):
    """A backup every 6 hours for 400 days (injected clock), rotating after each: what is left."""
    folder = tmp_path / "备份"
    folder.mkdir()
    clock.set(dt.datetime(2025, 9, 1, 4, 0))
    policy = backups.Policy()
    end = dt.datetime(2026, 10, 5, 22, 0)  # a Monday evening
    while clock.current <= end:
        # an empty file stands for each backup: rotation goes by the names
        (folder / backups.backup_name("效能", clock.current)).touch()
        backups.rotate(folder, "效能", policy)
        clock.advance(hours=6)
    left = sorted(backups.moment_of(p) for p in folder.iterdir())
    # every day's last backup is at 22:00; ISO weeks run Monday to Sunday
    daily = [dt.datetime(2026, 9, 29, 22), dt.datetime(2026, 9, 30, 22)] + [
        dt.datetime(2026, 10, day, 22) for day in range(1, 6)]
    weekly = [dt.datetime(2026, 9, 20, 22), dt.datetime(2026, 9, 27, 22)]  # the other two weeks: daily ones
    monthly = [dt.datetime(2025, 11, 30, 22), dt.datetime(2025, 12, 31, 22)] + [
        dt.datetime(2026, month, [31, 28, 31, 30, 31, 30, 31, 31][month - 1], 22) for month in range(1, 9)]
    assert left == sorted([*daily, *weekly, *monthly])
    assert len(left) == 7 + 2 + 10  # two weeks and two months are already held by a daily one


def test_rotation_leaves_other_files_alone(tmp_path):
    folder = tmp_path
    others = ["效能-备份-20260101-0900.sqlite3",  # the 文件 → 备份数据库 suggestion (no seconds)
              "效能-备份-20200101-090000-恢复前.sqlite3", "其他-备份-20200101-090000.sqlite3", "说明.txt"]
    for name in others:
        (folder / name).touch()
    for day in range(1, 30):
        (folder / backups.backup_name("效能", dt.datetime(2020, 3, day, 12))).touch()
    backups.rotate(folder, "效能", backups.Policy(daily=2, weekly=0, monthly=0))
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*others, "效能-备份-20200328-120000.sqlite3", "效能-备份-20200329-120000.sqlite3"])


moments_strategy = st.lists(
    st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2026, 12, 31)).map(
        lambda m: m.replace(microsecond=0)), max_size=80)


@settings(max_examples=100, deadline=None)
@given(moments=moments_strategy, daily=st.integers(1, 10), weekly=st.integers(0, 6), monthly=st.integers(0, 14))
def test_rotation_property(moments, daily, weekly, monthly):
    policy = backups.Policy(daily, weekly, monthly)
    kept = backups.select_kept(moments, policy)
    assert kept == reference_kept(moments, policy)
    assert kept <= set(moments)
    assert len(kept) <= max(1, daily + weekly + monthly) if moments else not kept
    if moments:
        assert max(moments) in kept
    # rotating what was kept changes nothing more
    assert backups.select_kept(kept, policy) == kept


# ---------------------------------------------------------------------- making and checking


@DATA_FILE
def test_backup_is_checked_private_single_file_with_counts(database, db_path, tmp_path, clock):
    Department.create(name="办公室")
    info = backups.make_backup(db_path, tmp_path / "备份", KIND)
    assert info.path.name == "test-备份-20261009-090000.sqlite3"
    assert info.health.ok and info.health.version == schema.SCHEMA_VERSION
    assert info.health.counts == {"值班来电": 0, "公文": 0, "来访": 0, "整改问题": 0}
    assert not list((tmp_path / "备份").glob(f"*{backups.TEMP_SUFFIX}*")) and not list((tmp_path / "备份").glob("*-wal"))
    with sqlite3.connect(info.path) as copy:
        assert copy.execute("SELECT name FROM department").fetchall() == [("办公室",)]
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    second = backups.make_backup(db_path, tmp_path / "备份", KIND)  # same second: both kept
    assert second.path != info.path and second.path.exists()
    listed = backups.list_backups(tmp_path / "备份", KIND)
    assert [i.path for i in listed] == sorted([info.path, second.path], key=lambda p: p.name, reverse=True)
    assert all(i.health.ok and i.moment == dt.datetime(2026, 10, 9, 9) for i in listed)


@DATA_FILE
def test_a_start_backup_waits_for_the_interval(database, db_path, tmp_path, clock):
    """Opening the program again the same morning does not copy the file again; a change after the
    newest backup is backed up at exit (no age limit) or at start once the interval has passed."""
    folder = tmp_path / "备份"
    assert backups.needs_backup(db_path, folder, younger_than_hours=4)  # no backup yet
    info = backups.make_backup(db_path, folder, KIND)
    Department.create(name="办公室")
    now = time.time()
    os.utime(db_path, (now, now))
    os.utime(info.path, (now - 3600, now - 3600))  # taken an hour ago, changed since
    assert backups.needs_backup(db_path, folder)
    assert not backups.needs_backup(db_path, folder, younger_than_hours=4)
    os.utime(info.path, (now - 5 * 3600, now - 5 * 3600))
    assert backups.needs_backup(db_path, folder, younger_than_hours=4)


@linux_only
def test_new_data_files_and_backups_are_owner_only(tmp_path, clock):
    os.umask(0o022)
    data = tmp_path / "新.sqlite3"
    schema.open_database(data).close()
    assert mode(data) == 0o600
    info = backups.make_backup(data, tmp_path / "备份", KIND)
    assert mode(info.path) == 0o600
    from xiaoneng_desktop.core import db

    database = schema.open_database(data)
    try:
        copy = db.backup_database(database, tmp_path / "手动.sqlite3")
    finally:
        database.close()
    assert mode(copy) == 0o600
    saved, _health = backups.restore(data, info.path, tmp_path / "备份", KIND)
    assert mode(data) == 0o600 and mode(saved) == 0o600


@DATA_FILE
@pytest.mark.parametrize("how", ["truncate", "garbage"])
def test_damaged_copy_is_never_renamed_into_place(database, db_path, tmp_path, monkeypatch, how):
    Department.insert_many([{"name": f"部门{number:03d}" * 4} for number in range(300)]).execute()
    real = backups.inspect

    def damage_then_inspect(path, kind, **options):
        if path.name.endswith(backups.TEMP_SUFFIX):
            corrupt(path, how)
        return real(path, kind, **options)

    monkeypatch.setattr(backups, "inspect", damage_then_inspect)
    folder = tmp_path / "备份"
    with pytest.raises(backups.BackupError, match="完整性检查"):
        backups.make_backup(db_path, folder, KIND)
    assert list(folder.iterdir()) == []  # neither the damaged copy nor its temporary file


@DATA_FILE
@pytest.mark.parametrize("how", ["truncate", "garbage"])
def test_health_check_finds_damage(database, db_path, tmp_path, how):
    Department.insert_many([{"name": f"部门{number:03d}" * 4} for number in range(300)]).execute()
    good = backups.make_backup(db_path, tmp_path, KIND).path
    assert backups.health_check(good, KIND).ok
    corrupt(good, how)
    health = backups.health_check(good, KIND)
    assert not health.ok and "损坏" in health.message()


def test_health_check_refuses_other_files(tmp_path):
    text = tmp_path / "a.sqlite3"
    text.write_text("not a database")
    assert "不是本程序" in backups.health_check(text, KIND).problem
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    assert "不是本程序" in backups.health_check(other, KIND).problem
    assert "找不到" in backups.health_check(tmp_path / "none.sqlite3", KIND).problem
    newer = backups.FileKind(KIND.version - 1)
    schema.open_database(tmp_path / "ours.sqlite3").close()
    assert "较新版本" in backups.health_check(tmp_path / "ours.sqlite3", newer).problem


WRITER = textwrap.dedent("""
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 30000")
    stop_at = time.monotonic() + float(sys.argv[2])
    number = 0
    print("ready", flush=True)
    while time.monotonic() < stop_at:
        number += 1
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO load_row(id, payload) VALUES (?, ?)", (number, "x" * 200))
        connection.execute("COMMIT")
    print(number, flush=True)
""")


@DATA_FILE
def test_backup_while_another_process_writes(database, db_path, tmp_path):
    """Another process commits rows as fast as it can while the backup is taken: the copy is healthy and
    holds a consistent snapshot — every row committed before the backup began, and no gap."""
    database.execute_sql("CREATE TABLE load_row (id INTEGER PRIMARY KEY, payload TEXT)")
    database.execute_sql("CREATE TABLE ballast (data BLOB)")
    for _ in range(40):  # ~40 MB, so that the copy takes long enough to be written during
        database.execute_sql("INSERT INTO ballast VALUES (randomblob(1000000))")
    database.close()
    def committed() -> int:
        reader = sqlite3.connect(db_path, timeout=30)
        try:
            return reader.execute("SELECT count(*) FROM load_row").fetchone()[0]
        finally:
            reader.close()

    with subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), "3"], stdout=subprocess.PIPE,
                          text=True) as writer:
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        before = committed()
        started = time.monotonic()
        info = backups.make_backup(db_path, tmp_path / "备份", KIND)
        took = time.monotonic() - started
        after = committed()
        total = int(writer.stdout.readline())
    with sqlite3.connect(info.path) as copy:
        ids = [row[0] for row in copy.execute("SELECT id FROM load_row ORDER BY id")]
    print(f"\nbackup took {took:.2f} s; rows committed before it {before}, after it {after} "
          f"(written during: {after - before}); rows in the copy {len(ids)}; writer total {total}")
    assert info.health.ok and after > before > 0
    assert ids == list(range(1, len(ids) + 1))  # a snapshot: no gap
    assert before <= len(ids) <= after


# ---------------------------------------------------------------------- restore


@DATA_FILE
def test_restore_backs_up_first_and_brings_the_records_back(database, db_path, tmp_path, clock):
    Department.create(name="办公室")
    folder = tmp_path / "备份"
    good = backups.make_backup(db_path, folder, KIND)
    Department.delete().execute()
    Department.create(name="误建的部门")
    database.close()
    clock.advance(minutes=5)
    saved, health = backups.restore(db_path, good.path, folder, KIND)
    assert health.ok
    assert saved.name == "test-备份-20261009-090500-恢复前.sqlite3"
    with sqlite3.connect(saved) as before:
        assert before.execute("SELECT name FROM department").fetchall() == [("误建的部门",)]
    reopened = schema.open_database(db_path)
    try:
        assert [d.name for d in Department.select()] == ["办公室"]
    finally:
        reopened.close()


@DATA_FILE
def test_restore_refuses_a_bad_file_and_touches_nothing(database, db_path, tmp_path):
    Department.create(name="办公室")
    database.close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = db_path.read_bytes()
    with pytest.raises(backups.BackupError, match="不能用于恢复"):
        backups.restore(db_path, bad, tmp_path / "备份", KIND)
    assert db_path.read_bytes() == before and not (tmp_path / "备份").exists()


@DATA_FILE
def test_restore_over_a_damaged_file_keeps_its_bytes(database, db_path, tmp_path, clock):
    Department.insert_many([{"name": f"部门{number:03d}" * 4} for number in range(300)]).execute()
    folder = tmp_path / "备份"
    good = backups.make_backup(db_path, folder, KIND)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    corrupt(db_path, "garbage")
    damaged = db_path.read_bytes()
    saved, health = backups.restore(db_path, good.path, folder, KIND)
    assert health.ok and "损坏" in saved.name and saved.read_bytes() == damaged
    assert backups.health_check(db_path, KIND).counts == good.health.counts
