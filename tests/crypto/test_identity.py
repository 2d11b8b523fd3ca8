"""Key cards, fingerprints and secret identity serialization."""

import dataclasses
from pathlib import Path

import pytest

from lawnotebook.crypto import age
from lawnotebook.crypto.identity import (
    KeyCard,
    KeyCardForged,
    KeyCardMalformed,
    LawyerIdentity,
    SecretIdentityMalformed,
    choose_recipients,
)

VECTOR = Path(__file__).resolve().parents[1] / "vectors" / "identity" / "keycard-v1.txt"
VECTOR_NAME = "张律师 Zhang"
VECTOR_FINGERPRINT = "35132 59645 85062 87315 37483 25180 54295 99236"


def vector_identity() -> LawyerIdentity:
    return LawyerIdentity.from_seeds(
        VECTOR_NAME, bytes(range(32)), bytes(range(32, 64)), bytes(range(64, 96))
    )


def test_fixed_vector_is_stable() -> None:
    card = vector_identity().key_card()
    assert card.fingerprint == VECTOR_FINGERPRINT
    assert card.to_text() == VECTOR.read_text(encoding="utf-8")
    parsed = KeyCard.from_text(VECTOR.read_text(encoding="utf-8"))
    assert parsed == card
    assert parsed.display_name == VECTOR_NAME


def test_fingerprint_shape_and_name_independence() -> None:
    ident = vector_identity()
    renamed = LawyerIdentity("Someone Else", ident.x25519, ident.pq, ident.signing).key_card()
    assert renamed.fingerprint == VECTOR_FINGERPRINT
    groups = renamed.fingerprint.split(" ")
    assert len(groups) == 8 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert LawyerIdentity.generate("x").key_card().fingerprint != VECTOR_FINGERPRINT


def test_card_survives_chat_reflow() -> None:
    text = vector_identity().key_card().to_text()
    # Joined into one line, re-wrapped at 37 columns with CRLF, indented, zero-width spaces.
    flat = " ".join(text.split("\n"))
    rewrapped = "\r\n  ".join(flat[i : i + 37] for i in range(0, len(flat), 37))
    pasted = "Hi, here is my key:\n\n" + rewrapped.replace("age1pq1", "age1pq1\u200b") + "\nbye"
    assert KeyCard.from_text(pasted).fingerprint == VECTOR_FINGERPRINT


@pytest.mark.parametrize("field", ["name:", "x25519:age1", "pq:age1pq1", "ed25519:", "sig:"])
def test_any_altered_field_is_refused(field: str) -> None:
    text = vector_identity().key_card().to_text()
    start = text.index(field) + len(field) + 6
    original = text[start]
    replacement = "q" if original != "q" else "p"
    if field in ("name:", "ed25519:", "sig:"):
        replacement = "0" if original != "0" else "1"
    tampered = text[:start] + replacement + text[start + 1 :]
    with pytest.raises((KeyCardForged, KeyCardMalformed)):
        KeyCard.from_text(tampered)


def test_altered_name_with_valid_encoding_is_forged() -> None:
    card = vector_identity().key_card()
    other_name = "王律师".encode().hex()
    text = card.to_text().replace(VECTOR_NAME.encode().hex(), other_name)
    with pytest.raises(KeyCardForged):
        KeyCard.from_text(text)


def test_swapped_signing_key_is_forged() -> None:
    # An attacker replaces the keys but keeps the name: the old signature must not verify.
    card = vector_identity().key_card()
    other = LawyerIdentity.generate(VECTOR_NAME).key_card()
    for swapped in (
        dataclasses.replace(card, pq=other.pq),
        dataclasses.replace(card, x25519=other.x25519),
        dataclasses.replace(card, signing=other.signing),
        dataclasses.replace(card, signature=other.signature),
    ):
        with pytest.raises(KeyCardForged):
            KeyCard.from_text(swapped.to_text())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no card here",
        "-----BEGIN LAWNOTEBOOK KEY CARD----- v1; -----END LAWNOTEBOOK KEY CARD-----",
    ],
)
def test_malformed_cards(text: str) -> None:
    with pytest.raises(KeyCardMalformed):
        KeyCard.from_text(text)


def test_two_cards_in_one_paste_are_refused() -> None:
    text = vector_identity().key_card().to_text()
    with pytest.raises(KeyCardMalformed):
        KeyCard.from_text(text + text)


def test_uppercased_content_is_refused() -> None:
    text = vector_identity().key_card().to_text()
    body = text[text.index("-----BEGIN") :]
    with pytest.raises(KeyCardMalformed):
        KeyCard.from_text(body.replace("v1;", "V1;"))


def test_secret_identity_round_trip() -> None:
    ident = LawyerIdentity.generate("Ａlice 李")
    restored = LawyerIdentity.from_secret_bytes(ident.to_secret_bytes())
    assert restored.key_card() == ident.key_card()
    assert LawyerIdentity.from_secret_text(ident.to_secret_text()).key_card() == ident.key_card()
    assert "secret" not in repr(ident).lower() or "<secret keys>" in repr(ident)
    with pytest.raises(SecretIdentityMalformed):
        LawyerIdentity.from_secret_bytes(ident.to_secret_bytes()[:-1])
    with pytest.raises(SecretIdentityMalformed):
        LawyerIdentity.from_secret_bytes(b"XXXXXXXX" + ident.to_secret_bytes()[8:])


def test_identity_opens_what_its_card_seals() -> None:
    alice, bob = LawyerIdentity.generate("Alice"), LawyerIdentity.generate("Bob")
    cards = [alice.key_card(), bob.key_card()]
    recipients = choose_recipients(cards)
    assert all(isinstance(r, age.HybridRecipient) for r in recipients)
    sealed = age.encrypt(b"case file", recipients)
    assert age.decrypt(sealed, bob.age_identities()) == b"case file"


def test_choose_recipients_falls_back_to_x25519_for_everyone() -> None:
    alice = LawyerIdentity.generate("Alice").key_card()
    plain = age.X25519Identity.generate()
    recipients = choose_recipients([alice, plain.recipient])
    assert recipients == [alice.x25519, plain.recipient]
    with pytest.raises(ValueError):
        choose_recipients([alice.pq, plain.recipient])


@pytest.mark.parametrize("name", ["", " ", "a\u202eb", "a\x00b", "x" * 129])
def test_bad_display_names(name: str) -> None:
    with pytest.raises(ValueError):
        LawyerIdentity.generate(name)


# -- hostile card files: typed refusals, bounded reads (issue 15, point 7) ----------------------


def test_card_bytes_must_be_utf8(tmp_path: Path) -> None:
    from lawnotebook.crypto.identity import card_text_from_bytes, read_card_text

    good = VECTOR.read_bytes()
    assert KeyCard.from_text(card_text_from_bytes(good)) == vector_identity().key_card()
    for bad in (b"\xff\xfe" + good, good.replace(b"Zhang", b"Zh\xe9ng"), b"\x80" * 10):
        with pytest.raises(KeyCardMalformed):
            card_text_from_bytes(bad)
        (tmp_path / "card.txt").write_bytes(bad)
        with pytest.raises(KeyCardMalformed):
            read_card_text(tmp_path / "card.txt")


def test_oversized_card_is_refused_reading_no_more_than_the_cap(tmp_path: Path) -> None:
    from lawnotebook.crypto import identity
    from lawnotebook.crypto.identity import MAX_CARD_BYTES, read_card_text

    padded = b" " * (MAX_CARD_BYTES - len(VECTOR.read_bytes())) + VECTOR.read_bytes()
    (tmp_path / "ok.txt").write_bytes(padded)
    assert KeyCard.from_text(read_card_text(tmp_path / "ok.txt")).fingerprint == VECTOR_FINGERPRINT
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.seek(200 * 1024 * 1024)
        fh.write(VECTOR.read_bytes())
    reads: list[int] = []
    real_open = open

    class Counting:
        def __init__(self, fh) -> None:
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.fh.close()

        def read(self, n: int = -1) -> bytes:
            reads.append(n)
            return self.fh.read(n)

    identity.open = lambda p, mode="r": Counting(real_open(p, mode))  # type: ignore[attr-defined]
    try:
        with pytest.raises(KeyCardMalformed):
            read_card_text(huge)
    finally:
        del identity.open  # type: ignore[attr-defined]
    assert reads == [MAX_CARD_BYTES + 1]
    with pytest.raises(KeyCardMalformed):
        KeyCard.from_text(" " * (MAX_CARD_BYTES + 1) + VECTOR.read_text(encoding="utf-8"))


def test_huge_name_is_refused_before_normalizing() -> None:
    with pytest.raises(ValueError):
        LawyerIdentity.generate("x" * 50_000_000)
    # combining marks that NFC folds still fit, as long as the raw text is not absurd
    assert len(LawyerIdentity.generate("e\u0301" * 100).display_name) == 100
