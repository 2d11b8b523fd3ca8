"""Secret shares: a secret split k of n into SLIP-39 word lists, through ``shamir-mnemonic``.

SLIP-39 (SatoshiLabs' standard for Shamir's secret sharing as words) is implemented by the
``shamir_mnemonic`` package; this module only fixes how Lawnotebook uses it and turns its one
error type into failures a caller can tell apart. We use one group (group threshold 1) of
``count`` members, ``threshold`` of which give the secret back; no SLIP-39 passphrase (the
shares are held by different people, which is the protection); iteration exponent 0; the
non-extendable form, so the set's 15-bit identifier is bound into the encryption of the secret.
The caller chooses the identifier (``services/recovery_shares.py`` derives it from the vault
id, so words alone tell which vault a share is for).

Reading forgives case and spacing: a share is its words, separated by any whitespace. Each
share carries its own RS1024 checksum (three words), so a mistyped word is caught in the share
that holds it, before any shares are combined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import shamir_mnemonic
from shamir_mnemonic.wordlist import WORD_INDEX_MAP

from lawnotebook.core.errors import LawnotebookError

MIN_THRESHOLD = 2
MAX_COUNT = 16  # SLIP-39's limit on the members of a group
ID_BITS = 15
_ITERATION_EXPONENT = 0


class ShareError(LawnotebookError):
    """Base class: a share, or a set of shares, that does not give a secret back."""


class ShareMalformed(ShareError):
    """One share's words do not read: an unknown word, a word missing or too many, a failed
    checksum. ``position`` is the share's place among those given (1-based), ``word`` the
    unknown word if there is one."""

    def __init__(self, message: str, *, position: int = 0, word: str | None = None) -> None:
        super().__init__(message)
        self.position = position
        self.word = word


class SharesTooFew(ShareError):
    """Fewer shares than the set's threshold; ``needed`` and ``given`` say how many."""

    def __init__(self, message: str, *, needed: int = 0, given: int = 0) -> None:
        super().__init__(message)
        self.needed = needed
        self.given = given


class SharesDuplicate(ShareError):
    """The same share given twice (``number`` is the share's number in its set)."""

    def __init__(self, message: str, *, number: int = 0) -> None:
        super().__init__(message)
        self.number = number


class SharesMismatched(ShareError):
    """Shares that each read but do not belong to one set (two different splits)."""


@dataclass(frozen=True)
class ShareInfo:
    """What one share's words say about it (none of this is secret)."""

    identifier: int  # the set's 15-bit identifier, the same in every share of a set
    number: int  # 1-based: share ``number`` of ``count``
    threshold: int  # how many shares of the set give the secret back
    words: tuple[str, ...]


def share_words(text: str) -> tuple[str, ...]:
    """The words of a share as a person typed them (any case, any whitespace)."""
    return tuple(word.lower() for word in text.split())


def split(secret: bytes, threshold: int, count: int, *, identifier: int) -> list[str]:
    """Split ``secret`` (16 to 32 bytes, an even number) into ``count`` shares, any
    ``threshold`` of which give it back; each share is its words joined by spaces."""
    if not MIN_THRESHOLD <= threshold <= count <= MAX_COUNT:
        raise ValueError(f"need {MIN_THRESHOLD} <= threshold <= count <= {MAX_COUNT}")
    if not 0 <= identifier < 1 << ID_BITS:
        raise ValueError("the identifier has 15 bits")
    ems = shamir_mnemonic.EncryptedMasterSecret.from_master_secret(
        secret, b"", identifier, False, _ITERATION_EXPONENT
    )
    (group,) = shamir_mnemonic.split_ems(1, [(threshold, count)], ems)
    return [share.mnemonic() for share in group]


def read_share(text: str, *, position: int = 1) -> ShareInfo:
    """Read one share, or raise :class:`ShareMalformed` naming what is wrong."""
    words = share_words(text)
    if not words:
        raise ShareMalformed("the share is empty", position=position)
    for word in words:
        if word not in WORD_INDEX_MAP:
            raise ShareMalformed(
                f"'{word}' is not a word used in recovery shares", position=position, word=word
            )
    try:
        share = shamir_mnemonic.Share.from_mnemonic(" ".join(words))
    except shamir_mnemonic.MnemonicError as exc:
        raise ShareMalformed(
            f"the share's words do not check out (a word mistyped, missing or extra): {exc}",
            position=position,
        ) from exc
    return ShareInfo(
        identifier=share.identifier,
        number=share.index + 1,
        threshold=share.member_threshold,
        words=words,
    )


def read_shares(texts: Sequence[str]) -> list[ShareInfo]:
    """Read each share, then check they form one set with enough distinct members."""
    shares = [read_share(text, position=i + 1) for i, text in enumerate(texts)]
    if not shares:
        raise SharesTooFew("no shares were given", needed=MIN_THRESHOLD, given=0)
    first = shares[0]
    seen: dict[int, ShareInfo] = {}
    for share in shares:
        if share.identifier != first.identifier or share.threshold != first.threshold:
            raise SharesMismatched("these shares come from different sets")
        known = seen.get(share.number)
        if known is not None:
            if known.words == share.words:
                raise SharesDuplicate(
                    f"share number {share.number} was given twice", number=share.number
                )
            raise SharesMismatched(f"two different shares both say they are number {share.number}")
        seen[share.number] = share
    if len(shares) < first.threshold:
        raise SharesTooFew(
            f"this set needs {first.threshold} shares, {len(shares)} given",
            needed=first.threshold,
            given=len(shares),
        )
    return shares


def combine(texts: Sequence[str], *, passphrase: bytes = b"") -> bytes:
    """The secret the shares give back. Raises :class:`ShareMalformed`, :class:`SharesTooFew`,
    :class:`SharesDuplicate` or :class:`SharesMismatched`. ``passphrase`` is SLIP-39's (empty
    for ours; the published test vectors use ``TREZOR``)."""
    groups_used = _group_count(texts)
    if groups_used == 1:  # our own shares: typed errors before the library is asked
        read_shares(texts)
    mnemonics = [" ".join(share_words(text)) for text in texts]
    try:
        return shamir_mnemonic.combine_mnemonics(mnemonics, passphrase)
    except shamir_mnemonic.MnemonicError as exc:
        message = str(exc)
        if "Insufficient" in message or "Wrong number" in message:
            raise SharesTooFew(message, needed=0, given=len(texts)) from exc
        raise SharesMismatched(f"these shares do not give a secret back: {message}") from exc


def _group_count(texts: Sequence[str]) -> int:
    """How many SLIP-39 groups the shares say their set has (1 for ours); 1 when a share does
    not read, so :func:`read_shares` reports it."""
    counts = set()
    for i, text in enumerate(texts):
        try:
            share = shamir_mnemonic.Share.from_mnemonic(" ".join(share_words(text)))
        except shamir_mnemonic.MnemonicError:
            read_share(text, position=i + 1)  # raises ShareMalformed with the details
            raise  # pragma: no cover - read_share raised
        counts.add(share.group_count)
    return max(counts, default=1)
