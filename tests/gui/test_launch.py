"""Whether the window can start here, said in one sentence when it cannot."""

from __future__ import annotations

import sys

import pytest

from lawnotebook.gui import unavailable_reason
from lawnotebook.gui.parts.messages import explain
from lawnotebook.gui.start.passphrase_strength import strength
from lawnotebook.vault import errors


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is an X11/Wayland idea")
def test_no_display_is_explained():
    assert "no graphical display" in unavailable_reason({})
    assert unavailable_reason({"DISPLAY": ":0"}) is None
    assert unavailable_reason({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert unavailable_reason({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_turned_off_by_environment():
    assert "LAWNOTEBOOK_NO_GUI" in unavailable_reason({"LAWNOTEBOOK_NO_GUI": "1", "DISPLAY": ":0"})


def test_every_failure_reads_as_a_sentence_without_internals():
    for exc in (
        errors.WrongPassphrase("x"),
        errors.VaultAlreadyOpen("/tmp/x locked by pid 4"),
        errors.HeaderCorrupt("base64 at offset 7"),
        RuntimeError("Traceback (most recent call last)"),
    ):
        sentence = explain(exc)
        assert sentence.endswith(".") and "Traceback" not in sentence and "offset" not in sentence


def test_strength_prefers_long_sentences():
    assert strength("abc")[0] == 0
    assert strength("Tr0ub4dor&3")[0] < strength("correct horse battery staple river")[0]
    assert strength("我的当事人在看守所里说")[0] >= 2
