"""What the report reader and importer tell a person is Thai first: the file's name, then Thai, then a gloss."""

from __future__ import annotations

import re
import string

import pytest

from ita_data import labels
from ita_data.__main__ import main
from ita_data.documents import DocumentError
from ita_data.documents.text import decode_bytes
from ita_data.reports import ReportError, batch, ingest_bytes, ingest_paths, parse_bytes, parse_file, parse_text

GOOD = """การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566
เทศบาลตำบลหนองสมมุติ อำเภอน้ำพอง จังหวัดขอนแก่น
ผลการประเมิน ได้คะแนน 80.00 คะแนน อยู่ในระดับ ต้องปรับปรุง
ตัวชี้วัด\tคะแนน
ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\t70.00
"""
NO_ORGANIZATION = "ได้คะแนน ITA 80.00 คะแนน ปีงบประมาณ 2566"
NO_YEAR = "เทศบาลตำบลหนองสมมุติ จังหวัดขอนแก่น ได้คะแนน ITA 80.00 คะแนน"
NO_FACTS = "รายงานการวิเคราะห์ผลการประเมิน ITA เทศบาลตำบลหนองสมมุติ จังหวัดขอนแก่น ปีงบประมาณ 2566 ไม่มีตัวเลขใด"
NOT_ITA = "ผลการประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น (LPA) เทศบาลตำบลหนองสมมุติ ปี 2566 ได้คะแนนรวม 80.00 คะแนน"

_THAI = re.compile(r"[\u0e00-\u0e7f]")
_LETTER = re.compile(r"[^\W\d_]")  # the first letter of a message, of whatever script


def assert_thai_first(message: str, name: str | None = None) -> None:
    """The message, after its ``name: `` (when it names a file), starts with Thai: its first letter is Thai."""
    rest = str(message)
    if name is not None:
        assert rest.startswith(f"{name}: "), rest
        rest = rest[len(name) + 2 :]
    first = _LETTER.search(rest)
    assert first is not None and _THAI.match(first.group(0)), f"not Thai first: {message!r}"


# --- every message kept in labels -------------------------------------------------------------

_MESSAGE_PREFIXES = ("REPORT_", "INGEST_", "OUTCOME_", "CLI_")


def _message_labels() -> dict[str, str]:
    out = {}
    for key, value in vars(labels).items():
        if key.startswith(_MESSAGE_PREFIXES) and key != "INGEST_STATUSES":
            for sub, text in value.items() if isinstance(value, dict) else [(None, value)]:
                out[f"{key}[{sub}]" if sub else key] = text
    return out


@pytest.mark.parametrize("key", sorted(_message_labels()))
def test_each_message_of_the_reader_and_importer_is_thai_first(key):
    text = _message_labels()[key]
    # what a placeholder stands for is tested with real messages below; here the words around it
    words = "".join(literal for literal, *_ in string.Formatter().parse(text))
    assert _THAI.search(words), f"{key} has no Thai: {text!r}"
    first = _LETTER.search(words)
    assert first is not None and _THAI.match(first.group(0)), f"{key} is not Thai first: {text!r}"


# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", NO_ORGANIZATION, NO_YEAR, NO_FACTS, NOT_ITA, GOOD])
def test_what_the_reader_warns_about_a_text_is_thai_first(text):
    report = parse_text(text, "r.txt")
    for warning in report.warnings:
        assert_thai_first(warning, "r.txt" if warning.startswith("r.txt: ") else None)


def test_an_empty_a_nameless_and_a_yearless_text_each_say_so_in_thai():
    assert parse_text("", "e.txt").warnings == [labels.REPORT_EMPTY.format(name="e.txt")]
    assert labels.REPORT_NO_ORGANIZATION.format(name="o.txt") in parse_text(NO_ORGANIZATION, "o.txt").warnings
    assert labels.REPORT_NO_FISCAL_YEAR.format(name="y.txt") in parse_text(NO_YEAR, "y.txt").warnings
    assert labels.REPORT_NO_FACTS.format(name="f.txt") in parse_text(NO_FACTS, "f.txt").warnings


def test_a_text_that_is_not_an_ita_result_says_so_in_thai_and_gives_no_score():
    report = parse_text(NOT_ITA, "lpa.txt")
    assert report.warnings == [labels.REPORT_NOT_ITA.format(name="lpa.txt")]
    assert not report.is_ita and not report.has_scores and report.total_score is None


def test_a_report_with_no_title_names_the_kind_it_was_read_as_in_thai():
    report = parse_text(GOOD.split("\n", 1)[1], "untitled.txt")
    (guessed,) = [w for w in report.warnings if "untitled.txt: ไม่มีชื่อเรื่อง" in w]
    assert f"จึงอ่านเป็น{labels.SOURCE_KINDS[report.kind]}" in guessed


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00\x00def",
        bytes(range(1, 32)) * 50,
        b"%PDF-1.7\n...",
        b"\x89PNG\r\n",
        "ทต.สมมุติ".encode("cp874"),
        b"score \xff\xfe\xfd 77.70",
    ],
)
def test_what_decoding_says_is_thai_first_and_names_the_file(data):
    try:
        _text, warnings = decode_bytes(data, "d.bin")
    except DocumentError as err:
        warnings = [str(err)]
    assert warnings
    for message in warnings:
        assert_thai_first(message, "d.bin")


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02" * 100, b"%PDF-1.4 not really", "ทต.สมมุติ".encode("cp874")])
def test_what_reading_bytes_says_is_thai_first(data):
    try:
        messages = parse_bytes(data, "b.txt").warnings
    except ReportError as err:
        messages = [str(err)]
    assert messages
    for message in messages:
        assert_thai_first(message, "b.txt" if message.startswith("b.txt: ") else None)


def test_a_missing_file_a_folder_and_a_file_too_large_are_refused_in_thai(tmp_path, monkeypatch):
    from ita_data.reports import parser as parser_module

    for path in (tmp_path / "missing.txt", tmp_path):
        with pytest.raises(ReportError) as err:
            parse_file(path)
        assert_thai_first(str(err.value), str(path))
    monkeypatch.setattr(parser_module, "MAX_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_text(GOOD, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        parse_file(big)
    assert_thai_first(str(err.value), "big.txt")


def test_a_misnumbered_indicator_and_a_conflicting_score_are_warned_in_thai():
    text = GOOD + "ตัวชี้วัดที่ 3 การเปิดเผยข้อมูล ได้คะแนน 71.00 คะแนน\n"
    report = parse_text(text, "c.txt")
    assert report.indicator_scores[9] == 70.00
    assert any(w.startswith("ตัวชี้วัด 9: ตารางคะแนนให้ 70.00") for w in report.warnings), report.warnings
    assert any("พิมพ์เป็นตัวชี้วัดที่ 3; อ่านเป็นตัวชี้วัดที่ 9 ตามชื่อ" in w for w in report.warnings)
    for warning in report.warnings:
        assert_thai_first(warning)


# --- storing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", NO_ORGANIZATION, NO_YEAR, NO_FACTS, NO_FACTS.replace("2566", "2575") + " ได้คะแนน 80.00 คะแนน"]
)
def test_why_a_report_was_not_stored_is_thai_first(store, text):
    result = ingest_bytes(store, text.encode(), "bad.txt")
    assert result.status == "error"
    assert_thai_first(result.message, "bad.txt")
    assert "ไม่ได้บันทึกสิ่งใด" in result.message
    for warning in result.warnings:
        assert_thai_first(warning, "bad.txt" if warning.startswith("bad.txt: ") else None)


def test_a_stored_report_and_the_same_bytes_again_are_said_in_thai(store):
    data = GOOD.encode()
    first = ingest_bytes(store, data, "good.txt")
    report = parse_text(GOOD, "good.txt")
    assert first.status == "added"
    assert first.message == labels.INGEST_STORED.format(
        who="ทต.หนองสมมุติ",
        year=report.fiscal_year,
        indicators=len(report.indicator_scores),
        items=len(report.item_scores),
        measures=len(report.measures),
        source=first.source_id,
    )
    assert f"ปีงบประมาณ {report.fiscal_year}:" in first.message
    assert_thai_first(first.message)
    again = ingest_bytes(store, data, "good-copy.txt")
    assert (again.status, again.message) == ("unchanged", labels.INGEST_ALREADY_STORED.format(source=first.source_id))
    assert_thai_first(again.message)


def test_a_file_that_is_not_a_report_is_skipped_in_thai(store, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("notes", encoding="utf-8")
    (result,) = ingest_paths(store, [readme])
    assert (result.status, result.message) == ("unchanged", labels.INGEST_NOT_A_REPORT)
    assert_thai_first(result.message)


def test_the_import_pages_reasons_are_thai_first(store):
    entries = [
        ("good.txt", GOOD.encode()),
        ("empty.txt", b""),
        ("nul.txt", b"\x00\x01" * 100),
        ("again.txt", GOOD.encode()),
    ]
    outcomes = batch.ingest_entries(store, entries, workers=1)
    assert [o.status for o in outcomes] == ["added", "error", "error", "unchanged"]
    for outcome in outcomes:
        assert_thai_first(outcome.reason)
        assert labels.INGEST_STATUSES[outcome.status] == outcome.row()["ผล"]


def test_the_ingest_command_says_what_failed_in_thai(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert main(["ingest", str(bad), "--db", str(tmp_path / "cli.duckdb")]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip().startswith("empty.txt: ")]
    assert lines and all(_THAI.match(line.strip()[len("empty.txt: ") :]) for line in lines), lines
