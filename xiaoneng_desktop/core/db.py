"""The database: the one SQLite file (the default), or a PostgreSQL server database shared by an
office's PCs; opening either safely, schema version and ordered migrations.

Everything that differs between the two engines sits here (and in core/server.py, which only this
module imports): opening, the write lock, the search index, upgrades, the integrity check, the
backup. Models, services, figures and reports are the same code on both.

On SQLite the schema version lives in ``PRAGMA user_version`` and the file is marked as ours with
``PRAGMA application_id``; on a server both live in the table ``xiaoneng_schema``. A new database gets
every table at once; an older one is first copied, then upgraded one small step at a time
(calibre's schema_upgrades habit): each step is frozen SQL text, one transaction per step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import peewee as pw

from xiaoneng_desktop.core import errors
from xiaoneng_desktop.core.files import write_atomically
from xiaoneng_desktop.core.targets import is_server

#: Marks a SQLite file as written by this program ("XNXT" as a big-endian integer).
APPLICATION_ID = 0x584E5854
SQLITE_HEADER = b"SQLite format 3\x00"

database = pw.DatabaseProxy()

#: What a new file needs beyond its models' tables (search indexes, built-in data).
OnCreate = Callable[[pw.SqliteDatabase], None]


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Versioned:
    """Mixin for the records two PCs may edit at once (call, document, visit, problem, campaign,
    duty_shift): every UPDATE of such a row adds one to its ``version`` column (schema 9), whatever
    code path runs it — ``save()`` of an instance and ``Model.update(...).where(...)`` alike — unless
    the caller sets ``version`` itself. An edit form remembers the version it loaded and saves only
    over that one (core.conflicts). The mixin declares no field: the model keeps its own ``version``."""

    @classmethod
    def update(cls, __data=None, **update):
        data = cls._normalize_data(__data, update)
        if cls.version not in data and "version" not in data:
            data[cls.version] = cls.version + 1
        return pw.ModelUpdate(cls, data)

    def save(self, force_insert=False, only=None):
        if self._pk is None or force_insert:
            return super().save(force_insert=force_insert, only=only)
        # The stored version is bumped by update() (version = version + 1), never written back from
        # the instance, which may hold a stale number; the instance then reads the new one.
        fields = self._meta.sorted_fields if only is None else only
        fields = [field for field in fields
                  if (field if isinstance(field, str) else field.name) != "version"]
        rows = super().save(only=fields)
        if rows:
            model = type(self)
            self.version = model.select(model.version).where(self._pk_expr()).scalar()
            self._dirty.discard("version")
        return rows


class DatabaseOpenError(Exception):
    """The file cannot be used; the message is for the user, in Chinese."""


def on_server(db: pw.Database | None = None) -> bool:
    """True when ``db`` (default: the open database) is a server database."""
    db = database.obj if db is None else db
    return isinstance(db, pw.PostgresqlDatabase)


def probe_server(url: str, latest: int) -> str:
    """测试连接 without opening: what the server database holds (Chinese), or DatabaseOpenError."""
    from xiaoneng_desktop.core import server

    return server.probe(url, latest)


def fts_chars(text: str | None) -> str:
    """Every character its own token, so that an FTS5 phrase is a substring match — Chinese
    has no spaces, and two-character words (噪音) are too short for SQLite's trigram tokenizer."""
    return " ".join(_SPACES.sub("", text or ""))  # re's \s is str.isspace, without a loop per character


_SPACES = re.compile(r"\s+")


#: How long a write waits for another program's write to finish before it gives up (milliseconds).
BUSY_TIMEOUT_MS = 5000
#: Overrides BUSY_TIMEOUT_MS (a connection pragma, needed before any setting can be read).
BUSY_TIMEOUT_ENV = "XIAONENG_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    """$XIAONENG_BUSY_TIMEOUT_MS if it is a whole number of milliseconds, else 5 s."""
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, "")))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _connect(path: Path) -> pw.SqliteDatabase:
    db = pw.SqliteDatabase(
        str(path),
        pragmas={
            "journal_mode": "wal",
            "synchronous": 2,  # FULL: a committed record survives a power cut
            "foreign_keys": 1,
            "busy_timeout": busy_timeout_ms(),
        },
        # Writes go through atomic(), which takes the write lock at BEGIN (see there).
        autoconnect=True,
    )
    # The search index's triggers call it, so every connection of the program has it.
    db.register_function(fts_chars, "xn_chars", 1, deterministic=True)
    return db


def _open_here(path: Path) -> bool:
    """True when this process has ``path`` open as its data file. Its header is then not read again:
    closing any descriptor of a file drops all of the process's POSIX locks on it, and another process
    would then checkpoint and delete the -wal/-shm files under the open connection."""
    current = database.obj
    if current is None or current.is_closed():
        return False
    try:
        return Path(current.database).samefile(path)
    except OSError:
        return False


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        raise DatabaseOpenError(f"没有权限读取数据文件：{path}") from exc
    except OSError as exc:
        raise DatabaseOpenError(f"无法读取数据文件：{path}（{exc.strerror or exc}）") from exc
    if not head:
        # SQLite would take a 0-byte file for a new database and fill it: refuse it unchanged instead.
        raise DatabaseOpenError(f"数据文件“{path}”是空的（0 字节），不是本程序的数据文件，无法打开。"
                                "请确认选择的是本程序的数据文件（.sqlite3），或从备份恢复。")
    if head != SQLITE_HEADER:
        raise DatabaseOpenError(f"“{path}”不是数据库文件，无法打开。请确认选择的是本程序的数据文件（.sqlite3）。")


def _probe(path: Path, latest: int) -> None:
    """Refuse another program's database, or one from a newer version, before anything writes to it:
    the program's own connection switches the file to WAL and creates tables, so this look is
    read-only (and sees a WAL file's latest state too)."""
    try:
        probe = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(_explain(path, exc)) from exc
    try:
        app_id = probe.execute("PRAGMA application_id").fetchone()[0]
        version = probe.execute("PRAGMA user_version").fetchone()[0]
        has_tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    except sqlite3.Error as exc:
        raise DatabaseOpenError(_explain(path, exc)) from exc
    finally:
        probe.close()
    _refuse_foreign_or_newer(path, app_id, has_tables, version, latest)


def _refuse_foreign_or_newer(path: Path, app_id: int, has_tables: bool, version: int, latest: int) -> None:
    """Another program's database (its own application id, or tables without ours), or a file written
    by a newer version of this program, is refused as it is."""
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and has_tables):
        raise DatabaseOpenError(f"“{path}”是其他程序的数据库，不是本程序的数据文件，无法打开。")
    if version > latest:
        raise DatabaseOpenError(
            f"数据文件“{path}”由较新版本的机关效能管理系统创建（数据版本 {version}），"
            f"本程序只能打开数据版本 {latest} 及以下的文件。请升级本程序后再打开。"
        )


def open_database(
    path: Path | str,
    models: Sequence[type[pw.Model]],
    migrations: Sequence[str],
    *,
    on_create: OnCreate | None = None,
    now: Callable[[], dt.datetime] = dt.datetime.now,
    quick_check: bool = True,
) -> pw.SqliteDatabase:
    """Open (creating or upgrading) the data file and bind every model to it.

    ``migrations[i]`` is the SQL script that upgrades a file of version i+1 to version i+2 (see
    run_script); version 1 is the first schema, so the program's schema version is ``len(migrations) + 1``. ``quick_check=False`` leaves the
    whole-file check to the caller (the window runs ``integrity_problem`` once it is painted: on ten
    years of data the check reads 100+ MB).
    Raises DatabaseOpenError with a Chinese message for anything the user must be told.
    ``path`` may also be a server address (``postgresql://…``, see core/server.py).
    """
    if is_server(path):
        from xiaoneng_desktop.core import server

        db = server.open_server(str(path), models, migrations, on_create=on_create, now=now)
        database.initialize(db)
        return db
    path = Path(path)
    latest = len(migrations) + 1
    if path.exists():
        if path.is_dir():
            raise DatabaseOpenError(f"“{path}”是一个文件夹，不是数据文件。")
        if not _open_here(path):  # this process's own open file passed these checks when it was opened
            _check_header(path)
            _probe(path, latest)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            create_private(path)  # readable by its owner only; SQLite keeps the mode of a file it finds
        except OSError as exc:
            raise DatabaseOpenError(f"无法创建数据文件所在的文件夹：{path.parent}（{exc.strerror or exc}）") from exc

    db = _connect(path)
    try:
        db.connect(reuse_if_open=True)
        if quick_check:
            problem = _quick_check(db, path)
            if problem:
                raise DatabaseOpenError(problem)
        version = db.execute_sql("PRAGMA user_version").fetchone()[0]
        app_id = db.execute_sql("PRAGMA application_id").fetchone()[0]
        tables = db.get_tables()
        _refuse_foreign_or_newer(path, app_id, bool(tables), version, latest)
        database.initialize(db)
        # Another process may be creating or upgrading the same file: each write re-reads, holding
        # the write lock, whether it is still to be done (as core/server does on a server).
        if not tables:
            with db.atomic(lock_type="IMMEDIATE"):
                if not db.get_tables():
                    db.create_tables(models)
                    if on_create is not None:
                        on_create(db)  # what models cannot declare: search indexes and their triggers
                    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                    db.execute_sql(f"PRAGMA user_version = {latest}")
        elif version < latest:
            backup_database(db, path.with_name(f"{path.stem}.v{version}-{now():%Y%m%d-%H%M%S}.bak.sqlite3"))
            for step in range(version, latest):
                with db.atomic(lock_type="IMMEDIATE"):
                    if db.execute_sql("PRAGMA user_version").fetchone()[0] > step:
                        continue  # another process ran this step while this one waited for the lock
                    run_script(db, migrations[step - 1])
                    db.execute_sql(f"PRAGMA user_version = {step + 1}")
    except DatabaseOpenError:
        db.close()
        raise
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DatabaseOpenError(_explain(path, exc)) from exc
    except pw.DatabaseError as exc:
        db.close()
        raise DatabaseOpenError(_explain(path, exc)) from exc
    return db


def script_statements(script: str) -> list[str]:
    """The statements of an SQL script, each ending at the end of a line (a trigger's body is one)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"SQL script ends inside a statement: {pending.strip()[:80]}")
    return statements


def step_script(step: str | dict[str, str], engine: str) -> str:
    """An upgrade step's SQL for ``engine`` ("sqlite" or "postgresql"): one text for both, or a dict
    of the two where their dialects differ."""
    return step if isinstance(step, str) else step[engine]


def run_script(db: pw.SqliteDatabase, script: str) -> None:
    """Run an upgrade step statement by statement inside the caller's transaction
    (sqlite3's executescript would commit first, so a failed step could leave half its tables)."""
    for statement in script_statements(script):
        db.execute_sql(statement)


def _quick_check(db: pw.SqliteDatabase, path: Path) -> str | None:
    check = db.execute_sql("PRAGMA quick_check").fetchone()[0]
    if check == "ok":
        return None
    return f"数据文件“{path}”已损坏（完整性检查未通过），请从备份恢复。\n检查结果：{check}"


def integrity_problem(path: Path | str) -> str | None:
    """PRAGMA quick_check on a connection of its own (any thread): a Chinese message, or None if sound.
    A server keeps its own pages sound; its check is that the database is still ours and readable."""
    if is_server(path):
        from xiaoneng_desktop.core import server

        return server.integrity_problem(str(path))
    path = Path(path)
    check_db = pw.SqliteDatabase(str(path), pragmas={"query_only": 1, "busy_timeout": busy_timeout_ms()})
    try:
        check_db.connect()
        return _quick_check(check_db, path)
    except (sqlite3.DatabaseError, pw.DatabaseError) as exc:
        return _explain(path, exc)
    finally:
        check_db.close()


def _explain(path: Path, exc: Exception) -> str:
    """The user's message for a failed open, by SQLite error code (core/errors; a bug is logged there)."""
    return errors.describe(exc, "打开数据文件", f"数据文件“{path}”").text


#: The files SQLite keeps beside a data file while it is in use (WAL mode, or a rollback journal).
SIBLING_SUFFIXES = ("-wal", "-shm", "-journal")


#: New data files and backups are readable by their owner only (on Linux; Windows ignores it).
PRIVATE_MODE = 0o600


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (SQLite takes an empty file as a new database)."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE))


def _same_path(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)  # also through a link, a mapped drive or another spelling
        a, b = a.resolve(), b.resolve()
    except OSError:
        pass
    return os.path.normcase(str(a.absolute())) == os.path.normcase(str(b.absolute()))


def is_data_file_or_sibling(db_path: Path | str, target: Path | str) -> bool:
    """True if ``target`` is the data file itself or its -wal/-shm/-journal file: writing a copy
    there would destroy the very data being copied."""
    db_path, target = Path(db_path), Path(target)
    candidates = [db_path] + [db_path.with_name(db_path.name + suffix) for suffix in SIBLING_SUFFIXES]
    return any(_same_path(candidate, target) for candidate in candidates)


def backup_database(db: pw.SqliteDatabase, destination: Path | str) -> Path:
    """Copy the open database to ``destination`` with SQLite's online backup API (safe while in use).

    Uses the calling thread's own connection, so it may run in a worker. The copy is written to a
    hidden partial file beside it (core.files) and moved onto ``destination`` only once complete: a
    failed backup leaves no half file under the real name, and a file it replaces survives until then.
    A server database is copied table by table into a new data file (core.transfer.backup_server).
    """
    destination = Path(destination)
    if on_server(db):
        from xiaoneng_desktop.core import transfer

        return transfer.backup_server(db, destination)
    if is_data_file_or_sibling(db.database, destination):
        raise ValueError(f"refusing to back the data file up onto itself: {destination}")

    def copy(partial: Path) -> None:
        partial.unlink(missing_ok=True)  # left by an earlier attempt that was cut off
        create_private(partial)
        target = sqlite3.connect(str(partial))
        try:
            db.connection().backup(target)
        finally:
            target.close()

    write_atomically(destination, copy)
    return destination


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


def atomic(immediate: bool = True):
    """One user action = one transaction, which takes the write lock at BEGIN (BEGIN IMMEDIATE).

    A deferred transaction that reads first and writes later cannot wait for another program's
    write: SQLite refuses to upgrade it at once ("database is locked" after ~2 ms) rather than run
    the busy handler. BEGIN IMMEDIATE waits up to the busy timeout instead. ``immediate=False`` is
    for a transaction that only reads (a consistent snapshot). Inside a transaction this is a
    savepoint, whatever ``immediate`` says.
    """
    if immediate and isinstance(database.obj, pw.SqliteDatabase):
        return database.obj.atomic(lock_type="IMMEDIATE")
    if immediate and on_server():
        from xiaoneng_desktop.core import server

        return server.WriteTransaction(database.obj)
    return database.atomic()


def insert_returning_ids(model: type[pw.Model], names: Sequence[str], rows: Sequence[tuple],
                         batch: int = 500) -> list[int]:
    """Insert ``rows`` (tuples of the fields ``names``, in that order) in multi-row statements; the new
    ids in order. A field not named gets its default, as peewee would give it.

    A server returns the ids (INSERT … RETURNING); SQLite gives a multi-row INSERT consecutive rowids
    inside the write transaction, checked by the largest id before and after each statement. On
    SQLite the rows' search index entries are written here too (see _bulk_search_index)."""
    fields = [model._meta.fields[name] for name in names]
    defaulted = [field for field in model._meta.sorted_fields if field.name not in names and field.default is not None]
    fields += defaulted
    batch = max_insert_rows(len(fields), batch)

    def batches():
        for start in range(0, len(rows), batch):
            chunk = rows[start:start + batch]
            yield [(*row, *(field_default(field) for field in defaulted)) for row in chunk] if defaulted else chunk

    ids: list[int] = []
    with _bulk_search_index(model, fields) as index:
        for chunk in batches():
            params = _stored_values(fields, chunk)
            if on_server():
                ids.extend(row[0] for row in _insert_many(model, fields, len(chunk), params, returning=True))
                continue
            before = model.select(pw.fn.MAX(model.id)).scalar() or 0
            _insert_many(model, fields, len(chunk), params)
            after = model.select(pw.fn.MAX(model.id)).scalar() or 0
            if after - before != len(chunk):
                raise RuntimeError("批量写入的记录编号不连续")
            ids.extend(range(before + 1, after + 1))
        # after the rows, not between their statements: the table's pages and the index's would take
        # turns in SQLite's page cache (the rows' statements took twice as long)
        for start, chunk in zip(range(0, len(ids), batch), batches(), strict=True) if index else ():
            index(ids[start:start + batch], chunk)
    return ids


def field_default(field: pw.Field):
    """What peewee stores for a field a new row leaves out."""
    return field.default() if callable(field.default) else field.default


def _stored_values(fields: Sequence[pw.Field], rows: Sequence[tuple]) -> list:
    """The rows' values, one after another, as the fields' db_value gives them to the driver; a value
    that db_value would give back as it is skips the call (2.5 million of them in ten years of calls)."""
    plan = [(_STORED_AS_IS.get(type(field), ()), field.db_value) for field in fields]
    return [value if value is None or type(value) in as_is else db_value(value)
            for row in rows for value, (as_is, db_value) in zip(row, plan, strict=True)]


def _insert_many(model: type[pw.Model], fields: Sequence[pw.Field], count: int, params: list, *,
                 returning: bool = False):
    """``model.insert_many`` of ``count`` rows with the SQL written once: peewee builds a node per
    value (a third of a 100,000-row import)."""
    db = model._meta.database
    one = "(" + ", ".join(db.param for _ in fields) + ")"
    columns = ", ".join(f'"{field.column_name}"' for field in fields)  # SQL's quotes: both engines
    sql = (f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ' + ", ".join([one] * count)
           + (' RETURNING "id"' if returning else ""))
    cursor = db.execute_sql(sql, params)
    return cursor.fetchall() if returning else None


@contextlib.contextmanager
def _bulk_search_index(model: type[pw.Model], fields: Sequence[pw.Field]):
    """Within the block, in the caller's write transaction: ``index(ids, rows)`` writes the search
    index entries of rows just inserted (their ids; their tuples of ``fields``) in place of the
    table's insert trigger, which runs a trigger program and asks Python for each column of each row
    (xn_chars): 870,000 calls for ten years of calls. The trigger is taken out and put back as it
    was, in the same transaction: no other connection ever sees the table without it. ``index`` is
    None on a server, or for a table without a search index: the engine indexes as always."""
    table = model._meta.table_name
    trigger = f"{table}_search_ai"
    found = None if on_server() else database.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)).fetchone()
    if found is None:
        yield None
        return
    if not database.in_transaction():
        raise RuntimeError("写入检索索引须在事务中进行")
    # the index's own columns (PRAGMA table_info of the FTS5 table), each valued as the trigger values it
    columns = [row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}_search")')]
    by_column = {field.column_name: place for place, field in enumerate(fields)}
    plan = []
    for column in columns:
        field = model._meta.columns[column]
        if column in by_column:
            plan.append((by_column[column], _STORED_AS_IS.get(type(field), ()), field.db_value, None))
        else:  # a column the rows leave out: its default, the same in every row
            plan.append((None, (), None, fts_chars(field.db_value(field_default(field)))))
    insert = f'INSERT INTO "{table}_search" (rowid, {", ".join(columns)}) VALUES (?{", ?" * len(columns)})'

    def index(ids: Sequence[int], rows: Sequence[tuple]) -> None:
        # the transaction's own connection: peewee's execute_sql has no executemany
        database.connection().executemany(insert, [
            (row_id, *[fixed if place is None else fts_chars(value if (value := row[place]) is None
                                                             or type(value) in as_is else db_value(value))
                       for place, as_is, db_value, fixed in plan])
            for row_id, row in zip(ids, rows, strict=True)])

    database.execute_sql(f'DROP TRIGGER "{trigger}"')
    hash_size = _fts_hash_size(table, BULK_FTS_HASH_BYTES)
    try:
        yield index
    finally:
        # as it was, unless a failed statement has already rolled the transaction (and the drop) back
        if database.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                (trigger,)).fetchone() is None:
            database.execute_sql(found[0])
        if hash_size is not None:
            _fts_hash_size(table, hash_size)


#: FTS5 keeps a transaction's new index entries in memory up to this much before it writes them out as
#: a segment (its default is 1 MB): ten years of calls then make a few large segments instead of
#: hundreds that it merges again and again — their indexing took 0.8–0.9 s instead of 1.3–1.9 s.
BULK_FTS_HASH_BYTES = 8 * 1024 * 1024


def _fts_hash_size(table: str, size: int) -> int | None:
    """Set the ``<table>_search`` index's in-memory size for new entries (its 'hashsize' option); the
    size before, or None where this SQLite lacks the option (it is only an optimisation)."""
    index = f"{table}_search"
    row = database.execute_sql(f"SELECT v FROM \"{index}_config\" WHERE k = 'hashsize'").fetchone()
    try:
        database.execute_sql(f'INSERT INTO "{index}" ("{index}", rank) VALUES (\'hashsize\', ?)', (size,))
    except pw.OperationalError:
        return None
    return int(row[0]) if row else 1024 * 1024  # FTS5's own default


#: A peewee field → the types of value its db_value gives back unchanged (its adapt keeps them as they are).
_STORED_AS_IS: dict[type, tuple[type, ...]] = {
    pw.CharField: (str,), pw.TextField: (str,), pw.DateTimeField: (dt.datetime,), pw.DateField: (dt.date,),
    pw.IntegerField: (int,), pw.BooleanField: (bool,), pw.ForeignKeyField: (int,), pw.AutoField: (int,),
}


def ids_written(*models: type[pw.Model]) -> None:
    """After rows were written with ids of their own: a server's id sequence moves past the largest
    (SQLite's next rowid is always past it by itself)."""
    if not on_server():
        return
    for model in models:
        table = model._meta.table_name
        database.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                             f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)')


def max_insert_rows(columns: int, wanted: int = 500) -> int:
    """How many rows one multi-row INSERT of ``columns`` values a row may carry: SQLite before 3.32
    takes at most 999 values per statement (old system Pythons on UOS/Kylin); a server 65535."""
    if on_server():
        return max(1, min(wanted, 65535 // max(1, columns)))
    if sqlite3.sqlite_version_info >= (3, 32, 0):
        return wanted
    return max(1, 999 // max(1, columns))


def data_version() -> int | None:
    """A number that changes when another connection commits (SQLite's PRAGMA data_version), or None
    where the engine cannot tell cheaply (a server: core/changes listens for its notices instead)."""
    if on_server():
        return None
    return database.execute_sql("PRAGMA data_version").fetchone()[0]


def create_search_index(db: pw.SqliteDatabase, table: str, columns: Sequence[str]) -> None:
    """A full-text index ``<table>_search`` over ``columns``, kept current by triggers.

    Contentless FTS5 over fts_chars(column): a search for any run of characters is an indexed
    phrase query instead of a LIKE over every row (110,000 calls: ~110 ms → ~8 ms).
    """
    if on_server(db):
        from xiaoneng_desktop.core import server

        server.create_search_index(db, table, columns)
        return
    index = f"{table}_search"
    names = ", ".join(columns)
    new = ", ".join(f"xn_chars(NEW.{c})" for c in columns)
    old = ", ".join(f"xn_chars(OLD.{c})" for c in columns)
    db.execute_sql(f"CREATE VIRTUAL TABLE {index} USING fts5({names}, content='', "
                   "tokenize='unicode61 remove_diacritics 0')")
    db.execute_sql(f"INSERT INTO {index}(rowid, {names}) SELECT id, "
                   + ", ".join(f"xn_chars({c})" for c in columns) + f" FROM {table}")
    db.execute_sql(f"CREATE TRIGGER {index}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {index}(rowid, {names}) VALUES (NEW.id, {new}); END")
    db.execute_sql(f"CREATE TRIGGER {index}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {index}({index}, rowid, {names}) VALUES ('delete', OLD.id, {old}); END")
    db.execute_sql(f"CREATE TRIGGER {index}_au AFTER UPDATE ON {table} BEGIN "
                   f"INSERT INTO {index}({index}, rowid, {names}) VALUES ('delete', OLD.id, {old}); "
                   f"INSERT INTO {index}(rowid, {names}) VALUES (NEW.id, {new}); END")


def search_index_matches(model: type[pw.Model], text: str) -> pw.Expression:
    """``model.id`` among the rows whose indexed columns contain ``text`` (see create_search_index).
    Several words (separated by spaces) mean all of them, anywhere in the row: "石门桥 养殖"."""
    words = [word for word in text.split() if any(char.isalnum() for char in word)] or [text]  # 、 is no word
    if on_server():
        from xiaoneng_desktop.core import server

        return model._meta.primary_key.in_(server.search_matches(model, words))
    query = " AND ".join('"' + fts_chars(word).replace('"', '""') + '"' for word in words)
    index = pw.Table(f"{model._meta.table_name}_search")
    matching = index.select(pw.SQL("rowid")).where(pw.SQL(f"{index._path[0]} MATCH ?", [query]))
    # "+ 0" keeps SQLite walking the list's own index (newest first) instead of sorting every match.
    return (model._meta.primary_key + 0).in_(matching)


def escape_like(text: str) -> str:
    """A LIKE pattern that matches ``text`` literally anywhere (``%``, ``_`` and ``\\`` escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(field: pw.Field | pw.Node, text: str) -> pw.Expression:
    """``field LIKE %text% ESCAPE '\\'`` — portable, literal substring match."""
    # ILIKE: peewee turns it into SQLite's (ASCII case-insensitive) LIKE, and plain LIKE into GLOB.
    return pw.Expression(field, pw.OP.ILIKE, pw.NodeList((escape_like(text), pw.SQL("ESCAPE '\\'"))))
