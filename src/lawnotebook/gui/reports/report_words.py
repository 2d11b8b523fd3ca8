"""Every fixed word of the court reports (services/reports.py ``WORDS``, the custody
words of services/custody_text.py among them), spelled out so
``pyside6-lupdate`` puts them in the "Reports" context of the .ts files.

services/ stays Qt-free: report_dialog.translated_words() passes the translations in as a
mapping. tests/gui/test_translations.py checks this list matches ``WORDS`` exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTranslator

from lawnotebook.gui.parts import i18n

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
        "Each SHA-256 was computed by Lawnotebook when the file was taken into the "
        "encrypted vault; anyone can recompute it from a copy of the file. Every intake, "
        "view, export and import is recorded in a hash-chained custody log; the newest "
        "entry hash of each chain below fixes the whole log as it stood when this list "
        "was prepared.",
    ),
    QT_TRANSLATE_NOOP("Reports", "Time zone"),
    QT_TRANSLATE_NOOP("Reports", "China Standard Time"),
    QT_TRANSLATE_NOOP("Reports", "altered"),
    QT_TRANSLATE_NOOP("Reports", "missing"),
    QT_TRANSLATE_NOOP("Reports", "out of order"),
    QT_TRANSLATE_NOOP("Reports", "truncated"),
    QT_TRANSLATE_NOOP("Reports", "Law firm"),
    QT_TRANSLATE_NOOP("Reports", "Licence number"),
    QT_TRANSLATE_NOOP("Reports", "Lawnotebook user ({groups}…)"),
    QT_TRANSLATE_NOOP("Reports", "Evidence added"),
    QT_TRANSLATE_NOOP("Reports", "Evidence viewed"),
    QT_TRANSLATE_NOOP("Reports", "Exported"),
    QT_TRANSLATE_NOOP("Reports", "Imported"),
    QT_TRANSLATE_NOOP("Reports", "Created"),
    QT_TRANSLATE_NOOP("Reports", "Edited"),
    QT_TRANSLATE_NOOP("Reports", "Deleted"),
    QT_TRANSLATE_NOOP("Reports", "Restored"),
    QT_TRANSLATE_NOOP("Reports", "Verified"),
    QT_TRANSLATE_NOOP("Reports", "Person"),
    QT_TRANSLATE_NOOP("Reports", "Note"),
    QT_TRANSLATE_NOOP("Reports", "Interrogation"),
    QT_TRANSLATE_NOOP("Reports", "Deadline"),
    QT_TRANSLATE_NOOP("Reports", "Custody event"),
    QT_TRANSLATE_NOOP("Reports", "Review of a legality finding"),
    QT_TRANSLATE_NOOP("Reports", "Title"),
    QT_TRANSLATE_NOOP("Reports", "Charges"),
    QT_TRANSLATE_NOOP("Reports", "Stage"),
    QT_TRANSLATE_NOOP("Reports", "Status"),
    QT_TRANSLATE_NOOP("Reports", "Tags"),
    QT_TRANSLATE_NOOP("Reports", "Archived"),
    QT_TRANSLATE_NOOP("Reports", "Name"),
    QT_TRANSLATE_NOOP("Reports", "Role"),
    QT_TRANSLATE_NOOP("Reports", "Aliases"),
    QT_TRANSLATE_NOOP("Reports", "Contact notes"),
    QT_TRANSLATE_NOOP("Reports", "Text"),
    QT_TRANSLATE_NOOP("Reports", "Parallel versions"),
    QT_TRANSLATE_NOOP("Reports", "Linked people"),
    QT_TRANSLATE_NOOP("Reports", "Linked evidence"),
    QT_TRANSLATE_NOOP("Reports", "Due date"),
    QT_TRANSLATE_NOOP("Reports", "Kind of deadline"),
    QT_TRANSLATE_NOOP("Reports", "Done"),
    QT_TRANSLATE_NOOP("Reports", "Notes"),
    QT_TRANSLATE_NOOP("Reports", "SHA-256"),
    QT_TRANSLATE_NOOP("Reports", "Added by"),
    QT_TRANSLATE_NOOP("Reports", "Kind of place"),
    QT_TRANSLATE_NOOP("Reports", "Address"),
    QT_TRANSLATE_NOOP("Reports", "Kind of custody event"),
    QT_TRANSLATE_NOOP("Reports", "Time"),
    QT_TRANSLATE_NOOP("Reports", "Place (from the case's places)"),
    QT_TRANSLATE_NOOP("Reports", "Recording"),
    QT_TRANSLATE_NOOP("Reports", "Recording file"),
    QT_TRANSLATE_NOOP("Reports", "Start the recording's clock shows"),
    QT_TRANSLATE_NOOP("Reports", "End the recording's clock shows"),
    QT_TRANSLATE_NOOP("Reports", "Transcript file"),
    QT_TRANSLATE_NOOP("Reports", "Transcript pages"),
    QT_TRANSLATE_NOOP("Reports", "Start written on the transcript"),
    QT_TRANSLATE_NOOP("Reports", "End written on the transcript"),
    QT_TRANSLATE_NOOP("Reports", "Transcript signed by the client"),
    QT_TRANSLATE_NOOP("Reports", "Corrections to the transcript"),
    QT_TRANSLATE_NOOP("Reports", "Rest breaks"),
    QT_TRANSLATE_NOOP("Reports", "Meals"),
    QT_TRANSLATE_NOOP("Reports", "Interpreter needed"),
    QT_TRANSLATE_NOOP("Reports", "Interpreter present"),
    QT_TRANSLATE_NOOP("Reports", "Guardian needed"),
    QT_TRANSLATE_NOOP("Reports", "Guardian present"),
    QT_TRANSLATE_NOOP("Reports", "Outcome"),
    QT_TRANSLATE_NOOP("Reports", "Injuries seen"),
    QT_TRANSLATE_NOOP("Reports", "Detention-house health check"),
    QT_TRANSLATE_NOOP("Reports", "Finding"),
    QT_TRANSLATE_NOOP("Reports", "What the finding computed"),
    QT_TRANSLATE_NOOP("Reports", "Review"),
    QT_TRANSLATE_NOOP("Reports", "Reason"),
    QT_TRANSLATE_NOOP("Reports", "Rule set version"),
    QT_TRANSLATE_NOOP("Reports", "Summons"),
    QT_TRANSLATE_NOOP("Reports", "Compelled appearance"),
    QT_TRANSLATE_NOOP("Reports", "Criminal detention"),
    QT_TRANSLATE_NOOP("Reports", "Arrest"),
    QT_TRANSLATE_NOOP("Reports", "Committal to the detention house"),
    QT_TRANSLATE_NOOP("Reports", "Residential surveillance at a designated place"),
    QT_TRANSLATE_NOOP("Reports", "Supervision detention"),
    QT_TRANSLATE_NOOP("Reports", "Transfer"),
    QT_TRANSLATE_NOOP("Reports", "Hospital"),
    QT_TRANSLATE_NOOP("Reports", "Release"),
    QT_TRANSLATE_NOOP("Reports", "Family notified"),
    QT_TRANSLATE_NOOP("Reports", "Lawyer asked to meet"),
    QT_TRANSLATE_NOOP("Reports", "Lawyer's meeting"),
    QT_TRANSLATE_NOOP("Reports", "Other"),
    QT_TRANSLATE_NOOP("Reports", "{fields} edited"),
    QT_TRANSLATE_NOOP("Reports", ", "),
    QT_TRANSLATE_NOOP("Reports", "saved to a file outside the vault"),
    QT_TRANSLATE_NOOP(
        "Reports", "Bundle #{n} sealed for {recipients}: {records} records, {files} files"
    ),
    QT_TRANSLATE_NOOP("Reports", "a passphrase"),
    QT_TRANSLATE_NOOP(
        "Reports",
        "Bundle #{n} from {sender} applied: {added} added, {changed} changed, {deleted} "
        "deleted, {conflicts} conflicts, {files} files",
    ),
    QT_TRANSLATE_NOOP("Reports", "Details withheld (not shared in the bundle this entry came in)"),
    QT_TRANSLATE_NOOP("Reports", "{n} further details recorded"),
    QT_TRANSLATE_NOOP("Reports", "source: {source}"),
    QT_TRANSLATE_NOOP("Reports", "the version saved {when} restored"),
)


def translated_words() -> dict[str, str]:
    """Every fixed word of the reports in the interface's language (the installed translators)."""
    return {w: QCoreApplication.translate("Reports", w) for w in REPORT_WORDS}


def words_for(language: str) -> dict[str, str]:
    """Every fixed word of the reports in ``language`` (``zh_CN``, ``en``), whatever the
    interface's language: for ``lawnotebook report --lang``. Needs a QCoreApplication; a
    language without a shipped translation prints English (an empty mapping)."""
    code = i18n.resolve(language)
    path = i18n.qm_path(code) if code != i18n.ENGLISH else None
    translator = QTranslator()
    if path is None or not translator.load(str(path)):
        return {}
    out = {}
    for word in REPORT_WORDS:
        text = translator.translate("Reports", word)
        out[word] = text or word
    return out
