"""Print the brief's HTML to an A4 PDF with headless Chromium (Playwright): real text, Thai shaped by the browser."""

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

CHROMIUM = Path(os.environ.get("ITA_CHROMIUM", "/usr/lib/chromium/chromium"))
# Printing needs no network. Chromium still looks up accounts.google.com and update.googleapis.com on its
# own at start (seen with strace); mapping every host name to "not found" stops every lookup inside the
# browser, before any DNS query (loopback stays: the tests' browser uses this list for their servers).
# tests/test_brief_offline.py watches the whole process tree for any packet or lookup.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pings",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--dns-prefetch-disable",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]",
]


class PrinterMissing(RuntimeError):
    """Chromium (or Playwright, which drives it) is not installed; the message says how to get it."""


@cache
def _thai_fonts_missing() -> bool:
    """No font on the system covers Thai (fontconfig's answer; unknown when fc-list is absent)."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True, check=False)
    return found.returncode == 0 and not found.stdout.strip()


def printer_problem() -> str | None:
    """Why the brief cannot be printed here, in Thai with the command that fixes it; None when it can."""
    if not CHROMIUM.exists():
        return (
            f"พิมพ์รายงานเป็น PDF ไม่ได้: ไม่พบเบราว์เซอร์ Chromium ที่ {CHROMIUM} "
            f"ติดตั้งด้วยคำสั่ง `sudo apt-get install chromium fonts-thai-tlwg` หรือ `make system` "
            "— the brief is printed by headless Chromium, which is not installed"
        )
    if _thai_fonts_missing():
        return (
            "พิมพ์รายงานเป็น PDF ไม่ได้: ไม่พบฟอนต์ภาษาไทย ติดตั้งด้วยคำสั่ง "
            "`sudo apt-get install chromium fonts-thai-tlwg` หรือ `make system` — no Thai font is installed"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "พิมพ์รายงานเป็น PDF ไม่ได้: ไม่พบแพ็กเกจ playwright ติดตั้งด้วยคำสั่ง "
            "`.venv/bin/pip install -r requirements-dev.txt` (หรือ `make run`) "
            "— Playwright drives Chromium to print the brief"
        )
    return None


def _print(html: str, header: str, footer: str) -> bytes:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            # Nothing is fetched: the page is self-contained (inline CSS and SVG, system fonts).
            page.route("**/*", lambda route: route.abort())
            page.set_content(html, wait_until="load")
            return page.pdf(
                format="A4",
                print_background=True,
                prefer_css_page_size=True,
                display_header_footer=True,
                header_template=header,
                footer_template=footer,
            )
        finally:
            browser.close()


def html_to_pdf(html: str, header: str, footer: str) -> bytes:
    """The PDF of a self-contained page, with a running header and footer (Chromium's templates:
    ``<span class="pageNumber">`` and ``totalPages`` are filled in per page)."""
    problem = printer_problem()
    if problem:
        raise PrinterMissing(problem)
    # Playwright's sync API refuses a thread that runs an asyncio loop (Streamlit's server may call a
    # download's data function from one): print in a thread of its own.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ita-brief-pdf") as pool:
        return pool.submit(_print, html, header, footer).result()
