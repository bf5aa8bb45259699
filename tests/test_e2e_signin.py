"""Sign-in end to end: a local OIDC provider (oidc-provider-mock), a real server configured through
.streamlit/secrets.toml, and Debian's chromium. Anonymous visitors and viewers get no upload; an
editor imports a table, sees it in the history under their e-mail, and withdraws it."""

from __future__ import annotations

import re
import secrets
import shutil

import pytest

from ita_data.store import Store
from tests.conftest import _free_port
from tests.serving_support import APP, WAIT_MS, outside_requests, serve, stop, wait_for_app
from tests.tables_helpers import csv_bytes, row

pytestmark = pytest.mark.e2e

EDITOR = "officer@example.go.th"
EDITOR_NAME = "นายทดสอบ ผู้แก้ไข"
VIEWER = "reader@example.go.th"
VIEWER_NAME = "นางสาวทดสอบ ผู้อ่าน"
# Accounts a provider could state that must not pass for the editor: the editor's address with
# email_verified as the string "false", and a look-alike with the ligature U+FB03 (casefold gives "ffi").
UNVERIFIED = "unverified-editor"
LOOKALIKE = "o\ufb03cer@example.go.th"
UPLOADER = '[data-testid="stFileUploader"]'


@pytest.fixture(scope="module")
def provider():
    from oidc_provider_mock import User, run_server_in_thread

    users = [
        User(sub=EDITOR, claims={"email": EDITOR, "email_verified": True, "name": EDITOR_NAME}),
        User(sub=VIEWER, claims={"email": VIEWER, "email_verified": True, "name": VIEWER_NAME}),
        User(sub=UNVERIFIED, claims={"email": EDITOR, "email_verified": "false", "name": "ยังไม่ยืนยัน"}),
        User(sub=LOOKALIKE, claims={"email": LOOKALIKE, "email_verified": True, "name": "คล้ายผู้แก้ไข"}),
    ]
    with run_server_in_thread(user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def app_url(provider, tmp_path_factory):
    """The dashboard with sign-in configured exactly as the README tells an office to."""
    folder = tmp_path_factory.mktemp("signin")
    db = folder / "ita.duckdb"
    Store(db).close()
    port = _free_port()
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text(
        f"""
[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "{secrets.token_urlsafe(32)}"
client_id = "ita-dashboard"
client_secret = "{secrets.token_urlsafe(16)}"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[access]
editors = ["{EDITOR}"]
""",
        encoding="utf-8",
    )
    # The redirect URI names localhost: the browser must use the same host for the cookie to come back.
    proc, url = serve(folder / "streamlit.log", db_path=db, port=port, secrets=secrets_file, host="localhost")
    yield url, db
    stop(proc)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH")
    p = context.new_page()
    p.requests = []
    p.on("request", lambda r: p.requests.append((r.frame.url, r.url)))
    yield p
    context.close()


def _text(page) -> str:
    return page.locator(APP).inner_text().replace("\u2060", "")


def _dashboard_requests(page, base: str) -> list[str]:
    """What the dashboard's pages asked for (the test provider's own form loads a stylesheet from a CDN)."""
    return [url for frame, url in page.requests if frame.startswith(base)]


def _sign_in(page, base: str, who: str) -> None:
    page.goto(f"{base}/import")
    wait_for_app(page)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="เข้าสู่ระบบ").click()
    page.get_by_placeholder("sub").fill(who)  # the provider's own sign-in form
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(re.escape(base) + r"/?(\?.*)?$"), timeout=WAIT_MS)
    wait_for_app(page)
    page.goto(f"{base}/import")
    wait_for_app(page)


def test_an_anonymous_visitor_gets_no_upload_and_a_way_to_sign_in(app_url, page):
    base, _ = app_url
    page.goto(f"{base}/import")
    wait_for_app(page)
    page.get_by_text("เฉพาะผู้แก้ไขที่เข้าสู่ระบบ").wait_for(timeout=WAIT_MS)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="เข้าสู่ระบบ").wait_for(timeout=WAIT_MS)
    assert page.locator(UPLOADER).count() == 0
    page.goto(f"{base}/rankings")  # the read-only pages stay open
    wait_for_app(page)
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "อันดับ"


def test_a_signed_in_viewer_gets_no_upload_and_can_sign_out(app_url, page):
    base, _ = app_url
    _sign_in(page, base, VIEWER)
    page.get_by_text("ไม่ได้อยู่ในรายชื่อผู้แก้ไข").wait_for(timeout=WAIT_MS)
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert VIEWER_NAME in sidebar and VIEWER in sidebar
    assert page.locator(UPLOADER).count() == 0
    assert VIEWER in _text(page) and "ไม่ได้อยู่ในรายชื่อผู้แก้ไข" in _text(page)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="ออกจากระบบ").click()
    page.wait_for_timeout(1000)
    page.goto(f"{base}/import")
    wait_for_app(page)
    page.get_by_text("เฉพาะผู้แก้ไขที่เข้าสู่ระบบ").wait_for(timeout=WAIT_MS)
    assert not outside_requests(_dashboard_requests(page, base))


@pytest.mark.parametrize("who", [UNVERIFIED, LOOKALIKE], ids=["email_verified-string-false", "ligature-look-alike"])
def test_an_account_that_only_looks_like_the_editor_gets_no_upload(app_url, page, who):
    base, db = app_url
    _sign_in(page, base, who)
    page.get_by_text("ไม่ได้อยู่ในรายชื่อผู้แก้ไข").wait_for(timeout=WAIT_MS)
    assert page.locator(UPLOADER).count() == 0
    with Store(db) as store:
        assert store.sources().empty
    if who == LOOKALIKE:  # named as the provider gave it, not folded into the editor's address
        assert LOOKALIKE in _text(page)


def test_an_editor_imports_a_table_sees_it_in_the_history_and_withdraws_it(app_url, page, tmp_path):
    base, db = app_url
    _sign_in(page, base, EDITOR)
    page.locator(UPLOADER).first.wait_for(timeout=WAIT_MS)
    assert EDITOR_NAME in page.locator('[data-testid="stSidebar"]').inner_text()
    assert page.locator(UPLOADER).count() == 2
    table = tmp_path / "results.csv"
    table.write_bytes(csv_bytes([row("อบต.หนองทดลอง"), row("ทต.ทุ่งทดลอง")]))
    page.locator(UPLOADER).first.locator("input[type=file]").set_input_files(str(table))
    page.get_by_role("button", name="ยืนยันการนำเข้า").click()
    page.get_by_text("เพิ่ม 2 แถว").first.wait_for(timeout=WAIT_MS)
    with Store(db) as store:
        recorded = store.sources()
        assert int(store.query("SELECT count(*) AS n FROM assessments").n[0]) == 2
    assert recorded.imported_by.tolist() == [EDITOR]

    page.get_by_role("tab", name="ประวัติการนำเข้า").click()
    history = page.locator('[data-testid="stDataFrame"]').filter(has_text="results.csv")
    history.wait_for(timeout=WAIT_MS)
    assert EDITOR in history.text_content()  # the grid draws on a canvas; its cells are in the DOM too

    box = page.get_by_role("combobox", name="ถอนการนำเข้า")
    box.click()
    page.get_by_role("option", name=re.compile("results.csv")).click()
    wait_for_app(page)
    page.get_by_role("button", name="ถอนการนำเข้านี้…").click()
    wait_for_app(page)
    assert "จะถอนการนำเข้า" in _text(page) and "ค่าที่ไฟล์นี้ให้ไว้และยังใช้อยู่" in _text(page)
    page.get_by_role("button", name="ยืนยันการถอน").click()
    wait_for_app(page)
    with Store(db) as store:
        assert int(store.query("SELECT count(*) AS n FROM assessments").n[0]) == 0  # restored: nothing before
        after = store.sources()
    assert after.withdrawn_at.notna().all() and after.withdrawn_by.tolist() == [EDITOR]
    assert not outside_requests(_dashboard_requests(page, base))
