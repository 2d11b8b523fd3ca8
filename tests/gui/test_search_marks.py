"""A search hit's highlighted words stay readable on the selected row (issue 16, point 15)."""

from __future__ import annotations

import html

from PySide6.QtGui import QColor

from lawnotebook.gui.desk.search_results import SearchResults, marks
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_marked_words_are_readable_on_the_selected_row(qtbot, tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    try:
        files = session.case_file
        case = files.new_case("刘志强涉嫌故意伤害案")
        files.add_note(case, "当事人称在讯问中遭到殴打，连续三天没有睡觉。", title="第一次会见")
        opening, closing = marks()
        hits = files.search("殴打", open_mark=opening, close_mark=closing, escape=html.escape)
    finally:
        session.close()
    assert hits
    results = SearchResults()
    qtbot.addWidget(results)
    results.resize(600, 300)
    results.show()
    results.show_hits("殴打", hits, {case.id: case.title})
    results.list.setFocus()
    assert results.list.selectionModel().isSelected(results.model.index(0))
    image = results.list.viewport().grab().toImage()
    mark = QColor(opening.split("background-color:")[1].split(";")[0])
    inside = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if _contrast(image.pixelColor(x, y), mark) < 1.05
    ]
    assert inside, "no highlighted word on screen"
    xs, ys = [x for x, _ in inside], [y for _, y in inside]
    glyphs = [
        image.pixelColor(x, y)
        for y in range(min(ys), max(ys) + 1)
        for x in range(min(xs), max(xs) + 1)
    ]
    best = max(_contrast(c, mark) for c in glyphs)
    assert best >= 4.5, f"the marked word's letters reach only {best:.1f}:1 on the highlight"
