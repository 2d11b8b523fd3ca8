"""Bundle test fixtures: lawyers with their own vaults (see ``lawyers.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from lawyers import Lawyer  # noqa: E402


@pytest.fixture
def lawyers(tmp_path: Path):
    """A factory: ``lawyers("Alice")`` makes a lawyer; every vault is closed at the end."""
    made: list[Lawyer] = []

    def make(name: str) -> Lawyer:
        lawyer = Lawyer(tmp_path, name)
        made.append(lawyer)
        return lawyer

    yield make
    for lawyer in made:
        if lawyer.vault.is_open:
            lawyer.close()
