"""Decoding, HTML cells, item codes and indicator names as reports spell them."""

from __future__ import annotations

import pytest

from ita_data import labels
from ita_data.documents import DocumentError
from ita_data.documents.text import decode_bytes, normalize_text, strip_html
from ita_data.reports.text import (
    cell_score,
    find_item_codes,
    fuzzy_indicator,
    indicator_mentions,
    misnumbered_warning,
    named_indicator,
)


def codes(text: str, expect: str | None = None) -> list[str]:
    return [m.code for m in find_item_codes(text, expect)]


# --- decoding ----------------------------------------------------------------------------------


def test_utf8_is_read_without_warnings():
    text, warnings = decode_bytes("คะแนน ๙๔.๓๐".encode(), "a.txt")
    assert text == "คะแนน ๙๔.๓๐"
    assert warnings == []


def test_a_utf8_byte_order_mark_is_dropped():
    text, _ = decode_bytes("\ufeffเทศบาล".encode("utf-8"), "a.txt")
    assert text == "เทศบาล"


def test_tis620_is_read_as_cp874_with_a_warning():
    text, warnings = decode_bytes("องค์การบริหารส่วนตำบล".encode("cp874"), "old.txt")
    assert text == "องค์การบริหารส่วนตำบล"
    assert warnings == [labels.REPORT_LEGACY_ENCODING.format(name="old.txt")]


def test_utf16_with_a_byte_order_mark_is_read():
    text, _ = decode_bytes("ระดับ B".encode("utf-16"), "w.txt")
    assert text == "ระดับ B"


@pytest.mark.parametrize(
    "data, words",
    [
        (b"%PDF-1.7\n...", "ไฟล์ PDF"),
        (b"PK\x03\x04....", "Word"),
        (b"abc\x00\x00def", "ข้อมูลไบนารี"),
        (bytes(range(1, 32)) * 50, "ข้อมูลไบนารี"),
    ],
)
def test_non_text_files_are_refused_with_the_file_named(data, words):
    with pytest.raises(DocumentError, match=words) as err:
        decode_bytes(data, "scan.bin")
    assert "scan.bin" in str(err.value)


def test_bytes_that_are_neither_utf8_nor_thai_are_replaced_and_warned():
    text, warnings = decode_bytes(b"score \xff\xfe\xfd 77.70", "x.txt")
    assert "77.70" in text
    assert warnings == [labels.REPORT_BYTES_REPLACED.format(name="x.txt", count=text.count("\ufffd"))]


def test_normalize_joins_the_two_mark_sara_am_and_line_ends():
    assert normalize_text("สํานักปลัด\r\nกอง\rคลัง\u200b") == "สำนักปลัด\nกอง\nคลัง"


# --- HTML cells ----------------------------------------------------------------------------------


def test_paragraphs_and_list_items_become_lines():
    cell = '<p>๑. ตรวจสอบ</p> <p>๒. ปรับปรุง</p><ul style="x"><li>- ติดตาม</li></ul>'
    assert strip_html(cell) == "๑. ตรวจสอบ\n๒. ปรับปรุง\n- ติดตาม"


def test_checkboxes_keep_whether_they_are_ticked():
    cell = (
        '<input type="checkbox"/> ไม่สามารถดำเนินการได้ <input type="checkbox"/> อยู่ระหว่างการดำเนินการ '
        '<input checked="" type="checkbox"/> ดำเนินการแล้วเสร็จ'
    )
    assert strip_html(cell) == "☐ ไม่สามารถดำเนินการได้ ☐ อยู่ระหว่างการดำเนินการ ☑ ดำเนินการแล้วเสร็จ"


def test_html_entities_are_unescaped():
    assert strip_html("Q &amp; A&nbsp;ข้อ") == "Q & A ข้อ"


# --- item codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("E๑๒หน่วยงานที่ท่านติดต่อ", ["e12"]),
        ("e๖ การเผยแพร่ข้อมูล", ["e6"]),
        ("ข้อ ๐๒๓ สรุปผลการจัดซื้อ", ["o23"]),
        ("ข้อ ๐๑๐ ๑๐๐.๐๐ คะแนน", ["o10"]),
        ("(O๓๔) เจตจำนงสุจริต", ["o34"]),
        ("(O๐๕) ข้อมูลการติดต่อ", ["o5"]),
        ("(1๒๐)ผู้บังคับบัญชาของท่าน", ["i20"]),
        ("ข้อ i๑ , i๒ , i๓ คะแนน", ["i1", "i2", "i3"]),
        ("item O12 and e 4", ["o12", "e4"]),
        ("E-Service, Line Official, No Gift Policy, IIT ๑", []),
    ],
)
def test_item_codes_in_the_spellings_reports_use(text, expected):
    assert codes(text) == expected


def test_ocr_digits_before_a_survey_question_are_e_items_only_where_an_eit_item_is_expected():
    assert codes("๓๑๐ หน่วยงานที่ท่าน ติดต่อ", expect="e") == ["e10"]
    assert codes("(ต่อ) ๘๙ หน่วยงานมีการพัฒนา", expect="e") == ["e9"]
    assert codes("คะแนน ๑๗ หน่วยงานมีการเปิดโอกาส", expect="e") == ["e7"]
    assert codes("๓๑๐ หน่วยงานที่ท่าน ติดต่อ") == []
    assert codes("๑๗ คะแนนอยู่ในระดับสูง", expect="e") == []


def test_a_letter_code_is_not_read_twice_as_an_ocr_code():
    assert codes("E๑๓ หน่วยงานที่ท่านติดต่อ", expect="e") == ["e13"]


# --- indicator names ------------------------------------------------------------------------------


def test_names_broken_by_spaces_still_name_the_indicator():
    assert named_indicator("การใช้ ทรัพย์สินของ ราชการที่ถูกต้อง") == 4
    assert named_indicator("การปรับปรุงระบบ การ ทำงาน") == 8
    assert named_indicator("การแก้ปัญหาการทุจริต") == 5
    assert named_indicator("การเผยแพร่ข้อมูล ข่าวสาร") is None


def test_a_misspelt_name_is_matched_fuzzily():
    assert fuzzy_indicator("การแก้ไขปัญหาคาการทุจริต") == 5
    assert fuzzy_indicator("การบริหารงานทั่วไป") is None


def test_the_name_decides_over_the_printed_number():
    (mention,) = indicator_mentions("ตัวชี้วัดที่ ๒ (ประสิทธิภาพการสื่อสาร)")
    assert mention.indicator == 7 and mention.printed_number == 2
    assert "ตัวชี้วัดที่ 2" in misnumbered_warning(mention)


def test_a_sub_indicator_number_is_not_an_indicator():
    mentions = indicator_mentions("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ตัวชี้วัดที่ ๙.๒ การบริหารงาน")
    assert [m.indicator for m in mentions] == [9]


def test_a_number_without_a_name_is_taken_as_printed():
    (mention,) = indicator_mentions("ตัวชี้วัดที่ 6")
    assert mention.indicator == 6 and not mention.named and misnumbered_warning(mention) is None


@pytest.mark.parametrize(
    "cell, expected",
    [("๙๔.๓๐", 94.30), ("100", 100.0), (" 0.00 ", 0.0), ("82.5 คะแนน", 82.5), ("101", None), ("ข้อ 5", None)],
)
def test_a_score_cell_holds_only_a_score(cell, expected):
    assert cell_score(cell) == expected
