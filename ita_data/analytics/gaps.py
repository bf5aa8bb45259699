"""Gaps: how far each organisation is from 100, the pass mark and its peers, and what is worth fixing first."""

from __future__ import annotations

from functools import cache

import duckdb
import pandas as pd

from ita_data import framework, labels
from ita_data.analytics.common import Filters, pass_mark, run


def indicator_gaps(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per organisation and indicator (those of ``filters.indicator``; all ten for ``total``), the gaps.

    ``points_recoverable`` is how much the total would rise if the indicator reached 100 with the
    year's weights (indicator 10 at 6.25 in FY2562: 0.40 / 2 × 93.75 = 18.75); ``priority`` ranks
    the organisation's ten indicators of the year by it (1 = fix first; ties share), whichever are
    shown. Gaps are target minus score, so a negative gap means above the target. Peer medians are
    over every organisation of the province (type) that year, whatever the selection.

    One row per organisation and indicator, so only the organisation columns a table needs come along.
    Columns: fiscal_year, org_id, org_name, province_code, province, indicator, score, gap_to_100,
    gap_to_pass, province_median, gap_to_province_median, type_median, gap_to_type_median,
    points_recoverable, priority.
    """
    return run(
        con,
        "indicator_gaps",
        {
            **filters.place_params(),
            "fiscal_year": filters.fiscal_year,
            "indicators": filters.indicator_numbers(),
            "pass_mark": pass_mark(filters.fiscal_year),
        },
    )


def province_weak_shares(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per province and indicator, the share of the selection's organisations below the pass mark.

    Columns: province_code, province, indicator, org_count, below_pass_count, share_below_pass (0-1).
    """
    return run(
        con,
        "province_weak_shares",
        {
            **filters.place_params(),
            "fiscal_year": filters.fiscal_year,
            "indicators": filters.indicator_numbers(),
            "pass_mark": pass_mark(filters.fiscal_year),
        },
    )


@cache
def _catalogue(fiscal_year: int) -> tuple[list[str], list[str]]:
    """The year's item codes and their titles as people read them: each says when it is unconfirmed."""
    items = framework.items(fiscal_year)
    return [i.code for i in items], [labels.item_title_text(i.title_th, i.title_status) for i in items]


def _item_params(filters: Filters) -> dict:
    codes, titles = _catalogue(filters.fiscal_year)
    return {
        "fiscal_year": filters.fiscal_year,
        "item_codes": codes,
        "item_titles": titles,
        "indicators": filters.indicator_numbers(),
        "all_indicators": filters.indicator == "total",
    }


def item_gaps(con: duckdb.DuckDBPyConnection, filters: Filters, org_id: int) -> pd.DataFrame:
    """One organisation's items below full marks in ``filters.fiscal_year``, largest gap first.

    Only the place filters are ignored (the organisation is named); ``filters.indicator`` narrows the
    items. Columns: fiscal_year, org_id, item (``o23``), indicator, score, gap_to_full, title_th (the
    year's Thai title, marked when a source does not confirm it for the year; "unconfirmed" when none is known).
    """
    return run(con, "item_gaps", {**_item_params(filters), "org_id": int(org_id)})


def item_gap_summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per item, how many of the selection's organisations fell short of full marks; most missed first.

    Columns: fiscal_year, item, indicator, org_count, below_full_count, share_below_full (0-1),
    mean_score, title_th.
    """
    return run(con, "item_gap_summary", {**filters.place_params(), **_item_params(filters)})


def fix_first(gaps: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """Of an ``indicator_gaps`` result, each organisation's ``top`` indicators to fix first (priority 1 …
    ``top``; ties share a priority, so an organisation may have more), the most points recoverable first
    (then by org_id, so the order is the same every time). Same columns."""
    return gaps[gaps.priority <= int(top)].sort_values(
        ["points_recoverable", "org_id"], ascending=[False, True], ignore_index=True
    )
