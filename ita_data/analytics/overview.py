"""Option lists for the filters, the overview of a selection beside the nation, and one organisation's history."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from ita_data.analytics.common import INDICATOR_CHOICES, Filters, pass_mark, run, run_rows, run_small, scheme_levels


def filter_options(
    con: duckdb.DuckDBPyConnection, province_code: str | None = None, include_synthetic: bool = True
) -> pd.DataFrame:
    """Everything the filters offer, in one call: the fiscal years (oldest first), the provinces and
    the districts of ``province_code`` (Thai alphabetical order), and the organisation types present
    (orgs.ORG_TYPES order). Only choices that have organisations come back.

    Columns: kind (``year``, ``province``, ``district``, ``org_type``), code (the fiscal year, DOPA
    code or type code, as text), label (Thai: the B.E. year, the place's name, the type's name),
    org_count (organisations assessed that year, or organisations of that place or type).
    """
    return run(con, "filter_options", {"province_code": province_code, "include_synthetic": include_synthetic})


def filter_choices(con: duckdb.DuckDBPyConnection, kind: str, province_code: str | None = None) -> dict[str, str]:
    """One kind of choice (``year``, ``province``, ``district``, ``org_type``) of ``filter_options``:
    code -> Thai label, in the order the filters list them. Every rerun's sidebar and captions ask."""
    found = filter_options(con, province_code)
    found = found[found.kind == kind]
    return dict(zip(found.code, found.label))


def search_orgs(
    con: duckdb.DuckDBPyConnection, text: str, include_synthetic: bool = True, limit: int = 50
) -> pd.DataFrame:
    """Organisations whose name (``บ้านกล้วย``) or display name (``อบต.บ้านกล้วย``) contains the text.

    Columns: org_id, org_name, org_type, province_code, province, district_code, district, is_synthetic.
    """
    # A line break could only match across the two names search_text joins (see refresh_derived.sql).
    text = " ".join(text.split())
    return run_small(con, "search_orgs", {"text": text, "include_synthetic": include_synthetic, "limit": limit})


def overview(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """One row: the selection beside the nation for the year and the chosen score (``filters.indicator``).

    Columns: fiscal_year, indicator, org_count, mean_score, median_score, pass_rate (share 0-1 at or above
    the year's pass mark), nation_org_count, nation_mean_score, nation_pass_rate. An empty selection
    gives org_count 0 and empty means.
    """
    return run(
        con,
        "overview",
        {
            **filters.place_params(),
            "fiscal_year": filters.fiscal_year,
            "indicator": filters.indicator,
            "pass_mark": pass_mark(filters.fiscal_year),
        },
    )


def level_distribution(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Every official level of the year's scheme, best first, with how many of the selection hold it.

    Columns: level_order (1 = best), level, org_count, share (0-1 of the selection; empty when the
    selection is).
    """
    counts = dict(run_rows(con, "level_distribution", {**filters.place_params(), "fiscal_year": filters.fiscal_year}))
    levels = scheme_levels(filters.fiscal_year)
    org_count = np.array([counts.get(order, 0) for order in range(1, len(levels) + 1)], dtype="int64")
    total = org_count.sum()
    return pd.DataFrame(
        {
            "level_order": np.arange(1, len(levels) + 1, dtype="int64"),
            "level": pd.array(levels, dtype="str"),
            "org_count": org_count,
            "share": org_count / total if total else np.full(len(levels), np.nan),
        }
    )


def indicator_means(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The mean of the total, each tool and each indicator, for the selection and the nation.

    Columns: indicator (``total``, ``IIT``… ``"10"``), org_count (of the selection), mean_selection,
    mean_nation, difference (selection minus nation). No rows when the selection is empty.
    """
    return run(
        con,
        "indicator_means",
        {**filters.place_params(), "fiscal_year": filters.fiscal_year, "indicator_order": list(INDICATOR_CHOICES)},
    )


def province_map(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per province, the chosen score's mean and pass rate, for a map (province/district filters ignored).

    Columns: province_code (the GeoJSON feature id), province, org_count, mean_score, pass_rate (0-1).
    """
    return run(
        con,
        "province_map",
        {
            "org_type": filters.org_type,
            "include_synthetic": filters.include_synthetic,
            "fiscal_year": filters.fiscal_year,
            "indicator": filters.indicator,
            "pass_mark": pass_mark(filters.fiscal_year),
        },
    )


def district_map(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per district of the selection's province, the chosen score's mean and pass rate, for a map (the
    district filter ignored: the map shows the province). No rows without a province.

    Columns: district_code (empty for organisations without a district), district, org_count, mean_score,
    pass_rate (0-1).
    """
    return run(con, "district_map", {**_district_params(filters), "province_code": filters.province_code or ""})


def _district_params(filters: Filters) -> dict:
    return {
        "org_type": filters.org_type,
        "include_synthetic": filters.include_synthetic,
        "fiscal_year": filters.fiscal_year,
        "indicator": filters.indicator,
        "pass_mark": pass_mark(filters.fiscal_year),
    }


def org_history(con: duckdb.DuckDBPyConnection, org_id: int, include_synthetic: bool = True) -> pd.DataFrame:
    """Every score one organisation has, year by year, beside its province's and the nation's median.

    Columns: fiscal_year, indicator (``total``, tools, ``"1"``…``"10"``), score, province_median,
    nation_median, level (official), level_reported.
    """
    return run(
        con,
        "org_history",
        {"org_id": org_id, "include_synthetic": include_synthetic, "indicator_order": list(INDICATOR_CHOICES)},
    )


def data_years(con: duckdb.DuckDBPyConnection, include_synthetic: bool = True) -> list[int]:
    """The fiscal years the data holds, oldest first (the ``year`` choices of ``filter_options``)."""
    options = filter_options(con, None, include_synthetic)
    return sorted(int(code) for code in options.code[options.kind == "year"])
