"""Imports go one way, along the data flow: ingest -> nlp -> extract -> align -> report
-> the pipeline -> the applications (event streams, store, server, CLI).

A stage that imports a later one makes the earlier stage impossible to read, test or
reuse on its own (alignment once imported the report stage, so the report sat below
alignment in the graph). The base modules (the data model, the report schema, the
word data, number formatting) are below every stage. The test reads every import of
every module, those inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "parallax"

#: Layer of each top-level module or subpackage of ``parallax``; a module may import
#: only from its own layer or below.
LAYERS = {
    "models": 0,
    "schema": 0,
    "lexicon": 0,
    "numfmt": 0,
    "ingest": 1,
    "nlp": 2,
    "extract": 3,
    "align": 4,
    "report": 5,
    "pipeline": 6,
    "events": 7,
    "store": 7,
    "serve": 8,
    "cli": 9,
}


#: The one import against the flow, on purpose: ``Report.to_markdown()`` and ``to_html()``
#: are the public API's way to render a report, so the model calls the renderer, on use.
ALLOWED = {("schema", "parallax.report.render")}


def _part(module: str) -> str | None:
    """The top-level part of a ``parallax`` module name ("parallax.align.facts" -> "align")."""
    parts = module.split(".")
    return parts[1] if parts[0] == "parallax" and len(parts) > 1 else None


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("parallax", *path.relative_to(PACKAGE).with_suffix("").parts[:-1]))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            out.append((node.lineno, name))
    return out


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def test_every_stage_has_a_layer() -> None:
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    assert tops - {"examples"} <= set(LAYERS), tops - set(LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_imports_follow_the_data_flow(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    if own not in LAYERS:
        return
    wrong = [
        f"line {line}: {name}"
        for line, name in _imports(path)
        if (part := _part(name)) in LAYERS
        and LAYERS[part] > LAYERS[own]
        and (own, name) not in ALLOWED
    ]
    assert not wrong, f"{own} (layer {LAYERS[own]}) imports a later stage: {wrong}"
