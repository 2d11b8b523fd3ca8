"""The window in Chinese and in local time, as a Chinese-speaking lawyer reads it: uncertain
dates in Chinese (and editable as shown), the custody log in words, note lengths in 字, times
in Beijing time, sessions oldest first with the client's account readable, search roles
translated, Qt's own file dialog in Chinese, ``--lang`` without ``--demo``."""

from __future__ import annotations

import io
import re
from dataclasses import fields, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from lawnotebook.cli.composition import HEADLESS
from lawnotebook.cli.main import main as cli_main
from lawnotebook.core.records import RECORD_TYPES, ChronologyEvent, PersonRole, Tristate
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.desk.search_results import SearchResults
from lawnotebook.gui.parts import i18n
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

RAW_FIELDS = {f.name for kind in RECORD_TYPES.values() for f in fields(kind) if "_" in f.name}


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    session, _ = create_vault(tmp_path_factory.mktemp("zh") / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


@pytest.fixture
def chinese(qapp, monkeypatch):
    monkeypatch.setenv("LAWNOTEBOOK_TZ", "Asia/Shanghai")
    assert i18n.install("zh_CN") == "zh_CN"
    yield
    i18n.install("en")


def _workspace(qtbot, case_file, case):
    workspace = CaseWorkspace(case_file, case)
    qtbot.addWidget(workspace)
    return workspace


def test_uncertain_dates_show_in_chinese_and_can_be_edited_as_shown(chinese, qtbot, session):
    files = session.case_file
    case = files.new_case("日期")
    files.add_event(case, "before 2024-05", "纠纷")
    files.add_event(case, "about 2024-06", "通知")
    files.add_event(case, "between 2024-05 and 2024-07", "鉴定")
    workspace = _workspace(qtbot, files, case)
    tab = workspace.show_tab("chronology")
    shown = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert sorted(shown) == sorted(["2024年5月之前", "约2024年6月", "2024年5月至7月之间"])
    row = shown.index("约2024年6月")
    tab.view.table.selectRow(tab.view.proxy.mapFromSource(tab.model.index(row, 0)).row())
    date = tab.form.field("日期")
    assert date.text() == "约2024年6月"
    date.setText("2024年6月3日至5日之间")
    assert tab.form.save() and not tab.form.error.isVisibleTo(tab)
    stored = {e.title: str(e.date) for e in files.list(ChronologyEvent, case)}
    assert stored["通知"] == "between 2024-06-03 and 2024-06-05"  # storage stays canonical
    assert all(c.isascii() for c in stored["通知"])


def test_the_custody_log_reads_in_words_with_local_times(chinese, qtbot, session):
    files = session.case_file
    case = files.new_case("保管链")
    stream = io.BytesIO(b"scan " * 50)
    stream.name = "笔录.pdf"
    item = add_evidence(files, case, stream, source_note="家属提供")
    files.update(replace(item, description="第一次讯问笔录"))
    talk = files.add_interrogation(case, "2024-05-20 23:00", place="讯问室")
    files.update(replace(talk, client_account="不让睡觉", rights_read=Tristate.NO))
    workspace = _workspace(qtbot, files, case)
    tab = workspace.show_tab("custody")
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert "UTC" not in " ".join(headers)
    rows = [" | ".join(model.index(r, c).data() for c in range(5)) for r in range(model.rowCount())]
    text = "\n".join(rows)
    assert not {name for name in RAW_FIELDS if name in text}
    assert "{" not in text
    assert "说明已编辑" in text and "当事人陈述、告知权利已编辑" in text
    assert "修改" not in text
    newest = files.log(case)[-1]
    from datetime import datetime, timedelta

    beijing = datetime.fromisoformat(newest.at.replace("Z", "+00:00")) + timedelta(hours=8)
    assert beijing.strftime("%Y-%m-%d %H:%M:%S") in text


def test_note_history_counts_characters_for_chinese_and_shows_local_time(chinese, qtbot, session):
    files = session.case_file
    case = files.new_case("笔记")
    text = "当事人称，五月二十日晚被带到派出所，讯问持续到次日早上，期间不让睡觉。" * 5
    note = files.add_note(case, text, title="会见")
    workspace = _workspace(qtbot, files, case)
    tab = workspace.show_tab("notes")
    tab.history.set_revisions(files.note_history(note))
    line = tab.history.model.index(0).data()
    count = len(re.sub(r"[，。]", "", text))
    assert f"{count} 字" in line
    assert "词" not in line and "UTC" not in line
    beijing = datetime_text(note.updated_at, hours=8)
    assert line.startswith(beijing)


def datetime_text(stamp: str, hours: int) -> str:
    from datetime import datetime, timedelta

    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")) + timedelta(hours=hours)
    return moment.strftime("%Y-%m-%d %H:%M")


def test_sessions_are_oldest_first_and_the_account_is_readable_in_full(chinese, qtbot, session):
    files = session.case_file
    case = files.new_case("讯问")
    account = "整夜讯问，不让睡觉。\n侦查人员威胁要抓他母亲。" * 6
    files.add_interrogation(case, "2024-05-20 23:00", place="一", client_account=account)
    files.add_interrogation(case, "2024-05-22 14:00", place="二", client_account="签字")
    files.add_interrogation(case, "2024-05-21 10:00", place="三")
    workspace = _workspace(qtbot, files, case)
    tab = workspace.show_tab("interrogations")
    places = [tab.view.table.model().index(r, 3).data() for r in range(3)]
    assert places == ["一", "三", "二"]  # oldest first, as the report prints them
    tab.view.table.selectRow(0)
    shown = tab.account.toPlainText()
    assert "侦查人员威胁要抓他母亲。" in shown and shown.count("整夜讯问") == 6
    assert tab.account.isVisibleTo(tab) and tab.account.lineWrapMode() != 0
    tab.view.table.selectRow(1)
    assert tab.account.toPlainText() == "" and "尚未记录" in tab.account.placeholderText()


def test_search_snippets_show_roles_in_chinese(chinese, qtbot, session):
    files = session.case_file
    case = files.new_case("搜索")
    files.add_person(case, "吴文斌", PersonRole.WITNESS, contact_notes="案发时在场")
    hits = files.search("吴文斌", case=case)
    results = SearchResults()
    qtbot.addWidget(results)
    results.show_hits("吴文斌", hits, {case.id: case.title})
    shown = results.model.index(0).data()
    assert "证人" in shown
    assert not re.search(r"\bwitness\b", shown)


def test_qt_file_dialog_speaks_chinese(chinese, qtbot):
    dialog = QFileDialog(None, "t", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    english = [t for t in labels if re.search(r"[A-Za-z]{2,}", t)]
    assert not english, english
    assert QCoreApplication.translate("QFileDialog", "&Look in:") != "&Look in:"


def test_lang_opens_the_window_in_that_language_without_demo(tmp_path, monkeypatch, qapp):
    asked: list[tuple[Path, str | None]] = []
    composition = replace(
        HEADLESS,
        window_unavailable_reason=lambda: None,
        open_window=lambda folder, lang: asked.append((folder, lang)) or 0,
    )
    assert cli_main(["--vault", str(tmp_path), "--lang", "zh-CN"], composition=composition) == 0
    assert cli_main(["--vault", str(tmp_path)], composition=composition) == 0
    assert cli_main(["--lang", "xx", "--vault", str(tmp_path)], composition=composition) == 2
    assert asked == [(tmp_path, "zh_CN"), (tmp_path, None)]
    from PySide6.QtCore import QSettings

    from lawnotebook.gui.application import LanguageForThisRun

    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = LanguageForThisRun("zh_CN", store)
    assert settings.language == "zh_CN"
    settings.language = "zh_CN"  # the settings dialog's OK, language untouched
    assert store.value("ui/language") is None  # the saved setting is not changed by --lang
    settings.language = "en"  # chosen in the settings dialog: saved for the next start
    assert store.value("ui/language") == "en" and settings.language == "zh_CN"
