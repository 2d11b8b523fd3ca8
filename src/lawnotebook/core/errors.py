"""The root of every error Lawnotebook raises on purpose.

Each failure a caller must tell apart has its own class (in the layer that detects it), all
deriving from :class:`LawnotebookError`. Messages are plain English for logs and the CLI; the GUI
maps classes, never message text, to translated sentences.
"""


class LawnotebookError(Exception):
    """Base class for every expected, user-actionable failure."""


class InvalidInput(LawnotebookError, ValueError):
    """A value the user typed cannot be used (an empty title, a malformed date, ...)."""
