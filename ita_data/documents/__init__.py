"""Documents as organisations publish them — PDF, Word, saved web pages, scans, zips of them — to text.

``read_document(data, name)`` decides the kind from the bytes and returns a ``DocumentText``: normalised
text (tables as tab-separated rows, which the report parser reads as tables), the page of every line, and
which lines came from OCR. ``expand``/``walk`` turn zips and folders into (name, bytes) entries.
Nothing here knows what an ITA report says; ``ita_data.reports`` reads the text.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from .archive import Entry, expand, walk
from .errors import DocumentError, too_large
from .limits import MAX_BYTES, MAX_OCR_PAGES, MAX_PAGES
from .model import KINDS, DocumentText, TextBuilder
from .sniff import kind_of
from .text import decode_bytes

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "MAX_OCR_PAGES",
    "MAX_PAGES",
    "SUFFIXES",
    "DocumentError",
    "DocumentText",
    "Entry",
    "expand",
    "kind_of",
    "read_document",
    "renderer",
    "walk",
]

SUFFIXES = ("pdf", "docx", "html", "htm", "mhtml", "mht", "txt", "png", "jpg", "jpeg", "tif", "tiff", "zip")


def read_document(data: bytes, name: str, ocr: bool = True) -> DocumentText:
    """The text of one document; DocumentError (Thai first, naming the file) when it cannot be read.

    ``ocr=False`` leaves scanned pages unread (listed in ``pages_unread``) instead of running Tesseract."""
    if len(data) > MAX_BYTES:
        raise too_large(name, len(data))
    key = (hashlib.sha256(data).digest(), name, ocr)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    document = _read(data, name, ocr)
    _CACHE.put(key, document, len(data) + 4 * len(document.text))
    return document


def renderer(kind: str, data: bytes, name: str):
    """The page-image function of a document of that kind (None for kinds without pages)."""
    if kind == "pdf":
        from .pdf import _renderer

        return _renderer(data, name)
    if kind == "image":
        from .scan import image_renderer

        return image_renderer(data)
    return None


def _read(data: bytes, name: str, ocr: bool) -> DocumentText:
    kind = kind_of(data)
    try:
        if kind == "pdf":
            from .pdf import read_pdf

            return read_pdf(data, name, ocr=ocr)
        if kind == "docx":
            from .word import read_docx

            return read_docx(data, name)
        if kind == "html":
            from .web import read_html

            return read_html(data, name)
        if kind == "mhtml":
            from .web import read_mhtml

            return read_mhtml(data, name)
        if kind == "image":
            from .scan import read_image

            return read_image(data, name, ocr=ocr)
        if kind == "zip":
            raise DocumentError(
                f"{name}: เป็นไฟล์ zip ที่มีหลายไฟล์ ให้แตกไฟล์ก่อนหรือนำเข้าทั้ง zip (a zip archive holds several "
                f"documents; import the archive, not one document)"
            )
        if kind == "office":
            raise DocumentError(
                f"{name}: เป็นไฟล์ Office ที่ยังไม่รองรับ (.doc, .xls, .xlsx, .pptx, .odt) ให้บันทึกเป็น .docx หรือ PDF "
                f"(unsupported Office format; save as .docx or PDF; result tables go through import-table)"
            )
        text, warnings = decode_bytes(data, name)
        builder = TextBuilder()
        builder.add(text)
        return builder.build(name, "txt", warnings=warnings, page_count=0)
    except DocumentError:
        raise
    except (MemoryError, RecursionError):
        raise DocumentError(f"{name}: ไฟล์ซับซ้อนเกินกว่าจะอ่านได้ (document too complex to read)") from None
    except Exception as err:  # noqa: BLE001 - a damaged file makes libraries raise anything; say so and name the file
        what = KINDS.get(kind, kind)
        raise DocumentError(
            f"{name}: ไฟล์ {what} เสียหาย อ่านไม่ได้ (damaged file: {type(err).__name__}: {err})"[:500]
        ) from None


class _Cache:
    """The last documents read: a safety net for a caller that reads the same bytes twice (each import
    path hands its reading on, so none should).

    A PDF's or an image's entry keeps its bytes (for page images), so the cache is bounded in bytes too."""

    def __init__(self, size: int = 64, max_bytes: int = 128 * 2**20) -> None:
        self._items: OrderedDict[tuple, tuple[DocumentText, int]] = OrderedDict()
        self._size = size
        self._max_bytes = max_bytes
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> DocumentText | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: tuple, document: DocumentText, size: int = 0) -> None:
        with self._lock:
            if key in self._items:
                self._bytes -= self._items.pop(key)[1]
            self._items[key] = (document, size)
            self._bytes += size
            while len(self._items) > self._size or (self._bytes > self._max_bytes and len(self._items) > 1):
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped


_CACHE = _Cache()
