"""The custody log's hash chain: intact logs verify; any change, removal or move is pinpointed."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawnotebook.vault import custody
from lawnotebook.vault.transaction import transaction
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

CASE = "11111111-1111-4111-8111-111111111111"


@pytest.fixture(scope="module")
def template_vault(tmp_path_factory):
    path = tmp_path_factory.mktemp("custody") / "vault"
    Vault.create(path, PASSPHRASE, kdf=FAST_KDF)[0].close()
    return path


@pytest.fixture
def conn(template_vault, tmp_path):
    import shutil

    copy = tmp_path / "vault"
    shutil.copytree(template_vault, copy)
    vault = Vault.open_with_passphrase(copy, PASSPHRASE)
    yield vault.connection
    vault.close()


def _fill(conn, n=6):
    with transaction(conn):
        for i in range(n):
            custody.append(
                conn,
                CASE,
                "intake" if i % 2 else "view",
                "lawyer-a",
                origin="node-a",
                record_id=f"rec{i}",
                details={"file": f"照片{i}.jpg", "sha256": f"{i:064x}"},
            )


def test_intact_chain_verifies(conn):
    _fill(conn)
    log = custody.entries(conn, CASE)
    assert [e.seq for e in log] == [1, 2, 3, 4, 5, 6]
    assert log[0].prev_hash == custody.GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(log))
    assert custody.verify_chain(conn, CASE) == []


def test_changed_entry_is_reported_at_its_position(conn):
    _fill(conn)
    conn.execute(
        "UPDATE custody_log SET details = ? WHERE case_id = ? AND seq = 3",
        (json.dumps({"file": "forged.jpg"}), CASE),
    )
    assert custody.verify_chain(conn, CASE) == [custody.ChainProblem(3, "altered")]


def test_removed_entry_is_reported(conn):
    _fill(conn)
    conn.execute("DELETE FROM custody_log WHERE case_id = ? AND seq = 4", (CASE,))
    problems = custody.verify_chain(conn, CASE)
    assert problems == [custody.ChainProblem(4, "missing")]


def test_removed_tail_is_reported(conn):
    _fill(conn)
    conn.execute("DELETE FROM custody_log WHERE case_id = ? AND seq >= 5", (CASE,))
    assert custody.verify_chain(conn, CASE) == [custody.ChainProblem(5, "truncated")]


def test_reordered_entries_are_reported(conn):
    _fill(conn)
    # Swap the contents of entries 2 and 3 while keeping the seq column in order.
    rows = {
        r[0]: r
        for r in conn.execute(
            "SELECT seq, at, actor, action, record_id, details, prev_hash, hash FROM custody_log "
            "WHERE case_id = ? AND seq IN (2, 3)",
            (CASE,),
        )
    }
    for seq, src in ((2, 3), (3, 2)):
        conn.execute(
            "UPDATE custody_log SET at=?, actor=?, action=?, record_id=?, details=?, "
            "prev_hash=?, hash=? WHERE case_id=? AND seq=?",
            (*rows[src][1:], CASE, seq),
        )
    problems = custody.verify_chain(conn, CASE)
    assert problems and problems[0].position == 2


def test_unknown_action_is_refused(conn):
    with pytest.raises(ValueError):
        custody.append(conn, CASE, "shred", "x", origin="node-a")


@settings(max_examples=30, deadline=None)
@given(
    st.integers(1, 8),
    st.integers(0, 7),
    st.sampled_from(["actor", "action", "at", "record_id", "hash", "prev_hash"]),
)
def test_any_single_field_change_is_caught(template_vault, tmp_path_factory, n, which, column):
    import shutil

    copy = tmp_path_factory.mktemp("c") / "vault"
    shutil.copytree(template_vault, copy)
    with Vault.open_with_passphrase(copy, PASSPHRASE) as vault:
        conn = vault.connection
        _fill(conn, n)
        seq = which % n + 1
        conn.execute(f"UPDATE custody_log SET {column} = {column} || 'x' WHERE seq = ?", (seq,))  # noqa: S608
        problems = custody.verify_chain(conn, CASE)
        assert problems, f"changing {column} of entry {seq} went unnoticed"
        assert problems[0].position <= seq + 1


def test_chains_of_two_origins_verify_apart(conn):
    _fill(conn, 3)
    theirs = []
    with transaction(conn):
        for i in range(2):
            theirs.append(
                custody.append(conn, CASE, "edit", "lawyer-b", origin="node-b", record_id=f"b{i}")
            )
    assert custody.origins(conn, CASE) == ["node-a", "node-b"]
    assert len(custody.entries(conn, CASE)) == 5
    conn.execute("UPDATE custody_log SET actor = 'x' WHERE origin = 'node-b' AND seq = 2")
    problems = custody.verify_chain(conn, CASE)
    assert problems == [custody.ChainProblem(2, "altered")]
    assert problems[0].origin == "node-b"


def test_adopting_received_entries(conn, template_vault, tmp_path):
    import shutil

    _fill(conn, 4)
    received = custody.entries(conn, CASE, "node-a")
    copy = tmp_path / "other"
    shutil.copytree(template_vault, copy)
    with Vault.open_with_passphrase(copy, PASSPHRASE) as other:
        assert [custody.adopt(other.connection, e) for e in received[:2]] == [True, True]
        assert [custody.adopt(other.connection, e) for e in received] == [False, False, True, True]
        assert custody.verify_chain(other.connection, CASE) == []
        forged = custody.CustodyEntry(**{**received[3].__dict__, "seq": 5, "actor": "forger"})
        with pytest.raises(ValueError):
            custody.adopt(other.connection, forged)
        skipping = custody.CustodyEntry(**{**received[0].__dict__, "seq": 9})
        with pytest.raises(ValueError):
            custody.adopt(other.connection, skipping)


def test_a_redacted_entry_still_verifies_but_edited_details_do_not(conn, template_vault, tmp_path):
    import shutil

    _fill(conn, 3)
    entries = custody.entries(conn, CASE, "node-a")
    shared = [entries[0], entries[1].redact(), entries[2]]
    assert shared[1].redacted and shared[1].details == {"redacted": True}
    copy = tmp_path / "other"
    shutil.copytree(template_vault, copy)
    with Vault.open_with_passphrase(copy, PASSPHRASE) as other:
        assert all(custody.adopt(other.connection, e) for e in shared)
        assert custody.verify_chain(other.connection, CASE) == []
    edited = custody.CustodyEntry(**{**entries[1].__dict__, "details": {"file": "other.jpg"}})
    assert edited.recomputed_hash() is None
