"""Facts and precedence: every value a source states is kept; one rule chooses which is current.

The current-value tables the analytics read (``assessments``, ``indicator_scores``, ``item_scores``,
``measures``) hold, for each fact, the value of the source of highest ``SOURCE_PRIORITY``, and among
sources of the same rank the one imported last; ``disagreements`` lists what two sources state
differently. Withdrawing a source deletes what it stated and chooses the current values again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence

import duckdb
import pandas as pd

from ita_data import framework, labels

from .cursors import advance_sequence, registered
from .errors import DataError
from .schema import FACT_COLUMNS, MEASURE_FIELDS, PRIORITY_SQL, now


def _item_catalogue() -> pd.DataFrame:
    """Every year's item → indicator, from the rules (the current item scores carry it)."""
    rows = [(fy, item.code, item.indicator) for fy in framework.known_years() for item in framework.items(fy)]
    return pd.DataFrame(rows, columns=["fiscal_year", "item", "indicator"]).astype(
        {"fiscal_year": "int64", "indicator": "int64"}
    )


def facts_from_columns(frame: pd.DataFrame, columns: Mapping[str, tuple[str, str]]) -> pd.DataFrame:
    """Facts from a wide frame (org_id, fiscal_year, one column per fact): ``columns`` maps a column to
    its (fact, key); blank cells state nothing. Text goes to value_text for level_reported."""
    parts = []
    for column, (fact, key) in columns.items():
        if column not in frame:
            continue
        given = frame[frame[column].notna()]
        if not len(given):
            continue
        values = given[column]
        part = pd.DataFrame(
            {
                "org_id": given["org_id"].to_numpy(),
                "fiscal_year": given["fiscal_year"].to_numpy(),
                "fact": fact,
                "key": key,
            }
        )
        for carried in ("location", "snippet"):
            if carried in given:
                part[carried] = given[carried].to_numpy()
        if fact == "level_reported":
            part["value_num"], part["value_text"] = float("nan"), values.astype(str).to_numpy()
        else:
            part["value_num"], part["value_text"] = values.astype("float64").to_numpy(), None
        parts.append(part)
    if not parts:
        return pd.DataFrame(columns=["org_id", "fiscal_year", "fact", "key", "value_num", "value_text"])
    return pd.concat(parts, ignore_index=True)


def facts_from_long(frame: pd.DataFrame, fact: str, key: str, value: str = "score") -> pd.DataFrame:
    """Facts from a long frame (org_id, fiscal_year, ``key`` column, ``value`` column)."""
    return pd.DataFrame(
        {
            "org_id": frame["org_id"].to_numpy(),
            "fiscal_year": frame["fiscal_year"].to_numpy(),
            "fact": fact,
            "key": frame[key].astype(str).to_numpy(),
            "value_num": frame[value].astype("float64").to_numpy(),
            "value_text": None,
        }
    )


# The columns of an assessments-shaped frame, as facts.
ASSESSMENT_COLUMNS = {
    "total_score": ("total_score", ""),
    "level_reported": ("level_reported", ""),
    "province_rank_reported": ("province_rank", ""),
    "province_rank_of": ("province_rank_of", ""),
}


def write_facts(
    cur: duckdb.DuckDBPyConnection,
    source_id: int,
    facts: pd.DataFrame | None = None,
    measures: pd.DataFrame | None = None,
    *,
    choose: bool = True,
) -> pd.DataFrame:
    """The one write path: store what one source states, then choose the current values again.

    ``facts``: org_id, fiscal_year, fact (``FACT_KINDS``), key (indicator number or item code, '' for
    the others), value_num or value_text, and optionally location, snippet, from_ocr.
    ``measures``: org_id, fiscal_year and ``MEASURE_FIELDS`` (plus location, snippet, from_ocr; a
    ``measure_id`` for generated data moves the id sequence past it).
    Returns the organisation-years it touched. ``choose=False`` leaves choosing the current values to
    one ``resolve(cur, None)`` after several writes (a whole generated dataset).
    """
    keys, measure_keys = [], []
    if facts is not None and len(facts):
        frame = facts.copy()
        for column in FACT_COLUMNS:
            if column not in frame:
                frame[column] = False if column == "from_ocr" else None
        frame["key"] = frame["key"].fillna("").astype(str)
        frame["from_ocr"] = frame["from_ocr"].fillna(False).astype(bool)
        frame = frame[list(FACT_COLUMNS)].astype(
            {"value_num": "float64", "value_text": "object", "location": "object", "snippet": "object"}
        )
        with registered(cur, "_write_facts", frame):
            cur.execute(
                "INSERT INTO facts (source_id, "
                + ", ".join(FACT_COLUMNS)
                + ") SELECT ?, "
                + ", ".join(FACT_COLUMNS)
                + " FROM _write_facts",
                [source_id],
            )
        keys.append(frame[["org_id", "fiscal_year"]])
    if measures is not None and len(measures):
        frame = measures.copy()
        extra = ("location", "snippet", "from_ocr")
        for column in (*MEASURE_FIELDS, *extra):
            if column not in frame:
                frame[column] = False if column == "from_ocr" else None
        frame["from_ocr"] = frame["from_ocr"].fillna(False).astype(bool)
        names = ", ".join(("org_id", "fiscal_year", *MEASURE_FIELDS, *extra))
        if "measure_id" in frame:
            names = "measure_id, " + names
        with registered(cur, "_write_measures", frame):
            cur.execute(
                "INSERT INTO measure_facts (source_id, " + names + ") SELECT ?, " + names + " FROM _write_measures",
                [source_id],
            )
        if "measure_id" in frame:
            advance_sequence(cur, "measure_ids", "measure_facts", "measure_id")
        measure_keys.append(frame[["org_id", "fiscal_year"]])
    fact_keys = distinct_keys(keys)
    measure_keys_frame = distinct_keys(measure_keys)
    if choose:
        if len(fact_keys):
            resolve(cur, fact_keys, measures=False)
        if len(measure_keys_frame):
            resolve(cur, measure_keys_frame, facts=False)
    return distinct_keys([fact_keys, measure_keys_frame])


def distinct_keys(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame({"org_id": pd.Series(dtype="int64"), "fiscal_year": pd.Series(dtype="int64")})
    return pd.concat(frames).drop_duplicates().astype("int64").reset_index(drop=True)


def resolve(
    cur: duckdb.DuckDBPyConnection, keys: pd.DataFrame | None, *, facts: bool = True, measures: bool = True
) -> None:
    """Choose the current value of every fact of these organisation-years (all of them for None).

    The rule: the source of highest ``SOURCE_PRIORITY``, then the one imported last. The current
    tables get the winners; ``disagreements`` lists every fact two sources state differently.
    Measures: those of the newest source of each kind for the organisation-year.
    """
    scope = "" if keys is None else " SEMI JOIN _resolve_keys k USING (org_id, fiscal_year)"
    where = (
        "" if keys is None else " USING _resolve_keys k WHERE {t}.org_id = k.org_id AND {t}.fiscal_year = k.fiscal_year"
    )
    frames = {"_item_catalogue": _item_catalogue()}
    if keys is not None:
        frames["_resolve_keys"] = keys[["org_id", "fiscal_year"]].drop_duplicates()
    with contextlib.ExitStack() as stack:
        for name, frame in frames.items():
            stack.enter_context(registered(cur, name, frame))
        if facts:
            _resolve_facts(cur, scope, where)
        if measures:
            cur.execute("DELETE FROM measures" + where.format(t="measures"))
            cur.execute(
                "INSERT INTO measures (measure_id, org_id, fiscal_year, "
                + ", ".join(MEASURE_FIELDS)
                + ", source_id) SELECT m.measure_id, m.org_id, m.fiscal_year, "
                + ", ".join(f"m.{f}" for f in MEASURE_FIELDS)
                + ", m.source_id FROM measure_facts m"
                + scope
                + " JOIN sources s USING (source_id) "
                "QUALIFY m.source_id = max(m.source_id) OVER (PARTITION BY m.org_id, m.fiscal_year, s.kind) "
                "ORDER BY m.measure_id"
            )


def _resolve_facts(cur: duckdb.DuckDBPyConnection, scope: str, where: str) -> None:
    # Only organisation-years that more than one source speaks of need ranking; the rest is rank 1.
    cur.execute(
        "CREATE OR REPLACE TEMP TABLE _multi AS SELECT f.org_id, f.fiscal_year FROM facts f"
        + scope
        + " GROUP BY ALL HAVING min(f.source_id) <> max(f.source_id)"
    )
    columns = (
        "f.rowid AS fact_row, f.org_id, f.fiscal_year, f.fact, f.key, f.value_num, f.value_text, "
        "f.source_id, f.is_current"
    )
    # rank 1 is the winner; ``credit`` names the source the current value is credited to: the earliest
    # of the winning rank that states the same value (so a corrected file moves only what it
    # corrected); ``current`` marks every fact that states the current value at that rank.
    cur.execute(
        "CREATE OR REPLACE TEMP TABLE _ranked AS "
        "SELECT "
        + columns
        + ", 1 AS rank, f.source_id AS credit, true AS current FROM facts f"
        + scope
        + " ANTI JOIN _multi m ON m.org_id = f.org_id AND m.fiscal_year = f.fiscal_year "
        "UNION ALL SELECT * EXCLUDE (priority, top_priority, top_num, top_text, agrees), "
        "min(source_id) FILTER (WHERE agrees) OVER (PARTITION BY org_id, fiscal_year, fact, key) AS credit, "
        "agrees AS current FROM ("
        "  SELECT *, priority = top_priority AND value_num IS NOT DISTINCT FROM top_num "
        "         AND value_text IS NOT DISTINCT FROM top_text AS agrees FROM ("
        "    SELECT " + columns + ", " + PRIORITY_SQL + " AS priority, "
        "           row_number() OVER w AS rank, first_value(" + PRIORITY_SQL + ") OVER w AS top_priority, "
        "           first_value(f.value_num) OVER w AS top_num, first_value(f.value_text) OVER w AS top_text "
        "    FROM facts f SEMI JOIN _multi m ON m.org_id = f.org_id AND m.fiscal_year = f.fiscal_year "
        "    JOIN sources s USING (source_id) "
        "    WINDOW w AS (PARTITION BY f.org_id, f.fiscal_year, f.fact, f.key "
        "                 ORDER BY " + PRIORITY_SQL + " DESC, f.source_id DESC)))"
    )
    cur.execute(
        "UPDATE facts SET is_current = r.current FROM (SELECT fact_row, current FROM _ranked "
        "WHERE is_current <> current) r WHERE facts.rowid = r.fact_row"
    )
    for table in ("assessments", "indicator_scores", "item_scores", "disagreements"):
        cur.execute("DELETE FROM " + table + where.format(t=table))
    cur.execute(
        "INSERT INTO assessments (org_id, fiscal_year, total_score, level_reported, province_rank_reported, "
        "province_rank_of, source_id) "
        "SELECT org_id, fiscal_year, max(value_num) FILTER (WHERE fact = 'total_score'), "
        "max(value_text) FILTER (WHERE fact = 'level_reported'), "
        "CAST(max(value_num) FILTER (WHERE fact = 'province_rank') AS INTEGER), "
        "CAST(max(value_num) FILTER (WHERE fact = 'province_rank_of') AS INTEGER), "
        # the assessment's source is its total's, or lacking a total, the newest it has
        "coalesce(max(credit) FILTER (WHERE fact = 'total_score'), max(credit)) "
        "FROM _ranked WHERE rank = 1 GROUP BY org_id, fiscal_year ORDER BY fiscal_year, org_id"
    )
    cur.execute(
        "INSERT INTO indicator_scores SELECT org_id, fiscal_year, CAST(key AS TINYINT), value_num, credit "
        "FROM _ranked WHERE rank = 1 AND fact = 'indicator' ORDER BY fiscal_year, org_id, key"
    )
    cur.execute(
        "INSERT INTO item_scores SELECT r.org_id, r.fiscal_year, r.key, c.indicator, r.value_num, r.credit "
        "FROM _ranked r LEFT JOIN _item_catalogue c ON c.fiscal_year = r.fiscal_year AND c.item = r.key "
        "WHERE r.rank = 1 AND r.fact = 'item' ORDER BY r.fiscal_year, r.org_id"
    )
    cur.execute(
        "INSERT INTO disagreements SELECT org_id, fiscal_year, fact, key, "
        "list(source_id ORDER BY rank), list(coalesce(CAST(value_num AS VARCHAR), value_text) ORDER BY rank) "
        "FROM _ranked r SEMI JOIN _multi m ON m.org_id = r.org_id AND m.fiscal_year = r.fiscal_year "
        "GROUP BY ALL HAVING count(DISTINCT coalesce(CAST(value_num AS VARCHAR), value_text)) > 1"
    )
    cur.execute("DROP TABLE _ranked")
    cur.execute("DROP TABLE _multi")


def withdraw_source(cur: duckdb.DuckDBPyConnection, source_id: int, by: str) -> str:
    """Delete what the source states, and organisations only it knew; choose current values again."""
    row = cur.execute("SELECT file_name, withdrawn_at FROM sources WHERE source_id = ?", [source_id]).fetchone()
    if row is None:
        raise DataError(labels.WITHDRAW_NO_SUCH_SOURCE.format(source_id=source_id))
    if row[1] is not None:
        raise DataError(labels.WITHDRAW_ALREADY.format(source_id=source_id, file_name=row[0], when=row[1]))
    keys = cur.execute(
        "SELECT DISTINCT org_id, fiscal_year FROM facts WHERE source_id = $s "
        "UNION SELECT DISTINCT org_id, fiscal_year FROM measure_facts WHERE source_id = $s",
        {"s": source_id},
    ).df()
    counts = cur.execute(
        "SELECT (SELECT count(*) FROM facts WHERE source_id = $s), "
        "(SELECT count(*) FROM measure_facts WHERE source_id = $s), "
        "(SELECT count(*) FILTER (WHERE is_current) FROM facts WHERE source_id = $s)",
        {"s": source_id},
    ).fetchone()
    districts = [
        r[0] for r in cur.execute("SELECT DISTINCT org_id FROM org_facts WHERE source_id = ?", [source_id]).fetchall()
    ]
    for table in ("facts", "measure_facts", "org_facts"):
        cur.execute("DELETE FROM " + table + " WHERE source_id = ?", [source_id])
    gone = cur.execute(
        "DELETE FROM organizations WHERE source_id = $s "
        "AND org_id NOT IN (SELECT org_id FROM facts) "
        "AND org_id NOT IN (SELECT org_id FROM measure_facts) "
        "AND org_id NOT IN (SELECT org_id FROM org_facts) RETURNING org_id",
        {"s": source_id},
    ).fetchall()
    cur.execute("UPDATE sources SET withdrawn_at = ?, withdrawn_by = ? WHERE source_id = ?", [now(), by, source_id])
    _resolve_districts(cur, districts)
    resolve(cur, keys.astype("int64"))
    return labels.WITHDRAW_DONE.format(
        source_id=source_id,
        file_name=row[0],
        facts=counts[0],
        current=counts[2],
        measures=counts[1],
        orgs=len(gone),
        keys=len(keys),
    )


def _resolve_districts(cur: duckdb.DuckDBPyConnection, org_ids: Sequence[int]) -> None:
    """An organisation's district is the one its highest-ranked remaining source states, or none."""
    if not org_ids:
        return
    with registered(cur, "_district_orgs", pd.DataFrame({"org_id": list(org_ids)}, dtype="int64")):
        cur.execute(
            "UPDATE organizations SET district_code = r.district_code, district = r.district FROM ("
            "SELECT k.org_id, f.district_code, f.district FROM _district_orgs k "
            "LEFT JOIN (SELECT f.*, row_number() OVER (PARTITION BY f.org_id ORDER BY "
            + PRIORITY_SQL
            + " DESC, f.source_id DESC NULLS LAST) AS rank "
            "FROM org_facts f LEFT JOIN sources s USING (source_id)) f ON f.org_id = k.org_id AND f.rank = 1"
            ") r WHERE organizations.org_id = r.org_id"
        )
