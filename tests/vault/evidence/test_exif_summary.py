"""The EXIF summary of an evidence photo: what it reads, and that no bytes at all can crash it.

Photos come from anywhere (a client's phone, a seized device), so the parser is fed JPEGs
written by Pillow, TIFF structures built here byte by byte in both byte orders, odd and broken
tags, and random, truncated and mutated blocks. Its only result is a list of (label, text).
"""

from __future__ import annotations

import io
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image
from PIL.TiffImagePlugin import IFDRational

from lawnotebook.vault.evidence.exif_summary import GPS_LABEL, LABELS, exif_summary

MAKE, MODEL, SOFTWARE, MODIFIED, ORIENTATION = 0x010F, 0x0110, 0x0131, 0x0132, 0x0112
TAKEN, DIGITISED = 0x9003, 0x9004
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
ASCII, SHORT, LONG, RATIONAL, UNDEFINED, DOUBLE = 2, 3, 4, 5, 7, 12
ORDERS = pytest.mark.parametrize("order", ["<", ">"], ids=["little-endian", "big-endian"])


# -- building EXIF by hand ------------------------------------------------------------------

Entry = tuple[int, int, object]  # (tag, TIFF type, value: bytes for ASCII, else a tuple)


def _payload(order: str, kind: int, value: object) -> tuple[int, bytes]:
    """(count, bytes) of one entry's value."""
    if kind in (ASCII, UNDEFINED):
        assert isinstance(value, bytes)
        return len(value), value
    assert isinstance(value, tuple)
    if kind == RATIONAL:
        flat = [n for pair in value for n in pair]
        return len(value), struct.pack(order + "I" * len(flat), *flat)
    code = {SHORT: "H", LONG: "I", DOUBLE: "d"}[kind]
    return len(value), struct.pack(order + code * len(value), *value)


def tiff(
    order: str,
    main: list[Entry],
    exif: list[Entry] | None = None,
    gps: list[Entry] | None = None,
) -> bytes:
    """A TIFF structure: header, IFD0 (pointing at the Exif and GPS IFDs), then the values."""
    ifds = [list(main)]
    pointers = [tag for tag, sub in ((EXIF_IFD, exif), (GPS_IFD, gps)) if sub is not None]
    ifds += [list(sub) for sub in (exif, gps) if sub is not None]
    sizes = [2 + 12 * (len(ifds[0]) + len(pointers)) + 4] + [2 + 12 * len(i) + 4 for i in ifds[1:]]
    offsets = [8 + sum(sizes[:i]) for i in range(len(sizes))]
    ifds[0] += [(tag, LONG, (offsets[1 + i],)) for i, tag in enumerate(pointers)]
    data_at, data = 8 + sum(sizes), b""
    out = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "I", 8)
    for ifd in ifds:
        out += struct.pack(order + "H", len(ifd))
        for tag, kind, value in sorted(ifd, key=lambda e: e[0]):
            count, payload = _payload(order, kind, value)
            if len(payload) <= 4:
                field = payload.ljust(4, b"\x00")
            else:
                field = struct.pack(order + "I", data_at + len(data))
                data += payload
            out += struct.pack(order + "HHI", tag, kind, count) + field
        out += b"\x00\x00\x00\x00"  # no next IFD
    return out + data


def segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", 2 + len(body)) + body


def jpeg(tiff_block: bytes, *, before: bytes = b"") -> bytes:
    """SOI, any segments ``before``, APP1 "Exif" with the block, then the start of the scan."""
    return b"\xff\xd8" + before + segment(0xE1, b"Exif\x00\x00" + tiff_block) + b"\xff\xda\x00\x02"


def text(s: str) -> bytes:
    return s.encode() + b"\x00"


def dms(d: int, m: int, s_times_100: int) -> tuple:
    return ((d, 1), (m, 1), (s_times_100, 100))


FULL_MAIN = [
    (MAKE, ASCII, text("Canon")),
    (MODEL, ASCII, text("EOS R5")),
    (SOFTWARE, ASCII, text("Firmware 1.8.1")),
    (MODIFIED, ASCII, text("2024:05:07 10:00:00")),
]
FULL_EXIF = [
    (TAKEN, ASCII, text("2024:05:06 07:08:09")),
    (DIGITISED, ASCII, text("2024:05:06 07:08:10")),
]
FULL_GPS = [
    (1, ASCII, b"N\x00"),
    (2, RATIONAL, dms(52, 31, 1200)),
    (3, ASCII, b"E\x00"),
    (4, RATIONAL, dms(13, 24, 360)),
]
FULL_SUMMARY = [
    ("Camera make", "Canon"),
    ("Camera model", "EOS R5"),
    ("Software", "Firmware 1.8.1"),
    ("Modified", "2024:05:07 10:00:00"),
    ("Taken", "2024:05:06 07:08:09"),
    ("Digitised", "2024:05:06 07:08:10"),
    ("GPS position", "52.52000° N, 13.40100° E"),
]


def full(order: str) -> bytes:
    return tiff(order, FULL_MAIN, FULL_EXIF, FULL_GPS)


def holds_the_contract(result: object) -> None:
    """What the docstring promises: a list of (known label, non-empty text), each label at most
    once and in the order of LABELS."""
    assert isinstance(result, list)
    for pair in result:
        assert isinstance(pair, tuple) and len(pair) == 2
        label, value = pair
        assert label in LABELS
        assert isinstance(value, str) and value
    labels = [label for label, _ in result]
    assert labels == sorted(set(labels), key=LABELS.index)


# -- photos written by Pillow ---------------------------------------------------------------


def pillow_jpeg(endian: str, **extra: object) -> bytes:
    exif = Image.Exif()
    exif.endian = endian
    exif[MAKE] = "Canon"
    exif[MODEL] = "EOS R5"
    for tag, value in extra.items():
        exif[int(tag.removeprefix("tag_"), 16)] = value
    exif.get_ifd(ExifTags.IFD.Exif)[TAKEN] = "2024:05:06 07:08:09"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[1], gps[3] = "S", "W"
    gps[2] = (IFDRational(33), IFDRational(52), IFDRational(48))
    gps[4] = (IFDRational(151), IFDRational(12), IFDRational(36))
    out = io.BytesIO()
    Image.new("RGB", (16, 8), "white").save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.mark.parametrize("endian,head", [("<", b"II*\x00"), (">", b"MM\x00*")])
def test_a_jpeg_written_by_pillow(endian, head):
    data = pillow_jpeg(endian)
    assert data[:4] == b"\xff\xd8\xff\xe0"  # a JFIF APP0 segment comes before the EXIF one
    assert head in data[:64]
    assert exif_summary(data) == [
        ("Camera make", "Canon"),
        ("Camera model", "EOS R5"),
        ("Taken", "2024:05:06 07:08:09"),
        ("GPS position", "33.88000° S, 151.21000° W"),
    ]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_each_orientation_leaves_the_summary_alone(orientation):
    # Orientation is applied by the viewer when it decodes the image, not listed as a line.
    with_it = pillow_jpeg("<", tag_0112=orientation)
    assert exif_summary(with_it) == exif_summary(pillow_jpeg("<"))
    assert len(exif_summary(with_it)) == 4


# -- each field, both byte orders, TIFF and JPEG ---------------------------------------------


@ORDERS
@pytest.mark.parametrize("wrap", [lambda b: b, jpeg], ids=["tiff", "jpeg"])
def test_every_field(order, wrap):
    assert exif_summary(wrap(full(order))) == FULL_SUMMARY


@ORDERS
@pytest.mark.parametrize(
    "ifd,tag,label",
    [
        ("main", MAKE, "Camera make"),
        ("main", MODEL, "Camera model"),
        ("main", SOFTWARE, "Software"),
        ("main", MODIFIED, "Modified"),
        ("exif", TAKEN, "Taken"),
        ("exif", DIGITISED, "Digitised"),
    ],
)
def test_one_field_alone(order, ifd, tag, label):
    entry = [(tag, ASCII, text("value one"))]
    block = tiff(order, entry) if ifd == "main" else tiff(order, [], exif=entry)
    assert exif_summary(block) == [(label, "value one")]


@ORDERS
def test_a_short_text_kept_inside_the_entry(order):
    # Up to four bytes are stored in the entry itself rather than at an offset.
    assert exif_summary(tiff(order, [(MAKE, ASCII, b"LG\x00")])) == [("Camera make", "LG")]


def test_a_jpeg_with_other_segments_first():
    before = segment(0xE0, b"JFIF\x00\x01\x02") + segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00")
    assert exif_summary(jpeg(full("<"), before=before)) == FULL_SUMMARY


@ORDERS
def test_text_is_trimmed_and_ends_at_the_first_nul(order):
    block = tiff(order, [(MAKE, ASCII, b"  Nikon  \x00junk\x00")])
    assert exif_summary(block) == [("Camera make", "Nikon")]


def test_text_that_is_not_utf8_is_replaced_not_fatal():
    block = tiff("<", [(MAKE, ASCII, b"Ca\xffnon\x00")])
    assert exif_summary(block) == [("Camera make", "Ca\ufffdnon")]


@ORDERS
def test_gps_in_the_southern_and_western_hemispheres(order):
    gps = [
        (1, ASCII, b"S\x00"),
        (2, RATIONAL, dms(33, 52, 4800)),
        (3, ASCII, b"W\x00"),
        (4, RATIONAL, dms(151, 12, 3600)),
    ]
    assert exif_summary(tiff(order, [], gps=gps)) == [(GPS_LABEL, "33.88000° S, 151.21000° W")]


# -- missing and odd tags --------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        (MAKE, SHORT, (7,)),  # a number where text belongs
        (MAKE, UNDEFINED, b"Canon"),  # bytes of no stated type
        (MAKE, DOUBLE, (1.5,)),  # a type the summary does not read
        (MAKE, ASCII, b"\x00\x00\x00"),  # empty text
        (MAKE, ASCII, b"   \x00"),  # only spaces
        (0x9999, ASCII, text("unknown tag")),
        (ORIENTATION, SHORT, (6,)),
    ],
    ids=["short", "undefined", "double", "empty", "blank", "unknown-tag", "orientation"],
)
def test_a_tag_it_cannot_use_is_left_out(entry):
    assert exif_summary(tiff("<", [entry, (MODEL, ASCII, text("X100V"))])) == [
        ("Camera model", "X100V")
    ]


def _patch(block: bytes, at: int, fmt: str, *values: int) -> bytes:
    packed = struct.pack(fmt, *values)
    return block[:at] + packed + block[at + len(packed) :]


def test_a_text_whose_offset_points_past_the_end():
    block = tiff("<", [(MAKE, ASCII, text("Hasselblad"))])
    # IFD0's only entry starts at 10; its value field at 18.
    assert exif_summary(_patch(block, 18, "<I", 10_000)) == []


def test_a_text_whose_count_is_absurd():
    block = tiff("<", [(MAKE, ASCII, text("Hasselblad"))])
    assert exif_summary(_patch(block, 14, "<I", 1_000_000)) == []


def test_an_ifd_that_claims_more_entries_than_it_holds():
    block = tiff("<", [(MAKE, ASCII, b"LG\x00")])[:22]  # header, count, one entry
    assert exif_summary(_patch(block, 8, "<H", 60_000)) == [("Camera make", "LG")]


def test_a_first_ifd_past_the_end():
    assert exif_summary(_patch(full("<"), 4, "<I", 1 << 31)) == []


def test_exif_and_gps_pointers_past_the_end():
    block = tiff("<", [(MAKE, ASCII, b"LG\x00")], exif=FULL_EXIF, gps=FULL_GPS)
    # IFD0 entries: make (10), Exif pointer (22), GPS pointer (34); value fields at +8.
    broken = _patch(_patch(block, 30, "<I", 999_999), 42, "<I", 999_999)
    assert exif_summary(broken) == [("Camera make", "LG")]


@pytest.mark.parametrize("missing", [1, 2, 3, 4])
def test_gps_without_all_four_parts_is_left_out(missing):
    gps = [e for e in FULL_GPS if e[0] != missing]
    assert exif_summary(tiff("<", FULL_MAIN[:1], gps=gps)) == [("Camera make", "Canon")]


def test_gps_that_is_not_three_numbers_is_left_out():
    gps = [*FULL_GPS[:3], (4, RATIONAL, ((13, 1), (24, 1)))]
    assert exif_summary(tiff("<", [], gps=gps)) == []


def test_gps_with_a_zero_denominator_counts_as_zero():
    gps = [*FULL_GPS[:3], (4, RATIONAL, ((13, 1), (24, 0), (0, 0)))]
    assert exif_summary(tiff("<", [], gps=gps)) == [(GPS_LABEL, "52.52000° N, 13.00000° E")]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff",
        b"\xff\xd8",
        b"II*\x00",
        b"MM\x00*\x00\x00",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
        b"%PDF-1.7\n",
        b"\xff\xd8" + segment(0xE0, b"JFIF\x00") + b"\xff\xd9",  # no EXIF at all
        b"\xff\xd8\xff\xda\x00\x02" + segment(0xE1, b"Exif\x00\x00" + b"II*\x00"),  # after scan
        b"\xff\xd8\x00\x00",  # not a marker where a segment must start
        b"\xff\xd8" + segment(0xE1, b"Exif\x00\x00" + b"XX*\x00\x08\x00\x00\x00"),
    ],
    ids=[
        "empty",
        "one-byte",
        "soi-only",
        "tiff-header-only",
        "tiff-header-cut",
        "png",
        "pdf",
        "jpeg-without-exif",
        "exif-after-scan",
        "no-marker",
        "bad-byte-order",
    ],
)
def test_nothing_to_read_gives_an_empty_summary(data):
    assert exif_summary(data) == []


def test_an_exif_segment_beyond_the_first_mib_is_not_looked_for():
    padding = b"".join(segment(0xE2, b"\x00" * 65_000) for _ in range(17))
    assert len(padding) > 1 << 20
    assert exif_summary(jpeg(full("<"), before=padding)) == []


@ORDERS
def test_every_truncation_of_a_photo(order):
    data = jpeg(full(order))
    for cut in range(len(data)):
        holds_the_contract(exif_summary(data[:cut]))


# -- hypothesis: random, truncated and mutated bytes ----------------------------------------

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = [full("<"), full(">"), jpeg(full("<")), jpeg(full(">")), pillow_jpeg("<")]


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes(data):
    holds_the_contract(exif_summary(data))


@FUZZ
@given(
    st.sampled_from([b"II*\x00", b"MM\x00*", b"\xff\xd8\xff\xe1\x08\x00Exif\x00\x00II*\x00"]),
    st.binary(max_size=2048),
)
def test_random_bytes_behind_a_valid_start(start, rest):
    holds_the_contract(exif_summary(start + rest))


@FUZZ
@given(st.sampled_from(VALID), st.data())
def test_truncated_valid_blocks(block, data):
    start = data.draw(st.integers(0, len(block)))
    end = data.draw(st.integers(start, len(block)))
    holds_the_contract(exif_summary(block[:end]))
    holds_the_contract(exif_summary(block[start:end]))


@FUZZ
@given(
    st.sampled_from(VALID),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=12),
)
def test_mutated_valid_blocks(block, changes):
    mutated = bytearray(block)
    for at, value in changes:
        mutated[at % len(mutated)] = value
    holds_the_contract(exif_summary(bytes(mutated)))


@FUZZ
@given(
    st.sampled_from(VALID),
    st.integers(0, 10_000),
    st.sampled_from([0, 0xFF, 0x7F, 0x80]),
    st.integers(1, 4),
)
def test_offsets_and_counts_set_to_extremes(block, at, byte, width):
    # Runs of 0x00 / 0xFF bytes turn counts and offsets into 0, 65535 or 4294967295.
    at %= len(block)
    holds_the_contract(exif_summary(block[:at] + bytes([byte]) * width + block[at + width :]))
