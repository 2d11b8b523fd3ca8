"""Hostile and broken bundles: each is refused with its own error class and a plain sentence,
and the recipient's vault is exactly as it was (same digest, no pack files left behind)."""

from __future__ import annotations

import hashlib
import os
import random
import tracemalloc
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from crafting import Inner, build, craft, frame, parse, seal_to, unseal
from lawyers import Lawyer, lawyer_with_identity

from lawnotebook.bundle import frames
from lawnotebook.bundle.errors import (
    BundleError,
    BundleOutOfOrder,
    BundleReplayed,
    BundleTampered,
    BundleTooLarge,
    NotABundle,
    NotForThisRecipient,
    SenderMismatch,
    UntrustedSender,
    WrongCase,
)
from lawnotebook.core.records import Evidence, Note, Person
from lawnotebook.crypto import age
from lawnotebook.services import evidence
from lawnotebook.services.evidence import store_for
from lawnotebook.vault.evidence.store import EvidenceStore

MB = 1 << 20


def refuse(
    lawyer: Lawyer,
    bundle: bytes | Path,
    error: type[BundleError] | tuple[type[BundleError], ...],
    **kw,
) -> BundleError:
    """Open ``bundle`` as ``lawyer``: it must raise exactly ``error`` (one of them, for a
    tuple) with a one-line message, and leave the vault and its pack files untouched."""
    if isinstance(bundle, bytes):
        path = lawyer.outbox / f"incoming-{uuid.uuid4().hex[:8]}.lnb"
        path.write_bytes(bundle)
        bundle = path
    allowed = error if isinstance(error, tuple) else (error,)
    before, packs = lawyer.digest(), lawyer.pack_files()
    with pytest.raises(BundleError) as caught:
        lawyer.open(bundle, **kw)
    exc = caught.value
    assert type(exc) in allowed, f"expected {allowed}, got {type(exc).__name__}: {exc}"
    message = str(exc)
    assert message.strip() and "\n" not in message, f"not one plain sentence: {message!r}"
    assert lawyer.digest() == before, "a refused bundle changed the vault"
    assert lawyer.pack_files() == packs, "a refused bundle left evidence pack files behind"
    return exc


@dataclass
class World:
    """Alice seals a case to Bob and to Chen; nobody has opened anything yet."""

    alice: Lawyer
    bob: Lawyer
    chen: Lawyer
    case_id: str
    to_bob: Path
    to_chen: Path
    inner: Inner  # the payload of ``to_bob``
    photo: bytes

    def to_bob_crafted(self, inner: Inner) -> bytes:
        return seal_to(build(inner), self.bob.card())

    def fresh_bob(self, root: Path) -> Lawyer:
        """A new vault owned by Bob's identity that knows Alice (verified) and has opened
        nothing, so one test's bundle never meets another test's state."""
        twin = lawyer_with_identity(root, self.bob.identity(), folder="Bob-twin")
        twin.colleagues.add(self.alice.card().to_text(), verified=True)
        return twin


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("hostile")
    alice, bob, chen = Lawyer(root, "Alice"), Lawyer(root, "Bob"), Lawyer(root, "Chen")
    alice.knows(bob, chen)
    bob.knows(alice)
    chen.knows(alice)
    case = alice.files.new_case("Re Jiang", client="Jiang Tianyong")
    alice.files.add_note(case, "Interrogated at night without counsel.")
    alice.files.add_person(case, "Interrogator Zhao")
    photo = random.Random(11).randbytes(6_000)
    source = root / "bruise.png"
    source.write_bytes(photo)
    evidence.add_evidence(alice.files, case, source)
    alice.files.add_note(case, "Second note.")
    to_bob, _ = alice.seal(case.id, bob)
    to_chen, _ = alice.seal(case.id, chen)
    inner = parse(unseal(to_bob.read_bytes(), bob.identity()))
    yield World(alice, bob, chen, case.id, to_bob, to_chen, inner, photo)
    for lawyer in (alice, bob, chen):
        lawyer.close()


@pytest.fixture
def bob(world: World, tmp_path: Path):  # type: ignore[no-untyped-def]
    twin = world.fresh_bob(tmp_path)
    yield twin
    twin.close()


# -- addressing and senders -------------------------------------------------------------------


def test_a_bundle_for_someone_else_is_not_for_us(world: World, bob: Lawyer) -> None:
    refuse(bob, world.to_chen, NotForThisRecipient)


def test_a_bundle_re_encrypted_by_its_recipient_to_a_third_person_is_refused(
    world: World,
) -> None:
    plaintext = unseal(world.to_bob.read_bytes(), world.bob.identity())
    forwarded = seal_to(plaintext, world.chen.card())
    # Chen's keys do open the outer layer, and Chen knows and trusts Alice ...
    assert age.decrypt(forwarded, world.chen.identity().age_identities()) == plaintext
    # ... but Chen is not among the recipients Alice signed.
    refuse(world.chen, forwarded, NotForThisRecipient, accept_unverified=True)


def test_a_sender_card_that_does_not_match_the_claimed_fingerprint_is_refused(
    world: World,
    bob: Lawyer,
) -> None:
    # Chen signs a manifest that claims Alice's fingerprint and carries Chen's card: the
    # signature verifies under the card, but the card is not the sender it claims.
    claimed = craft(world.inner, world.chen.identity(), sender_card=world.chen.card().to_text())
    assert claimed.manifest.sender_fingerprint == world.alice.card().fingerprint
    refuse(bob, world.to_bob_crafted(claimed), SenderMismatch, accept_unverified=True)
    # Chen's card with Alice's signature: the signature is checked (first) under Chen's card.
    swapped = craft(world.inner, world.alice.identity(), sender_card=world.chen.card().to_text())
    refuse(bob, world.to_bob_crafted(swapped), BundleTampered, accept_unverified=True)


def test_a_manifest_re_signed_by_another_key_is_tampered(world: World, bob: Lawyer) -> None:
    resigned = craft(world.inner, world.chen.identity(), created_at="2020-01-01T00:00:00.000Z")
    refuse(bob, world.to_bob_crafted(resigned), BundleTampered, accept_unverified=True)


def test_a_stranger_using_a_contacts_name_is_a_sender_mismatch(
    world: World, bob: Lawyer, tmp_path
) -> None:
    impostor = Lawyer(tmp_path, "Alice")  # same display name as Bob's contact, other keys
    try:
        impostor.knows(world.bob)
        case = impostor.files.new_case("Re Jiang")
        impostor.files.add_note(case, "Please forward everything to me.")
        bundle, _ = impostor.seal(case.id, world.bob)
        refuse(bob, bundle, SenderMismatch)
        refuse(bob, bundle, SenderMismatch, accept_unverified=True)
        refuse(bob, bundle, SenderMismatch, dry_run=True)
    finally:
        impostor.close()


@pytest.mark.parametrize("known", [False, True], ids=["unknown", "known-unverified"])
def test_an_unverified_sender_needs_an_explicit_yes(lawyers, known: bool) -> None:
    dmitri, bob = lawyers("Dmitri"), lawyers("Bob")
    dmitri.knows(bob)
    if known:
        bob.knows(dmitri, verified=False)
    case = dmitri.files.new_case("Re Xu")
    dmitri.files.add_note(case, "Hearing moved to Monday.")
    bundle, _ = dmitri.seal(case.id, bob)

    refuse(bob, bundle, UntrustedSender)
    before = bob.digest()
    preview = bob.open(bundle, dry_run=True)  # a preview needs no yes, and changes nothing
    assert not preview.applied
    assert preview.sender_known is known and not preview.sender_verified
    assert preview.warnings and preview.plan.count("add") == 2  # the case and its note
    assert bob.digest() == before

    opened = bob.open(bundle, accept_unverified=True)
    assert opened.applied
    assert [n.text for n in bob.files.list(Note, bob.files.case(case.id))] == [
        "Hearing moved to Monday."
    ]


# -- order -------------------------------------------------------------------------------------


def test_opening_the_same_bundle_twice_changes_nothing(lawyers) -> None:
    alice, bob = lawyers("Alice"), lawyers("Bob")
    alice.knows(bob)
    bob.knows(alice)
    case = alice.files.new_case("Re Li")
    alice.files.add_note(case, "First visit.")
    bundle, _ = alice.seal(case.id, bob)
    assert bob.open(bundle).applied
    refuse(bob, bundle, BundleReplayed)
    refuse(bob, bundle, BundleReplayed, dry_run=True)


def test_a_delta_before_its_base_is_refused_then_both_apply_in_order(lawyers) -> None:
    alice, bob = lawyers("Alice"), lawyers("Bob")
    alice.knows(bob)
    bob.knows(alice)
    case = alice.files.new_case("Re Gao")
    alice.files.add_note(case, "Bail hearing requested.")
    full, first = alice.seal(case.id, bob)
    alice.files.add_note(case, "Bail refused; appeal filed.")
    delta, second = alice.seal(case.id, bob, since_last=True)
    assert (first.sequence, second.sequence, second.base_sequence) == (1, 2, 1)

    refuse(bob, delta, BundleOutOfOrder)
    assert bob.open(full).applied
    refuse(bob, full, BundleReplayed)
    assert bob.open(delta).applied
    assert sorted(n.text for n in bob.files.list(Note, bob.files.case(case.id))) == [
        "Bail hearing requested.",
        "Bail refused; appeal filed.",
    ]


# -- damaged files, wrong keys, not bundles ----------------------------------------------------


def test_a_bundle_cut_short_anywhere_is_refused(world: World, bob: Lawyer) -> None:
    data = world.to_bob.read_bytes()
    header_end = data.index(b"\n--- ") + 1
    payload = data.index(b"\n", header_end) + 1  # first byte after the header's MAC line
    cuts = {
        1,
        10,
        21,
        22,
        100,
        header_end // 2,
        header_end - 1,
        header_end,
        header_end + 4,
        payload - 1,
        payload,
        payload + 8,
        payload + 15,
        payload + 16,
        payload + 17,
        payload + 100,
        len(data) - 17,
        len(data) - 16,
        len(data) - 15,
        len(data) - 2,
        len(data) - 1,
    }
    cuts |= set(random.Random(3).sample(range(payload + 100, len(data) - 17), 12))
    assert len(cuts) >= 30
    for cut in sorted(cuts):
        refuse(bob, data[:cut], (NotABundle, BundleTampered, NotForThisRecipient))
    refuse(bob, data + b"\0", BundleTampered)  # and one byte too many


def test_a_wrong_passphrase_is_not_for_us(lawyers) -> None:
    alice, bob = lawyers("Alice"), lawyers("Bob")
    alice.knows(bob)
    bob.knows(alice)
    case = alice.files.new_case("Re Tang")
    alice.files.add_note(case, "Sealed with a passphrase told by phone.")
    bundle, _ = alice.seal(case.id, passphrase="blue river 1989")
    refuse(bob, bundle, NotForThisRecipient, passphrase="blue river 1988")
    refuse(bob, bundle, NotForThisRecipient)  # Bob's keys do not open a passphrase bundle
    assert bob.open(bundle, passphrase="blue river 1989").applied


def test_files_that_are_not_bundles_are_refused(world: World, bob: Lawyer) -> None:
    refuse(bob, b"", NotABundle)
    refuse(bob, random.Random(5).randbytes(5000), NotABundle)
    refuse(bob, b"age-encryption.org/v1\n", NotABundle)
    letter = age.encrypt("会见笔录 — not a bundle".encode(), [bob.card().pq])
    refuse(bob, letter, (NotABundle, BundleTampered))
    refuse(bob, age.encrypt(b"", [bob.card().pq]), (NotABundle, BundleTampered))
    almost = age.encrypt(frames.MAGIC + b"\xff" * 40, [bob.card().pq])
    refuse(bob, almost, (NotABundle, BundleTampered))
    newer = age.encrypt(b"LNBUNDLE\x00\x03" + b"\0" * 40, [bob.card().pq])
    refuse(bob, newer, NotABundle)


# -- crafted payloads, signed with the real sender's key ----------------------------------------


def _lines(world: World) -> list[dict]:
    return world.inner.lines


def test_records_of_another_case_are_refused(world: World, bob: Lawyer) -> None:
    lines = _lines(world)
    note = next(i for i, line in enumerate(lines) if line.get("kind") == "note")
    lines[note]["case_id"] = str(uuid.uuid4())
    bad = craft(world.inner, world.alice.identity(), lines=lines)
    refuse(bob, world.to_bob_crafted(bad), WrongCase)


def test_a_bundle_carrying_a_second_case_record_is_refused(world: World, bob: Lawyer) -> None:
    lines = _lines(world)
    case_line = next(line for line in lines if line.get("kind") == "case")
    other = dict(case_line, id=str(uuid.uuid4()))
    bad = craft(world.inner, world.alice.identity(), lines=[*lines, other])
    refuse(bob, world.to_bob_crafted(bad), WrongCase)


def test_a_record_of_unknown_kind_is_tampered(world: World, bob: Lawyer) -> None:
    lines = _lines(world)
    note = next(i for i, line in enumerate(lines) if line.get("kind") == "note")
    lines[note]["kind"] = "script"
    for line in lines:
        if line.get("t") == "revision" and line["record_id"] == lines[note]["id"]:
            line["kind"] = "script"
    bad = craft(world.inner, world.alice.identity(), lines=lines)
    refuse(bob, world.to_bob_crafted(bad), BundleTampered)


@pytest.mark.parametrize(
    ("field", "value"),
    [("role", "emperor"), ("name", 42), ("aliases", "not a list")],
)
def test_a_record_with_a_malformed_field_is_tampered(
    world: World, bob: Lawyer, field: str, value
) -> None:
    """A body that is not a valid person is refused before anything is written."""
    lines = _lines(world)
    person = next(i for i, line in enumerate(lines) if line.get("kind") == "person")
    lines[person]["body"][field] = value
    bad = craft(world.inner, world.alice.identity(), lines=lines)
    refuse(bob, world.to_bob_crafted(bad), BundleTampered)
    refuse(bob, world.to_bob_crafted(bad), BundleTampered, dry_run=True)


def test_a_custody_entry_that_does_not_continue_its_chain_is_tampered(
    world: World, bob: Lawyer
) -> None:
    lines = _lines(world)
    custody = [i for i, line in enumerate(lines) if line["t"] == "custody"]
    assert len(custody) >= 3
    lines[custody[1]]["actor"] = "someone else"  # rewrites who did it: the hash no longer fits
    bad = craft(world.inner, world.alice.identity(), lines=lines)
    refuse(bob, world.to_bob_crafted(bad), BundleTampered)


def test_a_custody_chain_with_an_entry_left_out_is_tampered(world: World, bob: Lawyer) -> None:
    lines = _lines(world)
    custody = [i for i, line in enumerate(lines) if line["t"] == "custody"]
    del lines[custody[1]]
    bad = craft(world.inner, world.alice.identity(), lines=lines)
    refuse(bob, world.to_bob_crafted(bad), BundleTampered)


def test_an_extra_frame_after_the_end_is_tampered(world: World, bob: Lawyer) -> None:
    for extra in (frame(frames.END, b""), frame(frames.RECORDS, b"{}\n"), b"\0"):
        bad = Inner(**{**world.inner.__dict__, "trailing": extra})
        refuse(bob, world.to_bob_crafted(bad), BundleTampered)


def test_a_blob_whose_bytes_do_not_match_its_hash_is_tampered_and_leaves_no_packs(
    world: World, bob: Lawyer, monkeypatch
) -> None:
    staged: list[Path] = []
    real_stage = EvidenceStore.stage

    def spy(self, *args, **kw):  # type: ignore[no-untyped-def]
        blob = real_stage(self, *args, **kw)
        staged.extend(self.packs / name for name in blob.names)
        return blob

    monkeypatch.setattr(EvidenceStore, "stage", spy)
    (sha, data), *_ = world.inner.blobs
    altered = bytearray(data)
    altered[len(altered) // 2] ^= 0x80
    bad = craft(world.inner, world.alice.identity(), blobs=[(sha, bytes(altered))])
    assert [b.sha256 for b in bad.manifest.blobs] == [sha.hex()]
    refuse(bob, world.to_bob_crafted(bad), BundleTampered)
    assert staged, "the file was never written into packs, so this test proves nothing"
    assert not any(p.exists() for p in staged), "the packs of a refused file were left behind"
    # the stated hash in the frame differs from the signed one
    wrong = craft(world.inner, world.alice.identity(), blobs=[(b"\x11" * 32, data)])
    wrong.manifest = world.inner.manifest
    wrong.signature = world.inner.signature
    refuse(bob, world.to_bob_crafted(wrong), BundleTampered)


def test_an_evidence_record_whose_file_is_missing_is_tampered(world: World, bob: Lawyer) -> None:
    """Evidence is only ever added with its bytes: a record naming a file neither the bundle
    nor the vault holds would be an evidence item that can never be viewed or verified."""
    bad = craft(world.inner, world.alice.identity(), blobs=[])
    refuse(bob, world.to_bob_crafted(bad), BundleTampered)


# -- sizes: refused before anything large is allocated -------------------------------------------


def _peak_while(fn) -> int:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("which", ["manifest", "records", "blob"])
def test_a_frame_length_of_2_to_the_63_is_refused_without_allocating(
    world: World, bob: Lawyer, which: str
) -> None:
    inner, huge = world.inner, 1 << 63
    manifest = inner.manifest.to_bytes()
    parts = [frames.MAGIC, frame(frames.CARD, inner.manifest.sender_card.encode())]
    if which == "manifest":
        parts.append(frame(frames.MANIFEST, manifest, huge))
    else:
        parts += [frame(frames.MANIFEST, manifest), frame(frames.SIGNATURE, inner.signature)]
        if which == "records":
            parts.append(frame(frames.RECORDS, inner.records, huge))
        else:
            sha, data = inner.blobs[0]
            parts += [frame(frames.RECORDS, inner.records), frame(frames.BLOB, sha + data, huge)]
    bundle = seal_to(b"".join(parts) + b"\0" * 64, world.bob.card())
    peak = _peak_while(lambda: refuse(bob, bundle, (BundleTooLarge, BundleTampered)))
    assert peak < 50 * MB, f"refusing it took {peak / MB:.0f} MB"


def test_a_signed_records_size_larger_than_the_file_does_not_reserve_memory(
    world: World,
    bob: Lawyer,
) -> None:
    """A colleague's key can sign any declared size (up to the 512 MiB limit); a short file
    that claims 400 MiB of records must not make the reader reserve 400 MiB first."""
    inner, claimed = world.inner, 400 * MB
    manifest = craft(inner, world.alice.identity(), records_size=claimed)
    plaintext = b"".join(
        [
            frames.MAGIC,
            frame(frames.CARD, inner.manifest.sender_card.encode()),
            frame(frames.MANIFEST, manifest.manifest.to_bytes()),
            frame(frames.SIGNATURE, manifest.signature),
            frame(frames.RECORDS, inner.records, claimed),
        ]
    )
    bundle = seal_to(plaintext, world.bob.card())
    peak = _peak_while(lambda: refuse(bob, bundle, BundleTampered))
    assert peak < 50 * MB, f"refusing it took {peak / MB:.0f} MB"


# -- a bundle may not touch a case it does not carry -------------------------------------------


@pytest.fixture
def bob_with_his_own_case(lawyers, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Mallory (a verified colleague gone bad) and Bob, who holds a case Mallory also saw."""
    mallory, bob = lawyers("Mallory"), lawyers("Bob")
    mallory.knows(bob)
    bob.knows(mallory)
    theirs = mallory.files.new_case("Re Zhou")
    mallory.files.add_note(theirs, "Mallory's own case note.")
    mine = bob.files.new_case("Re Ding (confidential)")
    secret = bob.files.add_note(mine, "Witness address: kept secret.")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(os.urandom(3000))
    evidence.add_evidence(bob.files, mine, scan)
    bundle, _ = mallory.seal(theirs.id, bob)
    inner = parse(unseal(bundle.read_bytes(), bob.identity()))
    return mallory, bob, mine, secret, inner


def _hijack(inner: Inner, kind: str, new_id: str) -> list[dict]:
    """The record lines with the first ``kind`` record (and its history) renamed ``new_id``."""
    lines = inner.lines
    target = next(line for line in lines if line["t"] == "record" and line["kind"] == kind)
    old = target["id"]
    for line in lines:
        if line["t"] != "custody" and line.get("id") == old:
            line["id"] = new_id
        if line["t"] != "custody" and line.get("record_id") == old:
            line["record_id"] = new_id
    return lines


def test_a_record_reusing_the_id_of_a_record_in_another_case_is_refused(
    bob_with_his_own_case,
) -> None:
    mallory, bob, mine, secret, inner = bob_with_his_own_case
    lines = _hijack(inner, "note", secret.id)
    bad = craft(inner, mallory.identity(), lines=lines)
    refuse(bob, seal_to(build(bad), bob.card()), WrongCase)
    assert bob.files.list(Note, mine)[0].text == "Witness address: kept secret."


def test_a_record_reusing_the_id_of_another_case_is_refused(bob_with_his_own_case) -> None:
    mallory, bob, mine, _, inner = bob_with_his_own_case
    bad = craft(inner, mallory.identity(), lines=_hijack(inner, "note", mine.id))
    refuse(bob, seal_to(build(bad), bob.card()), WrongCase)
    assert bob.files.case(mine.id).title == "Re Ding (confidential)"


def test_a_tombstone_for_a_record_in_another_case_is_refused(bob_with_his_own_case) -> None:
    mallory, bob, mine, secret, inner = bob_with_his_own_case
    lines = inner.lines
    case_line = next(line for line in lines if line.get("kind") == "case")
    stone = {
        "t": "tombstone",
        "id": secret.id,
        "case_id": case_line["id"],
        "kind": "note",
        "author": case_line["author"],
        "deleted_at": case_line["updated_at"],
        "hlc": case_line["hlc"],
    }
    bad = craft(inner, mallory.identity(), lines=[*lines, stone])
    refuse(bob, seal_to(build(bad), bob.card()), WrongCase)
    assert [n.id for n in bob.files.list(Note, mine)] == [secret.id]


def test_a_case_record_carrying_another_cases_id_is_refused(bob_with_his_own_case) -> None:
    mallory, bob, mine, _, inner = bob_with_his_own_case
    held = bob.files.list(Evidence, mine)[0]
    bad = craft(inner, mallory.identity(), lines=_hijack(inner, "case", mine.id))
    refuse(bob, seal_to(build(bad), bob.card()), WrongCase)
    with store_for(bob.vault).open_blob(held.sha256) as reader:
        assert hashlib.sha256(reader.read()).hexdigest() == held.sha256
    assert [p.name for p in bob.files.list(Person, mine)] == []


def test_the_untouched_crafting_round_trip_still_opens(world: World, bob: Lawyer) -> None:
    """The crafting helpers themselves change nothing: re-signed as it was, the bundle opens
    (so the refusals above are caused by the one thing each test changed)."""
    same = craft(world.inner, world.alice.identity())
    assert same.manifest == world.inner.manifest and same.records == world.inner.records
    path = bob.outbox / "same.lnb"
    path.write_bytes(world.to_bob_crafted(same))
    opened = bob.open(path)
    assert opened.applied and opened.files == 1
    (item,) = bob.files.list(Evidence, bob.files.case(world.case_id))
    with store_for(bob.vault).open_blob(item.sha256) as reader:
        assert reader.read() == world.photo


def test_a_file_no_evidence_item_describes_is_tampered(world: World, bob: Lawyer) -> None:
    """Files travel only with the evidence item that names them: an extra file would sit in
    the vault unseen (and could fill the disk)."""
    stray = random.Random(9).randbytes(2000)
    extra = (hashlib.sha256(stray).digest(), stray)
    bad = craft(world.inner, world.alice.identity(), blobs=[*world.inner.blobs, extra])
    refuse(bob, world.to_bob_crafted(bad), BundleTampered)
