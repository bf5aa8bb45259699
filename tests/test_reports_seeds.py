"""The five real reports in ../shared/seeds: every score, level, rank and measure they print.

The expected values were read from the documents by eye; nothing of the documents is copied here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import seed_path

from ita_data.reports import parse_file


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return {n: parse_file(seed_path(seeds_dir, n)) for n in ("000", "001", "002", "003", "004")}


def test_every_seed_has_its_kind_organisation_and_year(seeds):
    facts = {n: (r.kind, r.organization.to_json(), r.fiscal_year) for n, r in seeds.items()}
    assert facts == {
        "000": (
            "measures",
            {"type": "เทศบาลตำบล", "name": "บ่อพลอย", "district": "บ่อพลอย", "province": "กาญจนบุรี"},
            2566,
        ),
        "001": (
            "analysis",
            {"type": "องค์การบริหารส่วนตำบล", "name": "บ้านกล้วย", "district": "หนองโดน", "province": "สระบุรี"},
            2568,
        ),
        "002": (
            "measures",
            {"type": "องค์การบริหารส่วนตำบล", "name": "เมืองโดน", "district": "ประทาย", "province": "นครราชสีมา"},
            2566,
        ),
        "003": ("measures", {"type": "เทศบาลตำบล", "name": "รวมใจพัฒนา", "district": "แม่ใจ", "province": "พะเยา"}, 2566),
        "004": ("analysis", {"type": "เทศบาลตำบล", "name": "คำม่วง", "district": "คำม่วง", "province": "กาฬสินธุ์"}, 2562),
    }


# --- seed 001: FY2568 analysis ------------------------------------------------------------------


def test_seed_001_total_level_and_the_ten_indicators(seeds):
    r = seeds["001"]
    assert (r.total_score, r.level, r.province_rank) == (94.30, "ผ่านดี", None)
    assert r.indicator_scores == {
        1: 100.0,
        2: 100.0,
        3: 100.0,
        4: 100.0,
        5: 100.0,
        6: 99.33,
        7: 99.33,
        8: 99.33,
        9: 82.50,
        10: 90.0,
    }


def test_seed_001_item_scores_from_the_score_tables(seeds):
    items = seeds["001"].item_scores
    assert {f"i{n}" for n in range(1, 16)} <= set(items)  # "ข้อ i1, i2, i3 คะแนน 100.00" for each indicator
    assert all(items[f"i{n}"] == 100.0 for n in range(1, 16))
    assert [items[f"e{n}"] for n in range(1, 10)] == [98.5, 97.6, 97.6, 97.6, 100.0, 98.5, 99.2, 100.0, 96.8]
    fifty = {5, 6, 7, 12, 19, 23}
    assert {n: items[f"o{n}"] for n in range(1, 29)} == {
        n: 10.0 if n == 25 else 50.0 if n in fifty else 100.0 for n in range(1, 29)
    }
    assert len(items) == 15 + 9 + 28


def test_seed_001_prefers_the_score_table_and_warns_where_the_measures_table_differs(seeds):
    r = seeds["001"]
    assert r.item_scores["e1"] == 98.5  # the measures table quotes 98.40
    assert r.item_scores["e3"] == 97.6  # the measures table quotes 100.00
    assert any(w.startswith("ข้อ e1: ตารางคะแนนให้ 98.50") and "98.40" in w for w in r.warnings)
    assert any(w.startswith("ข้อ e3: ตารางคะแนนให้ 97.60") and "100.00" in w for w in r.warnings)
    assert any(w.startswith("ข้อ e6:") for w in r.warnings)


def test_seed_001_planned_measures_on_indicators_6_to_10(seeds):
    measures = seeds["001"].measures
    assert [(m.indicator, m.item) for m in measures] == [
        (6, "e1,e2,e3"),
        (7, "e4,e5,e6"),
        (8, "e7,e8"),
        (8, "e9"),
        (9, "o5,o6,o7,o12,o19"),
        (10, "o23"),
    ]
    assert {m.status for m in measures} == {"planned"}
    assert [m.due for m in measures] == [dt.date(2026, 9, 30)] * 3 + [dt.date(2025, 9, 30)] + [dt.date(2026, 9, 30)] * 2
    assert measures[0].responsible.split("\n")[:3] == ["สำนักปลัด", "กองคลัง", "กองช่าง"]
    assert measures[4].responsible == "ทุกส่วนราชการ"
    assert all(m.title and m.steps and m.issue for m in measures)


def test_seed_001_continued_rows_join_the_measure_above(seeds):
    measures = seeds["001"].measures
    # the indicator-9 analysis runs over three pages; all of it belongs to one measure
    assert "๐๑๙." in measures[4].issue and "๐๗." in measures[4].issue
    assert measures[1].issue.count("ตัวชี้วัดที่ ๗") == 2


# --- seed 004: FY2562 analysis ------------------------------------------------------------------


def test_seed_004_total_level_rank(seeds):
    r = seeds["004"]
    assert (r.total_score, r.level, r.province_rank) == (57.31, "D", 68)


def test_seed_004_indicators_are_placed_by_name_not_by_the_rank_column(seeds):
    assert seeds["004"].indicator_scores == {
        1: 84.59,
        2: 76.55,
        3: 77.93,
        4: 73.72,
        5: 74.45,
        6: 79.97,
        7: 81.91,
        8: 73.66,
        9: 46.34,
        10: 6.25,
    }


def test_seed_004_indicator_10_items(seeds):
    items = seeds["004"].item_scores
    assert {k: v for k, v in items.items() if int(k[1:]) >= 34} == {
        f"o{n}": (100.0 if n == 39 else 0.0) for n in range(34, 49)
    }


def test_seed_004_items_of_the_section_that_scored_nothing_are_read_as_0(seeds):
    # the OIT table's column says "ประเด็นที่มีคะแนน ๐ คะแนน": every item it lists scored 0
    items = seeds["004"].item_scores
    listed = {5, 8, 10, 11, 15, 16, 17, 19, 23, 26, 27, 28, 29, 30, 31, 33}
    assert {k: v for k, v in items.items() if int(k[1:]) < 34} == {f"o{n}": 0.0 for n in listed}
    assert not [w for w in seeds["004"].warnings if w.startswith("ข้อ o")]


def test_seed_004_twelve_planned_measures_due_1_march_2020(seeds):
    measures = seeds["004"].measures
    assert len(measures) == 12
    assert {m.due for m in measures} == {dt.date(2020, 3, 1)}
    assert {m.status for m in measures} == {"planned"}
    by_title = {m.title.split()[0]: m.indicator for m in measures}
    assert by_title["มีแนวทางปฏิบัติ"] == 4
    assert by_title["การปรับปรุงระบบ"] == 8
    assert by_title["การใช้อำนาจ"] == 3
    assert by_title["หลักเกณฑ์การ"] == 9
    # the page-broken row (responsible units continue on the next page) stays one measure
    broken = next(m for m in measures if m.title == "การดำเนินงาน")
    assert "กองการศึกษาฯ" in broken.responsible and "เท่าเทียมกัน" in broken.steps


def test_seed_004_prints_a_total_its_indicators_reproduce(seeds):
    assert not [w for w in seeds["004"].warnings if w.startswith("คะแนนรวมที่พิมพ์")]
    assert not [w for w in seeds["001"].warnings if w.startswith("คะแนนรวมที่พิมพ์")]


# --- seed 003: measures report, indicators numbered wrongly ---------------------------------------


def test_seed_003_six_done_measures_named_by_indicator(seeds):
    measures = seeds["003"].measures
    assert [m.indicator for m in measures] == [1, 7, 4, 2, 3, 5]
    assert {m.status for m in measures} == {"done"}
    assert all(m.completed_on is None for m in measures)  # ticked, but no date given
    assert all(m.result and "ดำเนินการแล้วเสร็จ" not in m.result for m in measures)


def test_seed_003_warns_about_the_misnumbered_indicators(seeds):
    warnings = seeds["003"].warnings
    assert sum(w.startswith("ตัวชี้วัด '") and "ตามชื่อ" in w for w in warnings) == 4


# --- seed 002: measures report with dates of what was done ----------------------------------------


def test_seed_002_eight_done_measures(seeds):
    measures = seeds["002"].measures
    assert len(measures) == 8
    assert {m.status for m in measures} == {"done"}
    assert [m.indicator for m in measures] == [9, 9, 5, 7, 7, 7, 7, 7]
    assert [m.item for m in measures] == [None, None, None, "e6", "e7", "e8", "e9", "e10"]


def test_seed_002_completed_on_is_the_latest_date_done(seeds):
    measures = seeds["002"].measures
    e_service = measures[0]
    assert "E-Service" in e_service.issue
    assert e_service.completed_on == dt.date(2023, 4, 6)
    assert measures[2].completed_on == dt.date(2023, 4, 4)
    assert measures[3].completed_on is None  # "เดือน พฤศจิกายน" gives a month, not a date


def test_seed_002_unticked_boxes_in_a_question_do_not_set_a_status(seeds):
    assert seeds["002"].measures[3].status == "done"


# --- seed 000: measures report, one row broken by a page -----------------------------------------


def test_seed_000_seven_done_measures(seeds):
    measures = seeds["000"].measures
    assert len(measures) == 7
    assert {m.status for m in measures} == {"done"}
    assert [m.item for m in measures] == [None, "e12", "e13", "e14", "o19", "o23", "o26"]
    assert [m.indicator for m in measures] == [4, 8, 8, 8, 9, 9, 9]


def test_seed_000_the_page_broken_o23_row_is_one_measure(seeds):
    o23 = [m for m in seeds["000"].measures if m.item == "o23"]
    assert len(o23) == 1
    assert "เป็นต้น กรณีที่หน่วยงานไม่มีการจัดซื้อจัดจ้าง" in o23[0].issue
    assert "(๒) จัดทำข้อมูลเพื่อเผยแพร่ลงเว็บไซต์" in o23[0].title


def test_measures_reports_carry_no_scores(seeds):
    for n in ("000", "002", "003"):
        r = seeds[n]
        assert (r.total_score, r.level, r.indicator_scores, r.item_scores) == (None, None, {}, {})


def test_the_json_object_has_exactly_the_documented_fields(seeds):
    obj = seeds["002"].to_json()
    # fmt: off
    assert list(obj) == ["source", "kind", "organization", "fiscal_year", "total_score", "level", "province_rank",
                         "indicator_scores", "item_scores", "measures", "warnings", "locations"]
    assert list(obj["measures"][0]) == ["indicator", "item", "title", "issue", "steps", "responsible", "due",
                                        "status", "completed_on", "result"]
    # fmt: on
    assert obj["measures"][0]["completed_on"] == "2023-04-06"
    assert seeds["001"].to_json()["indicator_scores"]["9"] == 82.5
    assert seeds["001"].to_json()["item_scores"]["o25"] == 10.0
