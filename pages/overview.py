"""ภาพรวม: counts, mean, pass rate and levels for the selection, the province map, indicators vs nation."""

from dataclasses import replace

import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from ita_data import analytics, brief, framework, geo, labels
from pages import shared


# Built once per selection and shared by every session: Plotly copies the 440 KB of province outlines
# each time a map figure is made, which cost more than all the rest of the page.
@st.cache_resource(show_spinner=False, max_entries=256)
def _map_figure(by_province):
    fig = px.choropleth_map(
        by_province, geojson=geo.province_geojson(), locations="province_code", featureidkey="id",
        color="mean_score", color_continuous_scale="RdYlGn", range_color=(by_province.mean_score.min(), 100),
        hover_name="province", hover_data={"province_code": False, "org_count": True, "pass_rate": ":.1%"},
        labels={"mean_score": "ค่าเฉลี่ย", "org_count": "หน่วยงาน", "pass_rate": "ผ่านเกณฑ์"},
        map_style="white-bg", center={"lat": 13.2, "lon": 101.0}, zoom=4.4, height=620,
    )
    fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return fig


f = shared.filters()
cur = shared.cursor()
st.title("ภาพรวม")
st.caption(shared.filters_caption())

summary = shared.cached(analytics.overview, f).iloc[0]
measure = labels.indicator_label(f.indicator)
if not summary.org_count:
    st.info("ไม่มีหน่วยงานที่ตรงกับตัวกรองนี้ ลองเลือกจังหวัด ประเภท หรือปีอื่น")
    st.stop()

pass_mark = framework.year_rules(f.fiscal_year).pass_mark
subset = summary.org_count < summary.nation_org_count  # compare with the nation only for a part of it
a, b, c, d = st.columns(4)
a.metric("หน่วยงาน", f"{summary.org_count:,}", help="จำนวนหน่วยงานที่มีผลการประเมินในปีนี้")
b.metric(f"ค่าเฉลี่ย {measure}", shared.number(summary.mean_score),
         delta=shared.number(summary.mean_score - summary.nation_mean_score) if subset else None,
         delta_description="เทียบทั้งประเทศ" if subset else None)
c.metric(f"ผ่านเกณฑ์ (≥ {pass_mark:g})", f"{summary.pass_rate:.1%}",
         delta=f"{(summary.pass_rate - summary.nation_pass_rate) * 100:+.1f} จุด" if subset else None,
         delta_description="เทียบทั้งประเทศ" if subset else None)
d.metric("ค่ามัธยฐาน", shared.number(summary.median_score))

left, right = st.columns([3, 2])
with left:
    st.subheader("ค่าเฉลี่ยรายจังหวัด")
    # The map is of every province whatever the province filter: one per year, indicator and type.
    by_province = shared.cached(analytics.province_map, replace(f, province_code=None, district_code=None))
    by_province = by_province.assign(province=shared.chart_text(by_province.province))  # Plotly: as written
    st.plotly_chart(_map_figure(by_province), key="province_map", config={"displayModeBar": False})
with right:
    st.subheader("ระดับผลการประเมิน")
    levels = shared.cached(analytics.level_distribution, f)
    # Plotly objects built directly: Plotly Express costs five times as much per rerun.
    fig = go.Figure(go.Bar(x=levels.org_count, y=levels.level, orientation="h", text=levels.org_count), layout={
        "height": 300, "margin": {"l": 0, "r": 0, "t": 10, "b": 0}, "xaxis": {"title": {"text": "หน่วยงาน"}},
        "yaxis": {"categoryorder": "array", "categoryarray": levels.level.tolist()[::-1],
                  "title": {"text": "ระดับ"}}})
    st.plotly_chart(fig, key="levels")

    st.subheader("ตัวชี้วัดเทียบทั้งประเทศ")
    means = shared.cached(analytics.indicator_means, f)
    means = means[means.indicator.str.isdigit()]
    long = means.melt(id_vars="indicator", value_vars=["mean_selection", "mean_nation"],
                      var_name="group", value_name="mean")
    long["group"] = long.group.map({"mean_selection": "ที่เลือก", "mean_nation": "ทั้งประเทศ"})
    fig = go.Figure([go.Bar(x=part.indicator, y=part["mean"], name=group)
                     for group, part in long.groupby("group", sort=False)], layout={
        "height": 300, "barmode": "group", "margin": {"l": 0, "r": 0, "t": 10, "b": 0},
        "legend": {"orientation": "h"}, "xaxis": {"type": "category", "title": {"text": "ตัวชี้วัด"}},
        "yaxis": {"title": {"text": "ค่าเฉลี่ย"}},
        "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": pass_mark, "y1": pass_mark,
                    "line": {"dash": "dash"}}],
        "annotations": [{"xref": "paper", "x": 1, "y": pass_mark, "text": f"เกณฑ์ผ่าน {pass_mark:g}",
                         "showarrow": False, "xanchor": "right", "yanchor": "bottom"}]})
    st.plotly_chart(fig, key="indicator_means")

table = shared.cached(analytics.indicator_means, f)
table["indicator"] = table.indicator.map(labels.indicator_label)
st.dataframe(shared.for_display(table), hide_index=True)
shared.downloads(table, "ita-overview", "overview")

# The provincial brief of this selection (A4 PDF), printed by Chromium only when the button is clicked.
if not f.province_code:
    st.caption("เลือกจังหวัดในแถบด้านข้างเพื่อดาวน์โหลดรายงานสรุปของจังหวัด (PDF)")
elif problem := brief.printer_problem():
    st.caption(problem)
else:
    db = shared.store()  # the download runs in a server thread: it takes a cursor of its own
    st.download_button("ดาวน์โหลดรายงานสรุปจังหวัด (PDF)", lambda: brief.make_brief(db.cursor(), f),
                       brief.file_name(f), "application/pdf", key="brief_pdf", on_click="ignore",
                       icon=":material/picture_as_pdf:")
