"""Custody entries in words: what a lawyer (and a court) reads in the custody tab and the
integrity list. No raw field name, no JSON; an evidence edit names what was edited."""

from __future__ import annotations

import io
import re
from dataclasses import fields, replace

import pytest

from lawnotebook.core.records import RECORD_TYPES, Tristate
from lawnotebook.services import custody_text
from lawnotebook.services.evidence import add_evidence, open_evidence
from lawnotebook.services.session import create_vault
from support import FAST_KDF, PASSPHRASE

ZH = {
    "Description": "说明",
    "Source": "来源",
    "Client's account": "当事人陈述",
    "Rights read": "告知权利",
    "{fields} edited": "{fields}已编辑",
    ", ": "、",
    "Evidence": "证据",
    "Interrogation": "讯问",
}


@pytest.fixture
def case_file(tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session.case_file
    session.close()


def _raw_names() -> set[str]:
    return {f.name for kind in RECORD_TYPES.values() for f in fields(kind) if "_" in f.name}


def test_every_field_of_every_record_kind_has_words():
    missing = {
        (kind, f.name)
        for kind, cls in RECORD_TYPES.items()
        for f in fields(cls)
        if f.name not in ("id", "case_id", "author", "created_at", "updated_at", "hlc")
        and f.name not in custody_text.FIELDS
    }
    assert not missing


def test_an_evidence_edit_says_what_was_edited_never_that_the_file_changed(case_file):
    case = case_file.new_case("刘某案")
    stream = io.BytesIO(b"scan " * 100)
    stream.name = "笔录.pdf"
    item = add_evidence(case_file, case, stream, source_note="家属提供")
    item = case_file.update(replace(item, description="第一次讯问笔录"))
    case_file.update(replace(item, source="阅卷复制", description="第一次讯问笔录（复印件）"))
    edits = [e for e in case_file.log(case) if e.action == "edit"]
    assert [custody_text.action_text(e) for e in edits] == [
        "Description edited",
        "Description, Source edited",
    ]
    assert [custody_text.action_text(e, ZH) for e in edits] == ["说明已编辑", "说明、来源已编辑"]
    titles = custody_text.titles(case_file.log(case))
    assert custody_text.details_text(edits[0], ZH, known_titles=titles) == "证据 “笔录.pdf”"


def test_no_entry_shows_a_raw_field_name_or_json(case_file):
    case = case_file.new_case("刘某案")
    session = case_file.add_interrogation(case, "between 2024-05-03 and 2024-05-04", place="讯问室")
    case_file.update(replace(session, client_account="不让睡觉", rights_read=Tristate.NO))
    stream = io.BytesIO(b"x" * 10)
    stream.name = "a.jpg"
    item = add_evidence(case_file, case, stream)
    with open_evidence(case_file, item, purpose="export", details={"to": "file"}):
        pass
    log = case_file.log(case)
    titles = custody_text.titles(log)
    shown = [
        custody_text.action_text(e, ZH)
        + " "
        + custody_text.details_text(e, ZH, known_titles=titles, language="zh_CN")
        for e in log
    ]
    text = "\n".join(shown)
    assert not _raw_names() & set(re.findall(r"[a-z_]+", text))
    assert "{" not in text and '"' not in text
    assert "当事人陈述、告知权利已编辑" in text
    assert "“2024年5月3日至4日之间 讯问室”" in text  # the stored title's date, in Chinese
    assert "saved to a file outside the vault" in text


def test_bundle_entries_read_as_sentences():
    entry = custody_text.CustodyEntry(
        case_id="c",
        origin="o",
        seq=1,
        at="2024-06-01T00:00:00.000Z",
        actor="me",
        action="export",
        record_id="",
        details={
            "bundle_sequence": 3,
            "recipients": ["fp1", "passphrase"],
            "records": 9,
            "files": 2,
        },
        details_hash="",
        prev_hash="",
        hash="",
    )
    names = {"fp1": "Zhang Wei"}
    assert custody_text.details_text(entry, who=names.get) == (
        "Bundle #3 sealed for Zhang Wei, a passphrase: 9 records, 2 files"
    )
    withheld = entry.redact()
    assert custody_text.details_text(withheld).startswith("Details withheld")


def test_a_restored_version_reads_as_restored_in_local_time(case_file, monkeypatch):
    """Restoring from a record's history is logged with the version's time; the log says so
    in words and in the reader's zone, never as a count of unnamed details."""
    monkeypatch.setenv("LAWNOTEBOOK_TZ", "Asia/Shanghai")
    case = case_file.new_case("刘某案")
    session = case_file.add_interrogation(case, "2024-05-20 09:00", client_account="十四小时")
    overwritten = case_file.update(replace(session, client_account="x"))
    first = case_file.history(overwritten)[0]
    case_file.restore_version(overwritten, first)
    entry = case_file.log(case)[-1]
    text = custody_text.details_text(entry)
    assert "further details" not in text
    when = custody_text.local_time(first.updated_at)
    assert f"the version saved {when} restored" in text
    assert when != first.updated_at[:16].replace("T", " ")  # shown in UTC+8, not UTC
    zh = {"the version saved {when} restored": "已恢复 {when} 保存的版本"}
    assert f"已恢复 {when} 保存的版本" in custody_text.details_text(entry, zh)


def test_places_custody_events_and_session_fields_read_as_words(case_file):
    """Issue 17: the custody model's entries name kinds and fields in words, in Chinese too."""
    from lawnotebook.core.records import CustodyEventKind, Outcome, PlaceKind, Recording
    from lawnotebook.services import detention

    zh = {
        **ZH,
        "Place": "地点",
        "Custody event": "羁押事件",
        "Kind of place": "地点类型",
        "Committal to the detention house": "送看守所羁押",
        "Recording": "同步录音录像",
        "Outcome": "供述情况",
        "Place (from the case's places)": "地点（本案地点）",
        "Rest breaks": "休息",
    }
    case = case_file.new_case("张某案")
    house = detention.add_place(case_file, case, "市第一看守所")
    case_file.update(replace(house, place_kind=PlaceKind.DETENTION_HOUSE))
    detention.add_custody_event(
        case_file, case, CustodyEventKind.COMMITTAL, "2024-05-19 21:10", place=house.id
    )
    session = case_file.add_interrogation(case, "2024-05-20 23:00")
    case_file.update(
        replace(
            session,
            place_id=house.id,
            recording=Recording.NONE,
            outcome=Outcome.CONFESSED,
            rest_breaks=[{"start": "2024-05-21 03:00", "end": ""}],
        )
    )
    log = case_file.log(case)
    titles = custody_text.titles(log)
    shown = [
        custody_text.action_text(e, zh)
        + " "
        + custody_text.details_text(e, zh, known_titles=titles, language="zh_CN")
        for e in log
    ]
    text = "\n".join(shown)
    assert not _raw_names() & set(re.findall(r"[a-z_]+", text))
    assert "地点类型已编辑" in text
    assert "羁押事件 “2024年5月19日 21:10 送看守所羁押”" in text
    assert "供述情况、地点（本案地点）、同步录音录像、休息已编辑" in text
    event = next(e for e in log if e.details.get("kind") == "custody_event")
    english = custody_text.details_text(event, known_titles=titles)
    assert english == "Custody event “2024-05-19 21:10 Committal to the detention house”"
