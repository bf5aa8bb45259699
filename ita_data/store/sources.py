"""Sources: every import is one source (a file, a table, the generated data), with who brought it and when."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping

import duckdb

from ita_data import labels, settings

from .errors import DataError
from .schema import SOURCE_KINDS, now


def file_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_source(cur: duckdb.DuckDBPyConnection, checksum: str) -> int | None:
    """The source already imported from these bytes (and not withdrawn), if any."""
    rows = cur.execute(
        "SELECT source_id FROM sources WHERE checksum = ? AND withdrawn_at IS NULL ORDER BY source_id LIMIT 1",
        [checksum],
    ).fetchall()  # every row fetched: the cursor then takes other work (a registered frame)
    return rows[0][0] if rows else None


def add_source(
    cur: duckdb.DuckDBPyConnection,
    file_name: str,
    checksum: str,
    kind: str,
    note: str | None = None,
    *,
    imported_by: str | None = None,
    from_ocr: bool = False,
    imported_at: dt.datetime | None = None,
) -> int:
    if kind not in SOURCE_KINDS:
        raise DataError(
            labels.DATA_BAD_SOURCE_KIND.format(file_name=file_name, kind=kind, choices=", ".join(SOURCE_KINDS))
        )
    return cur.execute(
        "INSERT INTO sources (file_name, checksum, kind, imported_at, note, imported_by, from_ocr) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING source_id",
        [file_name, checksum, kind, imported_at or now(), note, imported_by or settings.os_user(), from_ocr],
    ).fetchone()[0]


def record_changes(cur: duckdb.DuckDBPyConnection, source_id: int, changes: Mapping[str, int]) -> None:
    """What an import changed (added / updated / unchanged / rejected), kept with its source."""
    cur.execute(
        "UPDATE sources SET changes = ? WHERE source_id = ?", [json.dumps(dict(changes), ensure_ascii=False), source_id]
    )


def set_meta(cur: duckdb.DuckDBPyConnection, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        cur.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, str(value)]
        )


SOURCES_SQL = """
SELECT s.source_id, s.kind, s.file_name, s.checksum, s.imported_at, s.imported_by,
       coalesce(f.facts, 0) + coalesce(m.facts, 0) AS facts,
       coalesce(f.current_facts, 0) + coalesce(m.current_facts, 0) AS current_facts,
       s.from_ocr, s.changes, s.note, s.withdrawn_at, s.withdrawn_by
FROM sources s
LEFT JOIN (SELECT source_id, count(*) AS facts, count(*) FILTER (WHERE is_current) AS current_facts
           FROM facts GROUP BY source_id) f USING (source_id)
LEFT JOIN (SELECT mf.source_id, count(*) AS facts, count(m.measure_id) AS current_facts
           FROM measure_facts mf LEFT JOIN measures m USING (measure_id) GROUP BY mf.source_id) m USING (source_id)
ORDER BY s.source_id
"""
