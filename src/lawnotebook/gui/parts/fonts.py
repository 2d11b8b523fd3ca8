"""The CJK font Lawnotebook ships (resources/fonts), loaded from memory once per process.

Reports must render Chinese on every computer, so they use this font rather than whatever the
system offers; the window itself keeps the system font (which falls back to it for glyphs).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase

FONTS_DIR = Path(__file__).resolve().parents[4] / "resources" / "fonts"
SHIPPED = "wqy-microhei.ttc"
SANS, MONO = "WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"
# Used if the shipped file is missing (e.g. a packager left it out): common system CJK fonts.
SYSTEM_CJK = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimSun",
)

_loaded: list[str] | None = None


def load_shipped_fonts() -> list[str]:
    """Register the shipped font families (idempotent); returns the family names."""
    global _loaded
    if _loaded is None:
        _loaded = []
        path = FONTS_DIR / SHIPPED
        if path.is_file():
            font_id = QFontDatabase.addApplicationFontFromData(QByteArray(path.read_bytes()))
            if font_id >= 0:
                _loaded = list(QFontDatabase.applicationFontFamilies(font_id))
    return list(_loaded)


def report_families() -> tuple[str, str]:
    """(text family, monospace family) for reports: shipped font first, else a system one."""
    families = load_shipped_fonts()
    if SANS in families:
        return SANS, MONO if MONO in families else SANS
    available = set(QFontDatabase.families())
    for family in SYSTEM_CJK:
        if family in available:
            return family, family
    return QFont().defaultFamily(), "monospace"
