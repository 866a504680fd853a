"""Shared fixtures: a fresh data file per test, an injected clock, Qt offscreen."""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from xiaoneng_desktop import schema  # noqa: E402
from xiaoneng_desktop.core import clock as clock_module  # noqa: E402
from xiaoneng_desktop.core import logs  # noqa: E402

#: Set by tests/run_all.py for the second round: the address of a throw-away PostgreSQL cluster's
#: ``postgres`` database. Then every test's data source is a new database on it instead of a file.
SERVER_ENV = "XIAONENG_TEST_PG"


def on_server() -> bool:
    return bool(os.environ.get(SERVER_ENV))


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): about the data file itself (its header, WAL, "
                            "file copies); skipped when the round runs on a PostgreSQL server")
    config.addinivalue_line("markers", "server_only: needs a PostgreSQL server (the round run_all.py starts)")


def pytest_report_header(config):
    url = os.environ.get(SERVER_ENV)
    return f"数据库引擎: PostgreSQL ({url})" if url else "数据库引擎: SQLite"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if on_server() and item.get_closest_marker("sqlite_only"):
            marker = item.get_closest_marker("sqlite_only")
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "数据文件本身的特性")
            item.add_marker(pytest.mark.skip(reason=f"SQLite 专有：{reason}"))
        if not on_server() and item.get_closest_marker("server_only"):
            item.add_marker(pytest.mark.skip(reason="需要 PostgreSQL 服务器（python3 tests/run_all.py 第二轮）"))


@pytest.fixture(scope="session")
def server_databases():
    from tests.pgcluster import Databases

    url = os.environ.get(SERVER_ENV)
    return Databases(url) if url else None


@pytest.fixture
def db_path(tmp_path, server_databases):
    """Where the test's data lives: a new file path, or on the server round a new empty database."""
    if server_databases is None:
        yield tmp_path / "test.sqlite3"
        return
    url = server_databases.create()
    yield url
    from xiaoneng_desktop.core.db import close_database

    close_database()
    server_databases.drop(url)


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
