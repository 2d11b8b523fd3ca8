"""SQL lives in the vault layer: no module under services/ talks to the database itself.

A new table gets one obvious home (a vault module); services call its functions. Checked on
the syntax tree, so a comment or docstring that merely mentions SQL is not a false alarm, but
any call of a cursor method or any SQL text in a string is.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "src" / "lawnotebook" / "services"
SQL_CALLS = {"execute", "executemany", "executescript", "cursor"}
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "PRAGMA")
DRIVERS = {"sqlite3", "sqlcipher3"}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are module, class or function docstrings."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def sql_found(source: str) -> list[str]:
    """Each place in ``source`` that talks to the database directly, as ``line: what``."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in SQL_CALLS:
                found.append(f"{node.lineno}: .{node.func.attr}(")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docs:
                continue
            # Case-sensitive: our SQL spells keywords in capitals, prose ("Update the case") not.
            found += [
                f"{node.lineno}: {word.strip()} in a string"
                for word in SQL_WORDS
                if word in node.value
            ]
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            found += [
                f"{node.lineno}: imports {n}" for n in names if n and n.split(".")[0] in DRIVERS
            ]
    return found


def _modules() -> list[Path]:
    return sorted(SERVICES.rglob("*.py"))


def test_there_are_services_to_check():
    assert len(_modules()) > 5


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_no_sql_in_services(path):
    found = sql_found(path.read_text(encoding="utf-8"))
    assert not found, f"services/{path.name} talks SQL; move it into a vault module:\n" + "\n".join(
        found
    )


@pytest.mark.parametrize(
    "source",
    [
        "conn.execute('SELECT 1')",
        "files.conn.executemany(sql, rows)",
        "conn.executescript(script)",
        "cur = conn.cursor()",
        "x = 'SELECT value FROM vault_meta WHERE key = ?'",
        "x = f'DELETE FROM {table} WHERE id = ?'",
        "run('PRAGMA busy_timeout = 5')",
        "import sqlcipher3",
        "from sqlite3 import DatabaseError",
    ],
)
def test_the_check_catches(source):
    assert sql_found(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Check the vault: runs PRAGMA integrity_check in the vault layer."""',
        "def f():\n    '''Opens the bundle, then UPDATE the log.'''\n",
        "x = 'Update the case'  # a word, not a statement",
        "# conn.execute('SELECT 1')",
        "vault_rows.case_ids_in_vault(conn)",
    ],
)
def test_the_check_lets_prose_and_vault_calls_pass(source):
    assert not sql_found(source)
