"""Italics and bold right beside Chinese characters render in a note's preview (issue 16, point 15):
CommonMark alone leaves 他说*"我没有"*然后 as literal asterisks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from lawnotebook.core.records import Note
from lawnotebook.gui.case.note_editor import NoteEditor
from lawnotebook.gui.parts.markdown import emphasis_beside_cjk
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


def _styled(doc: QTextDocument) -> list[tuple[str, bool, bool]]:
    """(text, italic, bold) of every fragment, paragraph by paragraph."""
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            f = it.fragment()
            fmt = f.charFormat()
            out.append((f.text(), fmt.fontItalic(), fmt.fontWeight() >= 600))
            it += 1
        block = block.next()
    return out


@pytest.fixture
def session(tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session
    session.close()


def test_the_note_preview_italicises_a_quote_beside_chinese(qtbot, session):
    files = session.case_file
    case = files.new_case("刘志强涉嫌故意伤害案")
    note = files.add_note(case, "")
    editor = NoteEditor(files)
    qtbot.addWidget(editor)
    editor.show_note(note)
    editor.text.setPlainText('当事人说*"我没有签字"*，侦查员说**必须签**才能走。代码 `a*b*c` 不变')
    editor._render()
    fragments = _styled(editor.preview.document())
    assert ('"我没有签字"', True, False) in fragments
    assert ("必须签", False, True) in fragments
    shown = "".join(text for text, _, _ in fragments)
    assert '*"' not in shown and "**" not in shown
    assert "a*b*c" in shown  # code keeps its asterisks
    # Saved now, before the vault closes: no autosave is left pending for a later test.
    editor.save()
    assert files.record(note.id, Note).text.startswith("当事人说")


@given(st.text(alphabet=st.sampled_from(list('中文 a*`"\\\n_')), max_size=40))
def test_text_without_cjk_beside_emphasis_is_left_as_it_is(text):
    latin = text.replace("中", "x").replace("文", "y")
    assert emphasis_beside_cjk(latin) == latin
    out = emphasis_beside_cjk(text)
    assert (
        out.replace("<em>", "*")
        .replace("</em>", "*")
        .replace("<strong>", "**")
        .replace("</strong>", "**")
        == text
    )  # only asterisks are turned into tags; nothing else moves
