"""E-mail messages (.eml, RFC 5322 / MIME): the message's own text, and its attachments,
which the caller reads as files of their own."""

from __future__ import annotations

from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

from lawnotebook.vault.extract.markup import html_to_text
from lawnotebook.vault.extract.model import Unreadable

_HEADERS = ("From", "To", "Cc", "Date", "Subject")


@dataclass(frozen=True)
class Attachment:
    name: str
    media_type: str
    data: bytes


def parse_message(data: bytes) -> tuple[str, list[Attachment]]:
    """The message's headers and body as text, and its attachments (in order)."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:  # the parser is lenient; anything it still raises means damage
        raise Unreadable("the e-mail could not be parsed") from exc
    assert isinstance(message, EmailMessage)
    if not any(message.get(h) for h in _HEADERS) and not message.is_multipart():
        raise Unreadable("the file is not an e-mail message (no headers)")
    lines = []
    for header in _HEADERS:
        value = _header(message, header)
        if value:
            lines.append(f"{header}: {value}")
    body = _body(message)
    text = "\n".join(lines) + ("\n\n" + body if body else "")
    return text.strip(), _attachments(message)


def _header(message: EmailMessage, name: str) -> str:
    try:
        return str(message.get(name, "") or "")
    except Exception:  # a malformed encoded word: keep the raw value
        return str(message.get_all(name, [""])[0])


def _text_of(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # unknown charset, broken encoding
        raw = part.get_payload(decode=True) or b""
        content = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_subtype() == "html" else content.strip()


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    return _text_of(part) if isinstance(part, EmailMessage) else ""


def _attachments(message: EmailMessage) -> list[Attachment]:
    found = []
    for i, part in enumerate(message.iter_attachments(), start=1):
        if not isinstance(part, EmailMessage):
            continue
        name = part.get_filename() or f"attachment {i}"
        media_type = part.get_content_type()
        if media_type == "message/rfc822":
            inner = part.get_payload()
            first = inner[0] if isinstance(inner, list) and inner else None
            payload = first.as_bytes() if isinstance(first, Message) else b""
            name = part.get_filename() or f"message {i}.eml"
        else:
            raw = part.get_payload(decode=True)
            payload = raw if isinstance(raw, bytes) else b""
        found.append(Attachment(name, media_type, payload))
    return found
