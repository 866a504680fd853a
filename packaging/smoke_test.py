"""Smoke test of the frozen program: does the built folder start, write data, show a window, fail politely?

    python packaging/smoke_test.py [packaging/dist/xiaoneng]

Runs the bundle's own executable (never the source) in a temporary folder. Prints each step, ends with
"smoke test passed" (exit 0) or the first failure (exit 1). On Windows the program is windowed and has
no stderr, so there only exit codes are checked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_BUNDLE = HERE / "dist" / "xiaoneng"
WINDOWED = sys.platform == "win32"  # as in xiaoneng.spec: console=not WINDOWS
CJK = re.compile(r"[\u4e00-\u9fff]")
GUI_SECONDS = 5
TIMEOUT = 120


class Failed(Exception):
    pass


def step(text: str) -> None:
    print(f"--- {text}", flush=True)


def ok(text: str = "ok") -> None:
    print(f"    {text}", flush=True)


def check(condition: bool, message: str, result: subprocess.CompletedProcess | None = None) -> None:
    if condition:
        return
    if result is not None:
        message += f"\n    exit code {result.returncode}\n    stdout: {result.stdout!r}\n    stderr: {result.stderr!r}"
    raise Failed(message)


def run(exe: Path, *args: str, env: dict[str, str], timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(exe), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def check_polite_failure(result: subprocess.CompletedProcess, code: int = 2) -> None:
    check(result.returncode == code, f"expected exit code {code}", result)
    check("Traceback" not in result.stderr, "a traceback on stderr", result)
    if WINDOWED:
        ok(f"exit {code} (windowed build: no stderr to read)")
        return
    check(bool(CJK.search(result.stderr)), "no Chinese message on stderr", result)
    ok(f"exit {code}: {result.stderr.strip().splitlines()[-1]}")


def smoke(bundle: Path, tmp: Path) -> None:
    exe = bundle / ("xiaoneng.exe" if sys.platform == "win32" else "xiaoneng")
    step(f"executable {exe}")
    check(exe.is_file(), f"{exe} does not exist: run python packaging/build.py first")
    internal = bundle / "_internal"
    for part in ("resources/icon.svg", "resources/translations/qtbase_zh_CN.qm"):
        path = internal / "xiaoneng_desktop" / part
        check(path.is_file(), f"{path} is missing from the bundle")
    ok("present, with resources/icon.svg and qtbase_zh_CN.qm where app._bundle_dir() looks")

    # Keep the run away from the user's own settings, data and logs.
    env = dict(os.environ)
    env.pop("XIAONENG_DB", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if sys.platform.startswith("linux"):
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[name] = str(tmp / name.lower())

    step("xiaoneng --version")
    result = run(exe, "--version", env=env)
    check(result.returncode == 0, "--version failed", result)
    ok(result.stdout.strip() or "exit 0")

    data = tmp / "x.sqlite3"
    step(f"xiaoneng --db {data} demo --months 1")
    has_demo = run(exe, "demo", "--help", env=env).returncode == 0
    if has_demo:
        result = run(exe, "--db", str(data), "demo", "--months", "1", env=env)
        check(result.returncode == 0, "demo failed", result)
        check(data.is_file() and data.stat().st_size > 0, f"{data} was not written", result)
        check("Traceback" not in result.stderr, "a traceback on stderr", result)
        ok(f"exit 0, {data.name} {data.stat().st_size // 1024} KiB")
    else:
        print("    skipped: this build has no demo command yet", flush=True)

    step(f"GUI start with QT_QPA_PLATFORM=offscreen, still running after {GUI_SECONDS} s")
    gui_data = data if has_demo else tmp / "gui.sqlite3"
    log = tmp / "gui-stderr.txt"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [str(exe), "--db", str(gui_data)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            stdin=subprocess.DEVNULL,
        )
        try:
            time.sleep(GUI_SECONDS)
            code = process.poll()
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    text = log.read_text(encoding="utf-8", errors="replace")
    check(code is None, f"the window closed by itself with exit code {code}\n    stderr: {text!r}")
    check("Traceback" not in text and "发生意外错误" not in text, f"errors on stderr: {text!r}")
    check(gui_data.is_file(), f"{gui_data} was not created")
    ok("running, no error output; terminated")

    bad = tmp / "bad.txt"
    bad.write_text("这不是数据文件。This is not a database.\n" * 20, encoding="utf-8")
    if has_demo:
        step(f"bad data file: xiaoneng --db {bad.name} demo --months 1")
        check_polite_failure(run(exe, "--db", str(bad), "demo", "--months", "1", env=env))
    else:
        # Without the demo command only the window can open a file, and it shows an error dialog
        # that waits for a click: check the message and that it did not crash.
        step(f"bad data file: xiaoneng --db {bad.name} (window; no demo command)")
        try:
            check_polite_failure(run(exe, "--db", str(bad), env=env, timeout=15))
        except subprocess.TimeoutExpired as exc:
            stderr = (
                exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
            )
            check("Traceback" not in stderr, f"a traceback on stderr: {stderr!r}")
            check(WINDOWED or bool(CJK.search(stderr)), f"no Chinese message on stderr: {stderr!r}")
            ok("error dialog shown (waiting for a click); exit code not checked")
    check(bad.read_text(encoding="utf-8").startswith("这不是"), "the bad file was changed")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    bundle = Path(argv[0]).resolve() if argv else DEFAULT_BUNDLE
    with tempfile.TemporaryDirectory(prefix="xiaoneng-smoke-") as folder:
        try:
            smoke(bundle, Path(folder))
        except (Failed, subprocess.TimeoutExpired, OSError) as exc:
            print(f"FAILED: {exc}", flush=True)
            print("smoke test FAILED", flush=True)
            return 1
    print("smoke test passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
