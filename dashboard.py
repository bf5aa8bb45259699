"""The dashboard's entry point: the frame, the shared URL-bound filters, and navigation over pages/."""

from __future__ import annotations

import streamlit as st

from ita_data import analytics, framework, labels
from ita_data.analytics import Filters
from ita_data.analytics import about as about_data
from ita_data.store import StoreError
from pages import PAGES, access, shared

# An emoji icon is drawn by the browser itself: a ":material/...:" page icon would be fetched from
# fonts.gstatic.com on every page load, and nothing the dashboard shows may need the internet.
st.set_page_config(page_title=labels.APP_TITLE, page_icon="⚖️", layout="wide")

# The first page opens at the root and also at its own address (/overview), hidden from the menu so
# it is listed once; a page's hash is its url_path, so the two never clash. The menu is drawn by
# sidebar_menu(), in Thai from the first moment: Streamlit's own menu (client.showSidebarNavigation,
# off in .streamlit/config.toml) would list the files of pages/ by their English names while a fresh
# server's first run starts.
NAVIGATION = [
    st.Page(PAGES[0].file, title=PAGES[0].title, icon=PAGES[0].icon, url_path="", default=True),
    *(st.Page(spec.file, title=spec.title, icon=spec.icon, url_path=spec.url_path) for spec in PAGES[1:]),
    st.Page(PAGES[0].file, title=PAGES[0].title, icon=PAGES[0].icon, url_path=PAGES[0].url_path, visibility="hidden"),
]


def _select(label: str, key: str, options: list, format_func, notices: list[str]):
    """A sidebar selectbox whose key is the query parameter a copied link carries; a link may name an
    option by its label or its code (Thai digits too), and an unknown value falls back with a notice.
    The frame writes the choice back into the address bar as its code (shared.link_page)."""
    shared.seed_from_link(key, options, format_func, notices)
    return st.sidebar.selectbox(label, options, format_func=format_func, key=key)


def sidebar_filters() -> tuple[Filters, list[str]]:
    notices: list[str] = []
    # every rerun of every session asks: answered once per data version
    years = sorted(map(int, shared.cached(analytics.filter_choices, "year")), reverse=True) or [
        max(framework.known_years())
    ]
    fiscal_year = _select(labels.FILTER_YEAR, "fy", years, str, notices)

    province_names = shared.cached(analytics.filter_choices, "province")
    province_code = _select(
        labels.COLUMNS["province"],
        "province",
        [None, *province_names],
        lambda c: labels.ALL if c is None else province_names[c],
        notices,
    )
    district_code = None
    if province_code:
        district_names = shared.cached(analytics.filter_choices, "district", province_code)
        district_code = _select(
            labels.COLUMNS["district"],
            "district",
            [None, *district_names],
            lambda c: labels.ALL if c is None else district_names[c],
            notices,
        )
    org_type = _select(
        labels.FILTER_ORG_TYPE,
        "type",
        [None, *labels.ORG_TYPE_CHOICES],
        lambda c: labels.ALL if c is None else labels.org_type_label(c),
        notices,
    )
    indicator = _select(
        labels.COLUMNS["indicator"], "indicator", list(labels.INDICATOR_CHOICES), labels.indicator_label, notices
    )
    shared.seed_from_link("synthetic", [True, False], labels.yes_no, notices)
    st.session_state.setdefault("synthetic", True)  # on unless a link says otherwise
    include_synthetic = st.sidebar.checkbox(labels.FILTER_SYNTHETIC, key="synthetic", help=labels.FILTER_SYNTHETIC_HELP)
    filters = Filters(
        fiscal_year=fiscal_year,
        province_code=province_code,
        district_code=district_code,
        org_type=org_type,
        indicator=indicator,
        include_synthetic=include_synthetic,
    )
    return filters, notices


def page_not_found(path: str) -> None:
    """An address that names no page: say so, and offer every page (not the overview in its place)."""
    st.title(labels.PAGE_NOT_FOUND_TITLE)
    shared.plain_message("error", labels.PAGE_NOT_FOUND.format(path=path), icon=":material/link_off:")
    for spec in PAGES:
        st.page_link(spec.file, label=spec.title, icon=spec.icon)


def main() -> None:
    shared.open_or_stop()
    try:
        frame_and_page()
    except StoreError as err:  # a damaged file, a full disk: what happened and what to do, no traceback
        shared.plain_message("error", str(err), icon=":material/database:")


def sidebar_menu() -> None:
    """The pages, by their Thai titles; the page shown is marked."""
    menu = st.sidebar.container(key="menu")
    for spec in PAGES:
        menu.page_link(spec.file, label=spec.title, icon=spec.icon, width="stretch")
    st.sidebar.divider()


# A metric's label, value and the words after its change (not the change itself, one short chip).
_METRIC_TEXTS = ", ".join(
    f'[data-testid="{part}"] .stMarkdownEllipsis{inner}'
    for part in ("stMetricLabel", "stMetricValue", "stMetricDeltaDescription")
    for inner in ("", " p")
)


def frame_and_page() -> None:
    missing = shared.take_unknown_page(PAGES)
    navigation = st.navigation(NAVIGATION, position="hidden")
    # Streamlit's link for keyboards ("Skip to main content") in Thai: our words, drawn by CSS. A metric's
    # label, value and comparison wrap in a narrow column (four across at 1024 px) instead of being cut
    # off with an ellipsis ("2562–…" is no year range); the comparison goes under its change when it
    # does not fit beside it.
    st.html(
        '<style>[data-testid="stSkipToContent"] {font-size: 0;}'
        f'[data-testid="stSkipToContent"]::after {{content: "{labels.SKIP_TO_CONTENT}"; font-size: 1rem;}}'
        f"{_METRIC_TEXTS} {{white-space: normal; overflow: visible;}}"
        '[data-testid="stMetric"] div:has(> [data-testid="stMetricDelta"]) {flex-wrap: wrap;}</style>'
    )
    sidebar_menu()
    st.sidebar.title(labels.APP_TITLE)
    filters, notices = sidebar_filters()
    access.sidebar()
    st.session_state["_ita_filters"] = filters
    shared.link_page("" if missing else navigation.url_path, filters)
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    about = shared.cached(about_data.data_status)
    st.session_state["_ita_synthetic_on_screen"] = bool(filters.include_synthetic and about["synthetic_orgs"])
    if shared.synthetic_on_screen():
        st.warning(labels.SYNTHETIC_BANNER, icon=":material/science:")
    if missing is not None:
        page_not_found(missing)
    else:
        navigation.run()
    st.divider()
    st.caption(about_data.footer_text(about))


main()
