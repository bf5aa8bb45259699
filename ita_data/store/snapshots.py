"""Published snapshots: one writer at a time across processes, and readers that open the newest file.

A write copies the published file, changes the copy and renames it over the published name (atomic);
readers open each published file under a name of its own (a hard link; in a read-only folder, a private
copy), so a process that keeps an older snapshot open is never served the new one from DuckDB's per-path
instance, nor the reverse.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from ita_data import labels, settings

from .errors import StoreBusy, StoreError, explain_open_error
from .schema import now


class WriterLock:
    """An exclusive ``flock`` on ``<db>.lock``; the holder writes who it is into the file."""

    def __init__(self, db_path: Path, wait_seconds: float, on_wait: Callable[[str], None] | None):
        self.path = db_path.with_name(db_path.name + ".lock")
        self.wait_seconds = wait_seconds
        self.on_wait = on_wait
        self.fd: int | None = None

    def __enter__(self) -> WriterLock:
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        told = False
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = self.holder()
                if not told and self.on_wait:
                    self.on_wait(labels.STORE_WAITING.format(holder=holder))
                    told = True
                if time.monotonic() >= deadline:
                    os.close(self.fd)
                    self.fd = None
                    raise StoreBusy(labels.STORE_BUSY.format(holder=holder, seconds=self.wait_seconds)) from None
                time.sleep(0.05)
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, f"PID {os.getpid()} {settings.os_user()} {now().isoformat()}".encode(), 0)
        return self

    def holder(self) -> str:
        """Who holds the lock now, as the holder wrote it ("PID 123 user 2026-12-07T10:00:00")."""
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


def writer_holding(db_path: Path) -> str | None:
    """Who is writing to the database now, or None when nobody is (for a page that waits on the lock)."""
    path = db_path.with_name(db_path.name + ".lock")
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return WriterLock(db_path, 0, None).holder()
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish_file(built: Path, target: Path, on_wait: Callable[[str], None] | None = None) -> None:
    """Put a database built elsewhere in place of ``target``, between two writes, atomically."""
    with WriterLock(target, settings.WRITE_WAIT_SECONDS, on_wait):
        os.replace(built, target)
        fsync_dir(target.parent)
    for stale in target.parent.glob(f".{target.name}.snap-*"):
        stale.unlink(missing_ok=True)


def remove_files(path: Path) -> None:
    """A database file and everything this package keeps beside it (lock, snapshot names, WAL)."""
    for name in (path, path.with_name(path.name + ".wal"), path.with_name(path.name + ".lock")):
        name.unlink(missing_ok=True)
    for pattern in (f".{path.name}.snap-*", f".{path.name}.next-*"):
        for leftover in path.parent.glob(pattern):
            leftover.unlink(missing_ok=True)


def private_copy(path: Path) -> Path:
    """The published file copied into this machine's temporary folder, for a folder where no hard link can
    be made (a read-only volume shared by replicas). DuckDB keeps one instance per real path in a process, so
    each snapshot needs a path of its own to be seen; the caller opens the copy and removes its name. If no
    copy can be made either, the file itself (then a new snapshot is seen after a restart)."""
    try:
        fd, name = tempfile.mkstemp(prefix=f"{path.name}.snap-", suffix=".duckdb")
    except OSError:
        return path
    try:
        with os.fdopen(fd, "wb") as copy, open(path, "rb") as published:
            shutil.copyfileobj(published, copy, 1 << 20)
    except OSError:
        os.unlink(name)
        return path
    return Path(name)


def open_snapshot(path: Path, st: os.stat_result) -> duckdb.DuckDBPyConnection:
    """A read-only connection on the file published at ``path`` (whose stat is ``st``)."""
    # DuckDB keeps one instance per path in a process, so a new snapshot behind the same name would
    # be served from the old instance: open each snapshot under a name of its own (a hard link).
    link = path.with_name(f".{path.name}.snap-{st.st_ino}-{st.st_mtime_ns}")
    for _attempt in range(5):
        try:
            if not link.exists():
                os.link(path, link)
            elif os.stat(link).st_ino != os.stat(path).st_ino:
                link.unlink()
                continue
            target = link
        except FileExistsError:
            continue
        except OSError:
            target = private_copy(path)  # no hard link here: a read-only folder, for one
        try:
            return duckdb.connect(str(target), read_only=True)
        except duckdb.IOException as err:
            if target == link and not link.exists():
                continue  # a writer cleaned the link up between the two calls
            raise explain_open_error(path, err) from None
        except duckdb.Error as err:
            raise explain_open_error(path, err) from None
        finally:
            if target not in (link, path):
                target.unlink(missing_ok=True)  # the open database keeps the copy's data until it closes
    raise StoreError(labels.STORE_KEPT_CHANGING.format(path=path))


def clean_snapshot_links(path: Path) -> None:
    """Drop the names of older snapshots: readers holding one keep it open; the name is not needed."""
    try:
        current = os.stat(path).st_ino
    except FileNotFoundError:
        return
    for link in path.parent.glob(f".{path.name}.snap-*"):
        if not link.name.startswith(f".{path.name}.snap-{current}-"):
            link.unlink(missing_ok=True)


def clean_working_copies(path: Path) -> None:
    """Working copies of writers that died (the caller holds the lock, so no other writer is running)."""
    for leftover in path.parent.glob(f".{path.name}.next-*"):
        leftover.unlink(missing_ok=True)
