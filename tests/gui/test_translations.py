"""Translations: every tr() string has a Chinese translation, and the main screens under
zh_CN show no English source string that was translated.

The source set comes from running ``pyside6-lupdate`` on the current code (as
``scripts/update-translations`` does), so a new tr() string without a translation fails here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from lawnotebook.demo.cases import populate
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.reports.report_words import REPORT_WORDS
from lawnotebook.services.reports import WORDS
from support import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        path = Path(found)
    return path


def _sources() -> list[str]:
    package = ROOT / "src" / "lawnotebook"
    found = sorted(str(p) for folder in ("gui", "demo") for p in (package / folder).rglob("*.py"))
    return [*found, str(package / "services" / "reports.py")]


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> dict[str, Path]:
    """Each shipped .ts, updated by lupdate from the current sources (in a temp folder)."""
    out = {}
    folder = tmp_path_factory.mktemp("ts")
    for code in LANGUAGES:
        ts = folder / f"lawnotebook_{code}.ts"
        shutil.copy(TRANSLATIONS / f"lawnotebook_{code}.ts", ts)
        subprocess.run(
            [
                str(_tool("pyside6-lupdate")),
                *("-locations", "none", "-no-obsolete"),
                *_sources(),
                *("-ts", str(ts)),
            ],
            check=True,
            capture_output=True,
        )
        out[code] = ts
    return out


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_source_string_is_translated(refreshed, code):
    missing = [
        f"[{ctx}] {src!r}"
        for ctx, src, tr in _messages(refreshed[code])
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not tr.text
    ]
    assert not missing, (
        f"{len(missing)} string(s) lack a {code} translation; run scripts/update-translations "
        "and translate them in resources/translations:\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_lupdate_still_finds_every_shipped_string(refreshed, code):
    """A string lupdate no longer finds (its code moved out of the scanned folders, or it is no
    longer a literal) would lose its translation at the next scripts/update-translations."""
    shipped = {(ctx, src) for ctx, src, _ in _messages(TRANSLATIONS / f"lawnotebook_{code}.ts")}
    found = {(ctx, src) for ctx, src, _ in _messages(refreshed[code])}
    lost = sorted(f"[{ctx}] {src!r}" for ctx, src in shipped - found)
    assert not lost, "lupdate no longer finds:\n" + "\n".join(lost)


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_every_placeholder(refreshed, code):
    wrong = [
        f"[{ctx}] {src!r} -> {tr.text!r}"
        for ctx, src, tr in _messages(refreshed[code])
        if tr is not None
        and tr.text
        and sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(tr.text))
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("code", LANGUAGES)
def test_shipped_qm_is_compiled_from_the_ts(tmp_path, code):
    qm = tmp_path / "out.qm"
    subprocess.run(
        [
            str(_tool("pyside6-lrelease")),
            *("-removeidentical", "-silent"),
            str(TRANSLATIONS / f"lawnotebook_{code}.ts"),
            *("-qm", str(qm)),
        ],
        check=True,
        capture_output=True,
    )
    shipped = TRANSLATIONS / f"lawnotebook_{code}.qm"
    assert shipped.read_bytes() == qm.read_bytes(), "run scripts/update-translations"


def test_report_words_are_listed_for_lupdate():
    assert tuple(REPORT_WORDS) == tuple(WORDS)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_TW", "zh_CN"),  # Traditional falls back to Simplified until zh_TW ships
        ("en_GB", "en"),
        ("de_DE", "en"),
        ("C", "en"),
    ],
)
def test_language_follows_the_system_locale(locale, expected):
    assert i18n.resolve("system", QLocale(locale)) == expected
    assert i18n.resolve("en", QLocale(locale)) == "en"
    assert i18n.resolve("zh_CN", QLocale(locale)) == "zh_CN"


# -- the screens under zh_CN -------------------------------------------------------------------


def _translated_sources() -> tuple[set[str], list[re.Pattern[str]]]:
    """English strings that must not be visible: exact ones, and patterns for those with
    {placeholders}; only where the translation differs from the source."""
    exact: set[str] = set()
    patterns = []
    for _, src, tr in _messages(TRANSLATIONS / "lawnotebook_zh_CN.ts"):
        if tr is None or not tr.text or tr.text == src:
            continue
        plain = src.replace("&", "").strip()
        if PLACEHOLDER.search(plain):
            parts = PLACEHOLDER.split(plain)
            if sum(len(p.strip()) for p in parts) >= 4:  # enough fixed English to recognise
                patterns.append(re.compile(".+".join(re.escape(p) for p in parts), re.DOTALL))
        elif plain:
            exact.add(plain)
    return exact, patterns


def _shown_texts() -> list[tuple[str, str]]:
    """(where, text) for every visible widget's own words, headers and actions."""
    seen: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str | None) -> None:
        if text:
            seen.append((type(widget).__name__, text.replace("&", "").strip()))

    for w in QApplication.allWidgets():
        if isinstance(w, QMenu):
            # Menus are checked hidden too (their words show when opened), but only those of a
            # window on screen: windows of earlier tests linger, closed, until the process ends.
            owner = w.parentWidget()
            while owner is not None and isinstance(owner, QMenu):
                owner = owner.parentWidget()
            if owner is None or not owner.window().isVisible():
                continue
            for action in w.actions():
                add(w, action.text())
            continue
        if not w.isVisible():
            continue
        if w.isWindow():
            add(w, w.windowTitle())
        add(w, w.toolTip())
        add(w, w.accessibleName())
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w, w.text())
        if isinstance(w, QLineEdit):
            add(w, w.placeholderText())
        if isinstance(w, QGroupBox):
            add(w, w.title())
        if isinstance(w, QAbstractSpinBox):
            add(w, getattr(w, "prefix", lambda: "")())
            add(w, getattr(w, "suffix", lambda: "")())
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i))
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w, w.tabText(i))
                add(w, w.tabToolTip(i))
        if isinstance(w, QHeaderView) and w.model() is not None:
            for section in range(w.count()):
                add(w, str(w.model().headerData(section, w.orientation()) or ""))
        for action in w.actions():
            add(w, action.text())
            add(w, action.toolTip())
            if action.menu() is not None:
                for sub in action.menu().actions():
                    add(w, sub.text())
    return seen


@pytest.fixture
def chinese(desk_settings):
    desk_settings.language = "zh_CN"
    yield desk_settings
    i18n.install("en")


def test_main_screens_show_no_untranslated_english(chinese, make_window, ui, tmp_path, qtbot):
    exact, patterns = _translated_sources()
    found: dict[str, set[str]] = {}

    def check(screen: str) -> None:
        QApplication.processEvents()
        for where, text in _shown_texts():
            lines = [text, *text.splitlines()]
            if any(line.strip() in exact for line in lines) or any(
                p.fullmatch(text) for p in patterns
            ):
                found.setdefault(screen, set()).add(f"{where}: {text!r}")

    window = make_window(tmp_path / "vault", settings=chinese)
    assert i18n.current() == "zh_CN"
    assert QCoreApplication.translate("Labels", "Detention limit") == "羁押期限"
    check("create vault")
    page = window.create_page
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE)
    page.submit.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.key_page, timeout=10_000)
    check("recovery key")
    window.key_page.written.setChecked(True)
    window.key_page.done.click()
    qtbot.waitUntil(lambda: window.desk is not None)
    desk = window.desk
    _, case = populate(window.session.case_file)
    desk.refresh()
    check("desk")
    desk.open_case(case.id)
    for tab in desk.workspace.parts:
        desk.workspace.show_tab(tab)
        check(f"case tab {tab}")

    from lawnotebook.gui.reports.report_dialog import ReportDialog
    from lawnotebook.gui.settings.settings_dialog import SettingsDialog
    from lawnotebook.gui.sharing.share_wizard import ShareWizard
    from lawnotebook.services.colleagues import Colleagues

    for dialog, name in (
        (SettingsDialog(chinese, "", window), "settings"),
        (ReportDialog(desk.case_file, case, window), "reports"),
        (
            ShareWizard(
                desk.case_file, case, Colleagues(desk.case_file.vault), desk.worker, window
            ),
            "share wizard",
        ),
    ):
        dialog.show()
        check(name)
        dialog.close()
        dialog.deleteLater()
    window.lock()
    check("unlock")
    window.unlock_page.recovery_requested.emit()
    check("recover")
    assert not found, "\n".join(f"{s}: {', '.join(sorted(t))}" for s, t in found.items())
