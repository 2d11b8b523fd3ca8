"""Colleagues, the share wizard and opening bundles, between two vaults in one test process:
the plan is shown before anything changes, applying it merges, conflicts are resolved by hand,
a tampered bundle is refused with one sentence and changes nothing, Cancel leaves no file."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from lawnotebook.bundle.errors import BundleTampered
from lawnotebook.core.records import Evidence, Note
from lawnotebook.crypto.identity import KeyCardMalformed
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.parts.drives import looks_removable
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.sharing import share_wizard
from lawnotebook.gui.sharing.bundle_open_dialog import BundleOpenDialog
from lawnotebook.gui.sharing.colleagues_window import ColleaguesWindow, CompareDialog
from lawnotebook.gui.sharing.conflict_view import ConflictView
from lawnotebook.gui.sharing.share_wizard import ShareWizard
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.owner import rename_owner
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE, set_owner_identity, snapshot

TITLE = "刘志强故意伤害案"


@pytest.fixture
def lawyers(tmp_path):
    """Two vaults, Ana (sender) and Bo (recipient), each holding the other's card."""
    sessions = []
    for name in ("Ana Lawyer", "Bo Lawyer"):
        session, _ = create_vault(tmp_path / name.split()[0], PASSPHRASE, kdf=FAST_KDF)
        rename_owner(session.vault.connection, name)
        sessions.append(session)
    yield sessions
    for session in sessions:
        session.close()


@pytest.fixture
def worker():
    worker = Worker()
    yield worker
    worker.cancel_all()
    worker.wait()


def _introduce(a, b, verified: bool = True) -> None:  # type: ignore[no-untyped-def]
    Colleagues(a.vault).add(Colleagues(b.vault).me().card_text, verified=verified)
    Colleagues(b.vault).add(Colleagues(a.vault).me().card_text, verified=verified)


def _seal(qtbot, worker, session, case, folder: Path, *, since_last=False):  # type: ignore[no-untyped-def]
    wizard = ShareWizard(session.case_file, case, Colleagues(session.vault), worker)
    qtbot.addWidget(wizard)
    wizard.show()
    recipients = wizard.recipients.colleagues
    recipients.item(0).setCheckState(recipients.item(0).checkState().Checked)
    assert wizard.recipients.isComplete()
    wizard.next()
    if since_last:
        wizard.scope.since.setChecked(True)
    wizard.next()
    wizard.destination.add_place(folder)
    wizard.next()  # the commit page: sealing starts
    qtbot.waitUntil(lambda: wizard.seal.done or wizard.seal.error.isVisible(), timeout=20_000)
    assert wizard.result_ is not None, wizard.seal.error.text()
    return wizard


def _open(qtbot, worker, session, path: Path) -> BundleOpenDialog:  # type: ignore[no-untyped-def]
    dialog = BundleOpenDialog(session.case_file, worker, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.state in ("plan", "refused"), timeout=20_000)
    return dialog


def _apply(qtbot, dialog: BundleOpenDialog) -> None:
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.state in ("done", "refused"), timeout=20_000)
    assert dialog.state == "done", dialog.error.text()


def test_colleagues_window_shows_my_fingerprint_imports_and_verifies(qtbot, lawyers, tmp_path):
    ana, bo = lawyers
    window = ColleaguesWindow(Colleagues(ana.vault))
    qtbot.addWidget(window)
    me = Colleagues(ana.vault).me()
    assert window.my_fingerprint.text().split() == me.fingerprint.split()
    window.copy_my_card()
    assert QApplication.clipboard().text() == me.card_text

    window.import_text("not a card at all", compare=False)
    assert window.error.text() == explain(KeyCardMalformed("x"))
    card = tmp_path / "bo.txt"
    card.write_text(Colleagues(bo.vault).me().card_text, "utf-8")
    QTimer.singleShot(0, lambda: _accept_compare(window))
    added = window.import_path(card)
    assert added is not None and added.name == "Bo Lawyer"
    (stored,) = Colleagues(ana.vault).all()
    assert stored.verified
    assert window.model.index(0, 1).data() == "✔ Verified"
    window.import_text(Colleagues(bo.vault).me().card_text, compare=False)
    assert "already" in window.error.text()


def _accept_compare(window) -> None:  # type: ignore[no-untyped-def]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, CompareDialog) and widget.isVisible():
            assert "Bo Lawyer" in widget.windowTitle()
            widget.match.click()
            return
    QTimer.singleShot(20, lambda: _accept_compare(window))


def test_share_then_open_shows_the_plan_applies_and_merges_conflicts(
    qtbot, lawyers, worker, tmp_path
):
    ana, bo = lawyers
    _introduce(ana, bo)
    files = ana.case_file
    case = files.new_case(TITLE, client="刘志强")
    note = files.add_note(case, "会见笔录：当事人称遭到刑讯逼供。", title="第一次会见")
    photo = add_evidence(files, case, _named(b"\x89PNG\r\n\x1a\n" + bytes(100), "伤情照片.png"))
    usb = tmp_path / "usb"
    usb.mkdir()

    wizard = _seal(qtbot, worker, ana, case, usb)
    (bundle,) = usb.glob("*.lnb")
    assert bundle.name.startswith("bundle-") and TITLE not in bundle.name
    summary = wizard.seal.status.text()
    assert "Bo Lawyer" in summary and "the whole case" in summary and str(bundle) in summary
    assert [e.action for e in files.log(case)][-1] == "export"

    dialog = _open(qtbot, worker, bo, bundle)
    assert dialog.state == "plan"
    assert "Ana Lawyer, a colleague you verified" in dialog.sender_box.text()
    lines = dialog.plan.lines()
    assert lines[0].startswith("New (")
    assert any("第一次会见" in line for line in lines)
    assert any("伤情照片.png" in line for line in lines)
    assert bo.case_file.cases() == []  # nothing applied yet
    _apply(qtbot, dialog)
    (received,) = bo.case_file.cases()
    assert received.title == TITLE
    (copy,) = bo.case_file.list(Evidence, received)
    assert copy.sha256 == photo.sha256

    # Both edit the same note in parallel; Bo opens Ana's update: the plan shows the conflict.
    files.edit_note(note, "Ana's version: three days without sleep.")
    (bo_note,) = bo.case_file.list(Note, received)
    bo.case_file.edit_note(bo_note, "Bo's version: beaten on the second night.")
    for old in usb.glob("*.lnb"):
        old.unlink()
    _seal(qtbot, worker, ana, case, usb, since_last=True)
    (update,) = usb.glob("*.lnb")
    dialog = _open(qtbot, worker, bo, update)
    lines = dialog.plan.lines()
    assert lines[0].startswith("Edited on both sides")
    assert any("the other text, kept beside it" in line for line in lines)
    _apply(qtbot, dialog)
    assert dialog.resolve_button.isVisible()

    view = ConflictView(bo.case_file, received)
    qtbot.addWidget(view)
    assert view.notes.count() == 1
    texts = {view.current.toPlainText(), view.other.toPlainText()}
    assert texts == {
        "Ana's version: three days without sleep.",
        "Bo's version: beaten on the second night.",
    }
    view.result_text.setPlainText("Merged: three days without sleep, beaten on the second night.")
    assert view.resolve_current()
    (resolved,) = bo.case_file.list(Note, received)
    assert resolved.text.startswith("Merged:") and resolved.conflicts == []
    assert view.notes.count() == 0


def _named(data: bytes, name: str) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def test_a_tampered_bundle_is_refused_in_one_sentence_and_changes_nothing(
    qtbot, lawyers, worker, tmp_path
):
    ana, bo = lawyers
    _introduce(ana, bo)
    case = ana.case_file.new_case(TITLE)
    add_evidence(ana.case_file, case, _named(bytes(range(256)) * 400, "scan.bin"))
    usb = tmp_path / "usb"
    usb.mkdir()
    _seal(qtbot, worker, ana, case, usb)
    (bundle,) = usb.glob("*.lnb")
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    bundle.write_bytes(bytes(data))
    bo_root = Path(bo.vault.paths.root)
    before = snapshot(bo_root)
    dialog = _open(qtbot, worker, bo, bundle)
    assert dialog.state == "refused"
    assert dialog.error.text() == explain(BundleTampered("x"))
    assert not dialog.apply_button.isVisible()
    assert bo.case_file.cases() == []
    assert snapshot(bo_root) == before


def test_an_unverified_sender_is_a_loud_warning_and_needs_a_yes(qtbot, lawyers, worker, tmp_path):
    ana, bo = lawyers
    Colleagues(ana.vault).add(Colleagues(bo.vault).me().card_text, verified=True)
    case = ana.case_file.new_case("Unverified")
    usb = tmp_path / "usb"
    usb.mkdir()
    _seal(qtbot, worker, ana, case, usb)
    (bundle,) = usb.glob("*.lnb")
    dialog = _open(qtbot, worker, bo, bundle)
    assert dialog.state == "plan"
    assert dialog.sender_box.text().startswith("WARNING")
    assert Colleagues(ana.vault).me().fingerprint in dialog.sender_box.text()
    assert not dialog.apply_button.isEnabled()
    dialog.trust.setChecked(True)
    _apply(qtbot, dialog)
    assert [c.title for c in bo.case_file.cases()] == ["Unverified"]


def test_cancelling_a_seal_leaves_no_file_and_no_log_entry(
    qtbot, lawyers, worker, tmp_path, monkeypatch
):
    ana, bo = lawyers
    _introduce(ana, bo)
    case = ana.case_file.new_case("Cancelled share")
    add_evidence(ana.case_file, case, _named(bytes(range(256)) * (16 * 4096), "video.mp4"))
    started, resume = threading.Event(), threading.Event()
    real = share_wizard.seal_case

    def slow_seal(*args, progress, **kwargs):  # type: ignore[no-untyped-def]
        def held(done, total):  # type: ignore[no-untyped-def]
            if not started.is_set():
                started.set()
                resume.wait(10)
            progress(done, total)

        return real(*args, progress=held, **kwargs)

    monkeypatch.setattr(share_wizard, "seal_case", slow_seal)
    log_before = len(ana.case_file.log(case))
    usb = tmp_path / "usb"
    usb.mkdir()
    wizard = ShareWizard(ana.case_file, case, Colleagues(ana.vault), worker)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.recipients.colleagues.item(0).setCheckState(
        wizard.recipients.colleagues.item(0).checkState().Checked
    )
    wizard.next()
    wizard.next()
    wizard.destination.add_place(usb)
    wizard.next()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    resume.set()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
    assert list(usb.iterdir()) == []  # neither the bundle nor a partial file
    assert len(ana.case_file.log(case)) == log_before
    assert ana.case_file.conn.execute("SELECT count(*) FROM bundle_seals").fetchone()[0] == 0


def test_removable_drives_are_recognised_by_where_they_are_mounted():
    assert looks_removable("/media/ana/USB STICK/", False)
    assert looks_removable("/run/media/ana/SD/", False)
    assert not looks_removable("/", True)
    assert not looks_removable("/home/", False)


def test_a_bundle_from_an_older_version_says_its_outer_layer_was_not_signed(
    qtbot, worker, tmp_path
):  # type: ignore[no-untyped-def]
    """A format-v1 bundle (a vendored vector) opens, and the dialog says what was not signed;
    a bundle of today's format does not say it."""
    from lawnotebook.crypto.identity import LawyerIdentity

    vector = (Path(__file__).parent.parent / "vectors" / "bundle" / "v1" / "success").read_bytes()
    head_text, _, data = vector.partition(b"\n\n")
    head = dict(line.split(": ", 1) for line in head_text.decode().splitlines())
    session, _ = create_vault(tmp_path / "bo", PASSPHRASE, kdf=FAST_KDF)
    try:
        # the vector's recipient owns the vault
        set_owner_identity(session.vault, LawyerIdentity.from_secret_text(head["identity"]))
        Colleagues(session.vault).add(head["sender-card"], verified=True)
        path = tmp_path / "old.lnb"
        path.write_bytes(data)
        dialog = _open(qtbot, worker, session, path)
        assert dialog.state == "plan", dialog.error.text()
        assert "older version of Lawnotebook" in dialog.summary.text()
        _apply(qtbot, dialog)
    finally:
        session.close()


def test_a_bundle_of_todays_format_does_not_say_older_version(qtbot, lawyers, worker, tmp_path):
    ana, bo = lawyers
    _introduce(ana, bo)
    case = ana.case_file.new_case("Bound")
    usb = tmp_path / "usb"
    usb.mkdir()
    _seal(qtbot, worker, ana, case, usb)
    (bundle,) = usb.glob("*.lnb")
    dialog = _open(qtbot, worker, bo, bundle)
    assert dialog.state == "plan"
    assert "Nothing has been changed yet." in dialog.summary.text()
    assert "older version" not in dialog.summary.text()
