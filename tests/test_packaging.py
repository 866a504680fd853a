"""The wheel holds every package and the resources: the list in pyproject.toml cannot fall behind."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "xiaoneng_desktop").rglob("__init__.py")
             if "__pycache__" not in init.parts}
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert "xiaoneng_desktop.resources" in listed
    assert config["tool"]["setuptools"]["package-dir"]["xiaoneng_desktop.resources"] == "resources"
    assert (ROOT / "resources" / "icon.svg").is_file()
