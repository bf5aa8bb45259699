"""หน่วยงาน: one organisation's profile — indicators against its province, history, items, measures and sources.

The organisation shown is, in order: one chosen here or by another page (``st.session_state["org"]``),
one a link names (``?org=`` — a link changed from outside wins over an older choice), else the first
of the sidebar's selection by rank. The URL always carries the one shown, so a copied link reopens it.
"""

import datetime as dt

import streamlit as st

from ita_data import analytics, framework, labels, thai
from ita_data.analytics import about
from pages import display, figures, shared

ORG_ID_DIGITS = 10  # org_id is a 32-bit INTEGER: a longer number names no organisation


def _org_id(value) -> int | None:
    """An organisation id as a link or a person writes it (Thai digits too), or None for anything else,
    including a number too long to be one (Python refuses to convert thousands of digits)."""
    text = thai.to_arabic(str(value)).strip()
    if not (text.isascii() and text.isdigit() and len(text) <= ORG_ID_DIGITS):
        return None
    number = int(text)
    return number if number < 2**31 else None


def _choose() -> None:
    st.session_state["org"] = st.session_state["org_pick"]


def _named(frame) -> dict[int, str]:
    return dict(zip(frame.org_id, frame.org_name + " · " + frame.province.fillna("")))


@st.fragment
def _sources(org_id: int, org_name: str, fiscal_year: int) -> None:
    """Where each number came from. A fragment: its toggle reruns this table alone, not the profile."""
    every_year = st.toggle(
        labels.ORG_SOURCES_ALL, key="org_sources_all", help=labels.ORG_SOURCES_ALL_HELP.format(year=fiscal_year)
    )
    sources = shared.cached(about.org_sources, org_id, None if every_year else fiscal_year)
    if sources.empty:
        st.info(labels.ORG_SOURCES_NONE)
        return
    table = sources.assign(
        record=sources.record.map(labels.RECORDS),
        key=sources.key.map(labels.INDICATOR_LABELS).where(sources.record.isin(("total", "indicator")), sources.key),
        kind=sources.kind.map(labels.SOURCE_KINDS).fillna(sources.kind),
        imported_at=thai.format_be_dates(sources.imported_at.to_numpy(), with_time=True),
    )
    # Where a number came from stands beside it: the line it was read from, then the document.
    first = ["fiscal_year", "record", "key", "value", "snippet", "location", "file_name"]
    table = table[[*first, *(c for c in table.columns if c not in first)]]
    display.table(
        table,
        key="org_sources_table",
        column_config={
            "snippet": st.column_config.TextColumn(width="large"),
            "key": st.column_config.TextColumn(pinned=True),
        },
    )
    shared.downloads(
        table,
        f"ita-org-{org_id}-sources",
        "org_sources",
        {labels.ORG_KEY: org_name, labels.ORG_SOURCES_ALL: labels.yes_no(every_year)},
    )


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
name = {labels.ORG_KEY: card.org_name}

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
        figures.org_indicators(year, pass_mark, whole), "org_indicators", f"{card.org_name} · {indicators_title}"
    )
    table = year.drop(columns=["fiscal_year"]).assign(indicator=year.indicator.map(labels.INDICATOR_LABELS))
    display.table(table, key="org_scores_table", headers=whole)
    shared.downloads(table.rename(columns=whole), f"ita-org-{org_id}-{f.fiscal_year}", "org_scores", name)

# --- history ---------------------------------------------------------------------------------
if not history.empty:
    st.subheader(labels.ORG_HISTORY, anchor=False)
    years = history.fiscal_year.astype(int)
    changes = about.method_changes()
    changes = changes[changes.fiscal_year.between(years.min() + 1, years.max())]
    history_title = f"{card.org_name} · {labels.ORG_HISTORY}"
    display.chart(
        figures.org_total_history(history, changes, whole),
        "org_total_history",
        f"{history_title} · {labels.TOTAL_SHORT}",
    )
    display.chart(
        figures.org_indicator_history(history, changes),
        "org_indicator_history",
        f"{history_title} · {labels.ORG_INDICATOR_SCORE}",
    )
    if not changes.empty:
        st.caption(labels.ORG_METHOD_LINES.format(notes="; ".join(changes.notes)))
    wide = history.assign(indicator=history.indicator.map(labels.INDICATOR_LABELS))
    with st.expander(labels.ORG_HISTORY_TABLE):
        display.table(wide, key="org_history_table", headers=whole)
        shared.downloads(wide.rename(columns=whole), f"ita-org-{org_id}-history", "org_history", name)

# --- items -----------------------------------------------------------------------------------
st.subheader(labels.ORG_ITEMS.format(year=f.fiscal_year), anchor=False)
items = shared.cached(analytics.item_gaps, f, org_id)
if items.empty:
    st.info(labels.ORG_ITEMS_NONE)
else:
    table = items.drop(columns=["fiscal_year", "org_id"]).assign(indicator=items.indicator.map(labels.INDICATOR_LABELS))
    display.table(
        table,
        key="org_items_table",
        column_config={
            "gap_to_full": st.column_config.ProgressColumn(format="%,.2f", min_value=0, max_value=100, color="red")
        },
    )
    shared.downloads(table, f"ita-org-{org_id}-items-{f.fiscal_year}", "org_items", name)

# --- measures --------------------------------------------------------------------------------
st.subheader(labels.ORG_MEASURES, anchor=False)
today = dt.date.today()  # in the cache key: overdue is counted from the day
measures = shared.cached(about.org_measures, org_id, today)
if measures.empty:
    st.info(labels.ORG_MEASURES_NONE)
else:
    table = measures.drop(columns=["measure_id", "source_id"]).assign(
        indicator=measures.indicator.map(labels.INDICATOR_LABELS),
        status=measures.status.map(labels.STATUSES),
        due_date=thai.format_be_dates(measures.due_date.to_numpy()),
        completed_on=thai.format_be_dates(measures.completed_on.to_numpy()),
    )
    st.caption(labels.ORG_MEASURES_NOTE.format(today=thai.format_be_date(today)))
    display.table(
        table,
        key="org_measures_table",
        column_config={
            "overdue": st.column_config.CheckboxColumn(pinned=True),
            "method_change": st.column_config.CheckboxColumn(help=labels.MEASURE_SCORES_METHOD_HELP),
        },
    )
    shared.downloads(table, f"ita-org-{org_id}-measures", "org_measures", name)

# --- where each number came from -------------------------------------------------------------
st.subheader(labels.ORG_SOURCES, anchor=False)
_sources(org_id, card.org_name, f.fiscal_year)
