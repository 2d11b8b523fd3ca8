"""The window's sharing and reporting commands, driven from its toolbar and menus the way a
lawyer does: each opens its dialog over the real desk, and what it did is found in the vault
and on the desk afterwards; without an open case each says what to do first; locking while one
of their dialogs is open closes it and nothing touches the closed vault afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QPushButton,
    QWidget,
    QWizard,
)

from lawnotebook.core.records import Note
from lawnotebook.gui.desk import desk_actions
from lawnotebook.gui.reports.report_dialog import ReportDialog
from lawnotebook.gui.sharing.bundle_open_dialog import BundleOpenDialog
from lawnotebook.gui.sharing.colleagues_window import (
    ColleaguesWindow,
    CompareDialog,
    PasteDialog,
)
from lawnotebook.gui.sharing.conflict_view import ConflictView
from lawnotebook.gui.sharing.share_wizard import ShareWizard
from lawnotebook.services.bundle_seal import seal_case
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.owner import rename_owner
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

TITLE = "刘志强故意伤害案"
NOTE = "会见笔录：当事人称连续三晚不让睡觉。"


def when_shown(qtbot, kind: type[QWidget], act: Callable[[QWidget], None]) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` once a dialog of ``kind`` is on screen (the command's ``exec()``
    blocks the test meanwhile); returns the dialogs it acted on. If ``act`` fails, the dialog
    is closed so the test ends with the failure instead of hanging."""
    seen: list[QWidget] = []

    def poll(tries: int = 500) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible() and widget not in seen:
                seen.append(widget)
                try:
                    act(widget)
                except BaseException:
                    if isinstance(widget, QDialog):
                        QDialog.reject(widget)
                    raise
                return
        if tries:
            QTimer.singleShot(20, lambda: poll(tries - 1))

    QTimer.singleShot(0, poll)
    return seen


def button(dialog: QWidget, text: str) -> QPushButton:
    (found,) = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
    return found


def open_dialogs(qtbot=None) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Every dialog still in memory, shown or hidden, once deferred deletions have run."""
    if qtbot is not None:
        qtbot.wait(1)
    return [w for w in QApplication.allWidgets() if isinstance(w, QDialog)]


@pytest.fixture
def bo(tmp_path):
    """A colleague's vault, outside any window."""
    session, _ = create_vault(tmp_path / "bo", PASSPHRASE, kdf=FAST_KDF)
    rename_owner(session.vault.connection, "Bo Lawyer")
    yield session
    session.close()


@pytest.fixture
def ana(qtbot, ui, make_window, tmp_path):
    """Ana's window, unlocked, with a case open on its notes and a note being typed."""
    window = make_window(tmp_path / "ana")
    ui.create_vault(window)
    rename_owner(window.session.vault.connection, "Ana Lawyer")
    case = window.session.case_file.new_case(TITLE, client="刘志强")
    window.desk.refresh()
    window.desk.open_case(case.id, "notes")
    notes = window.desk.workspace.current_tab()
    notes.new.click()
    ui.commit(notes.editor.text, NOTE)
    return window, case


def _introduce(window, bo) -> None:  # type: ignore[no-untyped-def]
    Colleagues(window.session.vault).add(Colleagues(bo.vault).me().card_text, verified=True)
    Colleagues(bo.vault).add(Colleagues(window.session.vault).me().card_text, verified=True)


def _saved_notes(window, case) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.text for n in window.session.case_file.list(Note, case)]


def test_without_an_open_case_the_case_commands_say_to_open_one(qtbot, ui, make_window, tmp_path):
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    for action, sentence in (
        (window.share_action, "Open the case you want to share first."),
        (window.reports_action, "Open the case to report on first."),
        (window.conflicts_action, "Open a case first."),
    ):
        window.statusBar().clearMessage()
        action.trigger()
        assert window.statusBar().currentMessage() == sentence
        assert not [d for d in open_dialogs() if d.isVisible()]


def test_colleagues_pastes_a_card_compares_it_and_keeps_it_verified(qtbot, ana, bo):
    window, _ = ana
    card = Colleagues(bo.vault).me().card_text

    def paste(dialog: QWidget) -> None:
        assert isinstance(dialog, PasteDialog)
        dialog.text.setPlainText(card)
        dialog.accept()

    def compare(dialog: QWidget) -> None:
        assert "Bo Lawyer" in dialog.windowTitle()
        dialog.match.click()  # type: ignore[attr-defined]

    def colleagues(dialog: QWidget) -> None:
        when_shown(qtbot, PasteDialog, paste)
        when_shown(qtbot, CompareDialog, compare)
        button(dialog, "Paste key card…").click()  # returns once both are answered
        assert dialog.model.index(0, 0).data() == "Bo Lawyer"  # type: ignore[attr-defined]
        dialog.reject()

    shown = when_shown(qtbot, ColleaguesWindow, colleagues)
    window.colleagues_action.trigger()
    assert len(shown) == 1
    (stored,) = Colleagues(window.session.vault).all()
    assert stored.name == "Bo Lawyer" and stored.verified
    assert stored.fingerprint == Colleagues(bo.vault).me().fingerprint
    assert not open_dialogs(qtbot)


def test_share_saves_what_was_typed_seals_for_the_colleague_and_shows_the_export(
    qtbot, ana, bo, tmp_path
):
    window, case = ana
    _introduce(window, bo)
    usb = tmp_path / "usb"
    usb.mkdir()
    custody = window.desk.workspace.parts["custody"]
    custody.load()

    def share(wizard: QWidget) -> None:
        assert isinstance(wizard, ShareWizard)
        assert _saved_notes(window, case) == [NOTE]  # saved before the wizard read the case
        recipients = wizard.recipients.colleagues
        recipients.item(0).setCheckState(recipients.item(0).checkState().Checked)
        wizard.next()
        wizard.next()
        wizard.destination.add_place(usb)
        wizard.next()  # the commit page: sealing starts
        qtbot.waitUntil(lambda: wizard.seal.done, timeout=20_000)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    shown = when_shown(qtbot, ShareWizard, share)
    window.share_action.trigger()
    assert len(shown) == 1
    (bundle,) = usb.glob("*.lnb")
    assert TITLE not in bundle.name
    log = window.session.case_file.log(case)
    assert log[-1].action == "export"
    shown_log = custody.model.records()  # the custody tab was reloaded: the export is there
    assert sorted(e.hash for e in shown_log) == sorted(e.hash for e in log)
    assert not open_dialogs(qtbot)  # the wizard (and its summary) is gone, not hidden


def _seal_for(session, case_id: str, recipient, folder: Path, **kw) -> Path:  # type: ignore[no-untyped-def]
    """``session`` seals the case for ``recipient`` (introduced already) into ``folder``."""
    theirs = Colleagues(recipient.vault).me().fingerprint
    (contact,) = [c for c in Colleagues(session.vault).all() if c.fingerprint == theirs]
    out = folder / f"bundle-{len(list(folder.iterdir()))}.lnb"
    seal_case(session.case_file, case_id, out, to=[contact], **kw)
    return out


def test_open_bundle_applies_it_opens_the_case_and_conflicts_are_resolved_from_the_menu(
    qtbot, ui, make_window, bo, tmp_path, monkeypatch
):
    window = make_window(tmp_path / "ana")
    ui.create_vault(window)
    ana = window.session
    _introduce(window, bo)
    case = bo.case_file.new_case(TITLE, client="刘志强")
    note = bo.case_file.add_note(case, "第一次会见：当事人称遭到刑讯逼供。", title="第一次会见")
    usb = tmp_path / "usb"
    usb.mkdir()
    bundle = _seal_for(bo, case.id, window.session, usb)
    asked = []
    monkeypatch.setattr(  # the system's file chooser: the lawyer picks the bundle
        desk_actions, "open_file", lambda parent, title, filters: asked.append(filters) or bundle
    )

    def apply(dialog: QWidget) -> None:
        assert isinstance(dialog, BundleOpenDialog)
        qtbot.waitUntil(lambda: dialog.state == "plan", timeout=20_000)
        assert "Bo Lawyer, a colleague you verified" in dialog.sender_box.text()
        dialog.apply_button.click()
        qtbot.waitUntil(lambda: dialog.state == "done", timeout=20_000)
        dialog.close_button.click()

    shown = when_shown(qtbot, BundleOpenDialog, apply)
    window.open_bundle_action.trigger()
    assert len(shown) == 1 and asked == ["Lawnotebook bundles (*.lnb);;All files (*)"]
    (received,) = ana.case_file.cases()
    assert received.title == TITLE
    workspace = window.desk.workspace  # the received case is opened
    assert workspace is not None and workspace.case.id == received.id
    assert window.desk.case_list.model.rowCount() == 1  # and listed

    # Both edit the note; Bo's update arrives by the command line (or a drop) while the case is
    # open: the case is reopened with the new state, then the conflict is resolved from the menu.
    (mine,) = ana.case_file.list(Note, received)
    ana.case_file.edit_note(mine, "Ana: three nights without sleep.")
    bo.case_file.edit_note(note, "Bo: beaten on the second night.")
    update = _seal_for(bo, case.id, window.session, usb, since_last=True)

    looked: list[str] = []

    def apply_and_look(dialog: QWidget) -> None:
        assert isinstance(dialog, BundleOpenDialog)
        qtbot.waitUntil(lambda: dialog.state == "plan", timeout=20_000)
        dialog.apply_button.click()
        qtbot.waitUntil(lambda: dialog.state == "done", timeout=20_000)
        assert dialog.resolve_button.isVisible()
        when_shown(
            qtbot, ConflictView, lambda view: looked.append(view.windowTitle()) or view.reject()
        )
        dialog.resolve_button.click()  # the view for this case opens over the dialog
        dialog.close_button.click()

    shown = when_shown(qtbot, BundleOpenDialog, apply_and_look)
    window.open_bundle(update)
    assert len(shown) == 1
    assert looked == [f"Notes edited on both sides — {TITLE}"]
    reopened = window.desk.workspace
    assert reopened is not None and reopened is not workspace  # the old tabs showed old text

    def resolve(view: QWidget) -> None:
        assert isinstance(view, ConflictView)
        assert view.notes.count() == 1
        assert {view.current.toPlainText(), view.other.toPlainText()} == {
            "Ana: three nights without sleep.",
            "Bo: beaten on the second night.",
        }
        view.result_text.setPlainText("Merged: three nights awake, beaten on the second.")
        view.save.click()
        assert view.notes.count() == 0
        view.reject()

    notes = reopened.show_tab("notes")
    shown = when_shown(qtbot, ConflictView, resolve)
    window.conflicts_action.trigger()
    assert len(shown) == 1
    (resolved,) = ana.case_file.list(Note, received)
    assert resolved.text.startswith("Merged:") and resolved.conflicts == []
    assert [n.text for n in notes.model.notes] == [resolved.text]  # the notes tab reloaded
    assert not open_dialogs(qtbot)


def test_a_passphrase_bundle_whose_passphrase_is_not_given_opens_nothing(
    qtbot, ui, make_window, bo, tmp_path
):
    window = make_window(tmp_path / "ana")
    ui.create_vault(window)
    case = bo.case_file.new_case(TITLE)
    bundle = tmp_path / "bundle-for-anyone.lnb"
    seal_case(bo.case_file, case.id, bundle, passphrase="correct horse", passphrase_work_factor=10)
    asked = when_shown(qtbot, QInputDialog, lambda dialog: dialog.reject())
    window.open_bundle(bundle)
    assert len(asked) == 1
    assert window.session.case_file.cases() == []
    assert not open_dialogs(qtbot)


def test_reports_show_the_open_case_with_what_was_just_typed(qtbot, ana, tmp_path):
    window, case = ana
    scan = tmp_path / "伤情照片.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with scan.open("rb") as stream:
        item = add_evidence(window.session.case_file, case, stream)

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ReportDialog)
        assert _saved_notes(window, case) == [NOTE]
        assert TITLE in dialog.windowTitle()
        assert item.sha256 in "".join(dialog.preview.toPlainText().split())
        dialog.reject()

    shown = when_shown(qtbot, ReportDialog, look)
    window.reports_action.trigger()
    assert len(shown) == 1
    assert not open_dialogs(
        qtbot
    )  # the preview of the evidence list is not kept in a hidden dialog


def _conflict_in_the_open_case(qtbot, window, bo, tmp_path):  # type: ignore[no-untyped-def]
    """A case received from Bo, open on the desk, whose note both edited."""
    ana = window.session
    _introduce(window, bo)
    case = bo.case_file.new_case(TITLE)
    note = bo.case_file.add_note(case, "第一次会见", title="会见")
    usb = tmp_path / "usb"
    usb.mkdir()
    from lawnotebook.services.bundle_open import open_bundle

    with _seal_for(bo, case.id, ana, usb).open("rb") as source:
        open_bundle(ana.case_file, source)
    (mine,) = ana.case_file.list(Note, case)
    ana.case_file.edit_note(mine, "Ana's text")
    bo.case_file.edit_note(note, "Bo's text")
    with _seal_for(bo, case.id, ana, usb, since_last=True).open("rb") as source:
        open_bundle(ana.case_file, source)
    window.desk.refresh()
    window.desk.open_case(case.id, "notes")
    return case


@pytest.mark.parametrize(
    ("action", "kind"),
    [
        ("conflicts_action", ConflictView),
        ("share_action", ShareWizard),
        ("reports_action", ReportDialog),
        ("colleagues_action", ColleaguesWindow),
    ],
    ids=["conflicts", "share", "reports", "colleagues"],
)
def test_locking_with_a_dialog_open_closes_it_and_leaves_the_closed_vault_alone(
    qtbot, ui, make_window, bo, tmp_path, visible_text, action, kind
):
    window = make_window(tmp_path / "ana")
    ui.create_vault(window)
    case = _conflict_in_the_open_case(qtbot, window, bo, tmp_path)
    session = window.session
    usb = tmp_path / "out"
    usb.mkdir()

    def lock(dialog: QWidget) -> None:
        if isinstance(dialog, ShareWizard):  # sealed, the summary on screen, then the lock
            recipients = dialog.recipients.colleagues
            recipients.item(0).setCheckState(recipients.item(0).checkState().Checked)
            dialog.next()
            dialog.next()
            dialog.destination.add_place(usb)
            dialog.next()
            qtbot.waitUntil(lambda: dialog.seal.done, timeout=20_000)
        window.lock()  # as the screen lock, suspend, the idle time or Ctrl+L do

    shown = when_shown(qtbot, kind, lock)
    getattr(window, action).trigger()  # returns once the lock closed the dialog
    assert len(shown) == 1
    assert window.is_locked and not session.is_open
    assert not open_dialogs(qtbot)
    assert TITLE not in visible_text() and "Bo's text" not in visible_text()
    ui.unlock(window)  # and the desk comes back where it was
    qtbot.waitUntil(lambda: window.desk is not None and window.desk.workspace is not None)
    assert window.desk.workspace.case.id == case.id
