"""The change page: the movers and means between two chosen years, a method change flagged, multi-year trends."""

from __future__ import annotations

import pytest
from pages_helpers import analytics_cursor, latest_year, province_codes, province_names, table_with, texts

from ita_data import analytics, labels
from ita_data.analytics import Filters
from ita_data.analytics.common import method_notes
from ita_data.store import Store

PAGE = "pages/change.py"
col = labels.column_label


def movers_shown(at):
    return table_with(at, col("direction"), col("score_from"), col("score_to"))


def assert_movers(at, expected) -> None:
    table = movers_shown(at)
    assert table[col("org_name")].tolist() == expected.org_name.tolist()
    assert table[col("delta")].tolist() == pytest.approx(expected.delta.tolist())
    assert table[col("direction")].tolist() == expected.direction.map(labels.DIRECTIONS).tolist()


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_change_page_compares_the_year_with_the_one_before(app, national_db):
    at = app(national_db, page=PAGE)
    assert not at.exception
    assert "การเปลี่ยนแปลง" in texts(at.title)
    with analytics_cursor(national_db) as cur:
        to_year = latest_year(cur)
        f = Filters(fiscal_year=to_year)
        expected = analytics.movers(cur, f, n=10, from_year=to_year - 1)
        before = analytics.overview(cur, Filters(fiscal_year=to_year - 1)).iloc[0]
        trend = analytics.trends(cur, f)
    assert (at.selectbox(key="from").value, at.selectbox(key="to").value) == (to_year - 1, to_year)
    assert_movers(at, expected)
    assert metric(at, labels.CHANGE_MEAN.format(year=to_year - 1)) == f"{before.mean_score:,.2f}"
    trends_shown = table_with(at, col("improving_streak"), col("slope"))
    assert len(trends_shown) == (trend.years_count > 1).sum()
    assert trends_shown[col("improving_streak")].iloc[0] == trend.improving_streak.max()


def test_choosing_other_years_compares_those(app, national_db):
    at = app(national_db, page=PAGE)
    with analytics_cursor(national_db) as cur:
        years = analytics.data_years(cur)
        from_year, to_year = int(years[1]), int(years[3])
        expected = analytics.movers(cur, Filters(fiscal_year=to_year), n=10, from_year=from_year)
        after = analytics.overview(cur, Filters(fiscal_year=to_year)).iloc[0]
    at.selectbox(key="to").set_value(to_year).run()
    at.selectbox(key="from").set_value(from_year).run()
    assert not at.exception
    assert_movers(at, expected)
    assert metric(at, labels.CHANGE_MEAN.format(year=to_year)) == f"{after.mean_score:,.2f}"


def test_a_comparison_across_a_change_of_method_warns(app, national_db):
    at = app(national_db, page=PAGE)
    with analytics_cursor(national_db) as cur:
        to_year = latest_year(cur)
    warnings = " ".join(texts(at.warning))
    notes = method_notes(to_year - 1, to_year)
    assert notes, "the rules change the item set in the latest year"
    assert labels.CHANGE_METHOD_WARNING.format(notes=notes) in warnings
    # 2564 -> 2565 share every rule: no warning about the comparison
    at.selectbox(key="to").set_value(2565).run()
    at.selectbox(key="from").set_value(2564).run()
    assert method_notes(2564, 2565) is None
    assert not any(w.startswith(labels.CHANGE_METHOD_WARNING.split(":")[0]) for w in texts(at.warning))


def test_choosing_a_province_and_indicator_narrows_the_movers(app, national_db):
    at = app(national_db, page=PAGE)
    with analytics_cursor(national_db) as cur:
        to_year = latest_year(cur)
        province = province_codes(cur)[10]
        expected = analytics.movers(
            cur, Filters(fiscal_year=to_year, province_code=province, indicator="OIT"), n=10, from_year=to_year - 1
        )
    at.selectbox(key="province").set_value(province).run()
    at.selectbox(key="indicator").set_value("OIT").run()
    assert not at.exception
    assert_movers(at, expected)
    assert set(movers_shown(at)[col("province")]) == set(expected.province)


def test_an_empty_database_says_it_needs_two_years(app, tmp_path):
    Store(tmp_path / "empty.duckdb").close()
    at = app(tmp_path / "empty.duckdb", page=PAGE)
    assert not at.exception
    assert labels.CHANGE_NEED_TWO_YEARS in texts(at.info)


def test_a_filter_that_leaves_nothing_says_so(app, national_db):
    at = app(national_db, page=PAGE)
    at.checkbox(key="synthetic").uncheck().run()  # the national data is all synthetic
    assert not at.exception
    assert labels.CHANGE_NEED_TWO_YEARS in texts(at.info)


def test_a_province_and_type_with_no_organisations_says_so(app, national_db):
    at = app(national_db, page=PAGE)
    with analytics_cursor(national_db) as cur:
        year = latest_year(cur)
        province = province_codes(cur)[0]

        def count(org_type: str, fiscal_year: int) -> int:
            f = Filters(fiscal_year=fiscal_year, province_code=province, org_type=org_type)
            return int(analytics.overview(cur, f).org_count.iloc[0])

        empty_type = next(t for t in labels.ORG_TYPE_CHOICES if count(t, year) == count(t, year - 1) == 0)
    at.selectbox(key="province").set_value(province).run()
    at.selectbox(key="type").set_value(empty_type).run()
    assert not at.exception
    assert labels.EMPTY_SELECTION in texts(at.info)


def test_a_shared_link_opens_the_same_two_years(app, national_db):
    at = app(national_db, page=PAGE, query={"from": "2563", "to": "2565"})
    assert (at.selectbox(key="from").value, at.selectbox(key="to").value) == (2563, 2565)
    with analytics_cursor(national_db) as cur:
        expected = analytics.movers(cur, Filters(fiscal_year=2565), n=10, from_year=2563)
    assert_movers(at, expected)


def test_a_selection_assessed_only_in_the_later_year_shows_no_deltas(app, tmp_path):
    from analytics_helpers import Builder, flat

    path = tmp_path / "new.duckdb"
    with Store(path) as store, store.transaction() as cur:
        b = Builder(cur)
        b.year(b.org("บ้านเก่า", province="ลพบุรี"), 2565, flat(70))
        b.year(b.org("บ้านเก่า", province="ลพบุรี"), 2566, flat(75))
        b.year(b.org("บ้านใหม่"), 2566, flat(90))  # Saraburi: nothing in 2565
    at = app(path, page=PAGE)
    with analytics_cursor(path) as cur:
        saraburi = next(c for c, n in province_names(cur).items() if n == "สระบุรี")
    at.selectbox(key="province").set_value(saraburi).run()
    assert not at.exception
    assert metric(at, labels.CHANGE_MEAN.format(year=2565)) == "–"
    assert metric(at, labels.CHANGE_MEAN.format(year=2566)) == "90.00"
    assert labels.CHANGE_NO_MOVERS in texts(at.info)
