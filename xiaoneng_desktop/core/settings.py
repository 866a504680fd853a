"""Office settings: every number a rule depends on, with its default from DOMAIN.md.

Registers declare their settings with `define` at import; values are stored in the data file, so
they travel with it. The settings dialog is built from these definitions, so an office changes a
limit without touching code.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from xiaoneng_desktop.core import db
from xiaoneng_desktop.core.models import Setting
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import ValidationError


@dataclass(frozen=True)
class SettingDef:
    key: str
    label: str
    default: Any
    group: str
    unit: str = ""  # shown after the number: 分钟, 工作日 …
    minimum: int | None = None
    maximum: int | None = None
    help: str = ""
    #: A folder on this PC (or a share): the settings dialog offers 选择… beside the text.
    folder: bool = False
    #: Further check of a value's form (raises ValidationError under the setting's key).
    validator: Callable[[Any], Any] | None = None

    @property
    def kind(self) -> type:
        return type(self.default)


_DEFINITIONS: dict[str, SettingDef] = {}


def define(key: str, label: str, default: Any, group: str, **options: Any) -> SettingDef:
    definition = SettingDef(key, label, default, group, **options)
    _DEFINITIONS[key] = definition
    return definition


def definitions() -> list[SettingDef]:
    return list(_DEFINITIONS.values())


#: How long the cached settings are trusted before one ``PRAGMA data_version`` asks whether another
#: process (or another connection) committed since: a limit changed on another PC shows within a second,
#: and painting a table costs no query per cell.
RECHECK_SECONDS = 1.0
_monotonic = time.monotonic


class _Cache(threading.local):
    """The stored values as last read, per thread (each thread has its own connection)."""

    connection: object = None  # the connection they were read on: another file or a reopen reads again
    version: int | None = None  # its PRAGMA data_version then
    checked: float = 0.0
    values: dict[str, str] | None = None


_cache = _Cache()


def forget() -> None:
    """Drop this thread's cached values: the next ``get`` reads the table again."""
    _cache.values = None


@contextlib.contextmanager
def frozen():
    """Within the block (of one thread), every ``get`` reads one snapshot of the table taken at its start,
    even inside a transaction: for a loop over 100,000 rows that writes no setting (an import's checks
    asked two settings a row, two queries each)."""
    _cache.frozen = dict(Setting.select(Setting.key, Setting.value).tuples())
    _cache.decoded = {}  # key → its value, decoded once (a list setting was a json.loads per row)
    try:
        yield
    finally:
        _cache.frozen = _cache.decoded = None


def _stored() -> dict[str, str] | None:
    """Every stored value by key, from the cache when nothing changed since; None inside a transaction,
    whose own uncommitted (perhaps rolled back) writes must not be cached."""
    if getattr(_cache, "frozen", None) is not None:
        return _cache.frozen
    database = Setting._meta.database
    if database.in_transaction():
        return None
    connection = database.connection()
    moment = _monotonic()
    if _cache.connection is not connection:
        _cache.connection, _cache.values = connection, None
    elif _cache.values is not None and moment - _cache.checked < RECHECK_SECONDS:
        return _cache.values
    # data_version changes when another connection commits, never for this connection's own writes
    # (``put`` forgets those itself); read it before the rows so a commit in between is seen next time.
    version = db.data_version()  # None on a server: read the (small) table again every RECHECK_SECONDS
    _cache.checked = moment
    if _cache.values is None or version is None or version != _cache.version:
        _cache.values = dict(Setting.select(Setting.key, Setting.value).tuples())
        _cache.version = version
    return _cache.values


def get(key: str) -> Any:
    decoded = getattr(_cache, "decoded", None)
    if decoded is None:
        return _read(key)
    if key not in decoded:
        decoded[key] = _read(key)
    value = decoded[key]
    return list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value


def _read(key: str) -> Any:
    definition = _DEFINITIONS[key]
    stored = _stored()
    if stored is None:
        row = Setting.get_or_none(Setting.key == key)
        raw = None if row is None else row.value
    else:
        raw = stored.get(key)
    if raw is None:
        return definition.default
    try:
        value = json.loads(raw)
    except ValueError:
        return definition.default
    return value if isinstance(value, definition.kind) else definition.default


def check(key: str, value: Any) -> Any:
    """The value as it will be stored, or ValidationError with a Chinese message."""
    definition = _DEFINITIONS[key]
    if definition.kind is int:
        if isinstance(value, str):
            value = value.strip()
            if not value.lstrip("-").isdigit():
                raise ValidationError(key, f"{definition.label}必须是整数")
            value = int(value)
        if definition.minimum is not None and value < definition.minimum:
            raise ValidationError(key, f"{definition.label}不能小于 {definition.minimum}{definition.unit}")
        if definition.maximum is not None and value > definition.maximum:
            raise ValidationError(key, f"{definition.label}不能大于 {definition.maximum}{definition.unit}")
    elif definition.kind is str:
        value = str(value).strip()
        if not value and definition.default:
            raise ValidationError(key, f"{definition.label}不能为空")
        if len(value) > 200:
            raise ValidationError(key, f"{definition.label}不能超过 200 个字")
    elif definition.kind is list:  # a list the office edits (core.choices): one value a line
        lines = value.splitlines() if isinstance(value, str) else list(value or [])
        value = list(dict.fromkeys(" ".join(str(v).split()) for v in lines if str(v).strip()))
        if not value:
            raise ValidationError(key, f"{definition.label}至少要有一项")
    if definition.validator is not None:
        definition.validator(value)
    return value


@requires("settings")
def put(key: str, value: Any) -> None:
    """Store one value (caller holds the transaction)."""
    value = check(key, value)
    write_raw(key, json.dumps(value, ensure_ascii=False))
    forget()


def write_raw(key: str, text: str) -> None:
    """Insert or replace the stored text under ``key`` (an upsert both SQLite and a server run)."""
    Setting.insert(key=key, value=text).on_conflict(conflict_target=[Setting.key],
                                                    update={Setting.value: text}).execute()


define("office.name", "单位名称", "××县人民政府办公室", "单位", help="显示在报表标题和打印单上")

# Excel ledger imports: a file beyond these is refused before it is unpacked or parsed, so a
# mistaken or hostile file costs seconds and little memory (ledger/workbook.check_file).
define("ledger.max_file_mb", "导入文件大小上限", 50, "台账导入", unit=" MB", minimum=1, maximum=1000,
       help="大于此大小的 Excel 文件不读取，直接拒绝导入")
define("ledger.max_memory_mb", "一次导入可用的内存", 1000, "台账导入", unit=" MB", minimum=20, maximum=8_000,
       help="行数上限由此而来（每个单元格约 400 字节：1000 MB 约可导入 26 万行 × 10 列）；更大的工作表请按年度拆分后分别导入")
define("ledger.max_unzipped_mb", "解压后大小上限", 500, "台账导入", unit=" MB", minimum=10, maximum=10_000,
       help="Excel 文件是压缩包：解压后超过此大小的文件不读取，直接拒绝导入")

# Backups (core/backups.py): where, how often while the window is open, how many rotation keeps.
define("backup.folder", "备份文件夹", "", "备份", folder=True,
       help="留空表示数据文件旁的“备份”文件夹；相对路径从数据文件所在的文件夹算起")
define("backup.interval_hours", "自动备份间隔", 4, "备份", unit="小时", minimum=0, maximum=168,
       help="程序打开期间每隔多少小时自动备份一次；启动时若上次备份已超过这个间隔也备份一次，退出时数据有变化就备份；0 表示不自动备份")
define("backup.keep_daily", "保留每日备份", 7, "备份", unit="天", minimum=1, maximum=366)
define("backup.keep_weekly", "保留每周备份", 4, "备份", unit="周", minimum=0, maximum=260)
define("backup.keep_monthly", "保留每月备份", 12, "备份", unit="个月", minimum=0, maximum=240)


@requires("settings")
def save_all(values: dict[str, Any]) -> None:
    """Check every value first, then store them together: one transaction, nothing half-saved."""
    from xiaoneng_desktop.core.db import atomic

    errors: dict[str, str] = {}
    checked: dict[str, Any] = {}
    for key, value in values.items():
        try:
            checked[key] = check(key, value)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError.many(errors)
    with atomic():
        for key, value in checked.items():
            put(key, value)
