"""Documents for tests that the corpus (ita_data.bench.corpus, the ``corpus`` fixture) does not make: a
page photographed or scanned, drawn as an image.
"""

from __future__ import annotations

import io

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
