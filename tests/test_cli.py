"""The command line, without a window: exit codes, Chinese messages, which data file is used."""

from __future__ import annotations

import sqlite3
import sys
import types
from pathlib import Path

import pytest

from xiaoneng_desktop import __version__, cli, schema
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core import logs, targets
from xiaoneng_desktop.core.models import Department


@pytest.fixture(autouse=True)
def close_after():
    yield
    db_module.close_database()


@pytest.fixture
def gui_calls(monkeypatch):
    """Stands in for the window: records what run_gui would have been asked to open."""
    calls = []
    fake = types.ModuleType("xiaoneng_desktop.app")

    def run_gui(path, *, demo_months=0):
        calls.append((path, demo_months))
        return 0

    fake.run_gui = run_gui
    monkeypatch.setitem(sys.modules, "xiaoneng_desktop.app", fake)
    return calls


@pytest.fixture
def fake_demo(monkeypatch):
    calls = []
    fake = types.ModuleType("xiaoneng_desktop.demo")

    def fill(months, *, progress=None):
        calls.append(months)
        if progress is not None:
            progress(1, 2)
            progress(0.5)
            progress("值班记录")
        return {"人员": 30, "值班记录": 4}

    fake.fill = fill
    monkeypatch.setitem(sys.modules, "xiaoneng_desktop.demo", fake)
    return calls


def assert_chinese_error(err: str) -> None:
    assert "Traceback" not in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err), err


# ---------------------------------------------------------------- data files that cannot be used


def test_file_that_is_not_a_database(tmp_path, capsys):
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是数据库，只是一段文字。" * 20, encoding="utf-8")
    assert cli.main(["--db", str(path), "demo"]) == 2
    err = capsys.readouterr().err
    assert "不是数据库文件" in err
    assert_chinese_error(err)


def test_file_from_a_newer_schema_version(tmp_path, capsys):
    path = tmp_path / "newer.sqlite3"
    schema.open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    connection.close()

    assert cli.main(["--db", str(path), "demo"]) == 2
    err = capsys.readouterr().err
    assert "较新版本" in err and "升级" in err
    assert_chinese_error(err)


def test_folder_instead_of_a_file(tmp_path, capsys):
    assert cli.main(["--db", str(tmp_path), "demo"]) == 2
    assert "文件夹" in capsys.readouterr().err


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--frobnicate"], "无法识别的参数：--frobnicate"),
        (["frobnicate"], "未知的命令"),
        (["report"], "缺少必需的参数：报表种类"),
        (["--db"], "参数 --db 需要一个值"),
        (["--db", " "], "数据文件路径不能为空"),
        (["demo", "--months", "0"], "1 到 240"),
        (["demo", "--months", "241"], "1 到 240"),
        (["demo", "--months", "十二"], "月数应为整数"),
        (["demo", "--bogus"], "无法识别的参数"),
    ],
)
def test_bad_input_exits_2_in_chinese(argv, words, capsys, gui_calls):
    assert cli.main(argv) == 2
    out, err = capsys.readouterr()
    assert words in err
    assert "用法：" in err
    assert "usage" not in err and "error:" not in err
    assert_chinese_error(err)
    assert out == ""
    assert gui_calls == []


def test_months_limits_accepted(tmp_path, fake_demo):
    assert cli.main(["--db", str(tmp_path / "a.sqlite3"), "demo", "--months", "1"]) == 0
    db_module.close_database()
    assert cli.main(["demo", "--db", str(tmp_path / "b.sqlite3"), "--months", "240"]) == 0
    assert fake_demo == [1, 240]


def test_version_and_help(capsys):
    assert cli.main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "用法：" in out and "选项：" in out and "demo" in out
    assert cli.main(["demo", "-h"]) == 0
    assert "--months" in capsys.readouterr().out


def test_translate_argparse_messages():
    assert cli.translate_argparse("unrecognized arguments: -x y") == "无法识别的参数：-x y"
    assert (
        cli.translate_argparse("argument --months: invalid int value: 'x'")
        == "参数 --months 应为整数，而不是 'x'"
    )
    assert cli.translate_argparse("something new") == "something new"


# ---------------------------------------------------------------- unexpected errors


def test_unexpected_error_is_one_line_and_logged(tmp_path, monkeypatch, capsys, log_path):
    def explode(path):
        raise RuntimeError("磁盘控制器\n出了怪事")

    monkeypatch.setattr(schema, "open_database", explode)
    assert cli.main(["--db", str(tmp_path / "x.sqlite3"), "demo"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("发生意外错误：RuntimeError: 磁盘控制器 出了怪事，详细信息已写入日志 ")
    assert str(log_path) in err
    assert "Traceback" not in err
    log = log_path.read_text(encoding="utf-8")
    assert "Traceback" in log and "explode" in log and "出了怪事" in log


def test_unexpected_error_in_the_window_path(monkeypatch, capsys, log_path):
    fake = types.ModuleType("xiaoneng_desktop.app")

    def run_gui(path, *, demo_months=0):
        raise KeyError("tab")

    fake.run_gui = run_gui
    monkeypatch.setitem(sys.modules, "xiaoneng_desktop.app", fake)
    assert cli.main([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("发生意外错误：KeyError") and str(log_path) in err
    assert "Traceback" in log_path.read_text(encoding="utf-8")


def test_log_falls_back_when_log_folder_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(logs, "log_path", lambda: blocker / "xiaoneng.log")
    monkeypatch.setattr(logs.tempfile, "gettempdir", lambda: str(tmp_path))
    try:
        raise ValueError("boom")
    except ValueError as exc:
        written = logs.log_exception(exc)
    assert written == tmp_path / "xiaoneng.log"
    assert "ValueError: boom" in written.read_text(encoding="utf-8")


# ---------------------------------------------------------------- which data file


def test_data_file_precedence(tmp_path, monkeypatch, gui_calls):
    monkeypatch.setenv("XIAONENG_DB", str(tmp_path / "env.sqlite3"))
    assert cli.main(["--db", str(tmp_path / "given.sqlite3")]) == 0
    assert cli.main([]) == 0
    monkeypatch.delenv("XIAONENG_DB")
    assert cli.main([]) == 0
    assert gui_calls[0] == (tmp_path / "given.sqlite3", 0)
    assert gui_calls[1] == (tmp_path / "env.sqlite3", 0)
    assert gui_calls[2] == (targets.default_path(), 0)
    assert gui_calls[2][0].name == "xiaoneng.sqlite3"


def test_demo_flag_opens_demo_file_beside_the_default(tmp_path, monkeypatch, gui_calls):
    monkeypatch.setenv("XIAONENG_DB", str(tmp_path / "office" / "real.sqlite3"))
    assert cli.main(["--demo"]) == 0
    assert cli.main(["--demo", "--db", str(tmp_path / "mine.sqlite3")]) == 0
    assert gui_calls == [
        (tmp_path / "office" / "demo.sqlite3", cli.DEFAULT_DEMO_MONTHS),
        (tmp_path / "mine.sqlite3", cli.DEFAULT_DEMO_MONTHS),
    ]


# ---------------------------------------------------------------- the demo verb (parsing and output only)


def test_demo_verb_fills_the_demo_file_and_reports(tmp_path, monkeypatch, capsys, fake_demo):
    monkeypatch.setenv("XIAONENG_DB", str(tmp_path / "real.sqlite3"))
    assert cli.main(["demo", "--months", "3"]) == 0
    assert fake_demo == [3]
    out = capsys.readouterr().out
    assert str(tmp_path / "demo.sqlite3") in out
    assert "人员：30" in out and "值班记录：4" in out
    assert (tmp_path / "demo.sqlite3").exists()
    assert not (tmp_path / "real.sqlite3").exists()


def test_demo_verb_refuses_a_file_with_data(tmp_path, capsys, fake_demo):
    path = tmp_path / "office.sqlite3"
    schema.open_database(path)
    Department.create(name="办公室")
    db_module.close_database()
    assert cli.main(["--db", str(path), "demo"]) == 2
    assert "已有数据" in capsys.readouterr().err
    assert fake_demo == []


def test_demo_verb_without_demo_module(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "xiaoneng_desktop.demo", None)
    assert cli.main(["--db", str(tmp_path / "x.sqlite3"), "demo"]) == 1
    err = capsys.readouterr().err
    assert "演示数据" in err and "Traceback" not in err


def test_describe_progress():
    assert cli.describe_progress(3, 4) == (75, "")
    assert cli.describe_progress(0.5) == (50, "")
    assert cli.describe_progress("值班", done=1, total=10) == (10, "值班")
    assert cli.describe_progress(7) == (None, "")
    assert cli.describe_progress() == (None, "")


def test_headless_verbs_do_not_load_qt():
    import subprocess

    code = (
        "import sys, tempfile, pathlib\n"
        "from xiaoneng_desktop import cli\n"
        "cli.main(['--version'])\n"
        "cli.main(['--db', str(pathlib.Path(tempfile.mkdtemp()) / 'x.sqlite3'), 'demo', '--months', '0'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'openpyxl', 'reportlab')))\n"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_no_display_is_told_not_crashed(monkeypatch, capsys, gui_calls):
    monkeypatch.setattr(cli.sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main([]) == 2
    assert "图形显示" in capsys.readouterr().err
    assert gui_calls == []
