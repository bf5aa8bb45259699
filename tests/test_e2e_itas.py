"""End to end, as an officer does it: a real Streamlit server on a database of real data only, driven by
Debian's chromium — the ITAS page's rows copied and pasted into the import page, the year chosen, stored,
and the dashboard then shows them with no synthetic banner and says what the data covers."""

from __future__ import annotations

import pytest

from ita_data import labels
from ita_data.bench.itas_pages import PageRow, copied_text, page_html
from ita_data.build import build_database
from ita_data.store import Store
from tests.conftest import serving_copy
from tests.serving_support import APP, WAIT_MS, outside_requests, wait_for_app

pytestmark = pytest.mark.e2e

ROWS = [
    PageRow("องค์การบริหารส่วนตำบลสมมุติบ้านหมอ", "บ้านหมอ", "สระบุรี", 93.1),
    PageRow("เทศบาลตำบลสมมุติเสาไห้", "เสาไห้", "สระบุรี", 95.5),
    PageRow("เทศบาลเมืองสมมุติแก่งคอย", "แก่งคอย", "สระบุรี", 81.25),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("itas-e2e")
    build_database(folder / "real.duckdb", reports_dir=None, synthetic_data=False)
    with serving_copy(folder / "real.duckdb", folder) as (_proc, url, db):
        yield url, db


def test_an_officer_pastes_an_itas_table_chooses_the_year_and_sees_it_on_the_dashboard(server, browser):
    base, db = server
    pasted = copied_text(page_html(ROWS)).decode("utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(f"{base}/import")
        wait_for_app(page)
        box = page.get_by_role("textbox", name=labels.IMPORT_TABLE_PASTE)
        box.fill(pasted)
        box.press("Control+Enter")  # a text area hands its text to the script on Ctrl+Enter
        wait_for_app(page)
        assert "--fy" in page.locator(APP).inner_text()  # the page states no year: the officer is asked
        year = page.get_by_role("combobox", name=labels.IMPORT_TABLE_YEAR)
        year.click()
        page.get_by_role("option", name="2566", exact=True).click()
        wait_for_app(page)
        assert labels.TABLE_LAYOUTS["itas_province"] in page.locator(APP).inner_text()
        page.locator('[data-testid="stMetric"]').filter(has_text=labels.IMPORT_NEW_ORGS).wait_for(timeout=WAIT_MS)
        metrics = page.locator('[data-testid="stMetric"]').all_text_contents()
        assert f"{labels.IMPORT_NEW_ORGS}{len(ROWS)}" in [m.replace("\n", "").strip() for m in metrics], metrics
        with Store(db) as store:
            assert int(store.query("SELECT count(*) AS n FROM assessments").n[0]) == 0  # the preview wrote nothing
        page.get_by_role("button", name=labels.IMPORT_CONFIRM_TABLE).click()
        page.get_by_text(f"เพิ่ม {len(ROWS)} แถว").first.wait_for(timeout=WAIT_MS)
        with Store(db) as store:
            stored = store.query("SELECT fiscal_year, total_score FROM assessments ORDER BY total_score")
        assert stored.fiscal_year.tolist() == [2566] * len(ROWS)
        assert stored.total_score.tolist() == sorted(r.score for r in ROWS)

        page.goto(f"{base}/")
        wait_for_app(page)
        page.get_by_text("มีผลการประเมิน 1 จาก 77 จังหวัด").wait_for(timeout=WAIT_MS)  # the footer says it
        shown = page.locator(APP).inner_text()
        assert labels.SYNTHETIC_BANNER not in shown and "ทั้งประเทศ" not in shown
        assert not page.locator('[data-testid="stException"]').count()
        assert not outside_requests(requests)
    finally:
        context.close()
