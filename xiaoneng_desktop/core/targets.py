"""What ``--db`` names: a data file or a server database, in words a user can read.

Apart from core/db (and without peewee), because the window shows its data source in the title and
the status bar before the database is opened.
"""

from __future__ import annotations

import os
from pathlib import Path

#: A data source given as ``postgresql://user@host:port/dbname`` is a server database.
SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(target: Path | str | None) -> bool:
    """True when ``target`` names a PostgreSQL server database rather than a data file."""
    return isinstance(target, str) and target.lower().startswith(SERVER_SCHEMES)


def target_of(text: str) -> Path | str:
    """What the user typed (``--db``, XIAONENG_DB): a server address as it is, else a file path."""
    return text if is_server(text) else Path(text).expanduser()


def describe_target(target: Path | str) -> str:
    """The data source in words: 数据文件“…” or 数据库服务器上的数据库“…” (never with its password)."""
    if is_server(target):
        from xiaoneng_desktop.core import server

        return server.describe(str(target))
    return f"数据文件“{target}”"


def shown_target(target: Path | str) -> str:
    """The data source as it may be shown, logged or remembered: a path, or an address without password."""
    if is_server(target):
        from xiaoneng_desktop.core import server

        return server.without_password(str(target))
    return str(target)


def default_path() -> Path | str:
    """The data source: $XIAONENG_DB if set (a file or a server address), else xiaoneng.sqlite3 in the
    user's data folder."""
    env = os.environ.get("XIAONENG_DB")
    if env:
        return target_of(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("xiaoneng", appauthor=False)) / "xiaoneng.sqlite3"
