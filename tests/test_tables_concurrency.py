"""Importing while others read: viewers see the state before or after, never half, never an error."""

from __future__ import annotations

import threading

from tables_helpers import csv_bytes, row

from ita_data.bench.imports import national_table, table_bytes
from ita_data.tables import commit_table, read_table

ROWS = 2000
READERS = 4
COUNT_SQL = (
    "SELECT (SELECT count(*) FROM assessments), (SELECT count(*) FROM indicator_scores), "
    "(SELECT count(*) FROM organizations)"
)


def test_readers_see_only_the_state_before_or_after_an_import(store):
    commit_table(store, read_table(csv_bytes([row("อบต.สมมุติริมน้ำ", total=90.0)]), "first.csv"))
    before = (1, 10, 1)
    # A national-style table of fictional organisations, read before the clock starts.
    preview = read_table(table_bytes(national_table(ROWS), "csv"), "national.csv")
    assert preview.ok, preview.errors[:3]
    after = (1 + ROWS, 10 * (1 + ROWS), 1 + ROWS)

    seen: list[set[tuple[int, ...]]] = [set() for _ in range(READERS)]
    failures: list[BaseException] = []
    done = threading.Event()
    started = threading.Barrier(READERS + 1)

    def read(slot: int) -> None:
        try:
            started.wait()
            while True:
                finished = done.is_set()  # one last read after the import is known to be over
                cur = store.cursor()  # as a dashboard rerun does: the newest published snapshot
                try:
                    seen[slot].add(tuple(cur.execute(COUNT_SQL).fetchone()))
                finally:
                    cur.close()
                if finished:
                    return
        except Exception as err:  # a reader's error is the failure this test looks for
            failures.append(err)

    readers = [threading.Thread(target=read, args=(i,)) for i in range(READERS)]
    for t in readers:
        t.start()
    started.wait()
    result = commit_table(store, preview)
    done.set()
    for t in readers:
        t.join(timeout=60)

    assert not failures
    assert result.added == ROWS
    observed = set().union(*seen)
    assert observed <= {before, after}
    assert before in observed  # the readers were reading while the import ran
    assert all(after in s for s in seen)  # every reader saw the import land
    assert tuple(store.cursor().execute(COUNT_SQL).fetchone()) == after


def test_two_imports_in_threads_both_land(store):
    a = read_table(csv_bytes([row("อบต.สมมุติริมน้ำ", total=90.0)]), "a.csv")
    b = read_table(csv_bytes([row("ทต.สมมุติหนองบัว", total=90.0)]), "b.csv")
    results = []
    threads = [threading.Thread(target=lambda p=p: results.append(commit_table(store, p))) for p in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(r.added for r in results) == [1, 1]
    assert store.query("SELECT count(*) AS n FROM assessments")["n"][0] == 2
