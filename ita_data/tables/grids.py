"""A table file's bytes as grids of cells, the first step of reading it: one grid per CSV, one per worksheet.

Each kind of file has one reader in ``READERS``; every later step (the header, the columns, the rows) reads
a ``Grid`` and never the file, so a new kind of table plugs in here alone.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ita_data import labels
from ita_data.tables import limits, xlsx
from ita_data.tables.limits import quoted


class TableError(ValueError):
    """A file that cannot be read as a result table at all (type, size, encoding, header, a limit)."""


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


# --- text: bytes to characters -------------------------------------------------------------

# Thai vowels and tone marks written above or below a consonant, and the vowels written before one.
_THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
# cp874 text that no Thai writer produces: a Thai mark on a Latin letter ("Caf้" is Latin-1 "Café"),
# a Thai character between two Latin letters ("Se๑or"), a leading vowel before a Latin letter.
_NOT_THAI = re.compile(f"[A-Za-z][{_THAI_MARKS}]|[A-Za-z][\u0e01-\u0e5b][A-Za-z]|[\u0e40-\u0e44][A-Za-z]")


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"-be"`` when the bytes look like UTF-16 that lost its byte-order mark.

    Every ASCII character (commas, digits, line ends) has a zero byte on the same side of its pair.
    """
    sample = data[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even + odd < max(len(sample) // 10, 2):
        return None
    if odd >= 9 * even:
        return "utf-16-le"
    if even >= 9 * odd:
        return "utf-16-be"
    return None


def _decode(data: bytes, file_name: str) -> tuple[str, str, list[str]]:
    """The text, the encoding it was read in, and notes on it for the preview."""
    name = quoted(file_name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            raise TableError(labels.TABLE_UTF16_UNDECODABLE.format(name=name)) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise TableError(labels.TABLE_UTF16_NO_BOM_UNDECODABLE.format(name=name)) from None
        return text, utf16, [labels.TABLE_UTF16_NO_BOM.format(encoding=utf16.upper())]
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        # Thai Windows (and Excel's "CSV" on a Thai system) write cp874, a superset of TIS-620.
        text = data.decode("cp874")
    except UnicodeDecodeError:
        raise TableError(labels.TABLE_NOT_UTF8_OR_CP874.format(name=name)) from None
    odd = _NOT_THAI.search(text)
    if odd:
        line = text.count("\n", 0, odd.start()) + 1
        start = text.rfind("\n", 0, odd.start()) + 1
        snippet = text[max(start, odd.start() - 20) : odd.end() + 20].splitlines()[0]
        as_latin = snippet.encode("cp874").decode("cp1252", errors="replace")
        raise TableError(
            labels.TABLE_LATIN_NOT_THAI.format(name=name, line=line, text=quoted(snippet), as_latin=quoted(as_latin))
        )
    return text, "cp874", []


# --- the readers ---------------------------------------------------------------------------


def _too_long(name: str, where: str) -> str:
    return labels.TABLE_CSV_CELL_TOO_LONG.format(name=name, where=where, limit=limits.MAX_CELL_CHARS)


def csv_grids(data: bytes, file_name: str) -> Grids:
    """A CSV's records as one grid, its delimiter sniffed, every limit counted as the records come."""
    text, encoding, notes = _decode(data, file_name)
    sample = text[:4096]  # the Sniffer's regexes are quadratic in the sample: 8 KB of ',"' took 0.9 s
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    start, cells_read = 1, 0
    name = quoted(file_name)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            if "field larger than field limit" in str(err):
                raise TableError(_too_long(name, labels.TABLE_CSV_LINE.format(line=reader.line_num))) from None
            raise TableError(
                labels.TABLE_CSV_UNREADABLE.format(name=name, line=reader.line_num, reason=quoted(err))
            ) from None
        if len(rows) >= limits.MAX_ROWS:
            raise TableError(labels.TABLE_CSV_TOO_MANY_ROWS.format(name=name, limit=limits.MAX_ROWS))
        if len(cells) > limits.MAX_COLUMNS:
            raise TableError(
                labels.TABLE_CSV_TOO_MANY_COLUMNS.format(
                    name=name, line=start, count=len(cells), limit=limits.MAX_COLUMNS
                )
            )
        cells_read += len(cells)
        if cells_read > limits.MAX_CSV_CELLS:
            raise TableError(labels.TABLE_CSV_TOO_MANY_CELLS.format(name=name, limit=limits.MAX_CSV_CELLS))
        for c, value in enumerate(cells):
            if len(value) > limits.MAX_CELL_CHARS:
                raise TableError(_too_long(name, labels.TABLE_CSV_CELL.format(cell=f"{xlsx.column_letter(c)}{start}")))
        rows.append((start, cells))
        start = reader.line_num + 1
    return Grids([Grid(None, rows)], encoding, notes)


def xlsx_grids(data: bytes, file_name: str) -> Grids:
    """Each worksheet of an XLSX workbook as a grid, with its merged ranges and unsaved formulas."""
    try:
        sheets = list(xlsx.read_sheets(data))
    except xlsx.XlsxError as err:
        raise TableError(labels.TABLE_XLSX_REFUSED.format(name=quoted(file_name), reason=err)) from None
    return Grids([Grid(s.title, s.grid, s.merges, s.formulas) for s in sheets])


# The reader of each kind of file, by its suffix: a new kind of table (a web page's table, pasted text)
# adds its reader here and every later step reads its grids unchanged.
READERS: dict[str, Callable[[bytes, str], Grids]] = {".csv": csv_grids, ".xlsx": xlsx_grids}


def read_grids(data: bytes, file_name: str) -> Grids:
    """The grids of a file, read by the reader its suffix names (``check_upload`` has refused the others)."""
    return READERS[Path(file_name).suffix.lower()](data, file_name)
