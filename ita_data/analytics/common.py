"""What every analytics function shares: the filters, the named SQL runner and the year's rules as parameters."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from ita_data import framework, labels, orgs, store
from ita_data.derived import DERIVED_TABLES

INDICATOR_CHOICES = labels.INDICATOR_CHOICES
INDICATOR_NUMBERS = labels.INDICATOR_NUMBERS
ORG_TYPE_CODES = tuple(t.code for t in orgs.ORG_TYPES)


# Set once, not per call: ``warnings.catch_warnings`` swaps process-wide state and races between the
# threads Streamlit runs sessions in. See query_frame.
warnings.filterwarnings("ignore", message="Arrow output on a DB-API result", category=UserWarning)


def is_indicator(values: pd.Series) -> pd.Series:
    """Which rows of an ``indicator`` column are one of the ten indicators (``"1"``…``"10"``), not the
    total or a tool: the rows a per-indicator chart draws."""
    return values.isin(INDICATOR_NUMBERS)


class DerivedTablesMissing(RuntimeError):
    """The database predates the analytics' derived tables."""


@dataclass(frozen=True)
class Filters:
    """The selection every page offers: one fiscal year, a place, a type, a measure, and synthetic or not.

    ``indicator`` is the measure ranked or compared: ``"total"``, a tool (``"IIT"``, ``"EIT"``,
    ``"OIT"``) or an indicator number as text (``"1"`` … ``"10"``). Functions that work per indicator
    read ``"total"`` as all ten indicators and a tool as that tool's indicators.
    """

    fiscal_year: int
    province_code: str | None = None
    district_code: str | None = None
    org_type: str | None = None
    indicator: str = "total"
    include_synthetic: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "fiscal_year", int(self.fiscal_year))
        object.__setattr__(self, "indicator", str(self.indicator))
        if self.indicator not in INDICATOR_CHOICES:
            raise ValueError(f"ตัวชี้วัด {self.indicator!r} ไม่รู้จัก: expected one of {', '.join(INDICATOR_CHOICES)}")
        if self.org_type is not None and self.org_type not in ORG_TYPE_CODES:
            raise ValueError(f"ประเภท อปท. {self.org_type!r} ไม่รู้จัก: expected one of {', '.join(ORG_TYPE_CODES)}")

    def place_params(self) -> dict[str, Any]:
        """The parameters of the selection predicate every query writes out the same way."""
        return {
            "province_code": self.province_code,
            "district_code": self.district_code,
            "org_type": self.org_type,
            "include_synthetic": bool(self.include_synthetic),
        }

    def indicator_numbers(self) -> list[str]:
        """The indicators (as text, ``"1"``…``"10"``) that a per-indicator function looks at."""
        if self.indicator == "total":
            return [str(i.number) for i in framework.indicators()]
        if self.indicator in framework.TOOLS:
            return [str(n) for n in framework.indicators_of_tool(self.indicator)]
        return [self.indicator]


# --- the year's rules as SQL parameters -----------------------------------------------------


def pass_mark(fiscal_year: int) -> float:
    return framework.year_rules(fiscal_year).pass_mark


def method_notes(from_year: int, to_year: int) -> str | None:
    """The changes of method between two years, in Thai, or None when there is none or a year is unknown."""
    try:
        notes = framework.method_changes(from_year, to_year)
    except framework.UnknownYearError:
        return None
    return "; ".join(notes) or None


@cache
def method_break_years() -> tuple[int, ...]:
    """Years whose method differs from the year before: a comparison across one is flagged."""
    years = framework.known_years()
    return tuple(fy for fy in years[1:] if framework.method_changes(fy - 1, fy))


def scheme_levels(fiscal_year: int) -> list[str]:
    return [b.level for b in framework.level_bands(fiscal_year)]


# --- named SQL -------------------------------------------------------------------------------


@cache
def sql(name: str) -> str:
    """The query kept in ``analytics/sql/<name>.sql``."""
    return files("ita_data.analytics").joinpath(f"sql/{name}.sql").read_text(encoding="utf-8")


@cache
def statement(name: str) -> duckdb.Statement:
    """The named query parsed once: DuckDB parses text on every execute (a tenth to two thirds of a
    millisecond for these queries). The Python client executes a copy of a parsed statement
    (``DuckDBPyStatement::GetStatement``), so every thread and cursor can share this one."""
    (parsed,) = duckdb.extract_statements(sql(name))
    return parsed


@cache
def composed_statement(inner: str, cte: str, outer: str) -> duckdb.Statement:
    """Query ``outer`` reading query ``inner``'s rows as the CTE ``cte``, parsed once."""
    inner_sql = sql(inner).rstrip().removesuffix(";")
    (parsed,) = duckdb.extract_statements(f"WITH {cte} AS (\n{inner_sql}\n)\n{sql(outer)}")
    return parsed


def run(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any]) -> pd.DataFrame:
    """Run the named query with bound parameters and return its rows as a DataFrame."""
    return query_frame(con, statement(name), params)


def run_rows(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any]) -> list[tuple]:
    """Run the named query and return its rows as tuples: for a handful of numbers that the function
    shapes itself, where building an Arrow table would cost more than the query."""
    with _derived_tables_checked():
        return con.execute(statement(name), dict(params)).fetchall()


def run_small(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any]) -> pd.DataFrame:
    """``run`` for a query that returns a few dozen rows of numbers and text: through NumPy, which for
    so few rows costs less than building an Arrow table, with the dtypes ``run`` gives (not for dates,
    which NumPy gives as datetime64)."""
    with _derived_tables_checked():
        result = con.execute(statement(name), dict(params))
        arrays = result.fetchnumpy()
    frame = pd.DataFrame(
        {
            column: values.filled(None) if isinstance(values, np.ma.MaskedArray) else values
            for column, values in arrays.items()
        },
        copy=False,
    )
    if frame.empty:  # pandas infers text only from values; an empty column says object
        text = [column for column, type_code, *_ in result.description if str(type_code) == "VARCHAR"]
        frame = frame.astype(dict.fromkeys(text, "str"))
    return frame


def query_frame(
    con: duckdb.DuckDBPyConnection, query: str | duckdb.Statement, params: Mapping[str, Any]
) -> pd.DataFrame:
    """Run a query with bound parameters, through Arrow: it builds Thai string columns several times
    faster than ``.df()``, and every function gives the same dtypes (a missing number is NaN).

    ``execute`` binds the query once; ``con.sql(query, params=...)`` would build a relation and bind
    it again, about half a millisecond more per call. DuckDB warns that Arrow output of an executed
    query copies the rows; the copy costs less than the second bind (``python -m ita_data bench``),
    so that one warning is silenced where this module is imported.
    """
    with _derived_tables_checked():
        table: Any = con.execute(query, dict(params)).to_arrow_table()  # never None for a query's result
        return table.to_pandas(split_blocks=True)


@contextmanager
def _derived_tables_checked() -> Iterator[None]:
    """Turn "no such table" for a derived table into the message that says how to get them, and a
    damaged file into the store's message for it (never a busy one, never a traceback)."""
    try:
        yield
    except duckdb.Error as err:
        if not isinstance(err, duckdb.CatalogException) and store.is_damage(str(err)):
            raise store.explain_read_error(None, err) from err
        if not isinstance(err, duckdb.CatalogException):
            raise
        if any(table in str(err) for table in DERIVED_TABLES):
            raise DerivedTablesMissing(
                "ฐานข้อมูลยังไม่มีตารางสรุปสำหรับการวิเคราะห์: the analytics' derived tables are missing; "
                "open it once with ita_data.derived.open_store, which rebuilds them"
            ) from err
        raise


def with_method_change(measures: pd.DataFrame) -> pd.DataFrame:
    """``measures`` with ``method_change`` after ``score_change``: whether the method changed between a
    measure's year and the next, so its before and after scores do not compare directly."""
    known = set(framework.known_years())
    # A year after the rules' last has no scores yet, and no rules to compare: nothing to mark.
    crosses = {
        int(y): int(y) + 1 in known and framework.crosses_method_change(int(y), int(y) + 1)
        for y in measures.fiscal_year.unique()
    }
    marked = measures.fiscal_year.map(lambda y: crosses[int(y)]).astype(bool)
    after = measures.columns.get_loc("score_change") + 1
    return measures.assign(method_change=marked)[
        [*measures.columns[:after], "method_change", *measures.columns[after:]]
    ]
