"""Screenshots of part 2: the evidence tab with a PDF open, colleagues, the share wizard, a
merge plan, the conflict view and a report page. Uses fictional demo data only; a second
throw-away vault plays the colleague who sends changes back."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QFont, QImage, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

from lawnotebook.core.records import Case, Evidence, Note
from lawnotebook.crypto.keywrap import Argon2Params
from lawnotebook.gui.parts.fonts import report_families
from lawnotebook.services.bundle_open import open_bundle
from lawnotebook.services.bundle_seal import seal_case
from lawnotebook.services.colleagues import Colleagues
from lawnotebook.services.evidence import add_evidence
from lawnotebook.services.owner import rename_owner
from lawnotebook.services.session import Session, create_vault

MEDICAL_RECORD = """
<h2>东江市看守所 入所健康检查表</h2>
<p>姓名：刘志强　　性别：男　　入所日期：2024年5月24日</p>
<p><b>体表检查：</b>左手腕可见环状淤青，宽约1.5厘米；背部可见多处条状淤痕。</p>
<p><b>当事人自述：</b>在公安局讯问期间连续三天未睡觉，被要求长时间保持蹲姿。</p>
<p><b>医生意见：</b>建议进一步检查，伤情形成时间约为3至5日内。</p>
<p>检查医生：（签名）　　　　日期：2024-05-24</p>
"""


def _pdf(html: str, pages: int = 3) -> bytes:
    sans, _ = report_families()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setDefaultFont(QFont(sans, 16))
    body = html + "".join(
        f'<p style="page-break-before: always">第{i + 2}页：复查记录 {i + 1}</p>'
        for i in range(pages - 1)
    )
    document.setHtml(body)
    document.print_(writer)
    del writer
    return bytes(buffer.data())


def _png(width: int = 320, height: int = 240) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0xD9C3A5)
    painter = QPainter(image)
    painter.drawText(20, 120, "Photograph of left wrist (demo)")
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def _named(data: bytes, name: str) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def add_demo_evidence(files, case: Case) -> Evidence:  # type: ignore[no-untyped-def]
    """A medical record (PDF), a photo and a meeting transcript; returns the PDF item."""
    pdf = add_evidence(
        files,
        case,
        _named(_pdf(MEDICAL_RECORD), "看守所入所体检表.pdf"),
        source_note="律师阅卷复制",
        description="入所时记录的伤情",
    )
    add_evidence(files, case, _named(_png(), "左手腕伤情照片.png"), source_note="家属拍摄")
    add_evidence(
        files,
        case,
        _named("会见记录\n当事人称连续三天不让睡觉。\n".encode(), "会见记录.txt"),
        source_note="本所",
    )
    return pdf


def _colleague(tmp: Path, name: str, kdf: Argon2Params) -> Session:
    session, _ = create_vault(tmp / name.split()[0], "demo colleague passphrase", kdf=kdf)
    rename_owner(session.vault.connection, name)
    return session


def take_sharing(
    app: QApplication,
    window,  # type: ignore[no-untyped-def]
    chinese: Case,
    kdf: Argon2Params,
    out: Path,
    shot: Callable[[str], None],
    grab: Callable[[QWidget, str], None],
) -> None:
    from lawnotebook.gui.reports.report_dialog import build
    from lawnotebook.gui.reports.report_pdf import render_pdf
    from lawnotebook.gui.sharing.bundle_open_dialog import BundleOpenDialog
    from lawnotebook.gui.sharing.colleagues_window import ColleaguesWindow
    from lawnotebook.gui.sharing.conflict_view import ConflictView
    from lawnotebook.gui.sharing.share_wizard import ShareWizard

    desk = window.desk
    files = desk.case_file
    rename_owner(files.conn, "李明 Li Ming")
    tmp = Path(tempfile.mkdtemp(prefix="lawnotebook-shots-colleague-"))
    pdf = add_demo_evidence(files, chinese)
    desk.open_case(chinese.id)
    tab = desk.workspace.show_tab("evidence")
    _wait(app, lambda: False, 0.3)
    tab.view.select(pdf.id)
    tab.open_current()
    _wait(app, lambda: tab.viewer.viewer is not None)
    tab.viewer.viewer.set_zoom(0.55)
    _wait(app, lambda: False, 1.5)  # let QtPdf render the pages at full resolution
    shot("evidence-zh-pdf")

    wang = _colleague(tmp, "Wang Fang 王芳", kdf)
    chen = _colleague(tmp, "Chen Lei 陈磊", kdf)
    me = Colleagues(files.vault)
    me.add(Colleagues(wang.vault).me().card_text, verified=True)
    me.add(Colleagues(chen.vault).me().card_text, verified=False)
    Colleagues(wang.vault).add(me.me().card_text, verified=True)
    colleagues = ColleaguesWindow(me, window)
    colleagues.show()
    grab(colleagues, "colleagues")
    colleagues.close()

    wizard = ShareWizard(files, chinese, me, desk.worker, window)
    wizard.show()
    for i in range(wizard.recipients.colleagues.count()):
        item = wizard.recipients.colleagues.item(i)
        item.setCheckState(item.checkState().Checked)
    grab(wizard, "share-wizard")
    wizard.recipients.colleagues.item(1).setCheckState(
        wizard.recipients.colleagues.item(1).checkState().Unchecked
    )
    wizard.next()
    wizard.next()
    usb = tmp / "usb"
    usb.mkdir()
    wizard.destination.add_place(usb, "KINGSTON (/media/lawyer/KINGSTON) — removable drive")
    wizard.next()
    _wait(app, lambda: wizard.seal.done)
    grab(wizard, "share-sealed")
    wizard.close()

    # Wang receives it, edits, and sends changes back while we edit the same note.
    (bundle,) = usb.glob("*.lnb")
    open_bundle(wang.case_file, bundle)
    theirs = wang.case_file.case(chinese.id)
    (note,) = [n for n in wang.case_file.list(Note, theirs) if n.title == "第一次会见笔录要点"]
    wang.case_file.edit_note(note, note.text + "\n补充：当事人称被要求长时间蹲着。\n")
    wang.case_file.add_event(theirs, "2024-05-24 16:00", "入所体检发现左手腕淤青")
    (record,) = [
        e for e in wang.case_file.list(Evidence, theirs) if e.file_name.startswith("左手腕")
    ]
    wang.case_file.update(_replace(record, description="家属5月26日会见后拍摄"))
    back = tmp / "back"
    back.mkdir()
    to = Colleagues(wang.vault).all()
    seal_case(wang.case_file, chinese.id, back / "bundle-demo.lnb", to=to, since_last=True)
    (ours,) = [n for n in files.list(Note, chinese) if n.title == "第一次会见笔录要点"]
    files.edit_note(ours, ours.text + "\n补充：需要调取讯问室监控。\n")
    dialog = BundleOpenDialog(files, desk.worker, back / "bundle-demo.lnb", window)
    dialog.show()
    dialog.start()
    _wait(app, lambda: dialog.state == "plan")
    grab(dialog, "merge-plan")
    dialog.apply()
    _wait(app, lambda: dialog.state == "done")
    dialog.close()
    view = ConflictView(files, files.case(chinese.id), window)
    view.show()
    grab(view, "conflict-view")
    view.close()

    report = render_pdf(build(files, files.case(chinese.id), "integrity"))
    _report_png(report, out, "report-integrity-zh")
    for session in (wang, chen):
        session.close()


def _replace(record, **changes):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(record, **changes)


def _report_png(pdf: bytes, out: Path, name: str) -> None:
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = document.pagePointSize(0)
    image = document.render(0, QSize(int(size.width() * 1.6), int(size.height() * 1.6)))
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(0xFFFFFF)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    page.save(str(out / f"{name}.png"))


def _wait(app: QApplication, until, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end and not until():
        app.processEvents()
        time.sleep(0.01)
