"""Sealing a case into a bundle for named colleagues (or a passphrase), streamed end to end."""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lawnotebook.bundle import frames
from lawnotebook.bundle.manifest import BlobEntry, Manifest
from lawnotebook.bundle.record_set import encode
from lawnotebook.core.errors import InvalidInput
from lawnotebook.core.ids import utc_now
from lawnotebook.core.records import Evidence
from lawnotebook.core.streams import BackgroundWriter
from lawnotebook.crypto.age import (
    HybridRecipient,
    Recipient,
    ScryptRecipient,
    X25519Recipient,
    hybrid,
    open_encrypt,
    scrypt,
    x25519,
)
from lawnotebook.crypto.identity import choose_recipients
from lawnotebook.crypto.signing import CONTEXT_BUNDLE_MANIFEST
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.evidence import store_for
from lawnotebook.services.owner import owner_identity
from lawnotebook.vault import bundle_log, case_rows, custody
from lawnotebook.vault.atomic_file import fsync_dir
from lawnotebook.vault.changes import current_change
from lawnotebook.vault.contacts import Contact
from lawnotebook.vault.evidence import BlobReader
from lawnotebook.vault.transaction import transaction

Progress = Callable[[int, int], None]
PASSPHRASE_WORK_FACTOR = 18
_STANZA_TYPES: dict[type, str] = {
    HybridRecipient: hybrid.STANZA_TYPE,
    X25519Recipient: x25519.STANZA_TYPE,
    ScryptRecipient: scrypt.STANZA_TYPE,
}


@dataclass
class SealResult:
    path: Path
    sequence: int
    base_sequence: int
    records: int
    blobs: int
    bytes_written: int
    unverified: list[str] = field(default_factory=list)


def suggested_name() -> str:
    """A neutral file name: it must not name the case, the client or anyone."""
    return f"bundle-{secrets.token_hex(4)}.lnb"


def seal_case(
    files: CaseFile,
    case_ref: str,
    out: Path,
    *,
    to: Sequence[Contact] = (),
    passphrase: str | None = None,
    since_last: bool = False,
    evidence: Sequence[str] | None = None,
    progress: Progress | None = None,
    passphrase_work_factor: int = PASSPHRASE_WORK_FACTOR,
    classic: bool = False,
) -> SealResult:
    """Write a bundle of the case to ``out`` (atomically) and log the export.

    ``classic`` seals to X25519 only (any age tool opens it; no post-quantum protection).
    ``evidence``: ids (or prefixes) of the only evidence items to include — disclosing part of
    a case; the log entries about the others travel redacted.
    """
    if bool(to) == (passphrase is not None):
        raise InvalidInput("seal either to colleagues or with a bundle passphrase, not both")
    case = files.case(case_ref)
    me = owner_identity(files.conn)
    card = me.key_card()
    recipients_fp = tuple(sorted(c.fingerprint for c in to))
    key = ",".join(recipients_fp) if to else "passphrase"
    last_seq, watermark = bundle_log.latest_seal(files.conn, case.id, key)
    since = watermark if since_last and last_seq else 0
    base = last_seq if since else 0
    top = current_change(files.conn)

    records = case_rows.records(files.conn, case.id, since)
    withheld: set[str] = set()
    if evidence is not None:
        keep = {files.record(ref, Evidence, case).id for ref in evidence}
        all_evidence = {e.id for e in files.list(Evidence, case)}
        withheld = all_evidence - keep
        records = [r for r in records if r["id"] not in withheld]
    revisions = [
        r for r in case_rows.revisions(files.conn, case.id, since) if r["record_id"] not in withheld
    ]
    tombstones = case_rows.tombstones(files.conn, case.id, since)
    log = [
        (e.redact() if e.record_id in withheld else e).to_dict()
        for e in case_rows.custody_entries(files.conn, case.id)
    ]
    body, count = encode(
        records, case_rows.ancestry(files.conn, case.id), revisions, tombstones, log
    )
    blobs, seen = [], set()
    for r in records:
        if r["kind"] == "evidence" and r["body"]["sha256"] not in seen:
            seen.add(r["body"]["sha256"])
            blobs.append(BlobEntry(r["body"]["sha256"], r["body"]["size"]))

    age_recipients = (
        (
            choose_recipients([c.card.x25519 for c in to])
            if classic
            else choose_recipients([c.card for c in to])
        )
        if to
        else [ScryptRecipient(passphrase or "", passphrase_work_factor)]
    )
    manifest = Manifest(
        sender_fingerprint=card.fingerprint,
        sender_node=files.records.clock.node,
        sender_card=card.to_text(),
        mode="keys" if to else "passphrase",
        recipients=recipients_fp,
        case_id=case.id,
        sequence=last_seq + 1,
        base_sequence=base,
        created_at=utc_now(),
        records_count=count,
        records_size=len(body),
        records_sha256=hashlib.sha256(body).hexdigest(),
        blobs=tuple(blobs),
        # The signature binds the outer layer: who may open it is part of what was sealed.
        outer_type=_stanza_type(age_recipients),
        outer_stanzas=len(age_recipients),
    )
    signed = manifest.to_bytes()
    signature = me.signing.sign(CONTEXT_BUNDLE_MANIFEST, signed)
    written = _write_bundle(
        files, out, age_recipients, card.to_text(), signed, signature, body, blobs, progress
    )

    with transaction(files.conn):
        bundle_log.save_seal(files.conn, case.id, key, manifest.sequence, utc_now(), top)
        custody.append(
            files.conn,
            case.id,
            "export",
            files.author,
            origin=files.records.clock.node,
            details={
                "bundle_sequence": manifest.sequence,
                "base": base,
                "recipients": list(recipients_fp) or ["passphrase"],
                "records": count,
                "files": len(blobs),
            },
        )
    return SealResult(
        out,
        manifest.sequence,
        base,
        count,
        len(blobs),
        written,
        [c.name for c in to if not c.verified],
    )


def _stanza_type(recipients: Sequence[Recipient]) -> str:
    """The one age stanza type of ``recipients`` (we never mix types in a bundle)."""
    (kind,) = {_STANZA_TYPES[type(r)] for r in recipients}
    return kind


def _write_bundle(
    files: CaseFile,
    out: Path,
    recipients: Sequence[Recipient],
    sender_card: str,
    signed: bytes,
    signature: bytes,
    body: bytes,
    blobs: list[BlobEntry],
    progress: Progress | None,
) -> int:
    store = store_for(files.vault)
    total = sum(b.size for b in blobs)
    done = 0
    tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
    # One reused plaintext buffer; the evidence reader decrypts whole chunks straight into it.
    buffer = memoryview(bytearray(frames.COPY_CHUNK))
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        try:
            # Written and flushed to disk on worker threads while we encrypt (the AEAD holds
            # the GIL, the disk calls do not), so the final fsync finds little left to do.
            sink = BackgroundWriter(fd)
            try:
                with open_encrypt(sink, recipients) as payload:
                    frames.write_magic(payload)
                    frames.write_frame(payload, frames.CARD, sender_card.encode("utf-8"))
                    frames.write_frame(payload, frames.MANIFEST, signed)
                    frames.write_frame(payload, frames.SIGNATURE, signature)
                    frames.write_frame(payload, frames.RECORDS, body)
                    for blob in blobs:
                        with store.open_blob(blob.sha256) as reader:

                            def chunks(reader: BlobReader = reader) -> Iterator[memoryview]:
                                nonlocal done
                                while n := reader.readinto(buffer):
                                    done += n
                                    if progress:
                                        progress(done, total)
                                    yield buffer[:n]

                            frames.write_blob_frame(
                                payload, bytes.fromhex(blob.sha256), blob.size, chunks()
                            )
                    frames.write_frame(payload, frames.END, b"")
                written = sink.finish()
            except BaseException:
                sink.abort()
                raise
        finally:
            os.close(fd)
        os.replace(tmp, out)
        fsync_dir(out.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        buffer[:] = bytes(len(buffer))  # best effort: no plaintext left behind
    return written
