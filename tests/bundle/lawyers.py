"""Test helper: lawyers with their own vaults, who know each other and exchange bundles."""

from __future__ import annotations

import hashlib
from pathlib import Path

from lawnotebook.crypto.identity import KeyCard, LawyerIdentity
from lawnotebook.services.bundle_open import OpenedBundle, open_bundle
from lawnotebook.services.bundle_seal import SealResult, seal_case
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE, set_owner_identity


class Lawyer:
    """One lawyer: a vault in its own folder, kept open."""

    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.root = root / name
        self.vault, _ = Vault.create(self.root, PASSPHRASE, kdf=FAST_KDF)
        self.colleagues = Colleagues(self.vault)
        self.colleagues.rename(name)
        self.files = CaseFile(self.vault)
        self.outbox = root / f"{name}-outbox"
        self.outbox.mkdir()
        self._count = 0

    def knows(self, *others: Lawyer, verified: bool = True) -> None:
        for other in others:
            self.colleagues.add(other.colleagues.me().card_text, verified=verified)

    def contact(self, other: Lawyer):  # type: ignore[no-untyped-def]
        return self.colleagues.find(other.colleagues.me().fingerprint)

    def seal(
        self,
        case_id: str,
        *to: Lawyer,
        passphrase: str | None = None,
        since_last: bool = False,
        **kw,
    ) -> tuple[Path, SealResult]:  # type: ignore[no-untyped-def]
        self._count += 1
        out = self.outbox / f"bundle-{self._count}.lnb"
        result = seal_case(
            self.files,
            case_id,
            out,
            to=[self.contact(o) for o in to],
            passphrase=passphrase,
            since_last=since_last,
            passphrase_work_factor=10,
            **kw,
        )
        return out, result

    def open(self, path: Path, **kw) -> OpenedBundle:  # type: ignore[no-untyped-def]
        return open_bundle(self.files, path, **kw)

    def close(self) -> None:
        self.vault.close()

    # -- additions for the hostile-bundle tests ------------------------------------------------

    def digest(self) -> str:
        """A digest of everything a bundle could change in this lawyer's vault."""
        return vault_digest(self.vault.connection)

    def pack_files(self) -> set[str]:
        """Names of the evidence pack files in the vault folder."""
        packs = self.root / "packs"
        return {p.name for p in packs.rglob("*") if p.is_file()} if packs.is_dir() else set()

    def identity(self) -> LawyerIdentity:
        return self.colleagues.identity()

    def card(self) -> KeyCard:
        return self.identity().key_card()


# -- additions for the hostile-bundle tests (existing helpers above are unchanged) ------------

# Every table an opened bundle could write to (search_text is the FTS5 index of the records).
DIGEST_TABLES = (
    "records",
    "revisions",
    "tombstones",
    "custody_log",
    "custody_heads",
    "bundle_receipts",
    "bundle_seals",
    "contacts",
    "evidence_blob",
    "evidence_pack",
    "evidence_chunk",
    "search_document",
    "vault_meta",
)


def vault_digest(conn) -> str:  # type: ignore[no-untyped-def]
    """SHA-256 over every row of every table a bundle may touch, in a fixed order."""
    digest = hashlib.sha256()
    for table in DIGEST_TABLES:
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608
        digest.update(f"{table}:{len(rows)}\n".encode())
        for row in sorted(repr(tuple(row)) for row in rows):
            digest.update(row.encode("utf-8") + b"\n")
    fts = conn.execute(
        "SELECT rowid, title, body, scope, record_id, case_id, kind, parent_id, page, part,"
        " label FROM search_text"
    ).fetchall()
    for row in sorted(repr(tuple(row)) for row in fts):
        digest.update(row.encode("utf-8") + b"\n")
    return digest.hexdigest()


def create_vault_with_identity(root: Path, identity: LawyerIdentity) -> Vault:
    """A new (fast-KDF) vault at ``root`` whose owner is ``identity``."""
    vault, _ = Vault.create(root, PASSPHRASE, kdf=FAST_KDF)
    set_owner_identity(vault, identity)
    return vault


def lawyer_with_identity(root: Path, identity: LawyerIdentity, folder: str | None = None) -> Lawyer:
    """A :class:`Lawyer` whose vault owner is the given (e.g. fixed-seed) identity."""
    lawyer = Lawyer(root, folder or identity.display_name)
    set_owner_identity(lawyer.vault, identity)
    lawyer.files = CaseFile(lawyer.vault)  # the author id is read when the case file is made
    return lawyer
