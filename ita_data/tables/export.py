"""The database out again: ``results.csv`` in the layout the importer reads, and every table as Parquet."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd

from ita_data import framework, orgs, safe_text, store

RESULTS_FILE = "results.csv"
# results.csv headers, in order: the importer maps each of them back (see columns.SYNONYMS).
RESULT_HEADERS = {
    "org_type": "ประเภท",
    "name": "ชื่อหน่วยงาน",
    "district": "อำเภอ",
    "province": "จังหวัด",
    "fiscal_year": "ปีงบประมาณ",
    "total_score": "คะแนนรวม",
    "level_reported": "ระดับ",
    "level_computed": "ระดับตามเกณฑ์",
    "IIT": "IIT",
    "EIT": "EIT",
    "OIT": "OIT",
    **{f"indicator_{i.number}": f"ตัวชี้วัดที่ {i.number}" for i in framework.indicators()},
    "province_rank_reported": "ลำดับในจังหวัด",
    "province_rank_of": "จำนวนหน่วยงานในจังหวัด",
}


def results_frame(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per organisation and year with Thai headers; item scores follow as one column per code."""
    base = cur.execute(
        "SELECT a.org_id, o.org_type, o.name, o.district, o.province, a.fiscal_year, a.total_score, "
        "a.level_reported, y.level_computed, a.province_rank_reported, a.province_rank_of "
        "FROM assessments a JOIN organizations o USING (org_id) "
        "LEFT JOIN org_year y USING (org_id, fiscal_year) "
        "ORDER BY o.province_code, o.district_code, o.org_type, o.name, a.fiscal_year"
    ).df()
    indicators = cur.execute("SELECT org_id, fiscal_year, indicator, score FROM indicator_scores").df()
    items = cur.execute("SELECT org_id, fiscal_year, item, score FROM item_scores").df()
    frame = base
    if len(indicators):
        wide = indicators.pivot(index=["org_id", "fiscal_year"], columns="indicator", values="score")
        wide.columns = [f"indicator_{int(c)}" for c in wide.columns]
        frame = base.merge(wide.reset_index(), on=["org_id", "fiscal_year"], how="left")
    for column in RESULT_HEADERS:
        if column not in frame.columns and column not in framework.TOOLS:
            frame[column] = float("nan")
    for tool in framework.TOOLS:
        # Derived, written so a reader sees it and the importer can check it; blank if an indicator is.
        means = frame[[f"indicator_{n}" for n in framework.indicators_of_tool(tool)]].mean(axis=1, skipna=False)
        frame[tool] = [float("nan") if pd.isna(m) else framework.round2(m) for m in means]
    frame["org_type"] = [orgs.org_type(code).short_th for code in frame["org_type"]]
    out = frame[list(RESULT_HEADERS)].rename(columns=RESULT_HEADERS)
    if len(items):
        codes = sorted(set(items["item"]), key=lambda c: ("ieo".index(c[0]), int(c[1:])))
        item_wide = items.pivot(index=["org_id", "fiscal_year"], columns="item", values="score")
        item_wide = item_wide.reindex(columns=codes).reset_index()
        out = pd.concat(
            [
                out,
                frame[["org_id", "fiscal_year"]].merge(item_wide, how="left").drop(columns=["org_id", "fiscal_year"]),
            ],
            axis=1,
        )
    return out.astype({"ลำดับในจังหวัด": "Int64", "จำนวนหน่วยงานในจังหวัด": "Int64"})


def export_all(db: store.Store, out_dir: str | os.PathLike[str]) -> dict[str, Path]:
    """Write results.csv and one Parquet file per table from one snapshot; returns what was written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    cur = db.cursor()
    try:
        # One read transaction: a concurrent import shows in every file or in none.
        cur.execute("BEGIN TRANSACTION")
        # UTF-8 with a BOM so that Excel on a Thai system opens it with the right letters.
        path = out / RESULTS_FILE
        # Text cells that a spreadsheet would run as a formula are written as text (safe_text).
        safe_text.spreadsheet_frame(results_frame(cur)).to_csv(path, index=False, encoding="utf-8-sig")
        written["results"] = path
        tables = [
            r[0]
            for r in cur.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
        ]
        for table in tables:
            path = out / f"{table}.parquet"
            cur.table(table).write_parquet(str(path))
            written[table] = path
        cur.execute("COMMIT")
    finally:
        cur.close()
    return written
