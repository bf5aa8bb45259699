"""What can go wrong with the database, explained for the person who has to fix it (Thai first)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from ita_data import labels


class StoreError(RuntimeError):
    """A database problem explained for the person who has to fix it."""


class StoreBusy(StoreError):
    """Another process is writing and did not finish in time."""


class StoreDamaged(StoreError):
    """The database file cannot be read: damaged, or not a database at all."""


class DataError(ValueError):
    """A record that the store refuses, with the record named."""


def _first_line(text: str, err: Exception, limit: int) -> str:
    return text.splitlines()[0][:limit] if text else type(err).__name__


def explain_open_error(path: Path, err: Exception) -> StoreError:
    """Why a database file could not be opened: held by another program, a full disk, or damaged."""
    text = str(err)
    if "Could not set lock on file" in text or "Conflicting lock is held" in text:
        pid = re.search(r"PID (\d+)", text)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreBusy(labels.STORE_HELD_BY_OTHER.format(path=path, holder=holder))
    if "No space left" in text:
        return StoreError(labels.STORE_DISK_FULL_OPEN.format(path=path))
    return StoreDamaged(labels.STORE_NOT_A_DATABASE.format(path=path, error=_first_line(text, err, 1000)))


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


def is_full(text: str) -> bool:
    return "No space left" in text or "disk is full" in text.lower()


def explain_read_error(path: Path | None, err: Exception) -> StoreError:
    """A database error met while reading, in words: a damaged file is said to be damaged."""
    if isinstance(err, StoreError):
        return err
    text = str(err)
    where = f" {path}" if path else ""
    if is_full(text):
        return explain_write_error(path or Path("."), err)
    if is_damage(text):
        return StoreDamaged(labels.STORE_DAMAGED_PART.format(where=where, error=_first_line(text, err, 200)))
    return StoreError(labels.STORE_CANNOT_READ.format(where=where, error=_first_line(text, err, 300)))


def explain_write_error(path: Path, err: Exception) -> StoreError:
    """A failed write in words: what happened, and that the published database is unchanged."""
    text = str(err)
    if isinstance(err, duckdb.Error) and is_damage(text):
        return explain_read_error(path, err)
    if is_full(text):
        return StoreError(labels.STORE_DISK_FULL_WRITE.format(path=path))
    if isinstance(err, StoreError):
        return err
    return StoreError(labels.STORE_WRITE_FAILED.format(path=path, error=text))
