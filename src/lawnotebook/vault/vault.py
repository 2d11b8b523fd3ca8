"""The vault: a folder with the encrypted database, its key header and a lock file.

::

    <vault>/vault.db        SQLCipher 4 database, opened with the raw 256-bit data key
    <vault>/vault.header    the data key wrapped by passphrase, recovery key and device key
    <vault>/vault.header.pending  only while the data key is being changed (see rotate_data_key)
    <vault>/vault.lock      held (OS lock) by the one process that has the vault open
    <vault>/backups/        encrypted copies of the database taken before schema upgrades
    <vault>/packs/          evidence pack files (and packs-staging/, packs-quarantine/: see
                            vault/evidence/packs.py)

Opening always takes the lock first, so header rewrites and migrations never race.

Changing the data key (``rotate_data_key``) is kill-safe: the new header is written beside the
old one as ``vault.header.pending``, the database is re-encrypted in one SQLCipher transaction
(``PRAGMA rekey``), then the pending header is renamed over the old. At every instant the key in
``vault.header`` or the one in ``vault.header.pending`` opens the database: opening tries the
main header first and, only if its key does not open the database, the pending one (then
finishes the rename). If the main header's key opens it, the change never happened and the
pending header is removed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from lawnotebook.crypto.keywrap import (
    KEY_SIZE,
    SALT_SIZE,
    Argon2Params,
    KeyUnwrapFailed,
    calibrate_argon2,
    derive_passphrase_key,
    unwrap_key,
    wrap_key,
)
from lawnotebook.crypto.recovery import RecoveryKey
from lawnotebook.vault.atomic_file import fsync_dir, remove_stale_temp_files
from lawnotebook.vault.backup.generation import RollbackNotice, check_on_open, note_close
from lawnotebook.vault.database import Connection, open_database, rekey_database
from lawnotebook.vault.errors import (
    DatabaseNotOurs,
    HeaderCorrupt,
    HeaderMissing,
    NotRemembered,
    VaultError,
    VaultExists,
    VaultNotFound,
    WrongPassphrase,
    WrongRecoveryKey,
)
from lawnotebook.vault.evidence import PackSweep, sweep_orphans
from lawnotebook.vault.evidence.purge import purge_unnamed
from lawnotebook.vault.header import (
    PENDING_HEADER_NAME,
    Slot,
    VaultHeader,
    read_header,
    slot_aad,
)
from lawnotebook.vault.keychain import DeviceKeyStore
from lawnotebook.vault.lock import VaultLock
from lawnotebook.vault.paths import HEADER_NAME, VaultPaths
from lawnotebook.vault.recovery_slot import record_if_absent, record_recovery_slot
from lawnotebook.vault.schema import migrate, remove_backups, schema_version

# A key that does not fit (the slot's secret, or the slot's key for the database).
_DOES_NOT_FIT = (WrongPassphrase, WrongRecoveryKey, NotRemembered, DatabaseNotOurs)

ROTATION_STEPS = ("device-dropped", "pending-written", "rekeyed", "swapped", "backups-removed")


def _rotation_step(step: str) -> None:
    """Called after each step of a data-key change; tests replace it to crash there."""


def _seal(header_id: str, kind: str, wrapping_key: bytes, data_key: bytes, **kdf) -> Slot:
    draft = Slot(kind, b"", b"", **kdf)
    nonce, wrapped = wrap_key(wrapping_key, data_key, slot_aad(header_id, kind, draft.kdf_json()))
    return Slot(kind, nonce, wrapped, **kdf)


def _open_slot(header: VaultHeader, kind: str, wrapping_key: bytes) -> bytes:
    slot = header.slots[kind]
    aad = slot_aad(header.vault_id, kind, slot.kdf_json())
    return unwrap_key(wrapping_key, slot.nonce, slot.wrapped, aad)


def _unlock_database(
    paths: VaultPaths, unlock: Callable[[VaultHeader], bytes]
) -> tuple[VaultHeader, bytes, Connection, bool]:
    """The header whose key opens the database, that key, the connection, and whether an
    interrupted key change was finished here (see the module docstring)."""
    pending = paths.root / PENDING_HEADER_NAME
    header = read_header(paths.header)
    try:
        data_key = unlock(header)
        conn = open_database(paths.db, data_key)
    except _DOES_NOT_FIT as main_failure:
        if not pending.is_file():
            raise
        try:
            new_header = read_header(pending)
        except HeaderCorrupt:
            raise main_failure from None
        if new_header.vault_id != header.vault_id:
            raise main_failure from None
        try:
            data_key = unlock(new_header)
            conn = open_database(paths.db, data_key)
        except _DOES_NOT_FIT as pending_failure:
            # The main key opened its slot but not the database: the database is under the
            # pending key, so its slot's refusal is the one to report.
            if isinstance(main_failure, DatabaseNotOurs):
                raise pending_failure from None
            raise main_failure from None
        try:
            os.replace(pending, paths.header)  # the change had reached the database: finish it
            fsync_dir(paths.root)
        except BaseException:
            conn.close()
            raise
        return new_header, data_key, conn, True
    if pending.is_file():  # the change never reached the database: the old key stands
        try:
            pending.unlink()
            fsync_dir(paths.root)
        except BaseException:
            conn.close()
            raise
    return header, data_key, conn, False


def passphrase_slot(vault_id: str, passphrase: str, params: Argon2Params, data_key: bytes) -> Slot:
    """A passphrase slot with a fresh salt."""
    params = params.with_new_salt()
    return _seal(
        vault_id, "passphrase", derive_passphrase_key(passphrase, params), data_key, argon2=params
    )


class Vault:
    """An open, unlocked vault. Close it (or use ``with``) to release the lock and the key."""

    def __init__(
        self,
        paths: VaultPaths,
        header: VaultHeader,
        data_key: bytes,
        lock: VaultLock,
        conn: Connection,
    ) -> None:
        self.paths = paths
        self.header = header
        self._data_key = bytearray(data_key)
        self._lock = lock
        self.connection = conn
        # What the open's pack sweep did; the front ends tell the lawyer about quarantined packs.
        self.pack_sweep = PackSweep()
        # True when this open finished a key change a crash had interrupted: the new recovery
        # key may never have been shown, so the caller should suggest changing the key again.
        self.finished_interrupted_key_change = False
        # Set when this database is older than one this device or a backup drive has seen
        # (vault/backup/generation.py): the front ends say so plainly.
        self.rollback: RollbackNotice | None = None

    # -- creating and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        root: Path,
        passphrase: str,
        *,
        kdf: Argon2Params | None = None,
        keystore: DeviceKeyStore | None = None,
        remember: bool = False,
    ) -> tuple[Vault, RecoveryKey]:
        """Make a new vault at ``root`` (absent or an empty folder).

        The vault is built in a sibling temp folder and renamed into place, so a crash during
        creation leaves no half-made vault. Returns the open vault and its recovery key, which
        the caller must show the user once.
        """
        root = Path(root)
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise VaultExists(f"{root} already exists and is not empty")
        root.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        params = kdf or calibrate_argon2()
        data_key = os.urandom(KEY_SIZE)
        vault_id = uuid.uuid4().hex
        recovery = RecoveryKey.generate()
        recovery_salt = os.urandom(SALT_SIZE)
        header = VaultHeader(vault_id)
        header = header.with_slot(passphrase_slot(vault_id, passphrase, params, data_key))
        header = header.with_slot(
            _seal(
                vault_id,
                "recovery",
                recovery.wrapping_key(recovery_salt),
                data_key,
                salt=recovery_salt,
            )
        )
        staging = root.parent / f".{root.name}.creating-{vault_id[:8]}"
        staging.mkdir(mode=0o700)
        try:
            paths = VaultPaths(staging)
            conn = open_database(paths.db, data_key, create=True)
            try:
                migrate(conn, paths.db, paths.backups)
                conn.execute("INSERT INTO vault_meta VALUES ('vault_id', ?)", (vault_id,))
                record_recovery_slot(conn, header)
            finally:
                conn.close()
            header.write(paths.header)
            if root.exists():
                root.rmdir()
            os.rename(staging, root)
            fsync_dir(root.parent)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        vault = cls._open(VaultPaths(root), lambda h: data_key)
        if remember and keystore is not None:
            try:
                vault.remember_on_device(keystore)
            except BaseException:
                vault.close()
                raise
        return vault, recovery

    @classmethod
    def _open(cls, paths: VaultPaths, unlock: Callable[[VaultHeader], bytes]) -> Vault:
        if not paths.root.is_dir() or not paths.exists():
            raise VaultNotFound(f"there is no vault at {paths.root}")
        lock = VaultLock(paths.lock).acquire()
        try:
            remove_stale_temp_files(paths.root, HEADER_NAME)
            if not paths.header.is_file():
                raise HeaderMissing(f"the key header {HEADER_NAME} is missing")
            header, data_key, conn, finished = _unlock_database(paths, unlock)
            try:
                migrate(conn, paths.db, paths.backups)
                if finished:  # a key change a crash interrupted: its new recovery slot
                    record_recovery_slot(conn, header)
                record_if_absent(conn, header)  # vaults made before the recovery slot's digest
                purge_unnamed(paths.root, conn)  # files of evidence deleted before a crash
                # Staged packs of a killed intake go; unnamed committed ones go to quarantine.
                sweep = sweep_orphans(paths.root, conn)
                # An older database than one this device or a backup has seen is noticed here.
                rollback = check_on_open(conn, header.vault_id)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            lock.release()
            raise
        vault = cls(paths, header, data_key, lock, conn)
        vault.pack_sweep = sweep
        vault.rollback = rollback
        vault.finished_interrupted_key_change = finished
        return vault

    @classmethod
    def open_with_passphrase(
        cls, root: Path, passphrase: str, *, on_derive: Callable[[], None] | None = None
    ) -> Vault:
        """Unlock with the passphrase; raises :class:`WrongPassphrase` if it does not fit.

        ``on_derive`` is called just before the (deliberately slow) key derivation starts, once
        the header has been read and its costs found within bounds: a place to say so.
        """

        def unlock(header: VaultHeader) -> bytes:
            params = header.slots["passphrase"].argon2
            assert params is not None
            if on_derive is not None:
                on_derive()
            try:
                return _open_slot(header, "passphrase", derive_passphrase_key(passphrase, params))
            except KeyUnwrapFailed as exc:
                raise WrongPassphrase("that passphrase does not unlock this vault") from exc

        return cls._open(VaultPaths(Path(root)), unlock)

    @classmethod
    def open_with_recovery_key(cls, root: Path, recovery: RecoveryKey) -> Vault:
        """Unlock with the recovery key; raises :class:`WrongRecoveryKey` if it does not fit."""

        def unlock(header: VaultHeader) -> bytes:
            salt = header.slots["recovery"].salt
            assert salt is not None
            try:
                return _open_slot(header, "recovery", recovery.wrapping_key(salt))
            except KeyUnwrapFailed as exc:
                raise WrongRecoveryKey("that recovery key belongs to another vault") from exc

        return cls._open(VaultPaths(Path(root)), unlock)

    @classmethod
    def open_with_device(cls, root: Path, keystore: DeviceKeyStore) -> Vault:
        """Unlock with the key remembered on this device; raises :class:`NotRemembered`."""

        def unlock(header: VaultHeader) -> bytes:
            device_key = keystore.get(header.vault_id) if "device" in header.slots else None
            if device_key is None:
                raise NotRemembered("this vault is not remembered on this device")
            try:
                return _open_slot(header, "device", device_key)
            except KeyUnwrapFailed as exc:
                raise NotRemembered("the key remembered on this device no longer fits") from exc

        return cls._open(VaultPaths(Path(root)), unlock)

    # -- changing the ways in -------------------------------------------------------------

    def _data_key_bytes(self) -> bytes:
        return bytes(self._data_key)

    def _rewrite_header(self, header: VaultHeader) -> None:
        """Replace the header file; a new recovery slot's digest is recorded in the database."""
        header.write(self.paths.header)
        if header.slots.get("recovery") != self.header.slots.get("recovery"):
            record_recovery_slot(self.connection, header)
        self.header = header

    def change_passphrase(self, new_passphrase: str, *, kdf: Argon2Params | None = None) -> None:
        """Rewrap the data key under a new passphrase; the database is not touched."""
        params = kdf or self.header.slots["passphrase"].argon2
        assert params is not None
        slot = passphrase_slot(self.header.vault_id, new_passphrase, params, self._data_key_bytes())
        self._rewrite_header(self.header.with_slot(slot))

    def rotate_data_key(
        self,
        passphrase: str,
        *,
        new_passphrase: str | None = None,
        keystore: DeviceKeyStore | None = None,
        kdf: Argon2Params | None = None,
    ) -> RecoveryKey:
        """Re-encrypt the database under a new random data key; returns the new recovery key,
        which the caller must show the user once (the old one stops working).

        ``passphrase`` must be the current one (checked first: :class:`WrongPassphrase`); the
        new key is wrapped under ``new_passphrase`` (default: the same passphrase). The device
        slot and its keychain entry are dropped, and the pre-upgrade copies in ``backups/``
        (encrypted under the old key) are deleted. Evidence packs keep their own keys (held in
        the database, now under the new key); their files are not rewritten.

        No other connection to the database may be open (the caller closes background work
        first). All-or-nothing and kill-safe: see the module docstring. If re-encrypting fails
        the vault is closed; the next open finds whichever key the database is under.
        """
        current = self.header.slots["passphrase"].argon2
        assert current is not None
        try:
            checked = _open_slot(
                self.header, "passphrase", derive_passphrase_key(passphrase, current)
            )
        except KeyUnwrapFailed as exc:
            raise WrongPassphrase("that passphrase does not unlock this vault") from exc
        if checked != self._data_key_bytes():
            raise WrongPassphrase("that passphrase does not unlock this vault")
        vault_id = self.header.vault_id
        new_key = os.urandom(KEY_SIZE)
        recovery = RecoveryKey.generate()
        recovery_salt = os.urandom(SALT_SIZE)
        wrap_under = passphrase if new_passphrase is None else new_passphrase
        new_header = VaultHeader(vault_id).with_slot(
            passphrase_slot(vault_id, wrap_under, kdf or current, new_key)
        )
        new_header = new_header.with_slot(
            _seal(
                vault_id,
                "recovery",
                recovery.wrapping_key(recovery_salt),
                new_key,
                salt=recovery_salt,
            )
        )
        if "device" in self.header.slots:  # it wraps the old key: useless after, so drop it now
            self._rewrite_header(self.header.without_slot("device"))
        if keystore is not None:
            keystore.delete(vault_id)
        _rotation_step("device-dropped")
        pending = self.paths.root / PENDING_HEADER_NAME
        new_header.write(pending)
        _rotation_step("pending-written")
        try:
            # One SQLCipher transaction re-encrypts every page, free pages included; its
            # rollback journal keeps the old pages under the old key until it commits.
            rekey_database(self.connection, new_key)
            self.connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            self.close()
            raise
        _rotation_step("rekeyed")
        record_recovery_slot(self.connection, new_header)  # under the new key, before the swap
        os.replace(pending, self.paths.header)
        fsync_dir(self.paths.root)
        self.header = new_header
        self._data_key[:] = new_key
        _rotation_step("swapped")
        remove_backups(self.paths.backups)
        _rotation_step("backups-removed")
        return recovery

    def remember_on_device(self, keystore: DeviceKeyStore) -> None:
        """Keep a device key in the OS keychain so this device unlocks without the passphrase."""
        device_key = os.urandom(KEY_SIZE)
        slot = _seal(self.header.vault_id, "device", device_key, self._data_key_bytes())
        keystore.put(self.header.vault_id, device_key)
        self._rewrite_header(self.header.with_slot(slot))

    def forget_on_device(self, keystore: DeviceKeyStore) -> None:
        """Drop the device slot and the keychain entry; the passphrase is needed again."""
        if "device" in self.header.slots:
            self._rewrite_header(self.header.without_slot("device"))
        keystore.delete(self.header.vault_id)

    # -- state ----------------------------------------------------------------------------

    @property
    def vault_id(self) -> str:
        return self.header.vault_id

    @property
    def schema_version(self) -> int:
        return schema_version(self.connection)

    @property
    def is_open(self) -> bool:
        return self._lock.held

    def open_connection(self) -> Connection:
        """Another connection to this open vault's database, for a background thread (the
        main connection belongs to the thread that opened the vault). The key stays inside
        the vault object; the caller closes the connection before the vault is closed."""
        if not self.is_open:
            raise VaultError("the vault is closed")
        return open_database(self.paths.db, self._data_key_bytes())

    def close(self) -> None:
        """Close the database, wipe our copy of the key (best effort) and release the lock."""
        if not self._lock.held:
            return
        note_close(self.connection, self.vault_id)  # the position reached, mirrored on the device
        with contextlib.suppress(Exception):  # files of deleted evidence: Undo ends here
            purge_unnamed(self.paths.root, self.connection)
        with contextlib.suppress(Exception):
            self.connection.close()
        for i in range(len(self._data_key)):
            self._data_key[i] = 0
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def forget_device_without_unlock(root: Path, keystore: DeviceKeyStore) -> bool:
    """Drop the device slot and keychain entry without the passphrase (the "lock" command).

    Returns whether anything was remembered. Takes the vault's lock, so it refuses while the
    vault is open elsewhere.
    """
    paths = VaultPaths(Path(root))
    if not paths.root.is_dir() or not paths.exists():
        raise VaultNotFound(f"there is no vault at {paths.root}")
    with VaultLock(paths.lock):
        if not paths.header.is_file():
            raise HeaderMissing(f"the key header {HEADER_NAME} is missing")
        header = read_header(paths.header)
        had_slot = "device" in header.slots
        if had_slot:
            header.without_slot("device").write(paths.header)
        had_key = keystore.get(header.vault_id) is not None
        keystore.delete(header.vault_id)
    return had_slot or had_key


def read_vault_header(root: Path) -> VaultHeader:
    """The header of the vault at ``root`` without unlocking (for status displays)."""
    paths = VaultPaths(Path(root))
    if not paths.root.is_dir() or not paths.exists():
        raise VaultNotFound(f"there is no vault at {paths.root}")
    if not paths.header.is_file():
        raise HeaderMissing(f"the key header {HEADER_NAME} is missing")
    return read_header(paths.header)
