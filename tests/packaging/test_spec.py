"""Cheap checks of the packaging files; the build itself runs in packaging/build-linux.sh."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "lawnotebook.spec"
ENTRY = ROOT / "packaging" / "lawnotebook_main.py"
LINUX = ROOT / "resources" / "linux"
ICONS = ROOT / "resources" / "icons" / "hicolor"
MIME = "application/x-lawnotebook-bundle"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _spec_list(name: str) -> list[str]:
    """A list of string constants assigned at the spec's top level."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found in {SPEC.name}")


def _qt_modules_used() -> set[str]:
    used = set()
    for path in (ROOT / "src" / "lawnotebook").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            used |= {n.split(".")[1] for n in names if n.startswith("PySide6.")}
    return used


def test_spec_is_python_and_runs_the_cli_entry_point():
    ast.parse(SPEC.read_text(encoding="utf-8"))
    assert "lawnotebook_main.py" in SPEC.read_text(encoding="utf-8")
    entry = ast.parse(ENTRY.read_text(encoding="utf-8"))
    calls = {
        (node.func.value.id, node.func.attr)  # type: ignore[union-attr]
        for node in ast.walk(entry)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
    }
    assert ("multiprocessing", "freeze_support") in calls  # spawned extraction workers
    imports = {
        (n.module, a.name)
        for n in ast.walk(entry)
        if isinstance(n, ast.ImportFrom)
        for a in n.names
    }
    assert ("lawnotebook.app", "main") in imports
    # The same function the installed console script reaches.
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["lawnotebook"].startswith("lawnotebook.app:")


def test_spec_excludes_no_qt_module_the_app_imports():
    excluded = set(_spec_list("UNUSED_QT"))
    used = _qt_modules_used()
    assert {"QtWidgets", "QtPdf", "QtMultimedia"} <= used  # the scan sees the viewers
    assert not excluded & used, f"excluded but imported: {sorted(excluded & used)}"
    assert {"QtWebEngineCore", "QtWebEngineWidgets", "QtQuick3D"} <= excluded


def test_package_extra_pins_pyinstaller_6():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(req.replace(" ", "").startswith("pyinstaller>=6") for req in extras["package"])


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / "lawnotebook.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_is_valid_and_opens_bundles():
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run(
            [validator, str(LINUX / "lawnotebook.desktop")], capture_output=True, text=True
        )
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    entry = _desktop_entry()
    for key in ("Type", "Name", "Exec", "Icon", "Categories", "MimeType"):
        assert entry.get(key), f"{key} missing"
    assert entry["Type"] == "Application"
    assert entry["Exec"].split() == ["lawnotebook", "%f"]  # a lone .lnb opens the bundle flow
    assert MIME in entry["MimeType"].split(";")
    assert entry["Icon"] == "lawnotebook"


def test_mime_type_names_lnb_files():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(LINUX / "lawnotebook-mime.xml").getroot()  # noqa: S314 - our own file
    types = root.findall("m:mime-type", ns)
    assert [t.get("type") for t in types] == [MIME]
    assert [g.get("pattern") for g in types[0].findall("m:glob", ns)] == ["*.lnb"]
    assert not types[0].findall("m:magic", ns)  # an age file is not necessarily a bundle


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icon_set_is_complete():
    ET.parse(ICONS / "scalable" / "apps" / "lawnotebook.svg")  # noqa: S314 - well-formed
    for size in SIZES:
        assert _png_size(ICONS / f"{size}x{size}" / "apps" / "lawnotebook.png") == (size, size)


@pytest.mark.skipif(os.name != "posix", reason="a shell script")
def test_desktop_integration_installs_and_uninstalls_for_the_user(tmp_path):
    env = dict(
        os.environ,
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    program = tmp_path / "opt dir" / "lawnotebook"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    script = str(LINUX / "install-desktop-integration.sh")
    subprocess.run(["bash", script, str(program)], env=env, check=True, capture_output=True)
    data = tmp_path / "data"
    desktop = (data / "applications" / "lawnotebook.desktop").read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in desktop
    assert (data / "mime" / "packages" / "lawnotebook-mime.xml").is_file()
    hicolor = data / "icons" / "hicolor"
    for size in SIZES:
        assert (hicolor / f"{size}x{size}" / "apps" / "lawnotebook.png").is_file()
        assert (
            hicolor / f"{size}x{size}" / "mimetypes" / f"{MIME.replace('/', '-')}.png"
        ).is_file()
    if shutil.which("update-mime-database"):
        assert "*.lnb" in (data / "mime" / "globs2").read_text()
    subprocess.run(["bash", script, "--uninstall"], env=env, check=True, capture_output=True)
    assert not (data / "applications" / "lawnotebook.desktop").exists()
    assert not list(data.rglob("lawnotebook*.png")) and not list(data.rglob("*lawnotebook*.xml"))
