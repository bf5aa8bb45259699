"""How the page files read: Thai text in ita_data/labels/, figures in pages/figures.py, every analytics
call that reads the database remembered through shared.cached (with the day when it depends on one)."""

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from ita_data import analytics
from ita_data.analytics import about, history

ROOT = Path(__file__).resolve().parent.parent
# The import and access pages belong to their own work; figures.py and shared.py are the helpers.
PAGE_FILES = sorted(
    p
    for p in (ROOT / "pages").glob("*.py")
    if p.name not in {"import_data.py", "access.py", "figures.py", "shared.py", "__init__.py"}
)
PAGE_FILES.append(ROOT / "dashboard.py")
THAI = re.compile("[\u0e00-\u0e7f]")
MODULES = {"analytics": analytics, "about": about, "score_history": history.score_history}


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _docstrings(tree: ast.Module) -> set[int]:
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _analytics_function(node: ast.expr):
    """The ita_data function an expression names (``analytics.overview``, ``about.sources``), or None."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in MODULES:
        return getattr(MODULES[node.value.id], node.attr, None)
    if isinstance(node, ast.Name) and node.id in MODULES and callable(MODULES[node.id]):
        return MODULES[node.id]
    return None


def _reads_the_database(func) -> bool:
    return next(iter(inspect.signature(func).parameters), None) == "con"


@pytest.mark.parametrize("path", [*sorted((ROOT / "pages").glob("*.py")), ROOT / "dashboard.py"], ids=lambda p: p.name)
def test_a_page_holds_no_thai_text_but_its_docstrings(path):
    tree = _tree(path)
    docs = _docstrings(tree)
    found = [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and THAI.search(node.value)
    ]
    assert not found, f"Thai text belongs in ita_data/labels/: {found}"


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_a_page_builds_no_figure_itself(path):
    tree = _tree(path)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not any(name.split(".")[0] == "plotly" for name in imported)


def _direct_reads(tree: ast.Module) -> list[tuple[int, str]]:
    direct = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = _analytics_function(node.func)
            if func is not None and _reads_the_database(func):
                direct.append((node.lineno, func.__name__))
            if (
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "cursor"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "shared"
            ):
                direct.append((node.lineno, "shared.cursor"))
    return direct


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_a_page_reads_the_database_only_through_shared_cached(path):
    direct = _direct_reads(_tree(path))
    assert not direct, f"call these through shared.cached: {direct}"


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_a_remembered_call_that_depends_on_the_day_is_given_the_day(path):
    for node in ast.walk(_tree(path)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "cached"
            and node.args
            and (func := _analytics_function(node.args[0])) is not None
        ):
            continue
        parameters = list(inspect.signature(func).parameters)
        if "as_of" in parameters:
            given = len(node.args) - 1 + 1  # the cursor comes first, then the page's arguments
            assert given > parameters.index("as_of") or any(k.arg == "as_of" for k in node.keywords), (
                f"{path.name}:{node.lineno}: {func.__name__} without as_of would be remembered past midnight"
            )


def test_the_sources_rule_finds_a_direct_call_and_passes_a_remembered_one():
    page = (
        "cur = shared.cursor()\nx = analytics.overview(cur, f)\ny = shared.cached(analytics.rankings, f)\n"
        "z = about.sources(cur)\nw = analytics.fix_first(x, 3)\n"
    )
    assert _direct_reads(ast.parse(page)) == [(1, "shared.cursor"), (2, "overview"), (4, "sources")]


def test_the_sources_rule_knows_a_database_call_from_a_pure_one():
    assert _reads_the_database(analytics.overview) and _reads_the_database(about.org_measures)
    assert not _reads_the_database(analytics.fix_first) and not _reads_the_database(about.method_changes)
    assert importlib.import_module("pages.figures")  # the figures' module imports without Streamlit running
