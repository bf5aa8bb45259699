"""Who may change the data: anonymous visitors, viewers and editors on the import page, and the
loopback-only default without sign-in (pages.access, with the real dashboard under AppTest)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from typing import Any

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from ita_data import labels
from ita_data.store import Store
from pages import access
from tests.apptest_support import PROJECT_ROOT, entry_script_always_runs, shown
from tests.tables_helpers import MIXED, csv_bytes, row

PAGE = "pages/import_data.py"
EDITOR = "officer@example.go.th"
VIEWER = "reader@example.go.th"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-test-secret-that-is-long-enough-0123456789",
    "client_id": "ita-dashboard",
    "client_secret": "test-client-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
SIGNED_IN_SECRETS: dict[str, Any] = {"auth": AUTH, "access": {"editors": [EDITOR.upper(), "someone@example.go.th"]}}
ANONYMOUS = {"is_logged_in": False}


def signed_in(email: str, name: str = "ผู้ทดสอบ", **claims) -> dict:
    return {"is_logged_in": True, "email": email, "name": name, **claims}


def editor(name: str = "ผู้ทดสอบ") -> dict:
    """The editor as a provider states them: the listed address, verified."""
    return signed_in(EDITOR, name, email_verified=True)


@pytest.fixture
def small_db(tmp_path, monkeypatch):
    path = tmp_path / "ita.duckdb"
    Store(path).close()
    monkeypatch.setenv("ITA_DB", str(path))
    return path


@contextlib.contextmanager
def server_address(address: str | None):
    """The server's listening address as `streamlit run --server.address` would set it."""
    before = config.get_option("server.address")
    config.set_option("server.address", address)
    try:
        yield
    finally:
        config.set_option("server.address", before)


def import_page(secrets: dict | None = None, user: dict | None = None, address: str | None = "127.0.0.1"):
    """The dashboard's import page as one browser session sees it."""
    with entry_script_always_runs(), server_address(address):
        at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=60)
        if secrets:
            at.secrets = secrets
        if user is not None:
            at.user = user
        at.run()
        at.switch_page(PAGE).run()
    return at


def run(at: AppTest, action=None, address: str | None = "127.0.0.1") -> AppTest:
    """Rerun ``at`` (after ``action``, e.g. an upload or a click) in the same conditions."""
    with entry_script_always_runs(), server_address(address):
        return (action(at) if action else at).run()


def uploaders(at: AppTest) -> list:
    return [u for tab in at.tabs for u in tab.file_uploader]


def infos(at: AppTest) -> str:
    return " ".join(shown(i.value) for i in at.info)


def stored_rows(path) -> int:
    with Store(path) as db:
        return int(db.query("SELECT count(*) AS n FROM assessments").n[0])


TABLE = csv_bytes([row("อบต.หนองทดลอง"), row("ทต.ทุ่งทดลอง")])


# --- with sign-in configured -------------------------------------------------------------------


def test_an_anonymous_visitor_gets_no_upload_and_is_told_how_to_sign_in(small_db):
    at = import_page(SIGNED_IN_SECRETS, ANONYMOUS)
    assert not at.exception
    assert not uploaders(at)
    assert "เข้าสู่ระบบ" in infos(at)
    assert [b for b in at.button if b.label == access.SIGN_IN]  # on the page and in the sidebar
    assert [b for b in at.sidebar.button if b.label == access.SIGN_IN]


def test_a_signed_in_viewer_reads_but_gets_no_upload(small_db):
    at = import_page(SIGNED_IN_SECRETS, signed_in(VIEWER, "นางสาวผู้อ่าน", email_verified=True))
    assert not at.exception
    assert not uploaders(at)
    assert VIEWER in infos(at) and "ผู้แก้ไข" in infos(at)
    assert "นางสาวผู้อ่าน" in [t.value for t in at.sidebar.text]
    assert [b for b in at.sidebar.button if b.label == access.SIGN_OUT]
    at.switch_page("pages/rankings.py")  # the read-only pages stay open to a viewer
    run(at)
    assert not at.exception and at.title[0].value == "อันดับ"


def test_an_editor_uploads_a_table_recorded_under_their_email(small_db):
    at = import_page(SIGNED_IN_SECRETS, editor("นายผู้แก้ไข"))
    assert not at.exception
    assert len(uploaders(at)) == 2
    assert "นายผู้แก้ไข" in [t.value for t in at.sidebar.text]
    run(at, lambda a: a.tabs[0].file_uploader[0].upload("results.csv", TABLE, "text/csv"))
    run(at, lambda a: a.button(key="confirm_table").click())
    assert not at.exception
    assert at.success and "2" in shown(at.success[0].value)
    assert stored_rows(small_db) == 2
    with Store(small_db) as db:
        assert db.sources().imported_by.tolist() == [EDITOR]


@pytest.mark.parametrize("claim", [False, "false", "true", "True", 1, None])
def test_only_a_json_true_email_verified_makes_an_editor(claim):
    """``email_verified`` counts only as JSON true: a string "false" is not a verified address, and
    neither is a missing claim unless the secrets say the provider never sends one."""
    claims = {} if claim is None else {"email_verified": claim}
    assert _writes(SIGNED_IN_SECRETS, signed_in(EDITOR, **claims)) is None
    assert _writes(SIGNED_IN_SECRETS, signed_in(EDITOR, email_verified=True)) == EDITOR


def test_a_provider_that_never_sends_email_verified_is_accepted_only_when_the_secrets_say_so():
    lenient = {**SIGNED_IN_SECRETS, "access": {**SIGNED_IN_SECRETS["access"], "require_email_verified": False}}
    assert _writes(lenient, signed_in(EDITOR)) == EDITOR  # no claim at all
    assert _writes(lenient, signed_in(EDITOR, email_verified="false")) is None  # a claim that is not true
    assert _writes(lenient, signed_in(EDITOR, email_verified=False)) is None


@pytest.mark.parametrize(
    "address",
    [
        "o\ufb03cer@example.go.th",  # the ligature ﬃ, which casefold() turns into "ffi"
        "ｏfficer@example.go.th",  # a fullwidth o
        "officer@example.go.th\u200b",  # a zero-width space after it
        "officer@exampl\u0435.go.th",  # a Cyrillic e
        " officer@example.go.th",
    ],
)
def test_a_look_alike_address_never_matches_an_editor(address):
    assert _writes(SIGNED_IN_SECRETS, signed_in(address, email_verified=True)) is None


def test_the_record_keeps_the_address_as_the_provider_gave_it():
    assert (
        _writes(SIGNED_IN_SECRETS, signed_in("Officer@Example.GO.TH", email_verified=True)) == "Officer@Example.GO.TH"
    )
    assert access.same_address("OFFICER@EXAMPLE.GO.TH") == EDITOR
    assert access.same_address("O\ufb03CER") == "o\ufb03cer"  # only A-Z change


def _writes(secrets: dict, user: dict) -> str | None:
    """Who ``access.writer()`` names for this user under these secrets, or None when it refuses."""
    at = AppTest.from_function(_who_writes, default_timeout=30)
    at.secrets = secrets
    at.user = user
    at.run()
    assert not at.exception
    return at.text[0].value if at.text else None


def test_the_write_itself_checks_the_role_not_only_the_hidden_widgets(small_db, monkeypatch):
    at = import_page(SIGNED_IN_SECRETS, editor())
    run(at, lambda a: a.tabs[0].file_uploader[0].upload("results.csv", TABLE, "text/csv"))

    def revoked() -> str:  # the editor was removed from the list after the page was drawn
        raise access.WriteRefused(access.REASONS["viewer"].format(who=EDITOR))

    monkeypatch.setattr(access, "writer", revoked)
    run(at, lambda a: a.button(key="confirm_table").click())
    assert not at.exception
    assert "ไม่ได้อยู่ในรายชื่อผู้แก้ไข" in " ".join(shown(e.value) for e in at.error)
    assert stored_rows(small_db) == 0


# --- without sign-in ---------------------------------------------------------------------------


@pytest.fixture
def asked(monkeypatch):
    """The server started as `make run` starts it: ITA_LOCAL_EDITOR=1 in its environment."""
    monkeypatch.setenv(access.LOCAL_EDITOR_ENV, "1")


@pytest.fixture
def not_asked(monkeypatch):
    """The server started without it (a plain `streamlit run`, `python -m ita_data serve`)."""
    monkeypatch.delenv(access.LOCAL_EDITOR_ENV, raising=False)


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "localhost", "127.0.1.1"])
def test_without_sign_in_a_loopback_server_started_for_one_person_imports_under_the_os_user(small_db, asked, address):
    at = import_page(user={}, address=address)
    assert not at.exception
    assert len(uploaders(at)) == 2
    limits = " ".join(shown(c.value) for c in at.caption)  # the upload limits are stated on the page
    assert "50 MB" in limits and "20 MB" in limits
    run(at, lambda a: a.tabs[0].file_uploader[0].upload("results.csv", TABLE, "text/csv"), address)
    run(at, lambda a: a.button(key="confirm_table").click(), address)
    assert not at.exception and stored_rows(small_db) == 2
    from ita_data import settings

    with Store(small_db) as db:
        assert db.sources().imported_by.tolist() == [settings.os_user()]


def test_without_sign_in_a_loopback_server_not_started_for_one_person_takes_no_browser_imports(small_db, not_asked):
    """Nothing in a request makes it local: a proxy on this machine can send any visitor's request with
    Host 127.0.0.1 and no X-Forwarded-For. Only the person who started the server can ask for it."""
    at = import_page(user={}, address="127.0.0.1")
    assert not at.exception
    assert not uploaders(at)
    assert access.LOCAL_EDITOR_ENV in infos(at) and "make run" in infos(at) and "[auth]" in infos(at)
    assert not at.sidebar.button


@pytest.mark.parametrize("address", ["0.0.0.0", "", "192.168.1.20", "::", "dashboard.office.example"])
def test_without_sign_in_a_network_server_takes_no_browser_imports_even_when_asked(small_db, asked, address):
    at = import_page(user={}, address=address)
    assert not at.exception
    assert not uploaders(at)
    assert "[auth]" in infos(at) and "python -m ita_data" in infos(at)
    assert not at.sidebar.button  # no sign-in to offer: nothing is configured


def test_loopback_addresses_are_told_apart_from_every_other():
    assert [access.is_loopback(a) for a in ("127.0.0.1", "::1", "[::1]", "localhost", "LOCALHOST", "127.8.9.10")] == [
        True
    ] * 6
    assert [access.is_loopback(a) for a in ("0.0.0.0", "", None, "::", "10.0.0.1", "example.org")] == [False] * 6


def _who_writes() -> None:
    import streamlit as st

    from pages import access

    try:
        st.text(access.writer())
    except access.WriteRefused as refused:
        st.error(str(refused))


@pytest.mark.parametrize(
    ("user", "writes"),
    [
        (ANONYMOUS, None),
        (signed_in(VIEWER, email_verified=True), None),
        (signed_in(EDITOR, email_verified=True), EDITOR),
        (signed_in(EDITOR.title(), email_verified=True), EDITOR.title()),  # ASCII letters in any case
    ],
)
def test_the_write_check_names_the_editor_or_refuses(user, writes):
    at = AppTest.from_function(_who_writes, default_timeout=30)
    at.secrets = SIGNED_IN_SECRETS
    at.user = user
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == ([writes] if writes else [])
    assert bool(at.error) == (writes is None)


# --- the history of imports, and withdrawing one -------------------------------------------------


def _import(at: AppTest, name: str, data: bytes) -> None:
    run(at, lambda a: a.tabs[0].file_uploader[0].upload(name, data, "text/csv"))
    run(at, lambda a: a.button(key="confirm_table").click())
    assert not at.exception and at.success


def _indicator_9(path) -> float:
    """The one organisation's score on indicator 9 (90 in ALL_90, 70 in MIXED)."""
    with Store(path) as db:
        return float(db.query("SELECT score FROM indicator_scores WHERE indicator = 9").score[0])


def test_an_editor_sees_who_imported_what_and_withdrawing_restores_the_earlier_values(small_db):
    at = import_page(SIGNED_IN_SECRETS, editor())
    _import(at, "first.csv", csv_bytes([row("อบต.หนองทดลอง")]))
    first = _indicator_9(small_db)
    _import(at, "second.csv", csv_bytes([row("อบต.หนองทดลอง", scores=MIXED)]))
    assert _indicator_9(small_db) != first

    history = at.tabs[2].dataframe[0].value
    assert history["ไฟล์"].tolist() == ["first.csv", "second.csv"]
    assert set(history["นำเข้าโดย"]) == {EDITOR}
    assert "ปรับปรุง 1" in history["สิ่งที่เปลี่ยน"].iloc[1]

    second = int(history["ลำดับ"].iloc[1])
    run(at, lambda a: a.selectbox(key="withdraw_choice").select(second))
    run(at, lambda a: a.button(key="withdraw").click())
    warning = " ".join(shown(w.value) for w in at.warning)
    assert f"#{second} ไฟล์ second.csv" in warning and "กลับเป็นค่าจากการนำเข้าก่อนหน้า" in warning
    assert _indicator_9(small_db) != first  # asking changes nothing

    run(at, lambda a: a.button(key="confirm_withdraw").click())
    assert not at.exception
    assert at.success and _indicator_9(small_db) == first
    history = at.tabs[2].dataframe[0].value
    withdrawn = [bool(v) and str(v) not in ("nan", "NaT", "None", labels.MISSING_VALUE) for v in history["ถอนเมื่อ"]]
    assert history["ถอนโดย"].tolist()[1] == EDITOR and withdrawn == [False, True]


def test_cancelling_a_withdrawal_changes_nothing(small_db):
    at = import_page(SIGNED_IN_SECRETS, editor())
    _import(at, "first.csv", TABLE)
    run(at, lambda a: a.selectbox(key="withdraw_choice").select(1))
    run(at, lambda a: a.button(key="withdraw").click())
    run(at, lambda a: a.button(key="cancel_withdraw").click())
    assert not [b for b in at.button if b.key == "confirm_withdraw"]
    assert stored_rows(small_db) == 2


def test_a_viewer_sees_no_history_and_no_withdraw(small_db):
    editing = import_page(SIGNED_IN_SECRETS, editor())
    _import(editing, "first.csv", TABLE)
    at = import_page(SIGNED_IN_SECRETS, signed_in(VIEWER))
    assert not at.tabs and not [b for b in at.button if b.key in ("withdraw", "confirm_withdraw")]


def test_the_command_line_always_imports_and_records_the_os_user(tmp_path):
    """Sign-in and the editors list govern the browser only: the CLI on the server is its operator's."""
    from ita_data import settings

    path = tmp_path / "ita.duckdb"
    Store(path).close()
    table = tmp_path / "results.csv"
    table.write_bytes(TABLE)
    streamlit_dir = tmp_path / ".streamlit"  # a secrets file with [auth] beside it changes nothing
    streamlit_dir.mkdir()
    (streamlit_dir / "secrets.toml").write_text('[auth]\nclient_id = "x"\n[access]\neditors = []\n')
    done = subprocess.run(
        [sys.executable, "-m", "ita_data", "import-table", str(table), "--db", str(path)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with Store(path) as db:
        assert db.sources().imported_by.tolist() == [settings.os_user()]
    assert stored_rows(path) == 2


def _press_sign_in() -> None:
    from pages import access

    access.sign_in()


@pytest.mark.parametrize(("extra", "provider"), [({}, None), ({"provider": "microsoft"}, "microsoft")])
def test_sign_in_uses_the_provider_the_access_section_names(monkeypatch, extra, provider):
    import streamlit

    asked = []
    monkeypatch.setattr(streamlit, "login", lambda *args: asked.append(args))
    at = AppTest.from_function(_press_sign_in, default_timeout=30)
    at.secrets = {"auth": AUTH, "access": {"editors": [EDITOR], **extra}}
    at.run()
    assert not at.exception
    assert asked == [(provider,) if provider else ()]
