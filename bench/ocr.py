"""Benchmark: OCR pages per minute and text extraction MB/s, with peak memory.

    .venv/bin/python bench/ocr.py --pages 20 --workers 2
    .venv/bin/python bench/ocr.py --accuracy            # CER table on the test set
    .venv/bin/python bench/ocr.py --accuracy --tesseract  # same, also Tesseract via tesserocr

OCR: full A4 pages at 300 dpi (≈ 30 lines each, Simplified and Traditional Chinese and
English mixed, scanner noise), as image-only PDFs, taken in through the whole stack: a fresh
vault, ``add_evidence``, then :class:`ExtractionQueue` with ``--workers`` processes until every
page is in the search index. Text: in-process extraction (no OCR) of a GB18030 text file, a
DOCX, an e-mail with attachments and a 500-page text PDF. Prints peak RSS of this process and
of the largest worker. Standalone: run on demand, never in CI.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

_TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path[:0] = [str(_TESTS), str(_TESTS / "vault" / "extract")]

import samples  # noqa: E402
from scan_pages import (  # noqa: E402
    DEGRADATIONS,
    TEXTS,
    char_error_rate,
    degrade,
    image_pdf,
    render_lines,
    scan_page,
)

from lawnotebook.crypto.keywrap import Argon2Params  # noqa: E402
from lawnotebook.services.case_file import CaseFile  # noqa: E402
from lawnotebook.services.evidence import add_evidence  # noqa: E402
from lawnotebook.services.extraction import ExtractionQueue  # noqa: E402
from lawnotebook.vault.extract import Limits, Outcome, extract_units  # noqa: E402
from lawnotebook.vault.vault import Vault  # noqa: E402

_FAST_KDF = Argon2Params(memory_kib=8 * 1024, iterations=1, lanes=1, salt=b"\0" * 16)
_MIB = 1024 * 1024


def _peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def a4_page(seed: int, dpi: int = 300) -> object:
    """A full A4 page: 30 lines cycling through the three languages, scanner noise."""
    lines = (TEXTS["zh-hans"] + TEXTS["en"] + TEXTS["zh-hant"]) * 2
    lines = (lines[seed % 7 :] + lines)[:30]
    page = render_lines(lines, dpi, point_size=11)
    canvas = page.crop((0, 0, round(8.27 * dpi), round(11.69 * dpi)))  # pads with black
    canvas.paste(255, (page.width, 0, canvas.width, canvas.height))
    canvas.paste(255, (0, page.height, canvas.width, canvas.height))
    return degrade(canvas, "noisy", dpi, seed=seed)


def bench_ocr(pages: int, workers: int, per_file: int) -> None:
    scans = []
    for start in range(0, pages, per_file):
        images = [a4_page(i) for i in range(start, min(pages, start + per_file))]
        scans.append(image_pdf(images, 300))
    with tempfile.TemporaryDirectory() as folder:
        vault, _ = Vault.create(Path(folder) / "v", "bench", kdf=_FAST_KDF)
        with vault:
            files = CaseFile(vault)
            case = files.new_case("bench")
            began = time.perf_counter()
            for i, scan in enumerate(scans):
                add_evidence(files, case, io.BytesIO(scan), file_name=f"scan-{i}.pdf")
            intake = time.perf_counter() - began
            queue = ExtractionQueue(vault, workers=workers, poll_seconds=0.05)
            began = time.perf_counter()
            queue.start()
            queue.wait(case.id)
            took = time.perf_counter() - began
            statuses = queue.statuses(case.id)
            queue.stop()
            hits = files.search("肋骨", case=case, limit=1000)
    ocr_pages = sum(s.ocr_pages for s in statuses)
    rate = 60 * ocr_pages / took
    print(f"OCR: {ocr_pages} A4 pages at 300 dpi in {took:.1f} s with {workers} worker(s): "
          f"{rate:.1f} pages/minute (intake of {len(scans)} PDFs: {intake:.2f} s)")  # fmt: skip
    print(f"  search '肋骨' finds {len(hits)} page(s); states: "
          f"{sorted({s.state for s in statuses})}")  # fmt: skip
    print(f"  peak RSS: this process {_peak_rss_mib():.0f} MiB, "
          f"largest worker {_peak_rss_mib(resource.RUSAGE_CHILDREN):.0f} MiB")  # fmt: skip


def _time_extract(name: str, data: bytes, file_name: str, rounds: int = 3) -> None:
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        units = list(
            extract_units(
                data,
                file_name=file_name,
                media_type="",
                limits=Limits(),
                ocr=None,
                outcome=Outcome(),
            )
        )
        best = min(best, time.perf_counter() - began)
    chars = sum(len(u.text) for u in units)
    print(f"  {name:34} {len(data) / _MIB:7.1f} MiB  {best:6.2f} s  "
          f"{len(data) / _MIB / best:7.1f} MB/s  {chars / best / 1e6:6.1f} M chars/s  "
          f"{len(units):5} unit(s)")  # fmt: skip


def bench_text() -> None:
    statement = "被告人张三称：侦查员对其刑讯逼供，连续审讯三天三夜。Record No. 17, page 3.\n"
    print("Text extraction (in process, best of 3):")
    _time_extract("GB18030 text", (statement * 300_000).encode("gb18030"), "notes.txt")
    _time_extract("UTF-8 text", (statement * 300_000).encode(), "notes.txt")
    _time_extract("DOCX", samples.docx([statement] * 100_000), "opinion.docx")
    pdf = samples.text_pdf([f"page {i}: the officer struck him " * 40 for i in range(500)])
    _time_extract("PDF text layer, 500 pages", pdf, "dossier.pdf")
    mail = samples.eml_with_attachments(
        statement * 1000, [("a.pdf", "application/pdf", pdf), ("b.docx", "application/octet-stream",
                           samples.docx([statement] * 10_000))])  # fmt: skip
    _time_extract("e-mail with 2 attachments", mail, "mail.eml")
    print(f"  peak RSS: {_peak_rss_mib():.0f} MiB")


def bench_accuracy(tesseract: bool) -> None:
    from lawnotebook.vault.ocr.ppocr import PpOcr

    engines = {"pp-ocr": PpOcr(threads=1)}
    if tesseract:
        import tesserocr

        langs = {"zh-hans": "chi_sim", "zh-hant": "chi_tra", "en": "eng"}
        apis = {k: tesserocr.PyTessBaseAPI(lang=v) for k, v in langs.items()}

        def tess(image, language):  # the right language model, told in advance (its best case)
            apis[language].SetImage(image)
            return apis[language].GetUTF8Text(), ()

        engines["tesseract"] = tess
    for name, engine in engines.items():
        total = 0.0
        for language in TEXTS:
            row = []
            for dpi in (300, 150):
                for how in DEGRADATIONS:
                    page = scan_page(language, dpi, how)
                    began = time.perf_counter()
                    out = engine(page.image) if name == "pp-ocr" else engine(page.image, language)
                    total += time.perf_counter() - began
                    row.append(f"{100 * char_error_rate(page.text, out[0]):4.1f}")
            print(f"  {name:10} {language:8} CER % (300: clean rot blur noise | 150: same) "
                  f"{' '.join(row[:4])} | {' '.join(row[4:])}")  # fmt: skip
        print(f"  {name:10} total OCR time {total:.1f} s for 24 strips (1 thread)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages-per-file", type=int, default=5)
    parser.add_argument("--accuracy", action="store_true")
    parser.add_argument("--tesseract", action="store_true")
    args = parser.parse_args()
    if args.accuracy:
        bench_accuracy(args.tesseract)
        return
    bench_text()
    bench_ocr(args.pages, args.workers, args.pages_per_file)


if __name__ == "__main__":
    main()
