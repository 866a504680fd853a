"""Shared fixtures: a fresh data file per test, an injected clock, Qt offscreen."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from xiaoneng_desktop import schema  # noqa: E402
from xiaoneng_desktop.core import clock as clock_module  # noqa: E402
from xiaoneng_desktop.core import logs  # noqa: E402


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.sqlite3"


@pytest.fixture
def database(db_path):
    """A new, empty data file with every table; closed again after the test."""
    database = schema.open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def clock():
    """Time stands still at 2026-10-09 09:00 (a Friday) until the test moves it."""
    fixed = clock_module.FixedClock(dt.datetime(2026, 10, 9, 9, 0))
    clock_module.set_source(fixed)
    yield fixed
    clock_module.set_source(None)


@pytest.fixture(autouse=True)
def log_path(tmp_path, monkeypatch):
    """Never write the user's real log during tests: every test logs into its own folder."""
    path = tmp_path / "logs" / "xiaoneng.log"
    monkeypatch.setattr(logs, "log_path", lambda: path)
    return path


@pytest.fixture(autouse=True)
def signed_out():
    """Every test starts and ends as the unrestricted operating-system user, whoever a test signed in."""
    from xiaoneng_desktop.core import session

    session.sign_in(None)
    yield
    session.sign_in(None)
