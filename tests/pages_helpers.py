"""Helpers for the page tests: read what a page shows, and ask the analytics the same question."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from ita_data import analytics
from ita_data.store import Store


@contextmanager
def analytics_cursor(db_path: Path):
    """A cursor on the database the AppTest reads (the same process shares DuckDB's open instance)."""
    store = Store(db_path)
    try:
        yield store.cursor()
    finally:
        store.close()


def province_names(cur) -> dict[str, str]:
    """DOPA code -> Thai name of the provinces with organisations, in the sidebar's order."""
    return analytics.filter_choices(cur, "province")


def province_codes(cur) -> list[str]:
    return list(province_names(cur))


def latest_year(cur) -> int:
    return max(analytics.data_years(cur))


def shown(at, key: str) -> pd.DataFrame:
    """The table a page drew with ``st.dataframe(..., key=key, on_select=...)``, with its Thai headers."""
    matches = [d for d in at.dataframe if d.key == key]
    assert matches, f"no selectable table with key {key!r}"
    return matches[0].value


def table_with(at, *headers: str) -> pd.DataFrame:
    """The first plain table (AppTest knows no key for one) whose headers include all of these."""
    for d in at.dataframe:
        if d.key is not None:
            continue
        value = d.value
        if set(headers) <= set(value.columns):
            return value
    raise AssertionError(f"no table with headers {headers}")


def texts(elements) -> list[str]:
    return [e.value for e in elements]
