"""อันดับ: each organisation's rank in the nation, its province, district or type, its move and its past scores."""

import streamlit as st

from ita_data import analytics, framework, labels, views
from ita_data.analytics import about as about_data
from ita_data.analytics.history import score_history
from ita_data.analytics.rankings import SCOPES
from pages import display, figures, shared

PROFILE_PAGE = "pages/organization.py"
BARS_EACH_END = 40

f = shared.filters()
st.title(labels.RANK_TITLE)
st.caption(shared.filters_caption())

# "The nation" is named for what the data covers: a database of one province's results is not the country.
scope_names = {
    **labels.RANK_WITHIN,
    "nation": labels.whole_data(shared.cached(about_data.data_status), f.include_synthetic),
}
shared.seed_from_link("within", list(SCOPES), labels.RANK_WITHIN.__getitem__)  # links keep one spelling
within = st.segmented_control(
    labels.RANK_WITHIN_LABEL,
    SCOPES,
    format_func=scope_names.__getitem__,
    default="province",
    required=True,
    key="within",
)
shared.keep_in_link({"within": within})
sel = shared.selection(within=within)
ranked = shared.cached(analytics.rankings, f, within)
if ranked.empty:
    st.info(labels.EMPTY_SELECTION)
    st.stop()

pass_mark = framework.year_rules(f.fiscal_year).pass_mark
measure = labels.indicator_label(f.indicator)
summary = shared.cached(analytics.overview, f).iloc[0]
differs = ranked[ranked.rank_reported_differs]
a, b, c = st.columns(3)
a.metric(labels.RANK_ORGS, f"{len(ranked):,}")
b.metric(f"{labels.RANK_PASSING} (≥ {pass_mark:g})", shared.percent(summary.pass_rate))
c.metric(labels.RANK_REPORTED_DIFFERS, f"{len(differs):,}", help=labels.RANK_REPORTED_DIFFERS_HELP)

# --- the table: choosing a row opens the organisation's profile ------------------------------
st.subheader(f"{labels.RANK_TABLE} · {measure} · {scope_names[within]}")
history = shared.cached(score_history, f).set_index("org_id").scores
view = views.VIEWS["rankings"]
table = view.select(ranked)
# Each header says what its column ranks: the chosen measure, or the total (levels and the province's
# rank in reports are of the total whatever the measure); the view's files say the same.
headers = {c: view.header(c, sel) for c in ("scores", *view.columns)}
# The view's columns but its code (a row opens the profile), with the past scores beside the score.
shown = [c for c in view.columns if c != "org_id"]
after_score = shown.index("score") + 1
column_order = [*shown[:after_score], "scores", *shown[after_score:]]
event = display.view_table(
    view,
    table.assign(scores=table.org_id.map(history)),
    sel,
    key="rank_table",
    on_select="rerun",
    selection_mode="single-row",
    column_order=column_order,
    column_config={
        "scores": st.column_config.LineChartColumn(headers["scores"], y_min=0, y_max=100, help=labels.RANK_SCORES_HELP),
        "rank_reported_differs": st.column_config.CheckboxColumn(help=labels.RANK_REPORTED_DIFFERS_HELP),
    },
)
st.caption(labels.RANK_TABLE_HELP)
if event.selection.rows:
    st.session_state["org"] = int(table.org_id.iloc[event.selection.rows[0]])
    # The profile's link names the organisation; the sidebar's filters follow from the session (the
    # frame writes them into the profile's address).
    st.switch_page(PROFILE_PAGE, query_params={"org": str(st.session_state["org"])})
shared.downloads(view, table, sel, "rankings")

if len(differs):
    st.subheader(labels.RANK_DIFFERS_TABLE)
    reported = views.VIEWS["rank-differs"].select(differs)
    display.view_table(views.VIEWS["rank-differs"], reported, sel, key="rank_differs")
    shared.downloads(views.VIEWS["rank-differs"], reported, sel, "rank_differs")

# --- the bar chart: the selection's scores against the pass mark -----------------------------
st.subheader(f"{labels.RANK_CHART} · {measure}")
if len(ranked) > 2 * BARS_EACH_END:
    st.caption(labels.RANK_CHART_SOME.format(shown=BARS_EACH_END, total=len(ranked)))
bars = ranked[["org_id", "org_name", "province", "score", "level", "rank"]]
display.chart(
    display.figure(figures.rank_bars, bars, measure, pass_mark, BARS_EACH_END),
    "rank_bars",
    f"{labels.RANK_CHART} · {measure}",
)
