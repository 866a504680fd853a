"""Saves from several windows or PCs wait for each other's writes instead of failing (issue 11, item 3).

Every write transaction begins IMMEDIATE, so SQLite's busy timeout applies; a deferred one that read
first was refused at once ("database is locked") while another program wrote.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import db as core_db
from xiaoneng_desktop.core import errors, targets
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.models import Call

ROOT = Path(__file__).resolve().parents[2]

#: Holds the write lock on argv[1] (a file, or a server database) for argv[2] seconds; says "held" once
#: it has it. On a server the write lock is the program's advisory lock (core/server.WriteTransaction).
HOLDER = textwrap.dedent("""
    import sys, time
    target, seconds = sys.argv[1], float(sys.argv[2])
    if target.startswith("postgresql://"):
        import psycopg
        from xiaoneng_desktop.core import server
        connection = psycopg.connect(target, autocommit=True)
        connection.execute("BEGIN")
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (server.WRITE_LOCK_KEY,))
    else:
        import sqlite3
        connection = sqlite3.connect(target, isolation_level=None, timeout=30)
        connection.execute("BEGIN IMMEDIATE")
    print("held", flush=True)
    time.sleep(seconds)
    connection.execute("ROLLBACK")
""")

#: One PC saving argv[3] records at a person's pace through the services, each created, edited, closed.
WRITER = textwrap.dedent("""
    import datetime as dt, json, sys, time
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import errors
    from xiaoneng_desktop.duty import service as duty
    from xiaoneng_desktop.visitors import service as visitors

    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    schema.open_database(path, quick_check=False)
    attempted, failed, kinds = 0, 0, []
    when = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1)

    def save(action, *args):
        global attempted, failed
        attempted += 1
        began = time.perf_counter()
        try:
            return action(*args)
        except Exception as exc:
            failed += 1
            kinds.append(f"{action.__name__} after {time.perf_counter() - began:.2f} s: {errors.kind_of(exc)}: {exc}")

    start = time.perf_counter()
    for number in range(count):
        text = f"{name}-{number}"
        call = duty.CallInput(received_at=when, category="一般事项", summary=text, officer_name=name)
        made = save(duty.create_call, call)
        if made is not None:
            call.feedback = "已转告"
            save(duty.update_call, made.id, call, name)
            save(duty.close_call, made.id, "已办结", None, name)
        visit = visitors.VisitInput(visited_at=when, name=text, matter="咨询政策", first_responder=name)
        made = save(visitors.create_visit, visit)
        if made is not None:
            visit.address = "城关镇"
            save(visitors.update_visit, made.id, visit, name)
        time.sleep(0.01)  # a person types between saves
    print(json.dumps({"attempted": attempted, "failed": failed, "kinds": kinds[:5],
                      "elapsed": time.perf_counter() - start}))
""")


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), **extra}


@contextlib.contextmanager
def hold_write_lock(path: Path, seconds: float):
    """Another program writing for ``seconds``: the body runs once it holds the write lock."""
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE,
                          text=True, env=_env()) as holder:
        try:
            assert holder.stdout.readline().strip() == "held"
            yield holder
        finally:
            holder.kill()  # a no-op once it has let go
            holder.wait(10)


@pytest.mark.sqlite_only(reason="SQLite 的 BEGIN IMMEDIATE 语句本身")
def test_atomic_begins_immediate_and_nests_as_savepoints(database):
    statements: list[str] = []
    database.connection().set_trace_callback(statements.append)
    try:
        with core_db.atomic(), core_db.atomic():  # the inner one nests
            Call.select().count()
        with core_db.atomic(immediate=False):  # a read-only snapshot
            Call.select().count()
    finally:
        database.connection().set_trace_callback(None)
    begins = [s for s in statements if s.startswith(("BEGIN", "SAVEPOINT"))]
    assert begins[0] == "BEGIN IMMEDIATE"
    assert begins[1].startswith("SAVEPOINT")
    assert begins[2] == "BEGIN"


def test_a_save_that_reads_first_waits_for_another_write(database, db_path):
    """create_call reads (the duty officer, the shift) before it writes: it waits, then saves."""
    with hold_write_lock(db_path, 0.8) as holder:
        start = time.perf_counter()
        call = duty.create_call(duty.CallInput(received_at=dt.datetime.now() - dt.timedelta(minutes=5),
                                               category="一般事项", summary="报告汛情", officer_name="王五"))
        waited = time.perf_counter() - start
        holder.wait(10)
    assert Call.get_by_id(call.id).summary == "报告汛情"
    assert waited > 0.3, "it waited for the other program's write"


def test_a_lock_held_past_the_busy_timeout_is_said_in_chinese(db_path, monkeypatch):
    monkeypatch.setenv(core_db.BUSY_TIMEOUT_ENV, "200")
    database = schema.open_database(db_path)
    try:
        with hold_write_lock(db_path, 3), pytest.raises(Exception) as caught:
            duty.create_call(duty.CallInput(received_at=dt.datetime.now() - dt.timedelta(minutes=5),
                                            category="一般事项", summary="报告汛情", officer_name="王五"))
    finally:
        database.close()
    message = errors.describe(caught.value)
    assert message.kind == errors.BUSY
    subject = "数据库" if targets.is_server(db_path) else "数据文件"
    assert message.text == f"保存失败：{subject}正被其他程序写入，请稍后重试。"


def test_busy_timeout_default_and_override(monkeypatch):
    monkeypatch.delenv(core_db.BUSY_TIMEOUT_ENV, raising=False)
    assert core_db.busy_timeout_ms() == 5000
    monkeypatch.setenv(core_db.BUSY_TIMEOUT_ENV, "1500")
    assert core_db.busy_timeout_ms() == 1500
    monkeypatch.setenv(core_db.BUSY_TIMEOUT_ENV, "五秒")
    assert core_db.busy_timeout_ms() == 5000


def test_three_pcs_saving_at_once_lose_nothing(db_path):
    """Three writers save calls and visits through the services while a fourth program holds the
    write lock for a second: not one save fails, and every record is there."""
    schema.open_database(db_path).close()  # the file exists before the PCs open it
    per_writer = 30
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), f"值班员{n}", str(per_writer)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
               for n in range(3)]
    start = time.perf_counter()
    time.sleep(0.5)  # the writers are under way
    with hold_write_lock(db_path, 1.0) as holder:
        holder.wait(10)
    results = []
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    elapsed = time.perf_counter() - start
    attempted = sum(r["attempted"] for r in results)
    failed = sum(r["failed"] for r in results)
    print(f"three writers: {attempted} saves attempted, {failed} failed, {elapsed:.1f} s")
    assert failed == 0, [r["kinds"] for r in results]
    assert attempted == 3 * per_writer * 5
    database = schema.open_database(db_path)
    try:
        from xiaoneng_desktop.visitors.models import Visit

        assert Call.select().where(Call.closed_at.is_null(False)).count() == 3 * per_writer
        assert Visit.select().where(Visit.address == "城关镇").count() == 3 * per_writer
    finally:
        database.close()


def test_a_second_connection_waits_in_this_process_too(database, db_path):
    """Two windows of one program (two connections): the second save waits for the first."""
    if targets.is_server(db_path):
        import psycopg

        from xiaoneng_desktop.core import server

        other = psycopg.connect(db_path, autocommit=True)
        other.execute("BEGIN")
        other.execute("SELECT pg_advisory_xact_lock(%s)", (server.WRITE_LOCK_KEY,))
    else:
        import sqlite3

        other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        call = duty.create_call(duty.CallInput(received_at=dt.datetime.now() - dt.timedelta(minutes=5),
                                               category="一般事项", summary="道路塌方", officer_name="王五"))
    finally:
        release.join()
        other.close()
    assert Call.get_by_id(call.id).summary == "道路塌方"
