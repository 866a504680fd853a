"""Every table of the program and the ordered schema upgrades, for core.db.open_database.

Lives above core and the registers because it names them all (core may not import a register).
"""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from xiaoneng_desktop.core import db
from xiaoneng_desktop.core.models import CORE_MODELS
from xiaoneng_desktop.duty.models import DUTY_MODELS

MODELS = [*CORE_MODELS, *DUTY_MODELS]

# MIGRATIONS[i] upgrades a file of schema version i+1 to i+2; append, never edit or reorder.
MIGRATIONS: list[db.Migration] = []

SCHEMA_VERSION = len(MIGRATIONS) + 1


def open_database(path: Path | str) -> pw.SqliteDatabase:
    return db.open_database(path, MODELS, MIGRATIONS)
