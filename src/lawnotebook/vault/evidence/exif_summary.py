"""A short EXIF summary of a photo (camera, when taken, software, GPS) from its bytes in memory.

Reads only the TIFF structure inside a JPEG's APP1 segment (or a TIFF file itself), bounded and
defensive: evidence photos come from anywhere, so any malformed offset just ends the summary.
For any bytes at all :func:`exif_summary` returns a list (empty when there is nothing it can
read) and raises nothing; ``tests/vault/evidence/test_exif_summary.py`` feeds it random and
damaged EXIF blocks to hold it to that.
"""

from __future__ import annotations

import struct

_TAGS = {
    0x010F: "Camera make",
    0x0110: "Camera model",
    0x0131: "Software",
    0x0132: "Modified",
    0x9003: "Taken",
    0x9004: "Digitised",
}
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
GPS_LABEL = "GPS position"
LABELS = (*_TAGS.values(), GPS_LABEL)
"""Every label :func:`exif_summary` may return, in the order it returns them."""
_MAX_SCAN = 1 << 20  # an APP1 segment must start within the first MiB


def _tiff_block(data: bytes) -> bytes | None:
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return data
    if data[:2] != b"\xff\xd8":
        return None
    pos = 2
    while pos + 4 <= min(len(data), _MAX_SCAN):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker == 0xE1 and data[pos + 4 : pos + 10] == b"Exif\x00\x00":
            return data[pos + 10 : pos + 2 + length]
        if marker in (0xDA, 0xD9):  # start of scan / end: no EXIF before the image data
            return None
        pos += 2 + length
    return None


def _ifd(tiff: bytes, offset: int, order: str) -> dict[int, tuple[int, int, bytes]]:
    """Tag -> (type, count, value-or-offset bytes) of one IFD."""
    if offset + 2 > len(tiff):
        return {}
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    entries = {}
    for i in range(min(count, 512)):
        at = offset + 2 + 12 * i
        if at + 12 > len(tiff):
            break
        tag, kind, n = struct.unpack(order + "HHI", tiff[at : at + 8])
        entries[tag] = (kind, n, tiff[at + 8 : at + 12])
    return entries


def _value(tiff: bytes, order: str, kind: int, n: int, raw: bytes) -> object:
    size = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1}.get(kind)
    if size is None or n > 4096:
        return None
    data = raw if size * n <= 4 else tiff[struct.unpack(order + "I", raw)[0] :][: size * n]
    if len(data) < size * n:
        return None
    if kind == 2:
        return data[:n].split(b"\x00", 1)[0].decode("utf-8", "replace").strip()
    if kind == 3:
        return struct.unpack(order + "H" * n, data[: 2 * n])
    if kind == 4:
        return struct.unpack(order + "I" * n, data[: 4 * n])
    if kind == 5:
        nums = struct.unpack(order + "I" * (2 * n), data[: 8 * n])
        return tuple(nums[i] / nums[i + 1] if nums[i + 1] else 0.0 for i in range(0, 2 * n, 2))
    return None


def _gps(tiff: bytes, order: str, offset: int) -> str | None:
    gps = _ifd(tiff, offset, order)
    parts = []
    for ref_tag, tag in ((1, 2), (3, 4)):
        if ref_tag not in gps or tag not in gps:
            return None
        ref = _value(tiff, order, *gps[ref_tag])
        dms = _value(tiff, order, *gps[tag])
        if not isinstance(dms, tuple) or len(dms) != 3:
            return None
        degrees = dms[0] + dms[1] / 60 + dms[2] / 3600
        parts.append(f"{degrees:.5f}° {ref}")
    return ", ".join(parts)


def exif_summary(data: bytes) -> list[tuple[str, str]]:
    """``(label, value)`` pairs in English (the GUI translates the labels), in the order of
    :data:`LABELS`; empty if none. Labels are from :data:`LABELS`, values non-empty text."""
    tiff = _tiff_block(data)
    if not tiff or len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return []
    order = "<" if tiff[:2] == b"II" else ">"
    try:
        (first,) = struct.unpack(order + "I", tiff[4:8])
        main = _ifd(tiff, first, order)
        tags = dict(main)
        if _EXIF_IFD in main:
            (sub,) = struct.unpack(order + "I", main[_EXIF_IFD][2])
            tags.update(_ifd(tiff, sub, order))
        out = []
        for tag, label in _TAGS.items():
            if tag in tags:
                value = _value(tiff, order, *tags[tag])
                if isinstance(value, str) and value:
                    out.append((label, value))
        if _GPS_IFD in main:
            (gps_at,) = struct.unpack(order + "I", main[_GPS_IFD][2])
            place = _gps(tiff, order, gps_at)
            if place:
                out.append((GPS_LABEL, place))
        return out
    except (struct.error, IndexError, ValueError):
        return []
