"""Export: results.csv in the importer's layout (the round trip gives the same database) and Parquet."""

from __future__ import annotations

import pandas as pd
from tables_helpers import ALL_90, HEADERS, MIXED, counts, csv_bytes, row, stored_scores

from ita_data import store as st
from ita_data.tables import RESULTS_FILE, commit_table, export_all, import_table_file, read_table

TABLES = ("organizations", "assessments", "indicator_scores", "item_scores", "measures", "sources")


def _build(store):
    """A table import with items and ranks, and a report-like record with items but no total."""
    headers = HEADERS + ["o1", "o21", "e3", "ลำดับในจังหวัด", "จำนวนหน่วยงานในจังหวัด"]
    rows = [
        row("อบต.สมมุติริมน้ำ", total=90.0, level="ผ่านดี", scores=ALL_90) + [100, 50, 67, 1, 2],
        row("ทต.สมมุติหนองบัว", district="แก่งคอย", total=79.0, level="B", scores=MIXED) + ["", "", "", 2, 2],
        row("อบต.สมมุติริมน้ำ", year=2562, total=88.4, level="A", scores=(88,) * 5 + ("",) * 5) + [0, "", "", "", ""],
        row("อบจ.สมมุติ", province="เชียงใหม่", district="", year=2568, total=None, scores=("",) * 10)
        + [100, "", "", "", ""],
    ]
    preview = read_table(csv_bytes(rows, headers=headers), "build.csv")
    assert preview.ok, preview.errors
    commit_table(store, preview)
    with store.transaction() as cur:
        source = st.add_source(cur, "report.txt", "sum-report", "analysis")
        org = st.upsert_organization(cur, st.OrgRecord("town", "สมมุติเมืองใหม่", "เชียงใหม่", "แม่ริม"))
        st.save_assessment(
            cur,
            org,
            2568,
            source,
            label="ทม.สมมุติเมืองใหม่",
            total_score=94.3,
            indicator_scores={9: 82.5, 10: 90.0},
            item_scores={"o3": 100, "e2": 98.5},
        )


def _organizations(store):
    return set(
        store.query(
            "SELECT org_key, org_type, name, province_code, province, district_code, district FROM organizations"
        ).itertuples(index=False)
    )


def test_export_then_import_gives_the_same_database(store, tmp_path):
    _build(store)
    written = export_all(store, tmp_path / "out")
    assert written["results"] == tmp_path / "out" / RESULTS_FILE

    with st.Store(tmp_path / "fresh.duckdb") as fresh:
        preview, result = import_table_file(fresh, written["results"])
        assert result.ok, result.rejected
        assert result.added == 5
        assert stored_scores(fresh) == stored_scores(store)
        assert _organizations(fresh) == _organizations(store)


def test_results_csv_has_one_row_per_organisation_and_year_with_thai_headers(store, tmp_path):
    _build(store)
    frame = pd.read_csv(export_all(store, tmp_path)["results"], encoding="utf-8-sig")
    assert len(frame) == 5
    expected = {"ชื่อหน่วยงาน", "จังหวัด", "ปีงบประมาณ", "คะแนนรวม", "ตัวชี้วัดที่ 10", "o21"}
    assert expected <= set(frame.columns)
    kluai = frame[(frame["ชื่อหน่วยงาน"] == "สมมุติริมน้ำ") & (frame["ปีงบประมาณ"] == 2566)].iloc[0]
    got = (kluai["ประเภท"], kluai["IIT"], kluai["OIT"], kluai["ระดับตามเกณฑ์"])
    assert got == ("อบต.", 90.0, 90.0, "ผ่านดี")


def test_every_table_is_written_as_parquet(store, tmp_path):
    _build(store)
    written = export_all(store, tmp_path)
    for table in TABLES:
        stored = int(store.query("SELECT count(*) AS n FROM " + table)["n"][0])
        assert len(pd.read_parquet(written[table])) == stored
    # items: 3 + 1 + 1 from the table, 2 from the report
    assert counts(store)["item_scores"] == len(pd.read_parquet(written["item_scores"])) == 7


def test_exporting_an_empty_database_writes_headers_only(store, tmp_path):
    written = export_all(store, tmp_path)
    frame = pd.read_csv(written["results"], encoding="utf-8-sig")
    assert len(frame) == 0 and "ชื่อหน่วยงาน" in frame.columns


def test_a_name_that_looks_like_a_formula_is_exported_safe_and_imported_as_written(store, tmp_path):
    name = '=HYPERLINK("http://example.invalid","คลิก")'
    commit_table(store, read_table(csv_bytes([row(f"อบต.{name}", total=90.0)]), "formula.csv"))
    export_all(store, tmp_path / "out")
    cell = pd.read_csv(tmp_path / "out" / RESULTS_FILE, encoding="utf-8-sig")["ชื่อหน่วยงาน"][0]
    assert cell.startswith("'=")  # a spreadsheet shows it as text and runs nothing
    with st.Store(tmp_path / "again.duckdb") as again:
        import_table_file(again, tmp_path / "out" / RESULTS_FILE)
        assert again.query("SELECT name FROM organizations")["name"].tolist() == [name]
