"""PDF: the text layer page by page through PDFium, laid out from where each character stands (ruled
tables as tab-separated rows, tab-aligned rows as cells, wrapped lines as paragraphs), scanned pages OCR'd.

``pdf_chars`` puts PDFium's characters back as they were written, ``pdf_tables`` finds ruled tables
(pdfplumber) and ``pdf_lines`` lays out the rest. PDFium is not thread-safe: every call into it holds one lock.
"""

from __future__ import annotations

import io
import math
import re
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import scan
from .errors import DocumentError
from .limits import MAX_OCR_PAGES, MAX_PAGES
from .model import DocumentText, TextBuilder
from .pdf_chars import THAI, Box, page_chars
from .pdf_lines import Line, Rhythm, align_columns, drop_furniture, join_paragraphs, page_items
from .pdf_tables import Plumber, Table, join_split_rows, page_rules, table_lines

PDFIUM_LOCK = threading.RLock()
MIN_TEXT_CHARS = 16  # a page with less text than this (a page number, a stamp) and an image is a scan
OCR_DPI = 200
PREVIEW_DPI = 110
MAX_RENDER_PIXELS = 16_000_000


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
    lines: list[Line | Table]
    ocr_image: bytes | None = None  # the rendered page, when it has no text layer
    text_floor: float | None = None  # the lowest character on the page
    ocr_layer: bool = False  # the text is a scanner's OCR: invisible text laid over a page image
    mediabox: Box = (0.0, 0.0, 0.0, 0.0)  # left, bottom, right, top in points


def _read_pages(doc: pdfium.PdfDocument, data: bytes, name: str, count: int, ocr: bool) -> DocumentText:
    warnings: list[str] = []
    unread: list[int] = []
    plumber = Plumber(data)
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

    laid = [p.lines if p is not None and p.ocr_image is None else None for p in pages]
    boxes = [p.mediabox if p is not None else (0.0, 0.0, 0.0, 0.0) for p in pages]
    drop_furniture(laid, boxes)
    rhythm = Rhythm.of(laid)
    join_paragraphs(laid, boxes, rhythm)
    for items in laid:
        if items:
            align_columns(items, rhythm)
    floors = [p.text_floor for p in pages if p is not None and p.text_floor is not None]
    if floors:
        join_split_rows(laid, min(floors))
    builder = TextBuilder()
    layered: list[int] = []
    for number, read in enumerate(pages, start=1):
        if read is None:
            continue
        if number in texts:
            builder.add(texts[number], number, ocr=True)
        else:
            for item in read.lines:
                if isinstance(item, Table):
                    for line, box in zip(table_lines(item), item.row_boxes):
                        builder.add(_latin_thai(line), number, ocr=read.ocr_layer, box=_on_page(box, read.mediabox))
                else:
                    builder.add(
                        _latin_thai(item.text), number, ocr=read.ocr_layer, box=_on_page(item.box, read.mediabox)
                    )
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
    if latin < 4 or latin < 0.5 * len(line.replace(" ", "")) or THAI.search(line):
        return line
    try:
        thai = line.encode("cp1252", errors="strict").decode("cp874", errors="strict")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            thai = line.encode("latin-1").decode("cp874")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return line
    return thai if len(THAI.findall(thai)) >= latin * 0.8 else line


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


def _on_page(box: Box, mediabox: Box) -> tuple[float, float, float, float] | None:
    """A box in PDF points as fractions of the page (left, top, right, bottom from the top-left corner)."""
    left, bottom, right, top = mediabox
    width, height = right - left, top - bottom
    if width <= 0 or height <= 0:
        return None
    return (
        min(1.0, max(0.0, (box[0] - left) / width)),
        min(1.0, max(0.0, (top - box[3]) / height)),
        min(1.0, max(0.0, (box[2] - left) / width)),
        min(1.0, max(0.0, (top - box[1]) / height)),
    )


def _read_page(doc: pdfium.PdfDocument, number: int, plumber: Plumber, warnings: list[str], name: str) -> _Page:
    with PDFIUM_LOCK:
        page = doc[number - 1]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS and _has_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE, 1):
            pgm = io.BytesIO()
            _render(page, OCR_DPI).save(pgm, format="PPM")
            return _Page([], pgm.getvalue())
        rules = page_rules(page)
        left, bottom, right, top = page.get_mediabox()
        ocr_layer = _invisible_text_over_image(page)
    grids = plumber.tables(number, rules, warnings, name) if len(rules) >= 4 else []
    with PDFIUM_LOCK:
        chars = page_chars(textpage, text)
    floor = min((c.box[1] for c in chars if not c.generated), default=None)
    mediabox = (left, bottom, right, top)
    return _Page(page_items(chars, grids), text_floor=floor, ocr_layer=ocr_layer, mediabox=mediabox)


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
