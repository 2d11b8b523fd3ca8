"""A court paper as plain blocks (headings, paragraphs, tables), written as DOCX or as the
report HTML the PDF pipeline typesets (``gui/reports/report_pdf.py``).

The DOCX is made in memory with python-docx: lawyers finish the motion in Word or WPS, so the
styles carry East Asian fonts (``w:eastAsia`` in ``w:rFonts``: 宋体 for the text, 黑体 for the
headings) and the Chinese language tag; without them Word and WPS fall back to a Latin font's
idea of Chinese glyphs. The template's own metadata ("python-docx" as author) is replaced by the
preparing lawyer's name; nothing else about the vault goes into the file.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

BODY_FONT_ZH, HEADING_FONT_ZH = "宋体", "黑体"  # SimSun, SimHei: on every Chinese Windows / WPS
BODY_FONT_LATIN, HEADING_FONT_LATIN = "Times New Roman", "Arial"
MONO_FONT = "Courier New"
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 0: the document's title


@dataclass(frozen=True)
class Para:
    """A paragraph; ``label`` printed bold before the text (``申请人：``); ``mono`` for hashes."""

    text: str
    label: str = ""
    align: str = "left"
    bold: bool = False
    mono: bool = False
    indent: bool = False  # a first-line indent of two characters, as Chinese court papers use


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[int]  # percent of the text width, one per column
    mono_columns: tuple[int, ...] = ()


Block = Heading | Para | Table


@dataclass(frozen=True)
class Paper:
    """One court paper: what it is (``kind``), its title, its blocks and every SHA-256 in it."""

    kind: str
    title: str
    language: str
    blocks: list[Block]
    author: str = ""
    landscape: bool = False
    hashes: list[str] = field(default_factory=list)


# --- DOCX ------------------------------------------------------------------------------------


def _fonts(rpr, latin: str, east_asian: str, language: str) -> None:
    """Set ``w:rFonts`` of a ``w:rPr`` (Latin and East Asian, theme fonts removed) and the
    language tag."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asian)):
        fonts.set(qn(attr), value)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:val"), "zh-CN" if language.startswith("zh") else "en-GB")


def _styles(document, language: str) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    _fonts(normal.element.get_or_add_rPr(), BODY_FONT_LATIN, BODY_FONT_ZH, language)
    for name, size in (("Title", 18), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 12)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        _fonts(style.element.get_or_add_rPr(), HEADING_FONT_LATIN, HEADING_FONT_ZH, language)
    # The document defaults too, for text typed later outside any of our styles.
    rpr = document.styles.element.find(
        qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr")
    )
    if rpr is not None:
        _fonts(rpr, BODY_FONT_LATIN, BODY_FONT_ZH, language)


def _page(document, landscape: bool) -> None:
    section = document.sections[0]
    width, height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(22)


def _run(paragraph, text: str, *, bold: bool = False, mono: bool = False, lang: str) -> None:
    run = paragraph.add_run(text)
    run.bold = bold or None
    if mono:
        _fonts(run._r.get_or_add_rPr(), MONO_FONT, MONO_FONT, lang)
        run.font.size = Pt(9)


def _paragraph(document, block: Para, language: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = _ALIGN.get(block.align, WD_ALIGN_PARAGRAPH.LEFT)
    if block.indent:
        paragraph.paragraph_format.first_line_indent = Pt(24)
    if block.label:
        _run(paragraph, block.label, bold=True, lang=language)
    lines = block.text.split("\n")
    for i, line in enumerate(lines):
        _run(paragraph, line, bold=block.bold, mono=block.mono, lang=language)
        if i < len(lines) - 1:
            paragraph.runs[-1].add_break()


def _table(document, block: Table, language: str, text_width: int) -> None:
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, block.headers, strict=True):
        cell.paragraphs[0].text = ""
        _run(cell.paragraphs[0], header, bold=True, lang=language)
    for row in block.rows:
        cells = table.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
            lines = text.split("\n")
            for i, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                _run(paragraph, line, mono=column in block.mono_columns, lang=language)
    for column, percent in zip(table.columns, block.widths, strict=True):
        for cell in column.cells:
            cell.width = int(text_width * percent / 100)
    document.add_paragraph()


def docx_bytes(paper: Paper) -> bytes:
    """The paper as a DOCX file, made in memory (A4, Chinese fonts on every style)."""
    document = Document()
    _styles(document, paper.language)
    _page(document, paper.landscape)
    props = document.core_properties
    props.title = paper.title
    props.author = props.last_modified_by = paper.author
    props.comments = props.subject = props.keywords = props.category = ""
    props.created = props.modified = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.revision = 1
    props.language = "zh-CN" if paper.language.startswith("zh") else "en"
    text_width = (Mm(297) if paper.landscape else Mm(210)) - 2 * Mm(25)
    for block in paper.blocks:
        if isinstance(block, Heading):
            heading = document.add_heading(block.text, level=block.level)
            if block.level == 0:
                heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif isinstance(block, Para):
            _paragraph(document, block, paper.language)
        else:
            _table(document, block, paper.language, text_width)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- HTML (for the PDF) ----------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        level = max(1, min(block.level + (1 if block.level else 0), 3))
        align = ' align="center"' if block.level == 0 else ""
        return f"<h{level}{align}>{_esc(block.text)}</h{level}>"
    if isinstance(block, Para):
        text = _esc(block.text)
        if block.mono:
            text = f'<span style="font-family: monospace;">{text}</span>'
        if block.bold:
            text = f"<b>{text}</b>"
        label = f"<b>{_esc(block.label)}</b>" if block.label else ""
        indent = ' style="text-indent: 2em;"' if block.indent else ""
        return f'<p align="{block.align}"{indent}>{label}{text}</p>'
    out = ['<table border="1" cellspacing="0" cellpadding="4" width="100%"><thead><tr>']
    out += [
        f'<th width="{w}%" align="left" bgcolor="#e8e8e8">{_esc(h)}</th>'
        for h, w in zip(block.headers, block.widths, strict=True)
    ]
    out.append("</tr></thead>")
    for row in block.rows:
        cells = []
        for column, text in enumerate(row):
            shown = _esc(text)
            if column in block.mono_columns:
                shown = f'<span style="font-family: monospace;">{shown}</span>'
            cells.append(f'<td valign="top">{shown}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table><p></p>")
    return "".join(out)


def html_page(paper: Paper) -> str:
    """The paper as the HTML subset Qt's rich-text engine renders (services/reports.py)."""
    body = "\n".join(_html_block(b) for b in paper.blocks)
    return (
        f'<html><head><meta charset="utf-8"><title>{_esc(paper.title)}</title></head>'
        f"<body>{body}</body></html>"
    )
