"""Evidence files made by the tests: PDFs (text, encrypted, damaged, huge), office files,
RTF, HTML, e-mail, image bombs. Small and exact, so a test knows every word in them."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser


def text_pdf(pages: list[str]) -> bytes:
    """A PDF whose pages carry ``pages`` as a Helvetica text layer (ASCII only)."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    kids = []
    for i, text in enumerate(pages):
        page, content = 4 + 2 * i, 5 + 2 * i
        kids.append(f"{page} 0 R".encode())
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode()
        stream = b"BT /F1 12 Tf 72 720 Td (" + escaped + b") Tj ET"
        objects[page] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R"
            b" >> >> /Contents " + f"{content} 0 R".encode() + b" >>"
        )
        objects[content] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)
    return _assemble(objects, b"/Root 1 0 R")


def encrypted_pdf() -> bytes:
    """A PDF under the standard security handler whose user password is not empty."""
    pdf = text_pdf(["secret"])
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               4: b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32
                  + b"> /P -4 >>"}  # fmt: skip
    del pdf
    return _assemble(objects, b"/Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef>"
                     b" <0123456789abcdef0123456789abcdef>]")  # fmt: skip


def _assemble(objects: dict[int, bytes], trailer: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    count = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for number in range(1, count):
        out += b"%010d 00000 n \n" % offsets.get(number, 0)
    out += b"trailer\n<< /Size %d " % count + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def docx(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    return _zip({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": document,
    })  # fmt: skip


def odt(paragraphs: list[str]) -> bytes:
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def _zip(members: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx(inflated: int) -> bytes:
    """A DOCX whose document.xml inflates to ``inflated`` bytes of spaces."""
    head = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    return _zip({"word/document.xml": head + b" " * inflated + b"</w:document>"})


def eml_with_attachments(body: str, attachments: list[tuple[str, str, bytes]]) -> bytes:
    message = EmailMessage()
    message["From"] = "律师 <lawyer@example.org>"
    message["To"] = "client-family@example.org"
    message["Subject"] = "会见笔录 and the detention notice"
    message["Date"] = "Mon, 01 Jul 2019 09:00:00 +0800"
    message.set_content(body)
    for name, media_type, data in attachments:
        main, sub = media_type.split("/")
        if media_type == "message/rfc822":  # a forwarded message travels as a message part
            inner = BytesParser(policy=policy.default).parsebytes(data)
            message.add_attachment(inner, filename=name)
        else:
            message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return bytes(message)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` pixels but holds almost no data: a
    decompression bomb's signature, refused before a pixel is decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
