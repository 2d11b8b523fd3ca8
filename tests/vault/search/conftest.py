"""Fixtures for the search tests: an open vault, and a helper that indexes a record."""

from __future__ import annotations

import pytest

from lawnotebook.vault.search import index_document, search
from lawnotebook.vault.vault import Vault
from support import FAST_KDF, PASSPHRASE

# Unrelated records, so every test word is rare in the index and bm25's idf stays positive
# (bm25 gives ~0 weight to a word that is in more than half of all records).
FILLER = [
    ("会议纪要", "今天下午讨论了案件的程序问题，下周再开会。"),
    ("Weather", "It rained all day and the train was late."),
    ("账单", "打印费和交通费合计三百元。"),
    ("Groceries", "Milk, bread, apples and rice."),
    ("日程", "周一上午去法院立案，周三下午会见家属。"),
    ("Reading list", "Books about procedure and evidence law."),
]


@pytest.fixture
def vault(tmp_path):
    v, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=FAST_KDF)
    with v:
        yield v


@pytest.fixture
def conn(vault):
    c = vault.connection
    for i, (title, body) in enumerate(FILLER):
        index_document(
            c, record_id=f"filler-{i}", case_id="case-filler", kind="note", title=title, body=body
        )
    return c


@pytest.fixture
def add(conn):
    """add(record_id, title, body="", case_id="case-1", kind="note") indexes one record."""

    def add(record_id, title, body="", *, case_id="case-1", kind="note"):  # type: ignore[no-untyped-def]
        index_document(
            conn, record_id=record_id, case_id=case_id, kind=kind, title=title, body=body
        )

    return add


@pytest.fixture
def find(conn):
    """find(query, **search_options) -> the record ids found, best first."""

    def find(query, **options):  # type: ignore[no-untyped-def]
        return [hit.record_id for hit in search(conn, query, **options)]

    return find
