"""Writes the bundle test vectors of the current format into tests/vectors/bundle/v<N>/.

Run once per format version (``.venv/bin/python tests/vectors/bundle/make_vectors.py``) and
commit the result; the folders of older versions (v1/) were written by earlier versions of this
script and are never rewritten; tests/bundle/test_vectors.py opens every vector of every
version forever after. The identities are fixed (built
from fixed seeds), so the keys, fingerprints and cards are the same on every run; record ids,
times and the age layer's randomness are not, so the bytes differ between runs — that is fine,
the committed files are the vectors.

Each vector file: ``key: value`` header lines, an empty line, then the bundle file's bytes
(the format of the age CCTV vectors, see README.md beside the vectors).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parents[1]
sys.path[:0] = [str(TESTS), str(TESTS / "bundle")]

from crafting import (  # noqa: E402
    Inner,
    build,
    craft,
    frame,
    parse,
    raw_payload,
    seal_to,
    unseal,
)
from lawyers import Lawyer, lawyer_with_identity  # noqa: E402

from lawnotebook.bundle import frames  # noqa: E402
from lawnotebook.bundle.manifest import VERSION  # noqa: E402
from lawnotebook.crypto import age  # noqa: E402
from lawnotebook.crypto.identity import KeyCard, LawyerIdentity  # noqa: E402
from lawnotebook.services.evidence import add_evidence  # noqa: E402

OUT = HERE / f"v{VERSION}"

SENDER = LawyerIdentity.from_seeds(
    "Alice 艾律师", bytes([1]) * 32, bytes([2]) * 32, bytes([3]) * 32
)
RECIPIENT = LawyerIdentity.from_seeds(
    "Bob 包律师", bytes([4]) * 32, bytes([5]) * 32, bytes([6]) * 32
)
OTHER = LawyerIdentity.from_seeds("Chen 陈律师", bytes([7]) * 32, bytes([8]) * 32, bytes([9]) * 32)
PASSPHRASE = "vector passphrase 向量"


def one_line_card(card: KeyCard) -> str:
    """The card's BEGIN…END block on one line (the parser ignores all whitespace)."""
    text = card.to_text()
    return "".join(text[text.index("-----BEGIN") :].splitlines())


def write(
    name: str,
    data: bytes,
    expect: str,
    comment: str,
    *,
    recipient: LawyerIdentity = RECIPIENT,
    sender_contact: str = "verified",
    passphrase: str | None = None,
    records_sha256: str | None = None,
    case_id: str | None = None,
) -> None:
    card = SENDER.key_card()
    head = [
        f"expect: {expect}",
        f"identity: {recipient.to_secret_text()}",
        f"sender-fingerprint: {card.fingerprint}",
        f"sender-card: {one_line_card(card)}",
        f"sender-contact: {sender_contact}",
    ]
    if passphrase is not None:
        head.append(f"passphrase: {passphrase}")
    if records_sha256 is not None:
        head.append(f"records-sha256: {records_sha256}")
    if case_id is not None:
        head.append(f"case-id: {case_id}")
    head.append(f"comment: {comment}")
    (OUT / name).write_bytes("\n".join(head).encode("utf-8") + b"\n\n" + data)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        if old.is_file() and "." not in old.name:
            old.unlink()
    root = Path(tempfile.mkdtemp(prefix="bundle-vectors-"))
    try:
        generate(root)
    finally:
        shutil.rmtree(root)


def generate(root: Path) -> None:
    alice = lawyer_with_identity(root, SENDER, folder="alice")
    bob = lawyer_with_identity(root, RECIPIENT, folder="bob")
    chen = lawyer_with_identity(root, OTHER, folder="chen")
    lawyers: list[Lawyer] = [alice, bob, chen]
    try:
        alice.knows(bob, chen)
        case = alice.files.new_case("Re Vector", client="王某 Wang", case_number="(2026) V-1")
        alice.files.add_note(
            case, "会见笔录：当事人称连续三天未睡。Client had no sleep for 3 days."
        )
        alice.files.add_person(case, "Officer Zhao 赵警官")
        scan = root / "scan.pdf"
        scan.write_bytes(bytes(range(256)) * 12)
        add_evidence(alice.files, case, scan)

        full, _ = alice.seal(case.id, bob)
        data = full.read_bytes()
        inner = parse(unseal(data, RECIPIENT))
        sha = inner.manifest.records_sha256
        inner_bytes = unseal(data, RECIPIENT)
        to_bob = lambda crafted: seal_to(build(crafted), bob.card())  # noqa: E731
        to_bob_raw = lambda payload: seal_to(payload, bob.card())  # noqa: E731

        write(
            "success",
            data,
            "success",
            "a whole-case bundle (case, note, person, one evidence file) sealed to the recipient",
            records_sha256=sha,
            case_id=case.id,
        )
        write(
            "replayed",
            data,
            "replayed",
            "the same bundle opened twice: the first open succeeds, the second is refused",
            records_sha256=sha,
            case_id=case.id,
        )
        write(
            "untrusted_sender",
            data,
            "untrusted sender",
            "the sender is a contact but not verified, and the user has not said yes",
            sender_contact="unverified",
        )
        phrase, _ = alice.seal(case.id, passphrase=PASSPHRASE)
        write(
            "success_passphrase",
            phrase.read_bytes(),
            "success",
            "passphrase mode: one scrypt stanza (log2 N = 10), no recipient list",
            passphrase=PASSPHRASE,
            records_sha256=parse(
                age.decrypt(phrase.read_bytes(), [age.ScryptIdentity(PASSPHRASE)])
            ).manifest.records_sha256,
            case_id=case.id,
        )
        write(
            "wrong_passphrase",
            phrase.read_bytes(),
            "not for this recipient",
            "the passphrase bundle opened with another passphrase",
            passphrase=PASSPHRASE + "!",
        )
        flipped = bytearray(data)
        flipped[len(flipped) - 100] ^= 0x01
        write(
            "tampered_payload_byte",
            bytes(flipped),
            "tampered",
            "one bit flipped in the last payload chunk of the age layer",
        )
        resigned = craft(inner, OTHER, created_at="2020-01-01T00:00:00.000Z")
        write(
            "tampered_manifest_resigned",
            to_bob(resigned),
            "tampered",
            "manifest created_at changed, re-signed by another key; the sender card unchanged",
        )
        write(
            "wrong_recipient",
            alice.seal(case.id, chen)[0].read_bytes(),
            "not for this recipient",
            "sealed to another colleague only",
        )
        write(
            "reencrypted_to_third_person",
            seal_to(unseal(data, RECIPIENT), OTHER.key_card()),
            "not for this recipient",
            "a valid bundle for Bob re-encrypted by Bob to Chen: Chen is not a signed recipient",
            recipient=OTHER,
        )
        write(
            "truncated",
            data[: len(data) // 2],
            "tampered",
            "the bundle cut in the middle of its payload",
        )
        write(
            "truncated_one_byte",
            data[:-1],
            "tampered",
            "the bundle one byte short",
        )
        lines = inner.lines
        note = next(i for i, line in enumerate(lines) if line.get("kind") == "note")
        lines[note]["case_id"] = str(uuid.UUID(int=1))
        write(
            "wrong_case_record",
            to_bob(craft(inner, SENDER, lines=lines)),
            "wrong case",
            "a note of another case in the record set, signed by the real sender",
        )
        write(
            "trailing_frame",
            to_bob(Inner(**{**inner.__dict__, "trailing": frame(frames.END, b"")})),
            "tampered",
            "a second end frame after the end frame",
        )
        write(
            "sender_mismatch",
            to_bob(craft(inner, OTHER, sender_card=OTHER.key_card().to_text())),
            "sender mismatch",
            "the card frame holds another identity's card, which signed the manifest; the "
            "manifest claims the sender's fingerprint",
        )
        write(
            "card_swapped_unsigned",
            to_bob(craft(inner, SENDER, sender_card=OTHER.key_card().to_text())),
            "tampered",
            "the card frame holds another identity's card; the signature is the sender's",
        )
        phrase_inner = age.decrypt(phrase.read_bytes(), [age.ScryptIdentity(PASSPHRASE)])
        write(
            "outer_passphrase_rewrapped_to_keys",
            seal_to(phrase_inner, bob.card()),
            "outer layer mismatch",
            "a passphrase bundle's payload re-wrapped to the recipient's post-quantum key",
        )
        write(
            "outer_keys_rewrapped_to_passphrase",
            age.encrypt(inner_bytes, [age.ScryptRecipient(PASSPHRASE, 10)]),
            "outer layer mismatch",
            "a bundle sealed to the recipient's key, its payload re-wrapped under a passphrase",
            passphrase=PASSPHRASE,
        )
        write(
            "outer_downgraded_to_x25519",
            age.encrypt(inner_bytes, [bob.card().x25519]),
            "outer layer mismatch",
            "a post-quantum bundle's payload re-wrapped to the recipient's X25519 key",
        )
        write(
            "outer_widened",
            seal_to(inner_bytes, bob.card(), OTHER.key_card()),
            "outer layer mismatch",
            "the payload re-wrapped to the recipient and one more (unsigned) recipient",
        )
        deep = "[" * 20_000 + "]" * 20_000
        hostile = inner.manifest.to_bytes().replace(
            f'"{inner.manifest.created_at}"'.encode(), deep.encode()
        )
        write(
            "manifest_deep_nesting",
            to_bob_raw(raw_payload(SENDER, hostile, inner.records)),
            "tampered",
            "a manifest nested 20,000 deep, correctly signed by the sender",
        )
        huge = b'{"t":"custody","seq":' + b"9" * 5000 + b"}\n"
        write(
            "records_huge_integer",
            to_bob(craft(Inner(inner.manifest, inner.signature, huge), SENDER)),
            "tampered",
            "a record line holding a 5,000-digit integer, correctly signed by the sender",
        )
        (blob_sha, blob), *_ = inner.blobs
        altered = blob[:10] + bytes([blob[10] ^ 0x01]) + blob[11:]
        write(
            "blob_mismatch",
            to_bob(craft(inner, SENDER, blobs=[(blob_sha, altered)])),
            "tampered",
            "an evidence file's bytes differ from the SHA-256 the signed manifest lists",
        )
        huge = b"".join(
            [
                frames.MAGIC,
                frame(frames.CARD, inner.manifest.sender_card.encode("utf-8")),
                frame(frames.MANIFEST, inner.manifest.to_bytes()),
                frame(frames.SIGNATURE, inner.signature),
                frame(frames.RECORDS, inner.records, 1 << 63),
            ]
        )
        write(
            "records_frame_too_large",
            seal_to(huge, bob.card()),
            "too large",
            "the records frame states a length of 2^63 bytes",
        )
        write(
            "not_a_bundle",
            age.encrypt("一封普通的信 — just a letter".encode(), [bob.card().pq]),
            "not a bundle",
            "a valid age file for the recipient whose content is not a bundle",
        )
        alice.files.add_note(case, "Second visit: bruises photographed.")
        delta, result = alice.seal(case.id, bob, since_last=True)
        assert result.base_sequence == 1
        write(
            "out_of_order",
            delta.read_bytes(),
            "out of order",
            "a --since-last bundle (#2, base #1) opened where bundle #1 never was",
        )
    finally:
        for lawyer in lawyers:
            lawyer.close()


if __name__ == "__main__":
    main()
