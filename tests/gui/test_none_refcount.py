"""The PySide6 6.12 / CPython 3.11 reference bug on None must not abort a long session."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import lawnotebook.gui  # applies the workaround
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
edit = QLineEdit()
for _ in range(300_000):  # far more void calls than None had references
    edit.clear()
print("alive")
"""


def test_many_void_calls_do_not_abort():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert "alive" in out.stdout
