"""Noticing that another program changed the data, so that open lists can be read again.

Two programs on one PC share a data file; several PCs share a server database. Neither tells the other
what it saved, so each watches for the others' commits:

* SQLite: ``PRAGMA data_version`` on the program's own connection changes only when ANOTHER connection
  committed (never for its own writes). Reading it costs nothing, so the window polls it every
  POLL_SECONDS on its own (GUI) thread: ``DataVersionWatcher.poll()``.
* PostgreSQL: every program table has a statement-level trigger that sends a notice on the channel
  CHANNEL (core/server.create_change_notices). ``NoticeListener`` holds a connection of its own that
  listens in a daemon thread and calls back, coalescing the notices of each short window into one
  call; it reconnects after a lost connection (and then calls back once, since notices sent while it
  was away are lost) and stops cleanly.

No Qt here: the window turns a poll or a callback into a refresh (ui/main_window).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

import peewee as pw

from xiaoneng_desktop.core import db as db_module

log = logging.getLogger(__name__)

#: The channel the server's triggers notify on; the payload is "<table> <backend pid>".
CHANNEL = "xiaoneng"
#: How often the window asks SQLite whether another program committed.
POLL_SECONDS = 2.0
#: Notices arriving within this window are reported as one change.
COALESCE_SECONDS = 0.3
#: How long the listener waits before connecting again after the server went away.
RECONNECT_SECONDS = 2.0

#: Called with the tables another program changed (empty: unknown, read everything again).
OnChange = Callable[[frozenset[str]], None]


class Watcher:
    """What the window holds: ``poll()`` (for a watcher that must be asked) and ``stop()``."""

    #: Seconds between polls, or None when the watcher calls back by itself.
    poll_seconds: float | None = None

    def poll(self) -> bool:
        """True when another program committed since the last poll."""
        return False

    def stop(self) -> None:
        """Stop watching (idempotent)."""


class DataVersionWatcher(Watcher):
    """SQLite's ``PRAGMA data_version`` on the calling thread's connection (the window's)."""

    poll_seconds = POLL_SECONDS

    def __init__(self, read: Callable[[], int | None] = db_module.data_version):
        self._read = read
        self._last = self._safe_read()

    def _safe_read(self) -> int | None:
        try:
            return self._read()
        except (pw.DatabaseError, pw.InterfaceError):
            return None  # the file is unreachable for a moment: no change to report

    def poll(self) -> bool:
        version = self._safe_read()
        if version is None:
            return False
        changed = self._last is not None and version != self._last
        self._last = version
        return changed


class NoticeListener(Watcher):
    """LISTEN on a server connection of its own, in a daemon thread; ``on_change(tables)`` from that
    thread (the window hands it over to its own thread). Notices sent by the backend ``ignore_pid``
    (the program's own connection) are not reported."""

    def __init__(self, conninfo: str, on_change: OnChange, *, ignore_pid: int | None = None,
                 connect_options: dict | None = None, coalesce_seconds: float = COALESCE_SECONDS,
                 reconnect_seconds: float = RECONNECT_SECONDS):
        self.conninfo = conninfo
        self.on_change = on_change
        self.ignore_pid = ignore_pid
        self.connect_options = dict(connect_options or {})
        self.coalesce_seconds = coalesce_seconds
        self.reconnect_seconds = reconnect_seconds
        self._stopping = threading.Event()
        #: Set once the first LISTEN is in place (tests wait for it before changing data).
        self.listening = threading.Event()
        self._connection = None
        self._thread = threading.Thread(target=self._run, name="xiaoneng-notices", daemon=True)
        self._thread.start()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)

    # -- the thread -----------------------------------------------------------------------------

    def _connect(self):
        import psycopg

        options = {"connect_timeout": 5, **self.connect_options, "application_name": "xiaoneng-notices",
                   "autocommit": True}
        return psycopg.connect(self.conninfo, **options)

    def _run(self) -> None:
        import psycopg

        first = True
        while not self._stopping.is_set():
            try:
                connection = self._connect()
            except psycopg.Error as exc:
                log.info("listening for changes: cannot connect (%s)", exc)
                self._stopping.wait(self.reconnect_seconds)
                continue
            try:
                with connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    if not first:
                        self._report(frozenset())  # what happened while away is unknown
                    first = False
                    self._listen(connection)
            except psycopg.Error as exc:
                if self._stopping.is_set():
                    break
                log.info("listening for changes: connection lost (%s)", exc)
                self._stopping.wait(self.reconnect_seconds)
            finally:
                with contextlib.suppress(Exception):
                    connection.close()

    def _listen(self, connection) -> None:
        while not self._stopping.is_set():
            tables: set[str] = set()
            for notice in connection.notifies(timeout=self.coalesce_seconds):
                table, _, pid = notice.payload.partition(" ")
                if self.ignore_pid is not None and pid == str(self.ignore_pid):
                    continue
                tables.add(table)
            if tables and not self._stopping.is_set():
                self._report(frozenset(tables))

    def _report(self, tables: frozenset[str]) -> None:
        try:
            self.on_change(tables)
        except Exception:  # a failing receiver must not end the listening
            log.exception("change callback failed")


def own_backend_pid(database: pw.Database | None = None) -> int | None:
    """The server process of the program's own connection (its notices are not news to it)."""
    database = db_module.database.obj if database is None else database
    try:
        return int(database.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
    except (pw.DatabaseError, pw.InterfaceError):
        return None


def watch(on_change: OnChange, database: pw.Database | None = None) -> Watcher:
    """A watcher over the open database: on a server a NoticeListener calling ``on_change``; on a data
    file a DataVersionWatcher the caller polls every ``poll_seconds`` (``on_change`` is not called)."""
    database = db_module.database.obj if database is None else database
    if db_module.on_server(database):
        options = {key: value for key, value in database.connect_params.items()
                   if key in ("connect_timeout", "options", "password", "user", "host", "port", "sslmode")}
        return NoticeListener(database.database, on_change, ignore_pid=own_backend_pid(database),
                              connect_options=options)
    return DataVersionWatcher()
