"""The canary test after OCR: a scanned page's words never reach the disk in the clear —
not in the vault folder, the temp dir or the home folder — though search finds them.

HOME, TMPDIR and the XDG folders are fresh ones of this test (the workers inherit them): the
shared /tmp holds other runs' files, which made the scan slow and flaky under concurrent runs,
and a fresh folder shows everything written, not only what carries the canary."""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vault" / "extract"))

from scan_pages import render_lines

from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.extraction import ExtractionQueue, page_text
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

CANARY_LINES = ["QX7 CANARY", "酷刑证人王小明"]
NEEDLES = [
    text.encode(encoding)
    for text in ("王小明", "酷刑证人", "QX7 CANARY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030")
]


def _recent_files(folder: Path, since: float) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(("proc", ".pyenv"))]
        for name in names:
            path = Path(root, name)
            try:
                if path.is_file() and path.stat().st_mtime >= since:
                    found.append(path)
            except OSError:
                continue
    return found


def test_ocr_of_a_canary_scan_leaves_no_plaintext(vault_dir, tmp_path, monkeypatch):
    private = {var: tmp_path / var.lower() for var in ("HOME", "TMPDIR", "XDG_CACHE_HOME",
                                                        "XDG_RUNTIME_DIR")}  # fmt: skip
    for var, folder in private.items():
        folder.mkdir(mode=0o700)
        monkeypatch.setenv(var, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    started = time.time() - 1
    image = render_lines(CANARY_LINES, 300)
    png = io.BytesIO()
    image.save(png, "PNG")  # only in memory: the scan never exists as a file here
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    with vault:
        files = CaseFile(vault)
        case = files.new_case("Canary case")
        item = add_evidence(files, case, io.BytesIO(png.getvalue()), file_name="scan.png")
        queue = ExtractionQueue(vault, workers=1, poll_seconds=0.1)
        queue.start()
        try:
            assert queue.wait(case.id, timeout=60)
        finally:
            queue.stop()
        assert [h.record_id for h in files.search("王小明")] == [item.id]
        assert "酷刑证人王小明" in page_text(vault, item.id, None).text

    places = [vault_dir, *private.values()]
    checked = 0
    for place in places:
        for path in _recent_files(place, started):
            try:
                data = path.read_bytes()
            except OSError:
                continue  # vanished (another test's temp file) or unreadable
            checked += 1
            for needle in NEEDLES:
                assert needle not in data, f"canary found in {path}"
    assert checked >= 3  # the vault's database, header and packs at least
    for var, folder in private.items():  # and nothing at all outside the vault
        assert list(folder.rglob("*")) == [], var
