"""机关效能管理系统 — a desktop register of duty calls, documents, visitors and self-inspection."""

import sys as _sys

__version__ = "0.1.0"
APP_NAME = "机关效能管理系统"


def _import_peewee_without_psycopg() -> None:
    """peewee imports the PostgreSQL driver (psycopg) at its own import whenever it is installed: about
    0.2–0.4 s of every start, also for a data file that never meets a server. peewee is imported here
    with psycopg hidden; core/server.py hands it the driver (``peewee_psycopg``) before the first
    PostgresqlDatabase is made."""
    if "peewee" in _sys.modules or "psycopg" in _sys.modules:
        return
    _sys.modules["psycopg"] = None  # ``import psycopg`` raises ImportError: peewee sets psycopg = None
    try:
        import peewee  # noqa: F401
    except ImportError:
        pass
    finally:
        if _sys.modules.get("psycopg", 0) is None:
            del _sys.modules["psycopg"]


_import_peewee_without_psycopg()
