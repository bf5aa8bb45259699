"""หน่วยงาน: one organisation's profile — indicators against its province, history, items, measures and sources.

The organisation shown is, in order: one chosen here or by another page (``st.session_state["org"]``),
one a link names (``?org=`` — a link changed from outside wins over an older choice), else the first
of the sidebar's selection by rank. The URL always carries the one shown, so a copied link reopens it.
"""

import datetime as dt

import plotly.graph_objects as go
import streamlit as st

from ita_data import analytics, framework, labels, thai
from ita_data.analytics import about
from pages import shared

f = shared.filters()
cur = shared.cursor()
st.title("หน่วยงาน")


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


@st.fragment
def _sources(org_id: int, org_name: str, fiscal_year: int) -> None:
    """Where each number came from. A fragment: its toggle reruns this table alone, not the profile."""
    every_year = st.toggle("ทุกปี", key="org_sources_all", help=f"ปิดไว้: เฉพาะปี {fiscal_year}")
    sources = about.org_sources(shared.cursor(), org_id, None if every_year else fiscal_year)
    if sources.empty:
        st.info("ไม่มีตัวเลขของหน่วยงานนี้ในปีที่เลือก")
        return
    table = sources.assign(
        record=sources.record.map(labels.RECORDS),
        key=sources.key.map(labels.INDICATOR_LABELS).where(sources.record.isin(("total", "indicator")),
                                                           sources.key),
        kind=sources.kind.map(labels.SOURCE_KINDS).fillna(sources.kind),
        imported_at=thai.format_be_dates(sources.imported_at.to_numpy(), with_time=True),
    )
    st.dataframe(shared.for_display(table), hide_index=True, key="org_sources_table")
    shared.downloads(table, f"ita-org-{org_id}-sources", "org_sources",
                     {"หน่วยงาน": org_name, "ทุกปี": "ใช่" if every_year else "ไม่"})


# --- which organisation ----------------------------------------------------------------------
search = st.text_input("ค้นหาหน่วยงาน", key="org_search", placeholder="ชื่อ เช่น บ้านกล้วย หรือรหัสหน่วยงาน",
                       help="พิมพ์บางส่วนของชื่อ หรือรหัสหน่วยงาน (เลขไทยหรือเลขอารบิก)")
if search.strip():
    typed = thai.to_arabic(search.strip())
    found = analytics.search_orgs(cur, typed, f.include_synthetic)
    typed_id = _org_id(typed)
    by_id = about.organization(cur, typed_id) if typed_id is not None else found.iloc[:0]
    options = dict.fromkeys([*by_id.org_id.tolist(), *found.org_id.tolist()])
    names = {**dict(zip(found.org_id, found.org_name + " · " + found.province.fillna(""))),
             **dict(zip(by_id.org_id, by_id.org_name + " · " + by_id.province.fillna("")))}
    if options:
        st.selectbox(f"ผลการค้นหา ({len(options):,} หน่วยงาน{'ขึ้นไป' if len(found) >= 50 else ''})",
                     list(options), index=None, format_func=lambda i: f"{names[i]} (รหัส {i})",
                     placeholder="เลือกหน่วยงานเพื่อเปิดดู", key="org_pick", on_change=_choose)
    else:
        st.info(f"ไม่พบหน่วยงานที่ชื่อมี “{shared.plain(search.strip())}”")

from_link = st.query_params.get("org")
chosen = st.session_state.get("org")
if from_link is not None and from_link != st.session_state.get("_org_in_url"):
    chosen = from_link  # a link opened or changed from outside this page
org = None
if chosen is not None:
    org_id = _org_id(chosen)
    org = about.organization(cur, org_id) if org_id is not None else None
    if org is None or org.empty:
        st.warning(f"ไม่พบหน่วยงานรหัส “{shared.plain(chosen, shared.URL_ECHO_LIMIT)}” จึงแสดงหน่วยงานอันดับแรกของตัวกรองแทน",
                   icon=":material/link_off:")
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
    first = analytics.rankings(cur, f, within="nation").head(1)
    if len(first):
        org = about.organization(cur, int(first.org_id.iloc[0]))
        st.caption(f"ยังไม่ได้เลือกหน่วยงาน: แสดงหน่วยงานอันดับแรกตาม{labels.indicator_label(f.indicator)}"
                   f"ของตัวกรอง ({shared.filters_caption()})")

if org is None or org.empty:
    st.info("ไม่มีหน่วยงานที่ตรงกับตัวกรองนี้ ค้นหาด้วยชื่อด้านบน หรือเลือกจังหวัด ประเภท หรือปีอื่น")
else:
    card = org.iloc[0]
    org_id = int(card.org_id)

    # --- who it is ---------------------------------------------------------------------------
    st.subheader(shared.plain(card.org_name), anchor=False)
    place = " ".join(p for p in (f"อำเภอ{card.district}" if isinstance(card.district, str) else "",
                                 f"จังหวัด{card.province}" if isinstance(card.province, str) else "") if p)
    st.caption(shared.plain(" · ".join(p for p in (
        labels.org_type_label(card.org_type), place, f"รหัสหน่วยงาน {org_id}",
        labels.COLUMNS["is_synthetic"] if card.is_synthetic else "",
    ) if p)))

    history = analytics.org_history(cur, org_id, f.include_synthetic)
    year = history[history.fiscal_year == f.fiscal_year]
    if history.empty:
        st.info("หน่วยงานนี้ยังไม่มีผลการประเมินในฐานข้อมูล")
    elif year.empty:
        held = ", ".join(str(y) for y in history.fiscal_year.unique())
        st.info(f"ไม่มีผลการประเมินของหน่วยงานนี้ในปีงบประมาณ {f.fiscal_year} (มีปี {held}) เลือกปีอื่นในแถบด้านข้าง")
    else:
        scores = year.set_index("indicator")
        total = scores.loc["total"] if "total" in scores.index else None
        a, b, c, d = st.columns(4)
        if total is not None:
            a.metric(f"คะแนนรวม {f.fiscal_year}", shared.number(total.score),
                     delta=shared.number(total.score - total.province_median), delta_description="เทียบมัธยฐานจังหวัด")
            b.metric("ระดับตามเกณฑ์", total.level if isinstance(total.level, str) else "–")
            c.metric("ระดับตามรายงาน", shared.plain(total.level_reported) if isinstance(total.level_reported, str) else "–")
        d.metric("มัธยฐานจังหวัด (คะแนนรวม)", shared.number(total.province_median if total is not None else None))

        st.subheader(f"ตัวชี้วัดเทียบมัธยฐานจังหวัด ปี {f.fiscal_year}", anchor=False)
        ten = year[year.indicator.str.isdigit()]
        ten = ten.assign(indicator=ten.indicator.map(labels.INDICATOR_LABELS))
        fig = go.Figure([
            go.Bar(name="หน่วยงานนี้", y=ten.indicator, x=ten.score, orientation="h", marker_color="#2980b9"),
            go.Scatter(name=labels.COLUMNS["province_median"], y=ten.indicator, x=ten.province_median, mode="markers",
                       marker=dict(symbol="line-ns", size=22, line=dict(width=3, color="#e67e22"))),
            go.Scatter(name=labels.COLUMNS["nation_median"], y=ten.indicator, x=ten.nation_median, mode="markers",
                       marker=dict(symbol="line-ns", size=22, line=dict(width=2, color="#7f8c8d"))),
        ])
        fig.add_vline(x=framework.year_rules(f.fiscal_year).pass_mark, line_dash="dash",
                      annotation_text="เกณฑ์ผ่าน")
        fig.update_layout(height=120 + 34 * len(ten), margin=dict(l=0, r=0, t=10, b=0), xaxis_range=[0, 100],
                          yaxis={"autorange": "reversed"}, legend=dict(orientation="h"))
        st.plotly_chart(fig, key="org_indicators")
        table = year.drop(columns=["fiscal_year"]).assign(indicator=year.indicator.map(labels.INDICATOR_LABELS))
        st.dataframe(shared.for_display(table), hide_index=True, key="org_scores_table")
        shared.downloads(table, f"ita-org-{org_id}-{f.fiscal_year}", "org_scores", {"หน่วยงาน": card.org_name})

    # --- history ---------------------------------------------------------------------------------
    if not history.empty:
        st.subheader("ผลการประเมินย้อนหลัง", anchor=False)
        changes = about.method_changes()
        totals = history[history.indicator == "total"]
        long = totals.melt(id_vars="fiscal_year", value_vars=["score", "province_median", "nation_median"],
                           var_name="series", value_name="value")
        long["series"] = long.series.map({"score": "หน่วยงานนี้", "province_median": labels.COLUMNS["province_median"],
                                          "nation_median": labels.COLUMNS["nation_median"]})
        ten = history[history.indicator.str.isdigit()]
        ten = ten.assign(indicator=ten.indicator.map(labels.INDICATOR_LABELS))
        years = history.fiscal_year.astype(int)
        shown_changes = changes[changes.fiscal_year.between(years.min() + 1, years.max())]
        # The method changed between the year before and this one: scores either side compare loosely.
        # Lines, marks and notes built as Plotly objects directly: Plotly Express costs five times as much.
        between = [change.fiscal_year - 0.5 for change in shown_changes.itertuples()]
        frame = {"margin": {"l": 0, "r": 0, "t": 30, "b": 0}, "legend": {"title": {"text": ""}},
                 "xaxis": {"dtick": 1, "tickformat": "d", "title": {"text": "ปีงบประมาณ"}},
                 "shapes": [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
                             "line": {"dash": "dot", "color": "#c0392b"}} for x in between],
                 "annotations": [{"xref": "x", "yref": "paper", "x": x, "y": 1, "yanchor": "bottom",
                                  "text": labels.METHOD_CHANGE, "showarrow": False, "font": {"size": 11},
                                  "hovertext": note} for x, note in zip(between, shown_changes.notes)]}
        fig_total = go.Figure(
            [go.Scatter(x=part.fiscal_year, y=part.value, name=name, mode="lines+markers", line_color=color)
             for (name, part), color in zip(long.groupby("series", sort=False), ("#2980b9", "#e67e22", "#7f8c8d"))],
            layout={**frame, "height": 340, "yaxis": {"range": [0, 102], "title": {"text": "คะแนนรวม"}}})
        fig_ten = go.Figure(
            [go.Scatter(x=part.fiscal_year, y=part.score, name=name, mode="lines+markers")
             for name, part in ten.groupby("indicator", sort=False)],
            layout={**frame, "height": 420, "yaxis": {"range": [0, 102], "title": {"text": "คะแนนตัวชี้วัด"}}})
        st.plotly_chart(fig_total, key="org_total_history")
        st.plotly_chart(fig_ten, key="org_indicator_history")
        if not shown_changes.empty:
            st.caption("เส้นประสีแดง: " + "; ".join(shown_changes.notes))
        wide = history.assign(indicator=history.indicator.map(labels.INDICATOR_LABELS))
        with st.expander("ตารางคะแนนทุกปี"):
            st.dataframe(shared.for_display(wide), hide_index=True, key="org_history_table")
            shared.downloads(wide, f"ita-org-{org_id}-history", "org_history", {"หน่วยงาน": card.org_name})

    # --- items -----------------------------------------------------------------------------------
    st.subheader(f"คะแนนรายข้อที่ยังไม่เต็ม ปี {f.fiscal_year}", anchor=False)
    items = analytics.item_gaps(cur, f, org_id)
    if items.empty:
        st.info("ไม่มีคะแนนรายข้อที่ต่ำกว่าคะแนนเต็มในปีและตัวชี้วัดที่เลือก (หรือไม่มีคะแนนรายข้อของปีนี้)")
    else:
        table = items.drop(columns=["fiscal_year", "org_id"]).assign(
            indicator=items.indicator.map(labels.INDICATOR_LABELS))
        st.dataframe(shared.for_display(table), hide_index=True, key="org_items_table",
                     column_config={labels.column_label("gap_to_full"): st.column_config.ProgressColumn(
                         format="%.2f", min_value=0, max_value=100, color="red")})
        shared.downloads(table, f"ita-org-{org_id}-items-{f.fiscal_year}", "org_items", {"หน่วยงาน": card.org_name})

    # --- measures --------------------------------------------------------------------------------
    st.subheader("มาตรการของหน่วยงาน", anchor=False)
    measures = about.org_measures(cur, org_id)
    if measures.empty:
        st.info("ยังไม่มีมาตรการของหน่วยงานนี้ในฐานข้อมูล")
    else:
        table = measures.drop(columns=["measure_id", "source_id"]).assign(
            indicator=measures.indicator.map(labels.INDICATOR_LABELS),
            status=measures.status.map(labels.STATUSES),
            due_date=thai.format_be_dates(measures.due_date.to_numpy()),
            completed_on=thai.format_be_dates(measures.completed_on.to_numpy()),
        )
        st.caption(f"ทุกปี · เกินกำหนด = ยังไม่เสร็จและเลยกำหนดเสร็จก่อนวันนี้ ({thai.format_be_date(dt.date.today())})")
        st.dataframe(shared.for_display(table), hide_index=True, key="org_measures_table",
                     column_config={labels.column_label("overdue"): st.column_config.CheckboxColumn(pinned=True)})
        shared.downloads(table, f"ita-org-{org_id}-measures", "org_measures", {"หน่วยงาน": card.org_name})

    # --- where each number came from -------------------------------------------------------------
    st.subheader("เอกสารที่มาของตัวเลข", anchor=False)
    _sources(org_id, card.org_name, f.fiscal_year)
