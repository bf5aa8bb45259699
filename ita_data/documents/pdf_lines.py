"""A PDF page's text outside ruled tables, laid out from where its characters stand.

Nothing here knows how a report's lines look: a blank wider than a word space is a cell boundary (a tab
typed for a column), cells of rows one under another line up in columns, a line that runs to the edge of
its text and goes on at the left edge of the next line is one paragraph wrapped, and a line repeated at
the top or bottom of most pages is the page's furniture (a running header, a page number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdf_chars import MARK, MARKS, SOFT_TAB, TAB, Box, Char
from .pdf_tables import Grid, Locator, Table, cell_fill, cell_paragraphs, join_wrapped, starts_paragraph

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
SOFT_SLACK = 0.1  # glyph heights: a narrow blank ends this near where another row's cell starts: at its tab stop
PEN_SLACK = 0.5  # where the text goes on after a glyph, in glyph heights past its box (its advance, a bearing)
# a line ends this many glyph heights nearer its edge than the next word would need, and still wrapped (a
# space, the side bearings of glyphs, a margin the page does not show)
EDGE_SLACK = 1.5


@dataclass
class Line:
    """One line of text as it stands on the page: its cells (the text between wide blanks) and where each
    starts, its box, and what a reader needs to tell whether it goes on in the next line."""

    cells: list[str]
    starts: list[float]  # x where each cell starts
    ends: list[float]  # ... and ends, on the line it ends on
    box: Box  # around all its lines
    height: float  # the median height of its letters
    first_word: float  # the width of its first word: what would have fitted at the end of the line above
    paragraph_left: float = 0.0  # the left edge of the paragraph's first line
    thai: bool = True  # it has Thai letters (whose height is its size)
    joined: bool = False  # it holds a line wrapped from above
    baseline: float = 0.0  # where the letters of its last line stand
    first_baseline: float = 0.0  # ... and of its first line
    last: Box = (0.0, 0.0, 0.0, 0.0)  # its last line's box: where the next line would go on from
    # per cell, where the blank before it begins (the end of the text before it on its line, or the
    # left edge a tab at the start of a line jumped from): what a tab-aligned row counts its tabs over
    leads: list[float] = field(default_factory=list)
    # where a narrow blank with no space drawn in it stands in its cells' text (``pdf_chars.SOFT_TAB``, kept
    # in the text until the tab stops of the rows around tell a tab from a space): x of the glyph after each
    softs: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.last == (0.0, 0.0, 0.0, 0.0):
            self.last = self.box
        if not self.baseline:
            self.baseline = self.box[1]
        if not self.first_baseline:
            self.first_baseline = self.baseline
        if not self.leads:
            self.leads = [self.starts[0], *self.ends[:-1]] if self.starts else []

    @property
    def text(self) -> str:
        return "\t".join(self.cells).replace(SOFT_TAB, "")


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
    places = _places(chars, locate) if grids else [None] * len(chars)
    for c, place in zip(chars, places):
        if not (c.generated or c.ch in MARKS) or (where is None and not c.generated):
            where = place if place is not None or c.ch not in MARKS else locate(c.box)
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


def _places(chars: list[Char], locate: Locator) -> list[tuple[int, int, int] | None]:
    """The cell of each character (None outside the tables). A character whose middle falls just over the
    border of the cell that the character it touches on its right is in goes with it: a word is not cut
    by a rule (a producer's boxes for the letters of a cluster are shares of the cluster's box)."""
    places = [None if c.generated or c.ch in MARKS else locate(c.box) for c in chars]
    for i, (a, here) in enumerate(zip(chars, places)):
        if here is None or locate.border(here, a.box) >= 1.5:
            continue
        b = chars[i + 1] if i + 1 < len(chars) else None
        if b is None or b.generated or not 0 <= b.box[0] - a.box[2] < 0.5:
            continue
        there = locate(b.box)
        if (
            there is not None
            and there[:2] == here[:2]
            and there[2] == here[2] + 1
            and abs(b.box[1] - a.box[1]) < 0.5 * (a.box[3] - a.box[1])
        ):
            places[i] = there
    return places


def lines_of(chars: list[Char]) -> list[Line]:
    """PDFium's lines of these characters, each split into cells at its wide blanks. A line PDFium did
    not end where the text goes on below at the left (a tab-aligned row's cell that wraps) is ended there."""
    out: list[Line] = []
    current: list[Char] = []
    last: Char | None = None  # the last glyph of the current line
    for c in chars:
        if c.ch in "\r\n":
            if c.ch == "\n":
                _close(current, out)
                current, last = [], None
            continue
        if not c.generated and c.ch not in MARKS and c.ch not in _SPACE:
            if last is not None and c.box[0] < last.box[0] and c.box[3] < last.box[1]:
                _close(current, out)
                current = []
            last = c
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
    tab = False  # a tab's blank stands since it (``pdf_chars.TAB``)
    soft = False  # ... a narrow blank with no space drawn in it (``pdf_chars.SOFT_TAB``)
    softs: list[float] = []
    for c in chars:
        if c.generated and c.ch in (TAB, SOFT_TAB):
            tab, soft = tab or c.ch == TAB, soft or c.ch == SOFT_TAB
            continue
        glyph = not c.generated and not MARK.match(c.ch) and c.ch not in _SPACE
        if c.ch == "\u0e33" and not c.generated:
            reach = max(reach, c.box[2] + 0.6 * height)  # ำ's box holds only its ring, not the า after it
        if glyph and last is not None:
            gap = c.box[0] - max(last.box[2], reach)
            wide = TAB_GAP_DRAWN_SPACES if drawn_spaces and not blank_drawn else TAB_GAP
            split, tab = gap >= wide * height or (tab and gap > 0), False
            if soft and not split and gap > 0:
                text.append(SOFT_TAB)
                softs.append(c.box[0])
            soft = False
            if split:
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
    # most Thai letters and every Latin one without a descender stand on the baseline: their median bottom
    bottoms = sorted(c.box[1] for c in thai or bases)
    baseline = bottoms[len(bottoms) // 2]
    first_word = _first_word(bases, chars)
    out.append(
        Line(cells, starts, ends, box, height, first_word, box[0], thai=bool(thai), baseline=baseline, softs=softs)
    )


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

STEP_NOISE = 0.3  # points: two steps between baselines this close are one step, set twice
FIRST_LINE_INDENT = 6.0  # glyph heights: a paragraph's first line may start this far right of its other lines


@dataclass(frozen=True)
class Rhythm:
    """How far apart a document sets the lines of its body text: ``pitch`` between two lines of one
    paragraph, and ``spacing`` more between two paragraphs (0 where it adds none).

    Where paragraphs are spaced, the step from one line to the next tells a line that goes on in the
    same paragraph from the first line of the next one, whatever the lines say or how long they are."""

    pitch: float = 0.0
    spacing: float = 0.0
    tolerance: float = 0.0
    height: float = 0.0  # the size of type it was measured on

    @classmethod
    def of(cls, pages: list[list | None]) -> Rhythm:
        pairs: list[tuple[float, float]] = []
        for items in pages:
            for a, b in zip(items or [], (items or [])[1:]):
                if isinstance(a, Line) and isinstance(b, Line) and abs(a.height - b.height) <= 0.1 * a.height:
                    step = a.baseline - b.baseline
                    if 0.5 * a.height < step < 8 * a.height:
                        pairs.append((a.height, step))
        if len(pairs) < 4:
            return cls()
        height = sorted(h for h, _ in pairs)[len(pairs) // 2]
        steps = sorted(step for h, step in pairs if abs(h - height) <= 0.1 * height)
        clusters: list[list[float]] = []
        for step in steps:
            if clusters and step - clusters[-1][-1] <= STEP_NOISE:
                clusters[-1].append(step)
            else:
                clusters.append([step])
        # the tightest step that many lines share: lines of one paragraph (paragraph spacing only adds)
        within = next((c for c in clusters if len(c) >= max(3, len(steps) // 10)), None)
        if within is None:
            return cls()
        pitch = within[len(within) // 2]
        tolerance = (within[-1] - within[0]) / 2 + STEP_NOISE
        spacing = 0.0
        spaced = [
            c
            for c in clusters
            if len(c) >= 2
            and 3 * tolerance <= c[len(c) // 2] - pitch <= 0.75 * pitch
            and abs(c[len(c) // 2] - 2 * pitch) > 3 * tolerance
        ]
        if spaced:
            common = max(spaced, key=len)
            spacing = common[len(common) // 2] - pitch
        return cls(pitch, spacing, tolerance, height)

    def lines(self, step: float, height: float) -> int | None:
        """How many line pitches a step from one baseline to the next is: 1, the next line of the paragraph;
        2, a line left empty inside it (told only where paragraphs are spaced); 0, the step holds paragraph
        spacing; None, the rhythm does not say (another size of type, or a step of no known kind)."""
        if not self.pitch or abs(height - self.height) > 0.1 * self.height:
            return None
        if abs(step - self.pitch) <= self.tolerance:
            return 1
        if self.spacing and abs(step - 2 * self.pitch) <= self.tolerance:
            return 2
        if self.spacing:
            for paragraphs in (1, 2, 3):  # empty paragraphs between are spaced too
                rest = step - paragraphs * self.spacing
                count = round(rest / self.pitch)
                if count >= paragraphs and abs(rest - count * self.pitch) <= self.tolerance * paragraphs:
                    return 0
        return None


def join_paragraphs(pages: list[list | None], mediaboxes: list[Box], rhythm: Rhythm | None = None) -> None:
    """Each line that goes on in the next one is joined with it, on a page and from the end of a page to
    the start of the next: it runs to the right edge of its text and the next starts at the paragraph's
    left edge (a wrap), or the next starts at a tab stop (a tab-aligned row whose tab went on to the next
    line). Where the document spaces its paragraphs, a step without the spacing keeps two lines together
    and one with it parts them. ``pages`` are each page's items (None for a page without a text layer)."""
    rhythm = rhythm or Rhythm()
    carried: Line | None = None  # the last line of the page before, which the first lines here may go on
    holder: list | None = None  # the items of the page that holds it
    carried_edges: _Edges | None = None
    in_rows = False  # the paragraph being built follows a row of cells: it may be a row whose first cell wraps
    for items, mediabox in zip(pages, mediaboxes):
        if not items:
            carried = None
            continue
        lines = [item for item in items if isinstance(item, Line)]
        pitch = _pitch(lines)
        edges = _Edges(lines, mediabox)
        out: list[Line | Table] = []
        here = False  # the carried paragraph has gone on onto this page: steps from it are measured here
        for item in items:
            previous = out[-1] if out else carried
            how = None
            if isinstance(item, Line) and isinstance(previous, Line):
                if out or here:
                    how = _continues(previous, item, edges, pitch, rhythm, in_rows)
                elif carried_edges is not None:
                    rows = in_rows or len(previous.cells) > 1 or len(item.cells) > 1
                    how = _goes_on(previous, item, carried_edges, None, rows)  # no step to measure over a page
            if how is not None and isinstance(previous, Line) and isinstance(item, Line):
                joined = _joined(previous, item, tab=how == "tab", left=edges.left, column=how == "column")
                if out:
                    out[-1] = joined
                elif holder is not None:
                    carried = holder[-1] = joined
                    here = True
            else:
                in_rows = isinstance(previous, Line) and len(previous.cells) > 1
                out.append(item)
        items[:] = out
        if out:
            carried = out[-1] if isinstance(out[-1], Line) else None
            holder, carried_edges = items, edges


def _pitch(lines: list[Line]) -> float:
    """The usual distance between the baselines of two lines of one paragraph on this page."""
    steps = sorted(
        a.baseline - b.baseline
        for a, b in zip(lines, lines[1:])
        if 0 < a.baseline - b.baseline < 4 * max(a.height, b.height) and abs(a.height - b.height) < 0.3 * a.height
    )
    return steps[len(steps) // 4] if steps else 0.0  # the tighter quarter: paragraph spacing only adds to it


class _Edges:
    """Where the lines of a page start, and where the text of a line could have gone on to: the right
    edge of its column.

    Lines of prose that end together (three or more within a glyph height of the longest) show the edge; otherwise
    the page's right margin mirrors its left one, unless another column starts before that."""

    def __init__(self, lines: list[Line], mediabox: Box) -> None:
        self.lines = lines
        self.left = _text_left(lines, mediabox[0])
        self.margin = mediabox[2] - (min((line.box[0] for line in lines), default=mediabox[0]) - mediabox[0])
        # where three paragraphs or more start: a column (or an indented block)
        groups: list[list[float]] = []
        for x in sorted(line.paragraph_left for line in lines):
            if groups and x - groups[-1][0] <= COLUMN_SLACK * lines[0].height:
                groups[-1].append(x)
            else:
                groups.append([x])
        self.columns = [group[0] for group in groups if len(group) >= 3]

    def edge(self, line: Line) -> float:
        right = line.last[2]
        # rows of a table typed with tabs end where their last column does, not at the text's edge
        same = [
            x.box[2]
            for x in self.lines
            if len(x.cells) == 1 and abs(x.paragraph_left - line.paragraph_left) <= COLUMN_SLACK * x.height
        ]
        longest = max(same, default=right)
        if sum(1 for end in same if end >= longest - line.height) >= 3:
            return max(longest, right)
        edge = self.margin
        for column in self.columns:
            if column > right:
                edge = min(edge, column - line.height)
                # columns side by side are as wide as the last, which runs to the margin
                own = [c for c in self.columns if c <= line.paragraph_left + COLUMN_SLACK * line.height]
                if own:
                    edge = min(edge, own[-1] + self.margin - self.columns[-1])
                break
        return max(edge, right)

    def reached(self, above: Line, below: Line) -> bool:
        """The line above ends so near the right edge of its text that the next line's first word would
        not have fitted after it."""
        return self.edge(above) - above.last[2] < below.first_word + EDGE_SLACK * above.height


def _text_left(lines: list[Line], default: float) -> float:
    """The left edge of the text: where two lines start or more (a stray line further left aside)."""
    lefts = sorted(line.box[0] for line in lines)
    shared = [a for a, b in zip(lefts, lefts[1:]) if b - a <= COLUMN_SLACK * lines[0].height] if lines else []
    return shared[0] if shared else (lefts[0] if lefts else default)


def _continues(above: Line, below: Line, edges: _Edges, pitch: float, rhythm: Rhythm, in_rows: bool) -> str | None:
    """How ``below`` goes on from ``above`` on one page: "wrap", "tab" (see ``_goes_on``), "column" (at the
    top of the next column) or None."""
    if above.thai == below.thai and abs(below.height - above.height) > 0.35 * above.height:
        return None  # another size of type: a heading, a note
    step = above.baseline - below.baseline
    if step <= 0 and len(above.cells) == len(below.cells) == 1:
        return "column" if _column_goes_on(above, below, edges) else None
    lines = rhythm.lines(step, above.height)
    if lines == 0:
        return None  # the paragraph spacing stands between them
    same = lines is not None and rhythm.spacing > 0  # the rhythm itself says: one paragraph
    if lines is None:
        limit = 1.35 * pitch if pitch else 3.2 * above.height
        if not 0 < step <= max(limit, 1.6 * above.height):
            return None
    # prose does not run into a table: a line of cells goes on a line of one cell only within rows
    if len(below.cells) > 1 and len(above.cells) == 1 and not (in_rows or same):
        return None
    rows = in_rows or len(above.cells) > 1 or len(below.cells) > 1
    return _goes_on(above, below, edges, lines if same else None, rows)


def _column_goes_on(above: Line, below: Line, edges: _Edges) -> bool:
    """A paragraph that fills its column to the edge goes on at the top of the next column, to its right:
    the columns of a page being as wide as the last, which runs to the margin, the line above reached its
    edge, and the next starts no lower than it, right of where it ends."""
    if below.box[0] <= above.last[2] or below.box[3] < above.last[3] - above.height:
        return False
    if starts_paragraph(above.cells[-1], below.cells[0]):
        return False
    edge = above.paragraph_left + edges.margin - below.box[0]
    return edge - above.last[2] < below.first_word + EDGE_SLACK * above.height


def _goes_on(above: Line, below: Line, edges: _Edges, lines: int | None, rows: bool) -> str | None:
    """What ``below`` is to ``above``: their text wrapped onto the next line ("wrap"); the next cell of a
    row typed with tabs, whose tab went on to the next line ("tab"); or a new paragraph (None). ``lines``
    is how many line pitches down ``below`` stands when the document's rhythm says they are one
    paragraph, else None."""
    slack = COLUMN_SLACK * above.height
    left = below.box[0]
    indent = above.paragraph_left - edges.left  # a first line indented, or a row begun with a tab
    if rows and indent > slack:
        # a row begun with a tab wraps to the left edge of the text; a line under its first cell is its next
        at_left = abs(left - edges.left) <= slack
    else:
        at_left = abs(left - above.paragraph_left) <= slack or (
            abs(left - edges.left) <= slack and slack < indent <= FIRST_LINE_INDENT * above.height
        )
    if lines == 2:
        # a line left empty inside a paragraph: a tab that went on alone, and the text after it further on
        return "tab" if at_left and rows else None
    if at_left:
        if lines == 1 and rows:
            return "wrap"  # a row's cell goes on, whatever its next line starts with or where this one ended
        if starts_paragraph(above.cells[-1], below.cells[0]):
            return None
        return "wrap" if edges.reached(above, below) else None
    # the line starts right of where the paragraph's lines do: a tab typed at its start (a cell of a
    # row of cells may well start with a list number)
    if rows and left > edges.left + slack:
        listed = starts_paragraph(above.cells[-1], below.cells[0]) and len(above.cells) == 1
        if lines == 1 or (edges.reached(above, below) and not listed):
            return "tab"
    return None


def _joined(above: Line, below: Line, tab: bool = False, left: float = 0.0, column: bool = False) -> Line:
    """``below`` as the continuation of ``above``: its first cell goes on the last cell above (a wrap; at
    the top of the next ``column``, whose left edge the paragraph's lines now start at), or after it as
    the next cell (a tab; the blank before it begins at the line's ``left`` edge)."""
    if tab:
        cells = above.cells + below.cells
        starts = above.starts + below.starts
        ends = above.ends + below.ends
        # the tab jumped from the line's left edge, past the stops from just beyond it (those at the
        # edge are the first column's); a line that starts at the edge had its tab on a line of its own
        slack = COLUMN_SLACK * below.height
        lead = left + slack if below.starts[0] > left + slack else below.starts[0]
        leads = above.leads + [lead] + below.leads[1:]
    else:
        cells = list(above.cells)
        cells[-1] = join_wrapped(cells[-1], below.cells[0]) if cells[-1] else below.cells[0]
        cells += below.cells[1:]
        starts = above.starts + below.starts[1:]
        ends = above.ends[:-1] + below.ends
        leads = above.leads + below.leads[1:]
    box = above.box if below.box[1] > above.box[3] else _union([above.box, below.box])
    return Line(
        cells,
        starts,
        ends,
        box,
        above.height,
        above.first_word,
        paragraph_left=below.paragraph_left if column else above.paragraph_left,
        thai=above.thai,
        joined=True,
        baseline=below.baseline,
        first_baseline=above.first_baseline,
        last=below.last,
        leads=leads,
        softs=above.softs + below.softs,
    )


# --- columns: cells of tab-aligned rows under each other ------------------------------------------


def align_columns(items: list[Line | Table], rhythm: Rhythm | None = None) -> None:
    """Rows typed with tabs (two or more lines in a row with cells) take their empty cells from the tab
    stops their blanks cross: the stops are where cells start, and each blank moves the text on past the
    stops between where the text before it ends and where its cell starts. A line left empty between two
    rows ends a table (the next may set other stops)."""
    rhythm = rhythm or Rhythm()
    left = _text_left([item for item in items if isinstance(item, Line)], 0.0)
    block: list[Line] = []
    for item in [*items, None]:
        if (
            isinstance(item, Line)
            and (len(item.cells) > 1 or (block and _indented(item, block)))
            and not (block and _apart(block[-1], item, rhythm))
        ):
            block.append(item)
            continue
        if len(block) >= 2:
            _align(block, left)
        block = [item] if isinstance(item, Line) and len(item.cells) > 1 else []
    for item in items:
        if isinstance(item, Line) and item.softs:
            item.cells = [cell.replace(SOFT_TAB, "") for cell in item.cells]
            item.softs = []


def _apart(above: Line, below: Line, rhythm: Rhythm) -> bool:
    """An empty paragraph stands between two lines (told where the rhythm of the document is known)."""
    step = rhythm.pitch + rhythm.spacing
    if not rhythm.pitch or abs(above.height - rhythm.height) > 0.1 * rhythm.height:
        return False
    return above.baseline - below.first_baseline > 1.5 * step


def _indented(line: Line, block: list[Line]) -> bool:
    """A one-cell line that starts right of the block's left edge, in one of its columns (an empty first cell)."""
    left = min(b.starts[0] for b in block)
    return line.starts[0] > left + COLUMN_SLACK * line.height


def _align(block: list[Line], left: float) -> None:
    """Each row's empty cells: the stops its blanks cross, from the text's ``left`` edge on."""
    height = max(line.height for line in block)
    slack = COLUMN_SLACK * height
    left = min([left, *(line.starts[0] for line in block)])
    if any(line.softs for line in block):
        _split_at_stops(block, left + slack)
    xs = sorted(x for line in block for x in line.starts)
    columns: list[list[float]] = []
    for x in xs:
        if columns and x - columns[-1][-1] <= slack:
            columns[-1].append(x)
        else:
            columns.append([x])
    stops = [min(c) for c in columns]  # a tab moves a cell's start onto a stop, whoever typed it
    for line in block:
        placed: list[str] = []
        starts: list[float] = []
        ends: list[float] = []
        leads: list[float] = []
        for k, (cell, x, end, lead) in enumerate(zip(line.cells, line.starts, line.ends, line.leads)):
            if k == 0:
                empty = sum(1 for s in stops if left + slack < s <= x + slack)  # tabs before the first cell
            else:
                # the pen stands a little past the last glyph's box: a stop that close was passed already
                empty = max(1, sum(1 for s in stops if lead + PEN_SLACK * height < s <= x + slack)) - 1
            placed += [""] * empty
            starts += [x] * empty
            ends += [x] * empty
            leads += [x] * empty
            placed.append(cell)
            starts.append(x)
            ends.append(end)
            leads.append(lead)
        line.cells, line.starts, line.ends, line.leads = placed, starts, ends, leads


def _split_at_stops(block: list[Line], left: float) -> None:
    """A narrow blank with no space drawn in it (``Line.softs``) is a tab where the glyph after it starts
    where a cell of another row of the block starts (right of the text's ``left`` edge): at a tab stop the
    rows show. A tab typed where the text already reached its stop moved it on by less than a word
    space, and only the stop tells it from a space the producer left undrawn."""
    edges = [{round(x, 1) for k, x in enumerate(line.starts) if k or x > left} for line in block]
    for r, line in enumerate(block):
        if not line.softs:
            continue
        others = [x for other, row in enumerate(edges) if other != r for x in row]
        softs = iter(line.softs)
        cells: list[str] = []
        starts: list[float] = []
        ends: list[float] = []
        leads: list[float] = []
        for cell, x0, end, lead in zip(line.cells, line.starts, line.ends, line.leads):
            parts = cell.split(SOFT_TAB)
            text, start = parts[0], x0
            for part in parts[1:]:
                x = next(softs, None)
                if x is not None and any(abs(x - edge) <= SOFT_SLACK * line.height for edge in others):
                    cells.append(text.strip())
                    starts.append(start)
                    ends.append(x)
                    leads.append(lead)
                    text, start, lead = part, x, x
                else:
                    text += part
            cells.append(text.strip())
            starts.append(start)
            ends.append(end)
            leads.append(lead)
        line.cells, line.starts, line.ends, line.leads, line.softs = cells, starts, ends, leads, []
