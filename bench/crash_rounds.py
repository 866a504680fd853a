"""Pull the plug: SIGKILL the program in the middle of saves, imports and demo generation, then check
that every save it reported as committed is in the file and the file is healthy.

    python3 bench/crash_rounds.py [--rounds 60] [--dir DIR] [--seed 1]

Each round starts a fresh child process that works on a data file and is killed with SIGKILL after a
random delay:

* ``saves``  — the child saves calls and visits through the services (each its own transaction) and
  prints every committed id at once; after the kill, each printed id must be in the file.
* ``import`` — the child imports a ledger of calls through the CLI (``xiaoneng import duty``); after the
  kill, the file holds all of the ledger's rows or none of them.
* ``demo``   — the child generates two months of demo data; after the kill, the file holds the whole
  demo or no call at all.

After every round: ``PRAGMA integrity_check`` must say ok and the program must open the file again.
Prints the figures and exits 0 when nothing was lost or damaged, 1 otherwise (Linux/macOS only).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SAVER = r"""
import datetime as dt, sys
from xiaoneng_desktop import schema
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.visitors import service as visitors
schema.open_database(sys.argv[1])
n = 0
while True:
    n += 1
    now = dt.datetime.now().replace(microsecond=0)
    if n % 3:
        row = duty.create_call(duty.CallInput(received_at=now, category="一般事项", summary=f"第{n}次保存",
                                              officer_name="王值班"))
        print("call", row.id, flush=True)
    else:
        row = visitors.create_visit(visitors.VisitInput(visited_at=now, name=f"来访人{n}", category="咨询",
                                                        matter="咨询办事流程", first_responder="李接待"))
        print("visit", row.id, flush=True)
"""

DEMO = r"""
import sys
from xiaoneng_desktop import demo, schema
schema.open_database(sys.argv[1])
demo.fill(2)
print("done", flush=True)
"""


def _child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)


def _cli(*args: str) -> subprocess.Popen:
    code = "import sys; from xiaoneng_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as raw:
        return raw.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def _healthy(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as raw:
        ok = raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # the program itself must open it again (upgrades, WAL, settings)
    check = subprocess.run([sys.executable, "-c", "import sys; from xiaoneng_desktop import schema; "
                            "schema.open_database(sys.argv[1]).close()", str(path)], cwd=ROOT,
                           capture_output=True)
    return ok and check.returncode == 0


def _kill_after(process: subprocess.Popen, seconds: float) -> None:
    time.sleep(seconds)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate()  # reap it and close its pipes


def _fresh(folder: Path, name: str) -> Path:
    path = folder / f"{name}.sqlite3"
    subprocess.run([sys.executable, "-c", "import sys; from xiaoneng_desktop import schema; "
                    "schema.open_database(sys.argv[1]).close()", str(path)], cwd=ROOT, check=True)
    return path


def round_saves(folder: Path, number: int, rng: random.Random) -> tuple[int, list[str]]:
    path = _fresh(folder, f"saves{number}")
    child = _child(SAVER, str(path))
    time.sleep(rng.uniform(0.8, 2.5))
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    committed = [line.split() for line in out.splitlines() if line.count(" ") == 1]
    problems = []
    with closing(sqlite3.connect(path)) as raw:
        for table, record_id in committed:
            if raw.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', (int(record_id),)).fetchone() is None:
                problems.append(f"{table} {record_id} reported committed, missing")
    if not _healthy(path):
        problems.append("damaged")
    return len(committed), problems


def round_import(folder: Path, number: int, rng: random.Random, ledger: Path, rows: int,
                 takes: float) -> tuple[int, list[str]]:
    path = _fresh(folder, f"import{number}")
    child = _cli("--db", str(path), "import", "duty", str(ledger))
    _kill_after(child, rng.uniform(0.1, 1.2 * takes))  # some before, some during, a few after the commit
    calls = _count(path, "call")
    problems = [] if calls in (0, rows) else [f"import half done: {calls} of {rows}"]
    if not _healthy(path):
        problems.append("damaged")
    return (calls if calls == rows else 0), problems


def round_demo(folder: Path, number: int, rng: random.Random, demo_calls: int, takes: float) -> tuple[int, list[str]]:
    path = _fresh(folder, f"demo{number}")
    child = _child(DEMO, str(path))
    _kill_after(child, rng.uniform(0.1, 1.2 * takes))
    calls = _count(path, "call")
    problems = [] if calls in (0, demo_calls) else [f"demo half done: {calls} of {demo_calls} calls"]
    if not _healthy(path):
        problems.append("damaged")
    return (calls if calls == demo_calls else 0), problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="xiaoneng-crash-"))
    folder.mkdir(parents=True, exist_ok=True)

    # the import's ledger and the demo's size, from one complete run of each
    source = _fresh(folder, "source")
    timer = time.monotonic()
    subprocess.run([sys.executable, "-c", DEMO, str(source)], cwd=ROOT, check=True, capture_output=True)
    demo_takes = time.monotonic() - timer
    demo_calls = _count(source, "call")
    ledger = folder / "calls.xlsx"
    subprocess.run([sys.executable, "-c", "import sys; from xiaoneng_desktop.cli import main; "
                    "sys.exit(main(sys.argv[1:]))", "--db", str(source), "export", "duty", str(ledger)],
                   cwd=ROOT, check=True, capture_output=True)
    timer = time.monotonic()
    whole = _fresh(folder, "import-whole")
    _cli("--db", str(whole), "import", "duty", str(ledger)).wait()
    import_takes = time.monotonic() - timer
    import_rows = _count(whole, "call")  # the export leaves voided calls out

    kinds = ("saves", "import", "demo")
    figures = {kind: {"rounds": 0, "committed": 0, "whole": 0, "problems": []} for kind in kinds}
    started = time.monotonic()
    for number in range(args.rounds):
        kind = kinds[number % len(kinds)]
        if kind == "saves":
            committed, problems = round_saves(folder, number, rng)
        elif kind == "import":
            committed, problems = round_import(folder, number, rng, ledger, import_rows, import_takes)
        else:
            committed, problems = round_demo(folder, number, rng, demo_calls, demo_takes)
        figures[kind]["rounds"] += 1
        figures[kind]["committed"] += committed
        figures[kind]["whole"] += kind != "saves" and committed > 0
        figures[kind]["problems"] += [f"round {number}: {p}" for p in problems]
    print(f"SIGKILL 轮次：{args.rounds}（{time.monotonic() - started:.0f} 秒，数据文件在 {folder}）")
    print(f"一次完整的演示数据生成 {demo_takes:.1f} 秒（{demo_calls} 条来电），一次完整的导入 {import_takes:.1f} 秒；"
          "杀进程的时刻在 0.1 秒到 1.2 倍用时之间随机")
    print(f"{'类别':<8}{'轮次':>6}{'已提交':>10}{'完整轮次':>10}{'丢失或损坏':>12}")
    lost = 0
    for kind in kinds:
        f = figures[kind]
        lost += len(f["problems"])
        whole = f["whole"] if kind != "saves" else "—"
        print(f"{kind:<10}{f['rounds']:>6}{f['committed']:>10}{whole:>12}{len(f['problems']):>12}")
        for problem in f["problems"]:
            print("   ", problem)
    print("结果：" + ("无丢失、无损坏" if not lost else f"{lost} 处问题"))
    return 0 if not lost else 1


if __name__ == "__main__":
    sys.exit(main())
