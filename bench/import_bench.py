"""Benchmark (not a timed test): a 10,000-row duty ledger through template → import.

    python3 bench/import_bench.py [ROWS]

Prints how long each part takes: writing the filled template, the dry run (read + every row through
the register's validation) and the real import (the same plus the bulk insert), and the export back.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from xiaoneng_desktop import schema  # noqa: E402
from xiaoneng_desktop.ledger import exporter, importer  # noqa: E402


def main(rows: int = 10_000) -> None:
    import openpyxl

    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="xiaoneng-bench-"))
    schema.open_database(folder / "bench.sqlite3")
    path = folder / "duty.xlsx"
    started = time.perf_counter()
    exporter.write_template("duty", path)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    first = dt.datetime(2024, 1, 1, 8, 0)
    for i in range(rows):
        received = first + dt.timedelta(minutes=90 * i + rng.randrange(60))
        category = rng.choice(("一般事项", "一般事项", "特殊事项", "突发事件"))
        closed = received + dt.timedelta(minutes=rng.randrange(5, 300)) if rng.random() < 0.9 else None
        sheet.append([received, rng.choice(("电话", "传真", "网络")), "县应急管理局", f"来电人{i % 97}",
                      f"138{rng.randrange(10**8):08d}", category, f"第{i}号来电：报告辖区雨情、水情及道路通行情况",
                      "值班科长", "", closed, "已按要求办理并反馈" if closed else "", f"值班员{i % 7}"])
    book.save(path)
    made = time.perf_counter()
    dry = importer.import_file("duty", path, dry_run=True)
    checked = time.perf_counter()
    report = importer.import_file("duty", path)
    imported = time.perf_counter()
    exporter.export_kind("duty", folder / "back.xlsx")
    exported = time.perf_counter()
    assert dry.ok and report.ok and report.imported == rows, report.summary()
    print(f"{rows} 行值班来电台账（{path.stat().st_size / 1e6:.1f} MB）")
    print(f"  写出填好的模板  {made - started:6.2f} s")
    print(f"  试导入（检查）  {checked - made:6.2f} s")
    print(f"  导入（写入）    {imported - checked:6.2f} s")
    print(f"  导出同一格式    {exported - imported:6.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
