"""Issue 17 in the window: the demo's custody history, built through the case file, shows its
legality findings beside the sessions; a finding clicked selects its sessions and shows the
rule and the article text verbatim; it is dismissed with a reason and stays a filter away; an
edit of a session recomputes the findings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from lawnotebook.core.records import FindingReview, Interrogation, Recording, ReviewState
from lawnotebook.demo import cases
from lawnotebook.gui.case.findings_panel import DISMISSED, EVERY, KEY_ROLE
from lawnotebook.gui.case.interrogations_tab import FINDINGS_COLUMN
from lawnotebook.gui.case.workspace import CaseWorkspace
from lawnotebook.legality import article
from lawnotebook.services import legality_check
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

ART_118 = article("CPL-2018", 118).text  # what the reference file holds, verbatim


@pytest.fixture
def case_file(tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session.case_file
    session.close()


def _items(panel):  # type: ignore[no-untyped-def]
    tree = panel.tree
    return [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]


def _item(panel, rule: str, session_id: str):  # type: ignore[no-untyped-def]
    for item in _items(panel):
        key = item.data(0, KEY_ROLE)
        if key.startswith(rule + "|") and session_id in key:
            return item
    raise AssertionError(f"no {rule} for {session_id}")


def _click(qtbot, panel, item) -> None:  # type: ignore[no-untyped-def]
    tree = panel.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_findings_appear_a_click_shows_the_article_and_a_dismissal_is_kept(qtbot, case_file):
    case = cases.chinese_case(case_file)
    night, later = case_file.list(Interrogation, case)
    workspace = CaseWorkspace(case_file, case)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    workspace.show()
    tab = workspace.show_tab("interrogations")
    panel = tab.findings_panel

    expected = legality_check.findings_for(case_file, case)
    assert len(_items(panel)) == len(expected) == 16
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert groups[0].startswith("High") and groups[-1].startswith("Low")  # by severity
    assert "16 findings, 16 to review" in panel.heading.text()
    # The sessions table: each session's findings, an icon and a count.
    row = tab.model.row_of(night.id)
    night_count = sum(1 for f in expected if night.id in f.sessions)
    assert tab.model.index(row, FINDINGS_COLUMN).data() == f"⚠ {night_count}"
    tip = tab.model.index(row, FINDINGS_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert legality_check.BY_ID["CPL118-DETENTION-HOUSE"].title.en in tip

    # Click the repeated confession: both its sessions are selected in the table.
    _click(qtbot, panel, _item(panel, "SPC124-REPEATED-CONFESSION", later.id))
    assert {r.id for r in tab.selected()} == {night.id, later.id}
    # Click 'questioned outside the detention house' for the night session: the rule's
    # explanation and article 118's text, verbatim, in the details.
    _click(qtbot, panel, _item(panel, "CPL118-DETENTION-HOUSE", night.id))
    assert [r.id for r in tab.selected()] == [night.id]
    assert tab.form.record.id == night.id
    shown = panel.article_text()
    rule = legality_check.BY_ID["CPL118-DETENTION-HOUSE"]
    assert rule.explanation.en[:40] in shown
    for paragraph in (p for p in ART_118.split("\n") if p.strip()):
        assert paragraph in shown
    assert "Criminal Procedure Law of the PRC, art. 118" in shown

    # Dismiss without a reason: refused in words; with one: kept, and gone from the list.
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert panel.error.isVisible() and "why" in panel.error.text()
    assert case_file.list(FindingReview, case) == []
    panel.reason.setText("看守所内无讯问室，另行说明")
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    (mark,) = case_file.list(FindingReview, case)
    assert mark.state is ReviewState.DISMISSED and mark.reason == "看守所内无讯问室，另行说明"
    assert len(_items(panel)) == 15
    assert tab.model.index(row, FINDINGS_COLUMN).data() == f"⚠ {night_count - 1}"
    panel.filter.setCurrentIndex(panel.filter.findData(DISMISSED))
    (only,) = _items(panel)
    assert only.data(0, KEY_ROLE) == mark.finding_key and only.text(2) == "Dismissed"
    panel.filter.setCurrentIndex(panel.filter.findData(EVERY))
    assert len(_items(panel)) == 16

    # A session edited in the form: recorded in full now, so the homicide-not-recorded finding
    # goes at once.
    assert tab.select_record(night.id)
    tab.form.field("Recording").setCurrentIndex(
        tab.form.field("Recording").findData(Recording.FULL)
    )
    assert tab.form.save()
    rules = {item.data(0, KEY_ROLE).split("|")[0] for item in _items(panel)}
    assert "CPL123-SERIOUS-NOT-RECORDED" not in rules
    assert "CPL118-DETENTION-HOUSE" in rules


@pytest.fixture
def chinese(qapp):
    from lawnotebook.gui.parts import i18n

    assert i18n.install("zh_CN") == "zh_CN"
    yield
    i18n.install("en")


def test_the_findings_read_in_chinese(chinese, qtbot, case_file):
    case = cases.chinese_case(case_file)
    night, _ = case_file.list(Interrogation, case)
    workspace = CaseWorkspace(case_file, case)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    workspace.show()
    panel = workspace.show_tab("interrogations").findings_panel
    assert "共 16 条检查结果，16 条待审阅" in panel.heading.text()
    assert panel.tree.topLevelItem(0).text(0) == "高：可作为排除供述的理由"
    item = _item(panel, "CPL123-SERIOUS-NOT-RECORDED", night.id)
    assert item.text(0) == "⚠ 可能判处无期徒刑、死刑的案件未全程录音录像"
    assert item.text(1) == "违反" and item.text(2) == "待审阅"
    _click(qtbot, panel, item)
    shown = panel.article_text()
    assert "重罪：故意杀人罪；录音录像：无" in shown
    assert "《中华人民共和国刑事诉讼法》第123条" in shown
    assert article("CPL-2018", 123).text.split("\n")[0] in shown
    assert panel.dismiss_button.text() == "不采用"
