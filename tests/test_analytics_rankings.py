"""Rankings: ties share the best rank, groups, percentiles, rank change and the printed rank beside ours."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from analytics_helpers import ORG_COLUMNS, Builder, flat
from hypothesis import given, settings
from hypothesis import strategies as st

from ita_data import analytics
from ita_data.analytics import Filters
from ita_data.store import Store

RANK_COLUMNS = [
    "fiscal_year",
    *ORG_COLUMNS,
    "indicator",
    "within",
    "score",
    "rank",
    "group_size",
    "percentile",
    "score_prev",
    "rank_prev",
    "rank_change",
    "level",
    "level_reported",
    "rank_reported",
    "rank_reported_of",
    "province_rank_computed",
    "rank_reported_differs",
]


@pytest.fixture
def ranked(store):
    """Saraburi: A and B tie at 90, C 80 in FY2566; Lopburi: D alone at 95 with no FY2565."""
    with store.transaction() as cur:
        b = Builder(cur)
        ids = {
            "A": b.org("บ้านเอ", district="แก่งคอย"),
            "B": b.org("บ้านบี", district="แก่งคอย"),
            "C": b.org("บ้านซี", org_type="subdistrict_municipality", district="เมืองสระบุรี"),
            "D": b.org("บ้านดี", province="ลพบุรี"),
        }
        b.year(ids["A"], 2565, flat(70))
        b.year(ids["B"], 2565, flat(85))
        b.year(ids["C"], 2565, flat(90))
        b.year(ids["A"], 2566, flat(90), rank=2, rank_of=3)  # the report printed 2nd; A ties for 1st
        b.year(ids["B"], 2566, flat(90), rank=1, rank_of=3)
        b.year(ids["C"], 2566, flat(80))
        b.year(ids["D"], 2566, flat(95))
    return ids


def by_org(frame, ids):
    names = {v: k for k, v in ids.items()}
    return {names[r.org_id]: r for r in frame.itertuples()}


def test_rank_ties_share_the_best_rank(store, ranked):
    rows = by_org(analytics.rankings(store.cursor(), Filters(2566), within="province"), ranked)
    # Saraburi 90, 90, 80 -> ranks 1, 1, 3 of 3; Lopburi 95 -> 1 of 1
    assert [rows[k].rank for k in "ABCD"] == [1, 1, 3, 1]
    assert [rows[k].group_size for k in "ABCD"] == [3, 3, 3, 1]


def test_rank_percentile_runs_from_last_to_first(store, ranked):
    rows = by_org(analytics.rankings(store.cursor(), Filters(2566), within="province"), ranked)
    # 100 * (3 - 1) / (3 - 1) = 100 for the tied first; 100 * (3 - 3) / 2 = 0 for the last; alone: 100
    assert [rows[k].percentile for k in "ABCD"] == [100.0, 100.0, 0.0, 100.0]


def test_rank_within_nation_and_type(store, ranked):
    cur = store.cursor()
    nation = by_org(analytics.rankings(cur, Filters(2566), within="nation"), ranked)
    # 95, 90, 90, 80 -> D 1, A 2, B 2, C 4 of 4
    assert [nation[k].rank for k in "DABC"] == [1, 2, 2, 4]
    assert {nation[k].group_size for k in "ABCD"} == {4}
    by_type = by_org(analytics.rankings(cur, Filters(2566), within="type"), ranked)
    # sao: D 95, A 90, B 90 -> 1, 2, 2 of 3; C is the only subdistrict municipality
    assert [by_type[k].rank for k in "DABC"] == [1, 2, 2, 1]
    district = by_org(analytics.rankings(cur, Filters(2566), within="district"), ranked)
    # D has no district on record: no group, no rank
    assert [district[k].rank for k in "ABC"] == [1, 1, 1]
    assert district["D"].rank != district["D"].rank  # NaN


def test_rank_change_since_the_previous_year(store, ranked):
    rows = by_org(analytics.rankings(store.cursor(), Filters(2566), within="province"), ranked)
    # FY2565 Saraburi: C 90 -> 1, B 85 -> 2, A 70 -> 3; change = previous rank - this rank
    assert [rows[k].rank_prev for k in "ABC"] == [3, 2, 1]
    assert [rows[k].rank_change for k in "ABC"] == [3 - 1, 2 - 1, 1 - 3]
    # D was not assessed in FY2565: no previous rank, no change
    assert rows["D"].rank_prev != rows["D"].rank_prev


def test_rank_printed_in_the_report_shown_beside_ours_when_it_differs(store, ranked):
    rows = by_org(analytics.rankings(store.cursor(), Filters(2566), within="nation"), ranked)
    assert (rows["A"].rank_reported, rows["A"].rank_reported_of, rows["A"].province_rank_computed) == (2, 3, 1)
    assert rows["A"].rank_reported_differs
    assert not rows["B"].rank_reported_differs  # printed 1, computed 1
    assert not rows["C"].rank_reported_differs  # nothing printed


def test_rank_level_is_the_official_level_of_the_year(store, ranked):
    rows = by_org(analytics.rankings(store.cursor(), Filters(2566), within="nation"), ranked)
    # FY2566 Thai scheme: 95 with every tool 95 -> ผ่านดีเยี่ยม; 90 and tools 90 -> ผ่านดี; 80 -> ต้องปรับปรุง
    assert rows["D"].level == "ผ่านดีเยี่ยม"
    assert rows["A"].level == "ผ่านดี"
    assert rows["C"].level == "ต้องปรับปรุง"


def test_rank_filters_choose_rows_not_groups(store, ranked):
    frame = analytics.rankings(store.cursor(), Filters(2566, province_code="16"), within="nation")
    assert list(frame.org_id) == [ranked["D"]]
    assert (frame["rank"].iloc[0], frame.group_size.iloc[0]) == (1, 4)


def test_rank_on_an_indicator(store, ranked):
    rows = by_org(analytics.rankings(store.cursor(), Filters(2566, indicator="IIT"), within="nation"), ranked)
    assert rows["D"].score == 95 and rows["D"].rank == 1


def test_rank_filters_that_leave_nothing_give_an_empty_frame_with_the_columns(store, ranked):
    frame = analytics.rankings(store.cursor(), Filters(2566, province_code="16", org_type="city"))
    assert frame.empty
    assert list(frame.columns) == RANK_COLUMNS


def test_rank_rejects_an_unknown_scope(store, ranked):
    with pytest.raises(ValueError):
        analytics.rankings(store.cursor(), Filters(2566), within="region")


def _copy(empty_store_file: Path, folder: str) -> Path:
    """A new empty store for one example: a copy of the session's (tests/conftest.py)."""
    path = Path(folder) / "p.duckdb"
    shutil.copyfile(empty_store_file, path)
    return path


@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=12))
def test_rank_is_one_plus_the_number_scoring_higher(empty_store_file, scores):
    # scores on a coarse grid so that ties are common
    with tempfile.TemporaryDirectory() as tmp, Store(_copy(empty_store_file, tmp)) as store:
        with store.transaction() as cur:
            b = Builder(cur)
            ids = [b.org(f"บ้านทดสอบ {i}") for i in range(len(scores))]
            for org_id, score in zip(ids, scores):
                b.year(org_id, 2567, flat(score * 5.0))
        frame = analytics.rankings(store.cursor(), Filters(2567), within="province")
    assert len(frame) == len(scores)
    by_id = dict(zip(frame.org_id, frame.itertuples()))
    for org_id, score in zip(ids, scores):
        row = by_id[org_id]
        assert row.rank == 1 + sum(s > score for s in scores)
        assert 1 <= row.rank <= row.group_size == len(scores)
        assert 0.0 <= row.percentile <= 100.0
