"""What every part of the store does with a cursor: one transaction, a DataFrame readable as a table, ids."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb
import pandas as pd


@contextlib.contextmanager
def unit(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
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


def advance_sequence(cur: duckdb.DuckDBPyConnection, sequence: str, table: str, column: str) -> None:
    """Move an id sequence past the ids given explicitly (generated data), so later rows do not collide."""
    # DuckDB has no setval: draw from the sequence until it passes the largest id in the table.
    top = cur.execute("SELECT coalesce(max(" + column + "), 0) FROM " + table).fetchone()[0]
    current = cur.execute("SELECT nextval('" + sequence + "')").fetchone()[0]
    if top > current:
        cur.execute("SELECT max(nextval('" + sequence + "')) FROM range(?)", [int(top - current)])
