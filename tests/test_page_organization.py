"""หน่วยงาน: one organisation's profile, chosen by search, by another page or by a link, as the analytics give it."""

from __future__ import annotations

import shutil

import pytest
from pages_helpers import analytics_cursor, latest_year, table_with, texts
from small_data import HTML_TITLE, add_measure_titled, build_small_db

from ita_data import analytics, labels
from ita_data.analytics import Filters, about
from ita_data.store import Store
from pages.shared import plain

PAGE = "pages/organization.py"
col = labels.column_label


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def heading(at) -> str:
    """The organisation's name as the page wrote it (escaped for Markdown)."""
    return at.subheader[0].value


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("organization") / "small.duckdb"
    return path, build_small_db(path)


def test_with_nothing_chosen_the_first_of_the_selection_by_rank_is_shown(app, national_db):
    at = app(national_db, page=PAGE)
    assert not at.exception
    assert "หน่วยงาน" in texts(at.title)
    with analytics_cursor(national_db) as cur:
        f = Filters(latest_year(cur))
        first = analytics.rankings(cur, f, within="nation").iloc[0]
        history = analytics.org_history(cur, int(first.org_id))
        # The nation's median is named for what the data covers (the synthetic data has no กรุงเทพมหานคร).
        whole = labels.whole_headers(labels.whole_data(about.data_status(cur)))
    assert heading(at) == plain(first.org_name)
    year = history[history.fiscal_year == f.fiscal_year].set_index("indicator")
    assert metric(at, f"คะแนนรวม {f.fiscal_year}") == f"{year.loc['total', 'score']:,.2f}"
    scores = table_with(at, col("province_median"), whole.get("nation_median", col("nation_median")))
    assert scores[col("score")].tolist() == pytest.approx(year.score.tolist())
    assert scores[col("province_median")].tolist() == pytest.approx(year.province_median.tolist())
    assert len(at.get("plotly_chart")) == 3
    assert "org" not in at.query_params  # nothing chosen: the link follows the filters


def test_a_province_in_the_sidebar_changes_the_default_organisation(app, national_db):
    at = app(national_db, page=PAGE)
    before = heading(at)
    at.selectbox(key="province").select("19").run()
    assert not at.exception
    with analytics_cursor(national_db) as cur:
        first = analytics.rankings(cur, Filters(latest_year(cur), province_code="19"), within="nation").iloc[0]
    assert heading(at) == plain(first.org_name) != before
    assert first.province == "สระบุรี"


def test_a_link_opens_the_organisation_in_thai_digits_too(app, small_db):
    path, ids = small_db
    at = app(path, page=PAGE)
    at.query_params["org"] = str(ids["a"]).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    at.run()
    assert not at.exception
    assert heading(at) == plain("อบต.บ้านเอ")
    assert at.query_params["org"] == str(ids["a"])  # the URL carries the one shown
    with analytics_cursor(path) as cur:
        items = analytics.item_gaps(cur, Filters(2568), ids["a"])
        measures = about.org_measures(cur, ids["a"])
        sources = about.org_sources(cur, ids["a"], 2568)
    shown_items = table_with(at, col("gap_to_full"))
    assert shown_items[col("item")].tolist() == items.item.tolist() == ["o1", "i1"]
    assert shown_items[col("title_th")].tolist()[0] == items.title_th.iloc[0]
    assert table_with(at, col("overdue"), col("result"))[col("title")].tolist() == measures.title.tolist()
    shown_sources = table_with(at, col("file_name"), col("record"))
    assert len(shown_sources) == len(sources)
    assert shown_sources[col("value")].tolist() == pytest.approx(sources.value.tolist(), nan_ok=True)


def test_a_bad_link_gets_a_visible_notice_and_the_default(app, small_db):
    path, ids = small_db
    at = app(path, page=PAGE)
    at.query_params["org"] = "999999"
    at.run()
    assert not at.exception
    assert any("999999" in w.value for w in at.warning)
    with analytics_cursor(path) as cur:
        first = analytics.rankings(cur, Filters(2568), within="nation").iloc[0]
    assert heading(at) == plain(first.org_name)


def test_the_rankings_page_choice_and_a_search_choose_the_organisation(app, small_db):
    path, ids = small_db
    at = app(path, page=PAGE, org=ids["d"])
    assert heading(at) == plain("อบต.บ้านดี")
    assert at.query_params["org"] == str(ids["d"])

    at.text_input(key="org_search").input("บ้านซี").run()
    pick = at.selectbox(key="org_pick")
    with analytics_cursor(path) as cur:
        found = analytics.search_orgs(cur, "บ้านซี")
    assert pick.options == [f"{n} · {p} (รหัส {i})" for i, n, p in zip(found.org_id, found.org_name, found.province)]
    pick.select(ids["c"]).run()
    assert not at.exception
    assert heading(at) == plain("ทต.บ้านซี")
    assert at.session_state["org"] == ids["c"]
    assert at.query_params["org"] == str(ids["c"])
    with analytics_cursor(path) as cur:
        year = analytics.org_history(cur, ids["c"]).query("fiscal_year == 2568")
    assert table_with(at, col("province_median"))[col("score")].tolist() == pytest.approx(year.score.tolist())

    at.text_input(key="org_search").input(str(ids["b"]).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))).run()
    # an id typed in Thai digits finds that organisation first
    assert at.selectbox(key="org_pick").options[0] == f"อบต.บ้านบี · สระบุรี (รหัส {ids['b']})"


def test_a_year_without_an_assessment_says_so(app, small_db):
    path, ids = small_db
    at = app(path, page=PAGE, org=ids["a"])
    at.selectbox(key="fy").select(2567).run()
    assert not at.exception
    with analytics_cursor(path) as cur:
        year = analytics.org_history(cur, ids["a"]).query("fiscal_year == 2567")
    assert table_with(at, col("province_median"))[col("score")].tolist() == pytest.approx(year.score.tolist())
    assert any("ไม่มีคะแนนรายข้อ" in i.value for i in at.info)  # no items stored for FY2567


def test_an_empty_database_shows_the_search_and_a_notice(app, tmp_path):
    Store(tmp_path / "empty.duckdb").close()
    at = app(tmp_path / "empty.duckdb", page=PAGE)
    assert not at.exception
    assert "หน่วยงาน" in texts(at.title)
    assert at.text_input(key="org_search")
    assert at.info


def test_a_search_for_html_and_a_measure_title_with_html_stay_text(app, small_db, tmp_path):
    path = tmp_path / "copy.duckdb"
    shutil.copy(small_db[0], path)
    org = small_db[1]["c"]
    add_measure_titled(path, org, HTML_TITLE)
    at = app(path, page=PAGE, org=org)
    assert not at.exception
    assert HTML_TITLE in table_with(at, col("overdue"), col("result"))[col("title")].tolist()
    assert HTML_TITLE in table_with(at, col("file_name"), col("record"))[col("key")].tolist()
    at.text_input(key="org_search").input("<b>ไม่มี</b>").run()
    assert any(plain("<b>ไม่มี</b>") in i.value for i in at.info)
    assert not any(m.proto.allow_html for m in at.markdown)
