"""End to end: a real Streamlit server on a copy of the national data, driven by Debian's chromium."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, urlparse

import pytest

from pages import PAGES
from tests.conftest import SCREENSHOTS, serving_copy
from tests.serving_support import WAIT_MS
from tests.serving_support import wait_for_app as _wait_for_app

pytestmark = pytest.mark.e2e

APP = '[data-testid="stAppViewContainer"]'
EXCEPTION = '[data-testid="stException"]'
CHART = ".js-plotly-plot"
TABLE = '[data-testid="stDataFrame"], [data-testid="stTable"]'


@pytest.fixture(scope="module")
def server(national_db, tmp_path_factory):
    with serving_copy(national_db, tmp_path_factory.mktemp("e2e")) as (_proc, url, _db):
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH")
    p = context.new_page()
    yield p
    context.close()


def _combobox(page, label: str):
    return page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=label)


def _choose(page, label: str, option: str) -> None:
    """Pick an option of a sidebar selectbox by its visible label."""
    box = _combobox(page, label)
    box.click()
    box.fill(option)  # long lists are virtual: type to bring the option into view
    page.get_by_role("option", name=option, exact=True).click()
    _wait_for_app(page)


def _selected(page, label: str) -> str:
    return _combobox(page, label).input_value().strip()


def test_every_page_opens_without_error_and_shows_its_content(server, page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    timings = {}
    for spec in PAGES:
        started = time.perf_counter()
        page.goto(f"{server}/{spec.url_path}")
        page.wait_for_selector(f"{CHART}, {TABLE}, [data-testid='stFileUploader']", timeout=WAIT_MS)
        timings[spec.url_path] = round((time.perf_counter() - started) * 1000)
        _wait_for_app(page)
        assert page.locator(EXCEPTION).count() == 0, f"{spec.url_path} shows an exception"
        assert spec.title in page.locator(APP).inner_text()
        page.screenshot(path=str(SCREENSHOTS / f"{spec.url_path}.png"), full_page=True)
    (SCREENSHOTS / "first_content_ms.json").write_text(json.dumps(timings, indent=1))


def test_changing_the_indicator_is_carried_by_the_url_and_a_shared_link_reopens_it(server, page, browser):
    page.goto(f"{server}/rankings")
    _wait_for_app(page)
    _choose(page, "ตัวชี้วัด", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล")
    _choose(page, "จังหวัด", "สระบุรี")
    page.wait_for_function("() => location.search.includes('province=19')", timeout=WAIT_MS)
    _wait_for_app(page)
    shared_url = page.url
    query = parse_qs(urlparse(shared_url).query)
    assert query["indicator"] == ["9"]  # written as codes: short, and the same when a label's wording changes
    assert query["province"] == ["19"]  # สระบุรี
    first_table = page.locator(TABLE).first.inner_text()

    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    other.goto(shared_url)
    _wait_for_app(other)
    other.wait_for_selector(TABLE, timeout=WAIT_MS)
    assert _selected(other, "ตัวชี้วัด") == "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"
    assert _selected(other, "จังหวัด") == "สระบุรี"
    assert other.locator(TABLE).first.inner_text() == first_table
    other.context.close()


def test_a_bad_value_in_a_link_falls_back_with_a_notice(server, page):
    page.goto(f"{server}/overview?province=แอตแลนติส")
    _wait_for_app(page)
    assert "แอตแลนติส" in page.locator(APP).inner_text()
    assert page.locator(EXCEPTION).count() == 0
    assert _selected(page, "จังหวัด") == "ทั้งหมด"


def test_thai_digits_in_a_link_are_read(server, page):
    page.goto(f"{server}/overview?fy=๒๕๖๖")
    _wait_for_app(page)
    assert _selected(page, "ปีงบประมาณ") == "2566"
