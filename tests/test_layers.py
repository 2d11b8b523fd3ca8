"""The layering rule of docs/architecture.md, enforced: imports point down only, Qt widgets only
in gui/.

The import-linter contracts in pyproject.toml (``lint-imports``, run by scripts/test) are the
full statement, the window's screens included; ALLOWED here says the same for the packages, and
the Qt checks below are what import-linter cannot see.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "lawnotebook"

# What each layer may import from lawnotebook (itself always allowed). The front ends see only
# services and core; app.py (the composition root) may import anything and is imported by none.
ALLOWED = {
    "core": set(),
    "crypto": {"core"},
    "vault": {"core", "crypto"},
    "bundle": {"core", "crypto"},
    # The rule engine reads plain facts; services/legality_check.py is its adapter from records.
    "legality": {"core"},
    "services": {"core", "crypto", "vault", "bundle", "legality"},
    "cli": {"core", "services"},
    "gui": {"core", "services"},
    # The demo composes a throw-away vault and the window, like app.py does.
    "demo": {"core", "crypto", "vault", "bundle", "legality", "services", "gui"},
}
HEADLESS = ("core", "crypto", "vault", "bundle", "legality", "services", "cli")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "lawnotebook" and node.level == 0:
            # ``from lawnotebook import gui`` imports a layer; ``__version__`` is no layer.
            names += [f"lawnotebook.{a.name}" for a in node.names if _is_layer(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _is_layer(name: str) -> bool:
    return (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_imports_point_down(layer):
    assert _modules(layer), f"layer {layer} has no modules"
    bad = []
    for path in _modules(layer):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "lawnotebook" or len(parts) < 2:
                continue
            target = parts[1]
            if target != layer and target not in ALLOWED[layer]:
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("layer", HEADLESS)
def test_no_qt_below_the_gui(layer):
    bad = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules(layer)
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert not bad, "\n".join(bad)


def test_headless_import_loads_no_widgets():
    # Import every headless module in a fresh interpreter and look at what got loaded.
    modules = [
        ".".join(("lawnotebook", *p.relative_to(PACKAGE).with_suffix("").parts))
        for layer in HEADLESS
        for p in _modules(layer)
        if p.name != "__main__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert len(modules) > 10


def test_widgets_only_in_the_gui_package():
    # Any new top-level module or package is held to the rule too, not only the named layers.
    bad = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in ("gui", "app.py", "demo")
        for name in _imports(path)
        if name.startswith(
            ("PySide6.QtWidgets", "PySide6.QtPdfWidgets", "PySide6.QtMultimediaWidgets")
        )
    ]
    assert not bad, "\n".join(bad)
