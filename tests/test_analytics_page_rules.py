"""The rules the pages used to hold, as named analytics calls: which years compare, what to fix first,
coverage counts, the top organisation of a selection, and which rows are indicators."""

import pandas as pd
import pytest

from ita_data import analytics, labels
from ita_data.store import Store


@pytest.fixture(scope="module")
def cur(national_db):
    with Store(national_db) as db:
        yield db.cursor()


@pytest.mark.parametrize(
    "filters",
    [
        analytics.Filters(2568),
        analytics.Filters(2566, province_code="19"),
        analytics.Filters(2567, org_type="sao", indicator="9"),
        analytics.Filters(2568, province_code="50", indicator="OIT"),
    ],
)
def test_top_org_is_the_first_of_the_national_ranking(cur, filters):
    first = analytics.rankings(cur, filters, within="nation").iloc[0]
    assert analytics.top_org(cur, filters) == int(first.org_id)


def test_top_org_of_an_empty_selection_is_none(cur):
    assert analytics.top_org(cur, analytics.Filters(2568, province_code="00")) is None
    assert analytics.top_org(cur, analytics.Filters(2568, include_synthetic=False)) is None


def test_is_indicator_keeps_the_ten_indicators_not_the_total_or_tools(cur):
    means = analytics.indicator_means(cur, analytics.Filters(2568))
    kept = means[analytics.is_indicator(means.indicator)].indicator.tolist()
    assert kept == list(labels.INDICATOR_NUMBERS)
    assert not analytics.is_indicator(pd.Series(["total", "IIT", "EIT", "OIT", "11", ""])).any()


def test_comparison_opens_on_the_sidebar_year_from_the_year_before():
    assert analytics.comparison_pair([2564, 2565, 2566], 2566) == (2565, 2566)
    assert analytics.comparison_pair([2562, 2564, 2566], 2566) == (2564, 2566)  # a gap: the latest before


def test_comparison_of_a_year_the_data_lacks_opens_on_the_latest():
    assert analytics.comparison_pair([2565, 2566], 2568) == (2565, 2566)


def test_comparison_from_the_first_year_held_opens_on_the_first_two():
    assert analytics.comparison_pair([2565, 2566, 2567], 2565) == (2565, 2566)


def test_comparison_needs_two_years():
    assert analytics.comparison_pair([2566], 2566) is None
    assert analytics.comparison_pair([], 2566) is None


def test_measure_effect_years_are_those_whose_next_year_is_held():
    assert analytics.next_year_pairs([2566, 2562, 2563, 2565]) == [2562, 2565]
    assert analytics.next_year_pairs([2566]) == []


@pytest.mark.parametrize("top", [1, 3, 10])
def test_fix_first_keeps_each_organisations_top_priorities_most_points_first(cur, top):
    gaps = analytics.indicator_gaps(cur, analytics.Filters(2568, province_code="19"))
    first = analytics.fix_first(gaps, top)
    assert (first.priority <= top).all()
    assert len(first) == int((gaps.priority <= top).sum())
    assert first.points_recoverable.is_monotonic_decreasing
    assert set(first.org_id) == set(gaps.org_id)  # every organisation has a first priority
    assert list(first.columns) == list(gaps.columns)


def test_coverage_counts_add_up_to_the_coverage_rows(cur):
    selection = analytics.Filters(2568, province_code="19")
    coverage = analytics.measure_coverage(cur, selection)
    counts = analytics.coverage_counts(coverage, selection.indicator_numbers())
    assert counts.indicator.tolist() == selection.indicator_numbers()
    assert counts.weak_count.sum() == len(coverage)
    assert counts.covered_count.sum() == int(coverage.covered.sum())
    assert (counts.weak_count == counts.covered_count + counts.uncovered_count).all()
    for row in counts.itertuples():
        assert row.weak_count == int((coverage.indicator == row.indicator).sum())


def test_coverage_counts_of_nothing_weak_are_zeros(cur):
    selection = analytics.Filters(2568, province_code="00")
    counts = analytics.coverage_counts(analytics.measure_coverage(cur, selection), selection.indicator_numbers())
    assert len(counts) == 10 and not counts[["weak_count", "covered_count", "uncovered_count"]].to_numpy().any()
