"""PDF characters as PDFium reads them, put back as they were written: producers' extra copies of Thai
clusters dropped, PDFium's guessed spaces kept only where they are right, glyphs and marks in reading order.

Every character keeps its box on the page (``Box``), from which lines, gaps and tables are laid out.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (origin bottom-left)

THAI = re.compile(r"[\u0e01-\u0e5b]")
MARK = re.compile(r"[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")
MARKS = frozenset(chr(c) for c in [0x0E31, *range(0x0E33, 0x0E3B), *range(0x0E47, 0x0E4F)])
_THAI_BASE = re.compile(r"[\u0e01-\u0e30\u0e32\u0e40-\u0e46]")
_THAI_BASE_CHARS = frozenset(chr(c) for c in [*range(0x0E01, 0x0E31), 0x0E32, *range(0x0E40, 0x0E47)])


TAB = "\t"  # a generated character: a tab's blank, found where PDFium's guessed space cannot be a word space
TAB_BLANK = 1.0  # glyph heights: a blank this wide with no space drawn in it, where spaces are drawn, is a tab
# A generated character: a narrower blank PDFium saw where spaces are drawn and none is, between two glyphs of
# one script (not a change of font): a tab that moved its text on only a little — or a space left undrawn. The
# tab stops the document's other rows show tell which (``pdf_lines``).
SOFT_TAB = "\u2063"
SOFT_TAB_BLANK = 0.3  # glyph heights: the least such a blank is (narrower ones are PDFium's guesses in a word)
# Where the producer ends one run of text and starts the next on the same line (a text object of its own), with
# a blank at least this wide and no space drawn in it, a tab moved the pen: LibreOffice and Word draw a run up
# to each tab. (Narrower blanks stand between letters of a Thai word; a run of one letter is no run of words.)
RUN_TAB_BLANK = 0.25  # glyph heights
RUN_TAB_BLANK_MARKED = 0.45  # ... after a mark drawn apart (within a word, up to a third of a glyph height)
BY_RUNS = -2  # the ``run`` of a tab found so


@dataclass
class Char:
    ch: str
    box: Box
    generated: bool  # a space or line end PDFium added; its box is empty
    run: int = -1  # the producer's text object it was drawn in (-1: none known)


def page_chars(textpage: pdfium.PdfTextPage, text: str) -> list[Char]:
    """The page's characters in content order, with exporters' quirks undone line by line."""
    out: list[Char] = []
    count = min(len(text), textpage.count_chars())
    runs: dict[int | None, int] = {}
    for i in range(count):
        try:
            box = textpage.get_charbox(i)
        except pdfium.PdfiumError:
            box = (0.0, 0.0, 0.0, 0.0)
        ch = "-" if text[i] == "\ufffe" else text[i]  # PDFium's mark for a hyphen that ends a line
        generated = box[0] == box[2] and box[1] == box[3]
        run = -1 if generated else runs.setdefault(_text_object(textpage, i), len(runs))
        out.append(Char(ch, box, generated, run))
    out = _without_false_breaks(out)
    lines: list[list[Char]] = [[]]
    for c in out:
        lines[-1].append(c)
        if c.ch == "\n":
            lines.append([])
    # the sizes of type the producer draws its spaces in: a line without a space of its own, in one of
    # those sizes, was typed without spaces (a row of headings typed with tabs), not with spaces left undrawn
    spaced = [any(c.ch == " " and not c.generated for c in line) for line in lines]
    draws = spaced
    if any(spaced) and not all(spaced):
        sizes = [_size(line) for line in lines]
        drawing = {round(size, 1) for size, own in zip(sizes, spaced) if own}
        draws = [own or any(abs(size - other) <= 0.1 * size for other in drawing) for size, own in zip(sizes, spaced)]
    letters = word_runs(out)
    cleaned: list[Char] = []
    for line, draw in zip(lines, draws):
        cleaned += clean_line(line, draw, letters)
    return cleaned


def word_runs(chars: list[Char]) -> Counter[int]:
    """The letters in each run of text the producer drew on a page, where its runs hold words (LibreOffice,
    Word: half its runs two letters or more); none where it draws glyph by glyph (chromium), for there
    where a run ends says nothing."""
    letters = Counter(c.run for c in chars if c.run >= 0 and not c.generated and c.ch not in MARKS and c.ch.strip())
    counts = sorted(letters.values())
    return letters if counts and counts[len(counts) // 2] >= 2 else Counter()


def _text_object(textpage: pdfium.PdfTextPage, i: int) -> int | None:
    """The address of the text object the page's character ``i`` was drawn in."""
    obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, i)
    return ctypes.cast(obj, ctypes.c_void_p).value if obj else None


def _size(line: list[Char]) -> float:
    """The median height of the first letters of a line: its size of type."""
    heights = sorted(c.box[3] - c.box[1] for c in line[:24] if not c.generated and c.ch not in MARKS and c.ch != " ")
    return heights[len(heights) // 2] if heights else 0.0


def _without_false_breaks(chars: list[Char]) -> list[Char]:
    """PDFium sometimes ends a line after every glyph of one (chromium draws some runs glyph by glyph): a
    line end between two glyphs on one baseline, the second going on to the right, is no line end."""
    out: list[Char] = []
    i = 0
    while i < len(chars):
        c = chars[i]
        if c.generated and c.ch in "\r\n":
            j = i
            while j < len(chars) and chars[j].generated and chars[j].ch in "\r\n":
                j += 1
            before = next((x for x in reversed(out) if not x.generated), None)
            after = chars[j] if j < len(chars) and not chars[j].generated else None
            if before is not None and after is not None and _goes_on(before, after):
                height = max(before.box[3] - before.box[1], 1.0)
                if after.box[0] - before.box[2] > 0.35 * height:  # the break stood for a space
                    out.append(Char(" ", (before.box[2], before.box[1], before.box[2], before.box[1]), True))
                i = j
                continue
        out.append(c)
        i += 1
    return out


def _goes_on(before: Char, after: Char) -> bool:
    height = max(before.box[3] - before.box[1], after.box[3] - after.box[1], 1.0)
    same_line = abs(before.box[1] - after.box[1]) < 0.2 * height
    return same_line and before.box[0] - 0.5 <= after.box[0] <= before.box[2] + 2.0 * height


def clean_line(line: list[Char], draws_spaces: bool = False, letters: Counter[int] | None = None) -> list[Char]:
    """One PDFium line as it was written: producers' extra copies of clusters dropped, PDFium's guessed
    spaces dropped where they are wrong, glyphs and marks put back in reading order.

    A line whose producer draws its spaces (LibreOffice, Word; or ``draws_spaces``, said of the page) leaves
    PDFium little to guess: a space it adds there marks a change of font ("E" and "๑๓" in "E๑๓"), a space
    left undrawn, or, over a blank wider than a glyph, a tab (``TAB``). Elsewhere (chromium) a guessed
    space stands where the glyphs leave a blank.

    ``letters`` counts the letters of each run of text the producer drew (``Char.run``), where its runs
    hold words: a run of several letters that ends a blank before the next run, with no space drawn in
    it, ended at a tab (``RUN_TAB_BLANK``), however narrow the blank the tab left."""
    bases = [c for c in line if not c.generated and not MARK.match(c.ch)]
    if not bases:
        return line
    heights = sorted(c.box[3] - c.box[1] for c in bases)
    height = heights[len(heights) // 2] or 1.0
    kept = _without_copies(line, height)
    drawn_spaces = draws_spaces or any(c.ch == " " and not c.generated for c in kept)
    letters = letters or Counter()
    out: list[Char] = []
    drawn: Char | None = None  # the last letter kept (a mark's box is not where its letter ends)
    reach = 0.0  # where the ink kept so far ends, marks and all
    for i, c in enumerate(kept):
        if not c.generated:
            if drawn_spaces and out and not out[-1].generated and _run_tab(drawn, out[-1], c, reach, height, letters):
                out.append(Char(TAB, (reach, c.box[1], reach, c.box[1]), True, BY_RUNS))
            if c.box[2] > reach:
                reach = c.box[2]
            if c.ch not in MARKS:
                drawn = c
            out.append(c)
            continue
        if c.ch == " " and drawn is not None and i + 1 < len(kept) and not kept[i + 1].generated:
            after = kept[i + 1]
            if drawn_spaces and after.box[0] - reach >= TAB_BLANK * height:
                out.append(Char(TAB, c.box, True))
                continue
            last = next((x for x in reversed(out) if not x.generated), drawn)
            if drawn_spaces and _run_tab(drawn, last, after, reach, height, letters):
                out.append(Char(TAB, c.box, True, BY_RUNS))
                continue
            if drawn_spaces and after.box[0] - reach >= SOFT_TAB_BLANK * height and _one_script(drawn, after):
                out.append(Char(SOFT_TAB, c.box, True))
                continue
            if drawn_spaces or after.box[0] - drawn.box[2] < 0.2 * height:
                continue
        if c.ch == " " and out and out[-1].ch == "\u0e33" and i + 1 < len(kept):
            nxt = kept[i + 1]
            if THAI.match(nxt.ch) and not nxt.generated and nxt.box[0] - out[-1].box[2] < 1.2 * height:
                continue  # "ดำ เนิน": ำ's box covers only its ring, and PDFium saw a gap after it
        out.append(c)
    end = len(out)
    while end > 0 and out[end - 1].generated and out[end - 1].ch in "\r\n":
        end -= 1  # the line's end stays at its end, whatever glyph moves back before it
    ordered = _place_marks(_in_visual_order(out[:end], height))
    if any(c.ch in (TAB, SOFT_TAB) and c.generated for c in ordered):
        ordered = _tabs_between_glyphs(ordered, height)
    return ordered + out[end:]


def _run_tab(before: Char | None, last: Char, after: Char, reach: float, height: float, letters: Counter[int]) -> bool:
    """``after`` starts a new run of the producer's text a tab's blank on from ``before``, a letter that
    ends a run of letters (one script on both sides: no change of font). ``last`` is the last glyph drawn
    before ``after``: ``before`` or a mark of it. A mark the producer drew apart (LibreOffice draws some
    marks as runs of their own) is followed by a new run in any case, and a mark's box does not show where
    its cluster ends, so after one only a wider blank tells (``RUN_TAB_BLANK_MARKED``)."""
    if before is None or after.ch in MARKS or not _one_script(before, after) or letters[before.run] < 2:
        return False
    if after.run < 0 or after.run in (before.run, last.run):
        return False
    if last is before:
        return after.box[0] - reach >= RUN_TAB_BLANK * height
    if last.ch not in MARKS or last.run < 0:
        return False
    if last.ch == "\u0e33":
        reach = max(reach, last.box[2] + 0.6 * height)  # ำ's box holds only its ring, not the า after it
    return after.box[0] - reach >= RUN_TAB_BLANK_MARKED * height


def _one_script(a: Char, b: Char) -> bool:
    """Two glyphs (not a space) both Thai, or both not: no change of font stands between them ("E๑๓")."""
    return bool(a.ch.strip() and b.ch.strip()) and (THAI.match(a.ch) is None) == (THAI.match(b.ch) is None)


def _tabs_between_glyphs(line: list[Char], height: float) -> list[Char]:
    """A tab stands only where a wide blank stays between the glyphs around it once they are in the order
    they stand (a symbol drawn out of order filled the blank PDFium saw)."""
    out: list[Char] = []
    for i, c in enumerate(line):
        if c.generated and c.ch in (TAB, SOFT_TAB):
            before = next((x for x in reversed(out) if not x.generated and not MARK.match(x.ch)), None)
            after = next((x for x in line[i + 1 :] if not x.generated and not MARK.match(x.ch)), None)
            blank = RUN_TAB_BLANK if c.run == BY_RUNS else TAB_BLANK if c.ch == TAB else SOFT_TAB_BLANK
            if before is None or after is None or after.box[0] - before.box[2] < blank * height:
                continue
        out.append(c)
    return out


def _without_copies(line: list[Char], height: float) -> list[Char]:
    """Skia (chromium's PDF) gives each glyph of a Thai cluster the cluster's /ActualText, so PDFium reads
    the cluster once per glyph: a copy floats above the line (the marks' glyph) or overlaps the letters
    just read. Either way it is dropped, with the space PDFium guessed beside it."""
    kept: list[Char] = []
    baseline: float | None = None  # where the letters of the row being read stand
    dropping = False
    dropped_last = False
    i = 0
    while i < len(line):
        c = line[i]
        if c.generated:
            if not (dropped_last and c.ch == " " and _touches(kept, line, i + 1, height)):
                kept.append(c)
            i += 1
            continue
        copy = _copy_length(kept, line, i)
        if copy:
            i += copy
            dropped_last = True
            continue
        if MARK.match(c.ch) is None:
            dropping = baseline is not None and floats(c, baseline, height)
            if not dropping:
                # the lowest letter of the row (a quote mark or a superscript does not raise it)
                baseline = (
                    c.box[1] if baseline is None or abs(c.box[1] - baseline) >= height else min(baseline, c.box[1])
                )
        dropped_last = dropping
        if not dropping:
            kept.append(c)
        i += 1
    return kept


def floats(c: Char, baseline: float, height: float) -> bool:
    """A Thai letter smaller than the line's letters standing clear above their baseline, where the marks
    stand: a copy of a cluster drawn in the marks' glyph. (Measured from the baseline, not from the tops
    of the letters before it: ป, ฟ, ไ and โ reach higher than the rest and hide a copy beside them.)"""
    return THAI.match(c.ch) is not None and c.box[1] >= baseline + 0.75 * height and c.box[3] - c.box[1] < 0.6 * height


def _touches(kept: list[Char], line: list[Char], i: int, height: float) -> bool:
    """The next drawn character (after any copies) starts where the last kept one ends: no space between."""
    last = next((c for c in reversed(kept) if not c.generated), None)
    while i < len(line) and (line[i].generated or _copy_length(kept, line, i)):
        i += _copy_length(kept, line, i) or 1
    if last is None or i >= len(line):
        return True
    return line[i].box[0] - last.box[2] < 0.25 * height


def _copy_length(kept: list[Char], line: list[Char], i: int) -> int:
    """How many characters from ``line[i]`` repeat the characters just kept, drawn over them (0 if none)."""
    first = line[i].ch
    if first not in _THAI_BASE_CHARS:
        return 0
    drawn = [c for c in kept[-8:] if not c.generated]
    for m in (4, 3, 2):
        if len(drawn) < m or i + m > len(line) or drawn[-m].ch != first:
            continue
        ahead = line[i : i + m]
        if any(c.generated for c in ahead) or not _THAI_BASE.match(ahead[0].ch):
            continue
        before = drawn[-m:]
        if [c.ch for c in ahead] != [c.ch for c in before]:
            continue
        # a copy starts inside the letters it copies; a word said twice ("ติดๆ", "นานา") starts after them
        if ahead[0].box[0] < max(c.box[2] for c in before) - 0.5:
            return m
    return 0


def _in_visual_order(line: list[Char], height: float) -> list[Char]:
    """Glyphs drawn out of order on one baseline (LibreOffice emits a symbol font's ☐ after the words that
    follow it) go back to where they stand; a letter keeps the marks and spaces that follow it."""
    units: list[list[Char]] = []
    for c in line:
        mark = MARK.match(c.ch) is not None and not c.generated
        if units and (c.generated or (mark and near(units[-1][0].box, (c.box[0] + c.box[2]) / 2))):
            units[-1].append(c)
        else:
            units.append([c])  # a mark away from the letter before it finds its letter below
    ordered: list[list[Char]] = []
    for unit in units:
        base = unit[0]
        k = len(ordered)
        stray_mark = MARK.match(base.ch) is not None
        if not base.generated:
            while k > 0:
                before = ordered[k - 1][0]
                if before.generated or (not stray_mark and abs(before.box[1] - base.box[1]) > 0.4 * height):
                    break
                if before.box[0] <= base.box[0] + 0.5:
                    break
                k -= 1
        ordered.insert(k, unit)
    return [c for unit in ordered for c in unit]


def _place_marks(line: list[Char]) -> list[Char]:
    """A mark written away from its consonant (LibreOffice emits some at the end of a run) goes back to it."""
    out: list[Char] = []
    for c in line:
        if c.generated or not MARK.match(c.ch) or not out:
            out.append(c)
            continue
        middle = (c.box[0] + c.box[2]) / 2
        base_index = next(
            (k for k in range(len(out) - 1, -1, -1) if not out[k].generated and not MARK.match(out[k].ch)), None
        )
        if base_index is not None and near(out[base_index].box, middle):
            out.append(c)
            continue
        target = None
        for k in range(len(out) - 1, -1, -1):
            b = out[k]
            if not b.generated and _THAI_BASE.match(b.ch) and b.box[0] - 0.5 <= middle <= b.box[2] + 0.5:
                target = k
                break
        if target is None:
            out.append(c)
            continue
        k = target + 1
        while k < len(out) and not out[k].generated and MARK.match(out[k].ch):
            k += 1
        out.insert(k, c)
    return out


def near(box: Box, x: float) -> bool:
    width = max(box[2] - box[0], 1.0)
    return box[0] - width <= x <= box[2] + width
