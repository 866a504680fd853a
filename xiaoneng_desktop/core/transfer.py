"""Moving an office between engines, and the backup of a server database.

Every table of the program is copied row by row (in batches) from one open database to another —
SQLite file → PostgreSQL server (迁移), server → file (带回家的副本, the server's 备份), a backup file →
server (恢复). The copy is one transaction on the target, holding the program's write lock
(``BEGIN IMMEDIATE`` on a file, the advisory lock on a server). Ids are kept as they are; on a server
each table's id sequence is then moved past the largest id, so the next record gets a fresh one. The
search indexes are not copied: the target's own triggers fill them as the rows go in.

The target must be empty. A database opened with schema.open_database already holds the built-in
data a new database gets (the built-in check-point template, schema.PRESET_MODELS): those rows are
deleted in the copy's transaction and the source's own are copied instead (the source has them too,
perhaps edited), so ids match. Any other row — or a template that is not the built-in one — makes the
target "not empty" and the copy is refused before anything is written.

core may not import ``schema`` (it names the registers): schema.py describes the program here once at
import with ``describe_program`` (its tables, the preset tables, how to open a database and the
month's figures the reports give).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core.files import write_atomically

#: Rows per INSERT (and per read of the source), at most...
BATCH = 2000
#: ...and at most this many values in one statement (PostgreSQL's protocol takes 65535 parameters,
#: SQLite since 3.32 32766; the call table has 30+ columns).
MAX_PARAMETERS = 30000

#: progress(table, rows copied of the table so far, rows of the table)
Progress = Callable[[str, int, int], None]


class TransferError(Exception):
    """A copy that cannot be done or did not verify; the message is for the user, in Chinese."""


@dataclass
class Program:
    models: Sequence[type[pw.Model]]
    presets: Sequence[type[pw.Model]]
    open_database: Callable[[Path | str], pw.Database]
    #: The month's figures as the reports compute them, on the database the models are bound to.
    month_figures: Callable[[int, int], object] | None = None
    titles: dict[str, str] | None = None


_program: list[Program] = []


def describe_program(program: Program) -> None:
    """Called by schema.py at import."""
    _program[:] = [program]


def program() -> Program:
    if not _program:  # pragma: no cover - schema.py is imported before any database is opened
        import importlib

        importlib.import_module("xiaoneng_desktop.schema")
    return _program[0]


def table_title(table: str) -> str:
    titles = program().titles or {}
    return f"{titles[table]}（{table}）" if table in titles else table


# ---------------------------------------------------------------------- the copy


def _write_lock(target: pw.Database):
    if db_module.on_server(target):
        from xiaoneng_desktop.core import server

        return server.WriteTransaction(target)
    return target.atomic(lock_type="IMMEDIATE")


def _read_snapshot(source: pw.Database):
    """A consistent view of the source for the whole copy."""
    if source.transaction_depth() > 0:
        return contextlib.nullcontext()
    if db_module.on_server(source):
        return source.atomic(isolation_level="REPEATABLE READ")
    return source.atomic()  # a deferred SQLite transaction: one snapshot, no write lock


def _count(model: type[pw.Model], database: pw.Database) -> int:
    return model.select().bind(database).count()


def _has_table(model: type[pw.Model], database: pw.Database, tables: set[str]) -> bool:
    return model._meta.table_name in tables


def user_rows(database: pw.Database) -> list[str]:
    """The tables of ``database`` holding user data (not what a new database comes with), in words."""
    prog = program()
    found = []
    tables = set(database.get_tables())
    for model in prog.models:
        if not _has_table(model, database, tables):
            continue
        if model in prog.presets:
            builtin = model._meta.fields.get("builtin")
            if builtin is not None and model.select().where(builtin == False).bind(database).exists():  # noqa: E712
                found.append(table_title(model._meta.table_name))
            continue
        if model.select().bind(database).exists():
            found.append(table_title(model._meta.table_name))
    return found


def refuse_non_empty(target: pw.Database, where: str) -> None:
    found = user_rows(target)
    if found:
        raise TransferError(f"{where}中已有数据（{'、'.join(found[:5])}{'等' if len(found) > 5 else ''}），"
                            "只能复制到空的数据库，以免与已有数据混在一起。请指定一个新建的空数据库或新文件。")


def _source_fields(model: type[pw.Model], source: pw.Database) -> list[pw.Field]:
    """The model's columns the source has (an older server being backed up before its upgrade may
    lack a newer column: the target's default fills it)."""
    names = {column.name for column in source.get_columns(model._meta.table_name)}
    return [field for field in model._meta.sorted_fields if field.column_name in names]


def _batches(model: type[pw.Model], fields: list[pw.Field], source: pw.Database):
    size = max(1, min(BATCH, MAX_PARAMETERS // max(1, len(fields))))
    key = model._meta.primary_key
    if isinstance(key, pw.CompositeKey):
        order = [model._meta.fields[name] for name in key.field_names]
        offset = 0
        while True:
            rows = list(model.select(*fields).order_by(*order).limit(size).offset(offset).bind(source).tuples())
            if not rows:
                return
            yield rows
            offset += len(rows)
    position = fields.index(key)
    last = None
    while True:
        query = model.select(*fields).order_by(key).limit(size)
        if last is not None:
            query = query.where(key > last)
        rows = list(query.bind(source).tuples())
        if not rows:
            return
        yield rows
        last = rows[-1][position]


def _reset_sequences(target: pw.Database, models: Sequence[type[pw.Model]]) -> None:
    for model in models:
        if isinstance(model._meta.primary_key, pw.AutoField):
            table, column = model._meta.table_name, model._meta.primary_key.column_name
            target.execute_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
                f'COALESCE(MAX("{column}"), 1), MAX("{column}") IS NOT NULL) FROM "{table}"'
            )


def _copy_rows(source: pw.Database, target: pw.Database, progress: Progress | None) -> dict[str, int]:
    """Every table's rows, in the caller's transaction on ``target`` (already emptied)."""
    prog = program()
    copied: dict[str, int] = {}
    source_tables = set(source.get_tables())
    if not db_module.on_server(target):
        target.execute_sql("PRAGMA defer_foreign_keys = ON")  # a row may point at a later one of its table
    for model in prog.models:
        table = model._meta.table_name
        if table not in source_tables:
            copied[table] = 0
            continue
        fields = _source_fields(model, source)
        total = _count(model, source)
        done = 0
        if progress is not None:
            progress(table, 0, total)
        for rows in _batches(model, fields, source):
            model.insert_many(rows, fields=fields).as_rowcount().bind(target).execute()
            done += len(rows)
            if progress is not None:
                progress(table, done, total)
        copied[table] = done
    if db_module.on_server(target):
        _reset_sequences(target, prog.models)
    return copied


def _delete_presets(target: pw.Database) -> None:
    for model in reversed(list(program().presets)):
        model.delete().bind(target).execute()


def copy_all(source_db: pw.Database, target_db: pw.Database, progress: Progress | None = None,
             *, where: str = "目标数据库") -> dict[str, int]:
    """Copy every table of the program from ``source_db`` into the empty ``target_db`` (both open, of
    the same schema version); returns the rows copied per table. Refuses a target holding user data
    (TransferError). One transaction on the target: a failure leaves it as it was."""
    with _read_snapshot(source_db), _write_lock(target_db):
        refuse_non_empty(target_db, where)  # under the write lock: nobody fills it meanwhile
        _delete_presets(target_db)
        return _copy_rows(source_db, target_db, progress)


def truncate_and_copy(source_db: pw.Database, server_db: pw.Database,
                      progress: Progress | None = None) -> dict[str, int]:
    """Replace every row of the server database ``server_db`` by the rows of ``source_db``, in one
    transaction holding the write lock (another PC's save waits, then sees the restored data)."""
    tables = ", ".join(f'"{model._meta.table_name}"' for model in program().models)
    with _read_snapshot(source_db), _write_lock(server_db):
        server_db.execute_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        return _copy_rows(source_db, server_db, progress)


# ---------------------------------------------------------------------- checking a copy


def counts(database: pw.Database) -> dict[str, int]:
    tables = set(database.get_tables())
    return {model._meta.table_name: (_count(model, database) if model._meta.table_name in tables else 0)
            for model in program().models}


def count_mismatches(source_db: pw.Database, target_db: pw.Database) -> list[str]:
    theirs, ours = counts(source_db), counts(target_db)
    return [f"{table_title(table)}：原有 {theirs[table]} 条，复制后 {ours[table]} 条"
            for table in theirs if theirs[table] != ours[table]]


def _newest_month(database: pw.Database) -> tuple[int, int]:
    from xiaoneng_desktop.core import clock
    from xiaoneng_desktop.core.models import AuditLog

    newest = AuditLog.select(pw.fn.MAX(AuditLog.at)).bind(database).scalar()
    if isinstance(newest, str):  # SQLite hands an aggregate back as text
        newest = dt.datetime.fromisoformat(newest)
    moment = newest or clock.now()
    return moment.year, moment.month


def last_twelve_months(database: pw.Database) -> list[tuple[int, int]]:
    year, month = _newest_month(database)
    months = []
    for _ in range(12):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(months))


@contextlib.contextmanager
def bound_to(database: pw.Database):
    """The models (core.db.database) on ``database`` for a while, then back on what they were on."""
    previous = db_module.database.obj
    db_module.database.initialize(database)
    try:
        yield database
    finally:
        db_module.database.initialize(previous)


def month_figures(database: pw.Database, months: Sequence[tuple[int, int]]) -> dict[tuple[int, int], object]:
    figures = program().month_figures
    if figures is None:
        return {}
    with bound_to(database):
        return {month: figures(*month) for month in months}


def verify(source_db: pw.Database, target_db: pw.Database) -> list[str]:
    """The differences between the two databases, in Chinese (none: the copy is complete): each
    table's row count, and the figures of the last twelve months as the monthly report gives them."""
    from xiaoneng_desktop.core import clock

    problems = count_mismatches(source_db, target_db)
    months = last_twelve_months(source_db)
    # a running month's figures are counted at "now": the same moment for both
    previous, moment = clock._source, clock.now()  # noqa: SLF001 - put back as it was
    clock.set_source(lambda: moment)
    try:
        theirs, ours = month_figures(source_db, months), month_figures(target_db, months)
    finally:
        clock.set_source(previous)
    for month in months:
        if theirs.get(month) != ours.get(month):
            problems.append(f"{month[0]}年{month[1]}月的统计数字不一致")
    return problems


# ---------------------------------------------------------------------- backup and restore of a server


def _remove_with_siblings(path: Path) -> None:
    for suffix in ("", *db_module.SIBLING_SUFFIXES):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def write_copy(source_db: pw.Database, destination: Path | str, progress: Progress | None = None) -> Path:
    """Every table of ``source_db`` into a new data file at ``destination``: written under a temporary
    name beside it (core.files), its counts verified, switched to one file (no -wal), then moved into
    place — a failed copy leaves nothing under the real name. A folder that is not there is not
    made: the user named it (as a data file's backup would say)."""
    destination = Path(destination)
    if not destination.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "folder not found", str(destination.parent))

    def write(partial: Path) -> None:
        _remove_with_siblings(partial)  # left by an earlier attempt that was cut off
        try:
            with bound_to(db_module.database.obj):  # opening the copy binds the models to it: put them back
                copy = program().open_database(partial)
            try:
                copy_all(source_db, copy, progress, where=f"数据文件“{partial}”")
                problems = count_mismatches(source_db, copy)
                if problems:
                    raise TransferError("复制后的数据与原数据不一致，已丢弃：\n" + "\n".join(problems))
                copy.execute_sql("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
            finally:
                copy.close()
        except BaseException:
            _remove_with_siblings(partial)
            raise

    write_atomically(destination, write)
    with contextlib.suppress(OSError):
        os.chmod(destination, db_module.PRIVATE_MODE)
    return destination


def backup_server(db: pw.Database, destination: Path | str, progress: Progress | None = None) -> Path:
    """A server database's backup: a data file (.sqlite3) holding a copy of every table, which
    restore_server reads back (and the program opens like any data file)."""
    return write_copy(db, destination, progress)


@contextlib.contextmanager
def opened_copy(chosen: Path | str):
    """A data file opened from a temporary copy of ``chosen`` (upgraded there if it is older), so the
    chosen file itself is never changed; the models stay bound to what they were on."""
    chosen = Path(chosen)
    folder = Path(tempfile.mkdtemp(prefix="xiaoneng-restore-"))
    temp = folder / "restore.sqlite3"
    try:
        shutil.copyfile(chosen, temp)
        for suffix in ("-wal",):
            if Path(f"{chosen}{suffix}").exists():
                shutil.copyfile(f"{chosen}{suffix}", f"{temp}{suffix}")
        with bound_to(db_module.database.obj):
            copy = program().open_database(temp)
        try:
            yield copy
        finally:
            copy.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def restore_server(db: pw.Database, chosen: Path | str, progress: Progress | None = None) -> dict[str, int]:
    """Replace every row of the server database ``db`` by the backup file ``chosen`` (one transaction),
    then check every table's count. Returns the rows restored per table."""
    if not db_module.on_server(db):
        raise TransferError("只能把备份恢复到数据库服务器上的数据库。")
    with opened_copy(chosen) as backup:
        copied = truncate_and_copy(backup, db, progress)
        problems = count_mismatches(backup, db)
    if problems:
        raise TransferError("恢复后的数据与备份不一致：\n" + "\n".join(problems))
    return copied
