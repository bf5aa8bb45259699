"""What a visitor's browser gets from a real server: names as written (no link, image or HTML from
data), no request to another machine, every page at its own address on a fresh server, no error
details, and a loopback-only server by default. Debian's chromium through Playwright."""

from __future__ import annotations

import csv
import io
import shutil
import textwrap

import pytest

from pages import PAGES
from tests.serving_support import APP, WAIT_MS, listening_addresses, outside_requests, serve, stop, wait_for_app
from tests.test_security import LINK_NAME, crafted_db

pytestmark = pytest.mark.e2e

EVIL = '[href*="evil.example"], [src*="evil.example"], [xlink\\:href*="evil.example"]'
NOT_FOUND = "Page not found"


@pytest.fixture(scope="module")
def crafted_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("crafted") / "ita.duckdb"
    return path, crafted_db(path)


@pytest.fixture(scope="module")
def server(crafted_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("server")
    db = folder / "ita.duckdb"
    shutil.copy(crafted_path[0], db)
    proc, url = serve(folder / "streamlit.log", db_path=db)
    yield url
    stop(proc)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH", accept_downloads=True)
    p = context.new_page()
    p.requests = []
    p.on("request", lambda r: p.requests.append(r.url))
    yield p
    context.close()


def _app_text(page) -> str:
    return _visible(page.locator(APP).inner_text())


def _visible(text: str) -> str:
    return text.replace("\u2060", "")  # the WORD JOINER that keeps a bare address from being linked


def test_no_request_leaves_the_machine_on_any_page(server, page):
    for spec in PAGES:
        page.goto(f"{server}/{spec.url_path}?fy=2567")
        wait_for_app(page)
        page.wait_for_timeout(1500)  # icons, fonts and map tiles load after the script finishes
    assert page.requests and not outside_requests(page.requests)


def test_a_name_with_a_link_shows_as_written_on_the_organisation_page(server, page, crafted_path):
    _, ids = crafted_path
    page.goto(f"{server}/organization?fy=2567&org={ids[LINK_NAME]}")
    wait_for_app(page)
    assert page.locator(EVIL).count() == 0
    heading = page.locator("h3").filter(has_text="คลิก").first.inner_text()
    assert _visible(heading).endswith(LINK_NAME)


def test_chart_labels_draw_no_link_or_bold_from_names(server, page):
    page.goto(f"{server}/rankings?fy=2567")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .xtick", timeout=WAIT_MS)
    ticks = page.locator(".js-plotly-plot .xtick text").all_text_contents()  # SVG: no innerText
    assert any("<a href" in t and "<b>หนา</b>" in t for t in ticks)  # the name, as written
    assert page.locator(EVIL).count() == 0
    assert page.locator(".js-plotly-plot .xtick text b, .js-plotly-plot .xtick text a").count() == 0


def test_a_crafted_link_value_is_echoed_as_text(server, page):
    lure = "[กรุณาเข้าสู่ระบบใหม่ที่นี่](http://evil.example/login)"
    page.goto(f"{server}/overview?province={lure}")
    wait_for_app(page)
    assert lure in _app_text(page)
    assert page.locator(EVIL).count() == 0


def test_a_downloaded_csv_holds_no_formula(server, page, crafted_path):
    _, ids = crafted_path
    formula = next(n for n in ids if n.startswith("="))
    page.goto(f"{server}/organization?fy=2567&org={ids[formula]}")
    wait_for_app(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="ดาวน์โหลด CSV").first.click()
    text = info.value.path().read_text(encoding="utf-8-sig")
    cells = [c for line in csv.reader(io.StringIO(text)) for c in line]
    assert any(formula in c for c in cells)
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]


@pytest.mark.parametrize(
    "spec", [PAGES[0], next(s for s in PAGES if s.url_path == "import"), PAGES[1]], ids=lambda s: s.url_path
)
def test_a_page_opens_at_its_own_address_on_the_first_visit_to_a_fresh_server(crafted_path, tmp_path, browser, spec):
    db = tmp_path / "ita.duckdb"
    shutil.copy(crafted_path[0], db)
    proc, url = serve(tmp_path / "streamlit.log", db_path=db)
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(f"{url}/{spec.url_path}")
        wait_for_app(page)
        page.wait_for_timeout(1000)
        assert NOT_FOUND not in page.locator("body").inner_text()
        assert page.locator('[data-testid="stMain"] h1').first.inner_text() == spec.title
        context.close()
    finally:
        stop(proc)


def test_a_crash_shows_visitors_no_details_and_logs_the_traceback(tmp_path, browser):
    script = tmp_path / "crash.py"
    script.write_text(
        textwrap.dedent("""
        import streamlit as st
        st.title("ทดสอบ")
        raise ValueError("รายละเอียดภายใน /secret/path")
    """),
        encoding="utf-8",
    )
    log = tmp_path / "streamlit.log"
    proc, url = serve(log, script=script)
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector('[data-testid="stException"]', timeout=WAIT_MS)
        shown = page.locator('[data-testid="stException"]').inner_text()
        assert "รายละเอียดภายใน" not in shown and "ValueError" not in shown and "crash.py" not in shown
        context.close()
    finally:
        stop(proc)
    assert "ValueError: รายละเอียดภายใน /secret/path" in log.read_text(encoding="utf-8")


def test_streamlit_run_without_an_address_listens_on_loopback_only(tmp_path):
    script = tmp_path / "hello.py"
    script.write_text("import streamlit as st\nst.title('ทดสอบ')\n", encoding="utf-8")
    # No --server.address: the project's .streamlit/config.toml decides.
    proc, url = serve(tmp_path / "streamlit.log", script=script, address=None)
    try:
        addresses = listening_addresses(int(url.rsplit(":", 1)[1]))
    finally:
        stop(proc)
    assert addresses and all(a in ("127.0.0.1", "::1", "::ffff:127.0.0.1") for a in addresses)


@pytest.mark.parametrize(
    ("headers", "imports"),
    [
        ({}, True),
        ({"X-Forwarded-For": "192.168.1.50"}, False),  # a proxy on this machine serving another one
        ({"Forwarded": 'for="[2001:db8::17]:4711"'}, False),
        ({"X-Forwarded-For": "127.0.0.1"}, True),
    ],
)
def test_without_sign_in_only_a_browser_on_this_machine_may_import(server, browser, headers, imports):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, extra_http_headers=headers)
    page = context.new_page()
    page.goto(f"{server}/import")
    wait_for_app(page)
    if imports:
        page.locator('[data-testid="stFileUploader"]').first.wait_for(timeout=WAIT_MS)
    else:
        page.get_by_text("ยังไม่ได้ตั้งค่าการเข้าสู่ระบบ").wait_for(timeout=WAIT_MS)
        assert page.locator('[data-testid="stFileUploader"]').count() == 0
    context.close()
