"""What the five converters share: a row as read, the converter's shape, dates that close, bulk insert."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from dataclasses import dataclass

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.core.models import Person

BATCH = 500


@dataclass
class Row:
    number: int  # the sheet's row number
    raw: dict[str, object]  # title → the cell as read
    values: dict[str, object]  # title → parsed


def closing(value) -> dt.datetime | None:
    """A closing date or moment: a date alone counts as closed at the end of that day (DOMAIN.md),
    or now when that day is today."""
    if value is None:
        return None
    if isinstance(value, tuple):
        moment, had_time = value
        if had_time:
            return moment
        value = moment.date()
    moment = clock.end_of_day(value)
    now = clock.now()
    return now.replace(microsecond=0) if value == now.date() and moment > now else moment


def starting(value) -> dt.datetime | None:
    return value[0] if isinstance(value, tuple) else value


def person_ids() -> dict[str, int]:
    return {name: pid for name, pid in
            Person.select(Person.name, Person.id).where(Person.active == True).tuples()}  # noqa: E712


def insert_rows(model, rows: list[dict]) -> list[int]:
    """Bulk insert; returns the new ids in order (SQLite gives a multi-row INSERT consecutive rowids)."""
    import peewee as pw

    ids: list[int] = []
    names = list(dict.fromkeys(k for row in rows for k in row))
    fields = model._meta.fields
    defaults = {}
    for name in names:
        default = fields[name].default
        defaults[name] = default() if callable(default) else default
    rows = [row if len(row) == len(names) else {**defaults, **row} for row in rows]
    for i in range(0, len(rows), BATCH):
        batch = rows[i:i + BATCH]
        before = model.select(pw.fn.MAX(model.id)).scalar() or 0
        model.insert_many(batch).execute()
        after = model.select(pw.fn.MAX(model.id)).scalar() or 0
        if after - before != len(batch):
            raise RuntimeError("批量写入的记录编号不连续")
        ids.extend(range(before + 1, after + 1))
    return ids


class Converter(ABC):
    """Turns a ledger kind's checked rows into records of its register (one subclass per kind)."""

    TABLE = ""
    #: service field → template column
    FIELDS: dict[str, str] = {}
    #: start() or prepare() write (the importer then holds the write lock from the first check on)
    WRITES_WHILE_CHECKING = False

    def start(self, rows: list[Row]) -> None:  # noqa: B027 - a hook most kinds do not need
        """Before the rows are prepared (inside the transaction): caches."""

    def existing_keys(self) -> set:
        return set()

    @abstractmethod
    def prepare(self, values: dict) -> tuple[object, dict]:
        """Check one row through the register's rules: (its duplicate key, what write() stores)."""

    @abstractmethod
    def write(self, payloads: list[dict]) -> None:
        """Store the prepared rows (in the caller's transaction)."""


