"""What anyone can learn from a bundle file without keys: only its age header."""

from __future__ import annotations

from pathlib import Path

from lawnotebook.bundle.errors import NotABundle
from lawnotebook.crypto.age.errors import AgeError
from lawnotebook.crypto.age.format import parse_header
from lawnotebook.crypto.age.source import Source


def inspect_bundle(path: Path) -> dict[str, object]:
    """File size and the age recipients' types and count — nothing about the case."""
    with open(path, "rb") as fh:
        try:
            header, _ = parse_header(Source(fh))
        except AgeError as exc:
            raise NotABundle("this file is not a bundle (no age header)") from exc
    types: dict[str, int] = {}
    for stanza in header.stanzas:
        types[stanza.type] = types.get(stanza.type, 0) + 1
    return {
        "file": str(path),
        "size": path.stat().st_size,
        "format": "age-encryption.org/v1",
        "recipient_stanzas": types,
        "passphrase_only": list(types) == ["scrypt"],
    }
