"""What extraction produces (pages of text, OCR word boxes), its limits and its failures."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from lawnotebook.core.errors import LawnotebookError
from lawnotebook.vault.ocr.words import WordBox

MIB = 1024 * 1024

__all__ = ["WordBox"]  # re-exported: units carry the OCR word boxes


@dataclass(frozen=True)
class TextUnit:
    """The text of one page (or of a whole page-less file) of one part of an evidence file.

    ``part`` is "" for the file itself and the attachment's name (``"a.eml › scan.pdf"`` when
    nested) for an e-mail attachment; ``page`` is 1-based, or None where the format has no
    pages; ``source`` is "text" (a text layer or text format) or "ocr".
    """

    part: str
    page: int | None
    source: str
    text: str
    boxes: tuple[WordBox, ...] = ()


@dataclass(frozen=True)
class Limits:
    """Per-item bounds, so one hostile or huge file cannot stall or starve the queue.

    A file past ``max_input_bytes``, an image past ``max_pixels`` or a page that takes longer
    than ``page_seconds`` ends in a "could not read" status; pages past ``max_pages`` are left
    unread and the item is marked partial. ``file_seconds`` is each file's time budget (CPU
    time of its worker: time paused or waiting for the machine does not count): once spent, the
    pages and attachments not yet read are left and the item is partial; ``item_seconds`` is
    the hard stop behind it (the worker is killed). ``memory_bytes`` caps each worker process's
    address space where the OS allows (Linux, macOS).
    """

    max_input_bytes: int = 512 * MIB
    max_text_chars: int = 32 * MIB  # per part: a text file or a zip member, decompressed
    max_pages: int = 5000
    max_pixels: int = 200_000_000  # refused past this (decompression bombs)
    ocr_pixels: int = 36_000_000  # larger images are scaled down to this before OCR
    ocr_dpi: int = 300  # PDF pages without a text layer are rendered at this resolution
    page_seconds: float = 180.0
    file_seconds: float = 2 * 3600.0  # ~1,500 scanned pages; blank pages cost nothing
    item_seconds: float = 6 * 3600.0
    memory_bytes: int = 3 * 1024 * MIB
    max_attachments: int = 200
    max_depth: int = 3  # e-mails inside e-mails


# Why an item was read in part (``Outcome.problem``, the queue's ``problem`` column).
PAGE_LIMIT = "page_limit"  # pages past Limits.max_pages
TIME_BUDGET = "time_budget"  # Limits.file_seconds spent
DEPTH_LIMIT = "depth_limit"  # attachments of an e-mail nested past Limits.max_depth
ATTACHMENTS = "attachments"  # attachments damaged, or past Limits.max_attachments


@dataclass
class Outcome:
    """How an item ended: units plus, for a partial read, why it stopped short: ``partial``
    in plain English (every reason, joined by "; "), ``problem`` the code of the first."""

    units: list[TextUnit] = field(default_factory=list)
    partial: str = ""  # e.g. "pages 501–2000 not read: past the limit of 500 pages"
    problem: str = ""
    started: float = field(default_factory=time.process_time)

    def stop_short(self, problem: str, reason: str) -> None:
        """Note one reason the item is read only in part."""
        self.partial = "; ".join(filter(None, [self.partial, reason]))
        self.problem = self.problem or problem

    def over_budget(self, limits: Limits) -> bool:
        """Whether this item has spent its ``limits.file_seconds``."""
        return time.process_time() - self.started >= limits.file_seconds

    def budget_spent(self, limits: Limits, what: str) -> None:
        """Note that ``what`` (e.g. "pages 12–40") is left unread for want of time."""
        self.stop_short(
            TIME_BUDGET,
            f"{what} not read: the file's time budget of {limits.file_seconds:g} s was spent",
        )


class ExtractionError(LawnotebookError):
    """Text could not be taken from an evidence file; ``code`` names the reason for the GUI."""

    code = "unreadable"


class Unreadable(ExtractionError):
    """The file is damaged or not what its type says."""


class PasswordProtected(ExtractionError):
    """The file is encrypted with a password we do not have."""

    code = "password"


class TooLarge(ExtractionError):
    """The file, an image or a decompressed part is past a limit (see :class:`Limits`)."""

    code = "too_large"


class NoTextFormat(ExtractionError):
    """A kind of file that holds no text we read (audio, video, archives)."""

    code = "no_text"


class TimedOut(ExtractionError):
    """A page took longer than ``Limits.page_seconds`` or the item than ``item_seconds``."""

    code = "timeout"


class ReaderCrashed(ExtractionError):
    """The worker process reading the file died (out of memory, or a crash in a parser)."""

    code = "crashed"
