"""The derived tables: everything the ITA rules compute from the current facts, rebuilt on every write.

The store takes ``DERIVED`` and runs ``refresh`` inside each write's transaction; its ``version`` names
the SQL *and* the rule data it embeds, so an edit of ``ita_data/rules/*.csv`` (or of the labels and the
level function) makes the next open rebuild them. ``open_store`` is how everything above the store opens
the database.
"""

from __future__ import annotations

import hashlib
import os
import threading
from functools import cache
from importlib.resources import files
from pathlib import Path

import duckdb
import pandas as pd

from ita_data import framework, labels, orgs
from ita_data.store import OPEN_STATUSES, Derived, Store, default_db_path, use_derived

# Tables ``refresh`` keeps; the analytics read these rather than the current-value tables where they can.
DERIVED_TABLES = (
    "org_dim",
    "org_year",
    "org_scores",
    "peer_medians",
    "measures_current",
    "org_duplicates",
    "measures_open",
    "filter_options",
    "total_checks",
    "level_checks",
    "org_missing_years",
)
_SQL_FILES = ("base", "refresh")
# The code whose output the derived tables embed: the rules' reader and level function, Thai names,
# organisation display names, and this module.
_CODE_FILES = ("framework.py", "labels/common.py", "orgs.py", "derived/__init__.py")


def sql(name: str) -> str:
    return files("ita_data.derived").joinpath(f"{name}.sql").read_text(encoding="utf-8")


@cache
def derived_version() -> str:
    """Changes whenever the derived tables' definition does: their SQL, the rule data, the code above."""
    digest = hashlib.sha256()
    for name in _SQL_FILES:
        digest.update(sql(name).encode("utf-8"))
    package = files("ita_data")
    for rule in sorted(p.name for p in package.joinpath("rules").iterdir() if p.name.endswith(".csv")):
        digest.update(rule.encode())
        digest.update(package.joinpath("rules", rule).read_bytes())
    for name in _CODE_FILES:
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def _rule_frames(cur: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The small frames the refresh SQL joins: names and types from orgs, the rules from framework."""
    names = cur.execute("SELECT org_id, org_type, name FROM organizations").fetchall()
    org_names = pd.DataFrame(
        {"org_id": [r[0] for r in names], "org_name": [orgs.display_name(r[1], r[2]) for r in names]},
        columns=["org_id", "org_name"],
    ).astype({"org_id": "int64", "org_name": "object"})
    count = len(framework.indicators())
    indicator_rules = pd.DataFrame(
        [
            (
                fy,
                ind.number,
                ind.tool,
                framework.indicator_weight(fy, ind.number),
                len(framework.indicators_of_tool(ind.tool)),
                count,
            )
            for fy in framework.known_years()
            for ind in framework.indicators()
        ],
        columns=["fiscal_year", "indicator", "tool", "weight", "tool_size", "indicator_count"],
    )
    measure_items = []
    for fy, item in cur.execute(
        "SELECT DISTINCT fiscal_year, item FROM measures WHERE indicator IS NULL AND item IS NOT NULL"
    ).fetchall():
        try:
            number = framework.item_indicator(fy, item)
        except (ValueError, framework.UnknownYearError):
            number = None  # an item code the rules cannot place stays without an indicator
        if number is not None:
            measure_items.append((fy, item, number))
    org_types = pd.DataFrame(
        [(t.code, position, labels.org_type_label(t.code)) for position, t in enumerate(orgs.ORG_TYPES, 1)],
        columns=["org_type", "type_order", "label"],
    )
    levels = pd.DataFrame(
        [
            (fy, band.level, position)
            for fy in framework.known_years()
            for position, band in enumerate(framework.level_bands(fy), 1)
        ],
        columns=["fiscal_year", "level", "level_order"],
    )
    return {
        "_org_names": org_names,
        "_org_types": org_types,
        "_levels": levels,
        "_open_statuses": pd.DataFrame({"status": list(OPEN_STATUSES)}),
        "_indicator_rules": indicator_rules,
        "_measure_items": pd.DataFrame(measure_items, columns=["fiscal_year", "item", "indicator"]).astype(
            {"fiscal_year": "int64", "item": "object", "indicator": "int64"}
        ),
    }


def _computed_levels(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each organisation-year's official level, by the one level function of the rules."""
    rows = cur.execute("SELECT org_id, fiscal_year, total_score, iit, eit, oit FROM _org_year_base").df()
    levels = framework.official_levels(
        rows["fiscal_year"].to_numpy(),
        rows["total_score"].to_numpy(dtype="float64", na_value=float("nan")),
        {tool: rows[tool.lower()].to_numpy(dtype="float64", na_value=float("nan")) for tool in framework.TOOLS},
    )
    return pd.DataFrame(
        {
            "org_id": rows["org_id"],
            "fiscal_year": rows["fiscal_year"],
            "level_computed": pd.array(levels, dtype="object"),
        }
    )


def refresh(cur: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every derived table from the current facts, inside the write's transaction.

    About one second at national scale (7,850 organisations, seven years).
    """
    frames = _rule_frames(cur)
    registered = list(frames)
    try:
        for name, frame in frames.items():
            cur.register(name, frame)
        cur.execute(sql("base"))
        cur.register("_computed_levels", _computed_levels(cur))
        registered.append("_computed_levels")
        cur.execute(sql("refresh"))
    finally:
        for name in registered:
            try:
                cur.unregister(name)
            except duckdb.Error:
                pass  # an aborted transaction refuses even this; the write is rolled back anyway
    cur.execute(
        "INSERT INTO meta VALUES ('derived_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [derived_version()],
    )


def derived_tables_current(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database has the derived tables of this version of the rules and SQL."""
    names = {r[0] for r in cur.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not set(DERIVED_TABLES) <= names or "meta" not in names:
        return False
    row = cur.execute("SELECT value FROM meta WHERE key = 'derived_version'").fetchone()
    return row is not None and row[0] == derived_version()


DERIVED = Derived(version=derived_version, refresh=refresh)
use_derived(DERIVED)


def open_store(path: str | os.PathLike[str] | Path | None = None, read_only: bool = False, **options) -> Store:
    """The database with its derived tables kept: what the CLI, the pages and the tests open."""
    return Store(path, read_only, derived=DERIVED, **options)


_process_stores: dict[Path, Store] = {}
_process_stores_given: dict[str, Store] = {}  # by the path as given, unresolved
_process_stores_lock = threading.Lock()


def process_store(path: str | os.PathLike[str] | Path | None = None) -> Store:
    """The dashboard process's one store on ``path`` (default ``ITA_DB``): the pages and the data API
    read through the same one, opened at the first call."""
    given = str(path if path is not None else default_db_path())
    found = _process_stores_given.get(given)  # every rerun asks: resolving the path each time cost 5% of a click
    if found is not None:
        return found
    key = Path(given).resolve()
    with _process_stores_lock:
        if key not in _process_stores:
            _process_stores[key] = open_store(key)
        _process_stores_given[given] = _process_stores[key]
        return _process_stores[key]
