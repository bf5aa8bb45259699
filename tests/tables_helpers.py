"""Result-table files built in the tests: fictional organisations, real provinces and districts."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ita_data.store import Store

INDICATOR_HEADERS = [f"ตัวชี้วัดที่ {i}" for i in range(1, 11)]
HEADERS = ["ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "ปีงบประมาณ", "คะแนนรวม", "ระดับ", *INDICATOR_HEADERS]

# Indicator scores whose totals are worked out by hand (weights 0.3 IIT 1-5, 0.3 EIT 6-8, 0.4 OIT 9-10).
ALL_90 = (90,) * 10  # total 90.00; every tool 90 -> FY2566 ผ่านดี
ALL_100 = (100,) * 10  # total 100.00; every tool 100 -> ผ่านดีเยี่ยม
MIXED = (80, 80, 80, 80, 80, 90, 90, 90, 70, 70)  # 24 + 27 + 28 = 79.00 -> ต้องปรับปรุง


def row(
    name: str,
    province: str = "สระบุรี",
    district: str = "เมืองสระบุรี",
    year: Any = 2566,
    total: Any = None,
    level: str = "",
    scores: Sequence[Any] = ALL_90,
) -> list[Any]:
    return [name, district, province, year, "" if total is None else total, level, *scores]


def csv_bytes(rows: list[list[Any]], headers: Sequence[str] = HEADERS, encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def counts(store: Store) -> dict[str, int]:
    return {
        table: int(store.query("SELECT count(*) AS n FROM " + table)["n"][0])
        for table in ("organizations", "assessments", "indicator_scores", "item_scores", "sources")
    }


def stored_scores(store: Store) -> dict[tuple[str, int], dict[str, Any]]:
    """What the store says of each organisation-year, keyed by (org_key, fiscal_year)."""
    out = {}
    frame = store.query(
        "SELECT o.org_key, o.district, a.fiscal_year, a.total_score, a.level_reported, y.level_computed, "
        "a.province_rank_reported, a.province_rank_of FROM assessments a JOIN organizations o USING (org_id) "
        "JOIN org_year y USING (org_id, fiscal_year)"
    )
    for rec in frame.to_dict("records"):
        rec = {k: None if pd.isna(v) else v for k, v in rec.items()}  # NaN != NaN would spoil ==
        out[(rec.pop("org_key"), int(rec.pop("fiscal_year")))] = rec
    for key, year, indicator, score in store.query(
        "SELECT o.org_key, s.fiscal_year, s.indicator, s.score FROM indicator_scores s "
        "JOIN organizations o USING (org_id)"
    ).itertuples(index=False):
        out[(key, int(year))][f"indicator_{indicator}"] = score
    for key, year, item, indicator, score in store.query(
        "SELECT o.org_key, s.fiscal_year, s.item, s.indicator, s.score FROM item_scores s "
        "JOIN organizations o USING (org_id)"
    ).itertuples(index=False):
        out[(key, int(year))][item] = (score, None if pd.isna(indicator) else int(indicator))
    return out
