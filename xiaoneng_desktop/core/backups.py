"""Backups of the data file: make one (checked before it gets its name), list them, rotate, restore,
and a health check. No Qt: the window, the 备份与恢复 dialog and the CLI all call these.

A backup is ``<stem>-备份-YYYYMMDD-HHMMSS.sqlite3`` in the backup folder (default: 备份 beside the
data file). It is copied with SQLite's backup API under a temporary name, switched to a single file
(journal_mode=DELETE, so it needs no -wal beside it), checked with ``PRAGMA integrity_check`` and only
then renamed: a damaged copy never sits under a backup's name. Files are readable by their owner only.

core may not import ``schema`` (it names the registers), so what a healthy file of this program looks
like — its schema version and the registers' tables to count — comes in as a ``FileKind``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from xiaoneng_desktop.core import clock, session
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core.files import write_atomically

FOLDER_NAME = "备份"
SUFFIX = ".sqlite3"
TEMP_SUFFIX = ".partial"  # how core.files names a file still being written
STAMP = "%Y%m%d-%H%M%S"
FILE_MODE = db_module.PRIVATE_MODE


class BackupError(Exception):
    """A backup or restore that could not be done; the message is for the user, in Chinese."""


@dataclass(frozen=True)
class FileKind:
    """What a healthy data file of this program holds: its schema version, and the registers' tables
    (label → table) whose rows a listing counts."""

    version: int
    registers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Policy:
    """How many backups rotation keeps: the newest of each of the last ``daily`` days that have one,
    of the last ``weekly`` ISO weeks and of the last ``monthly`` months."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass
class Health:
    path: Path
    problem: str | None = None  # None: healthy
    version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    note: str = ""  # something to know that is not damage (an older version, upgraded when opened)

    @property
    def ok(self) -> bool:
        return self.problem is None

    def message(self) -> str:
        if self.problem:
            return self.problem
        counts = "，".join(f"{label} {count} 条" for label, count in self.counts.items())
        text = f"数据文件“{self.path}”完好（完整性检查通过，数据版本 {self.version}）。"
        return text + (f"\n{counts}" if counts else "") + (f"\n{self.note}" if self.note else "")


@dataclass
class BackupInfo:
    path: Path
    moment: dt.datetime
    size: int
    health: Health


# ---------------------------------------------------------------------- settings and names


def folder_for(data_path: Path | str, setting: str = "") -> Path:
    """The backup folder: the setting (relative to the data file's folder), or 备份 beside the file."""
    data_path = Path(data_path)
    text = (setting or "").strip()
    if not text:
        return data_path.parent / FOLDER_NAME
    folder = Path(text).expanduser()
    return folder if folder.is_absolute() else data_path.parent / folder


def configured() -> tuple[str, int, Policy]:
    """(folder setting, interval hours, rotation) from the open data file's settings."""
    from xiaoneng_desktop.core import settings

    return (settings.get("backup.folder"), settings.get("backup.interval_hours"),
            Policy(settings.get("backup.keep_daily"), settings.get("backup.keep_weekly"),
                   settings.get("backup.keep_monthly")))


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(re.escape(stem) + r"-备份-(\d{8}-\d{6})(-[^.]*)?" + re.escape(SUFFIX))


def backup_name(stem: str, moment: dt.datetime, tag: str = "") -> str:
    return f"{stem}-备份-{moment:{STAMP}}{'-' + tag if tag else ''}{SUFFIX}"


def moment_of(path: Path, stem: str | None = None) -> dt.datetime | None:
    """When a backup was taken, read from its name (None if the name is not a backup's)."""
    match = re.search(r"-备份-(\d{8}-\d{6})(-[^.]*)?" + re.escape(SUFFIX) + "$", path.name)
    if not match or (stem is not None and not _name_pattern(stem).fullmatch(path.name)):
        return None
    try:
        return dt.datetime.strptime(match.group(1), STAMP)
    except ValueError:
        return None


# ---------------------------------------------------------------------- checking a file


def _open_read_only(path: Path) -> sqlite3.Connection:
    # mode=ro never creates the file nor writes to it; a URI keeps odd characters in the name safe
    connection = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True, timeout=5)
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


def inspect(path: Path | str, kind: FileKind, *, full: bool = True) -> Health:
    """Is ``path`` a healthy data file of this program? integrity_check (``full``; else quick_check),
    its application id and schema version against ``kind``, and its registers' record counts."""
    path = Path(path)
    health = Health(path)
    if not path.is_file():
        health.problem = f"找不到文件“{path}”。"
        return health
    try:
        with path.open("rb") as handle:
            if handle.read(len(db_module.SQLITE_HEADER)) != db_module.SQLITE_HEADER:
                health.problem = f"“{path}”不是本程序的数据文件（不是 SQLite 数据库）。"
                return health
        connection = _open_read_only(path)
        try:
            rows = connection.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
            result = "\n".join(str(row[0]) for row in rows[:10])
            if result != "ok":
                health.problem = f"数据文件“{path}”已损坏（完整性检查未通过）。\n检查结果：{result}"
                return health
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            health.version = version = connection.execute("PRAGMA user_version").fetchone()[0]
            if app_id != db_module.APPLICATION_ID:
                health.problem = f"“{path}”不是本程序的数据文件（是其他程序的数据库或空数据库）。"
                return health
            if version > kind.version:
                health.problem = (f"“{path}”由较新版本的本程序创建（数据版本 {version}），"
                                  f"本程序只能使用数据版本 {kind.version} 及以下的文件。")
                return health
            if version < kind.version:
                health.note = f"数据版本 {version} 较旧，打开时会先备份再升级到 {kind.version}。"
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            for label, table in kind.registers.items():
                if table in tables:
                    health.counts[label] = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        health.problem = f"数据文件“{path}”已损坏或无法读取：{exc}"
    except OSError as exc:
        health.problem = f"无法读取“{path}”（{exc.strerror or exc}）。"
    return health


# ---------------------------------------------------------------------- making one


def _private(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)


def copy_database(source: Path, destination: Path, kind: FileKind) -> Health:
    """Copy ``source`` (which may be in use) to ``destination``: written under a temporary name with the
    backup API, made a single file, checked, then renamed. Raises BackupError if the copy is damaged."""
    if db_module.is_data_file_or_sibling(source, destination):
        raise BackupError(f"不能把备份写到正在使用的数据文件本身：{destination}")

    def write(temp: Path) -> Health:
        try:
            db_module.create_private(temp)  # SQLite keeps the mode of a file it finds
            reader = sqlite3.connect(source.absolute().as_uri() + "?mode=ro", uri=True, timeout=5)
            try:
                writer = sqlite3.connect(temp)
                try:
                    reader.backup(writer)  # one consistent snapshot, however many writers are busy
                    writer.execute("PRAGMA journal_mode = DELETE")  # a backup is one file, no -wal beside it
                finally:
                    writer.close()
            finally:
                reader.close()
            _private(temp)
            health = inspect(temp, kind)
            if not health.ok:
                raise BackupError(f"备份副本未通过完整性检查，已丢弃：{health.problem}")
            return health
        except BaseException:
            with contextlib.suppress(OSError):
                Path(f"{temp}-journal").unlink(missing_ok=True)
            raise

    # written under a temporary name and renamed only once checked (core.files)
    health = write_atomically(destination, write)
    health.path = destination
    return health


def make_backup(data_path: Path | str, folder: Path | str, kind: FileKind, *,
                now: Callable[[], dt.datetime] = clock.now, tag: str = "") -> BackupInfo:
    """A checked backup of ``data_path`` in ``folder`` (created if missing), named by ``now()``."""
    data_path, folder = Path(data_path), Path(folder)
    if not data_path.is_file():
        raise BackupError(f"找不到数据文件“{data_path}”。")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹“{folder}”（{exc.strerror or exc}）。") from exc
    moment = now().replace(microsecond=0)
    destination = folder / backup_name(data_path.stem, moment, tag)
    number = 1
    while destination.exists():  # two backups in one second (立即备份 twice): keep both
        number += 1
        destination = folder / backup_name(data_path.stem, moment, f"{tag}-{number}" if tag else str(number))
    health = copy_database(data_path, destination, kind)
    return BackupInfo(destination, moment, destination.stat().st_size, health)


def needs_backup(data_path: Path | str, folder: Path | str, younger_than_hours: float | None = None) -> bool:
    """True unless the newest backup in ``folder`` is younger than every change to the data file, or
    (``younger_than_hours``) was taken less than that many hours ago."""
    data_path, folder = Path(data_path), Path(folder)
    changed = max((p.stat().st_mtime for p in (data_path, Path(f"{data_path}-wal")) if p.exists()), default=0)
    pattern = _name_pattern(data_path.stem)
    newest = max((p.stat().st_mtime for p in _files(folder) if pattern.fullmatch(p.name)), default=None)
    if newest is None:
        return True
    if younger_than_hours is not None and time.time() - newest < younger_than_hours * 3600:
        return False
    return newest < changed


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_file() and p.name.endswith(SUFFIX)]
    except OSError:
        return []


# ---------------------------------------------------------------------- listing and rotation


def list_backups(folder: Path | str, kind: FileKind, *, full: bool = False) -> list[BackupInfo]:
    """Every data file in ``folder``, newest first: when it was taken (from its name, else the file's
    time), its size and, read from the copy, its health and records per register."""
    infos = []
    for path in _files(Path(folder)):
        stat = path.stat()
        moment = moment_of(path) or dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
        infos.append(BackupInfo(path, moment, stat.st_size, inspect(path, kind, full=full)))
    return sorted(infos, key=lambda info: (info.moment, info.path.name), reverse=True)


def select_kept(moments: Iterable[dt.datetime], policy: Policy) -> set[dt.datetime]:
    """The moments rotation keeps: for each of the last ``daily`` days that have a backup the newest
    of that day; likewise the last ``weekly`` ISO weeks and ``monthly`` months. The newest is always kept."""
    ordered = sorted(set(moments), reverse=True)
    kept: set[dt.datetime] = set(ordered[:1])
    for count, bucket in ((policy.daily, lambda m: m.date()),
                          (policy.weekly, lambda m: m.isocalendar()[:2]),
                          (policy.monthly, lambda m: (m.year, m.month))):
        seen: set = set()
        for moment in ordered:
            key = bucket(moment)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            kept.add(moment)  # newest first, so the first of a bucket is its newest
    return kept


def rotate(folder: Path | str, stem: str, policy: Policy) -> list[Path]:
    """Delete ``stem``'s automatic backups that rotation does not keep; returns the deleted files.
    Only names this module gives (without a tag such as 恢复前) are ever deleted."""
    pattern = _name_pattern(stem)
    by_moment: dict[dt.datetime, list[Path]] = {}
    for path in _files(Path(folder)):
        match = pattern.fullmatch(path.name)
        if match and not (match.group(2) or "").strip("-0123456789"):
            moment = moment_of(path)
            if moment is not None:
                by_moment.setdefault(moment, []).append(path)
    kept = select_kept(by_moment, policy)
    deleted = []
    for moment, paths in by_moment.items():
        for path in sorted(paths)[1:] if moment in kept else paths:  # one file per kept moment
            with contextlib.suppress(OSError):
                path.unlink()
                deleted.append(path)
    return deleted


def backup_and_rotate(data_path: Path | str, folder: Path | str, kind: FileKind, policy: Policy, *,
                      now: Callable[[], dt.datetime] = clock.now) -> BackupInfo:
    info = make_backup(data_path, folder, kind, now=now)
    rotate(folder, Path(data_path).stem, policy)
    return info


# ---------------------------------------------------------------------- health and restore


def health_check(data_path: Path | str, kind: FileKind) -> Health:
    """The whole-file integrity check and the schema version of the data file."""
    return inspect(data_path, kind, full=True)


def restore(data_path: Path | str, chosen: Path | str, folder: Path | str, kind: FileKind, *,
            now: Callable[[], dt.datetime] = clock.now) -> tuple[Path, Health]:
    """Put the backup ``chosen`` in place of the data file. Returns (the backup of the file as it was,
    the restored file's health). The caller closes its connections first and reopens the file after.

    Nothing is overwritten unless ``chosen`` is a healthy data file of this program and the current
    file has been copied aside (a checked backup, or — if it is damaged — its raw bytes). The chosen
    file is copied under a temporary name and checked, then renamed over the data file; the old
    file's -wal/-shm are removed first, since they belong to the old contents.
    """
    data_path, chosen, folder = Path(data_path), Path(chosen), Path(folder)
    health = inspect(chosen, kind)
    if not health.ok:
        raise BackupError(f"所选文件不能用于恢复：{health.problem}")
    if db_module.is_data_file_or_sibling(data_path, chosen):
        raise BackupError("所选文件就是正在使用的数据文件，无需恢复。")
    saved = _save_current(data_path, folder, kind, now)
    temp = data_path.with_name(data_path.name + ".restoring")
    health = copy_database(chosen, temp, kind)
    try:
        # the old file's WAL must not be replayed onto the restored contents (saved above with it)
        if data_path.exists():
            with contextlib.suppress(sqlite3.DatabaseError):
                connection = sqlite3.connect(data_path, timeout=5)
                try:
                    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    connection.close()
        for suffix in db_module.SIBLING_SUFFIXES:
            Path(f"{data_path}{suffix}").unlink(missing_ok=True)
        os.replace(temp, data_path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    _private(data_path)
    return saved, inspect(data_path, kind)


# ---------------------------------------------------------------------- started by a user (audited)
# Automatic backups (at start, every N hours, at exit) call make_backup/backup_and_rotate directly and
# work for any role; what a person starts needs "backup" (管理员) and leaves its line in the log.

#: The audit log's table for a line about the whole data file (备份, 恢复).
DATA_FILE = "data_file"


def note(data_path: Path | str, action: str, detail: str) -> bool:
    """Write ``action``'s line into the data file at ``data_path`` (its own connection: a backup runs off
    the window's thread, a restore while the program's connection is closed). A file that cannot take
    it (read-only, an old version) keeps the backup or restore done: the failure goes to the log file."""
    from xiaoneng_desktop.core import audit, logs

    try:
        audit.record_in_file(data_path, action, DATA_FILE, 0, detail)
    except (sqlite3.DatabaseError, pw.DatabaseError, OSError) as exc:
        logs.log_exception(exc, f"写入{action}的审计记录失败")
        return False
    return True


@session.requires("backup")
def backup_now(data_path: Path | str, folder: Path | str, kind: FileKind, *,
               now: Callable[[], dt.datetime] = clock.now) -> BackupInfo:
    """立即备份 (备份与恢复, ``xiaoneng backup``): a checked backup, then its 备份 line in the log."""
    info = make_backup(data_path, folder, kind, now=now)
    note(data_path, "备份", f"备份到“{info.path}”")
    return info


@session.requires("backup")
def copy_now(data_path: Path | str, destination: Path | str, kind: FileKind) -> Path:
    """A checked copy of the data file under the name the user chose, then its 备份 line."""
    copy_database(Path(data_path), Path(destination), kind)
    note(data_path, "备份", f"备份到“{destination}”")
    return Path(destination)


@session.requires("backup")
def restore_now(data_path: Path | str, chosen: Path | str, folder: Path | str, kind: FileKind, *,
                now: Callable[[], dt.datetime] = clock.now) -> tuple[Path | None, Health]:
    """``restore`` started by a user; the 恢复 line goes into the restored file (the one in use from now
    on), naming the backup used and where the replaced file was saved."""
    saved, health = restore(data_path, chosen, folder, kind, now=now)
    saved_text = f"；恢复前的数据文件已备份到“{saved}”" if saved is not None else ""
    note(data_path, "恢复", f"用“{chosen}”恢复{saved_text}")
    return saved, health


def _save_current(data_path: Path, folder: Path, kind: FileKind, now) -> Path | None:
    """Back up the file about to be replaced; a damaged one is copied byte for byte instead."""
    if not data_path.exists():
        return None
    try:
        return make_backup(data_path, folder, kind, now=now, tag="恢复前").path
    except BackupError:
        if inspect(data_path, kind, full=False).ok:
            raise  # a sound file that could not be copied (disk full…): stop before overwriting it
    except sqlite3.DatabaseError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(data_path.stem, now().replace(microsecond=0), "恢复前-损坏")
    for suffix in ("", "-wal"):
        source = Path(f"{data_path}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{target}{suffix}")
            _private(Path(f"{target}{suffix}"))
    return target


# ---------------------------------------------------------------------- a server database
# A server's backup is a data file (.sqlite3) holding a copy of every table (core.transfer), in the
# backup folder of this PC (备份 in the user's data folder); restoring one replaces every row of the
# server database in one transaction, after the server's current data has been copied aside too.


def server_stem(url: str) -> str:
    """The database's name, as a data file's stem names its backups."""
    from urllib.parse import urlsplit

    try:
        name = urlsplit(url).path.lstrip("/")
    except ValueError:
        name = ""
    return re.sub(r"[^\w.-]", "_", name) or "server"


def server_folder(setting: str = "") -> Path:
    """The backup folder of a server database: the setting (relative to the user's data folder), or
    备份 in the user's data folder."""
    import platformdirs

    base = Path(platformdirs.user_data_dir("xiaoneng", appauthor=False)) / "xiaoneng.sqlite3"
    return folder_for(base, setting)


def _server_destination(url: str, folder: Path, now: Callable[[], dt.datetime], tag: str = "") -> tuple[Path, dt.datetime]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹“{folder}”（{exc.strerror or exc}）。") from exc
    moment = now().replace(microsecond=0)
    stem = server_stem(url)
    destination = folder / backup_name(stem, moment, tag)
    number = 1
    while destination.exists():
        number += 1
        destination = folder / backup_name(stem, moment, f"{tag}-{number}" if tag else str(number))
    return destination, moment


def copy_server(db: pw.Database, destination: Path | str, kind: FileKind) -> Health:
    """A checked data file holding every table of the server database ``db``."""
    from xiaoneng_desktop.core import transfer

    destination = Path(destination)
    try:
        transfer.backup_server(db, destination)
    except transfer.TransferError as exc:
        raise BackupError(str(exc)) from exc
    health = inspect(destination, kind)
    if not health.ok:
        destination.unlink(missing_ok=True)
        raise BackupError(f"备份副本未通过完整性检查，已丢弃：{health.problem}")
    return health


def make_server_backup(db: pw.Database, url: str, folder: Path | str, kind: FileKind, *,
                       now: Callable[[], dt.datetime] = clock.now, tag: str = "") -> BackupInfo:
    destination, moment = _server_destination(url, Path(folder), now, tag)
    health = copy_server(db, destination, kind)
    return BackupInfo(destination, moment, destination.stat().st_size, health)


def _note_on_server(db: pw.Database, action: str, detail: str) -> None:
    from xiaoneng_desktop.core import audit, transfer

    with transfer.bound_to(db), db_module.atomic():
        audit.record(action, DATA_FILE, 0, detail)


@session.requires("backup")
def backup_server_now(db: pw.Database, url: str, dest: Path | str, kind: FileKind, *,
                      now: Callable[[], dt.datetime] = clock.now) -> BackupInfo:
    """立即备份 of a server database: into the folder ``dest`` (named by the moment), or — ``dest`` not a
    folder — the file the user named; then its 备份 line on the server."""
    dest = Path(dest)
    if dest.is_dir() or not dest.suffix:
        info = make_server_backup(db, url, dest, kind, now=now)
    else:
        health = copy_server(db, dest, kind)
        info = BackupInfo(dest, now().replace(microsecond=0), dest.stat().st_size, health)
    _note_on_server(db, "备份", f"备份到“{info.path}”")
    return info


@session.requires("backup")
def restore_server_now(db: pw.Database, url: str, chosen: Path | str, folder: Path | str, kind: FileKind, *,
                       now: Callable[[], dt.datetime] = clock.now) -> tuple[Path, dict[str, int]]:
    """Replace the server database's data by the backup ``chosen``: the chosen file is checked, the
    server's current data copied aside (tag 恢复前), then every row replaced in one transaction.
    Returns (the copy of the data as it was, rows restored per table)."""
    from xiaoneng_desktop.core import transfer

    chosen = Path(chosen)
    health = inspect(chosen, kind)
    if not health.ok:
        raise BackupError(f"所选文件不能用于恢复：{health.problem}")
    saved = make_server_backup(db, url, folder, kind, now=now, tag="恢复前").path
    try:
        copied = transfer.restore_server(db, chosen)
    except transfer.TransferError as exc:
        raise BackupError(f"{exc}\n恢复前的数据已备份到“{saved}”。") from exc
    _note_on_server(db, "恢复", f"用“{chosen}”恢复；恢复前的数据已备份到“{saved}”")
    return saved, copied
