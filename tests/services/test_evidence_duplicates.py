"""A file already in the case is not added again; a second record only for another source
(issue 16, point 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawnotebook.core.records import Evidence
from lawnotebook.services import errors
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence, earlier_records, store_for
from lawnotebook.services.session import create_vault
from lawnotebook.vault.evidence import PACKS_DIR
from support import FAST_KDF, PASSPHRASE, snapshot


@pytest.fixture
def case_file(tmp_path):
    session, _ = create_vault(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    yield session.case_file
    session.close()


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_the_same_file_added_again_is_refused_naming_the_item_it_matches(
    case_file: CaseFile, tmp_path
):
    case = case_file.new_case("Duplicates")
    first = add_evidence(case_file, case, _file(tmp_path, "起诉书.pdf", b"%PDF-1.4 indictment"))
    again = _file(tmp_path, "copy of indictment.pdf", b"%PDF-1.4 indictment")
    packs = Path(case_file.vault.paths.root) / PACKS_DIR
    before = snapshot(packs)
    log_before = len(case_file.log(case))
    with pytest.raises(errors.evidence.DuplicateEvidence) as caught:
        add_evidence(case_file, case, again, source_note="police file")
    assert caught.value.existing == first
    assert caught.value.file_name == "copy of indictment.pdf"
    assert "起诉书.pdf" in str(caught.value) and first.added_at in str(caught.value)
    assert [e.id for e in case_file.list(Evidence, case)] == [first.id]
    assert snapshot(packs) == before  # no surplus pack left behind
    assert len(case_file.log(case)) == log_before  # nothing logged either


def test_the_same_file_in_another_case_is_not_a_duplicate(case_file: CaseFile, tmp_path):
    path = _file(tmp_path, "photo.jpg", b"\xff\xd8\xff photo")
    add_evidence(case_file, case_file.new_case("One"), path)
    other = case_file.new_case("Two")
    add_evidence(case_file, other, path)
    assert len(case_file.list(Evidence, other)) == 1


def test_a_second_record_is_kept_only_for_a_different_source(case_file: CaseFile, tmp_path):
    case = case_file.new_case("Two sources")
    path = _file(tmp_path, "录音.wav", b"RIFF....WAVEfmt recording")
    first = add_evidence(case_file, case, path, source_note="client's family")
    for source in ("", "  Client's family "):
        with pytest.raises(errors.evidence.DuplicateSource) as caught:
            add_evidence(case_file, case, path, source_note=source, another_source=True)
        assert caught.value.existing == first
    second = add_evidence(
        case_file, case, path, source_note="prosecution disclosure", another_source=True
    )
    items = case_file.list(Evidence, case)
    assert [e.id for e in items] == [first.id, second.id]
    assert second.sha256 == first.sha256 and second.source == "prosecution disclosure"
    assert earlier_records(items) == {second.id: first}
    with store_for(case_file.vault).open_blob(second.sha256) as reader:
        assert reader.read() == path.read_bytes()
