"""The files a view is written to, by the pages' download buttons and the API alike.

A CSV starts with the selection in words, the synthetic-data warning when synthetic rows are in it
and the link that reopens the view, each on a line of its own starting with ``#``; then the table with
Thai headers and values as people write them (``93.29``, ``12.3%``, ``ใช่``). An XLSX has the table on
its first sheet, numbers kept as numbers (rounded and formatted as on screen), and the same header
lines on its second. Text from documents never becomes a spreadsheet formula (``safe_text``).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ita_data import labels, safe_text
from ita_data.views import present
from ita_data.views.catalogue import View
from ita_data.views.selection import Selection, caption, describe

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Download:
    """One view's rows for one selection, with what the file says about them."""

    view: View
    sel: Selection
    frame: pd.DataFrame  # the view's columns, as the analytics give them
    link: str  # the address that reopens exactly this view
    keys: Sequence[str] = ()  # the page parameters the selection is described by
    names: Mapping[str, str | None] = field(default_factory=dict)  # Thai names only the data knows
    synthetic: bool = False  # synthetic rows are in it

    def caption(self) -> str:
        return " · ".join([self.view.heading(self.sel), caption(self.sel, self.keys, self.names)])

    def header_lines(self) -> list[str]:
        lines = [self.caption()]
        if self.synthetic:
            lines.append(labels.SYNTHETIC_BANNER)
        lines.append(f"{labels.FILE_LINK}: {self.link}")
        return lines

    def shown(self) -> pd.DataFrame:
        """The rows in people's words (Thai labels, B.E. dates), headers still the analytics' names."""
        return self.view.present(self.frame, self.sel)

    def headers(self) -> list[str]:
        return [self.view.header(c, self.sel) for c in self.frame.columns]


def csv_bytes(d: Download) -> bytes:
    """The CSV: header lines, then the table (UTF-8 with a BOM, for Excel on a Thai system)."""
    shown = d.shown()
    body = pd.DataFrame(
        {i: _csv_column(name, shown[name]) for i, name in enumerate(shown.columns)}, index=range(len(shown))
    )
    body.columns = [safe_text.spreadsheet_cell(h) for h in d.headers()]
    # Each header line is one quoted cell: a name holding a comma cannot start a cell of its own.
    heading = pd.DataFrame([["# " + line] for line in d.header_lines()]).to_csv(index=False, header=False)
    return (heading + body.to_csv(index=False)).encode("utf-8-sig")


def _csv_column(name: str, values: pd.Series) -> list[str]:
    """Text from the data stays text (never a formula); a number, flag or date as people write it."""
    return [safe_text.spreadsheet_cell(v) if isinstance(v, str) else present.written(name, v) for v in values]


def xlsx_bytes(d: Download) -> bytes:
    """The XLSX: the table on the first sheet, the selection, warning and link on the second."""
    from openpyxl.utils import get_column_letter

    shown = d.shown()
    data = pd.DataFrame({i: _xlsx_column(name, shown[name]) for i, name in enumerate(shown.columns)})
    data.columns = [safe_text.spreadsheet_cell(h) for h in d.headers()]
    about = [(labels.FILE_TABLE, d.view.heading(d.sel)), *describe(d.sel, d.keys, d.names)]
    if d.synthetic:
        about.append((labels.FILE_SYNTHETIC, labels.SYNTHETIC_BANNER))
    about.append((labels.FILE_LINK, d.link))
    filters = pd.DataFrame(about, columns=[labels.FILTERS_SHEET_NAME, labels.FILTERS_SHEET_VALUE])
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        data.to_excel(writer, sheet_name=labels.DATA_SHEET, index=False)
        safe_text.spreadsheet_frame(filters).to_excel(writer, sheet_name=labels.FILTERS_SHEET, index=False)
        sheet = writer.sheets[labels.DATA_SHEET]
        for i, name in enumerate(shown.columns, start=1):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.number_format = present.xlsx_format(name, cell.value) or "General"
            sheet.column_dimensions[get_column_letter(i)].width = 16
    return out.getvalue()


def _xlsx_column(name: str, values: pd.Series) -> list[Any]:
    """A number rounded as on screen (it stays a number), a flag as ใช่/ไม่, text never a formula."""
    cells: list[Any] = []
    for v in values:
        if isinstance(v, str):
            cells.append(safe_text.spreadsheet_cell(v))
        elif isinstance(v, (bool, np.bool_)) or isinstance(v, (list, tuple, np.ndarray)):
            cells.append(present.written(name, v))
        elif present.missing(v):
            cells.append(None)
        elif isinstance(v, (int, float, np.number)):
            cells.append(present.rounded(name, v))
        else:
            cells.append(v)
    return cells


def file_name(view: View, sel: Selection, extension: str) -> str:
    return f"{view.file_stem(sel)}.{extension}"
