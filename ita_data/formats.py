"""How a number is written for people: one format per kind of column, the same in every table and chart.

A column's kind follows from its name (``fiscal_year`` is a year, ``org_count`` a count, ``score`` a
score), so a table keeps one number of decimals per column whatever its values are, and a count reads
``2,684`` in a table as it does in a headline figure.
"""

from __future__ import annotations

import math
from typing import Any

SCORE_DECIMALS = 2
# printf-style formats as Streamlit's tables and Plotly's d3 formats as charts take them.
FORMATS = {
    "year": "%d",
    "code": "%d",
    "count": "%,d",
    "signed_count": "%+,d",
    "score": f"%,.{SCORE_DECIMALS}f",
    "signed_score": f"%+,.{SCORE_DECIMALS}f",
    "percentile": "%.0f",
    "share": "%.1f%%",  # a share 0–1 is shown multiplied by 100 (see ``shown_value``)
}
D3_FORMATS = {
    "year": "d",
    "code": "d",
    "count": ",d",
    "signed_count": "+,d",
    "score": f",.{SCORE_DECIMALS}f",
    "signed_score": f"+,.{SCORE_DECIMALS}f",
    "percentile": ".0f",
    "share": ".1%",
}

_COUNTS = {
    "group_size",
    "position",
    "days_overdue",
    "years_count",
    "improving_streak",
    "items",
    "facts",
    "current_facts",
    "assessments",
    "indicator_scores",
    "measures",
    "orgs_with_measure",
    "orgs_compared",
    "years_present",
    "shared_years",
    "level_order",
    "row",
    "page",
}
_SIGNED = {"delta", "change", "slope", "difference", "effect", "score_change"}


def column_kind(name: str) -> str | None:
    """The kind of number a column holds, by its name: year, code, count, score, percentile, share (and
    signed_ kinds for changes); None for a column that is not a number."""
    if name in ("fiscal_year", "year") or name.endswith("_year") or name.startswith("year_"):
        return "year"
    if name.endswith("_id") or name.endswith("_code") or name in ("org_id_a", "org_id_b"):
        return "code"
    if name == "percentile":
        return "percentile"
    if name in ("share", "pass_rate") or name.startswith("share_") or name.endswith(("_share", "_pass_rate")):
        return "share"
    if name == "rank_change":
        return "signed_count"
    if name.startswith("rank") or name.endswith("_rank") or "_rank_" in name or name.endswith("_count"):
        return "count"
    if name in _COUNTS or name.startswith("count"):
        return "count"
    if name in _SIGNED or name.startswith("mean_change") or name.startswith("delta"):
        return "signed_score"
    return None


def printf_format(name: str, numeric_kind: str) -> str:
    """The format of a numeric column (``numeric_kind``: "i" integer or "f" float) for a table."""
    kind = column_kind(name) or ("count" if numeric_kind in "iu" else "score")
    return FORMATS[kind]


def shown_value(name: str, value: Any) -> Any:
    """A value as the format of its column expects it: a share 0–1 becomes a percentage."""
    return value * 100 if column_kind(name) == "share" else value


def text(value: Any, kind: str = "score") -> str:
    """One number as a table shows it (``2,684``, ``93.29``, ``+1.50``, ``2568``, ``12.5%``); a missing
    value is a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return "–"
    python = {
        "year": "{:.0f}",
        "code": "{:.0f}",
        "count": "{:,.0f}",
        "signed_count": "{:+,.0f}",
        "score": f"{{:,.{SCORE_DECIMALS}f}}",
        "signed_score": f"{{:+,.{SCORE_DECIMALS}f}}",
        "percentile": "{:.0f}",
        "share": "{:.1%}",
    }[kind]
    return python.format(number)
