"""Change: year-over-year deltas, gains and falls, trends, and flags across a change of method."""

from __future__ import annotations

import pytest
from analytics_helpers import ORG_COLUMNS, Builder, flat, with_scores

from ita_data import analytics
from ita_data.analytics import Filters

CHANGE_COLUMNS = [
    *ORG_COLUMNS,
    "indicator",
    "from_year",
    "to_year",
    "score_from",
    "score_to",
    "delta",
    "method_change",
    "method_notes",
]


@pytest.fixture
def orgs(store):
    with store.transaction() as cur:
        b = Builder(cur)
        ids = {k: b.org(f"บ้าน{k}") for k in ("เอ", "บี", "ซี", "ดี")}
        a, bb, c, d = ids.values()
        b.year(a, 2565, flat(70))
        b.year(a, 2566, with_scores(90, i9=60))
        b.year(bb, 2565, flat(85))
        b.year(bb, 2566, flat(90))
        b.year(c, 2565, flat(90))
        b.year(c, 2566, flat(80))
        b.year(d, 2566, flat(95))  # new in FY2566
        b.year(a, 2567, flat(92))
    return dict(zip("ABCD", ids.values()))


def rows(frame, ids):
    names = {v: k for k, v in ids.items()}
    return {names[r.org_id]: r for r in frame.itertuples()}


def test_change_of_the_total_per_organisation(store, orgs):
    got = rows(analytics.yoy_change(store.cursor(), Filters(2566)), orgs)
    # A: indicators 90 except 9 at 60: OIT (60+90)/2 = 75, total 0.3*90 + 0.3*90 + 0.4*75 = 84.00
    assert got["A"].score_to == pytest.approx(84.0)
    assert got["A"].delta == pytest.approx(84.0 - 70.0)
    assert got["B"].delta == pytest.approx(90 - 85)
    assert got["C"].delta == pytest.approx(80 - 90)


def test_change_keeps_an_organisation_missing_the_earlier_year(store, orgs):
    got = rows(analytics.yoy_change(store.cursor(), Filters(2566)), orgs)
    assert got["D"].score_to == 95
    assert got["D"].score_from != got["D"].score_from and got["D"].delta != got["D"].delta  # NaN


def test_change_across_the_fy2566_level_scheme_is_flagged(store, orgs):
    frame = analytics.yoy_change(store.cursor(), Filters(2566))
    assert frame.method_change.all()
    assert "2566" in frame.method_notes.iloc[0]
    same_method = analytics.yoy_change(store.cursor(), Filters(2567))
    assert not same_method.method_change.any()
    assert same_method.method_notes.isna().all()


def test_change_across_the_fy2568_item_set_is_flagged(store, orgs):
    frame = analytics.yoy_change(store.cursor(), Filters(2568), from_year=2567)
    assert frame.method_change.all()


def test_change_of_every_score(store, orgs):
    frame = analytics.yoy_change(store.cursor(), Filters(2566), all_indicators=True)
    a = frame[frame.org_id == orgs["A"]].set_index("indicator")
    assert len(a) == 14  # total, three tools, ten indicators
    assert a.loc["9", "delta"] == pytest.approx(60 - 70)
    assert a.loc["OIT", "delta"] == pytest.approx(75 - 70)


def test_change_with_filters_that_leave_nothing(store, orgs):
    frame = analytics.yoy_change(store.cursor(), Filters(2566, province_code="16"))
    assert frame.empty and list(frame.columns) == CHANGE_COLUMNS


def test_movers_biggest_gains_and_falls(store, orgs):
    frame = analytics.movers(store.cursor(), Filters(2566), n=1)
    assert list(frame.direction) == ["gain", "fall"]
    gain, fall = frame.itertuples()
    assert (gain.org_id, gain.delta) == (orgs["A"], pytest.approx(14.0))
    assert (fall.org_id, fall.delta) == (orgs["C"], pytest.approx(-10.0))
    two = analytics.movers(store.cursor(), Filters(2566), n=2)
    # gains A +14 then B +5; only one fall
    assert list(two.direction) == ["gain", "gain", "fall"]
    assert list(two.position) == [1, 2, 1]


@pytest.fixture
def history(store):
    with store.transaction() as cur:
        b = Builder(cur)
        steady = b.org("บ้านขึ้น")
        gap = b.org("บ้านเว้น")
        for fy, total in {2563: 70, 2564: 72, 2565: 71, 2566: 75, 2567: 78}.items():
            b.year(steady, fy, flat(total))
        b.year(gap, 2564, flat(80))
        b.year(gap, 2566, flat(85))  # nothing in FY2565
    return steady, gap


def test_trend_slope_and_improving_streak(store, history):
    steady, gap = history
    frame = analytics.trends(store.cursor(), Filters(2567)).set_index("org_id")
    row = frame.loc[steady]
    # x = 2563..2567 centred at 2565: -2..2, y = 70 72 71 75 78; slope = sum(x*y)/sum(x^2)
    # = (-140 - 72 + 0 + 75 + 156) / 10 = 1.9
    assert row.slope == pytest.approx(1.9)
    # 72>70 yes, 71>72 no, 75>71 yes, 78>75 yes -> two consecutive rises up to FY2567
    assert row.improving_streak == 2
    assert (row.first_year, row.last_year, row.years_count, row.years_missing) == (2563, 2567, 5, 0)
    assert row.change == pytest.approx(78 - 70)
    assert row.method_change  # FY2563..FY2567 crosses the FY2566 level scheme


def test_trend_a_missing_year_breaks_the_streak(store, history):
    steady, gap = history
    row = analytics.trends(store.cursor(), Filters(2567)).set_index("org_id").loc[gap]
    # 80 (2564) -> 85 (2566) rose, but FY2565 is missing: no consecutive improvement
    assert row.improving_streak == 0
    # the data has 2563..2567 (five years); this organisation has two
    assert (row.years_count, row.years_missing) == (2, 3)
    assert row.slope == pytest.approx((85 - 80) / 2)


def test_trend_within_one_method_is_not_flagged(store, history):
    steady, _ = history
    row = analytics.trends(store.cursor(), Filters(2565), first_year=2563).set_index("org_id").loc[steady]
    assert not row.method_change
    assert row.improving_streak == 0  # 71 < 72


def test_trend_of_one_year_has_no_slope(store, history):
    frame = analytics.trends(store.cursor(), Filters(2563), first_year=2563)
    assert len(frame) == 1
    assert frame.slope.isna().all()
