"""Recovery shares: the vault's recovery key split k of n (SLIP-39) for trusted colleagues.

What is split is the recovery key itself (its 160 secret bits): any ``threshold`` shares give
the recovery key back, which opens the header's recovery slot; a new passphrase is then set,
as with the recovery key typed. Making shares therefore needs the current recovery key (the
lawyer types it from the printed sheet); it is checked against the recovery slot first.

Each share set carries, outside the secret:
- in its words, the SLIP-39 identifier (15 bits), which we derive from the vault id, so the
  words alone tell a share of another vault;
- on its sheet (and in its sealed file), the vault id and the *key check*: the first 8 hex
  digits of the recovery slot's digest (``vault/recovery_slot.py``). Changing the vault's key
  (``passwd --rotate-key``) makes a new recovery key and a new recovery slot: shares made
  before it have the vault's identifier but no longer open the slot, and are refused as
  shares of an older recovery key.

A share for a colleague in the address book can be sealed to their key card as a small age
file (:func:`seal_share`); they open it in their own vault (:func:`open_share_file`) and read
the words to the lawyer, or print them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lawnotebook.core import bounded_json
from lawnotebook.core.errors import InvalidInput, LawnotebookError
from lawnotebook.crypto import age
from lawnotebook.crypto import shares as slip39
from lawnotebook.crypto.identity import choose_recipients
from lawnotebook.crypto.keywrap import KeyUnwrapFailed, unwrap_key
from lawnotebook.crypto.recovery import KEY_BYTES, RecoveryKey
from lawnotebook.services.files import write_atomic
from lawnotebook.services.owner import owner_identity
from lawnotebook.vault.contacts import Contact
from lawnotebook.vault.errors import WrongRecoveryKey
from lawnotebook.vault.header import VaultHeader, slot_aad
from lawnotebook.vault.recovery_slot import recovery_slot_digest
from lawnotebook.vault.vault import Vault, read_vault_header

FILE_FORMAT = "lawnotebook-recovery-share"
FILE_VERSION = 1
MAX_FILE_BYTES = 64 * 1024
FILE_SUFFIX = ".lnshare"
MIN_THRESHOLD = slip39.MIN_THRESHOLD
MAX_COUNT = slip39.MAX_COUNT
_ID_DOMAIN = b"lawnotebook/recovery-shares/v1\x00"
WORDS_PER_LINE = 4


class SharesForAnotherVault(LawnotebookError):
    """A share that reads but belongs to another vault's set; ``position`` is its place among
    those given (1-based)."""

    def __init__(self, message: str, *, position: int = 0) -> None:
        super().__init__(message)
        self.position = position


class SharesForOlderKey(LawnotebookError):
    """Shares of this vault that give back a recovery key it no longer has: made before the
    vault's key was changed (``passwd --rotate-key``)."""


class ShareFileMalformed(LawnotebookError):
    """A file that is not a sealed recovery share (or is damaged)."""


class ShareFileNotForYou(LawnotebookError):
    """A sealed recovery share for someone else: this vault's keys do not open it."""


def share_identifier(vault_id: str) -> int:
    """The 15-bit SLIP-39 identifier of every share set of this vault."""
    digest = hashlib.sha256(_ID_DOMAIN + vault_id.encode("ascii")).digest()
    return int.from_bytes(digest[:2], "big") >> 1


def key_check(header: VaultHeader) -> str:
    """The recovery slot's short digest as printed on share sheets, e.g. ``8C1D-4E2A``."""
    digest = recovery_slot_digest(header)[:8].upper()
    return f"{digest[:4]}-{digest[4:]}"


def grouped_vault_id(vault_id: str) -> str:
    """The vault id as printed: four groups of eight hex digits."""
    return " ".join(vault_id[i : i + 8] for i in range(0, len(vault_id), 8))


@dataclass(frozen=True)
class ShareSheet:
    """One share and what its sheet says beside the words (nothing about cases)."""

    vault_id: str
    key_check: str
    number: int
    count: int
    threshold: int
    words: tuple[str, ...]

    def word_lines(self) -> list[str]:
        """The words numbered, a few to a line, as printed (the numbers are ignored when
        the sheet's text is typed or pasted back)."""
        numbered = [f"{i + 1:>2} {w:<9}" for i, w in enumerate(self.words)]
        return [
            "  ".join(numbered[i : i + WORDS_PER_LINE]).rstrip()
            for i in range(0, len(numbered), WORDS_PER_LINE)
        ]

    def text(self) -> str:
        """The sheet in English (the CLI's; the window prints its own translated copy)."""
        return "\n".join(
            [
                f"Lawnotebook recovery share: {self.number} of {self.count}",
                f"Needed to recover: any {self.threshold} of the {self.count} shares",
                f"Vault: {grouped_vault_id(self.vault_id)}",
                f"Recovery key check: {self.key_check}",
                "",
                *self.word_lines(),
                "",
                "Note: keep this sheet safe and private. Shares made before the vault's key is",
                "changed no longer work; the vault's owner then makes new ones.",
            ]
        )


def share_text_words(text: str) -> str:
    """The words of one share from what was typed or pasted: the bare words, or a whole sheet
    (then only its numbered lines count, and the numbers are dropped)."""
    lines = [line.split() for line in text.splitlines()]
    numbered = [tokens for tokens in lines if tokens and tokens[0].rstrip(".)").isdigit()]
    chosen = numbered if numbered else lines
    return " ".join(t for tokens in chosen for t in tokens if not t.rstrip(".)").isdigit())


def share_threshold(text: str) -> int:
    """How many shares the set of this one (typed or pasted) needs; ``ShareMalformed`` if its
    words do not read."""
    return slip39.read_share(share_text_words(text)).threshold


def current_key_check(vault: Vault) -> str:
    """The key check of the vault's recovery key today (to compare with a sheet)."""
    return key_check(vault.header)


def _check_recovery_key(header: VaultHeader, recovery: RecoveryKey) -> None:
    slot = header.slots["recovery"]
    assert slot.salt is not None
    aad = slot_aad(header.vault_id, "recovery", slot.kdf_json())
    try:
        unwrap_key(recovery.wrapping_key(slot.salt), slot.nonce, slot.wrapped, aad)
    except KeyUnwrapFailed as exc:
        raise WrongRecoveryKey(
            "that recovery key does not open this vault (it may be from before a key change)"
        ) from exc


def make_shares(
    vault: Vault, recovery_key_text: str, threshold: int, count: int
) -> list[ShareSheet]:
    """Split the vault's recovery key (typed as printed) into ``count`` shares, any
    ``threshold`` of which recover the vault. Raises ``RecoveryKeyMalformed``,
    ``WrongRecoveryKey`` (not this vault's current key) or ``InvalidInput``."""
    if not MIN_THRESHOLD <= threshold <= count <= MAX_COUNT:
        raise InvalidInput(
            f"choose between {MIN_THRESHOLD} and {MAX_COUNT} shares, and a number needed "
            f"between {MIN_THRESHOLD} and the number of shares"
        )
    recovery = RecoveryKey.parse(recovery_key_text)
    header = vault.header
    _check_recovery_key(header, recovery)
    words = slip39.split(
        recovery.secret, threshold, count, identifier=share_identifier(header.vault_id)
    )
    check = key_check(header)
    return [
        ShareSheet(header.vault_id, check, i + 1, count, threshold, tuple(mnemonic.split()))
        for i, mnemonic in enumerate(words)
    ]


# -- a share sealed to a colleague ----------------------------------------------------------


def _payload(sheet: ShareSheet) -> bytes:
    doc = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "vault_id": sheet.vault_id,
        "key_check": sheet.key_check,
        "number": sheet.number,
        "count": sheet.count,
        "threshold": sheet.threshold,
        "words": " ".join(sheet.words),
    }
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal_share(sheet: ShareSheet, contact: Contact) -> bytes:
    """The share as an age file only ``contact`` opens (post-quantum hybrid recipient)."""
    return age.encrypt(_payload(sheet), choose_recipients([contact.card]), armor=True)


def save_sealed_share(sheet: ShareSheet, contact: Contact, path: Path) -> None:
    """Write :func:`seal_share` to ``path`` (a new file, readable by the lawyer only)."""
    write_atomic(Path(path), seal_share(sheet, contact))


def open_share_file(vault: Vault, data: bytes) -> ShareSheet:
    """Open a share sealed to this vault's owner; raises :class:`ShareFileNotForYou` or
    :class:`ShareFileMalformed`. Nothing is stored."""
    if len(data) > MAX_FILE_BYTES:
        raise ShareFileMalformed("the file is too large to be a recovery share")
    try:
        plain = age.decrypt(data, owner_identity(vault.connection).age_identities())
    except age.NoIdentityMatch as exc:
        raise ShareFileNotForYou("this recovery share is sealed to someone else") from exc
    except age.AgeError as exc:
        raise ShareFileMalformed(f"not a sealed recovery share ({exc})") from exc
    return _parse_payload(plain)


def _parse_payload(plain: bytes) -> ShareSheet:
    try:
        doc = bounded_json.loads(plain, max_bytes=MAX_FILE_BYTES, max_depth=2)
    except bounded_json.MalformedJson as exc:
        raise ShareFileMalformed(f"the share inside is not readable ({exc})") from exc
    fields = {"format", "version", "vault_id", "key_check", "number", "count", "threshold"}
    if not isinstance(doc, dict) or set(doc) != fields | {"words"}:
        raise ShareFileMalformed("the share inside has an unknown layout")
    if doc["format"] != FILE_FORMAT or doc["version"] != FILE_VERSION:
        raise ShareFileMalformed("the file is not a recovery share this version reads")
    if not all(isinstance(doc[k], str) for k in ("vault_id", "key_check", "words")) or not all(
        type(doc[k]) is int for k in ("number", "count", "threshold")
    ):
        raise ShareFileMalformed("the share inside has a field of the wrong type")
    try:
        info = slip39.read_share(doc["words"])
    except slip39.ShareMalformed as exc:
        raise ShareFileMalformed(f"the share's words do not read ({exc})") from exc
    if (
        info.identifier != share_identifier(doc["vault_id"])
        or info.number != doc["number"]
        or info.threshold != doc["threshold"]
    ):
        raise ShareFileMalformed("the share's words do not match what the file says")
    return ShareSheet(
        doc["vault_id"], doc["key_check"], info.number, doc["count"], info.threshold, info.words
    )


# -- recovering with shares -----------------------------------------------------------------


def recovery_key_from_shares(header: VaultHeader, texts: Sequence[str]) -> RecoveryKey:
    """The recovery key ``texts`` (one share each, typed or pasted) give back, checked to be
    this vault's: raises ``ShareMalformed``, :class:`SharesForAnotherVault`,
    ``SharesDuplicate``, ``SharesTooFew``, ``SharesMismatched`` or :class:`SharesForOlderKey`."""
    words = [share_text_words(text) for text in texts if text.strip()]
    infos = [slip39.read_share(w, position=i + 1) for i, w in enumerate(words)]
    expected = share_identifier(header.vault_id)
    for position, info in enumerate(infos, start=1):
        if info.identifier != expected:
            raise SharesForAnotherVault(
                f"share {position} given belongs to another vault", position=position
            )
    slip39.read_shares(words)  # too few, duplicates, two sets mixed
    secret = slip39.combine(words)
    recovery = RecoveryKey(secret)
    if len(secret) != KEY_BYTES:
        raise SharesForOlderKey("these shares do not hold a recovery key of this vault")
    try:
        _check_recovery_key(header, recovery)
    except WrongRecoveryKey as exc:
        raise SharesForOlderKey(
            "these shares are for an older recovery key of this vault (made before its key "
            "was changed)"
        ) from exc
    return recovery


def open_with_shares(root: Path, texts: Sequence[str]) -> Vault:
    """Open the vault at ``root`` with recovery shares (see :func:`recovery_key_from_shares`)."""
    header = read_vault_header(Path(root))
    recovery = recovery_key_from_shares(header, texts)
    try:
        return Vault.open_with_recovery_key(Path(root), recovery)
    except WrongRecoveryKey as exc:  # the header changed between the two reads
        raise SharesForOlderKey("these shares are for an older recovery key") from exc


def unlock_with_shares(root: Path, texts: Sequence[str], new_passphrase: str) -> Vault:
    """Open with shares and set a new passphrase at once; the recovery key (and so the shares)
    stay valid."""
    vault = open_with_shares(root, texts)
    try:
        vault.change_passphrase(new_passphrase)
    except BaseException:
        vault.close()
        raise
    return vault
