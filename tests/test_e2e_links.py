"""Links that keep what they name, and downloads in people's words, in a real browser (Debian's chromium)
against a real server on a copy of the national data."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from pages_helpers import analytics_cursor

from ita_data import analytics, labels
from ita_data.analytics import about
from pages import PAGES
from tests.conftest import serving_copy
from tests.serving_support import WAIT_MS

pytestmark = pytest.mark.e2e

APP = '[data-testid="stAppViewContainer"]'
MAIN = '[data-testid="stMain"]'
TABLE = '[data-testid="stDataFrame"]'
SETTLED = """() => document.querySelector('[data-testid="stMain"] h1')
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')"""
# What a file must not carry: Python's words, and numbers with more decimals than the screen shows.
RAW_PYTHON = re.compile(r"(?<![\w.])(True|False|None|nan|NaN|NaT)(?![\w.])")
LONG_FLOAT = re.compile(r"\d+\.\d{3,}")


@pytest.fixture(scope="module")
def server(national_db, tmp_path_factory):
    with serving_copy(national_db, tmp_path_factory.mktemp("links")) as (_proc, url, _db):
        yield url


@pytest.fixture(scope="module")
def place(national_db):
    """A province with data: its DOPA code and Thai name, and the latest year."""
    with analytics_cursor(national_db) as cur:
        options = analytics.filter_options(cur)
        provinces = options[options.kind == "province"]
        return provinces.code.iloc[7], provinces.label.iloc[7], max(analytics.data_years(cur))


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH", accept_downloads=True)
    p = context.new_page()
    yield p
    context.close()


def settle(page) -> None:
    page.wait_for_selector(APP, timeout=WAIT_MS)
    page.wait_for_timeout(500)  # a rerun may not have started yet
    page.wait_for_function(SETTLED, timeout=WAIT_MS)


def query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


def wait_for_query(page, **expected: str) -> None:
    """Until the address bar holds these parameters (the page writes them back after its run)."""
    condition = " && ".join(f"p.get({k!r}) === {v!r}" for k, v in expected.items())
    page.wait_for_function(f"() => {{ const p = new URLSearchParams(location.search); return {condition}; }}")


# --- Links ----------------------------------------------------------------------------------------


def test_a_link_typed_with_codes_keeps_them_in_the_address_through_later_clicks(server, page, place, national_db):
    code, name, year = place
    page.goto(f"{server}/rankings?province={code}&indicator=9")
    settle(page)
    wait_for_query(page, province=code, indicator="9", fy=str(year))
    assert page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="จังหวัด").input_value() == name

    with analytics_cursor(national_db) as cur:  # the scope's button names what the data covers
        nation = labels.whole_data(about.data_status(cur))
    page.locator("button", has_text=nation).first.click()  # one more click on the page
    settle(page)
    wait_for_query(page, province=code, indicator="9", within="nation")

    page.locator(
        '[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]', has_text=labels.CHANGE_TITLE
    ).click()  # and another page
    settle(page)
    wait_for_query(page, province=code, indicator="9", fy=str(year))
    assert urlsplit(page.url).path.endswith("/change")
    assert "within" not in query(page)  # a parameter of another page is not carried along


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ({"province": "{thai_code}", "fy": "{thai_year}"}, {"province": "{code}", "fy": "{year}"}),
        ({"province": "{name}", "indicator": "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"}, {"province": "{code}", "indicator": "9"}),
        ({"province": "{code}", "type": "อบต.", "synthetic": "ใช่"}, {"province": "{code}", "type": "sao"}),
    ],
)
def test_labels_and_thai_digits_in_a_link_are_written_back_as_codes(server, page, place, typed, canonical):
    code, name, year = place
    digits = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    values = {"code": code, "name": name, "year": str(year), "thai_code": code.translate(digits)}
    values["thai_year"] = str(year - 1).translate(digits)
    if "fy" in canonical:
        values["year"] = str(year - 1)
    typed = {k: v.format(**values) for k, v in typed.items()}
    canonical = {k: v.format(**values) for k, v in canonical.items()}
    page.goto(f"{server}/overview?" + "&".join(f"{k}={v}" for k, v in typed.items()))
    settle(page)
    wait_for_query(page, **canonical)
    assert set(query(page)) <= {"fy", "province", "indicator", "type"}  # the default (synthetic on) is left out
    assert page.locator('[data-testid="stAlert"]', has_text="ในลิงก์").count() == 0  # nothing was refused


def test_an_address_that_names_no_page_says_so_in_thai_and_offers_the_menu(server, page):
    page.goto(f"{server}/nosuchpage")
    settle(page)
    main = page.locator(MAIN).inner_text()
    assert labels.PAGE_NOT_FOUND_TITLE in main and "nosuchpage" in main
    assert labels.OVERVIEW_MAP not in main  # not the overview in its place
    links = page.locator(f'{MAIN} [data-testid="stPageLink-NavLink"]')
    page.wait_for_function(
        f"() => document.querySelectorAll('{MAIN} [data-testid=\"stPageLink-NavLink\"]').length === {len(PAGES)}",
        timeout=WAIT_MS,
    )
    links.filter(has_text=labels.RANK_TITLE).click()
    settle(page)
    assert urlsplit(page.url).path.endswith("/rankings")


# --- Downloads ------------------------------------------------------------------------------------


def download(page, label: str) -> bytes:
    with page.expect_download(timeout=WAIT_MS) as event:
        page.get_by_role("button", name=label).first.click()
    return event.value.path().read_bytes()


def test_a_downloaded_table_is_in_peoples_words_and_its_link_reopens_the_view(server, page, place, browser):
    code, name, year = place
    page.goto(f"{server}/rankings?province={code}&indicator=9&within=nation")
    settle(page)
    wait_for_query(page, province=code, indicator="9", within="nation")
    address = page.url

    text = download(page, labels.DOWNLOAD_CSV).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    notes = [line[0] for line in lines if line and line[0].startswith("# ")]
    assert name in notes[0] and labels.INDICATOR_LABELS["9"] in notes[0] and labels.RANK_WITHIN["nation"] in notes[0]
    assert labels.SYNTHETIC_BANNER in " ".join(notes)  # the national data is synthetic
    link = next(n for n in notes if "http" in n).split(": ", 1)[1]
    assert query_of(link) == query_of(address)  # the link names exactly what the page shows
    header = lines[len(notes)]
    ranked_by = labels.rank_headers(labels.indicator_short_label("9"), labels.RANK_WITHIN["nation"])
    assert header[:4] == [ranked_by["rank"], *(labels.column_label(c) for c in ("group_size", "org_id", "org_name"))]
    body = "\n".join(",".join(r) for r in lines[len(notes) + 1 :])
    assert not RAW_PYTHON.search(body) and not LONG_FLOAT.search(body)
    assert labels.yes_no(False) in body  # a flag as people write it

    book = openpyxl.load_workbook(io.BytesIO(download(page, labels.DOWNLOAD_XLSX)))
    assert book.sheetnames == [labels.DATA_SHEET, labels.FILTERS_SHEET]
    about = {row[0].value: row[1].value for row in book[labels.FILTERS_SHEET].iter_rows(min_row=2)}
    assert about[labels.COLUMNS["province"]] == name and about[labels.FILTER_YEAR] == str(year)
    assert about[labels.FILTER_SYNTHETIC] == labels.yes_no(True)
    assert labels.FILE_SYNTHETIC in about
    assert query_of(about[labels.FILE_LINK]) == query_of(address)
    written = " ".join(str(v) for row in book[labels.FILTERS_SHEET].iter_rows() for v in (c.value for c in row))
    assert not RAW_PYTHON.search(written) and "fiscal_year" not in written and "province_code" not in written
    scores = [c.value for c in next(book[labels.DATA_SHEET].iter_cols(min_col=8, max_col=8, min_row=2))]
    assert all(isinstance(v, (int, float)) and round(v, 2) == v for v in scores)  # numbers, rounded as shown

    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        other.goto(link)
        settle(other)
        wait_for_query(other, province=code, indicator="9", within="nation")
        assert other.locator(TABLE).first.inner_text() == page.locator(TABLE).first.inner_text()
    finally:
        other.context.close()


def query_of(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}
