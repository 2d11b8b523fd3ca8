"""``contact add`` with a hostile card file: a typed refusal (exit 11), never a traceback."""

from __future__ import annotations

import io
import sys

from lawnotebook.cli import exit_codes


def test_contact_add_refuses_a_card_that_is_not_utf8(cli, tmp_path):
    card = tmp_path / "card.txt"
    card.write_bytes(b"-----BEGIN LAWNOTEBOOK KEY CARD-----\n\xff\xfe\x00\n")
    out = cli("contact", "add", str(card), expect=exit_codes.BAD_INPUT)
    assert "not a valid key card" in out


def test_contact_add_refuses_a_huge_card_from_stdin(cli, monkeypatch):
    from lawnotebook.services.colleagues import MAX_CARD_BYTES

    stream = io.BytesIO(b"A" * (MAX_CARD_BYTES * 4))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    out = cli("contact", "add", "-", expect=exit_codes.BAD_INPUT)
    assert "not a valid key card" in out
    assert stream.tell() <= MAX_CARD_BYTES + 1 + 8192  # read no further than the cap
