"""A few rounds of bench/crash_rounds.py in CI: SIGKILL mid-save, mid-import and mid-demo loses nothing."""

from __future__ import annotations

import importlib.util
import signal
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")


def test_killed_saves_imports_and_demo_lose_nothing(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("crash_rounds", Path(__file__).parent.parent / "bench" /
                                                  "crash_rounds.py")
    crash_rounds = importlib.util.module_from_spec(spec)
    sys.modules["crash_rounds"] = crash_rounds
    spec.loader.exec_module(crash_rounds)
    assert crash_rounds.main(["--rounds", "3", "--dir", str(tmp_path), "--seed", "7"]) == 0
    out = capsys.readouterr().out
    assert "无丢失、无损坏" in out
