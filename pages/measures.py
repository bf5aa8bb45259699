"""มาตรการ: open and overdue measures as of a day, weak indicators without a measure, and whether measures moved scores."""

import dataclasses
import datetime as dt

import plotly.express as px
import streamlit as st

from ita_data import analytics, labels, thai
from pages import shared

f = shared.filters()
cur = shared.cursor()
st.title("มาตรการ")
st.caption(shared.filters_caption())

# --- the page's own filters, each carried by the URL ---------------------------------------
left, middle, right = st.columns(3)
as_of = left.date_input("ณ วันที่", value=dt.date.today(), key="as_of", bind="query-params",
                        format="DD/MM/YYYY", help="มาตรการที่ยังไม่เสร็จและเลยกำหนดเสร็จก่อนวันนี้ถือว่าเกินกำหนด")
# The sidebar's indicator narrows the choice (a tool offers its own indicators).
indicator = middle.selectbox(
    "ตัวชี้วัดของมาตรการ", [None, *f.indicator_numbers()], key="m_indicator", bind="query-params",
    format_func=lambda c: labels.ALL if c is None else labels.INDICATOR_LABELS[c],
)
status = right.selectbox(
    "สถานะ", [None, "planned", "in_progress"], key="m_status", bind="query-params",
    format_func=lambda s: labels.ALL if s is None else labels.STATUSES[s],
)
selection = dataclasses.replace(f, indicator=indicator) if indicator else f

units = analytics.open_measures_summary(cur, selection, as_of, by="responsible")
left, right = st.columns([2, 1])
unit = left.selectbox(
    "ผู้รับผิดชอบ", [None, *units.label.dropna()], key="m_unit", bind="query-params",
    format_func=lambda u: labels.ALL if u is None else u,
)
overdue_only = right.toggle("เฉพาะที่เกินกำหนด", key="m_overdue", bind="query-params")
page_filters = {
    "ณ วันที่": thai.format_be_date(as_of),
    "ตัวชี้วัดของมาตรการ": labels.INDICATOR_LABELS[indicator] if indicator else labels.ALL,
    "สถานะ": labels.STATUSES[status] if status else labels.ALL,
    "ผู้รับผิดชอบ": unit or labels.ALL,
    "เฉพาะที่เกินกำหนด": "ใช่" if overdue_only else "ไม่",
}

# --- open measures -----------------------------------------------------------------------
st.subheader(f"มาตรการที่ยังไม่เสร็จ ณ {thai.format_be_date(as_of)}")
measures = shared.cached(analytics.open_measures, selection, as_of)
keep = measures.measure_id.notna()
if status:
    keep &= measures.status == status
if unit:
    keep &= measures.responsible == unit
if overdue_only:
    keep &= measures.overdue
shown = measures[keep]
a, b, c = st.columns(3)
a.metric("ยังไม่เสร็จ", f"{len(shown):,}", help="สถานะวางแผนไว้หรืออยู่ระหว่างดำเนินการ")
b.metric("เกินกำหนด", f"{int(shown.overdue.sum()):,}")
c.metric("หน่วยงานที่มีมาตรการเกินกำหนด", f"{shown.org_id[shown.overdue].nunique():,}")
if shown.empty:
    st.info("ไม่มีมาตรการที่ยังไม่เสร็จตามตัวกรองนี้ ลองเปลี่ยนปี สถานะ หรือผู้รับผิดชอบ")
else:
    table = shown[["overdue", "days_overdue", "org_id", "org_name", "province", "district", "indicator",
                   "item", "title", "responsible", "due_date", "status"]].assign(
        indicator=shown.indicator.map(labels.INDICATOR_LABELS),
        due_date=thai.format_be_dates(shown.due_date.to_numpy()),
        status=shown.status.map(labels.STATUSES),
    )
    st.dataframe(
        shared.for_display(table), hide_index=True, key="open_measures_table",
        column_config={
            labels.column_label("overdue"): st.column_config.CheckboxColumn(help="เลยกำหนดเสร็จแล้ว", pinned=True),
            labels.column_label("days_overdue"): st.column_config.ProgressColumn(
                format="%d วัน", min_value=0, max_value=max(int(shown.days_overdue.max(skipna=True) or 0), 1),
                color="red", pinned=True,
            ),
            labels.column_label("org_id"): st.column_config.NumberColumn(format="%d"),
        },
    )
    shared.downloads(table, "ita-open-measures", "open_measures", page_filters)

st.subheader("สรุปมาตรการที่ยังไม่เสร็จ")
st.caption("ตามปี จังหวัด ประเภท และตัวชี้วัดที่เลือก (ไม่กรองสถานะและผู้รับผิดชอบ)")
by = st.segmented_control("สรุปตาม", list(labels.MEASURE_GROUPS), format_func=labels.MEASURE_GROUPS.get,
                          default="responsible", key="m_by", bind="query-params", required=True)
summary = units if by == "responsible" else analytics.open_measures_summary(cur, selection, as_of, by=by)
if summary.empty:
    st.info("ไม่มีมาตรการที่ยังไม่เสร็จในปีและพื้นที่ที่เลือก")
else:
    summary = summary.drop(columns=["by", "key"]).assign(
        label=summary.label.map(labels.INDICATOR_LABELS) if by == "indicator" else summary.label,
        earliest_due_date=thai.format_be_dates(summary.earliest_due_date.to_numpy()),
    ).rename(columns={"label": labels.MEASURE_GROUPS[by]})
    group = labels.MEASURE_GROUPS[by]
    top = summary.head(15)
    top = top.assign(**{group: shared.chart_text(top[group].astype(str))})  # units from documents
    fig = px.bar(top, y=labels.MEASURE_GROUPS[by], x=["open_count", "overdue_count"], orientation="h",
                 barmode="group", height=120 + 28 * len(top),
                 labels={"value": "มาตรการ", "variable": ""}, color_discrete_sequence=["#7f8c8d", "#c0392b"])
    fig.for_each_trace(lambda t: t.update(name=labels.column_label(t.name)))
    fig.update_layout(yaxis={"autorange": "reversed", "title": None}, margin=dict(l=0, r=0, t=10, b=0),
                      legend=dict(orientation="h"))
    st.plotly_chart(fig, key="measure_summary_chart")
    st.dataframe(shared.for_display(summary), hide_index=True, key="measure_summary_table")
    shared.downloads(summary, f"ita-open-measures-by-{by}", "measure_summary", page_filters)

# --- weak indicators without a measure ---------------------------------------------------
st.subheader("ตัวชี้วัดที่อ่อนแต่ยังไม่มีมาตรการ")
st.caption("ตัวชี้วัดที่ต่ำกว่าเกณฑ์ผ่านหรือต่ำกว่ามัธยฐานจังหวัดในปีที่เลือก และจำนวนมาตรการของปีเดียวกันที่มุ่งแก้ตัวชี้วัดนั้น")
coverage = shared.cached(analytics.measure_coverage, selection)
if coverage.empty:
    st.info("ไม่มีตัวชี้วัดที่อ่อนในปีและพื้นที่ที่เลือก")
else:
    a, b, c = st.columns(3)
    a.metric("ตัวชี้วัดที่อ่อน (หน่วยงาน × ตัวชี้วัด)", f"{len(coverage):,}")
    b.metric("ยังไม่มีมาตรการ", f"{int((~coverage.covered).sum()):,}")
    c.metric("มีมาตรการแล้ว", f"{coverage.covered.mean():.1%}")
    counts = coverage.assign(indicator=coverage.indicator.map(labels.INDICATOR_LABELS),
                             covered=coverage.covered.map({True: "มีมาตรการ", False: "ยังไม่มีมาตรการ"}))
    counts = counts.groupby(["indicator", "covered"], sort=False).size().rename("count").reset_index()
    fig = px.bar(counts, y="indicator", x="count", color="covered", orientation="h",
                 category_orders={"indicator": [labels.INDICATOR_LABELS[i] for i in selection.indicator_numbers()],
                                  "covered": ["ยังไม่มีมาตรการ", "มีมาตรการ"]},
                 color_discrete_map={"ยังไม่มีมาตรการ": "#c0392b", "มีมาตรการ": "#27ae60"},
                 labels={"indicator": "", "count": "หน่วยงาน", "covered": ""}, height=140 + 26 * counts.indicator.nunique())
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), legend=dict(orientation="h"))
    st.plotly_chart(fig, key="coverage_chart")
    uncovered_only = st.toggle("แสดงเฉพาะที่ยังไม่มีมาตรการ", value=True, key="m_uncovered", bind="query-params")
    table = coverage[~coverage.covered] if uncovered_only else coverage
    table = table.assign(indicator=table.indicator.map(labels.INDICATOR_LABELS))
    st.dataframe(shared.for_display(table), hide_index=True, key="coverage_table",
                 column_config={labels.column_label("org_id"): st.column_config.NumberColumn(format="%d")})
    shared.downloads(table, "ita-measure-coverage", "coverage",
                     {**page_filters, "เฉพาะที่ยังไม่มีมาตรการ": "ใช่" if uncovered_only else "ไม่"})

# --- did measures move the indicator? ------------------------------------------------------
st.subheader("ผลของมาตรการต่อคะแนนปีถัดไป")
st.caption("ตัวชี้วัดของหน่วยงานที่มีมาตรการมุ่งแก้ เปลี่ยนไปเท่าใดในปีถัดไป เทียบกับหน่วยงานในจังหวัดเดียวกันที่ไม่มีมาตรการ"
           " (นับมาตรการทุกสถานะ)")
held = shared.data_years(cur, f.include_synthetic)
measure_years = [y for y in held if y + 1 in held]
effect = None
if not measure_years:
    st.info("ต้องมีข้อมูลอย่างน้อยสองปีติดกันจึงจะเทียบผลของมาตรการได้")
else:
    default_year = f.fiscal_year if f.fiscal_year in measure_years else measure_years[-1]
    effect_year = st.selectbox("ปีของมาตรการ", measure_years, index=measure_years.index(default_year),
                               key="m_effect_year", bind="query-params", format_func=lambda y: f"{y} → {y + 1}")
    effect = analytics.measure_effectiveness(cur, dataclasses.replace(selection, fiscal_year=effect_year))
    if effect.empty:
        st.info(f"ไม่มีหน่วยงานที่มีมาตรการในปี {effect_year} และมีคะแนนปี {effect_year + 1} ตามตัวกรองนี้")
if effect is not None and not effect.empty:
    if effect.method_change.any():
        st.warning(f"ระหว่างสองปีนี้มีการ{labels.METHOD_CHANGE}: {effect.method_notes.iloc[0]} ควรตีความด้วยความระมัดระวัง",
                   icon=":material/warning:")
    effect = effect.assign(indicator=effect.indicator.map(labels.INDICATOR_LABELS))
    long = effect.melt(id_vars="indicator", value_vars=["mean_change_with_measure", "mean_change_peers"],
                       var_name="group", value_name="change")
    long["group"] = long.group.map(labels.column_label)
    fig = px.bar(long, y="indicator", x="change", color="group", barmode="group", orientation="h",
                 labels={"indicator": "", "change": f"คะแนนเปลี่ยน {effect_year} → {effect_year + 1}", "group": ""},
                 color_discrete_sequence=["#2980b9", "#95a5a6"], height=140 + 52 * len(effect))
    fig.update_layout(yaxis={"autorange": "reversed"}, margin=dict(l=0, r=0, t=10, b=0), legend=dict(orientation="h"))
    fig.add_vline(x=0, line_color="#555")
    st.plotly_chart(fig, key="effectiveness_chart")
    st.dataframe(shared.for_display(effect), hide_index=True, key="effectiveness_table",
                 column_config={labels.column_label(c): st.column_config.NumberColumn(format="%.2f")
                                for c in ("mean_change_with_measure", "mean_change_peers", "effect")})
    shared.downloads(effect, "ita-measure-effectiveness", "effectiveness",
                     {**page_filters, "ปีของมาตรการ": effect_year})
