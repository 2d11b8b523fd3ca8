"""Screenshots of a search hit inside evidence (docs/screenshots/evidence-*-hit.png): the OCR
word boxes over the hit on a scanned (image-only) PDF, and the query highlighted in a text file.

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb LAWNOTEBOOK_KEYCHAIN=off LC_ALL=C.UTF-8 \\
        LAWNOTEBOOK_NO_EXTRACTION=1 .venv/bin/python -m tools.screenshots.evidence OUT

Same throw-away vault (cheap KDF) and fictional demo cases as ``readme.py``. The scan is a
fictional interrogation record (讯问笔录) drawn with Qt into an image-only PDF in memory; its
page text and word boxes are written through the store the extraction queue writes
(``stored.save_units``), as the OCR would, so the shot does not depend on an OCR engine.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QRadialGradient,
)
from PySide6.QtWidgets import QApplication, QSplitter

from lawnotebook.core.records import Case, Evidence
from lawnotebook.demo.cases import populate
from lawnotebook.demo.evidence import image_pdf
from lawnotebook.gui.application import make_application
from lawnotebook.gui.parts.fonts import load_shipped_fonts
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.owner import rename_owner
from lawnotebook.vault.extract import stored
from lawnotebook.vault.extract.model import TextUnit
from lawnotebook.vault.ocr.words import WordBox
from lawnotebook.vault.transaction import transaction
from tools.screenshots.readme import create_through_window, demo_window, grabber
from tools.screenshots.sharing import _wait, add_demo_evidence

QUERY = "逼供"
FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
SCAN_WIDTH, SCAN_HEIGHT = 1240, 1754  # A4 at 150 dpi
MARGIN = 150  # pixels of the scan left and right of the text

# A fictional record of the second interrogation in the demo case (demo_data.chinese_case).
RECORD_PAGES: tuple[tuple[str, ...], ...] = (
    (
        "# 讯 问 笔 录",
        "（第二次）",
        "",
        "时间：2024年5月22日14时00分至2024年5月22日20时30分",
        "地点：东江市公安局讯问室",
        "侦查员姓名：赵建国　工作单位：东江市公安局刑事侦查大队",
        "记录员姓名：孙海涛　工作单位：东江市公安局刑事侦查大队",
        "被讯问人姓名：刘志强　性别：男　户籍所在地：东江市城东区",
        "",
        "问：我们是东江市公安局的侦查人员，今天继续就你涉嫌故意杀人一案对你进行讯问，"
        "你要如实回答。你听清楚了吗？",
        "答：听清楚了。",
        "问：你把5月20日晚上的经过再讲一遍。",
        "答：那天晚上我在夜市和吴某某吵了几句，他先推了我一下，我也推了他，"
        "后来就被你们带到这里了。",
        "问：你前天晚上说是你用酒瓶打了被害人，现在为什么改口？",
        "答：前天晚上我说的不是真的。我被连着问了一整夜，不让睡觉，我实在撑不住了才那样说的。",
    ),
    (
        "问：你说的这些情况，有没有人能够证明？",
        "答：讯问室里只有你们两个人。我要求找律师，你们说案子还没定，不用找。",
        "问：你在公安机关接受讯问期间，是否受到刑讯逼供、威胁、引诱、欺骗？",
        "答：有。他们连着三天不让我睡觉，让我一直蹲着，还说我不认就把我妈也抓进来。"
        "这就是刑讯逼供，我之前签字的笔录都不是我的真实意思。",
        "问：你说被要求蹲着，蹲了多长时间？",
        "答：记不清了，应该有好几个小时，腿都麻了，手腕上的铐子勒出了印子。",
        "问：你还有什么要补充的吗？",
        "答：没有了。",
        "问：以上所说是否属实？",
        "答：属实。",
        "",
        "以上笔录我看过，和我说的相符。",
    ),
)


@dataclass(frozen=True)
class ScanPage:
    image: QImage
    text: str
    boxes: tuple[WordBox, ...]


def _family() -> str:
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(FONT_FILE))
    return families[0] if families else "WenQuanYi Micro Hei"


def _font(family: str, size: int, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(size)
    font.setBold(bold)
    return font


def _wrap(line: str, metrics: QFontMetricsF, width: float, hang: float) -> list[str]:
    """``line`` broken into rows ``width`` wide, the rows after the first indented ``hang``."""
    rows: list[str] = []
    row, indent = "", 0.0
    for ch in line:
        if row and metrics.horizontalAdvance(row + ch) + indent > width:
            rows.append(row)
            row, indent = "", hang
        row += ch
    rows.append(row)
    return rows


def _scan_page(lines: tuple[str, ...], number: int, of: int, seed: int) -> ScanPage:
    """One "scanned" page: the lines typeset character by character (wrapped to the margins)
    on off-white paper with a little noise; returns the image, its text and the box of every
    character as fractions of the page, as the OCR reports them."""
    family = _family()
    image = QImage(SCAN_WIDTH, SCAN_HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor(246, 244, 238))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    rng = random.Random(seed)
    for _ in range(2500):
        grey = rng.randint(170, 225)
        painter.setPen(QColor(grey, grey, grey))
        painter.drawPoint(QPointF(rng.uniform(0, SCAN_WIDTH), rng.uniform(0, SCAN_HEIGHT)))
    ink = QColor(28, 28, 34)
    painter.setPen(ink)
    body = _font(family, 30)
    text_lines: list[str] = []
    boxes: list[WordBox] = []
    y = 150.0
    for line in lines:
        if not line:
            y += 30
            continue
        title = line.startswith("# ")
        font = _font(family, 52, bold=True) if title else body
        if title:
            line = line[2:]
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        top, bottom = -metrics.ascent() * 0.9, metrics.descent() * 0.7  # glyph ink
        centred = title or line.startswith("（")
        hang = metrics.horizontalAdvance("答：") if line[:2] in ("问：", "答：") else 0.0
        rows = _wrap(line, metrics, SCAN_WIDTH - 2 * MARGIN, hang)
        for i, row in enumerate(rows):
            x = MARGIN + (hang if i else 0.0)
            if centred:
                x = (SCAN_WIDTH - metrics.horizontalAdvance(row)) / 2
            baseline = y + metrics.ascent()
            painter.drawText(QPointF(x, baseline), row)
            for ch in row:
                advance = metrics.horizontalAdvance(ch)
                if not ch.isspace():
                    boxes.append(
                        WordBox(
                            ch,
                            round((x + 1) / SCAN_WIDTH, 4),
                            round((baseline + top) / SCAN_HEIGHT, 4),
                            round((x + advance - 1) / SCAN_WIDTH, 4),
                            round((baseline + bottom) / SCAN_HEIGHT, 4),
                            round(rng.uniform(0.86, 0.99), 2),
                        )
                    )
                x += advance
            y += metrics.height() * (1.75 if title else 1.55)
        text_lines.append("".join(rows).replace(" ", "") if title else "".join(rows))
    # The signature and thumbprint at the foot of every page, and the page number.
    painter.setFont(_font(family, 30))
    foot = SCAN_HEIGHT - 200
    painter.drawText(QPointF(SCAN_WIDTH - MARGIN - 420, foot), "被讯问人：刘志强")
    painter.drawText(QPointF(SCAN_WIDTH - MARGIN - 420, foot + 48), "2024年5月22日")
    print_ = QRadialGradient(QPointF(SCAN_WIDTH - MARGIN - 70, foot - 10), 38)
    print_.setColorAt(0.0, QColor(200, 30, 40, 170))
    print_.setColorAt(0.7, QColor(210, 40, 50, 110))
    print_.setColorAt(1.0, QColor(220, 60, 60, 0))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(print_)
    painter.drawEllipse(QPointF(SCAN_WIDTH - MARGIN - 70, foot - 10), 30, 38)
    painter.setPen(ink)
    painter.setFont(_font(family, 24))
    folio = f"第 {number} 页　共 {of} 页"
    painter.drawText(
        QRectF(0, SCAN_HEIGHT - 110, SCAN_WIDTH, 40), Qt.AlignmentFlag.AlignCenter, folio
    )
    painter.end()
    return ScanPage(image, "\n".join(text_lines), tuple(boxes))


def scanned_record() -> list[ScanPage]:
    return [
        _scan_page(lines, i + 1, len(RECORD_PAGES), seed=i) for i, lines in enumerate(RECORD_PAGES)
    ]


MEETING_NOTES = (
    "第二次会见笔录\n"
    "\n"
    "会见时间：2024年6月3日上午9时30分至11时\n"
    "会见地点：东江市看守所第三会见室\n"
    "会见律师：李明\n"
    "被会见人：刘志强\n"
    "\n"
    "一、身体状况\n"
    "当事人称左手腕的淤青已经消退，背部仍有疼痛，睡眠不好。\n"
    "看守所入所体检时医生看过伤情，当事人不清楚是否有记录。\n"
    "\n"
    "二、第一次讯问的经过\n"
    "当事人称5月20日晚上10点半左右被带到东江市公安局，一直讯问到第二天上午9点。\n"
    "讯问期间没有让他睡觉，也没有给他喝水，两名侦查人员轮流问。\n"
    "当事人称讯问时没有看到录像设备在工作，侦查人员没有告知他有权委托律师。\n"
    "\n"
    "三、第二次讯问的经过\n"
    "当事人称5月22日下午又被提讯，侦查人员让他长时间蹲着，手腕上一直戴着手铐。\n"
    "侦查人员说他不承认就把他母亲也抓进来，他害怕母亲受牵连，才在笔录上签了字。\n"
    "当事人明确表示：之前的有罪供述是在刑讯逼供和威胁下作出的，不是他的真实意思。\n"
    "当事人称签字前没有让他看笔录内容。\n"
    "\n"
    "四、下一步工作\n"
    "1. 申请调取5月20日至5月23日讯问室的同步录音录像。\n"
    "2. 申请调取看守所入所体检记录和伤情照片。\n"
    "3. 向当事人母亲刘秀兰了解家属被威胁的情况。\n"
    "4. 准备非法证据排除申请书，在庭前会议前提交。\n"
    "\n"
    "会见律师：李明　　当事人：刘志强（已阅）\n"
)


def _named(data: bytes, name: str) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def _store(files, case: Case, evidence: Evidence, units: list[TextUnit]) -> None:  # type: ignore[no-untyped-def]
    """Write the text as the extraction queue does (same store, same search index)."""
    conn = files.vault.connection
    with transaction(conn):
        stored.save_units(conn, evidence_id=evidence.id, case_id=case.id,
                          file_name=evidence.file_name, units=enumerate(units))  # fmt: skip


def add_hit_evidence(files, case: Case) -> tuple[Evidence, Evidence]:  # type: ignore[no-untyped-def]
    """The scanned interrogation record and the lawyer's meeting notes, with their text."""
    pages = scanned_record()
    scan = add_evidence(
        files,
        case,
        _named(image_pdf([p.image for p in pages]), "讯问笔录（第二次）扫描件.pdf"),
        source_note="律师阅卷复制（扫描）",
        description="2024年5月22日讯问笔录",
    )
    _store(files, case, scan, [
        TextUnit("", i + 1, "ocr", page.text, page.boxes) for i, page in enumerate(pages)
    ])  # fmt: skip
    notes = add_evidence(
        files,
        case,
        _named(MEETING_NOTES.encode(), "第二次会见笔录.txt"),
        source_note="本所",
        description="2024年6月3日会见",
    )
    _store(files, case, notes, [TextUnit("", None, "text", MEETING_NOTES)])
    return scan, notes


def _open_hit(app: QApplication, window, evidence: Evidence, page: int | None) -> None:  # type: ignore[no-untyped-def]
    """Search for QUERY in the desk's search box and open the hit inside ``evidence``."""
    desk = window.desk

    def row() -> int | None:
        return next(
            (
                i
                for i, h in enumerate(desk.results.model.hits)
                if getattr(h, "in_text", False) and h.record_id == evidence.id and h.page == page
            ),
            None,
        )

    desk.focus_search()
    desk.search.setText(QUERY)
    _wait(app, lambda: row() is not None, 10)
    found = row()
    assert found is not None, f"no hit in {evidence.file_name}"
    desk.results.list.setCurrentIndex(desk.results.model.index(found))
    desk.results.choose_current()


def take(out: Path) -> list[Path]:
    """Open a search hit in the scan, then in the text file, and save each; returns the PNGs."""
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    load_shipped_fonts()
    window = demo_window(Path(tempfile.mkdtemp(prefix="lawnotebook-shots-evidence-")))
    saved: list[Path] = []
    grab = grabber(app, out, saved)

    def shot(name: str) -> None:
        grab(window, name)

    create_through_window(app, window)
    assert window.session is not None and window.desk is not None
    desk = window.desk
    _, chinese = populate(window.session.case_file)
    files = desk.case_file
    rename_owner(files.conn, "李明 Li Ming")
    add_demo_evidence(files, chinese)
    scan, notes = add_hit_evidence(files, chinese)
    desk.refresh()
    desk.findChild(QSplitter).setSizes([320, 1080])  # the case list narrow, the page wide

    _open_hit(app, window, scan, 2)
    tab = desk.workspace.current_tab()  # type: ignore[union-attr]
    tab.split.setSizes([385, 675])
    viewer = tab.viewer
    _wait(app, lambda: viewer.viewer is not None and bool(getattr(viewer.viewer, "view", None)))
    pdf = viewer.viewer
    _wait(app, lambda: bool(pdf.view.marks), 5)
    pdf.fit_width()  # the whole width of the page, its lines unclipped
    _wait(app, lambda: False, 0.5)
    pdf.open_at(1, _first_hit_centre(pdf))
    _wait(app, lambda: False, 1.5)  # let QtPdf render the page at full resolution
    shot("evidence-scan-hit")

    _open_hit(app, window, notes, None)
    _wait(app, lambda: type(viewer.viewer).__name__ == "TextViewer", 10)
    _wait(app, lambda: False, 0.8)
    shot("evidence-text-hit")
    window.close()
    return saved


def _first_hit_centre(pdf) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    first = pdf.view.marks[1][0]
    return (0.5, (first.y0 + first.y1) / 2)


if __name__ == "__main__":
    for path in take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
