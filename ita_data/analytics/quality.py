"""Data quality: printed totals and levels against the rules, missing years, one organisation under two spellings."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_data import framework
from ita_data.analytics.common import Filters, run, scheme_levels

# Printed indicators are rounded to two decimals, so a recomputed total may be 0.01 off the printed one.
TOTAL_TOLERANCE = 0.01


def total_check(con: duckdb.DuckDBPyConnection, filters: Filters, tolerance: float = TOTAL_TOLERANCE) -> pd.DataFrame:
    """Organisation-years whose printed total is more than ``tolerance`` from the recomputed one.

    Columns: fiscal_year, org_id, org_name, org_type, province_code, province, district_code, district,
    total_printed, total_computed (year's weights on the stored indicators, rounded half up),
    difference (printed minus computed). Largest difference first.
    """
    return run(
        con,
        "total_check",
        {**filters.place_params(), "fiscal_year": filters.fiscal_year, "tolerance": float(tolerance)},
    )


def source_disagreements(
    con: duckdb.DuckDBPyConnection, province_code: str | None = None, include_synthetic: bool = True
) -> pd.DataFrame:
    """Facts two sources state differently, newest year first; the current value is the one the store's
    precedence rule chose (a result table over a report, then the newer import).

    Columns: org_id, org_name, province_code, province, fiscal_year, fact (total_score, level_reported,
    province_rank, province_rank_of, indicator, item), key (indicator number or item code), current_value,
    current_source (file name), other_sources ("file: value; …").
    """
    return run(
        con, "source_disagreements", {"province_code": province_code, "include_synthetic": bool(include_synthetic)}
    )


def level_check(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Organisation-years whose printed level differs from the official level of the year.

    Columns: fiscal_year, org_id, org_name, org_type, province_code, province, district_code, district,
    total_score, level_reported, level_computed, reported_in_scheme (false when the report wrote
    another scheme's label, e.g. a letter in FY2566).
    """
    return run(
        con,
        "level_check",
        {**filters.place_params(), "fiscal_year": filters.fiscal_year, "levels": scheme_levels(filters.fiscal_year)},
    )


def missing_years(con: duckdb.DuckDBPyConnection, filters: Filters, first_year: int | None = None) -> pd.DataFrame:
    """One row per organisation and year, from ``first_year`` (default: the rules' first year) to
    ``filters.fiscal_year``, that the data has for other organisations but not for this one.

    Columns: org_id, org_name, org_type, province_code, province, district_code, district,
    fiscal_year (the missing year), years_present (years of the span it does have).
    """
    start = framework.known_years()[0] if first_year is None else int(first_year)
    return run(
        con, "missing_years", {**filters.place_params(), "fiscal_year": filters.fiscal_year, "first_year": start}
    )


def duplicate_orgs(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Pairs of organisations that are probably one spelled two ways (fiscal year not used).

    Same type, same province (or one unknown), no two different districts, and names equal once
    spaces, dots and Thai tone marks are dropped (``same_name_loosely``) or one letter, not a digit,
    apart (``one_letter_apart``).

    Columns: org_id_a, org_name_a, org_id_b, org_name_b, org_type, province_code, province,
    district_a, district_b, reason, years_a, years_b (lists of fiscal years with data),
    shared_years (how many years both have: a high count suggests two real organisations).
    """
    return run(con, "duplicate_orgs", filters.place_params())
