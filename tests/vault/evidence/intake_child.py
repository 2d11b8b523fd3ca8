"""Child process for the crash tests: opens the vault, adds one file, may be killed anywhere.

    python intake_child.py VAULT SOURCE MODE

MODE is ``timer`` (the parent kills us), ``commit`` (we kill ourselves inside the registering
transaction) or ``chunk:N`` (we kill ourselves after reading chunk N). Not a test module.
"""

import os
import signal
import sys
import time

from lawnotebook.vault.evidence import EvidenceStore, sweep_orphans
from lawnotebook.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"


def main() -> None:
    root, source, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    vault = Vault.open_with_passphrase(root, PASSPHRASE)
    sweep_orphans(vault.paths.root, vault.connection)
    store = EvidenceStore(vault.paths.root, vault.connection, chunks_per_pack=2)
    chunks = 0

    def progress(done: int, total: int | None) -> None:
        nonlocal chunks
        chunks += 1
        if mode == f"chunk:{chunks}":
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.002)  # stretch the intake so timed kills land in every phase

    def on_commit(conn, info) -> None:  # type: ignore[no-untyped-def]
        conn.execute("INSERT INTO custody (sha256) VALUES (?)", (info.sha256,))
        if mode == "commit":
            os.kill(os.getpid(), signal.SIGKILL)

    print("start", flush=True)
    store.put(source, progress=progress, on_commit=on_commit)
    print("done", flush=True)
    vault.close()


if __name__ == "__main__":
    main()
