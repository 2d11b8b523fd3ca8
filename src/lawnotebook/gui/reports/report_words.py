"""Every fixed word of the court reports (services/reports.py ``WORDS``), spelled out so
``pyside6-lupdate`` puts them in the "Reports" context of the .ts files.

services/ stays Qt-free: report_dialog.translated_words() passes the translations in as a
mapping. tests/gui/test_translations.py checks this list matches ``WORDS`` exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

REPORT_WORDS = (
    QT_TRANSLATE_NOOP("Reports", "Case chronology"),
    QT_TRANSLATE_NOOP("Reports", "Interrogation record"),
    QT_TRANSLATE_NOOP("Reports", "Evidence integrity list"),
    QT_TRANSLATE_NOOP("Reports", "Case"),
    QT_TRANSLATE_NOOP("Reports", "Case number"),
    QT_TRANSLATE_NOOP("Reports", "Client"),
    QT_TRANSLATE_NOOP("Reports", "Court"),
    QT_TRANSLATE_NOOP("Reports", "Prepared"),
    QT_TRANSLATE_NOOP("Reports", "Prepared by"),
    QT_TRANSLATE_NOOP("Reports", "Fingerprint of the preparing lawyer's key"),
    QT_TRANSLATE_NOOP("Reports", "Date"),
    QT_TRANSLATE_NOOP("Reports", "Event"),
    QT_TRANSLATE_NOOP("Reports", "Description"),
    QT_TRANSLATE_NOOP("Reports", "People"),
    QT_TRANSLATE_NOOP("Reports", "Evidence"),
    QT_TRANSLATE_NOOP("Reports", "Start"),
    QT_TRANSLATE_NOOP("Reports", "End"),
    QT_TRANSLATE_NOOP("Reports", "Duration"),
    QT_TRANSLATE_NOOP("Reports", "Place"),
    QT_TRANSLATE_NOOP("Reports", "Interrogators"),
    QT_TRANSLATE_NOOP("Reports", "On video"),
    QT_TRANSLATE_NOOP("Reports", "Rights read"),
    QT_TRANSLATE_NOOP("Reports", "Client's account"),
    QT_TRANSLATE_NOOP("Reports", "Yes"),
    QT_TRANSLATE_NOOP("Reports", "No"),
    QT_TRANSLATE_NOOP("Reports", "Unknown"),
    QT_TRANSLATE_NOOP("Reports", "File name"),
    QT_TRANSLATE_NOOP("Reports", "Size"),
    QT_TRANSLATE_NOOP("Reports", "Type"),
    QT_TRANSLATE_NOOP("Reports", "Added"),
    QT_TRANSLATE_NOOP("Reports", "Source"),
    QT_TRANSLATE_NOOP("Reports", "Custody events"),
    QT_TRANSLATE_NOOP("Reports", "Custody log"),
    QT_TRANSLATE_NOOP("Reports", "chain"),
    QT_TRANSLATE_NOOP("Reports", "entries"),
    QT_TRANSLATE_NOOP("Reports", "newest entry hash"),
    QT_TRANSLATE_NOOP("Reports", "Newest custody entry"),
    QT_TRANSLATE_NOOP("Reports", "The custody log verifies: every entry is intact and in order."),
    QT_TRANSLATE_NOOP("Reports", "The custody log does NOT verify"),
    QT_TRANSLATE_NOOP("Reports", "bytes"),
    QT_TRANSLATE_NOOP("Reports", "No records."),
    QT_TRANSLATE_NOOP("Reports", "Page"),
    QT_TRANSLATE_NOOP("Reports", "{h} h {m} min"),
    QT_TRANSLATE_NOOP("Reports", "{m} min"),
    QT_TRANSLATE_NOOP(
        "Reports",
        "Each SHA-256 was computed by Lawnotebook when the file was taken into the encrypted "
        "vault; anyone can recompute it from a copy of the file. Every intake, view, export and "
        "import is recorded in a hash-chained custody log; the newest entry hash of each chain "
        "below fixes the whole log as it stood when this list was prepared.",
    ),
    QT_TRANSLATE_NOOP("Reports", "Evidence added"),
    QT_TRANSLATE_NOOP("Reports", "Evidence viewed"),
    QT_TRANSLATE_NOOP("Reports", "Exported"),
    QT_TRANSLATE_NOOP("Reports", "Imported"),
    QT_TRANSLATE_NOOP("Reports", "Created"),
    QT_TRANSLATE_NOOP("Reports", "Edited"),
    QT_TRANSLATE_NOOP("Reports", "Deleted"),
    QT_TRANSLATE_NOOP("Reports", "Verified"),
)
