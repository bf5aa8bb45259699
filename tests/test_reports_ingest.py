"""Storing reports: one transaction per file, idempotent, newer reports update, every number keeps its source."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import seed_path

from ita_data import labels
from ita_data.__main__ import main
from ita_data.reports import ingest_paths

ANALYSIS_V1 = """การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566
เทศบาลตำบลหนองสมมุติ อำเภอน้ำพอง จังหวัดขอนแก่น
ผลการประเมิน ได้คะแนน 80.00 คะแนน อยู่ในระดับ ต้องปรับปรุง ลำดับที่ 12 จาก 198 แห่ง ของ อปท.จังหวัดขอนแก่น
ตัวชี้วัด\tคะแนน
ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่\t90.00
ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\t70.00
รหัส\tรายการ\tคะแนน
O5\tข้อมูลการติดต่อ\t100
O15\tE-Service\t0
มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tระยะเวลา
พัฒนาบริการออนไลน์ (O15)\tจัดทำแบบฟอร์ม\tสำนักปลัด\t30 ก.ย. 2567
อบรมเจ้าหน้าที่ ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่\tจัดอบรม\tกองคลัง\t31 มี.ค. 2567
"""

# The same organisation and year, later: indicator 9 and the total corrected, one measure left.
ANALYSIS_V2 = """การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ฉบับปรับปรุง) ประจำปีงบประมาณ พ.ศ. 2566
ทต.หนองสมมุติ อ.น้ำพอง จ.ขอนแก่น
ได้คะแนน 82.50 คะแนน
ตัวชี้วัด\tคะแนน
ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\t75.00
มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tระยะเวลา
พัฒนาบริการออนไลน์ (O15)\tจัดทำแบบฟอร์ม\tสำนักปลัด\t30 ก.ย. 2567
"""

MEASURES = """รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. 2566
เทศบาลตำบลหนองสมมุติ อำเภอน้ำพอง จังหวัดขอนแก่น
มาตรการ\tผู้รับผิดชอบ\tผลการดำเนินการ
พัฒนาบริการออนไลน์ (O15)\tสำนักปลัด\tเปิดใช้ระบบแล้วเมื่อ 15 ม.ค. 2567
"""


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def rows(store, sql):
    """Plain Python values (dates stay dates), unlike a DataFrame."""
    return [list(r) for r in store.cursor().execute(sql).fetchall()]


def counts(store):
    return {
        t: int(store.query("SELECT count(*) AS n FROM " + t)["n"][0])  # table names are ours, not input
        for t in ("sources", "organizations", "assessments", "indicator_scores", "item_scores", "measures")
    }


def test_a_report_is_added_with_its_numbers_and_measures(store, tmp_path):
    (result,) = ingest_paths(store, [write(tmp_path, "v1.txt", ANALYSIS_V1)])
    assert result.status == "added", result.message
    row = (
        store.query(
            "SELECT o.org_type, o.name, o.province, o.district, a.fiscal_year, a.total_score, a.level_reported,"
            " a.province_rank_reported, a.province_rank_of FROM assessments a JOIN organizations o USING (org_id)"
        )
        .iloc[0]
        .tolist()
    )
    assert row == ["subdistrict_municipality", "หนองสมมุติ", "ขอนแก่น", "น้ำพอง", 2566, 80.0, "ต้องปรับปรุง", 12, 198]
    scores = store.query("SELECT indicator, score FROM indicator_scores ORDER BY indicator")
    assert scores.values.tolist() == [[1, 90.0], [9, 70.0]]
    items = store.query("SELECT item, indicator, score FROM item_scores ORDER BY item")
    assert items.values.tolist() == [["o15", 9, 0.0], ["o5", 9, 100.0]]
    measures = rows(store, "SELECT indicator, item, status, due_date FROM measures ORDER BY measure_id")
    assert measures == [[9, "o15", "planned", dt.date(2024, 9, 30)], [1, None, "planned", dt.date(2024, 3, 31)]]
    kind = store.query("SELECT kind, file_name FROM sources").values.tolist()
    assert kind == [["analysis", "v1.txt"]]


def test_ingesting_the_same_file_again_changes_nothing(store, tmp_path):
    path = write(tmp_path, "v1.txt", ANALYSIS_V1)
    ingest_paths(store, [path])
    before = counts(store)
    copy = write(tmp_path, "copy-of-v1.txt", ANALYSIS_V1)
    results = ingest_paths(store, [path, copy])
    assert [r.status for r in results] == ["unchanged", "unchanged"]
    assert counts(store) == before


def test_a_newer_report_updates_and_every_number_keeps_its_source(store, tmp_path):
    (first,) = ingest_paths(store, [write(tmp_path, "v1.txt", ANALYSIS_V1)])
    (second,) = ingest_paths(store, [write(tmp_path, "v2.txt", ANALYSIS_V2)])
    assert second.status == "updated", second.message
    assert store.query("SELECT count(*) AS n FROM organizations")["n"][0] == 1  # "ทต." = "เทศบาลตำบล"
    sources = dict(store.query("SELECT indicator, source_id FROM indicator_scores").values.tolist())
    assert sources == {1: first.source_id, 9: second.source_id}
    assert dict(store.query("SELECT indicator, score FROM indicator_scores").values.tolist()) == {1: 90.0, 9: 75.0}
    assert set(store.query("SELECT source_id FROM item_scores")["source_id"]) == {first.source_id}
    total = store.query("SELECT total_score, level_reported, province_rank_reported, source_id FROM assessments")
    assert total.iloc[0].tolist() == [82.5, "ต้องปรับปรุง", 12, second.source_id]
    # the newer analysis replaces the older one's planned measures
    measures = store.query("SELECT item, source_id FROM measures").values.tolist()
    assert measures == [["o15", second.source_id]]


def test_a_measures_report_keeps_the_analysis_measures_beside_its_own(store, tmp_path):
    ingest_paths(store, [write(tmp_path, "v1.txt", ANALYSIS_V1)])
    (result,) = ingest_paths(store, [write(tmp_path, "done.txt", MEASURES, encoding="cp874")])
    assert result.status == "updated"
    got = rows(
        store,
        "SELECT s.kind, m.status, m.completed_on FROM measures m JOIN sources s USING (source_id)"
        " ORDER BY s.kind, m.measure_id",
    )
    assert got == [
        ["analysis", "planned", None],
        ["analysis", "planned", None],
        ["measures", "done", dt.date(2024, 1, 15)],
    ]
    assert store.query("SELECT count(*) AS n FROM assessments")["n"][0] == 1  # a measures report adds no scores


@pytest.mark.parametrize(
    "text, words",
    [
        ("ได้คะแนน ITA 80.00 คะแนน ปีงบประมาณ 2566", labels.INGEST_NO_ORGANIZATION),
        ("เทศบาลตำบลหนองสมมุติ จังหวัดขอนแก่น ได้คะแนน ITA 80.00 คะแนน", labels.INGEST_NO_FISCAL_YEAR),
        ("เทศบาลตำบลหนองสมมุติ จังหวัดขอนแก่น ปีงบประมาณ 2575 ได้คะแนน ITA 80.00 คะแนน", "ไม่มีเกณฑ์ ITA ของปีงบประมาณ 2575"),
        (
            "รายงานการวิเคราะห์ผลการประเมิน ITA เทศบาลตำบลหนองสมมุติ จังหวัดขอนแก่น ปีงบประมาณ 2566 ไม่มีตัวเลขใด",
            labels.INGEST_NO_FACTS,
        ),
        ("เทศบาลตำบลหนองสมมุติ จังหวัดขอนแก่น ปีงบประมาณ 2566 ผลการประเมิน LPA ได้คะแนนรวม 80.00", labels.INGEST_NOT_ITA),
    ],
)
def test_a_report_that_cannot_be_stored_is_an_error_and_stores_nothing(store, tmp_path, text, words):
    ingest_paths(store, [write(tmp_path, "v1.txt", ANALYSIS_V1)])
    before = counts(store)
    (result,) = ingest_paths(store, [write(tmp_path, "bad.txt", text)])
    assert result.status == "error" and words in result.message and "bad.txt" in result.message
    assert counts(store) == before


def test_a_database_refusal_rolls_the_whole_file_back(store, tmp_path, monkeypatch):
    from ita_data import store as store_module
    from ita_data.store import importing

    def refuse(*args, **kwargs):
        raise store_module.DataError("measure refused for the test")

    monkeypatch.setattr(importing, "write_facts", refuse)  # the one import path's write
    (result,) = ingest_paths(store, [write(tmp_path, "v1.txt", ANALYSIS_V1)])
    assert result.status == "error" and "refused for the test" in result.message
    assert counts(store) == {t: 0 for t in counts(store)}


def test_an_unreadable_file_is_an_error_and_the_others_still_go_in(store, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.5")
    results = ingest_paths(store, [bad, write(tmp_path, "v1.txt", ANALYSIS_V1)])
    assert [r.status for r in results] == ["error", "added"]
    assert "scan.pdf" in results[0].message


def test_the_ingest_command_reports_each_file_and_exits_1_on_an_error(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    good = write(tmp_path, "v1.txt", ANALYSIS_V1)
    bad = write(tmp_path, "empty.txt", "")
    assert main(["ingest", str(good), "--db", str(db)]) == 0
    assert any(line.startswith("v1.txt ") and "เพิ่มใหม่" in line for line in capsys.readouterr().out.splitlines())
    assert main(["ingest", str(good), str(bad), "--db", str(db)]) == 1
    captured = capsys.readouterr()
    assert any(line.startswith("v1.txt ") and "ไม่เปลี่ยนแปลง" in line for line in captured.out.splitlines())
    failed = labels.CLI_FILE_ERROR.format(name="empty.txt", reason=labels.INGEST_NO_ORGANIZATION)
    assert failed in captured.err.splitlines() and "Traceback" not in captured.err


def test_the_five_seeds_ingest_and_a_second_run_changes_nothing(store, seeds_dir):
    paths = [seed_path(seeds_dir, n) for n in ("000", "001", "002", "003", "004")]
    results = ingest_paths(store, paths)
    assert [r.status for r in results] == ["added"] * 5, [r.message for r in results]
    after = counts(store)
    assert after["organizations"] == 5 and after["assessments"] == 2
    assert after["measures"] == 7 + 6 + 8 + 6 + 12
    assert after["item_scores"] == 52 + 31 and after["indicator_scores"] == 20  # 004: 15 scored + 16 said 0
    assert [r.status for r in ingest_paths(store, paths)] == ["unchanged"] * 5
    assert counts(store) == after
    level = store.query("SELECT level_reported, level_computed FROM org_year ORDER BY fiscal_year")
    assert level.values.tolist() == [["D", "D"], ["ผ่านดี", "ผ่านดี"]]
