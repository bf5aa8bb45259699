"""Option lists for the filters, the overview of a selection beside the nation, and one organisation's history."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_data.analytics.common import INDICATOR_CHOICES, ORG_TYPE_CODES, Filters, pass_mark, run, scheme_levels


def years(con: duckdb.DuckDBPyConnection, include_synthetic: bool = True) -> pd.DataFrame:
    """The fiscal years the data has, oldest first.

    Columns: fiscal_year, org_count (organisations assessed that year).
    """
    return run(con, "years", {"include_synthetic": include_synthetic})


def provinces(con: duckdb.DuckDBPyConnection, include_synthetic: bool = True) -> pd.DataFrame:
    """The provinces that have organisations, in Thai alphabetical order.

    Columns: province_code (DOPA), province (Thai name), org_count.
    """
    return run(con, "provinces", {"include_synthetic": include_synthetic})


def districts(
    con: duckdb.DuckDBPyConnection, province_code: str, include_synthetic: bool = True
) -> pd.DataFrame:
    """The districts of one province that have organisations, in Thai alphabetical order.

    Columns: district_code (DOPA), district (Thai name), org_count.
    """
    return run(con, "districts", {"province_code": province_code, "include_synthetic": include_synthetic})


def org_types(con: duckdb.DuckDBPyConnection, include_synthetic: bool = True) -> pd.DataFrame:
    """The organisation types present, in orgs.ORG_TYPES order.

    Columns: org_type (code, e.g. ``sao``), org_count.
    """
    return run(con, "org_types", {"type_order": list(ORG_TYPE_CODES), "include_synthetic": include_synthetic})


def search_orgs(
    con: duckdb.DuckDBPyConnection, text: str, include_synthetic: bool = True, limit: int = 50
) -> pd.DataFrame:
    """Organisations whose name (``บ้านกล้วย``) or display name (``อบต.บ้านกล้วย``) contains the text.

    Columns: org_id, org_name, org_type, province_code, province, district_code, district, is_synthetic.
    """
    return run(con, "search_orgs", {"text": text.strip(), "include_synthetic": include_synthetic, "limit": limit})


def overview(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row: the selection beside the nation for the year and the chosen score (``filters.indicator``).

    Columns: fiscal_year, indicator, org_count, mean_score, median_score, pass_rate (share 0-1 at or above
    the year's pass mark), nation_org_count, nation_mean_score, nation_pass_rate. An empty selection
    gives org_count 0 and empty means.
    """
    return run(con, "overview", {
        **filters.place_params(), "fiscal_year": filters.fiscal_year, "indicator": filters.indicator,
        "pass_mark": pass_mark(filters.fiscal_year),
    })


def level_distribution(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every official level of the year's scheme, best first, with how many of the selection hold it.

    Columns: level_order (1 = best), level, org_count, share (0-1 of the selection; empty when the
    selection is).
    """
    return run(con, "level_distribution", {
        **filters.place_params(), "fiscal_year": filters.fiscal_year,
        "levels": scheme_levels(filters.fiscal_year),
    })


def indicator_means(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The mean of the total, each tool and each indicator, for the selection and the nation.

    Columns: indicator (``total``, ``IIT``… ``"10"``), org_count (of the selection), mean_selection,
    mean_nation, difference (selection minus nation). No rows when the selection is empty.
    """
    return run(con, "indicator_means", {
        **filters.place_params(), "fiscal_year": filters.fiscal_year,
        "indicator_order": list(INDICATOR_CHOICES),
    })


def province_map(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per province, the chosen score's mean and pass rate, for a map (province/district filters ignored).

    Columns: province_code (the GeoJSON feature id), province, org_count, mean_score, pass_rate (0-1).
    """
    return run(con, "province_map", {
        "org_type": filters.org_type, "include_synthetic": filters.include_synthetic,
        "fiscal_year": filters.fiscal_year, "indicator": filters.indicator,
        "pass_mark": pass_mark(filters.fiscal_year),
    })


def org_history(con: duckdb.DuckDBPyConnection, org_id: int, include_synthetic: bool = True) -> pd.DataFrame:
    """Every score one organisation has, year by year, beside its province's and the nation's median.

    Columns: fiscal_year, indicator (``total``, tools, ``"1"``…``"10"``), score, province_median,
    nation_median, level (official), level_reported.
    """
    return run(con, "org_history", {
        "org_id": org_id, "include_synthetic": include_synthetic, "indicator_order": list(INDICATOR_CHOICES),
    })
