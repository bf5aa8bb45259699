"""PDF: the text layer page by page through PDFium, ruled tables as tab-separated rows, scanned pages OCR'd.

pdfplumber finds the ruling of each table; PDFium reads the text in each cell's box (it keeps Thai marks in
order where pdfminer does not). PDFium is not thread-safe, so every call into it holds one lock.
"""

from __future__ import annotations

import html
import io
import math
import re
import threading
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import scan
from .errors import DocumentError
from .limits import MAX_OCR_PAGES, MAX_PAGES
from .model import DocumentText, TextBuilder

PDFIUM_LOCK = threading.RLock()
MIN_TEXT_CHARS = 16  # a page with less text than this (a page number, a stamp) and an image is a scan
OCR_DPI = 200
PREVIEW_DPI = 110
MAX_RENDER_PIXELS = 16_000_000

_DIGIT = re.compile(r"[0-9๐-๙]")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
_THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
_NEW_PARAGRAPH = re.compile(r"^\s*(?:[-–•●○▪■◦*☐☑✓✔☒]|\(?[0-9๐-๙]{1,2}[.)]|\([0-9๐-๙]{1,2}\))")


def open_document(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(err).lower():
            raise DocumentError(
                f"{name}: ไฟล์ PDF นี้ตั้งรหัสผ่านไว้ อ่านไม่ได้ ให้บันทึกเป็นไฟล์ที่ไม่มีรหัสผ่านก่อน "
                f"(encrypted PDF: remove the password first)"
            ) from None
        raise DocumentError(f"{name}: ไฟล์ PDF เสียหาย อ่านไม่ได้ (damaged PDF: {err})") from None


def read_pdf(data: bytes, name: str, ocr: bool = True) -> DocumentText:
    with PDFIUM_LOCK:
        doc = open_document(data, name)
    try:
        with PDFIUM_LOCK:
            count = len(doc)
        if count == 0:
            raise DocumentError(f"{name}: ไฟล์ PDF ไม่มีหน้าใดเลย (the PDF has no pages)")
        if count > MAX_PAGES:
            raise DocumentError(
                f"{name}: ไฟล์ PDF มี {count:,} หน้า เกิน {MAX_PAGES} หน้าที่รับได้สำหรับรายงานหนึ่งฉบับ "
                f"ให้แยกไฟล์ก่อน (too many pages for one report)"
            )
        return _read_pages(doc, data, name, count, ocr)
    finally:
        with PDFIUM_LOCK:
            doc.close()


@dataclass
class _Page:
    lines: list[str | _Table]
    ocr_image: bytes | None = None  # the rendered page, when it has no text layer
    text_floor: float | None = None  # the lowest character on the page
    ocr_layer: bool = False  # the text is a scanner's OCR: invisible text laid over a page image


def _read_pages(doc: pdfium.PdfDocument, data: bytes, name: str, count: int, ocr: bool) -> DocumentText:
    warnings: list[str] = []
    unread: list[int] = []
    plumber = _Plumber(data)
    pages: list[_Page | None] = []
    scans = 0
    for number in range(1, count + 1):
        try:
            page = _read_page(doc, number, plumber, warnings, name)
        except Exception as err:  # noqa: BLE001 - one damaged page must not lose the others
            warnings.append(f"{name}: หน้า {number} อ่านไม่ได้ (page {number} unreadable: {type(err).__name__})")
            unread.append(number)
            pages.append(None)
            continue
        if page.ocr_image is not None:
            scans += 1
            if not ocr or scans > MAX_OCR_PAGES:
                page.ocr_image = None
                unread.append(number)
        pages.append(page)
    plumber.close()
    skipped_scans = [n for n in unread if pages[n - 1] is not None]
    if skipped_scans and ocr:
        warnings.append(
            f"{name}: เป็นภาพสแกน {scans} หน้า อ่านด้วย OCR เพียง {MAX_OCR_PAGES} หน้าแรก "
            f"(scanned pages beyond {MAX_OCR_PAGES} were not read)"
        )
    images = {n: p.ocr_image for n, p in enumerate(pages, start=1) if p is not None and p.ocr_image}
    texts = scan.ocr_many(images, name, warnings) if images else {}
    unread += [n for n in images if n not in texts]

    floors = [p.text_floor for p in pages if p is not None and p.text_floor is not None]
    if floors:
        _join_split_rows(pages, min(floors))
    builder = TextBuilder()
    layered: list[int] = []
    for number, read in enumerate(pages, start=1):
        if read is None:
            continue
        if number in texts:
            builder.add(texts[number], number, ocr=True)
        else:
            for item in read.lines:
                if isinstance(item, _Table):
                    for line in _table_lines(item):
                        builder.add(_latin_thai(line), number, ocr=read.ocr_layer)
                else:
                    builder.add(_latin_thai(item), number, ocr=read.ocr_layer)
            if read.ocr_layer:
                layered.append(number)
        builder.blank(number)
    if layered:
        warnings.append(
            f"{name}: หน้า {', '.join(map(str, layered))} เป็นภาพสแกนที่มีข้อความจาก OCR ของโปรแกรมอื่นซ้อนอยู่ "
            f"ตัวเลขจากหน้าเหล่านี้ต้องตรวจยืนยันก่อนบันทึก (a scanner's OCR text layer; confirm its numbers)"
        )
    if texts:
        warnings.append(
            f"{name}: หน้า {', '.join(map(str, sorted(texts)))} เป็นภาพสแกน อ่านด้วย OCR "
            f"ตัวเลขจากหน้าเหล่านี้ต้องตรวจยืนยันก่อนบันทึก (pages read by OCR; confirm their numbers)"
        )
    return builder.build(
        name,
        "pdf",
        warnings=warnings,
        page_count=count,
        ocr_pages=frozenset(texts) | frozenset(layered),
        pages_unread=tuple(sorted(set(unread))),
        _render=_renderer(data, name),
    )


_LATIN_AS_THAI = re.compile(r"[\u00a1-\u00fb]")


def _latin_thai(line: str) -> str:
    """Thai typed in an old 8-bit Thai font comes out of some PDFs as Latin-1 letters ("¡ÒÃ»ÃÐàÁÔ¹" for
    "การประเมิน"): a line that is mostly such letters and reads as Thai through TIS-620 is that Thai."""
    latin = len(_LATIN_AS_THAI.findall(line))
    if latin < 4 or latin < 0.5 * len(line.replace(" ", "")) or _THAI.search(line):
        return line
    try:
        thai = line.encode("cp1252", errors="strict").decode("cp874", errors="strict")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            thai = line.encode("latin-1").decode("cp874")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return line
    return thai if len(_THAI.findall(thai)) >= latin * 0.8 else line


def _renderer(data: bytes, name: str):
    def render(page: int) -> bytes:
        with PDFIUM_LOCK:
            doc = open_document(data, name)
            try:
                return _render_png(doc[page - 1], PREVIEW_DPI)
            finally:
                doc.close()

    return render


def _render_png(page: pdfium.PdfPage, dpi: int) -> bytes:
    image = _render(page, dpi)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=3)
    return out.getvalue()


def _render(page: pdfium.PdfPage, dpi: int):
    width, height = page.get_size()
    scale = dpi / 72
    if width * height * scale * scale > MAX_RENDER_PIXELS:
        scale = math.sqrt(MAX_RENDER_PIXELS / max(width * height, 1.0))
    return page.render(scale=scale, grayscale=True).to_pil()


def _has_objects(page: pdfium.PdfPage, kind: int, at_least: int) -> bool:
    for seen, _ in enumerate(page.get_objects(filter=[kind], max_depth=3), start=1):
        if seen >= at_least:
            return True
    return False


def _read_page(doc: pdfium.PdfDocument, number: int, plumber: _Plumber, warnings: list[str], name: str) -> _Page:
    with PDFIUM_LOCK:
        page = doc[number - 1]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS and _has_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE, 1):
            pgm = io.BytesIO()
            _render(page, OCR_DPI).save(pgm, format="PPM")
            return _Page([], pgm.getvalue())
        rules = _rules(page)
        ocr_layer = _invisible_text_over_image(page)
    grids = plumber.tables(number, rules, warnings, name) if len(rules) >= 4 else []
    with PDFIUM_LOCK:
        chars = _chars(textpage, text)
    floor = min((c.box[1] for c in chars if not c.generated), default=None)
    return _Page(_items(chars, grids), text_floor=floor, ocr_layer=ocr_layer)


def _invisible_text_over_image(page: pdfium.PdfPage) -> bool:
    """Scanners and "searchable PDF" tools put their OCR under the page image as invisible text
    (render mode 3): numbers from it are OCR's, whoever ran it."""
    if not _has_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE, 1):
        return False
    shown = hidden = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=3):
        if pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
            hidden += 1
        else:
            shown += 1
        if shown + hidden >= 400:
            break
    return hidden > 0 and hidden >= 4 * shown


MAX_RULES = 5000  # a page drawn with more paths than this is a drawing, not a table


def _rules(page: pdfium.PdfPage) -> list[dict[str, float | str]]:
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


class _Plumber:
    """pdfplumber opened once per document, and only if a page has ruling to find tables in."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: Any = None
        self._failed = False

    def tables(self, number: int, rules: list, warnings: list[str], name: str) -> list[_Grid]:
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
                        _Grid(
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


Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (origin bottom-left)


def _box(bbox, top: float, left: float) -> Box | None:
    if bbox is None:
        return None
    x0, y_top, x1, y_bottom = (float(v) for v in bbox)
    return (x0 + left, top - y_bottom, x1 + left, top - y_top)


@dataclass
class _Grid:
    box: Box
    rows: list[list[Box | None]]
    open_top: bool = False  # no border drawn there: the table goes on from the page before
    open_bottom: bool = False  # ... or on to the next page


_MARK = re.compile(r"[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")
_THAI_BASE = re.compile(r"[\u0e01-\u0e30\u0e32\u0e40-\u0e46]")
_THAI_BASE_CHARS = frozenset(chr(c) for c in [*range(0x0E01, 0x0E31), 0x0E32, *range(0x0E40, 0x0E47)])


@dataclass
class _Char:
    ch: str
    box: Box
    generated: bool  # a space or line end PDFium added; its box is empty


def _chars(textpage: pdfium.PdfTextPage, text: str) -> list[_Char]:
    """The page's characters in content order, with exporters' quirks undone line by line."""
    out: list[_Char] = []
    count = min(len(text), textpage.count_chars())
    for i in range(count):
        try:
            box = textpage.get_charbox(i)
        except pdfium.PdfiumError:
            box = (0.0, 0.0, 0.0, 0.0)
        ch = "-" if text[i] == "\ufffe" else text[i]  # PDFium's mark for a hyphen that ends a line
        out.append(_Char(ch, box, box[0] == box[2] and box[1] == box[3]))
    lines: list[list[_Char]] = [[]]
    for c in out:
        lines[-1].append(c)
        if c.ch == "\n":
            lines.append([])
    # Producers that draw their spaces (LibreOffice, Word) leave PDFium nothing to guess: a space it adds
    # inside a line then only marks a change of font ("E" and "๑๓" in "E๑๓").
    drawn_spaces = any(c.ch == " " and not c.generated for c in out)
    cleaned: list[_Char] = []
    for line in lines:
        cleaned += _clean_line(line, drawn_spaces)
    return cleaned


def _clean_line(line: list[_Char], drawn_spaces: bool = False) -> list[_Char]:
    """One PDFium line as it was written: producers' extra copies of clusters dropped, PDFium's guessed
    spaces dropped where they are wrong, glyphs and marks put back in reading order."""
    bases = [c for c in line if not c.generated and not _MARK.match(c.ch)]
    if not bases:
        return line
    heights = sorted(c.box[3] - c.box[1] for c in bases)
    height = heights[len(heights) // 2] or 1.0
    kept = _without_copies(line, height)
    out: list[_Char] = []
    for i, c in enumerate(kept):
        if drawn_spaces and c.generated and c.ch == " " and out and i + 1 < len(kept) and not kept[i + 1].generated:
            continue
        if c.generated and c.ch == " " and out and out[-1].ch == "\u0e33" and i + 1 < len(kept):
            nxt = kept[i + 1]
            if _THAI.match(nxt.ch) and not nxt.generated and nxt.box[0] - out[-1].box[2] < 1.2 * height:
                continue  # "ดำ เนิน": ำ's box covers only its ring, and PDFium saw a gap after it
        out.append(c)
    return _place_marks(_in_visual_order(out, height))


def _without_copies(line: list[_Char], height: float) -> list[_Char]:
    """Skia (chromium's PDF) gives each glyph of a Thai cluster the cluster's /ActualText, so PDFium reads
    the cluster once per glyph: a copy floats above the line (the marks' glyph) or overlaps the letters
    just read. Either way it is dropped, with the space PDFium guessed beside it."""
    kept: list[_Char] = []
    body_top: float | None = None
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
        if _MARK.match(c.ch) is None:
            floating = (
                body_top is not None
                and _THAI.match(c.ch) is not None
                and c.box[1] >= body_top - 0.25 * height
                and (c.box[3] - c.box[1]) < 0.6 * height
            )
            dropping = floating
            if not floating:
                body_top = (
                    c.box[3] if body_top is None or abs(c.box[3] - body_top) >= height else max(body_top, c.box[3])
                )
        dropped_last = dropping
        if not dropping:
            kept.append(c)
        i += 1
    return kept


def _touches(kept: list[_Char], line: list[_Char], i: int, height: float) -> bool:
    """The next drawn character (after any copies) starts where the last kept one ends: no space between."""
    last = next((c for c in reversed(kept) if not c.generated), None)
    while i < len(line) and (line[i].generated or _copy_length(kept, line, i)):
        i += _copy_length(kept, line, i) or 1
    if last is None or i >= len(line):
        return True
    return line[i].box[0] - last.box[2] < 0.25 * height


def _copy_length(kept: list[_Char], line: list[_Char], i: int) -> int:
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


def _in_visual_order(line: list[_Char], height: float) -> list[_Char]:
    """Glyphs drawn out of order on one baseline (LibreOffice emits a symbol font's ☐ after the words that
    follow it) go back to where they stand; a letter keeps the marks and spaces that follow it."""
    units: list[list[_Char]] = []
    for c in line:
        mark = _MARK.match(c.ch) is not None and not c.generated
        if units and (c.generated or (mark and _near(units[-1][0].box, (c.box[0] + c.box[2]) / 2))):
            units[-1].append(c)
        else:
            units.append([c])  # a mark away from the letter before it finds its letter below
    ordered: list[list[_Char]] = []
    for unit in units:
        base = unit[0]
        k = len(ordered)
        stray_mark = _MARK.match(base.ch) is not None
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


def _place_marks(line: list[_Char]) -> list[_Char]:
    """A mark written away from its consonant (LibreOffice emits some at the end of a run) goes back to it."""
    out: list[_Char] = []
    for c in line:
        if c.generated or not _MARK.match(c.ch) or not out:
            out.append(c)
            continue
        middle = (c.box[0] + c.box[2]) / 2
        base_index = next(
            (k for k in range(len(out) - 1, -1, -1) if not out[k].generated and not _MARK.match(out[k].ch)), None
        )
        if base_index is not None and _near(out[base_index].box, middle):
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
        while k < len(out) and not out[k].generated and _MARK.match(out[k].ch):
            k += 1
        out.insert(k, c)
    return out


def _near(box: Box, x: float) -> bool:
    width = max(box[2] - box[0], 1.0)
    return box[0] - width <= x <= box[2] + width


@dataclass
class _Table:
    rows: list[list[list[str]]]  # cells as paragraphs
    top_of_page: bool  # nothing came before it on its page
    bottom: float
    # per cell of the last row: (text lines, white space under the text in line heights), to tell a row a
    # page break cut from a row that ended there
    last_fill: list[tuple[int, float]] = field(default_factory=list)
    open_top: bool = False
    open_bottom: bool = False
    ends_page: bool = False  # nothing comes after it on its page


def _items(chars: list[_Char], grids: list[_Grid]) -> list[str | _Table]:
    """The page in content order: lines of text outside the tables, and the tables (cells as paragraphs).

    Each character goes to the cell its box sits in; marks and the spaces PDFium adds follow the
    character before them (a mark's box sits above or below the line)."""
    locate = _Locator(grids)
    cells: dict[tuple[int, int, int], list[_Char]] = {}
    order: list[str | int] = []
    prose: list[str] = []
    emitted: set[int] = set()
    where: tuple[int, int, int] | None = None
    for c in chars:
        if not (c.generated or _MARK.match(c.ch)) or (where is None and not c.generated):
            where = locate(c.box) if grids else None
        if where is None:
            prose.append(c.ch)
            continue
        if where[0] not in emitted:
            order += _prose_lines(prose)
            prose = []
            emitted.add(where[0])
            order.append(where[0])
        cells.setdefault(where, []).append(c)
    order += _prose_lines(prose)
    items: list[str | _Table] = []
    for position, entry in enumerate(order):
        if isinstance(entry, str):
            items.append(entry)
            continue
        grid = grids[entry]
        rows = []
        fill: list[tuple[int, float]] = []
        for r, row in enumerate(grid.rows):
            texts = [_cell_paragraphs(cells.get((entry, r, c), []), box) if box else [] for c, box in enumerate(row)]
            if any(texts):
                rows.append(texts)
                fill = [_fill(cells.get((entry, r, c), []), box) if box else (0, 0.0) for c, box in enumerate(row)]
        if rows:
            items.append(
                _Table(
                    rows,
                    top_of_page=position == 0,
                    bottom=grid.box[1],
                    ends_page=position == len(order) - 1,
                    last_fill=fill,
                    open_top=grid.open_top,
                    open_bottom=grid.open_bottom,
                )
            )
    return items


def _prose_lines(chars: list[str]) -> list[str]:
    return [line for line in re.split(r"\r\n|\n|\r", "".join(chars)) if line.strip()]


class _Locator:
    """Which table, row and cell a character box is in (tables and rows are few; a linear search will do)."""

    def __init__(self, grids: list[_Grid]) -> None:
        self.grids = grids

    def __call__(self, box) -> tuple[int, int, int] | None:
        x = (box[0] + box[2]) / 2
        y = (box[1] + box[3]) / 2
        for g, grid in enumerate(self.grids):
            left, bottom, right, top = grid.box
            if not (left - 1 <= x <= right + 1 and bottom - 1 <= y <= top + 1):
                continue
            for r, row in enumerate(grid.rows):
                for c, cell in enumerate(row):
                    if cell is not None and cell[0] - 1 <= x <= cell[2] + 1 and cell[1] - 1 <= y <= cell[3] + 1:
                        return (g, r, c)
            return None
        return None


@dataclass
class _Line:
    text: str
    right: float
    bottom: float
    first_word: float  # width of the text up to its first space: what would have fitted on the line above


def _cell_lines(chars: list[_Char]) -> list[_Line]:
    """A cell's text lines, split where the text moves down a line.

    PDFium's own line ends cannot be trusted here: cells side by side share its lines."""
    lines: list[_Line] = []
    current: list[_Char] = []
    line_bottom: float | None = None

    def close() -> None:
        drawn = [c for c in current if not c.generated]
        text = "".join(c.ch for c in current)
        if not text.strip() or not drawn:
            return
        left = min(c.box[0] for c in drawn)
        space = next((c.box[0] for c in current if c.ch == " " and c.box[0] > left), None)
        right = max(c.box[2] for c in drawn)
        lines.append(_Line(text, right, min(c.box[1] for c in drawn), (space if space is not None else right) - left))

    for c in chars:
        if c.ch in "\r\n":
            continue
        drawn = not c.generated and not _MARK.match(c.ch)
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


def _fill(chars: list[_Char], cell: Box) -> tuple[int, float]:
    """How many lines of text a cell holds, and how much white space (in line heights) is left under them."""
    drawn = [c for c in chars if not c.generated and not _MARK.match(c.ch)]
    if not drawn:
        return 0, 99.0
    heights = sorted(c.box[3] - c.box[1] for c in drawn)
    height = max(heights[len(heights) // 2], 1.0)
    lowest = min(c.box[1] for c in drawn)
    return len(_cell_lines(chars)), (lowest - cell[1]) / (2 * height)  # a line is about twice a letter's height


def _cell_paragraphs(chars: list[_Char], cell: Box) -> list[str]:
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
        if not paragraphs or _NEW_PARAGRAPH.match(text) or (gap > 0.3 * (right - left) and line.first_word < gap):
            paragraphs.append(text)
        else:
            paragraphs[-1] = _join_wrapped(paragraphs[-1], text)
        previous_right = line.right
    return paragraphs


def _join_wrapped(a: str, b: str) -> str:
    """Thai has no spaces between words, so a line wrapped between two Thai letters joins without one."""
    return a + ("" if _THAI_LETTER.match(b[:1]) and _THAI_LETTER.match(a[-1:]) else " ") + b


def _join_split_rows(pages: list[_Page | None], text_floor: float) -> None:
    """A row that a page break cut in two becomes one row again (LibreOffice and Word split long rows).

    The cut is where a table runs to the bottom of the text area and the next page starts with a table."""
    previous: _Table | None = None
    continuing = False  # the last row of ``previous`` already went on over a page
    # the first rows of tables that begin below some text: headers, which a page may repeat at its top
    headers = [
        item.rows[0]
        for page in pages
        if page is not None
        for item in page.lines
        if isinstance(item, _Table) and item.rows and not item.top_of_page
    ]
    for page in pages:
        if page is None or page.ocr_image is not None:
            previous = None
            continue
        first = page.lines[0] if page.lines else None
        if (
            previous is not None
            and isinstance(first, _Table)
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
                continuing,
                browser=previous.open_bottom and first.open_top,
            )
        ):
            upper, lower = previous.rows[-1], first.rows.pop(0)
            for c, paragraphs in enumerate(lower):
                if not paragraphs:
                    continue
                if upper[c]:
                    upper[c] = upper[c][:-1] + [_join_wrapped(upper[c][-1], paragraphs[0])] + paragraphs[1:]
                else:
                    upper[c] = list(paragraphs)
            if not first.rows and len(page.lines) == 1:
                # the whole page was the middle of one row: the row may go on over the next page
                previous.last_fill = first.last_fill
                continuing = True
                continue
        continuing = False
        last = page.lines[-1] if page.lines else None
        previous = last if isinstance(last, _Table) and last.rows else None


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
        if below and space > (8.0 if browser else 2.5):
            return False
    if browser:
        # a browser draws no border where it cuts a table, so a cell's box runs on to the page's end and
        # says little; what says more: a cut row goes on in some cells only (the others ended above), or
        # every cell that goes on is full to the bottom
        ended = any(above and not below for above, below in zip(upper, lower))
        all_full = all(space < 1.6 for below, (_l, space) in zip(lower, fill) if below)
        return ended or all_full
    return True


def _table_lines(table: _Table) -> list[str]:
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
