"""The pages' figure builders, as plain functions: an analytics frame in, a Plotly figure out."""

import pandas as pd
import pytest

from ita_data import analytics, framework, labels
from ita_data.analytics import about
from ita_data.store import Store
from pages import figures

YEAR = 2568
PASS_MARK = framework.year_rules(YEAR).pass_mark


@pytest.fixture(scope="module")
def cur(national_db):
    with Store(national_db) as db:
        yield db.cursor()


def _texts(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_figures_import_no_streamlit():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(figures.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not any(name.split(".")[0] == "streamlit" for name in imported)


def test_indicator_means_bars_are_named_by_every_indicators_short_name(cur):
    means = analytics.indicator_means(cur, analytics.Filters(YEAR, province_code="19"))
    fig = figures.indicator_means(means, PASS_MARK)
    names = [labels.INDICATOR_LABELS[n] for n in labels.INDICATOR_NUMBERS]
    # horizontal bars named in full, one row each: every bar labelled, no label over another (issue 24)
    assert [list(trace.y) for trace in fig.data] == [names, names]
    ten = means[analytics.is_indicator(means.indicator)]
    assert list(fig.data[0].x) == ten.mean_selection.tolist()
    assert list(fig.data[1].x) == ten.mean_nation.tolist()
    assert fig.layout.shapes[0].x0 == PASS_MARK and labels.pass_mark_label(PASS_MARK) in _texts(fig)
    (mark,) = [a for a in fig.layout.annotations if a.text == labels.pass_mark_label(PASS_MARK)]
    assert mark.yref == "paper" and mark.y == 1 and mark.yanchor == "bottom"  # above the plot, off the bars


def test_level_bars_count_every_level_best_on_top(cur):
    levels = analytics.level_distribution(cur, analytics.Filters(YEAR))
    fig = figures.level_bars(levels)
    assert list(fig.data[0].x) == levels.org_count.tolist()
    assert list(fig.layout.yaxis.categoryarray) == levels.level.tolist()[::-1]


def test_province_map_draws_each_province_with_its_name_as_written(cur):
    by_province = analytics.province_map(cur, analytics.Filters(YEAR))
    by_province.loc[0, "province"] = "<b>x</b>"
    fig = figures.province_map(by_province)
    assert sorted(fig.data[0].locations) == sorted(by_province.province_code)
    assert "&lt;b&gt;x&lt;/b&gt;" in [row[0] for row in fig.data[0].customdata]  # the hover's name


def _ranked(cur, **place):
    return analytics.rankings(cur, analytics.Filters(YEAR, **place), within="nation")


def test_rank_bars_of_a_long_list_mark_the_gap_with_how_many_are_left_out(cur):
    ranked = _ranked(cur, province_code="19")
    assert len(ranked) > 80
    fig = figures.rank_bars(ranked, "คะแนนรวม", PASS_MARK, each_end=40)
    bars = [x for trace in fig.data for x in trace.x]
    assert len(bars) == 80
    best = ranked.sort_values(["score", "org_id"], ascending=[False, True])
    assert list(fig.layout.xaxis.categoryarray) == [str(o) for o in [*best.org_id[:40], *best.org_id[-40:]]]
    gap = [s for s in fig.layout.shapes if s.xref == "x"]
    assert len(gap) == 1 and gap[0].x0 == gap[0].x1 == 39.5  # between the 40th and the 41st bar
    assert labels.RANK_CHART_GAP.format(count=len(ranked) - 80) in _texts(fig)


def test_rank_bars_of_a_short_list_show_every_bar_and_no_gap(cur):
    ranked = _ranked(cur, province_code="19").head(30)
    fig = figures.rank_bars(ranked, "คะแนนรวม", PASS_MARK, each_end=40)
    assert sorted(x for trace in fig.data for x in trace.x) == sorted(ranked.org_id.astype(str))
    assert not [s for s in fig.layout.shapes if s.xref == "x"]
    assert fig.layout.xaxis.showticklabels


def test_rank_bars_show_names_as_written(cur):
    ranked = _ranked(cur, province_code="19").head(3).assign(org_name=["<a href='x'>a</a>", "b & c", "d"])
    fig = figures.rank_bars(ranked, "คะแนนรวม", PASS_MARK)
    assert "&lt;a href='x'&gt;a&lt;/a&gt;" in fig.layout.xaxis.ticktext
    assert "b &amp; c" in fig.layout.xaxis.ticktext


def test_org_indicators_draw_the_ten_indicators_and_the_medians(cur):
    org_id = analytics.top_org(cur, analytics.Filters(YEAR))
    assert org_id is not None
    history = analytics.org_history(cur, org_id)
    year = history[history.fiscal_year == YEAR]
    fig = figures.org_indicators(year, PASS_MARK)
    assert list(fig.data[0].y) == [labels.INDICATOR_LABELS[n] for n in labels.INDICATOR_NUMBERS]
    assert [t.name for t in fig.data] == [
        labels.ORG_THIS,
        labels.COLUMNS["province_median"],
        labels.COLUMNS["nation_median"],
    ]
    assert fig.layout.shapes[0].x0 == PASS_MARK


def test_org_history_marks_each_change_of_method_between_its_years(cur):
    org_id = analytics.top_org(cur, analytics.Filters(YEAR))
    assert org_id is not None
    history = analytics.org_history(cur, org_id)
    changes = about.method_changes()
    total = figures.org_total_history(history, changes)
    ten = figures.org_indicator_history(history, changes)
    assert [s.x0 for s in total.layout.shapes] == [y - 0.5 for y in changes.fiscal_year]
    assert len(ten.data) == 10 and len(total.data) == 3
    assert list(total.data[0].y) == history[history.indicator == "total"].score.tolist()


def test_movers_slope_has_one_trace_a_direction_and_dots_across_a_change_of_method(cur):
    moved = analytics.movers(cur, analytics.Filters(YEAR, province_code="19"), n=5)
    fig = figures.movers_slope(moved, YEAR - 1, YEAR, "คะแนนรวม", method_changed=True)
    assert [t.name for t in fig.data] == [labels.DIRECTIONS["gain"], labels.DIRECTIONS["fall"]]
    assert all(t.line.dash == "dot" for t in fig.data)
    assert labels.CHANGE_METHOD_MARK in _texts(fig)
    plain = figures.movers_slope(moved, YEAR - 1, YEAR, "คะแนนรวม", method_changed=False)
    assert not _texts(plain) and not any(t.line.dash for t in plain.data)


def test_movers_heatmap_rows_are_the_movers_in_their_order(cur):
    selection = analytics.Filters(YEAR, province_code="19")
    moved = analytics.movers(cur, selection, n=5)
    changes = analytics.yoy_change(cur, selection, all_indicators=True)
    fig = figures.movers_heatmap(changes, moved, method_changed=False)
    order = [str(o) for o in dict.fromkeys(moved.org_id)]
    assert list(fig.layout.yaxis.tickvals) == order
    assert set(fig.data[0].y) == set(order)
    # columns by the indicator's number (ten names overlap in a narrow column), the name in the hover
    assert set(fig.data[0].x) <= set(labels.INDICATOR_NUMBERS)
    assert list(fig.layout.xaxis.categoryarray) == list(labels.INDICATOR_NUMBERS)
    assert fig.layout.xaxis.title.text == labels.CHART_INDICATOR_AXIS
    assert {labels.INDICATOR_LABELS[n] for n in fig.data[0].x} == set(fig.data[0].customdata)


def test_trend_histograms_count_every_organisation(cur):
    trend = analytics.trends(cur, analytics.Filters(YEAR, province_code="19"))
    assert len(figures.slope_histogram(trend).data[0].x) == len(trend)
    assert len(figures.streak_histogram(trend).data[0].x) == len(trend)


def test_gap_heatmap_keeps_the_order_it_is_given(cur):
    selection = analytics.Filters(YEAR, province_code="19")
    gaps = analytics.indicator_gaps(cur, selection)
    org_ids = analytics.fix_first(gaps, 1).org_id.drop_duplicates().head(5).tolist()
    fig = figures.gap_heatmap(gaps, org_ids, "gap_to_pass", selection.indicator_numbers())
    assert list(fig.layout.yaxis.tickvals) == [str(o) for o in org_ids]
    assert len(fig.data[0].z) == len(gaps[gaps.org_id.isin(org_ids)])


def test_weak_indicators_of_one_province_are_bars_of_several_a_heatmap(cur):
    one = analytics.province_weak_shares(cur, analytics.Filters(YEAR, province_code="19"))
    many = analytics.province_weak_shares(cur, analytics.Filters(YEAR))
    bars = figures.weak_indicators(one, list(labels.INDICATOR_NUMBERS))
    assert bars.data[0].type == "bar" and len(bars.data[0].x) == len(one)
    assert list(bars.data[0].y) == sorted(one.share_below_pass, reverse=True)
    heat = figures.weak_indicators(many, list(labels.INDICATOR_NUMBERS))
    assert heat.data[0].type == "heatmap" and len(heat.data[0].z) == len(many)


def test_open_measures_summary_shows_the_first_rows_open_and_overdue(cur):
    summary = analytics.open_measures_summary(cur, analytics.Filters(YEAR, province_code="19"), by="indicator")
    fig = figures.open_measures_summary(summary, "indicator", rows=3)
    assert list(fig.data[0].x) == summary.open_count.head(3).tolist()
    assert list(fig.data[1].x) == summary.overdue_count.head(3).tolist()
    assert list(fig.data[0].y) == summary.label.head(3).map(labels.INDICATOR_LABELS).tolist()


def test_open_measures_summary_shows_units_as_written():
    summary = pd.DataFrame({"label": ["<b>กองคลัง</b>"], "open_count": [2], "overdue_count": [1]})
    fig = figures.open_measures_summary(summary, "responsible")
    assert list(fig.data[0].y) == ["&lt;b&gt;กองคลัง&lt;/b&gt;"]


def test_measure_coverage_stacks_uncovered_and_covered_counts(cur):
    selection = analytics.Filters(YEAR, province_code="19")
    counts = analytics.coverage_counts(analytics.measure_coverage(cur, selection), selection.indicator_numbers())
    fig = figures.measure_coverage(counts)
    assert [t.name for t in fig.data] == [labels.COVERAGE_NONE, labels.COVERAGE_SOME]
    assert list(fig.data[0].x) == counts.uncovered_count.tolist()
    assert list(fig.data[1].x) == counts.covered_count.tolist()


def test_measure_effect_names_the_two_years_on_its_axis(cur):
    effect = analytics.measure_effectiveness(cur, analytics.Filters(YEAR - 1))
    assert not effect.empty
    fig = figures.measure_effect(effect)
    assert fig.layout.xaxis.title.text == labels.EFFECT_AXIS.format(year=YEAR - 1, next_year=YEAR)
    assert list(fig.data[0].x) == effect.mean_change_with_measure.tolist()
