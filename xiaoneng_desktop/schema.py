"""Every table of the program and the ordered schema upgrades, for core.db.open_database.

Lives above core and the registers because it names them all (core may not import a register).
"""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from xiaoneng_desktop.core import db
from xiaoneng_desktop.core.models import CORE_MODELS
from xiaoneng_desktop.duty.models import DUTY_MODELS
from xiaoneng_desktop.inspection.builtin import install_builtin_template
from xiaoneng_desktop.inspection.models import INSPECTION_MODELS, CheckItem, CheckPoint, Template

MODELS = [*CORE_MODELS, *DUTY_MODELS, *INSPECTION_MODELS]
#: Tables a new file comes with already filled in (the built-in check-point template): not user records.
PRESET_MODELS = [Template, CheckItem, CheckPoint]

#: The columns a free-text search looks in, per table (an FTS5 index each; see core.db).
SEARCHED = {
    "call": ("summary", "caller", "caller_unit", "phone", "assignee_name", "officer_name", "instruction",
             "feedback"),
    "problem": ("description", "cause", "measure", "responsible_name", "explanation", "verified_by",
                "verification"),
}


def create_search_indexes(database: pw.SqliteDatabase) -> None:
    for table, columns in SEARCHED.items():
        db.create_search_index(database, table, columns)


# MIGRATIONS[i] upgrades a file of schema version i+1 to i+2; append, never edit or reorder.
# A new file gets the latest models plus create_search_indexes at once.
def _v2_call_search(database: pw.SqliteDatabase) -> None:
    """1 → 2: free-text search of the call log through an index."""
    db.create_search_index(database, "call", SEARCHED["call"])


def _v3_inspection(database: pw.SqliteDatabase) -> None:
    """五查自查: its tables, the search index of problems, and the built-in five-checks template."""
    database.create_tables(INSPECTION_MODELS)
    db.create_search_index(database, "problem", SEARCHED["problem"])
    install_builtin_template()


MIGRATIONS: list[db.Migration] = [
    _v2_call_search,
    _v3_inspection,
]

SCHEMA_VERSION = len(MIGRATIONS) + 1


def on_create(database: pw.SqliteDatabase) -> None:
    """What a new file needs beyond its tables: the search indexes and the built-in data."""
    create_search_indexes(database)
    install_builtin_template()


def open_database(path: Path | str) -> pw.SqliteDatabase:
    return db.open_database(path, MODELS, MIGRATIONS, on_create=on_create)
