"""Many readers, one writer, across real processes: published snapshots, a queue, and kill -9."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ita_data import store as st
from ita_data.derived import open_store

PROJECT = Path(__file__).resolve().parent.parent
KLUAI = st.OrgRecord("sao", "บ้านกล้วย", "สระบุรี", "หนองโดน")


def _seed(db: Path) -> None:
    with open_store(db) as s, s.transaction() as cur:
        source = st.add_source(cur, "first.txt", "first", "analysis")
        org = st.upsert_organization(cur, KLUAI, source)
        st.save_assessment(cur, org, 2568, source, label="x", total_score=80.0)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# A writer in its own process: it adds one source stating a total of 90, pausing where the test says
# (PAUSE) after printing "paused", so the test can read, queue behind it, or kill it there.
WRITER = textwrap.dedent("""
    import os, shutil, sys, time
    from ita_data import store as st
    from ita_data.derived import open_store

    db, pause, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])

    def hold(point):
        if point == pause:
            print("paused", flush=True)
            time.sleep(seconds)

    real_copy, real_replace = shutil.copyfile, os.replace
    def copy(a, b):
        real_copy(a, b)
        hold("after-copy")
    def replace(a, b):
        hold("before-publish")
        real_replace(a, b)
    shutil.copyfile, os.replace = copy, replace

    s = open_store(db)
    real_refresh = s.derived.refresh
    def refresh(cur):
        real_refresh(cur)
        hold("after-refresh")
    s.derived = st.Derived(s.derived.version, refresh)
    with s.transaction() as cur:
        source = st.add_source(cur, "second.txt", "second", "table")
        org = st.upsert_organization(cur, st.OrgRecord("sao", "บ้านกล้วย", "สระบุรี"), source)
        st.save_assessment(cur, org, 2568, source, label="x", total_score=90.0)
        hold("in-transaction")
    print("published", flush=True)
""")


def _writer(db: Path, pause: str, seconds: float = 120) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), pause, str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
        env=dict(os.environ, PYTHONPATH=str(PROJECT)),
    )
    if pause != "none":
        assert proc.stdout.readline().strip() == "paused", proc.stderr.read()
    return proc


def _total(db: Path) -> float:
    with open_store(db, read_only=True) as s:
        return float(s.query("SELECT total_score FROM assessments").total_score[0])


@pytest.mark.parametrize("point", ["after-copy", "in-transaction", "after-refresh", "before-publish"])
def test_a_writer_killed_at_any_point_leaves_the_published_database_as_it_was(tmp_path, point):
    db = tmp_path / "ita.duckdb"
    _seed(db)
    before = _digest(db)
    writer = _writer(db, point)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert _digest(db) == before
    assert _total(db) == 80.0
    assert list(tmp_path.glob(".ita.duckdb.next-*")), "the killed writer's copy is left behind"
    # The lock died with the writer: the next write goes through and tidies the copy away.
    finished = _writer(db, "none")
    assert finished.wait(timeout=120) == 0, finished.stderr.read()
    assert _total(db) == 90.0
    assert not list(tmp_path.glob(".ita.duckdb.next-*"))


def test_a_reader_in_another_process_reads_while_a_write_is_under_way(tmp_path):
    db = tmp_path / "ita.duckdb"
    _seed(db)
    reader = open_store(db, read_only=True)
    cursor = reader.cursor()
    # Held for 5 s: the reads below must happen while it holds, on a machine busy with other tests too.
    writer = _writer(db, "in-transaction", seconds=5)
    # Mid-write, every reader sees the published state: the old one, whole.
    assert _total(db) == 80.0
    assert cursor.execute("SELECT total_score FROM assessments").fetchone()[0] == 80.0
    assert writer.wait(timeout=120) == 0, writer.stderr.read()
    # A cursor taken before keeps its snapshot; the next cursor (the next rerun) sees the new state.
    assert cursor.execute("SELECT total_score FROM assessments").fetchone()[0] == 80.0
    assert reader.cursor().execute("SELECT total_score FROM assessments").fetchone()[0] == 90.0


def test_a_second_writer_waits_for_the_first_and_says_so(tmp_path):
    db = tmp_path / "ita.duckdb"
    _seed(db)
    first = _writer(db, "after-refresh", seconds=5)  # long enough to queue behind on a busy machine
    messages: list[str] = []
    with open_store(db, on_wait=messages.append) as waiting:
        with waiting.transaction() as cur:  # queues behind the first, then lands after it
            source = st.add_source(cur, "third.txt", "third", "table")
            org = st.upsert_organization(cur, KLUAI, source)
            st.save_assessment(cur, org, 2568, source, label="x", total_score=70.0)
    assert first.wait(timeout=60) == 0
    assert messages and "รอให้การบันทึกอีกรายการเสร็จก่อน" in messages[0] and f"PID {first.pid}" in messages[0]
    with open_store(db, read_only=True) as s:
        assert s.query("SELECT file_name FROM sources ORDER BY source_id").file_name.tolist() == [
            "first.txt",
            "second.txt",
            "third.txt",
        ]
    assert _total(db) == 70.0  # both tables, the later one current


def test_a_writer_that_waits_too_long_gets_a_clear_message_and_changes_nothing(tmp_path):
    db = tmp_path / "ita.duckdb"
    _seed(db)
    before = _digest(db)
    holder = _writer(db, "in-transaction")
    messages: list[str] = []
    try:
        impatient = open_store(db, on_wait=messages.append, wait_seconds=0.5)
        with pytest.raises(st.StoreBusy, match=rf"กำลังถูกบันทึกโดยโปรแกรมอื่น \(PID {holder.pid}"):
            with impatient.transaction():
                pass
        assert messages and "รอให้การบันทึกอีกรายการเสร็จก่อน" in messages[0]
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert _digest(db) == before


def test_the_cli_imports_and_exports_while_dashboards_hold_the_database(tmp_path):
    db = tmp_path / "ita.duckdb"
    _seed(db)
    readers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                textwrap.dedent(f"""
            import sys
            from ita_data.derived import open_store
            s = open_store({str(db)!r}, read_only=True)
            cur = s.cursor()
            print(cur.execute("SELECT count(*) FROM org_year").fetchone()[0], flush=True)
            sys.stdin.readline()
            print(s.cursor().execute("SELECT max(total_score) FROM org_year").fetchone()[0], flush=True)
        """),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=PROJECT,
            env=dict(os.environ, PYTHONPATH=str(PROJECT)),
        )
        for _ in range(2)
    ]
    try:
        assert [r.stdout.readline().strip() for r in readers] == ["1", "1"]
        table = tmp_path / "t.csv"
        table.write_text(
            "ชื่อหน่วยงาน,อำเภอ,จังหวัด,ปีงบประมาณ,คะแนนรวม\nอบต.บ้านกล้วย,หนองโดน,สระบุรี,2568,95\n", encoding="utf-8"
        )
        env = dict(os.environ, PYTHONPATH=str(PROJECT))
        for command in (["import-table", str(table)], ["export", "--out", str(tmp_path / "out")]):
            done = subprocess.run(
                [sys.executable, "-m", "ita_data", *command, "--db", str(db)],
                capture_output=True,
                text=True,
                cwd=PROJECT,
                env=env,
                timeout=300,
            )
            assert done.returncode == 0, done.stderr
        for r in readers:
            r.stdin.write("\n")
            r.stdin.flush()
        assert [r.stdout.readline().strip() for r in readers] == ["95.0", "95.0"]
    finally:
        for r in readers:
            r.kill()
            r.wait(timeout=30)
