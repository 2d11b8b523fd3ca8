"""Encrypt and decrypt whole age files: header, MAC, payload, optional armor.

Every entry point streams in bounded memory; the ``bytes`` helpers are thin wrappers for small
files and tests.
"""

import hmac
import io
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from lawnotebook.core.streams import IterableReader
from lawnotebook.crypto.age.armor import ArmorReader, ArmorWriter, looks_armored
from lawnotebook.crypto.age.errors import (
    HeaderError,
    HeaderMacError,
    NoIdentityMatch,
    WrongPassphrase,
)
from lawnotebook.crypto.age.format import (
    DEFAULT_MAX_HEADER_SIZE,
    Header,
    Stanza,
    header_mac,
    marshal_header,
    marshal_header_without_mac,
    parse_header,
)
from lawnotebook.crypto.age.scrypt import STANZA_TYPE as SCRYPT_TYPE
from lawnotebook.crypto.age.scrypt import ScryptIdentity, ScryptRecipient
from lawnotebook.crypto.age.source import Readable, Source
from lawnotebook.crypto.age.stream import (
    CHUNK_SIZE,
    NONCE_SIZE,
    PayloadDecryptor,
    PayloadWriter,
    encrypt_payload,
    payload_key,
)

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

FILE_KEY_SIZE = 16


class Recipient(Protocol):
    """Something that can wrap a file key into one or more stanzas."""

    def wrap(self, file_key: bytes) -> list[Stanza]: ...


class Identity(Protocol):
    """Something that can unwrap a file key: bytes if ours, None if not, raises if malformed."""

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None: ...


class Writable(Protocol):
    """Anything with a binary ``write``."""

    def write(self, data: bytes | bytearray | memoryview, /) -> object: ...


def _header_for(recipients: Sequence[Recipient]) -> tuple[bytes, bytes]:
    """Choose a file key and return it with the full marshalled header."""
    if not recipients:
        raise ValueError("at least one recipient is required")
    if any(isinstance(r, ScryptRecipient) for r in recipients) and len(recipients) != 1:
        raise ValueError("a passphrase recipient cannot be mixed with other recipients")
    file_key = os.urandom(FILE_KEY_SIZE)
    stanzas = tuple(s for r in recipients for s in r.wrap(file_key))
    mac = header_mac(file_key, marshal_header_without_mac(stanzas))
    return file_key, marshal_header(Header(stanzas, mac))


def encrypt_stream(
    src: Readable | Iterable[bytes],
    dst: Writable,
    recipients: Sequence[Recipient],
    *,
    armor: bool = False,
) -> int:
    """Encrypt everything from ``src`` (a binary reader or an iterable of bytes) into ``dst``.

    Returns the number of plaintext bytes. Memory use is a few 64 KiB buffers.
    """
    if isinstance(src, bytes | bytearray | memoryview):
        raise TypeError("pass a binary reader or an iterable of bytes; use encrypt() for bytes")
    raw = src if isinstance(src, Readable) else IterableReader(src)  # has a read(): a reader
    source = Source(raw)
    file_key, header = _header_for(recipients)
    sink = ArmorWriter(dst.write) if armor else None
    write = sink.write if sink else dst.write
    nonce = os.urandom(NONCE_SIZE)
    write(header + nonce)
    total = encrypt_payload(payload_key(file_key, nonce), source.readinto, write)
    if sink:
        sink.close()
    return total


class EncryptWriter:
    """A file-like sink: ``write`` plaintext, ``close`` to seal the final chunk.

    Closing does not close ``dst``. Use as a context manager; if the block raises, the final
    chunk is not written, so the partial output cannot be mistaken for a complete file.
    """

    def __init__(self, dst: Writable, recipients: Sequence[Recipient], *, armor: bool) -> None:
        file_key, header = _header_for(recipients)
        self._armor = ArmorWriter(dst.write) if armor else None
        write = self._armor.write if self._armor else dst.write
        nonce = os.urandom(NONCE_SIZE)
        write(header + nonce)
        # A sink that lends buffers (reserve/commit) gets the ciphertext sealed straight into
        # them; armor needs the bytes, so it always goes through write.
        reserve = None if armor else getattr(dst, "reserve", None)
        commit = None if armor else getattr(dst, "commit", None)
        self._payload = PayloadWriter(
            payload_key(file_key, nonce), write, reserve=reserve, commit=commit
        )

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Encrypt ``data`` (buffered to 64 KiB chunks)."""
        return self._payload.write(data)

    def close(self) -> None:
        """Write the final chunk (and the armor END line)."""
        self._payload.close()
        if self._armor:
            self._armor.close()

    def __enter__(self) -> "EncryptWriter":
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.close()


def open_encrypt(
    dst: Writable, recipients: Sequence[Recipient], *, armor: bool = False
) -> EncryptWriter:
    """Return a writer that encrypts to ``recipients`` into ``dst``."""
    return EncryptWriter(dst, recipients, armor=armor)


def encrypt(plaintext: bytes, recipients: Sequence[Recipient], *, armor: bool = False) -> bytes:
    """Encrypt a small in-memory plaintext; see :func:`encrypt_stream` for large ones."""
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(plaintext), out, recipients, armor=armor)
    return out.getvalue()


def _source_for(src: Readable, armor: bool | None) -> Source:
    source = src if isinstance(src, Source) else Source(src)
    if armor is None:
        # Binary age files start with "age-encryption.org/"; an armored one holds the BEGIN
        # line near its start (whitespace before a binary header is a header failure).
        armor = looks_armored(source)
    return Source(ArmorReader(source)) if armor else source


def _unwrap(header: Header, identities: Sequence[Identity]) -> bytes:
    stanzas = header.stanzas
    if any(s.type == SCRYPT_TYPE for s in stanzas) and len(stanzas) != 1:
        raise HeaderError("an scrypt stanza must be the only stanza")
    for identity in identities:
        file_key = identity.unwrap(stanzas)
        if file_key is not None:
            if len(file_key) != FILE_KEY_SIZE:
                raise HeaderError("unwrapped file key has the wrong length")
            return file_key
    if any(isinstance(i, ScryptIdentity) for i in identities) and stanzas[0].type == SCRYPT_TYPE:
        raise WrongPassphrase("the passphrase does not open this file")
    raise NoIdentityMatch("no identity matches any recipient of this file")


def _open_payload(
    src: Readable, identities: Sequence[Identity], armor: bool | None, max_header_size: int
) -> PayloadDecryptor:
    source = _source_for(src, armor)
    header, covered = parse_header(source, max_header_size)
    file_key = _unwrap(header, identities)
    if not hmac.compare_digest(header_mac(file_key, covered), header.mac):
        raise HeaderMacError("header MAC does not verify: the header was altered")
    nonce = source.read(NONCE_SIZE)
    if len(nonce) != NONCE_SIZE:
        raise HeaderError("file ends before the payload nonce")
    return PayloadDecryptor(payload_key(file_key, nonce), source)


class DecryptReader(io.RawIOBase):
    """A file-like reader that releases plaintext one authenticated chunk at a time.

    The header is verified when the reader is created; payload errors surface from ``read``.
    Bytes returned before a :class:`PayloadError` are an authenticated prefix of the file.
    """

    def __init__(self, payload: PayloadDecryptor) -> None:
        super().__init__()
        self._payload = payload
        self._pending = memoryview(b"")
        self._error: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "WriteableBuffer") -> int:
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        out = memoryview(buffer).cast("B")
        if not self._pending and len(out) >= CHUNK_SIZE:
            return self._read_chunks(out)
        while not self._pending:
            chunk = self._payload.next_chunk()
            if chunk is None:
                return 0
            self._pending = chunk
        take = min(len(out), len(self._pending))
        out[:take] = self._pending[:take]
        self._pending = self._pending[take:]
        return take

    def _read_chunks(self, out: memoryview) -> int:
        """Decrypt as many whole chunks as fit straight into ``out`` (no copy).

        Stops after a short (final) chunk. An error after some chunks were released is kept
        for the next call, so what this call returns is still an authenticated prefix.
        """
        filled = 0
        try:
            while len(out) - filled >= CHUNK_SIZE:
                chunk = self._payload.next_chunk(out[filled:])
                if chunk is None:
                    break
                filled += len(chunk)
                if len(chunk) < CHUNK_SIZE and filled:
                    break  # the final chunk (an empty one: ask again, for trailing data)
        except Exception as exc:
            if not filled:
                raise
            self._error = exc
        return filled


def open_decrypt(
    src: Readable,
    identities: Sequence[Identity],
    *,
    armor: bool | None = None,
    max_header_size: int = DEFAULT_MAX_HEADER_SIZE,
) -> DecryptReader:
    """Verify the header of ``src`` and return a reader over its plaintext.

    ``armor``: True for armored input, False for binary, None to detect.
    """
    return DecryptReader(_open_payload(src, identities, armor, max_header_size))


def decrypt_stream(
    src: Readable,
    dst: Writable,
    identities: Sequence[Identity],
    *,
    armor: bool | None = None,
    max_header_size: int = DEFAULT_MAX_HEADER_SIZE,
) -> int:
    """Decrypt ``src`` into ``dst`` chunk by chunk; return the plaintext length.

    On :class:`PayloadError`, ``dst`` has received exactly the authenticated prefix; the caller
    must discard it (write to a temporary file and rename only on success).
    """
    payload = _open_payload(src, identities, armor, max_header_size)
    total = 0
    while (chunk := payload.next_chunk()) is not None:
        dst.write(chunk)
        total += len(chunk)
    return total


def decrypt(
    ciphertext: bytes, identities: Sequence[Identity], *, armor: bool | None = None
) -> bytes:
    """Decrypt a small in-memory age file."""
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(ciphertext), out, identities, armor=armor)
    return out.getvalue()
