"""The interface language: which one to use, and the Qt translators that provide it.

Translations live in ``resources/translations/lawnotebook_<code>.qm`` (made from the ``.ts``
files by ``scripts/update-translations``). They are found next to the package in a source
checkout or an installed wheel, or under ``sys._MEIPASS`` in a PyInstaller build. Qt's own
translations (``qtbase_<code>.qm``: the OK / Cancel buttons of standard dialogs, the file
dialog, context menus of text fields) come from the Qt installation (PySide6's
``Qt/translations`` folder, ``QLibraryInfo.TranslationsPath``); the few strings Qt leaves
untranslated there are in our own files (``qt_words.py``) and are found next.

:func:`date_text` and :func:`time_text` show an uncertain date in the interface's language
(``2024年5月之前``) and a stored UTC time in this computer's zone (``core/local_time.py``).

The language setting is ``"system"`` (follow the computer's locale, the default), ``"en"``,
``"zh_CN"`` or ``"zh_TW"``; it takes effect when the window is built, i.e. at the next start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lawnotebook.core.dates import FuzzyDate
from lawnotebook.core.local_time import local_time, local_zone

SYSTEM = "system"
ENGLISH = "en"
CHINESE_SIMPLIFIED = "zh_CN"
CHINESE_TRADITIONAL = "zh_TW"
TRANSLATED = (CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL)
ENV_DIR = "LAWNOTEBOOK_TRANSLATIONS"  # a folder of .qm files, for packagers and tests

_installed: list[QTranslator] = []


def translation_dirs() -> list[Path]:
    """Where ``lawnotebook_<code>.qm`` may be, most specific first."""
    here = Path(__file__).resolve()
    dirs: list[Path] = []
    if os.environ.get(ENV_DIR):
        dirs.append(Path(os.environ[ENV_DIR]))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen) / "resources" / "translations")
        dirs.append(Path(frozen) / "lawnotebook" / "translations")
    dirs.append(here.parents[2] / "translations")  # installed wheel: lawnotebook/translations
    dirs.append(here.parents[4] / "resources" / "translations")  # source checkout
    return dirs


def qm_path(code: str) -> Path | None:
    for folder in translation_dirs():
        path = folder / f"lawnotebook_{code}.qm"
        if path.is_file():
            return path
    return None


def language_of_locale(locale: QLocale) -> str:
    """``zh_CN``, ``zh_TW`` or ``en`` for a locale (Hong Kong, Macau, Taiwan and any
    Traditional-script Chinese locale read Traditional characters)."""
    if locale.language() != QLocale.Language.Chinese:
        return ENGLISH
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript or (
        locale.territory()
        in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau)
    )
    return CHINESE_TRADITIONAL if traditional else CHINESE_SIMPLIFIED


def resolve(setting: str, locale: QLocale | None = None) -> str:
    """The language code to use for a setting (``system`` looks at the computer's locale).
    A Traditional-Chinese locale falls back to Simplified if zh_TW is not shipped."""
    code = setting
    if setting not in (ENGLISH, *TRANSLATED):
        code = language_of_locale(locale if locale is not None else QLocale.system())
    if code == CHINESE_TRADITIONAL and qm_path(code) is None:
        code = CHINESE_SIMPLIFIED
    return code


def install(setting: str, locale: QLocale | None = None) -> str:
    """Install the translators for ``setting`` on the running application, replacing any
    installed before; returns the language code now in use (``en`` if none was found)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    code = resolve(setting, locale)
    if app is None or code == ENGLISH:
        QLocale.setDefault(QLocale.system())
        return ENGLISH
    ours = qm_path(code)
    if ours is None:
        return ENGLISH
    translator = QTranslator(app)
    if not translator.load(str(ours)):
        return ENGLISH
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{code}", qt_dir):
        QCoreApplication.installTranslator(qt_translator)
        _installed.append(qt_translator)
    QLocale.setDefault(QLocale(code))
    return code


def current() -> str:
    """The language code installed by :func:`install` (``en`` if none)."""
    if not _installed:
        return ENGLISH
    name = Path(_installed[0].filePath()).stem  # lawnotebook_zh_CN
    return name.removeprefix("lawnotebook_")


def date_text(date: FuzzyDate | None) -> str:
    """An uncertain date as the interface's language writes it (it reads back the same)."""
    return date.text(current()) if date is not None else ""


def time_text(stamp: str, *, seconds: bool = False) -> str:
    """A stored UTC time in this computer's time zone (``$LAWNOTEBOOK_TZ`` overrides it)."""
    return local_time(stamp, local_zone(), seconds=seconds)
