"""Build the one-folder program with PyInstaller, then run the smoke test on it.

    python packaging/build.py              build into packaging/dist/xiaoneng/, then smoke-test it
    python packaging/build.py --no-test    build only

Installs nothing: PyInstaller and the program's dependencies must already be installed in this Python
(pip install pyinstaller .). Exit code: 0 built (and the smoke test passed), 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = HERE / "xiaoneng.spec"
DIST = HERE / "dist"
WORK = HERE / "build"
BUNDLE = DIST / "xiaoneng"


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build xiaoneng with PyInstaller and smoke-test the result.")
    parser.add_argument("--no-test", action="store_true", help="build only, skip the smoke test")
    args = parser.parse_args(argv)

    if importlib.util.find_spec("PyInstaller") is None:
        print("PyInstaller is not installed in this Python: pip install pyinstaller", file=sys.stderr)
        return 1

    started = time.monotonic()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    print("==> " + " ".join(command), flush=True)
    if subprocess.run(command, cwd=HERE.parent).returncode != 0:
        print("PyInstaller failed", file=sys.stderr)
        return 1

    files = sum(1 for path in BUNDLE.rglob("*") if path.is_file())
    size = folder_size(BUNDLE)
    print(f"==> built {BUNDLE} in {time.monotonic() - started:.0f} s: {files} files, {size / 2**20:.1f} MiB")

    if args.no_test:
        return 0
    smoke = [sys.executable, str(HERE / "smoke_test.py"), str(BUNDLE)]
    print("==> " + " ".join(smoke), flush=True)
    return 0 if subprocess.run(smoke).returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
