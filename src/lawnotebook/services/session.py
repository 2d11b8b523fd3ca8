"""A desk session: the vault a window has open, with its case file, from unlock to lock.

The desktop window creates, unlocks and recovers vaults only through these functions, and runs
them off its GUI thread (the passphrase KDF takes most of a second on purpose).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.crypto.recovery import RecoveryKey
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.owner import OwnerProfile, checked_profile, set_owner_profile
from lawnotebook.services.vault_access import try_device_unlock
from lawnotebook.vault.keychain import DeviceKeyStore
from lawnotebook.vault.vault import Vault, VaultPaths


@dataclass
class Session:
    """An unlocked vault and its case file. ``close()`` locks it (idempotent)."""

    vault: Vault
    case_file: CaseFile

    @classmethod
    def around(cls, vault: Vault) -> Session:
        try:
            return cls(vault, CaseFile(vault))
        except BaseException:
            vault.close()
            raise

    @property
    def is_open(self) -> bool:
        return self.vault.is_open

    @property
    def vault_id(self) -> str:
        return self.vault.vault_id

    def is_remembered(self) -> bool:
        """Whether this vault has a "remember on this device" slot."""
        return "device" in self.vault.header.slots

    def remember_on_device(self, keystore: DeviceKeyStore) -> None:
        self.vault.remember_on_device(keystore)

    def forget_on_device(self, keystore: DeviceKeyStore) -> None:
        self.vault.forget_on_device(keystore)

    def close(self) -> None:
        """Close the database and wipe our copy of the key; the vault is locked again."""
        self.vault.close()


def vault_exists(root: Path) -> bool:
    """Whether there is (something of) a vault at ``root``: unlock rather than create."""
    return VaultPaths(Path(root)).exists()


def create_vault(
    root: Path,
    passphrase: str,
    *,
    kdf: Argon2Params | None = None,
    keystore: DeviceKeyStore | None = None,
    remember: bool = False,
    owner: OwnerProfile | None = None,
) -> tuple[Session, str]:
    """Make a vault and open it; returns the session and the recovery key's written form,
    which the caller must show the user exactly once. ``kdf=None`` calibrates Argon2id.
    ``owner`` names the owner on the new key card, with the firm and licence number (checked
    before anything is made: a bad name is an ``InvalidInput`` and no vault)."""
    profile = checked_profile(owner.name, owner.firm, owner.licence) if owner else None
    vault, recovery = Vault.create(
        Path(root), passphrase, kdf=kdf, keystore=keystore, remember=remember
    )
    if profile is not None:
        try:
            set_owner_profile(
                vault.connection, name=profile.name, firm=profile.firm, licence=profile.licence
            )
        except BaseException:
            vault.close()
            raise
    return Session.around(vault), recovery.formatted()


def unlock_with_passphrase(root: Path, passphrase: str) -> Session:
    """Open with the passphrase (raises ``WrongPassphrase``, ``VaultAlreadyOpen``, ...)."""
    return Session.around(Vault.open_with_passphrase(Path(root), passphrase))


def unlock_with_recovery_key(root: Path, recovery_text: str, new_passphrase: str) -> Session:
    """Open with the recovery key as typed and set a new passphrase at once.

    Raises ``RecoveryKeyMalformed`` for a typo, ``WrongRecoveryKey`` for another vault's key.
    The recovery key stays valid.
    """
    key = RecoveryKey.parse(recovery_text)
    vault = Vault.open_with_recovery_key(Path(root), key)
    try:
        vault.change_passphrase(new_passphrase)
    except BaseException:
        vault.close()
        raise
    return Session.around(vault)


def unlock_on_device(root: Path, keystore: DeviceKeyStore) -> Session | None:
    """Open with the key remembered on this device, or ``None`` if none fits."""
    vault = try_device_unlock(Path(root), keystore)
    return None if vault is None else Session.around(vault)
