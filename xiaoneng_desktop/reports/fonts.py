"""Chinese fonts for PDF output, found on the PC it runs on — nothing is shipped or downloaded.

Office documents (GB/T 9704-2012) use 小标宋 for the title, 仿宋 for the body, 黑体 for level-1 headings
and 楷体 for level-2 ones. Each role takes the first font of its kind found on this system — by file
name (Windows and Linux names) and, on Linux, by family name through fontconfig — that reportlab can
embed: TrueType outlines only (.ttf, .ttc, or an .otf with TrueType outlines); CFF fonts such as the
usual Noto/Source Han .otf cannot be embedded and are passed over. A role with no font of its own
borrows another role's font. With no Chinese TrueType font at all, reportlab's built-in CID font
STSong-Light is used: every PDF reader can show it, but it is NOT embedded, so the page may look
different elsewhere — ``fallback_warning()`` says so, and the 月报 dialog shows it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: song 宋体 (page numbers), hei 黑体 (一级标题), kai 楷体 (二级标题), fang 仿宋 (正文), title 小标宋 (标题).
ROLES = ("song", "hei", "kai", "fang", "title")
#: What the user is told, in this order: role → its name in the 月报 dialog.
SHOWN = {"title": "标题", "fang": "正文", "hei": "标题一", "kai": "标题二"}
#: What each role should be, for the user ("标题 应为 小标宋").
WANTED = {"title": "小标宋", "fang": "仿宋", "hei": "黑体", "kai": "楷体", "song": "宋体"}

#: Per role, best first: file names (with an extension, matched case-insensitively in the font folders)
#: and family names (looked up through fontconfig where there is one).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "fzxbsjw.ttf", "方正小标宋简体.ttf", "fzxiaobiaosong-b05s.ttf",
              "方正小标宋_GBK", "FZXiaoBiaoSong-B05", "fzxbsk.ttf", "方正小标宋_gbk.ttf",
              "华文中宋", "STZhongsong", "stzhongs.ttf"),
    "fang": ("仿宋_GB2312", "FangSong_GB2312", "仿宋_gb2312.ttf", "fs_gb2312.ttf", "fsgb2312.ttf",
             "仿宋", "FangSong", "simfang.ttf", "方正仿宋简体", "FZFangSong-Z02S", "fzfsjw.ttf", "fzfsk.ttf",
             "华文仿宋", "STFangsong", "stfangso.ttf", "fangsong.ttf"),
    "kai": ("楷体_GB2312", "KaiTi_GB2312", "楷体_gb2312.ttf", "kt_gb2312.ttf", "ktgb2312.ttf",
            "楷体", "KaiTi", "simkai.ttf", "方正楷体简体", "FZKai-Z03S", "fzktjw.ttf", "华文楷体", "STKaiti",
            "stkaiti.ttf", "kaiti.ttf", "AR PL UKai CN", "ukai.ttc", "AR PL KaitiM GB", "gkai00mp.ttf"),
    "hei": ("黑体", "SimHei", "simhei.ttf", "方正黑体简体", "FZHei-B01S", "fzhtjw.ttf", "微软雅黑", "Microsoft YaHei",
            "msyh.ttc", "msyh.ttf", "华文黑体", "STHeiti", "stheiti.ttf", "Noto Sans CJK SC", "Source Han Sans SC",
            "思源黑体", "WenQuanYi Micro Hei", "wqy-microhei.ttc", "WenQuanYi Zen Hei", "wqy-zenhei.ttc",
            "Droid Sans Fallback", "droidsansfallbackfull.ttf", "droidsansfallback.ttf"),
    "song": ("宋体", "SimSun", "simsun.ttc", "simsun.ttf", "新宋体", "NSimSun", "nsimsun.ttf", "华文宋体", "STSong",
             "stsong.ttf", "Noto Serif CJK SC", "Source Han Serif SC", "思源宋体", "AR PL UMing CN", "uming.ttc",
             "AR PL SungtiL GB", "gbsn00lp.ttf"),
}
#: A role with no font of its own borrows, in this order (小标宋 ← 宋体 ← 仿宋 …).
BORROW: dict[str, tuple[str, ...]] = {
    "title": ("song", "hei", "fang", "kai"),
    "song": ("fang", "title", "kai", "hei"),
    "fang": ("song", "kai", "title", "hei"),
    "kai": ("fang", "song", "title", "hei"),
    "hei": ("song", "title", "fang", "kai"),
}
FALLBACK = "STSong-Light"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")

#: Names users know, for the common files (else the font's own family name, else the file name).
KNOWN = {"simfang": "仿宋", "simkai": "楷体", "simhei": "黑体", "simsun": "宋体", "nsimsun": "新宋体",
         "fzxbsjw": "方正小标宋简体", "fzxbsk": "方正小标宋_GBK", "fs_gb2312": "仿宋_GB2312", "kt_gb2312": "楷体_GB2312",
         "stfangso": "华文仿宋", "stkaiti": "华文楷体", "stsong": "华文宋体", "stzhongs": "华文中宋", "stheiti": "华文黑体",
         "msyh": "微软雅黑", "wqy-microhei": "文泉驿微米黑", "wqy-zenhei": "文泉驿正黑", "uming": "AR PL UMing",
         "ukai": "AR PL UKai", "gkai00mp": "AR PL KaitiM GB", "gbsn00lp": "AR PL SungtiL GB",
         "droidsansfallbackfull": "Droid Sans Fallback", "droidsansfallback": "Droid Sans Fallback"}


@dataclass(frozen=True)
class FontChoice:
    """Which font serves a role: the reportlab name, the file (None for the CID fallback), a name to show."""

    role: str
    name: str
    path: Path | None
    label: str
    own: bool  # found for this role, not borrowed from another
    embedded: bool  # False only for the built-in CID fallback


def font_dirs() -> list[Path]:
    dirs = []
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
                 Path.home() / ".local" / "share" / "fonts"]
    return [d for d in dirs if d.is_dir()]


def _index(dirs: list[Path]) -> dict[str, Path]:
    """Lower-case file name → path, for every font file under the folders."""
    found: dict[str, Path] = {}
    for folder in dirs:
        for root, _subdirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith(FONT_SUFFIXES):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


@cache
def _fontconfig_families() -> dict[str, Path]:
    """Lower-case family name (every localised alias) → file, for the fonts fontconfig knows with Chinese."""
    if shutil.which("fc-list") is None:
        return {}
    try:
        result = subprocess.run(["fc-list", ":lang=zh", "-f", "%{family}\t%{file}\n"], capture_output=True,
                                text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    families: dict[str, Path] = {}
    for line in sorted(result.stdout.splitlines()):
        names, _tab, file = line.partition("\t")
        if file and file.lower().endswith(FONT_SUFFIXES):
            for name in names.split(","):
                families.setdefault(name.strip().lower(), Path(file))
    return families


def _postscript_outlines(path: Path) -> bool:
    """True for a font reportlab cannot embed (CFF outlines: "OTTO", or a collection of such fonts).
    A file that cannot be read is not judged here: registering it will fail and the role borrows."""
    try:
        with open(path, "rb") as file:
            head = file.read(16)
            if head[:4] == b"ttcf" and len(head) >= 16:
                file.seek(int.from_bytes(head[12:16], "big"))
                head = file.read(4)
    except OSError:
        return False
    return head[:4] == b"OTTO"


def find_font_files(dirs: list[Path] | None = None) -> dict[str, Path]:
    """role → font file found on this system (roles with nothing found are left out). With ``dirs``
    given, only those folders are searched, by file name; else the system's font folders and fontconfig."""
    index = _index(font_dirs() if dirs is None else dirs)
    families = _fontconfig_families() if dirs is None else {}
    chosen: dict[str, Path] = {}
    for role in ROLES:
        for name in CANDIDATES[role]:
            is_file = name.lower().endswith(FONT_SUFFIXES)
            path = index.get(name.lower()) if is_file else families.get(name.lower())
            if path is not None and not _postscript_outlines(path):
                chosen[role] = path
                break
    return chosen


def _register(name: str, path: Path) -> bool:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except (TTFError, OSError, ValueError, KeyError, IndexError, TypeError):
        return False  # e.g. PostScript outlines inside a .ttc, or a damaged file
    return True


def _label(path: Path, font_name: str) -> str:
    stem = path.stem.lower()
    if stem in KNOWN:
        return KNOWN[stem]
    for family, file in _fontconfig_families().items():
        if file == path and any("\u4e00" <= ch <= "\u9fff" for ch in family):
            return family
    try:
        from reportlab.pdfbase import pdfmetrics

        family = pdfmetrics.getFont(font_name).face.familyName
        if isinstance(family, bytes):
            family = family.decode("latin-1")
        return str(family) or path.name
    except (KeyError, AttributeError):
        return path.name


_CHOICES: dict[str, FontChoice] = {}


@cache
def register_fonts() -> dict[str, str]:
    """role → registered reportlab font name, e.g. {"fang": "XN-fang", "hei": "XN-hei", …}; one name
    per file (a file serving two roles is embedded once)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    own: dict[str, FontChoice] = {}
    by_file: dict[Path, str] = {}
    for role, path in find_font_files().items():
        name = by_file.get(path)
        if name is None and _register(f"XN-{role}", path):
            name = by_file[path] = f"XN-{role}"
        if name is not None:
            own[role] = FontChoice(role, name, path, _label(path, name), True, True)
    choices = dict(own)
    if not own:
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
        for role in ROLES:
            choices[role] = FontChoice(role, FALLBACK, None, f"{FALLBACK}（阅读器内置，未嵌入）", False, False)
    for role in ROLES:
        if role not in choices:
            lender = next((own[other] for other in BORROW[role] if other in own), next(iter(own.values())))
            choices[role] = FontChoice(role, lender.name, lender.path, lender.label, False, True)
    _CHOICES.clear()
    _CHOICES.update(choices)
    return {role: choice.name for role, choice in choices.items()}


def font_choices() -> dict[str, FontChoice]:
    """role → which file serves it (registering the fonts first)."""
    register_fonts()
    return dict(_CHOICES)


def summary_text() -> str:
    """字体：标题 方正小标宋简体，正文 仿宋，标题一 黑体，标题二 楷体 — a borrowed role says what it lacks."""
    choices = font_choices()
    parts = []
    for role, shown in SHOWN.items():
        choice = choices[role]
        missing = "" if choice.own or not choice.embedded else f"（缺{WANTED[role]}，代用）"
        parts.append(f"{shown} {choice.label}{missing}")
    return "字体：" + "，".join(parts)


def fallback_warning() -> str | None:
    """A warning for the user when no Chinese TrueType font could be embedded; None when all is well."""
    if all(choice.embedded for choice in font_choices().values()):
        return None
    return ("本机未找到可嵌入的中文 TrueType 字体（如仿宋、黑体、楷体、宋体），PDF 将使用阅读器内置的 "
            f"{FALLBACK} 字体，不嵌入文件：在其他电脑上显示和打印可能不同。请安装仿宋_GB2312、黑体、楷体等字体后再生成。")
