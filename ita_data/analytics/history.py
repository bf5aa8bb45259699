"""History: each organisation's past scores as lists, for the sparklines beside a ranking."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_data import framework
from ita_data.analytics.common import Filters, run


def score_history(con: duckdb.DuckDBPyConnection, filters: Filters, first_year: int | None = None) -> pd.DataFrame:
    """Per organisation of the selection, ``filters.indicator`` from ``first_year`` (default: the first
    year of the rules) to ``filters.fiscal_year``, oldest first; years without a score are left out.

    Columns: org_id, years (list of fiscal years), scores (list of scores, one per year).
    """
    start = framework.known_years()[0] if first_year is None else int(first_year)
    return run(
        con,
        "score_history",
        {
            **filters.place_params(),
            "fiscal_year": filters.fiscal_year,
            "first_year": start,
            "indicator": filters.indicator,
        },
    )
