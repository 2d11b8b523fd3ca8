"""Composition root: picks the real implementations (OS keychain, vault location) for the app."""

from __future__ import annotations

import os

from lawnotebook.vault.keychain import DeviceKeyStore, NoKeyStore, OsKeyring

KEYCHAIN_ENV = "LAWNOTEBOOK_KEYCHAIN"


def make_keystore() -> DeviceKeyStore:
    """The OS keychain, unless ``LAWNOTEBOOK_KEYCHAIN=off`` turns "remember" off entirely."""
    if os.environ.get(KEYCHAIN_ENV, "").lower() == "off":
        return NoKeyStore(
            "Remembering vaults on this device is turned off (LAWNOTEBOOK_KEYCHAIN=off)."
        )
    return OsKeyring()
