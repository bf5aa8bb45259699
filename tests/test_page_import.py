"""นำเข้าข้อมูล: a table and a report go in through the page, preview first, and show up in the rankings."""

import pytest

from ita_data import analytics, labels
from ita_data.store import Store
from tests.apptest_support import shown
from tests.conftest import seed_path
from tests.tables_helpers import MIXED, csv_bytes, row

PAGE = "pages/import_data.py"


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "ita.duckdb"
    Store(path).close()
    return path


def _upload_table(at, name: str, data: bytes):
    at.tabs[0].file_uploader[0].upload(name, data, "text/csv").run()
    return at


def test_a_table_is_previewed_then_lands_and_shows_in_the_rankings(app, small_db):
    data = csv_bytes([row("อบต.หนองทดลอง"), row("ทต.ทุ่งทดลอง", scores=MIXED)])
    at = app(small_db, page=PAGE)
    _upload_table(at, "results.csv", data)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["แถวที่อ่าน"], metrics["เพิ่มใหม่"], metrics["ถูกปฏิเสธ"]) == ("2", "2", "0")
    with Store(small_db) as db:  # the preview wrote nothing
        assert db.query("SELECT count(*) AS n FROM assessments").n[0] == 0

    at.button(key="confirm_table").click().run()
    assert not at.exception
    assert at.success and "2" in at.success[0].value

    at.switch_page("pages/rankings.py").run()  # the sidebar now offers the imported year
    at.sidebar.selectbox(key="fy").select(2566).run()
    assert not at.exception
    shown = " ".join(str(df.value.to_csv()) for df in at.dataframe)
    assert "หนองทดลอง" in shown and "ทุ่งทดลอง" in shown


def test_a_table_is_read_and_planned_once_not_again_on_the_confirm_click(app, small_db, monkeypatch):
    from ita_data import tables

    calls = {"read": 0, "plan": 0}
    read, commit = tables.read_table, tables.commit_table

    def counting_read(*args, **kwargs):
        calls["read"] += 1
        return read(*args, **kwargs)

    def counting_commit(*args, **kwargs):
        calls["plan"] += bool(kwargs.get("dry_run"))
        return commit(*args, **kwargs)

    monkeypatch.setattr(tables, "read_table", counting_read)
    monkeypatch.setattr(tables, "commit_table", counting_commit)
    at = _upload_table(app(small_db, page=PAGE), "results.csv", csv_bytes([row("อบต.หนองทดลอง")]))
    at.run()  # a rerun with nothing changed (another widget)
    assert calls == {"read": 1, "plan": 1}
    at.button(key="confirm_table").click().run()
    assert not at.exception and at.success
    assert calls["read"] == 1  # the confirm stored what was previewed
    at.run()
    assert calls == {"read": 1, "plan": 2}  # the store changed: planned again (now all unchanged), not read
    with Store(small_db) as db:
        assert db.query("SELECT count(*) AS n FROM assessments").n[0] == 1


def test_a_table_with_a_bad_row_cannot_be_confirmed_and_lands_nothing(app, small_db):
    data = csv_bytes([row("อบต.หนองทดลอง"), row("อบต.ดอนทดลอง", total=105), row("อบต.ท่าทดลอง")])
    at = _upload_table(app(small_db, page=PAGE), "bad.csv", data)
    assert not at.exception
    assert not [b for b in at.button if b.key == "confirm_table"]
    issues = at.dataframe[0].value
    assert 3 in set(issues.iloc[:, 0])  # the header is row 1: the bad row is row 3
    with Store(small_db) as db:
        assert db.query("SELECT count(*) AS n FROM organizations").n[0] == 0


def test_a_file_of_the_wrong_type_gets_a_clear_message(app, small_db):
    at = app(small_db, page=PAGE)
    at.tabs[0].file_uploader[0].upload("scores.pdf", b"%PDF-1.4", "application/pdf").run()
    assert not at.exception
    assert at.error and "scores.pdf" in shown(at.error[0].value)


def test_a_report_is_previewed_then_ingested(app, small_db, seeds_dir):
    data = seed_path(seeds_dir, "001").read_bytes()
    at = app(small_db, page=PAGE)
    at.tabs[1].file_uploader[0].upload("kluai.txt", data, "text/plain").run()
    assert not at.exception
    preview = at.dataframe[0].value.iloc[0]
    assert (preview["ปีงบประมาณ"], preview["คะแนนรวม"], preview["ระดับตามรายงาน"]) == (2568, 94.30, "ผ่านดี")
    at.button(key="confirm_reports").click().run()
    assert not at.exception and at.success
    with Store(small_db) as db:
        got = analytics.overview(db.cursor(), analytics.Filters(2568, province_code="19")).iloc[0]
    assert (got.org_count, got.mean_score) == (1, 94.30)


def test_reports_are_read_once_not_again_on_each_rerun(app, small_db, seeds_dir, monkeypatch):
    from ita_data.reports import ingest, reading

    calls = {"page": 0, "store": 0}
    real = reading.read_report  # every import reads through it, in a capped reader process

    def counting(where):
        def parse(*args, **kwargs):
            calls[where] += 1
            return real(*args, **kwargs)

        return parse

    monkeypatch.setattr(reading, "read_report", counting("page"))
    monkeypatch.setattr(ingest, "read_report", counting("store"))
    at = app(small_db, page=PAGE)
    at.tabs[1].file_uploader[0].upload("kluai.txt", seed_path(seeds_dir, "001").read_bytes(), "text/plain").run()
    at.run()
    at.button(key="confirm_reports").click().run()
    assert not at.exception and at.success
    assert calls == {"page": 1, "store": 0}  # the preview's reading is what is stored: read once


def test_the_report_preview_shows_where_each_number_was_read(app, small_db, seeds_dir):
    data = seed_path(seeds_dir, "001").read_bytes()
    at = app(small_db, page=PAGE)
    at.tabs[1].file_uploader[0].upload("kluai.txt", data, "text/plain").run()
    (where,) = [e for e in at.expander if e.label.startswith("ตัวเลขแต่ละค่าอ่านจากตรงไหน")]
    rows = where.dataframe[0].value.set_index("ข้อมูล")
    total, indicator_9 = labels.report_key_label("total_score"), labels.report_key_label("indicator:9")
    assert total == "คะแนนรวม" and indicator_9 == "คะแนนตัวชี้วัด 9"  # the officer reads Thai names
    assert rows.loc[total, "ค่า"] == "94.3"
    assert "๙๔.๓๐" in rows.loc[total, "ข้อความ"] or "94.30" in rows.loc[total, "ข้อความ"]
    assert rows.loc[indicator_9, "บรรทัด"] > rows.loc[total, "บรรทัด"]
    assert "๒๕๖๘" in rows.loc["ปีงบประมาณ", "ข้อความ"]


def test_several_reports_in_one_upload_are_published_once(app, small_db, seeds_dir, monkeypatch):
    from ita_data import store as store_module

    published = []
    real = store_module.Store._working_copy

    def counting(self):
        published.append(1)
        return real(self)

    at = app(small_db, page=PAGE)
    at.run()
    monkeypatch.setattr(store_module.Store, "_working_copy", counting)
    for n in ("001", "004"):
        at.tabs[1].file_uploader[0].upload(f"{n}.txt", seed_path(seeds_dir, n).read_bytes(), "text/plain")
    at.run()
    at.button(key="confirm_reports").click().run()
    assert not at.exception and len(at.success) == 2
    assert len(published) == 1


HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from ita_data.store.snapshots import WriterLock
with WriterLock(Path(sys.argv[1]), 0, None):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_an_import_waiting_for_another_write_says_whom_it_waits_for(app, small_db, seeds_dir):
    """Another process holds the writers' lock (an `ingest` on the server, an import in another
    dashboard process): the page names it, as the CLI does, then stores once it is done."""
    import subprocess
    import sys

    from tests.conftest import PROJECT_ROOT

    at = app(small_db, page=PAGE)
    at.tabs[1].file_uploader[0].upload("kluai.txt", seed_path(seeds_dir, "001").read_bytes(), "text/plain").run()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(small_db), "3"], stdout=subprocess.PIPE, text=True, cwd=PROJECT_ROOT
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        at.button(key="confirm_reports").click().run(timeout=60)
    finally:
        holder.wait(timeout=30)
    assert not at.exception
    waiting = " ".join(shown(i.value) for i in at.info)
    assert f"PID {holder.pid} " in waiting and labels.STORE_WAITING.split("{holder}")[0] in waiting
    assert at.success  # stored once the other write was done
    with Store(small_db) as db:
        assert db.sources().file_name.tolist() == ["kluai.txt"]
