"""'Remember on this device': on with a working keychain, unavailable (never a crash) without."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from lawnotebook.vault.errors import DeviceKeyUnavailable, NotRemembered
from lawnotebook.vault.keychain import MemoryKeyStore, NoKeyStore, OsKeyring
from lawnotebook.vault.vault import Vault, forget_device_without_unlock
from support import FAST_KDF, PASSPHRASE


class DictKeyring(KeyringBackend):
    """An in-memory keyring backend standing in for the OS keychain."""

    priority = 5

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("absent")
        del self.items[(service, username)]


class PlaintextLookalike(KeyringBackend):
    """Pretends to be keyrings.alt's plain-text file backend."""

    priority = 1

    def get_password(self, service, username):
        raise AssertionError("must never be used")

    def set_password(self, service, username, password):
        raise AssertionError("must never be used")

    def delete_password(self, service, username):
        raise AssertionError("must never be used")


PlaintextLookalike.__module__ = "keyrings.alt.file"


@pytest.fixture
def os_keyring_backend():
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_remember_then_unlock_without_passphrase_then_forget(new_vault):
    path, _ = new_vault
    store = MemoryKeyStore()
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        vault.remember_on_device(store)
    with Vault.open_with_device(path, store) as vault:
        assert vault.connection.execute("SELECT count(*) FROM vault_meta").fetchone()[0] >= 1
        vault.forget_on_device(store)
    assert store.keys == {}
    with pytest.raises(NotRemembered):
        Vault.open_with_device(path, store)
    Vault.open_with_passphrase(path, PASSPHRASE).close()


def test_create_with_remember(vault_dir):
    store = MemoryKeyStore()
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=FAST_KDF, keystore=store, remember=True)
    vault.close()
    assert "device" in vault.header.slots
    Vault.open_with_device(vault_dir, store).close()


def test_lock_without_passphrase_forgets_the_device(new_vault):
    path, _ = new_vault
    store = MemoryKeyStore()
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        vault.remember_on_device(store)
    assert forget_device_without_unlock(path, store) is True
    assert b'"device"' not in (path / "vault.header").read_bytes()
    with pytest.raises(NotRemembered):
        Vault.open_with_device(path, store)
    assert forget_device_without_unlock(path, store) is False


def test_a_stale_device_key_is_not_remembered(new_vault):
    path, _ = new_vault
    store = MemoryKeyStore()
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        vault.remember_on_device(store)
    store.keys[next(iter(store.keys))] = b"\x01" * 32
    with pytest.raises(NotRemembered):
        Vault.open_with_device(path, store)


def test_no_keychain_is_a_plain_refusal(new_vault):
    path, _ = new_vault
    store = NoKeyStore("no keychain here")
    assert not store.available()
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        with pytest.raises(DeviceKeyUnavailable, match="no keychain here"):
            vault.remember_on_device(store)
    assert b'"device"' not in (path / "vault.header").read_bytes()


def test_os_keyring_with_a_working_backend(new_vault, os_keyring_backend):
    path, _ = new_vault
    store = OsKeyring()
    assert store.available()
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        vault.remember_on_device(store)
        vault_id = vault.vault_id
    assert ("Lawnotebook", f"vault-{vault_id}") in os_keyring_backend.items
    Vault.open_with_device(path, store).close()
    forget_device_without_unlock(path, store)
    assert os_keyring_backend.items == {}


@pytest.mark.parametrize("backend", [fail.Keyring(), PlaintextLookalike()])
def test_os_keyring_refuses_missing_or_plaintext_backends(backend):
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        store = OsKeyring()
        assert not store.available()
        assert "no system keychain" in store.unavailable_reason()
        assert store.get("0" * 32) is None
        with pytest.raises(DeviceKeyUnavailable):
            store.put("0" * 32, b"k" * 32)
    finally:
        keyring.set_keyring(previous)
