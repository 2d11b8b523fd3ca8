"""Preview, then apply: what is applied is what was previewed.

Between the dry run and the apply the bundle file can change (a swapped USB stick, a file
rewritten in place). The apply then refuses, even when the new file is a perfectly valid bundle
from the same verified sender, and the receiving vault stays exactly as it was.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from lawyers import Lawyer

from lawnotebook.bundle.errors import BundleTampered
from lawnotebook.services.evidence import add_evidence

CHANGED = "changed since it was previewed"


@pytest.fixture
def pair(tmp_path):
    """Anna seals two different valid bundles of one case for Bao, who verified her:
    A (a note) and B (a later one: another note and a file)."""
    anna, bao = Lawyer(tmp_path, "anna"), Lawyer(tmp_path, "bao")
    anna.knows(bao)
    bao.knows(anna)
    case = anna.files.new_case("State v. Zhou 周某")
    anna.files.add_note(case, "First meeting.")
    a_path, _ = anna.seal(case.id, bao)
    anna.files.add_note(case, "Second meeting: the hospital record exists.")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 300)
    add_evidence(anna.files, case, scan)
    b_path, _ = anna.seal(case.id, bao)
    yield anna, bao, a_path, b_path
    for lawyer in (anna, bao):
        lawyer.close()


def _rewrite_in_place(path: Path, data: bytes) -> None:
    """Same file, new bytes: a handle already open on it reads the new ones."""
    with open(path, "r+b") as fh:
        fh.write(data)
        fh.truncate()


def test_a_bundle_swapped_after_the_preview_is_refused_and_changes_nothing(pair):
    _, bao, a_path, b_path = pair
    usb = a_path.parent / "usb.lnb"
    usb.write_bytes(a_path.read_bytes())
    preview = bao.open(usb, dry_run=True)
    assert not preview.applied and len(preview.manifest_sha256) == 64
    usb.write_bytes(b_path.read_bytes())  # the stick was swapped: another valid bundle

    before, packs = bao.digest(), bao.pack_files()
    with pytest.raises(BundleTampered, match=CHANGED):
        bao.open(usb, expect_manifest=preview.manifest_sha256)
    assert bao.digest() == before and bao.pack_files() == packs
    assert bao.files.cases() == []

    # Previewed again, the new bundle applies (what is applied is what was shown).
    again = bao.open(usb, dry_run=True)
    assert again.manifest_sha256 != preview.manifest_sha256
    done = bao.open(usb, expect_manifest=again.manifest_sha256)
    assert done.applied and done.files == 1


def test_an_unchanged_bundle_applies_with_the_previewed_hash(pair):
    _, bao, a_path, _ = pair
    preview = bao.open(a_path, dry_run=True)
    before = bao.digest()
    assert bao.open(a_path, dry_run=True).manifest_sha256 == preview.manifest_sha256
    assert bao.digest() == before  # a dry run changes nothing
    done = bao.open(a_path, expect_manifest=preview.manifest_sha256)
    assert done.applied and done.manifest_sha256 == preview.manifest_sha256
    assert done.plan.count("add") == preview.plan.count("add") == 2
    assert bao.digest() != before


def test_one_open_handle_rewritten_in_place_is_refused(pair):
    _, bao, a_path, b_path = pair
    usb = a_path.parent / "usb.lnb"
    usb.write_bytes(a_path.read_bytes())
    with open(usb, "rb") as source:
        preview = bao.open(source, dry_run=True)
        _rewrite_in_place(usb, b_path.read_bytes())
        before, packs = bao.digest(), bao.pack_files()
        source.seek(0)
        with pytest.raises(BundleTampered, match=CHANGED):
            bao.open(source, expect_manifest=preview.manifest_sha256)
    assert bao.digest() == before and bao.pack_files() == packs


# -- the GUI: the dialog keeps the file open from the check to the apply -----------------------


@pytest.fixture
def worker(qtbot):  # type: ignore[no-untyped-def]
    from lawnotebook.gui.parts.background import Worker

    worker = Worker()
    yield worker
    worker.cancel_all()
    worker.wait()


def _dialog(qtbot, worker, lawyer: Lawyer, path: Path):  # type: ignore[no-untyped-def]
    from lawnotebook.gui.sharing.bundle_open_dialog import BundleOpenDialog

    dialog = BundleOpenDialog(lawyer.files, worker, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.state in ("plan", "refused"), timeout=20_000)
    assert dialog.state == "plan", dialog.error.text()
    return dialog


def _press_apply(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.state in ("done", "refused"), timeout=20_000)


def test_dialog_refuses_a_file_rewritten_after_the_check(qtbot, worker, pair):
    _, bao, a_path, b_path = pair
    usb = a_path.parent / "usb.lnb"
    usb.write_bytes(a_path.read_bytes())
    dialog = _dialog(qtbot, worker, bao, usb)
    assert "Nothing has been changed yet." in dialog.summary.text()
    _rewrite_in_place(usb, b_path.read_bytes())  # the dialog's open handle sees B now
    before, packs = bao.digest(), bao.pack_files()

    _press_apply(qtbot, dialog)
    assert dialog.state == "refused"
    assert dialog.error.text().startswith("The bundle file changed after it was checked")
    assert not dialog.apply_button.isVisible()
    assert bao.digest() == before and bao.pack_files() == packs
    assert bao.files.cases() == []

    # Unchanged between the check and the apply, the same dialog flow applies it.
    done = _dialog(qtbot, worker, bao, usb)
    _press_apply(qtbot, done)
    assert done.state == "done", done.error.text()
    assert [c.title for c in bao.files.cases()] == ["State v. Zhou 周某"]
