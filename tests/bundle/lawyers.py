"""Test helper: lawyers with their own vaults, who know each other and exchange bundles."""

from __future__ import annotations

from pathlib import Path

from lawnotebook.services.bundle_open import OpenedBundle, open_bundle
from lawnotebook.services.bundle_seal import SealResult, seal_case
from lawnotebook.services.case_file import CaseFile
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE


class Lawyer:
    """One lawyer: a vault in its own folder, kept open."""

    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.root = root / name
        self.vault, _ = Vault.create(self.root, PASSPHRASE, kdf=FAST_KDF)
        self.colleagues = Colleagues(self.vault)
        self.colleagues.rename(name)
        self.files = CaseFile(self.vault)
        self.outbox = root / f"{name}-outbox"
        self.outbox.mkdir()
        self._count = 0

    def knows(self, *others: Lawyer, verified: bool = True) -> None:
        for other in others:
            self.colleagues.add(other.colleagues.me().card_text, verified=verified)

    def contact(self, other: Lawyer):  # type: ignore[no-untyped-def]
        return self.colleagues.find(other.colleagues.me().fingerprint)

    def seal(
        self,
        case_id: str,
        *to: Lawyer,
        passphrase: str | None = None,
        since_last: bool = False,
        **kw,
    ) -> tuple[Path, SealResult]:  # type: ignore[no-untyped-def]
        self._count += 1
        out = self.outbox / f"bundle-{self._count}.lnb"
        result = seal_case(
            self.files,
            case_id,
            out,
            to=[self.contact(o) for o in to],
            passphrase=passphrase,
            since_last=since_last,
            passphrase_work_factor=10,
            **kw,
        )
        return out, result

    def open(self, path: Path, **kw) -> OpenedBundle:  # type: ignore[no-untyped-def]
        return open_bundle(self.files, path, **kw)

    def close(self) -> None:
        self.vault.close()
