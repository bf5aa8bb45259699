"""Every table the pages show, as a view: which analytics function it calls, its columns in the page's
order, how its codes read in Thai, and the page whose link reopens it.

A page draws ``view.frame(ask, sel)`` (after ``view.present``) and offers it as CSV and XLSX; the API
answers ``/api/v1/<name>.json`` and ``.csv`` with the same frame. A column added to a page's table is
added here, and both follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from ita_data import analytics, labels, thai
from ita_data.analytics import about as about_data
from ita_data.views.selection import Ask, Selection

# The pages' own parameters, in the order they depend on one another (a copied link of the page
# carries them; every view of the page takes them, whether or not it reads them).
PAGE_PARAMS: dict[str, tuple[str, ...]] = {
    "": (),
    "overview": (),
    "rankings": ("within",),
    "change": ("from", "to"),
    "gaps": ("priority", "gap", "org"),
    "measures": ("as_of", "m_indicator", "m_status", "m_unit", "m_overdue", "m_by", "m_uncovered", "m_effect_year"),
    "organization": ("org", "sources_all"),
    "about": (),
    "import": (),
}
MOVERS_EACH_WAY = 10

Values = Mapping[Any, Any] | Callable[[pd.DataFrame, Selection | None], pd.Series]


@dataclass(frozen=True)
class View:
    """One table a page shows.

    ``compute(ask, sel)`` calls the analytics and returns the rows (any columns); ``columns`` are the
    analytics' names of those the page shows, in its order. ``values`` turns codes into Thai words for
    people (a column → code → label mapping, or a function of the frame); ``headers`` renames a header
    for a selection. ``synthetic`` says how to tell whether synthetic rows are in it: ``orgs`` (by the
    rows' organisations), ``selection`` (aggregates: the selection includes synthetic data and there is
    some), ``sources``, or ``none`` (the rules, not data).
    """

    name: str
    page: str
    title: str
    columns: tuple[str, ...]
    compute: Callable[[Ask, Selection], pd.DataFrame]
    file_stem: Callable[[Selection], str]
    values: Mapping[str, Values] = field(default_factory=dict)
    headers: Callable[[Selection], Mapping[str, str]] | None = None
    synthetic: str = "orgs"
    doc: str = ""

    @property
    def params(self) -> tuple[str, ...]:
        """The page parameters this view takes beyond the sidebar's: its page's."""
        return PAGE_PARAMS[self.page] + tuple(
            p for p in _EXTRA_PARAMS.get(self.name, ()) if p not in PAGE_PARAMS[self.page]
        )

    def frame(self, ask: Ask, sel: Selection) -> pd.DataFrame:
        """The rows, as the analytics give them, with the view's columns in the page's order."""
        return self.select(self.compute(ask, sel))

    def select(self, raw: pd.DataFrame) -> pd.DataFrame:
        return raw.loc[:, list(self.columns)].reset_index(drop=True)

    def present(self, frame: pd.DataFrame, sel: Selection | None = None) -> pd.DataFrame:
        """The rows in people's words: codes as Thai labels, dates in B.E. (numbers stay numbers)."""
        changed = {}
        for column, values in self.values.items():
            if column not in frame.columns:
                continue
            if callable(values):
                changed[column] = values(frame, sel)
            else:
                mapped = frame[column].map(values)
                changed[column] = mapped.where(mapped.notna(), frame[column])
        return frame.assign(**changed) if changed else frame

    def heading(self, sel: Selection | None = None) -> str:
        """The view's Thai title, naming what "the nation" covers for the selection's data."""
        return self.title.format(whole=sel.whole if sel is not None else labels.WHOLE_NATION)

    def header(self, column: str, sel: Selection | None = None) -> str:
        """A column's Thai header; the nation's columns are named for what the data covers."""
        if self.headers is not None and sel is not None:
            override = self.headers(sel)
            if column in override:
                return override[column]
        if sel is not None and column in labels.WHOLE_COLUMNS:
            return labels.whole_headers(sel.whole).get(column, labels.column_label(column))
        return labels.column_label(column)


def _be_dates(column: str, with_time: bool = False) -> Values:
    return lambda frame, sel: thai.format_be_dates(frame[column].to_numpy(), with_time=with_time)


def _joined(column: str) -> Values:
    return lambda frame, sel: frame[column].map(lambda ys: ", ".join(map(str, ys)) if ys is not None else "")


INDICATORS = {"indicator": labels.INDICATOR_LABELS}
SHORT_INDICATORS = {"indicator": labels.INDICATOR_SHORT_LABELS}


# --- what each view computes ---------------------------------------------------------------------


def _later(sel: Selection) -> analytics.Filters:
    return replace(sel.filters, fiscal_year=sel.to_year or sel.filters.fiscal_year)


def _open_measures(ask: Ask, sel: Selection) -> pd.DataFrame:
    measures = ask(analytics.open_measures, sel.measures_filters(), sel.as_of)
    keep = measures.measure_id.notna()
    if sel.m_status:
        keep &= measures.status == sel.m_status
    if sel.m_unit:
        keep &= measures.responsible == sel.m_unit
    if sel.m_overdue:
        keep &= measures.overdue
    return measures[keep]


def _trends(ask: Ask, sel: Selection) -> pd.DataFrame:
    trend = ask(analytics.trends, _later(sel))
    trend = trend[trend.years_count > 1]
    return trend.sort_values(["improving_streak", "slope"], ascending=False, ignore_index=True)


def _coverage(ask: Ask, sel: Selection) -> pd.DataFrame:
    coverage = ask(analytics.measure_coverage, sel.measures_filters())
    return coverage[~coverage.covered] if sel.m_uncovered else coverage


def _org_history(ask: Ask, sel: Selection) -> pd.DataFrame:
    if sel.org is None:
        return _empty(analytics.org_history, ask)
    return ask(analytics.org_history, sel.org, sel.filters.include_synthetic)


def _org_year(ask: Ask, sel: Selection) -> pd.DataFrame:
    history = _org_history(ask, sel)
    return history[history.fiscal_year == sel.filters.fiscal_year]


def _org_items(ask: Ask, sel: Selection) -> pd.DataFrame:
    if sel.org is None:
        return ask(analytics.item_gaps, sel.filters, -1)
    return ask(analytics.item_gaps, sel.filters, sel.org)


def _org_measures(ask: Ask, sel: Selection) -> pd.DataFrame:
    return ask(about_data.org_measures, sel.org if sel.org is not None else -1, sel.as_of or dt.date.today())


def _org_sources(ask: Ask, sel: Selection) -> pd.DataFrame:
    year = None if sel.sources_all else sel.filters.fiscal_year
    return ask(about_data.org_sources, sel.org if sel.org is not None else -1, year)


def _empty(func: Callable[..., pd.DataFrame], ask: Ask) -> pd.DataFrame:
    return ask(func, -1, True)


def _summary_headers(sel: Selection) -> Mapping[str, str]:
    return {"label": labels.MEASURE_GROUPS[sel.m_by]}


def _summary_labels(frame: pd.DataFrame, sel: Selection | None) -> pd.Series:
    if sel is not None and sel.m_by == "indicator":
        return frame.label.map(labels.INDICATOR_LABELS).fillna(frame.label)
    return frame.label


def _measures_summary(ask: Ask, sel: Selection) -> pd.DataFrame:
    return ask(analytics.open_measures_summary, sel.measures_filters(), sel.as_of, by=sel.m_by)


def _measure_effect(ask: Ask, sel: Selection) -> pd.DataFrame:
    year = sel.m_effect_year if sel.m_effect_year is not None else sel.filters.fiscal_year
    return ask(analytics.measure_effectiveness, replace(sel.measures_filters(), fiscal_year=year))


def _source_keys(frame: pd.DataFrame, sel: Selection | None) -> pd.Series:
    named = frame.key.map(labels.INDICATOR_LABELS).where(frame.record.isin(("total", "indicator")), frame.key)
    return named.fillna(frame.key)


def _rank_headers(sel: Selection) -> Mapping[str, str]:
    """Each header of the ranking names what its column ranks: the chosen score, or the total."""
    return labels.rank_headers(labels.indicator_short_label(sel.filters.indicator), labels.RANK_WITHIN[sel.within])


def _fy(sel: Selection) -> str:
    return str(sel.filters.fiscal_year)


# Views that take a parameter their page does not carry in its link.
_EXTRA_PARAMS: dict[str, tuple[str, ...]] = {}


VIEWS: dict[str, View] = {
    v.name: v
    for v in (
        # --- ภาพรวม
        View(
            "overview",
            "overview",
            labels.OVERVIEW_TITLE,
            (
                "fiscal_year",
                "indicator",
                "org_count",
                "mean_score",
                "median_score",
                "pass_rate",
                "nation_org_count",
                "nation_mean_score",
                "nation_pass_rate",
            ),
            lambda ask, sel: ask(analytics.overview, sel.filters),
            lambda sel: f"ita-summary-{_fy(sel)}",
            INDICATORS,
            synthetic="selection",
            doc="the selection beside the nation: organisations, mean, median, pass rate",
        ),
        View(
            "indicators",
            "overview",
            labels.OVERVIEW_INDICATORS,
            ("indicator", "org_count", "mean_selection", "mean_nation", "difference"),
            lambda ask, sel: ask(analytics.indicator_means, sel.filters),
            lambda sel: f"ita-overview-{_fy(sel)}",
            INDICATORS,
            synthetic="selection",
            doc="the mean of the total, each tool and each indicator, selection and nation",
        ),
        View(
            "districts",
            "overview",
            labels.OVERVIEW_MAP_PROVINCE,
            ("district_code", "district", "org_count", "mean_score", "pass_rate"),
            lambda ask, sel: ask(analytics.district_map, sel.filters),
            lambda sel: f"ita-districts-{sel.filters.province_code or 'nation'}-{_fy(sel)}",
            synthetic="selection",
            doc="per district of the chosen province, the chosen score's mean and pass rate (the map's points)",
        ),
        View(
            "levels",
            "overview",
            labels.OVERVIEW_LEVELS,
            ("level_order", "level", "org_count", "share"),
            lambda ask, sel: ask(analytics.level_distribution, sel.filters),
            lambda sel: f"ita-levels-{_fy(sel)}",
            synthetic="selection",
            doc="how many of the selection hold each official level",
        ),
        View(
            "provinces",
            "overview",
            labels.OVERVIEW_MAP,
            ("province_code", "province", "org_count", "mean_score", "pass_rate"),
            lambda ask, sel: ask(analytics.province_map, replace(sel.filters, province_code=None, district_code=None)),
            lambda sel: f"ita-provinces-{_fy(sel)}",
            synthetic="selection",
            doc="per province, the chosen score's mean and pass rate (the map; place filters ignored)",
        ),
        # --- อันดับ
        View(
            "rankings",
            "rankings",
            labels.RANK_TABLE,
            (
                "rank",
                "group_size",
                "org_id",
                "org_name",
                "org_type",
                "province",
                "district",
                "score",
                "level",
                "level_reported",
                "rank_change",
                "rank_prev",
                "percentile",
                "province_rank_computed",
                "rank_reported",
                "rank_reported_of",
                "rank_reported_differs",
            ),
            lambda ask, sel: ask(analytics.rankings, sel.filters, sel.within),
            lambda sel: f"ita-rankings-{sel.within}-{_fy(sel)}",
            {"org_type": labels.ORG_TYPE_LABELS},
            headers=_rank_headers,
            doc="each organisation's rank by the chosen score within its nation, province, district or type",
        ),
        View(
            "rank-differs",
            "rankings",
            labels.RANK_DIFFERS_TABLE,
            (
                "org_id",
                "org_name",
                "province",
                "province_rank_computed",
                "rank_reported",
                "rank_reported_of",
                "score",
                "level",
            ),
            lambda ask, sel: (lambda r: r[r.rank_reported_differs])(ask(analytics.rankings, sel.filters, sel.within)),
            lambda sel: f"ita-rank-reported-{_fy(sel)}",
            doc="organisations whose printed provincial rank differs from the recomputed one",
        ),
        # --- การเปลี่ยนแปลง
        View(
            "change",
            "change",
            labels.CHANGE_MOVERS,
            (
                "direction",
                "position",
                "org_id",
                "org_name",
                "province",
                "district",
                "score_from",
                "score_to",
                "delta",
                "method_change",
            ),
            lambda ask, sel: ask(analytics.movers, _later(sel), n=MOVERS_EACH_WAY, from_year=sel.from_year),
            lambda sel: f"ita-movers-{sel.from_year}-{sel.to_year}",
            {"direction": labels.DIRECTIONS},
            doc=f"the {MOVERS_EACH_WAY} biggest gains and falls of the chosen score between two years",
        ),
        View(
            "trends",
            "change",
            labels.VIEW_TRENDS,
            (
                "org_id",
                "org_name",
                "province",
                "district",
                "years_count",
                "years_missing",
                "first_year",
                "last_year",
                "first_score",
                "last_score",
                "change",
                "slope",
                "improving_streak",
                "method_change",
            ),
            _trends,
            lambda sel: f"ita-trends-{sel.to_year}",
            doc="each organisation's score over the years up to 'to': change, slope, improving streak",
        ),
        # --- ช่องว่างตัวชี้วัด
        View(
            "gaps",
            "gaps",
            labels.GAP_FIX_FIRST,
            (
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
            ),
            lambda ask, sel: analytics.fix_first(ask(analytics.indicator_gaps, sel.filters), sel.priority),
            lambda sel: f"ita-fix-first-{_fy(sel)}",
            INDICATORS,
            doc="each organisation's indicators to fix first, by the points the total would gain",
        ),
        View(
            "weak-indicators",
            "gaps",
            labels.GAP_WEAK,
            ("province", "indicator", "org_count", "below_pass_count", "share_below_pass"),
            lambda ask, sel: ask(analytics.province_weak_shares, sel.filters),
            lambda sel: f"ita-weak-indicators-{_fy(sel)}",
            SHORT_INDICATORS,
            synthetic="selection",
            doc="per province and indicator, the share of organisations below the pass mark",
        ),
        View(
            "item-gaps",
            "gaps",
            labels.GAP_ITEMS_SELECTION,
            ("item", "title_th", "indicator", "org_count", "below_full_count", "share_below_full", "mean_score"),
            lambda ask, sel: ask(analytics.item_gap_summary, sel.filters),
            lambda sel: f"ita-item-gaps-{_fy(sel)}",
            SHORT_INDICATORS,
            synthetic="selection",
            doc="the items the selection misses most",
        ),
        View(
            "org-items",
            "organization",
            labels.GAP_ITEMS_ORG,
            ("item", "title_th", "indicator", "score", "gap_to_full"),
            _org_items,
            lambda sel: f"ita-org-{sel.org}-items-{_fy(sel)}",
            SHORT_INDICATORS,
            synthetic="org",
            doc="one organisation's items below full marks in fy",
        ),
        # --- มาตรการ
        View(
            "measures",
            "measures",
            labels.VIEW_OPEN_MEASURES,
            (
                "overdue",
                "days_overdue",
                "org_id",
                "org_name",
                "province",
                "district",
                "indicator",
                "score_before",
                "score_after",
                "score_change",
                "method_change",
                "item",
                "title",
                "responsible",
                "due_date",
                "status",
            ),
            _open_measures,
            lambda sel: "ita-open-measures",
            {**INDICATORS, "status": labels.STATUSES, "due_date": _be_dates("due_date")},
            doc="measures still planned or in progress as of a day, most overdue first",
        ),
        View(
            "measures-summary",
            "measures",
            labels.MEASURES_SUMMARY,
            ("label", "open_count", "overdue_count", "planned_count", "in_progress_count", "earliest_due_date"),
            _measures_summary,
            lambda sel: f"ita-open-measures-by-{sel.m_by}",
            {"label": _summary_labels, "earliest_due_date": _be_dates("earliest_due_date")},
            headers=_summary_headers,
            synthetic="selection",
            doc="open and overdue measures counted by responsible unit, organisation or indicator (m_by)",
        ),
        View(
            "coverage",
            "measures",
            labels.COVERAGE_TITLE,
            (
                "fiscal_year",
                "org_id",
                "org_name",
                "province_code",
                "province",
                "indicator",
                "score",
                "province_median",
                "below_pass",
                "below_province_median",
                "points_recoverable",
                "measure_count",
                "covered",
            ),
            _coverage,
            lambda sel: "ita-measure-coverage",
            INDICATORS,
            doc="weak indicators and the measures aimed at them (m_uncovered: only those without one)",
        ),
        View(
            "measure-effect",
            "measures",
            labels.EFFECT_TITLE,
            (
                "fiscal_year",
                "next_year",
                "indicator",
                "orgs_with_measure",
                "mean_change_with_measure",
                "orgs_compared",
                "mean_change_peers",
                "effect",
                "method_change",
                "method_notes",
            ),
            _measure_effect,
            lambda sel: "ita-measure-effectiveness",
            INDICATORS,
            synthetic="selection",
            doc="per indicator, the next year's change of organisations with a measure against their peers",
        ),
        # --- หน่วยงาน
        View(
            "organization",
            "organization",
            labels.VIEW_ORG_SCORES,
            ("indicator", "score", "province_median", "nation_median", "level", "level_reported"),
            _org_year,
            lambda sel: f"ita-org-{sel.org}-{_fy(sel)}",
            INDICATORS,
            synthetic="org",
            doc="one organisation's scores in fy beside its province's and the nation's medians",
        ),
        View(
            "org-history",
            "organization",
            labels.ORG_HISTORY,
            ("fiscal_year", "indicator", "score", "province_median", "nation_median", "level", "level_reported"),
            _org_history,
            lambda sel: f"ita-org-{sel.org}-history",
            INDICATORS,
            synthetic="org",
            doc="every score one organisation has, year by year",
        ),
        View(
            "org-measures",
            "organization",
            labels.ORG_MEASURES,
            (
                "fiscal_year",
                "indicator",
                "item",
                "title",
                "score_before",
                "score_after",
                "score_change",
                "method_change",
                "issue",
                "steps",
                "responsible",
                "due_date",
                "status",
                "overdue",
                "completed_on",
                "result",
                "file_name",
            ),
            _org_measures,
            lambda sel: f"ita-org-{sel.org}-measures",
            {
                **INDICATORS,
                "status": labels.STATUSES,
                "due_date": _be_dates("due_date"),
                "completed_on": _be_dates("completed_on"),
            },
            synthetic="org",
            doc="every measure of one organisation (overdue counted from today)",
        ),
        View(
            "org-sources",
            "organization",
            labels.ORG_SOURCES,
            # Where a number came from stands beside it: the line it was read from, then the document.
            (
                "fiscal_year",
                "record",
                "key",
                "value",
                "snippet",
                "location",
                "file_name",
                "source_id",
                "kind",
                "imported_at",
            ),
            _org_sources,
            lambda sel: f"ita-org-{sel.org}-sources",
            {
                "record": labels.RECORDS,
                "key": _source_keys,
                "kind": labels.SOURCE_KINDS,
                "imported_at": _be_dates("imported_at", with_time=True),
            },
            synthetic="org",
            doc="the source document, page and line behind each number of one organisation",
        ),
        # --- เกี่ยวกับข้อมูล
        View(
            "sources",
            "about",
            labels.ABOUT_SOURCES,
            (
                "source_id",
                "file_name",
                "kind",
                "imported_at",
                "imported_by",
                "note",
                "assessments",
                "indicator_scores",
                "measures",
                "withdrawn_at",
            ),
            lambda ask, sel: ask(about_data.sources),
            lambda sel: "ita-sources",
            {
                "kind": labels.SOURCE_KINDS,
                "imported_at": _be_dates("imported_at", with_time=True),
                "withdrawn_at": _be_dates("withdrawn_at", with_time=True),
            },
            synthetic="sources",
            doc="every import: file, kind, when, by whom, how many current values it gives",
        ),
        View(
            "quality-total",
            "about",
            labels.QUALITY_CHECKS["total"][1],
            (
                "fiscal_year",
                "org_id",
                "org_name",
                "org_type",
                "province",
                "district",
                "total_printed",
                "total_computed",
                "difference",
            ),
            lambda ask, sel: ask(analytics.total_check, sel.filters),
            lambda sel: "ita-quality-total",
            {"org_type": labels.ORG_TYPE_LABELS},
            doc="printed totals that differ from the recomputed ones",
        ),
        View(
            "quality-level",
            "about",
            labels.QUALITY_CHECKS["level"][1],
            (
                "fiscal_year",
                "org_id",
                "org_name",
                "org_type",
                "province",
                "district",
                "total_score",
                "level_reported",
                "level_computed",
                "reported_in_scheme",
            ),
            lambda ask, sel: ask(analytics.level_check, sel.filters),
            lambda sel: "ita-quality-level",
            {"org_type": labels.ORG_TYPE_LABELS},
            doc="printed levels that differ from the official level of the year",
        ),
        View(
            "quality-missing",
            "about",
            labels.QUALITY_CHECKS["missing"][0],
            ("org_id", "org_name", "org_type", "province", "district", "fiscal_year", "years_present"),
            lambda ask, sel: ask(analytics.missing_years, sel.filters),
            lambda sel: "ita-quality-missing",
            {"org_type": labels.ORG_TYPE_LABELS},
            doc="organisation-years the data lacks up to fy",
        ),
        View(
            "quality-duplicates",
            "about",
            labels.QUALITY_CHECKS["duplicates"][1],
            (
                "org_id_a",
                "org_name_a",
                "org_id_b",
                "org_name_b",
                "org_type",
                "province",
                "district_a",
                "district_b",
                "reason",
                "years_a",
                "years_b",
                "shared_years",
            ),
            lambda ask, sel: ask(analytics.duplicate_orgs, sel.filters),
            lambda sel: "ita-quality-duplicates",
            {
                "org_type": labels.ORG_TYPE_LABELS,
                "reason": labels.DUPLICATE_REASONS,
                "years_a": _joined("years_a"),
                "years_b": _joined("years_b"),
            },
            doc="pairs of organisations that are probably one spelled two ways",
        ),
        View(
            "quality-disagreements",
            "about",
            labels.QUALITY_CHECKS["disagreements"][1],
            (
                "org_id",
                "org_name",
                "province",
                "fiscal_year",
                "fact",
                "key",
                "current_value",
                "current_source",
                "other_sources",
            ),
            lambda ask, sel: ask(
                analytics.source_disagreements, sel.filters.province_code, sel.filters.include_synthetic
            ),
            lambda sel: "ita-quality-disagreements",
            {"fact": labels.FACT_LABELS},
            doc="facts two sources state differently, and the one chosen",
        ),
        View(
            "indicator-list",
            "about",
            labels.ABOUT_INDICATORS,
            ("indicator", "tool", "name_th"),  # Thai names, as on screen
            lambda ask, sel: about_data.indicator_table(),
            lambda sel: "ita-indicators",
            {"tool": labels.TOOLS},
            synthetic="none",
            doc="the ten indicators and their tools",
        ),
        View(
            "method",
            "about",
            labels.ABOUT_WEIGHTS,
            (
                "fiscal_year",
                "weight_iit",
                "weight_eit",
                "weight_oit",
                "weights_status",
                "level_scheme",
                "levels",
                "pass_mark",
                "items",
                "source",
            ),
            lambda ask, sel: about_data.method_by_year(),
            lambda sel: "ita-method-by-year",
            {"weights_status": labels.WEIGHTS_STATUS, "level_scheme": labels.LEVEL_SCHEMES},
            synthetic="none",
            doc="the weights, pass mark, levels and items of each fiscal year",
        ),
        View(
            "level-bands",
            "about",
            labels.ABOUT_LEVELS,
            ("fiscal_year", "level_scheme", "level_order", "level", "min_total", "min_each_tool", "status"),
            lambda ask, sel: about_data.level_bands_by_year(),
            lambda sel: "ita-levels-by-year",
            {"level_scheme": labels.LEVEL_SCHEMES, "status": labels.WEIGHTS_STATUS},
            synthetic="none",
            doc="every year's levels and their thresholds",
        ),
    )
}


def page_params(url_path: str) -> tuple[str, ...]:
    """The parameters a page's link carries beyond the sidebar's."""
    return PAGE_PARAMS.get(url_path, ())
