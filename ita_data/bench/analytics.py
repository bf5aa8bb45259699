"""``python -m ita_data bench``: every analytics function at national scale, beside the same work done in pandas.

The pandas side is what a typical Streamlit dashboard does: the tables are read once into DataFrames
held in memory (the same derived tables the SQL reads, so both sides start from the same place), and
each interaction filters, merges and groups them. Latency is wall time per call, result DataFrame
included. Peak memory is measured per side in one extra call: for pandas, the tracemalloc peak
(numpy and pandas report their buffers to it); for DuckDB, the ``peak_buffer_memory`` its profiler
reports for the query plus the tracemalloc peak of turning the result into a DataFrame.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from ita_data import analytics, framework, labels
from ita_data.analytics import Filters
from ita_data.analytics.common import INDICATOR_CHOICES, ORG_TYPE_CODES, method_break_years, scheme_levels
from ita_data.derived import open_store
from ita_data.store import OPEN_STATUSES

TARGET_P95_MS = 50.0
# The day the synthetic measures' statuses describe (synthetic.AS_OF); any day works for timing.
AS_OF = dt.date(2025, 10, 15)
YEAR = 2566
NATION = Filters(YEAR)
PROVINCE = Filters(YEAR, province_code="30")  # Nakhon Ratchasima, the province with most organisations
MEASURE_YEAR = 2567


# --- the pandas way --------------------------------------------------------------------------


class Frames:
    """The tables a pandas dashboard would cache, loaded once."""

    def __init__(self, cur: duckdb.DuckDBPyConnection):
        def load(table: str) -> pd.DataFrame:
            return cur.sql("SELECT * FROM " + table).to_arrow_table().to_pandas()

        self.org = load("org_dim")
        self.org_year = load("org_year")
        self.scores = load("org_scores")
        self.medians = load("peer_medians")
        self.measures = load("measures_current")
        self.duplicates = load("org_duplicates")
        self.items = load("item_scores")
        self.org_cols = ["org_id", "org_name", "org_type", "province_code", "province", "district_code", "district"]


def _select(frame: pd.DataFrame, f: Filters) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    if f.province_code:
        mask &= frame.province_code == f.province_code
    if f.district_code:
        mask &= frame.district_code == f.district_code
    if f.org_type:
        mask &= frame.org_type == f.org_type
    if not f.include_synthetic:
        mask &= ~frame.is_synthetic
    return frame[mask]


def _year(p: Frames, fy: int, indicator: str | None = None) -> pd.DataFrame:
    s = p.scores[p.scores.fiscal_year == fy]
    return s if indicator is None else s[s.indicator == indicator]


def pd_overview(p: Frames, f: Filters) -> pd.DataFrame:
    nation = _year(p, f.fiscal_year, f.indicator)
    sel = _select(nation, f)
    mark = framework.year_rules(f.fiscal_year).pass_mark
    return pd.DataFrame(
        [
            {
                "org_count": len(sel),
                "mean_score": sel.score.mean(),
                "median_score": sel.score.median(),
                "pass_rate": (sel.score >= mark).mean(),
                "nation_org_count": len(nation),
                "nation_mean_score": nation.score.mean(),
                "nation_pass_rate": (nation.score >= mark).mean(),
            }
        ]
    )


def pd_level_distribution(p: Frames, f: Filters) -> pd.DataFrame:
    sel = _select(p.org_year[p.org_year.fiscal_year == f.fiscal_year], f)
    levels = scheme_levels(f.fiscal_year)
    counts = sel.level_computed.value_counts().reindex(levels, fill_value=0)
    return pd.DataFrame({"level": levels, "org_count": counts.values, "share": counts.values / counts.sum()})


def pd_indicator_means(p: Frames, f: Filters) -> pd.DataFrame:
    year = _year(p, f.fiscal_year)
    out = pd.DataFrame(
        {
            "mean_selection": _select(year, f).groupby("indicator").score.mean(),
            "mean_nation": year.groupby("indicator").score.mean(),
        }
    )
    out["difference"] = out.mean_selection - out.mean_nation
    return out.reindex(list(INDICATOR_CHOICES)).reset_index()


def pd_province_map(p: Frames, f: Filters) -> pd.DataFrame:
    year = _select(_year(p, f.fiscal_year, f.indicator), Filters(f.fiscal_year, org_type=f.org_type))
    mark = framework.year_rules(f.fiscal_year).pass_mark
    out = (
        year.assign(passed=year.score >= mark)
        .groupby("province_code")
        .agg(org_count=("score", "size"), mean_score=("score", "mean"), pass_rate=("passed", "mean"))
    )
    return out.reset_index().merge(p.org[["province_code", "province"]].drop_duplicates("province_code"))


def pd_rankings(p: Frames, f: Filters, within: str = "province") -> pd.DataFrame:
    key = {"nation": None, "province": "province_code", "district": "district_code", "type": "org_type"}[within]

    def ranked(fy: int) -> pd.DataFrame:
        s = _year(p, fy, f.indicator).copy()
        groups = s.groupby(key) if key else s.groupby(lambda _: 0)
        s["rank"] = groups.score.rank(method="min", ascending=False)
        s["group_size"] = groups.score.transform("size")
        return s[["org_id", "score", "rank", "group_size"]]

    cur, prev = ranked(f.fiscal_year), ranked(f.fiscal_year - 1)
    out = cur.merge(
        prev.rename(columns={"score": "score_prev", "rank": "rank_prev"}).drop(columns="group_size"),
        on="org_id",
        how="left",
    )
    out["percentile"] = np.where(
        out.group_size == 1, 100.0, 100.0 * (out.group_size - out["rank"]) / (out.group_size - 1)
    )
    out["rank_change"] = out.rank_prev - out["rank"]
    total = _year(p, f.fiscal_year, "total").copy()
    total["province_rank_computed"] = total.groupby("province_code").score.rank(method="min", ascending=False)
    out = out.merge(total[["org_id", "province_rank_computed"]], on="org_id", how="left")
    year = p.org_year[p.org_year.fiscal_year == f.fiscal_year]
    out = out.merge(
        year[["org_id", "level_computed", "level_reported", "province_rank_reported", "province_rank_of"]], on="org_id"
    )
    out["rank_reported_differs"] = out.province_rank_reported.notna() & (
        out.province_rank_reported != out.province_rank_computed
    )
    out = out.merge(p.org[p.org_cols], on="org_id")
    return _select_dims(out, f).sort_values([key, "rank", "org_id"] if key else ["rank", "org_id"])


def _select_dims(frame: pd.DataFrame, f: Filters) -> pd.DataFrame:
    return _select(
        frame.assign(is_synthetic=False) if "is_synthetic" not in frame else frame,
        Filters(f.fiscal_year, f.province_code, f.district_code, f.org_type),
    )


def pd_yoy_change(p: Frames, f: Filters) -> pd.DataFrame:
    cur = _year(p, f.fiscal_year, f.indicator)[["org_id", "indicator", "score"]]
    prev = _year(p, f.fiscal_year - 1, f.indicator)[["org_id", "indicator", "score"]]
    out = cur.merge(prev, on=["org_id", "indicator"], how="outer", suffixes=("_to", "_from"))
    out["delta"] = out.score_to - out.score_from
    out = out.merge(p.org[p.org_cols], on="org_id")
    return _select_dims(out, f).sort_values("org_id")


def pd_movers(p: Frames, f: Filters, n: int = 10) -> pd.DataFrame:
    change = pd_yoy_change(p, f)
    gains = change[change.delta > 0].nlargest(n, "delta").assign(direction="gain")
    falls = change[change.delta < 0].nsmallest(n, "delta").assign(direction="fall")
    return pd.concat([gains, falls])


def pd_trends(p: Frames, f: Filters) -> pd.DataFrame:
    s = p.scores[(p.scores.indicator == f.indicator) & (p.scores.fiscal_year <= f.fiscal_year)]
    s = s[["org_id", "fiscal_year", "score"]].sort_values(["org_id", "fiscal_year"])
    g = s.groupby("org_id")
    prev_year, prev_score = g.fiscal_year.shift(), g.score.shift()
    s = s.assign(
        improved=(prev_year == s.fiscal_year - 1) & (s.score > prev_score),
        x=s.fiscal_year.astype(float),
        xy=s.fiscal_year * s.score,
        xx=s.fiscal_year.astype(float) ** 2,
    )
    g = s.groupby("org_id")
    out = g.agg(
        years_count=("score", "size"),
        first_year=("fiscal_year", "min"),
        last_year=("fiscal_year", "max"),
        first_score=("score", "first"),
        last_score=("score", "last"),
        sx=("x", "sum"),
        sy=("score", "sum"),
        sxy=("xy", "sum"),
        sxx=("xx", "sum"),
    )
    nn = out.years_count
    out["slope"] = (nn * out.sxy - out.sx * out.sy) / (nn * out.sxx - out.sx**2)
    last_break = s[~s.improved].groupby("org_id").fiscal_year.max()
    out["improving_streak"] = out.last_year - last_break
    out["years_missing"] = s.fiscal_year.nunique() - nn
    breaks = method_break_years()
    out["method_change"] = [any(a < y <= b for y in breaks) for a, b in zip(out.first_year, out.last_year)]
    out = out.reset_index().merge(p.org[p.org_cols], on="org_id")
    return _select_dims(out, f)


def _medians(p: Frames, scope: str, f: Filters) -> pd.DataFrame:
    m = p.medians[(p.medians.scope == scope) & (p.medians.fiscal_year == f.fiscal_year)]
    return m.assign(median=m.median_all if f.include_synthetic else m.median_real)[["indicator", "peer_key", "median"]]


def pd_indicator_gaps(p: Frames, f: Filters) -> pd.DataFrame:
    s = _select(_year(p, f.fiscal_year), f)
    s = s[s.indicator.isin(f.indicator_numbers())]
    mark = framework.year_rules(f.fiscal_year).pass_mark
    s = s.merge(
        _medians(p, "province", f).rename(columns={"peer_key": "province_code", "median": "province_median"}),
        on=["indicator", "province_code"],
        how="left",
    )
    s = s.merge(
        _medians(p, "type", f).rename(columns={"peer_key": "org_type", "median": "type_median"}),
        on=["indicator", "org_type"],
        how="left",
    )
    s["gap_to_100"] = 100 - s.score
    s["gap_to_pass"] = mark - s.score
    s["gap_to_province_median"] = s.province_median - s.score
    s["gap_to_type_median"] = s.type_median - s.score
    s = s.merge(p.org[["org_id", "org_name", "province"]], on="org_id")
    s["indicator_number"] = s.indicator.astype(int)
    return s.sort_values(["org_id", "priority", "indicator_number"])


def pd_province_weak_shares(p: Frames, f: Filters) -> pd.DataFrame:
    s = _select(_year(p, f.fiscal_year), f)
    s = s[s.indicator.isin(f.indicator_numbers())]
    mark = framework.year_rules(f.fiscal_year).pass_mark
    out = (
        s.assign(below=s.score < mark)
        .groupby(["province_code", "indicator"])
        .agg(org_count=("score", "size"), below_pass_count=("below", "sum"))
    )
    out["share_below_pass"] = out.below_pass_count / out.org_count
    return out.reset_index()


def _titles(fiscal_year: int) -> pd.DataFrame:
    items = framework.items(fiscal_year)
    return pd.DataFrame({"item": [i.code for i in items], "title_th": [i.title_th for i in items]})


def pd_item_gaps(p: Frames, f: Filters, org_id: int) -> pd.DataFrame:
    i = p.items[(p.items.org_id == org_id) & (p.items.fiscal_year == f.fiscal_year) & (p.items.score < 100)]
    i = i.assign(gap_to_full=100 - i.score).merge(_titles(f.fiscal_year), on="item", how="left")
    return i.sort_values("gap_to_full", ascending=False)


def pd_item_gap_summary(p: Frames, f: Filters) -> pd.DataFrame:
    orgs = _select(p.org, f).org_id
    i = p.items[(p.items.fiscal_year == f.fiscal_year) & p.items.org_id.isin(orgs)]
    out = (
        i.assign(below=i.score < 100)
        .groupby("item")
        .agg(org_count=("score", "size"), below_full_count=("below", "sum"), mean_score=("score", "mean"))
    )
    out["share_below_full"] = out.below_full_count / out.org_count
    out = out.reset_index().merge(_titles(f.fiscal_year), on="item", how="left")
    return out.sort_values("share_below_full", ascending=False)


def _open(p: Frames, f: Filters, as_of: dt.date) -> pd.DataFrame:
    m = _select(p.measures[(p.measures.fiscal_year == f.fiscal_year) & p.measures.status.isin(OPEN_STATUSES)], f)
    due = pd.to_datetime(m.due_date)
    return m.assign(overdue=due < pd.Timestamp(as_of), days_overdue=(pd.Timestamp(as_of) - due).dt.days)


def pd_open_measures(p: Frames, f: Filters, as_of: dt.date) -> pd.DataFrame:
    m = _open(p, f, as_of).merge(p.org[["org_id", "org_name", "province", "district"]], on="org_id")
    return m.sort_values("days_overdue", ascending=False)


def pd_open_measures_summary(p: Frames, f: Filters, as_of: dt.date) -> pd.DataFrame:
    m = _open(p, f, as_of)
    return (
        m.groupby("responsible")
        .agg(open_count=("measure_id", "size"), overdue_count=("overdue", "sum"), earliest_due_date=("due_date", "min"))
        .reset_index()
    )


def pd_measure_coverage(p: Frames, f: Filters) -> pd.DataFrame:
    s = _select(_year(p, f.fiscal_year), f)
    s = s[s.indicator.isin(f.indicator_numbers())]
    mark = framework.year_rules(f.fiscal_year).pass_mark
    s = s.merge(
        _medians(p, "province", f).rename(columns={"peer_key": "province_code", "median": "province_median"}),
        on=["indicator", "province_code"],
        how="left",
    )
    weak = s[(s.score < mark) | (s.score < s.province_median)]
    aimed = p.measures[p.measures.fiscal_year == f.fiscal_year].groupby(["org_id", "indicator"]).size()
    weak = weak.merge(aimed.rename("measure_count").reset_index(), on=["org_id", "indicator"], how="left")
    weak["covered"] = weak.measure_count.notna()
    weak = weak.merge(p.org[["org_id", "org_name", "province"]], on="org_id")
    return weak.sort_values(["covered", "points_recoverable"], ascending=[True, False])


def pd_measure_effectiveness(p: Frames, f: Filters) -> pd.DataFrame:
    a = _year(p, f.fiscal_year)
    a = a[a.indicator.isin(f.indicator_numbers())]
    b = _year(p, f.fiscal_year + 1)[["org_id", "indicator", "score"]]
    moved = a.merge(b, on=["org_id", "indicator"], suffixes=("", "_next"))
    moved["change"] = moved.score_next - moved.score
    aimed = p.measures[p.measures.fiscal_year == f.fiscal_year][["org_id", "indicator"]].drop_duplicates()
    moved = moved.merge(aimed.assign(has_measure=True), on=["org_id", "indicator"], how="left")
    moved["has_measure"] = moved.has_measure.fillna(False).astype(bool)
    peers = moved[~moved.has_measure].groupby(["province_code", "indicator"]).change.mean().rename("peer")
    treated = _select(moved[moved.has_measure], f).merge(
        peers.reset_index(), on=["province_code", "indicator"], how="left"
    )
    treated["diff"] = treated.change - treated.peer
    return treated.groupby("indicator").agg(
        orgs_with_measure=("change", "size"),
        mean_change_with_measure=("change", "mean"),
        mean_change_peers=("peer", "mean"),
        effect=("diff", "mean"),
    )


def pd_total_check(p: Frames, f: Filters) -> pd.DataFrame:
    y = _select(p.org_year[p.org_year.fiscal_year == f.fiscal_year], f)
    y = y[(y.total_printed - y.total_computed).abs() > 0.01 + 1e-9]
    return y.merge(p.org[["org_id", "org_name"]], on="org_id")


def pd_level_check(p: Frames, f: Filters) -> pd.DataFrame:
    y = _select(p.org_year[p.org_year.fiscal_year == f.fiscal_year], f)
    y = y[y.level_reported.notna() & (y.level_reported != y.level_computed)]
    y = y.assign(reported_in_scheme=y.level_reported.isin(scheme_levels(f.fiscal_year)))
    return y.merge(p.org[["org_id", "org_name"]], on="org_id")


def pd_missing_years(p: Frames, f: Filters) -> pd.DataFrame:
    years = p.org_year.fiscal_year.unique()
    years = years[years <= f.fiscal_year]
    orgs = _select(p.org, f)
    grid = orgs[["org_id"]].merge(pd.DataFrame({"fiscal_year": years}), how="cross")
    have = p.org_year[["org_id", "fiscal_year"]].assign(present=True)
    grid = grid.merge(have, on=["org_id", "fiscal_year"], how="left")
    return grid[grid.present.isna()].merge(orgs, on="org_id")


def pd_duplicate_orgs(p: Frames, f: Filters) -> pd.DataFrame:
    years = p.org_year.groupby("org_id").fiscal_year.apply(list)
    out = p.duplicates.merge(p.org.add_suffix("_a"), on="org_id_a").merge(p.org.add_suffix("_b"), on="org_id_b")
    out["years_a"] = out.org_id_a.map(years)
    out["years_b"] = out.org_id_b.map(years)
    return out


def pd_filter_options(p: Frames, province_code: str | None) -> pd.DataFrame:
    years = p.org_year.groupby("fiscal_year").size().rename("org_count").reset_index()
    provinces = p.org.groupby(["province_code", "province"]).size().rename("org_count").reset_index()
    in_province = p.org[p.org.province_code == province_code]
    districts = in_province.groupby(["district_code", "district"]).size().rename("org_count").reset_index()
    types = p.org.groupby("org_type").size().rename("org_count").reindex(ORG_TYPE_CODES).dropna().reset_index()
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "kind": "year",
                    "code": years.fiscal_year.astype(str),
                    "label": years.fiscal_year.astype(str),
                    "org_count": years.org_count,
                }
            ),
            pd.DataFrame(
                {
                    "kind": "province",
                    "code": provinces.province_code,
                    "label": provinces.province,
                    "org_count": provinces.org_count,
                }
            ).sort_values("label"),
            pd.DataFrame(
                {
                    "kind": "district",
                    "code": districts.district_code,
                    "label": districts.district,
                    "org_count": districts.org_count,
                }
            ).sort_values("label"),
            pd.DataFrame(
                {
                    "kind": "org_type",
                    "code": types.org_type,
                    "label": types.org_type.map(labels.ORG_TYPE_LABELS),
                    "org_count": types.org_count,
                }
            ),
        ],
        ignore_index=True,
    )


def pd_search_orgs(p: Frames, text: str, include_synthetic: bool = True) -> pd.DataFrame:
    o = p.org[p.org.org_name.str.contains(text, regex=False) | p.org.name.str.contains(text, regex=False)]
    if not include_synthetic:
        o = o[~o.is_synthetic]
    return o.sort_values("name_order").head(50)[[*p.org_cols, "is_synthetic"]]


def pd_org_history(p: Frames, org_id: int) -> pd.DataFrame:
    s = p.scores[p.scores.org_id == org_id]
    prov = p.medians[p.medians.scope == "province"][["fiscal_year", "indicator", "peer_key", "median_all"]]
    nation = p.medians[p.medians.scope == "nation"][["fiscal_year", "indicator", "median_all"]]
    s = s.merge(
        prov.rename(columns={"peer_key": "province_code", "median_all": "province_median"}),
        on=["fiscal_year", "indicator", "province_code"],
        how="left",
    )
    s = s.merge(nation.rename(columns={"median_all": "nation_median"}), on=["fiscal_year", "indicator"], how="left")
    return s.merge(
        p.org_year[["org_id", "fiscal_year", "level_computed", "level_reported"]], on=["org_id", "fiscal_year"]
    )


# --- the cases -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    duck: Callable[[duckdb.DuckDBPyConnection], pd.DataFrame]
    pandas: Callable[[Frames], pd.DataFrame]


def cases(org_id: int) -> list[Case]:
    """One call per public function, on the whole nation unless the function is about one thing."""
    m = Filters(MEASURE_YEAR)
    return [
        Case("filter_options", lambda c: analytics.filter_options(c, "30"), lambda p: pd_filter_options(p, "30")),
        Case("search_orgs", lambda c: analytics.search_orgs(c, "หนอง"), lambda p: pd_search_orgs(p, "หนอง")),
        Case("org_history", lambda c: analytics.org_history(c, org_id), lambda p: pd_org_history(p, org_id)),
        Case("overview", lambda c: analytics.overview(c, PROVINCE), lambda p: pd_overview(p, PROVINCE)),
        Case(
            "level_distribution",
            lambda c: analytics.level_distribution(c, NATION),
            lambda p: pd_level_distribution(p, NATION),
        ),
        Case(
            "indicator_means",
            lambda c: analytics.indicator_means(c, PROVINCE),
            lambda p: pd_indicator_means(p, PROVINCE),
        ),
        Case("province_map", lambda c: analytics.province_map(c, NATION), lambda p: pd_province_map(p, NATION)),
        Case(
            "rankings (nation, by province)",
            lambda c: analytics.rankings(c, NATION, "province"),
            lambda p: pd_rankings(p, NATION, "province"),
        ),
        Case(
            "rankings (one province, national rank)",
            lambda c: analytics.rankings(c, PROVINCE, "nation"),
            lambda p: pd_rankings(p, PROVINCE, "nation"),
        ),
        Case("yoy_change", lambda c: analytics.yoy_change(c, NATION), lambda p: pd_yoy_change(p, NATION)),
        Case("movers", lambda c: analytics.movers(c, NATION), lambda p: pd_movers(p, NATION)),
        Case("trends", lambda c: analytics.trends(c, NATION), lambda p: pd_trends(p, NATION)),
        Case("indicator_gaps", lambda c: analytics.indicator_gaps(c, NATION), lambda p: pd_indicator_gaps(p, NATION)),
        Case(
            "province_weak_shares",
            lambda c: analytics.province_weak_shares(c, NATION),
            lambda p: pd_province_weak_shares(p, NATION),
        ),
        Case("item_gaps", lambda c: analytics.item_gaps(c, NATION, org_id), lambda p: pd_item_gaps(p, NATION, org_id)),
        Case(
            "item_gap_summary",
            lambda c: analytics.item_gap_summary(c, NATION),
            lambda p: pd_item_gap_summary(p, NATION),
        ),
        Case("open_measures", lambda c: analytics.open_measures(c, m, AS_OF), lambda p: pd_open_measures(p, m, AS_OF)),
        Case(
            "open_measures_summary",
            lambda c: analytics.open_measures_summary(c, m, AS_OF, "responsible"),
            lambda p: pd_open_measures_summary(p, m, AS_OF),
        ),
        Case(
            "measure_coverage",
            lambda c: analytics.measure_coverage(c, NATION),
            lambda p: pd_measure_coverage(p, NATION),
        ),
        Case(
            "measure_effectiveness",
            lambda c: analytics.measure_effectiveness(c, NATION),
            lambda p: pd_measure_effectiveness(p, NATION),
        ),
        Case("total_check", lambda c: analytics.total_check(c, NATION), lambda p: pd_total_check(p, NATION)),
        Case("level_check", lambda c: analytics.level_check(c, NATION), lambda p: pd_level_check(p, NATION)),
        Case("missing_years", lambda c: analytics.missing_years(c, NATION), lambda p: pd_missing_years(p, NATION)),
        Case("duplicate_orgs", lambda c: analytics.duplicate_orgs(c, NATION), lambda p: pd_duplicate_orgs(p, NATION)),
    ]


# --- measuring -------------------------------------------------------------------------------


def _latencies(call: Callable[[], Any], runs: int) -> list[float]:
    call()  # warm caches and plans once
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def _python_peak(call: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _duckdb_peak(cur: duckdb.DuckDBPyConnection, call: Callable[[], Any], profile: Path) -> int:
    """DuckDB's own peak buffer memory for the call's last query, as its profiler reports it."""
    cur.execute("PRAGMA enable_profiling='json'")
    cur.execute("SET profiling_output = ?", [str(profile)])
    cur.execute("SET tracked_metrics = ['*peak_buffer_memory*']")
    try:
        call()
    finally:
        cur.execute("PRAGMA disable_profiling")
    return int(json.loads(profile.read_text())["system"]["peak_buffer_memory"])


def run_bench(db_path: Path, runs: int = 30, say: Callable[[str], None] = lambda _m: None) -> list[dict]:
    with open_store(db_path, read_only=True) as db:
        cur = db.cursor()
        profile_cur = db.cursor()
        say("loading the tables into pandas")
        frames = Frames(cur)
        org_id = int(frames.org_year[frames.org_year.fiscal_year == YEAR].org_id.iloc[len(frames.org) // 2])
        results = []
        with tempfile.TemporaryDirectory() as tmp:
            profile = Path(tmp) / "profile.json"
            for case in cases(org_id):
                say(f"timing {case.name}")
                duck = _latencies(partial(case.duck, cur), runs)
                pand = _latencies(partial(case.pandas, frames), runs)
                duck_mem = _duckdb_peak(profile_cur, partial(case.duck, profile_cur), profile) + _python_peak(
                    partial(case.duck, cur)
                )
                pandas_mem = _python_peak(partial(case.pandas, frames))
                rows = len(case.duck(cur))
                results.append(
                    {
                        "name": case.name,
                        "rows": rows,
                        "p50_ms": round(statistics.median(duck), 2),
                        "p95_ms": round(_percentile(duck, 95), 2),
                        "pandas_p50_ms": round(statistics.median(pand), 2),
                        "pandas_p95_ms": round(_percentile(pand, 95), 2),
                        "speedup_p50": round(statistics.median(pand) / statistics.median(duck), 1),
                        "peak_mb": round(duck_mem / 1e6, 1),
                        "pandas_peak_mb": round(pandas_mem / 1e6, 1),
                    }
                )
    return results


MEMORY_NOTE = (
    "peak_mb = DuckDB profiler peak_buffer_memory of the query + tracemalloc peak of building the "
    "DataFrame; pandas_peak_mb = tracemalloc peak of the pandas computation (the cached frames excluded)"
)


def _print_table(results: list[dict], counts: dict[str, Any]) -> None:
    print(f"ITA analytics at national scale: {counts}")
    print(
        f"{'function':42s} {'rows':>7s} {'p50 ms':>7s} {'p95 ms':>7s} {'pandas p50':>10s} "
        f"{'ratio':>6s} {'peak MB':>8s} {'pandas MB':>9s}"
    )
    for r in results:
        flag = "" if r["p95_ms"] <= TARGET_P95_MS and r["speedup_p50"] > 1 else "  <-- misses the target"
        print(
            f"{r['name']:42s} {r['rows']:7d} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} {r['pandas_p50_ms']:10.1f} "
            f"{r['speedup_p50']:5.1f}x {r['peak_mb']:8.1f} {r['pandas_peak_mb']:9.1f}{flag}"
        )
    print(f"target: every function p95 <= {TARGET_P95_MS:.0f} ms and faster than pandas. {MEMORY_NOTE}.")


def _run(args: argparse.Namespace) -> int:
    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db_path = Path(args.db)
        else:
            from ita_data.build import build_database

            db_path = Path(tmp) / "bench.duckdb"
            say(f"building the national synthetic data into {db_path}")
            build_database(db_path, reports_dir=None, synthetic_data=True, progress=say)
        with open_store(db_path, read_only=True) as db:
            counts = {
                t: int(db.query("SELECT count(*) AS n FROM " + t).n[0])
                for t in ("organizations", "assessments", "indicator_scores", "item_scores", "measures")
            }
        results = run_bench(db_path, runs=args.runs, say=say)
    if args.json:
        print(
            json.dumps(
                {"counts": counts, "memory": MEMORY_NOTE, "target_p95_ms": TARGET_P95_MS, "results": results},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        _print_table(results, counts)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("bench", help="time the analytics at national scale against pandas")
    p.add_argument("--db", help="an existing database (default: build the synthetic national data in a temp file)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--runs", type=int, default=30, help="timed calls per function and side (default 30)")
    p.set_defaults(func=_run)
