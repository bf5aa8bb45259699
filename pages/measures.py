"""มาตรการ: open and overdue measures as of a day, weak indicators without a measure, whether measures moved scores."""

import dataclasses
import datetime as dt

import streamlit as st

from ita_data import analytics, labels, thai
from pages import display, figures, shared

STATUSES_OPEN = [None, "planned", "in_progress"]

f = shared.filters()
st.title(labels.MEASURES_TITLE)
st.caption(shared.filters_caption())

# --- the page's own filters, each carried by the URL ---------------------------------------
left, middle, right = st.columns(3)
as_of = left.date_input(
    labels.MEASURES_AS_OF,
    value=dt.date.today(),
    key="as_of",
    bind="query-params",
    format="DD/MM/YYYY",
    help=labels.MEASURES_AS_OF_HELP,
)
# The picker writes Christian-era years (Streamlit has no Buddhist calendar): the B.E. date is shown beside.
left.caption(labels.MEASURES_AS_OF_BE.format(date=thai.format_be_date(as_of)))
# The sidebar's indicator narrows the choice (a tool offers its own indicators).
indicators = [None, *f.indicator_numbers()]


def indicator_text(code: str | None) -> str:
    return labels.ALL if code is None else labels.INDICATOR_LABELS[code]


def status_text(code: str | None) -> str:
    return labels.ALL if code is None else labels.STATUSES[code]


shared.seed_from_link("m_indicator", indicators, indicator_text)
indicator = middle.selectbox(
    labels.MEASURES_INDICATOR, indicators, key="m_indicator", bind="query-params", format_func=indicator_text
)
shared.seed_from_link("m_status", STATUSES_OPEN, status_text)
status = right.selectbox(
    labels.COLUMNS["status"], STATUSES_OPEN, key="m_status", bind="query-params", format_func=status_text
)
selection = dataclasses.replace(f, indicator=indicator) if indicator else f

units = shared.cached(analytics.open_measures_summary, selection, as_of, by="responsible")
left, right = st.columns([2, 1])
unit = left.selectbox(
    labels.COLUMNS["responsible"],
    [None, *units.label.dropna()],
    key="m_unit",
    bind="query-params",
    format_func=lambda u: labels.ALL if u is None else u,
)
overdue_only = right.toggle(labels.MEASURES_OVERDUE_ONLY, key="m_overdue", bind="query-params")
page_filters = {
    labels.MEASURES_AS_OF: thai.format_be_date(as_of),
    labels.MEASURES_INDICATOR: indicator_text(indicator),
    labels.COLUMNS["status"]: status_text(status),
    labels.COLUMNS["responsible"]: unit or labels.ALL,
    labels.MEASURES_OVERDUE_ONLY: labels.yes_no(overdue_only),
}

# --- open measures -----------------------------------------------------------------------
st.subheader(labels.MEASURES_OPEN.format(date=thai.format_be_date(as_of)))
measures = shared.cached(analytics.open_measures, selection, as_of)
keep = measures.measure_id.notna()
if status:
    keep &= measures.status == status
if unit:
    keep &= measures.responsible == unit
if overdue_only:
    keep &= measures.overdue
shown = measures[keep]
a, b, c = st.columns(3)
a.metric(labels.MEASURES_OPEN_COUNT, f"{len(shown):,}", help=labels.MEASURES_OPEN_COUNT_HELP)
b.metric(labels.COLUMNS["overdue"], f"{int(shown.overdue.sum()):,}")
c.metric(labels.MEASURES_OVERDUE_ORGS, f"{shown.org_id[shown.overdue].nunique():,}")
if shown.empty:
    st.info(labels.MEASURES_OPEN_NONE)
else:
    table = shown[
        [
            "overdue",
            "days_overdue",
            "org_id",
            "org_name",
            "province",
            "district",
            "indicator",
            "score_before",
            "score_after",
            "score_change",
            "method_change",
            "item",
            "title",
            "responsible",
            "due_date",
            "status",
        ]
    ].assign(
        indicator=shown.indicator.map(labels.INDICATOR_LABELS),
        due_date=thai.format_be_dates(shown.due_date.to_numpy()),
        status=shown.status.map(labels.STATUSES),
    )
    display.table(
        table,
        key="open_measures_table",
        column_config={
            "overdue": st.column_config.CheckboxColumn(help=labels.MEASURES_OVERDUE_HELP, pinned=True),
            "method_change": st.column_config.CheckboxColumn(help=labels.MEASURE_SCORES_METHOD_HELP),
            "days_overdue": st.column_config.ProgressColumn(
                format=labels.MEASURES_DAYS_FORMAT,
                min_value=0,
                max_value=max(int(shown.days_overdue.fillna(0).max()), 1),
                color="red",
                pinned=True,
            ),
        },
    )
    st.caption(labels.MEASURES_SCORES_NOTE)
    shared.downloads(table, "ita-open-measures", "open_measures", page_filters)

st.subheader(labels.MEASURES_SUMMARY)
st.caption(labels.MEASURES_SUMMARY_NOTE)
groups = list(labels.MEASURE_GROUPS)
shared.seed_from_link("m_by", groups, labels.MEASURE_GROUPS.__getitem__)
by = st.segmented_control(
    labels.MEASURES_SUMMARY_BY,
    groups,
    format_func=labels.MEASURE_GROUPS.__getitem__,
    default="responsible",
    key="m_by",
    bind="query-params",
    required=True,
)
summary = units if by == "responsible" else shared.cached(analytics.open_measures_summary, selection, as_of, by=by)
if summary.empty:
    st.info(labels.MEASURES_SUMMARY_NONE)
else:
    display.chart(
        figures.open_measures_summary(summary, by),
        "measure_summary_chart",
        f"{labels.MEASURES_SUMMARY} · {labels.MEASURES_SUMMARY_BY}{labels.MEASURE_GROUPS[by]}",
    )
    summary_table = (
        summary.drop(columns=["by", "key"])
        .assign(
            label=summary.label.map(labels.INDICATOR_LABELS) if by == "indicator" else summary.label,
            earliest_due_date=thai.format_be_dates(summary.earliest_due_date.to_numpy()),
        )
        .rename(columns={"label": labels.MEASURE_GROUPS[by]})
    )
    display.table(summary_table, key="measure_summary_table")
    shared.downloads(summary_table, f"ita-open-measures-by-{by}", "measure_summary", page_filters)

# --- weak indicators without a measure ---------------------------------------------------
st.subheader(labels.COVERAGE_TITLE)
st.caption(labels.COVERAGE_NOTE)
coverage = shared.cached(analytics.measure_coverage, selection)
if coverage.empty:
    st.info(labels.COVERAGE_EMPTY)
else:
    counts = analytics.coverage_counts(coverage, selection.indicator_numbers())
    weak, uncovered, covered = (int(counts[c].sum()) for c in ("weak_count", "uncovered_count", "covered_count"))
    a, b, c = st.columns(3)
    a.metric(labels.COVERAGE_WEAK, f"{weak:,}")
    b.metric(labels.COVERAGE_NONE, f"{uncovered:,}")
    c.metric(labels.COVERAGE_SOME, shared.percent(covered / weak))
    display.chart(figures.measure_coverage(counts[counts.weak_count > 0]), "coverage_chart", labels.COVERAGE_TITLE)
    uncovered_only = st.toggle(labels.COVERAGE_UNCOVERED_ONLY, value=True, key="m_uncovered", bind="query-params")
    table = coverage[~coverage.covered] if uncovered_only else coverage
    table = table.assign(indicator=table.indicator.map(labels.INDICATOR_LABELS))
    display.table(table, key="coverage_table")
    shared.downloads(
        table,
        "ita-measure-coverage",
        "coverage",
        {**page_filters, labels.COVERAGE_UNCOVERED_ONLY: labels.yes_no(uncovered_only)},
    )

# --- did measures move the indicator? ------------------------------------------------------
st.subheader(labels.EFFECT_TITLE)
st.caption(labels.EFFECT_NOTE)
measure_years = analytics.next_year_pairs(shared.data_years(f.include_synthetic))
if not measure_years:
    st.info(labels.EFFECT_NEED_TWO_YEARS)
    st.stop()
default_year = f.fiscal_year if f.fiscal_year in measure_years else measure_years[-1]
effect_year = st.selectbox(
    labels.EFFECT_YEAR,
    measure_years,
    index=measure_years.index(default_year),
    key="m_effect_year",
    bind="query-params",
    format_func=lambda y: f"{y} → {y + 1}",
)
effect = shared.cached(analytics.measure_effectiveness, dataclasses.replace(selection, fiscal_year=effect_year))
if effect.empty:
    st.info(labels.EFFECT_NONE.format(year=effect_year, next_year=effect_year + 1))
    st.stop()
if effect.method_change.any():
    st.warning(labels.EFFECT_METHOD.format(notes=effect.method_notes.iloc[0]), icon=":material/warning:")
display.chart(
    figures.measure_effect(effect),
    "effectiveness_chart",
    f"{labels.EFFECT_TITLE} · {effect_year} → {effect_year + 1}",
    notes=(labels.CHANGE_METHOD_MARK,) if effect.method_change.any() else (),
)
effect_table = effect.assign(indicator=effect.indicator.map(labels.INDICATOR_LABELS))
display.table(effect_table, key="effectiveness_table")
shared.downloads(
    effect_table, "ita-measure-effectiveness", "effectiveness", {**page_filters, labels.EFFECT_YEAR: effect_year}
)
