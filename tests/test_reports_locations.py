"""Where each fact came from: ``report.locations`` (fact key → line of the normalised text) and
``report.snippet``; for every seed, the line of every fact prints that fact."""

from __future__ import annotations

import pytest
from conftest import seed_path

from ita_data.reports import parse_file, parse_text
from ita_data.reports.text import find_item_codes
from ita_data.thai import to_arabic, to_thai_digits

SEEDS = ("000", "001", "002", "003", "004")


@pytest.fixture(scope="module")
def seeds(seeds_dir):
    return {n: parse_file(seed_path(seeds_dir, n)) for n in SEEDS}


def printed(value: float) -> list[str]:
    """The ways a score is printed: ``94.30``, ``94.3``, ``100`` (read on the Arabic form of the line)."""
    forms = {f"{value:.2f}", f"{value:g}"}
    if value == int(value):
        forms.add(str(int(value)))
    return sorted(forms)


def fact_keys(report) -> set[str]:
    keys = {
        k
        for k in ("fiscal_year", "total_score", "level", "province_rank", "province_rank_of")
        if getattr(report, k) is not None
    }
    keys |= {f"indicator:{n}" for n in report.indicator_scores}
    keys |= {f"item:{c}" for c in report.item_scores}
    keys |= {f"measure:{i}" for i in range(1, len(report.measures) + 1)}
    return keys


@pytest.mark.parametrize("number", SEEDS)
def test_every_fact_of_a_seed_has_a_line(seeds, number):
    report = seeds[number]
    assert set(report.locations) == fact_keys(report)
    assert all(1 <= line <= len(report.lines) for line in report.locations.values())


@pytest.mark.parametrize("number", SEEDS)
def test_the_line_of_every_fact_prints_it(seeds, number):
    report = seeds[number]
    for key, line_no in report.locations.items():
        line = to_arabic(report.lines[line_no - 1])
        if key == "total_score":
            assert any(f in line for f in printed(report.total_score)), (key, line[:200])
        elif key == "level":
            assert report.level in line
        elif key in ("province_rank", "province_rank_of", "fiscal_year"):
            assert str(getattr(report, key)) in line
        elif key.startswith("indicator:"):
            value = report.indicator_scores[int(key.split(":")[1])]
            assert any(f in line for f in printed(value)), (key, line[:200])
        elif key.startswith("item:"):
            code = key.split(":")[1]
            assert code in {m.code for m in find_item_codes(report.lines[line_no - 1], "e")}, (key, line[:200])
            value = report.item_scores[code]
            # a score of 0 may be said once for a whole section ("ประเด็นที่มีคะแนน ๐ คะแนน")
            assert value == 0 or any(f in line for f in printed(value)), (key, line[:200])
        else:
            measure = report.measures[int(key.split(":")[1]) - 1]
            assert measure.line == line_no


def test_seed_facts_point_at_the_lines_a_person_reads(seeds):
    # seed 004 states total, level and rank in one sentence; its indicator 10 table starts under its heading
    r = seeds["004"]
    assert r.locations["total_score"] == r.locations["level"] == r.locations["province_rank"]
    assert "๕๗.๓๑" in r.lines[r.locations["total_score"] - 1]
    assert "๕๗.๓๑" in r.snippet("total_score")
    assert r.locations["item:o34"] < r.locations["item:o48"]


def test_locations_and_snippets_are_in_the_json_object(seeds):
    obj = seeds["001"].to_json()
    assert set(obj["locations"]) == fact_keys(seeds["001"])
    total = obj["locations"]["total_score"]
    assert total["line"] == seeds["001"].locations["total_score"]
    assert "๙๔.๓๐" in total["snippet"]
    assert all(0 < len(v["snippet"]) <= 160 for v in obj["locations"].values())


def test_a_snippet_of_a_long_line_is_cut_around_the_fact():
    text = "ปีงบประมาณ 2567 " + "ข้อความนำ " * 60 + "อบต.สมมุติยาว ได้คะแนน ITA 91.25 คะแนน " + "ท้ายข่าว " * 60
    report = parse_text(text, "long.txt")
    assert report.total_score == 91.25 and report.locations["total_score"] == 1
    snippet = report.snippet("total_score", width=80)
    assert "91.25" in snippet and len(snippet) <= 80
    assert snippet.startswith("…") and snippet.endswith("…")


def test_lines_count_in_the_normalised_text_with_thai_digits_and_tags():
    text = "\n".join(
        [
            "รายงานการวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ ๒๕๖๖",
            "<p>อบต.สมมุติเส้น",
            "จังหวัดขอนแก่น</p>",
            "",
            to_thai_digits("ได้คะแนนรวม 86.40 คะแนน อยู่ในระดับ ผ่าน ลำดับที่ 7 จาก 98 แห่ง"),
            "การเปิดเผยข้อมูล\t72.50",
            "ข้อ o5 ได้ 0 คะแนน",
        ]
    )
    r = parse_text(text, "lines.txt")
    assert r.locations == {
        "fiscal_year": 1,
        "total_score": 5,
        "level": 5,
        "province_rank": 5,
        "province_rank_of": 5,
        "indicator:9": 6,
        "item:o5": 7,
    }
    assert r.snippet("indicator:9") == "การเปิดเผยข้อมูล 72.50"
    assert r.snippet("measure:1") == ""  # no such fact


def test_a_tag_broken_over_two_lines_does_not_shift_the_lines_below_it():
    text = "ผลการประเมิน ITA ปี 2566 <span\nclass='x'> อบต.สมมุติแท็ก</span>\nได้คะแนน 90.10 คะแนน"
    r = parse_text(text, "tag.html")
    assert r.total_score == 90.10 and r.locations["total_score"] == 3
