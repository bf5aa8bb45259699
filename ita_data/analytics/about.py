"""What the database holds and where it came from: for the footer, the banner and the about page."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from ita_data import framework

_STATUS_SQL = """
SELECT
    count(*) AS organizations,
    count(*) FILTER (WHERE is_synthetic) AS synthetic_orgs,
    count(*) FILTER (WHERE NOT is_synthetic) AS real_orgs,
    (SELECT min(fiscal_year) FROM assessments) AS first_year,
    (SELECT max(fiscal_year) FROM assessments) AS last_year,
    (SELECT count(*) FROM sources WHERE kind <> 'synthetic') AS real_sources,
    (SELECT max(imported_at) FROM sources WHERE kind <> 'synthetic') AS last_import
FROM organizations
"""

_SOURCES_SQL = """
SELECT s.source_id, s.file_name, s.kind, s.imported_at, s.note,
       (SELECT count(*) FROM assessments a WHERE a.source_id = s.source_id) AS assessments,
       (SELECT count(*) FROM indicator_scores i WHERE i.source_id = s.source_id) AS indicator_scores,
       (SELECT count(*) FROM measures m WHERE m.source_id = s.source_id) AS measures
FROM sources s
ORDER BY s.imported_at DESC, s.source_id DESC
"""


def data_status(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts of organisations (synthetic and real), the years held, the last import, dataset facts.

    Keys: organizations, synthetic_orgs, real_orgs, first_year, last_year, real_sources,
    last_import (datetime or None), meta (dict of the meta table).
    """
    row = con.execute(_STATUS_SQL).fetchone()
    keys = ("organizations", "synthetic_orgs", "real_orgs", "first_year", "last_year",
            "real_sources", "last_import")
    status = dict(zip(keys, row))
    status["meta"] = dict(con.execute("SELECT key, value FROM meta").fetchall())
    return status


def sources(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every source, newest first. Columns: source_id, file_name, kind, imported_at, note,
    assessments, indicator_scores, measures (rows whose current value came from that source)."""
    return con.execute(_SOURCES_SQL).df()


def method_by_year() -> pd.DataFrame:
    """The rules per fiscal year, for people. Columns: fiscal_year, weight_iit, weight_eit,
    weight_oit, weights_status, level_scheme, levels (Thai, best first with their bars), pass_mark,
    items (count per tool), source."""
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
        rows.append({
            "fiscal_year": fy,
            "weight_iit": rules.weights["IIT"], "weight_eit": rules.weights["EIT"],
            "weight_oit": rules.weights["OIT"], "weights_status": rules.weights_status,
            "level_scheme": rules.level_scheme, "levels": ", ".join(bands),
            "pass_mark": rules.pass_mark,
            "items": f"IIT {counts['i']} · EIT {counts['e']} · OIT {counts['o']}",
            "source": rules.source,
        })
    return pd.DataFrame(rows)


def indicator_table() -> pd.DataFrame:
    """The ten indicators. Columns: indicator, tool, name_th, name_en."""
    return pd.DataFrame(
        [(i.number, i.tool, i.name_th, i.name_en) for i in framework.indicators()],
        columns=["indicator", "tool", "name_th", "name_en"],
    )


def footer_text(status: dict[str, Any]) -> str:
    """One line for the footer: what data is shown and how fresh it is."""
    parts = [f"หน่วยงาน {status['organizations']:,} แห่ง"]
    if status["first_year"]:
        parts.append(f"ปีงบประมาณ {status['first_year']}–{status['last_year']}")
    if status["synthetic_orgs"]:
        as_of = status["meta"].get("synthetic_as_of", "")
        parts.append(f"ข้อมูลสมมุติ {status['synthetic_orgs']:,} แห่ง (ณ {as_of})")
    if status["real_sources"]:
        parts.append(f"นำเข้าจริง {status['real_sources']} แหล่ง ล่าสุด {status['last_import']:%Y-%m-%d %H:%M}")
    parts.append("ที่มา: ผลการประเมิน ITA ของ สำนักงาน ป.ป.ช. และรายงานของ อปท.; ภูมิศาสตร์ geothai (CC-BY-4.0), "
                 "ขอบเขตจังหวัด Natural Earth")
    return " · ".join(parts)


