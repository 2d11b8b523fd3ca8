"""The age v1 header grammar: parse mirrors marshal, and only canonical encodings are accepted.

    age-encryption.org/v1
    -> X25519 <base64 share>
    <base64 body, 64 columns, ending with a line shorter than 64>
    --- <base64 HMAC-SHA-256>

Anything the grammar allows two ways (padding, non-zero tail bits, CR before LF, empty
arguments) is refused, so a header has exactly one byte representation and the MAC covers it.
"""

import hashlib
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lawnotebook.crypto.age.errors import HeaderError
from lawnotebook.crypto.age.primitives import b64decode_strict, b64encode_raw, hkdf_sha256
from lawnotebook.crypto.age.source import LineTooLong, Source

VERSION_PREFIX = b"age-encryption.org/"
VERSION_LINE = b"age-encryption.org/v1\n"
STANZA_PREFIX = b"-> "
MAC_PREFIX = b"---"
COLUMNS_PER_LINE = 64
BYTES_PER_LINE = COLUMNS_PER_LINE // 4 * 3
MAC_SIZE = 32
# A hybrid stanza is about 1.6 KB, so 1 MiB admits hundreds of recipients while bounding what
# a hostile file can make us hold in memory before any authentication.
DEFAULT_MAX_HEADER_SIZE = 1 << 20
MAX_STANZAS = 4096

_B64_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: its type (first argument), further arguments, and binary body."""

    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True)
class Header:
    """A parsed header: the stanzas and the 32-byte MAC that closes it."""

    stanzas: tuple[Stanza, ...]
    mac: bytes


def _check_argument(arg: str) -> None:
    # Arguments are 1*VCHAR: printable ASCII with no spaces, so split/join round-trips.
    if not arg or any(ord(c) < 0x21 or ord(c) > 0x7E for c in arg):
        raise ValueError(f"invalid stanza argument {arg!r}")


def marshal_stanza(stanza: Stanza) -> bytes:
    """Encode a stanza: argument line, then the body wrapped at 64 columns."""
    for arg in (stanza.type, *stanza.args):
        _check_argument(arg)
    parts = [STANZA_PREFIX, " ".join((stanza.type, *stanza.args)).encode("ascii"), b"\n"]
    body = b64encode_raw(stanza.body).encode("ascii")
    for start in range(0, len(body), COLUMNS_PER_LINE):
        parts += [body[start : start + COLUMNS_PER_LINE], b"\n"]
    if len(body) % COLUMNS_PER_LINE == 0:
        # The body always ends with a short line, which is empty when the last one was full.
        parts.append(b"\n")
    return b"".join(parts)


def marshal_header_without_mac(stanzas: tuple[Stanza, ...] | list[Stanza]) -> bytes:
    """The bytes the header MAC covers: everything up to and including ``---``."""
    return b"".join([VERSION_LINE, *(marshal_stanza(s) for s in stanzas), MAC_PREFIX])


def marshal_header(header: Header) -> bytes:
    """Encode a full header including the MAC line."""
    mac = b64encode_raw(header.mac).encode("ascii")
    return marshal_header_without_mac(header.stanzas) + b" " + mac + b"\n"


def header_mac(file_key: bytes, header_without_mac: bytes) -> bytes:
    """HMAC-SHA-256 over the header, keyed by HKDF(file key, info="header")."""
    key = hkdf_sha256(file_key, b"", b"header")
    return hmac.new(key, header_without_mac, hashlib.sha256).digest()


class _Lines:
    """Reads header lines from a source while enforcing a total size budget."""

    def __init__(self, source: Source, budget: int) -> None:
        self._source = source
        self._budget = budget

    def next(self) -> bytes:
        try:
            line = self._source.readline(self._budget)
        except LineTooLong as exc:
            raise HeaderError("header is larger than the allowed maximum") from exc
        self._budget -= len(line)
        if not line.endswith(b"\n"):
            raise HeaderError("header ends before its MAC line")
        return line[:-1]


def _parse_stanza(arg_line: bytes, lines: _Lines) -> Stanza:
    fields = arg_line[len(STANZA_PREFIX) :].split(b" ")
    try:
        args = [f.decode("ascii") for f in fields]
        for arg in args:
            _check_argument(arg)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HeaderError("malformed stanza argument line") from exc
    body_lines = []
    while True:
        line = lines.next()
        if len(line) > COLUMNS_PER_LINE or not _B64_CHARS.issuperset(line):
            raise HeaderError("malformed stanza body line")
        body_lines.append(line)
        if len(line) < COLUMNS_PER_LINE:
            break
    try:
        body = b64decode_strict(b"".join(body_lines))
    except ValueError as exc:
        raise HeaderError("stanza body is not canonical base64") from exc
    return Stanza(args[0], tuple(args[1:]), body)


def parse_header(source: Source, max_size: int = DEFAULT_MAX_HEADER_SIZE) -> tuple[Header, bytes]:
    """Read a header from ``source``; return it and the exact bytes its MAC covers.

    The source is left positioned at the first payload byte.
    """
    lines = _Lines(source, max_size)
    first = lines.next()
    if first + b"\n" != VERSION_LINE:
        if first.startswith(VERSION_PREFIX):
            raise HeaderError("unsupported age format version")
        raise HeaderError("not an age file")
    covered = [VERSION_LINE]
    stanzas: list[Stanza] = []
    while True:
        line = lines.next()
        if line.startswith(MAC_PREFIX):
            mac = _parse_mac_line(line)
            covered.append(MAC_PREFIX)
            break
        if not line.startswith(STANZA_PREFIX):
            raise HeaderError("expected a stanza or the MAC line")
        stanza = _parse_stanza(line, lines)
        stanzas.append(stanza)
        if len(stanzas) > MAX_STANZAS:
            raise HeaderError("too many stanzas")
        covered.append(marshal_stanza(stanza))
    if not stanzas:
        raise HeaderError("header has no recipient stanza")
    return Header(tuple(stanzas), mac), b"".join(covered)


def _parse_mac_line(line: bytes) -> bytes:
    encoded = line[len(MAC_PREFIX) + 1 :]
    if line[len(MAC_PREFIX) : len(MAC_PREFIX) + 1] != b" " or len(encoded) != 43:
        raise HeaderError("malformed MAC line")
    try:
        return b64decode_strict(encoded)
    except ValueError as exc:
        raise HeaderError("MAC is not canonical base64") from exc


def first_unwrapped(
    stanzas: Sequence[Stanza], stanza_type: str, unwrap_one: Callable[[Stanza], bytes | None]
) -> bytes | None:
    """The file key from the first stanza of ``stanza_type`` that ``unwrap_one`` opens.

    Stanzas of other types are skipped, as the spec says; a malformed stanza of our type raises
    from ``unwrap_one`` rather than being passed over.
    """
    for stanza in stanzas:
        if stanza.type == stanza_type:
            file_key = unwrap_one(stanza)
            if file_key is not None:
                return file_key
    return None
