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
