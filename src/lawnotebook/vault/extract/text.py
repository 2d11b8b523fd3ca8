"""Plain text in any common encoding: UTF-8/16/32 (with a BOM; UTF-16 also without one when it
holds some ASCII), GB18030/GBK/GB2312, Big5, Windows-1252 and -1251."""

from __future__ import annotations

import codecs

from lawnotebook.vault.extract.model import TooLarge

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 256 * 1024  # the detector reads this much; the whole text is decoded after
# Legacy encodings worth telling apart for our users. EUC-KR and Shift-JIS are left out on
# purpose: short GBK text scores as valid Korean or Japanese as often as as Chinese.
_CANDIDATES = ["gb18030", "big5", "cp1252", "cp1251"]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 written without a BOM: NULs (the high byte of ASCII characters) all on one side
    of each byte pair, and the whole decodes."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or not (even or odd) or (even and odd):
        return None
    encoding = "utf-16-be" if even else "utf-16-le"
    return encoding if _decodes(data, encoding) else None


def guess_encoding(data: bytes) -> str:
    """The encoding ``data`` is most likely in (a Python codec name)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding + ("-sig" if encoding == "utf-8" else "")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"  # cut off inside the last character
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE], cp_isolation=_CANDIDATES).best()
    if best is None:
        return "gb18030"
    name = codecs.lookup(best.encoding).name
    # GB2312 and GBK files are read as their superset: some characters only GB18030 has.
    return "gb18030" if name in ("gb2312", "gbk", "hz") else name


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_text(data: bytes, *, max_chars: int) -> str:
    """``data`` as text, in whatever encoding it is in; undecodable bytes become U+FFFD."""
    if len(data) > 4 * max_chars:
        raise TooLarge(f"the text is larger than {4 * max_chars // (1024 * 1024)} MiB")
    encoding = guess_encoding(data)
    text = data.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > max_chars:
        raise TooLarge(f"the text has more than {max_chars} characters")
    return text.replace("\r\n", "\n").replace("\r", "\n")
