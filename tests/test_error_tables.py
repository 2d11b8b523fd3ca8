"""Every error type the lower layers define has its own row in the window's table of sentences
(gui/parts/messages.py) and in the command line's table of exit codes (cli/exit_codes.py), and
can be imported from services.errors, the one place the window and the command line take them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

from lawnotebook.cli import exit_codes
from lawnotebook.gui.parts import messages
from lawnotebook.services import errors

LOWER_LAYERS = ("core", "crypto", "vault", "bundle")

# Failures that never reach a user: one boundary below the window and the command line turns
# each into an error that has a row, so they need none of their own (if one ever escaped, it
# would get its base's row: LawnotebookError's "This did not work: {detail}", or the internal
# error for a bare ValueError). A class here covers its subclasses, because each boundary
# catches the base. Anything a user can meet gets a real sentence instead of a line here.
INTERNAL: dict[type[BaseException], str] = {
    errors.age.AgeError: "services.bundle_open (_age_error, a catch-all) and bundle_inspect "
    "turn every age failure into a bundle error",
    errors.extraction.ExtractionError: "raised inside the extraction worker, which records its "
    "`code` as the job's outcome; gui/evidence/evidence_text words each code",
    errors.LineTooLong: "crypto.age.format and crypto.age.armor: HeaderError, ArmorError",
    errors.ClockDrift: "services.bundle_open: BundleTampered",
    errors.BadSignature: "crypto.identity: KeyCardForged; services.bundle_open: BundleTampered",
    errors.KeyUnwrapFailed: "vault.vault: WrongPassphrase, WrongRecoveryKey, NotRemembered",
    errors.KdfParametersRejected: "vault.header: HeaderCorrupt",
}

TABLES = {
    "gui/parts/messages.py SENTENCES": messages.SENTENCES,
    "cli/exit_codes.py TABLE": exit_codes.TABLE,
}


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _modules(layer: str) -> list[ModuleType]:
    package = importlib.import_module(f"lawnotebook.{layer}")
    names = pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    return [package, *(importlib.import_module(info.name) for info in names)]


def _lower_layer_errors() -> list[type[BaseException]]:
    """Every exception class defined (not merely imported) in a module of the lower layers."""
    found = {
        obj
        for layer in LOWER_LAYERS
        for module in _modules(layer)
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, BaseException)
        and obj.__module__ == module.__name__
    }
    return sorted(found, key=_name)


ERRORS = _lower_layer_errors()


def _without_row(table: dict[type[BaseException], object]) -> list[str]:
    return [
        _name(cls)
        for cls in ERRORS
        if cls not in table and not any(issubclass(cls, internal) for internal in INTERNAL)
    ]


def test_the_walk_finds_the_error_types_of_every_layer():
    names = {_name(cls) for cls in ERRORS}
    assert {
        "lawnotebook.core.dates.InvalidDate",
        "lawnotebook.crypto.age.errors.PayloadError",
        "lawnotebook.vault.errors.WrongPassphrase",
        "lawnotebook.vault.ocr.ppocr.OcrUnavailable",
        "lawnotebook.bundle.errors.WrongCase",
    } <= names
    assert len(ERRORS) > 50


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_error_type_has_a_row(table):
    missing = _without_row(TABLES[table])
    assert not missing, f"add a row to {table} for:\n" + "\n".join(missing)


def test_a_missing_row_is_named():
    table = dict(messages.SENTENCES)
    del table[errors.bundle.WrongCase]
    assert _without_row(table) == ["lawnotebook.bundle.errors.WrongCase"]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_internal_errors_have_no_row(table):
    # A row would mean a user can meet it: then delete its line from INTERNAL.
    both = [_name(cls) for cls in ERRORS if cls in TABLES[table] and cls in INTERNAL]
    assert not both, "\n".join(both)


def test_internal_lines_name_lower_layer_errors():
    assert set(INTERNAL) <= set(ERRORS)


def test_every_error_type_can_be_imported_from_services_errors():
    reachable = set()
    for value in vars(errors).values():
        if inspect.ismodule(value):
            reachable |= {v for v in vars(value).values() if inspect.isclass(v)}
        elif inspect.isclass(value):
            reachable.add(value)
    missing = [_name(cls) for cls in ERRORS if cls not in reachable]
    assert not missing, "re-export in services/errors.py:\n" + "\n".join(missing)
