"""The rankings page shows analytics.rankings for the chosen scope and selection; a chosen row opens the profile."""

from __future__ import annotations

import pytest
from analytics_helpers import Builder, flat
from pages_helpers import analytics_cursor, latest_year, province_codes, shown, table_with, texts

from ita_data import analytics, labels
from ita_data.analytics import Filters
from ita_data.analytics.history import score_history
from ita_data.store import Store

PAGE = "pages/rankings.py"
col = labels.column_label


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label))


def rank_col(expected, name: str) -> str:
    """A ranking column's header: it names what it ranks, the measure within the scope (issue 24)."""
    indicator, within = expected.indicator.iloc[0], expected.within.iloc[0]
    return labels.rank_headers(labels.indicator_short_label(indicator), labels.RANK_WITHIN[within])[name]


def assert_shows(at, expected) -> None:
    table = shown(at, "rank_table")
    # the organisation's code is not sent (a row opens the profile on the server): its name is shown
    assert col("org_id") not in table.columns
    assert table[col("org_name")].tolist() == expected.org_name.tolist()
    assert table[rank_col(expected, "rank")].tolist() == expected["rank"].tolist()
    assert table[rank_col(expected, "score")].tolist() == pytest.approx(expected.score.tolist())
    assert metric(at, labels.RANK_ORGS) == f"{len(expected):,}"


def test_rankings_page_shows_the_provincial_ranking_with_past_scores(app, national_db):
    at = app(national_db, page=PAGE)
    assert not at.exception
    assert "อันดับ" in texts(at.title)
    with analytics_cursor(national_db) as cur:
        f = Filters(fiscal_year=latest_year(cur))
        expected = analytics.rankings(cur, f, "province")
        history = score_history(cur, f).set_index("org_id").scores
    assert_shows(at, expected)
    table = shown(at, "rank_table")
    for row in (0, len(table) - 1):
        org_id = expected.org_id.iloc[row]  # the same rows in the same order (assert_shows)
        scores, score = rank_col(expected, "scores"), rank_col(expected, "score")
        assert list(table[scores].iloc[row]) == pytest.approx(list(history[org_id]))
        assert table[scores].iloc[row][-1] == pytest.approx(table[score].iloc[row])


def test_choosing_the_nation_ranks_across_the_country(app, national_db):
    at = app(national_db, page=PAGE)
    at.segmented_control(key="within").set_value("nation").run()
    assert not at.exception
    with analytics_cursor(national_db) as cur:
        expected = analytics.rankings(cur, Filters(fiscal_year=latest_year(cur)), "nation")
    assert_shows(at, expected)
    assert shown(at, "rank_table")[col("group_size")].eq(len(expected)).all()


def test_choosing_a_province_and_an_indicator_narrows_and_reranks(app, national_db):
    at = app(national_db, page=PAGE)
    with analytics_cursor(national_db) as cur:
        province = province_codes(cur)[3]
        expected = analytics.rankings(
            cur, Filters(fiscal_year=latest_year(cur), province_code=province, indicator="9"), "province"
        )
    at.selectbox(key="province").set_value(province).run()
    at.selectbox(key="indicator").set_value("9").run()
    assert not at.exception
    assert_shows(at, expected)


def test_choosing_a_row_opens_that_organisations_profile(app, national_db):
    at = app(national_db, page=PAGE)
    with analytics_cursor(national_db) as cur:
        expected = analytics.rankings(cur, Filters(fiscal_year=latest_year(cur)), "province")
    assert_shows(at, expected)
    at.session_state["rank_table"] = {"selection": {"rows": [2], "columns": []}}
    at.run()
    assert at.session_state["org"] == expected.org_id.iloc[2]
    assert not at.exception
    assert "หน่วยงาน" in texts(at.title)  # the profile page's title


def test_a_printed_rank_that_differs_from_ours_is_listed(app, tmp_path):
    path = tmp_path / "reported.duckdb"
    with Store(path) as store, store.transaction() as cur:
        b = Builder(cur)
        a, b_id = b.org("บ้านเอ"), b.org("บ้านบี")
        b.year(a, 2566, flat(90), rank=2, rank_of=2)  # the report says 2nd; by score it is 1st
        b.year(b_id, 2566, flat(80), rank=2, rank_of=2)
    at = app(path, page=PAGE)
    assert not at.exception
    with analytics_cursor(path) as cur:
        expected = analytics.rankings(cur, Filters(fiscal_year=2566), "province")
    differing = expected[expected.rank_reported_differs]
    assert metric(at, labels.RANK_REPORTED_DIFFERS) == f"{len(differing):,}" == "1"
    listed = table_with(at, col("province_rank_computed"), col("rank_reported"), col("org_name"))
    assert listed[col("org_name")].tolist() == differing.org_name.tolist()
    assert listed[col("rank_reported")].tolist() == differing.rank_reported.tolist()
    assert listed[col("province_rank_computed")].tolist() == differing.province_rank_computed.tolist()


def test_an_empty_database_says_there_is_nothing_to_rank(app, tmp_path):
    Store(tmp_path / "empty.duckdb").close()
    at = app(tmp_path / "empty.duckdb", page=PAGE)
    assert not at.exception
    assert labels.EMPTY_SELECTION in texts(at.info)


def test_a_filter_that_leaves_nothing_says_so(app, national_db):
    at = app(national_db, page=PAGE)
    at.checkbox(key="synthetic").uncheck().run()  # the national data is all synthetic
    assert not at.exception
    assert labels.EMPTY_SELECTION in texts(at.info)


def test_a_shared_link_opens_the_same_scope(app, national_db):
    at = app(national_db, page=PAGE, query={"within": labels.RANK_WITHIN["nation"]})
    assert at.segmented_control(key="within").value == "nation"
    with analytics_cursor(national_db) as cur:
        expected = analytics.rankings(cur, Filters(fiscal_year=latest_year(cur)), "nation")
    assert_shows(at, expected)


def test_data_written_after_a_first_look_shows_on_the_next_run(app, tmp_path):
    """The page remembers its analytics calls per data version: a write must not leave it stale."""
    path = tmp_path / "growing.duckdb"
    with Store(path) as store, store.transaction() as cur:
        b = Builder(cur)
        b.year(b.org("บ้านเอ"), 2566, flat(90))
    at = app(path, page=PAGE)
    assert metric(at, labels.RANK_ORGS) == "1"
    with Store(path) as store, store.transaction() as cur:
        b = Builder(cur, kind="measures")
        b.year(b.org("บ้านบี"), 2566, flat(80))
    at.run()
    assert not at.exception
    assert metric(at, labels.RANK_ORGS) == "2"
    assert shown(at, "rank_table")[col("org_name")].tolist() == ["อบต.บ้านเอ", "อบต.บ้านบี"]


def test_a_link_typed_with_the_scopes_code_opens_that_scope(app, national_db):
    at = app(national_db, page=PAGE, query={"within": "nation"})
    assert not at.exception
    assert at.segmented_control(key="within").value == "nation"
    assert not [w for w in at.warning if "within" in w.value]
    with analytics_cursor(national_db) as cur:
        expected = analytics.rankings(cur, Filters(fiscal_year=latest_year(cur)), "nation")
    assert_shows(at, expected)


def test_an_unknown_scope_in_a_link_gets_the_notice_and_the_default(app, national_db):
    at = app(national_db, page=PAGE, query={"within": "moon"})
    assert not at.exception
    assert any("moon" in w.value and "(within)" in w.value for w in at.warning)
    assert at.segmented_control(key="within").value == "province"


def test_the_chart_of_the_first_and_last_marks_the_organisations_left_out(app, national_db):
    import json

    at = app(national_db, page=PAGE, query={"within": "nation"})
    with analytics_cursor(national_db) as cur:
        total = len(analytics.rankings(cur, Filters(fiscal_year=latest_year(cur)), "nation"))
    specs = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    notes = [a["text"] for spec in specs for a in spec["layout"].get("annotations", [])]
    assert labels.RANK_CHART_GAP.format(count=total - 80) in notes
