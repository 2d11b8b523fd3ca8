"""The raw key's SQL text (``PRAGMA key = "x'…'"``) does not stay in the process once a vault
database is open: not in the driver's statement cache, not in any string Python still holds,
not in memory a core dump or a memory reader would see (issue 15, point 2)."""

from __future__ import annotations

import binascii
import gc
import os
import sys
from pathlib import Path

import pytest

from lawnotebook.vault.database import open_database


def _open(tmp_path: Path) -> tuple[object, bytes, bytes]:
    """A new database with a random key; returns the connection and the key's hex digits split
    in two, so the test itself never holds them in one piece (it would find itself)."""
    key = os.urandom(32)
    conn = open_database(tmp_path / "vault.db", key, create=True)
    conn.execute("CREATE TABLE t (x)")
    for i in range(20):  # ordinary traffic on the connection, as after an unlock
        conn.execute("INSERT INTO t VALUES (?)", (i,))
    head = b"%x" % (key[0] >> 4)
    tail = b"%x" % (key[0] & 15) + binascii.hexlify(key[1:])
    return conn, head, tail


def _python_strings_holding(head: bytes, tail: bytes) -> list[str]:
    needle_tail = tail.decode()
    found = []
    for holder in gc.get_objects():
        for held in gc.get_referents(holder):
            for value in held if isinstance(held, tuple) else (held,):
                if isinstance(value, str) and needle_tail in value:
                    at = value.find(needle_tail)
                    if at > 0 and value[at - 1] == head.decode():
                        found.append(value)
    return found


def test_no_python_object_keeps_the_key_text(tmp_path):
    conn, head, tail = _open(tmp_path)
    try:
        # No gc.collect() first: sqlcipher3's statement cache is invisible to the collector,
        # which would free it and hide what an open vault really holds.
        assert _python_strings_holding(head, tail) == []
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 20  # the key did work
    finally:
        conn.close()


def _count_in_memory(head: bytes, tail: bytes) -> int:
    """Occurrences of head+tail in this process's writable anonymous memory (heap, arenas)."""
    hits = 0
    with open("/proc/self/maps") as maps, open("/proc/self/mem", "rb", 0) as mem:
        for line in maps:
            fields = line.split()
            if "rw" not in fields[1] or (len(fields) > 5 and not fields[5].startswith("[heap")):
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            at = data.find(tail)
            while at != -1:
                hits += at > 0 and data[at - 1 : at] == head
                at = data.find(tail, at + 1)
    return hits


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mem")
def test_the_key_text_is_not_left_in_memory(tmp_path):
    conn, head, tail = _open(tmp_path)
    try:
        gc.collect()
        assert _count_in_memory(head, tail) == 0
    finally:
        conn.close()
