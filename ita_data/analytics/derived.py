"""Derived tables the analytics read for speed, rebuilt inside the same transaction as the write they follow."""

from __future__ import annotations

import hashlib

import duckdb
import pandas as pd

from ita_data import framework, labels, orgs
from ita_data.analytics.common import DERIVED_TABLES, sql
from ita_data.analytics.measures import OPEN_STATUSES


def _rule_frames(cur: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The small frames refresh_derived.sql joins: names and types from orgs, the rules from framework."""
    names = cur.execute("SELECT org_id, org_type, name FROM organizations").fetchall()
    org_names = pd.DataFrame(
        {"org_id": [r[0] for r in names], "org_name": [orgs.display_name(r[1], r[2]) for r in names]},
        columns=["org_id", "org_name"],
    ).astype({"org_id": "int64", "org_name": "object"})
    count = len(framework.indicators())
    indicator_rules = pd.DataFrame(
        [
            (fy, ind.number, ind.tool, framework.indicator_weight(fy, ind.number),
             len(framework.indicators_of_tool(ind.tool)), count)
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
        [(fy, band.level, position)
         for fy in framework.known_years()
         for position, band in enumerate(framework.level_bands(fy), 1)],
        columns=["fiscal_year", "level", "level_order"],
    )
    return {
        "_org_names": org_names,
        "_org_types": org_types,
        "_levels": levels,
        "_open_statuses": pd.DataFrame({"status": list(OPEN_STATUSES)}),
        "_indicator_rules": indicator_rules,
        "_measure_items": pd.DataFrame(
            measure_items, columns=["fiscal_year", "item", "indicator"]
        ).astype({"fiscal_year": "int64", "item": "object", "indicator": "int64"}),
    }


def derived_version() -> str:
    """Changes whenever the derived tables' definition does, so an older database gets them rebuilt."""
    return hashlib.sha256(sql("refresh_derived").encode("utf-8")).hexdigest()[:16]


def derived_tables_current(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database has the derived tables of this version of the analytics."""
    names = {r[0] for r in cur.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not set(DERIVED_TABLES) <= names or "meta" not in names:
        return False
    row = cur.execute("SELECT value FROM meta WHERE key = 'derived_version'").fetchone()
    return row is not None and row[0] == derived_version()


def refresh_derived(cur: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every derived table from the stored data, inside the write's transaction.

    ``Store.transaction`` calls it before every commit, so readers see new data and its derived
    tables together. About one second at national scale (7,850 organisations, seven years).
    """
    frames = _rule_frames(cur)
    for name, frame in frames.items():
        cur.register(name, frame)
    try:
        cur.execute(sql("refresh_derived"))
    finally:
        for name in frames:
            cur.unregister(name)
    cur.execute(
        "INSERT INTO meta VALUES ('derived_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [derived_version()],
    )
