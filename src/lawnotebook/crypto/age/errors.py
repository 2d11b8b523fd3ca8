"""Typed failures of the age layer, one class per outcome a caller must tell apart.

The classes mirror the outcomes of the age conformance suite (C2SP CCTV): a header that does
not parse, no identity that matches, a header MAC that does not verify, a payload that fails
authentication, and ASCII armor that is not strictly canonical. Callers (and tests) tell them
apart by class, never by message text.
"""

from lawnotebook.core.errors import LawnotebookError


class AgeError(LawnotebookError):
    """Base class for every failure to read or write an age file."""


class HeaderError(AgeError):
    """The header is malformed, too large, or a stanza addressed to us is invalid."""


class WorkFactorTooHigh(HeaderError):
    """An scrypt stanza asks for more work than this reader allows (a denial-of-service guard)."""


class NoIdentityMatch(AgeError):
    """The header parsed, but none of the given identities could unwrap the file key."""


class WrongPassphrase(NoIdentityMatch):
    """The file is passphrase-encrypted and the passphrase did not unwrap the file key."""


class HeaderMacError(AgeError):
    """The file key was found, but the header MAC does not verify: the header was altered."""


class PayloadError(AgeError):
    """The encrypted payload is truncated, altered, or has trailing data.

    Plaintext released before this error is always an authenticated prefix of the file.
    """


class ArmorError(AgeError):
    """The ASCII armor (PEM "AGE ENCRYPTED FILE") is not strictly canonical."""


class KeyFormatError(AgeError):
    """A recipient or identity string is not a valid encoding of that kind of key."""
