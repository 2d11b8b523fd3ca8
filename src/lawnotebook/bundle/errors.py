"""Why a bundle was refused. One class per failure the GUI and CLI explain differently."""

from lawnotebook.core.errors import LawnotebookError


class BundleError(LawnotebookError):
    """Base class: the bundle was refused and nothing was changed."""


class NotABundle(BundleError):
    """Not a Lawnotebook bundle at all (or not an age file)."""


class NotForThisRecipient(BundleError):
    """None of our keys (or not this passphrase) opens it, or we are not a signed recipient."""


class BundleTampered(BundleError):
    """Altered, truncated or malformed after sealing: a signature, hash or frame is wrong."""


class SenderMismatch(BundleError):
    """The sender's key card does not match the fingerprint it claims, or a contact's keys."""


class UntrustedSender(BundleError):
    """The sender is unknown or unverified and the user has not said yes."""


class BundleReplayed(BundleError):
    """This bundle (or a newer one from the same sender) was already applied."""


class BundleOutOfOrder(BundleError):
    """A delta bundle whose base was never applied here: an earlier bundle is missing."""


class BundleTooLarge(BundleError):
    """A length in the bundle exceeds what this version accepts."""


class WrongCase(BundleError):
    """A record in the bundle belongs to a case other than the one the bundle carries."""


class OuterLayerMismatch(BundleError):
    """The age layer is not the one the sender signed: a passphrase bundle re-wrapped to keys,
    a key bundle re-wrapped under a passphrase, or other recipient stanzas than signed."""
