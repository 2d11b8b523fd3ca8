"""A header rewrite killed at any moment, or cut short by a full disk, never loses the vault."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from lawnotebook.vault import atomic_file
from lawnotebook.vault.errors import WrongPassphrase
from lawnotebook.vault.vault import Vault
from support import PASSPHRASE, snapshot

OTHER = "the second passphrase"

# The child flips the passphrase back and forth as fast as it can, printing each completed flip.
CHILD = textwrap.dedent(
    """
    import sys
    from lawnotebook.vault.vault import Vault
    from lawnotebook.vault.errors import WrongPassphrase
    path, a, b = sys.argv[1:4]
    current, nxt = a, b
    try:
        Vault.open_with_passphrase(path, a).close()
    except WrongPassphrase:
        current, nxt = b, a
    print("ready", flush=True)
    while True:
        with Vault.open_with_passphrase(path, current) as vault:
            vault.change_passphrase(nxt)
        current, nxt = nxt, current
        print("flip", flush=True)
    """
)


def _opens_with_one_of_the_two(path) -> str:
    for passphrase in (PASSPHRASE, OTHER):
        try:
            Vault.open_with_passphrase(path, passphrase).close()
            return passphrase
        except WrongPassphrase:
            continue
    raise AssertionError("the vault opens with neither passphrase")


def test_sigkill_during_passphrase_changes(new_vault):
    path, _ = new_vault
    rng = random.Random(20261127)
    flips_seen = 0
    for _ in range(24):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), PASSPHRASE, OTHER],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        flips_seen += out.count("flip")
        _opens_with_one_of_the_two(path)
        # A killed writer may leave its temp file; the next open sweeps it away.
        assert not list(path.glob(".vault.header.*.tmp"))
    assert flips_seen >= 24, "the kills never landed among header rewrites"


def test_full_disk_during_header_write_keeps_the_old_header(new_vault, monkeypatch):
    path, _ = new_vault
    before = snapshot(path)
    written = 0

    def failing_write(fd, data):
        nonlocal written
        if written + len(data) > 100:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written += len(data)
        return os.write(fd, data)

    original = atomic_file.write_atomic
    monkeypatch.setattr(
        "lawnotebook.vault.header.write_atomic",
        lambda p, d: original(p, d, write=failing_write),
    )
    with Vault.open_with_passphrase(path, PASSPHRASE) as vault:
        with pytest.raises(OSError) as info:
            vault.change_passphrase(OTHER)
        assert info.value.errno == errno.ENOSPC
    assert snapshot(path) == before  # old header intact, no temp file left
    Vault.open_with_passphrase(path, PASSPHRASE).close()
