"""The one entry point: ``xiaoneng`` opens the window; verbs do the same work without one.

    xiaoneng [--db 文件] [--demo]            打开主窗口
    xiaoneng [--db 文件] demo [--months N]   生成演示数据（不开窗口）
    xiaoneng [--db 文件] template KIND FILE.xlsx              写出空白台账模板
    xiaoneng [--db 文件] import KIND FILE.xlsx [--dry-run]    导入台账（有一行出错则全部不导入）
    xiaoneng [--db 文件] export KIND FILE.xlsx [--from 日期] [--to 日期]   按模板格式导出台账
    xiaoneng [--db 文件] backup [DEST]      备份数据文件（默认写入备份文件夹并轮换旧备份）
    xiaoneng [--db 文件] restore FILE       先备份当前数据文件，再用 FILE 恢复
    xiaoneng [--db 文件] check              检查数据文件是否完好（完好 0，损坏 2）
    xiaoneng [--db 文件] migrate-to TARGET  把全部数据复制到空的服务器数据库或新数据文件，并核对
    xiaoneng [--db 文件] audit export FILE.xlsx [--from 日期] [--to 日期]   导出审计日志
    xiaoneng [--db 文件] user add NAME --role ROLE   新建用户（密码从标准输入读一行）
    xiaoneng [--db 文件] user list | lock NAME | unlock NAME
    xiaoneng --version

Exit codes: 0 done, 1 unexpected error (one line on stderr, the traceback in the log file),
2 bad input or a data file that cannot be used — damaged, locked, read-only, a full disk (a Chinese
message on stderr, sorted by core/errors).
Imports stay inside the functions: ``--version`` needs nothing, the window only what it shows.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from xiaoneng_desktop import APP_NAME, __version__
from xiaoneng_desktop.core.logs import log_exception, say, unexpected_error_message
from xiaoneng_desktop.launch import FeatureMissing, database_is_empty, describe_progress, load_demo_module

PROG = "xiaoneng"
DEMO_FILE_NAME = "demo.sqlite3"
DEFAULT_DEMO_MONTHS = 12
MAX_DEMO_MONTHS = 240


# ---------------------------------------------------------------------- argparse in Chinese

_ARGPARSE_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.S), r)
    for p, r in (
        (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
        (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
        (r"one of the arguments (.*) is required", r"必须给出以下参数之一：\1"),
        (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 有歧义，可能是：\2"),
        (
            r"argument (?:命令|command|\{\S*\}): invalid choice: (.*?) \(choose from (.*)\)",
            r"未知的命令 \1（可用的命令：\2）",
        ),
        (r"argument (\S+): invalid int value: (.*)", r"参数 \1 应为整数，而不是 \2"),
        (r"argument (\S+): invalid \S+ value: (.*)", r"参数 \1 的值 \2 无效"),
        (
            r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
            r"参数 \1 的取值 \2 无效（可选：\3）",
        ),
        (r"argument (\S+): expected one argument", r"参数 \1 需要一个值"),
        (r"argument (\S+): expected at most one argument", r"参数 \1 最多接受一个值"),
        (r"argument (\S+): expected at least one argument", r"参数 \1 至少需要一个值"),
        (r"argument (\S+): expected (\d+) arguments?", r"参数 \1 需要 \2 个值"),
        (r"argument (\S+): not allowed with argument (\S+)", r"参数 \1 不能与 \2 同时使用"),
        (r"argument (\S+): ignored explicit argument (.*)", r"参数 \1 不接受值 \2"),
        (r"argument (\S+): (.*)", r"参数 \1：\2"),
    )
]


def translate_argparse(message: str) -> str:
    """argparse's English error text in Chinese (messages we do not know keep their English words)."""
    for pattern, replacement in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return match.expand(replacement)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def format_help(self) -> str:
        return super().format_help().replace("选项:\n", "选项：\n")


class ChineseRawFormatter(argparse.RawDescriptionHelpFormatter, ChineseHelpFormatter):
    pass


class ArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese help and errors; usage errors exit 2 like argparse's own."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "命令"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate_argparse(message)}\n")


def _months(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"月数应为整数，而不是“{text}”") from None
    if not 1 <= value <= MAX_DEMO_MONTHS:
        raise argparse.ArgumentTypeError(f"月数应在 1 到 {MAX_DEMO_MONTHS} 之间，而不是 {value}")
    return value


def _path(text: str) -> Path | str:
    """A data file's path, or a server database's address (postgresql://user@host:port/dbname)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("数据文件路径不能为空")
    from xiaoneng_desktop.core.targets import target_of

    return target_of(text.strip())


def build_parser() -> ArgumentParser:
    db_help = ("数据文件，或数据库服务器地址 postgresql://用户名@服务器:端口/数据库名"
               "（默认：环境变量 XIAONENG_DB 指定的，否则为用户数据目录中的 xiaoneng.sqlite3）")
    parser = ArgumentParser(
        prog=PROG,
        usage=f"\n  {PROG} [--db PATH] [--demo]            打开主窗口"
        f"\n  {PROG} [--db PATH] demo [--months N]   生成演示数据（不开窗口）"
        f"\n  {PROG} [--db PATH] report monthly --month YYYY-MM [--xlsx FILE] [--pdf FILE] [--force]   生成月报"
        f"\n  {PROG} [--db PATH] month close YYYY-MM | month list   月结、列出已月结的月份"
        f"\n  {PROG} [--db PATH] template KIND FILE.xlsx [--force]   写出空白台账模板"
        f"\n  {PROG} [--db PATH] import KIND FILE.xlsx [--dry-run]   导入台账"
        f"\n  {PROG} [--db PATH] export KIND FILE.xlsx [--from DATE] [--to DATE] [--force]   导出台账"
        f"\n  {PROG} [--db PATH] backup [DEST] [--force]   备份数据文件"
        f"\n  {PROG} [--db PATH] restore FILE   从备份恢复（先备份当前文件）"
        f"\n  {PROG} [--db PATH] check   检查数据文件是否完好"
        f"\n  {PROG} [--db PATH] migrate-to TARGET   复制到空的服务器数据库（postgresql://…）或新数据文件"
        f"\n  {PROG} [--db PATH] audit export FILE.xlsx [--from DATE] [--to DATE] [--force]   导出审计日志"
        f"\n  {PROG} [--db PATH] user add NAME --role ROLE | list | lock NAME | unlock NAME   用户管理"
        f"\n  {PROG} --version",
        description=f"{APP_NAME}：值班记录、公文流转、来访接待、五查自查。不带命令时打开主窗口。",
        epilog="命令：\n  demo    在空的数据文件中生成演示数据（xiaoneng demo -h 查看详细说明）\n"
        "  report  生成报表（xiaoneng report monthly -h 查看详细说明）\n"
        "  month   月结（xiaoneng month close YYYY-MM）、列出已月结的月份（xiaoneng month list）\n"
        "  template / import / export  Excel 台账（KIND：" + "、".join(LEDGER_KINDS) + "）\n"
        "  backup / restore / check  备份、恢复、检查数据文件\n"
        "  audit export  导出审计日志（xiaoneng audit export -h 查看详细说明）\n"
        "  user    新建、列出、锁定、解锁用户（xiaoneng user -h 查看详细说明）\n\n"
        "写出文件的命令不覆盖已有的文件，除非加 --force。\n"
        "退出码：0 成功；1 意外错误（详情见日志）；2 输入有误、输出文件已存在或数据文件无法使用。",
        formatter_class=ChineseRawFormatter,
    )
    parser.add_argument("--db", metavar="PATH", type=_path, help=db_help)
    parser.add_argument(
        "--demo",
        action="store_true",
        help=f"打开演示数据文件 {DEMO_FILE_NAME}（位于默认数据文件旁；为空时先填入 "
        f"{DEFAULT_DEMO_MONTHS} 个月的演示数据）；与 --db 同用时改用该文件",
    )
    parser.add_argument(
        "--version", action="version", version=f"{APP_NAME} {__version__}", help="显示版本号并退出"
    )

    # Commands are listed in the usage and the epilog; argparse's own listing repeats the name.
    commands = parser.add_subparsers(dest="command", help=argparse.SUPPRESS)
    demo = _command(
        commands, db_help, "demo",
        prog=f"{PROG} demo",
        help="在空的数据文件中生成演示数据（不打开窗口）",
        description=f"在空的数据文件中生成演示数据，不打开窗口。未指定 --db 时写入默认数据文件旁的 {DEMO_FILE_NAME}；"
        "已有数据的文件不会被改动。",
    )
    demo.add_argument(
        "--months",
        metavar="N",
        type=_months,
        default=DEFAULT_DEMO_MONTHS,
        help=f"生成最近多少个月的数据（1–{MAX_DEMO_MONTHS}，默认 {DEFAULT_DEMO_MONTHS}）",
    )
    report = _command(
        commands, db_help, "report", prog=f"{PROG} report", help="生成报表（不打开窗口）",
        description="生成报表，不打开窗口。",
    )
    kinds = report.add_subparsers(dest="kind", metavar="报表种类（monthly）", help=argparse.SUPPRESS)
    kinds.required = True
    monthly = _command(
        kinds, db_help, "monthly", prog=f"{PROG} report monthly", help="机关效能工作月报",
        description="生成某月的机关效能工作月报（Excel 和/或 PDF）。",
    )
    monthly.add_argument("--month", metavar="YYYY-MM", type=_month, required=True, help="统计月份，如 2026-10")
    monthly.add_argument("--xlsx", metavar="FILE", type=_path, help="写出 Excel 月报（.xlsx）")
    monthly.add_argument("--pdf", metavar="FILE", type=_path, help="写出 PDF 月报（.pdf）")
    monthly.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（不加时拒绝覆盖，退出码 2）")
    _month_commands(commands, db_help)
    _ledger_commands(commands, db_help)
    _backup_commands(commands, db_help)
    _audit_commands(commands, db_help)
    _user_commands(commands, db_help)
    migrate = _command(
        commands, db_help, "migrate-to", prog=f"{PROG} migrate-to", help="把全部数据复制到另一个空数据库",
        description="把当前数据（--db）的每一张表复制到 TARGET：数据库服务器上的空数据库（postgresql://用户@主机:端口/库名）"
        "或一个新的数据文件（.sqlite3），然后核对每张表的记录数和最近十二个月的统计数字。"
        "TARGET 中已有数据时拒绝复制。退出码：0 复制并核对无误；1 核对发现不一致；2 输入有误或 TARGET 不是空的。",
    )
    migrate.add_argument("target", metavar="TARGET", type=_path, help="postgresql://… 或 新文件.sqlite3")
    return parser


def _command(subparsers, db_help: str, name: str, **options) -> ArgumentParser:
    """A command (or sub-command) that, like every one, also takes --db after its name."""
    command = subparsers.add_parser(name, **options)
    command.add_argument("--db", metavar="PATH", type=_path, default=argparse.SUPPRESS, help=db_help)
    return command


def _month_commands(commands, db_help: str) -> None:
    month = _command(
        commands, db_help, "month", prog=f"{PROG} month", help="月结",
        description="月结：保存已结束月份的统计数字和月报文件，此后重印该月月报输出保存的文件。",
    )
    actions = month.add_subparsers(dest="action", metavar="操作（close、list）", help=argparse.SUPPRESS)
    actions.required = True
    close = _command(actions, db_help, "close", prog=f"{PROG} month close", help="月结",
                     description="对已结束且尚未月结的月份进行月结（不能撤销）。")
    close.add_argument("month", metavar="YYYY-MM", type=_month, help="月份，如 2026-10")
    _command(actions, db_help, "list", prog=f"{PROG} month list", help="列出已月结的月份",
             description="列出已月结的月份、月结人和时间。")


def _audit_commands(commands, db_help: str) -> None:
    audit = _command(
        commands, db_help, "audit", prog=f"{PROG} audit", help="审计日志", description="审计日志（谁在何时做了什么）。",
    )
    verbs = audit.add_subparsers(dest="verb", metavar="操作（export）", help=argparse.SUPPRESS)
    verbs.required = True
    export = _command(
        verbs, db_help, "export", prog=f"{PROG} audit export", help="导出审计日志",
        description="把审计日志按时间顺序导出为 Excel（时间、操作人、操作、登记簿、记录号、内容）；"
        "导出本身也记入审计日志。",
    )
    export.add_argument("file", metavar="FILE.xlsx", type=_path, help="Excel 文件（.xlsx）")
    export.add_argument("--from", dest="date_from", metavar="DATE", type=_date, help="起始日期（含）")
    export.add_argument("--to", dest="date_to", metavar="DATE", type=_date, help="截止日期（含）")
    export.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（不加时拒绝覆盖，退出码 2）")


#: core.models.ROLES, spelled out so that parsing the command line loads no database code.
ROLES = ("管理员", "秘书", "值班员", "接待员", "领导")


def _user_commands(commands, db_help: str) -> None:
    user = _command(
        commands, db_help, "user", prog=f"{PROG} user", help="用户管理",
        description="新建、列出、锁定、解锁登录用户。命令行以操作系统用户的身份操作，并记入审计日志。",
    )
    verbs = user.add_subparsers(dest="verb", metavar="add | list | lock | unlock", help=argparse.SUPPRESS)
    verbs.required = True
    add = _command(
        verbs, db_help, "add", prog=f"{PROG} user add", help="新建用户",
        description="新建用户。密码从标准输入读取一行（在终端中运行时提示输入两次）；"
        "至少 8 个字符，包含字母、数字、符号中的至少两种，且不能与登录名相同。",
    )
    add.add_argument("name", metavar="NAME", help="登录名")
    add.add_argument("--role", metavar="ROLE", required=True, help="角色：" + "、".join(ROLES))
    _command(verbs, db_help, "list", prog=f"{PROG} user list", help="列出用户",
             description="列出全部用户：登录名、角色、状态、最近登录。")
    for verb, text in (("lock", "锁定用户（解锁前不能登录）"), ("unlock", "解锁用户（也解除输错密码造成的锁定）")):
        command = _command(verbs, db_help, verb, prog=f"{PROG} user {verb}", help=text, description=text + "。")
        command.add_argument("name", metavar="NAME", help="登录名")


def _backup_commands(commands, db_help: str) -> None:
    backup = _command(
        commands, db_help, "backup", prog=f"{PROG} backup", help="备份数据文件",
        description="用 SQLite 备份接口复制数据文件（程序运行时也安全），检查副本完好后才保存。"
        "不给 DEST 时写入备份文件夹（默认为数据文件旁的“备份”文件夹）并按设置轮换旧备份；"
        "DEST 是文件夹时写入该文件夹，否则写成该文件。",
    )
    backup.add_argument("dest", metavar="DEST", type=_path, nargs="?", help="备份文件或文件夹")
    backup.add_argument("--force", action="store_true", help="DEST 是已有的文件时覆盖它（不加时拒绝覆盖，退出码 2）")
    restore = _command(
        commands, db_help, "restore", prog=f"{PROG} restore", help="从备份恢复数据文件",
        description="先检查 FILE 是本程序完好的数据文件，再把当前数据文件备份到备份文件夹，然后用 FILE 替换它。"
        "恢复前请关闭正在使用该数据文件的程序窗口。",
    )
    restore.add_argument("file", metavar="FILE", type=_path, help="要恢复的备份文件")
    _command(
        commands, db_help, "check", prog=f"{PROG} check", help="检查数据文件是否完好",
        description="完整性检查（integrity_check）并核对数据版本。退出码：0 完好；2 损坏或不能使用。",
    )


LEDGER_KINDS = {"duty": "值班来电", "incoming": "收文", "outgoing": "发文", "visitors": "来访",
                "rectification": "整改台账"}


def _date(text: str) -> dt.date:
    match = re.fullmatch(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*", text)
    try:
        if not match:
            raise ValueError
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD，如 2026-10-08，而不是“{text}”") from None


def _ledger_commands(commands, db_help: str) -> None:
    kinds = "、".join(f"{k}（{v}）" for k, v in LEDGER_KINDS.items())
    for verb, text in (("template", "写出空白的 Excel 台账模板（含下拉选项和填写说明）"),
                       ("import", "从 Excel 台账导入记录：先检查全部行，有一行出错则全部不导入"),
                       ("export", "按模板格式把登记簿导出为 Excel 台账（可再导入）")):
        command = _command(commands, db_help, verb, prog=f"{PROG} {verb}", help=text, description=text + "。")
        command.add_argument("kind", metavar="KIND", choices=list(LEDGER_KINDS), help=f"台账种类：{kinds}")
        command.add_argument("file", metavar="FILE.xlsx", type=_path, help="Excel 文件（.xlsx）")
        if verb == "import":
            command.add_argument("--dry-run", action="store_true", help="只检查，不写入数据")
        else:
            command.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（不加时拒绝覆盖，退出码 2）")
        if verb == "export":
            command.add_argument("--from", dest="date_from", metavar="DATE", type=_date, help="起始日期（含）")
            command.add_argument("--to", dest="date_to", metavar="DATE", type=_date, help="截止日期（含）")
            command.add_argument("--full-id", action="store_true",
                                 help="来访台账写出完整身份证号（默认遮盖为 4306**********1234；导出记入审计日志）")


def _month(text: str) -> tuple[int, int]:
    import re

    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"月份应写成 YYYY-MM，如 2026-10，而不是“{text}”")
    year, month = int(match.group(1)), int(match.group(2))
    if not 2000 <= year <= 2099:
        raise argparse.ArgumentTypeError(f"年份 {year} 超出范围（2000–2099）")
    return year, month


# ---------------------------------------------------------------------- paths


def data_file(db: Path | str | None) -> Path | str:
    """``--db`` beats $XIAONENG_DB beats the user's data folder (a file path, or a server address)."""
    if db is not None:
        from xiaoneng_desktop.core.targets import target_of

        return target_of(db) if isinstance(db, str) else Path(db)
    from xiaoneng_desktop.core.targets import default_path

    return default_path()


def demo_file() -> Path:
    """The demo data file: demo.sqlite3 beside the default data file, so it never mixes with real data."""
    return data_file(None).with_name(DEMO_FILE_NAME)


def _safe_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="replace")


# ---------------------------------------------------------------------- demo data


class _TerminalProgress:
    def __init__(self, label: str = "正在生成演示数据…") -> None:
        self.shown = False
        self.label = label
        self.tty = sys.stderr is not None and sys.stderr.isatty()

    def __call__(self, *args, **kwargs) -> None:
        if not self.tty:
            return
        percent, text = describe_progress(*args, **kwargs)
        line = (
            self.label
            + (f" {percent}%" if percent is not None else "")
            + (f" {text}" if text else "")
        )
        sys.stderr.write("\r" + line[:70].ljust(70))
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def not_empty_message(path: Path | str) -> str:
    from xiaoneng_desktop.core.targets import describe_target

    return (
        f"{describe_target(path)}中已有数据。演示数据只能写入空的数据文件，以免与真实数据混在一起；"
        "请用 --db 指定一个新文件。"
    )


def run_demo(path: Path, months: int) -> int:
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core.db import close_database

    schema.open_database(path)
    try:
        if not database_is_empty():
            say(not_empty_message(path))
            return 2
        demo = load_demo_module()
        progress = _TerminalProgress()
        try:
            made = demo.fill(months, progress=progress)
        finally:
            progress.done()
    finally:
        close_database()
    from xiaoneng_desktop.core.targets import describe_target, shown_target

    print(f"已在{describe_target(path)}中生成 {months} 个月的演示数据：")
    for what, count in (made or {}).items():
        print(f"  {what}：{count}")
    print(f'用 {PROG} --db "{shown_target(path)}" 打开查看。')
    return 0


# ---------------------------------------------------------------------- entry


def refuses_to_overwrite(targets, force: bool) -> bool:
    """True (after saying so, naming them) when a file to be written exists and ``--force`` was not given."""
    present = [Path(t) for t in targets if t is not None and Path(t).exists()]
    if not present or force:
        return False
    names = "、".join(f"“{t}”" for t in present)
    say(f"文件已存在：{names}。为免误覆盖，没有写出任何文件；确要替换请加 --force。")
    return True


def run_report(path: Path, month: tuple[int, int], xlsx: Path | None, pdf: Path | None,
               force: bool = False) -> int:
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import clock
    from xiaoneng_desktop.core.db import close_database

    if xlsx is None and pdf is None:
        say("请用 --xlsx 或 --pdf 指定要写出的文件。")
        return 2
    from xiaoneng_desktop.reports import output_problem

    for target, suffix in ((xlsx, ".xlsx"), (pdf, ".pdf")):
        problem = output_problem(target, suffix) if target is not None else None
        if problem:
            say(problem)
            return 2
    if refuses_to_overwrite((xlsx, pdf), force):
        return 2
    year, number = month
    today = clock.today()
    if (year, number) > (today.year, today.month):
        say(f"{year}年{number}月还没有到，不能生成月报。")
        return 2
    schema.open_database(path)
    try:
        from xiaoneng_desktop.core import settings
        from xiaoneng_desktop.reports import month_close

        title = f"{settings.get('office.name')}{year}年{number}月机关效能工作月报"
        report, closing = month_close.source(year, number)
        written = []
        for target, kind in ((xlsx, "xlsx"), (pdf, "pdf")):
            if target is None:
                continue
            try:
                written.append(month_close.write_one(report, closing, kind, target))
            except OSError as exc:  # written to a temporary name: nothing half-written is left
                from xiaoneng_desktop.core import errors

                say(errors.describe(exc, "写入文件", f"文件“{target}”").text)
                return 2
    finally:
        close_database()
    if closing is not None:
        print(f"{year}年{number}月{month_close.reprint_notice(closing)}。")
    for target in written:
        print(f"已写出 {title}：{target}")
    return 0


def run_month(path: Path, args) -> int:
    """月结 (close) and the list of closed months. A refusal (not ended, already closed, no
    permission) is a ValidationError: its message, exit 2."""
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core.db import close_database

    schema.open_database(path)
    try:
        from xiaoneng_desktop.reports import month_close

        if args.action == "close":
            year, number = args.month
            problem = month_close.why_not(year, number)
            if problem:
                say(problem)
                return 2
            row = month_close.close_month(year, number)
            print(f"{year}年{number}月{month_close.closed_text(row)}：统计数字和 Excel、PDF 月报已保存。")
            return 0
        rows = month_close.closed_months()
        if not rows:
            print("还没有已月结的月份。")
        for row in rows:
            print(f"{row.month}\t{row.closed_by}\t{row.closed_at:%Y-%m-%d %H:%M}")
        return 0
    finally:
        close_database()


def run_ledger(path: Path, args) -> int:
    """template / import / export. Bad rows: the error table on stderr, exit 2."""
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core.db import close_database

    target = Path(args.file)
    if args.command in ("template", "export") and target.suffix.lower() != ".xlsx":
        say(f"输出文件应以 .xlsx 结尾：{target}")
        return 2
    if args.command in ("template", "export") and refuses_to_overwrite([target], args.force):
        return 2
    schema.open_database(path)
    try:
        from xiaoneng_desktop.ledger import exporter, importer

        if args.command == "template":
            exporter.write_template(args.kind, target)
            print(f"已写出{LEDGER_KINDS[args.kind]}台账模板：{target}")
            return 0
        if args.command == "export":
            if args.date_from and args.date_to and args.date_to < args.date_from:
                say("截止日期不能早于起始日期。")
                return 2
            progress = _TerminalProgress("导出")  # on a terminal only: "导出 46% 已导出 50,000 / 108,691 行"
            try:
                count = exporter.export_kind(args.kind, target, args.date_from, args.date_to, full_id=args.full_id,
                                             progress=progress if progress.tty else None)
            finally:
                progress.done()
            print(f"已导出{LEDGER_KINDS[args.kind]} {count} 条：{target}")
            return 0
        progress = _TerminalProgress("导入")
        try:
            report = importer.import_file(args.kind, target, dry_run=args.dry_run,
                                          progress=progress if progress.tty else None)
        finally:
            progress.done()
    finally:
        close_database()
    if report.errors:
        say(report.summary())
        say("工作表\t行号\t列\t内容\t原因")
        for error in report.errors:
            say(f"{error.sheet}\t{error.row}\t{error.column}\t{error.value}\t{error.reason}")
        return 2
    print(report.summary())
    for note in report.notes:  # every skipped or repeated row, so none is lost from sight
        print(f"{note.sheet}\t{note.row}\t{note.reason}")
    return 0


def run_audit_export(path: Path, target: Path, date_from: dt.date | None, date_to: dt.date | None,
                     force: bool = False) -> int:
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import audit
    from xiaoneng_desktop.core.db import close_database

    if target.suffix.lower() != ".xlsx":
        say(f"输出文件应以 .xlsx 结尾：{target}")
        return 2
    if refuses_to_overwrite([target], force):
        return 2
    if date_from and date_to and date_to < date_from:
        say("截止日期不能早于起始日期。")
        return 2
    schema.open_database(path)
    try:
        count = audit.export_lines(target, date_from, date_to, names=schema.TABLE_TITLES)
    finally:
        close_database()
    print(f"已导出审计日志 {count} 条：{target}")
    return 0


def _backup_place(path: Path) -> tuple[Path, object]:
    """The backup folder and rotation from the data file's own settings (defaults if it cannot be read)."""
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import backups
    from xiaoneng_desktop.core.db import DatabaseOpenError, close_database

    if backups.inspect(path, schema.FILE_KIND, full=False).ok:
        try:
            schema.open_database(path)
            folder, _hours, policy = backups.configured()
            return backups.folder_for(path, folder), policy
        except DatabaseOpenError:
            pass
        finally:
            close_database()
    return backups.folder_for(path), backups.Policy()


def run_server_backup(url: str, dest: Path | None, force: bool = False) -> int:
    """backup of a server database: a data file holding every table, in this PC's backup folder (or DEST)."""
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import backups, settings
    from xiaoneng_desktop.core.db import close_database

    if dest is not None and not dest.is_dir():
        if dest.suffix.lower() != backups.SUFFIX:
            say(f"备份文件应以 {backups.SUFFIX} 结尾：{dest}")
            return 2
        if not dest.parent.is_dir():
            say(f"备份文件所在的文件夹不存在：{dest.parent}")
            return 2
        if refuses_to_overwrite([dest], force):
            return 2
    db = schema.open_database(url)
    try:
        folder = backups.server_folder(settings.get("backup.folder"))
        _hours, policy = backups.configured()[1:]
        try:
            info = backups.backup_server_now(db, url, dest or folder, schema.FILE_KIND)
        except backups.BackupError as exc:
            say(f"备份失败：{exc}")
            return 2
        if dest is None:
            backups.rotate(folder, backups.server_stem(url), policy)
    finally:
        close_database()
    print(f"已备份到：{info.path}")
    return 0


def run_server_restore(url: str, chosen: Path) -> int:
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import backups, settings
    from xiaoneng_desktop.core.db import close_database
    from xiaoneng_desktop.core.targets import describe_target

    db = schema.open_database(url)
    try:
        folder = backups.server_folder(settings.get("backup.folder"))
        try:
            saved, copied = backups.restore_server_now(db, url, chosen, folder, schema.FILE_KIND)
        except backups.BackupError as exc:
            say(f"恢复失败：{exc}")
            return 2
    finally:
        close_database()
    print(f"恢复前的数据已备份到：{saved}")
    print(f"已用“{chosen}”恢复{describe_target(url)}（{sum(copied.values())} 条记录，每张表的记录数已核对）。")
    return 0


def run_backup(path: Path, dest: Path | None, force: bool = False) -> int:
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import backups
    from xiaoneng_desktop.core.targets import is_server

    if is_server(path):
        return run_server_backup(path, dest, force)
    health = backups.inspect(path, schema.FILE_KIND, full=False)
    if not health.ok:
        say(f"无法备份：{health.problem}")
        return 2
    folder, policy = _backup_place(path)
    try:
        if dest is None or dest.is_dir():
            info = backups.backup_now(path, dest or folder, schema.FILE_KIND)
            if dest is None:
                backups.rotate(folder, path.stem, policy)
            target = info.path
        else:
            if dest.suffix.lower() != backups.SUFFIX:
                say(f"备份文件应以 {backups.SUFFIX} 结尾：{dest}")
                return 2
            if not dest.parent.is_dir():
                say(f"备份文件所在的文件夹不存在：{dest.parent}")
                return 2
            from xiaoneng_desktop.core.db import is_data_file_or_sibling

            # onto the data file itself: refused below, --force or not, with its own message
            if not is_data_file_or_sibling(path, dest) and refuses_to_overwrite([dest], force):
                return 2
            target = backups.copy_now(path, dest, schema.FILE_KIND)
    except backups.BackupError as exc:
        say(f"备份失败：{exc}")
        return 2
    print(f"已备份到：{target}")
    return 0


def run_restore(path: Path, chosen: Path) -> int:
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import backups
    from xiaoneng_desktop.core.targets import is_server

    if is_server(path):
        return run_server_restore(path, chosen)
    folder, _policy = _backup_place(path)
    try:
        saved, health = backups.restore_now(path, chosen, folder, schema.FILE_KIND)
    except backups.BackupError as exc:
        say(f"恢复失败：{exc}")
        return 2
    if saved is not None:
        print(f"恢复前的数据文件已备份到：{saved}")
    print(f"已用“{chosen}”恢复数据文件“{path}”。")
    print(health.message())
    return 0 if health.ok else 2


def run_check(path: Path | str) -> int:
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import backups, targets
    from xiaoneng_desktop.core import db as db_module

    if targets.is_server(path):  # the server keeps its pages sound: reachable, ours, a version we read
        try:
            print(db_module.probe_server(str(path), schema.SCHEMA_VERSION))
        except db_module.DatabaseOpenError as exc:
            say(str(exc))
            return 2
        return 0

    health = backups.health_check(path, schema.FILE_KIND)
    if not health.ok:
        say(health.message())
        return 2
    print(health.message())
    return 0


class _CopyProgress:
    """``正在复制 表…  n/m`` on stderr, when it is a terminal."""

    def __init__(self) -> None:
        self.tty = sys.stderr is not None and sys.stderr.isatty()
        self.shown = False

    def __call__(self, table: str, done: int, total: int) -> None:
        if not self.tty:
            return
        from xiaoneng_desktop.core import transfer

        sys.stderr.write("\r" + f"正在复制 {transfer.table_title(table)}… {done}/{total}"[:70].ljust(70))
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def run_migrate(source: Path | str, target: Path | str) -> int:
    """migrate-to: copy every table into an empty server database or a new data file, then verify.
    0: copied and verified; 2: the target is not empty (or cannot be used); 1: the copy does not verify."""
    import time

    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import audit, targets, transfer
    from xiaoneng_desktop.core import db as db_module

    where, there = targets.describe_target(source), targets.describe_target(target)
    if not targets.is_server(target):
        if target.suffix.lower() != ".sqlite3":
            say(f"目标数据文件应以 .sqlite3 结尾：{target}")
            return 2
        if not targets.is_server(source) and db_module.is_data_file_or_sibling(source, target):
            say("目标就是当前的数据文件，无法复制到它自己。")
            return 2
    elif source == target:
        say("目标就是当前的数据库，无法复制到它自己。")
        return 2
    source_db = schema.open_database(source)
    target_db = None
    try:
        target_db = schema.open_database(target)
        started = time.monotonic()
        progress = _CopyProgress()
        try:
            copied = transfer.copy_all(source_db, target_db, progress, where=there)
        except transfer.TransferError as exc:
            progress.done()
            say(str(exc))
            return 2
        progress.done()
        problems = transfer.verify(source_db, target_db)
        seconds = time.monotonic() - started
        if problems:
            say(f"已把{where}的数据复制到{there}，但核对发现不一致：")
            for line in problems:
                say(f"  {line}")
            return 1
        with transfer.bound_to(target_db), db_module.atomic():
            audit.record("迁移", "data_file", 0, f"从{where}复制全部数据（{sum(copied.values())} 条记录）")
    finally:
        if target_db is not None:
            target_db.close()
        source_db.close()
        db_module.close_database()
    print(f"已把{where}的数据复制到{there}（用时 {seconds:.1f} 秒）：")
    for table, count in copied.items():
        print(f"  {transfer.table_title(table)}：{count} 条")
    print("每张表的记录数一致；最近十二个月的统计数字一致。")
    return 0


def read_new_password() -> str:
    """The new password: one line of standard input, or typed twice at a terminal (not echoed)."""
    from xiaoneng_desktop.core.validation import ValidationError

    stdin = sys.stdin
    if stdin is not None and stdin.isatty():
        import getpass

        first = getpass.getpass("密码：")
        if getpass.getpass("再输入一次密码：") != first:
            raise ValidationError("password", "两次输入的密码不一致")
        return first
    line = stdin.readline() if stdin is not None else ""
    return line.rstrip("\r\n")


def run_user(path: Path, args) -> int:
    """user add / list / lock / unlock, as the operating-system user (the session's default actor)."""
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core import accounts
    from xiaoneng_desktop.core.db import close_database

    password = read_new_password() if args.verb == "add" else ""
    schema.open_database(path)
    try:
        if args.verb == "add":
            account = accounts.create_account(args.name, args.role, password)
            print(f"已新建用户“{account.login}”（{account.role}）。")
        elif args.verb == "list":
            rows = accounts.list_accounts()
            if not rows:
                print("还没有用户。用 xiaoneng user add NAME --role 管理员 新建第一个管理员。")
            else:
                print("登录名\t角色\t状态\t最近登录")
                for account in rows:
                    last = f"{account.last_login_at:%Y-%m-%d %H:%M}" if account.last_login_at else "—"
                    print(f"{account.login}\t{account.role}\t{accounts.status_text(account)}\t{last}")
        else:
            account = accounts.find_account(args.name)
            if args.verb == "lock":
                accounts.lock(account.id)
                print(f"已锁定用户“{account.login}”，解锁前不能登录。")
            else:
                accounts.unlock(account.id)
                print(f"已解锁用户“{account.login}”。")
    finally:
        close_database()
    return 0


def _display_missing() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


#: The data file a verb works on, named in a message about a failed write (disk full, read-only).
_used_file: list[Path] = []


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        db = getattr(args, "db", None)
        return run_demo(data_file(db) if db is not None else demo_file(), args.months)
    if args.command in ("report", "month", "template", "import", "export", "backup", "restore", "check", "audit",
                        "user", "migrate-to"):
        path = data_file(getattr(args, "db", None))
        from xiaoneng_desktop.core.targets import is_server

        if not is_server(path) and not path.exists():
            # Only ``demo`` and the window start a new data file: a mistyped --db must not become one.
            say(f"数据文件不存在：{path}")
            return 2
        _used_file.append(path)
        if args.command == "report":
            return run_report(path, args.month, args.xlsx, args.pdf, args.force)
        if args.command == "month":
            return run_month(path, args)
        if args.command == "backup":
            return run_backup(path, args.dest, args.force)
        if args.command == "restore":
            return run_restore(path, args.file)
        if args.command == "check":
            return run_check(path)
        if args.command == "audit":
            return run_audit_export(path, args.file, args.date_from, args.date_to, args.force)
        if args.command == "user":
            return run_user(path, args)
        if args.command == "migrate-to":
            return run_migrate(path, args.target)
        return run_ledger(path, args)

    path = demo_file() if args.demo and args.db is None else data_file(args.db)
    if _display_missing():
        say("没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。")
        return 2
    from xiaoneng_desktop.app import run_gui

    return run_gui(path, demo_months=DEFAULT_DEMO_MONTHS if args.demo else 0)


def _is_users_problem(exc: BaseException) -> bool:
    """A data file that cannot be used, or input a service refused: both carry a Chinese message.
    (Their modules load with the first data file; an exception cannot be one before that.)"""
    for module_name, class_name in (
        ("xiaoneng_desktop.core.db", "DatabaseOpenError"),
        ("xiaoneng_desktop.core.validation", "ValidationError"),
    ):
        module = sys.modules.get(module_name)
        if module is not None and isinstance(exc, getattr(module, class_name)):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    try:
        return _run(argv)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        if exc.code is None:
            return 0
        if isinstance(exc.code, int):
            return exc.code
        say(str(exc.code))
        return 1
    except KeyboardInterrupt:
        say("已中断。")
        return 130
    except FeatureMissing as exc:
        say(str(exc))
        return 1
    except Exception as exc:
        from xiaoneng_desktop.core import errors

        if _is_users_problem(exc):
            say(str(exc))
            # a file refused because of a bug (an upgrade step failed…) was logged by core/errors
            return 1 if exc.__cause__ is not None and errors.is_bug(exc.__cause__) else 2
        if not errors.is_bug(exc):  # the data file or the disk is the cause, not the program
            from xiaoneng_desktop.core.targets import describe_target

            subject = describe_target(_used_file[-1]) if _used_file else "数据文件"
            say(errors.describe(exc, "操作", subject).text)
            return 2
        say(unexpected_error_message(exc, log_exception(exc)))
        return 1
