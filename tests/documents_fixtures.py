"""Real documents made from the seed texts, the way organisations publish them: Word, PDF exported by
LibreOffice from that Word file, a saved web page, the same page printed to PDF by chromium, and a scan
(pages rendered to images and put back into a PDF with no text layer).

Word, LibreOffice PDF and scan come from ``ita_data.bench.samples`` (the benchmark makes them too);
``make_all`` is what the session fixture in tests/test_documents_seeds.py caches (LibreOffice and chromium
are slow, so each runs once per session).
"""

from __future__ import annotations

import html
import io
from pathlib import Path

from ita_data.bench.samples import FONT, docx_to_pdf, make_docx, scan_pdf, seed_blocks

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


# --- saved web page ------------------------------------------------------------------------------

_PAGE_CHROME = """<header class="site-header"><div class="logo">เว็บไซต์ตัวอย่าง</div>
<nav><ul><li><a href="/">หน้าหลัก</a></li><li><a href="/news">ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. ๒๕๕๐</a></li></ul></nav>
</header>"""
_PAGE_END = """<footer>ติดต่อเรา โทร ๐ ๐๐๐๐ ๐๐๐๐ · ปีงบประมาณ พ.ศ. ๒๕๕๐</footer>
<div id="chat-widget" class="chat-widget">แชทกับเจ้าหน้าที่ เทศบาลตำบลตัวอย่างสมมุติ</div>
<div style="display:none">คะแนนรวม ๑๒.๓๔</div>
<script>var cookie = "ปีงบประมาณ พ.ศ. ๒๕๕๐";</script>"""


def make_html(seed: Path, out: Path) -> Path:
    """A page as a browser's "save page" keeps it: menus, a footer, a chat widget, a hidden block, a script."""
    parts = [
        '<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ITA</title>',
        (
            f"<style>body{{font-family:'{FONT}',sans-serif;font-size:14pt}} table{{border-collapse:collapse;margin:8px 0}}"
            " td,th{border:1px solid #000;vertical-align:top;padding:2px}"
            " @media print{header,nav,footer,.chat-widget{display:none}}</style></head><body>"
        ),
        _PAGE_CHROME,
        "<main><article>",
    ]
    for kind, content in seed_blocks(seed.read_text(encoding="utf-8")):
        if kind == "para":
            parts.append(f"<p>{html.escape(content)}</p>")
            continue
        parts.append("<table>")
        for cells in content:
            parts.append(
                "<tr>"
                + "".join(
                    "<td>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</td>" for lines in cells
                )
                + "</tr>"
            )
        parts.append("</table>")
    parts += ["</article></main>", _PAGE_END, "</body></html>"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(parts), encoding="utf-8")
    return out


def html_to_pdf(browser, html_file: Path, out: Path) -> Path:
    """The page printed by chromium (Playwright's page.pdf), landscape A4 like the Word export."""
    page = browser.new_page()
    try:
        page.goto(html_file.as_uri())
        page.pdf(
            path=str(out),
            format="A4",
            landscape=True,
            print_background=False,
            margin={"top": "1.5cm", "bottom": "1.5cm", "left": "1.5cm", "right": "1.5cm"},
        )
    finally:
        page.close()
    return out


def make_all(seeds_dir: Path, out_dir: Path, browser) -> dict[str, dict[str, Path]]:
    """Every form of every seed: {"000": {"txt", "docx", "pdf", "html", "chromium_pdf", "scan_pdf"}}."""
    seeds = {p.name[:3]: p for p in sorted(seeds_dir.glob("*.txt"))}
    forms: dict[str, dict[str, Path]] = {n: {"txt": p} for n, p in seeds.items()}
    docx_files = [make_docx(p, out_dir / "docx" / f"{n}.docx") for n, p in seeds.items()]
    for (n, _), pdf in zip(seeds.items(), docx_to_pdf(docx_files, out_dir / "pdf")):
        forms[n]["docx"] = out_dir / "docx" / f"{n}.docx"
        forms[n]["pdf"] = pdf
    for n, p in seeds.items():
        forms[n]["html"] = make_html(p, out_dir / "html" / f"{n}.html")
        forms[n]["chromium_pdf"] = html_to_pdf(browser, forms[n]["html"], out_dir / "html" / f"{n}.pdf")
        forms[n]["scan_pdf"] = scan_pdf(forms[n]["pdf"], out_dir / "scan" / f"{n}.pdf")
    return forms


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
