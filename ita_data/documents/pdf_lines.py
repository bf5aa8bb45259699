"""A PDF page's text outside ruled tables, laid out from where its characters stand.

Nothing here knows how a report's lines look: a blank wider than a word space is a cell boundary (a tab
typed for a column), cells of rows one under another line up in columns, a line that runs to the edge of
its text and goes on at the left edge of the next line is one paragraph wrapped, and a line repeated at
the top or bottom of most pages is the page's furniture (a running header, a page number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdf_chars import MARK, Box, Char
from .pdf_tables import NEW_PARAGRAPH, Grid, Locator, Table, cell_fill, cell_paragraphs, join_wrapped

_SPACE = " \u00a0"
_DIGITS = re.compile(r"[0-9๐-๙]+")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
_WORD_END = re.compile(r"[ \t]")

# A blank between two glyphs wider than this many glyph heights (about an em and a half) is a cell
# boundary; where the producer draws its spaces, a blank with no space drawn in it is one from a glyph
# height on (a tab).
TAB_GAP = 2.6
TAB_GAP_DRAWN_SPACES = 1.0
COLUMN_SLACK = 1.5  # cells of rows under each other start within this many glyph heights: one column
# a line ends this many glyph heights nearer its edge than the next word would need, and still wrapped (a
# space, the side bearings of glyphs, a margin the page does not show)
EDGE_SLACK = 1.5


@dataclass
class Line:
    """One line of text as it stands on the page: its cells (the text between wide blanks) and where each
    starts, its box, and what a reader needs to tell whether it goes on in the next line."""

    cells: list[str]
    starts: list[float]  # x where each cell starts
    ends: list[float]  # ... and ends
    box: Box
    height: float  # the median height of its letters
    first_word: float  # the width of its first word: what would have fitted at the end of the line above
    paragraph_left: float = 0.0  # the left edge of the paragraph's first line
    thai: bool = True  # it has Thai letters (whose height is its size)
    joined: bool = False  # it holds a line wrapped from above

    @property
    def text(self) -> str:
        return "\t".join(self.cells)


@dataclass
class _Run:
    chars: list[Char] = field(default_factory=list)


def page_items(chars: list[Char], grids: list[Grid]) -> list[Line | Table]:
    """The page in content order: lines of text outside the tables, and the tables (cells as paragraphs).

    Each character goes to the cell its box sits in; marks and the spaces PDFium adds follow the
    character before them (a mark's box sits above or below the line)."""
    locate = Locator(grids)
    cells: dict[tuple[int, int, int], list[Char]] = {}
    order: list[Line | int] = []
    prose: list[Char] = []
    emitted: set[int] = set()
    where: tuple[int, int, int] | None = None
    for c in chars:
        if not (c.generated or MARK.match(c.ch)) or (where is None and not c.generated):
            where = locate(c.box) if grids else None
        if where is None:
            prose.append(c)
            continue
        if where[0] not in emitted:
            order += lines_of(prose)
            prose = []
            emitted.add(where[0])
            order.append(where[0])
        cells.setdefault(where, []).append(c)
    order += lines_of(prose)
    items: list[Line | Table] = []
    for position, entry in enumerate(order):
        if isinstance(entry, Line):
            items.append(entry)
            continue
        grid = grids[entry]
        rows, boxes = [], []
        fill: list[tuple[int, float]] = []
        for r, row in enumerate(grid.rows):
            texts = [cell_paragraphs(cells.get((entry, r, c), []), box) if box else [] for c, box in enumerate(row)]
            if any(texts):
                rows.append(texts)
                boxes.append(_union([box for box in row if box is not None]))
                fill = [cell_fill(cells.get((entry, r, c), []), box) if box else (0, 0.0) for c, box in enumerate(row)]
        if rows:
            items.append(
                Table(
                    rows,
                    top_of_page=position == 0,
                    bottom=grid.box[1],
                    ends_page=position == len(order) - 1,
                    last_fill=fill,
                    open_top=grid.open_top,
                    open_bottom=grid.open_bottom,
                    row_boxes=boxes,
                )
            )
    return items


def lines_of(chars: list[Char]) -> list[Line]:
    """PDFium's lines of these characters, each split into cells at its wide blanks."""
    out: list[Line] = []
    current: list[Char] = []
    for c in chars:
        if c.ch in "\r\n":
            if c.ch == "\n":
                _close(current, out)
                current = []
            continue
        current.append(c)
    _close(current, out)
    return out


def _close(chars: list[Char], out: list[Line]) -> None:
    bases = [c for c in chars if not c.generated and not MARK.match(c.ch) and c.ch not in _SPACE]
    if not bases:
        return
    drawn_spaces = any(c.ch in _SPACE and not c.generated for c in chars)
    thai = [c for c in bases if _THAI_LETTER.match(c.ch)]
    heights = sorted(c.box[3] - c.box[1] for c in thai or bases)  # Latin capitals stand taller than Thai
    height = max(heights[len(heights) // 2], 1.0)
    cells: list[str] = []
    starts: list[float] = []
    ends: list[float] = []
    text: list[str] = []
    last: Char | None = None  # the last glyph drawn (not a space, not a mark)
    reach = 0.0  # where the text drawn so far ends
    blank_drawn = False  # a space was drawn since it
    for c in chars:
        glyph = not c.generated and not MARK.match(c.ch) and c.ch not in _SPACE
        if c.ch == "\u0e33" and not c.generated:
            reach = max(reach, c.box[2] + 0.6 * height)  # ำ's box holds only its ring, not the า after it
        if glyph and last is not None:
            gap = c.box[0] - max(last.box[2], reach)
            wide = TAB_GAP_DRAWN_SPACES if drawn_spaces and not blank_drawn else TAB_GAP
            if gap >= wide * height:
                cells.append("".join(text).strip())
                ends.append(max(last.box[2], reach))
                text = []
                starts.append(c.box[0])
                last = c
                reach = c.box[2]
                text.append(c.ch)
                blank_drawn = False
                continue
        if glyph:
            if last is None:
                starts.append(c.box[0])
            last = c
            reach = max(reach, c.box[2])
            blank_drawn = False
        elif c.ch in _SPACE and not c.generated:
            blank_drawn = True
        text.append(c.ch)
    cells.append("".join(text).strip())
    ends.append(last.box[2] if last is not None else 0.0)
    box = (
        min(c.box[0] for c in bases),
        min(c.box[1] for c in bases),
        max(c.box[2] for c in bases),
        max(c.box[3] for c in bases),
    )
    while cells and not cells[0]:
        cells.pop(0)
        starts.pop(0)
        ends.pop(0)
    if not cells:
        return
    out.append(Line(cells, starts, ends, box, height, _first_word(bases, chars), box[0], thai=bool(thai)))


def _first_word(bases: list[Char], chars: list[Char]) -> float:
    """The width of the line's first word: up to its first blank; a long run of Thai (written without
    spaces between words) counts as a word of middle length. (PyThaiNLP's word breaks were measured in
    its place: three facts more on one producer of the corpus, for 61 MB and seconds of import.)"""
    first = bases[0]
    end = first.box[2]
    for c in chars:
        if c.box[0] < first.box[0] - 0.5:
            continue
        if c.ch in _SPACE or c.ch == "\t":
            break
        if not c.generated and not MARK.match(c.ch):
            end = max(end, c.box[2])
    width = end - first.box[0]
    height = first.box[3] - first.box[1]
    if _THAI_LETTER.match(first.ch) and width > 8.0 * height:
        width = 4.0 * height  # a long run of Thai is words without spaces between: its first is shorter
    return width


def _union(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


# --- furniture: running headers, footers and page numbers -----------------------------------------

FURNITURE_BAND = 0.12  # the top and bottom eighths of a page, where running headers and footers stand
_PAGE_NUMBER = re.compile(
    r"^[\s\-–—(|]*(?:หน้า|page|หน้าที่)?\s*[0-9๐-๙]{1,4}(?:\s*(?:/|จาก|of)\s*[0-9๐-๙]{1,4})?[\s\-–—)|]*$", re.I
)


def drop_furniture(pages: list[list | None], mediaboxes: list[Box]) -> None:
    """Lines at the top or bottom of the page that repeat on most pages (digits aside), and lone page
    numbers there, are the page's furniture, not the document's text: they are taken out."""
    signatures: dict[str, int] = {}
    bands: list[list[tuple[int, str]]] = []
    for items, mediabox in zip(pages, mediaboxes):
        found: list[tuple[int, str]] = []
        if items:
            for index, item in enumerate(items):
                if isinstance(item, Line) and _in_band(item.box, mediabox):
                    found.append((index, _DIGITS.sub("#", re.sub(r"\s", "", item.text))))
        bands.append(found)
        for signature in {s for _, s in found}:
            signatures[signature] = signatures.get(signature, 0) + 1
    text_pages = sum(1 for items in pages if items)
    for items, found in zip(pages, bands):
        if not items:
            continue
        drop = {
            index
            for index, signature in found
            if (signatures[signature] >= 2 and signatures[signature] >= 0.4 * text_pages)
            or _PAGE_NUMBER.match(items[index].text)
        }
        if drop:
            kept = [item for i, item in enumerate(items) if i not in drop]
            items[:] = kept
            for position, item in enumerate(items):
                if isinstance(item, Table):
                    item.top_of_page = position == 0
                    item.ends_page = position == len(items) - 1


def _in_band(box: Box, mediabox: Box) -> bool:
    bottom, top = mediabox[1], mediabox[3]
    band = (top - bottom) * FURNITURE_BAND
    return box[1] >= top - band or box[3] <= bottom + band


# --- paragraphs: lines that wrap joined ------------------------------------------------------------


def join_paragraphs(items: list[Line | Table], mediabox: Box) -> None:
    """Each line that goes on in the next one (it runs to the right edge of its text, and the next starts
    at the same left edge just below it) is joined with it, on one page."""
    lines = [item for item in items if isinstance(item, Line)]
    if len(lines) < 2:
        return
    pitch = _pitch(lines)
    edges = _Edges(lines, mediabox)
    out: list[Line | Table] = []
    in_rows = False  # the paragraph being built follows a row of cells: it may be a row whose first cell wraps
    for item in items:
        previous = out[-1] if out else None
        if (
            isinstance(item, Line)
            and isinstance(previous, Line)
            and (len(item.cells) == 1 or len(previous.cells) > 1 or in_rows)  # prose does not run into a table
            and _wraps(previous, item, edges, pitch)
        ):
            out[-1] = _joined(previous, item)
        else:
            in_rows = isinstance(previous, Line) and len(previous.cells) > 1
            out.append(item)
    items[:] = out


def join_across_pages(pages: list[list | None], mediaboxes: list[Box]) -> None:
    """A paragraph that the end of a page cut goes on with the first line of the next page."""
    previous: list | None = None
    previous_box: Box = (0.0, 0.0, 0.0, 0.0)
    for items, mediabox in zip(pages, mediaboxes):
        if items and previous:
            last, first = previous[-1], items[0]
            if (
                isinstance(last, Line)
                and isinstance(first, Line)
                and _Edges([x for x in previous if isinstance(x, Line)], previous_box).reached(last, first)
                and abs(first.box[0] - last.paragraph_left) <= COLUMN_SLACK * last.height
                and not NEW_PARAGRAPH.match(first.cells[0])
            ):
                previous[-1] = _joined(last, first)
                items.pop(0)
        previous, previous_box = (items, mediabox) if items else (None, previous_box)


def _pitch(lines: list[Line]) -> float:
    """The usual distance between the baselines of two lines of one paragraph on this page."""
    steps = sorted(
        a.box[1] - b.box[1]
        for a, b in zip(lines, lines[1:])
        if 0 < a.box[1] - b.box[1] < 4 * max(a.height, b.height) and abs(a.height - b.height) < 0.3 * a.height
    )
    return steps[len(steps) // 4] if steps else 0.0  # the tighter quarter: paragraph spacing only adds to it


class _Edges:
    """Where the text of a line could have gone on to: the right edge of its column.

    Lines of prose that end together (three or more within a glyph height of the longest) show the edge; otherwise
    the page's right margin mirrors its left one, unless another column starts before that."""

    def __init__(self, lines: list[Line], mediabox: Box) -> None:
        self.lines = lines
        left = min((line.box[0] for line in lines), default=mediabox[0])
        self.margin = mediabox[2] - (left - mediabox[0])
        lefts: dict[int, int] = {}
        for line in lines:
            lefts[round(line.paragraph_left)] = lefts.get(round(line.paragraph_left), 0) + 1
        self.columns = sorted(x for x, n in lefts.items() if n >= 3)

    def edge(self, line: Line) -> float:
        # rows of a table typed with tabs end where their last column does, not at the text's edge
        same = [
            x.box[2]
            for x in self.lines
            if len(x.cells) == 1 and abs(x.paragraph_left - line.paragraph_left) <= COLUMN_SLACK * x.height
        ]
        longest = max(same, default=line.box[2])
        if sum(1 for right in same if right >= longest - line.height) >= 3:
            return max(longest, line.box[2])
        edge = self.margin
        for column in self.columns:
            if column > line.box[2]:
                edge = min(edge, column - line.height)
                break
        return max(edge, line.box[2])

    def reached(self, above: Line, below: Line) -> bool:
        """The line above ends so near the right edge of its text that the next line's first word would
        not have fitted after it."""
        return self.edge(above) - above.box[2] < below.first_word + EDGE_SLACK * above.height


def _wraps(above: Line, below: Line, edges: _Edges, pitch: float) -> bool:
    step = above.box[1] - below.box[1]
    limit = 1.35 * pitch if pitch else 3.2 * above.height
    if not 0 < step <= max(limit, 1.6 * above.height):
        return False
    if above.thai == below.thai and abs(below.height - above.height) > 0.35 * above.height:
        return False  # another size of type: a heading, a note
    if abs(below.box[0] - above.paragraph_left) > COLUMN_SLACK * above.height:
        return False
    if NEW_PARAGRAPH.match(below.cells[0]):
        return False
    return edges.reached(above, below)


def _joined(above: Line, below: Line) -> Line:
    """``below`` as the continuation of ``above``: its first cell goes on the last cell above."""
    cells = list(above.cells)
    cells[-1] = join_wrapped(cells[-1], below.cells[0]) if cells[-1] else below.cells[0]
    cells += below.cells[1:]
    starts = above.starts + below.starts[1:]
    ends = above.ends[:-1] + [max(above.ends[-1], below.ends[0])] + below.ends[1:]
    box = above.box if below.box[1] > above.box[3] else _union([above.box, below.box])
    return Line(
        cells, starts, ends, box, above.height, above.first_word, paragraph_left=above.paragraph_left, joined=True
    )


# --- columns: cells of tab-aligned rows under each other ------------------------------------------


def align_columns(items: list[Line | Table]) -> None:
    """Rows typed with tabs (two or more lines in a row with cells) take their cells' columns from where the
    cells start: a row that starts in a column to the right has empty cells before it, a blank that spans
    two columns an empty cell between."""
    block: list[Line] = []
    for item in [*items, None]:
        if (
            isinstance(item, Line)
            and len(item.cells) > 1
            or (block and isinstance(item, Line) and _indented(item, block))
        ):
            block.append(item)
            continue
        if len(block) >= 2:
            _align(block)
        block = [item] if isinstance(item, Line) and len(item.cells) > 1 else []


def _indented(line: Line, block: list[Line]) -> bool:
    """A one-cell line that starts right of the block's left edge, in one of its columns (an empty first cell)."""
    left = min(b.starts[0] for b in block)
    return line.starts[0] > left + COLUMN_SLACK * line.height


def _align(block: list[Line]) -> None:
    height = max(line.height for line in block)
    xs = sorted(x for line in block for x in line.starts)
    columns: list[list[float]] = []
    for x in xs:
        if columns and x - columns[-1][-1] <= COLUMN_SLACK * height:
            columns[-1].append(x)
        else:
            columns.append([x])
    # a column needs cells from two rows; a lone start is a cell that ran past its stop
    starts = [min(c) for c in columns if len(c) >= 2] or [min(c) for c in columns]
    for line in block:
        placed: list[str] = []
        end = line.starts[0]  # where the text before the cell ends
        for cell, x, cell_end in zip(line.cells, line.starts, line.ends):
            nearest = max((k for k, s in enumerate(starts) if s <= x + COLUMN_SLACK * height), default=0)
            # the columns skipped before it are empty cells, unless the text before ran over them
            while len(placed) < nearest and (not placed or starts[len(placed)] > end):
                placed.append("")
            placed.append(cell)
            end = cell_end
        line.cells = placed
        line.starts = [starts[min(k, len(starts) - 1)] for k in range(len(placed))]
        line.ends = line.ends[: len(placed)] + [line.box[2]] * (len(placed) - len(line.ends))
