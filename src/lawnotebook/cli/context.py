"""What every command gets: the vault location, how to unlock it, and how to print."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lawnotebook.cli.composition import HEADLESS
from lawnotebook.cli.secrets_input import current_passphrase
from lawnotebook.services.vault_access import (
    QUARANTINE_DIR,
    DeviceKeyStore,
    Vault,
    read_vault_header,
    try_device_unlock,
)

if TYPE_CHECKING:
    from lawnotebook.services.reports import Report


@dataclass
class CliContext:
    vault_dir: Path
    passphrase_file: str | None
    as_json: bool
    keystore: DeviceKeyStore
    out: TextIO = field(default_factory=lambda: sys.stdout)
    # Qt typesets report PDFs: app.py passes the window's typesetter (see cli/composition.py).
    render_report_pdf: Callable[[Report], bytes] = field(
        default_factory=lambda: HEADLESS.render_report_pdf
    )
    # ... and its translations give the reports' words in a language ("zh_CN").
    report_words: Callable[[str], Mapping[str, str]] = field(
        default_factory=lambda: HEADLESS.report_words
    )

    def open_vault(self) -> Vault:
        """Unlock with the device key if remembered (and no passphrase was given), else ask."""
        self.require_vault()
        vault = None
        if self.passphrase_file is None:
            vault = try_device_unlock(self.vault_dir, self.keystore)
        if vault is None:
            passphrase = current_passphrase(self.passphrase_file)
            vault = Vault.open_with_passphrase(self.vault_dir, passphrase, on_derive=self.deriving)
        return self.opened(vault)

    def opened(self, vault: Vault) -> Vault:
        """Tell the lawyer (on stderr, also with ``--json``) what the open did: packs moved to
        or from quarantine, and a key change a crash had interrupted now completed."""
        sweep = vault.pack_sweep
        if sweep.quarantined:
            sys.stderr.write(
                f"Warning: {sweep.quarantined} evidence pack file(s) that this vault's database "
                f"does not name were moved to {vault.paths.root / QUARANTINE_DIR}. Nothing was "
                "deleted and they stay encrypted. This happens when an older copy of vault.db "
                "was put back (a restore, a sync tool) or when adding evidence was cut off at "
                "its very end. If you have a newer copy of vault.db, put it back and open the "
                "vault again: the files return by themselves.\n"
            )
        if sweep.restored:
            sys.stderr.write(
                f"{sweep.restored} evidence pack file(s) held in quarantine belong to this "
                "database and were moved back into place.\n"
            )
        if vault.rollback is not None:
            notice = vault.rollback
            where = "this computer" if notice.source == "device" else "a backup drive"
            sys.stderr.write(
                f"Warning: this vault is OLDER than one {where} has seen. Its folder may have "
                "been replaced by an older copy, a backup restored, or vault.db put back by a "
                "sync tool. Work done after that copy is not in it. If you have a newer copy "
                "(another drive, 'lawnotebook backup drill'), compare before going on. "
                "'lawnotebook verify' keeps reporting this.\n"
            )
        if vault.finished_interrupted_key_change:
            sys.stderr.write(
                "Note: an interrupted change of the vault's key has now been completed. Its new "
                "recovery key may never have been shown: run 'lawnotebook passwd --rotate-key' "
                "to get one you have written down.\n"
            )
        return vault

    def deriving(self) -> None:
        """Said on stderr while the passphrase is stretched (on purpose: about a second)."""
        sys.stderr.write("Deriving the key from the passphrase...\n")
        sys.stderr.flush()

    def require_vault(self) -> None:
        """Fail with the vault's own problem (missing, damaged) before asking for any secret."""
        read_vault_header(self.vault_dir)

    def emit(self, data: object, text: str) -> None:
        """Print ``data`` as JSON with ``--json``, else the human ``text``."""
        if self.as_json:
            json.dump(data, self.out, ensure_ascii=False, indent=2, sort_keys=True)
            self.out.write("\n")
        else:
            self.out.write(text.rstrip("\n") + "\n")

    def say(self, text: str) -> None:
        """A human message (suppressed in JSON mode, where only data is printed)."""
        if not self.as_json:
            self.out.write(text.rstrip("\n") + "\n")
