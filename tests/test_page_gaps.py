"""The gaps page: the fix-first list, the weak indicators and the items missed, as the analytics give them."""

from __future__ import annotations

import pytest
from pages_helpers import analytics_cursor, latest_year, province_codes, shown, table_with, texts

from ita_data import analytics, labels
from ita_data.analytics import Filters
from ita_data.store import Store

PAGE = "pages/gaps.py"
col = labels.column_label


def fix_first_expected(cur, f: Filters, top: int = 3):
    gaps = analytics.indicator_gaps(cur, f)
    return gaps[gaps.priority <= top].sort_values(["points_recoverable", "org_id"], ascending=[False, True])


def assert_fix_first(at, expected) -> None:
    table = shown(at, "fix_first")
    assert len(table) == len(expected)
    head = table.head(50)
    assert head[col("org_id")].tolist() == expected.org_id.head(50).tolist()
    assert head[col("points_recoverable")].tolist() == pytest.approx(expected.points_recoverable.head(50).tolist())
    assert head[col("indicator")].tolist() == expected.indicator.head(50).map(labels.indicator_label).tolist()


def test_gaps_page_lists_what_to_fix_first_and_the_items_missed(app, national_db):
    at = app(national_db, page=PAGE)
    assert not at.exception
    assert "ช่องว่างตัวชี้วัด" in texts(at.title)
    with analytics_cursor(national_db) as cur:
        f = Filters(fiscal_year=latest_year(cur))
        expected = fix_first_expected(cur, f)
        summary = analytics.item_gap_summary(cur, f)
        first_org = int(expected.org_id.iloc[0])
        org_items = analytics.item_gaps(cur, f, first_org)
    assert_fix_first(at, expected)
    items = table_with(at, col("below_full_count"), col("share_below_full"))
    assert items[col("item")].tolist() == summary["item"].tolist()
    assert items[col("below_full_count")].tolist() == summary.below_full_count.tolist()
    one = table_with(at, col("gap_to_full"), col("title_th"))
    assert one[col("item")].tolist() == org_items["item"].tolist()
    assert one[col("gap_to_full")].tolist() == pytest.approx(org_items.gap_to_full.tolist())


def test_fewer_priorities_and_an_indicator_narrow_the_list(app, national_db):
    at = app(national_db, page=PAGE)
    at.slider(key="priority").set_value(1).run()
    at.selectbox(key="indicator").set_value("OIT").run()
    assert not at.exception
    with analytics_cursor(national_db) as cur:
        expected = fix_first_expected(cur, Filters(fiscal_year=latest_year(cur), indicator="OIT"), top=1)
    assert_fix_first(at, expected)
    assert set(shown(at, "fix_first")[col("indicator")]) <= {labels.indicator_label(9), labels.indicator_label(10)}


def test_choosing_a_row_shows_that_organisations_items(app, national_db):
    at = app(national_db, page=PAGE)
    table = shown(at, "fix_first")
    at.session_state["fix_first"] = {"selection": {"rows": [7], "columns": []}}
    at.run()
    assert not at.exception
    org_id = int(table[col("org_id")].iloc[7])
    with analytics_cursor(national_db) as cur:
        expected = analytics.item_gaps(cur, Filters(fiscal_year=latest_year(cur)), org_id)
    one = table_with(at, col("gap_to_full"), col("title_th"))
    assert one[col("item")].tolist() == expected["item"].tolist()
    assert table[col("org_name")].iloc[7] in at.text[-1].value


def test_a_province_shows_its_weak_indicators(app, national_db):
    at = app(national_db, page=PAGE)
    with analytics_cursor(national_db) as cur:
        province = province_codes(cur)[5]
        f = Filters(fiscal_year=latest_year(cur), province_code=province)
        weak = analytics.province_weak_shares(cur, f)
        expected = fix_first_expected(cur, f)
    at.selectbox(key="province").set_value(province).run()
    assert not at.exception
    assert_fix_first(at, expected)
    table = table_with(at, col("share_below_pass"), col("below_pass_count"))
    assert table[col("province")].unique().tolist() == weak.province.unique().tolist()
    assert table[col("below_pass_count")].tolist() == weak.below_pass_count.tolist()
    # a share is shown as a percentage, one decimal in every cell (issue 24)
    assert table[col("share_below_pass")].tolist() == pytest.approx((weak.share_below_pass * 100).tolist())


def test_an_empty_database_says_there_are_no_gaps_to_show(app, tmp_path):
    Store(tmp_path / "empty.duckdb").close()
    at = app(tmp_path / "empty.duckdb", page=PAGE)
    assert not at.exception
    assert labels.EMPTY_SELECTION in texts(at.info)


def test_a_filter_that_leaves_nothing_says_so(app, national_db):
    at = app(national_db, page=PAGE)
    at.checkbox(key="synthetic").uncheck().run()  # the national data is all synthetic
    assert not at.exception
    assert labels.EMPTY_SELECTION in texts(at.info)


def test_a_shared_link_opens_the_same_list(app, national_db):
    at = app(national_db, page=PAGE, query={"priority": "5", "gap": col("gap_to_100")})
    assert (at.slider(key="priority").value, at.segmented_control(key="gap").value) == (5, "gap_to_100")
    with analytics_cursor(national_db) as cur:
        expected = fix_first_expected(cur, Filters(fiscal_year=latest_year(cur)), top=5)
    assert_fix_first(at, expected)


def test_a_link_typed_with_the_gaps_code_opens_that_measure(app, national_db):
    at = app(national_db, page=PAGE, query={"gap": "gap_to_100"})
    assert not at.exception
    assert at.segmented_control(key="gap").value == "gap_to_100"
    assert not [w for w in at.warning if "(gap)" in w.value]
