"""Resource exhaustion in extraction (issue 15, point 9): blank pages never reach OCR, each file
has a time budget after which it is partial with a reason, and an e-mail nested past the depth
limit is partial, not done. Budgets here are tiny (0 s), so the tests take no real time."""

from __future__ import annotations

import io

import samples
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from scan_pages import image_pdf, render_lines

from lawnotebook.vault.extract import Limits, Outcome, extract_units
from lawnotebook.vault.extract.blank import is_blank
from lawnotebook.vault.extract.model import ATTACHMENTS, DEPTH_LIMIT, TIME_BUDGET


class CountingOcr:
    """An OCR engine that records the pages it is given (the engine is not under test)."""

    def __init__(self) -> None:
        self.pages: list[Image.Image] = []

    def __call__(self, image):
        self.pages.append(image)
        return "recognised", ()


def read(data: bytes, name: str, *, limits: Limits | None = None, ocr=None):
    outcome = Outcome()
    found = list(extract_units(data, file_name=name, media_type="", limits=limits or Limits(),
                               ocr=ocr, outcome=outcome))  # fmt: skip
    return found, outcome


# -- blank pages ---------------------------------------------------------------------------

A4_150DPI = (1240, 1754)  # at 150 dpi: quicker to make, the same verdicts


def _blank_scan(level: int = 250, noise: float = 12.0) -> Image.Image:
    """A scanned blank sheet: off-white paper, scanner noise, a few specks of dust."""
    noisy = Image.effect_noise(A4_150DPI, noise).point(lambda v: max(0, min(255, v - 128 + level)))
    draw = ImageDraw.Draw(noisy)
    for x, y in ((300, 400), (900, 1400), (600, 1700)):
        draw.point((x, y), fill=0)
    return noisy.filter(ImageFilter.SMOOTH)


def _page_number_only() -> Image.Image:
    page = Image.new("L", A4_150DPI, 255)
    bottom = (A4_150DPI[0] // 2, A4_150DPI[1] - 80)
    ImageDraw.Draw(page).text(bottom, "7", fill=0, font=ImageFont.load_default(size=21))
    return page


def test_blank_and_noisy_blank_scans_are_blank():
    assert is_blank(Image.new("L", A4_150DPI, 255))
    assert is_blank(Image.new("RGB", (800, 600), (20, 20, 20)))  # a black page is blank too
    assert is_blank(_blank_scan())
    assert is_blank(_blank_scan(level=200, noise=20))


def test_a_page_with_only_a_page_number_is_not_blank():
    assert not is_blank(_page_number_only())
    assert not is_blank(render_lines(["讯问笔录"], 300))


@settings(max_examples=60, deadline=None)
@given(
    width=st.integers(64, 3000),
    height=st.integers(64, 3000),
    paper=st.integers(0, 255),
    box=st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(16, 64), st.integers(16, 64)),
)
def test_plain_paper_is_blank_and_any_mark_of_16_pixels_is_not(width, height, paper, box):
    page = Image.new("L", (width, height), paper)
    assert is_blank(page)
    fx, fy, w, h = box
    w, h = min(w, width // 2), min(h, height // 2)  # a mark on the page, not a new paper
    x, y = int(fx * (width - w)), int(fy * (height - h))
    ink = 0 if paper >= 128 else 255  # dark writing on light paper, or the other way round
    ImageDraw.Draw(page).rectangle((x, y, x + w - 1, y + h - 1), fill=ink)
    assert not is_blank(page)


def test_blank_pdf_pages_are_not_sent_to_ocr():
    pages = [Image.new("L", (850, 1100), 255), render_lines(["Record of interrogation"], 100),
             _blank_scan().resize((850, 1100))]  # fmt: skip
    ocr = CountingOcr()
    found, outcome = read(image_pdf(pages, 100), "scan.pdf", ocr=ocr)
    assert [(u.page, u.source) for u in found] == [(1, "text"), (2, "ocr"), (3, "text")]
    assert len(ocr.pages) == 1 and outcome.partial == ""


def test_a_thousand_blank_pages_cost_no_ocr():
    ocr = CountingOcr()
    found, outcome = read(samples.text_pdf([""] * 1000), "blank.pdf", ocr=ocr,
                          limits=Limits(ocr_dpi=50))  # fmt: skip
    assert len(found) == 1000 and ocr.pages == [] and outcome.partial == ""


def test_a_short_text_layer_page_with_ink_is_still_ocrd():
    ocr = CountingOcr()  # "p. 3" is under the text-layer threshold: the page is rendered, inked
    found, _ = read(samples.text_pdf(["p. 3"]), "stamp.pdf", ocr=ocr)
    assert len(ocr.pages) == 1 and found[0].source == "ocr"


def test_blank_frames_of_a_tiff_are_not_sent_to_ocr():
    frames = [render_lines(["第一页"], 150), Image.new("L", (1240, 1754), 255)]
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:])
    ocr = CountingOcr()
    found, _ = read(out.getvalue(), "scan.tif", ocr=ocr)
    assert [(u.page, u.source, u.text) for u in found] == [
        (1, "ocr", "recognised"),
        (2, "text", ""),
    ]


# -- the time budget -------------------------------------------------------------------------


def test_a_pdf_past_its_time_budget_is_partial_with_the_pages_left():
    found, outcome = read(samples.text_pdf([f"page {i}" for i in range(1, 41)]), "long.pdf",
                          limits=Limits(file_seconds=0))  # fmt: skip
    assert [u.text for u in found] == ["page 1"]  # the first page is always read
    assert outcome.problem == TIME_BUDGET
    assert outcome.partial == "pages 2–40 not read: the file's time budget of 0 s was spent"


def test_a_generous_budget_reads_everything():
    found, outcome = read(samples.text_pdf(["one", "two"]), "short.pdf",
                          limits=Limits(file_seconds=3600))  # fmt: skip
    assert len(found) == 2 and outcome.problem == "" and outcome.partial == ""


def test_a_multi_page_tiff_past_its_time_budget_is_partial():
    frames = [render_lines([f"页 {i}"], 100) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:])
    found, outcome = read(out.getvalue(), "scan.tif", ocr=CountingOcr(),
                          limits=Limits(file_seconds=0))  # fmt: skip
    assert len(found) == 1
    assert outcome.problem == TIME_BUDGET and outcome.partial.startswith("pages 2–3 not read")


def test_an_e_mail_past_its_time_budget_keeps_its_text_and_says_what_is_left():
    two = [("a.txt", "text/plain", b"first"), ("b.txt", "text/plain", b"second")]
    mail = samples.eml_with_attachments("the body", two)
    found, outcome = read(mail, "mail.eml", limits=Limits(file_seconds=0))
    assert [u.part for u in found] == [""]
    assert outcome.problem == TIME_BUDGET
    assert outcome.partial.startswith("2 attachments of the message not read")


# -- nested e-mail -----------------------------------------------------------------------------


def _nested(levels: int) -> bytes:
    """An e-mail forwarding an e-mail ... ``levels`` deep, the innermost with a text file."""
    data = samples.eml_with_attachments("innermost", [("deep.txt", "text/plain", b"deep words")])
    for level in range(levels, 0, -1):
        forwarded = [(f"fwd{level}.eml", "message/rfc822", data)]
        data = samples.eml_with_attachments(f"level {level}", forwarded)
    return data


def test_an_e_mail_nested_past_the_depth_limit_is_partial_and_says_why():
    found, outcome = read(_nested(3), "outer.eml", limits=Limits(max_depth=2))
    assert [u.part for u in found] == ["", "fwd1.eml", "fwd1.eml › fwd2.eml"]
    assert outcome.problem == DEPTH_LIMIT
    assert outcome.partial == (
        "1 attachment of fwd1.eml › fwd2.eml not read: e-mails inside e-mails go deeper"
        " than the limit of 2"
    )


def test_an_e_mail_within_the_depth_limit_is_done():
    found, outcome = read(_nested(2), "outer.eml", limits=Limits(max_depth=3))
    assert ("fwd1.eml › fwd2.eml › deep.txt", "deep words") in [(u.part, u.text) for u in found]
    assert outcome.partial == "" and outcome.problem == ""


def test_a_damaged_attachment_is_partial_for_that_reason():
    mail = samples.eml_with_attachments("body", [("broken.pdf", "application/pdf", b"%PDF-1.7 x")])
    _, outcome = read(mail, "mail.eml")
    assert outcome.problem == ATTACHMENTS and outcome.partial.startswith("broken.pdf: ")
