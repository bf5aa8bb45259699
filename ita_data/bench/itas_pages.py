"""Makers of ITAS result pages as an officer takes them away, for tests and benchmarks (the product never
imports this): the saved page with the site's menus around the table, the rows copied from the browser,
and the page printed to PDF by Chromium.

The page is ours, written in the layout of the NACC's "ผลการประเมินรายหน่วยงานภายในจังหวัด" page (columns
``#``, ``หน่วยงาน``, ``อำเภอ``, ``จังหวัด``, ``คะแนนเฉลี่ย``); the rows handed in are fictional organisations.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = Path(os.environ.get("ITA_CHROMIUM", "/usr/lib/chromium/chromium"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
HEADERS = ("#", "หน่วยงาน", "อำเภอ", "จังหวัด", "คะแนนเฉลี่ย")
TITLE = "ผลการประเมินรายหน่วยงานภายในจังหวัด"


@dataclass(frozen=True)
class PageRow:
    """One row as the page shows it: the organisation's name as written, its district, province and score
    (a number, or text such as "-" for none)."""

    name: str
    district: str
    province: str
    score: float | str

    def cells(self, number: int) -> list[str]:
        score = f"{self.score:.2f}" if isinstance(self.score, (int, float)) else self.score
        return [str(number), self.name, self.district, self.province, score]


_STYLE = """
body { font-family: 'TH Sarabun New', 'Garuda', 'Loma', sans-serif; margin: 0; }
nav.navbar { background: #223; color: #fff; padding: 8px; }
nav.navbar a { color: #fff; margin-right: 12px; }
aside.sidebar { float: left; width: 160px; padding: 8px; background: #eef; }
main { margin-left: 180px; padding: 8px; }
table.table-bordered { border-collapse: collapse; width: 100%; }
table.table-bordered th, table.table-bordered td { border: 1px solid #444; padding: 3px 6px; font-size: 12px; }
table.table-bordered td:nth-child(3), table.table-bordered td:nth-child(4) { white-space: nowrap; }
footer { clear: both; padding: 8px; font-size: 11px; color: #555; }
@media print { nav.navbar, aside.sidebar { display: none; } main { margin-left: 0; } }
"""


def page_html(
    rows: Sequence[PageRow],
    *,
    province_id: str = "19",
    year_ce: int = 2023,
    headers: Sequence[str] = HEADERS,
    stated_year: int | None = None,
) -> bytes:
    """The page as a browser saves it ("Save page as… HTML only"): menus, a sidebar, a year selector, the
    table and a footer. ``stated_year`` puts "ปีงบประมาณ พ.ศ. …" in the heading (ITAS's page does not)."""
    address = f"https://itas.example.invalid/report/agency-in-province?year={year_ce}&provinceId={province_id}"
    heading = TITLE + (f" ประจำปีงบประมาณ พ.ศ. {stated_year}" if stated_year else "")
    head_cells = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row.cells(n)) + "</tr>"
        for n, row in enumerate(rows, start=1)
    )
    page = f"""<!DOCTYPE html>
<!-- saved from url=({len(address)}){address} -->
<html lang="th"><head><meta charset="utf-8"><title>ITAS - {TITLE}</title><style>{_STYLE}</style>
<script>window.dataLayer = [];</script></head>
<body>
<nav class="navbar"><a href="#">หน้าแรก</a><a href="#">รายงาน</a><a href="#">ผลการประเมิน</a>
<a href="#">คู่มือ</a><a href="#">ออกจากระบบ</a></nav>
<aside class="sidebar"><ul><li>ภาพรวมประเทศ</li><li>รายจังหวัด</li><li>รายหน่วยงาน</li></ul>
<table><tr><td>เมนู</td><td>ลัด</td></tr></table></aside>
<main>
<h3>{html.escape(heading)}</h3>
<form><select name="year"><option>2566</option><option>2567</option></select>
<select name="province"><option>สระบุรี</option></select><button>ค้นหา</button></form>
<div class="table-responsive"><table class="table table-bordered">
<thead><tr>{head_cells}</tr></thead>
<tbody>
{body}
</tbody></table></div>
</main>
<footer>สงวนลิขสิทธิ์ · ติดต่อผู้ดูแลระบบ</footer>
</body></html>
"""
    return page.encode("utf-8")


def copied_text(page: bytes) -> bytes:
    """What an officer gets by selecting the page's content in Chromium and copying it: the page's own
    rendering of the selection as text (cells tab-separated, rows on lines), with the heading above."""
    return _in_own_thread(_copied_text, page)


def printed_pdf(page: bytes) -> bytes:
    """The page printed to PDF by Chromium, with the browser's header and footer (date, title, address,
    page numbers) as "Print → Save as PDF" puts them."""
    return _in_own_thread(_printed_pdf, page)


def _in_own_thread(work: Callable[[bytes], bytes], page: bytes) -> bytes:
    # Playwright's sync API refuses a thread whose asyncio loop runs (a test session's own browser
    # keeps one in the main thread): Chromium is driven from a thread of its own.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="itas-page") as pool:
        return pool.submit(work, page).result()


def _copied_text(page: bytes) -> bytes:
    with _browser() as browser:
        tab = browser.new_page()
        tab.set_content(page.decode("utf-8"))
        text = tab.evaluate(
            "() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('main'));"
            " const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString(); }"
        )
    return str(text).encode("utf-8")


def _printed_pdf(page: bytes) -> bytes:
    with _browser() as browser:
        tab = browser.new_page()
        tab.set_content(page.decode("utf-8"))
        return tab.pdf(
            format="A4",
            print_background=True,
            display_header_footer=True,
            margin={"top": "15mm", "bottom": "15mm", "left": "10mm", "right": "10mm"},
        )


class _browser:
    """Debian's Chromium through Playwright, closed on the way out."""

    def __enter__(self):
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        return self._browser

    def __exit__(self, *exc: object) -> None:
        self._browser.close()
        self._playwright.stop()
