"""Loading the desk's modules while the window waits, a module at a time (see :class:`ImportAhead`).

The import order comes from reading our modules' own ``import`` statements (``ast``), so no list
of modules has to be kept in step with the code. Without source files (a frozen build) nothing
is imported ahead, and everything loads at unlock as usual.
"""

from __future__ import annotations

import ast
import importlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer


class ImportAhead(QObject):
    """Imports the desk's modules while the window waits (for the passphrase, then for the
    KDF), a module at a time, leaves first, so the GUI thread never stalls on one big import.

    Cold start imports only what the locked pages need; without this the first unlock would
    import the desk (its tabs, the evidence intake, text extraction, ...) in one go on the GUI
    thread. Each step imports one module whose own imports are already loaded, so a step costs
    that module alone; the event loop runs between steps. Nothing here is needed for
    correctness: whatever is not loaded yet when the desk is built is imported then, as usual.
    """

    BUDGET_S = 0.008  # a step ends after this much work (one slow module may take longer)

    def __init__(
        self,
        modules: tuple[str, ...],
        parent: QObject | None = None,
        first: Callable[[QObject | None], Iterator[None]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._steps = _import_steps(modules, first and (lambda: first(self.parent())))
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)
        self.started = False

    @property
    def done(self) -> bool:
        return self._steps is None

    def start(self) -> None:
        if not self.started:
            self.started = True
            self._timer.start()

    def finish(self) -> None:
        """Do the remaining steps now."""
        while not self.done:
            self._advance(float("inf"))

    def _step(self) -> None:
        self._advance(self.BUDGET_S)
        if not self.done:
            self._timer.start()

    def _advance(self, budget: float) -> None:
        if self._steps is None:
            return
        end = time.perf_counter() + budget
        while time.perf_counter() < end:
            try:
                next(self._steps)
            except StopIteration:
                self._steps = None
                return


def meet_qt_types(root: QObject | None) -> Iterator[None]:
    """PySide builds the Python side of a Qt class (with all its enums) the first time Python
    meets it, and meeting an object of one of Qt's internal classes builds most of QtCore,
    QtGui and QtWidgets at once: 50-70 ms, once per process (an application-wide event filter
    does it at once, e.g. while the desk is shown). Here a class at a time instead."""
    from PySide6 import QtCore, QtGui, QtWidgets

    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):
            try:
                getattr(module, name)
            except Exception:  # noqa: S112 - nothing to build there
                continue
            yield
    if root is not None:
        root.findChildren(QObject)  # what is left: quick now
        yield


def _import_steps(
    modules: tuple[str, ...], first: Callable[[], Iterator[None]] | None = None
) -> Iterator[None]:
    """``first()``'s steps, then: import ``modules`` (and what they import at module level),
    leaves first; yields after each import and each source file read."""
    if first is not None:
        yield from first()
    seen: set[str] = set()
    for name in modules:
        yield from _ahead(name, seen, [], set())


def _ahead(name: str, seen: set[str], stack: list[str], cyclic: set[str]) -> Iterator[None]:
    if name in seen or name in sys.modules:
        if name in stack:  # a cycle: import its members the usual way, from its first one
            cyclic.update(stack[stack.index(name) + 1 :])
        return
    path = _our_source(name)
    if path is None:
        return
    seen.add(name)
    stack.append(name)
    parent = name.rpartition(".")[0]
    if parent != "lawnotebook":
        yield from _ahead(parent, seen, stack, cyclic)  # a package runs before its modules
    yield
    package = name if path.name == "__init__.py" else parent
    for module, names in _module_level_imports(path, package):
        if module.partition(".")[0] == "lawnotebook":
            yield from _ahead(module, seen, stack, cyclic)
            for sub in names:
                yield from _ahead(f"{module}.{sub}", seen, stack, cyclic)
        elif module not in sys.modules or not all(hasattr(sys.modules[module], n) for n in names):
            try:
                __import__(module, fromlist=names)
            except Exception:  # noqa: S110 - the real import reports it, when it happens
                pass
            yield
    stack.pop()
    if name not in cyclic:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: S110 - as above
            pass
        yield


def _our_source(name: str) -> Path | None:
    """The source file of a ``lawnotebook`` module, or None (not ours, or not a module)."""
    parts = name.split(".")
    if parts[0] != "lawnotebook" or len(parts) < 2:
        return None
    base = Path(__file__).resolve().parents[2].joinpath(*parts[1:])
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _module_level_imports(path: Path, package: str) -> list[tuple[str, tuple[str, ...]]]:
    """(module, names) for each import a module runs when it is imported (not those inside
    functions or under ``if TYPE_CHECKING``)."""
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return []
    found: list[tuple[str, tuple[str, ...]]] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                found.extend((alias.name, ()) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
                module = node.module or ""
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join([*base, module] if module else base)
                found.append((module, tuple(a.name for a in node.names if a.name != "*")))
            elif isinstance(node, ast.If):
                if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.With):
                visit(node.body)

    visit(tree.body)
    return found
