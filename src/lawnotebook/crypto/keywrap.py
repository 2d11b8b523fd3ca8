"""Wrapping the vault's data key: Argon2id from a passphrase, ChaCha20-Poly1305 around the key.

The data key never changes; what a passphrase, a recovery key or a device key unlocks is a small
AEAD box holding it. Changing a passphrase therefore rewrites only that box.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from lawnotebook.core.errors import LawnotebookError

KEY_SIZE = 32
NONCE_SIZE = 12
SALT_SIZE = 16

# Calibration targets from the vault format: ~0.5–1 s, at least 64 MiB, 256 MiB where possible.
CALIBRATION_TARGET_SECONDS = 0.75
PREFERRED_MEMORY_KIB = 256 * 1024
MINIMUM_CALIBRATED_MEMORY_KIB = 64 * 1024

# Bounds accepted when reading parameters from a header: a hostile header must not be able to
# make us allocate gigabytes or spin for minutes before the passphrase is even checked. The
# cost (memory x passes) is capped at 16 passes over 256 MiB: about 2-3 s on a 2-core laptop,
# 4-8 times what calibration picks there, and above what it picks on the fastest machines.
MIN_MEMORY_KIB = 8 * 1024
MAX_MEMORY_KIB = 4 * PREFERRED_MEMORY_KIB
MAX_ITERATIONS = 64
MAX_LANES = 16
MAX_KDF_WORK_KIB = 16 * PREFERRED_MEMORY_KIB  # memory_kib * iterations


class KeyUnwrapFailed(LawnotebookError):
    """The wrapping key is wrong or the wrapped box was altered (the two cannot be told apart)."""


class KdfParametersRejected(LawnotebookError):
    """Argon2id parameters are outside the bounds this version accepts."""


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters plus the per-slot salt."""

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def check_bounds(self) -> None:
        """Refuse parameters a legitimate header never carries."""
        if not (MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB):
            raise KdfParametersRejected(f"Argon2id memory {self.memory_kib} KiB out of bounds")
        if not (1 <= self.iterations <= MAX_ITERATIONS):
            raise KdfParametersRejected(f"Argon2id iterations {self.iterations} out of bounds")
        if self.memory_kib * self.iterations > MAX_KDF_WORK_KIB:
            raise KdfParametersRejected(
                f"Argon2id cost {self.memory_kib} KiB x {self.iterations} passes out of bounds"
            )
        if not (1 <= self.lanes <= MAX_LANES):
            raise KdfParametersRejected(f"Argon2id lanes {self.lanes} out of bounds")
        if len(self.salt) != SALT_SIZE:
            raise KdfParametersRejected("Argon2id salt has the wrong length")

    def with_new_salt(self) -> Argon2Params:
        """Same costs, fresh salt: used whenever a passphrase is (re)set."""
        return Argon2Params(self.memory_kib, self.iterations, self.lanes, os.urandom(SALT_SIZE))


def derive_passphrase_key(passphrase: str, params: Argon2Params) -> bytes:
    """Stretch a passphrase into a 256-bit wrapping key with Argon2id."""
    params.check_bounds()
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_SIZE,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _physical_memory_bytes() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 0


def calibrate_argon2(target_seconds: float = CALIBRATION_TARGET_SECONDS) -> Argon2Params:
    """Pick Argon2id costs that take about ``target_seconds`` on this machine.

    256 MiB of memory where the machine has at least 2 GiB, else 64 MiB; four lanes; then as
    many iterations as fit the target. A machine too slow for one pass at 256 MiB steps down.
    """
    lanes = 4
    memory = PREFERRED_MEMORY_KIB
    if _physical_memory_bytes() < 2 * 1024**3:
        memory = MINIMUM_CALIBRATED_MEMORY_KIB
    while True:
        probe = Argon2Params(memory, 1, lanes, os.urandom(SALT_SIZE))
        started = time.perf_counter()
        derive_passphrase_key("calibration", probe)
        one_pass = time.perf_counter() - started
        if one_pass <= target_seconds or memory <= MINIMUM_CALIBRATED_MEMORY_KIB:
            break
        memory //= 2
    most = min(MAX_ITERATIONS, MAX_KDF_WORK_KIB // memory)  # what every reader accepts
    iterations = max(1, min(most, round(target_seconds / max(one_pass, 1e-6))))
    return Argon2Params(memory, iterations, lanes, os.urandom(SALT_SIZE))


def wrap_key(wrapping_key: bytes, data_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """Seal ``data_key`` under ``wrapping_key``; returns ``(nonce, ciphertext)``.

    A random 96-bit nonce is safe here: each wrapping key seals a handful of boxes at most.
    """
    nonce = os.urandom(NONCE_SIZE)
    return nonce, ChaCha20Poly1305(wrapping_key).encrypt(nonce, data_key, aad)


def unwrap_key(wrapping_key: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes:
    """Open a box made by :func:`wrap_key`, or raise :class:`KeyUnwrapFailed`."""
    try:
        key = ChaCha20Poly1305(wrapping_key).decrypt(nonce, wrapped, aad)
    except InvalidTag as exc:
        raise KeyUnwrapFailed("key box did not open") from exc
    if len(key) != KEY_SIZE:
        raise KeyUnwrapFailed("key box holds a key of the wrong size")
    return key
