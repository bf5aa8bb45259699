"""เกี่ยวกับข้อมูล: the method per year, where the data came from, what is synthetic, credits, and data quality."""

import streamlit as st

from ita_data import labels, views
from ita_data.analytics import about
from pages import display, shared

f = shared.filters()
sel = shared.selection()
st.title(labels.ABOUT_TITLE)
st.caption(labels.APP_SUBTITLE)

status = shared.cached(about.data_status)
a, b, c, d = st.columns(4)
a.metric(labels.RANK_ORGS, f"{status['organizations']:,}")
b.metric(labels.ABOUT_REAL, f"{status['real_orgs']:,}", help=labels.ABOUT_REAL_HELP)
c.metric(labels.COLUMNS["is_synthetic"], f"{status['synthetic_orgs']:,}", help=labels.ABOUT_SYNTHETIC_HELP)
years = f"{status['first_year']}–{status['last_year']}" if status["first_year"] else "–"
d.metric(labels.COLUMNS["fiscal_year"], years)

# --- the method ----------------------------------------------------------------------------
st.header(labels.ABOUT_METHOD, anchor=False)
st.markdown(labels.ABOUT_METHOD_TEXT)
st.subheader(labels.ABOUT_INDICATORS, anchor=False)
indicators = views.VIEWS["indicator-list"].frame(shared.ask, sel)
display.view_table(views.VIEWS["indicator-list"], indicators, sel, key="about_indicators")
shared.downloads(views.VIEWS["indicator-list"], indicators, sel, "about_indicators")

st.subheader(labels.ABOUT_WEIGHTS, anchor=False)
method = views.VIEWS["method"].frame(shared.ask, sel)
display.view_table(views.VIEWS["method"], method, sel, key="about_method")
shared.downloads(views.VIEWS["method"], method, sel, "about_method")
changes = about.method_changes()
if not changes.empty:
    st.caption(labels.ABOUT_METHOD_CHANGES.format(notes="; ".join(changes.notes)))

st.subheader(labels.ABOUT_LEVELS, anchor=False)
levels = views.VIEWS["level-bands"].frame(shared.ask, sel)
display.view_table(views.VIEWS["level-bands"], levels, sel, key="about_levels")
shared.downloads(views.VIEWS["level-bands"], levels, sel, "about_levels")

# --- where the data came from ----------------------------------------------------------------
st.header(labels.ABOUT_SOURCES, anchor=False)
sources = views.VIEWS["sources"].frame(shared.ask, sel)
if sources.empty:
    st.info(labels.ABOUT_SOURCES_NONE)
else:
    display.view_table(views.VIEWS["sources"], sources, sel, key="about_sources")
    shared.downloads(views.VIEWS["sources"], sources, sel, "about_sources")

st.subheader(labels.ABOUT_WHAT_SYNTHETIC, anchor=False)
st.write(labels.ABOUT_SYNTHETIC)
if status["synthetic_orgs"]:
    st.caption(labels.ABOUT_SYNTHETIC_NOW.format(synthetic=status["synthetic_orgs"], real=status["real_orgs"]))

# --- data quality for the sidebar's selection ---------------------------------------------------
st.header(labels.ABOUT_QUALITY, anchor=False)
st.caption(shared.filters_caption())
checks = {key: views.VIEWS[f"quality-{key}"] for key in labels.QUALITY_CHECKS}
frames = {key: check.frame(shared.ask, sel) for key, check in checks.items()}
titles = {key: title.format(year=f.fiscal_year) for key, (_, title) in labels.QUALITY_CHECKS.items()}
for place, (key, (short, _)) in zip(st.columns(len(checks)), labels.QUALITY_CHECKS.items()):
    place.metric(short, f"{len(frames[key]):,}", help=titles[key])
for tab, (key, check) in zip(st.tabs(list(titles.values())), checks.items()):
    with tab:
        if frames[key].empty:
            st.success(labels.QUALITY_NONE, icon=":material/check:")
            continue
        display.view_table(check, frames[key], sel, key=f"quality_{key}")
        shared.downloads(check, frames[key], sel, f"quality_{key}")

# --- credits -------------------------------------------------------------------------------------
st.header(labels.ABOUT_CREDITS, anchor=False)
st.markdown("\n".join(f"- {line}" for line in labels.CREDITS))
