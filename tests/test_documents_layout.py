"""A PDF page's lines laid out from where their characters stand (ita_data.documents.pdf_lines): a
producer's extra copies of Thai clusters dropped (pdf_chars), the document's line rhythm, rows typed with tabs that wrap, empty cells from the stops a blank crosses,
columns side by side, and what never starts a paragraph. The characters are placed here by hand, as a
producer would place them, so each rule is seen alone; the corpus tests see them all at work together.
"""

from __future__ import annotations

import dataclasses

from ita_data.documents.pdf_chars import Char, clean_line, word_runs
from ita_data.documents.pdf_lines import Line, Rhythm, align_columns, join_paragraphs, lines_of
from ita_data.documents.pdf_tables import join_wrapped, starts_paragraph

PAGE = (0.0, 0.0, 600.0, 800.0)
LEFT = 40.0  # the text's left edge; the right one mirrors it at 560
GLYPH, ADVANCE, SPACE = 5.0, 5.5, 3.0  # a letter's box, its advance, a drawn space's advance


def page(*lines: tuple[float, list[tuple[float, str]]]) -> list[Char]:
    """Characters as a word processor draws them: each line (baseline, [(x, text), ...]) letter by letter,
    spaces drawn, PDFium's line end after each."""
    out: list[Char] = []
    for baseline, runs in lines:
        x = LEFT
        for x, text in runs:
            for ch in text:
                if ch == " ":
                    out.append(Char(" ", (x, baseline, x + SPACE, baseline + 7), False))
                    x += SPACE
                    continue
                out.append(Char(ch, (x, baseline, x + GLYPH, baseline + 7), False))
                x += ADVANCE
        out += [Char(end, (x, baseline, x, baseline), True) for end in "\r\n"]
    return out


def words(width: float) -> str:
    """Words of four letters and a space, as many as fit in ``width`` points."""
    out, drawn = "abcd", 4 * ADVANCE
    while drawn + SPACE + 4 * ADVANCE <= width:
        out, drawn = out + " abcd", drawn + SPACE + 4 * ADVANCE
    return out


def laid(chars: list[Char]) -> list[Line]:
    items: list = lines_of(chars)
    pages: list = [items]
    rhythm = Rhythm.of(pages)
    join_paragraphs(pages, [PAGE], rhythm)
    align_columns(pages[0], rhythm)
    return pages[0]


# a paragraph of prose set 20 points a line, then 2 more before the next paragraph
PROSE = [(700.0 - 20 * k, [(LEFT, words(515))]) for k in range(3)] + [(640.0, [(LEFT, "the end")])]


def test_the_rhythm_is_the_step_inside_a_paragraph_and_the_spacing_added_between_two():
    rhythm = Rhythm.of([lines_of(page(*PROSE, (618.0, [(LEFT, "next")]), (596.0, [(LEFT, "one")])))])
    assert abs(rhythm.pitch - 20) < 0.2 and abs(rhythm.spacing - 2) < 0.2
    assert rhythm.lines(20.1, rhythm.height) == 1
    assert rhythm.lines(40.0, rhythm.height) == 2  # a line left empty inside a paragraph
    assert rhythm.lines(22.0, rhythm.height) == 0  # the spacing: a new paragraph
    assert rhythm.lines(31.0, rhythm.height) is None


def test_without_paragraph_spacing_the_rhythm_tells_no_paragraph_from_another():
    rhythm = Rhythm.of([lines_of(page(*[(700.0 - 20 * k, [(LEFT, words(515))]) for k in range(6)]))])
    assert rhythm.spacing == 0 and rhythm.lines(40.0, rhythm.height) is None


def test_a_wrapped_paragraph_is_one_line_and_the_next_paragraph_its_own():
    lines = laid(page(*PROSE, (618.0, [(LEFT, words(515))]), (598.0, [(LEFT, "wrapped on")])))
    assert [line.text.split()[-2:] for line in lines] == [["the", "end"], ["wrapped", "on"]]


def test_a_short_last_line_does_not_run_into_the_next_paragraph_however_long_the_first():
    # the paragraph's box is as wide as its longest line; its last line is what ends short
    lines = laid(page(*PROSE, (620.0, [(LEFT, words(515))])))
    assert len(lines) == 2


def test_a_row_typed_with_tabs_wraps_and_its_tab_goes_on_to_the_next_line():
    """A row's first cell fills its line; its tab moved on to the next line and jumped to the first stop,
    and the next cell's text goes on from there and wraps to the left edge."""
    header = (618.0, [(LEFT, "when"), (200.0, "what"), (360.0, "who")])
    row = [
        (596.0, [(LEFT, words(515))]),
        (576.0, [(200.0, words(355))]),
        (556.0, [(LEFT, "more of it"), (200.0, "office")]),  # one tab: on to the next stop
    ]
    last = (534.0, [(LEFT, "2567"), (360.0, "council")])  # no second cell: its blank crosses two stops
    lines = laid(page(*PROSE, header, *row, last))
    rows = [line.cells for line in lines if len(line.cells) > 1]
    assert rows[0] == ["when", "what", "who"]
    assert rows[1][0].startswith("abcd") and rows[1][1].endswith("more of it") and rows[1][2:] == ["office"]
    assert rows[2] == ["2567", "", "council"]


def test_a_row_begun_with_tabs_takes_an_empty_cell_for_each_stop_before_its_text():
    lines = laid(
        page(
            *PROSE,
            (618.0, [(LEFT, "topic"), (200.0, "item"), (360.0, "score")]),
            (596.0, [(LEFT, "first"), (200.0, "one"), (360.0, "1.00")]),
            (574.0, [(200.0, "two"), (360.0, "2.00")]),
            (552.0, [(360.0, "3.00")]),
        )
    )
    assert [line.cells for line in lines[-3:]] == [["first", "one", "1.00"], ["", "two", "2.00"], ["", "", "3.00"]]


def test_a_paragraph_that_fills_its_column_goes_on_at_the_top_of_the_next():
    left = [(700.0 - 20 * k, [(LEFT, words(230))]) for k in range(4)]
    right = [(700.0 - 20 * k, [(320.0, words(230))]) for k in range(3)] + [(640.0, [(320.0, "the end")])]
    lines = laid(page(*left, *right))
    assert len(lines) == 1 and lines[0].text.endswith("the end")


def test_a_range_a_cell_broke_after_its_first_number_is_not_a_list():
    assert not starts_paragraph("1 ต.ค. 66", "- 30 ก.ย. 67")
    assert starts_paragraph("ดำเนินการแล้ว", "- จัดประชุม")
    assert not starts_paragraph("30 ก", ".ย. 67")
    assert join_wrapped("30 ก", ".ย. 67") == "30 ก.ย. 67"
    assert join_wrapped("คะแนน", "รวม") == "คะแนนรวม" and join_wrapped("score", "total") == "score total"


def cluster_line(*glyphs: tuple[str, float, float, float]) -> list[Char]:
    """One line as chromium's PDF gives it: (text, x, bottom, top) per glyph, each 4 points wide, and
    PDFium's line end after them."""
    out = [Char(ch, (x, bottom, x + 4.0, top), False) for ch, x, bottom, top in glyphs]
    return out + [Char(end, (glyphs[-1][1] + 4.0, 700.0, glyphs[-1][1] + 4.0, 700.0), True) for end in "\r\n"]


def test_a_copy_of_a_cluster_floating_above_the_line_is_dropped_beside_a_letter_that_reaches_as_high():
    """Skia gives every glyph of a cluster the cluster's text: the glyph of the marks, drawn small above
    the line, reads as the cluster again. Letters that reach higher than the rest (ไ, ป) stand beside
    such a copy and do not hide it; a word said twice on the line is not a copy."""
    body, tall, small = (700.0, 707.0), (700.0, 710.0), (707.5, 710.5)  # bottom, top
    floating = cluster_line(
        ("ร", 0, *body), ("า", 5, *body), ("ษ", 10, *body), ("ี", 12, *body), ("ไ", 15, *tall),
        ("ษ", 10.5, *small), ("ี", 12.5, *small), ("ศ", 20, *body), ("ล", 25, *body),
    )  # fmt: skip
    assert "".join(c.ch for c in clean_line(floating)).strip() == "ราษีไศล"
    leading_tall = cluster_line(
        ("ป", 0, *tall), ("ร", 5, *body), ("ษ", 10, *body), ("์", 12, *body), ("ศ", 15, *body), ("ิ", 17, *body),
        ("ษ", 10.5, *small), ("์", 12.5, *small), ("ศ", 15.5, *small), ("ิ", 17.5, *small), ("ล", 20, *body),
    )  # fmt: skip
    assert "".join(c.ch for c in clean_line(leading_tall)).strip() == "ปรษ์ศิล"
    twice = cluster_line(("น", 0, *body), ("า", 5, *body), ("น", 10, *body), ("า", 15, *body))
    assert "".join(c.ch for c in clean_line(twice)).strip() == "นานา"


def guessed(chars: list[Char], *xs: float) -> list[Char]:
    """The characters as PDFium gives a word processor's page: a space it guessed (generated, its box
    empty) before each glyph that starts at one of ``xs``; each line then put back as written
    (``clean_line``, spaces drawn on the page)."""
    out: list[Char] = []
    line: list[Char] = []
    for c in chars:
        if not c.generated and any(abs(c.box[0] - x) < 0.01 for x in xs):
            line.append(Char(" ", (c.box[0], c.box[1], c.box[0], c.box[1]), True))
        line.append(c)
        if c.ch == "\n":
            out += clean_line(line, draws_spaces=True)
            line = []
    return out + clean_line(line, draws_spaces=True) if line else out


def test_a_tab_that_moved_its_text_on_by_less_than_a_space_begins_a_cell_only_at_a_stop_other_rows_show():
    """A heading that ends just short of its tab stop: its tab moves the next heading on by less than a
    word space, and only PDFium's guessed space marks the blank. Where other rows start a cell at that
    very place, it is a tab; where none does, it is no cell boundary."""
    stop = LEFT + 10 * ADVANCE + GLYPH + 3.5  # "abcdefghijk" ends 3.5 points before it
    rows = [
        (618.0, [(LEFT, "abcdefghijk"), (stop, "what"), (300.0, "score")]),
        (596.0, [(LEFT, "first"), (stop, "one"), (300.0, "1.00")]),
        (574.0, [(LEFT, "second"), (stop, "two"), (300.0, "2.00")]),
        (552.0, [(LEFT, "abcdefg"), (LEFT + 6 * ADVANCE + GLYPH + 3.5, "hij"), (300.0, "3.00")]),
    ]
    lines = laid(guessed(page(*PROSE, *rows), stop, LEFT + 6 * ADVANCE + GLYPH + 3.5))
    assert [line.cells for line in lines[-4:]] == [
        ["abcdefghijk", "what", "score"],
        ["first", "one", "1.00"],
        ["second", "two", "2.00"],
        ["abcdefghij", "", "3.00"],  # no stop there: the blank is inside the first cell
    ]


def drawn_in_runs(runs: list[tuple[float, str]], glyph_by_glyph: bool = False) -> list[Char]:
    """One line of Thai drawn as a word processor draws it, each (x, text) a run of its own (a text
    object); or each glyph an object of its own, as chromium draws."""
    out: list[Char] = []
    n = 0
    for x, text in runs:
        for ch in text:
            out.append(Char(ch, (x, 700.0, x + GLYPH, 707.0), False, n))
            x += ADVANCE if ch != " " else SPACE
            n += glyph_by_glyph
        n += not glyph_by_glyph
    return out + [Char(end, (x, 700.0, x, 700.0), True) for end in "\r\n"]


def cells_of(chars: list[Char]) -> list[list[str]]:
    return [line.cells for line in lines_of(clean_line(chars, draws_spaces=True, letters=word_runs(chars)))]


def test_a_run_of_words_that_ends_a_narrow_blank_before_the_next_run_ended_at_a_tab():
    """LibreOffice draws the text up to each tab as a run of its own. A tab typed where the text already
    reaches its stop moves the next run on by a third of a glyph, with no space drawn or guessed: where
    the runs hold words, that blank is a tab; the same blank inside a run, or between glyphs a producer
    draws one by one, is no cell boundary."""
    word = LEFT + 4 * ADVANCE  # where "ทราบ" ends its advance; its last glyph ends at word - 0.5
    blank = 0.45 * 7.0  # a third to a half of the glyph height, as the tab left it
    tabbed = [(LEFT, "ทราบ"), (word - 0.5 + blank, "๑ ต.ค. ๖๗")]
    assert cells_of(drawn_in_runs(tabbed)) == [["ทราบ", "๑ ต.ค. ๖๗"]]
    chromium = drawn_in_runs(tabbed, glyph_by_glyph=True)
    chromium[2].run = chromium[3].run  # a cluster of two glyphs, as chromium draws "วอ", ends before the blank
    assert cells_of(chromium) == [["ทราบ๑ ต.ค. ๖๗"]]
    one_run = [c if c.generated else dataclasses.replace(c, run=0) for c in drawn_in_runs(tabbed)]
    assert cells_of(one_run) == [["ทราบ๑ ต.ค. ๖๗"]]
    narrow = [(LEFT, "ทราบ"), (word - 0.5 + 0.15 * 7.0, "เสมอ")]  # between two letters of a word
    assert cells_of(drawn_in_runs(narrow)) == [["ทราบเสมอ"]]


def test_after_a_mark_drawn_apart_only_a_wider_blank_before_the_next_run_is_a_tab():
    """LibreOffice draws some marks as runs of their own, and the text after such a mark starts a new run
    whatever follows; a mark's box does not show where its cluster ends. After one, a blank of a third of
    a glyph height is still inside a word; one of half a glyph height or more, no space drawn in it, is a tab."""

    def line(blank: float) -> list[Char]:
        chars = drawn_in_runs([(LEFT, "ออนไลน"), (LEFT + 6 * ADVANCE - 0.5 + blank, "พัฒนา")])
        n = chars[5].box  # the mark stands over the last letter, drawn as a run of its own
        mark = Char("\u0e4c", (n[0] + 1.0, 708.0, n[2] - 1.0, 711.0), False, run=7)
        return [*chars[:6], mark, *chars[6:]]

    assert cells_of(line(0.6 * 7.0)) == [["ออนไลน์", "พัฒนา"]]
    assert cells_of(line(0.3 * 7.0)) == [["ออนไลน์พัฒนา"]]
