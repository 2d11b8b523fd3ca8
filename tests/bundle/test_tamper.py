"""Every single-byte flip in the first 4 KiB and at sampled offsets through a bundle is refused
with the vault unchanged."""

from __future__ import annotations

import random
import time
from collections import Counter
from pathlib import Path

import pytest

from lawnotebook.bundle.errors import BundleError
from lawnotebook.core.records import Note, Person
from lawnotebook.services import evidence

HEAD = 4096  # every offset in here is flipped
SAMPLED = 200  # and this many offsets beyond it
CHECK_EVERY = 64  # vault digest compared this often


def test_every_flipped_bit_is_refused_and_nothing_changes(lawyers, tmp_path: Path) -> None:
    alice, bob = lawyers("Alice"), lawyers("Bob")
    alice.knows(bob)
    bob.knows(alice)
    case = alice.files.new_case("Re Wang", client="Wang Quanzhang")
    alice.files.add_note(case, "Client says the confession was signed after 3 days awake.")
    alice.files.add_person(case, "Officer Li")
    photo = tmp_path / "injury.jpg"
    photo.write_bytes(random.Random(7).randbytes(20_000))
    evidence.add_evidence(alice.files, case, photo)
    bundle, _ = alice.seal(case.id, bob)
    data = bundle.read_bytes()
    assert len(data) > HEAD

    before, packs = bob.digest(), bob.pack_files()
    head = range(min(HEAD, len(data)))
    rest = sorted(random.Random(2024).sample(range(HEAD, len(data)), SAMPLED))
    offsets = [*head, *rest, len(data) - 1]
    outcomes: Counter[str] = Counter()
    copy = tmp_path / "copy.lnb"
    started = time.monotonic()
    for n, offset in enumerate(offsets):
        flipped = bytearray(data)
        flipped[offset] ^= 0x01
        copy.write_bytes(flipped)
        try:
            bob.open(copy)
        except BundleError as exc:
            outcomes[type(exc).__name__] += 1
        except Exception as exc:  # any other class is a defect: the user would see a crash
            pytest.fail(f"flip at byte {offset}: {type(exc).__name__}: {exc}")
        else:
            pytest.fail(f"a bundle with byte {offset} flipped was opened and applied")
        if n % CHECK_EVERY == 0:
            assert bob.digest() == before, f"the vault changed after the flip at byte {offset}"
    elapsed = time.monotonic() - started

    assert bob.digest() == before
    assert bob.pack_files() == packs, "a refused bundle left evidence pack files behind"
    assert sum(outcomes.values()) == len(offsets)
    assert elapsed < 60, f"{len(offsets)} tampered opens took {elapsed:.1f} s"

    opened = bob.open(bundle)  # the untampered bundle still opens
    assert opened.applied
    assert {n.text for n in bob.files.list(Note, bob.files.case(case.id))} == {
        "Client says the confession was signed after 3 days awake."
    }
    assert [p.name for p in bob.files.list(Person, bob.files.case(case.id))] == ["Officer Li"]
    assert bob.digest() != before
