"""ภาพรวม: counts, mean, pass rate and levels for the selection, the map, indicators vs nation."""

from dataclasses import replace

import streamlit as st

from ita_data import analytics, brief, framework, labels, views
from ita_data.analytics import about as about_data
from pages import display, figures, shared

f = shared.filters()
st.title(labels.OVERVIEW_TITLE)
st.caption(shared.filters_caption())

summary = shared.cached(analytics.overview, f).iloc[0]
measure = labels.indicator_label(f.indicator)
if not summary.org_count:
    st.info(labels.EMPTY_SELECTION)
    st.stop()

pass_mark = framework.year_rules(f.fiscal_year).pass_mark
subset = summary.org_count < summary.nation_org_count  # compare with the nation only for a part of it
whole = labels.whole_data(shared.cached(about_data.data_status), f.include_synthetic)  # the nation, or not
against = labels.VERSUS_NATION.format(whole=whole) if subset else None
a, b, c, d = st.columns(4)
a.metric(labels.RANK_ORGS, f"{summary.org_count:,}", help=labels.OVERVIEW_ORGS_HELP)
b.metric(
    labels.OVERVIEW_MEAN.format(measure=measure),
    shared.number(summary.mean_score),
    delta=shared.number(summary.mean_score - summary.nation_mean_score) if subset else None,
    delta_description=against,
)
c.metric(
    labels.OVERVIEW_PASSING.format(mark=pass_mark),
    shared.percent(summary.pass_rate),
    delta=labels.points(summary.pass_rate - summary.nation_pass_rate) if subset else None,
    delta_description=against,
)
d.metric(labels.OVERVIEW_MEDIAN, shared.number(summary.median_score))

left, right = st.columns([3, 2])
with left:
    # Every province is coloured whatever the province filter; a chosen province is zoomed to, with
    # its districts as points.
    by_province = shared.cached(analytics.province_map, replace(f, province_code=None, district_code=None))
    districts = shared.cached(analytics.district_map, f) if f.province_code else None
    title = labels.OVERVIEW_MAP_PROVINCE if f.province_code else labels.OVERVIEW_MAP
    st.subheader(title)
    # Built once per selection and shared by every session (display.figure): Plotly copies the province
    # outlines each time a map figure is made, which cost more than all the rest of the page.
    display.chart(display.figure(figures.province_map, by_province, f.province_code, districts), "province_map", title)
    if districts is not None:
        unplaced = figures.unplaced_districts(districts)
        st.caption(labels.MAP_DISTRICTS_NOTE.format(missing=", ".join(unplaced) or "–"))
with right:
    st.subheader(labels.OVERVIEW_LEVELS)
    display.chart(
        display.figure(figures.level_bars, shared.cached(analytics.level_distribution, f)),
        "levels",
        labels.OVERVIEW_LEVELS,
    )

indicators_title = labels.OVERVIEW_INDICATORS.format(whole=whole)
st.subheader(indicators_title)
means = shared.cached(analytics.indicator_means, f)
display.chart(display.figure(figures.indicator_means, means, pass_mark, whole), "indicator_means", indicators_title)
sel = shared.selection()
table = views.VIEWS["indicators"].select(means)
# The heading names what "all" covers; the table's column says only "ทั้งหมด" (it stays narrow), the
# files' header the whole of it.
short_whole = labels.whole_data(shared.cached(about_data.data_status), f.include_synthetic, short=True)
display.view_table(views.VIEWS["indicators"], table, sel, headers=labels.whole_headers(short_whole))
shared.downloads(views.VIEWS["indicators"], table, sel, "overview")

# The provincial brief of this selection (A4 PDF), printed by Chromium only when the button is clicked.
if not f.province_code:
    st.caption(labels.OVERVIEW_BRIEF_PICK)
elif problem := brief.printer_problem():
    st.caption(labels.without_gloss(problem))
else:
    db = shared.store()  # the download runs in a server thread: it takes a cursor of its own
    st.download_button(
        labels.OVERVIEW_BRIEF,
        lambda: brief.make_brief(db.cursor(), f),
        brief.file_name(f),
        "application/pdf",
        key="brief_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
