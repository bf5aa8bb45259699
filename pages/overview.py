"""ภาพรวม: counts, mean, pass rate and levels for the selection, the province map, indicators vs nation."""

import plotly.express as px
import streamlit as st

from ita_data import analytics, framework, geo, labels
from pages import shared

f = shared.filters()
cur = shared.cursor()
st.title("ภาพรวม")
st.caption(shared.filters_caption())

summary = analytics.overview(cur, f).iloc[0]
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
    by_province = analytics.province_map(cur, f)
    fig = px.choropleth_map(
        by_province, geojson=geo.province_geojson(), locations="province_code", featureidkey="id",
        color="mean_score", color_continuous_scale="RdYlGn", range_color=(by_province.mean_score.min(), 100),
        hover_name="province", hover_data={"province_code": False, "org_count": True, "pass_rate": ":.1%"},
        labels={"mean_score": "ค่าเฉลี่ย", "org_count": "หน่วยงาน", "pass_rate": "ผ่านเกณฑ์"},
        map_style="white-bg", center={"lat": 13.2, "lon": 101.0}, zoom=4.4, height=620,
    )
    fig.update_layout(margin=dict(l=0, r=0, t=0, b=0))
    st.plotly_chart(fig, key="province_map", config={"displayModeBar": False})
with right:
    st.subheader("ระดับผลการประเมิน")
    levels = analytics.level_distribution(cur, f)
    fig = px.bar(levels, x="org_count", y="level", orientation="h", text="org_count",
                 labels={"org_count": "หน่วยงาน", "level": "ระดับ"}, height=300)
    fig.update_layout(yaxis={"categoryorder": "array", "categoryarray": levels.level.tolist()[::-1]},
                      margin=dict(l=0, r=0, t=10, b=0))
    st.plotly_chart(fig, key="levels")

    st.subheader("ตัวชี้วัดเทียบทั้งประเทศ")
    means = analytics.indicator_means(cur, f)
    means = means[means.indicator.str.isdigit()]
    long = means.melt(id_vars="indicator", value_vars=["mean_selection", "mean_nation"],
                      var_name="group", value_name="mean")
    long["group"] = long.group.map({"mean_selection": "ที่เลือก", "mean_nation": "ทั้งประเทศ"})
    fig = px.bar(long, x="indicator", y="mean", color="group", barmode="group", height=300,
                 labels={"indicator": "ตัวชี้วัด", "mean": "ค่าเฉลี่ย", "group": ""})
    fig.add_hline(y=pass_mark, line_dash="dash", annotation_text=f"เกณฑ์ผ่าน {pass_mark:g}")
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), legend=dict(orientation="h"))
    st.plotly_chart(fig, key="indicator_means")

table = analytics.indicator_means(cur, f)
table["indicator"] = table.indicator.map(labels.indicator_label)
st.dataframe(shared.for_display(table), hide_index=True)
shared.downloads(table, "ita-overview", "overview")
