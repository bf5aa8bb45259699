"""Thai digits in scans, read again from the page image (ita_data.documents.thai_digits).

Debian's Thai model for Tesseract has no ๔ ๖ ๗ ๘ ๙; these tests draw digits the way a 200-dpi scan of a
14-point document shows them and check what comes back."""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from ita_data.documents import read_document, thai_digits

SARABUN = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"  # TLWG's copy of TH Sarabun
SCAN_PX = 39  # 14 pt at 200 dpi


def _scanned(image: Image.Image, seed: int) -> Image.Image:
    """Blur, a slight tilt and sensor noise, as a flatbed scanner leaves a page."""
    rng = np.random.default_rng(seed)
    image = image.rotate(0.3, fillcolor=255, resample=Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(0.7))
    noisy = np.asarray(image, dtype=np.float32) + rng.normal(0, 15, (image.height, image.width))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def _line(text: str, font_path: str = SARABUN, size: int = SCAN_PX, spacing: int | None = None) -> Image.Image:
    font = ImageFont.truetype(font_path, size)
    image = Image.new("L", (size * (len(text) + 4), size * 3), 255)
    draw = ImageDraw.Draw(image)
    if spacing is None:
        draw.text((size, size), text, font=font, fill=0)
    else:  # glyph by glyph, ``spacing`` pixels apart (negative: they touch)
        x: float = size
        for ch in text:
            draw.text((x, size), ch, font=font, fill=0)
            left, _, right, _ = draw.textbbox((x, size), ch, font=font)
            x = right + spacing
    return image


def _ink(image: Image.Image) -> np.ndarray:
    return np.asarray(image) < 128


@pytest.mark.parametrize("size", [24, 31, 44])
def test_every_digit_in_the_government_font_is_read_from_a_scan(size):
    for n, digit in enumerate(thai_digits.THAI_DIGITS):
        glyph = _ink(_scanned(_line(digit, size=size), seed=n))
        read, score = thai_digits.classify(glyph)
        assert read == digit, f"{digit} at {size}px read as {read} ({score:.2f})"
        assert score >= thai_digits.MIN_SCORE


def test_digits_of_a_font_it_has_never_seen_are_mostly_read():
    """The Sarabun family left out of the templates: the other Thai faces still read most of its digits."""
    others = tuple(f for f in thai_digits.font_files() if "Laksaman" not in f)
    assert others, "fonts-thai-tlwg is installed by the project's set-up"
    trials = [(digit, size) for digit in thai_digits.THAI_DIGITS for size in (22, 28, 34, 40)]
    right = sum(thai_digits.classify(_ink(_line(d, size=s)), others)[0] == d for d, s in trials)
    assert right / len(trials) >= 0.8


def test_touching_digits_are_cut_apart():
    year = _scanned(_line("๒๕๖๘", spacing=-2), seed=7)
    gray = np.asarray(year)
    rows, cols = np.nonzero(gray < 128)
    box = (int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1)
    assert thai_digits.read_run(gray, box) == "๒๕๖๘"


def test_a_run_that_is_not_digits_is_left_to_tesseract():
    gray = np.asarray(_line("กขฃ"))
    rows, cols = np.nonzero(gray < 128)
    box = (int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1)
    read = thai_digits.read_run(gray, box)
    assert read is None or len(read) == 3  # never more glyphs than it saw


def test_hocr_symbols_keep_their_boxes_per_line():
    hocr = (
        "<div class='ocr_page'><span class='ocr_line' title='bbox 0 0 90 30'>"
        "<span class='ocrx_word'><span class='ocrx_cinfo' title='x_bboxes 1 2 10 20; x_conf 90'>พ</span>"
        "<span class='ocrx_cinfo' id='lstm_choices_1'><span class='ocrx_cinfo' title='x_confs 1'>ห</span></span>"
        "<span class='ocrx_cinfo' title='x_bboxes 11 2 20 20; x_conf 80'>&amp;</span></span></span>"
        "<span class='ocr_line' title='bbox 0 40 90 70'><span class='ocrx_word'>"
        "<span class='ocrx_cinfo' title='x_bboxes 30 41 40 60; x_conf 70'>๒</span></span></span></div>"
    )
    lines = thai_digits.hocr_lines(hocr)
    assert [[(s.text, s.box) for s in line] for line in lines] == [
        [("พ", (1, 2, 10, 20)), ("&", (11, 2, 20, 20))],
        [("๒", (30, 41, 40, 60))],
    ]


def test_a_line_that_does_not_match_the_hocr_is_kept_as_tesseract_read_it():
    hocr = "<span class='ocr_line'><span class='ocrx_cinfo' title='x_bboxes 0 0 9 9'>ก</span></span>"
    text, changed = thai_digits.reread("ปี ๒๕๒๒", hocr, np.full((20, 20), 255, dtype=np.uint8))
    assert (text, changed) == ("ปี ๒๕๒๒", 0)


def test_a_scanned_year_and_score_come_out_as_printed():
    rng = random.Random(3)
    year = f"๒๕{rng.choice('๖')}{rng.choice('๔๖๗๘๙')}"
    score = "".join(rng.choice(thai_digits.THAI_DIGITS[4:]) for _ in range(2)) + "." + "๔๗"
    page = Image.new("L", (1600, 400), 255)
    page.paste(_line(f"ประจำปีงบประมาณ พ.ศ. {year}"), (60, 40))
    page.paste(_line(f"ได้คะแนนรวม {score} คะแนน"), (60, 200))
    png = io.BytesIO()
    _scanned(page, seed=11).save(png, format="PNG")
    document = read_document(png.getvalue(), "scan.png")
    assert year in document.text and score in document.text
    assert document.ocr_lines == frozenset(range(1, len(document.text.split("\n")) + 1))


_SYMBOL = st.sampled_from(list("กขปีงบ.๐๑๒๓๕") + ["7", "๒๐", "  "])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(_SYMBOL, st.tuples(*[st.integers(-20, 400)] * 4)), min_size=1, max_size=8),
        min_size=1,
        max_size=4,
    ),
    st.integers(0, 255),
)
def test_any_hocr_and_image_give_back_as_many_lines_and_never_raise(lines, shade):
    hocr = "".join(
        "<span class='ocr_line'>"
        + "".join(f"<span class='ocrx_cinfo' title='x_bboxes {a} {b} {c} {d}'>{t}</span>" for t, (a, b, c, d) in line)
        + "</span>"
        for line in lines
    )
    text = "\n".join("".join(t for t, _ in line) for line in lines)
    image = np.full((120, 360), shade, dtype=np.uint8)
    image[40:80, 30:300:7] = 255 - shade
    out, changed = thai_digits.reread(text, hocr, image)
    assert len(out.split("\n")) == len(text.split("\n")) and changed >= 0
