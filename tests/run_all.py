"""The whole suite twice: on SQLite, then on PostgreSQL in a throw-away cluster (tests/pgcluster.py).

    python3 tests/run_all.py [pytest options]

Exits non-zero if either round fails or collects no tests. ``XIAONENG_TEST_ENGINES=sqlite`` runs the
first round only (a PC without PostgreSQL's server programs); by default a missing PostgreSQL fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import pgcluster  # noqa: E402
from tests.conftest import SERVER_ENV  # noqa: E402


def _round(title: str, extra_env: dict[str, str], args: list[str]) -> int:
    print(f"\n===== {title} =====", flush=True)
    env = {**os.environ, **extra_env}
    code = subprocess.call([sys.executable, "-m", "pytest", *args], cwd=ROOT, env=env)
    if code == 5:
        print(f"{title}：没有收集到任何测试，视为失败。", flush=True)
        return 1
    return code


def main(args: list[str]) -> int:
    engines = os.environ.get("XIAONENG_TEST_ENGINES", "sqlite,postgresql").split(",")
    results = {}
    if "sqlite" in engines:
        results["SQLite"] = _round("第一轮：SQLite 数据文件", {}, args)
    if "postgresql" in engines:
        try:
            with pgcluster.running() as url:
                results["PostgreSQL"] = _round(f"第二轮：PostgreSQL（{url}）", {SERVER_ENV: url}, args)
        except pgcluster.ClusterError as exc:
            print(f"PostgreSQL 一轮无法进行：{exc}", file=sys.stderr)
            results["PostgreSQL"] = 1
    print("\n===== 结果 =====")
    for name, code in results.items():
        print(f"{name}: {'通过' if code == 0 else f'失败（退出码 {code}）'}")
    return 0 if results and all(code == 0 for code in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
