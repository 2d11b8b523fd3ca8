"""Your own name in the window (issue 16, point 5): asked when the vault is made (with the law
firm and licence number), changed in Settings, on the key card with the same fingerprint, in the
custody log and a report's head; a colleague who never named themselves is shown with the
first groups of their fingerprint, in the share wizard too."""

from __future__ import annotations

import io

import pypdfium2
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from lawnotebook.crypto.identity import KeyCard
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.parts import i18n
from lawnotebook.gui.parts.background import Worker
from lawnotebook.gui.reports.report_pdf import render_pdf
from lawnotebook.gui.reports.report_words import words_for
from lawnotebook.gui.settings.settings_dialog import SettingsDialog
from lawnotebook.gui.sharing.colleagues_window import ColleaguesWindow
from lawnotebook.gui.sharing.share_wizard import ShareWizard
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.owner import OwnerDetails, set_owner_profile
from lawnotebook.services.reports import BUILDERS
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

NAME, FIRM, LICENCE = "张伟", "北京市明德律师事务所", "11101201910123456"


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_the_name_firm_and_licence_typed_at_creation_sign_the_log_report_and_card(
    make_window, ui, qtbot, tmp_path
):
    window = make_window(tmp_path / "vault")
    page = window.create_page
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE)
    ui.commit(page.owner.name, NAME)  # typed through an input method, as Chinese arrives
    ui.commit(page.owner.firm, FIRM)
    qtbot.keyClicks(page.owner.licence, LICENCE)
    ui.create_vault(window)  # fills the passphrases again, creates, confirms the key
    files = window.session.case_file

    card = KeyCard.from_text(Colleagues(window.session.vault).me().card_text)
    assert card.display_name == NAME

    case = files.new_case("刘志强涉嫌故意伤害案")
    stream = io.BytesIO(b"scan " * 50)
    stream.name = "讯问笔录.pdf"
    add_evidence(files, case, stream, source_note="家属提供")
    workspace = CaseWorkspace(files, case)
    qtbot.addWidget(workspace)
    tab = workspace.show_tab("custody")
    by = {tab.model.index(r, 4).data() for r in range(tab.model.rowCount())}
    assert by == {NAME}

    report = BUILDERS["chronology"](files, case, words_for("zh_CN"), language="zh_CN")
    flat = "".join(pdf_text(render_pdf(report)).split())
    for shown in (f"制作人{NAME}", f"律师事务所{FIRM}", f"律师执业证号{LICENCE}"):
        assert shown in flat


def test_settings_changes_the_name_and_the_card_keeps_its_fingerprint(
    make_window, ui, qtbot, tmp_path
):
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)  # no name given: the default name
    people = Colleagues(window.session.vault)
    before = people.me()
    assert before.name == "Lawnotebook user"
    typed = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog) and dialog.you.isVisibleTo(dialog)
        assert dialog.owner_fields.name.text() == ""  # the default name is not offered as one
        ui.commit(dialog.owner_fields.name, "李明")
        ui.commit(dialog.owner_fields.firm, FIRM)
        typed["ok"] = True
        dialog.accept()

    QTimer.singleShot(0, fill)
    window._open_settings()
    assert typed
    after = people.me()
    assert after.name == "李明" and after.fingerprint == before.fingerprint
    assert KeyCard.from_text(after.card_text).display_name == "李明"
    assert OwnerDetails(window.session.vault.connection).get().firm == FIRM


def test_settings_refuses_a_name_it_cannot_use_and_stays_open(qtbot, tmp_path, desk_settings):
    session, _ = create_vault(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    try:
        owner = OwnerDetails(session.vault.connection)
        dialog = SettingsDialog(desk_settings, "", owner=owner)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.owner_fields.name.setText("a\u202eb")
        dialog.accept()
        assert dialog.isVisible() and dialog.owner_error.isVisibleTo(dialog)
        assert owner.get().name == "Lawnotebook user"
    finally:
        session.close()


def _vaults(tmp_path, *names):  # type: ignore[no-untyped-def]
    sessions = []
    for i, name in enumerate(names):
        session, _ = create_vault(tmp_path / f"v{i}", PASSPHRASE, kdf=FAST_KDF)
        set_owner_profile(session.vault.connection, name=name)
        sessions.append(session)
    return sessions


def test_unnamed_colleagues_are_told_apart_by_fingerprint_in_the_share_wizard(
    qapp, qtbot, tmp_path
):
    ana, bo, cy = sessions = _vaults(tmp_path, "安娜", "", "")
    worker = Worker()
    try:
        for other in (bo, cy):
            Colleagues(ana.vault).add(Colleagues(other.vault).me().card_text, verified=True)
        groups = {" ".join(Colleagues(s.vault).me().fingerprint.split()[:2]) for s in (bo, cy)}
        case = ana.case_file.new_case("刘某案")
        for language, shown_as in (
            ("en", "Lawnotebook user ({g}…)"),
            ("zh_CN", "Lawnotebook 用户（{g}…）"),
        ):
            i18n.install(language)
            wizard = ShareWizard(ana.case_file, case, Colleagues(ana.vault), worker)
            qtbot.addWidget(wizard)
            box = wizard.recipients.colleagues
            shown = {box.item(i).text() for i in range(box.count())}
            assert shown == {shown_as.format(g=g) for g in groups}
    finally:
        i18n.install("en")
        worker.cancel_all()
        worker.wait()
        for session in sessions:
            session.close()


def test_a_colleagues_new_card_renames_them_and_says_so(qapp, qtbot, tmp_path):
    ana, bo = sessions = _vaults(tmp_path, "安娜", "")
    try:
        Colleagues(ana.vault).add(Colleagues(bo.vault).me().card_text, verified=True)
        window = ColleaguesWindow(Colleagues(ana.vault))
        qtbot.addWidget(window)
        first = window.model.index(0, 0).data()
        assert first.startswith("Lawnotebook user (")
        set_owner_profile(bo.vault.connection, name="鲍律师")
        contact = window.import_text(Colleagues(bo.vault).me().card_text)
        assert contact is not None and contact.name == "鲍律师" and contact.verified
        assert window.model.rowCount() == 1 and window.model.index(0, 0).data() == "鲍律师"
        assert not window.error.isVisibleTo(window)
        note = window.note.text()
        assert first in note and "鲍律师" in note and "fingerprint unchanged" in note
    finally:
        for session in sessions:
            session.close()
