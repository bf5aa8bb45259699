"""A message on screen drops our English gloss and never changes what it quotes from a file."""

from __future__ import annotations

import pytest

from ita_data import labels


@pytest.mark.parametrize(
    "message",
    [
        labels.REPORT_EMPTY.format(name="a.txt"),
        labels.REPORT_TOO_LARGE.format(name="big.pdf", size=25.0, limit=20),
        labels.STORE_WRITE_FAILED.format(path="/data/ita.duckdb", error="IO Error: disk"),
    ],
)
def test_our_gloss_is_left_off_and_the_thai_kept(message):
    shown = labels.without_gloss(message)
    thai, _, gloss = message.rpartition(" (")
    assert shown == thai.strip() and gloss and gloss not in shown


@pytest.mark.parametrize(
    "value",
    [
        "[คลิก](https://evil.example/x).xls",  # a link run on to the name
        "report (final version).csv",  # English words in brackets, part of a name
        "ผล (draft copy) 2566",
        '=HYPERLINK("http://evil")',
    ],
)
def test_a_value_from_a_file_is_shown_as_written(value):
    for message in (
        f"ไฟล์ {value}: รับเฉพาะไฟล์ .csv (only csv files)",
        f"ไฟล์ '{value}' อ่านไม่ได้ (cannot be read)",
        f"คอลัมน์ที่ไม่ได้ใช้: {value}, อื่น ๆ",
    ):
        assert value in labels.without_gloss(message)
