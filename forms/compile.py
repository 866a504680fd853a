"""Compile the Qt Designer forms: every forms/<name>.ui → xiaoneng_desktop/ui/forms/ui_<name>.py.

    python forms/compile.py            compile the forms whose output differs
    python forms/compile.py --check    change nothing; exit 1 listing the out-of-date ones

The .ui files are the source of truth for layouts; the compiled modules are committed so that the
program runs without the Qt tools. "Out of date" ignores the generator's header line naming the Qt
version, so upgrading PySide6 alone does not make every form stale.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent
OUTPUT = FORMS.parent / "xiaoneng_desktop" / "ui" / "forms"

# "## Created by: Qt User Interface Compiler version 6.7.2"
_VERSION_LINE = re.compile(r"^#.*\bversion\s+\d+(\.\d+)+", re.IGNORECASE)


def uic_command() -> list[str]:
    """How to run pyside6-uic for the PySide6 of *this* interpreter (a PATH one may be another's)."""
    here = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (here / name).is_file():
            return [str(here / name)]
    # A venv on Windows or a bare install may lack the script; PySide6's own wrapper is the same tool.
    if importlib.util.find_spec("PySide6") is not None:
        return [sys.executable, "-c",
                "import sys; from PySide6.scripts.pyside_tool import uic; sys.argv[0] = 'pyside6-uic'; uic()"]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("找不到 pyside6-uic：请先安装 PySide6（pip install PySide6-Essentials）。")


def target_of(ui_file: Path) -> Path:
    return OUTPUT / f"ui_{ui_file.stem}.py"


def compile_text(ui_file: Path) -> str:
    """What pyside6-uic makes of the .ui file now."""
    result = subprocess.run([*uic_command(), str(ui_file)], capture_output=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic 编译 {ui_file.name} 失败：\n{result.stderr.decode('utf-8', 'replace')}")
    # uic writes the platform's line endings; the committed files always use "\n".
    return "\n".join(result.stdout.decode("utf-8").splitlines()) + "\n"


def comparable(text: str) -> list[str]:
    return [line for line in text.splitlines() if not _VERSION_LINE.match(line)]


def ui_files() -> list[Path]:
    return sorted(FORMS.glob("*.ui"))


def stale_forms() -> list[str]:
    """Problems, one line each: forms whose compiled module is missing or differs, and orphans."""
    problems = []
    for ui_file in ui_files():
        target = target_of(ui_file)
        if not target.exists():
            problems.append(f"{ui_file.name}: 尚未编译（缺少 {target.name}）")
        elif comparable(target.read_text(encoding="utf-8")) != comparable(compile_text(ui_file)):
            problems.append(f"{ui_file.name}: {target.name} 与 .ui 不一致，需要重新编译")
    sources = {target_of(ui_file).name for ui_file in ui_files()}
    for compiled in sorted(OUTPUT.glob("ui_*.py")):
        if compiled.name not in sources:
            problems.append(f"{compiled.name}: 没有对应的 forms/*.ui（布局应在 .ui 中修改）")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compile forms/*.ui with pyside6-uic.")
    parser.add_argument("--check", action="store_true", help="only report out-of-date forms; exit 1 if any")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale_forms()
        for line in problems:
            print(line)
        if problems:
            print("运行 python forms/compile.py 重新编译。")
        return 1 if problems else 0
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for ui_file in ui_files():
        target = target_of(ui_file)
        text = compile_text(ui_file)
        if target.exists() and comparable(target.read_text(encoding="utf-8")) == comparable(text):
            continue  # keep the file (and its version header) untouched: no churn in git
        target.write_text(text, encoding="utf-8", newline="\n")
        print(f"{ui_file.name} → {target.relative_to(FORMS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
