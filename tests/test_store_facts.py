"""Facts with provenance: every source's values kept, one precedence rule, disagreements, withdrawal,
and rules that reach the derived data on the next open."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import seed_path
from tables_helpers import MIXED, csv_bytes, row

from ita_data import store as st
from ita_data import thai
from ita_data.derived import open_store
from ita_data.reports.ingest import ingest_paths
from ita_data.sources import sources_json
from ita_data.tables.commit import commit_table
from ita_data.tables.export import RESULTS_FILE, export_all
from ita_data.tables.read import read_table

PROJECT = Path(__file__).resolve().parent.parent
KLUAI = st.OrgRecord("sao", "บ้านกล้วย", "สระบุรี", "หนองโดน")


def _state(store, kind: str, checksum: str, **values) -> int:
    """One source of ``kind`` stating ``values`` of อบต.บ้านกล้วย in FY2568; returns its id."""
    with store.transaction() as cur:
        source = st.add_source(cur, f"{checksum}.txt", checksum, kind)
        org = st.upsert_organization(cur, KLUAI, source)
        st.save_assessment(cur, org, 2568, source, label=KLUAI.label(), **values)
    return source


def _current(store) -> tuple[float, int]:
    row_ = store.query("SELECT total_score, source_id FROM assessments").iloc[0]
    return float(row_.total_score), int(row_.source_id)


def test_every_value_of_every_source_is_kept_and_the_table_outranks_a_report(store):
    report = _state(store, "analysis", "r1", total_score=80.0, indicator_scores={1: 70})
    table = _state(store, "table", "t1", total_score=82.0, indicator_scores={1: 70})
    later_report = _state(store, "analysis", "r2", total_score=85.0)

    facts = store.query("SELECT source_id, fact, key, value_num FROM facts ORDER BY source_id, fact, key")
    assert facts.values.tolist() == [
        [report, "indicator", "1", 70.0],
        [report, "total_score", "", 80.0],
        [table, "indicator", "1", 70.0],
        [table, "total_score", "", 82.0],
        [later_report, "total_score", "", 85.0],
    ]
    # A NACC table outranks an organisation's own report, even one imported later.
    assert _current(store) == (82.0, table)
    # The indicator both state alike is credited to the first that stated it at the winning rank.
    assert store.query("SELECT source_id FROM indicator_scores").source_id[0] == table


def test_two_sources_that_disagree_are_listed_not_lost(store):
    first = _state(store, "analysis", "r1", total_score=80.0)
    second = _state(store, "analysis", "r2", total_score=85.0)
    assert _current(store) == (85.0, second)  # of two reports, the one imported last
    (disagreement,) = store.query("SELECT * FROM disagreements").to_dict("records")
    assert (disagreement["fact"], list(disagreement["source_ids"]), list(disagreement["stated_values"])) == (
        "total_score",
        [second, first],
        ["85.0", "80.0"],
    )
    from ita_data import analytics

    listed = analytics.source_disagreements(store.cursor())
    assert listed[["fiscal_year", "fact", "current_value"]].values.tolist() == [[2568, "total_score", "85.0"]]
    assert "r1.txt" in listed.other_sources[0] and "80" in listed.other_sources[0]


def test_withdrawing_a_source_falls_back_to_the_others(store):
    first = _state(store, "analysis", "r1", total_score=80.0, indicator_scores={1: 70})
    table = _state(store, "table", "t1", total_score=82.0)
    message = store.withdraw(table, by="tester")
    assert "ถอนแหล่งข้อมูล" in message and "t1.txt" in message
    assert _current(store) == (80.0, first)
    assert store.query("SELECT count(*) AS n FROM disagreements").n[0] == 0
    listed = store.sources().set_index("source_id")
    assert listed.loc[table, "withdrawn_by"] == "tester" and listed.loc[table, "facts"] == 0
    assert (listed.loc[first, "facts"], listed.loc[first, "current_facts"]) == (2, 2)
    with pytest.raises(st.DataError, match="ถูกถอนไปแล้ว"):
        store.withdraw(table, by="tester")
    with pytest.raises(st.DataError, match="ไม่มีแหล่งข้อมูลหมายเลข 99"):
        store.withdraw(99, by="tester")


def test_withdrawing_the_only_source_removes_the_organisation_it_brought(store):
    only = _state(store, "analysis", "r1", total_score=80.0)
    store.withdraw(only)
    assert store.query("SELECT count(*) AS n FROM organizations").n[0] == 0
    assert store.query("SELECT count(*) AS n FROM org_year").n[0] == 0


def test_a_report_and_a_corrected_table_withdrawn_give_back_the_same_export(store, tmp_path, seeds_dir):
    base = [row("อบต.สมมุติริมน้ำ", total=90.0), row("ทต.สมมุติหนองบัว", district="", scores=MIXED, total=79.0)]
    commit_table(store, read_table(csv_bytes(base), "base.csv"))
    export_all(store, tmp_path / "before")

    (report,) = ingest_paths(store, [seed_path(seeds_dir, "001")])
    corrected = [row("อบต.สมมุติริมน้ำ", total=91.0), row("ทต.สมมุติหนองบัว", district="แก่งคอย", scores=MIXED, total=79.0)]
    table = commit_table(store, read_table(csv_bytes(corrected), "corrected.csv"))
    export_all(store, tmp_path / "during")
    during = (tmp_path / "during" / RESULTS_FILE).read_bytes()
    assert during != (tmp_path / "before" / RESULTS_FILE).read_bytes()
    assert "แก่งคอย" in during.decode("utf-8-sig")  # the district the corrected table filled in

    store.withdraw(table.source_id)
    store.withdraw(report.source_id)
    export_all(store, tmp_path / "after")
    assert (tmp_path / "after" / RESULTS_FILE).read_bytes() == (tmp_path / "before" / RESULTS_FILE).read_bytes()


def test_a_report_keeps_the_page_and_line_of_each_number(store, seeds_dir):
    path = seed_path(seeds_dir, "001")
    (result,) = ingest_paths(store, [path])
    facts = store.query(
        "SELECT fact, key, value_num, location, snippet FROM facts WHERE source_id = ? AND fact = 'total_score'",
        [result.source_id],
    ).iloc[0]
    line = int(facts.location.removeprefix("บรรทัด "))
    text = path.read_text(encoding="utf-8")
    assert facts.snippet and thai.to_arabic(facts.snippet) in " ".join(thai.to_arabic(text).split())
    assert f"{facts.value_num:.2f}" in thai.to_arabic(facts.snippet)
    assert line >= 1


def test_the_sources_command_lists_counts_as_json(tmp_path):
    db = tmp_path / "cli.duckdb"
    with open_store(db) as s:
        _state(s, "analysis", "r1", total_score=80.0, indicator_scores={1: 70, 2: 75})
        _state(s, "table", "t1", total_score=82.0)
    env = {"PYTHONPATH": str(PROJECT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "ita_data", "sources", "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env,
        timeout=120,
        check=True,
    )
    listed = {s["file_name"]: s for s in json.loads(out.stdout)}
    assert (listed["r1.txt"]["facts"], listed["r1.txt"]["current_facts"]) == (3, 2)  # its total lost
    assert (listed["t1.txt"]["kind"], listed["t1.txt"]["facts"], listed["t1.txt"]["current_facts"]) == ("table", 1, 1)
    assert listed["r1.txt"]["imported_by"] and listed["r1.txt"]["checksum"] == "r1"
    done = subprocess.run(
        [sys.executable, "-m", "ita_data", "withdraw", "๒", "--db", str(db)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0 and "ถอนแหล่งข้อมูล 2" in done.stdout
    with open_store(db, read_only=True) as s:
        assert sources_json(s.sources())[1]["withdrawn_at"] is not None
        assert _current(s)[0] == 80.0


# --- rules are data: an edit reaches the derived data on the next command ----------------------------


def _project_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(PROJECT / "ita_data", copy / "ita_data", ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _run(project: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=project,
        env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


_QUERY = (
    "import sys; from ita_data.derived import open_store; "
    "s = open_store(sys.argv[1], read_only=True); "
    "print(s.query('SELECT fiscal_year, total_score, level_computed FROM org_year ORDER BY fiscal_year')"
    ".to_json(orient='values'))"
)


def test_a_rules_edit_reaches_the_levels_and_totals_of_the_next_command(tmp_path):
    project = _project_copy(tmp_path)
    db = tmp_path / "rules.duckdb"
    with open_store(db) as s, s.transaction() as cur:
        source = st.add_source(cur, "t.csv", "t", "table")
        org = st.upsert_organization(cur, KLUAI, source)
        # FY2565 by its printed total (letter bands); FY2568 by its indicators alone.
        st.save_assessment(cur, org, 2565, source, label="x", total_score=77.0)
        st.save_assessment(
            cur, org, 2568, source, label="x", indicator_scores={n: (100 if n <= 5 else 80) for n in range(1, 11)}
        )
    before = json.loads(_run(project, "-c", _QUERY, str(db)))
    assert before == [[2565, 77.0, "B"], [2568, 86.0, "ผ่าน"]]  # 0.3·100 + 0.3·80 + 0.4·80

    levels = project / "ita_data" / "rules" / "levels.csv"
    levels.write_text(
        levels.read_text(encoding="utf-8").replace("letters,B,3,75,", "letters,B,3,80,"), encoding="utf-8"
    )
    years = project / "ita_data" / "rules" / "years.csv"
    years.write_text(
        years.read_text(encoding="utf-8").replace("2568,0.30,0.30,0.40,", "2568,0.50,0.20,0.30,"), encoding="utf-8"
    )
    # A read, not a write: the export (and the query) show the edited rules' results.
    _run(project, "-m", "ita_data", "export", "--db", str(db), "--out", str(tmp_path / "out"))
    after = json.loads(_run(project, "-c", _QUERY, str(db)))
    assert after == [[2565, 77.0, "C"], [2568, 90.0, "ผ่าน"]]  # 0.5·100 + 0.2·80 + 0.3·80
    exported = pd.read_csv(tmp_path / "out" / RESULTS_FILE, encoding="utf-8-sig")
    assert exported[["ปีงบประมาณ", "ระดับตามเกณฑ์"]].values.tolist() == [[2565, "C"], [2568, "ผ่าน"]]


def test_the_organisation_page_data_shows_where_each_number_was_read(store, seeds_dir):
    from ita_data.analytics import about

    (result,) = ingest_paths(store, [seed_path(seeds_dir, "001")])
    org = store.query("SELECT DISTINCT org_id FROM facts WHERE source_id = ?", [result.source_id]).org_id[0]
    frame = about.org_sources(store.cursor(), int(org), 2568).set_index(["record", "key"])
    total = frame.loc[("total", "total")]
    assert total.location.startswith("บรรทัด ") and f"{total.value:.2f}" in thai.to_arabic(total.snippet)
    assert frame.loc[("indicator", "9")].snippet  # every number has its line
    commit_table(store, read_table(csv_bytes([row("อบต.สมมุติริมน้ำ", total=90.0)]), "t.csv"))
    table_org = store.query("SELECT org_id FROM organizations WHERE name = 'สมมุติริมน้ำ'").org_id[0]
    rows = about.org_sources(store.cursor(), int(table_org), 2566)
    assert set(rows.location) == {"แถว 2"}  # a table's facts name their row
