"""Bech32 (BIP 173) as age uses it: no length limit, one case only, checksum over lowercase.

The hybrid post-quantum recipient is about 1,950 characters, far beyond BIP 173's 90, which is
why this is our own small codec and not a Bitcoin library.
"""

from lawnotebook.crypto.age.errors import KeyFormatError

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHARSET_REV = {c: i for i, c in enumerate(_CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _GENERATOR[i]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], from_bits: int, to_bits: int, pad: bool) -> list[int]:
    acc = 0
    bits = 0
    out: list[int] = []
    maxv = (1 << to_bits) - 1
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & maxv)
    elif bits >= from_bits or (acc << (to_bits - bits)) & maxv:
        # Leftover bits must be fewer than one input group and all zero: one spelling per value.
        raise ValueError("invalid bech32 padding")
    return out


def encode(hrp: str, data: bytes, *, upper: bool = False) -> str:
    """Encode ``data`` under the human-readable part ``hrp`` (given in lowercase)."""
    hrp = hrp.lower()
    values = _convert_bits(data, 8, 5, pad=True)
    checksum = _polymod([*_hrp_expand(hrp), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    values += [(checksum >> 5 * (5 - i)) & 31 for i in range(6)]
    text = hrp + "1" + "".join(_CHARSET[v] for v in values)
    return text.upper() if upper else text


def decode(text: str) -> tuple[str, bytes]:
    """Return ``(hrp, data)`` with ``hrp`` lowercased; raise ValueError on any defect."""
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed-case bech32")
    text = text.lower()
    pos = text.rfind("1")
    if pos < 1 or pos + 7 > len(text):
        raise ValueError("bech32 separator misplaced")
    hrp, rest = text[:pos], text[pos + 1 :]
    if any(ord(c) < 33 or ord(c) > 126 for c in hrp):
        raise ValueError("invalid bech32 prefix")
    try:
        values = [_CHARSET_REV[c] for c in rest]
    except KeyError as exc:
        raise ValueError("invalid bech32 character") from exc
    if _polymod(_hrp_expand(hrp) + values) != 1:
        raise ValueError("bad bech32 checksum")
    return hrp, bytes(_convert_bits(values[:-6], 5, 8, pad=False))


def decode_key(text: str, hrp: str, what: str, *, lowercase_only: bool = False) -> bytes:
    """The payload of a Bech32 key string with human-readable part ``hrp``.

    Raises :class:`KeyFormatError` naming ``what`` ("X25519 recipient", ...) if the text is not
    valid Bech32, has another prefix, or (recipients) is not all lowercase as age writes them.
    """
    text = text.strip()
    try:
        found, data = decode(text)
    except ValueError as exc:
        raise KeyFormatError(f"malformed {what}") from exc
    if found != hrp or (lowercase_only and text != text.lower()):
        raise KeyFormatError(f"not an age {what}")
    return data
