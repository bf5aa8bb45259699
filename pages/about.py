"""เกี่ยวกับข้อมูล: the method per year, where the data came from, what is synthetic, credits, and data quality."""

import streamlit as st

from ita_data import analytics, labels, thai
from ita_data.analytics import about
from pages import shared

f = shared.filters()
cur = shared.cursor()
st.title("เกี่ยวกับข้อมูล")
st.caption(labels.APP_SUBTITLE)

status = about.data_status(cur)
a, b, c, d = st.columns(4)
a.metric("หน่วยงาน", f"{status['organizations']:,}")
b.metric("ข้อมูลจริง", f"{status['real_orgs']:,}", help="หน่วยงานที่มาจากรายงานหรือตารางที่นำเข้า")
c.metric("ข้อมูลสมมุติ", f"{status['synthetic_orgs']:,}", help="สร้างโดยโปรแกรมเพื่อสาธิต")
d.metric("ปีงบประมาณ", f"{status['first_year']}–{status['last_year']}" if status["first_year"] else "–")

# --- the method ----------------------------------------------------------------------------
st.header("วิธีประเมิน", anchor=False)
st.markdown(
    "คะแนนรวม = น้ำหนัก IIT × ค่าเฉลี่ยตัวชี้วัด 1–5 + น้ำหนัก EIT × ค่าเฉลี่ยตัวชี้วัด 6–8 "
    "+ น้ำหนัก OIT × ค่าเฉลี่ยตัวชี้วัด 9–10 โดยใช้น้ำหนักของแต่ละปีตามตารางด้านล่าง "
    "เกณฑ์ทั้งหมดเก็บเป็นข้อมูลใน `ita_data/rules/` แก้ไขได้ทีละบรรทัด"
)
st.subheader("ตัวชี้วัด 10 ตัว", anchor=False)
indicators = about.indicator_table().assign(tool=lambda t: t.tool.map(labels.TOOLS))
st.dataframe(shared.for_display(indicators), hide_index=True, key="about_indicators")
shared.downloads(indicators, "ita-indicators", "about_indicators")

st.subheader("น้ำหนัก เกณฑ์ผ่าน และจำนวนข้อในแต่ละปี", anchor=False)
method = about.method_by_year()
method = method.assign(weights_status=method.weights_status.map(labels.WEIGHTS_STATUS).fillna(method.weights_status),
                       level_scheme=method.level_scheme.map(labels.LEVEL_SCHEMES).fillna(method.level_scheme))
st.dataframe(shared.for_display(method), hide_index=True, key="about_method")
shared.downloads(method, "ita-method-by-year", "about_method")
changes = about.method_changes()
if not changes.empty:
    st.caption("ปีที่เปลี่ยนวิธีประเมิน (เทียบคะแนนข้ามปีเหล่านี้ด้วยความระมัดระวัง): "
               + "; ".join(changes.notes))

st.subheader("ระดับผลการประเมินในแต่ละปี", anchor=False)
levels = about.level_bands_by_year()
levels = levels.assign(level_scheme=levels.level_scheme.map(labels.LEVEL_SCHEMES).fillna(levels.level_scheme),
                       status=levels.status.map(labels.WEIGHTS_STATUS).fillna(levels.status))
st.dataframe(shared.for_display(levels), hide_index=True, key="about_levels")
shared.downloads(levels, "ita-levels-by-year", "about_levels")

# --- where the data came from ----------------------------------------------------------------
st.header("แหล่งข้อมูล", anchor=False)
sources = about.sources(cur)
if sources.empty:
    st.info("ยังไม่มีข้อมูลในฐานข้อมูล นำเข้ารายงานหรือตารางได้ที่หน้า นำเข้าข้อมูล")
else:
    sources = sources.assign(kind=sources.kind.map(labels.SOURCE_KINDS).fillna(sources.kind),
                             imported_at=thai.format_be_dates(sources.imported_at.to_numpy(), with_time=True))
    st.dataframe(shared.for_display(sources), hide_index=True, key="about_sources")
    shared.downloads(sources, "ita-sources", "about_sources")

st.subheader("ข้อมูลใดเป็นข้อมูลสมมุติ", anchor=False)
st.write(labels.ABOUT_SYNTHETIC)
if status["synthetic_orgs"]:
    st.caption(f"ขณะนี้มีหน่วยงานสมมุติ {status['synthetic_orgs']:,} แห่ง และหน่วยงานจากข้อมูลจริง {status['real_orgs']:,} แห่ง")

# --- data quality for the sidebar's selection ---------------------------------------------------
st.header("คุณภาพข้อมูล", anchor=False)
st.caption(shared.filters_caption())
checks = {  # key: (metric, tab, rows)
    "total": ("คะแนนรวมไม่ตรง", "คะแนนรวมตามรายงานไม่ตรงกับที่คำนวณ", analytics.total_check(cur, f)),
    "level": ("ระดับไม่ตรง", "ระดับตามรายงานไม่ตรงกับเกณฑ์ของปี", analytics.level_check(cur, f)),
    "missing": ("ปีที่ขาดหาย", f"ปีที่ขาดหาย (ถึงปี {f.fiscal_year})", analytics.missing_years(cur, f)),
    "duplicates": ("หน่วยงานที่อาจซ้ำ", "หน่วยงานที่อาจซ้ำกัน (ชื่อสะกดต่างกัน)", analytics.duplicate_orgs(cur, f)),
    "disagreements": ("แหล่งข้อมูลขัดกัน", "ค่าที่แหล่งข้อมูลระบุไม่ตรงกัน (ค่าปัจจุบันตามลำดับความน่าเชื่อถือ)",
                      analytics.source_disagreements(cur, f.province_code, f.include_synthetic)),
}
for column, (short, title, frame) in zip(st.columns(len(checks)), checks.values()):
    column.metric(short, f"{len(frame):,}", help=title)
for tab, (key, (_, title, frame)) in zip(st.tabs([title for _, title, _ in checks.values()]), checks.items()):
    with tab:
        if frame.empty:
            st.success("ไม่พบรายการในตัวกรองนี้", icon=":material/check:")
            continue
        if key == "duplicates":
            frame = frame.assign(reason=frame.reason.map(labels.DUPLICATE_REASONS).fillna(frame.reason),
                                 years_a=frame.years_a.map(lambda ys: ", ".join(map(str, ys))),
                                 years_b=frame.years_b.map(lambda ys: ", ".join(map(str, ys))))
        if key == "disagreements":
            frame = frame.assign(fact=frame.fact.map(labels.FACT_LABELS).fillna(frame.fact))
        st.dataframe(shared.for_display(frame), hide_index=True, key=f"quality_{key}")
        shared.downloads(frame, f"ita-quality-{key}", f"quality_{key}")

# --- credits -------------------------------------------------------------------------------------
st.header("ที่มาและการอ้างอิง", anchor=False)
st.markdown("\n".join(f"- {line}" for line in labels.CREDITS))
