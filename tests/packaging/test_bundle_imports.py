"""Every module of the app is reached by imports written out from its entry point.

The bundler (PyInstaller) follows the import statements it finds in the code,
inside functions too; a module loaded only by a computed name would be missing
from the bundle and fail there alone. This walks the same statements.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "summit_app"
ENTRY = "summit_app.__main__"
#: Modules the app itself never imports, and why.
NOT_IN_THE_APP = {
    "summit_app.plan.history": "undo without Qt, for headless tools and tests (the window uses QUndoStack)",
    "summit_app.store.migrations.env": "read by Alembic as a file from the bundle's data (summit-app.spec)",
}
#: Migration scripts: read by Alembic as files too.
AS_DATA = "summit_app.store.migrations.versions."


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, name: str) -> set[str]:
    """The app modules ``path`` names in any import statement (with their parent packages)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        for target in targets:
            parts = target.split(".")
            found |= {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return {m for m in found if m.startswith("summit_app")}


def test_every_module_is_imported_by_name_from_the_entry_point() -> None:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: imported(path, name) & modules.keys() for name, path in modules.items()}
    reached, todo = set(), [ENTRY]
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            todo.extend(graph[name])
    missing = sorted(m for m in modules if m not in reached and not m.startswith(AS_DATA))
    assert missing == sorted(NOT_IN_THE_APP)


def test_no_module_is_loaded_by_a_computed_name() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                assert called not in ("import_module", "__import__"), f"{path}:{node.lineno}"
