"""RTF to plain text: Word's and WPS's Chinese RTF included (``\\uN`` escapes, and ``\\'hh``
bytes in the document's or the font's code page, e.g. ``\\ansicpg936``/``\\fcharset134``)."""

from __future__ import annotations

import codecs
import re

from lawnotebook.vault.extract.model import Unreadable

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+",
    re.DOTALL,
)
# Groups whose text is not part of the document (fonts, styles, pictures, metadata, ...).
_SKIP = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header", b"footer",
    b"headerl", b"headerr", b"footerl", b"footerr", b"listtable", b"listoverridetable",
    b"rsidtbl", b"generator", b"xmlnstbl", b"themedata", b"colorschememapping",
    b"datastore", b"latentstyles", b"mmathPr", b"pgdsctbl", b"revtbl", b"fldinst",
}  # fmt: skip
_BREAKS = {b"par": "\n", b"line": "\n", b"sect": "\n\n", b"page": "\n\n", b"tab": "\t",
           b"cell": "\t", b"row": "\n", b"emdash": "—", b"endash": "–", b"bullet": "•",
           b"lquote": "‘", b"rquote": "’", b"ldblquote": "“", b"rdblquote": "”"}  # fmt: skip
# \fcharsetN → code page, for fonts that carry their own (Chinese text in a Western document).
_CHARSETS = {128: "cp932", 129: "cp949", 134: "gb18030", 136: "cp950", 161: "cp1253",
             162: "cp1254", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251",
             222: "cp874", 238: "cp1250"}  # fmt: skip


def _codec(cp: int | None) -> str:
    if cp in (936, 54936, None):
        return "gb18030" if cp else "cp1252"
    try:
        return codecs.lookup(f"cp{cp}").name
    except LookupError:
        return "cp1252"


def _font_codecs(data: bytes) -> dict[int, str]:
    fonts = {}
    for match in re.finditer(rb"\\f(\d+)[^{}]*?\\fcharset(\d+)", data):
        charset = int(match.group(2))
        if charset in _CHARSETS:
            fonts[int(match.group(1))] = _CHARSETS[charset]
    return fonts


def rtf_text(data: bytes) -> str:
    """The document text of an RTF file."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise Unreadable("the file is not RTF (no {\\rtf header)")
    fonts = _font_codecs(data)
    codec = _codec(None)
    out: list[str] = []
    pending = bytearray()  # \'hh bytes waiting to be decoded together (multi-byte characters)
    stack: list[tuple[bool, int, str]] = []
    skip, uc, font_codec = False, 1, ""
    to_skip = 0  # fallback characters still to drop after a \uN

    def flush() -> None:
        if pending:
            if not skip:
                out.append(bytes(pending).decode(font_codec or codec, errors="replace"))
            pending.clear()

    for m in _TOKEN.finditer(data):
        word, arg, hexbyte, symbol, brace, text = m.groups()
        if hexbyte is not None:
            if to_skip:
                to_skip -= 1
            else:
                pending.append(int(hexbyte, 16))
            continue
        flush()
        if brace == b"{":
            stack.append((skip, uc, font_codec))
        elif brace == b"}":
            skip, uc, font_codec = stack.pop() if stack else (skip, uc, font_codec)
            to_skip = 0
        elif word is not None:
            if word == b"ansicpg" and arg:
                codec = _codec(int(arg))
            elif word == b"u" and arg:
                if not skip:
                    out.append(chr(int(arg) % 65536) if -32768 <= int(arg) < 0 else chr(int(arg)))
                to_skip = uc
            elif word == b"uc" and arg:
                uc = int(arg)
            elif word == b"f" and arg:
                font_codec = fonts.get(int(arg), "")
            elif word in _SKIP:
                skip = True
            elif word in _BREAKS and not skip:
                out.append(_BREAKS[word])
        elif symbol is not None:
            if symbol == b"*":
                skip = True
            elif symbol in (b"\\", b"{", b"}") and not skip:
                out.append(symbol.decode())
            elif symbol == b"~" and not skip:
                out.append("\u00a0")
            elif symbol in (b"\n", b"\r") and not skip:
                out.append("\n")
        elif text is not None and not skip:
            if to_skip:
                cut = min(to_skip, len(text))
                text, to_skip = text[cut:], to_skip - cut
            out.append(text.decode(font_codec or codec, errors="replace"))
    flush()
    return _tidy("".join(out))


def _tidy(text: str) -> str:
    # \uN pairs spell characters outside the BMP as UTF-16 surrogates: join them.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = text.replace("\u00a0", " ").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
