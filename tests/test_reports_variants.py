"""Reports written the way other municipalities write them. All organisations here are invented."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ita_data import labels
from ita_data.__main__ import main
from ita_data.reports import parse_bytes, parse_text

WEB_PAGE = """ข่าวประชาสัมพันธ์
องค์การบริหารส่วนตำบลทดลองสมมุติ อำเภอสันทราย จังหวัดเชียงใหม่
ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 อบต.ทดลองสมมุติ ได้คะแนน 77.70 คะแนน อยู่ในระดับ B
ซึ่งตามเกณฑ์ใหม่ถือว่า ต้องปรับปรุง เป็นลำดับที่ 76 จาก 211 แห่ง ของ อปท.จังหวัดเชียงใหม่
ขอขอบคุณทุกท่านที่ร่วมตอบแบบสำรวจ
"""


def test_a_web_page_announcement_gives_total_level_and_rank():
    r = parse_text(WEB_PAGE, "news.html")
    assert (r.fiscal_year, r.total_score, r.level, r.province_rank, r.province_rank_of) == (2566, 77.70, "B", 76, 211)
    assert r.organization.to_json() == {
        "type": "องค์การบริหารส่วนตำบล",
        "name": "ทดลองสมมุติ",
        "district": "สันทราย",
        "province": "เชียงใหม่",
    }
    assert r.kind == "analysis"
    assert (
        labels.REPORT_KIND_GUESSED.format(name="news.html", kind=labels.SOURCE_KINDS["analysis"], kind_en="analysis")
        in r.warnings
    )


def test_a_web_page_in_thai_digits_reads_the_same():
    from ita_data.thai import to_thai_digits

    r = parse_text(to_thai_digits(WEB_PAGE), "news.txt")
    assert (r.total_score, r.level, r.province_rank) == (77.70, "B", 76)


ANALYSIS_ARABIC = """รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567
เทศบาลตำบลนาสมมติ
อำเภอน้ำพอง จังหวัดขอนแก่น

ผลการประเมินภาพรวม เทศบาลตำบลนาสมมติ ได้คะแนนรวม 85.92 คะแนน ผลการประเมินอยู่ในระดับ ผ่าน

ที่\tชื่อตัวชี้วัด\tผลคะแนน
1\tการปฏิบัติหน้าที่\t95.10
2\tการใช้งบประมาณ\t92.40
3\tการใช้อำนาจ\t96.00
4\tการใช้ทรัพย์สินของราชการ\t90.50
5\tการแก้ไขปัญหาการทุจริต\t93.00
6\tคุณภาพการดำเนินงาน\t91.20
7\tประสิทธิภาพการสื่อสาร\t89.70
8\tการปรับปรุงการทำงาน\t88.10
9\tการเปิดเผยข้อมูล\t80.00
10\tการป้องกันการทุจริต\t75.00

ผลคะแนนรายข้อของแบบ OIT ที่ไม่ได้คะแนนเต็ม
รหัสข้อ\tรายการ\tคะแนนที่ได้
O15\tE-Service\t0
O23\tสรุปผลการจัดซื้อจัดจ้างรายเดือน\t50.00
o36\tการประเมินความเสี่ยง\t0.00

แผนการปรับปรุงตามผลการวิเคราะห์
โครงการ/กิจกรรม\tประเด็นที่ต้องพัฒนา\tวิธีดำเนินการ\tหน่วยงานที่รับผิดชอบ\tกำหนดเวลาแล้วเสร็จ
พัฒนาระบบบริการออนไลน์\tO15 ยังไม่มีระบบ E-Service\tจัดทำแบบฟอร์มออนไลน์\tสำนักปลัด\tภายใน 31 มี.ค. 2568
จัดทำรายงานจัดซื้อรายเดือน\tตัวชี้วัดที่ 3 การเปิดเผยข้อมูล ข้อ O23\t1. รวบรวมข้อมูลทุกเดือน\tกองคลัง\t1 ต.ค. 67 - 30 กันยายน 68

โครงการ/กิจกรรม\tประเด็นที่ต้องพัฒนา\tวิธีดำเนินการ\tหน่วยงานที่รับผิดชอบ\tกำหนดเวลาแล้วเสร็จ
\t\t2. เผยแพร่บนเว็บไซต์ทุกวันที่ 10\tงานพัสดุ\t
"""


def test_an_analysis_in_arabic_digits_with_other_header_words():
    r = parse_text(ANALYSIS_ARABIC, "analysis-2567.txt")
    assert (r.kind, r.fiscal_year, r.total_score, r.level) == ("analysis", 2567, 85.92, "ผ่าน")
    assert r.indicator_scores == {
        1: 95.10,
        2: 92.40,
        3: 96.00,
        4: 90.50,
        5: 93.00,
        6: 91.20,
        7: 89.70,
        8: 88.10,
        9: 80.00,
        10: 75.00,
    }
    assert r.item_scores == {"o15": 0.0, "o23": 50.0, "o36": 0.0}
    assert r.organization.district == "น้ำพอง" and r.organization.province == "ขอนแก่น"
    assert not [w for w in r.warnings if "differs" in w]


def test_measures_under_other_header_words_with_page_broken_continuation():
    measures = parse_text(ANALYSIS_ARABIC, "analysis-2567.txt").measures
    assert [(m.indicator, m.item, m.status) for m in measures] == [(9, "o15", "planned"), (9, "o23", "planned")]
    assert measures[0].due == dt.date(2025, 3, 31)
    assert measures[1].due == dt.date(2025, 9, 30)  # "30 กันยายน 68": full month, two-digit year
    assert measures[1].steps == "1. รวบรวมข้อมูลทุกเดือน\n2. เผยแพร่บนเว็บไซต์ทุกวันที่ 10"
    assert measures[1].responsible == "กองคลัง\nงานพัสดุ"


def test_an_indicator_named_with_the_wrong_number_is_placed_by_its_name():
    r = parse_text(ANALYSIS_ARABIC, "analysis-2567.txt")
    assert r.measures[1].indicator == 9
    assert any("พิมพ์เป็นตัวชี้วัดที่ 3; อ่านเป็นตัวชี้วัดที่ 9 ตามชื่อ" in w for w in r.warnings)


MEASURES_REPORT = """รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน
ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
อบต.โคกตัวอย่าง อ.เมืองเชียงใหม่ จ.เชียงใหม่

ตัวชี้วัด\tมาตรการ\tผู้รับผิดชอบ\tสถานะ\tผลการดำเนินการ
ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร\tเพิ่มช่องทาง Line\tงานประชาสัมพันธ์\t[ ] ไม่สามารถดำเนินการได้ [x] อยู่ระหว่างการดำเนินการ [ ] ดำเนินการแล้วเสร็จ\tเริ่มเมื่อ ๒ ม.ค. ๖๗
ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต\tประกาศนโยบายไม่รับของขวัญ\tสำนักปลัด\t[x] ดำเนินการแล้วเสร็จ\tประกาศเมื่อวันที่ ๕ มกราคม ๒๕๖๗ และเผยแพร่ ๒๐ ก.พ. ๖๗
ข้อ ๐๒๐ ช่องทางร้องเรียน\tจัดทำระบบรับเรื่อง\tสำนักปลัด\t<input type="checkbox" checked> ไม่สามารถดำเนินการได้\tงบประมาณไม่เพียงพอ
ข้อ ๐๒๑ การเปิดโอกาสให้มีส่วนร่วม\tจัดเวทีประชาคม\tสำนักปลัด\t\t
"""


def test_a_tis620_measures_report_with_ticked_boxes():
    r = parse_bytes(MEASURES_REPORT.encode("cp874"), "measures-tis.txt")
    assert "TIS-620" in r.warnings[0]
    assert (r.kind, r.fiscal_year) == ("measures", 2567)
    assert r.organization.to_json() == {
        "type": "องค์การบริหารส่วนตำบล",
        "name": "โคกตัวอย่าง",
        "district": "เมืองเชียงใหม่",
        "province": "เชียงใหม่",
    }
    got = [(m.indicator, m.item, m.status, m.completed_on) for m in r.measures]
    assert got == [
        (7, None, "in_progress", None),
        (10, None, "done", dt.date(2024, 2, 20)),
        (9, "o20", "cannot", None),
        (9, "o21", "unknown", None),
    ]
    assert r.measures[2].result == "งบประมาณไม่เพียงพอ"


CONFLICTING = """การวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2562 ของเทศบาลเมืองสมมุติใหม่ จังหวัดขอนแก่น
ผลการประเมินได้คะแนน 90.00 คะแนน อยู่ในระดับ A
ตัวชี้วัด\tคะแนนที่ได้
ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน\t70.25
ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\t85.00
จุดอ่อน ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้คะแนนเพียง 84.00 คะแนน
การปฏิบัติหน้าที่ : 81.50 คะแนน
"""


def test_the_score_table_wins_over_a_different_number_in_prose_with_a_warning():
    r = parse_text(CONFLICTING, "conflict.txt")
    assert r.indicator_scores == {1: 81.50, 8: 70.25, 9: 85.00}
    assert any(w.startswith("ตัวชี้วัด 9: ตารางคะแนนให้ 85.00") and "เขียน 84.00; ใช้ 85.00" in w for w in r.warnings)
    assert (r.total_score, r.level) == (90.00, "A")
    assert r.organization.type_code == "town" and r.organization.name == "สมมุติใหม่"
    assert r.organization.district is None and r.organization.province == "ขอนแก่น"


def test_a_printed_total_that_the_indicators_do_not_give_is_warned():
    text = ANALYSIS_ARABIC.replace("ได้คะแนนรวม 85.92", "ได้คะแนนรวม 88.00")
    r = parse_text(text, "x.txt")
    assert r.total_score == 88.00
    assert any(w.startswith("คะแนนรวมที่พิมพ์ 88.00 ไม่ตรงกับ 85.92") for w in r.warnings)


def test_an_item_outside_the_years_catalogue_is_left_out_with_a_warning():
    text = ANALYSIS_ARABIC.replace("o36\tการประเมินความเสี่ยง\t0.00", "o44\tรายการที่ไม่มีในปีนี้\t0.00")
    r = parse_text(text, "x.txt")
    assert "o44" not in r.item_scores
    assert any(w.startswith("ข้อ o44 ไม่อยู่ในรายการข้อของปีงบประมาณ 2567") for w in r.warnings)


def test_a_period_from_october_to_september_gives_the_fiscal_year():
    text = "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม\nตั้งแต่วันที่ 1 ตุลาคม 2566 - 30 กันยายน 2567\nทต.ทดสอบสมมุติ"
    assert parse_text(text, "p.txt").fiscal_year == 2567


def test_a_provincial_organisation_takes_its_province_from_its_name():
    r = parse_text("องค์การบริหารส่วนจังหวัดขอนแก่น ได้คะแนน 91.10 คะแนน ปีงบประมาณ 2565", "pao.txt")
    assert r.organization.to_json() == {
        "type": "องค์การบริหารส่วนจังหวัด",
        "name": "ขอนแก่น",
        "district": None,
        "province": "ขอนแก่น",
    }


def test_an_unknown_district_is_left_out_with_a_warning():
    r = parse_text("เทศบาลตำบลสมมุติ อำเภอไม่มีจริง จังหวัดขอนแก่น ได้คะแนน 80.00 ปีงบประมาณ 2565", "d.txt")
    assert r.organization.district is None and r.organization.province == "ขอนแก่น"
    assert any("ไม่มีจริง" in w for w in r.warnings)


# --- the command line --------------------------------------------------------------------------


def test_parse_json_prints_one_object_per_file(tmp_path, capsys):
    a = tmp_path / "web.txt"
    a.write_text(WEB_PAGE, encoding="utf-8")
    b = tmp_path / "measures.txt"
    b.write_bytes(MEASURES_REPORT.encode("cp874"))
    assert main(["parse", str(a), str(b), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["source"] for o in out] == ["web.txt", "measures.txt"]
    assert out[0]["total_score"] == 77.70 and out[1]["measures"][1]["completed_on"] == "2024-02-20"


def test_parse_names_a_bad_file_in_one_line_and_exits_1(tmp_path, capsys):
    good = tmp_path / "web.txt"
    good.write_text(WEB_PAGE, encoding="utf-8")
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 binary")
    assert main(["parse", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    (message,) = captured.err.strip().splitlines()
    assert message.startswith(labels.CLI_ERROR.format(message="scan.pdf: ไฟล์ PDF")) and "damaged PDF" in message
    assert "Traceback" not in captured.err
    assert f"web.txt: {labels.SOURCE_KINDS['analysis']} |" in captured.out


def test_parse_of_a_missing_file_is_an_error_naming_it(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "nope.txt"), "--json"]) == 1
    captured = capsys.readouterr()
    assert "nope.txt: ไม่พบไฟล์ (no such file)" in captured.err
    assert json.loads(captured.out) == []


@pytest.mark.parametrize("runs", ["3"])
def test_parse_bench_prints_a_time_per_file(tmp_path, capsys, runs):
    a = tmp_path / "web.txt"
    a.write_text(WEB_PAGE, encoding="utf-8")
    assert main(["parse-bench", str(a), "--runs", runs]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert line.startswith("web.txt") and float(line.split()[2]) > 0
