"""What a document reader hands to the report parser: the text, where each line came from, what was OCR'd."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import DocumentError
from .text import normalize_lines

PageBox = tuple[float, float, float, float]  # left, top, right, bottom as fractions of the page
CROP_MARGIN = 0.6  # a line's crop shows this many of its heights above and below it
CROP_DPI = 150

KINDS = {"pdf": "PDF", "docx": "Word (.docx)", "html": "เว็บเพจ (HTML)", "txt": "ข้อความ (.txt)", "image": "รูปภาพ"}


@dataclass(frozen=True)
class DocumentText:
    """A document's text, normalised (``normalize_text`` changes nothing more), with its provenance.

    ``line_pages[i]`` is the page of line ``i + 1`` (None where the format has no pages); ``line_boxes[i]``
    where that line stands on its page, as fractions of the page's width and height (left, top, right,
    bottom from the top-left corner; None where unknown); ``ocr_lines`` are 1-based line numbers read by
    OCR, whose numbers must be confirmed by a person before they count.
    """

    name: str
    kind: str
    text: str
    line_pages: tuple[int | None, ...] = ()
    line_boxes: tuple[PageBox | None, ...] = ()
    ocr_lines: frozenset[int] = frozenset()
    warnings: list[str] = field(default_factory=list)
    page_count: int = 0
    ocr_pages: frozenset[int] = frozenset()
    pages_unread: tuple[int, ...] = ()  # pages that could not be read (OCR limit, a page that failed)
    _render: Callable[[int], bytes] | None = field(default=None, repr=False, compare=False)

    @property
    def pages(self) -> list[int]:
        """The page of each line (0 where the format has no pages), in line order."""
        return [p or 0 for p in self.line_pages]

    @property
    def complete(self) -> bool:
        """Every page was read."""
        return not self.pages_unread

    def page_of_line(self, line_no: int) -> int | None:
        if 1 <= line_no <= len(self.line_pages):
            return self.line_pages[line_no - 1]
        return None

    def is_ocr_line(self, line_no: int) -> bool:
        return line_no in self.ocr_lines

    def box_of_line(self, line_no: int) -> PageBox | None:
        if 1 <= line_no <= len(self.line_boxes):
            return self.line_boxes[line_no - 1]
        return None

    def line_image(self, line_no: int) -> bytes | None:
        """A small PNG of the page around one line (the line's width and a little above and below it), for
        showing a number where it was read; None where the line's place on its page is not known."""
        page, box = self.page_of_line(line_no), self.box_of_line(line_no)
        if page is None or box is None or self._render is None:
            return None
        import io

        from PIL import Image

        with Image.open(io.BytesIO(self.page_image(page))) as image:
            width, height = image.size
            left, top, right, bottom = box
            pad_y = max((bottom - top) * CROP_MARGIN, 0.004)
            pad_x = 0.01
            crop = (
                max(0, int((left - pad_x) * width)),
                max(0, int((top - pad_y) * height)),
                min(width, int((right + pad_x) * width) + 1),
                min(height, int((bottom + pad_y) * height) + 1),
            )
            if crop[2] <= crop[0] or crop[3] <= crop[1]:
                return None
            out = io.BytesIO()
            image.crop(crop).save(out, format="PNG")
            return out.getvalue()

    def page_image(self, page: int) -> bytes:
        """The page as PNG bytes, for showing OCR'd numbers beside what was scanned."""
        if self._render is None:
            raise DocumentError(f"{self.name}: ไม่มีภาพของหน้าเอกสาร (this {self.kind} document has no page images)")
        if not 1 <= page <= max(self.page_count, 1):
            raise DocumentError(f"{self.name}: ไม่มีหน้า {page} (the document has {self.page_count} pages)")
        return self._render(page)


class TextBuilder:
    """Collects raw lines with their page and origin, then normalises them all in one place."""

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._pages: list[int | None] = []
        self._ocr: list[bool] = []
        self._boxes: list[PageBox | None] = []

    def add(self, text: str, page: int | None = None, ocr: bool = False, box: PageBox | None = None) -> None:
        """Raw lines of one page (``box``: where they stand on it, when the reader knows)."""
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            self._lines.append(line)
            self._pages.append(page)
            self._ocr.append(ocr)
            self._boxes.append(box)

    def blank(self, page: int | None = None) -> None:
        if self._lines and self._lines[-1].strip():
            self.add("", page)

    def build(self, name: str, kind: str, **fields) -> DocumentText:
        lines = normalize_lines(self._lines)
        while lines and not lines[-1][0].strip():
            lines.pop()
        text = "\n".join(line for line, _ in lines)
        pages = tuple(self._pages[i] for _, i in lines)
        boxes = tuple(self._boxes[i] for _, i in lines) if any(self._boxes) else ()
        ocr = frozenset(n for n, (_, i) in enumerate(lines, start=1) if self._ocr[i])
        return DocumentText(
            name=name, kind=kind, text=text, line_pages=pages, line_boxes=boxes, ocr_lines=ocr, **fields
        )
