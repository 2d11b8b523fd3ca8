"""Intake as a lawyer meets it (issue 16): a file the case already holds is not added again and
the message names the item it matches; a second record is kept only for another source, and
shown as such (point 1); every file not added is said, with its reason (point 4); names typed
in the file dialog all arrive, the fourth one typed without quotes too (point 4)."""

from __future__ import annotations

import pytest

from gui.evidence_support import pdf_bytes, png_bytes, wav_bytes
from gui.file_dialog_support import type_in_file_dialog
from gui.test_evidence_tab import _drop, _files
from lawnotebook.core.records import Evidence
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.evidence.evidence_duplicates import SecondSourceDialog
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.background import Worker
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture(scope="module")
def case_file(tmp_path_factory):  # type: ignore[no-untyped-def]
    session, _ = create_vault(tmp_path_factory.mktemp("dupes") / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session.case_file
    session.close()


@pytest.fixture
def open_tab(qtbot, case_file):  # type: ignore[no-untyped-def]
    """The evidence tab of a new case, in its workspace, with its own background lane."""
    worker = Worker()
    kept = []

    def make():  # type: ignore[no-untyped-def]
        case = case_file.new_case("Duplicates")
        workspace = CaseWorkspace(case_file, case, worker=worker)
        qtbot.addWidget(workspace)
        workspace.resize(1300, 800)
        workspace.show()
        kept.append(workspace)
        return case, workspace.show_tab("evidence")

    yield make
    worker.cancel_all()
    worker.wait()


NAMES = ["起诉书.pdf", "伤情照片.png", "会见笔录.txt", "录音 2024.wav"]


@pytest.fixture
def four(qapp) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """Four files a lawyer adds (made once Qt is up: the PDF and the image need it)."""
    data = [pdf_bytes(["indictment"]), png_bytes(), "会见笔录：当事人称".encode(), wav_bytes(0.5)]
    return dict(zip(NAMES, data, strict=True))


def _names(case_file, case) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(e.file_name for e in case_file.list(Evidence, case))


def _wait_done(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not tab.intake.busy, timeout=15_000)


def test_the_same_files_dropped_twice_are_kept_once_and_the_match_is_named(
    qtbot, case_file, open_tab, tmp_path, four
):
    case, tab = open_tab()
    paths = _files(tmp_path, four)
    _drop(tab, paths)
    _wait_done(qtbot, tab)
    assert tab.model.rowCount() == 4 and not tab.error.isVisible()
    first = {e.file_name: e for e in case_file.list(Evidence, case)}

    again = tmp_path / "again"
    again.mkdir()
    copy = again / "indictment copy.pdf"  # another name, the same bytes
    copy.write_bytes(four["起诉书.pdf"])
    _drop(tab, [*paths, copy])
    _wait_done(qtbot, tab)
    assert tab.model.rowCount() == 4
    assert len(case_file.list(Evidence, case)) == 4
    text = tab.error.text()
    assert tab.error.isVisible() and "5 of 5 file(s) were not added" in text
    match = first["起诉书.pdf"]
    assert (
        f"• indictment copy.pdf: already in the case: the same file as “起诉书.pdf”, added "
        f"{i18n.time_text(match.added_at)}. It was not added again." in text
    )
    for name in four:
        assert f"• {name}: already in the case: the same file as “{name}”" in text
    assert tab.second_button.isVisible()


def test_a_second_record_is_kept_only_for_another_source_and_shown_as_such(
    qtbot, case_file, open_tab, tmp_path, monkeypatch, four
):
    case, tab = open_tab()
    (recording,) = _files(tmp_path, {"录音 2024.wav": four["录音 2024.wav"]})
    assert tab.add_files([recording], "client's family")
    _wait_done(qtbot, tab)
    assert tab.add_files([recording])
    _wait_done(qtbot, tab)
    assert tab.second_button.isVisible() and len(tab.duplicates) == 1

    # The dialog refuses the source the first record gives; takes another.
    shown = []

    def answer(dialog: SecondSourceDialog) -> int:
        dialog.source.setText("Client's family ")
        shown.append(dialog.ok.isEnabled())
        dialog.source.setText("prosecution disclosure")
        shown.append(dialog.ok.isEnabled())
        return 1

    monkeypatch.setattr(SecondSourceDialog, "exec", answer)
    tab.second_button.click()
    _wait_done(qtbot, tab)
    assert shown == [False, True]
    items = case_file.list(Evidence, case)
    assert [e.source for e in items] == ["client's family", "prosecution disclosure"]
    assert items[0].sha256 == items[1].sha256
    row = tab.model.row_of(items[1].id)
    assert tab.model.index(row, 0).data() == (
        "录音 2024.wav — same file as “录音 2024.wav”, received from another source"
    )
    assert tab.model.index(tab.model.row_of(items[0].id), 0).data() == "录音 2024.wav"
    assert not tab.error.isVisible() and not tab.second_button.isVisible()


def test_four_files_one_vanished_three_added_and_the_fourth_is_named_with_why(
    qtbot, case_file, open_tab, tmp_path, four
):
    case, tab = open_tab()
    paths = _files(tmp_path, four)
    paths[3].unlink()  # chosen, then moved away before the intake reached it
    empty = tmp_path / "empty folder"
    empty.mkdir()
    assert tab.add_files([*paths, empty])
    _wait_done(qtbot, tab)
    assert _names(case_file, case) == sorted(list(four)[:3])
    text = tab.error.text()
    assert "2 of 5 file(s) were not added:" in text
    assert "• 录音 2024.wav: not found: it was moved, renamed or deleted." in text
    assert "• empty folder: a folder with no files in it." in text
    assert not tab.second_button.isVisible()


@pytest.mark.parametrize(
    "typed",
    [
        '"起诉书.pdf" "伤情照片.png" "会见笔录.txt" 录音 2024.wav',  # the last without quotes
        '"起诉书.pdf" "伤情照片.png" "会见笔录.txt" “录音 2024.wav”',  # a Chinese input method's
        "“起诉书.pdf” “伤情照片.png” “会见笔录.txt” “录音 2024.wav”",  # all in Chinese quotes
    ],
)
def test_four_names_typed_in_the_file_dialog_are_four_files_added(
    qtbot, case_file, open_tab, tmp_path, monkeypatch, typed, four
):
    case, tab = open_tab()
    _files(tmp_path, four)
    seen: list[str] = []
    failures: list[str] = []
    type_in_file_dialog(typed, tmp_path, seen, failures)
    tab.choose_files()
    assert failures == [] and seen == [typed]
    _wait_done(qtbot, tab)
    assert _names(case_file, case) == sorted(four)
    assert not tab.error.isVisible()


def test_a_typed_name_that_does_not_exist_is_reported(
    qtbot, case_file, open_tab, tmp_path, monkeypatch, four
):
    case, tab = open_tab()
    _files(tmp_path, dict(list(four.items())[:3]))
    seen: list[str] = []
    failures: list[str] = []
    typed = "“起诉书.pdf” “伤情照片.png” “录音.wav” 会见笔录.txt"
    type_in_file_dialog(typed, tmp_path, seen, failures)
    tab.choose_files()
    assert failures == [] and seen == [typed]
    _wait_done(qtbot, tab)
    assert len(case_file.list(Evidence, case)) == 3
    assert "• 录音.wav: not found: it was moved, renamed or deleted." in tab.error.text()


def test_the_typed_names_of_the_file_dialog():
    from lawnotebook.gui.parts.file_dialogs import typed_names

    assert typed_names('"a.pdf" "b c.jpg" d e.wav') == ["a.pdf", "b c.jpg", "d e.wav"]
    assert typed_names("“录音.wav” ＂x.txt＂ 「y.pdf」") == ["录音.wav", "x.txt", "y.pdf"]
    assert typed_names("one name.pdf") == ["one name.pdf"]
    assert typed_names('"a" "b') == ["a", "b"]
    assert typed_names("   ") == []
