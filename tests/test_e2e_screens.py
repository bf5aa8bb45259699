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

from ita_data import analytics, formats, geo, labels, thai
from ita_data.analytics import Filters
from ita_data.analytics import about as about_data
from ita_data.store import Store
from pages import PAGES
from tests import screens_support as support
from tests.conftest import start_streamlit
from tests.screen_reading import APP, column, grid, problems_in, readable_text, svg_text
from tests.screens_support import PROVINCE, open_page, urls, wait
from tests.serving_support import SETTLED, WAIT_MS

pytestmark = pytest.mark.e2e

SIDEBAR = '[data-testid="stSidebar"]'
served, page, ours = support.served, support.page, support.ours  # the fixtures


# --- no English, no raw values, no long numbers: every page and every file it offers ---------------


def test_no_page_shows_english_words_raw_values_or_long_numbers(served, page, ours):
    url, _, real_org = served
    page.set_viewport_size({"width": 3600, "height": 1000})  # a table draws only the columns in view
    found = {}
    for path in urls(real_org):
        open_page(page, f"{url}/{path}")
        if problems := ours(problems_in(readable_text(page))):
            found[path] = problems
    assert not found, found


# --- Screens ----------------------------------------------------------------------------------------


def test_overview_table_headers_are_thai(served, page):
    url, copy, _ = served
    with Store(copy) as store:
        # the nation, or "all" when the data covers less (the heading above the table says what)
        whole = labels.whole_data(about_data.data_status(store.cursor()), short=True)
    open_page(page, f"{url}/overview")
    headers, _ = grid(page, None)
    nation = labels.whole_headers(whole).get("mean_nation", labels.COLUMNS["mean_nation"])
    assert labels.COLUMNS["mean_selection"] in headers and nation in headers, headers
    assert not [h for h in headers if re.search(r"[a-z]_[a-z]", h)], headers


def test_messages_on_screen_leave_the_english_gloss_out(served, page, tmp_path):
    url, *_ = served
    open_page(page, f"{url}/import")
    empty = tmp_path / "ผลการประเมิน.csv"
    empty.write_text("", encoding="utf-8")
    page.locator(".st-key-table_upload input[type=file]").set_input_files(str(empty))
    page.wait_for_selector('[data-testid="stAlert"]', timeout=WAIT_MS)
    wait(page)
    message = page.locator('[data-testid="stAlert"]').last.inner_text()
    assert "ผลการประเมิน.csv" in message and re.search(r"[\u0E00-\u0E7F]", message)
    assert not [p for p in problems_in(message) if p.startswith("English")], message


def test_the_uploader_speaks_thai(served, page):
    url, *_ = served
    open_page(page, f"{url}/import")
    zone = page.locator(".st-key-table_upload [data-testid=stFileUploaderDropzone]")
    assert "Upload" not in zone.inner_text() and "per file" not in zone.inner_text()
    after = zone.locator("button [data-testid=stMarkdownContainer]").evaluate(
        "e => getComputedStyle(e, '::after').content"
    )
    assert labels.IMPORT_BROWSE in after


def test_numbers_have_thousands_separators_and_one_number_of_decimals_per_column(served, page):
    url, copy, _ = served
    with Store(copy) as store:
        year = max(analytics.data_years(store.cursor()))
        levels = analytics.level_distribution(store.cursor(), Filters(fiscal_year=year))
        means = analytics.indicator_means(store.cursor(), Filters(fiscal_year=year))
    open_page(page, f"{url}/overview")
    bar_text = page.evaluate(
        "() => [...document.querySelectorAll('.st-key-levels .js-plotly-plot text.bartext')].map(e => e.textContent)"
    )
    assert sorted(bar_text) == sorted(f"{n:,}" for n in levels.org_count if n), bar_text
    headers, rows = grid(page, None)
    mean = [r[headers.index(labels.COLUMNS["mean_selection"])] for r in rows]
    count = [r[headers.index(labels.COLUMNS["org_count"])] for r in rows]
    assert len(rows) == len(means)
    assert all(re.fullmatch(r"\d{1,3}(,\d{3})+", n) for n in count), count  # a national count is in thousands
    assert count == [formats.text(n, "count") for n in means.org_count]
    assert all(re.fullmatch(r"\d{2,3}\.\d\d", m) for m in mean), mean  # a score: two decimals, always
    assert mean == [formats.text(m) for m in means.mean_selection]


def test_the_date_picker_and_the_footer_show_buddhist_era_dates(served, page):
    url, *_ = served
    open_page(page, f"{url}/measures")
    today = dt.date.today()
    assert labels.MEASURES_AS_OF_BE.format(date=thai.format_be_date(today)) in page.locator(APP).inner_text()
    footer = page.locator(APP).inner_text().rsplit(labels.ABOUT_TITLE, 1)[-1]
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", page.locator(APP).inner_text())
    assert re.search(r"\d{1,2} [ก-๙]+\.[ก-๙]*\.? 25\d\d", footer)


def test_every_item_has_a_title_or_says_it_is_unconfirmed(served, page):
    url, *_ = served
    open_page(page, f"{url}/gaps")
    titles = column(page, labels.COLUMNS["title_th"], of=labels.COLUMNS["share_below_full"])
    assert titles and all(t and t != labels.MISSING_VALUE for t in titles), titles
    assert not any("unknown" in t or "RTRDA" in t for t in titles), titles


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
    open_page(page, f"{url}/overview")
    chart = ".st-key-indicator_means .js-plotly-plot"
    ticks = _boxes(page, f"{chart} .ytick text")
    assert len(ticks) == 10
    assert not any(_overlap(a, b) for i, a in enumerate(ticks) for b in ticks[i + 1 :])
    (mark,) = [b for b in _boxes(page, f"{chart} .annotation-text") if labels.pass_mark_label(85) in b["text"]]
    bars = _boxes(page, f"{chart} .point path")
    assert bars and not any(_overlap(mark, bar) for bar in bars)


# Every chart's tick labels and every metric's words, as drawn: a label that overlaps its neighbour or
# a metric cut off with an ellipsis cannot be read.
CROWDED = """() => {
    const box = e => e.getBoundingClientRect();
    const overlap = (a, b) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1
        && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
    const found = [];
    for (const [n, chart] of [...document.querySelectorAll('.js-plotly-plot')].entries()) {
        for (const axis of ['xtick', 'ytick']) {
            const ticks = [...chart.querySelectorAll(`.${axis} text`)].filter(t => t.textContent);
            for (let i = 1; i < ticks.length; i++) {
                if (overlap(box(ticks[i - 1]), box(ticks[i])))
                    found.push(`chart ${n} ${axis}: ${ticks[i - 1].textContent} / ${ticks[i].textContent}`);
            }
        }
    }
    for (const text of document.querySelectorAll('[data-testid="stMetric"] .stMarkdownEllipsis')) {
        if (text.scrollWidth > text.clientWidth + 1) found.push(`metric cut: ${text.textContent}`);
    }
    return found;
}"""


@pytest.mark.parametrize("width", [1024, 1400])
def test_no_chart_label_overlaps_and_no_metric_is_cut_off(served, page, width):
    url, _, real_org = served
    page.set_viewport_size({"width": width, "height": 1000})
    found = {}
    for path in urls(real_org):
        open_page(page, f"{url}/{path}")
        if crowded := page.evaluate(CROWDED):
            found[path] = crowded
    assert not found, found


def test_a_profile_with_one_year_draws_that_year_and_its_pass_label_whole(served, page):
    url, _, real_org = served
    open_page(page, f"{url}/organization?org={real_org}")
    years = [t["text"] for t in _boxes(page, ".st-key-org_total_history .xtick text")]
    assert years == ["2568"]
    chart = _boxes(page, ".st-key-org_indicators .main-svg")[0]
    (mark,) = [b for b in _boxes(page, ".st-key-org_indicators .annotation-text") if "85" in b["text"]]
    assert chart["y"] <= mark["y"] and mark["x"] + mark["w"] <= chart["x"] + chart["w"]


def test_ranking_by_an_indicator_says_what_each_column_ranks(served, page):
    url, *_ = served
    page.set_viewport_size({"width": 3600, "height": 1000})  # every column drawn
    open_page(page, f"{url}/rankings?indicator=9")
    headers, _ = grid(page, labels.COLUMNS["group_size"])
    named = labels.rank_headers(labels.indicator_short_label("9"), labels.RANK_WITHIN["province"])
    for name in ("rank", "score", "level", "province_rank_computed"):
        assert named[name] in headers, (name, headers)
    assert labels.COLUMNS["rank"] not in headers and labels.COLUMNS["level"] not in headers


def test_the_withdraw_list_keeps_the_demo_data_behind_its_own_confirmation(served, page):
    url, *_ = served
    open_page(page, f"{url}/import")
    page.get_by_role("tab", name=labels.IMPORT_TAB_HISTORY).click()
    wait(page)
    choice = page.get_by_role("combobox", name=labels.IMPORT_WITHDRAW_CHOICE)
    choice.click()
    options = page.get_by_role("option").all_inner_texts()
    assert options and not [o for o in options if "synthetic" in o], options
    page.keyboard.press("Escape")
    page.get_by_text(labels.IMPORT_WITHDRAW_SHOW_DEMO).click()
    wait(page)
    choice.click()
    page.get_by_role("option", name=re.compile("synthetic:national-v1")).click()
    wait(page)
    page.get_by_role("button", name=labels.IMPORT_WITHDRAW).click()
    wait(page)
    confirm = page.get_by_role("button", name=labels.IMPORT_CONFIRM_WITHDRAW)
    assert confirm.is_disabled()
    page.get_by_text(re.compile("เข้าใจแล้วว่านี่คือข้อมูลสมมุติ")).click()
    wait(page)
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
        wait(page)
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
    open_page(page, f"{url}/organization?org={real_org}")
    headers, _ = grid(page, labels.COLUMNS["snippet"])
    order = [labels.column_label(c) for c in ("value", "snippet", "location", "file_name")]
    positions = [headers.index(h) for h in order]
    assert positions == sorted(positions) and positions[-1] - positions[0] == 3, headers
    assert positions[0] <= 4


# --- What officers expect ------------------------------------------------------------------------------


def test_the_map_zooms_to_the_province_and_shows_its_districts_in_thai(served, page):
    url, *_ = served
    open_page(page, f"{url}/overview?province={PROVINCE}")
    plot = ".st-key-province_map .js-plotly-plot"
    page.wait_for_selector(plot)
    view = page.evaluate(
        "s => { const el = document.querySelector(s); return {zoom: el._fullLayout.map.zoom, "
        "center: el._fullLayout.map.center, traces: el._fullData.map(t => t.type), "
        "districts: (el._fullData[1] || {customdata: []}).customdata.map(r => r[0])}; }",
        plot,
    )
    bounds = geo.province_bounds(PROVINCE)
    assert bounds is not None
    west, south, east, north = bounds
    assert view["zoom"] > 6 and west < view["center"]["lon"] < east and south < view["center"]["lat"] < north
    assert view["traces"] == ["choroplethmap", "scattermap"]
    thai_districts = {d.name_th for d in geothai.districts(PROVINCE)}
    assert view["districts"] and set(view["districts"]) <= thai_districts
    box = _boxes(page, plot)[0]
    page.mouse.move(box["x"] + box["w"] * 0.45, box["y"] + box["h"] * 0.5)
    page.wait_for_selector(f"{plot} .hoverlayer .hovertext", timeout=WAIT_MS)
    hover = page.locator(f"{plot} .hoverlayer").text_content() or ""
    names = thai_districts | {geothai.province(PROVINCE).name_th} | {p.name_th for p in geothai.provinces()}
    assert any(n in hover for n in names), hover


def test_measures_show_the_score_of_their_indicator_before_and_after(served, page):
    """On the measures page and on the profile of an organisation with open measures: the indicator's score
    in the measure's year and the year after, as the analytics give them (a dash where there is none)."""
    url, copy, _ = served
    with Store(copy) as store:
        cur = store.cursor()
        year = max(analytics.data_years(cur))
        open_measures = analytics.open_measures(cur, Filters(fiscal_year=year), dt.date.today())
        org = int(open_measures.org_id.iloc[0])
        profile = about_data.org_measures(cur, org)
    page.set_viewport_size({"width": 3600, "height": 1000})  # every column drawn
    for path, expected in (("measures", open_measures), (f"organization?org={org}", profile)):
        open_page(page, f"{url}/{path}")
        headers, rows = grid(page, labels.COLUMNS["score_before"])
        assert labels.COLUMNS["method_change"] in headers, headers
        for name in ("score_before", "score_after"):
            shown = [r[headers.index(labels.COLUMNS[name])] for r in rows]
            assert shown == [formats.text(v) for v in expected[name].head(len(shown))], (path, name)
        assert rows and any(r[headers.index(labels.COLUMNS["score_before"])] != "–" for r in rows), path


def test_each_chart_saves_as_png_and_svg_with_its_thai_title(served, page):
    url, *_ = served
    open_page(page, f"{url}/overview?province={PROVINCE}")
    files = {}
    for key in ("province_map", "indicator_means"):
        for fmt in ("png", "svg"):
            with page.expect_download(timeout=120_000) as wait:
                page.locator(f".st-key-{key}_{fmt}").get_by_role("button", name=re.compile(fmt.upper())).click()
            files[(key, fmt)] = Path(wait.value.path()).read_bytes()
    for key in ("province_map", "indicator_means"):
        assert files[(key, "png")].startswith(b"\x89PNG")
        text = svg_text(files[(key, "svg")])
        assert "จังหวัดเชียงใหม่" in text and "สมมุติ" in text, text[:300]
