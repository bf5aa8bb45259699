"""การเปลี่ยนแปลง: who gained and who fell between two years, per indicator, and who keeps improving."""

from dataclasses import replace

import streamlit as st

from ita_data import analytics, labels, views
from ita_data.analytics.common import method_notes
from pages import display, figures, shared

f = shared.filters()
st.title(labels.CHANGE_TITLE)
st.caption(shared.filters_caption())

years = shared.data_years(f.include_synthetic)  # oldest first
pair = analytics.comparison_pair(years, f.fiscal_year)
if pair is None:
    st.info(labels.CHANGE_NEED_TWO_YEARS)
    st.stop()

# The two years follow the sidebar's year (to it from the year before) until the reader picks others;
# a link's years win on the session's first visit.
if st.session_state.get("_change_fy") != f.fiscal_year or "to" not in st.session_state:
    first_visit = "_change_fy" not in st.session_state
    st.session_state["from"], st.session_state["to"] = pair
    notices: list[str] = []
    for key in ("from", "to") if first_visit else ():
        named = shared.link_choice(key, years, notices=notices)
        if named is not None:
            st.session_state[key] = named
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    st.session_state["_change_fy"] = f.fiscal_year
left, right = st.columns(2)
from_year = left.selectbox(labels.CHANGE_FROM, years, key="from")
to_year = right.selectbox(labels.CHANGE_TO, years, key="to")
shared.keep_in_link({"from": from_year, "to": to_year})
if from_year >= to_year:
    st.info(labels.CHANGE_ORDER)
    st.stop()

later = replace(f, fiscal_year=to_year)
sel = shared.selection(**{"from": from_year, "to": to_year})
measure = labels.indicator_label(f.indicator)
notes = method_notes(from_year, to_year)
if notes:
    st.warning(labels.CHANGE_METHOD_WARNING.format(notes=notes), icon=":material/rule:")

before = shared.cached(analytics.overview, replace(f, fiscal_year=from_year)).iloc[0]
after = shared.cached(analytics.overview, later).iloc[0]
if not (before.org_count or after.org_count):
    st.info(labels.EMPTY_SELECTION)
    st.stop()
both = bool(before.org_count and after.org_count)  # a delta needs both years
a, b, c, d = st.columns(4)
a.metric(labels.CHANGE_MEAN.format(year=from_year), shared.number(before.mean_score))
b.metric(
    labels.CHANGE_MEAN.format(year=to_year),
    shared.number(after.mean_score),
    delta=shared.number(after.mean_score - before.mean_score) if both else None,
)
c.metric(labels.CHANGE_PASS_RATE.format(year=from_year), shared.percent(before.pass_rate))
d.metric(
    labels.CHANGE_PASS_RATE.format(year=to_year),
    shared.percent(after.pass_rate),
    delta=labels.points(after.pass_rate - before.pass_rate) if both else None,
)

# --- the movers, and a slope chart of them between the two years -----------------------------
st.subheader(f"{labels.CHANGE_MOVERS} · {measure}")
moved = shared.cached(analytics.movers, later, n=views.catalogue.MOVERS_EACH_WAY, from_year=from_year)
if moved.empty:
    st.info(labels.CHANGE_NO_MOVERS)
else:
    movers_table = views.VIEWS["change"].select(moved)
    display.view_table(views.VIEWS["change"], movers_table, sel, key="movers_table")
    shared.downloads(views.VIEWS["change"], movers_table, sel, "movers")

    slope_title = labels.CHANGE_SLOPE.format(from_year=from_year, to_year=to_year)
    st.subheader(slope_title)
    method_mark = (labels.CHANGE_METHOD_MARK,) if notes else ()
    display.chart(
        display.figure(figures.movers_slope, moved, from_year, to_year, measure, bool(notes)),
        "slope_chart",
        f"{slope_title} · {measure}",
        notes=method_mark,
    )

    # --- the movers' change per indicator ---------------------------------------------------
    st.subheader(labels.CHANGE_HEATMAP)
    st.caption(labels.CHANGE_HEATMAP_NOTE.format(count=moved.org_id.nunique()))
    every = shared.cached(analytics.yoy_change, later, from_year=from_year, all_indicators=True)
    display.chart(
        display.figure(figures.movers_heatmap, every, moved, bool(notes)),
        "delta_heatmap",
        f"{labels.CHANGE_HEATMAP} {from_year}–{to_year}",
        notes=method_mark,
    )

# --- the multi-year trend up to the later year ------------------------------------------------
trend = shared.cached(analytics.trends, later)
trend = trend[trend.years_count > 1]
if trend.empty:
    st.info(labels.CHANGE_NO_TRENDS)
    st.stop()
first = int(trend.first_year.min())
st.subheader(labels.CHANGE_TRENDS.format(first_year=first, last_year=to_year) + f" · {measure}")
if trend.method_change.any():
    st.warning(labels.CHANGE_TRENDS_METHOD.format(notes=method_notes(first, to_year)), icon=":material/rule:")
left, right = st.columns(2)
trend_title = labels.CHANGE_TRENDS.format(first_year=first, last_year=to_year)
display.chart(
    display.figure(figures.slope_histogram, trend),
    "slope_histogram",
    f"{trend_title} · {labels.column_label('slope')}",
    where=left,
)
display.chart(
    display.figure(figures.streak_histogram, trend),
    "streak_histogram",
    f"{trend_title} · {labels.column_label('improving_streak')}",
    where=right,
)

trend_table = views.VIEWS["trends"].frame(shared.ask, sel)
st.caption(labels.CHANGE_TRENDS_NOTE)
display.view_table(views.VIEWS["trends"], trend_table, sel, key="trend_table")
shared.downloads(views.VIEWS["trends"], trend_table, sel, "trends")
