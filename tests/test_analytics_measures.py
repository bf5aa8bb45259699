"""Measures: open and overdue as of a day, coverage of weak indicators, and effectiveness against peers."""

from __future__ import annotations

import datetime as dt

import pytest
from analytics_helpers import Builder, flat, with_scores

from ita_data import analytics
from ita_data.analytics import Filters

AS_OF = dt.date(2025, 6, 1)


@pytest.fixture
def measured(store):
    with store.transaction() as cur:
        b = Builder(cur)
        org = b.org("บ้านหนึ่ง")
        other = b.org("บ้านสอง", province="ลพบุรี")
        b.year(org, 2567, flat(90))
        b.year(other, 2567, flat(90))
        b.measures(
            org,
            2567,
            [
                {
                    "indicator": 9,
                    "title": "late",
                    "responsible": "สำนักปลัด",
                    "due_date": dt.date(2025, 1, 1),
                    "status": "planned",
                },
                {
                    "indicator": 10,
                    "title": "on time",
                    "responsible": "กองคลัง",
                    "due_date": dt.date(2026, 1, 1),
                    "status": "in_progress",
                },
                {
                    "indicator": 9,
                    "title": "finished",
                    "responsible": "สำนักปลัด",
                    "due_date": dt.date(2024, 1, 1),
                    "status": "done",
                },
                {"indicator": 1, "title": "gave up", "status": "cannot"},
            ],
        )
        # the analysis of the same year planned something; the measures report above supersedes it
        b.measures(org, 2567, [{"indicator": 5, "title": "plan", "status": "planned"}], kind="analysis")
        # for the other organisation only the analysis exists: its plan stands
        b.measures(
            other,
            2567,
            [
                {
                    "item": "o5",
                    "title": "plan",
                    "responsible": "สำนักปลัด",
                    "due_date": dt.date(2025, 3, 1),
                    "status": "planned",
                }
            ],
            kind="analysis",
        )
    return org, other


def test_open_measures_and_overdue_as_of_a_day(store, measured):
    org, other = measured
    frame = analytics.open_measures(store.cursor(), Filters(2567, province_code="19"), as_of=AS_OF)
    assert list(frame.title) == ["late", "on time"]  # most overdue first; done and cannot are closed
    late, on_time = frame.itertuples()
    # 1 Jan to 1 Jun 2025: 31 + 28 + 31 + 30 + 31 = 151 days
    assert late.overdue and late.days_overdue == 151
    assert not on_time.overdue and on_time.days_overdue != on_time.days_overdue  # NaN


def test_a_measures_report_supersedes_the_analysis_plan_of_the_same_year(store, measured):
    org, other = measured
    frame = analytics.open_measures(store.cursor(), Filters(2567), as_of=AS_OF)
    assert "plan" not in set(frame[frame.org_id == org].title)
    plan = frame[frame.org_id == other].iloc[0]
    # an item without an indicator is placed by the rules: o5 belongs to indicator 9 in FY2567
    assert plan.indicator == "9" and plan.days_overdue == 92  # 1 Mar to 1 Jun: 31 + 30 + 31


def test_open_measures_on_one_indicator(store, measured):
    frame = analytics.open_measures(store.cursor(), Filters(2567, indicator="10"), as_of=AS_OF)
    assert list(frame.title) == ["on time"]
    empty = analytics.open_measures(store.cursor(), Filters(2566), as_of=AS_OF)
    assert empty.empty and "days_overdue" in empty.columns


def test_open_measures_summary_by_responsible_unit(store, measured):
    frame = analytics.open_measures_summary(store.cursor(), Filters(2567), as_of=AS_OF, by="responsible")
    got = frame.set_index("key")
    # สำนักปลัด: "late" (org) and "plan" (other), both overdue; กองคลัง: "on time"
    assert (got.loc["สำนักปลัด", "open_count"], got.loc["สำนักปลัด", "overdue_count"]) == (2, 2)
    assert (got.loc["กองคลัง", "open_count"], got.loc["กองคลัง", "overdue_count"]) == (1, 0)
    assert frame.key.iloc[0] == "สำนักปลัด"
    by_org = analytics.open_measures_summary(store.cursor(), Filters(2567), as_of=AS_OF, by="org")
    assert set(by_org.label) == {"อบต.บ้านหนึ่ง", "อบต.บ้านสอง"}
    with pytest.raises(ValueError):
        analytics.open_measures_summary(store.cursor(), Filters(2567), by="colour")


def test_coverage_lists_weak_indicators_and_whether_a_measure_aims_at_them(store):
    with store.transaction() as cur:
        b = Builder(cur)
        weak = b.org("บ้านอ่อน")
        strong = b.org("บ้านแข็ง")
        b.year(weak, 2566, with_scores(90, i9=60, i10=70))
        b.year(strong, 2566, flat(98))
        # o30 is an indicator 9 item in the FY2563-FY2567 item set
        b.measures(weak, 2566, [{"item": "o30", "title": "web", "status": "planned"}])
    frame = analytics.measure_coverage(store.cursor(), Filters(2566))
    rows = {(r.org_id, r.indicator): r for r in frame.itertuples()}
    # Saraburi medians of two organisations: ind 9 (60+98)/2 = 79, ind 10 84, others (90+98)/2 = 94
    assert rows[(weak, "9")].covered and rows[(weak, "9")].measure_count == 1
    assert not rows[(weak, "10")].covered
    assert rows[(weak, "10")].below_pass and rows[(weak, "10")].below_province_median
    assert rows[(weak, "1")].below_province_median and not rows[(weak, "1")].below_pass  # 90 < 94
    assert all(org_id == weak for org_id, _ in rows)  # nothing of the strong one is weak
    assert not frame.covered.iloc[0]  # uncovered first
    assert rows[(weak, "10")].points_recoverable == pytest.approx(0.2 * 30)


def test_effectiveness_against_same_province_peers_without_a_measure(store):
    with store.transaction() as cur:
        b = Builder(cur)
        x, y, z = (b.org(f"บ้าน{n}") for n in ("เอ็กซ์", "วาย", "แซด"))
        alone = b.org("บ้านเดี่ยว", province="ลพบุรี")
        for org_id, before, after in ((x, 60, 80), (y, 70, 75), (z, 80, 81), (alone, 50, 70)):
            b.year(org_id, 2566, with_scores(90, i9=before))
            b.year(org_id, 2567, with_scores(90, i9=after))
        b.measures(x, 2566, [{"indicator": 9, "status": "done"}])
        b.measures(alone, 2566, [{"indicator": 9, "status": "done"}])
    frame = analytics.measure_effectiveness(store.cursor(), Filters(2566, indicator="9"))
    row = frame.set_index("indicator").loc["9"]
    # with a measure: x +20, alone +20 -> mean 20; only x has peers: y +5, z +1 -> mean 3
    assert row.orgs_with_measure == 2 and row.mean_change_with_measure == pytest.approx(20)
    assert row.orgs_compared == 1 and row.mean_change_peers == pytest.approx(3)
    assert row.effect == pytest.approx(20 - 3)
    assert not row.method_change
    nothing_next = analytics.measure_effectiveness(store.cursor(), Filters(2567, indicator="9"))
    assert nothing_next.empty and "effect" in nothing_next.columns


def test_effectiveness_across_a_change_of_method_is_flagged(store):
    with store.transaction() as cur:
        b = Builder(cur)
        x, y = b.org("บ้านเอ"), b.org("บ้านบี")
        for org_id in (x, y):
            b.year(org_id, 2567, flat(80))
            b.year(org_id, 2568, flat(90))
        b.measures(x, 2567, [{"indicator": 7, "status": "done"}])
    row = analytics.measure_effectiveness(store.cursor(), Filters(2567)).iloc[0]
    assert (row.indicator, row.effect, row.method_change) == ("7", 0.0, True)
