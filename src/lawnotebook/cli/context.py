"""What every command gets: the vault location, how to unlock it, and how to print."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lawnotebook.cli.composition import HEADLESS
from lawnotebook.cli.secrets_input import current_passphrase
from lawnotebook.services.vault_access import (
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

    def open_vault(self) -> Vault:
        """Unlock with the device key if remembered (and no passphrase was given), else ask."""
        self.require_vault()
        if self.passphrase_file is None:
            vault = try_device_unlock(self.vault_dir, self.keystore)
            if vault is not None:
                return vault
        return Vault.open_with_passphrase(self.vault_dir, current_passphrase(self.passphrase_file))

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
