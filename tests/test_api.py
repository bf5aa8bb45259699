"""The data API over real HTTP against a real server (`streamlit run app.py`): every view's JSON and CSV
hold what the analytics function the page calls gives for the same filters (computed here, through the
analytics, never copied); values are checked as a page link's are; ETags follow the published data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from analytics_helpers import Builder, flat
from pages_helpers import analytics_cursor

from ita_data import analytics, labels, thai
from ita_data.analytics import Filters
from ita_data.analytics import about as about_data
from ita_data.store import Store
from tests.conftest import serving_copy
from tests.serving_support import WAIT_MS
from tests.small_data import build_small_db

pytestmark = pytest.mark.e2e

API = "/api/v1"


@pytest.fixture(scope="module")
def server(national_db, tmp_path_factory):
    with serving_copy(national_db, tmp_path_factory.mktemp("api")) as (_proc, url, _db):
        yield url


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET"):
    """(status, headers, body) of one request, errors included."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def api(server: str, name: str, query: dict[str, str] | None = None, extension: str = "json"):
    return get(f"{server}{API}/{name}.{extension}?{urllib.parse.urlencode(query or {})}")


# --- what the page asks the analytics, asked here directly ---------------------------------------


@pytest.fixture(scope="module")
def facts(national_db):
    """The selection the tests ask for, and the analytics' answers to it."""
    with analytics_cursor(national_db) as cur:
        options = analytics.filter_options(cur)
        provinces = options[options.kind == "province"]
        province = provinces.code.iloc[5]
        name = provinces.label.iloc[5]
        years = analytics.data_years(cur)
        fy = years[-2]
        f = Filters(fiscal_year=fy, province_code=province, indicator="9")
        org = analytics.top_org(cur, replace(f, indicator="total"))
        yield {"cur": cur, "province": province, "name": name, "fy": fy, "years": years, "f": f, "org": org}


def _trends(cur, f):
    t = analytics.trends(cur, f)
    return t[t.years_count > 1].sort_values(["improving_streak", "slope"], ascending=False, ignore_index=True)


def _history_year(cur, org, fy):
    h = analytics.org_history(cur, org, True)
    return h[h.fiscal_year == fy]


def _open(cur, f, as_of, status):
    m = analytics.open_measures(cur, f, as_of)
    return m[m.measure_id.notna() & (m.status == status)]


def _uncovered(cur, f):
    c = analytics.measure_coverage(cur, f)
    return c[~c.covered]


TODAY = dt.date.today()
AS_OF = dt.date(TODAY.year - 1, 12, 31)


def cases(x):
    """view -> (query as a person or another office writes it, what the analytics give)."""
    cur, f, fy, org, province = x["cur"], x["f"], x["fy"], x["org"], x["province"]
    total = replace(f, indicator="total")
    thai_year = thai.to_thai_digits(str(fy))
    base = {"fy": str(fy), "province": province, "indicator": "9"}
    by_name = {"fy": thai_year, "province": x["name"], "indicator": labels.INDICATOR_LABELS["9"]}
    later, earlier = x["years"][-1], x["years"][-3]
    effect_year = analytics.next_year_pairs(x["years"])[0]
    return {
        "overview": (by_name, analytics.overview(cur, f)),
        "indicators": (base, analytics.indicator_means(cur, f)),
        "levels": (base, analytics.level_distribution(cur, f)),
        "districts": (by_name, analytics.district_map(cur, f)),
        "provinces": (base, analytics.province_map(cur, replace(f, province_code=None))),
        "rankings": ({**by_name, "within": labels.RANK_WITHIN["nation"]}, analytics.rankings(cur, f, "nation")),
        "rank-differs": (base, (lambda r: r[r.rank_reported_differs])(analytics.rankings(cur, f, "province"))),
        "change": (
            {**base, "from": str(earlier), "to": thai.to_thai_digits(str(later))},
            analytics.movers(cur, replace(f, fiscal_year=later), n=10, from_year=earlier),
        ),
        "trends": ({**base, "to": str(later)}, _trends(cur, replace(f, fiscal_year=later))),
        "gaps": ({**base, "priority": "๒"}, analytics.fix_first(analytics.indicator_gaps(cur, f), 2)),
        "weak-indicators": (base, analytics.province_weak_shares(cur, f)),
        "item-gaps": (by_name, analytics.item_gap_summary(cur, f)),
        "org-items": ({**base, "indicator": "total", "org": str(org)}, analytics.item_gaps(cur, total, org)),
        "measures": (
            {**base, "indicator": "total", "as_of": AS_OF.isoformat(), "m_status": labels.STATUSES["in_progress"]},
            _open(cur, total, AS_OF, "in_progress"),
        ),
        "measures-summary": (
            {**base, "indicator": "total", "as_of": thai.format_be_date(AS_OF), "m_by": "org"},
            analytics.open_measures_summary(cur, total, AS_OF, by="org"),
        ),
        "coverage": ({**base, "indicator": "total"}, _uncovered(cur, total)),
        "measure-effect": (
            {**base, "indicator": "total", "m_effect_year": str(effect_year)},
            analytics.measure_effectiveness(cur, replace(total, fiscal_year=effect_year)),
        ),
        "organization": ({**base, "org": thai.to_thai_digits(str(org))}, _history_year(cur, org, fy)),
        "org-history": ({**base, "org": str(org)}, analytics.org_history(cur, org, True)),
        "org-measures": ({**base, "org": str(org)}, about_data.org_measures(cur, org, TODAY)),
        "org-sources": ({**base, "org": str(org)}, about_data.org_sources(cur, org, fy)),
        "sources": ({}, about_data.sources(cur)),
        "quality-total": (base, analytics.total_check(cur, f)),
        "quality-level": (base, analytics.level_check(cur, f)),
        "quality-missing": (base, analytics.missing_years(cur, f)),
        "quality-duplicates": ({"fy": str(fy)}, analytics.duplicate_orgs(cur, Filters(fiscal_year=fy))),
        "quality-disagreements": (base, analytics.source_disagreements(cur, province, True)),
        "indicator-list": ({}, about_data.indicator_table()),
        "method": ({}, about_data.method_by_year()),
        "level-bands": ({}, about_data.level_bands_by_year()),
    }


# The columns an answer must carry, whatever else a page adds: what identifies a row and its number.
MUST = {
    "rankings": {"org_id", "org_name", "rank", "score", "group_size"},
    "change": {"org_id", "direction", "score_from", "score_to", "delta"},
    "gaps": {"org_id", "indicator", "points_recoverable", "priority"},
    "measures": {"org_id", "title", "due_date", "status", "overdue"},
    "organization": {"indicator", "score", "province_median"},
    "org-sources": {"record", "key", "value", "file_name"},
}


def plain(value):
    """An analytics value as JSON carries it."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(v) for v in value]
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        return plain(value.item())
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return value.isoformat()
    return value


def test_the_index_lists_every_view_with_its_parameters_and_columns(server, facts):
    status, headers, body = get(f"{server}{API}/")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    index = json.loads(body)
    names = {v["name"] for v in index["views"]}
    assert set(cases(facts)) == names
    rankings = next(v for v in index["views"] if v["name"] == "rankings")
    assert {"fy", "province", "indicator", "within"} <= set(rankings["parameters"])
    assert [c["name"] for c in rankings["columns"]][:2] == ["rank", "group_size"]
    assert index["brief"]["pdf"].endswith(f"{API}/brief.pdf")


@pytest.mark.parametrize("name", list(MUST) + ["overview", "levels", "trends", "org-history", "quality-missing"])
def test_a_views_json_holds_what_the_analytics_give_for_the_same_filters(server, facts, name):
    query, expected = cases(facts)[name]
    status, headers, raw = api(server, name, query)
    assert status == 200, raw[:300]
    assert headers["ETag"] and headers["Cache-Control"] == "no-cache"
    body = json.loads(raw)
    assert body["view"] == name and body["data_version"]
    assert_same_rows(body, expected, MUST.get(name, set()))


def test_every_other_views_json_and_csv_hold_the_analytics_answer(server, facts):
    for name, (query, expected) in cases(facts).items():
        status, _, raw = api(server, name, query)
        assert status == 200, (name, raw[:300])
        body = json.loads(raw)
        assert_same_rows(body, expected, MUST.get(name, set()))
        status, headers, raw_csv = api(server, name, query, "csv")
        assert status == 200 and headers["Content-Type"].startswith("text/csv"), name
        assert_same_csv(raw_csv, body, expected)


def assert_same_rows(body: dict, expected: pd.DataFrame, must: set[str]) -> None:
    columns = [c["name"] for c in body["columns"]]
    assert columns and set(columns) <= set(expected.columns), set(columns) - set(expected.columns)
    assert must <= set(columns)
    assert len(body["rows"]) == len(expected)
    for row in body["rows"]:
        assert list(row) == columns  # keyed by the analytics' names, in the page's order
    for column in columns:
        got = [row[column] for row in body["rows"]]
        want = [plain(v) for v in expected[column]]
        for g, w in zip(got, want):
            if isinstance(w, float) and g is not None:
                assert g == pytest.approx(w), column
            else:
                assert g == w, column


LABEL_MAPS = [
    labels.INDICATOR_LABELS,
    labels.INDICATOR_SHORT_LABELS,
    labels.ORG_TYPE_LABELS,
    labels.STATUSES,
    labels.DIRECTIONS,
    labels.RECORDS,
    labels.SOURCE_KINDS,
    labels.TOOLS,
    labels.WEIGHTS_STATUS,
    labels.LEVEL_SCHEMES,
    labels.DUPLICATE_REASONS,
    labels.FACT_LABELS,
]


def assert_same_csv(raw: bytes, body: dict, expected: pd.DataFrame) -> None:
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel on a Thai system
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    notes = [line[0] for line in lines if line and line[0].startswith("# ")]
    assert body["title"] in notes[0]
    assert (labels.SYNTHETIC_BANNER in " ".join(notes)) == body["synthetic"]
    assert any(body["link"] in n for n in notes)
    header, *rows = lines[len(notes) :]
    assert header == [c["label"] for c in body["columns"]]
    assert len(rows) == len(expected)
    for i, column in enumerate(body["columns"]):
        for cell, value in zip((r[i] for r in rows), expected[column["name"]]):
            assert_cell(cell, value, column)


def assert_cell(cell: str, value, column: dict) -> None:
    name, kind = column["name"], column["type"]
    value = plain(value)
    if value is None:
        assert cell == "", name
    elif isinstance(value, bool):
        assert cell == labels.yes_no(value), name
    elif kind == "share":
        assert cell.endswith("%") and float(cell[:-1]) / 100 == pytest.approx(value, abs=0.0006), name
    elif isinstance(value, float) and kind != "integer":
        decimals = len(cell.partition(".")[2])  # rounded as the screen rounds it: two decimals at most
        assert decimals <= 2 and abs(float(cell) - value) <= 0.5 * 10**-decimals + 1e-9, (name, cell, value)
    elif isinstance(value, (int, float)):
        assert cell == str(int(value)), name
    elif isinstance(value, list):
        assert cell == ", ".join(map(str, value)), name
    elif name in ("due_date", "completed_on", "earliest_due_date") and value:
        assert cell == thai.format_be_date(dt.date.fromisoformat(value[:10])), name
    elif name in ("imported_at", "withdrawn_at"):
        assert cell.startswith(thai.format_be_date(dt.date.fromisoformat(value[:10]))), name
    else:
        words = {m[value] for m in LABEL_MAPS if value in m}
        assert cell in {value, "'" + value, *words} or cell == labels.MEASURE_GROUPS.get(value), (name, cell, value)


# --- a link copied from a page -------------------------------------------------------------------


def test_a_link_copied_from_a_page_asks_the_api_for_the_same_view(server, facts, browser):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        page.goto(f"{server}/rankings?province={facts['province']}&indicator=9&within=nation&fy={facts['fy']}")
        # The page writes its link back in the canonical form: codes, the sidebar's parameters first.
        page.wait_for_function("() => location.search.startsWith('?fy=')", timeout=WAIT_MS)
        page.wait_for_selector('[data-testid="stDataFrame"]', timeout=WAIT_MS)
        copied = urllib.parse.urlsplit(page.url).query
    finally:
        page.context.close()
    status, _, raw = get(f"{server}{API}/rankings.json?{copied}")
    assert status == 200
    body = json.loads(raw)
    assert_same_rows(body, analytics.rankings(facts["cur"], facts["f"], "nation"), MUST["rankings"])
    assert urllib.parse.urlsplit(body["link"]).query == copied  # and the answer names the page's own link


# --- values checked as the pages check them --------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"province": "แอตแลนติส"}, "province"),
        ({"fy": "2499"}, "fy"),
        ({"indicator": "11"}, "indicator"),
        ({"within": "moon"}, "within"),
        ({"district": "1001"}, "district"),
        ({"provnce": "50"}, "provnce"),
        ({"province": "x" * 5000}, None),
    ],
)
def test_a_value_that_names_nothing_is_a_400_in_thai_and_english(server, query, parameter):
    status, headers, raw = api(server, "rankings", query)
    assert status in (400, 414)
    error = json.loads(raw)["error"]
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in error["th"]) and error["en"][:10].isascii()
    assert error.get("parameter") == parameter
    assert b"Traceback" not in raw and len(raw) < 2_000


def test_the_api_only_reads(server):
    status, headers, raw = get(f"{server}{API}/rankings.json", method="POST")
    assert status == 405
    assert get(f"{server}{API}/nothing.json")[0] == 404
    assert get(f"{server}{API}/rankings.xml")[0] == 404
    status, _, raw = get(f"{server}{API}/rankings.json?province=50&province=51")
    assert status == 400 and b"province" in raw
    status, headers, body = get(f"{server}{API}/overview.json", method="HEAD")
    assert status == 200 and not body and headers["ETag"]


def test_the_brief_prints_a_province_and_asks_for_one(server, facts):
    status, headers, raw = get(f"{server}{API}/brief.pdf?{urllib.parse.urlencode({'province': facts['name']})}")
    assert status == 200 and headers["Content-Type"] == "application/pdf" and raw.startswith(b"%PDF")
    status, _, raw = get(f"{server}{API}/brief.pdf")
    assert status == 400 and "province" in json.loads(raw)["error"]["en"]


# --- cheap to ask again: ETags follow the published data ----------------------------------------


def test_a_publish_changes_the_etag_an_old_one_gets_200_the_same_one_304(tmp_path):
    build_small_db(tmp_path / "small.duckdb")
    (tmp_path / "served").mkdir()
    with serving_copy(tmp_path / "small.duckdb", tmp_path / "served") as (_proc, url, db):
        address = f"{url}{API}/rankings.json?within=nation"
        status, headers, raw = get(address)
        assert status == 200
        first, rows = headers["ETag"], len(json.loads(raw)["rows"])
        assert get(address, {"If-None-Match": first})[0] == 304
        with Store(db) as store, store.transaction() as cur:
            b = Builder(cur, kind="analysis")
            b.year(b.org("บ้านใหม่"), json.loads(raw)["filters"]["fy"], flat(88))
        status, headers, raw = get(address, {"If-None-Match": first})
        assert status == 200 and headers["ETag"] != first
        assert len(json.loads(raw)["rows"]) == rows + 1
        assert get(address, {"If-None-Match": headers["ETag"]})[0] == 304
