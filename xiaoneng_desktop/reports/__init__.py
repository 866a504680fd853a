"""Reports: the monthly report (xlsx, pdf) and single-record forms, from the registers' stats and services.

reportlab and openpyxl are imported inside the functions that use them, so start-up never pays for them.
"""

from __future__ import annotations

import os
from pathlib import Path


def output_problem(path: Path, suffix: str) -> str | None:
    """Why a report cannot be written to ``path`` (in Chinese), or None — asked before any work."""
    if path.suffix.lower() != suffix:
        return f"“{path.name}”的扩展名应为 {suffix}。"
    if path.is_dir():
        return f"“{path}”是一个文件夹，请给出文件名。"
    if not path.parent.is_dir():
        return f"无法写入“{path}”：文件夹“{path.parent}”不存在。"
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return f"无法写入“{path}”：没有写入权限。"
    return None
