"""The analytics: every question an officer asks, as one call returning a DataFrame computed in DuckDB.

Each function takes a DuckDB connection or cursor (``store.cursor()``) and, mostly, a ``Filters``;
the columns are listed in its docstring. The queries live in ``analytics/sql/`` and read the tables
``ita_data.derived`` keeps.
"""

from ita_data.analytics.change import comparison_pair, movers, next_year_pairs, trends, yoy_change
from ita_data.analytics.common import DerivedTablesMissing, Filters, is_indicator
from ita_data.analytics.gaps import fix_first, indicator_gaps, item_gap_summary, item_gaps, province_weak_shares
from ita_data.analytics.measures import (
    coverage_counts,
    measure_coverage,
    measure_effectiveness,
    open_measures,
    open_measures_summary,
)
from ita_data.analytics.overview import (
    data_years,
    district_map,
    filter_choices,
    filter_options,
    indicator_means,
    level_distribution,
    org_history,
    overview,
    province_map,
    search_orgs,
)
from ita_data.analytics.quality import duplicate_orgs, level_check, missing_years, source_disagreements, total_check
from ita_data.analytics.rankings import rankings, top_org

__all__ = [
    "DerivedTablesMissing",
    "Filters",
    "is_indicator",
    "filter_choices",
    "filter_options",
    "data_years",
    "search_orgs",
    "org_history",
    "overview",
    "level_distribution",
    "indicator_means",
    "district_map",
    "province_map",
    "rankings",
    "top_org",
    "yoy_change",
    "movers",
    "trends",
    "comparison_pair",
    "next_year_pairs",
    "indicator_gaps",
    "fix_first",
    "province_weak_shares",
    "item_gaps",
    "item_gap_summary",
    "open_measures",
    "open_measures_summary",
    "measure_coverage",
    "coverage_counts",
    "measure_effectiveness",
    "total_check",
    "level_check",
    "missing_years",
    "duplicate_orgs",
    "source_disagreements",
]
