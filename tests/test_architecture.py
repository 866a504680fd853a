"""The house plan's arrows, checked on the source (ARCHITECTURE.md, "The arrows"):

    cli, app  ->  ui  ->  reports, ledger  ->  duty, documents, visitors, inspection  ->  core

core and the registers import no Qt and nothing above them; a register never imports another
register's ``service``; reports and ledger never import the UI. Imports inside functions count too.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = "xiaoneng_desktop"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE
REGISTERS = ("duty", "documents", "visitors", "inspection")
QT = ("PySide6", "shiboken6")
ABOVE_REGISTERS = tuple(
    f"{PACKAGE}.{name}" for name in ("ui", "app", "cli", "reports", "ledger", "schema", "demo")
)


def modules_in(folder: str) -> list[Path]:
    base = ROOT / folder
    return sorted(base.rglob("*.py")) if base.is_dir() else []


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of everything ``path`` imports; ``from a import b`` yields a and a.b."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def violations(folder: str, forbidden) -> list[str]:
    found = []
    for path in modules_in(folder):
        for line, name in imports(path):
            reason = forbidden(name)
            if reason:
                found.append(f"{path.relative_to(ROOT.parent)}:{line} imports {name} ({reason})")
    return found


def test_the_layers_exist():
    assert modules_in("core"), "the walk found no core modules: wrong root?"


@pytest.mark.parametrize("folder", ["core", *REGISTERS])
def test_core_and_registers_import_no_qt_and_nothing_above_them(folder):
    def forbidden(name: str) -> str:
        if under(name, QT):
            return "Qt belongs to the UI"
        if under(name, ABOVE_REGISTERS):
            return "points up the arrows"
        return ""

    assert violations(folder, forbidden) == []


def test_core_imports_no_register():
    registers = tuple(f"{PACKAGE}.{r}" for r in REGISTERS)
    assert violations("core", lambda name: "core comes first" if under(name, registers) else "") == []


@pytest.mark.parametrize("register", REGISTERS)
def test_a_register_never_uses_another_registers_service(register):
    others = tuple(f"{PACKAGE}.{r}.service" for r in REGISTERS if r != register)

    def forbidden(name: str) -> str:
        return "combine registers in reports" if under(name, others) else ""

    assert violations(register, forbidden) == []


@pytest.mark.parametrize("folder", ["reports", "ledger"])
def test_reports_and_ledger_import_no_ui(folder):
    ui = tuple(f"{PACKAGE}.{name}" for name in ("ui", "app", "cli"))
    assert violations(folder, lambda name: "the UI calls them, not back" if under(name, ui) else "") == []


def test_the_walk_sees_relative_and_nested_imports(tmp_path, monkeypatch):
    package = tmp_path / PACKAGE / "visitors"
    package.mkdir(parents=True)
    (package / "service.py").write_text(
        "from . import models\ndef f():\n    from ..documents import service\n    import PySide6.QtCore\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path / PACKAGE)
    names = [name for _line, name in imports(package / "service.py")]
    assert f"{PACKAGE}.visitors.models" in names
    assert f"{PACKAGE}.documents.service" in names
    assert "PySide6.QtCore" in names


def test_every_register_service_defines_its_settings_through_schema():
    """The settings dialog lists every register's limits, even before that register's tab is opened."""
    from xiaoneng_desktop import schema

    services = sorted(f"xiaoneng_desktop.{p.parent.name}.service" for p in ROOT.glob("*/service.py"))
    assert sorted(schema.SETTING_MODULES) == services


def test_app_does_not_import_cli():
    """cli starts the window (app); app takes its log and demo helpers from core/logs and launch,
    so the two entry points do not import each other."""
    found = [f"app.py:{line} imports {name}" for line, name in imports(ROOT / "app.py")
             if under(name, (f"{PACKAGE}.cli",))]
    assert found == []


def top_package(module: str) -> str:
    """duty for xiaoneng_desktop.duty.service; cli for the top-level module xiaoneng_desktop.cli."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def is_module(name: str) -> bool:
    path = ROOT.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def dotted(node: ast.AST) -> str:
    """a.b.c for an attribute chain on a plain name; "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else ""
    return ""


def private_uses(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module.name) of each module-private name ``path`` takes from a module of another package
    of the program, by ``from m import _name`` or by ``m._name`` on an imported module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = top_package(module_name(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    modules: dict[str, str] = {}  # local name → the program's module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if under(alias.name, (PACKAGE,)):
                    local = alias.asname or alias.name
                    modules[local] = alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if not under(module, (PACKAGE,)):
                continue
            for alias in node.names:
                full = f"{module}.{alias.name}"
                if is_private(alias.name) and top_package(module) != own:
                    yield node.lineno, full
                if is_module(full):
                    modules[alias.asname or alias.name] = full
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            base = dotted(node.value)
            head, _, rest = base.partition(".")
            target = modules.get(base) or (modules.get(head) and f"{modules[head]}.{rest}" if rest else "")
            if target and is_module(target) and top_package(target) != own:
                yield node.lineno, f"{target}.{node.attr}"


def test_no_module_private_name_is_used_from_another_package():
    """A ``_name`` is its package's own business: what another package needs is made public (check_call …)."""
    found = [f"{path.relative_to(ROOT.parent)}:{line} uses {name}"
             for path in sorted(ROOT.rglob("*.py")) for line, name in private_uses(path)]
    assert found == []


def test_the_private_walk_sees_imports_and_attributes(tmp_path, monkeypatch):
    for folder in ("duty", "ledger"):
        (tmp_path / PACKAGE / folder).mkdir(parents=True)
        (tmp_path / PACKAGE / folder / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / PACKAGE / "duty" / "service.py").write_text("def _clean(): pass\n", encoding="utf-8")
    (tmp_path / PACKAGE / "duty" / "models.py").write_text("class Call: _meta = None\n", encoding="utf-8")
    (tmp_path / PACKAGE / "duty" / "stats.py").write_text(
        "from . import service\nservice._clean()\n", encoding="utf-8")
    (tmp_path / PACKAGE / "ledger" / "converters.py").write_text(
        "from xiaoneng_desktop.duty import service as duty\nfrom xiaoneng_desktop.duty.models import Call\n"
        "from ..duty.service import _clean\nimport xiaoneng_desktop.duty.service\n"
        "duty._clean()\nCall._meta\nxiaoneng_desktop.duty.service._clean()\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path / PACKAGE)
    found = list(private_uses(tmp_path / PACKAGE / "ledger" / "converters.py"))
    assert found == [(3, f"{PACKAGE}.duty.service._clean"), (5, f"{PACKAGE}.duty.service._clean"),
                     (7, f"{PACKAGE}.duty.service._clean")]
    assert list(private_uses(tmp_path / PACKAGE / "duty" / "stats.py")) == []  # its own package


MODEL_QUERIES = {"select", "get", "get_or_none", "get_by_id", "create", "insert", "insert_many", "update",
                 "delete", "delete_by_id", "raw", "bulk_create", "bulk_update"}
#: The shared table model runs the query a register's service hands it (its query hook): the one place
#: in ui/ where a query may be narrowed or counted.
QUERY_HOOK = ROOT / "ui" / "widgets" / "sql_table.py"


def queries_in(path: Path) -> Iterator[tuple[int, str]]:
    """(line, what) of each query ``path`` runs itself: a model's select/get/…, ``.exists()``, raw SQL."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    models = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
              and (node.module or "").endswith(".models") for alias in node.names}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        owner = dotted(node.func.value) if isinstance(node.func, ast.Attribute) else ""
        if name in MODEL_QUERIES and owner in models:
            yield node.lineno, f"{owner}.{name}()"
        elif name in ("execute_sql", "exists", "SQL", "execute"):
            yield node.lineno, f"{owner + '.' if owner else ''}{name}()"


def test_the_ui_runs_no_query_of_its_own():
    """The UI asks the services (get_X, X_query) and shows what they return (ARCHITECTURE.md)."""
    found = [f"{path.relative_to(ROOT.parent)}:{line} runs {what}"
             for path in sorted((ROOT / "ui").rglob("*.py"))
             if path != QUERY_HOOK and path.parent.name != "forms"
             for line, what in queries_in(path)]
    assert found == []


def test_the_query_walk_sees_model_calls(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from xiaoneng_desktop.duty.models import Call as C\n"
                      "C.get_or_none(C.id == 1)\nquery.where(x).exists()\ndb.execute_sql('x')\n"
                      "service.get_call(1)\n", encoding="utf-8")
    assert [what for _, what in queries_in(sample)] == ["C.get_or_none()", "exists()", "db.execute_sql()"]
