"""Batches of documents into a real store: a line per file, nothing stored twice, OCR'd numbers held."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from conftest import seed_path
from documents_fixtures import thai_png

from ita_data.__main__ import main
from ita_data.bench.samples import make_docx
from ita_data.reports import batch
from ita_data.store import Store


@pytest.fixture
def folder(tmp_path, seeds_dir):
    """Two seeds as text, one as Word in a zip, and a file that is not a document."""
    root = tmp_path / "reports"
    (root / "text").mkdir(parents=True)
    shutil.copy(seed_path(seeds_dir, "001"), root / "text" / "001.txt")
    shutil.copy(seed_path(seeds_dir, "002"), root / "text" / "002.txt")
    docx = make_docx(seed_path(seeds_dir, "004"), tmp_path / "004.docx").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("word/004.docx", docx)
    (root / "bundle.zip").write_bytes(buffer.getvalue())
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return root


def _count(db: Store, sql: str) -> int:
    return int(db.query(sql).iloc[0, 0])


def test_a_folder_is_stored_file_by_file_and_a_second_run_changes_nothing(tmp_path, folder):
    with Store(tmp_path / "ita.duckdb") as db:
        first = batch.ingest_folder(db, [folder])
        assert [(o.name.split("/", 1)[1], o.read, o.status) for o in first] == [
            ("broken.pdf", batch.NOT_READ, "error"),
            ("bundle.zip/word/004.docx", batch.READ_FULLY, "added"),
            ("text/001.txt", batch.READ_FULLY, "added"),
            ("text/002.txt", batch.READ_FULLY, "added"),
        ]
        assert "PDF" in first[0].reason
        found = {
            o.name.rsplit("/", 1)[1]: (o.organization, o.fiscal_year, o.total_score, o.measures) for o in first[1:]
        }
        assert found["004.docx"][:2] == ("ทต.คำม่วง", 2562) and found["004.docx"][3] == 12
        assert found["001.txt"][2] == 94.30 and found["002.txt"][3] == 8
        sources = _count(db, "SELECT count(*) FROM sources")
        facts = _count(db, "SELECT count(*) FROM facts")

        again = batch.ingest_folder(db, [folder])
        assert [o.status for o in again] == ["error", "unchanged", "unchanged", "unchanged"]
        assert (_count(db, "SELECT count(*) FROM sources"), _count(db, "SELECT count(*) FROM facts")) == (
            sources,
            facts,
        )


def test_progress_is_told_once_per_document(tmp_path, folder):
    seen = []
    with Store(tmp_path / "ita.duckdb") as db:
        batch.ingest_folder(db, [folder], progress=lambda done, total, name: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def _scan_png() -> bytes:
    return thai_png(
        [
            "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส",
            "องค์การบริหารส่วนตำบลบ้านกล้วย อำเภอหนองโดน จังหวัดสระบุรี",
            "ปีงบประมาณ พ.ศ. 2568",
            "ผลคะแนน 94.30 คะแนน",
        ],
        size=36,
        width=1500,
    )


def test_numbers_read_by_ocr_are_held_until_accepted(tmp_path):
    scan = _scan_png()
    with Store(tmp_path / "held.duckdb") as db:
        (held,) = batch.ingest_entries(db, [("scan.png", scan)])
        assert held.read == batch.READ_PARTLY and "OCR" in held.reason
        assert (held.organization, held.fiscal_year, held.total_score) == ("อบต.บ้านกล้วย", 2568, 94.30)
        assert _count(db, "SELECT count(*) FROM assessments WHERE total_score IS NOT NULL") == 0
    with Store(tmp_path / "accepted.duckdb") as db:
        (accepted,) = batch.ingest_entries(db, [("scan.png", scan)], accept_ocr=True)
        assert accepted.status == "added" and accepted.read == batch.READ_FULLY
        assert db.query("SELECT total_score FROM assessments").total_score.tolist() == [94.30]


def test_ingest_command_takes_a_folder_and_ends_with_a_table(tmp_path, folder, capsys):
    db = tmp_path / "cli.duckdb"
    assert main(["ingest", str(folder), "--db", str(db)]) == 1  # one file could not be read
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["ไฟล์", "การอ่าน", "ผล"]
    assert any("004.docx" in line and "ทต.คำม่วง" in line and "2562" in line for line in out)
    assert out[-1].startswith(f"{batch.READ_FULLY} 3 · {batch.READ_PARTLY} 0 · {batch.NOT_READ} 1")
    assert main(["ingest", str(folder / "text"), "--db", str(db)]) == 0
    assert all("ไม่เปลี่ยนแปลง" in line for line in capsys.readouterr().out.splitlines()[1:-1])


def test_parse_command_reads_a_zip(folder, capsys):
    assert main(["parse", str(folder / "bundle.zip")]) == 0
    assert "ทต.คำม่วง" in capsys.readouterr().out
