"""Two PCs at once (issue 15): two processes on one database — each its own connection, as two PCs
have — take 发文字号 numbers and edit the same record concurrently.

The numbering test runs on both engines (a data file on the SQLite round, the server's database on
the PostgreSQL round); the edit conflict is shown on a server."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from tests.documents.test_service import outgoing
from tests.duty.test_service import a_call
from xiaoneng_desktop.documents import service as documents
from xiaoneng_desktop.documents.models import NumberCounter
from xiaoneng_desktop.documents.service import StepInput
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.models import Call

PER_PC = 6
LATER = dt.datetime(2026, 10, 9, 10, 0)


def _open(target, when: dt.datetime, who: str) -> None:
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import clock, session

    clock.set_source(clock.FixedClock(when))
    session.sign_in(session.Actor(who))
    schema.open_database(target)


def _number_documents(target, doc_ids, who, barrier, results) -> None:
    """One PC: number its documents one after another, as fast as it can."""
    try:
        _open(target, LATER, who)
        barrier.wait(60)
        numbers = [documents.advance(doc_id, StepInput("编号", who)).number for doc_id in doc_ids]
        results.put((who, "ok", numbers))
    except Exception as exc:  # noqa: BLE001 - reported to the test
        results.put((who, "error", repr(exc)))


def _edit_call(target, call_id, who, summary, barrier, results) -> None:
    """One PC: load the call into a form, wait until the other PC has loaded it too, then save."""
    from xiaoneng_desktop.core.conflicts import EditConflict

    try:
        _open(target, LATER, who)
        loaded = duty.get_call(call_id).version
        barrier.wait(60)
        saved = duty.update_call(call_id, a_call(summary=summary), expected_version=loaded)
        results.put((who, "saved", saved.version))
    except EditConflict as exc:
        results.put((who, "conflict", (exc.who, str(exc), exc.values["summary"], exc.version)))
    except Exception as exc:  # noqa: BLE001 - reported to the test
        results.put((who, "error", repr(exc)))


def _run(target, worker, per_process_args) -> list[tuple]:
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter, as on another PC
    barrier = spawn.Barrier(len(per_process_args))
    results = spawn.Queue()
    processes = [spawn.Process(target=worker, args=(target, *args, barrier, results)) for args in per_process_args]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(30)
        assert process.exitcode == 0
    return outcomes


def _ready_to_number(count: int) -> list[int]:
    ids = []
    for _ in range(count):
        doc = outgoing()
        for step in (StepInput("拟稿", "陈秘书", next_holder="周科长"), StepInput("核稿", "周科长", next_holder="王县长"),
                     StepInput("签发", "王县长")):
            doc = documents.advance(doc.id, step)
        ids.append(doc.id)
    return ids


def test_two_processes_numbering_at_once_share_no_number_and_leave_no_gap(db_path, database, clock):
    ids = _ready_to_number(2 * PER_PC)
    outcomes = _run(db_path, _number_documents, [(ids[0::2], "甲电脑文书"), (ids[1::2], "乙电脑文书")])
    assert [kind for _who, kind, _ in outcomes] == ["ok", "ok"], outcomes
    numbers = [number for _who, _kind, taken in outcomes for number in taken]
    assert sorted(numbers, key=lambda n: int(n.split("〕")[1].rstrip("号"))) == [
        f"县政办发〔2026〕{n}号" for n in range(1, 2 * PER_PC + 1)]
    assert NumberCounter.get(NumberCounter.code == "县政办发").last == 2 * PER_PC
    stored = sorted(documents.get_document(doc_id).serial for doc_id in ids)
    assert stored == list(range(1, 2 * PER_PC + 1))


@pytest.mark.server_only
def test_two_processes_editing_one_call_one_wins_the_other_is_told_who(db_path, database, clock):
    call = duty.create_call(a_call())
    outcomes = dict((who, (kind, detail)) for who, kind, detail in _run(
        db_path, _edit_call, [(call.id, "张三", "张三填写的摘要"), (call.id, "李四", "李四填写的摘要")]))
    kinds = sorted(kind for kind, _ in outcomes.values())
    assert kinds == ["conflict", "saved"], outcomes
    winner = next(who for who, (kind, _) in outcomes.items() if kind == "saved")
    loser = next(who for who, (kind, _) in outcomes.items() if kind == "conflict")
    named, message, their_summary, their_version = outcomes[loser][1]
    assert named == winner and winner in message and "本次没有保存" in message
    assert their_summary == f"{winner}填写的摘要" and their_version == 2
    stored = Call.get_by_id(call.id)
    assert stored.summary == f"{winner}填写的摘要" and stored.version == 2
