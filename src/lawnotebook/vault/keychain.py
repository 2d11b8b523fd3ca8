"""Where "remember on this device" keeps its key: the OS keychain, behind a small base class.

The stored secret is a random device key that opens the header's ``device`` slot; alone it
unlocks nothing. Plain-text keyring fallbacks (``keyrings.alt``) are refused: on a machine
without a real keychain the option is simply unavailable.
"""

from __future__ import annotations

import base64
import binascii
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

from lawnotebook.vault.errors import DeviceKeyUnavailable

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "Lawnotebook"


def _account(vault_id: str) -> str:
    return f"vault-{vault_id}"


class DeviceKeyStore(ABC):
    """A place to keep one secret per vault on this device."""

    @abstractmethod
    def unavailable_reason(self) -> str | None:
        """``None`` when usable, else one plain sentence saying why not."""

    @abstractmethod
    def get(self, vault_id: str) -> bytes | None:
        """The device key for ``vault_id``, or ``None`` if none is stored."""

    @abstractmethod
    def put(self, vault_id: str, key: bytes) -> None:
        """Store (or replace) the device key for ``vault_id``."""

    @abstractmethod
    def delete(self, vault_id: str) -> None:
        """Forget the device key for ``vault_id`` (no error if there was none)."""

    def available(self) -> bool:
        return self.unavailable_reason() is None


class MemoryKeyStore(DeviceKeyStore):
    """Keeps keys in this process only: for tests and for "never remember" setups."""

    def __init__(self) -> None:
        self.keys: dict[str, bytes] = {}

    def unavailable_reason(self) -> str | None:
        return None

    def get(self, vault_id: str) -> bytes | None:
        return self.keys.get(vault_id)

    def put(self, vault_id: str, key: bytes) -> None:
        self.keys[vault_id] = bytes(key)

    def delete(self, vault_id: str) -> None:
        self.keys.pop(vault_id, None)


class NoKeyStore(DeviceKeyStore):
    """No keychain at all (e.g. disabled by the user)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def unavailable_reason(self) -> str | None:
        return self.reason

    def get(self, vault_id: str) -> bytes | None:
        return None

    def put(self, vault_id: str, key: bytes) -> None:
        raise DeviceKeyUnavailable(self.reason)

    def delete(self, vault_id: str) -> None:
        return None


_NO_KEYCHAIN = (
    "This computer has no system keychain, so the vault cannot be remembered on this device; "
    "you will be asked for the passphrase each time."
)


def _insecure_or_missing(backend: object) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        return not members or all(_insecure_or_missing(b) for b in members)
    if isinstance(backend, fail.Keyring):
        return True
    module = type(backend).__module__
    return module.startswith(("keyrings.alt", "keyring.backends.null"))


class OsKeyring(DeviceKeyStore):
    """The operating system's keychain via the ``keyring`` package."""

    def __init__(self) -> None:
        self._reason: str | None = None
        self._backend: KeyringBackend | None = None
        try:
            import keyring

            backend = keyring.get_keyring()
        except Exception:  # a broken keyring install must not stop the app
            self._reason = _NO_KEYCHAIN
            return
        if _insecure_or_missing(backend):
            self._reason = _NO_KEYCHAIN
        else:
            self._backend = backend

    def unavailable_reason(self) -> str | None:
        return self._reason

    def _require(self) -> KeyringBackend:
        if self._backend is None:
            raise DeviceKeyUnavailable(self._reason or _NO_KEYCHAIN)
        return self._backend

    def get(self, vault_id: str) -> bytes | None:
        if self._backend is None:
            return None
        try:
            value = self._backend.get_password(SERVICE, _account(vault_id))
        except Exception as exc:
            raise DeviceKeyUnavailable(f"the system keychain could not be read: {exc}") from exc
        if value is None:
            return None
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None

    def put(self, vault_id: str, key: bytes) -> None:
        backend = self._require()
        try:
            backend.set_password(SERVICE, _account(vault_id), base64.b64encode(key).decode())
        except Exception as exc:
            raise DeviceKeyUnavailable(f"the system keychain refused the key: {exc}") from exc

    def delete(self, vault_id: str) -> None:
        if self._backend is None:
            return
        import keyring.errors

        try:
            self._backend.delete_password(SERVICE, _account(vault_id))
        except keyring.errors.PasswordDeleteError:
            return
        except Exception as exc:
            raise DeviceKeyUnavailable(f"the system keychain could not be changed: {exc}") from exc
