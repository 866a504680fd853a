"""Chinese fonts for PDF output, found on the PC it runs on — nothing is shipped or downloaded.

Office documents (GB/T 9704-2012) use 小标宋/宋体 for titles, 黑体 for level-1 headings, 楷体 for level-2
and 仿宋 for the body. Each role takes the first TrueType font of its kind found on this system
(Windows names first, then common Linux CJK fonts, then fontconfig); a role with none borrows another
role's font; with no CJK TrueType font at all, reportlab's built-in CID font STSong-Light is used,
which every PDF reader can show. The fonts are embedded (subset), so text stays extractable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

ROLES = ("song", "hei", "kai", "fang")

#: File names to look for, best first. TrueType outlines only: reportlab cannot embed CFF (.otf) fonts.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "song": ("simsun.ttc", "simsun.ttf", "stsong.ttf", "fzxbsjw.ttf", "nsimsun.ttf", "uming.ttc",
             "wqy-zenhei.ttc", "wqy-microhei.ttc"),
    "hei": ("simhei.ttf", "msyh.ttc", "msyh.ttf", "stheiti.ttf", "wqy-microhei.ttc", "wqy-zenhei.ttc",
            "droidsansfallbackfull.ttf", "droidsansfallback.ttf"),
    "kai": ("simkai.ttf", "stkaiti.ttf", "kaiti.ttf", "ukai.ttc"),
    "fang": ("simfang.ttf", "stfangso.ttf", "fangsong.ttf", "fzfsk.ttf"),
}
#: fontconfig family names to ask for, per role, when no file above was found.
FONTCONFIG: dict[str, tuple[str, ...]] = {
    "song": ("SimSun", "Songti SC", "AR PL UMing CN"),
    "hei": ("SimHei", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC"),
    "kai": ("KaiTi", "AR PL UKai CN"),
    "fang": ("FangSong",),
}
FALLBACK = "STSong-Light"


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
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _fontconfig(family: str) -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        result = subprocess.run(["fc-match", "-f", "%{file}", f"{family}:lang=zh-cn"], capture_output=True,
                                text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(result.stdout.strip()) if result.stdout.strip() else None
    return path if path and path.suffix.lower() in (".ttf", ".ttc") and path.is_file() else None


def find_font_files(dirs: list[Path] | None = None) -> dict[str, Path]:
    """role → font file found on this system (roles with nothing found are left out)."""
    index = _index(font_dirs() if dirs is None else dirs)
    chosen: dict[str, Path] = {}
    for role in ROLES:
        for name in CANDIDATES[role]:
            if name in index:
                chosen[role] = index[name]
                break
        else:
            if dirs is None:
                for family in FONTCONFIG[role]:
                    path = _fontconfig(family)
                    if path is not None:
                        chosen[role] = path
                        break
    return chosen


def _register(name: str, path: Path) -> bool:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except (TTFError, OSError, ValueError, KeyError):
        return False  # e.g. PostScript outlines inside a .ttc: try the next font
    return True


@cache
def register_fonts() -> dict[str, str]:
    """role → registered reportlab font name, e.g. {"fang": "XN-fang", "hei": "XN-hei", …}."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    names: dict[str, str] = {}
    for role, path in find_font_files().items():
        if _register(f"XN-{role}", path):
            names[role] = f"XN-{role}"
    borrowed = names.get("fang") or names.get("song") or names.get("hei") or names.get("kai")
    if borrowed is None:
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
        borrowed = FALLBACK
    # A role with no font of its own: 仿宋 ← 宋体, 楷体 ← 仿宋, 黑体/宋体 ← whatever there is.
    names.setdefault("song", names.get("fang", borrowed))
    names.setdefault("fang", names["song"])
    names.setdefault("kai", names["fang"])
    names.setdefault("hei", names["song"])
    return names
