"""The one module that opens DuckDB: schema and migrations, cursors for readers, one write path.

Readers take their own cursor (one per thread or Streamlit session). Writers go through
``Store.transaction()``, which serialises writes within the process and commits whole or not at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import duckdb
import pandas as pd

from ita_data import framework, orgs

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "data" / "ita.duckdb"

STATUSES = ("planned", "in_progress", "done", "cannot", "unknown")
SOURCE_KINDS = ("analysis", "measures", "table", "synthetic")


class StoreError(RuntimeError):
    """A database problem explained for the person who has to fix it."""


class StoreBusy(StoreError):
    """The database file is held by another process."""


class DataError(ValueError):
    """A record that the store refuses, with the record named."""


def default_db_path() -> Path:
    return Path(os.environ.get("ITA_DB") or DEFAULT_DB)


# --- schema ------------------------------------------------------------------------------

_ORG_TYPES_SQL = ", ".join(f"'{t.code}'" for t in orgs.ORG_TYPES)
_STATUSES_SQL = ", ".join(f"'{s}'" for s in STATUSES)
_KINDS_SQL = ", ".join(f"'{k}'" for k in SOURCE_KINDS)

# Each entry upgrades the schema by one version; never edit a shipped entry, append a new one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: the first schema
        "CREATE SEQUENCE source_ids START 1",
        f"""CREATE TABLE sources (
            source_id INTEGER PRIMARY KEY DEFAULT nextval('source_ids'),
            file_name VARCHAR NOT NULL,
            checksum VARCHAR NOT NULL,
            kind VARCHAR NOT NULL CHECK (kind IN ({_KINDS_SQL})),
            imported_at TIMESTAMP NOT NULL,
            note VARCHAR)""",
        "CREATE SEQUENCE org_ids START 1",
        f"""CREATE TABLE organizations (
            org_id INTEGER PRIMARY KEY DEFAULT nextval('org_ids'),
            org_key VARCHAR NOT NULL UNIQUE,
            org_type VARCHAR NOT NULL CHECK (org_type IN ({_ORG_TYPES_SQL})),
            name VARCHAR NOT NULL,
            province_code VARCHAR,
            province VARCHAR,
            district_code VARCHAR,
            district VARCHAR,
            is_synthetic BOOLEAN NOT NULL DEFAULT false)""",
        """CREATE TABLE assessments (
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            total_score DOUBLE CHECK (total_score BETWEEN 0 AND 100),
            level_reported VARCHAR,
            level_computed VARCHAR,
            province_rank_reported INTEGER CHECK (province_rank_reported >= 1),
            source_id INTEGER NOT NULL,
            PRIMARY KEY (org_id, fiscal_year))""",
        """CREATE TABLE indicator_scores (
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            indicator TINYINT NOT NULL CHECK (indicator BETWEEN 1 AND 10),
            score DOUBLE NOT NULL CHECK (score BETWEEN 0 AND 100),
            source_id INTEGER NOT NULL,
            PRIMARY KEY (org_id, fiscal_year, indicator))""",
        """CREATE TABLE item_scores (
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            item VARCHAR NOT NULL,
            indicator TINYINT CHECK (indicator BETWEEN 1 AND 10),
            score DOUBLE NOT NULL CHECK (score BETWEEN 0 AND 100),
            source_id INTEGER NOT NULL)""",
        # Millions of item rows: a primary-key index would be ten times the table; the write
        # path (save_assessment) replaces an organisation-year's items instead.
        "CREATE INDEX item_scores_org_year ON item_scores (org_id, fiscal_year)",
        "CREATE SEQUENCE measure_ids START 1",
        f"""CREATE TABLE measures (
            measure_id BIGINT PRIMARY KEY DEFAULT nextval('measure_ids'),
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            indicator TINYINT CHECK (indicator BETWEEN 1 AND 10),
            item VARCHAR,
            title VARCHAR,
            issue VARCHAR,
            steps VARCHAR,
            responsible VARCHAR,
            due_date DATE,
            status VARCHAR NOT NULL CHECK (status IN ({_STATUSES_SQL})),
            completed_on DATE,
            result VARCHAR,
            source_id INTEGER NOT NULL)""",
    ),
    (  # 2: the size of the ranking a printed rank refers to, and dataset facts for the footer
        "ALTER TABLE assessments ADD COLUMN province_rank_of INTEGER",
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(con: duckdb.DuckDBPyConnection, upto: int = SCHEMA_VERSION) -> int:
    """Bring the schema to version ``upto``; each step is its own transaction."""
    version = _current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"ฐานข้อมูลเป็นรุ่น {version} ใหม่กว่าโปรแกรม (รุ่น {SCHEMA_VERSION}): update the dashboard"
        )
    if version == 0:
        con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
    for number in range(version + 1, upto + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[number - 1]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, _now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return _current_version(con)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# --- the store ---------------------------------------------------------------------------


def _refresh_derived(cur: duckdb.DuckDBPyConnection) -> None:
    # The analytics own their derived tables; the store only guarantees they follow every write.
    from ita_data.analytics.derived import refresh_derived

    refresh_derived(cur)


def _has_derived_tables(con: duckdb.DuckDBPyConnection) -> bool:
    from ita_data.analytics.derived import derived_tables_current

    return derived_tables_current(con)


def _explain_open_error(path: Path, err: Exception) -> StoreError:
    text = str(err)
    if "lock" in text.lower():
        pid = re.search(r"PID (\d+)", text)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreBusy(
            f"ฐานข้อมูล {path} ถูกเปิดใช้งานโดยโปรแกรมอื่น{holder}: another process holds the file. "
            "Close that program (for example a running dashboard) or import through the dashboard's "
            "นำเข้าข้อมูล page, then try again."
        )
    return StoreError(f"เปิดฐานข้อมูล {path} ไม่ได้: {text}")


class Store:
    """An open ITA database. Create one per process; readers call ``cursor()``."""

    def __init__(self, path: str | os.PathLike[str] | None = None, read_only: bool = False):
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"ไม่พบฐานข้อมูล {self.path}: run `python -m ita_data build` first")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            raise _explain_open_error(self.path, err) from None
        self._write_lock = threading.Lock()
        if not read_only:
            migrate(self._con)
            if not _has_derived_tables(self._con):
                with self.transaction():
                    pass  # the commit path (re)builds them: new database, or an older analytics version
        elif _current_version(self._con) != SCHEMA_VERSION:
            raise StoreError(
                f"ฐานข้อมูล {self.path} เป็นรุ่น {_current_version(self._con)}; open it once for writing "
                "(python -m ita_data migrate) to upgrade it"
            )

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of one's own: one per thread or Streamlit session."""
        return self._con.cursor()

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> pd.DataFrame:
        """Run a read on a fresh cursor and return a DataFrame (for scripts and tests)."""
        cur = self.cursor()
        try:
            return cur.execute(sql, params or []).df()
        finally:
            cur.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write, whole or not at all. Writes in this process queue here one after another.

        Before it commits, the analytics' derived tables are rebuilt in the same transaction, so a
        reader sees the new data and what is derived from it together, or neither.
        """
        if self.read_only:
            raise StoreError(f"ฐานข้อมูล {self.path} เปิดแบบอ่านอย่างเดียว: cannot write")
        with self._write_lock:
            cur = self._con.cursor()
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                _refresh_derived(cur)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                cur.close()

    def schema_version(self) -> int:
        return _current_version(self.cursor())

    def meta(self) -> dict[str, str]:
        return dict(self.cursor().execute("SELECT key, value FROM meta").fetchall())


# --- validation: the messages name the record ----------------------------------------------


@dataclass(frozen=True)
class OrgRecord:
    org_type: str
    name: str
    province: str | None = None
    district: str | None = None
    is_synthetic: bool = False

    def label(self) -> str:
        where = f" จ.{self.province}" if self.province else ""
        return f"{orgs.display_name(self.org_type, self.name)}{where}"


def _check_score(what: str, value: Any) -> float | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    try:
        score = float(value)
    except (TypeError, ValueError):
        raise DataError(f"{what}: {value!r} is not a number") from None
    if not 0 <= score <= 100:
        raise DataError(f"{what}: {score:g} is outside 0-100")
    return score


def check_status(what: str, status: str) -> str:
    if status not in STATUSES:
        raise DataError(f"{what}: status {status!r} is not one of {', '.join(STATUSES)}")
    return status


# --- the write path ----------------------------------------------------------------------


def file_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_source(cur: duckdb.DuckDBPyConnection, checksum: str) -> int | None:
    row = cur.execute(
        "SELECT source_id FROM sources WHERE checksum = ? ORDER BY source_id LIMIT 1", [checksum]
    ).fetchone()
    return row[0] if row else None


def add_source(
    cur: duckdb.DuckDBPyConnection, file_name: str, checksum: str, kind: str, note: str | None = None
) -> int:
    if kind not in SOURCE_KINDS:
        raise DataError(f"source {file_name}: kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    return cur.execute(
        "INSERT INTO sources (file_name, checksum, kind, imported_at, note) VALUES (?, ?, ?, ?, ?) "
        "RETURNING source_id",
        [file_name, checksum, kind, _now(), note],
    ).fetchone()[0]


def resolve_org(record: OrgRecord) -> tuple[str, str, orgs.Place | None]:
    """Canonical type and name and the checked place, or a DataError that names the record."""
    try:
        type_code = orgs.org_type(record.org_type).code
        name = orgs.clean_text(record.name)
        if not name:
            raise DataError(f"organisation of type {type_code}: the name is empty")
        return type_code, name, orgs.place(record.province, record.district)
    except orgs.OrgError as err:
        raise DataError(f"{record.name}: {err}") from None


def upsert_organization(cur: duckdb.DuckDBPyConnection, record: OrgRecord) -> int:
    """The organisation's id, creating it if new; one organisation however its name is spelled."""
    type_code, name, where = resolve_org(record)
    key = orgs.org_key(type_code, name, where.province_code if where else None)
    row = cur.execute(
        "SELECT org_id, district_code FROM organizations WHERE org_key = ?", [key]
    ).fetchone()
    if row:
        if where and where.district_code and row[1] is None:
            cur.execute(
                "UPDATE organizations SET district_code = ?, district = ? WHERE org_id = ?",
                [where.district_code, where.district_th, row[0]],
            )
        return row[0]
    return cur.execute(
        "INSERT INTO organizations (org_key, org_type, name, province_code, province, district_code, "
        "district, is_synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING org_id",
        [
            key, type_code, name,
            where.province_code if where else None, where.province_th if where else None,
            where.district_code if where else None, where.district_th if where else None,
            record.is_synthetic,
        ],
    ).fetchone()[0]


# What a newer value does to a stored assessment: it replaces what it gives, keeps what it leaves out,
# and the assessment's source follows its total. Shared by save_assessment and the bulk importer.
ASSESSMENT_ON_CONFLICT = (
    " ON CONFLICT (org_id, fiscal_year) DO UPDATE SET "
    "total_score = coalesce(excluded.total_score, assessments.total_score), "
    "level_reported = coalesce(excluded.level_reported, assessments.level_reported), "
    "province_rank_reported = coalesce(excluded.province_rank_reported, "
    "assessments.province_rank_reported), "
    "province_rank_of = coalesce(excluded.province_rank_of, assessments.province_rank_of), "
    "source_id = CASE WHEN excluded.total_score IS NOT NULL THEN excluded.source_id "
    "ELSE assessments.source_id END"
)


def save_assessment(
    cur: duckdb.DuckDBPyConnection,
    org_id: int,
    fiscal_year: int,
    source_id: int,
    *,
    label: str,
    total_score: float | None = None,
    level_reported: str | None = None,
    province_rank: int | None = None,
    province_rank_of: int | None = None,
    indicator_scores: Mapping[int | str, float] | None = None,
    item_scores: Mapping[str, float] | None = None,
) -> None:
    """Store what one document or table row says of one organisation-year.

    Values it gives replace the stored ones (and take its source); values it leaves out keep theirs.
    """
    what = f"{label} ปี {fiscal_year}"
    try:
        framework.year_rules(fiscal_year)
    except framework.UnknownYearError as err:
        raise DataError(f"{what}: {err}") from None
    total = _check_score(f"{what} total_score", total_score)
    indicators = {}
    for key, value in (indicator_scores or {}).items():
        number = int(key)
        if not 1 <= number <= 10:
            raise DataError(f"{what}: indicator {key!r} is not 1-10")
        score = _check_score(f"{what} indicator {number}", value)
        if score is not None:
            indicators[number] = score
    items = {}
    for code, value in (item_scores or {}).items():
        try:
            item = framework.normalize_item_code(code)
        except ValueError as err:
            raise DataError(f"{what}: {err}") from None
        score = _check_score(f"{what} item {item}", value)
        if score is not None:
            items[item] = score
    if province_rank is not None and int(province_rank) < 1:
        raise DataError(f"{what}: province rank {province_rank} must be 1 or more")

    cur.execute(
        "INSERT INTO assessments (org_id, fiscal_year, total_score, level_reported, "
        "province_rank_reported, province_rank_of, source_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
        + ASSESSMENT_ON_CONFLICT,
        [org_id, fiscal_year, total, level_reported, province_rank, province_rank_of, source_id],
    )
    if indicators:
        cur.executemany(
            "INSERT INTO indicator_scores VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (org_id, fiscal_year, indicator) DO UPDATE SET "
            "score = excluded.score, source_id = excluded.source_id",
            [[org_id, fiscal_year, n, s, source_id] for n, s in sorted(indicators.items())],
        )
    if items:
        cur.execute(
            "DELETE FROM item_scores WHERE org_id = ? AND fiscal_year = ? AND list_contains(?, item)",
            [org_id, fiscal_year, sorted(items)],
        )
        cur.executemany(
            "INSERT INTO item_scores VALUES (?, ?, ?, ?, ?, ?)",
            [
                [org_id, fiscal_year, code, framework.item_indicator(fiscal_year, code), s, source_id]
                for code, s in sorted(items.items())
            ],
        )
    refresh_computed_level(cur, org_id, fiscal_year)


def computed_level(fiscal_year: int, total: float | None, scores: Mapping[int, float]) -> str | None:
    """The official level of the stored total (or, lacking it, the total of the indicators)."""
    if total is None or pd.isna(total):
        total = framework.total_score(fiscal_year, scores)
    return framework.official_level(fiscal_year, total, framework.tool_scores(scores))


def refresh_computed_level(cur: duckdb.DuckDBPyConnection, org_id: int, fiscal_year: int) -> None:
    """The official level from the stored indicators (or, lacking them, the stored total)."""
    scores = dict(
        cur.execute(
            "SELECT indicator, score FROM indicator_scores WHERE org_id = ? AND fiscal_year = ?",
            [org_id, fiscal_year],
        ).fetchall()
    )
    row = cur.execute(
        "SELECT total_score FROM assessments WHERE org_id = ? AND fiscal_year = ?", [org_id, fiscal_year]
    ).fetchone()
    level = computed_level(fiscal_year, row[0] if row else None, scores)
    cur.execute(
        "UPDATE assessments SET level_computed = ? WHERE org_id = ? AND fiscal_year = ?",
        [level, org_id, fiscal_year],
    )


MEASURE_FIELDS = (
    "indicator", "item", "title", "issue", "steps", "responsible", "due_date", "status",
    "completed_on", "result",
)


def replace_measures(
    cur: duckdb.DuckDBPyConnection,
    org_id: int,
    fiscal_year: int,
    source_kind: str,
    measures: Iterable[Mapping[str, Any]],
    source_id: int,
    *,
    label: str,
) -> int:
    """Measures from a newer document of the same kind replace the older ones of that org-year."""
    rows = []
    for number, m in enumerate(measures, start=1):
        what = f"{label} ปี {fiscal_year} มาตรการที่ {number}"
        status = check_status(what, m.get("status") or "unknown")
        indicator = m.get("indicator")
        if indicator is not None and not 1 <= int(indicator) <= 10:
            raise DataError(f"{what}: indicator {indicator!r} is not 1-10")
        rows.append([org_id, fiscal_year] + [
            status if f == "status" else m.get(f) for f in MEASURE_FIELDS
        ] + [source_id])
    cur.execute(
        "DELETE FROM measures WHERE org_id = ? AND fiscal_year = ? AND source_id IN "
        "(SELECT source_id FROM sources WHERE kind = ?)",
        [org_id, fiscal_year, source_kind],
    )
    if rows:
        cur.executemany(
            f"INSERT INTO measures (org_id, fiscal_year, {', '.join(MEASURE_FIELDS)}, source_id) "
            f"VALUES ({', '.join('?' * (len(MEASURE_FIELDS) + 3))})",
            rows,
        )
    return len(rows)


def set_meta(cur: duckdb.DuckDBPyConnection, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        cur.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, str(value)],
        )


_BULK_TABLES = ("organizations", "assessments", "indicator_scores", "item_scores", "measures")


def _table_columns(cur: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return {r[0] for r in rows}


def bulk_insert(cur: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Append a DataFrame whose columns match ``table``'s (for generated data; names are ours)."""
    if table not in _BULK_TABLES:
        raise StoreError(f"bulk_insert: unknown table {table}")
    unknown = set(frame.columns) - _table_columns(cur, table)
    if unknown:
        raise StoreError(f"bulk_insert: {table} has no column {', '.join(sorted(unknown))}")
    columns = ", ".join(frame.columns)
    statement = "INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM _bulk_frame"
    cur.register("_bulk_frame", frame)
    try:
        cur.execute(statement)
    finally:
        cur.unregister("_bulk_frame")
