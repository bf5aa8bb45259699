"""Change: year-over-year deltas, the biggest gains and falls, multi-year trends (flagged across changes of
method), and which years a comparison opens on."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_data import framework
from ita_data.analytics.common import (
    INDICATOR_CHOICES,
    Filters,
    composed_statement,
    method_break_years,
    method_notes,
    query_frame,
    run,
)


def _change_params(filters: Filters, from_year: int | None, all_indicators: bool) -> dict:
    start = filters.fiscal_year - 1 if from_year is None else int(from_year)
    return {
        **filters.place_params(),
        "fiscal_year": filters.fiscal_year,
        "from_year": start,
        "indicators": list(INDICATOR_CHOICES) if all_indicators else [filters.indicator],
        "method_notes": method_notes(start, filters.fiscal_year),
    }


def yoy_change(
    con: duckdb.DuckDBPyConnection, filters: Filters, from_year: int | None = None, all_indicators: bool = False
) -> pd.DataFrame:
    """Per organisation, the change of ``filters.indicator`` (or of every score) from ``from_year``.

    ``from_year`` defaults to the year before ``filters.fiscal_year``. An organisation assessed in only
    one of the two years keeps its row with the other score and the delta empty.

    Columns: org_id, org_name, org_type, province_code, province, district_code, district, indicator,
    from_year, to_year, score_from, score_to, delta (to minus from), method_change (the comparison
    crosses a change of method in the rules), method_notes (what changed, Thai; empty when nothing).
    """
    return run(con, "yoy_change", _change_params(filters, from_year, all_indicators))


def movers(con: duckdb.DuckDBPyConnection, filters: Filters, n: int = 10, from_year: int | None = None) -> pd.DataFrame:
    """The ``n`` biggest gains and the ``n`` biggest falls of ``filters.indicator`` in the selection.

    Columns: direction (``gain`` or ``fall``), position (1 = biggest), then the yoy_change columns.
    """
    params = {**_change_params(filters, from_year, False), "n": int(n)}
    return query_frame(con, composed_statement("yoy_change", "changes", "movers"), params)


def trends(con: duckdb.DuckDBPyConnection, filters: Filters, first_year: int | None = None) -> pd.DataFrame:
    """Per organisation, ``filters.indicator`` from ``first_year`` (default: the first year of the rules)
    to ``filters.fiscal_year``.

    Columns: org_id, org_name, org_type, province_code, province, district_code, district, indicator,
    years_count, years_missing (years the data has in the span that this organisation lacks),
    first_year, last_year, first_score, last_score, change (last minus first), slope (points a year,
    least squares; empty with one year), improving_streak (consecutive year-on-year rises ending at
    last_year; a missing year breaks it), method_change (the organisation's span crosses a change of
    method in the rules).
    """
    start = framework.known_years()[0] if first_year is None else int(first_year)
    return run(
        con,
        "trends",
        {
            **filters.place_params(),
            "fiscal_year": filters.fiscal_year,
            "first_year": start,
            "indicator": filters.indicator,
            "break_years": list(method_break_years()),
        },
    )


# --- which years can be compared -------------------------------------------------------------


def comparison_pair(years: list[int], fiscal_year: int) -> tuple[int, int] | None:
    """The two years a comparison opens on: to ``fiscal_year`` (the latest year held when the data lacks
    it) from the latest year held before it (the first year when none is). None with fewer than two
    years held. ``years`` are those the data holds, as ``filter_options`` lists them."""
    held = sorted(set(years))
    if len(held) < 2:
        return None
    to_year = fiscal_year if fiscal_year in held else held[-1]
    from_year = max((y for y in held if y < to_year), default=held[0])
    return (from_year, to_year) if from_year != to_year else (held[0], held[1])


def next_year_pairs(years: list[int]) -> list[int]:
    """The years held whose next year is held too: those a measure's effect on the next year's score
    can be measured from (oldest first)."""
    held = set(years)
    return sorted(y for y in held if y + 1 in held)
