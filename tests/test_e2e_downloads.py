"""Every file a page offers, as a person opens it: each chart's PNG and SVG, the provincial brief, and
each table's CSV and XLSX, clicked in a real browser on every page and checked for English words, raw
Python values and long numbers (issue 24's "Downloads" and its walk of every download)."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests import screens_support as support
from tests.screen_reading import problems_in, svg_text
from tests.screens_support import open_page, urls

pytestmark = pytest.mark.e2e

served, page, ours = support.served, support.page, support.ours  # the fixtures


def _download_all(page, kinds: tuple[str, ...]) -> dict[str, bytes]:
    """Click every download button shown on the page whose key ends in one of ``kinds`` (each chart's,
    table's and the brief's button is keyed ``<what>_<kind>``): file name -> bytes."""
    files = {}
    holders = page.locator('[data-testid="stDownloadButton"]')
    for number in range(holders.count()):
        holder = holders.nth(number)
        key = holder.evaluate("e => (e.closest('[class*=st-key-]')?.className.match(/st-key-(\\S+)/) || [])[1] || ''")
        button = holder.locator("button").filter(visible=True)
        if not key.endswith(kinds) or not button.count() or button.first.is_disabled():
            continue  # another kind, in a tab not open, or the page says why it cannot make it
        with page.expect_download(timeout=120_000) as wait:
            button.first.click()
        name = wait.value.suggested_filename
        assert name.endswith(key.rsplit("_", 1)[-1]), (key, name)
        files[name] = Path(wait.value.path()).read_bytes()
    return files


def _pdf_text(data: bytes, folder: Path) -> str:
    path = folder / "brief.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _xlsx_text(data: bytes) -> str:
    """Every cell of every sheet as a spreadsheet shows it: a number in its cell's format."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join("\t".join(map(_shown_cell, row)) for sheet in book for row in sheet.iter_rows())


def _shown_cell(cell) -> str:
    """A cell as a spreadsheet shows it: ``0.0%`` shows 0.0035 as 0.4%, ``#,##0.00`` two decimals, and
    ``General`` the value itself (93.4186227313682 when nobody rounded it)."""
    value, fmt = cell.value, (cell.number_format or "General").split(";")[0]
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or fmt == "General":
        return str(value)
    decimals = len(m[1]) if (m := re.search(r"\.(0+)", fmt)) else 0
    if "%" in fmt:
        return f"{value * 100:.{decimals}f}%"
    return f"{value:{',' if ',' in fmt else ''}.{decimals}f}"


def test_every_chart_image_and_brief_a_page_offers_is_in_thai(served, page, ours, tmp_path):
    url, _, real_org = served
    found: dict[str, list[str]] = {}
    counted = 0
    for path in urls(real_org):
        open_page(page, f"{url}/{path}")
        for name, data in _download_all(page, ("svg", "png", "pdf")).items():
            counted += 1
            if name.endswith(".png"):
                assert data.startswith(b"\x89PNG"), name
                continue
            text = _pdf_text(data, tmp_path) if name.endswith(".pdf") else re.sub(r"<[^>]+>", " ", svg_text(data))
            if problems := ours(problems_in(text)):
                found[f"{path} {name}"] = problems[:10]
    assert counted >= 30  # two images of every chart on eleven pages, and the brief
    assert not found, found


def test_every_table_download_is_in_thai_with_rounded_numbers(served, page, ours):
    url, _, real_org = served
    found = {}
    counted = 0
    for path in urls(real_org):
        open_page(page, f"{url}/{path}")
        for name, data in _download_all(page, ("csv", "xlsx")).items():
            counted += 1
            text = data.decode("utf-8-sig") if name.endswith(".csv") else _xlsx_text(data)
            if problems := ours(problems_in(text)):
                found[f"{path} {name}"] = problems[:10]
    assert counted >= 20  # a CSV and an XLSX of every table a page offers
    assert not found, found
