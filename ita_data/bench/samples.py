"""Realistic documents made from a report's text, for tests and benchmarks: a Word file typed the way
organisations type them (real tables, or tables typed as tab-aligned paragraphs), its PDF export by
LibreOffice, and a scan of that PDF (page images, no text).

The text is the seeds' form: lines, with tab-separated rows for tables and ``<p>``/checkbox markup in cells.
``corpus`` (beside this module) makes every form of every text from these and from chromium.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

from ita_data.documents.text import strip_html

FONT = "Laksaman"  # the TLWG copy of TH Sarabun, the font Thai government documents use
# Thai faces the set-up installs (fonts-thai-tlwg): what LibreOffice substitutes for the fonts a file names
FONTS = ("Laksaman", "Loma", "Garuda", "Norasi", "Kinnari")

# --- the seed text as blocks --------------------------------------------------------------------


def seed_blocks(text: str) -> list[tuple[str, Any]]:
    """The seed as ("para", line) and ("table", rows of cells, each cell a list of lines) blocks.

    A blank line between tab-separated rows starts a new table (the seed's page breaks)."""
    blocks: list[tuple[str, Any]] = []
    rows: list[list[list[str]]] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if "\t" in line:
            rows.append([strip_html(c).split("\n") if c.strip() else [""] for c in line.split("\t")])
            continue
        if rows:
            blocks.append(("table", rows))
            rows = []
        if line.strip():
            blocks.append(("para", line.strip()))
    if rows:
        blocks.append(("table", rows))
    return blocks


# --- Word ---------------------------------------------------------------------------------------


def _word_document(font: str):
    """An empty Word document: landscape A4, 1.5 cm margins, a Thai font at 14 pt for every script."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = font
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:cs"), font)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    style.paragraph_format.space_after = Pt(2)
    rpr = style.element.get_or_add_rPr()
    cs_size = rpr.makeelement(qn("w:szCs"), {qn("w:val"): "28"})
    rpr.append(cs_size)
    return document


def make_docx(seed: Path | str, out: Path, font: str = FONT) -> Path:
    """A Word file as an organisation would type it: landscape A4, Thai font, real tables.

    ``seed`` is a text file or the text itself."""
    text = seed.read_text(encoding="utf-8") if isinstance(seed, Path) else seed
    document = _word_document(font)
    previous_was_table = False
    for kind, content in seed_blocks(text):
        if kind == "para":
            document.add_paragraph(content)
            previous_was_table = False
            continue
        if previous_was_table:
            document.add_paragraph("")  # Word joins two tables that touch
        rows = content
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, cells in enumerate(rows):
            for c in range(width):
                lines = cells[c] if c < len(cells) else [""]
                cell = table.cell(r, c)
                cell.paragraphs[0].text = lines[0]
                for extra in lines[1:]:
                    cell.add_paragraph(extra)
        previous_was_table = True
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


USABLE_WIDTH_CM = 26.7  # landscape A4 less the margins


def make_tabbed_docx(text: str, out: Path, font: str = FONT) -> Path:
    """A Word file typed without tables: each row one paragraph, its cells separated by tabs, with tab
    stops set where the typist wanted the columns (a cell's lines run on in one paragraph, as typed).

    A long cell runs past the next stop and wraps to the left margin; a short one lines up: what
    LibreOffice then exports is a table only to the eye."""
    from docx.shared import Cm

    document = _word_document(font)
    for kind, content in seed_blocks(text):
        if kind == "para":
            document.add_paragraph(content)
            continue
        rows = [[" ".join(line for line in cell if line.strip()) for cell in row] for row in content]
        width = max(len(r) for r in rows)
        # stops at widths after the longest cell of each column, the last column taking what is left
        longest = [max((len(r[c]) for r in rows if c < len(r)), default=0) for c in range(width)]
        shares = [min(max(n, 4), 60) for n in longest]
        position = 0.0
        stops = []
        for share in shares[:-1]:
            position += USABLE_WIDTH_CM * share / sum(shares)
            stops.append(round(min(position, USABLE_WIDTH_CM - 1.0), 2))
        for cells in rows:
            paragraph = document.add_paragraph("\t".join(cells))
            for stop in stops:
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(stop))
        document.add_paragraph("")
    out.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(out))
    return out


def docx_to_pdf(docx_files: list[Path], out_dir: Path) -> list[Path]:
    """PDF export by LibreOffice, all files in one run (its start-up is the slow part)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / ".lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        env=dict(os.environ, HOME=str(out_dir)),
    )
    return [out_dir / (p.stem + ".pdf") for p in docx_files]


# --- scans --------------------------------------------------------------------------------------


def scan_pdf(pdf: Path, out: Path, pages: int = 2, dpi: int = 200) -> Path:
    """The first pages of a PDF as a scanner leaves them: page images in a PDF without any text."""
    import pypdfium2 as pdfium
    from PIL import Image

    work = out.parent / (out.stem + "-pages")
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", "1", "-l", str(pages), "-gray", "-png", str(pdf), str(work / "p")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    images = sorted(work.glob("p*.png"))
    document = pdfium.PdfDocument.new()
    for png in images:
        image = pdfium.PdfImage.new(document)
        with Image.open(png) as pil:
            bitmap = pdfium.PdfBitmap.from_pil(pil.convert("RGB"))
            width_pt, height_pt = pil.width * 72 / dpi, pil.height * 72 / dpi
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(width_pt, height_pt))
        page = document.new_page(width_pt, height_pt)
        page.insert_obj(image)
        page.gen_content()
    document.save(str(out))
    return out
