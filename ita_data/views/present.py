"""How a view's numbers, flags and dates are written for people, once for the screen and the files.

A column's format is decided by its name (the analytics use one name for one thing): scores and gaps
with two decimals, shares as percentages with one, counts, ranks, years and ids as whole numbers.
The page's table shows the format (``streamlit_format``); the CSV writes the number so rounded, as
text people read (``93.29``, ``12.3%``); the XLSX keeps a number rounded the same way with the same
display format; JSON keeps the analytics' own values (``json_value``).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

from ita_data import labels

# column -> format: "score" (2 decimals), "signed" (2 decimals, a change), "share" (0-1 as a percentage,
# 1 decimal), "whole" (an integer: counts, ranks, years, ids), "percentile" (0 decimals)
NUMBER_FORMATS: dict[str, str] = {
    **dict.fromkeys(
        (
            "score",
            "score_prev",
            "score_from",
            "score_to",
            "mean_score",
            "median_score",
            "nation_mean_score",
            "mean_selection",
            "mean_nation",
            "province_median",
            "nation_median",
            "type_median",
            "first_score",
            "last_score",
            "total_score",
            "total_printed",
            "total_computed",
            "points_recoverable",
            "gap_to_pass",
            "gap_to_100",
            "gap_to_province_median",
            "gap_to_type_median",
            "gap_to_full",
            "value",
            "min_total",
            "min_each_tool",
            "pass_mark",
            "weight_iit",
            "weight_eit",
            "weight_oit",
        ),
        "score",
    ),
    **dict.fromkeys(
        ("delta", "change", "slope", "difference", "mean_change_with_measure", "mean_change_peers", "effect"), "signed"
    ),
    **dict.fromkeys(("pass_rate", "nation_pass_rate", "share", "share_below_pass", "share_below_full"), "share"),
    "percentile": "percentile",
}
# Shown and written as whole numbers even when a gap makes the column a float.
WHOLE = (
    "rank",
    "rank_prev",
    "rank_change",
    "group_size",
    "rank_reported",
    "rank_reported_of",
    "province_rank_computed",
    "org_id",
    "org_id_a",
    "org_id_b",
    "source_id",
    "measure_id",
    "fiscal_year",
    "from_year",
    "to_year",
    "first_year",
    "last_year",
    "next_year",
    "years_count",
    "years_missing",
    "years_present",
    "shared_years",
    "improving_streak",
    "position",
    "days_overdue",
    "org_count",
    "nation_org_count",
    "below_pass_count",
    "below_full_count",
    "open_count",
    "overdue_count",
    "planned_count",
    "in_progress_count",
    "measure_count",
    "orgs_with_measure",
    "orgs_compared",
    "assessments",
    "indicator_scores",
    "measures",
    "level_order",
    "priority",
)

_DIGITS = {"score": 2, "signed": 2, "share": 1, "percentile": 0}
# Streamlit's NumberColumn formats (printf-style, or its own presets).
STREAMLIT_FORMATS = {"score": "%.2f", "signed": "%+.2f", "share": "percent", "percentile": "%.0f"}
# The XLSX cell formats of the same.
XLSX_FORMATS = {"score": "0.00", "signed": "0.00", "share": "0.0%", "percentile": "0", "whole": "0"}


def number_format(column: str) -> str | None:
    """The column's format name (``score``, ``signed``, ``share``, ``percentile``, ``whole``), or None."""
    if column in NUMBER_FORMATS:
        return NUMBER_FORMATS[column]
    return "whole" if column in WHOLE else None


def streamlit_formats(frame: pd.DataFrame) -> dict[str, str]:
    """The screen format of each number column of ``frame`` (Streamlit's NumberColumn ``format``)."""
    formats = {}
    for column in frame.columns:
        kind = number_format(column)
        if kind is None or not pd.api.types.is_numeric_dtype(frame[column].dtype):
            continue
        if pd.api.types.is_bool_dtype(frame[column].dtype):
            continue
        formats[column] = "%d" if kind == "whole" else STREAMLIT_FORMATS[kind]
    return formats


def rounded(column: str, value: Any) -> Any:
    """A number rounded as the column shows it (a share keeps its fraction: 0.123 for 12.3%)."""
    kind = number_format(column)
    if kind is None or missing(value) or isinstance(value, (bool, np.bool_, str)):
        return value
    if kind == "whole":
        return int(value)
    digits = _DIGITS[kind] + (2 if kind == "share" else 0)
    return round(float(value), digits)


def written(column: str, value: Any) -> str:
    """A cell of a CSV as people write it: ``93.29``, ``-19.02``, ``12.3%``, ``5``, ``ใช่``, a blank for
    nothing; text as it is (the writer keeps it from being read as a formula)."""
    if missing(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return labels.yes_no(bool(value))
    kind = number_format(column)
    if kind is not None and isinstance(value, (int, float, np.integer, np.floating)):
        if kind == "share":
            return f"{float(value) * 100:.1f}%"
        if kind == "whole":
            return str(int(value))
        return f"{float(value):.{_DIGITS[kind]}f}"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.2f}"
    if isinstance(value, (list, tuple, np.ndarray)):
        return ", ".join(written(column, v) for v in value)
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.isoformat(sep=" ", timespec="minutes")
    return str(value)


def json_value(value: Any) -> Any:
    """A cell as JSON carries it: numbers, text, true/false, null, ISO dates, lists."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [json_value(v) for v in value]
    if missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def json_type(frame: pd.DataFrame, column: str) -> str:
    """The kind of values a column holds, for the API's list of columns."""
    kind = number_format(column)
    if kind == "share":
        return "share"
    if kind == "whole":
        return "integer"
    if kind is not None:
        return "number"
    dtype = frame[column].dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_numeric_dtype(dtype):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    sample = frame[column].dropna()
    if len(sample) and isinstance(sample.iloc[0], dt.date):
        return "date"
    if len(sample) and isinstance(sample.iloc[0], (list, tuple, np.ndarray)):
        return "list"
    return "text"


def missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, (float, np.floating)) and math.isnan(value)
