"""The keyboard, as a lawyer who does not reach for the mouse uses it (issue 16, point 16): Ctrl+1…8
switch the case's tabs, New note / Add event / Add evidence have shortcuts named in tooltips,
after adding an event the date field has the focus, Tab runs list → note → buttons in the notes
tab, and Tab reaches Print on the recovery-key screen. Also the case header (point 15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.evidence import evidence_tab
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def session(tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


@pytest.fixture
def workspace(qtbot, session):
    case = session.case_file.new_case(
        "刘志强涉嫌故意伤害案", client="刘志强", case_number="（2024）京0105刑初123号"
    )
    workspace = CaseWorkspace(session.case_file, case)
    qtbot.addWidget(workspace)
    workspace.resize(1100, 700)
    workspace.show()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    return workspace


def _press(qtbot, keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press a shortcut where the focus is, as a user does."""
    *mods, key = keys.split("+")
    modifiers = Qt.KeyboardModifier.NoModifier
    for m in mods:
        modifiers |= {
            "Ctrl": Qt.KeyboardModifier.ControlModifier,
            "Shift": Qt.KeyboardModifier.ShiftModifier,
        }[m]
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, getattr(Qt.Key, f"Key_{key}"), modifiers)


def test_the_case_header_has_one_pair_of_brackets(workspace):
    heading = workspace.heading.text()
    assert "（2024）京0105刑初123号" in heading
    assert "(（" not in heading and "（（" not in heading and "号)" not in heading


def test_ctrl_digits_switch_the_nine_tabs_and_say_so(qtbot, workspace):
    assert workspace.tabs.count() == 9
    workspace.parts["overview"].setFocus()
    for i in (2, 9, 5, 1):
        _press(qtbot, f"Ctrl+{i}")
        assert workspace.tabs.currentIndex() == i - 1
        assert "Ctrl+" + str(i) in workspace.tabs.tabToolTip(i - 1)


def test_new_note_add_event_and_add_evidence_shortcuts(qtbot, workspace, monkeypatch):
    notes = workspace.parts["notes"]
    _press(qtbot, "Ctrl+Shift+N")
    assert workspace.current_tab() is notes and notes.model.rowCount() == 1
    assert QApplication.focusWidget() is notes.editor.text
    assert "Ctrl+Shift+N" in notes.new.toolTip()

    events = workspace.parts["chronology"]
    _press(qtbot, "Ctrl+Shift+E")
    assert workspace.current_tab() is events
    assert QApplication.focusWidget() is events.date.edit
    assert "Ctrl+Shift+E" in events.add.toolTip()

    chosen = []
    monkeypatch.setattr(evidence_tab, "open_files", lambda *a: chosen.append(1) or [])
    _press(qtbot, "Ctrl+Shift+A")
    assert workspace.current_tab() is workspace.parts["evidence"] and chosen == [1]
    assert "Ctrl+Shift+A" in workspace.parts["evidence"].add_button.toolTip()


def test_after_adding_an_event_the_date_has_the_focus(qtbot, workspace):
    events = workspace.show_tab("chronology")
    events.date.edit.setFocus()
    qtbot.keyClicks(events.date.edit, "2024-05-01")
    qtbot.keyClick(events.date.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is events.title
    qtbot.keyClicks(events.title, "Detained at the police station")
    qtbot.keyClick(events.title, Qt.Key.Key_Return)
    assert events.model.rowCount() == 1
    assert QApplication.focusWidget() is events.date.edit  # the next event starts at its date


def _tab_chain(start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab visits from ``start`` (what QWidget.focusNextChild walks)."""
    out, widget = [], start
    while len(out) < count:
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ):
            out.append(widget)
    return out


def test_notes_tab_order_is_list_then_note_then_buttons(qtbot, workspace):
    notes = workspace.show_tab("notes")
    notes.new_note()
    chain = _tab_chain(notes.list, 2)
    assert chain == [notes.editor.title, notes.editor.text]
    after_editor = _tab_chain(notes.editor.preview, 2)
    assert after_editor == [notes.new, notes.show_history]
    # And really by the Tab key, from the list into the note.
    notes.list.setFocus()
    qtbot.keyClick(notes.list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is notes.editor.title


def test_tab_reaches_print_on_the_recovery_key_screen(qtbot, make_window, ui, tmp_path):
    window = make_window(tmp_path / "vault")
    page = window.create_page
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE)
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.key_page, timeout=10_000)
    key_page = window.key_page
    focus = QApplication.focusWidget()
    assert focus is not None and key_page.isAncestorOf(focus)
    seen = []
    for _ in range(4):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert key_page.print_button in seen
    order = [w for w in seen if w in (key_page.print_button, key_page.written)]
    assert order[:2] == [key_page.print_button, key_page.written]  # as the page reads
