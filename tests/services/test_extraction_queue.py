"""The background extraction queue: intake queues, workers read, search finds the page;
work survives a lock, can be paused, stops promptly; bad files end in a status, never stop it."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vault" / "extract"))

import samples
from scan_pages import image_pdf, render_lines, scan_page

from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.extraction import ExtractionQueue, page_text
from lawnotebook.vault.extract import Limits
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


@pytest.fixture
def vault(vault_dir):
    v, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    yield v
    v.close()


@pytest.fixture
def files(vault):
    return CaseFile(vault)


@pytest.fixture
def case(files):
    return files.new_case("People v. Zhang San")


def add(files, case, data: bytes, name: str):
    return add_evidence(files, case, io.BytesIO(data), file_name=name)


@pytest.fixture
def queue_of(vault):
    made = []

    def make(**options):
        queue = ExtractionQueue(vault, workers=2, poll_seconds=0.1, **options)
        made.append(queue)
        return queue

    yield make
    for queue in made:
        queue.stop()


def test_intake_queues_and_search_finds_the_scanned_page(files, case, queue_of, vault):
    note = add(files, case, "会见笔录：当事人称被刑讯逼供。".encode("gb18030"), "会见.txt")
    pages = [scan_page("en", 300).image, scan_page("zh-hans", 300, "rotated").image]
    scan = image_pdf(pages, 300)
    pdf = add(files, case, scan, "讯问笔录扫描.pdf")
    queue = queue_of()
    queue.start()
    seen = []
    assert queue.wait(case.id, timeout=90, on_progress=lambda c, p: seen.append(p))
    assert queue.progress(case.id) == (2, 2, 0) == (seen[-1].done, seen[-1].total, 0)

    hits = files.search("肋骨")  # on page 2 of the scan only
    assert [(h.record_id, h.page, h.in_text, h.title) for h in hits] == [
        (pdf.id, 2, True, "讯问笔录扫描.pdf")
    ]
    assert "[肋骨]" in hits[0].snippet
    assert {h.record_id for h in files.search("刑讯逼供")} == {note.id, pdf.id}
    assert [h.page for h in files.search("interrogation") if h.in_text] == [1]

    page = page_text(vault, pdf.id, 2)
    assert page.source == "ocr" and "左侧肋骨骨折" in page.text
    rib = [b for b in page.boxes if b.text == "肋"]
    assert len(rib) == 1 and 0 < rib[0].x0 < rib[0].x1 < 1
    status = {s.evidence_id: s for s in queue.statuses(case.id)}
    assert (status[pdf.id].state, status[pdf.id].units, status[pdf.id].ocr_pages) == ("done", 2, 2)

    files.delete(pdf.id)  # a deleted file takes its pages out of the index and its text along
    assert files.search("肋骨") == []
    with pytest.raises(LookupError):
        page_text(vault, pdf.id, 2)


def test_queued_work_survives_a_lock_and_resumes_after_unlock(vault_dir, vault, files, case):
    item = add(files, case, b"Statement of the witness Li Si about the beating.", "li.txt")
    vault.close()  # locked before anything read it
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        queue = ExtractionQueue(reopened, workers=1, poll_seconds=0.1)
        queue.start()
        try:
            assert queue.wait(case.id, timeout=60)
        finally:
            queue.stop()
        assert [h.record_id for h in CaseFile(reopened).search("beating")] == [item.id]


def test_pause_holds_the_work_and_resume_finishes_it(files, case, queue_of):
    queue = queue_of()
    queue.pause()
    queue.start()
    add(files, case, b"words about the detention centre", "a.txt")
    queue.wake()
    time.sleep(1.0)
    assert queue.paused and queue.progress(case.id) == (0, 1, 0)
    queue.resume()
    assert queue.wait(case.id, timeout=60)
    assert queue.progress(case.id) == (1, 1, 0)


def test_stop_returns_promptly_and_leaves_the_item_queued(vault_dir, vault, files, case):
    big = render_lines(["讯问笔录 第三次 侦查员问 你是否被刑讯逼供"] * 60, 600)
    out = io.BytesIO()
    big.save(out, "PNG")
    add(files, case, out.getvalue(), "big-scan.png")
    queue = ExtractionQueue(vault, workers=1, poll_seconds=0.1)
    queue.start()
    time.sleep(2.0)  # the worker is now deep in OCR
    started = time.monotonic()
    queue.stop()
    assert time.monotonic() - started < 2.0
    assert not queue.running
    vault.close()
    with Vault.open_with_passphrase(vault_dir, PASSPHRASE) as reopened:
        row = reopened.connection.execute("SELECT state FROM extraction_job").fetchone()
        assert row == ("queued",)


def test_bad_files_each_end_in_a_status_and_the_queue_goes_on(files, case, queue_of):
    bad = {
        "broken.pdf": samples.text_pdf(["a", "b"])[:200],
        "locked.pdf": samples.encrypted_pdf(),
        "bomb.png": samples.png_header_only(60_000, 60_000),
        "bomb.docx": samples.zip_bomb_docx(40_000_000),
        "huge.pdf": samples.text_pdf([f"dossier page {i}" for i in range(1, 2001)]),
        "voice.m4a": b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 64,
    }
    items = {name: add(files, case, data, name) for name, data in bad.items()}
    good = add(files, case, "最后一份：证人王五的证词。".encode(), "last.txt")
    limits = Limits(max_pages=1500, max_text_chars=4_000_000)
    queue = queue_of(limits=limits, ocr=False)
    queue.start()
    assert queue.wait(case.id, timeout=90)
    status = {s.evidence_id: s for s in queue.statuses(case.id)}
    got = {name: (status[i.id].state, status[i.id].problem) for name, i in items.items()}
    assert got == {
        "broken.pdf": ("failed", "unreadable"),
        "locked.pdf": ("failed", "password"),
        "bomb.png": ("failed", "too_large"),
        "bomb.docx": ("failed", "too_large"),
        "huge.pdf": ("partial", "page_limit"),
        "voice.m4a": ("no_text", "no_text"),
    }
    assert status[items["locked.pdf"].id].detail == (
        "could not read: the PDF is protected by a password"
    )
    assert status[items["huge.pdf"].id].units == 1500
    assert "pages 1501–2000 not read" in status[items["huge.pdf"].id].detail
    assert status[good.id].state == "done"
    assert queue.progress(case.id) == (7, 7, 4)
    assert [h.page for h in files.search("dossier 1500")] == [1500]


def test_a_page_past_its_time_limit_is_stopped_and_the_next_file_is_read(files, case, queue_of):
    big = render_lines(["讯问笔录 第三次 侦查员问 你是否被刑讯逼供"] * 40, 600)
    out = io.BytesIO()
    big.save(out, "PNG")
    slow = add(files, case, out.getvalue(), "slow-scan.png")
    after = add(files, case, b"the next statement", "next.txt")
    queue = queue_of(limits=Limits(page_seconds=1.0))
    queue.start()
    assert queue.wait(case.id, timeout=60)
    assert queue.status(slow.id).state == "failed"
    assert queue.status(slow.id).detail == "could not read: page 1 took longer than 1 s"
    assert queue.status(after.id).state == "done"


def test_a_spent_time_budget_and_a_too_deep_e_mail_end_partial_with_their_reason(
    files, case, queue_of
):
    deep = samples.eml_with_attachments("inner", [("a.txt", "text/plain", b"words")])
    mail = samples.eml_with_attachments("outer", [("fwd.eml", "message/rfc822", deep)])
    nested = add(files, case, mail, "nested.eml")
    first = queue_of(limits=Limits(max_depth=1), ocr=False)
    first.start()
    assert first.wait(case.id, timeout=60)
    first.stop()
    long = add(files, case, samples.text_pdf(["one", "two", "three"]), "long.pdf")
    queue = queue_of(limits=Limits(file_seconds=0), ocr=False)
    queue.start()
    assert queue.wait(case.id, timeout=60)
    got = {name: queue.status(item.id) for name, item in (("nested", nested), ("long", long))}
    assert (got["nested"].state, got["nested"].problem) == ("partial", "depth_limit")
    assert "e-mails inside e-mails go deeper than the limit of 1" in got["nested"].detail
    assert (got["long"].state, got["long"].problem, got["long"].units) == (
        "partial",
        "time_budget",
        1,
    )
