"""The settings cache: painting a table asks ``settings.get`` per cell, so it must cost no query while
nothing changed, yet a value saved here shows at once and one saved elsewhere within RECHECK_SECONDS."""

from __future__ import annotations

import contextlib
import json
import sqlite3

import pytest

from xiaoneng_desktop.core import db, settings
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.visitors import service as _visitors  # noqa: F401  (defines visitors.accept_days)

KEY = "office.name"

#: The cache asks SQLite's PRAGMA data_version and these tests count SQLite's own statements; on a server
#: the cache rereads the table every RECHECK_SECONDS instead (core.db.data_version() is None there).
pytestmark = pytest.mark.sqlite_only(reason="数的是 SQLite 连接自己的语句和 PRAGMA data_version")


class FakeMonotonic:
    """settings' clock, moved by hand so the recheck window is exact, not a matter of test speed."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def ticks(database, monkeypatch):
    fake = FakeMonotonic()
    monkeypatch.setattr(settings, "_monotonic", fake)
    settings.forget()  # nothing cached from an earlier test's file
    yield fake
    settings.forget()


@pytest.fixture
def statements(database):
    """Every SQL statement this program's connection runs, as SQLite itself sees it."""
    seen: list[str] = []
    connection = db.database.obj.connection()
    connection.set_trace_callback(seen.append)
    yield seen
    connection.set_trace_callback(None)


@pytest.fixture
def other(db_path, database):
    """A second, plain connection to the same file: another PC or another copy of the program."""
    connection = sqlite3.connect(db_path)
    yield connection
    connection.close()


def store_elsewhere(connection: sqlite3.Connection, key: str, value: object) -> None:
    connection.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                       (key, json.dumps(value, ensure_ascii=False)))
    connection.commit()


def test_many_gets_cost_two_statements_then_none(ticks, statements):
    settings.put(KEY, "甲县人民政府办公室")
    statements.clear()
    first = [settings.get(KEY) for _ in range(40)]
    assert first == ["甲县人民政府办公室"] * 40
    assert len(statements) <= 2, statements  # PRAGMA data_version and one SELECT of the whole table
    statements.clear()
    ticks.advance(settings.RECHECK_SECONDS / 2)
    assert [settings.get(KEY) for _ in range(40)] == first
    assert statements == []


def test_after_the_window_one_pragma_and_no_reread_when_nothing_changed(ticks, statements):
    settings.get(KEY)
    statements.clear()
    ticks.advance(settings.RECHECK_SECONDS)
    for _ in range(40):
        settings.get(KEY)
    assert len(statements) == 1 and "data_version" in statements[0].lower(), statements


def test_a_value_saved_here_is_seen_at_once(ticks, statements):
    assert settings.get(KEY) == settings._DEFINITIONS[KEY].default  # cached now
    settings.save_all({KEY: "乙县人民政府办公室"})
    assert settings.get(KEY) == "乙县人民政府办公室"  # no time passed
    settings.put(KEY, "丙县人民政府办公室")
    assert settings.get(KEY) == "丙县人民政府办公室"


def test_a_rolled_back_value_is_not_cached(ticks):
    settings.put(KEY, "甲县人民政府办公室")
    assert settings.get(KEY) == "甲县人民政府办公室"
    with contextlib.suppress(RuntimeError), db.atomic():
        settings.put(KEY, "乙县人民政府办公室")
        assert settings.get(KEY) == "乙县人民政府办公室"  # the transaction sees its own write
        raise RuntimeError("undo")
    assert settings.get(KEY) == "甲县人民政府办公室"


def test_a_failed_save_all_changes_nothing_cached(ticks):
    settings.put(KEY, "甲县人民政府办公室")
    settings.get(KEY)
    with pytest.raises(ValidationError):
        settings.save_all({KEY: "乙县人民政府办公室", "visitors.accept_days": "十五"})
    assert settings.get(KEY) == "甲县人民政府办公室"


def test_a_value_saved_by_another_connection_shows_after_the_window(ticks, statements, other):
    settings.put(KEY, "甲县人民政府办公室")
    assert settings.get(KEY) == "甲县人民政府办公室"
    store_elsewhere(other, KEY, "乙县人民政府办公室")
    statements.clear()
    ticks.advance(settings.RECHECK_SECONDS * 0.9)
    assert settings.get(KEY) == "甲县人民政府办公室"  # trusted until the window ends: not asked again
    assert statements == []
    ticks.advance(settings.RECHECK_SECONDS * 0.1)
    assert settings.get(KEY) == "乙县人民政府办公室"
    assert len(statements) == 2, statements  # data_version changed, so the table is read again
    statements.clear()
    assert [settings.get(KEY) for _ in range(10)] == ["乙县人民政府办公室"] * 10
    assert statements == []


def test_a_row_updated_in_place_by_another_process(ticks, other):
    # Another copy of the program may UPDATE the row rather than replace it; a new key appears too.
    settings.put(KEY, "甲县人民政府办公室")
    settings.put("visitors.accept_days", 15)
    assert settings.get(KEY) == "甲县人民政府办公室" and settings.get("visitors.accept_days") == 15
    other.execute("UPDATE setting SET value = ? WHERE key = ?", (json.dumps("丁县人民政府办公室"), KEY))
    other.execute("UPDATE setting SET value = ? WHERE key = ?", ("10", "visitors.accept_days"))
    other.commit()
    assert settings.get(KEY) == "甲县人民政府办公室"
    ticks.advance(settings.RECHECK_SECONDS)
    assert settings.get(KEY) == "丁县人民政府办公室" and settings.get("visitors.accept_days") == 10


def test_with_no_window_every_get_asks_data_version(ticks, statements, other, monkeypatch):
    monkeypatch.setattr(settings, "RECHECK_SECONDS", 0)
    settings.get(KEY)
    store_elsewhere(other, KEY, "戊县人民政府办公室")
    statements.clear()
    assert settings.get(KEY) == "戊县人民政府办公室"
    assert settings.get(KEY) == "戊县人民政府办公室"
    assert sum("data_version" in s.lower() for s in statements) == 2


def test_a_reopened_file_is_read_again(ticks, db_path):
    # The cache belongs to a connection: closing the data file and opening another must not serve old values.
    from xiaoneng_desktop import schema

    settings.put(KEY, "甲县人民政府办公室")
    assert settings.get(KEY) == "甲县人民政府办公室"
    db.database.obj.close()
    second = schema.open_database(db_path.with_name("second.sqlite3"))
    try:
        assert settings.get(KEY) == settings._DEFINITIONS[KEY].default
    finally:
        second.close()


def test_a_frozen_snapshot_is_read_once_and_each_get_gives_its_own_copy(ticks, statements, other):
    """settings.frozen() (an import's checks, a get per row): one read at its start, each value
    decoded once; a list comes back as a new list each time, so a caller changing it changes nothing."""
    from xiaoneng_desktop.core import choices
    from xiaoneng_desktop.duty.service import CHANNEL_LIST

    settings.save_all({CHANNEL_LIST.key: ["电话", "来人"]})
    with settings.frozen():
        statements.clear()
        first = settings.get(CHANNEL_LIST.key)
        first.append("改动")
        store_elsewhere(other, CHANNEL_LIST.key, ["传真"])
        ticks.advance(60)
        assert [settings.get(CHANNEL_LIST.key) for _ in range(1000)][-1] == ["电话", "来人"]
        assert choices.values(CHANNEL_LIST.key) == ["电话", "来人"]
        assert statements == []
    assert settings.get(CHANNEL_LIST.key) == ["传真"]  # after the block: what is stored
