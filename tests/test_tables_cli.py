"""The command line: import-table and export, their exit codes, and a database another process holds."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tables_helpers import csv_bytes, row

from ita_data.__main__ import main

PROJECT = Path(__file__).resolve().parent.parent


def _table(tmp_path: Path, rows, name="saraburi.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows))
    return path


def test_import_table_prints_the_counts_and_exits_0(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    path = _table(tmp_path, [row("อบต.สมมุติริมน้ำ", total=90.0), row("ทต.สมมุติหนองบัว", total=90.0)])
    assert main(["import-table", str(path), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "added 2, updated 0, unchanged 0" in out and "rejected 0" in out
    assert main(["import-table", str(path), "--db", str(db)]) == 0
    assert "added 0, updated 0, unchanged 2" in capsys.readouterr().out


def test_a_rejected_row_is_printed_with_its_number_and_exits_1(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    path = _table(tmp_path, [row("อบต.สมมุติริมน้ำ", total=90.0), row("ทต.สมมุติหนองบัว", total=105)])
    assert main(["import-table", str(path), "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "แถว 3:" in out and "105" in out and "rejected 1" in out


def test_dry_run_stores_nothing(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    path = _table(tmp_path, [row("อบต.สมมุติริมน้ำ", total=90.0)])
    assert main(["import-table", str(path), "--db", str(db), "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    assert main(["import-table", str(path), "--db", str(db)]) == 0
    assert "added 1" in capsys.readouterr().out


def test_a_file_that_is_no_table_gives_one_line_and_exits_1(tmp_path, capsys):
    path = tmp_path / "notes.doc"
    path.write_text("hello")
    assert main(["import-table", str(path), "--db", str(tmp_path / "x.duckdb")]) == 1
    err = capsys.readouterr().err
    assert ".csv, .xlsx" in err and len(err.strip().splitlines()) == 1
    path = tmp_path / "notes.txt"  # copied text is a table's form: this one has no header
    path.write_text("hello")
    assert main(["import-table", str(path), "--db", str(tmp_path / "x.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "ไม่พบแถวหัวตาราง" in err and len(err.strip().splitlines()) == 1


def test_export_writes_results_and_parquet(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    main(["import-table", str(_table(tmp_path, [row("อบต.สมมุติริมน้ำ", total=90.0)])), "--db", str(db)])
    assert main(["export", "--out", str(tmp_path / "out"), "--db", str(db)]) == 0
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"results.csv", "organizations.parquet", "assessments.parquet", "sources.parquet"} <= names


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PROJECT)}


def test_a_database_held_by_another_process_gets_one_line_and_exit_1(tmp_path):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(db)!r})  # an older version of the program held it for writing
            print("ready", flush=True)
            sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
        cwd=PROJECT,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        path = _table(tmp_path, [row("อบต.สมมุติริมน้ำ", total=90.0)])
        done = subprocess.run(
            [sys.executable, "-m", "ita_data", "import-table", str(path), "--db", str(db)],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=PROJECT,
            timeout=120,
        )
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "ถูกเปิดเขียนโดยโปรแกรมอื่น" in lines[0] and f"PID {holder.pid}" in lines[0]
