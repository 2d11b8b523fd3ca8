"""Turning a report (services/reports.py) into a PDF in memory, or onto a printer.

The HTML goes into a QTextDocument set in the shipped CJK font; QPdfWriter writes into a
QBuffer, so the PDF exists only in memory until the user saves it (atomically) where they chose.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from lawnotebook.gui.parts.fonts import report_families
from lawnotebook.services.reports import Report

POINT_SIZE = 9.5
MARGINS_MM = QMarginsF(18, 16, 18, 16)


def report_document(report: Report) -> QTextDocument:
    """The report laid out in the shipped CJK font (not yet paginated)."""
    sans, mono = report_families()
    document = QTextDocument()
    document.setDefaultFont(QFont(sans, POINT_SIZE))
    document.setDefaultStyleSheet(
        f"h1 {{ font-size: 17pt; }} h2 {{ font-size: 13pt; }} th {{ font-weight: bold; }}"
        f" .mono {{ font-family: '{mono}'; }}"
    )
    document.setHtml(report.html.replace("font-family: monospace;", f"font-family: '{mono}';"))
    return document


def _layout(device: QPagedPaintDevice, report: Report) -> None:
    orientation = (
        QPageLayout.Orientation.Landscape if report.landscape else QPageLayout.Orientation.Portrait
    )
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), orientation, MARGINS_MM, QPageLayout.Unit.Millimeter
        )
    )


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (A4; landscape for wide tables), made entirely in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.title)
    writer.setCreator("Lawnotebook")
    writer.setResolution(300)
    _layout(writer, report)
    report_document(report).print_(writer)
    del writer  # finishes the PDF into the buffer
    data = bytes(buffer.data())
    buffer.close()
    return data


def print_report(report: Report, printer) -> None:  # type: ignore[no-untyped-def]
    """Send the report to a QPrinter the user chose (QPrintDialog)."""
    _layout(printer, report)
    report_document(report).print_(printer)


def ensure_application() -> QCoreApplication:
    """A GUI application for the command line's ``report`` (offscreen when no display)."""
    app = QCoreApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    return app
