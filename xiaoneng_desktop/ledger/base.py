"""What the five converters share: a row as read, the converter's shape, dates that close, bulk insert,
and the duplicate key (a record in every template column)."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.core.models import Person
from xiaoneng_desktop.ledger import cells
from xiaoneng_desktop.ledger.layouts import DATE, DATETIME, INT, layout

BATCH = 500


@dataclass(slots=True)
class Row:
    number: int  # the sheet's row number
    read: tuple  # the sheet's cells as read (shared with the SheetData: no copy per row)
    columns: dict[str, int]  # title → its place in ``read`` (one dict for every row)
    fixed: dict[str, object]  # title → the value every row gets (one dict for every row)
    values: dict[str, object]  # title → parsed

    def raw(self, title: str):
        """The cell of the column ``title`` as read (for an error message)."""
        if title in self.fixed:
            return self.fixed[title]
        place = self.columns.get(title)
        return self.read[place] if place is not None else None


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


def insert_rows(model, rows: list[dict] | Packed) -> list[int]:
    """Bulk insert; returns the new ids in order (core.db.insert_returning_ids, on either engine). A
    key some rows lack gets the field's default there."""
    from xiaoneng_desktop.core import db

    if isinstance(rows, Packed) and rows.keys is not None and all(isinstance(i, _PackedRow) for i in rows.items):
        names, values = list(rows.keys), rows.items  # the payloads' own tuples: no dict per row
    else:
        names = list(dict.fromkeys(k for row in rows for k in row))
        defaults = {name: db.field_default(model._meta.fields[name]) for name in names}
        values = [tuple([row[name] if name in row else defaults[name] for name in names]) for row in rows]
    return db.insert_returning_ids(model, names, values, BATCH)


class Packed(Sequence):
    """Payloads (dicts of the same keys in the same order) kept as tuples until they are written, given
    back as new dicts of the same values (a nested dict is the same object: changes to it stay):
    110,000 dicts of twenty entries were a third of a ten-year import's memory. A payload with other
    keys is kept as it is."""

    def __init__(self) -> None:
        self.keys: tuple[str, ...] | None = None
        self.items: list = []

    def pack(self, payload):
        """What to keep of ``payload`` (unpack gives it back)."""
        if isinstance(payload, dict):
            keys = tuple(payload)
            if self.keys is None:
                self.keys = keys
            if keys == self.keys:
                return _PackedRow(payload.values())
        return payload

    def unpack(self, item):
        return dict(zip(self.keys, item, strict=True)) if isinstance(item, _PackedRow) else item

    def append(self, item) -> None:
        """Add an item pack() gave."""
        self.items.append(item)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.unpack(item) for item in self.items[index]]
        return self.unpack(self.items[index])


class _PackedRow(tuple):
    __slots__ = ()

def _same(field, value):
    """A column's value as the importer parses it, so a stored record and a row compare alike."""
    if type(value) is str and field.type not in _TYPED:
        return value.strip()  # what parse gives a text (and text_of a refused choice), without the call
    try:
        got = cells.parse(field, value)
    except cells.CellError:
        return cells.text_of(value)
    return got[0] if isinstance(got, tuple) else got  # a moment: (moment, had_time)


_TYPED = (DATE, DATETIME, INT)


def record_key(kind: str, columns) -> tuple:
    """Every template column, normalised: two records are the same only when all of them agree
    (never a guess from a few: 26 problems with one short description are 26 problems)."""
    return tuple([_same(f, v) for f, v in zip(layout(kind).fields, columns, strict=True)])


class Converter(ABC):
    """Turns a ledger kind's checked rows into records of its register (one subclass per kind)."""

    KIND = ""
    #: The register's model; its table is what the audit line of an import names.
    MODEL: type = None  # type: ignore[assignment]
    #: service field → template column
    FIELDS: dict[str, str] = {}
    #: start() or prepare() write (the importer then holds the write lock from the first check on)
    WRITES_WHILE_CHECKING = False

    def start(self, rows: list[Row]) -> None:  # noqa: B027 - a hook most kinds do not need
        """Before the rows are prepared (inside the transaction): caches."""

    def existing_keys(self) -> Counter:
        """The live records' keys, counted (two identical stored records match two identical rows)."""
        from xiaoneng_desktop.ledger.exporter import rows_of

        return Counter(record_key(self.KIND, row) for row in rows_of(self.KIND))

    def key(self, payload) -> tuple:
        """The record ``payload`` would store, as ``existing_keys`` sees a stored one."""
        return record_key(self.KIND, self.columns(payload))

    @abstractmethod
    def columns(self, payload) -> tuple:
        """The record ``payload`` would store in template column order (as exporter.rows_of gives it)."""

    @abstractmethod
    def prepare(self, values: dict) -> dict:
        """Check one row through the register's rules: what write() stores."""

    @property
    def table(self) -> str:
        return self.MODEL._meta.table_name

    def write(self, payloads: list[dict]) -> None:
        """Store the prepared rows (in the caller's transaction)."""
        insert_rows(self.MODEL, payloads)


