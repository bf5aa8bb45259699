"""Results written as prose, the way organisations' web pages, news and announcements write them.

Every organisation here is invented (most names carry “สมมุติ”); each text is short and was written for
this test in the many ways such pages put a result: units or none, words between a number and its unit,
a level in letters and in words, ranks at several levels, names with punctuation, two years in one text.
``facts`` is what a person reads in the text; the parser must read exactly that, nothing more.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ita_data import orgs
from ita_data.reports import parse_text
from ita_data.thai import to_thai_digits

# (text, facts a person reads). Keys: year, org (short display name), total, level, rank, rank_of,
# "indicator:N", "item:CODE", "measure:I" = (indicator, item, due date).
PROSE: list[tuple[str, dict]] = [
    # --- totals with and without their unit, words in between -------------------------------------
    (
        (
            "ข่าวประชาสัมพันธ์\nเทศบาลตำบลบ้านใหม่-สามัคคี ได้รับผลคะแนนการประเมินคุณธรรมและความโปร่งใส (ITA) "
            "ประจำปีงบประมาณ พ.ศ. 2567 จำนวน 92.45 คะแนน ผลการประเมินอยู่ในระดับ A (ผ่าน)"
        ),
        {"year": 2567, "org": "ทต.บ้านใหม่-สามัคคี", "total": 92.45, "level": "A"},
    ),
    (
        "ทต.ท่าช้าง (อ.เมือง) ผ่านการประเมิน ITA ปี 2566 ด้วยคะแนน 96.12 คะแนน ระดับผ่านดีเยี่ยม",
        {"year": 2566, "org": "ทต.ท่าช้าง", "total": 96.12, "level": "ผ่านดีเยี่ยม"},
    ),
    (
        ("ผลการประเมิน ITA ปีงบประมาณ ๒๕๖๖ อบต.หนองสมมุติ ได้ ๘๘.๕๐ คะแนน อยู่ลำดับที่ ๓ ของจังหวัด และลำดับที่ ๑๒ ของประเทศ"),
        {"year": 2566, "org": "อบต.หนองสมมุติ", "total": 88.50, "rank": 3},
    ),
    (
        (
            "อบต.โคกสว่างสมมุติ อำเภอพล จังหวัดขอนแก่น ได้คะแนน ITA ปี 2565 รวม 91.3คะแนน (ระดับ A) "
            "เป็นอันดับ 5 ของอำเภอ และอันดับ 27 ของจังหวัด"
        ),
        {"year": 2565, "org": "อบต.โคกสว่างสมมุติ", "total": 91.3, "level": "A", "rank": 27},
    ),
    (
        "ผลการประเมิน ITA ประจำปี 2564 ของเทศบาลเมืองสมมุติพัฒนา คือ 87.25 คะแนน ระดับ A (ผ่านเกณฑ์)",
        {"year": 2564, "org": "ทม.สมมุติพัฒนา", "total": 87.25, "level": "A"},
    ),
    (
        ("ผลคะแนน ITA 2566 : 95.80 คะแนน\nระดับผลการประเมิน : ผ่านดีเยี่ยม\nหน่วยงาน : องค์การบริหารส่วนตำบลทุ่งสมมุติ"),
        {"year": 2566, "org": "อบต.ทุ่งสมมุติ", "total": 95.80, "level": "ผ่านดีเยี่ยม"},
    ),
    (
        "ITA ปีงบประมาณ 2568 อบต.ป่าสมมุติ ได้ 93.5 จากคะแนนเต็ม 100 คะแนน ผ่านเกณฑ์ระดับ ผ่านดี",
        {"year": 2568, "org": "อบต.ป่าสมมุติ", "total": 93.5, "level": "ผ่านดี"},
    ),
    (
        "อบต.สมมุติร่มเย็น ผล ITA ปีงบประมาณ 2566 ได้ 88.50 จาก 100 คะแนน",
        {"year": 2566, "org": "อบต.สมมุติร่มเย็น", "total": 88.50},
    ),
    (
        "อบต.หินสมมุติ ผลการประเมิน ITA 2566 ได้ร้อยละ 79.65 อยู่ในระดับ ต้องปรับปรุง",
        {"year": 2566, "org": "อบต.หินสมมุติ", "total": 79.65, "level": "ต้องปรับปรุง"},
    ),
    ("ITA ปี 2564 ทต.สมมุติชัย ได้คะแนน 96 อยู่ในระดับ AA", {"year": 2564, "org": "ทต.สมมุติชัย", "total": 96.0, "level": "AA"}),
    (
        "ITA2566 อบต.สมมุติคีรี คะแนนรวม:89.50คะแนน ระดับ:A",
        {"year": 2566, "org": "อบต.สมมุติคีรี", "total": 89.50, "level": "A"},
    ),
    (
        "ผลการประเมิน ITA 2567 ของ ทต.สมมุติบึง 91.8% ระดับ ผ่านดี",
        {"year": 2567, "org": "ทต.สมมุติบึง", "total": 91.8, "level": "ผ่านดี"},
    ),
    (
        "<p>ผลการประเมิน ITA ปี 2567</p><p><strong>อบต.สมมุติเขียว</strong> ได้ <b>94.12</b> คะแนน</p>",
        {"year": 2567, "org": "อบต.สมมุติเขียว", "total": 94.12},
    ),
    (
        "คะแนน ITA : 91.11 | ระดับ : ผ่านดี | ปี : 2567 | หน่วยงาน : เทศบาลตำบลสมมุติฟ้า",
        {"year": 2567, "org": "ทต.สมมุติฟ้า", "total": 91.11, "level": "ผ่านดี"},
    ),
    (
        "ผลการประเมิน ITA ทั้ง 10 ตัวชี้วัด ของทต.สมมุติกลาง ปี 2565 ได้คะแนนรวม 88.00 คะแนน ระดับ A",
        {"year": 2565, "org": "ทต.สมมุติกลาง", "total": 88.0, "level": "A"},
    ),
    (
        (
            "ผลการประเมิน ITA ประจำปีงบประมาณ 2566 ทต.นาสมมุติ ได้คะแนน 84.12 คะแนน (ต้องปรับปรุง) "
            "ได้ลำดับที่ 4 จาก 120 แห่ง ของจังหวัดอุดรธานี"
        ),
        {"year": 2566, "org": "ทต.นาสมมุติ", "total": 84.12, "level": "ต้องปรับปรุง", "rank": 4, "rank_of": 120},
    ),
    (
        "ปีงบประมาณ 2566 อบต.สมมุติหิน ได้คะแนน ITA 62.40 คะแนน ผลการประเมิน ไม่ผ่าน (ต้องปรับปรุงโดยด่วน)",
        {"year": 2566, "org": "อบต.สมมุติหิน", "total": 62.40, "level": "ต้องปรับปรุงโดยด่วน"},
    ),
    ("อบต.สมมุติศรี ผ่านการประเมิน ITA ประจำปี 2565 ในระดับ AA", {"year": 2565, "org": "อบต.สมมุติศรี", "level": "AA"}),
    (
        "ผลการประเมิน ITA ของ อบต.สมมุติดอน ปีงบ 67 = 89.30 คะแนน (ผ่าน)",
        {"year": 2567, "org": "อบต.สมมุติดอน", "total": 89.30, "level": "ผ่าน"},
    ),
    # --- ranks at more than one level --------------------------------------------------------------
    (
        "อบต.เขาสมมุติ ITA 2567 ได้ 90.00 คะแนน อันดับ 4/120 ของจังหวัด",
        {"year": 2567, "org": "อบต.เขาสมมุติ", "total": 90.0, "rank": 4, "rank_of": 120},
    ),
    (
        "ทต.สมมุติสุข ได้คะแนน ITA ปี 2566 เท่ากับ 98.00 คะแนน เป็นลำดับที่ 1 ของประเทศ",
        {"year": 2566, "org": "ทต.สมมุติสุข", "total": 98.0},
    ),
    (
        ("องค์การบริหารส่วนตำบลสมมุติทุ่ง ได้ลำดับที่ 2 ใน อปท. จังหวัดลำปาง ผลคะแนน ITA 95.55 ปีงบประมาณ 2565 ระดับ AA"),
        {"year": 2565, "org": "อบต.สมมุติทุ่ง", "total": 95.55, "level": "AA", "rank": 2},
    ),
    (
        ("ITA ปี 2566 ทต.สมมุติแดน อยู่ลำดับที่ 8 ของอำเภอ ลำดับที่ 40 ของจังหวัดนครราชสีมา จากทั้งหมด 333 แห่ง ด้วยคะแนน 85.02 คะแนน"),
        {"year": 2566, "org": "ทต.สมมุติแดน", "total": 85.02, "rank": 40, "rank_of": 333},
    ),
    (
        "ทต.บ้านนา-สมมุติ ได้ลำดับที่ ๑ ของจังหวัด (จาก ๘๗ แห่ง) ปีงบประมาณ ๒๕๖๗ คะแนน ITA ๙๘.๗๖",
        {"year": 2567, "org": "ทต.บ้านนา-สมมุติ", "total": 98.76, "rank": 1, "rank_of": 87},
    ),
    (
        "ลำดับที่ 12 จาก 7,850 แห่งทั่วประเทศ: อบต.สมมุติไกล ผลการประเมิน ITA ปี 2567 ได้ 97.77 คะแนน",
        {"year": 2567, "org": "อบต.สมมุติไกล", "total": 97.77},
    ),
    # --- more than one year: the assessed year's facts only ----------------------------------------
    (
        ("ปีงบประมาณ พ.ศ. 2567 เทศบาลตำบลโนนสมมุติ ได้คะแนน ITA 89.76 คะแนน เพิ่มขึ้นจากปี 2566 ที่ได้ 81.20 คะแนน"),
        {"year": 2567, "org": "ทต.โนนสมมุติ", "total": 89.76},
    ),
    (
        (
            "เมื่อเทียบกับปีงบประมาณ 2565 ซึ่งได้คะแนน 78.40 คะแนน (ระดับ B) ในปีงบประมาณ 2566 "
            "องค์การบริหารส่วนตำบลห้วยสมมุติ ได้คะแนน ITA 86.10 คะแนน อยู่ในระดับ ผ่าน"
        ),
        {"year": 2566, "org": "อบต.ห้วยสมมุติ", "total": 86.10, "level": "ผ่าน"},
    ),
    (
        "อบต.ดอนสมมุติ ได้คะแนน 90.55 คะแนน ในการประเมิน ITA ปี 2567 สูงกว่า 84.30 คะแนนในปี 2566",
        {"year": 2567, "org": "อบต.ดอนสมมุติ", "total": 90.55},
    ),
    (
        "ผล ITA ปีที่แล้วได้ 85.00 คะแนน ส่วนปีงบประมาณ 2567 อบต.สมมุติใหม่ ได้ 90.20 คะแนน",
        {"year": 2567, "org": "อบต.สมมุติใหม่", "total": 90.20},
    ),
    (
        (
            "รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ 2566 ของ อบต.สมมุติธารา\n"
            "ผลคะแนน ITA ย้อนหลัง: ปี 2564 ได้ 75.20 คะแนน ปี 2565 ได้ 80.10 คะแนน และปี 2566 ได้ 86.45 คะแนน"
        ),
        {"year": 2566, "org": "อบต.สมมุติธารา", "total": 86.45},
    ),
    (
        (
            "รายงานผลการประเมิน ITA ปีงบประมาณ 2566 อบต.สมมุติสองปี\n"
            "ผลการประเมิน ITA ปีงบประมาณ 2565: 80.00 คะแนน ระดับ B ลำดับที่ 50 ของจังหวัด\n"
            "ผลการประเมิน ITA ปีงบประมาณ 2566: 88.88 คะแนน ระดับ ผ่าน ลำดับที่ 9 ของจังหวัด"
        ),
        {"year": 2566, "org": "อบต.สมมุติสองปี", "total": 88.88, "level": "ผ่าน", "rank": 9},
    ),
    (
        "อบต.สมมุติเรือง ได้ 87.60 คะแนน (ปี 2565 ได้ 82.00 คะแนน) ในการประเมิน ITA ปีงบประมาณ 2566",
        {"year": 2566, "org": "อบต.สมมุติเรือง", "total": 87.60},
    ),
    (
        ("ผลการประเมิน ITA ปีงบประมาณ 2567 ทต.สมมุติพร ได้ 91.05 คะแนน ระดับ ผ่านดี\nประกาศ ณ วันที่ 15 มกราคม 2568"),
        {"year": 2567, "org": "ทต.สมมุติพร", "total": 91.05, "level": "ผ่านดี"},
    ),
    (
        ("คะแนน ITA เฉลี่ยของจังหวัดสมุทรสงครามอยู่ที่ 84.00 คะแนน ขณะที่ ทต.สมมุติริมน้ำ ได้ 91.40 คะแนน ในปีงบประมาณ 2566"),
        {"year": 2566, "org": "ทต.สมมุติริมน้ำ", "total": 91.40},
    ),
    (
        (
            "รายงานผลการประเมิน ITA ปีงบประมาณ 2567 อบต.สมมุติสองตัว\nปี 2566 ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้ 70.00 "
            "คะแนน ส่วนปี 2567 ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้ 85.00 คะแนน"
        ),
        {"year": 2567, "org": "อบต.สมมุติสองตัว", "indicator:9": 85.0},
    ),
    (
        (
            "ผลการประเมิน ITA ปีงบประมาณ 2567 ทต.สมมุติข้อ\nในปี 2566 ข้อ o12 ได้ 0 คะแนน แต่ในปี 2567 ข้อ o12 ได้ "
            "100 คะแนน และด้านการป้องกันการทุจริต ปี 2566 ได้ 60.00 คะแนน ปี 2567 ได้ 90.00 คะแนน"
        ),
        {"year": 2567, "org": "ทต.สมมุติข้อ", "item:o12": 100.0, "indicator:10": 90.0},
    ),
    # --- one indicator, one item, a list of indicators ----------------------------------------------
    (
        ("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ของ อบต.สมมุติเหนือ ประจำปี 2566 ได้คะแนน 72.50 คะแนน ซึ่งต่ำกว่าเกณฑ์ 85 คะแนน"),
        {"year": 2566, "org": "อบต.สมมุติเหนือ", "indicator:9": 72.50},
    ),
    (
        "ปีงบประมาณ 2567 ในส่วนของตัวชี้วัดการเปิดเผยข้อมูล (OIT) หน่วยงานได้คะแนน 72.50 คะแนน",
        {"year": 2567, "indicator:9": 72.50},
    ),
    (
        (
            "ผลคะแนนรายตัวชี้วัด ปีงบประมาณ 2566 ของ ทม.สมมุติเมือง: การปฏิบัติหน้าที่ 95.10, "
            "การใช้งบประมาณ 92.40 และการใช้อำนาจ 96.00 คะแนน"
        ),
        {"year": 2566, "org": "ทม.สมมุติเมือง", "indicator:1": 95.10, "indicator:2": 92.40, "indicator:3": 96.00},
    ),
    (
        "ปี 2565 อบต.สมมุติลม ด้านการเปิดเผยข้อมูล ได้ 80.00 คะแนน ด้านการป้องกันการทุจริต ได้ 75.00 คะแนน",
        {"year": 2565, "org": "อบต.สมมุติลม", "indicator:9": 80.0, "indicator:10": 75.0},
    ),
    (
        ("ITA ปี 2566 ทต.สมมุติคำ ตัวชี้วัดที่ได้คะแนนสูงสุด คือ การใช้อำนาจ 98.50 คะแนน ส่วนคะแนนรวมทั้งหน่วยงานเท่ากับ 90.25 คะแนน"),
        {"year": 2566, "org": "ทต.สมมุติคำ", "indicator:3": 98.50, "total": 90.25},
    ),
    (
        ("ผลการประเมินของ อบต.สมมุติฝั่ง ปีงบประมาณ 2567 แยกตามเครื่องมือ: IIT 97.20 คะแนน EIT 93.10 คะแนน OIT 88.75 คะแนน"),
        {"year": 2567, "org": "อบต.สมมุติฝั่ง"},
    ),
    (
        "ในปีงบประมาณ 2567 ข้อ O15 E-Service ของเทศบาลตำบลสมมุติใต้ ได้ 0 คะแนน เนื่องจากยังไม่มีระบบ",
        {"year": 2567, "org": "ทต.สมมุติใต้", "item:o15": 0.0},
    ),
    (
        ("ปีงบประมาณ 2565 ทต.สมมุติทรัพย์ ข้อ O23 สรุปผลการจัดซื้อจัดจ้างรายเดือน ได้ 50 คะแนน และข้อ O15 ได้ 100 คะแนน"),
        {"year": 2565, "org": "ทต.สมมุติทรัพย์", "item:o23": 50.0, "item:o15": 100.0},
    ),
    (
        "ผลการประเมิน OIT ของ ทต.สมมุติทอง ปีงบประมาณ 2565 ข้อที่ไม่ได้คะแนน ได้แก่ o5, o8 และ o33",
        {"year": 2565, "org": "ทต.สมมุติทอง", "item:o5": 0.0, "item:o8": 0.0, "item:o33": 0.0},
    ),
    (
        (
            "อบต.สมมุติน้ำใส ปีงบประมาณ 2565\nประเด็นที่ได้ 0 คะแนน มีดังนี้\n- O10 แผนดำเนินงานประจำปี\n"
            "- O11 รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน\nขอบคุณทุกท่าน"
        ),
        {"year": 2565, "org": "อบต.สมมุติน้ำใส", "item:o10": 0.0, "item:o11": 0.0},
    ),
    (
        "ปีงบประมาณ 2565 ทต.สมมุติดาว ข้อ o10 และ o11 (รายงานประจำปี) ไม่ได้คะแนน เพราะไม่ได้เผยแพร่",
        {"year": 2565, "org": "ทต.สมมุติดาว", "item:o10": 0.0, "item:o11": 0.0},
    ),
    # --- written after the reader was, to check it is not fitted to the texts above ------------------
    (
        ("เทศบาลตำบลสมมุติหนองใหญ่ คว้าคะแนน ITA ปีงบประมาณ 2567 สูงถึง 99.20 คะแนน อยู่ในระดับผ่านดีเยี่ยม ติดอันดับ 1 ของจังหวัดสุรินทร์"),
        {"year": 2567, "org": "ทต.สมมุติหนองใหญ่", "total": 99.20, "level": "ผ่านดีเยี่ยม", "rank": 1},
    ),
    (
        "ขอแสดงความยินดีกับ อบต.สมมุติวังน้ำ ที่ผ่านการประเมิน ITA ประจำปี 2566 ได้คะแนน 85.47 คะแนน",
        {"year": 2566, "org": "อบต.สมมุติวังน้ำ", "total": 85.47},
    ),
    (
        "ผลการประเมิน ITA ของ อบต.สมมุติกุด ประจำปี 2565 ได้ระดับ B คะแนน 78.90",
        {"year": 2565, "org": "อบต.สมมุติกุด", "total": 78.90, "level": "B"},
    ),
    (
        ("อบต.สมมุติโพธิ์ ได้คะแนนประเมิน ITA ปี 2568 = 87.15 (ผ่านดี) เป็นลำดับที่ 10 จากทั้งหมด 150 อปท. ในจังหวัดขอนแก่น"),
        {"year": 2568, "org": "อบต.สมมุติโพธิ์", "total": 87.15, "level": "ผ่านดี", "rank": 10, "rank_of": 150},
    ),
    (
        ("ผลการประเมิน ITA ปีงบประมาณ 2567\nในปี 2566 ทต.สมมุติวัด ได้ 70.50 คะแนน ส่วนในปี 2567 ได้ 80.75 คะแนน ดีขึ้นกว่าเดิม"),
        {"year": 2567, "org": "ทต.สมมุติวัด", "total": 80.75},
    ),
    (
        "ปีงบประมาณ 2566 อบต.สมมุติปลาย ตัวชี้วัดที่ 10 การป้องกันการทุจริต (OIT) ได้ 62.50 คะแนน ต่ำที่สุด",
        {"year": 2566, "org": "อบต.สมมุติปลาย", "indicator:10": 62.50},
    ),
    (
        "ผลการจัดอันดับ ITA ระดับจังหวัด อบต.สมมุติทราย ได้อันดับที่ 6 ปีงบประมาณ 2565 คะแนน 90.01",
        {"year": 2565, "org": "อบต.สมมุติทราย", "total": 90.01, "rank": 6},
    ),
    ("ปีงบประมาณ ๒๕๖๕ ทต.สมมุติเก่า ข้อ ๐๑๕ (E-Service) ได้ ๐ คะแนน", {"year": 2565, "org": "ทต.สมมุติเก่า", "item:o15": 0.0}),
    (
        "อบต.สมมุติเอ ปีงบประมาณ 2562 ผลคะแนน ITA 96.30 ระดับผลการประเมิน: AA (ดีเยี่ยม)",
        {"year": 2562, "org": "อบต.สมมุติเอ", "total": 96.30, "level": "AA"},
    ),
    (
        "อบต.สมมุติบี ITA ปี 2566 ได้ 88.10 คะแนน สูงกว่าค่าเฉลี่ยระดับประเทศ (83.50 คะแนน)",
        {"year": 2566, "org": "อบต.สมมุติบี", "total": 88.10},
    ),
    ("คะแนน ITA ปี 67 ของ ทต.สมมุติหก : 93.45 คะแนน", {"year": 2567, "org": "ทต.สมมุติหก", "total": 93.45}),
    ("อบต.สมมุติเจ็ด ITA 2567 : 89.99 (A)", {"year": 2567, "org": "อบต.สมมุติเจ็ด", "total": 89.99, "level": "A"}),
    (
        "ปีงบประมาณ 2566 อบต.สมมุติแปด ได้คะแนน ITA 88.63/100 อยู่ในระดับ A",
        {"year": 2566, "org": "อบต.สมมุติแปด", "total": 88.63, "level": "A"},
    ),
    (
        "อบต.สมมุติเก้า ผลการประเมิน ITA ปี 2565 ได้ 90.00 คะแนน ระดับ AA (95 คะแนนขึ้นไป)",
        {"year": 2565, "org": "อบต.สมมุติเก้า", "total": 90.0, "level": "AA"},
    ),
    (
        "ปีงบประมาณ 2566 อบต.สมมุติสิบ ได้อันดับ 3 จาก 50 อปท. ในจังหวัด คะแนน ITA 92.10",
        {"year": 2566, "org": "อบต.สมมุติสิบ", "total": 92.10, "rank": 3, "rank_of": 50},
    ),
    (
        ("ทต.สมมุติสิบเอ็ด ได้รับคะแนนการประเมิน ITA ประจำปีงบประมาณ 2566 อยู่ที่ 78.25 คะแนน ซึ่งต่ำกว่าค่าเป้าหมายที่ 85 คะแนน"),
        {"year": 2566, "org": "ทต.สมมุติสิบเอ็ด", "total": 78.25},
    ),
    (
        "ผลการประเมิน ITA ปี 2567 ทต.สมมุติสิบสอง\nคะแนนรวม 90.5\nระดับ ผ่านดี",
        {"year": 2567, "org": "ทต.สมมุติสิบสอง", "total": 90.5, "level": "ผ่านดี"},
    ),
    (
        "ผลคะแนน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ อบต.สมมุติสิบสาม ร้อยละ ๙๐.๕๐ (ระดับ ผ่านดี)",
        {"year": 2566, "org": "อบต.สมมุติสิบสาม", "total": 90.50, "level": "ผ่านดี"},
    ),
    # --- a measure in a paragraph --------------------------------------------------------------------
    (
        (
            "แผนการปรับปรุงตามผลการวิเคราะห์ ITA ปีงบประมาณ 2567 ของ อบต.สมมุติตะวันออก\n"
            "มาตรการที่ 1 จัดทำคู่มือการยืมทรัพย์สินของราชการ (ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ) "
            "ผู้รับผิดชอบ: สำนักปลัด ระยะเวลา: ภายใน 30 ก.ย. 2567"
        ),
        {"year": 2567, "org": "อบต.สมมุติตะวันออก", "measure:1": (4, None, dt.date(2024, 9, 30))},
    ),
    (
        (
            "แผนปฏิบัติการส่งเสริมคุณธรรม ปีงบประมาณ ๒๕๖๘ ของ ทต.สมมุติสายน้ำ\n"
            "มาตรการ: เพิ่มช่องทางรับเรื่องร้องเรียนออนไลน์ ข้อ o20 ผู้รับผิดชอบ สำนักปลัด "
            "กำหนดแล้วเสร็จ ๓๑ มีนาคม ๒๕๖๘"
        ),
        {"year": 2568, "org": "ทต.สมมุติสายน้ำ", "measure:1": (9, "o20", dt.date(2025, 3, 31))},
    ),
    (
        (
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสของ อบต.สมมุติสวน ปีงบประมาณ 2566\n"
            "1. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ (ตัวชี้วัดที่ 9) ผู้รับผิดชอบ งานประชาสัมพันธ์ "
            "ระยะเวลา 1 ต.ค. 65 - 30 ก.ย. 66\n"
            "2. มาตรการป้องกันการรับสินบน (ตัวชี้วัดที่ 10) ผู้รับผิดชอบ สำนักปลัด ระยะเวลา ภายใน 31 ธ.ค. 2565"
        ),
        {
            "year": 2566,
            "org": "อบต.สมมุติสวน",
            "measure:1": (9, None, dt.date(2023, 9, 30)),
            "measure:2": (10, None, dt.date(2022, 12, 31)),
        },
    ),
]

# The same texts with every digit Thai, as printed documents write them.
THAI_DIGITS = [(to_thai_digits(text), facts) for text, facts in PROSE]


def facts_of(report) -> dict:
    """What the parser read, in the shape of ``PROSE``'s facts."""
    out: dict = {}
    if report.fiscal_year is not None:
        out["year"] = report.fiscal_year
    if report.organization is not None:
        out["org"] = orgs.display_name(report.organization.type_code, report.organization.name)
    for key, value in (
        ("total", report.total_score),
        ("level", report.level),
        ("rank", report.province_rank),
        ("rank_of", report.province_rank_of),
    ):
        if value is not None:
            out[key] = value
    out.update({f"indicator:{n}": v for n, v in report.indicator_scores.items()})
    out.update({f"item:{c}": v for c, v in report.item_scores.items()})
    out.update({f"measure:{i}": (m.indicator, m.item, m.due) for i, m in enumerate(report.measures, start=1)})
    return out


def compared(expected: dict, got: dict) -> dict:
    """The parser's facts over the keys that matter: every expected key, and any other fact it read
    (a fact read that a person does not read is an error too); the organisation only when expected."""
    keys = set(expected) | {k for k in got if k not in ("org", "year")}
    return {k: got.get(k) for k in sorted(keys)}


def test_there_are_at_least_forty_varied_texts():
    assert len(PROSE) >= 40
    assert len({text for text, _ in PROSE}) == len(PROSE)
    kinds = {k.split(":")[0] for _, facts in PROSE for k in facts}
    assert {"total", "level", "rank", "rank_of", "indicator", "item", "measure", "org", "year"} <= kinds


@pytest.mark.parametrize("text, facts", PROSE, ids=[f"prose-{i:02d}" for i in range(len(PROSE))])
def test_prose_gives_the_facts_a_person_reads(text, facts):
    got = facts_of(parse_text(text, "prose.txt"))
    assert compared(facts, got) == {k: facts.get(k) for k in compared(facts, got)}


@pytest.mark.parametrize("text, facts", THAI_DIGITS, ids=[f"thai-{i:02d}" for i in range(len(THAI_DIGITS))])
def test_the_same_prose_in_thai_digits_gives_the_same_facts(text, facts):
    got = facts_of(parse_text(text, "prose.txt"))
    assert compared(facts, got) == {k: facts.get(k) for k in compared(facts, got)}


@pytest.mark.parametrize("text, facts", PROSE[:20], ids=[f"located-{i:02d}" for i in range(20)])
def test_each_fact_read_from_prose_is_located_on_the_line_that_prints_it(text, facts):
    report = parse_text(text, "prose.txt")
    lines = text.split("\n")
    if report.total_score is not None:
        line = to_arabic_digits(lines[report.locations["total_score"] - 1])
        assert f"{report.total_score:g}" in line.replace("%", " ") or f"{report.total_score:.2f}" in line
    if report.level is not None:
        assert report.level in lines[report.locations["level"] - 1]
    if report.province_rank is not None:
        assert str(report.province_rank) in to_arabic_digits(lines[report.locations["province_rank"] - 1])


def to_arabic_digits(text: str) -> str:
    from ita_data.thai import to_arabic

    return to_arabic(text)


def read_fraction(parse=parse_text, texts=PROSE) -> tuple[int, int]:
    """(facts read right, facts a person reads) over the texts: the figure the report quotes."""
    right = total = 0
    for text, facts in texts:
        got = facts_of(parse(text, "prose.txt"))
        for key, value in facts.items():
            total += 1
            right += got.get(key) == value
    return right, total


# A whole news page: the result, the previous year's result beside it, tool scores, two indicators, the
# items that scored nothing and a measure. Invented organisation.
NEWS_PAGE = """ข่าวกิจกรรม | องค์การบริหารส่วนตำบลสมมุติบูรพา อำเภอเมืองขอนแก่น จังหวัดขอนแก่น
วันที่ 20 ธันวาคม 2567 เวลา 10.30 น.

อบต.สมมุติบูรพา แจ้งผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. 2567
โดยในปีนี้ อบต.สมมุติบูรพา ได้คะแนนรวม 91.47 คะแนน อยู่ในระดับ ผ่านดี เพิ่มขึ้นจากปีงบประมาณ 2566 ซึ่งได้ 84.20 คะแนน (ระดับ ผ่าน)
และเป็นลำดับที่ 12 ของ อปท. ในจังหวัดขอนแก่น จากทั้งหมด 225 แห่ง (ปีก่อนอยู่ลำดับที่ 58)

เมื่อพิจารณารายเครื่องมือ พบว่า แบบวัด IIT ได้ 96.80 คะแนน แบบวัด EIT ได้ 93.25 คะแนน และแบบตรวจ OIT ได้ 86.00 คะแนน
ตัวชี้วัดที่ได้คะแนนต่ำที่สุด คือ ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้ 82.50 คะแนน ซึ่งต่ำกว่าเป้าหมาย 85 คะแนน
ส่วนตัวชี้วัดที่ 10 การป้องกันการทุจริต ได้ 89.50 คะแนน
ข้อที่ได้ 0 คะแนน ได้แก่ o12 และ o19 ซึ่ง อบต. จะเร่งปรับปรุงภายในไตรมาสแรกของปีงบประมาณ 2568

มาตรการที่ 1 เผยแพร่รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน (ข้อ o19) ผู้รับผิดชอบ: กองคลัง ระยะเวลา: ภายใน 30 เมษายน 2568
"""


@pytest.mark.parametrize("digits", ["arabic", "thai"])
def test_a_whole_news_page_gives_this_years_facts_and_where_each_was_read(digits):
    text = NEWS_PAGE if digits == "arabic" else to_thai_digits(NEWS_PAGE)
    r = parse_text(text, "news.html")
    assert facts_of(r) == {
        "year": 2567,
        "org": "อบต.สมมุติบูรพา",
        "total": 91.47,
        "level": "ผ่านดี",
        "rank": 12,
        "rank_of": 225,
        "indicator:9": 82.50,
        "indicator:10": 89.50,
        "item:o12": 0.0,
        "item:o19": 0.0,
        "measure:1": (9, "o19", dt.date(2025, 4, 30)),
    }
    assert (r.organization.district, r.organization.province) == ("เมืองขอนแก่น", "ขอนแก่น")
    assert r.locations == {
        "fiscal_year": 4,
        "total_score": 5,
        "level": 5,
        "province_rank": 6,
        "province_rank_of": 6,
        "indicator:9": 9,
        "indicator:10": 10,
        "item:o12": 11,
        "item:o19": 11,
        "measure:1": 13,
    }
    measure = r.measures[0]
    assert (measure.title, measure.responsible, measure.status) == (
        "เผยแพร่รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน"
        if digits == "arabic"
        else "เผยแพร่รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ ๖ เดือน",
        "กองคลัง",
        "planned",
    )


def test_headings_that_name_measures_are_not_measures():
    text = (
        "๖. มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานให้ดีขึ้น\n"
        "มาตรการส่งเสริมคุณธรรมของ อบต.สมมุติหัวข้อ ปีงบประมาณ 2566\nมาตรการ: ดี\tผู้รับผิดชอบ"
    )
    assert parse_text(text, "h.txt").measures == []


# A table that compares two years: only the report's year is read, whichever order the columns are in.
YEARS_TABLE = """รายงานการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 อบต.สมมุติเทียบปี
ผลคะแนนเปรียบเทียบ
ตัวชี้วัด\t{a}\t{b}
การปฏิบัติหน้าที่\t{ind1}
การเปิดเผยข้อมูล\t{ind9}
o5 ข้อมูลการติดต่อ\t{o5}
คะแนนรวม\t{total}
ระดับผลการประเมิน\t{level}
ลำดับในจังหวัด\t{rank}
"""
THIS_YEAR = {"ind1": "90.00", "ind9": "95.50", "o5": "100", "total": "88.10", "level": "ผ่าน", "rank": "9"}
LAST_YEAR = {"ind1": "85.00", "ind9": "70.00", "o5": "0", "total": "80.50", "level": "B", "rank": "50"}


@pytest.mark.parametrize("order", ["last year first", "this year first"])
@pytest.mark.parametrize("digits", ["arabic", "thai"])
def test_a_table_of_two_years_gives_the_report_years_column_only(order, digits):
    first, second = (LAST_YEAR, THIS_YEAR) if order == "last year first" else (THIS_YEAR, LAST_YEAR)
    cells = {k: f"{first[k]}\t{second[k]}" for k in THIS_YEAR}
    years = ("ปี 2566", "ปี 2567") if order == "last year first" else ("พ.ศ. 2567", "พ.ศ. 2566")
    text = YEARS_TABLE.format(a=years[0], b=years[1], **cells)
    if digits == "thai":
        text = to_thai_digits(text)
    r = parse_text(text, "years.txt")
    assert facts_of(r) == {
        "year": 2567,
        "org": "อบต.สมมุติเทียบปี",
        "total": 88.10,
        "level": "ผ่าน",
        "rank": 9,
        "indicator:1": 90.0,
        "indicator:9": 95.5,
        "item:o5": 100.0,
    }
    assert r.locations == {
        "fiscal_year": 1,
        "indicator:1": 4,
        "indicator:9": 5,
        "item:o5": 6,
        "total_score": 7,
        "level": 8,
        "province_rank": 9,
    }
