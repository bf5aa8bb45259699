"""Rankings: where each organisation stands in the nation, its province, district or type, and how it moved."""

from __future__ import annotations

import duckdb
import pandas as pd

from ita_data.analytics.common import Filters, run, run_rows

SCOPES = ("nation", "province", "district", "type")


def rankings(con: duckdb.DuckDBPyConnection, filters: Filters, within: str = "province") -> pd.DataFrame:
    """Rank by ``filters.indicator`` within each organisation's group; ties share the best rank.

    The groups are whole (every organisation of the province, say); the selection filters only which
    rows come back. ``within`` is ``nation``, ``province``, ``district`` or ``type``.

    Columns: fiscal_year, org_id, org_name, org_type, province_code, province, district_code, district,
    indicator, within, score, rank (1 = best; empty when the group is unknown), group_size,
    percentile (100 = first, 0 = last, 100 for a group of one: 100·(group_size−rank)/(group_size−1)),
    score_prev, rank_prev (same scope, previous fiscal year), rank_change (positive = moved up),
    level (official level of the year), level_reported, rank_reported and rank_reported_of (the
    provincial rank printed in the organisation's report, and out of how many),
    province_rank_computed (provincial rank by the total, recomputed), rank_reported_differs.
    """
    if within not in SCOPES:
        raise ValueError(f"within={within!r}: expected one of {', '.join(SCOPES)}")
    return run(
        con,
        "rankings",
        {
            **filters.place_params(),
            "fiscal_year": filters.fiscal_year,
            "indicator": filters.indicator,
            "within": within,
        },
    )


def top_org(con: duckdb.DuckDBPyConnection, filters: Filters) -> int | None:
    """The org_id of the selection's first organisation by ``filters.indicator`` in the national ranking
    (the first row ``rankings(con, filters, "nation")`` gives), or None for an empty selection."""
    rows = run_rows(
        con, "top_org", {**filters.place_params(), "fiscal_year": filters.fiscal_year, "indicator": filters.indicator}
    )
    return int(rows[0][0]) if rows else None
