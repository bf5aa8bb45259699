"""What every step of reading a table shares: the grids a file holds, and the error that refuses a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class TableError(ValueError):
    """A file that cannot be read as a result table at all (type, size, encoding, header, a limit)."""


class YearNeeded(TableError):
    """A table that states no fiscal year and was given none: the person states it (``--fy``, the page)."""


@dataclass
class Grid:
    """One grid of cells as a file holds it: a CSV's records, or one worksheet.

    ``rows`` are ``(row number in the file, values from the first column on)``; ``title`` names a
    worksheet (None for a CSV). ``merges`` (min_row, min_col, max_row, max_col) and ``formulas``
    ((row, column index) → a formula whose result the file does not keep) are a worksheet's.
    """

    title: str | None
    rows: list[tuple[int, list[Any]]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass
class Grids:
    """Every grid a file holds, in file order, with the encoding its text was read in and notes on it."""

    grids: list[Grid]
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    # Fiscal years (B.E.) the words around the tables state, and a C.E. ``year=`` in a saved page's address.
    stated_years: list[int] = field(default_factory=list)
    address_year: int | None = None
