"""Screenshots of the main screens in Simplified Chinese (docs/screenshots/*-zh_CN.png).

    QT_QPA_PLATFORM=offscreen LAWNOTEBOOK_KEYCHAIN=off \\
        .venv/bin/python -m tools.screenshots.chinese docs/screenshots

Same throw-away vault and fictional demo cases as ``readme.py``, with the interface
language set to zh_CN in a throw-away settings file.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from lawnotebook.demo.cases import populate
from lawnotebook.gui.application import make_application
from lawnotebook.gui.parts.fonts import load_shipped_fonts
from tools.screenshots.readme import (
    DEMO_KDF,
    create_through_window,
    demo_window,
    grabber,
)
from tools.screenshots.sharing import _report_png, _wait, add_demo_evidence

SUFFIX = "-zh_CN"


def take(out: Path) -> list[Path]:
    """Drive the window in Chinese through the main screens; returns the PNG files."""
    from lawnotebook.gui.reports.report_dialog import build
    from lawnotebook.gui.reports.report_pdf import render_pdf
    from lawnotebook.gui.settings.settings_dialog import SettingsDialog
    from lawnotebook.gui.sharing.share_wizard import ShareWizard
    from lawnotebook.services.colleagues import Colleagues
    from lawnotebook.services.owner import rename_owner
    from lawnotebook.services.session import create_vault

    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    load_shipped_fonts()
    tmp = Path(tempfile.mkdtemp(prefix="lawnotebook-shots-zh-"))
    window = demo_window(tmp, "zh_CN", "本机没有系统钥匙串，因此无法在本机记住保险库。")
    saved: list[Path] = []
    grab = grabber(app, out, saved, SUFFIX)

    create_through_window(app, window, lambda name: grab(window, name))
    assert window.session is not None and window.desk is not None
    desk = window.desk
    _, chinese = populate(window.session.case_file)
    desk.refresh()
    grab(window, "agenda")
    files = desk.case_file
    rename_owner(files.conn, "李明")
    pdf = add_demo_evidence(files, chinese)
    desk.open_case(chinese.id)
    for tab in ("overview", "people", "chronology", "interrogations", "deadlines", "custody"):
        desk.workspace.show_tab(tab)  # type: ignore[union-attr]
        grab(window, f"case-{tab}")
    evidence = desk.workspace.show_tab("evidence")  # type: ignore[union-attr]
    _wait(app, lambda: False, 0.3)
    evidence.view.select(pdf.id)  # type: ignore[attr-defined]
    evidence.open_current()  # type: ignore[attr-defined]
    _wait(app, lambda: evidence.viewer.viewer is not None)  # type: ignore[attr-defined]
    evidence.viewer.viewer.set_zoom(0.55)  # type: ignore[attr-defined]
    _wait(app, lambda: False, 1.5)
    grab(window, "evidence")

    colleague, _ = create_vault(tmp / "wang", "demo colleague passphrase", kdf=DEMO_KDF)
    rename_owner(colleague.vault.connection, "王芳")
    me = Colleagues(files.vault)
    me.add(Colleagues(colleague.vault).me().card_text, verified=False)
    wizard = ShareWizard(files, chinese, me, desk.worker, window)
    wizard.show()
    item = wizard.recipients.colleagues.item(0)
    item.setCheckState(item.checkState().Checked)
    grab(wizard, "share-wizard")
    wizard.next()
    grab(wizard, "share-wizard-scope")
    wizard.close()

    dialog = SettingsDialog(
        window.settings, window.system_lock.status() if window.system_lock else ""
    )
    dialog.show()
    grab(dialog, "settings")
    dialog.close()

    name = f"report-integrity{SUFFIX}"
    _report_png(render_pdf(build(files, files.case(chinese.id), "integrity")), out, name)
    saved.append(out / f"{name}.png")
    window.lock()
    grab(window, "unlock")
    colleague.close()
    window.close()
    return saved


if __name__ == "__main__":
    for path in take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
