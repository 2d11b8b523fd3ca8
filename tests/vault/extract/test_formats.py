"""Every text format the intake reads, with the exact text that must come out."""

from __future__ import annotations

import codecs

import pytest
import samples

from lawnotebook.vault.extract import (
    Limits,
    NoTextFormat,
    Outcome,
    PasswordProtected,
    TooLarge,
    Unreadable,
    extract_units,
    kind_of,
)

STATEMENT = "被告人张三称：侦查员对其刑讯逼供，连续审讯三天三夜。"
TRADITIONAL = "被告人張三稱：偵查員對其刑訊逼供，連續審訊三天三夜。"


def units(data: bytes, name: str, media_type: str = "", limits: Limits | None = None):
    outcome = Outcome()
    found = list(
        extract_units(
            data,
            file_name=name,
            media_type=media_type,
            limits=limits or Limits(),
            ocr=None,
            outcome=outcome,
        )
    )
    return found, outcome


def only_text(data: bytes, name: str, media_type: str = "") -> str:
    found, _ = units(data, name, media_type)
    assert len(found) == 1 and found[0].page is None and found[0].source == "text"
    return found[0].text


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_simplified_chinese_text_in_any_common_encoding(encoding):
    text = (STATEMENT + "\n2019年7月1日 Record No. 17\n") * 3
    assert only_text(text.encode(encoding), "statement.txt") == text


def test_gb18030_characters_outside_gbk_survive():
    text = "当事人姓名：𠀾𪚥 (GB18030 four-byte characters)，住址：深圳市。" * 4
    assert "𠀾𪚥" in only_text(text.encode("gb18030"), "notes.txt")


@pytest.mark.parametrize("encoding", ["big5", "utf-8", "utf-16"])
def test_traditional_chinese_text(encoding):
    text = (TRADITIONAL + "\n") * 4
    assert only_text(text.encode(encoding), "筆錄.txt") == text


def test_latin_text_in_windows_1252():
    text = "Témoignage de Müller: the façade of the détention centre.\n" * 3
    assert only_text(text.encode("cp1252"), "statement.txt") == text


def test_docx_paragraphs():
    data = samples.docx(["辩护意见书", STATEMENT, "Defence counsel: Li Si"])
    assert only_text(data, "opinion.docx") == f"辩护意见书\n{STATEMENT}\nDefence counsel: Li Si"


def test_odt_paragraphs():
    data = samples.odt(["会见笔录", TRADITIONAL])
    assert only_text(data, "meeting.odt") == f"会见笔录\n{TRADITIONAL}"


def test_rtf_with_chinese_in_code_page_and_unicode_escapes():
    gbk = "".join(f"\\'{b:02x}" for b in "刑讯逼供".encode("gbk"))
    rtf = (
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
        "{\\*\\generator Msftedit;}\\f0\\fs24 Statement: " + gbk + "\\par "
        "\\uc1\\u24352?\\u19977?\\u-30701?: confession\\par}"  # 张三 and 称 (U+8BF3 as negative)
    )
    text = only_text(rtf.encode("ascii"), "statement.rtf")
    assert text == "Statement: 刑讯逼供\n张三" + chr(0x10000 - 30701) + ": confession"


def test_html_visible_text_only_in_declared_charset():
    html = (
        '<html><head><meta charset="gbk"><title>判决书</title><style>p{color:red}</style>'
        "<script>var secret = 'not text';</script></head>"
        f"<body><h1>刑事判决书</h1><p>{STATEMENT}</p><table><tr><td>原告</td><td>被告</td></tr>"
        "</table></body></html>"
    )
    text = only_text(html.encode("gbk"), "judgment.html")
    assert text.startswith("判决书\n\n刑事判决书")
    assert STATEMENT in text and "原告 被告" in text
    assert "secret" not in text and "color" not in text


def test_eml_with_attachments_as_their_own_text():
    pdf = samples.text_pdf(["Detention notice page one", "Signed by officer Wang"])
    data = samples.eml_with_attachments(
        "附件是拘留通知书和会见笔录。",
        [
            ("拘留通知书.pdf", "application/pdf", pdf),
            ("笔录.txt", "text/plain", STATEMENT.encode("gb18030")),
            ("photo.bin", "application/octet-stream", b"\x00\x01\x02"),
        ],
    )
    found, outcome = units(data, "mail.eml", "message/rfc822")
    message = found[0]
    assert (message.part, message.page) == ("", None)
    assert "Subject: 会见笔录 and the detention notice" in message.text
    assert "附件是拘留通知书和会见笔录。" in message.text
    attachments = [(u.part, u.page, u.text) for u in found[1:]]
    assert attachments == [
        ("拘留通知书.pdf", 1, "Detention notice page one"),
        ("拘留通知书.pdf", 2, "Signed by officer Wang"),
        ("笔录.txt", None, STATEMENT),
    ]
    assert outcome.partial == ""  # an attachment without text is not a problem


def test_eml_inside_eml_names_the_path():
    inner = samples.eml_with_attachments("inner body", [("a.txt", "text/plain", b"deep words")])
    outer = samples.eml_with_attachments("outer body", [("fwd.eml", "message/rfc822", inner)])
    found, _ = units(outer, "outer.eml")
    assert ("fwd.eml › a.txt", "deep words") in [(u.part, u.text) for u in found]


def test_pdf_text_layer_page_by_page():
    found, outcome = units(samples.text_pdf(["first page", "second page"]), "x.pdf")
    assert [(u.page, u.source, u.text) for u in found] == [
        (1, "text", "first page"),
        (2, "text", "second page"),
    ]
    assert outcome.partial == ""


def test_password_protected_pdf():
    with pytest.raises(PasswordProtected):
        units(samples.encrypted_pdf(), "locked.pdf")


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 3],
        lambda b: b"%PDF-1.7\n" + bytes(range(256)) * 20,
    ],
)
def test_damaged_pdf(damage):
    with pytest.raises(Unreadable):
        units(damage(samples.text_pdf(["a page", "another"])), "broken.pdf")


def test_pdf_past_the_page_limit_is_read_in_part():
    data = samples.text_pdf([f"page {i}" for i in range(1, 2001)])
    found, outcome = units(data, "dossier.pdf", limits=Limits(max_pages=500))
    assert len(found) == 500 and found[-1].text == "page 500"
    assert outcome.partial == "pages 501–2000 not read: past the limit of 500 pages"


def test_zip_bomb_in_a_docx_stops_at_the_cap():
    with pytest.raises(TooLarge):
        units(
            samples.zip_bomb_docx(50_000_000), "bomb.docx", limits=Limits(max_text_chars=1_000_000)
        )


def test_image_decompression_bomb_is_refused_before_decoding():
    with pytest.raises(TooLarge, match="megapixels"):
        units(samples.png_header_only(60_000, 60_000), "bomb.png")


def test_damaged_office_file():
    with pytest.raises(Unreadable):
        units(b"PK\x03\x04" + b"\x00" * 100, "broken.docx")


def test_files_without_text():
    with pytest.raises(NoTextFormat):
        units(b"\x00\x01\x02\x03" * 100, "recording.m4a", "audio/mp4")


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"%PDF-1.4", "a", "pdf"),
        (b"\x89PNG\r\n\x1a\n", "a", "image"),
        (b"{\\rtf1", "a", "rtf"),
        (b"From: a@b\nSubject: x\n\nbody", "a", "eml"),
        (b"<!DOCTYPE html><html>", "a", "html"),
        (codecs.BOM_UTF16_LE + "文字".encode("utf-16-le"), "a", "text"),
    ],
)
def test_kind_by_content(head, name, kind):
    assert kind_of(head, name, "application/octet-stream") == kind
