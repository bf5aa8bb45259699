"""Files an outside organisation could send to take the server down (issue 23's probe, one test a row).

Every document is read in a capped reader process (ita_data.reports.reading): the memory of the whole
process tree and the elapsed time are measured and held to the caps; beyond a cap the file gets one
message naming it and the limit, and nothing from it is stored. Limits over the whole input: one budget
for a zip and the zips inside it, a Word body read within a budget, a folder's links kept inside it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from ita_data import labels
from ita_data.bench.memory import PeakWatch, run_watched
from ita_data.documents import DocumentError, read_document, walk
from ita_data.documents.errors import mb
from ita_data.documents.limits import MAX_ARCHIVE_BYTES, MAX_DOCX_BODY, MAX_HTML_NESTING, MAX_IMAGE_PIXELS
from ita_data.reports import batch
from ita_data.reports.reading import CAPS, Caps, read_report, run_capped
from ita_data.store import Store
from tests import hostile_documents, reader_tasks
from tests.apptest_support import shown
from tests.conftest import PROJECT_ROOT, seed_path
from tests.documents_fixtures import long_office_pdf

MB = 2**20
STARTING = 60  # seconds for the command's own Python and its reader server to start, beyond a cap


def parse(*paths: Path, timeout: float = CAPS.seconds + 2 * STARTING):
    """``python -m ita_data parse PATH...`` with its process tree watched: (result, peak bytes, seconds)."""
    command = [sys.executable, "-m", "ita_data", "parse", *map(str, paths)]
    done, peak, seconds = run_watched(command, timeout, cwd=PROJECT_ROOT)
    print(f"\nparse {' '.join(p.name for p in paths)}: peak {peak / MB:,.0f} MB over the tree, {seconds:.1f} s")
    return done, peak, seconds


def stderr(done) -> str:
    return done.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="module")
def small_read(files, seeds_dir) -> int:
    """The peak memory of the whole tree when ``parse`` reads one seed: the command, its reader server
    and one reader, on a document that costs nothing."""
    done, peak, _ = parse(seed_path(seeds_dir, "001"))
    assert done.returncode == 0, stderr(done)
    return peak


# --- a PDF whose one page inflates to gigabytes ------------------------------------------------------


@pytest.fixture(scope="module")
def bomb(files) -> Path:
    path = hostile_documents.pdf_bomb(files / "bomb.pdf")
    assert path.stat().st_size < 3 * MB  # about 2 MB on disk for 2 GB of content stream
    return path


def test_a_pdf_bomb_stops_at_the_memory_cap_with_one_message(bomb, small_read):
    done, peak, seconds = parse(bomb)
    assert done.returncode == 1
    (line,) = [x for x in stderr(done).splitlines() if x.strip()]
    assert "bomb.pdf" in line and f"{CAPS.memory_mb:,} MB" in line
    assert peak <= small_read + CAPS.memory  # the reader took at most its cap, nothing else grew
    assert seconds <= CAPS.seconds + STARTING


def test_a_pdf_bomb_in_a_batch_stores_nothing_from_it_and_the_others_go_in(bomb, seeds_dir, tmp_path):
    entries = [("bomb.pdf", bomb.read_bytes()), ("001.txt", seed_path(seeds_dir, "001").read_bytes())]
    with Store(tmp_path / "ita.duckdb") as db:
        watch = PeakWatch(os.getpid(), tree=False)
        with watch:
            outcomes = batch.ingest_entries(db, entries)
        assert [(o.read, o.status) for o in outcomes] == [(batch.NOT_READ, "error"), (batch.READ_FULLY, "added")]
        assert f"{CAPS.memory_mb:,} MB" in outcomes[0].reason
        assert db.sources().file_name.tolist() == ["001.txt"]
    print(f"\nthis process grew {watch.grown / MB:,.0f} MB while the batch read the bomb")
    assert watch.grown < CAPS.memory / 4  # read elsewhere: reading it here would need more than the cap


def test_a_pdf_bomb_uploaded_on_the_import_page_does_not_grow_the_server(app, bomb, tmp_path):
    path = tmp_path / "ita.duckdb"
    Store(path).close()
    at = app(path, page="pages/import_data.py")
    watch = PeakWatch(os.getpid(), tree=False)  # AppTest runs the page in this process
    with watch:
        at.tabs[1].file_uploader[0].upload("bomb.pdf", bomb.read_bytes(), "application/pdf").run()
    assert not at.exception
    errors = " ".join(shown(e.value) for e in at.error)
    assert "bomb.pdf" in errors and f"{CAPS.memory_mb:,}" in errors
    assert not [b for b in at.button if b.key == "confirm_reports"]  # nothing to store
    print(f"\nthe page's process grew {watch.grown / MB:,.0f} MB while the bomb was read")
    assert watch.grown < CAPS.memory / 4


@pytest.mark.e2e
def test_a_pdf_bomb_uploaded_to_a_real_dashboard_leaves_its_process_as_it_was(browser, bomb, seeds_dir, tmp_path):
    """The probe's own path: a browser uploads the bomb and a real report to `streamlit run`; the server
    process stays put while a reader takes the bomb to its cap, and the report still reads."""
    from tests.serving_support import WAIT_MS, serve, stop, wait_for_app

    db = tmp_path / "ita.duckdb"
    Store(db).close()
    server, url = serve(tmp_path / "streamlit.log", db_path=db)
    report = tmp_path / "001.txt"
    report.write_bytes(seed_path(seeds_dir, "001").read_bytes())
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{url}/import")
        wait_for_app(page)
        page.get_by_role("tab").nth(1).click()
        uploader = page.locator(".st-key-report_upload input[type=file]")
        uploader.set_input_files([str(report)])  # the first document starts the reader server
        page.get_by_role("button", name=labels.IMPORT_CONFIRM_REPORTS).wait_for(timeout=WAIT_MS)
        alone, tree = PeakWatch(server.pid, tree=False), PeakWatch(server.pid)
        with alone, tree:
            uploader.set_input_files([str(bomb), str(report)])
            page.get_by_text(f"{CAPS.memory_mb:,} MB").first.wait_for(timeout=(CAPS.seconds + STARTING) * 1000)
            page.get_by_role("button", name=labels.IMPORT_CONFIRM_REPORTS).wait_for(timeout=WAIT_MS)
        print(
            f"\nthe dashboard's process grew {alone.grown / MB:,.0f} MB, its tree {tree.grown / MB:,.0f} MB "
            f"(peak {tree.peak / MB:,.0f} MB) in {tree.seconds:.1f} s"
        )
        assert alone.grown < CAPS.memory / 4  # not read here: reading it here needs more than the whole cap
        assert tree.grown <= CAPS.memory  # one reader, at most its cap
        assert tree.seconds <= CAPS.seconds + STARTING
    finally:
        context.close()
        stop(server)


# --- a Word file of hundreds of megabytes of paragraphs ----------------------------------------------


def test_a_docx_holding_190_mb_of_paragraphs_is_refused_by_its_body_budget(files, small_read):
    docx = hostile_documents.docx_of_paragraphs(files / "paragraphs.docx", 190 * MB)
    assert docx.stat().st_size < 4 * MB
    done, peak, seconds = parse(docx)
    assert done.returncode == 1
    message = stderr(done)
    assert "paragraphs.docx" in message and mb(MAX_DOCX_BODY) in message
    assert peak <= small_read + CAPS.memory
    assert seconds <= CAPS.seconds + STARTING


# --- zips of zips ------------------------------------------------------------------------------------


def test_a_zip_of_zips_shares_one_unpacked_budget(files):
    archive = hostile_documents.zip_of_zips(files / "provinces.zip")
    watch = PeakWatch(os.getpid(), tree=False)
    with watch:
        entries = list(walk([archive]))
    assert len(entries) == 1
    name, error = entries[0]
    assert isinstance(error, DocumentError) and name.endswith("provinces.zip")
    assert str(error) == labels.ARCHIVE_OVER_BUDGET.format(name=name, limit=mb(MAX_ARCHIVE_BYTES))
    print(f"\nrefused in {watch.seconds:.1f} s, this process grew {watch.grown / MB:,.0f} MB")
    assert watch.grown < MAX_ARCHIVE_BYTES / 4  # not unpacked: refused from the directories


def test_nested_zips_within_the_budget_are_all_read(tmp_path):
    archive = hostile_documents.zip_of_zips(tmp_path / "small.zip", inner=3, inner_unpacked=3 * MB, member=MB)
    entries = list(walk([archive]))
    assert len(entries) == 9 and all(isinstance(data, bytes) for _, data in entries)


# --- a folder with a link out of it ---------------------------------------------------------------


def test_a_folder_link_to_a_file_outside_the_folder_is_not_read(tmp_path, seeds_dir):
    outside = tmp_path / "private" / "secret.txt"
    outside.parent.mkdir()
    outside.write_bytes(seed_path(seeds_dir, "001").read_bytes())
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "002.txt").write_bytes(seed_path(seeds_dir, "002").read_bytes())
    (folder / "link-out.txt").symlink_to(outside)
    (folder / "link-in.txt").symlink_to(folder / "002.txt")
    got = dict(walk([folder]))
    assert isinstance(got["reports/link-out.txt"], DocumentError)
    assert str(got["reports/link-out.txt"]) == labels.FOLDER_LINK_OUTSIDE.format(name="reports/link-out.txt")
    assert got["reports/link-in.txt"] == got["reports/002.txt"]  # a link inside the folder is read
    with Store(tmp_path / "ita.duckdb") as db:
        outcomes = {o.name: o for o in batch.ingest_folder(db, [folder])}
        assert outcomes["reports/link-out.txt"].status == "error"
        assert "001" not in " ".join(db.sources().file_name) and "secret" not in " ".join(db.sources().file_name)


# --- the real reason for a refusal ------------------------------------------------------------------


def test_an_image_too_large_to_read_says_so(files):
    png = hostile_documents.large_png(files / "large.png")
    with pytest.raises(DocumentError) as refused:
        read_document(png.read_bytes(), "large.png")
    message = str(refused.value)
    assert message.startswith("large.png: ") and f"{MAX_IMAGE_PIXELS:,}" in message and "200,000,000" in message
    assert "เสียหาย" not in message and "damaged" not in message


def test_fifty_thousand_nested_tags_say_too_deep_not_empty(files):
    page = hostile_documents.nested_html(files / "nested.html", depth=50_000)
    done, _, _ = parse(page)
    assert done.returncode == 1
    message = stderr(done)
    assert labels.HTML_TOO_DEEP.format(name="nested.html", limit=MAX_HTML_NESTING) in message
    assert "ว่างเปล่า" not in message and "empty" not in message


def test_a_page_nested_within_the_limit_is_read(tmp_path):
    page = hostile_documents.nested_html(tmp_path / "deep.html", depth=MAX_HTML_NESTING - 10)
    assert "คะแนนรวม 90.00" in read_document(page.read_bytes(), "deep.html").text


# --- the caps themselves ---------------------------------------------------------------------------


def test_a_200_page_office_pdf_reads_within_the_caps(tmp_path, seeds_dir, small_read):
    pdf = long_office_pdf(seeds_dir, tmp_path, pages=200)
    done, peak, seconds = parse(pdf)
    assert done.returncode == 0, stderr(done)
    report = read_report(pdf.read_bytes(), pdf.name)
    assert report.document is not None and report.document.page_count == 200 and report.document.complete
    print(f"200 pages: {peak / MB:,.0f} MB over the tree ({(peak - small_read) / MB:+,.0f} MB beside one seed)")


def test_page_images_are_drawn_after_reading_in_a_reader(tmp_path, seeds_dir):
    from ita_data.bench.samples import docx_to_pdf, make_docx, scan_pdf

    (pdf,) = docx_to_pdf([make_docx(seed_path(seeds_dir, "001"), tmp_path / "001.docx")], tmp_path)
    scan = scan_pdf(pdf, tmp_path / "scan.pdf", pages=1)
    report = read_report(scan.read_bytes(), "scan.pdf")
    assert report.document is not None and report.document.ocr_pages == {1}
    assert report.document.page_image(1).startswith(b"\x89PNG")


def test_the_cpu_cap_stops_a_reader_that_computes_too_long():
    caps = Caps(cpu_seconds=1, seconds=30)
    with pytest.raises(DocumentError) as stopped:
        run_capped(reader_tasks.spin, (20,), "spin.pdf", caps)
    assert str(stopped.value) == labels.READ_OVER_CPU.format(name="spin.pdf", seconds=1)


def test_the_wall_clock_stops_a_reader_that_waits_too_long():
    caps = Caps(seconds=2)
    watch = PeakWatch(os.getpid())
    with watch:
        with pytest.raises(DocumentError) as stopped:
            run_capped(reader_tasks.sleep, (60,), "slow.pdf", caps)
    assert str(stopped.value) == labels.READ_OVER_TIME.format(name="slow.pdf", seconds=2)
    assert watch.seconds < caps.seconds + 10


def test_the_memory_cap_stops_a_reader_that_allocates_too_much():
    caps = Caps(memory=512 * MB)
    with pytest.raises(DocumentError) as stopped:
        run_capped(reader_tasks.allocate, (1024,), "big.pdf", caps)
    assert str(stopped.value) == labels.READ_OVER_MEMORY.format(name="big.pdf", mb=512)
    assert run_capped(reader_tasks.allocate, (128,), "fits.pdf", caps) == 128 * MB


def test_a_readers_own_bug_names_the_file_and_the_caller_goes_on():
    with pytest.raises(DocumentError) as failed:
        run_capped(reader_tasks.fail, (), "odd.pdf")
    assert str(failed.value).startswith("odd.pdf: ") and "TypeError" in str(failed.value)
    assert run_capped(reader_tasks.sleep, (0,), "next.pdf") == "awake"
