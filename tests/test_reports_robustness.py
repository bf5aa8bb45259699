"""No input crashes the parser: the answer is a result with warnings, or one ReportError naming the file."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_data import labels
from ita_data.bench import parsing as fuzzbench
from ita_data.reports import ReportError, parse_bytes, parse_file, parse_text
from ita_data.reports import parser as parser_module

# Fragments of the kind reports are made of, for hypothesis to shuffle and cut: the fuzz bench's, and
# words of the headline sentence it does not use.
FRAGMENTS = sorted(
    {
        *fuzzbench.FRAGMENTS,
        "ปีงบประมาณ 2569",
        "ผ่านดี",
        "B",
        "ลำดับที่ ๖๘",
        "จาก",
        "ตัวชี้วัดที่ ๙",
        "ตัวชี้วัดที่",
        "การเปิดเผยข้อมูล",
        "(",
        ")",
    }
)


def _check(report, source):
    obj = report.to_json()
    assert obj["source"] == source
    assert obj["kind"] in ("analysis", "measures")
    for value in obj["indicator_scores"].values():
        assert 0 <= value <= 100
    for value in obj["item_scores"].values():
        assert 0 <= value <= 100
    for m in obj["measures"]:
        assert m["status"] in ("planned", "in_progress", "done", "cannot", "unknown")
        assert m["indicator"] is None or 1 <= m["indicator"] <= 10


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60))
def test_report_like_text_never_crashes(parts):
    _check(parse_text("".join(parts), "fuzz.txt"), "fuzz.txt")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_never_crashes(text):
    _check(parse_text(text, "any.txt"), "any.txt")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_result_or_a_report_error_naming_the_file(data):
    try:
        report = parse_bytes(data, "blob.bin")
    except ReportError as err:
        assert "blob.bin" in str(err)
    else:
        _check(report, "blob.bin")


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_seed_cut_anywhere_or_re_encoded_never_crashes(seeds_dir, data):
    path = data.draw(st.sampled_from(sorted(seeds_dir.glob("*.txt"))))
    raw = path.read_bytes()
    cut = data.draw(st.integers(0, len(raw)))
    encoding = data.draw(st.sampled_from(["utf-8", "cp874"]))
    chunk = raw[:cut].decode("utf-8", errors="ignore").encode(encoding, errors="replace")
    try:
        report = parse_bytes(chunk, path.name)
    except ReportError as err:
        assert path.name in str(err)
    else:
        _check(report, path.name)


def test_an_empty_file_is_a_result_with_a_warning(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report = parse_file(empty)
    assert report.to_json()["measures"] == [] and report.organization is None
    assert report.warnings == [labels.REPORT_EMPTY.format(name="empty.txt")]


def test_a_file_over_the_size_limit_is_refused_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr(parser_module, "MAX_BYTES", 1000)
    big = tmp_path / "huge.txt"
    big.write_text("ได้คะแนน 80.00 " * 200, encoding="utf-8")
    with pytest.raises(ReportError, match="^huge.txt: ไฟล์ใหญ่ "):
        parse_file(big)
    with pytest.raises(ReportError, match="^huge.txt: ไฟล์ใหญ่ "):
        parse_bytes(big.read_bytes(), "huge.txt")


def test_a_large_report_parses_in_linear_time():
    header = "หัวข้อการประเมิน\tประเด็นที่ต้องปรับปรุง\tมาตรการ\tผู้รับผิดชอบ\tระยะเวลา\n"
    pages = "".join(
        header
        + "".join(
            f"ข้อ O{(page + n) % 33 + 1} เรื่องที่ {n}\tหน่วยงานควร<p>แสดง</p>\tจัดทำ\tสำนักปลัด\t๓๐ ก.ย. ๖๖\n"
            for n in range(50)
        )
        for page in range(40)
    )
    text = (
        "รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ ๒๕๖๖\nทต.สมมุติ จังหวัดขอนแก่น\n"
        + pages
        + ("ได้คะแนน " * 20000)
        + ("e" * 50000)
        + ("<p" * 20000)
    )
    start = time.perf_counter()
    report = parse_text(text, "big.txt")
    elapsed = time.perf_counter() - start
    assert len(report.measures) == 2000
    assert elapsed < 10, f"{len(text)} characters took {elapsed:.1f} s"


def test_a_folder_or_a_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(ReportError, match=re.escape(labels.REPORT_IS_FOLDER.format(path=tmp_path))):
        parse_file(tmp_path)
    with pytest.raises(ReportError, match=re.escape(labels.REPORT_NO_SUCH_FILE.format(path=tmp_path / "missing.txt"))):
        parse_file(tmp_path / "missing.txt")
