"""Failures a person meets at the store: a full disk, a damaged file, random bytes — a message, no change."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tables_helpers import csv_bytes, row

from ita_data import store as st
from ita_data.derived import open_store

PROJECT = Path(__file__).resolve().parent.parent


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ita_data", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=dict(os.environ, PYTHONPATH=str(PROJECT)),
        timeout=300,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _small_db(path: Path) -> Path:
    with open_store(path) as s, s.transaction() as cur:
        source = st.add_source(cur, "r.txt", "r", "analysis")
        org = st.upsert_organization(cur, st.OrgRecord("sao", "บ้านกล้วย", "สระบุรี"), source)
        st.save_assessment(cur, org, 2568, source, label="x", total_score=80.0)
    return path


@pytest.fixture
def small_disk(tmp_path):
    """A 40 MB file system of its own (tmpfs; the tests run as root, as CI does)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(disk: Path, leave: int) -> None:
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(disk / "filler", "wb") as f:
        f.write(b"\0" * max(0, free - leave))


def _table(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "big.csv"
    path.write_bytes(csv_bytes([row(f"อบต.สมมุติแห่งที่ {n}", total=80.0) for n in range(rows)]))
    return path


@pytest.mark.parametrize("leave", [200_000, 1_500_000], ids=["no-room-to-copy", "no-room-to-write"])
def test_a_full_disk_during_an_import_says_so_and_leaves_the_database_as_it_was(small_disk, tmp_path, leave):
    db = _small_db(small_disk / "ita.duckdb")
    before = _digest(db)
    table = _table(tmp_path, 3000)
    _fill(small_disk, leave + db.stat().st_size * (leave > 1_000_000))
    done = _cli("import-table", str(table), "--db", str(db))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "พื้นที่ดิสก์เต็ม" in done.stderr and "ยังเหมือนเดิม" in done.stderr
    assert _digest(db) == before
    (small_disk / "filler").unlink()
    assert not list(small_disk.glob(".ita.duckdb.next-*"))
    assert _cli("import-table", str(table), "--db", str(db)).returncode == 0  # with room again, it lands


def test_a_full_disk_during_build_says_the_old_database_is_unchanged(small_disk):
    db = _small_db(small_disk / "ita.duckdb")
    before = _digest(db)
    _fill(small_disk, 3_000_000)
    done = _cli("build", "--db", str(db))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "พื้นที่ดิสก์เต็ม" in done.stderr and "ไม่ถูกเปลี่ยน" in done.stderr
    assert _digest(db) == before


def _damage(db: Path, at: float) -> None:
    data = bytearray(db.read_bytes())
    start = int(len(data) * at)
    data[start : start + 4096] = os.urandom(4096)
    db.write_bytes(bytes(data))


def test_random_bytes_over_the_header_are_a_damaged_file_not_a_busy_one(tmp_path):
    db = _small_db(tmp_path / "ita.duckdb")
    data = bytearray(db.read_bytes())
    data[:8192] = os.urandom(8192)
    db.write_bytes(bytes(data))
    for command in (["export", "--out", str(tmp_path / "out")], ["sources"]):
        done = _cli(*command, "--db", str(db))
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "เสียหาย" in done.stderr and "โปรแกรมอื่น" not in done.stderr
    with pytest.raises(st.StoreDamaged, match="เสียหาย"):
        open_store(db)


def test_damaged_data_blocks_give_a_message_in_export_import_and_ingest(tmp_path, seeds_dir):
    db = tmp_path / "ita.duckdb"
    with open_store(db) as s:
        from ita_data.tables.commit import commit_table
        from ita_data.tables.read import read_table

        commit_table(s, read_table(csv_bytes([row(f"อบต.สมมุติแห่งที่ {n}", total=80.0) for n in range(3000)]), "t.csv"))
    _damage(db, 0.5)
    before = _digest(db)
    table = _table(tmp_path, 10)
    seed = sorted(seeds_dir.glob("001_*.txt"))[0]
    for command in (["export", "--out", str(tmp_path / "out")], ["import-table", str(table)], ["ingest", str(seed)]):
        done = _cli(*command, "--db", str(db))
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode == 1 and "เสียหาย" in done.stderr + done.stdout, (command, done.stderr)
    assert _digest(db) == before


def test_a_damaged_file_shows_a_message_on_the_pages_not_a_traceback(app, tmp_path):
    db = tmp_path / "ita.duckdb"
    with open_store(db) as s:
        from ita_data.tables.commit import commit_table
        from ita_data.tables.read import read_table

        commit_table(s, read_table(csv_bytes([row(f"อบต.สมมุติแห่งที่ {n}", total=80.0) for n in range(3000)]), "t.csv"))
    for at in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        _damage(db, at)
    for page in ("pages/rankings.py", "pages/overview.py"):
        at = app(db, page=page)
        at.run(timeout=60)
        assert not at.exception
        assert any("เสียหาย" in e.value for e in at.error), [e.value for e in at.error]


def test_a_full_disk_at_the_import_pages_confirm_says_so_and_changes_nothing(app, small_disk, tmp_path):
    db = _small_db(small_disk / "ita.duckdb")
    before = _digest(db)
    at = app(db, page="pages/import_data.py")
    at.run(timeout=60)
    data = csv_bytes([row(f"อบต.สมมุติแห่งที่ {n}", total=80.0) for n in range(3000)])
    at.tabs[0].file_uploader[0].upload("big.csv", data, "text/csv").run(timeout=60)
    _fill(small_disk, 200_000)
    at.button(key="confirm_table").click().run(timeout=60)
    assert not at.exception
    assert any("พื้นที่ดิสก์เต็ม" in e.value and "ยังเหมือนเดิม" in e.value for e in at.error), [e.value for e in at.error]
    assert _digest(db) == before
