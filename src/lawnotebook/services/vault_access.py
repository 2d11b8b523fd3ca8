"""Use cases around the vault itself: where it lives, creating, unlocking, status."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from lawnotebook.crypto.keywrap import MIN_MEMORY_KIB, SALT_SIZE, Argon2Params, calibrate_argon2
from lawnotebook.crypto.recovery import RecoveryKey
from lawnotebook.vault.errors import NotRemembered
from lawnotebook.vault.evidence.packs import QUARANTINE_DIR, PackSweep
from lawnotebook.vault.keychain import DeviceKeyStore, MemoryKeyStore, NoKeyStore
from lawnotebook.vault.vault import Vault, forget_device_without_unlock, read_vault_header

# Re-exported for the window and the command line, which see services and core only: the open
# vault, the device-key stores that app.py (or a test) hands them, the Argon2id parameters and
# their limits, the recovery key, and what the open did with unnamed packs (``Vault.pack_sweep``).
__all__ = [
    "MIN_MEMORY_KIB",
    "QUARANTINE_DIR",
    "SALT_SIZE",
    "Argon2Params",
    "DeviceKeyStore",
    "MemoryKeyStore",
    "NoKeyStore",
    "PackSweep",
    "RecoveryKey",
    "Vault",
    "VaultStatus",
    "calibrate_argon2",
    "forget_device_without_unlock",
    "read_vault_header",
    "rotate_data_key",
    "try_device_unlock",
    "vault_status",
]


def try_device_unlock(root: Path, keystore: DeviceKeyStore) -> Vault | None:
    """Open with the key remembered on this device, or ``None`` if there is none that fits."""
    if not keystore.available():
        return None
    try:
        return Vault.open_with_device(root, keystore)
    except NotRemembered:
        return None


# What changing the data key protects and what it does not, in the words the CLI prints (the
# window has its own translated copy in gui/settings/rotate_key_dialog.py; docs/threat-model.md).
ROTATION_EXPLAINED = (
    "Changing the vault's key re-encrypts the whole database (notes, records, search index, "
    "the keys of the evidence files) under a new random key, and makes a new recovery key. "
    "Afterwards an old copy of vault.header, the old passphrase and the old recovery key no "
    "longer open today's vault, and this device no longer remembers it. It does not re-encrypt "
    "the evidence files themselves: each has its own key, kept inside the database, so someone "
    "who already holds an old copy of vault.db together with its old key can still read the "
    "evidence files that existed then. Copies made outside Lawnotebook (backups, sync folders) "
    "stay under the old key, and the disk may keep old blocks."
)


def rotate_data_key(
    root: Path,
    passphrase: str,
    *,
    new_passphrase: str | None = None,
    keystore: DeviceKeyStore | None = None,
    kdf: Argon2Params | None = None,
) -> tuple[Vault, RecoveryKey]:
    """Open the vault with ``passphrase``, give it a new data key and recovery key (see
    ``Vault.rotate_data_key``), and return it open with the recovery key to show once. The
    caller has closed every other connection (the window locks first)."""
    vault = Vault.open_with_passphrase(Path(root), passphrase)
    try:
        recovery = vault.rotate_data_key(
            passphrase, new_passphrase=new_passphrase, keystore=keystore, kdf=kdf
        )
    except BaseException:
        vault.close()
        raise
    return vault, recovery


@dataclass(frozen=True)
class VaultStatus:
    """What ``status`` shows: nothing about cases, only the vault's own settings."""

    vault: str
    vault_id: str
    schema_version: int
    kdf: dict[str, int]
    remembered_on_device: bool
    keychain: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def vault_status(vault: Vault, keystore: DeviceKeyStore) -> VaultStatus:
    """Describe an open vault."""
    params = vault.header.slots["passphrase"].argon2
    assert params is not None
    remembered = "device" in vault.header.slots and keystore.get(vault.vault_id) is not None
    return VaultStatus(
        vault=str(vault.paths.root),
        vault_id=vault.vault_id,
        schema_version=vault.schema_version,
        kdf={
            "argon2id_memory_kib": params.memory_kib,
            "argon2id_iterations": params.iterations,
            "argon2id_lanes": params.lanes,
        },
        remembered_on_device=remembered,
        keychain=keystore.unavailable_reason() or "available",
    )
