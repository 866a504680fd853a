"""The PostgreSQL side of core/db.py: a server database shared by the office's PCs.

Only core/db.py imports this module (psycopg is loaded only when a server is used). What SQLite does
by itself is done here by portable means that PostgreSQL's compatible domestic databases also offer:
the write lock of a user action is a transaction-level advisory lock (every action of every PC takes
the same one, as every SQLite connection takes the one write lock), the search index is a tsvector
table with a GIN index, and the schema version lives in the table ``xiaoneng_schema``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import sys
from collections.abc import Callable, Sequence
from urllib.parse import unquote, urlsplit

import peewee as pw

from xiaoneng_desktop.core import db as db_module

#: Where a server database keeps what SQLite keeps in PRAGMA user_version and application_id.
SCHEMA_TABLE = "xiaoneng_schema"
APPLICATION = "xiaoneng"
#: The oldest server this program uses (phrase search, ON CONFLICT, EXECUTE PROCEDURE on triggers).
MIN_SERVER_VERSION = 120000
#: The advisory lock every write transaction of the program takes first (the SQLite write lock's twin).
WRITE_LOCK_KEY = db_module.APPLICATION_ID
#: The text-search configuration of the search index: no stemming, no stop words, every token kept.
TS_CONFIG = "simple"
#: Joins the columns of a search document so that a phrase never runs from one column into the next:
#: a search is split into single characters (fts_chars), so no search can produce this token.
COLUMN_BREAK = "xncolumnbreak"


def normalised(url: str) -> str:
    """``postgres://`` is libpq's alias of ``postgresql://``; peewee passes only the latter on as it is."""
    scheme, _, rest = url.partition("://")
    return "postgresql://" + rest if scheme.lower() in ("postgres", "postgresql") else url


def describe(url: str) -> str:
    """数据库服务器“host:port”上的数据库“name” — never with the password."""
    try:
        parts = urlsplit(normalised(url))
        host = parts.hostname or "本机"
        port = parts.port or 5432
    except ValueError:
        return "数据库服务器地址"
    name = unquote(parts.path.lstrip("/") or (parts.username or ""))  # libpq's %-escapes, as typed
    return f"数据库服务器“{host}:{port}”上的数据库“{name}”"


def without_password(url: str) -> str:
    """The address as it may be shown, logged or remembered."""
    try:
        parts = urlsplit(normalised(url))
    except ValueError:
        return url
    if parts.password is None:
        return normalised(url)
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return parts._replace(netloc=f"{user}@{netloc}" if user else netloc).geturl()


def busy_timeout_ms() -> int:
    return db_module.busy_timeout_ms()


class ServerDatabase(pw.PostgresqlDatabase):
    """peewee's PostgresqlDatabase, which after a lost connection (the server restarted, the network
    dropped) would keep the dead one and fail every later action too: the action that met the loss
    fails (its transaction is gone with it, so nothing is half-saved), and the next statement begun
    outside a transaction — the next action's BEGIN, a list being read — opens a new connection."""

    def cursor(self, named_cursor=None):
        conn = self._state.conn
        if (not self._state.closed and conn is not None and self.transaction_depth() == 0
                and (conn.closed or getattr(conn, "broken", False))):
            self.reconnect()
        return super().cursor(named_cursor)

    def reconnect(self) -> None:
        """Drop a lost connection (closing it cannot fail the caller) and connect again."""
        with contextlib.suppress(Exception):
            self._state.conn.close()
        self._state.reset()
        self.connect()


def peewee_psycopg() -> None:
    """Give peewee the psycopg driver that xiaoneng_desktop/__init__.py kept from it at start-up (so
    that a start on a data file does not pay for loading it); harmless when peewee already has it."""
    if getattr(pw, "psycopg", None) is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    pw.psycopg, pw.TransactionStatus, pw.Json_pg3, pw.Jsonb_pg3 = psycopg, TransactionStatus, Json, Jsonb
    adapter = pw.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN


def connect(url: str) -> pw.PostgresqlDatabase:
    """A peewee database over ``url`` (not yet connected). A connection gives up after 5 seconds, and
    a lock (another PC's save) is waited for as long as SQLite's busy timeout."""
    peewee_psycopg()
    options = f"-c lock_timeout={busy_timeout_ms()}"
    return ServerDatabase(
        normalised(url), prefer_psycopg3=True, autoconnect=True, connect_timeout=5,
        application_name="xiaoneng", options=options,
    )


def server_version(db: pw.PostgresqlDatabase) -> int:
    return int(db.execute_sql("SHOW server_version_num").fetchone()[0])


def _schema_state(db: pw.PostgresqlDatabase) -> tuple[list[str], int | None, str | None]:
    """The tables of the database's current schema, and the version and application it records."""
    tables = db.get_tables()
    if SCHEMA_TABLE not in tables:
        return tables, None, None
    row = db.execute_sql(f"SELECT application, version FROM {SCHEMA_TABLE}").fetchone()
    if row is None:
        return tables, None, None
    return tables, int(row[1]), row[0]


def _explain(url: str, exc: BaseException) -> str:
    from xiaoneng_desktop.core import errors

    return errors.describe(exc, "连接数据库", describe(url)).text


def open_server(url: str, models: Sequence[type[pw.Model]], migrations: Sequence[str | dict[str, str]], *,
                on_create: Callable[[pw.Database], None] | None,
                now: Callable[[], dt.datetime]) -> pw.PostgresqlDatabase:
    """Connect, refuse what is not ours (another program's tables, a newer schema, an old server),
    create every table in an empty database, or upgrade an older one after a backup."""
    latest = len(migrations) + 1
    where = describe(url)
    db = connect(url)
    try:
        db.connect(reuse_if_open=True)
        if server_version(db) < MIN_SERVER_VERSION:
            raise db_module.DatabaseOpenError(
                f"{where}所在的服务器版本过旧（{db.execute_sql('SHOW server_version').fetchone()[0]}），"
                f"本程序需要 PostgreSQL {MIN_SERVER_VERSION // 10000} 或更新的版本（或与之兼容的数据库）。"
            )
        tables, version, application = _schema_state(db)
        _refuse_foreign_or_newer(where, tables, version, application, latest)
        db_module.database.initialize(db)  # creating and upgrading write through the models
        if version is None:
            with WriteTransaction(db):
                # a second PC starting against the same new database waited for the lock above
                if _schema_state(db)[1] is None:
                    db.create_tables(models)
                    if on_create is not None:
                        on_create(db)
                    create_change_notices(db, [model._meta.table_name for model in models])
                    db.execute_sql(f"CREATE TABLE {SCHEMA_TABLE} (application VARCHAR(40) NOT NULL, "
                                   "version INTEGER NOT NULL)")
                    db.execute_sql(f"INSERT INTO {SCHEMA_TABLE} (application, version) VALUES (%s, %s)",
                                   (APPLICATION, latest))
        elif version < latest:
            _upgrade(db, url, version, latest, migrations, now)
    except db_module.DatabaseOpenError:
        db.close()
        raise
    except pw.DatabaseError as exc:
        _close_quietly(db)
        raise db_module.DatabaseOpenError(_explain(url, exc)) from exc
    except Exception as exc:
        # psycopg's own errors before peewee wraps them (a malformed address, a refused connection)
        if not _is_driver_error(exc):
            raise
        _close_quietly(db)
        raise db_module.DatabaseOpenError(_explain(url, exc)) from exc
    return db


def _is_driver_error(exc: BaseException) -> bool:
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and isinstance(exc, psycopg.Error)


def _close_quietly(db: pw.Database) -> None:
    with contextlib.suppress(Exception):
        db.close()


def _refuse_foreign_or_newer(where: str, tables: list[str], version: int | None, application: str | None,
                             latest: int) -> None:
    if (version is None and tables) or (application not in (None, APPLICATION)):
        raise db_module.DatabaseOpenError(
            f"{where}里已有其他程序的数据表，不是本程序的数据库，无法使用。"
            "请在服务器上为本程序新建一个空数据库，或选择本程序的数据库。"
        )
    if version is not None and version > latest:
        raise db_module.DatabaseOpenError(
            f"{where}由较新版本的机关效能管理系统创建（数据版本 {version}），"
            f"本程序只能打开数据版本 {latest} 及以下的数据库。请升级本程序后再打开。"
        )


def _upgrade(db: pw.PostgresqlDatabase, url: str, version: int, latest: int,
             migrations: Sequence[str | dict[str, str]], now: Callable[[], dt.datetime]) -> None:
    """Each step in a transaction of its own holding the write lock, after a copy of every table into
    a data file (the same copy 备份 takes) in the user's data folder."""
    from xiaoneng_desktop.core import transfer

    folder = backup_folder()
    name = urlsplit(normalised(url)).path.lstrip("/") or "server"
    transfer.backup_server(db, folder / f"{name}.v{version}-{now():%Y%m%d-%H%M%S}.bak.sqlite3")
    for step in range(version, latest):
        with WriteTransaction(db):
            current = _schema_state(db)[1]
            if current is not None and current > step:
                continue  # another PC ran this step while this one waited for the lock
            for statement in db_module.script_statements(db_module.step_script(migrations[step - 1],
                                                                                 "postgresql")):
                db.execute_sql(statement)
            db.execute_sql(f"UPDATE {SCHEMA_TABLE} SET version = %s", (step + 1,))


def backup_folder():
    """Where the copy taken before a server upgrade goes: beside the default data file."""
    from pathlib import Path

    import platformdirs

    folder = Path(platformdirs.user_data_dir("xiaoneng", appauthor=False)) / "备份"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class WriteTransaction(contextlib.ContextDecorator):
    """A transaction that takes the program's write lock first: ``BEGIN IMMEDIATE`` on a server.

    Every user action of every PC takes the same transaction-level advisory lock, so a read-then-write
    (the next 发文字号, max + 1) can never interleave with another PC's, exactly as on SQLite. Inside a
    transaction it is a savepoint (the lock is already held). Waiting is bounded by lock_timeout.
    """

    def __init__(self, db: pw.PostgresqlDatabase):
        self.db = db
        self._atomic = None

    def __enter__(self):
        self._atomic = self.db.atomic()
        entered = self._atomic.__enter__()
        if self.db.transaction_depth() == 1:
            try:
                self.db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            except BaseException:
                self._atomic.__exit__(*sys.exc_info())
                raise
        return entered

    def __exit__(self, *exc_info):
        return self._atomic.__exit__(*exc_info)


#: What a search ignores on both engines (SQLite's unicode61 tokenizer takes it for separators): spaces,
#: ASCII punctuation, general punctuation (— “ ” …), CJK punctuation (、。《》) and full-width punctuation.
IGNORED_CHARS = ("\\s!-/:-@\\[-`{-~\\u00a0-\\u00bf\\u00d7\\u00f7\\u2000-\\u206f\\u3000-\\u303f"
                 "\\uff00-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65")


def xn_pairs_sql() -> str:
    """``xn_pairs(text)``: the text without what a search ignores, as the pairs of neighbouring
    characters, space-separated, the last character alone ("石门桥" → "石门 门桥 桥")."""
    return ("CREATE OR REPLACE FUNCTION xn_pairs(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS "
            # every character doubled, the first dropped, then grouped by two: 石门桥 → 石石门门桥桥 → 石门 门桥 桥
            "$$ SELECT regexp_replace(substr(regexp_replace("
            f"regexp_replace(coalesce(value, ''), '[{IGNORED_CHARS}]+', '', 'g'), '(.)', '\\1\\1', 'g'), 2), "
            "'(..)', '\\1 ', 'g') $$")


def create_search_index(db: pw.PostgresqlDatabase, table: str, columns: Sequence[str]) -> None:
    """``<table>_search``: one tsvector per record over the pairs of neighbouring characters of its
    columns (xn_pairs), GIN-indexed, kept current by a trigger.

    A word of two characters is then one lexeme (噪音, 13: no recheck of positions), a longer one a
    phrase of its pairs (石门桥 = 石门 <-> 门桥), one character a prefix (门:*). Single characters as
    lexemes made every common character or digit a phrase recheck of tens of thousands of rows."""
    index = f"{table}_search"
    document = f" || ' {COLUMN_BREAK} ' || ".join(f"xn_pairs(NEW.{column})" for column in columns)
    db.execute_sql(xn_pairs_sql())
    db.execute_sql(f'CREATE TABLE {index} (id INTEGER PRIMARY KEY REFERENCES "{table}" (id) ON DELETE CASCADE, '
                   "doc TSVECTOR NOT NULL)")
    db.execute_sql(f"CREATE INDEX {index}_doc ON {index} USING gin (doc)")
    db.execute_sql(
        f"CREATE FUNCTION {index}_keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO {index} (id, doc) VALUES (NEW.id, to_tsvector('{TS_CONFIG}', {document})) "
        "ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc; RETURN NULL; END $$"
    )
    db.execute_sql(f'CREATE TRIGGER {index}_keep AFTER INSERT OR UPDATE ON "{table}" '
                   f"FOR EACH ROW EXECUTE PROCEDURE {index}_keep()")
    rows = document.replace("NEW.", "")
    db.execute_sql(f"INSERT INTO {index} (id, doc) SELECT id, to_tsvector('{TS_CONFIG}', {rows}) "
                   f'FROM "{table}"')


def create_change_notices(db: pw.PostgresqlDatabase, tables: Sequence[str]) -> None:
    """Every program table tells the listening PCs that it changed (core/changes.NoticeListener): a
    statement-level trigger sends ``"<table> <backend pid>"`` on the channel ``xiaoneng`` at commit.

    Made with a new server database only, not by an upgrade step: no server database has been released
    before these triggers, so every one there is was created with them (no schema version change)."""
    from xiaoneng_desktop.core import changes

    db.execute_sql(
        "CREATE OR REPLACE FUNCTION xn_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_notify('{changes.CHANNEL}', TG_TABLE_NAME || ' ' || pg_backend_pid()); "
        "RETURN NULL; END $$"
    )
    for table in tables:
        db.execute_sql(f'CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                       "FOR EACH STATEMENT EXECUTE PROCEDURE xn_notify()")


@functools.cache
def _ignored() -> re.Pattern:
    """The characters create_search_index leaves out of the search document."""
    return re.compile(f"[{IGNORED_CHARS.replace(chr(92) * 2, chr(92))}]+")


def search_pairs(word: str) -> str | None:
    """A word as create_search_index stores text: its pairs of neighbouring characters (the last one
    not alone), or None when it has fewer than two characters left."""
    kept = _ignored().sub("", word)
    if len(kept) < 2:
        return None
    return " ".join(kept[i:i + 2] for i in range(len(kept) - 1))


def word_query(word: str) -> pw.Node | None:
    """The tsquery of one word: a phrase of its pairs, or a prefix for one character; None if nothing
    is left of it (punctuation only)."""
    pairs = search_pairs(word)
    if pairs is not None:
        return pw.fn.phraseto_tsquery(pw.SQL(f"'{TS_CONFIG}'"), pairs)
    kept = _ignored().sub("", word)
    if not kept:
        return None
    return pw.fn.to_tsquery(pw.SQL(f"'{TS_CONFIG}'"), "'" + kept.replace("'", "''").replace("\\", "\\\\") + "':*")


def search_matches(model: type[pw.Model], words: Sequence[str]) -> pw.Node:
    """The ids of ``model``'s records whose search document holds every word."""
    index = pw.Table(f"{model._meta.table_name}_search", ("id", "doc"))
    parts = [part for part in (word_query(word) for word in words) if part is not None]
    if not parts:
        return index.select(index.id).where(pw.SQL("FALSE"))
    joined: list[pw.Node] = []
    for part in parts:
        joined += [pw.SQL("&&"), part] if joined else [part]
    return index.select(index.id).where(pw.NodeList((index.doc, pw.SQL("@@"), pw.NodeList(joined, parens=True))))


def integrity_problem(url: str) -> str | None:
    """On a connection of its own: the database is reachable and still records our schema."""
    db = connect(url)
    try:
        db.connect()
        _tables, version, application = _schema_state(db)
        if version is None or application != APPLICATION:
            return f"{describe(url)}中找不到本程序的数据表（可能已被清空或换成了其他数据库），请检查服务器。"
        return None
    except Exception as exc:
        if not (_is_driver_error(exc) or isinstance(exc, pw.DatabaseError)):
            raise
        return _explain(url, exc)
    finally:
        _close_quietly(db)


def probe(url: str, latest: int) -> str:
    """测试连接: connect on a connection of its own, and refuse what open_server would refuse (an old
    server, another program's tables, a newer schema) without writing anything. Returns what was
    found, in Chinese; raises DatabaseOpenError with the cause otherwise."""
    where = describe(url)
    db = connect(url)
    try:
        db.connect()
        if server_version(db) < MIN_SERVER_VERSION:
            raise db_module.DatabaseOpenError(
                f"{where}所在的服务器版本过旧（{db.execute_sql('SHOW server_version').fetchone()[0]}），"
                f"本程序需要 PostgreSQL {MIN_SERVER_VERSION // 10000} 或更新的版本（或与之兼容的数据库）。"
            )
        tables, version, application = _schema_state(db)
        _refuse_foreign_or_newer(where, tables, version, application, latest)
    except db_module.DatabaseOpenError:
        raise
    except Exception as exc:
        if not (_is_driver_error(exc) or isinstance(exc, pw.DatabaseError)):
            raise
        raise db_module.DatabaseOpenError(_explain(url, exc)) from exc
    finally:
        _close_quietly(db)
    if version is None:
        return f"连接成功：{where}是空的，连接后将在其中建立本程序的数据表。"
    if version < latest:
        return f"连接成功：{where}是本程序的数据库（数据版本 {version}），连接后将先备份再升级到版本 {latest}。"
    return f"连接成功：{where}是本程序的数据库。"
