"""Tab-separated tables as PDF and Word export leaves them: header rows repeated on every page,
rows broken by a page, blank lines between pages, and the text lines that head each table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ita_data.documents.text import strip_html

from . import vocabulary as vocab
from .text import compact

_SEPARATOR_CELL = re.compile(r"^[\s\-–—=_|:]*$")
_HAS_DIGIT = re.compile(r"[0-9๐-๙]")
_SCORE_WORDS = re.compile(r"ร้อยละ|คะแนน")


@dataclass
class Row:
    line: int  # 1-based line number in the document
    cells: list[str]  # HTML stripped
    raw: list[str]
    after_page_header: bool = False


@dataclass
class Table:
    header: list[str | None] | None  # column roles, None when the table has no header row
    header_text: list[str] | None
    rows: list[Row] = field(default_factory=list)
    heading: str = ""  # the text lines just above the table
    section: str = ""  # the last section heading that names a tool (IIT/EIT/OIT)
    years: dict[int, int] = field(default_factory=dict)  # column -> fiscal year, in a table that compares years

    _by_role: dict[str, tuple[int, ...]] | None = field(default=None, repr=False, compare=False)

    def columns(self, role: str) -> tuple[int, ...]:
        """The columns the header gives that role, worked out once per table."""
        if self._by_role is None:
            by_role: dict[str, list[int]] = {}
            for i, r in enumerate(self.header or []):
                if r:
                    by_role.setdefault(r, []).append(i)
            self._by_role = {r: tuple(cols) for r, cols in by_role.items()}
        return self._by_role.get(role, ())

    @property
    def is_measures(self) -> bool:
        return bool(self.header) and bool(vocab.MEASURE_TABLE_ROLES & set(self.header or ()))


def header_role(cell: str) -> str | None:
    key = compact(cell)
    if key in vocab.HEADER_EXACT:
        return vocab.HEADER_EXACT[key]
    for role, words in vocab.HEADER_ROLES:
        if any(w in key for w in words):
            return role
    return None


def header_roles(cells: list[str], raw: list[str]) -> list[str | None] | None:
    """The roles of a header row, or None when the row is data."""
    if len(cells) < 2 or any("<" in r for r in raw):
        return None
    if any(len(c) > 120 for c in cells):
        return None
    # A data row names an indicator and carries a score; a header row has words only.
    if any(_HAS_DIGIT.search(c) and not _SCORE_WORDS.search(c) for c in cells):
        return None
    roles: list[str | None] = []
    unnamed = 0
    for c in cells:
        role = header_role(c) if c else None
        if role is None and c:
            unnamed += 1
            if unnamed > 1:
                return None  # every cell but one names a role; stop at the second that does not
        roles.append(role)
    if len([r for r in roles if r]) < 2:
        return None
    return roles


_YEAR_CELL = re.compile(r"^[^0-9๐-๙]{0,24}?(?<![0-9๐-๙])([0-9๐-๙]{4})(?![0-9๐-๙])[^0-9๐-๙]{0,12}$")


def year_columns(cells: list[str]) -> dict[int, int]:
    """The columns of a header row that are years ("ปี ๒๕๖๖", "พ.ศ. 2567", "2565"), when there are two or more."""
    years = {}
    for i, cell in enumerate(cells):
        m = _YEAR_CELL.match(cell) if len(cell) <= 40 else None
        if m:
            year = int(m.group(1))
            if 2550 <= year <= 2650:
                years[i] = year
    return years if len(years) >= 2 else {}


def _is_separator(cells: list[str]) -> bool:
    return all(_SEPARATOR_CELL.match(c) for c in cells)


_TOOL = re.compile(r"\b(IIT|EIT|OIT)\b")


def split_tables(lines: list[str]) -> tuple[list[Table], list[tuple[int, str]]]:
    """The tables of a document and its text lines (line number, text) outside tables."""
    tables: list[Table] = []
    prose: list[tuple[int, str]] = []
    current: Table | None = None
    heading: list[str] = []
    section = ""
    pending_break = False
    for number, line in enumerate(lines, start=1):
        if "\t" not in line:
            if not line.strip():
                pending_break = current is not None
                continue
            text = line.strip()
            prose.append((number, text))
            current = None
            heading = (heading + [text])[-3:]
            if len(text) < 300:
                tool = _TOOL.search(text)
                if tool:
                    section = tool.group(1)
            continue
        raw = line.split("\t")
        cells = [strip_html(c) if c and not c.isspace() else "" for c in raw]
        if _is_separator(cells):
            continue
        roles = header_roles(cells, raw)
        # only a row that starts a table, with short cells, can be a header of years
        starts_table = current is None or current.header is None or bool(current.years)
        years = year_columns(cells) if roles is None and starts_table and all(len(c) <= 60 for c in cells) else {}
        if years:
            # a header that compares years: its other cells name the rows' labels, its year cells hold scores
            roles = [("score" if i in years else header_role(c) if c else None) for i, c in enumerate(cells)]
        if roles is not None:
            if current is not None and current.header_text == [compact(c) for c in cells]:
                pending_break = True  # the same header again: a new page of the same table
                continue
            current = Table(
                roles, [compact(c) for c in cells], heading="\n".join(heading), section=section, years=years
            )
            tables.append(current)
            heading = []
            pending_break = False
            continue
        if current is None:
            current = Table(None, None, heading="\n".join(heading), section=section)
            tables.append(current)
            heading = []
        current.rows.append(Row(number, cells, raw, after_page_header=pending_break))
        pending_break = False
    return tables, prose
