"""เกี่ยวกับข้อมูล: the method per year, where the data came from, what is synthetic, credits, and data quality."""

import streamlit as st

from ita_data import analytics, labels, thai
from ita_data.analytics import about
from pages import display, shared

f = shared.filters()
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
indicators = about.indicator_table().assign(tool=lambda t: t.tool.map(labels.TOOLS))
display.table(indicators.drop(columns=["name_en"]), key="about_indicators")  # Thai names on screen
shared.downloads(indicators, "ita-indicators", "about_indicators")

st.subheader(labels.ABOUT_WEIGHTS, anchor=False)
method = about.method_by_year()
method = method.assign(
    weights_status=method.weights_status.map(labels.WEIGHTS_STATUS).fillna(method.weights_status),
    level_scheme=method.level_scheme.map(labels.LEVEL_SCHEMES).fillna(method.level_scheme),
)
display.table(method, key="about_method")
shared.downloads(method, "ita-method-by-year", "about_method")
changes = about.method_changes()
if not changes.empty:
    st.caption(labels.ABOUT_METHOD_CHANGES.format(notes="; ".join(changes.notes)))

st.subheader(labels.ABOUT_LEVELS, anchor=False)
levels = about.level_bands_by_year()
levels = levels.assign(
    level_scheme=levels.level_scheme.map(labels.LEVEL_SCHEMES).fillna(levels.level_scheme),
    status=levels.status.map(labels.WEIGHTS_STATUS).fillna(levels.status),
)
display.table(levels, key="about_levels")
shared.downloads(levels, "ita-levels-by-year", "about_levels")

# --- where the data came from ----------------------------------------------------------------
st.header(labels.ABOUT_SOURCES, anchor=False)
sources = shared.cached(about.sources)
if sources.empty:
    st.info(labels.ABOUT_SOURCES_NONE)
else:
    sources = sources.assign(
        kind=sources.kind.map(labels.SOURCE_KINDS).fillna(sources.kind),
        imported_at=thai.format_be_dates(sources.imported_at.to_numpy(), with_time=True),
    )
    display.table(sources, key="about_sources")
    shared.downloads(sources, "ita-sources", "about_sources")

st.subheader(labels.ABOUT_WHAT_SYNTHETIC, anchor=False)
st.write(labels.ABOUT_SYNTHETIC)
if status["synthetic_orgs"]:
    st.caption(labels.ABOUT_SYNTHETIC_NOW.format(synthetic=status["synthetic_orgs"], real=status["real_orgs"]))

# --- data quality for the sidebar's selection ---------------------------------------------------
st.header(labels.ABOUT_QUALITY, anchor=False)
st.caption(shared.filters_caption())
checks = {  # key: (metric, tab, rows)
    key: (short, title.format(year=f.fiscal_year), frame)
    for (key, (short, title)), frame in zip(
        labels.QUALITY_CHECKS.items(),
        (
            shared.cached(analytics.total_check, f),
            shared.cached(analytics.level_check, f),
            shared.cached(analytics.missing_years, f),
            shared.cached(analytics.duplicate_orgs, f),
            shared.cached(analytics.source_disagreements, f.province_code, f.include_synthetic),
        ),
    )
}
for column, (short, title, frame) in zip(st.columns(len(checks)), checks.values()):
    column.metric(short, f"{len(frame):,}", help=title)
for tab, (key, (_, _, frame)) in zip(st.tabs([title for _, title, _ in checks.values()]), checks.items()):
    with tab:
        if frame.empty:
            st.success(labels.QUALITY_NONE, icon=":material/check:")
            continue
        if key == "duplicates":
            frame = frame.assign(
                reason=frame.reason.map(labels.DUPLICATE_REASONS).fillna(frame.reason),
                years_a=frame.years_a.map(lambda ys: ", ".join(map(str, ys))),
                years_b=frame.years_b.map(lambda ys: ", ".join(map(str, ys))),
            )
        if key == "disagreements":
            frame = frame.assign(fact=frame.fact.map(labels.FACT_LABELS).fillna(frame.fact))
        display.table(frame, key=f"quality_{key}")
        shared.downloads(frame, f"ita-quality-{key}", f"quality_{key}")

# --- credits -------------------------------------------------------------------------------------
st.header(labels.ABOUT_CREDITS, anchor=False)
st.markdown("\n".join(f"- {line}" for line in labels.CREDITS))
