"""Prose as other municipalities and news sites write it, and pages that are not ITA results at all.

Each text was written for this test in the style of such pages (every organisation is invented); the
facts are what a person reads in it. Patterns: a level as a Thai word with the letter in brackets,
levels of other agencies in the same text, ranks within a district or a type (never the provincial
rank), a provincial rank "out of N", numbers competing with the score, the organisation named only
through its executive's title, and a year that appears only as the date of a ceremony (no year then).
"""

from __future__ import annotations

import pytest
from test_reports_prose import compared, facts_of

from ita_data import labels
from ita_data.bench.corpus_texts import OTHER_TEXTS
from ita_data.reports import ingest_bytes, parse_text
from ita_data.thai import to_thai_digits

PATTERNS: dict[str, list[tuple[str, dict]]] = {
    "thai word level with the letter": [
        (
            "ผลการประเมิน ITA ปีงบประมาณ 2565 ของเทศบาลตำบลสมมุติโพน ได้ 93.10 คะแนน อยู่ในระดับ ดีมาก (A)",
            {"year": 2565, "org": "ทต.สมมุติโพน", "total": 93.10, "level": "A"},
        ),
        (
            "อบต.สมมุติหาด ผลการประเมินคุณธรรมและความโปร่งใส ประจำปี 2564 ระดับดีเยี่ยม (AA) คะแนน 96.20",
            {"year": 2564, "org": "อบต.สมมุติหาด", "total": 96.20, "level": "AA"},
        ),
        (
            "ITA ปี 2563 ทต.สมมุติเขียว ได้ 80.15 คะแนน ผลการประเมินอยู่ในระดับ ดี ( B )",
            {"year": 2563, "org": "ทต.สมมุติเขียว", "total": 80.15, "level": "B"},
        ),
    ],
    "levels of other agencies": [
        (
            "ผลการประเมิน ITA ปีงบประมาณ 2567 ทต.สมมุตินา ได้ 90.50 คะแนน ส่วน อบต.สมมุติไร่ ได้ระดับผ่านดีเยี่ยม",
            {"year": 2567, "org": "ทต.สมมุตินา", "total": 90.50},
        ),
        (
            "อบต.สมมุติทาง ได้คะแนน ITA ปี 2566 เท่ากับ 84.30 คะแนน ขณะที่เทศบาลเมืองสมมุติใหญ่ อยู่ในระดับ ผ่านดี",
            {"year": 2566, "org": "อบต.สมมุติทาง", "total": 84.30},
        ),
        (
            (
                "ประกาศ อบต.สมมุติเรา อำเภอพล จังหวัดขอนแก่น\n"
                "ผล ITA ปีงบประมาณ 2567: ทต.สมมุติข้าง อยู่ในระดับ ผ่านดีเยี่ยม ส่วน อบต.สมมุติเรา อยู่ในระดับ ผ่านดี"
            ),
            {"year": 2567, "org": "อบต.สมมุติเรา", "level": "ผ่านดี"},
        ),
    ],
    "ranks within a district or a type": [
        (
            "ผลการประเมิน ITA ปี 2567 ทต.สมมุติปลา ได้ 95.00 คะแนน เป็นอันดับ 1 ของเทศบาลตำบลในจังหวัดขอนแก่น",
            {"year": 2567, "org": "ทต.สมมุติปลา", "total": 95.00},
        ),
        ("อบต.สมมุติโคก ITA 2566 ได้ 89.00 คะแนน อันดับ 2 ของอำเภอพล", {"year": 2566, "org": "อบต.สมมุติโคก", "total": 89.00}),
        (
            "ITA ปีงบประมาณ 2568 อบต.สมมุติหนอง ได้ลำดับที่ 3 ของ อบต. ในจังหวัด คะแนน 94.00",
            {"year": 2568, "org": "อบต.สมมุติหนอง", "total": 94.00},
        ),
        (
            "ITA ปี 2566 ทต.สมมุติแก่ง 88.80 คะแนน เป็นลำดับที่ 1 ของอำเภอ และลำดับที่ 15 ของจังหวัดลำปาง",
            {"year": 2566, "org": "ทต.สมมุติแก่ง", "total": 88.80, "rank": 15},
        ),
    ],
    "provincial rank out of N": [
        (
            "ผลการประเมิน ITA ปี 2567 อบต.สมมุติบน ได้ 91.25 คะแนน ลำดับที่ 7 จาก 95 แห่งในจังหวัดลำพูน",
            {"year": 2567, "org": "อบต.สมมุติบน", "total": 91.25, "rank": 7, "rank_of": 95},
        ),
        (
            "ITA 2566 ทต.สมมุติล่าง 86.75 คะแนน อยู่อันดับที่ 12 ของจังหวัด (จากทั้งหมด 144 อปท.)",
            {"year": 2566, "org": "ทต.สมมุติล่าง", "total": 86.75, "rank": 12, "rank_of": 144},
        ),
        (
            "ผล ITA ปีงบประมาณ 2568 อบต.สมมุติกาด ได้ 90.90 คะแนน ลำดับที่ 20/211 ของจังหวัดเชียงใหม่",
            {"year": 2568, "org": "อบต.สมมุติกาด", "total": 90.90, "rank": 20, "rank_of": 211},
        ),
    ],
    "numbers competing with the score": [
        (
            "ผล ITA ปีงบประมาณ 2567 ของ ทต.สมมุติกลาง เพิ่มขึ้น 4.25 คะแนน เป็น 92.40 คะแนน",
            {"year": 2567, "org": "ทต.สมมุติกลาง", "total": 92.40},
        ),
        (
            "ITA 2567 อบต.สมมุติริม ได้ 88.10 คะแนน ลดลง 2.30 คะแนนจากปีก่อน",
            {"year": 2567, "org": "อบต.สมมุติริม", "total": 88.10},
        ),
        (
            "ผลการประเมิน ITA ปีงบประมาณ 2567 อบต.สมมุติชาย 90.05 คะแนน (ปีงบประมาณ 2566 : 86.40 คะแนน)",
            {"year": 2567, "org": "อบต.สมมุติชาย", "total": 90.05},
        ),
        (
            "ทต.สมมุติดง ปีงบประมาณ 2566 ได้คะแนน ITA 81.00 คะแนน ส่วนปีงบประมาณ 2567 ได้ 89.90 คะแนน",
            {"year": 2566, "org": "ทต.สมมุติดง", "total": 81.00},
        ),
    ],
    "the organisation through its executive": [
        (
            "นายกเทศมนตรีตำบลสมมุติงาม เข้ารับเกียรติบัตร ITA ปีงบประมาณ 2567 ซึ่งหน่วยงานได้ 95.80 คะแนน",
            {"year": 2567, "org": "ทต.สมมุติงาม", "total": 95.80},
        ),
        (
            "นายก อบต.สมมุติเย็น แถลงผลการประเมิน ITA ปี 2566 ได้คะแนน 87.00 คะแนน",
            {"year": 2566, "org": "อบต.สมมุติเย็น", "total": 87.00},
        ),
        (
            "นายกเทศมนตรีเมืองสมมุติธานี รับมอบรางวัลผลการประเมิน ITA ปี 2567 ด้วยคะแนน 97.50 คะแนน",
            {"year": 2567, "org": "ทม.สมมุติธานี", "total": 97.50},
        ),
    ],
    "a year only as the date of a ceremony": [
        (
            "เมื่อวันที่ 15 มกราคม 2568 นายก อบต.สมมุติแสง เข้ารับเกียรติบัตรผลการประเมิน ITA ได้ 96.00 คะแนน",
            {"org": "อบต.สมมุติแสง", "total": 96.00},
        ),
        (
            ("พิธีมอบเกียรติบัตร ITA จัดขึ้นเมื่อวันที่ 3 มีนาคม พ.ศ. 2568 ณ หอประชุมอำเภอ\nโดย ทต.สมมุติผา ได้รับคะแนน 92.00 คะแนน"),
            {"org": "ทต.สมมุติผา", "total": 92.00},
        ),
    ],
}
CASES = [(pattern, text, facts) for pattern, cases in PATTERNS.items() for text, facts in cases]


def test_every_pattern_has_texts_of_its_own():
    assert len(PATTERNS) == 7 and all(len(cases) >= 2 for cases in PATTERNS.values())


@pytest.mark.parametrize("pattern, text, facts", CASES, ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(CASES)])
@pytest.mark.parametrize("digits", ["arabic", "thai"])
def test_prose_in_the_wild_gives_the_facts_a_person_reads(pattern, text, facts, digits):
    text = text if digits == "arabic" else to_thai_digits(text)
    got = facts_of(parse_text(text, "wild.txt"))
    assert compared(facts, got) == {k: facts.get(k) for k in compared(facts, got)}


def test_a_year_seen_only_in_a_ceremony_date_is_no_year_and_nothing_is_stored(store):
    text, _ = PATTERNS["a year only as the date of a ceremony"][0]
    report = parse_text(text, "ceremony.txt")
    assert report.fiscal_year is None and labels.REPORT_NO_FISCAL_YEAR.format(name="ceremony.txt") in report.warnings
    result = ingest_bytes(store, text.encode(), "ceremony.txt")
    assert result.status == "error" and labels.INGEST_NO_FISCAL_YEAR in result.message


# --- pages that are not ITA results --------------------------------------------------------------

# More kinds than the corpus's pages: a site's ITA menu beside another assessment, a news item about the
# province's average, and a text with a score but no word of the ITA.
MORE_OTHERS = [
    (
        "menu-and-lpa",
        "เมนู: หน้าหลัก | ITA | ข่าวสาร\nเทศบาลตำบลสมมุติพร\nผลการประเมิน LPA ประจำปี 2567 ได้คะแนนรวม 91.20 % ระดับ ดีมาก",
    ),
    ("no-word-of-ita", "อบต.สมมุติทุ่งทอง อำเภอพล จังหวัดขอนแก่น ปีงบประมาณ 2567 ได้คะแนน 88.50 คะแนน อยู่ในระดับ ผ่านดี"),
    (
        "district-office",
        "ที่ว่าการอำเภอสมมุติ ได้รับผลการประเมิน ITA ปีงบประมาณ 2566 ได้ 92.00 คะแนน ระดับ ผ่านดี\n"
        "ขอแสดงความยินดีจาก เทศบาลตำบลสมมุติหลวง",
    ),
]
NOT_ITA = [*OTHER_TEXTS, *MORE_OTHERS]


def test_there_are_ten_pages_or_more_that_are_not_ita_results_of_several_kinds():
    assert len(NOT_ITA) >= 10 and len({name.split("-")[1] for name, _ in OTHER_TEXTS}) >= 8


@pytest.mark.parametrize("name, text", NOT_ITA, ids=[name for name, _ in NOT_ITA])
def test_a_page_that_is_not_an_ita_result_gives_no_score_level_rank_item_or_measure(name, text):
    report = parse_text(text, f"{name}.txt")
    assert not report.has_scores and not report.measures
    assert (report.total_score, report.level, report.province_rank, report.item_scores) == (None, None, None, {})
    assert labels.REPORT_NOT_ITA.format(name=f"{name}.txt") in report.warnings and not report.is_ita


@pytest.mark.parametrize("name, text", NOT_ITA[:4], ids=[name for name, _ in NOT_ITA[:4]])
def test_a_page_that_is_not_an_ita_result_stores_nothing(store, name, text):
    result = ingest_bytes(store, text.encode(), f"{name}.txt")
    assert result.status == "error" and labels.INGEST_NOT_ITA in result.message
    assert store.query("SELECT count(*) AS n FROM facts").n[0] == 0
