"""มาตรการ: open and overdue measures as of a day, weak indicators without a measure, whether measures moved scores."""

import dataclasses
import datetime as dt

import streamlit as st

from ita_data import analytics, labels, thai, views
from pages import display, figures, shared

STATUSES_OPEN = list(views.selection.MEASURE_STATUSES)

f = shared.filters()
st.title(labels.MEASURES_TITLE)
st.caption(shared.filters_caption())

# --- the page's own filters, each carried by the URL ---------------------------------------
left, middle, right = st.columns(3)
if "as_of" not in st.session_state:
    notices: list[str] = []
    st.session_state["as_of"] = shared.link_choice("as_of", [], notices=notices) or dt.date.today()
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
as_of = left.date_input(labels.MEASURES_AS_OF, key="as_of", format="DD/MM/YYYY", help=labels.MEASURES_AS_OF_HELP)
# The picker writes Christian-era years (Streamlit has no Buddhist calendar): the B.E. date is shown beside.
left.caption(labels.MEASURES_AS_OF_BE.format(date=thai.format_be_date(as_of)))
# The sidebar's indicator narrows the choice (a tool offers its own indicators).
indicators = [None, *f.indicator_numbers()]


def indicator_text(code: str | None) -> str:
    return labels.ALL if code is None else labels.INDICATOR_LABELS[code]


def status_text(code: str | None) -> str:
    return labels.ALL if code is None else labels.STATUSES[code]


shared.seed_from_link("m_indicator", indicators, indicator_text)
indicator = middle.selectbox(labels.MEASURES_INDICATOR, indicators, key="m_indicator", format_func=indicator_text)
shared.seed_from_link("m_status", STATUSES_OPEN, status_text)
status = right.selectbox(labels.COLUMNS["status"], STATUSES_OPEN, key="m_status", format_func=status_text)
selection = dataclasses.replace(f, indicator=indicator) if indicator else f

units = shared.cached(analytics.open_measures_summary, selection, as_of, by="responsible")
left, right = st.columns([2, 1])
unit_options = [None, *units.label.dropna()]
shared.seed_from_link("m_unit", unit_options, lambda u: labels.ALL if u is None else u)
unit = left.selectbox(
    labels.COLUMNS["responsible"], unit_options, key="m_unit", format_func=lambda u: labels.ALL if u is None else u
)
shared.seed_from_link("m_overdue", [True, False], labels.yes_no)
overdue_only = right.toggle(labels.MEASURES_OVERDUE_ONLY, key="m_overdue")
# The day is written into the link only when it is not today: a copied link then follows the days.
shared.keep_in_link(
    {
        "as_of": as_of if as_of != dt.date.today() else None,
        "m_indicator": indicator,
        "m_status": status,
        "m_unit": unit,
        "m_overdue": overdue_only,
    }
)
sel = shared.selection(as_of=as_of, m_indicator=indicator, m_status=status, m_unit=unit, m_overdue=overdue_only)

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
    table = views.VIEWS["measures"].select(shown)
    display.view_table(
        views.VIEWS["measures"],
        table,
        sel,
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
    shared.downloads(views.VIEWS["measures"], table, sel, "open_measures")

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
    required=True,
)
shared.keep_in_link({"m_by": by})
sel = sel.with_values(m_by=by)
summary = units if by == "responsible" else shared.cached(analytics.open_measures_summary, selection, as_of, by=by)
if summary.empty:
    st.info(labels.MEASURES_SUMMARY_NONE)
else:
    display.chart(
        display.figure(figures.open_measures_summary, summary, by),
        "measure_summary_chart",
        f"{labels.MEASURES_SUMMARY} · {labels.MEASURES_SUMMARY_BY}{labels.MEASURE_GROUPS[by]}",
    )
    summary_table = views.VIEWS["measures-summary"].select(summary)
    display.view_table(views.VIEWS["measures-summary"], summary_table, sel, key="measure_summary_table")
    shared.downloads(views.VIEWS["measures-summary"], summary_table, sel, "measure_summary")

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
    display.chart(
        display.figure(figures.measure_coverage, counts[counts.weak_count > 0]), "coverage_chart", labels.COVERAGE_TITLE
    )
    shared.seed_from_link("m_uncovered", [True, False], labels.yes_no)
    st.session_state.setdefault("m_uncovered", True)
    uncovered_only = st.toggle(labels.COVERAGE_UNCOVERED_ONLY, key="m_uncovered")
    shared.keep_in_link({"m_uncovered": uncovered_only})
    sel = sel.with_values(m_uncovered=uncovered_only)
    table = views.VIEWS["coverage"].select(coverage[~coverage.covered] if uncovered_only else coverage)
    display.view_table(views.VIEWS["coverage"], table, sel, key="coverage_table")
    shared.downloads(views.VIEWS["coverage"], table, sel, "coverage")

# --- did measures move the indicator? ------------------------------------------------------
st.subheader(labels.EFFECT_TITLE)
st.caption(labels.EFFECT_NOTE)
measure_years = analytics.next_year_pairs(shared.data_years(f.include_synthetic))
if not measure_years:
    st.info(labels.EFFECT_NEED_TWO_YEARS)
    st.stop()
default_year = f.fiscal_year if f.fiscal_year in measure_years else measure_years[-1]
shared.seed_from_link("m_effect_year", measure_years, lambda y: f"{y} → {y + 1}")
st.session_state.setdefault("m_effect_year", default_year)
effect_year = st.selectbox(
    labels.EFFECT_YEAR, measure_years, key="m_effect_year", format_func=lambda y: f"{y} → {y + 1}"
)
shared.keep_in_link({"m_effect_year": effect_year})
sel = sel.with_values(m_effect_year=effect_year)
effect = shared.cached(analytics.measure_effectiveness, dataclasses.replace(selection, fiscal_year=effect_year))
if effect.empty:
    st.info(labels.EFFECT_NONE.format(year=effect_year, next_year=effect_year + 1))
    st.stop()
if effect.method_change.any():
    st.warning(labels.EFFECT_METHOD.format(notes=effect.method_notes.iloc[0]), icon=":material/warning:")
display.chart(
    display.figure(figures.measure_effect, effect),
    "effectiveness_chart",
    f"{labels.EFFECT_TITLE} · {effect_year} → {effect_year + 1}",
    notes=(labels.CHANGE_METHOD_MARK,) if effect.method_change.any() else (),
)
effect_table = views.VIEWS["measure-effect"].select(effect)
display.view_table(views.VIEWS["measure-effect"], effect_table, sel, key="effectiveness_table")
shared.downloads(views.VIEWS["measure-effect"], effect_table, sel, "effectiveness")
