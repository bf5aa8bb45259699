"""Measures: what is open or overdue, which weak indicators have no measure, and whether measures moved scores."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from ita_data.analytics.common import (
    Filters,
    composed_statement,
    method_notes,
    pass_mark,
    query_frame,
    run,
    with_method_change,
)

SUMMARY_KEYS = ("org", "indicator", "responsible")


def _open_params(filters: Filters, as_of: dt.date | None) -> dict:
    return {
        **filters.place_params(),
        "fiscal_year": filters.fiscal_year,
        "as_of": as_of or dt.date.today(),
        "indicators": filters.indicator_numbers(),
        "all_indicators": filters.indicator == "total",
    }


def open_measures(con: duckdb.DuckDBPyConnection, filters: Filters, as_of: dt.date | None = None) -> pd.DataFrame:
    """The measures listed for ``filters.fiscal_year`` that are still planned or in progress.

    Overdue = open and due before ``as_of`` (default today). A measures report supersedes the plan in
    the same year's analysis. With ``filters.indicator`` other than ``total`` only measures aimed at
    those indicators come back.

    Columns: measure_id, org_id, org_name, org_type, province_code, province, district_code, district,
    fiscal_year, indicator (empty when the measure names none), item, title, responsible, due_date,
    status, overdue, days_overdue (empty when not overdue), score_before and score_after (the indicator
    the measure aims at, in its year and the year after), score_change, method_change (between those
    years). Most overdue first.
    """
    return with_method_change(run(con, "open_measures", _open_params(filters, as_of)))


def open_measures_summary(
    con: duckdb.DuckDBPyConnection, filters: Filters, as_of: dt.date | None = None, by: str = "org"
) -> pd.DataFrame:
    """Counts of open and overdue measures grouped ``by`` ``org``, ``indicator`` or ``responsible`` unit.

    Columns: by, key (org_id as text, the indicator, or the unit), label (org_name, indicator or unit),
    open_count, overdue_count, planned_count, in_progress_count, earliest_due_date. Most overdue first.
    """
    if by not in SUMMARY_KEYS:
        raise ValueError(f"by={by!r}: expected one of {', '.join(SUMMARY_KEYS)}")
    return query_frame(
        con,
        composed_statement("open_measures", "open", "open_measures_summary"),
        {**_open_params(filters, as_of), "by": by},
    )


def measure_coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Weak indicators (below the pass mark, or below the province median) and the measures aimed at them.

    A measure counts when the same year's documents aim it at the indicator (directly, or through an
    item of that indicator). Uncovered first, then by points recoverable.

    Columns: fiscal_year, org_id, org_name, province_code, province, indicator, score, province_median,
    below_pass, below_province_median, points_recoverable, measure_count, covered.
    """
    return run(
        con,
        "measure_coverage",
        {
            **filters.place_params(),
            "fiscal_year": filters.fiscal_year,
            "indicators": filters.indicator_numbers(),
            "pass_mark": pass_mark(filters.fiscal_year),
        },
    )


def measure_effectiveness(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per indicator, the move from ``filters.fiscal_year`` to the next year of organisations with a
    measure aimed at it, against organisations of the same province without one.

    Every organisation with a measure is compared with the mean change of its own province's
    organisations without one; ``effect`` is the mean of those differences (positive = the measured
    organisations rose more). Measures of every status count. No rows when the next year has no data.

    Columns: fiscal_year, next_year, indicator, orgs_with_measure, mean_change_with_measure,
    orgs_compared (those whose province has peers without a measure), mean_change_peers, effect,
    method_change, method_notes.
    """
    return run(
        con,
        "measure_effectiveness",
        {
            **filters.place_params(),
            "fiscal_year": filters.fiscal_year,
            "indicators": filters.indicator_numbers(),
            "method_notes": method_notes(filters.fiscal_year, filters.fiscal_year + 1),
        },
    )


def coverage_counts(coverage: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """Of a ``measure_coverage`` result, per indicator of ``indicators`` (in that order), how many weak
    indicators (organisation × indicator) have a measure and how many have none; an indicator with no
    weak row counts zero. The sums over the rows are the whole selection's counts.

    Columns: indicator, weak_count, covered_count, uncovered_count.
    """
    covered = coverage.groupby("indicator").covered.agg(["size", "sum"]).reindex(indicators, fill_value=0)
    return pd.DataFrame(
        {
            "indicator": pd.array(indicators, dtype="str"),
            "weak_count": covered["size"].to_numpy(dtype="int64"),
            "covered_count": covered["sum"].to_numpy(dtype="int64"),
            "uncovered_count": (covered["size"] - covered["sum"]).to_numpy(dtype="int64"),
        }
    )
