"""Start-up stays light: the unlock window loads no desk, viewers or media modules; the desk's
modules load a step at a time while the passphrase is typed; the desk shows in its own turn."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from lawnotebook.gui.window.import_ahead import ImportAhead, _module_level_imports
from support import PASSPHRASE

HEAVY = (
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "lawnotebook.gui.desk.desk",
    "lawnotebook.gui.case.workspace",
    "lawnotebook.gui.evidence.evidence_tab",
    "lawnotebook.gui.evidence.evidence_viewer",
    "lawnotebook.services.extraction",
    # The vault stack (SQLCipher, crypto, migrations) and the CLI's commands: the unlock page
    # needs none of them; the unlock loads the first, only a command the second.
    "lawnotebook.vault.vault",
    "lawnotebook.services.session",
    "lawnotebook.cli.case_commands",
    "lawnotebook.cli.exit_codes",
)

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from lawnotebook.app import make_keystore  # the console entry point's imports
    from lawnotebook.gui.application import make_application, open_window
    app = make_application()
    window = open_window(Path(sys.argv[1]), keystore=make_keystore())
    assert window.pages.currentWidget() is window.unlock_page
    print("START", *sorted(m for m in sys.argv[2:] if m in sys.modules))
    end = time.monotonic() + 60
    while not window.import_ahead.done and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.002)
    print("AHEAD", *sorted(m for m in sys.argv[2:] if m in sys.modules))
    """
)


def test_unlock_window_loads_nothing_heavy_then_the_desk_ahead(new_vault, tmp_path):
    vault_dir, _ = new_vault
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LAWNOTEBOOK_KEYCHAIN": "off",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # not the developer's settings
    }
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault_dir), *HEAVY],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout.splitlines()
    start = next(line for line in out if line.startswith("START")).split()[1:]
    ahead = next(line for line in out if line.startswith("AHEAD")).split()[1:]
    assert start == []
    assert "lawnotebook.gui.desk.desk" in ahead and "lawnotebook.gui.case.workspace" in ahead
    assert "lawnotebook.services.session" in ahead  # ready before Enter is pressed
    assert "lawnotebook.cli.case_commands" not in ahead
    assert not {"PySide6.QtPdf", "PySide6.QtMultimedia"} & set(ahead)  # viewers: when opened


def test_import_ahead_reads_only_imports_that_run_at_import(tmp_path):
    source = tmp_path / "module.py"
    source.write_text(
        textwrap.dedent(
            """
            from __future__ import annotations
            import json, os.path
            from typing import TYPE_CHECKING
            from . import sibling
            from .. import cousin
            try:
                import fast_json
            except ImportError:
                pass
            if TYPE_CHECKING:
                import only_for_types
            else:
                import at_runtime

            def later():
                import inside_a_function
            """
        ),
        encoding="utf-8",
    )
    found = _module_level_imports(source, "pkg.sub")
    assert found == [
        ("json", ()),
        ("os.path", ()),
        ("typing", ("TYPE_CHECKING",)),
        ("pkg.sub", ("sibling",)),
        ("pkg", ("cousin",)),
        ("fast_json", ()),
        ("at_runtime", ()),
    ]


def test_import_ahead_imports_in_steps():
    ahead = ImportAhead(("lawnotebook.gui.parts.labels", "lawnotebook.not_a_module"))
    assert not ahead.done
    ahead.finish()
    assert ahead.done and "lawnotebook.gui.parts.labels" in sys.modules
    ahead.deleteLater()


def test_locking_before_the_desk_shows_leaves_nothing(qtbot, ui, make_window, vault_dir):
    window = make_window(vault_dir)
    ui.create_vault(window)
    window.lock()
    shown = []
    window._show_desk = shown.append  # the desk is built, but not shown yet
    page = window.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.submit.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert window.desk is None and page.busy.isVisible()  # still waiting, as far as one sees
    window.lock()
    assert window.is_locked and window.pages.currentWidget() is page
    assert not page.busy.isVisible() and page.passphrase.text() == ""
    assert window.pages.count() == 4  # the desk that was never shown is gone too
    type(window)._show_desk(window, shown[0])  # its turn comes: nothing happens
    assert window.desk is None and window.pages.currentWidget() is page
    assert not window.lock_action.isEnabled()
