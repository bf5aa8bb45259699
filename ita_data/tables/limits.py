"""Every limit the result-table reader enforces, in one place, and how a value from a file is quoted.

A result table is at most a national one: about 7,850 organisations a year, a few dozen columns (up to a
hundred with item scores). The limits leave room for several years in one file and refuse, before the
cost is paid, what no result table needs. README-limits-tables.md lists each with its message.
"""

from __future__ import annotations

MAX_FILE_BYTES = 50 * 1024 * 1024  # the upload itself
MAX_ROWS = 100_000  # rows of the file (sheet rows or CSV records), header included
MAX_COLUMNS = 300  # columns of the file: column KN in a spreadsheet
MAX_CELLS = 2_000_000  # cells present in an XLSX's sheets
# CSV fields read: our own results.csv of every year with item columns (about 55,000 rows × 110 columns)
# must come back in; the file-size limit bounds the rest.
MAX_CSV_CELLS = 8_000_000
MAX_CELL_CHARS = 32_767  # characters in one cell: Excel's own limit
# A page printed to PDF: a national table of 7,850 rows is about 300 A4 pages.
MAX_PDF_PAGES = 2_000
# XLSX is a zip: what it expands to is checked from its directory before anything is read.
MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # all parts together, expanded
MAX_XLSX_COMPRESSION_RATIO = 100  # a part over 1 MB expanding more than this is a zip bomb
MAX_XLSX_PARTS = 1_000  # files inside the zip
MAX_SHEETS = 100
MAX_MERGED_RANGES = 10_000  # <mergeCell> ranges in one sheet
MAX_MERGED_CELLS = 100_000  # cells a sheet's merged ranges fill, once clipped to the cells the sheet holds

QUOTE_CHARS = 80  # a value from a file is shown at most this long in a message


def quoted(value: object, limit: int = QUOTE_CHARS) -> str:
    """A value from a file as a message shows it: quoted like repr (control and invisible characters
    escaped, so Markdown or HTML stay visible text) and cut to ``limit`` characters."""
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return repr(text)


def table() -> list[tuple[str, int]]:
    """The limits by name, for the README and the benchmark."""
    return [(name, value) for name, value in globals().items() if name.startswith("MAX_") and isinstance(value, int)]
