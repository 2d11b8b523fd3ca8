"""Indexing an evidence file's pages: ``index_documents`` against ``index_document`` one by one.

    PYTHONPATH=src .venv/bin/python bench/index_pages.py [--pages 3000] [--rounds 2]

Each contender gets a fresh vault and indexes ``--pages`` pages of ~1 KB (the search bench's
generated notes as page text) in one transaction, as the text extraction does. Since schema 8
new documents get ever lower rowids, and FTS5 writes out a segment whenever a rowid is below
the previous one; ``index_documents`` writes them lowest first.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import time
from pathlib import Path

from lawnotebook.vault.search import Document, index_document, index_documents
from lawnotebook.vault.vault import Vault
from search import FAST_KDF, PASSPHRASE, make_notes  # bench/search.py


def run(pages: list[Document], at_once: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = Vault.create(Path(tmp) / "vault", PASSPHRASE, kdf=FAST_KDF)
        with vault:
            conn = vault.connection
            t = time.perf_counter()
            conn.execute("BEGIN")
            if at_once:
                index_documents(conn, pages)
            else:
                for p in pages:
                    index_document(conn, **dataclasses.asdict(p))
            conn.execute("COMMIT")
            return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    pages = [
        Document(f"ev/t{i}", "case", "evidence", "", n.body, "ev", i + 1, "", "file.pdf")
        for i, n in enumerate(make_notes(args.pages))
    ]
    one, many = [], []
    for _ in range(args.rounds):  # alternated, so that both see the same machine
        one.append(run(pages, at_once=False))
        many.append(run(pages, at_once=True))
    a, b = statistics.median(one), statistics.median(many)
    print(f"{args.pages} pages, one transaction, median of {args.rounds}:")
    print(f"  index_document one by one  {a:6.2f} s")
    print(f"  index_documents            {b:6.2f} s   ({a / b:.1f}x faster)")


if __name__ == "__main__":
    main()
