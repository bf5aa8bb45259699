"""The analytics: every question an officer asks, as one call returning a DataFrame computed in DuckDB.

Each function takes a DuckDB connection or cursor (``store.cursor()``) and, mostly, a ``Filters``;
the columns are listed in its docstring. The queries live in ``analytics/sql/`` and read the tables
``ita_data.derived`` keeps.
"""

from ita_data.analytics.change import movers, trends, yoy_change
from ita_data.analytics.common import DerivedTablesMissing, Filters
from ita_data.analytics.gaps import indicator_gaps, item_gap_summary, item_gaps, province_weak_shares
from ita_data.analytics.measures import (
    measure_coverage, measure_effectiveness, open_measures, open_measures_summary,
)
from ita_data.analytics.overview import (
    filter_options, indicator_means, level_distribution, org_history, overview, province_map, search_orgs,
)
from ita_data.analytics.quality import (
    duplicate_orgs, level_check, missing_years, source_disagreements, total_check,
)
from ita_data.analytics.rankings import rankings

__all__ = [
    "DerivedTablesMissing", "Filters",
    "filter_options", "search_orgs", "org_history",
    "overview", "level_distribution", "indicator_means", "province_map",
    "rankings",
    "yoy_change", "movers", "trends",
    "indicator_gaps", "province_weak_shares", "item_gaps", "item_gap_summary",
    "open_measures", "open_measures_summary", "measure_coverage", "measure_effectiveness",
    "total_check", "level_check", "missing_years", "duplicate_orgs", "source_disagreements",
]
