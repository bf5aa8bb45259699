"""Thai digits in a scan, read again from the page image.

Debian's Thai models for Tesseract (``tha`` and ``script/Thai``) have no ๔ ๖ ๗ ๘ ๙ in their character set:
``combine_tessdata -u`` lists only ๐ ๑ ๒ ๓ ๕. Tesseract therefore reads ๒๕๖๖ as ๒๕๒๒ or ๒๕๒๐๒, and no
image processing changes that. Here each run of digits that Tesseract found is cut out of the page image
(its boxes come from Tesseract's hOCR), split into glyphs (connected components), and each glyph is matched
against the ten digits drawn in the Thai fonts installed with the project (``fonts-thai-tlwg``: Laksaman is
the TLWG copy of TH Sarabun, the government's font). The result is still OCR: every number from a scan is
held for a person to confirm beside the page image.
"""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
FONT_GLOBS = ("/usr/share/fonts/truetype/tlwg/*.ttf", "/usr/share/fonts/opentype/tlwg/*.otf")
# Faces whose digits are drawn like print: slanted and handwriting faces are left out.
_SKIPPED_FACES = re.compile(r"Oblique|Italic|Purisa", re.IGNORECASE)
SIDE = 20  # a glyph is compared as a SIDE × SIDE square
TEMPLATE_SIZES = (18, 26, 40)  # pixel sizes the digits are drawn at (a 14-pt line at 100-300 dpi)
MAX_RUN_HEIGHT = 300  # pixels: a 14-pt line at 200 dpi is about 40
MIN_SCORE = 0.55  # below this a glyph looks like no digit: Tesseract's reading of the run is kept
_DIGIT_RUN = re.compile(r"[๐-๙][๐-๙0-9]*")


@dataclass(frozen=True)
class Symbol:
    text: str
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 on the image Tesseract read


class _HocrSymbols(HTMLParser):
    """The symbols of each line of Tesseract's hOCR (``hocr_char_boxes=1``), with their boxes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[Symbol]] = []
        self._box: tuple[int, int, int, int] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        kind, title = values.get("class") or "", values.get("title") or ""
        if kind in ("ocr_line", "ocr_textfloat", "ocr_header", "ocr_caption"):
            self.lines.append([])
        elif kind == "ocrx_cinfo" and title.startswith("x_bboxes"):
            numbers = title.split(";")[0].split()[1:5]
            self._box = tuple(int(n) for n in numbers) if len(numbers) == 4 else None  # type: ignore[assignment]
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._box is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._box is not None and tag == "span":
            if self.lines:
                self.lines[-1].append(Symbol("".join(self._text), self._box))
            self._box = None


def hocr_lines(hocr: str) -> list[list[Symbol]]:
    parser = _HocrSymbols()
    parser.feed(hocr)
    return [line for line in parser.lines if line]


# --- the digits as drawn in the installed fonts ------------------------------------------------------


def font_files() -> list[str]:
    by_face: dict[str, str] = {}
    for pattern in FONT_GLOBS:  # one file a face, the TrueType one where both are installed
        for path in sorted(glob.glob(pattern)):
            if not _SKIPPED_FACES.search(path):
                by_face.setdefault(Path(path).stem, path)
    return sorted(by_face.values())


def _feature(mask: np.ndarray) -> np.ndarray:
    """A glyph (bool array cropped to its ink) as a unit vector: centred in a square, scaled, blurred."""
    from PIL import Image, ImageFilter

    height, width = mask.shape
    side = max(height, width)
    square = np.zeros((side, side), dtype=np.uint8)
    top, left = (side - height) // 2, (side - width) // 2
    square[top : top + height, left : left + width] = mask * 255
    small = Image.fromarray(square).resize((SIDE, SIDE), Image.Resampling.BILINEAR)
    vector = np.asarray(small.filter(ImageFilter.GaussianBlur(0.7)), dtype=np.float32).ravel()
    vector -= vector.mean()
    return vector / (float(np.linalg.norm(vector)) + 1e-6)


def _crop_to_ink(mask: np.ndarray) -> np.ndarray | None:
    rows, cols = np.nonzero(mask)
    if rows.size == 0:
        return None
    return mask[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]


@lru_cache(maxsize=4)
def templates(fonts: tuple[str, ...] | None = None) -> tuple[np.ndarray, str]:
    """Every digit in every font and size as rows of a matrix, and the digit of each row."""
    from PIL import Image, ImageDraw, ImageFont

    rows: list[np.ndarray] = []
    labels: list[str] = []
    for path in fonts if fonts is not None else tuple(font_files()):
        for size in TEMPLATE_SIZES:
            try:
                font = ImageFont.truetype(path, size)
            except OSError:
                continue
            for digit in THAI_DIGITS:
                canvas = Image.new("L", (size * 2, size * 2), 255)
                ImageDraw.Draw(canvas).text((size // 2, size // 4), digit, font=font, fill=0)
                glyph = _crop_to_ink(np.asarray(canvas) < 128)
                if glyph is not None:
                    rows.append(_feature(glyph))
                    labels.append(digit)
    if not rows:
        return np.zeros((0, SIDE * SIDE), dtype=np.float32), ""
    return np.vstack(rows), "".join(labels)


def classify(glyph: np.ndarray, fonts: tuple[str, ...] | None = None) -> tuple[str, float]:
    """The digit a glyph (bool array, ink True) looks most like, and how alike (cosine, 0–1)."""
    matrix, labels = templates(fonts)
    cropped = _crop_to_ink(glyph)
    if not labels or cropped is None:
        return "", 0.0
    scores = matrix @ _feature(cropped)
    best = int(np.argmax(scores))
    return labels[best], float(scores[best])


# --- glyphs in a run of digits -----------------------------------------------------------------------


def _otsu(gray: np.ndarray) -> int:
    histogram = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    levels = np.arange(256)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1e-9)
    return int(np.argmax(between))


@dataclass
class _Ink:
    """A connected piece of ink: its columns [x0, x1), rows [y0, y1), and its pixels on the whole crop."""

    x0: int
    x1: int
    y0: int
    y1: int
    pixels: np.ndarray

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    def join(self, other: _Ink) -> None:
        self.x0, self.x1 = min(self.x0, other.x0), max(self.x1, other.x1)
        self.y0, self.y1 = min(self.y0, other.y0), max(self.y1, other.y1)
        self.pixels = self.pixels | other.pixels


def _components(mask: np.ndarray) -> list[_Ink]:
    """The 8-connected pieces of ink of a (small) crop."""
    height, width = mask.shape
    labels = np.zeros(mask.shape, dtype=np.int32)
    found: list[_Ink] = []
    current = 0
    for y, x in zip(*np.nonzero(mask)):
        if labels[y, x]:
            continue
        current += 1
        stack = [(int(y), int(x))]
        labels[y, x] = current
        while stack:
            cy, cx = stack.pop()
            for ny in (cy - 1, cy, cy + 1):
                for nx in (cx - 1, cx, cx + 1):
                    if 0 <= ny < height and 0 <= nx < width and mask[ny, nx] and not labels[ny, nx]:
                        labels[ny, nx] = current
                        stack.append((ny, nx))
        pixels = labels == current
        rows, cols = np.nonzero(pixels)
        found.append(_Ink(int(cols.min()), int(cols.max()) + 1, int(rows.min()), int(rows.max()) + 1, pixels))
    return found


def _parts(mask: np.ndarray, box: tuple[int, int, int, int]) -> list[_Ink]:
    """The ink of a run: pieces centred inside ``box`` (x0, y0, x1, y1 in the mask's coordinates), tall
    enough to be a digit, the pieces of one broken glyph joined; left to right."""
    bx0, by0, bx1, by1 = box
    line_height = max(1, by1 - by0)
    parts = [
        ink
        for ink in _components(mask)
        if ink.height <= 1.6 * line_height  # not a table's rule, nor a neighbouring line's tall letter
        and bx0 <= (ink.x0 + ink.x1) / 2 <= bx1
        and by0 <= (ink.y0 + ink.y1) / 2 <= by1
    ]
    if not parts:
        return []
    tallest = max(p.height for p in parts)
    parts = sorted((p for p in parts if p.height >= 0.4 * tallest), key=lambda p: p.x0)  # no dots or specks
    merged: list[_Ink] = []
    for part in parts:
        if merged:
            last = merged[-1]
            overlap = min(part.x1, last.x1) - max(part.x0, last.x0)
            shorter = min(part.height, last.height) < 0.75 * max(part.height, last.height)
            if shorter and overlap > 0.5 * min(part.width, last.width):  # one glyph broken in two
                last.join(part)
                continue
        merged.append(part)
    return merged


def _split(pixels: np.ndarray, x0: int, x1: int, pieces: int) -> list[np.ndarray]:
    """Touching glyphs cut into ``pieces`` at the columns with least ink near even spacing."""
    columns = pixels[:, x0:x1].sum(axis=0)
    width = x1 - x0
    cuts = [0]
    for i in range(1, pieces):
        aim = round(i * width / pieces)
        reach = max(1, width // (4 * pieces))
        window = range(max(cuts[-1] + 1, aim - reach), min(width - 1, aim + reach) + 1)
        cuts.append(min(window, key=lambda c: (columns[c], abs(c - aim))) if window else aim)
    cuts.append(width)
    out = []
    for left, right in zip(cuts, cuts[1:]):
        piece = np.zeros_like(pixels)
        piece[:, x0 + left : x0 + right] = pixels[:, x0 + left : x0 + right]
        out.append(piece)
    return out


def _read_part(part: _Ink, fonts: tuple[str, ...] | None) -> tuple[str, float]:
    """One component as one digit, or as touching ones: the count its width suggests (a digit is about as
    wide as it is tall), one fewer or one more, whichever reads best; fewer glyphs unless clearly worse."""
    height, width = max(1, part.height), part.width
    estimate = width / (0.95 * height)
    counts = sorted({max(1, min(6, n)) for n in (int(estimate), round(estimate), int(estimate) + 1)})
    best = ("", -1.0)
    for pieces in counts:
        if pieces > 1 and width / pieces < 0.4 * height:
            break
        readings = [classify(piece, fonts) for piece in _split(part.pixels, part.x0, part.x1, pieces)]
        score = min(r[1] for r in readings)
        if score > best[1] + (0.05 if best[0] else 0):
            best = ("".join(r[0] for r in readings), score)
    return best


def read_run(gray: np.ndarray, box: tuple[int, int, int, int], fonts: tuple[str, ...] | None = None) -> str | None:
    """The digits of one run whose box (x0, y0, x1, y1) Tesseract gave on the grayscale page, or None when
    a glyph matches no digit well enough. The glyphs are looked for a little beyond the box, since
    Tesseract's boxes of the digits it could not read are often short."""
    x0, y0, x1, y1 = box
    height = max(1, y1 - y0)
    if height > MAX_RUN_HEIGHT or x1 - x0 > 40 * height:
        return None  # no run of digits on a page is that big: a box Tesseract got wrong
    top, left = max(0, y0 - height // 3), max(0, x0 - height)
    crop = gray[top : y1 + height // 3, left : x1 + height]
    if crop.size == 0:
        return None
    mask = crop < min(_otsu(crop), 200)
    digits = []
    for part in _parts(mask, (x0 - left, y0 - top, x1 - left, y1 - top)):
        reading, score = _read_part(part, fonts)
        if score < MIN_SCORE:
            return None
        digits.append(reading)
    return "".join(digits) or None


# --- Tesseract's text with its Thai digits read again ------------------------------------------------


def reread(text: str, hocr: str, image: np.ndarray) -> tuple[str, int]:
    """Tesseract's plain text with each run of Thai digits replaced by the glyphs' own reading.

    ``image`` is the grayscale page Tesseract read. The hOCR lines are matched to the text's lines by their
    characters (spaces aside); a line that does not match is left as Tesseract read it. Returns the text and
    how many runs changed."""
    symbol_lines = hocr_lines(hocr)
    out: list[str] = []
    changed = 0
    index = 0
    for line in text.split("\n"):
        bare = line.replace(" ", "")
        if not bare:
            out.append(line)
            continue
        while index < len(symbol_lines) and "".join(s.text for s in symbol_lines[index]).replace(" ", "") != bare:
            index += 1
        if index >= len(symbol_lines):
            out.append(line)
            index = 0  # lost: later lines are looked for from the top again
            continue
        new_line, n = _reread_line(line, symbol_lines[index], image)
        out.append(new_line)
        changed += n
        index += 1
    return "\n".join(out), changed


def _reread_line(line: str, symbols: list[Symbol], image: np.ndarray) -> tuple[str, int]:
    # Position of each non-space character of the line -> the symbol that produced it.
    owner: list[int] = []
    for k, symbol in enumerate(symbols):
        owner.extend([k] * len(symbol.text.replace(" ", "")))
    positions = [i for i, ch in enumerate(line) if ch != " "]
    if len(owner) != len(positions):
        return line, 0
    at = {p: n for n, p in enumerate(positions)}
    pieces: list[str] = []
    last = 0
    changed = 0
    for match in _DIGIT_RUN.finditer(line):
        first, end = at[match.start()], at[match.end() - 1]
        run = sorted(set(owner[first : end + 1]))
        boxes = [symbols[k].box for k in run]
        # Tesseract stretches the box of a glyph it could not read: the run's line is the median one.
        y0, y1 = int(np.median([b[1] for b in boxes])), int(np.median([b[3] for b in boxes]))
        # Tesseract's boxes often miss the edges of a glyph it could not read: the run starts where the
        # symbol before it ends, and may reach a third of a line's height past its last box (not past the
        # start of the next symbol's box).
        height = max(1, y1 - y0)
        x0 = symbols[run[0] - 1].box[2] if run[0] > 0 else min(b[0] for b in boxes) - height
        x0 = min(x0, min(b[0] for b in boxes))
        x1 = max(b[2] for b in boxes) + height // 3
        if run[-1] + 1 < len(symbols):
            after = symbols[run[-1] + 1]
            stop = after.box[0] if not after.text[:1].isdigit() else (after.box[0] + after.box[2]) // 2 - height
            x1 = max(min(x1, stop), max(b[2] for b in boxes))
        digits = read_run(image, (x0, y0, x1, y1))
        # Tesseract splits a digit it cannot write into two (๖ as ๒๐) but does not miss one: more glyphs
        # than it read means a neighbour's glyph was taken in.
        if digits and digits != match.group() and len(digits) <= len(match.group()):
            pieces.append(line[last : match.start()])
            pieces.append(digits)
            last = match.end()
            changed += 1
    pieces.append(line[last:])
    return "".join(pieces), changed
