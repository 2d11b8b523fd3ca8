"""``lawnotebook --demo``: a throw-away vault holding fictional cases, opened and unlocked at once.

Composition-level, beside ``app.py``: it decides where the vault lives (a private temp folder),
which passphrase and KDF it uses (fixed and fast: nothing here is secret), which keychain (none),
and for how long it lives (until the window closes, Ctrl+C or SIGTERM; then it is deleted). It
fills the vault only through the services, as a lawyer's own actions would, and makes its
evidence files in memory, so nothing of the demo is written to disk outside the vault folder.

Import it only when the demo is asked for: it loads Qt.
"""

from lawnotebook.demo.evidence import DemoFile, demo_files
from lawnotebook.demo.folder import FOLDER_PREFIX, make_folder, remove_folder, sweep_leftovers
from lawnotebook.demo.launch import (
    CHINESE,
    DEMO_KDF,
    DEMO_PASSPHRASE,
    ENGLISH,
    QUIT_AFTER_ENV,
    DemoRun,
    DemoVault,
    add_banner,
    banner_text,
    build_vault,
    language_for,
    quit_after_seconds,
    run,
)

__all__ = [
    "CHINESE",
    "DEMO_KDF",
    "DEMO_PASSPHRASE",
    "ENGLISH",
    "FOLDER_PREFIX",
    "QUIT_AFTER_ENV",
    "DemoFile",
    "DemoRun",
    "DemoVault",
    "add_banner",
    "banner_text",
    "build_vault",
    "demo_files",
    "language_for",
    "make_folder",
    "quit_after_seconds",
    "remove_folder",
    "run",
    "sweep_leftovers",
]
