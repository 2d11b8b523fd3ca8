"""Loader for the C2SP CCTV age vectors (shared by the conformance test)."""

import zlib
from dataclasses import dataclass, field
from pathlib import Path

# Vendored under tests/vectors/age-cctv (see the README there for upstream and licence).
VECTOR_DIR = Path(__file__).resolve().parents[1] / "vectors" / "age-cctv"


@dataclass
class Vector:
    """One vector: its metadata lines and the (decompressed) age file."""

    name: str
    expect: str
    payload_sha256: str | None
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    armored: bool = False
    file_key: str | None = None
    data: bytes = b""


def load(path: Path) -> Vector:
    """Parse a vector file: ``key: value`` lines, an empty line, then the age file."""
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    vec = Vector(name=path.name, expect="", payload_sha256=None)
    compressed = False
    for line in head.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        if key == "expect":
            vec.expect = value
        elif key == "payload":
            vec.payload_sha256 = value
        elif key == "identity":
            vec.identities.append(value)
        elif key == "passphrase":
            vec.passphrases.append(value)
        elif key == "armored":
            vec.armored = value == "yes"
        elif key == "file key":
            vec.file_key = value
        elif key == "compressed":
            compressed = value == "zlib"
        elif key != "comment":
            raise ValueError(f"{path.name}: unknown vector header {key!r}")
    vec.data = zlib.decompress(body) if compressed else body
    return vec


def all_vectors() -> list[Vector]:
    """Every vector file in the vendored folder (README excluded), sorted by name."""
    if not VECTOR_DIR.is_dir():
        raise FileNotFoundError(f"CCTV vectors not found at {VECTOR_DIR.resolve()}")
    return [load(p) for p in sorted(VECTOR_DIR.iterdir()) if p.is_file() and "." not in p.name]
