"""Documents for tests that the corpus (ita_data.bench.corpus, the ``corpus`` fixture) does not make: a
page photographed or scanned, drawn as an image; a report of exactly 200 pages.
"""

from __future__ import annotations

import io
from pathlib import Path

from ita_data.bench.samples import docx_to_pdf, make_docx

# --- a photographed page -------------------------------------------------------------------------


def thai_png(lines: list[str], size: int = 40, width: int = 1400) -> bytes:
    """Lines of text drawn on a white page in a Thai font, as a PNG: a page photographed or scanned."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/tlwg/Garuda.ttf", size)
    step = size * 3
    image = Image.new("L", (width, step * len(lines) + size * 2), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((size, size + step * n), line, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# --- a long report ---------------------------------------------------------------------------------


def long_office_pdf(seeds_dir: Path, out_dir: Path, pages: int = 200) -> Path:
    """A report of exactly ``pages`` pages as offices make long ones: the seeds typed in Word, exported by
    LibreOffice (one run), and their pages put one after another into one PDF until it has ``pages``."""
    import pypdfium2 as pdfium

    seeds = sorted(seeds_dir.glob("*.txt"))
    exported = docx_to_pdf([make_docx(seed, out_dir / f"{seed.stem}.docx") for seed in seeds], out_dir)
    parts = [pdfium.PdfDocument(str(pdf)) for pdf in exported]
    long = pdfium.PdfDocument.new()
    try:
        while len(long) < pages:
            for part in parts:
                take = min(len(part), pages - len(long))
                if take > 0:
                    long.import_pages(part, list(range(take)), index=len(long))
        out = out_dir / f"long-{pages}.pdf"
        long.save(str(out))
    finally:
        long.close()
        for part in parts:
            part.close()
    return out
