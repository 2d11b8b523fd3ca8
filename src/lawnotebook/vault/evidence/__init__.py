"""The evidence blob store: files of any size, encrypted in pack files inside the vault.

Use :class:`EvidenceStore` (``put``, ``open_blob``, ``verify_blob``) on an open vault, and call
:func:`sweep_orphans` when the vault opens (it deletes only staged leftovers and quarantines
any other pack no row names). The format is "Evidence storage" in
``docs/vault-format.md``.
"""

from lawnotebook.vault.evidence.errors import (
    BlobCorrupt,
    BlobMissing,
    BlobNotFound,
    EvidenceError,
    IntakeCancelled,
    SourceChanged,
    SourceUnreadable,
    StorageFull,
)
from lawnotebook.vault.evidence.media_type import sniff_media_type
from lawnotebook.vault.evidence.packs import PACKS_DIR, QUARANTINE_DIR, PackSweep, sweep_orphans
from lawnotebook.vault.evidence.reader import BlobReader
from lawnotebook.vault.evidence.store import BlobInfo, EvidenceStore, OnCommit, StagedBlob

__all__ = [
    "PACKS_DIR",
    "QUARANTINE_DIR",
    "BlobCorrupt",
    "BlobInfo",
    "BlobMissing",
    "BlobNotFound",
    "BlobReader",
    "EvidenceError",
    "EvidenceStore",
    "IntakeCancelled",
    "OnCommit",
    "PackSweep",
    "SourceChanged",
    "SourceUnreadable",
    "StagedBlob",
    "StorageFull",
    "sniff_media_type",
    "sweep_orphans",
]
