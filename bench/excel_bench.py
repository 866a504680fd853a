"""Ten years through Excel (issue 16): the export of every call and the import of that export, each in
its own process (its own peak RSS), beside its goal and the anchors measured in the same run.

    python3 bench/excel_bench.py --db DATA.sqlite3

The data file is copied first (the bench never opens the given file itself). Rows:
  xiaoneng export duty (all calls)       vs ≤ 15 s, ≤ 200 MB; anchor: LibreOffice opens the .xlsx
                                          (soffice --headless --convert-to csv, where installed)
  xiaoneng import duty (that export)     vs ≤ 10 s, ≤ 300 MB; anchor: python-calamine reads all rows
``run_excel(db)`` gives the rows for bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOALS = {"export": (15.0, 200), "import": (10.0, 300)}


def _in_child(what: str, *args: str) -> tuple[float, float, str]:
    """This file run again as ``--child what args``: one measurement, one fresh process (own peak)."""
    out = subprocess.run([sys.executable, __file__, "--child", what, *args], cwd=ROOT, capture_output=True,
                         text=True, timeout=1800)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    seconds, peak, *rest = out.stdout.strip().splitlines()[-1].split("\t")
    return float(seconds), float(peak), "\t".join(rest)


def _child(what: str, args: list[str]) -> None:
    if what == "calamine":
        from python_calamine import CalamineWorkbook

        start = time.perf_counter()
        book = CalamineWorkbook.from_path(args[0])
        rows = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
        note = f"{len(rows):,} 行"
    else:
        start = time.perf_counter()
        command = [sys.executable, "-m", "xiaoneng_desktop", "--db", args[0], *args[1:]]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, env=_compiled_env())
        if done.returncode != 0:
            raise SystemExit(done.stderr[-2000:])
        note = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    seconds = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"{seconds:.2f}\t{peak / 1024:.0f}\t{note}")


def _compiled_env() -> dict[str, str]:
    """As after ``pip install`` (which compiles every module): bytecode cached in a folder of its own
    (bench/run.py's probes do the same), so PYTHONDONTWRITEBYTECODE does not add compiling the program
    to every measured run. The first program run of the bench (the empty file) fills it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "xiaoneng-bench-pycache")
    return env


def _empty_file(path: Path) -> None:
    code = ("import sys; from pathlib import Path; from xiaoneng_desktop import schema; "
            "from xiaoneng_desktop.core.db import close_database; schema.open_database(Path(sys.argv[1])); "
            "close_database()")
    subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, check=True, env=_compiled_env())


def run_excel(db: Path) -> list[list[str]]:
    """The table's rows: [what, seconds, peak MB, goal, anchor, verdict]."""
    folder = Path(tempfile.mkdtemp(prefix="xiaoneng-excel-"))
    try:
        data = folder / "data.sqlite3"
        shutil.copy(db, data)
        for suffix in ("-wal",):
            if Path(str(db) + suffix).exists():
                shutil.copy(str(db) + suffix, str(data) + suffix)
        out = folder / "calls.xlsx"
        target = folder / "empty.sqlite3"
        _empty_file(target)  # also compiles the program's modules before anything is timed
        rows = []
        seconds, peak, note = _in_child("cli", str(data), "export", "duty", str(out))
        anchor = "LibreOffice 未安装"
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            start = time.perf_counter()
            subprocess.run([soffice, "--headless", "--convert-to", "csv", "--outdir", str(folder), str(out)],
                           capture_output=True, timeout=600, env={**os.environ, "HOME": str(folder)})
            anchor = f"LibreOffice 打开 {time.perf_counter() - start:.1f} s"
        rows.append(["导出全部来电", seconds, peak, GOALS["export"], anchor, note])
        c_seconds, c_peak, c_note = _in_child("calamine", str(out))
        seconds, peak, note = _in_child("cli", str(target), "import", "duty", str(out))
        rows.append(["导入该导出文件", seconds, peak, GOALS["import"],
                     f"python-calamine 读全部 {c_note} {c_seconds:.1f} s / {c_peak:.0f} MB", note])
        return [[what, f"{s:.1f} s", f"{p:.0f} MB", f"≤ {g[0]:.0f} s, ≤ {g[1]} MB", anchor,
                 "达标" if s <= g[0] and p <= g[1] else "未达标", note] for what, s, p, g, anchor, note in rows]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="the data file (ten years of demo data)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1:])
        return 0
    if args.db is None:
        parser.error("--db is needed")
    print(f"负载 {os.getloadavg()[0]:.1f}（{os.cpu_count()} 核）")
    for row in run_excel(args.db):
        print(" | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
