"""Grids from pages as officers take them away from a browser: a saved page (.html), rows copied from it
(tab-separated text, a file or pasted), the page printed to PDF.

The document readers turn each into text whose tables are tab-separated rows (``documents.web`` drops the
page's menus, ``documents.pdf`` reads ruled tables cell by cell); here those rows become grids. Lines that
are no table row (a title, a menu left over, a printed page's header and footer) end a block of rows; a
block as wide as the block before it is that table carried on (a printed table runs over many pages).
What the prose says of the year ("ปีงบประมาณ พ.ศ. 2566") is kept as the year the table states. A line of
fewer than three cells is prose too: the PDF reader writes the gaps of a page's layout as tabs.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium

from ita_data import labels, thai
from ita_data.documents import DocumentError, limits, pdf, web
from ita_data.tables import limits as table_limits
from ita_data.tables.limits import quoted
from ita_data.tables.model import Grid, Grids, TableError

# "ปีงบประมาณ พ.ศ. ๒๕๖๖", "ประจำปีงบประมาณ 2566": a year stated in the words around a table.
_STATED_YEAR = re.compile(r"ปีงบประมาณ\s*(?:พ\.\s*ศ\.)?\s*([0-9๐-๙]{4})(?![0-9๐-๙])")
# The address of the page as a browser keeps it in a saved page: "?year=2023&provinceId=19" (C.E.).
_ADDRESS_YEAR = re.compile(rb"saved from url=\([0-9]+\)[^\s>]*?[?&]year=([0-9]{4})", re.IGNORECASE)


@dataclass
class _Block:
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(cells) for _, cells in self.rows), default=0)


_THAI = re.compile(r"[\u0e01-\u0e5b]")
MIN_COLUMNS = 3  # a result table names the organisation, its province and a score


def _one_line(cell: str) -> str:
    """A cell the document readers wrote as several lines (``a<br>b``, HTML-escaped) as one line: a name
    wrapped in its column is one name. Thai runs on without a space (the line broke inside a word, or
    where Thai writes none); anything else is joined by a space."""
    cell = cell.strip()
    if "<br>" not in cell:
        return cell
    out = ""
    for part in (html.unescape(p).strip() for p in cell.split("<br>")):
        if out and part and not (_THAI.match(out[-1]) and _THAI.match(part[0])):
            out += " "
        out += part
    return out


def text_grids(lines: list[tuple[int, str]], titles: str, *, by_table_row: bool) -> tuple[list[Grid], list[int]]:
    """Tab-separated rows as grids (a table carried on over pages is one grid), and the years the other
    lines state. ``lines`` are (line number, text); ``titles`` names each grid ("ตาราง {n}"). A message names
    a row by its line (text a person pasted or opens in an editor) or, ``by_table_row``, by its place in
    its table (a page's table, whose text lines no one sees)."""
    blocks: list[_Block] = []
    current: _Block | None = None
    years: list[int] = []
    for number, line in lines:
        # A line of one or two filled cells is no row of a result table (a name, a province and a score):
        # it is what a page's layout put side by side (a printed page's header and footer with the blanks
        # between them, a form's fields), which a page read alone cannot tell from furniture by repetition.
        if sum(1 for cell in line.split("\t") if cell.strip()) >= MIN_COLUMNS:
            if current is None:
                current = _Block()
                blocks.append(current)
            current.rows.append((number, [_one_line(cell) for cell in line.split("\t")]))
            if len(current.rows) > table_limits.MAX_ROWS:
                raise TableError(labels.TABLE_CSV_TOO_MANY_ROWS.format(name="-", limit=table_limits.MAX_ROWS))
            continue
        if line.strip():
            years += [int(thai.to_arabic(m.group(1))) for m in _STATED_YEAR.finditer(line)]
        current = None
    merged: list[_Block] = []
    for block in blocks:
        if merged and block.width == merged[-1].width:
            merged[-1].rows.extend(block.rows)  # the same table on the next page
        else:
            merged.append(block)
    if by_table_row:
        for block in merged:
            block.rows = [(k, cells) for k, (_, cells) in enumerate(block.rows, start=1)]
    grids = [Grid(titles.format(n=n), b.rows) for n, b in enumerate(merged, start=1)]
    return grids, list(dict.fromkeys(years))


def _lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=1))


def html_grids(data: bytes, file_name: str) -> Grids:
    """A saved web page's tables (its menus, scripts and hidden parts dropped); rows numbered in its text."""
    try:
        document = web.read_mhtml(data, file_name) if file_name.lower().endswith((".mhtml", ".mht")) else None
        document = document or web.read_html(data, file_name)
    except DocumentError as err:
        raise TableError(str(err)) from None
    grids, years = text_grids(_lines(document.text), labels.TABLE_PAGE_TABLE, by_table_row=True)
    if not grids:
        raise TableError(labels.TABLE_PAGE_NO_TABLE.format(name=quoted(file_name)))
    found = Grids(grids, notes=list(document.warnings), stated_years=years)
    address = _ADDRESS_YEAR.search(data[:4096])
    if address:
        found.address_year = int(address.group(1))
    return found


def copied_grids(text: str) -> Grids:
    """Rows copied from a browser: tab-separated, with whatever else was selected around them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    grids, years = text_grids(_lines(text), labels.TABLE_PAGE_TABLE, by_table_row=False)
    return Grids(grids, stated_years=years)


def pdf_grids(data: bytes, file_name: str) -> Grids:
    """A page printed to PDF: its ruled tables, cell by cell. A national table runs to hundreds of pages,
    more than one report may have, so it is read in parts of at most ``documents.limits.MAX_PAGES``."""
    texts: list[str] = []
    warnings: list[str] = []
    for part in _pdf_parts(data, file_name):
        try:
            document = pdf.read_pdf(part, file_name, ocr=False)
        except DocumentError as err:
            raise TableError(str(err)) from None
        if document.pages_unread:
            raise TableError(labels.TABLE_PDF_SCANNED.format(name=quoted(file_name)))
        texts.append(document.text)
        warnings += document.warnings
    grids, years = text_grids(_lines("\n\n".join(texts)), labels.TABLE_PAGE_TABLE, by_table_row=True)
    if not grids:
        raise TableError(labels.TABLE_PDF_NO_TABLE.format(name=quoted(file_name)))
    return Grids(grids, notes=warnings, stated_years=years)


def pdf_page_count(data: bytes) -> int:
    """How many pages a PDF has."""
    with pdf.PDFIUM_LOCK:
        document = pdf.open_document(data, "-")
        try:
            return len(document)
        finally:
            document.close()


def _pdf_parts(data: bytes, file_name: str) -> list[bytes]:
    """The PDF itself, or copies of it of at most MAX_PAGES pages each."""
    with pdf.PDFIUM_LOCK:
        try:
            source = pdf.open_document(data, file_name)
        except DocumentError as err:
            raise TableError(str(err)) from None
        try:
            count = len(source)
            if count <= limits.MAX_PAGES:
                return [data]
            if count > table_limits.MAX_PDF_PAGES:
                raise TableError(
                    labels.TABLE_PDF_TOO_MANY_PAGES.format(
                        name=quoted(file_name), pages=count, limit=table_limits.MAX_PDF_PAGES
                    )
                )
            parts = []
            for start in range(0, count, limits.MAX_PAGES):
                part = pdfium.PdfDocument.new()
                part.import_pages(source, list(range(start, min(count, start + limits.MAX_PAGES))))
                buffer = io.BytesIO()
                part.save(buffer)
                part.close()
                parts.append(buffer.getvalue())
            return parts
        finally:
            source.close()
