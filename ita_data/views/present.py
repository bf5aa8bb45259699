"""How a view's numbers, flags and dates are written into files, rounded as the screen shows them.

The kind of a number follows from its column's name (``ita_data.formats``, which the pages' tables
use too): a score or gap with two decimals, a share as a percentage with one, a year, id, count or
rank whole. The CSV writes the number so rounded, as text people read (``93.29``, ``-19.02``,
``12.3%``, ``2684``; no thousands separator, so that every spreadsheet reads it back as a number);
the XLSX keeps a number, rounded the same way, with the display format of its kind; JSON keeps the
analytics' own values (``json_value``).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

from ita_data import formats, labels

# Decimals a kind shows (a share's are of its percentage).
_DIGITS = {"score": 2, "signed_score": 2, "percentile": 0, "share": 1}
_WHOLE = ("year", "code", "count", "signed_count")
XLSX_FORMATS = {
    "year": "0",
    "code": "0",
    "count": "#,##0",
    "signed_count": "+#,##0;-#,##0;0",
    "score": "#,##0.00",
    "signed_score": "+#,##0.00;-#,##0.00;0.00",
    "percentile": "0",
    "share": "0.0%",
}


def kind_of(column: str, value: Any = None) -> str | None:
    """The kind of number a column holds (``ita_data.formats``); a number in a column of no known kind
    is a score if it has a fraction and a count if not, as the tables show it."""
    kind = formats.column_kind(column)
    if kind is not None or value is None:
        return kind
    if isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (float, np.floating)):
        return "score"
    if isinstance(value, (int, np.integer)):
        return "count"
    return None


def rounded(column: str, value: Any) -> Any:
    """A number rounded as the column shows it (a share keeps its fraction: 0.123 for 12.3%)."""
    if missing(value) or isinstance(value, (bool, np.bool_, str)) or not isinstance(value, (int, float, np.number)):
        return value
    kind = kind_of(column, value)
    if kind in _WHOLE:
        return int(value)
    digits = _DIGITS.get(kind or "score", 2) + (2 if kind == "share" else 0)
    return round(float(value), digits)


def xlsx_format(column: str, value: Any) -> str | None:
    """The XLSX display format of a number in ``column``."""
    kind = kind_of(column, value)
    return XLSX_FORMATS.get(kind) if kind else None


def written(column: str, value: Any) -> str:
    """A cell of a CSV as people write it: ``93.29``, ``-19.02``, ``12.3%``, ``2684``, ``ใช่``, a blank
    for nothing; text as it is (the writer keeps it from being read as a formula)."""
    if missing(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return labels.yes_no(bool(value))
    if isinstance(value, (list, tuple, np.ndarray)):
        return ", ".join(written(column, v) for v in value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        kind = kind_of(column, value)
        if kind == "share":
            return f"{float(value) * 100:.1f}%"
        if kind in _WHOLE:
            return str(int(value))
        return f"{float(value):.{_DIGITS.get(kind or 'score', 2)}f}"
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
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return value.isoformat()
    return value


def json_type(frame: pd.DataFrame, column: str) -> str:
    """The kind of values a column holds, for the API's list of columns."""
    dtype = frame[column].dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_numeric_dtype(dtype):
        kind = formats.column_kind(column)
        if kind == "share":
            return "share"
        if kind in _WHOLE or pd.api.types.is_integer_dtype(dtype):
            return "integer"
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
