"""Result tables in: reading CSV/XLSX into a checked preview, then storing all rows or none."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook
from tables_helpers import ALL_90, ALL_100, HEADERS, MIXED, counts, csv_bytes, row, stored_scores

from ita_data import store as st
from ita_data.tables import MAX_FILE_BYTES, TableError, check_upload, commit_table, import_table_file, read_table

KEY_A = "sao|สมมุติริมน้ำ|19"  # อบต.สมมุติริมน้ำ in Saraburi (province code 19)
KEY_B = "subdistrict_municipality|สมมุติหนองบัว|19"


def _good_rows():
    return [
        row("อบต.สมมุติริมน้ำ", total=90.00, level="ผ่านดี", scores=ALL_90),
        row("เทศบาลตำบลสมมุติหนองบัว", district="แก่งคอย", total=79.00, level="ต้องปรับปรุง", scores=MIXED),
    ]


# --- reading -------------------------------------------------------------------------------


def test_a_utf8_table_with_thai_headers_is_stored_with_its_computed_level(store):
    preview = read_table(csv_bytes(_good_rows()), "saraburi.csv")
    assert preview.ok and preview.encoding == "utf-8"
    assert list(preview.rows["row"]) == [2, 3]  # the header is line 1

    result = commit_table(store, preview)

    assert (result.added, result.updated, result.unchanged, result.rejected) == (2, 0, 0, [])
    stored = stored_scores(store)
    a, b = stored[(KEY_A, 2566)], stored[(KEY_B, 2566)]
    assert a["total_score"] == 90.0 and a["level_computed"] == "ผ่านดี" and a["district"] == "เมืองสระบุรี"
    assert [a[f"indicator_{i}"] for i in range(1, 11)] == list(ALL_90)
    assert b["total_score"] == 79.0 and b["level_computed"] == "ต้องปรับปรุง" and b["district"] == "แก่งคอย"
    assert counts(store) == {
        "organizations": 2,
        "assessments": 2,
        "indicator_scores": 20,
        "item_scores": 0,
        "sources": 1,
    }


def test_a_cp874_file_reads_the_same_as_utf8():
    utf8 = read_table(csv_bytes(_good_rows()), "a.csv")
    thai_windows = read_table(csv_bytes(_good_rows(), encoding="cp874"), "a.csv")
    assert thai_windows.encoding == "cp874"
    assert thai_windows.rows.equals(utf8.rows)


def test_bytes_that_are_no_known_encoding_get_a_clear_message():
    with pytest.raises(TableError, match="UTF-8"):
        read_table(b"\x81\x82\x83\xff\xfe,\x81\n", "broken.csv")


def test_english_headers_with_a_type_column_and_thai_digits():
    headers = [
        "organization",
        "type",
        "district",
        "province",
        "fiscal_year",
        "total",
        "level",
        *[f"indicator_{i}" for i in range(1, 11)],
        "o1",
        "e3",
        "i12",
        "province_rank",
    ]
    data = csv_bytes(
        [
            [
                "สมมุติริมน้ำ",
                "อบต.",
                "Mueang Saraburi",
                "Saraburi",
                "๒๕๖๖",
                "๙๐.๐๐",
                "ผ่านดี",
                *["๙๐"] * 10,
                "100",
                "67",
                "33",
                "3/12",
            ]
        ],
        headers=headers,
    )
    preview = read_table(data, "english.csv")
    assert preview.ok, preview.errors
    got = preview.rows.iloc[0]
    assert (got["org_key"], got["fiscal_year"], got["total_score"]) == (KEY_A, 2566, 90.0)
    assert got["district"] == "เมืองสระบุรี"
    # o1, e3 and i12 are items, not indicators; "3/12" is a rank and the size of the ranking.
    assert (got["o1"], got["e3"], got["i12"]) == (100.0, 67.0, 33.0)
    assert (got["province_rank_reported"], got["province_rank_of"]) == (3, 12)
    assert preview.columns["indicator_10"] == "indicator_10"


def test_a_missing_column_is_named_in_the_message():
    headers = [h for h in HEADERS if h != "จังหวัด"]
    data = csv_bytes([[c for i, c in enumerate(r) if i != 2] for r in _good_rows()], headers=headers)
    with pytest.raises(TableError, match="จังหวัด \\(province\\)"):
        read_table(data, "no-province.csv")


def test_a_column_it_cannot_place_is_reported_and_left_out():
    data = csv_bytes([r + ["ส่งช้า"] for r in _good_rows()], headers=HEADERS + ["หมายเหตุ"])
    preview = read_table(data, "notes.csv")
    assert preview.ok
    assert preview.unmapped_columns == ["หมายเหตุ"]
    assert any(r == 1 and "หมายเหตุ" in m and "column Q" in m for r, m in preview.warnings)


def test_a_year_table_without_a_year_column_takes_the_year_given():
    headers = [h for h in HEADERS if h != "ปีงบประมาณ"]
    data = csv_bytes([[c for i, c in enumerate(r) if i != 3] for r in _good_rows()], headers=headers)
    with pytest.raises(TableError, match="ปีงบประมาณ"):
        read_table(data, "no-year.csv")
    assert list(read_table(data, "no-year.csv", fiscal_year=2567).rows["fiscal_year"]) == [2567, 2567]


def test_file_type_and_size_are_limited_with_a_message():
    with pytest.raises(TableError, match=r"\.csv, \.xlsx, .*\.html.*\.txt.*\.pdf"):
        check_upload("results.xls", 1000)
    with pytest.raises(TableError, match="เกินขนาดสูงสุด"):
        check_upload("results.csv", MAX_FILE_BYTES + 1)
    with pytest.raises(TableError, match="ว่างเปล่า"):
        read_table(b"", "empty.csv")


# --- row validation: each rejection with its row number -----------------------------------


@pytest.mark.parametrize(
    "bad_row, reason",
    [
        (row("อบต.สมมุติท่าน้ำ", total=105), "105 อยู่นอกช่วง 0–100"),
        (row("อบต.สมมุติท่าน้ำ", scores=(90,) * 9 + ("เก้าสิบ",)), "ตัวชี้วัดที่ 10: 'เก้าสิบ' ไม่ใช่ตัวเลข"),
        (row("อบต.สมมุติท่าน้ำ", province="จังหวัดสมมุติ"), "ไม่รู้จักจังหวัด 'จังหวัดสมมุติ'"),
        (row("อบต.สมมุติท่าน้ำ", district="เมืองเชียงใหม่"), "ไม่พบอำเภอ 'เมืองเชียงใหม่' ในจังหวัดสระบุรี"),
        (row("อบต.สมมุติท่าน้ำ", year=2023), "ปี 2023 เป็นปี ค.ศ."),
        (row("อบต.สมมุติท่าน้ำ", year=2575), "ปีงบประมาณ 2575 ไม่มีเกณฑ์ ITA"),
        (row("สมมุติท่าน้ำ"), "อ่านประเภท อปท. จากชื่อ"),
        (row("อบต.สมมุติท่าน้ำ", scores=("",) * 10), "ไม่มีคะแนน"),
    ],
)
def test_a_bad_row_in_the_middle_is_rejected_by_number_and_nothing_lands(store, bad_row, reason):
    rows = _good_rows()
    data = csv_bytes([rows[0], bad_row, rows[1]])
    preview = read_table(data, "bad.csv")
    assert [r for r, _ in preview.errors] == [3]
    assert reason in preview.errors[0][1]
    assert list(preview.rows["row"]) == [2, 4]  # the rows that were fine

    result = commit_table(store, preview)

    assert not result.ok and result.rejected == preview.errors
    assert (result.added, result.updated, result.source_id) == (0, 0, None)
    assert counts(store) == {
        "organizations": 0,
        "assessments": 0,
        "indicator_scores": 0,
        "item_scores": 0,
        "sources": 0,
    }


def test_a_rejected_file_leaves_earlier_data_exactly_as_it_was(store):
    commit_table(store, read_table(csv_bytes(_good_rows()), "first.csv"))
    before = stored_scores(store)
    rows = _good_rows()
    rows[0][4] = 95.0  # a correction that must not land, because another row fails
    bad = row("อบต.สมมุติท่าน้ำ", total=105)
    result = commit_table(store, read_table(csv_bytes([rows[0], bad, rows[1]]), "second.csv"))
    assert not result.ok
    assert stored_scores(store) == before
    assert counts(store)["sources"] == 1


def test_duplicate_rows_are_rejected_naming_both_rows():
    # The same organisation spelled in its long and short form is still one organisation.
    rows = _good_rows() + [row("องค์การบริหารส่วนตำบล สมมุติริมน้ำ", total=91.0)]
    preview = read_table(csv_bytes(rows), "dup.csv")
    assert len(preview.errors) == 1
    number, reason = preview.errors[0]
    assert number == 4 and "rows 2 and 4" in reason


def test_the_same_organisation_in_two_years_is_not_a_duplicate():
    rows = _good_rows() + [row("อบต.สมมุติริมน้ำ", year=2567, total=90.0)]
    assert read_table(csv_bytes(rows), "years.csv").ok


def test_a_total_that_the_indicators_do_not_give_is_a_warning_and_stored_as_written(store):
    # MIXED gives 79.00 with FY2566 weights; the file prints 80.50.
    rows = [row("อบต.สมมุติริมน้ำ", total=80.5, scores=MIXED)]
    preview = read_table(csv_bytes(rows), "total.csv")
    assert preview.ok
    assert any(r == 2 and "80.50" in m and "79.00" in m for r, m in preview.warnings)
    commit_table(store, preview)
    assert stored_scores(store)[(KEY_A, 2566)]["total_score"] == 80.5


def test_a_level_that_differs_from_the_rule_is_kept_as_written_with_a_warning(store):
    # A FY2566 table that still writes letters and a Thai label that the rule does not give.
    rows = [
        row("อบต.สมมุติริมน้ำ", total=79.0, level="B", scores=MIXED),
        row("ทต.สมมุติหนองบัว", total=100.0, level="ผ่าน", scores=ALL_100),
    ]
    preview = read_table(csv_bytes(rows), "levels.csv")
    assert [r for r, _ in preview.warnings] == [3]  # letters are a known scheme; ผ่าน is not ผ่านดีเยี่ยม
    commit_table(store, preview)
    stored = stored_scores(store)
    assert (stored[(KEY_A, 2566)]["level_reported"], stored[(KEY_A, 2566)]["level_computed"]) == ("B", "ต้องปรับปรุง")
    assert stored[(KEY_B, 2566)]["level_computed"] == "ผ่านดีเยี่ยม"


# --- XLSX ----------------------------------------------------------------------------------


def _merged_header_workbook() -> bytes:
    """A title row, then a two-row header: the indicator columns sit under one merged label."""
    wb = Workbook()
    ws = wb.active
    ws.title = "สระบุรี"
    ws["A1"] = "ผลการประเมิน ITA ปีงบประมาณ 2566 จังหวัดสระบุรี (ตัวอย่างสมมุติ)"
    ws.merge_cells("A1:N1")
    for col, title in zip("ABCD", ["ชื่อหน่วยงาน", "จังหวัด", "ปีงบประมาณ", "คะแนนรวม"]):
        ws[f"{col}2"] = title
        ws.merge_cells(f"{col}2:{col}3")
    ws["E2"] = "คะแนนรายตัวชี้วัด"
    ws.merge_cells("E2:N2")
    for i in range(10):
        ws.cell(row=3, column=5 + i, value=str(i + 1))
    ws.append(["อบต.สมมุติริมน้ำ", "สระบุรี", 2566, 90.0, *ALL_90])
    ws.append(["ทต.สมมุติหนองบัว", None, 2566, 79.0, *MIXED])
    ws.merge_cells("B4:B5")  # the province written once for both rows
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_with_merged_header_cells_maps_every_column(store):
    preview = read_table(_merged_header_workbook(), "saraburi.xlsx")
    assert preview.ok, preview.errors
    assert preview.header_rows == (2, 3) and preview.sheet == "สระบุรี"
    assert preview.columns["คะแนนรายตัวชี้วัด 10"] == "indicator_10"
    assert list(preview.rows["row"]) == [4, 5]
    assert list(preview.rows["province"]) == ["สระบุรี", "สระบุรี"]
    assert list(preview.rows["indicator_9"]) == [90.0, 70.0]
    result = commit_table(store, preview)
    assert result.added == 2
    assert stored_scores(store)[(KEY_B, 2566)]["level_computed"] == "ต้องปรับปรุง"


def test_a_file_that_is_not_a_workbook_gets_a_clear_message():
    with pytest.raises(TableError, match="xlsx"):
        read_table(b"PK\x03\x04 not really a zip", "fake.xlsx")


# --- re-import and provenance --------------------------------------------------------------


def test_the_same_file_twice_changes_nothing(store):
    data = csv_bytes(_good_rows())
    first = commit_table(store, read_table(data, "a.csv"))
    before = (stored_scores(store), counts(store))
    again = commit_table(store, read_table(data, "a.csv"))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert again.source_id == first.source_id
    assert (stored_scores(store), counts(store)) == before


def _sources(store, key):
    return dict(
        store.query(
            "SELECT s.indicator, s.source_id FROM indicator_scores s JOIN organizations o USING (org_id) "
            "WHERE o.org_key = ?",
            [key],
        ).itertuples(index=False)
    )


def test_a_corrected_file_updates_what_changed_and_keeps_the_source_of_the_rest(store):
    first = commit_table(store, read_table(csv_bytes(_good_rows()), "v1.csv"))
    rows = _good_rows()
    rows[0][4] = 91.2  # total of row 2
    rows[0][6 + 2] = 94  # indicator 3 of row 2: 90 -> 94, so IIT 90.8 and the total 91.24
    rows[0][4] = 91.24
    rows[1][5] = ""  # a blank level keeps the stored one
    second = commit_table(store, read_table(csv_bytes(rows), "v2.csv"))

    assert (second.added, second.updated, second.unchanged) == (0, 1, 1)
    assert second.source_id != first.source_id
    changed = second.changes.set_index("row")
    assert changed.loc[2, "changed"] == "total_score, indicator_3"
    stored = stored_scores(store)
    assert stored[(KEY_A, 2566)]["total_score"] == 91.24
    assert stored[(KEY_A, 2566)]["indicator_3"] == 94
    assert stored[(KEY_B, 2566)]["level_reported"] == "ต้องปรับปรุง"
    a_sources = _sources(store, KEY_A)
    assert a_sources[3] == second.source_id
    assert {a_sources[i] for i in range(1, 11) if i != 3} == {first.source_id}
    assert set(_sources(store, KEY_B).values()) == {first.source_id}
    assessment_sources = dict(
        store.query("SELECT o.org_key, a.source_id FROM assessments a JOIN organizations o USING (org_id)").itertuples(
            index=False
        )
    )
    assert assessment_sources == {KEY_A: second.source_id, KEY_B: first.source_id}


def test_a_dry_run_counts_the_changes_and_stores_nothing(store):
    commit_table(store, read_table(csv_bytes(_good_rows()[:1]), "v1.csv"))
    before = counts(store)
    result = commit_table(store, read_table(csv_bytes(_good_rows()), "v2.csv"), dry_run=True)
    assert (result.added, result.updated, result.unchanged, result.dry_run) == (1, 0, 1, True)
    assert counts(store) == before


def test_a_later_table_fills_a_district_the_store_lacked(store):
    rows = _good_rows()
    rows[0][1] = ""
    commit_table(store, read_table(csv_bytes(rows), "v1.csv"))
    assert stored_scores(store)[(KEY_A, 2566)]["district"] is None
    result = commit_table(store, read_table(csv_bytes(_good_rows()), "v2.csv"))
    assert result.changes.set_index("row").loc[2, "changed"] == "district"
    assert stored_scores(store)[(KEY_A, 2566)]["district"] == "เมืองสระบุรี"


def test_progress_is_reported_from_start_to_end(store):
    seen = []
    preview = read_table(csv_bytes(_good_rows()), "a.csv", progress=lambda f, m: seen.append(f))
    commit_table(store, preview, progress=lambda f, m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)


def test_import_table_file_reads_from_disk(store, tmp_path):
    path = tmp_path / "saraburi.csv"
    path.write_bytes(csv_bytes(_good_rows()))
    preview, result = import_table_file(store, path)
    assert preview.file_name == "saraburi.csv" and result.added == 2


# --- the bulk path keeps the store's rules --------------------------------------------------


def test_the_bulk_import_stores_what_save_assessment_would(store, tmp_path):
    """Same rows through commit_table and through upsert_organization + save_assessment."""
    headers = HEADERS + ["o1", "o40", "ลำดับในจังหวัด"]
    rows = [
        row("อบต.สมมุติริมน้ำ", total=90.0, level="ผ่านดี", scores=ALL_90) + [100, 50, 1],
        row("ทต.สมมุติหนองบัว", district="", total=None, scores=MIXED) + ["", "", ""],
        row("อบต.สมมุติริมน้ำ", year=2562, total=None, level="A", scores=(88,) * 5 + ("",) * 5) + [0, 100, 2],
    ]
    preview = read_table(csv_bytes(rows, headers=headers), "bulk.csv")
    assert preview.ok, preview.errors
    commit_table(store, preview)

    with st.Store(tmp_path / "rowwise.duckdb") as other:
        with other.transaction() as cur:
            source = st.add_source(cur, "bulk.csv", preview.checksum, "table")
            for rec in preview.rows.to_dict("records"):
                rec = {k: None if pd.api.types.is_scalar(v) and pd.isna(v) else v for k, v in rec.items()}
                org = st.upsert_organization(
                    cur, st.OrgRecord(rec["org_type"], rec["name"], rec["province"], rec["district"])
                )
                indicators = {i: rec[f"indicator_{i}"] for i in range(1, 11)}
                st.save_assessment(
                    cur,
                    org,
                    rec["fiscal_year"],
                    source,
                    label=rec["org_name"],
                    total_score=rec["total_score"],
                    level_reported=rec["level_reported"],
                    province_rank=rec["province_rank_reported"],
                    indicator_scores={k: v for k, v in indicators.items() if v is not None},
                    item_scores={c: rec[c] for c in preview.item_codes if rec[c] is not None},
                )
        assert stored_scores(store) == stored_scores(other)
