"""หน่วยงาน: one organisation's profile — indicators against its province, history, items, measures and sources.

The organisation shown is, in order: one chosen here or by another page (``st.session_state["org"]``),
one a link names (``?org=`` — a link changed from outside wins over an older choice), else the first
of the sidebar's selection by rank. The URL always carries the one shown, so a copied link reopens it.
"""

import datetime as dt

import streamlit as st

from ita_data import analytics, framework, labels, thai, views
from ita_data.analytics import about
from pages import display, figures, shared


def _org_id(value) -> int | None:
    """An organisation id as a link or a person writes it (Thai digits too), or None for anything else,
    including a number too long to be one (views.params reads it as every link's ``org``)."""
    try:
        return views.PARAMS["org"].parse(str(value))
    except views.LinkValueError:
        return None


def _choose() -> None:
    st.session_state["org"] = st.session_state["org_pick"]


def _named(frame) -> dict[int, str]:
    return dict(zip(frame.org_id, frame.org_name + " · " + frame.province.fillna("")))


@st.fragment
def _sources(sel: views.Selection) -> None:
    """Where each number came from. A fragment: its toggle reruns this table alone, not the profile."""
    shared.seed_from_link("sources_all", [True, False], labels.yes_no)
    every_year = st.toggle(
        labels.ORG_SOURCES_ALL, key="sources_all", help=labels.ORG_SOURCES_ALL_HELP.format(year=sel.filters.fiscal_year)
    )
    shared.keep_in_link({"sources_all": every_year})
    sel = sel.with_values(sources_all=every_year)
    view = views.VIEWS["org-sources"]
    table = view.frame(shared.ask, sel)
    if table.empty:
        st.info(labels.ORG_SOURCES_NONE)
        return
    display.view_table(
        view,
        table,
        sel,
        key="org_sources_table",
        column_config={
            "snippet": st.column_config.TextColumn(width="large"),
            "key": st.column_config.TextColumn(pinned=True),
        },
    )
    shared.downloads(view, table, sel, "org_sources")


f = shared.filters()
st.title(labels.ORG_TITLE)
# The nation's medians are named for what the data covers when it is not the nation.
whole = labels.whole_headers(labels.whole_data(shared.cached(about.data_status), f.include_synthetic))

# --- which organisation ----------------------------------------------------------------------
search = st.text_input(
    labels.ORG_SEARCH, key="org_search", placeholder=labels.ORG_SEARCH_PLACEHOLDER, help=labels.ORG_SEARCH_HELP
)
if search.strip():
    typed = thai.to_arabic(search.strip())
    found = shared.cached(analytics.search_orgs, typed, f.include_synthetic)
    typed_id = _org_id(typed)
    by_id = shared.cached(about.organization, typed_id) if typed_id is not None else found.iloc[:0]
    options = dict.fromkeys([*by_id.org_id.tolist(), *found.org_id.tolist()])
    names = {**_named(found), **_named(by_id)}
    if options:
        more = labels.ORG_FOUND_MORE if len(found) >= 50 else ""
        st.selectbox(
            labels.ORG_FOUND.format(count=len(options), more=more),
            list(options),
            index=None,
            format_func=lambda i: labels.ORG_OPTION.format(name=names[i], id=i),
            placeholder=labels.ORG_PICK,
            key="org_pick",
            on_change=_choose,
        )
    else:
        st.info(labels.ORG_NOT_FOUND.format(text=shared.plain(search.strip())))

from_link = st.query_params.get("org")
chosen = st.session_state.get("org")
if from_link is not None and from_link != st.session_state.get("_org_in_url"):
    chosen = from_link  # a link opened or changed from outside this page
org = None
if chosen is not None:
    org_id = _org_id(chosen)
    org = shared.cached(about.organization, org_id) if org_id is not None else None
    if org is None or org.empty:
        st.warning(
            labels.ORG_UNKNOWN.format(value=shared.plain(chosen, shared.URL_ECHO_LIMIT)), icon=":material/link_off:"
        )
        org = None
if org is not None:
    # A choice sticks for the session and is written into the URL, so a copied link reopens it.
    st.session_state["org"] = int(org.org_id.iloc[0])
    st.session_state["_org_in_url"] = str(int(org.org_id.iloc[0]))
    st.query_params["org"] = st.session_state["_org_in_url"]
else:
    # Nothing chosen: the first of the sidebar's selection, which follows the filters (and their URL).
    st.session_state.pop("org", None)
    st.session_state.pop("_org_in_url", None)
    st.query_params.pop("org", None)
    first = shared.cached(analytics.top_org, f)
    if first is not None:
        org = shared.cached(about.organization, first)
        st.caption(
            labels.ORG_FIRST.format(measure=labels.indicator_label(f.indicator), selection=shared.filters_caption())
        )

if org is None or org.empty:
    st.info(labels.ORG_NONE)
    st.stop()

card = org.iloc[0]
org_id = int(card.org_id)
pass_mark = framework.year_rules(f.fiscal_year).pass_mark
sel = shared.selection(org=org_id)

# --- who it is -------------------------------------------------------------------------------
st.subheader(shared.plain(card.org_name), anchor=False)
place = " ".join(
    p
    for p in (
        labels.CAPTION_DISTRICT.format(name=card.district) if isinstance(card.district, str) else "",
        labels.CAPTION_PROVINCE.format(name=card.province) if isinstance(card.province, str) else "",
    )
    if p
)
st.caption(
    shared.plain(
        " · ".join(
            p
            for p in (
                labels.org_type_label(card.org_type),
                place,
                labels.ORG_CODE.format(id=org_id),
                labels.COLUMNS["is_synthetic"] if card.is_synthetic else "",
            )
            if p
        )
    )
)

history = shared.cached(analytics.org_history, org_id, f.include_synthetic)
year = history[history.fiscal_year == f.fiscal_year]
if history.empty:
    st.info(labels.ORG_NO_SCORES)
elif year.empty:
    held = ", ".join(str(y) for y in history.fiscal_year.unique())
    st.info(labels.ORG_NO_SCORES_THIS_YEAR.format(year=f.fiscal_year, held=held))
else:
    scores = year.set_index("indicator")
    total = scores.loc["total"] if "total" in scores.index else None
    a, b, c, d = st.columns(4)
    if total is not None:
        a.metric(
            labels.ORG_TOTAL.format(year=f.fiscal_year),
            shared.number(total.score),
            delta=shared.number(total.score - total.province_median),
            delta_description=labels.ORG_VERSUS_PROVINCE,
        )
        b.metric(labels.COLUMNS["level_computed"], total.level if isinstance(total.level, str) else "–")
        c.metric(
            labels.COLUMNS["level_reported"],
            shared.plain(total.level_reported) if isinstance(total.level_reported, str) else "–",
        )
    d.metric(labels.ORG_PROVINCE_MEDIAN, shared.number(total.province_median if total is not None else None))

    st.subheader(labels.ORG_INDICATORS.format(year=f.fiscal_year), anchor=False)
    indicators_title = labels.ORG_INDICATORS.format(year=f.fiscal_year)
    display.chart(
        display.figure(figures.org_indicators, year, pass_mark, whole),
        "org_indicators",
        f"{card.org_name} · {indicators_title}",
    )
    table = views.VIEWS["organization"].select(year)
    display.view_table(views.VIEWS["organization"], table, sel, key="org_scores_table")
    shared.downloads(views.VIEWS["organization"], table, sel, "org_scores")

# --- history ---------------------------------------------------------------------------------
if not history.empty:
    st.subheader(labels.ORG_HISTORY, anchor=False)
    years = history.fiscal_year.astype(int)
    changes = about.method_changes()
    changes = changes[changes.fiscal_year.between(years.min() + 1, years.max())]
    history_title = f"{card.org_name} · {labels.ORG_HISTORY}"
    display.chart(
        display.figure(figures.org_total_history, history, changes, whole),
        "org_total_history",
        f"{history_title} · {labels.TOTAL_SHORT}",
    )
    display.chart(
        display.figure(figures.org_indicator_history, history, changes),
        "org_indicator_history",
        f"{history_title} · {labels.ORG_INDICATOR_SCORE}",
    )
    if not changes.empty:
        st.caption(labels.ORG_METHOD_LINES.format(notes="; ".join(changes.notes)))
    wide = views.VIEWS["org-history"].select(history)
    with st.expander(labels.ORG_HISTORY_TABLE):
        display.view_table(views.VIEWS["org-history"], wide, sel, key="org_history_table")
        shared.downloads(views.VIEWS["org-history"], wide, sel, "org_history")

# --- items -----------------------------------------------------------------------------------
st.subheader(labels.ORG_ITEMS.format(year=f.fiscal_year), anchor=False)
items = views.VIEWS["org-items"].frame(shared.ask, sel)
if items.empty:
    st.info(labels.ORG_ITEMS_NONE)
else:
    display.view_table(
        views.VIEWS["org-items"],
        items,
        sel,
        key="org_items_table",
        column_config={
            "gap_to_full": st.column_config.ProgressColumn(format="%,.2f", min_value=0, max_value=100, color="red")
        },
    )
    shared.downloads(views.VIEWS["org-items"], items, sel, "org_items")

# --- measures --------------------------------------------------------------------------------
st.subheader(labels.ORG_MEASURES, anchor=False)
today = dt.date.today()  # in the cache key: overdue is counted from the day
measures = views.VIEWS["org-measures"].frame(shared.ask, sel.with_values(as_of=today))
if measures.empty:
    st.info(labels.ORG_MEASURES_NONE)
else:
    st.caption(labels.ORG_MEASURES_NOTE.format(today=thai.format_be_date(today)))
    display.view_table(
        views.VIEWS["org-measures"],
        measures,
        sel,
        key="org_measures_table",
        column_config={
            "overdue": st.column_config.CheckboxColumn(pinned=True),
            "method_change": st.column_config.CheckboxColumn(help=labels.MEASURE_SCORES_METHOD_HELP),
        },
    )
    shared.downloads(views.VIEWS["org-measures"], measures, sel, "org_measures")

# --- where each number came from -------------------------------------------------------------
st.subheader(labels.ORG_SOURCES, anchor=False)
_sources(sel)
