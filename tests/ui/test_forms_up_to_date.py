"""The committed ui_*.py modules are what pyside6-uic makes of forms/*.ui today.

Fix a failure with ``python forms/compile.py``. Only the header line naming the Qt version is
ignored, so a PySide6 upgrade alone does not fail this.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "forms" / "compile.py"


def _load_compile_script():
    spec = importlib.util.spec_from_file_location("forms_compile", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


forms = _load_compile_script()


@pytest.mark.parametrize("ui_file", forms.ui_files(), ids=lambda path: path.stem)
def test_form_is_compiled_and_up_to_date(ui_file):
    target = forms.target_of(ui_file)
    assert target.exists(), f"{ui_file.name} 尚未编译：运行 python forms/compile.py"
    committed = forms.comparable(target.read_text(encoding="utf-8"))
    assert committed == forms.comparable(forms.compile_text(ui_file)), (
        f"{target.name} 与 {ui_file.name} 不一致：运行 python forms/compile.py（不要手改 ui_*.py）")


def test_every_compiled_form_has_its_ui_source():
    sources = {forms.target_of(ui_file).name for ui_file in forms.ui_files()}
    orphans = [path.name for path in forms.OUTPUT.glob("ui_*.py") if path.name not in sources]
    assert orphans == [], f"这些编译结果没有对应的 forms/*.ui：{orphans}"


def test_only_the_qt_version_line_of_the_header_is_ignored():
    compiled = forms.target_of(ROOT / "forms" / "person_dialog.ui").read_text(encoding="utf-8")
    assert "Qt User Interface Compiler version" in compiled
    other_qt = "\n".join(
        "## Created by: Qt User Interface Compiler version 6.99.1" if "Compiler version" in line else line
        for line in compiled.splitlines()) + "\n"
    assert forms.comparable(other_qt) == forms.comparable(compiled)
    edited = compiled.replace('setObjectName(u"name_edit")', 'setObjectName(u"renamed")', 1)
    assert edited != compiled
    assert forms.comparable(edited) != forms.comparable(compiled)


def test_check_option_reports_without_writing():
    before = {path: path.stat().st_mtime_ns for path in forms.OUTPUT.glob("ui_*.py")}
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True,
                            encoding="utf-8", check=False)
    assert result.returncode == (1 if forms.stale_forms() else 0), result.stdout + result.stderr
    assert {path: path.stat().st_mtime_ns for path in forms.OUTPUT.glob("ui_*.py")} == before
