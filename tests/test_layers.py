"""The package's layers: a module imports only from its own layer or the layers below it.

The order, lowest first, is the one the README's "How the code is organised" gives:
base -> checks -> loading -> view, authoring -> charts -> export -> commands -> cli -> the
Streamlit view (views/, dashboard.py). Nothing under timeline/ imports streamlit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

# Module (or package prefix) -> layer; the longest matching prefix wins.
LAYERS = {
    "timeline.paths": 0,
    "timeline.dates": 0,
    "timeline.text": 0,
    "timeline.git": 0,
    "timeline.problems": 0,
    "timeline.model": 0,
    "timeline.passages": 0,
    "timeline.files": 0,
    "timeline.sources": 0,
    "timeline.word_diff": 0,
    "timeline.checks": 1,
    "timeline.loader": 2,
    "timeline.json_schema": 2,
    "timeline.checker": 2,
    "timeline.dataset": 2,
    "timeline": 2,  # the package's public API: load_dataset, load_events, check
    "timeline.view": 3,
    "timeline.authoring": 3,
    "timeline.charts": 4,
    "timeline.export": 5,
    "timeline.commands": 6,
    "timeline.cli": 7,
    "timeline.__main__": 8,
    "views": 9,
    "dashboard": 10,
}


def layer_of(module: str) -> int:
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix in LAYERS:
            return LAYERS[prefix]
    raise KeyError(module)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return [name for name in names if name.split(".")[0] in {"timeline", "views", "dashboard"}]


def _imported_module(name: str) -> str:
    """``timeline.view.View`` -> ``timeline.view``: the module part of an imported name."""
    path = REPO_ROOT.joinpath(*name.split("."))
    if path.with_suffix(".py").is_file() or (path / "__init__.py").is_file():
        return name
    return name.rsplit(".", 1)[0]


PACKAGE = sorted([*(REPO_ROOT / "timeline").rglob("*.py"), *(REPO_ROOT / "views").glob("*.py")])
SOURCES = [*PACKAGE, REPO_ROOT / "dashboard.py"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_no_import_points_up_a_layer(path):
    importer = module_name(path)
    if importer == "timeline":
        return  # the public API re-exports from the layers below it
    upward = [
        name
        for name in map(_imported_module, imports_of(path))
        if layer_of(name) > layer_of(importer)
    ]
    assert upward == [], f"{importer} (layer {layer_of(importer)}) imports from above: {upward}"


def test_every_module_has_a_layer():
    assert [module_name(p) for p in SOURCES if not _has_layer(module_name(p))] == []


def _has_layer(module: str) -> bool:
    try:
        layer_of(module)
    except KeyError:
        return False
    return True


def test_the_package_never_imports_streamlit():
    for path in (REPO_ROOT / "timeline").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert all(not a.name.startswith("streamlit") for a in node.names), path
            elif isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("streamlit"), path
