"""Evidence store failures a caller must tell apart; each maps to one plain sentence in the UI."""

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.core.records import Evidence


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


class DuplicateEvidence(EvidenceError):
    """The file is already evidence in this case (the same SHA-256); it was not added again.

    ``existing`` is the item it matches (the first one taken in), ``file_name`` the name of the
    file that was refused.
    """

    def __init__(self, message: str, *, file_name: str = "", existing: Evidence | None = None):
        super().__init__(message)
        self.file_name = file_name
        self.existing = existing


class DuplicateSource(DuplicateEvidence):
    """A second record of a file already in the case was asked for without a source, or with
    the source an existing record of it already gives: a second record is kept only for a
    different source."""
