"""What the database holds and where it came from: for the footer, the banner, the about page and one
organisation's profile (who it is, its measures, and the source document behind each of its numbers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import duckdb
import pandas as pd

from ita_data import framework, orgs, thai
from ita_data.analytics.common import with_method_change
from ita_data.store import OPEN_STATUSES

_STATUS_SQL = """
SELECT
    count(*) AS organizations,
    count(*) FILTER (WHERE is_synthetic) AS synthetic_orgs,
    count(*) FILTER (WHERE NOT is_synthetic) AS real_orgs,
    (SELECT min(fiscal_year) FROM assessments) AS first_year,
    (SELECT max(fiscal_year) FROM assessments) AS last_year,
    (SELECT count(*) FROM sources WHERE kind <> 'synthetic' AND withdrawn_at IS NULL) AS real_sources,
    (SELECT max(imported_at) FROM sources WHERE kind <> 'synthetic' AND withdrawn_at IS NULL) AS last_import,
    count(DISTINCT province_code) FILTER (WHERE org_id IN (SELECT org_id FROM assessments)) AS provinces,
    count(DISTINCT province_code) FILTER (WHERE NOT is_synthetic AND org_id IN (SELECT org_id FROM assessments))
        AS real_provinces
FROM organizations
"""

_SOURCES_SQL = """
SELECT s.source_id, s.file_name, s.kind, s.imported_at, s.imported_by, s.note,
       (SELECT count(*) FROM assessments a WHERE a.source_id = s.source_id) AS assessments,
       (SELECT count(*) FROM indicator_scores i WHERE i.source_id = s.source_id) AS indicator_scores,
       (SELECT count(*) FROM measures m WHERE m.source_id = s.source_id) AS measures,
       s.withdrawn_at
FROM sources s
ORDER BY s.imported_at DESC, s.source_id DESC
"""


def data_status(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts of organisations (synthetic and real), the years held, the last import, dataset facts.

    Keys: organizations, synthetic_orgs, real_orgs, first_year, last_year, real_sources,
    last_import (datetime or None), provinces and real_provinces (provinces with a result: all
    organisations', real ones'), all_provinces (how many the country has), meta (dict of the meta table).
    """
    row = con.execute(_STATUS_SQL).fetchone() or ()  # an aggregate: always one row
    keys = (
        "organizations",
        "synthetic_orgs",
        "real_orgs",
        "first_year",
        "last_year",
        "real_sources",
        "last_import",
        "provinces",
        "real_provinces",
    )
    status = dict(zip(keys, row))
    status["all_provinces"] = len(orgs.provinces())
    status["meta"] = dict(con.execute("SELECT key, value FROM meta").fetchall())
    return status


def synthetic_org_ids(con: duckdb.DuckDBPyConnection) -> frozenset[int]:
    """The ids of the synthetic organisations: a file of rows says so when it holds one of them."""
    return frozenset(int(r[0]) for r in con.execute("SELECT org_id FROM organizations WHERE is_synthetic").fetchall())


def sources(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every source, newest first. Columns: source_id, file_name, kind, imported_at, imported_by, note,
    assessments, indicator_scores, measures (rows whose current value came from that source),
    withdrawn_at (empty unless the source was withdrawn)."""
    return con.execute(_SOURCES_SQL).df()


def method_by_year() -> pd.DataFrame:
    """The rules per fiscal year, for people. Columns: fiscal_year, weight_iit, weight_eit,
    weight_oit, weights_status, level_scheme, levels (Thai, best first with their bars), pass_mark,
    items (count per tool), source (in Thai: what confirms the year's rules, or what they are assumed from)."""
    rows = []
    for fy in framework.known_years():
        rules = framework.year_rules(fy)
        bands = []
        for band in framework.level_bands(fy):
            bar = f"≥ {band.min_total:g}"
            if band.min_each_tool is not None:
                bar += f" และทุกเครื่องมือ ≥ {band.min_each_tool:g}"
            bands.append(f"{band.level} ({bar})")
        catalogue = framework.items(fy)
        counts = {letter: sum(1 for i in catalogue if i.code[0] == letter) for letter in "ieo"}
        rows.append(
            {
                "fiscal_year": fy,
                "weight_iit": rules.weights["IIT"],
                "weight_eit": rules.weights["EIT"],
                "weight_oit": rules.weights["OIT"],
                "weights_status": rules.weights_status,
                "level_scheme": rules.level_scheme,
                "levels": ", ".join(bands),
                "pass_mark": rules.pass_mark,
                "items": f"IIT {counts['i']} · EIT {counts['e']} · OIT {counts['o']}",
                "source": rules.source_th,
            }
        )
    return pd.DataFrame(rows)


def indicator_table() -> pd.DataFrame:
    """The ten indicators. Columns: indicator, tool, name_th, name_en."""
    return pd.DataFrame(
        [(i.number, i.tool, i.name_th, i.name_en) for i in framework.indicators()],
        columns=["indicator", "tool", "name_th", "name_en"],
    )


def level_bands_by_year() -> pd.DataFrame:
    """Every year's levels, best first. Columns: fiscal_year, level_scheme, level_order (1 = best),
    level, min_total, min_each_tool (empty when the level asks nothing of each tool), status
    (``confirmed`` or ``assumed``)."""
    return pd.DataFrame(
        [
            (fy, framework.year_rules(fy).level_scheme, b.order, b.level, b.min_total, b.min_each_tool, b.status)
            for fy in framework.known_years()
            for b in framework.level_bands(fy)
        ],
        columns=["fiscal_year", "level_scheme", "level_order", "level", "min_total", "min_each_tool", "status"],
    )


def method_changes() -> pd.DataFrame:
    """Years whose method differs from the year before, for marking charts over years.
    Columns: fiscal_year, notes (Thai, ``; ``-separated)."""
    years = framework.known_years()
    rows = [(fy, "; ".join(framework.method_changes(fy - 1, fy))) for fy in years[1:]]
    return pd.DataFrame([r for r in rows if r[1]], columns=["fiscal_year", "notes"])


# --- one organisation: who it is, its measures, the source of each number ---------------------

_ORGANIZATION_SQL = """
SELECT d.org_id, d.org_name, d.org_type, d.province_code, d.province, d.district_code, d.district,
       d.is_synthetic,
       (SELECT min(fiscal_year) FROM assessments a WHERE a.org_id = d.org_id) AS first_year,
       (SELECT max(fiscal_year) FROM assessments a WHERE a.org_id = d.org_id) AS last_year
FROM org_dim d
WHERE d.org_id = $org_id
"""

# The measures that stand (a measures report supersedes the same year's plan: measures_current),
# with the document text the derived table leaves out and the file each came from.
_ORG_MEASURES_SQL = """
SELECT c.measure_id, c.fiscal_year, c.indicator, c.item, c.title,
       before.score AS score_before, after.score AS score_after, after.score - before.score AS score_change,
       m.issue, m.steps, c.responsible,
       c.due_date, c.status,
       coalesce(list_contains($open_statuses, c.status) AND c.due_date < $as_of, false) AS overdue,
       c.completed_on, m.result, m.source_id, s.file_name
FROM measures_current c
JOIN measures m USING (measure_id)
JOIN sources s ON s.source_id = m.source_id
-- the score of the indicator the measure aims at, in the measure's year and the year after
LEFT JOIN org_scores before
       ON before.org_id = c.org_id AND before.fiscal_year = c.fiscal_year AND before.indicator = c.indicator
LEFT JOIN org_scores after
       ON after.org_id = c.org_id AND after.fiscal_year = c.fiscal_year + 1 AND after.indicator = c.indicator
WHERE c.org_id = $org_id
ORDER BY c.fiscal_year DESC, overdue DESC, c.due_date NULLS LAST, c.measure_id
"""

# One row per stored number of the organisation, with the document it was taken from and where in it
# (the store's facts keep the page and line, and the line's text).
_ORG_SOURCES_SQL = """
WITH numbers AS (
    SELECT fiscal_year, 'total' AS record, 'total' AS key, total_score AS value, source_id,
           0 AS record_order, 0 AS key_order, 'total_score' AS fact, '' AS fact_key, NULL::BIGINT AS measure_id
    FROM assessments WHERE org_id = $org_id
    UNION ALL
    SELECT fiscal_year, 'indicator', CAST(indicator AS VARCHAR), score, source_id, 1, indicator,
           'indicator', CAST(indicator AS VARCHAR), NULL
    FROM indicator_scores WHERE org_id = $org_id
    UNION ALL
    SELECT fiscal_year, 'item', item, score, source_id, 2,
           1000 * CASE left(item, 1) WHEN 'i' THEN 0 WHEN 'e' THEN 1 ELSE 2 END
           + coalesce(TRY_CAST(substr(item, 2) AS INTEGER), 999), 'item', item, NULL
    FROM item_scores WHERE org_id = $org_id
    UNION ALL
    SELECT c.fiscal_year, 'measure', coalesce(c.title, CAST(c.measure_id AS VARCHAR)), NULL, m.source_id, 3,
           c.measure_id, NULL, NULL, c.measure_id
    FROM measures_current c JOIN measures m USING (measure_id) WHERE c.org_id = $org_id
)
SELECT n.fiscal_year, n.record, n.key, n.value, n.source_id, s.file_name, s.kind, s.imported_at,
       coalesce(f.location, mf.location) AS location, coalesce(f.snippet, mf.snippet) AS snippet
FROM numbers n
JOIN sources s USING (source_id)
LEFT JOIN facts f ON f.org_id = $org_id AND f.fiscal_year = n.fiscal_year AND f.fact = n.fact
                 AND f.key = n.fact_key AND f.source_id = n.source_id
LEFT JOIN measure_facts mf ON mf.measure_id = n.measure_id
WHERE $fiscal_year IS NULL OR n.fiscal_year = $fiscal_year
ORDER BY n.fiscal_year DESC, n.record_order, n.key_order, n.key
"""


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, Any]) -> pd.DataFrame:
    # Through Arrow, as the analytics' named queries are: the same dtypes (text is ``str``, missing is NaN).
    return con.sql(sql, params=dict(params)).to_arrow_table().to_pandas()


def organization(con: duckdb.DuckDBPyConnection, org_id: int) -> pd.DataFrame:
    """One organisation by id: one row, or none when the id is unknown.

    Columns: org_id, org_name, org_type, province_code, province, district_code, district,
    is_synthetic, first_year, last_year (fiscal years with an assessment; empty when none).
    """
    return _frame(con, _ORGANIZATION_SQL, {"org_id": int(org_id)})


def org_measures(con: duckdb.DuckDBPyConnection, org_id: int, as_of: dt.date | None = None) -> pd.DataFrame:
    """Every measure of one organisation that stands (a measures report supersedes the plan in the
    same year's analysis), newest year first, overdue ones first within a year.

    ``overdue`` = still planned or in progress and due before ``as_of`` (default today).
    Columns: measure_id, fiscal_year, indicator (text; empty when the measure names none), item,
    title, score_before and score_after (the indicator it aims at, in the measure's year and the year
    after; empty where there is none), score_change, method_change (the method changed between those
    two years), issue, steps, responsible, due_date, status, overdue, completed_on, result, source_id,
    file_name (the document it came from).
    """
    found = _frame(
        con,
        _ORG_MEASURES_SQL,
        {"org_id": int(org_id), "as_of": as_of or dt.date.today(), "open_statuses": list(OPEN_STATUSES)},
    )
    return with_method_change(found)


def org_sources(con: duckdb.DuckDBPyConnection, org_id: int, fiscal_year: int | None = None) -> pd.DataFrame:
    """The source document behind each number stored for one organisation (one year, or all).

    One row per number: the printed total, each indicator score, each item score, each standing
    measure. Newest year first; within a year total, indicators 1-10, items (IIT, EIT, OIT), measures.
    Columns: fiscal_year, record (``total``, ``indicator``, ``item`` or ``measure``), key (``total``,
    the indicator ``"1"``…``"10"``, the item ``o23``, or the measure's title), value (the score;
    empty for a measure and for a total the document did not print), source_id, file_name, kind,
    imported_at, location (page and line, or the table's row; empty for synthetic data), snippet (the
    text of the line the number was read from).
    """
    return _frame(
        con, _ORG_SOURCES_SQL, {"org_id": int(org_id), "fiscal_year": None if fiscal_year is None else int(fiscal_year)}
    )


def _be_date_text(iso: str) -> str:
    """An ISO date kept in the meta table as people read it (``15 ต.ค. 2568``); other text as it is."""
    try:
        return thai.format_be_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def footer_text(status: dict[str, Any]) -> str:
    """One line for the footer: what data is shown and how fresh it is."""
    parts = [f"หน่วยงาน {status['organizations']:,} แห่ง"]
    if status["first_year"]:
        parts.append(f"ปีงบประมาณ {status['first_year']}–{status['last_year']}")
    if status.get("provinces") is not None and status["provinces"] < status["all_provinces"]:
        # A database of a few provinces' real results says so: it is not the country.
        parts.append(f"มีผลการประเมิน {status['provinces']} จาก {status['all_provinces']} จังหวัด")
    if status["synthetic_orgs"]:
        as_of = _be_date_text(status["meta"].get("synthetic_as_of", ""))
        parts.append(f"ข้อมูลสมมุติ {status['synthetic_orgs']:,} แห่ง (ณ {as_of})")
    if status["real_sources"]:
        last = thai.format_be_dates([status["last_import"]], with_time=True).iloc[0]
        parts.append(f"นำเข้าจริง {status['real_sources']:,} แหล่ง ล่าสุด {last}")
    parts.append(
        "ที่มา: ผลการประเมิน ITA ของ สำนักงาน ป.ป.ช. และรายงานของ อปท.; ภูมิศาสตร์ geothai (CC-BY-4.0), "
        "ขอบเขตจังหวัด Natural Earth, ตำแหน่งอำเภอ GeoNames (CC-BY 4.0)"
    )
    return " · ".join(parts)
