"""การเปลี่ยนแปลง: who gained and who fell between two years, per indicator, and who keeps improving."""

from dataclasses import replace

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from ita_data import analytics, labels
from ita_data.analytics.common import method_notes
from pages import shared

MOVERS_EACH_WAY = 10

f = shared.filters()
cur = shared.cursor()
st.title("การเปลี่ยนแปลง")
st.caption(shared.filters_caption())

years = shared.data_years(cur, f.include_synthetic)  # oldest first
if len(years) < 2:
    st.info(labels.CHANGE_NEED_TWO_YEARS)
    st.stop()

# The two years follow the sidebar's year (to it from the year before) until the reader picks others.
if st.session_state.get("_change_fy") != f.fiscal_year or "to" not in st.session_state:
    to_default = f.fiscal_year if f.fiscal_year in years else years[-1]
    st.session_state["to"] = to_default
    st.session_state["from"] = max([y for y in years if y < to_default], default=years[0])
    st.session_state["_change_fy"] = f.fiscal_year
left, right = st.columns(2)
from_year = left.selectbox(labels.CHANGE_FROM, years, key="from", bind="query-params")
to_year = right.selectbox(labels.CHANGE_TO, years, key="to", bind="query-params")
if from_year >= to_year:
    st.info(labels.CHANGE_ORDER)
    st.stop()

pair = replace(f, fiscal_year=to_year)
extra = {labels.CHANGE_FROM: from_year, labels.CHANGE_TO: to_year}
measure = labels.indicator_label(f.indicator)
notes = method_notes(from_year, to_year)
if notes:
    st.warning(labels.CHANGE_METHOD_WARNING.format(notes=notes), icon=":material/rule:")

before = analytics.overview(cur, replace(f, fiscal_year=from_year)).iloc[0]
after = analytics.overview(cur, pair).iloc[0]
if not (before.org_count or after.org_count):
    st.info(labels.EMPTY_SELECTION)
    st.stop()
both = bool(before.org_count and after.org_count)  # a delta needs both years
a, b, c, d = st.columns(4)
a.metric(labels.CHANGE_MEAN.format(year=from_year), shared.number(before.mean_score))
b.metric(labels.CHANGE_MEAN.format(year=to_year), shared.number(after.mean_score),
         delta=shared.number(after.mean_score - before.mean_score) if both else None)
c.metric(labels.CHANGE_PASS_RATE.format(year=from_year), shared.percent(before.pass_rate))
d.metric(labels.CHANGE_PASS_RATE.format(year=to_year), shared.percent(after.pass_rate),
         delta=f"{(after.pass_rate - before.pass_rate) * 100:+.1f} จุด" if both else None)

# --- the movers, and a slope chart of them between the two years -----------------------------
st.subheader(f"{labels.CHANGE_MOVERS} · {measure}")
moved = shared.cached(analytics.movers, pair, n=MOVERS_EACH_WAY, from_year=from_year)
if moved.empty:
    st.info(labels.CHANGE_NO_MOVERS)
else:
    moved = moved.assign(direction=moved.direction.map(labels.DIRECTIONS))
    movers_table = moved[["direction", "position", "org_name", "province", "district", "score_from", "score_to",
                          "delta", "method_change"]]
    st.dataframe(shared.for_display(movers_table), hide_index=True, key="movers_table",
                 column_config={labels.column_label("delta"): st.column_config.NumberColumn(format="%+.2f")})
    shared.downloads(movers_table, f"ita-movers-{from_year}-{to_year}", "movers", extra)

    st.subheader(labels.CHANGE_SLOPE.format(from_year=from_year, to_year=to_year))
    # One trace per direction, its lines apart by a gap (None): px.line's trace per organisation is slow.
    fig = go.Figure()
    for direction, colour in (("gain", "seagreen"), ("fall", "firebrick")):
        rows = moved[moved.direction == labels.DIRECTIONS[direction]]
        gap = np.full(len(rows), np.nan)
        fig.add_trace(go.Scatter(
            x=[str(from_year), str(to_year), None] * len(rows),
            y=np.column_stack([rows.score_from, rows.score_to, gap]).ravel(),
            text=np.repeat(shared.chart_text(rows.org_name + " (" + rows.province.fillna("") + ")").to_numpy(), 3),
            customdata=np.repeat(rows.delta.to_numpy(), 3),
            mode="lines+markers", name=labels.DIRECTIONS[direction], line=dict(color=colour),
            hovertemplate="%{text}<br>%{y:.2f} (%{customdata:+.2f})<extra></extra>",
        ))
    fig.update_xaxes(type="category", title=labels.column_label("fiscal_year"))
    fig.update_yaxes(title=measure)
    if notes:  # the change of method sits between the two years: dash the lines and say so
        fig.update_traces(line_dash="dot")
        fig.add_annotation(x=0.5, xref="paper", y=1.02, yref="paper", showarrow=False,
                           text=labels.CHANGE_METHOD_MARK, font=dict(color="darkorange"))
    fig.update_layout(height=460, margin=dict(l=0, r=0, t=30, b=0), legend=dict(orientation="h"))
    st.plotly_chart(fig, key="slope_chart")

    # --- the movers' change per indicator ---------------------------------------------------
    st.subheader(labels.CHANGE_HEATMAP)
    st.caption(labels.CHANGE_HEATMAP_NOTE.format(count=moved.org_id.nunique()))
    every = shared.cached(analytics.yoy_change, pair, from_year=from_year, all_indicators=True)
    cells = every[every.org_id.isin(moved.org_id) & every.indicator.str.isdigit()]
    # Rows by org_id (names repeat across the country), labelled with the name and province.
    row_of = dict(zip(moved.org_id, shared.chart_text(moved.org_name + " (" + moved.province.fillna("") + ")")))
    order = list(dict.fromkeys(moved.org_id))
    heat = go.Figure(go.Heatmap(
        x=cells.indicator.map(labels.INDICATOR_SHORT_LABELS), y=cells.org_id.astype(str), z=cells.delta,
        customdata=cells.indicator.map(labels.INDICATOR_LABELS),
        colorscale="RdYlGn", zmid=0, colorbar=dict(title=labels.column_label("delta")),
        hovertemplate="%{customdata}<br>%{z:+.2f}<extra></extra>",
    ))
    heat.update_yaxes(type="category", categoryorder="array", categoryarray=[str(o) for o in order][::-1],
                      tickvals=[str(o) for o in order], ticktext=[row_of[o] for o in order])
    heat.update_xaxes(categoryorder="array",
                      categoryarray=[labels.indicator_short_label(i) for i in range(1, 11)])
    if notes:
        heat.update_layout(title=dict(text=labels.CHANGE_METHOD_MARK, font=dict(color="darkorange", size=13)))
    heat.update_layout(height=max(360, 24 * len(order)), margin=dict(l=0, r=0, t=30 if notes else 10, b=0))
    st.plotly_chart(heat, key="delta_heatmap")

# --- the multi-year trend up to the later year ------------------------------------------------
trend = shared.cached(analytics.trends, pair)
trend = trend[trend.years_count > 1]
if trend.empty:
    st.info(labels.CHANGE_NO_TRENDS)
    st.stop()
first = int(trend.first_year.min())
st.subheader(labels.CHANGE_TRENDS.format(first_year=first, last_year=to_year) + f" · {measure}")
if trend.method_change.any():
    st.warning(labels.CHANGE_TRENDS_METHOD.format(notes=method_notes(first, to_year)), icon=":material/rule:")
left, right = st.columns(2)
slopes = go.Figure(go.Histogram(x=trend.slope, nbinsx=40, marker_color="steelblue"))
slopes.add_vline(x=0, line_dash="dash")
slopes.update_layout(height=300, margin=dict(l=0, r=0, t=10, b=0), bargap=0.05,
                     xaxis_title=labels.column_label("slope"), yaxis_title=labels.RANK_ORGS)
left.plotly_chart(slopes, key="slope_histogram")
streaks = go.Figure(go.Histogram(x=trend.improving_streak, marker_color="seagreen"))
streaks.update_layout(height=300, margin=dict(l=0, r=0, t=10, b=0), bargap=0.1,
                      xaxis_title=labels.column_label("improving_streak"), yaxis_title=labels.RANK_ORGS)
right.plotly_chart(streaks, key="streak_histogram")

trend_table = trend.sort_values(["improving_streak", "slope"], ascending=False, ignore_index=True)[[
    "org_name", "province", "district", "years_count", "years_missing", "first_year", "last_year", "first_score",
    "last_score", "change", "slope", "improving_streak", "method_change",
]]
st.caption(labels.CHANGE_TRENDS_NOTE)
st.dataframe(shared.for_display(trend_table), hide_index=True, key="trend_table",
             column_config={labels.column_label("slope"): st.column_config.NumberColumn(format="%+.2f"),
                            labels.column_label("change"): st.column_config.NumberColumn(format="%+.2f")})
shared.downloads(trend_table, f"ita-trends-{to_year}", "trends", {labels.CHANGE_TO: to_year})
