"""The one module that opens DuckDB: schema and migrations, published snapshots, one write path.

Every value a source states is kept as a *fact* (``facts``, ``measure_facts``, ``org_facts``) with the
source and the place in it where it was read. The tables the analytics read — ``assessments``,
``indicator_scores``, ``item_scores``, ``measures`` — hold the *current* value of each fact, chosen by one
rule (``SOURCE_PRIORITY``): a NACC result table over an organisation's own report over synthetic data, and
among sources of the same rank the one imported last. Whatever the ITA rules compute (levels, recomputed
totals, tool scores) is derived and lives in the derived tables, rebuilt by the function handed in as
``Derived``.

Readers in any number of processes open the *published* database file read-only. A write copies it,
changes the copy inside one transaction, rebuilds the derived tables, and publishes the copy with an
atomic rename; a reader sees the old state or the new one, never half of one, and a writer killed at any
moment leaves the published file exactly as it was. Writers queue on a lock file beside the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ita_data import framework, orgs, settings

STATUSES = ("planned", "in_progress", "done", "cannot", "unknown")
OPEN_STATUSES = ("planned", "in_progress")
SOURCE_KINDS = ("analysis", "measures", "table", "synthetic")
# The precedence rule: which source's value of a fact is current. Higher first; among equals, the newer.
SOURCE_PRIORITY = {"table": 3, "analysis": 2, "measures": 2, "synthetic": 1}
ASSESSMENT_FACTS = ("total_score", "level_reported", "province_rank", "province_rank_of")
SCORE_FACTS = ("total_score", "indicator", "item")
FACT_KINDS = ASSESSMENT_FACTS + ("indicator", "item")
MEASURE_FIELDS = (
    "indicator",
    "item",
    "title",
    "issue",
    "steps",
    "responsible",
    "due_date",
    "status",
    "completed_on",
    "result",
)
FACT_COLUMNS = ("org_id", "fiscal_year", "fact", "key", "value_num", "value_text", "location", "snippet", "from_ocr")


class StoreError(RuntimeError):
    """A database problem explained for the person who has to fix it."""


class StoreBusy(StoreError):
    """Another process is writing and did not finish in time."""


class StoreDamaged(StoreError):
    """The database file cannot be read: damaged, or not a database at all."""


class DataError(ValueError):
    """A record that the store refuses, with the record named."""


def default_db_path() -> Path:
    return settings.default_db_path()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# --- schema ------------------------------------------------------------------------------

_ORG_TYPES_SQL = ", ".join(f"'{t.code}'" for t in orgs.ORG_TYPES)
_STATUSES_SQL = ", ".join(f"'{s}'" for s in STATUSES)
_KINDS_SQL = ", ".join(f"'{k}'" for k in SOURCE_KINDS)
_FACTS_SQL = ", ".join(f"'{f}'" for f in FACT_KINDS)
_SCORES_SQL = ", ".join(f"'{f}'" for f in SCORE_FACTS)
# A source's rank in the precedence rule, as SQL over ``sources.kind`` (alias s).
_PRIORITY_SQL = (
    "CASE s.kind " + " ".join(f"WHEN '{kind}' THEN {rank}" for kind, rank in SOURCE_PRIORITY.items()) + " ELSE 0 END"
)

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
    (  # 3: every source's facts with where they were read; current values chosen by precedence;
        #    who imported what; withdrawal; no computed level in a base table
        "ALTER TABLE sources ADD COLUMN imported_by VARCHAR",
        "ALTER TABLE sources ADD COLUMN from_ocr BOOLEAN DEFAULT false",
        "ALTER TABLE sources ADD COLUMN changes VARCHAR",
        "ALTER TABLE sources ADD COLUMN withdrawn_at TIMESTAMP",
        "ALTER TABLE sources ADD COLUMN withdrawn_by VARCHAR",
        "ALTER TABLE organizations ADD COLUMN source_id INTEGER",
        f"""CREATE TABLE facts (
            source_id INTEGER NOT NULL,
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            fact VARCHAR NOT NULL CHECK (fact IN ({_FACTS_SQL})),
            key VARCHAR NOT NULL DEFAULT '',
            value_num DOUBLE,
            value_text VARCHAR,
            location VARCHAR,
            snippet VARCHAR,
            from_ocr BOOLEAN NOT NULL DEFAULT false,
            is_current BOOLEAN NOT NULL DEFAULT true,
            CHECK (fact NOT IN ({_SCORES_SQL}) OR value_num BETWEEN 0 AND 100),
            CHECK (fact NOT IN ('province_rank', 'province_rank_of') OR value_num >= 1))""",
        # Existing data: each stored value becomes a fact of the source it carried.
        """INSERT INTO facts (source_id, org_id, fiscal_year, fact, key, value_num, value_text, is_current)
            SELECT source_id, org_id, fiscal_year, 'total_score', '', total_score, NULL, true
            FROM assessments WHERE total_score IS NOT NULL
            UNION ALL SELECT source_id, org_id, fiscal_year, 'level_reported', '', NULL, level_reported, true
            FROM assessments WHERE level_reported IS NOT NULL
            UNION ALL SELECT source_id, org_id, fiscal_year, 'province_rank', '', province_rank_reported, NULL, true
            FROM assessments WHERE province_rank_reported IS NOT NULL
            UNION ALL SELECT source_id, org_id, fiscal_year, 'province_rank_of', '', province_rank_of, NULL, true
            FROM assessments WHERE province_rank_of IS NOT NULL
            UNION ALL SELECT source_id, org_id, fiscal_year, 'indicator', CAST(indicator AS VARCHAR), score,
                             NULL, true FROM indicator_scores
            UNION ALL SELECT source_id, org_id, fiscal_year, 'item', item, score, NULL, true FROM item_scores""",
        f"""CREATE TABLE measure_facts (
            measure_id BIGINT PRIMARY KEY DEFAULT nextval('measure_ids'),
            source_id INTEGER NOT NULL,
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
            location VARCHAR,
            snippet VARCHAR,
            from_ocr BOOLEAN NOT NULL DEFAULT false)""",
        """INSERT INTO measure_facts (measure_id, source_id, org_id, fiscal_year, indicator, item, title,
            issue, steps, responsible, due_date, status, completed_on, result)
            SELECT measure_id, source_id, org_id, fiscal_year, indicator, item, title, issue, steps,
                   responsible, due_date, status, completed_on, result FROM measures""",
        """CREATE TABLE org_facts (
            source_id INTEGER,
            org_id INTEGER NOT NULL,
            district_code VARCHAR NOT NULL,
            district VARCHAR)""",
        """UPDATE organizations SET source_id = (
            SELECT min(source_id) FROM (
                SELECT source_id FROM facts f WHERE f.org_id = organizations.org_id
                UNION ALL SELECT source_id FROM measure_facts m WHERE m.org_id = organizations.org_id))""",
        """INSERT INTO org_facts SELECT source_id, org_id, district_code, district
            FROM organizations WHERE district_code IS NOT NULL""",
        "ALTER TABLE assessments DROP COLUMN level_computed",
        # Two sources that state different values for one fact: kept current by the write path.
        """CREATE TABLE disagreements (
            org_id INTEGER NOT NULL,
            fiscal_year SMALLINT NOT NULL,
            fact VARCHAR NOT NULL,
            key VARCHAR NOT NULL,
            source_ids INTEGER[] NOT NULL,
            stated_values VARCHAR[] NOT NULL)""",
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
        raise StoreError(f"ฐานข้อมูลเป็นรุ่น {version} ใหม่กว่าโปรแกรม (รุ่น {SCHEMA_VERSION}): update the dashboard")
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


# --- the derived tables, handed in ----------------------------------------------------------


@dataclass(frozen=True)
class Derived:
    """What must follow every write: ``refresh(cur)`` rebuilds the derived tables inside the write's
    transaction; ``version()`` names the definition (SQL and rule data) they were built by."""

    version: Callable[[], str]
    refresh: Callable[[duckdb.DuckDBPyConnection], None]


_REGISTERED = object()
_default_derived: Derived | None = None


def use_derived(derived: Derived) -> None:
    """Name what every ``Store`` opened without an explicit ``derived`` keeps (``ita_data`` does this
    on import with the analytics' derived tables, so the store never imports them)."""
    global _default_derived
    _default_derived = derived


def _stored_derived_version(cur: duckdb.DuckDBPyConnection) -> str | None:
    if not cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]:
        return None
    row = cur.execute("SELECT value FROM meta WHERE key = 'derived_version'").fetchone()
    return row[0] if row else None


# --- opening: messages a person can act on ---------------------------------------------------


def _explain_open_error(path: Path, err: Exception) -> StoreError:
    text = str(err)
    if "Could not set lock on file" in text or "Conflicting lock is held" in text:
        pid = re.search(r"PID (\d+)", text)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreBusy(
            f"ฐานข้อมูล {path} ถูกเปิดเขียนโดยโปรแกรมอื่น{holder}: another process holds the file for "
            "writing (an older version of this program?). Close it and try again."
        )
    if "No space left" in text:
        return StoreError(f"พื้นที่ดิสก์เต็ม: เปิดฐานข้อมูล {path} ไม่ได้ (no space left on the disk)")
    return StoreDamaged(
        f"ไฟล์ฐานข้อมูล {path} เสียหายหรือไม่ใช่ฐานข้อมูล DuckDB: the file is damaged or not a database "
        f"({text.splitlines()[0] if text else type(err).__name__}). Restore it from a backup, or build a new "
        "one with `python -m ita_data build` and import the sources again."
    )


def is_damage(text: str) -> bool:
    """Whether a DuckDB message says the file is damaged."""
    return any(
        word in text
        for word in (
            "Corrupt database file",
            "checksum",
            "not a valid DuckDB database",
            "The file is not a valid",
            "block header",
        )
    )


def _is_full(text: str) -> bool:
    return "No space left" in text or "disk is full" in text.lower()


def explain_read_error(path: Path | None, err: Exception) -> StoreError:
    """A database error met while reading, in words: a damaged file is said to be damaged."""
    if isinstance(err, StoreError):
        return err
    text = str(err)
    where = f" {path}" if path else ""
    if _is_full(text):
        return explain_write_error(path or Path("."), err)
    if is_damage(text):
        return StoreDamaged(
            f"ไฟล์ฐานข้อมูล{where} เสียหาย อ่านข้อมูลบางส่วนไม่ได้: part of the database file is damaged "
            f"({text.splitlines()[0][:200]}). Nothing was changed. Restore the file from a backup, or build "
            "a new one with `python -m ita_data build` and import the sources again."
        )
    return StoreError(f"อ่านฐานข้อมูล{where} ไม่ได้: {text.splitlines()[0][:300] if text else type(err).__name__}")


def explain_write_error(path: Path, err: Exception) -> StoreError:
    """A failed write in words: what happened, and that the published database is unchanged."""
    text = str(err)
    if isinstance(err, duckdb.Error) and is_damage(text):
        return explain_read_error(path, err)
    if _is_full(text):
        return StoreError(
            f"พื้นที่ดิสก์เต็ม: บันทึกไม่สำเร็จ ฐานข้อมูล {path} ยังเหมือนเดิมทุกประการ "
            "(no space left on the disk; nothing was changed). Free some space and try again."
        )
    if isinstance(err, StoreError):
        return err
    return StoreError(f"บันทึกไม่สำเร็จ ฐานข้อมูล {path} ยังเหมือนเดิม (the write failed and nothing was changed: {text})")


# --- the writers' lock: one writer at a time, across processes ------------------------------


class _WriterLock:
    """An exclusive ``flock`` on ``<db>.lock``; the holder writes who it is into the file."""

    def __init__(self, db_path: Path, wait_seconds: float, on_wait: Callable[[str], None] | None):
        self.path = db_path.with_name(db_path.name + ".lock")
        self.wait_seconds = wait_seconds
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> _WriterLock:
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = self._holder()
                if not told and self.on_wait:
                    self.on_wait(f"รอให้การบันทึกอีกรายการเสร็จก่อน ({holder}): waiting for another write")
                    told = True
                if time.monotonic() >= deadline:
                    os.close(self.fd)
                    self.fd = None
                    raise StoreBusy(
                        f"ฐานข้อมูลกำลังถูกบันทึกโดยโปรแกรมอื่น ({holder}) นานเกิน {self.wait_seconds:.0f} วินาที: "
                        "another write is still running; try again when it has finished"
                    ) from None
                time.sleep(0.05)
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"PID {os.getpid()} {settings.os_user()} {_now().isoformat()}".encode(), 0)
        return self

    def _holder(self) -> str:
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                return f.read(200).strip() or "unknown"
        except OSError:
            return "unknown"

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish_file(built: Path, target: Path, on_wait: Callable[[str], None] | None = None) -> None:
    """Put a database built elsewhere in place of ``target``, between two writes, atomically."""
    with _WriterLock(target, settings.WRITE_WAIT_SECONDS, on_wait):
        os.replace(built, target)
        _fsync_dir(target.parent)
    for stale in target.parent.glob(f".{target.name}.snap-*"):
        stale.unlink(missing_ok=True)


def remove_files(path: Path) -> None:
    """A database file and everything this module keeps beside it (lock, snapshot names, WAL)."""
    for name in (path, path.with_name(path.name + ".wal"), path.with_name(path.name + ".lock")):
        name.unlink(missing_ok=True)
    for pattern in (f".{path.name}.snap-*", f".{path.name}.next-*"):
        for leftover in path.parent.glob(pattern):
            leftover.unlink(missing_ok=True)


@contextlib.contextmanager
def _unit(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction on a cursor of its own: committed whole, or rolled back."""
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
        cur.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            cur.execute("ROLLBACK")
        raise
    finally:
        cur.close()


# --- the store ---------------------------------------------------------------------------


class Store:
    """An ITA database: readers call ``cursor()``, writers ``transaction()``. One per process.

    ``derived`` is what every write must rebuild: by default the one ``use_derived`` named (the
    analytics' derived tables, ``ita_data.derived.DERIVED``); ``None`` for a bare store.
    ``read_only`` forbids writes through this object; it still reads the newest published snapshot.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        read_only: bool = False,
        *,
        derived: Derived | None | object = _REGISTERED,
        on_wait: Callable[[str], None] | None = None,
        wait_seconds: float | None = None,
    ):
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        self.derived: Derived | None = _default_derived if derived is _REGISTERED else derived  # type: ignore[assignment]
        self.on_wait = on_wait
        self.wait_seconds = settings.WRITE_WAIT_SECONDS if wait_seconds is None else wait_seconds
        self._swap = threading.Lock()
        self._write_lock = threading.RLock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._snapshot: tuple[int, int, int] | None = None
        self._batch: tuple[duckdb.DuckDBPyConnection, int] | None = None
        if not self.path.exists():
            if read_only:
                raise StoreError(f"ไม่พบฐานข้อมูล {self.path}: run `python -m ita_data build` first")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._publish_upgrade()
        elif self._needs_upgrade():
            self._publish_upgrade()
        self._connection()

    # -- reading

    def _needs_upgrade(self) -> bool:
        if self.path.with_name(self.path.name + ".wal").exists():
            return True  # a database written by an older version of this program, not checkpointed
        cur = self._connection().cursor()
        try:
            if _current_version(cur) != SCHEMA_VERSION:
                return True
            return self.derived is not None and _stored_derived_version(cur) != self.derived.version()
        except duckdb.Error as err:
            raise explain_read_error(self.path, err) from None
        finally:
            cur.close()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """The connection on the newest published snapshot; reopened when another write published."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise StoreError(f"ไม่พบฐานข้อมูล {self.path}: run `python -m ita_data build` first") from None
        snapshot = (st.st_ino, st.st_mtime_ns, st.st_size)
        if snapshot == self._snapshot and self._con is not None:
            return self._con
        with self._swap:
            if snapshot != self._snapshot or self._con is None:
                self._con = self._open_snapshot(st)
                self._snapshot = snapshot
            return self._con

    def _open_snapshot(self, st: os.stat_result) -> duckdb.DuckDBPyConnection:
        # DuckDB keeps one instance per path in a process, so a new snapshot behind the same name would
        # be served from the old instance: open each snapshot under a name of its own (a hard link).
        link = self.path.with_name(f".{self.path.name}.snap-{st.st_ino}-{st.st_mtime_ns}")
        for _attempt in range(5):
            try:
                if not link.exists():
                    os.link(self.path, link)
                elif os.stat(link).st_ino != os.stat(self.path).st_ino:
                    link.unlink()
                    continue
                target = link
            except FileExistsError:
                continue
            except OSError:
                target = self.path  # no hard links here: the file itself (a new snapshot needs a restart)
            try:
                return duckdb.connect(str(target), read_only=True)
            except duckdb.IOException as err:
                if target == link and not link.exists():
                    continue  # a writer cleaned the link up between the two calls
                raise _explain_open_error(self.path, err) from None
            except duckdb.Error as err:
                raise _explain_open_error(self.path, err) from None
        raise StoreError(f"เปิดฐานข้อมูล {self.path} ไม่ได้: it kept changing while being opened; try again")

    @property
    def snapshot_version(self) -> str:
        """Names the published state this process reads now; changes with every published write."""
        self._connection()
        ino, mtime, size = self._snapshot or (0, 0, 0)
        return f"{ino}-{mtime}-{size}"

    def close(self) -> None:
        with self._swap:
            if self._con is not None:
                self._con.close()
            self._con = None
            self._snapshot = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of one's own on the newest published snapshot: one per thread or Streamlit session."""
        return self._connection().cursor()

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> pd.DataFrame:
        """Run a read on a fresh cursor and return a DataFrame (for scripts and tests)."""
        cur = self.cursor()
        try:
            return cur.execute(sql, params or []).df()
        finally:
            cur.close()

    def schema_version(self) -> int:
        return _current_version(self.cursor())

    def meta(self) -> dict[str, str]:
        return dict(self.cursor().execute("SELECT key, value FROM meta").fetchall())

    # -- writing

    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write, whole or not at all, published for every reader when it commits.

        Writes queue here, one after another, within this process and across processes. The derived
        tables are rebuilt before the new state is published, so a reader sees the new data and what is
        derived from it together, or neither. Inside ``batch()`` the write lands in the batch's copy.
        """
        if self.read_only:
            raise StoreError(f"ฐานข้อมูล {self.path} เปิดแบบอ่านอย่างเดียว: cannot write")
        if self._batch is not None and self._batch[1] == threading.get_ident():
            with _unit(self._batch[0]) as cur:
                yield cur
            return
        with self._working_copy() as con, _unit(con) as cur:
            yield cur

    @contextlib.contextmanager
    def batch(self) -> Iterator[Store]:
        """Many writes, each whole or not at all, published once at the end (a folder of reports)."""
        if self.read_only:
            raise StoreError(f"ฐานข้อมูล {self.path} เปิดแบบอ่านอย่างเดียว: cannot write")
        if self._batch is not None and self._batch[1] == threading.get_ident():
            yield self  # already inside a batch: its writes join the one publish
            return
        with self._working_copy() as con:
            self._batch = (con, threading.get_ident())
            try:
                yield self
            finally:
                self._batch = None

    def _publish_upgrade(self) -> None:
        if not os.access(self.path.parent, os.W_OK):
            raise StoreError(
                f"ฐานข้อมูล {self.path} ต้องปรับรุ่น แต่โฟลเดอร์นี้เขียนไม่ได้: the database needs an upgrade "
                "(a newer schema or edited ITA rules) and its folder is read-only; open it once where the "
                "folder is writable"
            )
        with self._working_copy():
            pass

    @contextlib.contextmanager
    def _working_copy(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Copy the published file, hand out the copy, then rebuild the derived tables and publish it.

        Nothing is published if anything fails; a writer killed at any point leaves only its copy
        behind, which the next writer removes.
        """
        with self._write_lock, _WriterLock(self.path, self.wait_seconds, self.on_wait):
            self._clean_leftovers()
            work = self.path.with_name(f".{self.path.name}.next-{os.getpid()}-{threading.get_ident()}")
            con: duckdb.DuckDBPyConnection | None = None
            try:
                try:
                    if self.path.exists():
                        self._checkpoint_legacy_wal()
                        shutil.copyfile(self.path, work)
                    con = duckdb.connect(str(work))
                    migrate(con)
                except duckdb.Error as err:
                    raise _explain_open_error(self.path, err) from None
                except OSError as err:
                    raise explain_write_error(self.path, err) from None
                if self.derived is not None and _stored_derived_version(con) != self.derived.version():
                    with _unit(con) as cur:
                        resolve(cur, None)  # the rules changed: every current value is chosen again
                try:
                    yield con
                except duckdb.Error as err:
                    if isinstance(err, duckdb.IOException) or is_damage(str(err)) or _is_full(str(err)):
                        raise explain_write_error(self.path, err) from err
                    raise
                try:
                    if self.derived is not None:
                        with _unit(con) as cur:
                            self.derived.refresh(cur)
                    con.close()  # checkpoints and syncs the new file
                    con = None
                    os.replace(work, self.path)
                    _fsync_dir(self.path.parent)
                except (duckdb.Error, OSError) as err:
                    raise explain_write_error(self.path, err) from err
            finally:
                if con is not None:
                    with contextlib.suppress(duckdb.Error):
                        con.close()
                for leftover in (work, work.with_name(work.name + ".wal")):
                    leftover.unlink(missing_ok=True)
            self._clean_snapshot_links()
        self._connection()

    def _clean_leftovers(self) -> None:
        """Working copies of writers that died (we hold the lock, so no other writer is running)."""
        for leftover in self.path.parent.glob(f".{self.path.name}.next-*"):
            leftover.unlink(missing_ok=True)

    def _clean_snapshot_links(self) -> None:
        # Readers holding an older snapshot keep it open; the name is no longer needed to find it.
        try:
            current = os.stat(self.path).st_ino
        except FileNotFoundError:
            return
        for link in self.path.parent.glob(f".{self.path.name}.snap-*"):
            if not link.name.startswith(f".{self.path.name}.snap-{current}-"):
                link.unlink(missing_ok=True)

    def _checkpoint_legacy_wal(self) -> None:
        """A database left by an older version may have changes in its .wal: fold them in first."""
        if not self.path.with_name(self.path.name + ".wal").exists():
            return
        self.close()
        try:
            legacy = duckdb.connect(str(self.path))
            legacy.execute("CHECKPOINT")
            legacy.close()
        except duckdb.Error as err:
            raise _explain_open_error(self.path, err) from None

    # -- sources

    def sources(self) -> pd.DataFrame:
        """Every source with what it states and how much of that is current (``python -m ita_data sources``)."""
        return self.query(_SOURCES_SQL)

    def withdraw(self, source_id: int, by: str | None = None) -> str:
        """Remove what one source said; the current values fall back to what the other sources say."""
        with self.transaction() as cur:
            return withdraw_source(cur, int(source_id), by or settings.os_user())


_SOURCES_SQL = """
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


# --- sources -------------------------------------------------------------------------------


def file_checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_source(cur: duckdb.DuckDBPyConnection, checksum: str) -> int | None:
    """The source already imported from these bytes (and not withdrawn), if any."""
    row = cur.execute(
        "SELECT source_id FROM sources WHERE checksum = ? AND withdrawn_at IS NULL ORDER BY source_id LIMIT 1",
        [checksum],
    ).fetchone()
    return row[0] if row else None


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
        raise DataError(f"source {file_name}: kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    return cur.execute(
        "INSERT INTO sources (file_name, checksum, kind, imported_at, note, imported_by, from_ocr) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING source_id",
        [file_name, checksum, kind, imported_at or _now(), note, imported_by or settings.os_user(), from_ocr],
    ).fetchone()[0]


def record_changes(cur: duckdb.DuckDBPyConnection, source_id: int, changes: Mapping[str, int]) -> None:
    """What an import changed (added / updated / unchanged / rejected), kept with its source."""
    cur.execute(
        "UPDATE sources SET changes = ? WHERE source_id = ?", [json.dumps(dict(changes), ensure_ascii=False), source_id]
    )


# --- the write path: organisations ----------------------------------------------------------

_ORG_COLUMNS = ("org_key", "org_type", "name", "province_code", "province", "district_code", "district", "is_synthetic")


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


def org_frame(records: Iterable[OrgRecord]) -> pd.DataFrame:
    """Checked organisations in the shape ``add_organizations`` takes."""
    rows = []
    for record in records:
        type_code, name, where = resolve_org(record)
        rows.append(
            {
                "org_key": orgs.org_key(type_code, name, where.province_code if where else None),
                "org_type": type_code,
                "name": name,
                "province_code": where.province_code if where else None,
                "province": where.province_th if where else None,
                "district_code": where.district_code if where else None,
                "district": where.district_th if where else None,
                "is_synthetic": record.is_synthetic,
            }
        )
    return pd.DataFrame(rows, columns=list(_ORG_COLUMNS))


@contextlib.contextmanager
def registered(cur: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> Iterator[None]:
    """``frame`` readable as table ``name`` inside the block."""
    cur.register(name, frame)
    try:
        yield
    finally:
        # An aborted transaction refuses even this; the cursor is closed on the way out anyway.
        with contextlib.suppress(duckdb.Error):
            cur.unregister(name)


def add_organizations(cur: duckdb.DuckDBPyConnection, frame: pd.DataFrame, source_id: int | None) -> pd.DataFrame:
    """Create the organisations the store lacks and fill a district it lacks; returns org_key → org_id.

    ``frame`` has the columns of ``org_frame`` (and may carry ``org_id`` for generated data). A district
    a source states is kept as that source's fact, so withdrawing the source takes it back.
    """
    frame = frame.sort_values("district_code", key=lambda s: s.isna(), kind="stable")
    frame = frame.drop_duplicates("org_key").reset_index(drop=True)
    if "is_synthetic" not in frame:
        frame = frame.assign(is_synthetic=False)
    frame = frame.assign(is_synthetic=frame["is_synthetic"].fillna(False).astype(bool))
    columns = [c for c in ("org_id", *_ORG_COLUMNS) if c in frame.columns]
    with registered(cur, "_new_orgs", frame[columns]):
        # Districts first: which known organisations lack the district this source names.
        cur.execute(
            "INSERT INTO org_facts SELECT ?, o.org_id, n.district_code, n.district FROM _new_orgs n "
            "JOIN organizations o USING (org_key) WHERE o.district_code IS NULL AND n.district_code IS NOT NULL",
            [source_id],
        )
        cur.execute(
            "UPDATE organizations SET district_code = n.district_code, district = n.district FROM _new_orgs n "
            "WHERE organizations.org_key = n.org_key AND organizations.district_code IS NULL "
            "AND n.district_code IS NOT NULL"
        )
        names = ", ".join(columns)
        cur.execute(
            "INSERT INTO organizations (" + names + ", source_id) SELECT " + names + ", ? FROM _new_orgs "
            "WHERE org_key NOT IN (SELECT org_key FROM organizations)",
            [source_id],
        )
        cur.execute(
            "INSERT INTO org_facts SELECT ?, o.org_id, o.district_code, o.district FROM _new_orgs n "
            "JOIN organizations o USING (org_key) WHERE o.source_id IS NOT DISTINCT FROM ? "
            "AND o.district_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_facts f "
            "WHERE f.org_id = o.org_id AND f.source_id IS NOT DISTINCT FROM ?)",
            [source_id, source_id, source_id],
        )
        return cur.execute("SELECT n.org_key, o.org_id FROM _new_orgs n JOIN organizations o USING (org_key)").df()


def upsert_organization(cur: duckdb.DuckDBPyConnection, record: OrgRecord, source_id: int | None = None) -> int:
    """The organisation's id, creating it if new; one organisation however its name is spelled."""
    return int(add_organizations(cur, org_frame([record]), source_id)["org_id"].iloc[0])


# --- the write path: facts --------------------------------------------------------------------


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
    ``measures``: org_id, fiscal_year and ``MEASURE_FIELDS`` (plus location, snippet, from_ocr).
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
        measure_keys.append(frame[["org_id", "fiscal_year"]])
    fact_keys = _distinct_keys(keys)
    measure_keys_frame = _distinct_keys(measure_keys)
    if choose:
        if len(fact_keys):
            resolve(cur, fact_keys, measures=False)
        if len(measure_keys_frame):
            resolve(cur, measure_keys_frame, facts=False)
    return _distinct_keys([fact_keys, measure_keys_frame])


def _distinct_keys(frames: list[pd.DataFrame]) -> pd.DataFrame:
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
        "    SELECT " + columns + ", " + _PRIORITY_SQL + " AS priority, "
        "           row_number() OVER w AS rank, first_value(" + _PRIORITY_SQL + ") OVER w AS top_priority, "
        "           first_value(f.value_num) OVER w AS top_num, first_value(f.value_text) OVER w AS top_text "
        "    FROM facts f SEMI JOIN _multi m ON m.org_id = f.org_id AND m.fiscal_year = f.fiscal_year "
        "    JOIN sources s USING (source_id) "
        "    WINDOW w AS (PARTITION BY f.org_id, f.fiscal_year, f.fact, f.key "
        "                 ORDER BY " + _PRIORITY_SQL + " DESC, f.source_id DESC)))"
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
        raise DataError(f"ไม่มีแหล่งข้อมูลหมายเลข {source_id}: no such source (python -m ita_data sources)")
    if row[1] is not None:
        raise DataError(f"แหล่งข้อมูล {source_id} ({row[0]}) ถูกถอนไปแล้วเมื่อ {row[1]}: already withdrawn")
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
    cur.execute("UPDATE sources SET withdrawn_at = ?, withdrawn_by = ? WHERE source_id = ?", [_now(), by, source_id])
    _resolve_districts(cur, districts)
    resolve(cur, keys.astype("int64"))
    return (
        f"ถอนแหล่งข้อมูล {source_id} ({row[0]}) แล้ว: ลบข้อมูล {counts[0]:,} รายการ "
        f"(เป็นค่าปัจจุบัน {counts[2]:,}) มาตรการ {counts[1]:,} รายการ หน่วยงานที่มีเฉพาะในแหล่งนี้ {len(gone):,} แห่ง; "
        f"ค่าของ {len(keys):,} หน่วยงาน-ปี กลับไปตามแหล่งข้อมูลที่เหลือ "
        f"(withdrew source {source_id}: {counts[0]:,} facts, {counts[1]:,} measures removed)"
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
            + _PRIORITY_SQL
            + " DESC, f.source_id DESC NULLS LAST) AS rank "
            "FROM org_facts f LEFT JOIN sources s USING (source_id)) f ON f.org_id = k.org_id AND f.rank = 1"
            ") r WHERE organizations.org_id = r.org_id"
        )


# --- one report's worth, through the same path ----------------------------------------------

# Where a parsed report says it read each fact: ``ParsedReport.locations`` keys, as the store names them.
_REPORT_KEYS = {
    "total_score": "total_score",
    "level": "level_reported",
    "province_rank": "province_rank",
    "province_rank_of": "province_rank_of",
}


def assessment_facts(
    org_id: int,
    fiscal_year: int,
    *,
    label: str,
    total_score: float | None = None,
    level_reported: str | None = None,
    province_rank: int | None = None,
    province_rank_of: int | None = None,
    indicator_scores: Mapping[Any, float] | None = None,
    item_scores: Mapping[str, float] | None = None,
    locations: Mapping[str, tuple[str | None, str | None]] | None = None,
    from_ocr: Iterable[str] = (),
) -> pd.DataFrame:
    """What one document says of one organisation-year, checked, as rows of facts.

    ``locations`` maps a report key ('total_score', 'level', 'province_rank', 'indicator:3', 'item:o5')
    to (where, snippet); ``from_ocr`` lists the keys read by OCR.
    """
    what = f"{label} ปี {fiscal_year}"
    try:
        framework.year_rules(fiscal_year)
    except framework.UnknownYearError as err:
        raise DataError(f"{what}: {err}") from None
    rows: list[tuple[str, str, float | None, str | None, str]] = []
    total = _check_score(f"{what} total_score", total_score)
    if total is not None:
        rows.append(("total_score", "", total, None, "total_score"))
    if level_reported:
        rows.append(("level_reported", "", None, str(level_reported), "level"))
    if province_rank is not None:
        if int(province_rank) < 1:
            raise DataError(f"{what}: province rank {province_rank} must be 1 or more")
        rows.append(("province_rank", "", float(province_rank), None, "province_rank"))
    if province_rank_of is not None and int(province_rank_of) >= 1:
        rows.append(("province_rank_of", "", float(province_rank_of), None, "province_rank_of"))
    for key, value in sorted((indicator_scores or {}).items(), key=lambda kv: int(kv[0])):
        number = int(key)
        if not 1 <= number <= 10:
            raise DataError(f"{what}: indicator {key!r} is not 1-10")
        score = _check_score(f"{what} indicator {number}", value)
        if score is not None:
            rows.append(("indicator", str(number), score, None, f"indicator:{number}"))
    for code, value in (item_scores or {}).items():
        try:
            item = framework.normalize_item_code(code)
        except ValueError as err:
            raise DataError(f"{what}: {err}") from None
        score = _check_score(f"{what} item {item}", value)
        if score is not None:
            rows.append(("item", item, score, None, f"item:{item}"))
    places = locations or {}
    ocr = set(from_ocr)
    return pd.DataFrame(
        [
            {
                "org_id": org_id,
                "fiscal_year": fiscal_year,
                "fact": fact,
                "key": key,
                "value_num": num,
                "value_text": text,
                "location": (places.get(ref) or (None, None))[0],
                "snippet": (places.get(ref) or (None, None))[1],
                "from_ocr": ref in ocr,
            }
            for fact, key, num, text, ref in rows
        ],
        columns=list(FACT_COLUMNS),
    )


def save_assessment(
    cur: duckdb.DuckDBPyConnection, org_id: int, fiscal_year: int, source_id: int, **values: Any
) -> None:
    """Store what one document or table row says of one organisation-year (see ``assessment_facts``)."""
    write_facts(cur, source_id, assessment_facts(org_id, fiscal_year, **values))


def measure_frame(org_id: int, fiscal_year: int, measures: Iterable[Mapping[str, Any]], *, label: str) -> pd.DataFrame:
    """One document's measures, checked, in the shape ``write_facts`` takes."""
    rows = []
    for number, m in enumerate(measures, start=1):
        what = f"{label} ปี {fiscal_year} มาตรการที่ {number}"
        status = check_status(what, m.get("status") or "unknown")
        indicator = m.get("indicator")
        if indicator is not None and not 1 <= int(indicator) <= 10:
            raise DataError(f"{what}: indicator {indicator!r} is not 1-10")
        rows.append(
            {
                "org_id": org_id,
                "fiscal_year": fiscal_year,
                **{f: status if f == "status" else m.get(f) for f in MEASURE_FIELDS},
                "location": m.get("location"),
                "snippet": m.get("snippet"),
                "from_ocr": bool(m.get("from_ocr", False)),
            }
        )
    frame = pd.DataFrame(rows, columns=["org_id", "fiscal_year", *MEASURE_FIELDS, "location", "snippet", "from_ocr"])
    return frame.astype({"indicator": "Int64", "due_date": "object", "completed_on": "object"})


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
    """A document's measures; those of the newest document of a kind are the current ones."""
    frame = measure_frame(org_id, fiscal_year, measures, label=label)
    write_facts(cur, source_id, measures=frame)
    return len(frame)


def set_meta(cur: duckdb.DuckDBPyConnection, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        cur.execute(
            "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, str(value)]
        )
