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
import sys
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

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
    name = parts.path.lstrip("/") or (parts.username or "")
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
    return pw.PostgresqlDatabase(
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


def xn_chars_sql() -> str:
    """The server's twin of core.db.fts_chars: a space after every character that is not a space."""
    return ("CREATE OR REPLACE FUNCTION xn_chars(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS "
            "$$ SELECT regexp_replace(coalesce(value, ''), '(\\S)', '\\1 ', 'g') $$")


def create_search_index(db: pw.PostgresqlDatabase, table: str, columns: Sequence[str]) -> None:
    """``<table>_search``: one tsvector per record over its characters (fts_chars), GIN-indexed, kept
    current by a trigger; a search is a phrase query, so any run of characters is found by the index."""
    index = f"{table}_search"
    document = f" || ' {COLUMN_BREAK} ' || ".join(f"xn_chars(NEW.{column})" for column in columns)
    db.execute_sql(xn_chars_sql())
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


def search_matches(model: type[pw.Model], phrases: Sequence[str]) -> pw.Node:
    """The ids of ``model``'s records whose search document holds every phrase (characters apart)."""
    index = pw.Table(f"{model._meta.table_name}_search", ("id", "doc"))
    query = None
    for phrase in phrases:
        part = pw.fn.phraseto_tsquery(pw.SQL(f"'{TS_CONFIG}'"), phrase)
        query = part if query is None else pw.NodeList((query, pw.SQL("&&"), part))
    return index.select(index.id).where(pw.NodeList((index.doc, pw.SQL("@@"), query)))


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
