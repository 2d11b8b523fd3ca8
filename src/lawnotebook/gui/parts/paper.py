"""Sheets printed on paper (the recovery key, recovery shares): plain text, monospace where
the lawyer copies characters by hand, printed through the system's print dialog."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QWidget


def sheet(parent: QWidget, text: str, *, monospace: bool = False) -> QTextDocument:
    """A document holding ``text`` as it will be printed."""
    doc = QTextDocument(parent)
    if monospace:
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        doc.setDefaultFont(font)
    doc.setPlainText(text)
    return doc


def print_sheet(parent: QWidget, doc: QTextDocument, title: str) -> bool:
    """Ask for a printer (the dialog titled ``title``) and print ``doc``; whether it printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    doc.print_(printer)
    return True
