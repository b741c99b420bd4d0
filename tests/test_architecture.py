"""The top-level packages import one way only: ingest → index → assistant → config → api / eval → budgetqa."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# each package may import only the packages listed before it
LAYERS = ["ingest", "index", "assistant", "config", "api", "eval", "budgetqa"]
SIDE_BY_SIDE = {("api", "eval"), ("eval", "api")}  # neither may import the other


def imported_packages(path: Path) -> set[str]:
    """Top-level project packages a module imports, wherever the import statement sits."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(LAYERS)


def package_imports() -> dict[str, set[tuple[str, Path]]]:
    edges: dict[str, set[tuple[str, Path]]] = {name: set() for name in LAYERS}
    for package in LAYERS:
        for module in (ROOT / package).rglob("*.py"):
            edges[package].update((target, module.relative_to(ROOT)) for target in imported_packages(module) - {package})
    return edges


def test_every_import_points_down_the_layers() -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for package, targets in package_imports().items()
        for target, module in targets
        if LAYERS.index(target) > LAYERS.index(package) or (package, target) in SIDE_BY_SIDE
    )
    assert wrong == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from api.app import create_app\n    import budgetqa.cli\n", encoding="utf-8")
    assert imported_packages(module) == {"api", "budgetqa"}
