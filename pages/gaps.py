"""ช่องว่างตัวชี้วัด: how far each organisation is from the target per indicator and item, and what to fix first."""

import streamlit as st

from ita_data import analytics, framework, labels
from pages import display, figures, shared

HEATMAP_ORGS = 30

f = shared.filters()
st.title(labels.GAP_TITLE)
st.caption(shared.filters_caption())

gaps = shared.cached(analytics.indicator_gaps, f)
if gaps.empty:
    # Organisations with a total and no indicator scores (an ITAS result page) are not "no organisation".
    held = shared.cached(analytics.overview, f).iloc[0].org_count
    st.info(labels.GAP_TOTALS_ONLY.format(count=held) if held else labels.EMPTY_SELECTION)
    st.stop()
pass_mark = framework.year_rules(f.fiscal_year).pass_mark
column = labels.column_label

# --- what to fix first: each indicator by the points its reaching 100 would add to the total -----
st.subheader(labels.GAP_FIX_FIRST)
st.caption(labels.GAP_FIX_FIRST_HELP)
top = st.slider(labels.GAP_PRIORITY_LIMIT, 1, 10, 3, key="priority", bind="query-params")
first = analytics.fix_first(gaps, top)
fix_first = first.assign(indicator=first.indicator.map(labels.INDICATOR_LABELS))[
    [
        "org_id",
        "org_name",
        "province",
        "indicator",
        "score",
        "points_recoverable",
        "priority",
        "gap_to_pass",
        "province_median",
        "gap_to_province_median",
        "type_median",
        "gap_to_type_median",
    ]
]
picked = display.table(
    fix_first,
    key="fix_first",
    on_select="rerun",
    selection_mode="single-row",
    column_config={
        "points_recoverable": st.column_config.ProgressColumn(
            # An empty list has no maximum (NaN, which the column config cannot carry).
            format="%,.2f",
            min_value=0,
            max_value=max(float(fix_first.points_recoverable.max()) if len(fix_first) else 0.0, 1.0),
        )
    },
)
st.caption(labels.GAP_PICK_HELP if len(fix_first) else labels.GAP_FIX_FIRST_NONE)
shared.downloads(fix_first, f"ita-fix-first-{f.fiscal_year}", "fix_first", {labels.GAP_PRIORITY_LIMIT: top})

# --- the heatmap: the top of that list, organisation × indicator --------------------------------
st.subheader(labels.GAP_HEATMAP)
shared.seed_from_link("gap", list(labels.GAP_MEASURES), column)
measure = st.segmented_control(
    labels.GAP_MEASURE_LABEL,
    labels.GAP_MEASURES,
    format_func=column,
    default="gap_to_pass",
    required=True,
    key="gap",
    bind="query-params",
)
orgs_shown = fix_first.org_id.drop_duplicates().head(HEATMAP_ORGS).tolist()
st.caption(labels.GAP_HEATMAP_NOTE.format(count=len(orgs_shown), total=gaps.org_id.nunique()))
if orgs_shown:
    display.chart(
        figures.gap_heatmap(gaps, orgs_shown, measure, f.indicator_numbers()),
        "gap_heatmap",
        f"{labels.GAP_HEATMAP} · {column(measure)}",
    )

# --- the province's weakest indicators -------------------------------------------------------------
st.subheader(labels.GAP_WEAK)
st.caption(labels.GAP_WEAK_NOTE.format(mark=pass_mark))
weak = shared.cached(analytics.province_weak_shares, f)
if weak.empty:
    st.info(labels.EMPTY_SELECTION)
else:
    display.chart(figures.weak_indicators(weak, f.indicator_numbers()), "weak_indicators", labels.GAP_WEAK)
weak_table = weak.assign(indicator=weak.indicator.map(labels.INDICATOR_SHORT_LABELS))[
    ["province", "indicator", "org_count", "below_pass_count", "share_below_pass"]
]
display.table(weak_table, key="weak_table")
shared.downloads(weak_table, f"ita-weak-indicators-{f.fiscal_year}", "weak")

# --- items: those the selection misses most, then one organisation's ------------------------------
st.subheader(labels.GAP_ITEMS_SELECTION)
items = shared.cached(analytics.item_gap_summary, f)
if items.empty:
    st.info(labels.GAP_ITEMS_NONE)
else:
    items = items.assign(indicator=items.indicator.map(labels.INDICATOR_SHORT_LABELS))[
        ["item", "title_th", "indicator", "org_count", "below_full_count", "share_below_full", "mean_score"]
    ]
    display.table(items, key="item_summary")
    shared.downloads(items, f"ita-item-gaps-{f.fiscal_year}", "item_summary")

# One organisation's items: the row chosen in the fix-first list, else the profile's organisation, else the
# top of the list.
if fix_first.empty:
    st.stop()
if picked.selection.rows:
    org_row = fix_first.iloc[picked.selection.rows[0]]
elif st.session_state.get("org") in fix_first.org_id.values:
    org_row = fix_first[fix_first.org_id == st.session_state["org"]].iloc[0]
else:
    org_row = fix_first.iloc[0]
org_id, org_name = int(org_row.org_id), f"{org_row.org_name} ({org_row.province})"
st.subheader(labels.GAP_ITEMS_ORG)
st.text(org_name)  # a name from a document: plain text, never markdown
org_items = shared.cached(analytics.item_gaps, f, org_id)
if org_items.empty:
    st.info(labels.GAP_ITEMS_ORG_NONE)
else:
    org_items = org_items.assign(indicator=org_items.indicator.map(labels.INDICATOR_SHORT_LABELS))[
        ["item", "title_th", "indicator", "score", "gap_to_full"]
    ]
    display.table(org_items, key="item_org")
    shared.downloads(
        org_items,
        f"ita-item-gaps-org-{org_id}-{f.fiscal_year}",
        "item_org",
        {labels.column_label("org_name"): org_name},
    )
