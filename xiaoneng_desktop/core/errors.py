"""One error policy: what the user is told about a failed database action, in Chinese.

An error the user can act on is sorted by its SQLite result code (Python 3.11's
``sqlite3.Error.sqlite_errorcode``; peewee wraps the sqlite3 error, the original is its context):
the file is busy or locked, read-only, the disk failed or is full, the file is damaged, cannot be
opened, or is not a database. A failed file operation (OSError) is sorted the same way. Everything
else — a constraint violation, an SQL error, a programming error — is a bug: its traceback goes to
the log file and the message says 意外错误 and where that file is.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from xiaoneng_desktop.core import logs

BUSY = "busy"
READ_ONLY = "read-only"
IO_ERROR = "io"
CORRUPT = "corrupt"
FULL = "full"
CANNOT_OPEN = "cannot-open"
NOT_A_DATABASE = "not-a-database"
#: A server database: the server cannot be reached, or the connection was lost mid-action.
UNREACHABLE = "unreachable"
#: A server database: the user name or password was refused, or this user may not connect.
REFUSED_LOGIN = "refused-login"
#: A server database: the named database does not exist on the server.
NO_DATABASE = "no-database"
BUG = "bug"

# Primary result codes (the low byte of an extended code): https://sqlite.org/rescode.html
_KIND_OF_CODE = {
    sqlite3.SQLITE_BUSY: BUSY,
    sqlite3.SQLITE_LOCKED: BUSY,
    sqlite3.SQLITE_PROTOCOL: BUSY,  # WAL lock race: as transient as BUSY
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_PERM: READ_ONLY,
    sqlite3.SQLITE_IOERR: IO_ERROR,
    sqlite3.SQLITE_CORRUPT: CORRUPT,
    sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,
    sqlite3.SQLITE_NOTADB: NOT_A_DATABASE,
}

# SQLite's own texts, for an error that carries no code (raised by hand, or by an older driver).
_KIND_OF_TEXT = (
    ("locked", BUSY),
    ("busy", BUSY),
    ("readonly", READ_ONLY),
    ("read-only", READ_ONLY),
    ("disk i/o error", IO_ERROR),
    ("malformed", CORRUPT),
    ("not a database", NOT_A_DATABASE),
    ("is full", FULL),
    ("unable to open", CANNOT_OPEN),
)

_KIND_OF_ERRNO = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.EROFS: READ_ONLY,
    errno.ENOENT: CANNOT_OPEN,
    errno.ENOTDIR: CANNOT_OPEN,
    errno.EISDIR: CANNOT_OPEN,
}


@dataclass(frozen=True)
class UserMessage:
    """What to show: ``text`` is the whole Chinese sentence; ``log`` is set for a bug (it was logged)."""

    text: str
    kind: str
    log: Path | None = None

    @property
    def is_bug(self) -> bool:
        return self.kind == BUG

    def __str__(self) -> str:
        return self.text


# A server's SQLSTATE (by class, the first two characters, where the whole class means one thing):
# https://www.postgresql.org/docs/current/errcodes-appendix.html
_KIND_OF_SQLSTATE = {
    "55P03": BUSY,  # lock_not_available: another PC held the write lock longer than the lock timeout
    "40001": BUSY,  # serialization_failure
    "40P01": BUSY,  # deadlock_detected
    "57014": BUSY,  # query_canceled (statement timeout)
    "25006": READ_ONLY,  # read_only_sql_transaction (a standby server)
    "42501": READ_ONLY,  # insufficient_privilege
    "53100": FULL,  # disk_full
    "XX001": CORRUPT,  # data_corrupted
    "XX002": CORRUPT,  # index_corrupted
    "58030": IO_ERROR,  # io_error
    "28P01": REFUSED_LOGIN,  # invalid_password
    "28000": REFUSED_LOGIN,  # invalid_authorization_specification (pg_hba.conf)
    "3D000": NO_DATABASE,  # invalid_catalog_name
    "57P01": UNREACHABLE,  # admin_shutdown
    "57P02": UNREACHABLE,  # crash_shutdown
    "57P03": UNREACHABLE,  # cannot_connect_now (starting up)
}
_KIND_OF_SQLSTATE_CLASS = {"08": UNREACHABLE, "53": FULL}

# libpq's own texts for a connection that fails before the server says anything (no SQLSTATE).
_SERVER_TEXT = (
    ("password authentication failed", REFUSED_LOGIN),
    ("no password supplied", REFUSED_LOGIN),
    ("pg_hba.conf", REFUSED_LOGIN),
    ('role "', REFUSED_LOGIN),  # role "…" does not exist: a user name the server does not know
    ("does not exist", NO_DATABASE),
)


def driver_error(exc: BaseException) -> BaseException | None:
    """The psycopg error behind ``exc`` (itself or what peewee wrapped), if a server is in use."""
    import sys

    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return None
    return _behind(exc, psycopg.Error)


def _server_kind(original: BaseException) -> str:
    import sys

    state = getattr(original, "sqlstate", None)
    if state:
        kind = _KIND_OF_SQLSTATE.get(state) or _KIND_OF_SQLSTATE_CLASS.get(state[:2])
        if kind:
            return kind
    psycopg = sys.modules["psycopg"]
    if isinstance(original, psycopg.OperationalError):
        text = str(original).lower()
        return next((kind for words, kind in _SERVER_TEXT if words in text), UNREACHABLE)
    if isinstance(original, psycopg.InterfaceError):
        return UNREACHABLE  # "the connection is closed": lost earlier
    return BUG


def sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind ``exc`` (itself, peewee's wrapped original, or a cause), if any."""
    return _behind(exc, sqlite3.Error)


def _behind(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return current
        # peewee raises ``OperationalError(original, *original.args)`` while handling the original,
        # and keeps the original as ``orig``
        pending.append(getattr(current, "orig", None))
        pending.extend(arg for arg in getattr(current, "args", ()) if isinstance(arg, BaseException))
        pending.extend((current.__cause__, current.__context__))
    return None


#: What SQLite says when a transaction is rolled back that SQLite itself already ended (a full disk,
#: a read-only file and I/O errors abort the transaction): the error it was handling is the real one.
_ROLLBACK_AFTER_ABORT = "no transaction is active"


def _masked(exc: BaseException) -> BaseException | None:
    """The error a failed rollback was raised while handling, if ``exc`` is such a rollback error."""
    original = sqlite_error(exc) or exc
    if _ROLLBACK_AFTER_ABORT not in str(original).lower():
        return None
    for candidate in (exc.__context__, original.__context__, exc.__cause__):
        if candidate is not None and candidate is not exc and candidate is not original:
            return candidate
    return None


def kind_of(exc: BaseException) -> str:
    """BUSY, READ_ONLY, IO_ERROR, CORRUPT, FULL, CANNOT_OPEN, NOT_A_DATABASE, or BUG."""
    masked = _masked(exc)
    if masked is not None:
        return kind_of(masked)
    if isinstance(exc, OSError):
        return _KIND_OF_ERRNO.get(exc.errno, IO_ERROR)
    server_error = driver_error(exc)
    if server_error is not None:
        return _server_kind(server_error)
    original = sqlite_error(exc)
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return _KIND_OF_CODE.get(code & 0xFF, BUG)
    import peewee as pw

    if original is None and not isinstance(exc, pw.DatabaseError):
        return BUG
    text = str(original if original is not None else exc).lower()
    return next((kind for words, kind in _KIND_OF_TEXT if words in text), BUG)


def is_bug(exc: BaseException) -> bool:
    return kind_of(exc) == BUG


def _cause(kind: str, subject: str) -> str:
    return {
        # met only after the busy timeout: another window or PC held the write lock that long
        BUSY: f"{subject}正被其他程序写入，请稍后重试。",
        READ_ONLY: f"{subject}是只读的，或没有写入它及其所在文件夹的权限。请检查文件属性和权限，"
        "或把数据文件复制到可以写入的位置。",
        IO_ERROR: f"读写{subject}时磁盘出错（磁盘、U盘或网络驱动器可能已断开或有故障），请检查后重试。",
        CORRUPT: f"{subject}已损坏，请从备份恢复（不要再往损坏的文件里写入）。",
        FULL: f"磁盘空间不足，{subject}无法写入。请清理磁盘空间后重试。",
        CANNOT_OPEN: f"无法打开{subject}：文件不存在、没有权限，或所在的文件夹无法访问。",
        UNREACHABLE: f"无法连接{subject}：服务器没有开机或没有启动数据库服务、网络已断开，或地址和端口不对。"
        "请检查网络和服务器后重试（刚才的操作没有保存，填写的内容还在）。",
        REFUSED_LOGIN: f"{subject}拒绝登录：数据库用户名或密码不正确，或服务器不允许这台电脑连接"
        "（请管理员检查 pg_hba.conf）。",
        NO_DATABASE: f"{subject}不存在。请确认数据库名称，或请管理员在服务器上先建好这个数据库。",
        NOT_A_DATABASE: f"{subject}不是本程序的数据文件（不是数据库文件，或已加密、已损坏），无法使用。"
        "请确认选择的是本程序的数据文件（.sqlite3），或从备份恢复。",
    }[kind]


def _default_subject(exc: BaseException) -> str:
    """What failed, when the caller did not say: the error's own source (SQLite means a data file, the
    driver a server), else the database that is open."""
    if isinstance(exc, OSError) and exc.filename:
        return "数据文件"  # replaced by the file the operating system names
    if sqlite_error(exc) is not None:
        return "数据文件"
    if driver_error(exc) is not None:
        return "数据库"
    from xiaoneng_desktop.core import db

    return "数据库" if db.on_server() else "数据文件"


def describe(exc: BaseException, action: str = "保存", subject: str | None = None) -> UserMessage:
    """The Chinese message for ``exc`` met while doing ``action`` (保存, 备份, 打开数据文件…) on
    ``subject`` (e.g. 数据文件“D:\\效能.sqlite3”). A bug is logged here, once, with its traceback."""
    exc = _masked(exc) or exc
    kind = kind_of(exc)
    prefix = f"{action}失败：" if action else ""
    if subject is None:
        subject = _default_subject(exc)
    if kind == BUG:
        log = logs.log_exception(exc, f"{action or '操作'}时的意外错误")
        return UserMessage(
            f"{prefix}程序发生意外错误，刚才的操作没有完成（{logs.one_line(exc)}）。"
            f"详细信息已写入日志：{log}。如果问题反复出现，请把日志文件发给系统管理员。",
            BUG,
            log,
        )
    if isinstance(exc, OSError) and exc.filename and subject == "数据文件":
        subject = f"文件“{exc.filename}”"  # the file the operating system refused, not necessarily ours
    text = _cause(kind, subject)
    if kind == UNREACHABLE and action.startswith("连接"):
        text = text.replace("（刚才的操作没有保存，填写的内容还在）", "")  # nothing was being saved
    return UserMessage(prefix + text, kind)
