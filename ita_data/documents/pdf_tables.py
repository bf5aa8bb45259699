"""Ruled tables in a PDF: the ruling read from PDFium's paths, the cells found by pdfplumber, each cell's
text as paragraphs, and a row that a page break cut joined again.

pdfplumber finds the ruling of each table; the characters (``pdf_chars``) fall into the cells by their boxes.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .pdf_chars import MARK, SOFT_TAB, Box, Char

_DIGIT = re.compile(r"[0-9๐-๙]")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
# a bullet, a box, or a list number ("1.", "๒)", "(3)"; not the start of a number such as "๙๒.๘๘")
NEW_PARAGRAPH = re.compile(r"^\s*(?:[-–•●○▪■◦*☐☑✓✔☒]|\(?[0-9๐-๙]{1,2}[.)](?![0-9๐-๙])|\([0-9๐-๙]{1,2}\))")
# what never starts a paragraph: a stop, a comma or a closing bracket (a layout broke the line before it)
_GOES_ON = re.compile(r"^\s*[.,;:)\]]")
_RANGE_DASH = re.compile(r"^\s*[-–—]\s*[0-9๐-๙]")
_ENDS_WITH_NUMBER = re.compile(r"[0-9๐-๙]\s*$")


def starts_paragraph(before: str, text: str) -> bool:
    """``text``, the first words of a line, begins a paragraph of its own whatever the line ``before`` it:
    a bullet, a box or a list number; not a dash between two numbers (a range broken after its first)."""
    if _GOES_ON.match(text):
        return False
    if _RANGE_DASH.match(text) and _ENDS_WITH_NUMBER.search(before):
        return False
    return NEW_PARAGRAPH.match(text) is not None


def goes_on(text: str) -> bool:
    """A line that starts with a stop, a comma or a closing bracket goes on the line before it."""
    return _GOES_ON.match(text) is not None


MAX_RULES = 5000  # a page drawn with more paths than this is a drawing, not a table


def page_rules(page: pdfium.PdfPage) -> list[dict[str, float | str]]:
    """The page's ruling as pdfplumber rectangles, read from PDFium's path objects.

    pdfplumber would otherwise interpret the whole page (every character) with pdfminer just to find
    these lines; that is nine tenths of the time a page takes."""
    left, bottom, _right, top = page.get_mediabox()
    rules: list[dict[str, float | str]] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        if len(rules) >= MAX_RULES:
            return []
        x0, y0, x1, y1 = obj.get_bounds()
        if x1 - x0 < 1 and y1 - y0 < 1:
            continue
        rules.append(_rule(x0 - left, x1 - left, top - y1, top - y0, top - bottom))
    return rules + _closing_rules(rules, top - bottom)


def _closed_at(rules: list[dict]) -> list[float]:
    """Where ``_closing_rules`` closed a table that a page break cut (pdfplumber's ``top``)."""
    return [r["top"] + 0.25 for r in rules if r.get("closing")]


def _rule(x0: float, x1: float, top: float, bottom: float, page_height: float) -> dict[str, float | str]:
    return {
        "object_type": "rect",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "y0": page_height - bottom,
        "y1": page_height - top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _closing_rules(rules: list[dict], page_height: float) -> list[dict]:
    """Browsers do not draw a cell's border where a page break cuts a table: the cut edge is closed
    here, at the ends of the table's vertical rules, so that pdfplumber still sees cells."""
    verticals = [r for r in rules if r["width"] < 3 and r["height"] > 3]
    horizontals = [r for r in rules if r["height"] < 3 and r["width"] > 3]
    added: list[dict] = []
    for end in ("top", "bottom"):
        groups: dict[int, list[dict]] = {}
        for v in verticals:
            groups.setdefault(round(v[end]), []).append(v)
        for y, group in groups.items():
            if len(group) < 2:
                continue
            x0 = min(v["x0"] for v in group)
            x1 = max(v["x1"] for v in group)
            closed = any(abs(h["top"] - y) < 2 and h["x0"] <= x0 + 2 and h["x1"] >= x1 - 2 for h in horizontals)
            if not closed:
                added.append(_rule(x0, x1, y - 0.25, y + 0.25, page_height) | {"closing": True})
    return added


class Plumber:
    """pdfplumber opened once per document, and only if a page has ruling to find tables in."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: Any = None
        self._failed = False

    def tables(self, number: int, rules: list, warnings: list[str], name: str) -> list[Grid]:
        if self._failed:
            return []
        try:
            if self._pdf is None:
                import pdfplumber

                self._pdf = pdfplumber.open(io.BytesIO(self._data))
            page = self._pdf.pages[number - 1]
            top = float(page.mediabox[3])
            left = float(page.mediabox[0])
            grids = []
            settings = {
                "vertical_strategy": "explicit",
                "horizontal_strategy": "explicit",
                "explicit_vertical_lines": rules,
                "explicit_horizontal_lines": rules,
            }
            for table in page.find_tables(table_settings=settings):
                rows = [[_box(c, top, left) for c in row.cells] for row in table.rows]
                if rows and max(len(r) for r in rows) >= 2:
                    closed = _closed_at(rules)
                    grids.append(
                        Grid(
                            _box(table.bbox, top, left) or (0.0, 0.0, 0.0, 0.0),
                            rows,
                            open_top=any(abs(table.bbox[1] - y) < 2 for y in closed),
                            open_bottom=any(abs(table.bbox[3] - y) < 2 for y in closed),
                        )
                    )
            page.close()
            return sorted(grids, key=lambda g: -g.box[3])
        except Exception as err:  # noqa: BLE001 - pdfminer meets every kind of broken PDF; the text is still worth having
            self._failed = True
            warnings.append(f"{name}: หาตารางในไฟล์ไม่ได้ อ่านเป็นข้อความธรรมดา (tables not found: {type(err).__name__})")
            return []

    def close(self) -> None:
        if self._pdf is not None:
            try:
                self._pdf.close()
            except Exception:  # noqa: BLE001, S110 - closing a half-parsed file must not hide what was read
                pass


def _box(bbox, top: float, left: float) -> Box | None:
    if bbox is None:
        return None
    x0, y_top, x1, y_bottom = (float(v) for v in bbox)
    return (x0 + left, top - y_bottom, x1 + left, top - y_top)


@dataclass
class Grid:
    box: Box
    rows: list[list[Box | None]]
    open_top: bool = False  # no border drawn there: the table goes on from the page before
    open_bottom: bool = False  # ... or on to the next page


@dataclass
class Table:
    rows: list[list[list[str]]]  # cells as paragraphs
    top_of_page: bool  # nothing came before it on its page
    bottom: float
    # per cell of the last row: (text lines, white space under the text in line heights), to tell a row a
    # page break cut from a row that ended there
    last_fill: list[tuple[int, float]] = field(default_factory=list)
    open_top: bool = False
    open_bottom: bool = False
    ends_page: bool = False  # nothing comes after it on its page
    row_boxes: list[Box] = field(default_factory=list)  # where each row stands on its page


class Locator:
    """Which table, row and cell a character box is in (tables and rows are few; a linear search will do)."""

    def __init__(self, grids: list[Grid]) -> None:
        self.grids = grids

    def __call__(self, box) -> tuple[int, int, int] | None:
        x = (box[0] + box[2]) / 2
        y = (box[1] + box[3]) / 2
        for g, grid in enumerate(self.grids):
            left, bottom, right, top = grid.box
            if not (left - 1 <= x <= right + 1 and bottom - 1 <= y <= top + 1):
                continue
            # the cell the middle of the box is in; failing that, one it is a point from (a rule's width)
            for slack in (0.0, 1.0):
                for r, row in enumerate(grid.rows):
                    for c, cell in enumerate(row):
                        if (
                            cell is not None
                            and cell[0] - slack <= x <= cell[2] + slack
                            and cell[1] - slack <= y <= cell[3] + slack
                        ):
                            return (g, r, c)
            return None
        return None

    def border(self, where: tuple[int, int, int], box: Box) -> float:
        """How far the middle of ``box`` stands from the right edge of the cell ``where``."""
        cell = self.grids[where[0]].rows[where[1]][where[2]]
        return abs(cell[2] - (box[0] + box[2]) / 2) if cell is not None else float("inf")


@dataclass
class _Line:
    text: str
    right: float
    bottom: float
    first_word: float  # width of the text up to its first space: what would have fitted on the line above


def _cell_lines(chars: list[Char]) -> list[_Line]:
    """A cell's text lines, split where the text moves down a line.

    PDFium's own line ends cannot be trusted here: cells side by side share its lines."""
    lines: list[_Line] = []
    current: list[Char] = []
    line_bottom: float | None = None

    def close() -> None:
        drawn = [c for c in current if not c.generated]
        text = "".join(c.ch for c in current if c.ch != SOFT_TAB)
        if not text.strip() or not drawn:
            return
        left = min(c.box[0] for c in drawn)
        space = next((c.box[0] for c in current if c.ch == " " and c.box[0] > left), None)
        right = max(c.box[2] for c in drawn)
        lines.append(_Line(text, right, min(c.box[1] for c in drawn), (space if space is not None else right) - left))

    for c in chars:
        if c.ch in "\r\n":
            continue
        drawn = not c.generated and not MARK.match(c.ch)
        if drawn and line_bottom is not None and c.box[3] < line_bottom + 0.25 * (c.box[3] - c.box[1]):
            close()
            current, line_bottom = [], None
        if c.generated and not current:
            continue
        current.append(c)
        if drawn:
            line_bottom = c.box[1] if line_bottom is None else max(line_bottom, c.box[1])
    if current:
        close()
    return lines


def cell_fill(chars: list[Char], cell: Box) -> tuple[int, float]:
    """How many lines of text a cell holds, and how much white space (in line heights) is left under them."""
    drawn = [c for c in chars if not c.generated and not MARK.match(c.ch)]
    if not drawn:
        return 0, 99.0
    heights = sorted(c.box[3] - c.box[1] for c in drawn)
    height = max(heights[len(heights) // 2], 1.0)
    lowest = min(c.box[1] for c in drawn)
    return len(_cell_lines(chars)), (lowest - cell[1]) / (2 * height)  # a line is about twice a letter's height


def cell_paragraphs(chars: list[Char], cell: Box) -> list[str]:
    """A cell's paragraphs: wrapped lines joined, paragraphs (a short line, a bullet) kept apart."""
    left, right = cell[0], cell[2]
    paragraphs: list[str] = []
    previous_right = right
    for line in _cell_lines(chars):
        text = line.text.strip().replace("\t", " ")
        if not text:
            continue
        gap = right - previous_right
        # a line ended early although the next line's first word would have fitted: a new paragraph
        early = gap > 0.3 * (right - left) and line.first_word < gap and not goes_on(text)
        if not paragraphs or starts_paragraph(paragraphs[-1], text) or early:
            paragraphs.append(text)
        else:
            paragraphs[-1] = join_wrapped(paragraphs[-1], text)
        previous_right = line.right
    return paragraphs


def join_wrapped(a: str, b: str) -> str:
    """Thai has no spaces between words, so a line wrapped between two Thai letters joins without one; nor
    does a line that starts with a stop, a comma or a closing bracket (ก / .ย. is ก.ย.)."""
    tight = (_THAI_LETTER.match(b[:1]) and _THAI_LETTER.match(a[-1:])) or _GOES_ON.match(b[:1])
    return a + ("" if tight else " ") + b


def join_split_rows(pages: list[list[Any] | None], text_floor: float) -> None:
    """A row that a page break cut in two becomes one row again (LibreOffice and Word split long rows).

    The cut is where a table runs to the bottom of the text area and the next page starts with a table.
    ``pages`` are each page's items in order (None for a page without a text layer)."""
    previous: Table | None = None
    continuing = False  # the last row of ``previous`` already went on over a page
    # the first rows of tables that begin below some text: headers, which a page may repeat at its top
    headers = [
        item.rows[0]
        for items in pages
        if items is not None
        for item in items
        if isinstance(item, Table) and item.rows and not item.top_of_page
    ]
    for items in pages:
        if items is None:
            previous = None
            continue
        first = items[0] if items else None
        if (
            previous is not None
            and isinstance(first, Table)
            and first.top_of_page
            and previous.ends_page
            and previous.bottom <= text_floor + 40
            and first.rows
            and len(first.rows[0]) == len(previous.rows[-1])
            and first.rows[0] not in headers
            and (previous.rows[-1] not in headers or _header_like(first.rows[0]))
            and _was_cut(
                previous.rows[-1],
                previous.last_fill,
                first.rows[0],
                continuing or _header_cut(previous.rows[-1], first.rows[0], headers),
                browser=previous.open_bottom and first.open_top,
            )
        ):
            upper, lower = previous.rows[-1], first.rows.pop(0)
            first.row_boxes.pop(0)
            for c, paragraphs in enumerate(lower):
                if not paragraphs:
                    continue
                if upper[c]:
                    upper[c] = upper[c][:-1] + [join_wrapped(upper[c][-1], paragraphs[0])] + paragraphs[1:]
                else:
                    upper[c] = list(paragraphs)
            if not first.rows and len(items) == 1:
                # the whole page was the middle of one row: the row may go on over the next page
                previous.last_fill = first.last_fill
                continuing = True
                continue
        continuing = False
        last = items[-1] if items else None
        previous = last if isinstance(last, Table) and last.rows else None


def _header_cut(upper: list[list[str]], lower: list[list[str]], headers: list) -> bool:
    """A table's header that a page cut after its first line: the rest is a few words in some of its
    cells, and the cells that said all they had above are empty below."""
    return upper in headers and _header_like(lower) and any(above and not below for above, below in zip(upper, lower))


def _header_like(row: list[list[str]]) -> bool:
    """The rest of a header cut by a page: a few words, no numbers."""
    return all(len(" ".join(cell)) <= 40 and not any(_DIGIT.search(p) for p in cell) for cell in row)


def _was_cut(
    upper: list[list[str]],
    fill: list[tuple[int, float]],
    lower: list[list[str]],
    continuing: bool = False,
    browser: bool = False,
) -> bool:
    """The upper part of a cut row runs (near) to its bottom in every cell that goes on — widow and orphan
    control leaves up to two lines free — and a cell that is empty above is empty below (text starts at
    the top of a cell); a row of one line is never cut, unless it is itself a piece of a longer row."""
    if len(fill) != len(upper) or (max((lines for lines, _ in fill), default=0) < 2 and not continuing):
        return False
    for above, below, (_lines, space) in zip(upper, lower, fill):
        if below and not above:
            return False
        if below and above and below[0] == above[-1]:
            return False  # the same words again (a unit, a date): the next row, not the rest of this one
        if below and space > (8.0 if browser else 2.5):
            return False
    if browser:
        # a browser draws no border where it cuts a table, so a cell's box runs on to the page's end and
        # says little; what says more: a cut row goes on in some cells only (the others ended above), or
        # every cell that goes on is full to the bottom
        ended = any(above and not below for above, below in zip(upper, lower))
        # a <p> margin and the orphan lines that went over whole: up to four lines free
        all_full = all(space < 4.5 for below, (_l, space) in zip(lower, fill) if below)
        return ended or all_full
    return True


def table_lines(table: Table) -> list[str]:
    lines = []
    for r, row in enumerate(table.rows):
        header = r == 0 and all(len(" ".join(cell)) <= 120 for cell in row)  # short cells: maybe a header
        cells = []
        for paragraphs in row:
            if len(paragraphs) <= 1 or header:  # a header row: the parser wants it plain
                cells.append(" ".join(paragraphs))
            else:
                cells.append("<br>".join(html.escape(p, quote=False) for p in paragraphs))
        lines.append("\t".join(cells))
    return lines
