"""The evidence tab's room (issue 16, points 13 and 14): a photo opens fitted to the viewer, not
as a thumbnail; the table has the width while nothing is open; opening a file or a search hit
gives a collapsed viewer its room back."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt

from gui.evidence_support import png_bytes
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.gui.evidence.viewers.image_viewer import ImageViewer
from lawnotebook.gui.parts.background import Worker
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def opened(qtbot, tmp_path):
    """An evidence tab, as the window shows it, on a case with one large photo."""
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    worker = Worker()
    files = session.case_file
    case = files.new_case("刘志强涉嫌故意伤害案")
    photo = io.BytesIO(png_bytes(2400, 1800))
    photo.name = "伤情照片.png"
    item = add_evidence(files, case, photo)
    workspace = CaseWorkspace(files, case, worker=worker)
    qtbot.addWidget(workspace)
    workspace.resize(1300, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    tab = workspace.show_tab("evidence")
    qtbot.wait(20)
    yield tab, item
    worker.cancel_all()
    worker.wait()
    session.close()


def _open(qtbot, tab, item):  # type: ignore[no-untyped-def]
    tab.view.select(item.id)
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(tab.viewer.viewer, ImageViewer), timeout=10_000)
    qtbot.wait(50)  # the layout settles
    return tab.viewer.viewer


def test_a_photo_opens_fitted_to_the_viewer(qtbot, opened):
    tab, item = opened
    viewer = _open(qtbot, tab, item)
    room = viewer.scroll.viewport().size()
    shown = viewer.picture.pixmap().size()
    assert room.width() > 300
    # Fitted: it fills the viewport in one direction (not a ~30 px thumbnail) and fits in both.
    assert max(shown.width() / room.width(), shown.height() / room.height()) > 0.9
    assert shown.width() <= room.width() and shown.height() <= room.height()


def test_the_table_has_the_width_until_a_file_is_opened(qtbot, opened):
    tab, item = opened
    table, viewer = tab.split.sizes()
    assert table > 0.6 * (table + viewer), (table, viewer)  # not 300 px beside an empty viewer
    _open(qtbot, tab, item)
    table, viewer = tab.split.sizes()
    assert viewer >= tab.viewer.minimumWidth() and table >= 0.4 * (table + viewer)


def test_a_search_hit_reopens_a_collapsed_viewer(qtbot, opened):
    tab, item = opened
    _open(qtbot, tab, item)
    width = sum(tab.split.sizes())
    tab.split.setSizes([width, 0])  # the lawyer dragged the viewer shut
    assert tab.split.sizes()[1] == 0
    tab.show_text_hit(item.id, None, query="伤")
    assert tab.split.sizes()[1] >= tab.viewer.minimumWidth()
    tab.split.setSizes([width, 0])
    qtbot.mouseClick(tab.view_button, Qt.MouseButton.LeftButton)  # View on the same file
    assert tab.split.sizes()[1] >= tab.viewer.minimumWidth()
