"""Evidence store failures a caller must tell apart; each maps to one plain sentence in the UI."""

from lawnotebook.core.errors import LawnotebookError


class EvidenceError(LawnotebookError):
    """Base class for evidence blob store failures."""


class SourceUnreadable(EvidenceError):
    """The file to add cannot be opened or read (permissions, a folder, an I/O error)."""


class SourceChanged(SourceUnreadable):
    """The file vanished, shrank, grew or was modified while it was being read.

    The SHA-256 would not describe one version of the file, so nothing is stored.
    """


class IntakeCancelled(EvidenceError):
    """The user cancelled the intake; nothing was stored."""


class StorageFull(EvidenceError):
    """The disk filled up while storing; nothing was stored and the partial data was removed."""


class BlobNotFound(EvidenceError):
    """No blob with this SHA-256 is in the vault."""


class BlobCorrupt(EvidenceError):
    """A stored chunk fails authentication or the content no longer matches its SHA-256."""


class BlobMissing(EvidenceError):
    """A pack file the blob's index names is gone from the vault folder."""
