"""机关效能管理系统 — a desktop register of duty calls, documents, visitors and self-inspection."""

import sys as _sys

__version__ = "0.1.0"
APP_NAME = "机关效能管理系统"


class _PeeweeWithoutPsycopg:
    """peewee imports the PostgreSQL driver (psycopg) at its own import whenever it is installed: about
    0.2–0.4 s, also for a data file that never meets a server. This finder, asked first for
    ``peewee`` only, lets the next finder find it and hides psycopg while its module runs (peewee then
    sets psycopg = None); core/server.py hands it the driver (``peewee_psycopg``) before the first
    PostgresqlDatabase is made. A finder rather than importing peewee here: the window is painted
    before anything imports peewee."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "peewee":
            return None
        if cls in _sys.meta_path:
            _sys.meta_path.remove(cls)  # once is enough; and the loop below must not ask this finder
        for finder in _sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None and "psycopg" not in _sys.modules:
                    spec.loader = _LoaderHidingPsycopg(spec.loader)
                return spec
        return None


class _LoaderHidingPsycopg:
    """peewee's own loader, with ``import psycopg`` failing while peewee's module runs."""

    def __init__(self, loader):
        self.loader = loader

    def __getattr__(self, name):  # get_source, get_code …: the real loader's
        return getattr(self.loader, name)

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        _sys.modules["psycopg"] = None  # ``import psycopg`` raises ImportError
        try:
            self.loader.exec_module(module)
        finally:
            if _sys.modules.get("psycopg", 0) is None:
                del _sys.modules["psycopg"]


if "peewee" not in _sys.modules and "psycopg" not in _sys.modules:
    _sys.meta_path.insert(0, _PeeweeWithoutPsycopg)
