"""The screens' tests' server and pages: a real server on the national data with one real report, a
browser page that keeps what its canvases draw, and opening a page until everything on it is drawn."""

from __future__ import annotations

import re
import shutil

import pytest

from ita_data.reports.ingest import ingest_file
from ita_data.store import Store
from pages import PAGES
from tests.conftest import seed_path, start_streamlit
from tests.screen_reading import APP, problems_in, record_canvas_text
from tests.serving_support import SETTLED, WAIT_MS

EXCEPTION = '[data-testid="stException"]'
PROVINCE = "50"  # เชียงใหม่


def wait(page) -> None:
    page.wait_for_selector(APP, timeout=WAIT_MS)
    page.wait_for_timeout(500)
    page.wait_for_function(SETTLED, timeout=WAIT_MS)


def open_page(page, url: str) -> None:
    """Open a page and bring every table and chart into view once: both are drawn only when seen."""
    page.goto(url)
    wait(page)
    assert page.locator(EXCEPTION).count() == 0, url
    shown = page.locator('[data-testid="stDataFrame"], [data-testid="stPlotlyChart"]')
    for number in range(shown.count()):
        if shown.nth(number).is_visible():  # not one in a tab not open
            shown.nth(number).scroll_into_view_if_needed()
            page.wait_for_timeout(250)
    page.wait_for_timeout(800)


def urls(real_org: int) -> list[str]:
    """Every page, and the views the issue names: a province, an indicator's ranking, a real profile."""
    return [
        *(spec.url_path for spec in PAGES),
        f"overview?province={PROVINCE}",
        "rankings?indicator=9",
        f"organization?org={real_org}",
    ]


@pytest.fixture(scope="module")
def served(national_db, seeds_dir, tmp_path_factory):
    """A server on a copy of the national data with one real report (seed 001, FY2568 only) imported."""
    folder = tmp_path_factory.mktemp("e2e_screens")
    copy = folder / "ita.duckdb"
    shutil.copyfile(national_db, copy)
    with Store(copy) as store:
        result = ingest_file(store, seed_path(seeds_dir, "001"))
        cur = store.cursor()
        real_org = int(
            cur.execute("SELECT org_id FROM organizations WHERE NOT is_synthetic ORDER BY org_id LIMIT 1").fetchone()[0]
        )
    assert result.status in ("added", "updated"), result
    proc, url = start_streamlit(copy, folder / "streamlit.log")
    try:
        yield url, copy, real_org
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH", accept_downloads=True)
    record_canvas_text(context)
    p = context.new_page()
    yield p
    context.close()


@pytest.fixture(scope="module")
def ours(seeds_dir):
    """Keep the problems that are ours, not those of the imported report's own text, which is shown as the
    organisation wrote it: its measures say "Infographic", and a quote cut short keeps part of a word
    ("E-Servic", "itSurvey")."""
    text = seed_path(seeds_dir, "001").read_text(encoding="utf-8")
    theirs, words = set(problems_in(text)), set(re.findall(r"[A-Za-z]+", text))

    def keep(problems: list[str]) -> list[str]:
        quoted = re.compile(r"English '(\w+)'")
        return sorted(
            {
                p
                for p in problems
                if p not in theirs and not ((m := quoted.fullmatch(p)) and any(m[1] in w for w in words))
            }
        )

    return keep
