"""What the brief says, gathered from the analytics calls the pages make: frames and numbers, no arithmetic."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from ita_data import analytics, framework, labels, thai
from ita_data.analytics import about
from ita_data.analytics.common import method_notes

MOVERS_EACH_WAY = 5
TOP_AND_BOTTOM = 5
WEAK_ITEMS = 10
OVERDUE_LISTED = 60


class BriefError(ValueError):
    """A brief that cannot be written for this selection, said in Thai for the person who asked."""


@dataclass(frozen=True)
class Brief:
    """Everything the template shows. Frames are as the analytics return them, cut and ordered only."""

    filters: analytics.Filters
    as_of: dt.date
    place: str  # "จังหวัดสระบุรี · อำเภอหนองแค · เทศบาลตำบล"
    whole: str  # what the selection is compared with: ทั้งประเทศ, or the provinces the data covers
    whole_column: str  # the same in one word, for a table's column
    measure: str  # the score ranked: คะแนนรวม, a tool or an indicator
    pass_mark: float
    previous_year: int | None  # the year compared with, when the data has it
    method_notes: str | None  # changes of method between the previous year and this one
    status: dict[str, Any]  # about.data_status
    synthetic: bool  # synthetic data is in what the brief shows
    data_date: str  # the date of the data, Thai
    summary: pd.Series  # overview of the selection (with the nation's columns)
    nation: pd.Series  # overview of the nation
    previous: pd.Series | None  # overview of the selection the year before
    levels: pd.DataFrame  # level_distribution of the selection, with nation_count, nation_share
    indicator_means: pd.DataFrame  # indicator_means, the ten indicators
    ranking: pd.DataFrame  # rankings within the province, best first, with the yoy delta
    top: pd.DataFrame  # the first TOP_AND_BOTTOM of the ranking
    bottom: pd.DataFrame  # the last TOP_AND_BOTTOM (none when the ranking is that short)
    movers: pd.DataFrame  # movers, gains then falls
    weak_indicators: pd.DataFrame  # province_weak_shares, most below the pass mark first
    weak_items: pd.DataFrame  # item_gap_summary, the most missed
    below_pass: pd.DataFrame  # organisations below the pass mark, with the indicator to fix first
    measures_by_unit: pd.DataFrame  # open_measures_summary by responsible unit
    open_count: int
    overdue_count: int
    overdue: pd.DataFrame  # open_measures that are overdue, most overdue first
    uncovered: pd.DataFrame  # per organisation, its indicators below the pass mark without a measure
    uncovered_weak_count: int  # weak indicators (below the pass mark or the province median) without one


def data_years(cur, include_synthetic: bool = True) -> list[int]:
    options = analytics.filter_options(cur, None, include_synthetic)
    return sorted(int(code) for code in options.code[options.kind == "year"])


def place_label(cur, filters: analytics.Filters, whole: str = labels.WHOLE_NATION) -> str:
    """The selection in words: province, district and type, Thai (``whole`` for no province)."""
    options = analytics.filter_options(cur, filters.province_code, filters.include_synthetic)
    names = dict(zip(options.kind + ":" + options.code, options.label))
    parts = []
    if filters.province_code:
        parts.append("จังหวัด" + names.get(f"province:{filters.province_code}", filters.province_code))
    else:
        parts.append(whole)
    if filters.district_code:
        parts.append("อำเภอ" + names.get(f"district:{filters.district_code}", filters.district_code))
    if filters.org_type:
        parts.append(labels.org_type_label(filters.org_type))
    return " · ".join(parts)


def _data_date(status: dict[str, Any]) -> str:
    """The newest of the synthetic data's date and the last real import, as a Thai date."""
    dates = []
    synthetic_as_of = status["meta"].get("synthetic_as_of")
    if status["synthetic_orgs"] and synthetic_as_of:
        dates.append(dt.date.fromisoformat(synthetic_as_of))
    if status["last_import"] is not None:
        dates.append(pd.Timestamp(status["last_import"]).date())
    return thai.format_be_date(max(dates)) if dates else "ไม่ทราบ"


def _fix_first(gaps: pd.DataFrame) -> pd.DataFrame:
    """Each organisation's indicator of highest priority among those shown (priority 1 = fix first)."""
    first = gaps.sort_values(["org_id", "priority", "indicator"]).drop_duplicates("org_id")
    return first[["org_id", "indicator", "score", "points_recoverable"]].rename(
        columns={"indicator": "fix_indicator", "score": "fix_score"}
    )


def gather(cur, filters: analytics.Filters, as_of: dt.date | None = None) -> Brief:
    """The brief's content for a selection; BriefError (Thai) when there is nothing to write about."""
    as_of = as_of or dt.date.today()
    years = data_years(cur, filters.include_synthetic)
    fy = filters.fiscal_year
    if fy not in years:
        held = f"{years[0]}–{years[-1]}" if years else "ไม่มีเลย"
        raise BriefError(
            f"ไม่มีผลการประเมินปีงบประมาณ {fy} ในฐานข้อมูล (ปีที่มีข้อมูล: {held}) — no results for FY{fy} in the database"
        )
    status = about.data_status(cur)
    whole = labels.whole_data(status, filters.include_synthetic)
    place = place_label(cur, filters, whole)
    summary = analytics.overview(cur, filters).iloc[0]
    if not summary.org_count:
        raise BriefError(
            f"ไม่มีหน่วยงานที่มีผลการประเมินใน{place} ปีงบประมาณ {fy}: ลองเลือกอำเภอ ประเภท หรือปีอื่น — the selection is empty"
        )
    nation_filters = replace(filters, province_code=None, district_code=None, org_type=None)
    previous_year = fy - 1 if fy - 1 in years else None
    previous = None
    if previous_year is not None:
        before = analytics.overview(cur, replace(filters, fiscal_year=previous_year)).iloc[0]
        previous = before if before.org_count else None

    levels = analytics.level_distribution(cur, filters)
    nation_levels = analytics.level_distribution(cur, nation_filters)
    levels = levels.assign(nation_count=nation_levels.org_count.to_numpy(), nation_share=nation_levels.share.to_numpy())

    means = analytics.indicator_means(cur, filters)
    means = means[analytics.is_indicator(means.indicator)].reset_index(drop=True)

    ranking = analytics.rankings(cur, filters, "province")
    change = analytics.yoy_change(cur, filters)[["org_id", "delta"]]
    ranking = ranking.merge(change, on="org_id", how="left").sort_values(
        ["rank", "org_name", "org_id"], ignore_index=True
    )

    movers = analytics.movers(cur, filters, n=MOVERS_EACH_WAY) if previous_year else pd.DataFrame()

    weak = analytics.province_weak_shares(cur, filters).merge(
        means[["indicator", "mean_selection", "mean_nation"]], on="indicator", how="left"
    )
    weak = weak.sort_values(["share_below_pass", "mean_selection"], ascending=[False, True], ignore_index=True)
    items = analytics.item_gap_summary(cur, filters).head(WEAK_ITEMS)

    pass_mark = framework.year_rules(fy).pass_mark
    below = ranking[ranking.score < pass_mark]
    below = below.merge(_fix_first(analytics.indicator_gaps(cur, filters)), on="org_id", how="left")
    below = below.sort_values(["score", "org_id"], ignore_index=True)

    open_all = analytics.open_measures(cur, filters, as_of)
    overdue = open_all[open_all.overdue.astype(bool)]
    coverage = analytics.measure_coverage(cur, filters)
    uncovered_all = coverage[~coverage.covered.astype(bool)]
    # The list names indicators below the pass mark; those only below the province median are counted.
    uncovered = uncovered_all[uncovered_all.below_pass.astype(bool)]
    uncovered = (
        uncovered.assign(number=uncovered.indicator.astype(int))
        .sort_values(["org_name", "org_id", "number"])
        .groupby(["org_id", "org_name"], sort=False)
        .agg(indicators=("indicator", list), points_recoverable=("points_recoverable", list))
        .reset_index()
    )

    return Brief(
        filters=filters,
        as_of=as_of,
        place=place,
        whole=whole,
        whole_column=labels.whole_data(status, filters.include_synthetic, short=True),
        measure=labels.indicator_label(filters.indicator),
        pass_mark=pass_mark,
        previous_year=previous_year,
        method_notes=method_notes(previous_year, fy) if previous_year else None,
        status=status,
        synthetic=bool(filters.include_synthetic and status["synthetic_orgs"]),
        data_date=_data_date(status),
        summary=summary,
        nation=analytics.overview(cur, nation_filters).iloc[0],
        previous=previous,
        levels=levels,
        indicator_means=means,
        ranking=ranking,
        movers=movers,
        top=ranking.head(TOP_AND_BOTTOM),
        bottom=ranking.iloc[TOP_AND_BOTTOM:].tail(TOP_AND_BOTTOM),
        weak_indicators=weak,
        weak_items=items,
        below_pass=below,
        measures_by_unit=analytics.open_measures_summary(cur, filters, as_of, by="responsible"),
        open_count=len(open_all),
        overdue_count=len(overdue),
        overdue=overdue.head(OVERDUE_LISTED),
        uncovered=uncovered,
        uncovered_weak_count=len(uncovered_all),
    )
