"""Opening a bundle: verify everything, show the plan, then apply it all in one transaction.

Nothing is written to the vault's records before every check has passed: the age layer, the
sender's signature and card, our place among the signed recipients, the sequence, the hash of
the record set and of every file. Files are sealed into the evidence store while they are read
(never to a temp file) and only named in the database by the final transaction.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from lawnotebook.bundle import frames
from lawnotebook.bundle.errors import (
    BundleOutOfOrder,
    BundleReplayed,
    BundleTampered,
    NotABundle,
    NotForThisRecipient,
    OuterLayerMismatch,
    SenderMismatch,
    UntrustedSender,
    WrongCase,
)
from lawnotebook.bundle.manifest import Manifest
from lawnotebook.bundle.merge import (
    CaseState,
    MergePlan,
    PlannedChange,
    RecordState,
    case_state,
    plan_merge,
)
from lawnotebook.bundle.record_set import RecordSet, decode
from lawnotebook.core.clock import ClockDrift, Hlc
from lawnotebook.core.records import from_body
from lawnotebook.crypto.age import DecryptReader, ScryptIdentity, open_decrypt
from lawnotebook.crypto.age.errors import (
    AgeError,
    ArmorError,
    HeaderError,
    HeaderMacError,
    NoIdentityMatch,
    PayloadError,
)
from lawnotebook.crypto.age.format import Stanza
from lawnotebook.crypto.identity import KeyCard, KeyCardError
from lawnotebook.crypto.signing import CONTEXT_BUNDLE_MANIFEST, BadSignature
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import store_for
from lawnotebook.services.owner import DEFAULT_NAME, owner_identity
from lawnotebook.vault import bundle_log, case_rows, custody
from lawnotebook.vault.contacts import ContactBook
from lawnotebook.vault.evidence import StagedBlob
from lawnotebook.vault.records import save_clock, search_indexer, sort_key
from lawnotebook.vault.transaction import transaction

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# MergePlan and PlannedChange are re-exported: the window shows the plan before it is applied.
__all__ = ["MergePlan", "OpenedBundle", "PlannedChange", "Progress", "open_bundle"]

Progress = Callable[[int, int], None]
OLD_OUTER_LAYER = (
    "sealed by an older version of Lawnotebook, which did not sign the outer layer's "
    "recipients; its signed recipient list and mode (keys or passphrase) were checked"
)


@dataclass
class OpenedBundle:
    """What a bundle is and would do; ``applied`` once it is in the vault."""

    manifest: Manifest
    sender_name: str
    sender_known: bool
    sender_verified: bool
    plan: MergePlan
    new_case: bool
    custody_entries: int
    files: int
    outer_bound: bool = True
    """Whether the sender's signature covers the outer layer's recipients (bundles sealed
    before format version 2 do not: their signed mode and recipient list are still checked)."""
    manifest_sha256: str = ""
    """SHA-256 (hex) of the signed manifest bytes. The manifest signs the hash of the records
    and of every file, so this pins the whole content: pass it back as ``expect_manifest`` to
    apply exactly what a dry run showed."""
    applied: bool = False
    warnings: list[str] = field(default_factory=list)
    sender_fingerprint: str = ""
    sender_renamed_from: str | None = None
    """The name the address book had for the sender when their card in the bundle carries a
    new one (same keys): applying the bundle takes the new card, so the contact is renamed."""


def _age_error(exc: AgeError) -> Exception:
    if isinstance(exc, NoIdentityMatch):
        return NotForThisRecipient(
            "this bundle is not addressed to you (or the passphrase is wrong)"
        )
    if isinstance(exc, HeaderError | ArmorError):
        return NotABundle("this file is not a bundle, or its first bytes are damaged")
    if isinstance(exc, HeaderMacError | PayloadError):
        return BundleTampered("the bundle was altered or cut short after it was sealed")
    return BundleTampered("the bundle could not be read")


class _Reader(io.RawIOBase):
    """Turns age errors raised while reading into bundle errors."""

    def __init__(self, inner: DecryptReader) -> None:
        super().__init__()
        self.inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        try:
            return self.inner.readinto(buffer)
        except AgeError as exc:
            raise _age_error(exc) from exc


def _card(text: str | bytes) -> KeyCard:
    try:
        return KeyCard.from_text(text.decode("utf-8") if isinstance(text, bytes) else text)
    except (KeyCardError, UnicodeDecodeError) as exc:
        raise SenderMismatch("the sender's key card in the bundle is not valid") from exc


def _verify(card: KeyCard, signed: bytes, signature: bytes) -> None:
    try:
        card.signing.verify(CONTEXT_BUNDLE_MANIFEST, signed, signature)
    except BadSignature as exc:
        raise BundleTampered("the sender's signature on the bundle does not verify") from exc


def _read_signed(
    fr: frames.FrameReader, expect_manifest: str | None
) -> tuple[Manifest, KeyCard, str]:
    """The manifest, the sender's card it was verified under, and the manifest's SHA-256.

    Version 2 carries the card in a frame of its own, so the signature is checked over the raw
    manifest bytes before a byte of them is parsed; version 1 keeps the card inside the
    manifest, which is therefore parsed (within bounds) first."""
    card_frame = fr.read_small(frames.CARD, frames.MAX_CARD) if fr.version >= 2 else None
    card = _card(card_frame) if card_frame is not None else None
    signed = fr.read_small(frames.MANIFEST, frames.MAX_MANIFEST)
    manifest_sha256 = hashlib.sha256(signed).hexdigest()
    if expect_manifest is not None and manifest_sha256 != expect_manifest.lower():
        raise BundleTampered("the bundle changed since it was previewed; open it again")
    signature = fr.read_small(frames.SIGNATURE, frames.SIGNATURE_SIZE)
    if card is not None and card_frame is not None:
        _verify(card, signed, signature)
        manifest = Manifest.from_bytes(signed, fr.version, card_frame.decode("utf-8"))
        _claimed_by(card, manifest)
    else:  # version 1: the order it always had
        manifest = Manifest.from_bytes(signed, fr.version)
        card = _card(manifest.sender_card)
        _claimed_by(card, manifest)
        _verify(card, signed, signature)
    return manifest, card, manifest_sha256


def _claimed_by(card: KeyCard, manifest: Manifest) -> None:
    if card.fingerprint != manifest.sender_fingerprint:
        raise SenderMismatch("the bundle's sender key does not match the fingerprint it claims")


class _Witness:
    """An age identity that never matches: it only sees the header's stanzas, so the outer
    layer can be held against what the sender signed (they are authenticated once the header's
    MAC has verified, i.e. once ``open_decrypt`` returned)."""

    def __init__(self) -> None:
        self.stanzas: tuple[Stanza, ...] = ()

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        self.stanzas = tuple(stanzas)
        return None


def _check_outer(manifest: Manifest, stanzas: Sequence[Stanza], by_passphrase: bool) -> None:
    """The age layer must be the one the sender sealed: a passphrase bundle re-wrapped to a
    colleague's key would otherwise apply as if the sender had sealed it for them."""
    if manifest.mode == "passphrase" and not by_passphrase:
        raise OuterLayerMismatch(
            "the sender sealed this bundle with a passphrase, but it came wrapped for your "
            "key: someone who knew the passphrase re-wrapped it"
        )
    if manifest.mode == "keys" and by_passphrase:
        raise OuterLayerMismatch(
            "the sender sealed this bundle for colleagues' keys, but it came wrapped under "
            "a passphrase: someone re-wrapped it"
        )
    if manifest.outer_bound and (
        len(stanzas) != manifest.outer_stanzas
        or any(s.type != manifest.outer_type for s in stanzas)
    ):
        raise OuterLayerMismatch(
            "the bundle's outer layer is addressed to other recipients than its sender signed"
        )


def _sender_trust(files: CaseFile, card: KeyCard) -> tuple[str, bool, bool, str | None]:
    """The sender's name (their card's), whether a contact, whether verified, and the name the
    address book had for them when their card now carries another."""
    book = ContactBook(files.conn)
    contact = book.by_fingerprint(card.fingerprint)
    if contact is None:
        # The default name claims no one: two colleagues who never named themselves both carry it.
        same_name = [c for c in book.all() if c.name == card.display_name]
        if same_name and card.display_name != DEFAULT_NAME:
            raise SenderMismatch(
                f"the bundle says it is from {card.display_name}, but its key is not the key "
                "you have for that colleague"
            )
        return card.display_name, False, False, None
    # The fingerprint is the colleague: a new name on the same keys is their re-issued card.
    renamed_from = contact.name if contact.name != card.display_name else None
    return card.display_name, True, contact.verified, renamed_from


def _check_sequence(files: CaseFile, manifest: Manifest) -> None:
    applied = bundle_log.latest_applied_sequence(
        files.conn, manifest.sender_fingerprint, manifest.recipients_key, manifest.case_id
    )
    if manifest.sequence <= applied:
        raise BundleReplayed(
            f"bundle #{manifest.sequence} from this sender was already applied "
            f"(or a newer one, #{applied})"
        )
    if manifest.base_sequence > applied:
        raise BundleOutOfOrder(
            f"this bundle only has changes since bundle "
            f"#{manifest.base_sequence}, which was never opened here"
        )


def _check_ids_and_files(files: CaseFile, manifest: Manifest, incoming: RecordSet) -> None:
    """A bundle touches only its own case, and carries the file of every evidence item it
    describes (and no file it does not describe)."""
    state, conn = incoming.state, files.conn
    for rid in {*state.records, *state.tombstones, *state.revisions}:
        if any(held != manifest.case_id for held in case_rows.cases_of_record(conn, rid)):
            raise WrongCase("the bundle would change a record of another case")
    carried = {b.sha256 for b in manifest.blobs}
    described = {r.body["sha256"] for r in state.records.values() if r.kind == "evidence"}
    if carried - described:
        raise BundleTampered("the bundle carries a file that no evidence item describes")
    store = store_for(files.vault)
    if any(sha not in carried and not store.contains(sha) for sha in described):
        raise BundleTampered("the bundle describes an evidence file it does not carry")


def _local_state(files: CaseFile, case_id: str) -> CaseState:
    conn = files.conn
    records = [RecordState(**r) for r in case_rows.records(conn, case_id)]
    revisions = [
        (r["record_id"], r["hlc"], r["kind"], r["body"], r["author"], r["updated_at"])
        for r in case_rows.revisions(conn, case_id)
    ]
    return case_state(records, revisions, case_rows.tombstones(conn, case_id))


def open_bundle(
    files: CaseFile,
    source: Path | BinaryIO,
    *,
    passphrase: str | None = None,
    accept_unverified: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    expect_manifest: str | None = None,
) -> OpenedBundle:
    """Verify a bundle and (unless ``dry_run``) apply it; raises a ``BundleError`` otherwise.

    ``expect_manifest`` is the ``manifest_sha256`` of an earlier dry run: a bundle whose signed
    manifest differs (the file was swapped or rewritten since) is refused before anything is
    staged, so what is applied is what was previewed.
    """
    if isinstance(source, Path | str):
        with open(source, "rb") as fh:
            return open_bundle(
                files,
                fh,
                passphrase=passphrase,
                accept_unverified=accept_unverified,
                dry_run=dry_run,
                progress=progress,
                expect_manifest=expect_manifest,
            )
    me = owner_identity(files.conn)
    witness = _Witness()
    keys = [ScryptIdentity(passphrase)] if passphrase is not None else me.age_identities()
    try:
        reader = _Reader(open_decrypt(source, [witness, *keys]))
    except AgeError as exc:
        raise _age_error(exc) from exc
    fr = frames.FrameReader(reader)
    manifest, card, manifest_sha256 = _read_signed(fr, expect_manifest)
    _check_outer(manifest, witness.stanzas, by_passphrase=passphrase is not None)
    name, known, verified, renamed_from = _sender_trust(files, card)
    if manifest.mode == "keys" and me.key_card().fingerprint not in manifest.recipients:
        raise NotForThisRecipient("you are not among the colleagues this bundle was sealed for")
    if manifest.sender_fingerprint == me.key_card().fingerprint:
        raise NotForThisRecipient("this bundle was sealed by you")
    _check_sequence(files, manifest)

    body = fr.read_small(frames.RECORDS, min(frames.MAX_RECORDS, manifest.records_size))
    if (
        len(body) != manifest.records_size
        or hashlib.sha256(body).hexdigest() != manifest.records_sha256
    ):
        raise BundleTampered("the bundle's records do not match its signed manifest")
    incoming = decode(body, manifest.case_id, manifest.records_count)
    _check_ids_and_files(files, manifest, incoming)
    staged = _read_files(files, fr, manifest, dry_run, progress)
    try:
        fr.read_end()
        plan = plan_merge(_local_state(files, manifest.case_id), incoming.state)
        result = OpenedBundle(
            manifest,
            name,
            known,
            verified,
            plan,
            new_case=not case_rows.holds_case(files.conn, manifest.case_id),
            custody_entries=len(incoming.custody),
            files=len(manifest.blobs),
            outer_bound=manifest.outer_bound,
            manifest_sha256=manifest_sha256,
            sender_fingerprint=card.fingerprint,
            sender_renamed_from=renamed_from,
        )
        if not verified:
            result.warnings.append(f"{name} ({card.fingerprint}) is not a verified contact")
        if not manifest.outer_bound:
            result.warnings.append(OLD_OUTER_LAYER)
        if dry_run:
            return result
        if not verified and not accept_unverified:
            raise UntrustedSender(
                f"the sender, {name} ({card.fingerprint}), is not a verified "
                "contact; compare fingerprints, then say yes to open it"
            )
        _apply(files, manifest, incoming, plan, staged, card if renamed_from else None)
    except BaseException:
        for blob in staged:
            store_for(files.vault).discard(blob)
        raise
    result.applied = True
    return result


def _read_files(
    files: CaseFile,
    fr: frames.FrameReader,
    manifest: Manifest,
    dry_run: bool,
    progress: Progress | None,
) -> list[StagedBlob]:
    store = store_for(files.vault)
    staged: list[StagedBlob] = []
    total, done = sum(b.size for b in manifest.blobs), 0
    try:
        for entry in manifest.blobs:

            def counted(n: int) -> None:
                nonlocal done
                done += n
                if progress:
                    progress(done, total)

            # The blob's bytes are decrypted straight into the intake's (or our) buffers.
            stated, stream = fr.blob_stream(entry.size, counted)
            if stated.hex() != entry.sha256:
                raise BundleTampered("a file's hash differs from the signed manifest")
            if dry_run or store.contains(entry.sha256):
                digest = hashlib.sha256()
                buffer = memoryview(bytearray(frames.COPY_CHUNK))
                while n := stream.readinto(buffer):
                    digest.update(buffer[:n])
                actual = digest.hexdigest()
            else:
                blob = store.stage(stream)
                staged.append(blob)
                actual = blob.sha256
            if actual != entry.sha256:
                raise BundleTampered("a file in the bundle does not match its signed hash")
    except BaseException:
        for blob in staged:
            store.discard(blob)
        raise
    return staged


def _apply(
    files: CaseFile,
    manifest: Manifest,
    incoming: RecordSet,
    plan: MergePlan,
    staged: list[StagedBlob],
    renamed_card: KeyCard | None = None,
) -> None:
    conn, store = files.conn, store_for(files.vault)
    with transaction(conn):
        infos = [store.register(blob) for blob in staged]
        if renamed_card is not None:
            book = ContactBook(conn)
            known = book.by_fingerprint(renamed_card.fingerprint)
            if known is not None:
                book.replace_card(known, renamed_card)
        for rid, hlc, kind, body, author, updated_at in plan.new_revisions:
            case_rows.put_revision(
                conn,
                {
                    "record_id": rid,
                    "hlc": hlc,
                    "kind": kind,
                    "body": body,
                    "author": author,
                    "updated_at": updated_at,
                },
            )
        for stone in plan.new_tombstones:
            case_rows.put_tombstone(conn, stone, search_indexer)
        for change in plan.changes:
            if change.action == "delete":
                continue  # done by its tombstone
            row = change.record.__dict__
            record = from_body(
                row["kind"],
                row["body"],
                **{
                    k: row[k]
                    for k in ("id", "case_id", "author", "created_at", "updated_at", "hlc")
                },
            )
            case_rows.put_record(conn, row, sort_key(record), search_indexer)
        for entry in incoming.custody:
            try:
                custody.adopt(conn, custody.CustodyEntry(**entry))
            except ValueError as exc:
                raise BundleTampered(
                    "the bundle's custody log does not continue the log already held"
                ) from exc
        try:
            for stamp in incoming.stamps:
                files.records.clock.observe(Hlc.parse(stamp))
        except ClockDrift as exc:
            raise BundleTampered(
                "the bundle's edits are dated more than a day in the future "
                "(the sender's clock is wrong)"
            ) from exc
        save_clock(conn, files.records.clock)
        bundle_log.save_receipt(
            conn,
            manifest.sender_fingerprint,
            manifest.recipients_key,
            manifest.case_id,
            manifest.sequence,
            hashlib.sha256(manifest.to_bytes()).hexdigest(),
        )
        custody.append(
            conn,
            manifest.case_id,
            "import",
            files.author,
            origin=files.records.clock.node,
            details={
                "from": manifest.sender_fingerprint,
                "bundle_sequence": manifest.sequence,
                "added": plan.count("add"),
                "changed": plan.count("change"),
                "deleted": plan.count("delete"),
                "conflicts": len(plan.conflicts),
                "files": len(infos),
            },
        )
    for blob, info in zip(staged, infos, strict=True):
        store.settle(blob, info)
