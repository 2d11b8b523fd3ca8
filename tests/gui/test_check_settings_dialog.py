"""Settings → "Legality checks": the lawyer changes N hours (and the serious charges) and the
findings of the open case follow at once; a value that cannot be used keeps the dialog open and
stores nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from lawnotebook.gui.settings.settings_dialog import SettingsDialog
from lawnotebook.services.check_settings import CheckSettings, CheckSettingsAccess
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

RULE = "FATIGUE-HOURS-PER-DAY"


def test_lowering_n_in_settings_makes_the_finding_appear_in_the_open_case(
    make_window, ui, qtbot, tmp_path
):
    window = make_window(tmp_path / "vault")
    ui.create_vault(window)
    files = window.session.case_file
    case = files.new_case("王某涉嫌抢劫案")
    # Ten hours of questioning in one day: no finding at the default N = 12.
    files.add_interrogation(case, "2024-03-04 08:00", end="2024-03-04 13:00")
    files.add_interrogation(case, "2024-03-04 14:00", end="2024-03-04 19:00")
    window.desk.refresh()
    assert window.desk.open_case(case.id, "interrogations")
    tab = window.desk.workspace.parts["interrogations"]
    assert RULE not in {c.finding.rule for c in tab.checked}
    seen = {}

    def change() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog) and dialog.checks is not None
        box = dialog.checks
        seen["shown"] = (box.max_hours.value(), box.min_rest.value())
        box.max_hours.selectAll()
        qtbot.keyClicks(box.max_hours, "8")
        dialog.accept()

    QTimer.singleShot(0, change)
    window._open_settings()
    assert seen["shown"] == (12.0, 6.0)
    assert CheckSettingsAccess(window.session.vault.connection).get().max_questioning_hours == 8
    assert RULE in {c.finding.rule for c in tab.checked}


def test_a_charge_too_long_keeps_the_dialog_open_and_nothing_is_stored(
    qtbot, tmp_path, desk_settings
):
    session, _ = create_vault(tmp_path / "v", PASSPHRASE, kdf=FAST_KDF)
    try:
        access = CheckSettingsAccess(session.vault.connection)
        dialog = SettingsDialog(desk_settings, "", checks=access)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.checks.serious.setPlainText("故意杀人\n" + "很" * 41)
        dialog.accept()
        assert dialog.isVisible() and dialog.checks.error.isVisibleTo(dialog)
        assert "40" in dialog.checks.error.text()
        assert access.get() == CheckSettings()
        # Restore the defaults: the list is the default one again and OK stores nothing.
        qtbot.mouseClick(dialog.checks.defaults, Qt.MouseButton.LeftButton)
        assert dialog.checks.typed() == CheckSettings()
        dialog.accept()
        assert not dialog.isVisible() and access.get() == CheckSettings()
    finally:
        session.close()


def test_without_an_open_vault_there_is_no_legality_group(qtbot, desk_settings):
    dialog = SettingsDialog(desk_settings, "")
    qtbot.addWidget(dialog)
    assert dialog.checks is None
