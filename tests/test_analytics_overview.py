"""Option lists, the overview of a selection beside the nation, and one organisation's history."""

from __future__ import annotations

import pytest
from analytics_helpers import Builder, flat

from ita_data import analytics
from ita_data.analytics import Filters


@pytest.fixture
def nation(store):
    with store.transaction() as cur:
        b = Builder(cur)
        ids = {
            "a": b.org("บ้านเอ", district="แก่งคอย"),
            "b": b.org("บ้านบี", district="เมืองสระบุรี"),
            "c": b.org("บ้านซี", province="ลพบุรี"),
            "s": b.org("บ้านสมมุติ", province="กระบี่", synthetic=True),
        }
        b.year(ids["a"], 2566, flat(90))
        b.year(ids["b"], 2566, flat(80))
        b.year(ids["c"], 2566, flat(96))
        b.year(ids["s"], 2566, flat(50))
        b.year(ids["a"], 2565, flat(70))
    return ids


def _kind(options, kind):
    return list(options[options.kind == kind][["code", "label", "org_count"]].itertuples(index=False, name=None))


def test_filter_options(store, nation):
    cur = store.cursor()
    every = analytics.filter_options(cur)
    assert list(every.columns) == ["kind", "code", "label", "org_count"]
    assert list(dict.fromkeys(every.kind)) == ["year", "province", "org_type"]  # no province, no districts
    assert _kind(every, "year") == [("2565", "2565", 1), ("2566", "2566", 4)]
    # Thai order: กระบี่ < ลพบุรี < สระบุรี
    assert [label for _, label, _ in _kind(every, "province")] == ["กระบี่", "ลพบุรี", "สระบุรี"]
    assert _kind(every, "org_type") == [("sao", "องค์การบริหารส่วนตำบล", 4)]
    real = analytics.filter_options(cur, include_synthetic=False)
    assert [label for _, label, _ in _kind(real, "province")] == ["ลพบุรี", "สระบุรี"]
    assert _kind(real, "year") == [("2565", "2565", 1), ("2566", "2566", 3)]
    saraburi = analytics.filter_options(cur, "19")
    assert [label for _, label, n in _kind(saraburi, "district")] == ["แก่งคอย", "เมืองสระบุรี"]
    assert _kind(saraburi, "province") == _kind(every, "province")
    assert analytics.filter_options(cur, "99").kind.tolist().count("district") == 0


def test_search_orgs(store, nation):
    cur = store.cursor()
    found = analytics.search_orgs(cur, "บี")
    assert list(found.org_name) == ["อบต.บ้านบี"]
    # the display name counts as well as the name; spaces around the text do not
    assert list(analytics.search_orgs(cur, " อบต.บ้านซี ").org_name) == ["อบต.บ้านซี"]
    assert list(analytics.search_orgs(cur, "บ้าน").org_name) == ["อบต.บ้านซี", "อบต.บ้านบี", "อบต.บ้านสมมุติ", "อบต.บ้านเอ"]
    assert list(analytics.search_orgs(cur, "บ้าน", include_synthetic=False, limit=2).org_name) == [
        "อบต.บ้านซี",
        "อบต.บ้านบี",
    ]
    nothing = analytics.search_orgs(cur, "ไม่มีชื่อนี้")
    assert nothing.empty and list(nothing.columns) == list(found.columns)
    assert nothing.dtypes.to_dict() == found.dtypes.to_dict()


def test_overview_selection_beside_the_nation(store, nation):
    row = analytics.overview(store.cursor(), Filters(2566, province_code="19")).iloc[0]
    # Saraburi: 90 and 80 -> mean 85, one of two at or above 85
    assert (row.org_count, row.mean_score, row.pass_rate) == (2, 85, 0.5)
    # nation: 90, 80, 96, 50 -> mean 79, two of four pass
    assert (row.nation_org_count, row.nation_mean_score, row.nation_pass_rate) == (4, 79, 0.5)
    real = analytics.overview(store.cursor(), Filters(2566, include_synthetic=False)).iloc[0]
    assert (real.org_count, real.mean_score) == (3, pytest.approx((90 + 80 + 96) / 3))
    nobody = analytics.overview(store.cursor(), Filters(2566, org_type="city")).iloc[0]
    assert nobody.org_count == 0 and nobody.mean_score != nobody.mean_score  # NaN


def test_level_distribution_lists_every_level_of_the_year(store, nation):
    frame = analytics.level_distribution(store.cursor(), Filters(2566))
    assert list(frame.level) == ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]
    # 96 -> ผ่านดีเยี่ยม, 90 -> ผ่านดี, 80 -> ต้องปรับปรุง, 50 -> ต้องปรับปรุงโดยด่วน
    assert list(frame.org_count) == [1, 1, 0, 1, 1]
    assert frame.share.sum() == pytest.approx(1.0)
    letters = analytics.level_distribution(store.cursor(), Filters(2565))
    assert list(letters.level)[:2] == ["AA", "A"] and letters.org_count.sum() == 1


def test_indicator_means_and_province_map(store, nation):
    means = analytics.indicator_means(store.cursor(), Filters(2566, province_code="16"))
    assert list(means.indicator[:4]) == ["total", "IIT", "EIT", "OIT"] and len(means) == 14
    assert means.set_index("indicator").loc["total", "difference"] == pytest.approx(96 - 79)
    mapped = analytics.province_map(store.cursor(), Filters(2566, province_code="16")).set_index("province_code")
    assert set(mapped.index) == {"19", "16", "81"}  # a map shows every province
    assert mapped.loc["19", "mean_score"] == 85 and mapped.loc["19", "pass_rate"] == 0.5


def test_org_history_beside_the_medians(store, nation):
    frame = analytics.org_history(store.cursor(), nation["a"])
    total = frame[frame.indicator == "total"].set_index("fiscal_year")
    assert list(total.score) == [70, 90]
    # FY2566: Saraburi 90 and 80 -> median 85; nation 90, 80, 96, 50 -> median (80 + 90) / 2 = 85
    assert total.loc[2566, "province_median"] == 85 and total.loc[2566, "nation_median"] == 85
    assert total.loc[2565, "level"] == "C"
    no_synthetic = analytics.org_history(store.cursor(), nation["a"], include_synthetic=False)
    # without the synthetic 50: 80, 90, 96 -> 90
    assert no_synthetic[(no_synthetic.indicator == "total")].nation_median.iloc[-1] == 90


def test_filters_reject_unknown_values():
    with pytest.raises(ValueError):
        Filters(2566, indicator="11")
    with pytest.raises(ValueError):
        Filters(2566, org_type="village")
