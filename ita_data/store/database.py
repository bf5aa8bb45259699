"""The database itself: one ``Store`` per process, readers on the newest published snapshot, one writer.

Readers in any number of processes open the *published* database file read-only. A write copies it,
changes the copy inside one transaction, rebuilds the derived tables (the function handed in as
``Derived``), and publishes the copy with an atomic rename; a reader sees the old state or the new one,
never half of one, and a writer killed at any moment leaves the published file exactly as it was.
Writers queue on a lock file beside the database (``snapshots``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ita_data import labels, settings

from .cursors import unit
from .errors import StoreError, explain_open_error, explain_read_error, explain_write_error, is_damage, is_full
from .facts import resolve, withdraw_source
from .importing import Import
from .schema import SCHEMA_VERSION, current_version, migrate, stored_derived_version
from .snapshots import WriterLock, clean_snapshot_links, clean_working_copies, fsync_dir, open_snapshot, writer_holding
from .sources import SOURCES_SQL, find_source


def default_db_path() -> Path:
    return settings.default_db_path()


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
                raise StoreError(labels.STORE_NOT_FOUND.format(path=self.path))
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
            if current_version(cur) != SCHEMA_VERSION:
                return True
            return self.derived is not None and stored_derived_version(cur) != self.derived.version()
        except duckdb.Error as err:
            raise explain_read_error(self.path, err) from None
        finally:
            cur.close()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """The connection on the newest published snapshot; reopened when another write published."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise StoreError(labels.STORE_NOT_FOUND.format(path=self.path)) from None
        snapshot = (st.st_ino, st.st_mtime_ns, st.st_size)
        if snapshot == self._snapshot and self._con is not None:
            return self._con
        with self._swap:
            if snapshot != self._snapshot or self._con is None:
                self._con = open_snapshot(self.path, st)
                self._snapshot = snapshot
            return self._con

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
        return current_version(self.cursor())

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
            raise StoreError(labels.STORE_READ_ONLY.format(path=self.path))
        if self._batch is not None and self._batch[1] == threading.get_ident():
            with unit(self._batch[0]) as cur:
                yield cur
            return
        with self._working_copy() as con, unit(con) as cur:
            yield cur

    @contextlib.contextmanager
    def batch(self) -> Iterator[Store]:
        """Many writes, each whole or not at all, published once at the end (a folder of reports)."""
        if self.read_only:
            raise StoreError(labels.STORE_READ_ONLY.format(path=self.path))
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
            raise StoreError(labels.STORE_UPGRADE_READ_ONLY_FOLDER.format(path=self.path))
        with self._working_copy():
            pass

    @contextlib.contextmanager
    def _working_copy(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Copy the published file, hand out the copy, then rebuild the derived tables and publish it.

        Nothing is published if anything fails; a writer killed at any point leaves only its copy
        behind, which the next writer removes.
        """
        with self._write_lock, WriterLock(self.path, self.wait_seconds, self.on_wait):
            clean_working_copies(self.path)
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
                    raise explain_open_error(self.path, err) from None
                except OSError as err:
                    raise explain_write_error(self.path, err) from None
                if self.derived is not None and stored_derived_version(con) != self.derived.version():
                    with unit(con) as cur:
                        resolve(cur, None)  # the rules changed: every current value is chosen again
                try:
                    yield con
                except duckdb.Error as err:
                    if isinstance(err, duckdb.IOException) or is_damage(str(err)) or is_full(str(err)):
                        raise explain_write_error(self.path, err) from err
                    raise
                try:
                    if self.derived is not None:
                        with unit(con) as cur:
                            self.derived.refresh(cur)
                    con.close()  # checkpoints and syncs the new file
                    con = None
                    os.replace(work, self.path)
                    fsync_dir(self.path.parent)
                except (duckdb.Error, OSError) as err:
                    raise explain_write_error(self.path, err) from err
            finally:
                if con is not None:
                    with contextlib.suppress(duckdb.Error):
                        con.close()
                for leftover in (work, work.with_name(work.name + ".wal")):
                    leftover.unlink(missing_ok=True)
            clean_snapshot_links(self.path)
        self._connection()

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
            raise explain_open_error(self.path, err) from None

    # -- imports and sources

    @contextlib.contextmanager
    def importing(
        self,
        kind: str,
        file_name: str,
        checksum: str,
        *,
        by: str | None = None,
        note: str | None = None,
        from_ocr: bool = False,
        imported_at: dt.datetime | None = None,
        choose_all: bool = False,
        dry_run: bool = False,
    ) -> Iterator[Import]:
        """One import, recorded whole or not at all (``ita_data.store.importing``).

        ``by`` is who the record names (default: the OS user); ``choose_all`` chooses the current value of
        every organisation-year at the end (a whole generated dataset) rather than those the import touched;
        ``dry_run`` reads what the store holds and writes nothing.
        """
        options: dict[str, Any] = dict(by=by, note=note, from_ocr=from_ocr, imported_at=imported_at)
        if dry_run:
            cur = self.cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                yield Import(cur, kind, file_name, checksum, **options, dry_run=True)
            finally:
                with contextlib.suppress(duckdb.Error):
                    cur.execute("ROLLBACK")
                cur.close()
            return
        with self.transaction() as cur:
            imp = Import(cur, kind, file_name, checksum, **options, choose_all=choose_all)
            yield imp
            imp.finish()

    def source_of(self, checksum: str) -> int | None:
        """The source already imported from bytes with this checksum (and not withdrawn), if any."""
        cur = self.cursor()
        try:
            return find_source(cur, checksum)
        finally:
            cur.close()

    def writer(self) -> str | None:
        """Who is writing to this database now ("PID 123 user 2026-…"), or None when nobody is."""
        return writer_holding(self.path)

    def sources(self) -> pd.DataFrame:
        """Every source with what it states and how much of that is current (``python -m ita_data sources``)."""
        return self.query(SOURCES_SQL)

    def withdraw(self, source_id: int, by: str | None = None) -> str:
        """Remove what one source said; the current values fall back to what the other sources say."""
        with self.transaction() as cur:
            return withdraw_source(cur, int(source_id), by or settings.os_user())
