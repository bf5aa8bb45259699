"""The dashboard's entry point: the frame, the shared URL-bound filters, and navigation over pages/."""

from __future__ import annotations

import streamlit as st

from ita_data import analytics, framework, labels, thai
from ita_data.analytics import Filters
from ita_data.analytics import about as about_data
from ita_data.store import StoreError
from pages import PAGES, access, shared

# An emoji icon is drawn by the browser itself: a ":material/...:" page icon would be fetched from
# fonts.gstatic.com on every page load, and nothing the dashboard shows may need the internet.
st.set_page_config(page_title=labels.APP_TITLE, page_icon="⚖️", layout="wide")

# The first page opens at the root and also at its own address (/overview), hidden from the menu so
# it is listed once; a page's hash is its url_path, so the two never clash.
NAVIGATION = [
    st.Page(PAGES[0].file, title=PAGES[0].title, icon=PAGES[0].icon, url_path="", default=True),
    *(st.Page(spec.file, title=spec.title, icon=spec.icon, url_path=spec.url_path) for spec in PAGES[1:]),
    st.Page(PAGES[0].file, title=PAGES[0].title, icon=PAGES[0].icon, url_path=PAGES[0].url_path,
            visibility="hidden"),
]

# Query-parameter names of the shared filters (the widget keys; a copied link carries them).
URL_KEYS = ("fy", "province", "district", "type", "indicator", "synthetic")


def _url_value(key: str) -> str | None:
    value = st.query_params.get(key)
    return None if value in (None, "") else str(value)


def _checked_option(key: str, options: list, format_func, notices: list[str]):
    """The option a URL names, or None with a notice when the URL names something unknown."""
    value = _url_value(key)
    if value is None:
        return None
    by_text = {str(format_func(o)): o for o in options}
    if value in by_text:
        return by_text[value]
    if key == "fy":  # people type years in Thai digits too
        year = thai.parse_be_year(value)
        if year in options:
            return year
    # The value comes from a link anyone can craft: echoed as plain text, never as a link.
    notices.append(f"ค่า “{shared.plain(value, shared.URL_ECHO_LIMIT)}” ในลิงก์ ({key}) ไม่มีในตัวเลือก จึงใช้ค่าเริ่มต้นแทน")
    return None


def _select(label: str, key: str, options: list, format_func=str, notices: list[str] | None = None):
    """A sidebar selectbox bound to the URL; a bad URL value falls back with a visible notice."""
    wanted = _checked_option(key, options, format_func, notices if notices is not None else [])
    if wanted is not None and key not in st.session_state:
        st.session_state[key] = wanted
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)
    return st.sidebar.selectbox(label, options, format_func=format_func, key=key, bind="query-params")


def sidebar_filters(cur) -> tuple[Filters, list[str]]:
    notices: list[str] = []
    options = shared.cached(analytics.filter_options)  # every rerun of every session asks: once per data version
    years = sorted(map(int, shared.choices(options, "year")), reverse=True) or [max(framework.known_years())]
    fiscal_year = _select("ปีงบประมาณ (พ.ศ.)", "fy", years, str, notices)

    province_names = shared.choices(options, "province")
    province_code = _select(
        "จังหวัด", "province", [None, *province_names],
        lambda c: labels.ALL if c is None else province_names[c], notices,
    )
    district_code = None
    if province_code:
        district_names = shared.choices(shared.cached(analytics.filter_options, province_code), "district")
        district_code = _select(
            "อำเภอ", "district", [None, *district_names],
            lambda c: labels.ALL if c is None else district_names[c], notices,
        )
    org_type = _select(
        "ประเภท อปท.", "type", [None, *labels.ORG_TYPE_CHOICES],
        lambda c: labels.ALL if c is None else labels.org_type_label(c), notices,
    )
    indicator = _select(
        "ตัวชี้วัด", "indicator", list(labels.INDICATOR_CHOICES), labels.indicator_label, notices
    )
    include_synthetic = st.sidebar.checkbox(
        "รวมข้อมูลสมมุติ", value=True, key="synthetic", bind="query-params",
        help="ข้อมูลสาธิตที่โปรแกรมสร้างขึ้น ไม่ใช่ผลการประเมินจริง",
    )
    filters = Filters(
        fiscal_year=fiscal_year, province_code=province_code, district_code=district_code,
        org_type=org_type, indicator=indicator, include_synthetic=include_synthetic,
    )
    return filters, notices


def main() -> None:
    shared.open_or_stop()
    try:
        frame_and_page()
    except StoreError as err:  # a damaged file, a full disk: what happened and what to do, no traceback
        shared.plain_message("error", str(err), icon=":material/database:")


def frame_and_page() -> None:
    cur = shared.cursor()
    navigation = st.navigation(NAVIGATION)
    st.sidebar.title(labels.APP_TITLE)
    filters, notices = sidebar_filters(cur)
    access.sidebar()
    st.session_state["_ita_filters"] = filters
    for notice in notices:
        st.warning(notice, icon=":material/link_off:")
    about = shared.cached(about_data.data_status)
    if filters.include_synthetic and about["synthetic_orgs"]:
        st.warning(labels.SYNTHETIC_BANNER, icon=":material/science:")
    navigation.run()
    st.divider()
    st.caption(about_data.footer_text(about))


main()
