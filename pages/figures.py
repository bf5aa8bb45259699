"""The pages' charts: plain functions, an analytics DataFrame in, a Plotly figure out (no Streamlit here).

Names and places come from documents and Plotly draws a subset of HTML from strings, so every text from
the data goes through ``safe_text.html_literal(s)`` here, and pages hand over frames as the analytics
return them. Figures are built from Plotly objects directly: Plotly Express costs about five times as
much per rerun.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from ita_data import geo, labels, safe_text
from ita_data.analytics import is_indicator

TIGHT = {"l": 0, "r": 0, "t": 10, "b": 0}
COLUMN = labels.column_label


def _pass_line(mark: float, axis: str = "y", colour: str | None = None) -> dict[str, Any]:
    """The pass mark as a dashed line across the plot, with its label at the end."""
    line: dict[str, Any] = {"dash": "dash", **({"color": colour} if colour else {})}
    if axis == "y":
        shape = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": mark, "y1": mark, "line": line}
        note = {"xref": "paper", "x": 1, "y": mark, "xanchor": "right", "yanchor": "bottom"}
    else:
        shape = {"type": "line", "yref": "paper", "y0": 0, "y1": 1, "x0": mark, "x1": mark, "line": line}
        note = {"yref": "paper", "y": 1, "x": mark, "xanchor": "left", "yanchor": "bottom"}
    return {"shapes": [shape], "annotations": [{**note, "text": labels.pass_mark_label(mark), "showarrow": False}]}


def _name_and_province(frame: pd.DataFrame) -> pd.Series:
    """``name (province)`` for a row label, as written."""
    return safe_text.html_literals(frame.org_name + " (" + frame.province.fillna("") + ")")


# --- ภาพรวม ---------------------------------------------------------------------------------------


def province_map(by_province: pd.DataFrame) -> go.Figure:
    """An ``analytics.province_map`` result as a choropleth of the mean score."""
    shown = by_province.assign(province=safe_text.html_literals(by_province.province))
    fig = px.choropleth_map(
        shown,
        geojson=geo.province_geojson(),
        locations="province_code",
        featureidkey="id",
        color="mean_score",
        color_continuous_scale="RdYlGn",
        range_color=(shown.mean_score.min(), 100),
        hover_name="province",
        hover_data={"province_code": False, "org_count": True, "pass_rate": ":.1%"},
        labels={"mean_score": labels.MAP_MEAN, "org_count": labels.MAP_ORGS, "pass_rate": labels.MAP_PASSING},
        map_style="white-bg",
        center={"lat": 13.2, "lon": 101.0},
        zoom=4.4,
        height=620,
    )
    fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return fig


def level_bars(levels: pd.DataFrame) -> go.Figure:
    """An ``analytics.level_distribution`` result as horizontal bars, best level on top."""
    return go.Figure(
        go.Bar(x=levels.org_count, y=levels.level, orientation="h", text=levels.org_count),
        layout={
            "height": 300,
            "margin": TIGHT,
            "xaxis": {"title": {"text": labels.RANK_ORGS}},
            "yaxis": {
                "categoryorder": "array",
                "categoryarray": levels.level.tolist()[::-1],
                "title": {"text": COLUMN("level")},
            },
        },
    )


def indicator_means(means: pd.DataFrame, pass_mark: float, whole: str = labels.MEANS_NATION) -> go.Figure:
    """An ``analytics.indicator_means`` result: the ten indicators' means, the selection beside the
    nation (``whole`` names it: ``labels.whole_data``), each bar named by its indicator's short name
    (the full name in the hover)."""
    ten = means[is_indicator(means.indicator)]
    short = ten.indicator.map(labels.INDICATOR_SHORT_LABELS).tolist()
    full = ten.indicator.map(labels.INDICATOR_LABELS).to_numpy()
    traces = [
        go.Bar(
            x=short,
            y=ten[column],
            name=name,
            customdata=full,
            hovertemplate="%{customdata}<br>%{y:.2f}<extra>" + name + "</extra>",
        )
        for column, name in (("mean_selection", labels.MEANS_SELECTION), ("mean_nation", whole))
    ]
    return go.Figure(
        traces,
        layout={
            "height": 300,
            "barmode": "group",
            "margin": TIGHT,
            "legend": {"orientation": "h"},
            "xaxis": {
                "type": "category",
                "categoryorder": "array",
                "categoryarray": short,
                "tickvals": short,
                "title": {"text": COLUMN("indicator")},
            },
            "yaxis": {"title": {"text": labels.MAP_MEAN}},
            **_pass_line(pass_mark),
        },
    )


# --- อันดับ -----------------------------------------------------------------------------------------


def rank_bars(ranked: pd.DataFrame, measure: str, pass_mark: float, each_end: int = 40) -> go.Figure:
    """A ``rankings`` result as one bar per organisation by score, coloured by level, against the pass
    mark. More than ``2 × each_end`` organisations: the first and the last ``each_end``, and a dotted line
    between them that says how many are left out, so the jump in scores reads as the gap it is."""
    by_score = ranked.sort_values(["score", "org_id"], ascending=[False, True])
    left_out = max(len(by_score) - 2 * each_end, 0)
    if left_out:
        by_score = by_score.iloc[list(range(each_end)) + list(range(-each_end, 0))]
    # Bars stand on org_id: two organisations can share a name; the axis shows names.
    bars = by_score.assign(
        bar=by_score.org_id.astype(str),
        org_name=safe_text.html_literals(by_score.org_name),
        province=safe_text.html_literals(by_score.province),
        level=by_score.level.fillna("–"),
    )
    hover = (
        f"<b>%{{hovertext}}</b><br><br>{measure}=%{{y}}<br>{COLUMN('province')}=%{{customdata[0]}}"
        f"<br>{COLUMN('rank')}=%{{customdata[1]}}<extra></extra>"
    )
    traces = [
        go.Bar(
            x=part.bar,
            y=part.score,
            name=level,
            hovertext=part.org_name,
            hovertemplate=hover,
            customdata=part[["province", "rank"]].to_numpy(),
            legendgroup=level,
        )
        for level, part in bars.groupby("level", sort=False)
    ]
    ticks = bars.bar.tolist()
    marks = _pass_line(pass_mark, colour="firebrick")
    if left_out:  # on a category axis bar i stands at x = i: the gap is halfway between the two ends
        marks["shapes"].append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": each_end - 0.5,
                "x1": each_end - 0.5,
                "y0": 0,
                "y1": 1,
                "line": {"dash": "dot", "color": "#555"},
            }
        )
        marks["annotations"].append(
            {
                "xref": "x",
                "yref": "paper",
                "x": each_end - 0.5,
                "y": 1,
                "yanchor": "bottom",
                "text": labels.RANK_CHART_GAP.format(count=left_out),
                "showarrow": False,
            }
        )
    return go.Figure(
        traces,
        layout={
            "height": 420,
            "barmode": "relative",
            "margin": {**TIGHT, "t": 30},
            "legend": {"orientation": "h", "title": {"text": COLUMN("level")}},
            "xaxis": {
                "type": "category",
                "categoryorder": "array",
                "categoryarray": ticks,
                "tickvals": ticks,
                "ticktext": bars.org_name.tolist(),
                "showticklabels": len(bars) <= 30,
                "title": {"text": COLUMN("org_name")},
            },
            "yaxis": {"title": {"text": measure}},
            **marks,
        },
    )


# --- หน่วยงาน ---------------------------------------------------------------------------------------


def org_indicators(year: pd.DataFrame, pass_mark: float) -> go.Figure:
    """One year of an ``org_history`` result: the ten indicators as bars, the province's and nation's
    medians as marks, the pass mark as a line."""
    ten = year[is_indicator(year.indicator)]
    names = ten.indicator.map(labels.INDICATOR_LABELS)
    mark = {"symbol": "line-ns", "size": 22}
    fig = go.Figure(
        [
            go.Bar(name=labels.ORG_THIS, y=names, x=ten.score, orientation="h", marker_color="#2980b9"),
            *(
                go.Scatter(
                    name=COLUMN(column),
                    y=names,
                    x=ten[column],
                    mode="markers",
                    marker={**mark, "line": {"width": width, "color": colour}},
                )
                for column, width, colour in (("province_median", 3, "#e67e22"), ("nation_median", 2, "#7f8c8d"))
            ),
        ],
        layout={
            "height": 120 + 34 * len(ten),
            "margin": TIGHT,
            "xaxis": {"range": [0, 100]},
            "yaxis": {"autorange": "reversed"},
            "legend": {"orientation": "h"},
            **_pass_line(pass_mark, "x"),
        },
    )
    return fig


def _method_marks(changes: pd.DataFrame) -> dict[str, Any]:
    """Dotted lines between the years either side of each change of method (``about.method_changes``)."""
    between = [year - 0.5 for year in changes.fiscal_year]
    return {
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": x,
                "x1": x,
                "y0": 0,
                "y1": 1,
                "line": {"dash": "dot", "color": "#c0392b"},
            }
            for x in between
        ],
        "annotations": [
            {
                "xref": "x",
                "yref": "paper",
                "x": x,
                "y": 1,
                "yanchor": "bottom",
                "text": labels.METHOD_CHANGE,
                "showarrow": False,
                "font": {"size": 11},
                "hovertext": note,
            }
            for x, note in zip(between, changes.notes)
        ],
    }


def _history_frame(changes: pd.DataFrame) -> dict[str, Any]:
    return {
        "margin": {**TIGHT, "t": 30},
        "legend": {"title": {"text": ""}},
        "xaxis": {"dtick": 1, "tickformat": "d", "title": {"text": COLUMN("fiscal_year")}},
        **_method_marks(changes),
    }


def org_total_history(history: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """An ``org_history`` result's totals year by year beside the province's and nation's medians;
    ``changes`` (the method changes within the years shown) are marked between their years."""
    totals = history[history.indicator == "total"]
    series = (
        ("score", labels.ORG_THIS, "#2980b9"),
        ("province_median", COLUMN("province_median"), "#e67e22"),
        ("nation_median", COLUMN("nation_median"), "#7f8c8d"),
    )
    return go.Figure(
        [
            go.Scatter(x=totals.fiscal_year, y=totals[column], name=name, mode="lines+markers", line_color=colour)
            for column, name, colour in series
        ],
        layout={
            **_history_frame(changes),
            "height": 340,
            "yaxis": {"range": [0, 102], "title": {"text": COLUMN("total_score")}},
        },
    )


def org_indicator_history(history: pd.DataFrame, changes: pd.DataFrame) -> go.Figure:
    """An ``org_history`` result's ten indicators year by year, one line each."""
    ten = history[is_indicator(history.indicator)]
    return go.Figure(
        [
            go.Scatter(x=part.fiscal_year, y=part.score, name=labels.INDICATOR_LABELS[indicator], mode="lines+markers")
            for indicator, part in ten.groupby("indicator", sort=False)
        ],
        layout={
            **_history_frame(changes),
            "height": 420,
            "yaxis": {"range": [0, 102], "title": {"text": labels.ORG_INDICATOR_SCORE}},
        },
    )


# --- การเปลี่ยนแปลง ----------------------------------------------------------------------------------


def movers_slope(moved: pd.DataFrame, from_year: int, to_year: int, measure: str, method_changed: bool) -> go.Figure:
    """An ``analytics.movers`` result as a slope chart between the two years, one trace per direction
    (each organisation's line apart by a gap): a trace per organisation would be slow."""
    fig = go.Figure()
    for direction, colour in (("gain", "seagreen"), ("fall", "firebrick")):
        rows = moved[moved.direction == direction]
        gap = np.full(len(rows), np.nan)
        fig.add_trace(
            go.Scatter(
                x=[str(from_year), str(to_year), None] * len(rows),
                y=np.column_stack([rows.score_from, rows.score_to, gap]).ravel(),
                text=np.repeat(_name_and_province(rows).to_numpy(), 3),
                customdata=np.repeat(rows.delta.to_numpy(), 3),
                mode="lines+markers",
                name=labels.DIRECTIONS[direction],
                line={"color": colour},
                hovertemplate="%{text}<br>%{y:.2f} (%{customdata:+.2f})<extra></extra>",
            )
        )
    fig.update_xaxes(type="category", title=COLUMN("fiscal_year"))
    fig.update_yaxes(title=measure)
    if method_changed:  # the change of method sits between the two years: dash the lines and say so
        fig.update_traces(line_dash="dot")
        fig.add_annotation(
            x=0.5,
            xref="paper",
            y=1.02,
            yref="paper",
            showarrow=False,
            text=labels.CHANGE_METHOD_MARK,
            font={"color": "darkorange"},
        )
    fig.update_layout(height=460, margin={**TIGHT, "t": 30}, legend={"orientation": "h"})
    return fig


def _org_heatmap(
    cells: pd.DataFrame, value: str, orgs: pd.DataFrame, indicators: list[str], colours: str, colourbar: str
) -> go.Figure:
    """Organisation × indicator cells; rows stand on org_id (names repeat across the country) in the order
    of ``orgs`` (org_id, org_name, province), labelled with the name and province."""
    named = orgs.drop_duplicates("org_id")
    order = [str(o) for o in named.org_id]
    heat = go.Figure(
        go.Heatmap(
            x=cells.indicator.map(labels.INDICATOR_SHORT_LABELS),
            y=cells.org_id.astype(str),
            z=cells[value],
            customdata=cells.indicator.map(labels.INDICATOR_LABELS),
            colorscale=colours,
            zmid=0,
            colorbar={"title": colourbar},
            hovertemplate="%{customdata}<br>%{z:+.2f}<extra></extra>",
        )
    )
    heat.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=order[::-1],
        tickvals=order,
        ticktext=_name_and_province(named).tolist(),
    )
    heat.update_xaxes(categoryorder="array", categoryarray=[labels.INDICATOR_SHORT_LABELS[i] for i in indicators])
    heat.update_layout(height=max(320, 24 * len(order)), margin=TIGHT)
    return heat


def movers_heatmap(changes: pd.DataFrame, moved: pd.DataFrame, method_changed: bool) -> go.Figure:
    """Per mover (an ``analytics.movers`` result), the change of each indicator (a ``yoy_change`` result
    over every score)."""
    cells = changes[changes.org_id.isin(moved.org_id) & is_indicator(changes.indicator)]
    heat = _org_heatmap(cells, "delta", moved, list(labels.INDICATOR_NUMBERS), "RdYlGn", COLUMN("delta"))
    if method_changed:
        heat.update_layout(
            title={"text": labels.CHANGE_METHOD_MARK, "font": {"color": "darkorange", "size": 13}},
            margin={**TIGHT, "t": 30},
        )
    return heat


def slope_histogram(trend: pd.DataFrame) -> go.Figure:
    """A ``trends`` result's slopes (points a year), with zero marked."""
    fig = go.Figure(go.Histogram(x=trend.slope, nbinsx=40, marker_color="steelblue"))
    fig.add_vline(x=0, line_dash="dash")
    fig.update_layout(height=300, margin=TIGHT, bargap=0.05, xaxis_title=COLUMN("slope"), yaxis_title=labels.RANK_ORGS)
    return fig


def streak_histogram(trend: pd.DataFrame) -> go.Figure:
    """A ``trends`` result's improving streaks (years)."""
    fig = go.Figure(go.Histogram(x=trend.improving_streak, marker_color="seagreen"))
    fig.update_layout(
        height=300, margin=TIGHT, bargap=0.1, xaxis_title=COLUMN("improving_streak"), yaxis_title=labels.RANK_ORGS
    )
    return fig


# --- ช่องว่างตัวชี้วัด ----------------------------------------------------------------------------------


def gap_heatmap(gaps: pd.DataFrame, org_ids: list[int], measure: str, indicators: list[str]) -> go.Figure:
    """An ``indicator_gaps`` result's ``measure`` (a gap column) for the organisations ``org_ids``, in
    that order, per indicator of ``indicators``."""
    cells = gaps[gaps.org_id.isin(org_ids)]
    orgs = cells.drop_duplicates("org_id").set_index("org_id").loc[org_ids].reset_index()
    return _org_heatmap(cells, measure, orgs, indicators, "RdYlGn_r", COLUMN(measure))


def weak_indicators(weak: pd.DataFrame, indicators: list[str]) -> go.Figure:
    """A ``province_weak_shares`` result: bars of one province's shares below the pass mark, or a
    province × indicator heatmap of several."""
    names = weak.indicator.map(labels.INDICATOR_SHORT_LABELS)
    order = [labels.INDICATOR_SHORT_LABELS[i] for i in indicators]
    if weak.province_code.nunique() == 1:
        one = weak.assign(indicator=names).sort_values("share_below_pass", ascending=False)
        fig = go.Figure(
            go.Bar(x=one.indicator, y=one.share_below_pass, texttemplate="%{y:.0%}"),
            layout={
                "height": 320,
                "xaxis": {"title": {"text": COLUMN("indicator")}},
                "yaxis": {"title": {"text": COLUMN("share_below_pass")}, "tickformat": ".0%", "range": [0, 1]},
            },
        )
    else:
        fig = go.Figure(
            go.Heatmap(
                x=names,
                y=safe_text.html_literals(weak.province),
                z=weak.share_below_pass,
                zmin=0,
                zmax=1,
                colorscale="Reds",
                colorbar={"title": "", "tickformat": ".0%"},
                hovertemplate="%{y} · %{x}<br>%{z:.0%}<extra></extra>",
            )
        )
        fig.update_xaxes(categoryorder="array", categoryarray=order)
        fig.update_yaxes(categoryorder="category descending")
        fig.update_layout(height=max(360, 16 * weak.province.nunique()))
    fig.update_layout(margin=TIGHT)
    return fig


# --- มาตรการ ---------------------------------------------------------------------------------------


def _bars_across(traces: list[go.Bar], barmode: str, height: int, x_title: str) -> go.Figure:
    """Horizontal bars, one row a category, the first at the top, the legend along the top."""
    return go.Figure(
        traces,
        layout={
            "barmode": barmode,
            "height": height,
            "margin": TIGHT,
            "legend": {"orientation": "h"},
            "xaxis": {"title": {"text": x_title}},
            "yaxis": {"autorange": "reversed", "type": "category"},
        },
    )


def open_measures_summary(summary: pd.DataFrame, by: str, rows: int = 15) -> go.Figure:
    """The first ``rows`` of an ``open_measures_summary`` result: open and overdue counts per group."""
    top = summary.head(rows)
    names = top.label.map(labels.INDICATOR_LABELS) if by == "indicator" else top.label.astype(str)
    names = safe_text.html_literals(names)  # responsible units and organisations come from documents
    traces = [
        go.Bar(y=names, x=top[column], orientation="h", name=COLUMN(column), marker_color=colour)
        for column, colour in (("open_count", "#7f8c8d"), ("overdue_count", "#c0392b"))
    ]
    return _bars_across(traces, "group", 120 + 28 * len(top), labels.MEASURES_COUNT)


def measure_coverage(counts: pd.DataFrame) -> go.Figure:
    """A ``coverage_counts`` result: per indicator, weak indicators without and with a measure, stacked."""
    names = counts.indicator.map(labels.INDICATOR_LABELS)
    traces = [
        go.Bar(y=names, x=counts[column], orientation="h", name=name, marker_color=colour)
        for column, name, colour in (
            ("uncovered_count", labels.COVERAGE_NONE, "#c0392b"),
            ("covered_count", labels.COVERAGE_SOME, "#27ae60"),
        )
    ]
    return _bars_across(traces, "stack", 140 + 26 * len(counts), labels.RANK_ORGS)


def measure_effect(effect: pd.DataFrame) -> go.Figure:
    """A ``measure_effectiveness`` result: per indicator, the mean change of organisations with a measure
    beside their province's peers without one."""
    names = effect.indicator.map(labels.INDICATOR_LABELS)
    year = int(effect.fiscal_year.iloc[0]) if len(effect) else 0
    traces = [
        go.Bar(y=names, x=effect[column], orientation="h", name=COLUMN(column), marker_color=colour)
        for column, colour in (("mean_change_with_measure", "#2980b9"), ("mean_change_peers", "#95a5a6"))
    ]
    fig = _bars_across(
        traces, "group", 140 + 52 * len(effect), labels.EFFECT_AXIS.format(year=year, next_year=year + 1)
    )
    fig.add_vline(x=0, line_color="#555")
    return fig
