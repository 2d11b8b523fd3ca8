"""Words of Qt's own dialogs that Qt's shipped Chinese (``qtbase_zh_CN.qm``) leaves in English.

``i18n.install`` loads Qt's translations after ours, so Qt's are asked first; a string Qt has
no translation for falls through to ours. These are the ones a lawyer meets: the labels of
Qt's file dialog (used where the system has none) and two standard buttons. They are listed
here, in Qt's own contexts, only so ``pyside6-lupdate`` puts them in our ``.ts`` files;
``tests/gui/test_translations.py`` opens the dialogs under zh_CN and looks for English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "No"),
)
