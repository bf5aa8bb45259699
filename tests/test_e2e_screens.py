"""Every screen in Thai, as an officer reads it: a real server on the national data (plus one real report),
driven by Debian's chromium. One test per finding of issue 24's "Screens" and "What officers expect"."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path

import geothai
import pytest

from ita_data import analytics, formats, geo, labels, settings, thai
from ita_data.analytics import Filters
from ita_data.analytics import about as about_data
from ita_data.reports.ingest import ingest_file
from ita_data.store import Store
from pages import PAGES
from tests.conftest import seed_path, start_streamlit

pytestmark = pytest.mark.e2e

APP = '[data-testid="stAppViewContainer"]'
SIDEBAR = '[data-testid="stSidebar"]'
EXCEPTION = '[data-testid="stException"]'
SETTLED = """() => document.querySelector('h1')
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')"""
PROVINCE = "50"  # เชียงใหม่

# What a person reads that is not Thai but is a name: acronyms of the method and of file kinds, names of
# sources and of the tools the credits name, level letters, and item titles that are English (E-Service).
ENGLISH_NAMES = {
    "ITA", "IIT", "EIT", "OIT", "CSV", "XLSX", "PDF", "PNG", "SVG", "SHA", "MB", "OCR", "DuckDB", "Word",
    "docx", "html", "txt", "png", "jpg", "zip", "Excel", "Chromium", "GeoNames", "Natural", "Earth", "geothai",
    "CC", "BY", "MIT", "AA", "E", "Service", "Q", "Social", "Network", "No", "Gift", "Policy", "DOPA",
}  # fmt: skip
# Names that are English and made of ordinary words: file and program names, shown as such.
ENGLISH_NAME_TEXTS = ("synthetic:national-v1", "ita_data build", "ita_data/rules/", "ita_data.synthetic")
RAW_VALUES = re.compile(r"\b(None|True|False|nan|NaN|NaT|null|<NA>|inf)\b")
LONG_FLOAT = re.compile(r"\d\.\d{3,}")


def _wait(page) -> None:
    page.wait_for_selector(APP, timeout=60_000)
    page.wait_for_timeout(500)
    page.wait_for_function(SETTLED, timeout=60_000)


def _open(page, url: str) -> None:
    """Open a page and bring every table and chart into view once: both are drawn only when seen."""
    page.goto(url)
    _wait(page)
    assert page.locator(EXCEPTION).count() == 0, url
    shown = page.locator('[data-testid="stDataFrame"], [data-testid="stPlotlyChart"]')
    for number in range(shown.count()):
        shown.nth(number).scroll_into_view_if_needed()
        page.wait_for_timeout(250)
    page.wait_for_timeout(800)


READABLE = """app => {
    const out = [];
    const root = document.querySelector(app);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, el = node.parentElement;
        if (!el || !node.textContent.trim() || el.closest('style, script')) continue;
        const style = getComputedStyle(el);
        if (style.fontFamily.includes('Material Symbols')) continue;  // an icon's name: its font draws a picture
        if (style.display === 'none' || style.visibility === 'hidden' || parseFloat(style.fontSize) === 0) continue;
        if (!el.getClientRects().length) continue;  // inside something not drawn
        out.push(node.textContent);
    }
    for (const el of root.querySelectorAll('*')) {
        for (const part of ['::before', '::after']) {
            const content = getComputedStyle(el, part).content;
            if (content && content.startsWith('"')) out.push(content.slice(1, -1));
        }
    }
    return out.join('\\n');
}"""


def _readable_text(page) -> str:
    """What a person reads on the page: every text drawn (a table's cells too: the grid draws on a canvas
    and keeps its cells in an accessible table; a chart's text), and the words CSS draws; not an icon's
    name (its font draws a picture), nor text hidden or drawn at size 0."""
    return page.evaluate(READABLE, APP)


def problems_in(text: str) -> list[str]:
    """English words that are not names, raw Python values, and numbers with more than two decimals.
    File names are names: a quoted value or a name with a file's ending is left out."""
    for name in ENGLISH_NAME_TEXTS:
        text = text.replace(name, " ")
    text = re.sub(r"'[^'\n]*'|\S+\.(csv|xlsx|pdf|png|svg|docx|html|txt|zip|duckdb)\b", " ", text)
    found = [f"raw value {m.group(0)!r}" for m in RAW_VALUES.finditer(text)]
    found += [f"long number {m.group(0)!r}" for m in LONG_FLOAT.finditer(text)]
    found += [
        f"English {word!r}"
        for word in re.findall(r"[A-Za-z][A-Za-z]+", text)
        if word not in ENGLISH_NAMES and word != settings.os_user() and not re.fullmatch(r"[A-Z]{1,2}", word)
    ]
    return found


def _table(page, header: str | None):
    """The table that has ``header`` (the page's first table for None), scrolled into view: the grid
    fills its accessible table only while seen, and only with the columns in view, so the tests that
    read far columns open the page wide."""
    tables = page.locator("[data-testid=stDataFrame]")
    for number in range(tables.count()):
        tables.nth(number).scroll_into_view_if_needed()
        page.wait_for_timeout(600)
        found = tables.nth(number).evaluate("t => [...t.querySelectorAll('th')].map(e => e.textContent.trim())")
        if header is None or header in found:
            return tables.nth(number)
    raise AssertionError(f"no table with the header {header!r}")


def _headers(page, header: str | None) -> list[str]:
    return _table(page, header).evaluate("t => [...t.querySelectorAll('th')].map(e => e.textContent.trim())")


def _cells(page, header: str | None) -> list[list[str]]:
    return _table(page, header).evaluate(
        "t => [...t.querySelectorAll('tbody tr')].map(r => [...r.querySelectorAll('td')].map(e => e.textContent.trim()))"
    )


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
    p = context.new_page()
    yield p
    context.close()


def _urls(real_org: int) -> list[str]:
    return [
        *(spec.url_path for spec in PAGES),
        f"overview?province={PROVINCE}",
        "rankings?indicator=9",
        f"organization?org={real_org}",
    ]


# --- no English, no raw values, no long numbers: every page and every file it offers ---------------


def test_no_page_shows_english_words_raw_values_or_long_numbers(served, page):
    url, _, real_org = served
    found = {}
    for path in _urls(real_org):
        _open(page, f"{url}/{path}")
        if problems := problems_in(_readable_text(page)):
            found[path] = sorted(set(problems))
    assert not found, found


def _download_all(page, kinds: tuple[str, ...]) -> dict[str, bytes]:
    """Click every download button of the page whose file name ends in one of ``kinds``; file name -> bytes."""
    files = {}
    buttons = page.locator('[data-testid="stDownloadButton"] button')
    for number in range(buttons.count()):
        button = buttons.nth(number)
        if button.is_disabled() or not button.is_visible():  # a tab not chosen hides its buttons
            continue
        with page.expect_download(timeout=120_000) as wait:
            button.click()
        download = wait.value
        if download.suggested_filename.rsplit(".", 1)[-1] in kinds:
            files[download.suggested_filename] = Path(download.path()).read_bytes()
    return files


def _svg_text(svg: bytes) -> str:
    return " ".join(re.findall(r"<text[^>]*>(.*?)</text>", svg.decode("utf-8"), flags=re.S))


def test_every_chart_image_and_brief_a_page_offers_is_in_thai(served, page):
    url, _, real_org = served
    found: dict[str, list[str]] = {}
    counted = 0
    for path in _urls(real_org):
        _open(page, f"{url}/{path}")
        for name, data in _download_all(page, ("svg", "png", "pdf")).items():
            counted += 1
            if name.endswith(".png"):
                assert data.startswith(b"\x89PNG"), name
            elif name.endswith(".pdf"):
                assert data.startswith(b"%PDF"), name
            elif problems := problems_in(re.sub(r"<[^>]+>", " ", _svg_text(data))):
                found[f"{path} {name}"] = sorted(set(problems))
    assert counted >= 30  # two images of every chart on eleven pages, and the brief
    assert not found, found


def test_every_table_download_is_in_thai_with_rounded_numbers(served, page):
    url, _, real_org = served
    found = {}
    for path in ("overview", "about", f"organization?org={real_org}"):
        _open(page, f"{url}/{path}")
        for name, data in _download_all(page, ("csv",)).items():
            if problems := [p for p in problems_in(data.decode("utf-8-sig")) if not p.startswith("English")]:
                found[f"{path} {name}"] = sorted(set(problems))
    assert not found, found


# --- Screens ----------------------------------------------------------------------------------------


def test_overview_table_headers_are_thai(served, page):
    url, *_ = served
    _open(page, f"{url}/overview")
    headers = _headers(page, None)
    assert labels.COLUMNS["mean_selection"] in headers and labels.COLUMNS["mean_nation"] in headers
    assert not [h for h in headers if re.search(r"[a-z]_[a-z]", h)], headers


def test_messages_on_screen_leave_the_english_gloss_out(served, page, tmp_path):
    url, *_ = served
    _open(page, f"{url}/import")
    empty = tmp_path / "ผลการประเมิน.csv"
    empty.write_text("", encoding="utf-8")
    page.locator(".st-key-table_upload input[type=file]").set_input_files(str(empty))
    page.wait_for_selector('[data-testid="stAlert"]', timeout=60_000)
    _wait(page)
    message = page.locator('[data-testid="stAlert"]').last.inner_text()
    assert "ผลการประเมิน.csv" in message and re.search(r"[\u0E00-\u0E7F]", message)
    assert not [p for p in problems_in(message) if p.startswith("English")], message


def test_the_uploader_speaks_thai(served, page):
    url, *_ = served
    _open(page, f"{url}/import")
    zone = page.locator(".st-key-table_upload [data-testid=stFileUploaderDropzone]")
    assert "Upload" not in zone.inner_text() and "per file" not in zone.inner_text()
    after = zone.locator("button [data-testid=stMarkdownContainer]").evaluate(
        "e => getComputedStyle(e, '::after').content"
    )
    assert labels.IMPORT_BROWSE in after


def test_numbers_have_thousands_separators_and_one_number_of_decimals_per_column(served, page):
    url, copy, _ = served
    with Store(copy) as store:
        levels = analytics.level_distribution(store.cursor(), Filters(fiscal_year=2568))
    _open(page, f"{url}/overview")
    bar_text = page.evaluate(
        "() => [...document.querySelectorAll('.st-key-levels .js-plotly-plot text.bartext')].map(e => e.textContent)"
    )
    assert sorted(bar_text) == sorted(f"{n:,}" for n in levels.org_count if n), bar_text
    headers, rows = _headers(page, None), _cells(page, None)
    mean = headers.index(labels.COLUMNS["mean_selection"]) - (len(headers) - len(rows[0]))
    count = headers.index(labels.COLUMNS["org_count"]) - (len(headers) - len(rows[0]))
    assert all(re.fullmatch(r"-?[\d,]+\.\d\d", r[mean]) for r in rows), [r[mean] for r in rows]
    assert all(re.fullmatch(r"\d{1,3}(,\d{3})*", r[count]) and "," in r[count] for r in rows), [r[count] for r in rows]


def test_the_date_picker_and_the_footer_show_buddhist_era_dates(served, page):
    url, *_ = served
    _open(page, f"{url}/measures")
    today = dt.date.today()
    assert labels.MEASURES_AS_OF_BE.format(date=thai.format_be_date(today)) in page.locator(APP).inner_text()
    footer = page.locator(APP).inner_text().rsplit(labels.ABOUT_TITLE, 1)[-1]
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", page.locator(APP).inner_text())
    assert re.search(r"\d{1,2} [ก-๙]+\.[ก-๙]*\.? 25\d\d", footer)


def test_every_item_has_a_title_or_says_it_is_unconfirmed(served, page):
    url, *_ = served
    _open(page, f"{url}/gaps")
    headers = _headers(page, labels.COLUMNS["share_below_full"])
    rows = _cells(page, labels.COLUMNS["share_below_full"])
    title = headers.index(labels.COLUMNS["title_th"]) - (len(headers) - len(rows[0]))
    assert rows and all(r[title] for r in rows), rows
    assert not any("unknown" in r[title] or "RTRDA" in r[title] for r in rows)


def _boxes(page, selector: str) -> list[dict]:
    if page.locator(selector).count():
        page.locator(selector).first.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
    return page.evaluate(
        "s => [...document.querySelectorAll(s)].map(e => { const r = e.getBoundingClientRect();"
        " return {x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent}; })",
        selector,
    )


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]
    )


def test_the_indicator_chart_labels_neither_overlap_nor_sit_on_the_bars(served, page):
    url, *_ = served
    _open(page, f"{url}/overview")
    chart = ".st-key-indicator_means .js-plotly-plot"
    ticks = _boxes(page, f"{chart} .ytick text")
    assert len(ticks) == 10
    assert not any(_overlap(a, b) for i, a in enumerate(ticks) for b in ticks[i + 1 :])
    (mark,) = [b for b in _boxes(page, f"{chart} .annotation-text") if labels.pass_mark_label(85) in b["text"]]
    bars = _boxes(page, f"{chart} .point path")
    assert bars and not any(_overlap(mark, bar) for bar in bars)


def test_a_profile_with_one_year_draws_that_year_and_its_pass_label_whole(served, page):
    url, _, real_org = served
    _open(page, f"{url}/organization?org={real_org}")
    years = [t["text"] for t in _boxes(page, ".st-key-org_total_history .xtick text")]
    assert years == ["2568"]
    chart = _boxes(page, ".st-key-org_indicators .main-svg")[0]
    (mark,) = [b for b in _boxes(page, ".st-key-org_indicators .annotation-text") if "85" in b["text"]]
    assert chart["y"] <= mark["y"] and mark["x"] + mark["w"] <= chart["x"] + chart["w"]


def test_ranking_by_an_indicator_says_what_each_column_ranks(served, page):
    url, *_ = served
    page.set_viewport_size({"width": 3600, "height": 1000})  # every column drawn
    _open(page, f"{url}/rankings?indicator=9")
    headers = _headers(page, labels.COLUMNS["group_size"])
    named = labels.rank_headers(labels.indicator_short_label("9"), labels.RANK_WITHIN["province"])
    for column in ("rank", "score", "level", "province_rank_computed"):
        assert named[column] in headers, (column, headers)
    assert labels.COLUMNS["rank"] not in headers and labels.COLUMNS["level"] not in headers


def test_the_withdraw_list_keeps_the_demo_data_behind_its_own_confirmation(served, page):
    url, *_ = served
    _open(page, f"{url}/import")
    page.get_by_role("tab", name=labels.IMPORT_TAB_HISTORY).click()
    _wait(page)
    choice = page.get_by_role("combobox", name=labels.IMPORT_WITHDRAW_CHOICE)
    choice.click()
    options = page.get_by_role("option").all_inner_texts()
    assert options and not [o for o in options if "synthetic" in o], options
    page.keyboard.press("Escape")
    page.get_by_text(labels.IMPORT_WITHDRAW_SHOW_DEMO).click()
    _wait(page)
    choice.click()
    page.get_by_role("option", name=re.compile("synthetic:national-v1")).click()
    _wait(page)
    page.get_by_role("button", name=labels.IMPORT_WITHDRAW).click()
    _wait(page)
    confirm = page.get_by_role("button", name=labels.IMPORT_CONFIRM_WITHDRAW)
    assert confirm.is_disabled()
    page.get_by_text(re.compile("เข้าใจแล้วว่านี่คือข้อมูลสมมุติ")).click()
    _wait(page)
    assert confirm.is_enabled()


def test_a_fresh_server_never_shows_file_names_in_the_menu(national_db, browser, tmp_path):
    copy = tmp_path / "ita.duckdb"
    shutil.copyfile(national_db, copy)
    proc, url = start_streamlit(copy, tmp_path / "streamlit.log")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{url}/rankings")
        seen = set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if page.locator(SIDEBAR).count():
                seen.add(page.locator(SIDEBAR).inner_text())
            if page.evaluate(SETTLED):
                break
            page.wait_for_timeout(100)
        _wait(page)
        page.wait_for_timeout(1000)
        seen.add(page.locator(SIDEBAR).inner_text())
        file_names = re.compile(r"\b(overview|rankings|shared|figures|access|display|import data|organization)\b")
        assert not [s for s in seen if file_names.search(s)], seen
        assert all(spec.title in page.locator(SIDEBAR).inner_text() for spec in PAGES)
    finally:
        context.close()
        proc.terminate()
        proc.wait(timeout=20)


def test_a_profiles_sources_put_the_line_read_beside_the_number(served, page):
    url, _, real_org = served
    page.set_viewport_size({"width": 3600, "height": 1000})
    _open(page, f"{url}/organization?org={real_org}")
    headers = _headers(page, labels.COLUMNS["snippet"])
    order = [labels.column_label(c) for c in ("value", "snippet", "location", "file_name")]
    positions = [headers.index(h) for h in order]
    assert positions == sorted(positions) and positions[-1] - positions[0] == 3, headers
    assert positions[0] <= 4


# --- What officers expect ------------------------------------------------------------------------------


def test_the_map_zooms_to_the_province_and_shows_its_districts_in_thai(served, page):
    url, *_ = served
    _open(page, f"{url}/overview?province={PROVINCE}")
    plot = ".st-key-province_map .js-plotly-plot"
    page.wait_for_selector(plot)
    view = page.evaluate(
        "s => { const el = document.querySelector(s); return {zoom: el._fullLayout.map.zoom, "
        "center: el._fullLayout.map.center, traces: el._fullData.map(t => t.type), "
        "districts: (el._fullData[1] || {customdata: []}).customdata.map(r => r[0])}; }",
        plot,
    )
    west, south, east, north = geo.province_bounds(PROVINCE)
    assert view["zoom"] > 6 and west < view["center"]["lon"] < east and south < view["center"]["lat"] < north
    assert view["traces"] == ["choroplethmap", "scattermap"]
    thai_districts = {d.name_th for d in geothai.districts(PROVINCE)}
    assert view["districts"] and set(view["districts"]) <= thai_districts
    box = _boxes(page, plot)[0]
    page.mouse.move(box["x"] + box["w"] * 0.45, box["y"] + box["h"] * 0.5)
    page.wait_for_selector(f"{plot} .hoverlayer .hovertext", timeout=10_000)
    hover = page.locator(f"{plot} .hoverlayer").text_content() or ""
    names = thai_districts | {geothai.province(PROVINCE).name_th} | {p.name_th for p in geothai.provinces()}
    assert any(n in hover for n in names), hover


def test_measures_show_the_score_of_their_indicator_before_and_after(served, page):
    url, copy, _ = served
    page.set_viewport_size({"width": 3600, "height": 1000})  # every column drawn
    for path in ("measures",):
        _open(page, f"{url}/{path}")
        headers = _headers(page, labels.COLUMNS["days_overdue"])
        for column in ("score_before", "score_after", "method_change"):
            assert labels.COLUMNS[column] in headers, headers
    with Store(copy) as store:
        cur = store.cursor()
        org = analytics.top_org(cur, Filters(fiscal_year=2568))
        measures = about_data.org_measures(cur, org)
    _open(page, f"{url}/organization?org={org}")
    headers = _headers(page, labels.COLUMNS["score_before"])
    first = _cells(page, labels.COLUMNS["score_before"])[0]
    offset = len(headers) - len(first)
    shown = first[headers.index(labels.COLUMNS["score_before"]) - offset]
    assert shown == (formats.text(measures.score_before.iloc[0]) if measures.score_before.notna().iloc[0] else "–")


def test_each_chart_saves_as_png_and_svg_with_its_thai_title(served, page):
    url, *_ = served
    _open(page, f"{url}/overview?province={PROVINCE}")
    files = {}
    for key in ("province_map", "indicator_means"):
        for fmt in ("png", "svg"):
            with page.expect_download(timeout=120_000) as wait:
                page.locator(f".st-key-{key}_{fmt}").get_by_role("button", name=re.compile(fmt.upper())).click()
            files[(key, fmt)] = Path(wait.value.path()).read_bytes()
    for key in ("province_map", "indicator_means"):
        assert files[(key, "png")].startswith(b"\x89PNG")
        text = _svg_text(files[(key, "svg")])
        assert "จังหวัดเชียงใหม่" in text and "สมมุติ" in text, text[:300]
