"""Monthly report speed on ten years of data: the busiest month's report built, written as .xlsx and
as .pdf, each timed (median of --repeat) and printed beside the target (well under a second each).

    python3 bench/report_bench.py [--db PATH] [--repeat 3]

Uses the same ten-year file as bench/run.py (built once by the demo generator). A benchmark that prints
figures, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

TARGET_S = 1.0


def busiest_month() -> tuple[tuple[int, int], int]:
    """((year, month), calls) of the month with the most calls in the open database (either engine)."""
    from collections import Counter

    from xiaoneng_desktop.duty.models import Call

    months = Counter((at.year, at.month) for (at,) in Call.select(Call.received_at).tuples())
    return months.most_common(1)[0]


def time_month_report(year: int, number: int, repeat: int) -> tuple[dict[str, list[float]], object, int]:
    """The month's report built, written as .xlsx and as .pdf, ``repeat`` times, on the open database:
    (seconds of each part per run, the last report, its PDF page count)."""
    from xiaoneng_desktop.reports import monthly, monthly_pdf, xlsx

    timings: dict[str, list[float]] = {"build": [], "xlsx": [], "pdf": []}
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(repeat):
            started = time.perf_counter()
            report = monthly.build(year, number)
            timings["build"].append(time.perf_counter() - started)
            started = time.perf_counter()
            xlsx.write(report, Path(scratch) / "m.xlsx")
            timings["xlsx"].append(time.perf_counter() - started)
            started = time.perf_counter()
            monthly_pdf.write(report, Path(scratch) / "m.pdf")
            timings["pdf"].append(time.perf_counter() - started)
        pdf_pages = (Path(scratch) / "m.pdf").read_bytes().count(b"/Type /Page\n")
    return timings, report, pdf_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="data file (default: bench/ten_years.sqlite3)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    import run  # bench/run.py: the shared ten-year data file

    path = args.db or run.DEFAULT_DB
    data = run.ensure_data_file(path, 120, own_file=args.db is None)

    from xiaoneng_desktop import schema

    schema.open_database(data.path)
    (year, number), calls = busiest_month()
    timings, report, pdf_pages = time_month_report(year, number, args.repeat)
    records = {s.title: len(s.records) for s in report.sections}
    print(f"月报速度基准：{data.path.name}，最忙的月份 {year}年{number}月（来电 {calls} 条）")
    print("  记录数：" + "，".join(f"{k} {v}" for k, v in records.items()) + f"；PDF 约 {pdf_pages or '?'} 页")
    labels = {"build": "统计（四本登记簿的 SQL 汇总、超时清单、明细）", "xlsx": "写出 Excel", "pdf": "写出 PDF"}
    for key, values in timings.items():
        median = statistics.median(values)
        verdict = "PASS" if median < TARGET_S else "OVER"
        print(f"  {labels[key]}：中位数 {median:.3f} s（最慢 {max(values):.3f} s），目标 < {TARGET_S:.1f} s  {verdict}")
    total = statistics.median([sum(t) for t in zip(*timings.values(), strict=True)])
    print(f"  合计（统计 + Excel + PDF）：{total:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
