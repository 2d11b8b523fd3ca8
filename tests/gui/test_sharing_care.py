"""Sharing screens, read and typed as a lawyer does (issue 16, points 10, 11, 15): the merge plan
sorted by kind, a conflict shown where the texts differ, Enter never verifies a key, Seal is the
default in the share wizard and an empty drive list says so."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from lawnotebook.bundle.merge import CaseState, RecordState, case_state, plan_merge
from lawnotebook.core.records import Case, ChronologyEvent, Evidence, Note, Person, to_body
from lawnotebook.gui.parts import drive_picker
from lawnotebook.gui.parts import drives as drive_list
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.drives import Drive
from lawnotebook.gui.sharing.colleagues_window import CompareDialog
from lawnotebook.gui.sharing.conflict_view import ConflictView, differing_spans
from lawnotebook.gui.sharing.merge_plan_view import MergePlanView
from lawnotebook.gui.sharing.share_wizard import ShareWizard
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def session(tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


def test_enter_in_the_fingerprint_dialog_does_not_verify(qtbot, session):
    dialog = CompareDialog(Colleagues(session.vault).me())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.match.isDefault() and not dialog.match.autoDefault()
    assert "&" in dialog.match.text()  # it has a mnemonic, for a deliberate keypress
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()

    again = CompareDialog(Colleagues(session.vault).me())
    qtbot.addWidget(again)
    again.show()
    again.match.setFocus()  # Enter while the verify button has the focus: still not verified
    qtbot.keyClick(again.match, Qt.Key.Key_Enter)
    assert again.result() == QDialog.DialogCode.Rejected


def test_clicking_the_match_button_verifies(qtbot, session):
    dialog = CompareDialog(Colleagues(session.vault).me())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.match, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def _state(record, rid: str, hlc: str = "000000001000-0000-aaaaaaaa"):  # type: ignore[no-untyped-def]
    return RecordState(rid, "c1", record.KIND, to_body(record), "ana", "t", "t", hlc)


def test_the_merge_plan_reads_by_kind_then_title(qtbot):
    # Ids chosen so that id order (what the merge computes in) is the opposite of reading order.
    incoming = [
        _state(Evidence(file_name="伤情照片.png", size=10, sha256="0" * 64), "r1"),
        _state(ChronologyEvent(title="Arrest", date="2024-05-01"), "r2"),
        _state(Note(title="Visit 2", text="b"), "r3"),
        _state(Note(title="visit 1", text="a"), "r4"),
        _state(Person(name="Zhang Wei"), "r5"),
        _state(Person(name="Li Na"), "r6"),
        _state(Case(title="刘志强故意伤害案"), "r7"),
    ]
    plan = plan_merge(CaseState(), case_state(incoming, [], []))
    view = MergePlanView()
    qtbot.addWidget(view)
    view.show_plan(plan)
    rows = [line.strip() for line in view.lines()[1:]]
    assert rows == [
        "Case: 刘志强故意伤害案",
        "Person: Li Na",
        "Person: Zhang Wei",
        "Note: visit 1",
        "Note: Visit 2",
        "Event: Arrest",
        "Evidence: 伤情照片.png  (10 B)",
    ]


def test_a_conflict_is_shown_where_the_two_texts_differ_and_highlighted(qtbot, session):
    opening = "会见笔录：当事人称，" * 20  # 200 characters both versions share
    ours = _state(
        Note(title="会见", text=opening + "他三天没有睡觉。"), "n1", "000000002000-0000-aaaaaaaa"
    )
    theirs = _state(
        Note(title="会见", text=opening + "第二晚被殴打。"), "n1", "000000003000-0000-bbbbbbbb"
    )
    plan = plan_merge(
        case_state([ours], [("n1", ours.hlc, "note", ours.body, "ana", "t")], []),
        case_state([theirs], [("n1", theirs.hlc, "note", theirs.body, "bo", "t")], []),
    )
    assert len(plan.conflicts) == 1
    view = MergePlanView()
    qtbot.addWidget(view)
    view.show_plan(plan)
    text = "\n".join(view.lines())
    assert "他三天没有睡觉" in text and "第二晚被殴打" in text
    assert "…" in text  # the shared opening is cut, not shown

    # The conflict view marks the differing characters in both texts.
    files = session.case_file
    case = files.new_case("刘志强故意伤害案")
    note = files.add_note(case, opening + "他三天没有睡觉。", title="会见")
    files.update(  # what applying the merge stores: the note and the parallel version
        replace(note, conflicts=[{"text": opening + "第二晚被殴打。", "author": "bo", "hlc": "h"}])
    )
    dialog = ConflictView(files, case)
    qtbot.addWidget(dialog)
    for edit, changed in ((dialog.current, "他三天没有睡觉"), (dialog.other, "第二晚被殴打")):
        marked = [s.cursor.selectedText() for s in edit.extraSelections()]
        assert marked, "no differences marked"
        assert all(piece in changed + "。" for piece in marked)
        assert "".join(marked) and opening[:10] not in "".join(marked)


@given(st.text(max_size=60), st.text(max_size=60))
def test_differing_spans_cover_exactly_what_differs(a, b):
    left, right = differing_spans(a, b)
    keep_a = "".join(a[i] for i in range(len(a)) if not any(s <= i < e for s, e in left))
    keep_b = "".join(b[i] for i in range(len(b)) if not any(s <= i < e for s, e in right))
    assert keep_a == keep_b  # what is not marked is the same on both sides
    if a == b:
        assert left == right == []


@pytest.fixture
def worker():
    worker = Worker()
    yield worker
    worker.cancel_all()
    worker.wait()


def _to_destination(qtbot, session, worker, drives, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(drive_list, "removable_drives", lambda: drives)
    case = session.case_file.new_case("刘志强故意伤害案")
    wizard = ShareWizard(session.case_file, case, Colleagues(session.vault), worker)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.recipients.to_passphrase.setChecked(True)
    for field in (wizard.recipients.passphrase, wizard.recipients.again):
        field.setText("correct horse battery staple 12")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.destination
    return wizard


def test_enter_after_choosing_a_folder_seals(qtbot, session, worker, tmp_path, monkeypatch):
    wizard = _to_destination(qtbot, session, worker, [], monkeypatch)
    seal = wizard.button(QWizard.WizardButton.CommitButton)
    assert seal.isVisible() and "&" in seal.text()
    page = wizard.destination
    asked = []
    monkeypatch.setattr(drive_picker, "choose_folder", lambda *a: asked.append(1) or tmp_path)
    qtbot.mouseClick(page.other, Qt.MouseButton.LeftButton)  # the folder dialog: tmp_path
    assert page.folder() == tmp_path
    assert seal.isDefault()
    qtbot.keyClick(QApplication.focusWidget() or page.other, Qt.Key.Key_Return)
    assert asked == [1]  # Enter did not open the folder dialog again ...
    assert wizard.currentPage() is wizard.seal  # ... it sealed
    qtbot.waitUntil(lambda: wizard.seal.done or wizard.seal.error.isVisible(), timeout=20_000)
    assert list(tmp_path.glob("*.lnb"))


def test_no_usb_stick_says_so(qtbot, session, worker, monkeypatch):
    wizard = _to_destination(qtbot, session, worker, [], monkeypatch)
    page = wizard.destination
    assert page.no_drive.isVisible() and "No USB stick" in page.no_drive.text()
    stick = Drive("/media/ana/STICK", "STICK", 8 << 30)
    monkeypatch.setattr(drive_list, "removable_drives", lambda: [stick])
    qtbot.mouseClick(page.look_again, Qt.MouseButton.LeftButton)
    assert not page.no_drive.isVisible()
    assert page.folder() == Path("/media/ana/STICK")
