"""นำเข้าข้อมูล: upload a NACC result table or organisations' reports, preview what will be stored, confirm;
the history of imports, and withdrawing one. Only a session that may write sees any of it (pages.access).
"""

import json

import pandas as pd
import streamlit as st

from ita_data import documents, labels, reports, tables, thai
from ita_data.analytics import about
from ita_data.reports import batch
from ita_data.store import StoreError
from pages import access, display, shared

REPORT_MAX_MB = 20  # one report's text; the table limit is tables.MAX_FILE_BYTES
TABLE_MAX_MB = tables.MAX_FILE_BYTES // 2**20


def uploader_words(key: str, limit_mb: int) -> str:
    """CSS that puts Thai words in an uploader of ``key`` where Streamlit writes English ("Upload",
    "50MB per file"): Streamlit has no setting for them. The words are ours, never a document's."""
    zone = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    return (
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] span {{display: none;}}'
        f'{zone} [data-testid="stFileUploaderDropzoneInstructions"] > div::after '
        f'{{content: "{labels.IMPORT_DROP_LIMIT.format(mb=limit_mb)}"; font-size: 0.875rem;}}'
        f'{zone} button [data-testid="stMarkdownContainer"] p {{display: none;}}'
        f'{zone} button [data-testid="stMarkdownContainer"]::after {{content: "{labels.IMPORT_BROWSE}";}}'
    )


st.title(labels.IMPORT_TITLE)
st.caption(labels.IMPORT_CAPTION)
db = shared.open_or_stop()
person = access.current()
if not person.can_write:
    st.info(shared.plain(labels.without_gloss(person.reason)), icon=":material/lock:")
    if person.mode == "anonymous":
        st.button(access.SIGN_IN, key="sign_in_import", icon=":material/login:", on_click=access.sign_in)
    st.stop()
st.caption(labels.IMPORT_AS.format(who=shared.plain(person.who), table_mb=TABLE_MAX_MB, report_mb=REPORT_MAX_MB))
st.html(
    f"<style>{uploader_words('table_upload', TABLE_MAX_MB)}{uploader_words('report_upload', REPORT_MAX_MB)}</style>"
)
table_tab, report_tab, history_tab = st.tabs(
    [labels.IMPORT_TAB_TABLE, labels.IMPORT_TAB_REPORTS, labels.IMPORT_TAB_HISTORY]
)


def _progress_bar():
    bar = st.progress(0.0, text=labels.IMPORT_TABLE_READING)
    return lambda fraction, message: bar.progress(min(max(float(fraction), 0.0), 1.0), text=message)


def _read_and_plan(upload):
    """The table read once per file, and its import planned once per file and published state of the
    store: the reruns after it (the confirm click, a widget elsewhere) reuse both."""
    file_key = (upload.file_id, upload.size)
    kept = st.session_state.get("table_read")
    if kept is None or kept[0] != file_key:
        st.session_state.pop("table_read", None)  # one table kept at a time
        data = upload.getvalue()
        tables.check_upload(upload.name, len(data))
        kept = (file_key, tables.read_table(data, upload.name, progress=_progress_bar()))
        st.session_state["table_read"] = kept
    preview = kept[1]
    plan_key = (file_key, db.snapshot_version)
    plan = st.session_state.get("table_plan")
    if plan is None or plan[0] != plan_key:
        plan = (plan_key, tables.commit_table(db, preview, dry_run=True))
        st.session_state["table_plan"] = plan
    return preview, plan[1]


with table_tab:
    upload = st.file_uploader(
        # No type filter on the widget: check_upload says in Thai what is wrong with a wrong file.
        labels.IMPORT_TABLE_UPLOAD,
        key="table_upload",
        max_upload_size=TABLE_MAX_MB,
        help=labels.IMPORT_TABLE_UPLOAD_HELP.format(mb=TABLE_MAX_MB),
    )
    if upload is not None:
        try:
            preview, planned = _read_and_plan(upload)
        except tables.TableError as err:
            shared.plain_message("error", err)  # it quotes the file name and cells: plain text
            st.stop()
        a, b, c, d = st.columns(4)
        a.metric(labels.IMPORT_ROWS_READ, f"{preview.rows_read:,}")
        b.metric(labels.INGEST_STATUSES["added"], f"{planned.added:,}")
        c.metric(labels.INGEST_STATUSES["updated"], f"{planned.updated:,}")
        d.metric(labels.IMPORT_ROWS_REJECTED, f"{len(planned.rejected):,}")
        if not preview.issues().empty:
            st.subheader(labels.IMPORT_ISSUES)
            issues = preview.issues()
            issues = issues.assign(
                severity=issues.severity.map(labels.IMPORT_SEVERITIES), message=issues.message.map(labels.without_gloss)
            )
            display.table(issues, headers=labels.IMPORT_ISSUE_COLUMNS)
        if preview.unmapped_columns:
            shared.plain_message(
                "warning", labels.IMPORT_UNMAPPED_COLUMNS.format(columns=", ".join(map(str, preview.unmapped_columns)))
            )
        st.subheader(labels.IMPORT_TO_STORE)
        display.table(preview.rows)
        if not preview.ok:
            st.error(labels.IMPORT_TABLE_NOT_OK)
        elif st.button(labels.IMPORT_CONFIRM_TABLE, type="primary", key="confirm_table"):
            try:
                by = access.writer()  # the role, checked again right before the store is called
                result = tables.commit_table(db, preview, progress=_progress_bar(), imported_by=by)
            except (StoreError, access.WriteRefused) as err:
                shared.plain_message("error", err)
            else:
                shared.plain_message("success", result.summary())
                st.page_link("pages/rankings.py", label=labels.IMPORT_SEE_RANKINGS, icon=":material/leaderboard:")


def _store_reports(db, parsed: list, confirmed: dict[str, bool], bar, rows: list) -> None:
    """Store each previewed report through the batch reader, with the OCR confirmation it was given."""
    for number, (name, data, report) in enumerate(parsed, start=1):
        bar.progress(
            number / len(parsed),
            text=labels.IMPORT_REPORT_STORING.format(number=number, count=len(parsed), name=shared.plain(name)),
        )
        try:
            (outcome,) = batch.ingest_entries(
                db,
                [(name, data)],
                accept_ocr=confirmed.get(name, False),
                imported_by=access.writer(),
                read={0: report},  # the preview's reading: the document is not read again
            )
        except access.WriteRefused as err:
            shared.plain_message("error", err)
            break
        rows.append(outcome.row())
        shared.plain_message(
            "error" if outcome.status == "error" else "success",
            f"{name}: {labels.INGEST_STATUSES[outcome.status]} — {outcome.reason}",
        )


def _read_reports(uploads) -> tuple[list, list[str]]:
    """Every document of the upload (zips opened) read once per set of files: the reruns after it (an OCR
    checkbox, the confirm click) reuse the reading."""
    key = tuple((item.file_id, item.size) for item in uploads)
    kept = st.session_state.get("reports_read")
    if kept is not None and kept[0] == key:
        return kept[1], kept[2]
    entries: list[tuple[str, bytes | documents.DocumentError]] = []
    for item in uploads:
        try:
            entries += list(documents.expand(item.name, item.getvalue()))
        except documents.DocumentError as err:
            entries.append((item.name, err))
    bar = st.progress(0.0, text=labels.IMPORT_REPORTS_READING)
    parsed, failed = [], []
    for number, (name, content) in enumerate(entries, start=1):
        bar.progress(
            number / len(entries),
            text=labels.IMPORT_REPORT_READING.format(number=number, count=len(entries), name=shared.plain(name)),
        )
        if isinstance(content, documents.DocumentError):
            failed.append(str(content))
            continue
        try:
            # the file's own name, as storing names it
            parsed.append((name, content, reports.parse_bytes(content, name.rsplit("/", 1)[-1])))
        except reports.ReportError as err:
            failed.append(str(err))
    bar.empty()
    st.session_state["reports_read"] = (key, parsed, failed)
    return parsed, failed


with report_tab:
    uploads = st.file_uploader(
        labels.IMPORT_REPORT_UPLOAD,
        accept_multiple_files=True,
        key="report_upload",
        max_upload_size=REPORT_MAX_MB,
        type=list(documents.SUFFIXES),
    )
    if uploads:
        parsed, failed = _read_reports(uploads)
        for message in failed:
            shared.plain_message("error", message)
        confirmed: dict[str, bool] = {}
        if parsed:
            st.subheader(labels.IMPORT_TO_STORE)
            display.table(pd.DataFrame([reports.preview_row(r) for _, _, r in parsed]))
            for name, _, report in parsed:
                for warning in report.warnings:
                    shared.plain_message("warning", f"{name}: {batch.without_name(warning, name)}")
            for name, _, report in parsed:
                facts = batch.ocr_facts(report)
                if not facts:
                    continue
                with st.expander(labels.IMPORT_OCR_NUMBERS.format(name=shared.plain(name)), expanded=True):
                    st.caption(labels.IMPORT_OCR_CAPTION)
                    image_col, facts_col = st.columns([3, 2])
                    pages = sorted({int(f[labels.IMPORT_OCR_PAGE]) for f in facts if f[labels.IMPORT_OCR_PAGE]})
                    with image_col:
                        page = (
                            st.selectbox(labels.IMPORT_OCR_PAGE, pages, key=f"ocr_page_{name}")
                            if len(pages) > 1
                            else (pages[0] if pages else None)
                        )
                        if page is not None and report.document is not None:
                            st.image(
                                report.document.page_image(int(page)),
                                caption=labels.IMPORT_OCR_PAGE_CAPTION.format(page=page),
                            )
                    with facts_col:
                        display.table(pd.DataFrame(facts))
                        confirmed[name] = st.checkbox(labels.IMPORT_OCR_CONFIRM, key=f"ocr_ok_{name}")
            for name, _, report in parsed:
                where = report.where_read()
                if where:
                    with st.expander(labels.IMPORT_WHERE_READ.format(name=shared.plain(name))):
                        display.table(pd.DataFrame(where))
            if st.button(labels.IMPORT_CONFIRM_REPORTS, type="primary", key="confirm_reports"):
                bar = st.progress(0.0, text=labels.IMPORT_STORING)
                rows: list[dict] = []
                try:
                    with db.batch():  # each file in its own transaction, published once for the whole upload
                        _store_reports(db, parsed, confirmed, bar, rows)
                except StoreError as err:  # the upload's copy could not be published: nothing landed
                    rows.clear()
                    shared.plain_message("error", err)
                bar.empty()
                if rows:
                    st.subheader(labels.IMPORT_RESULTS)
                    display.table(pd.DataFrame(rows))


# --- the history of imports, and withdrawing one ----------------------------------------------
def _changes_text(recorded) -> str:
    """The store's record of what an import changed (JSON counts), in Thai words."""
    if not isinstance(recorded, str) or not recorded:
        return "–"
    counts = json.loads(recorded)
    return " · ".join(f"{labels.IMPORT_CHANGE_WORDS.get(k, k)} {v:,}" for k, v in counts.items())


def _source_label(row) -> str:
    when = thai.format_be_dates([row.imported_at], with_time=True).iloc[0]
    return f"#{row.source_id} · {row.file_name} · {row.imported_by or '–'} · {when}"


def _ask_withdraw(source_id: int) -> None:
    st.session_state["withdraw_pending"] = source_id


def _cancel_withdraw() -> None:
    st.session_state.pop("withdraw_pending", None)


with history_tab:
    if "withdraw_done" in st.session_state:
        shared.plain_message("success", st.session_state.pop("withdraw_done"))
    history = db.sources()
    if history.empty:
        st.info(labels.IMPORT_HISTORY_NONE)
    else:
        shown = history.assign(
            kind=history.kind.map(labels.SOURCE_KINDS).fillna(history.kind),
            imported_at=thai.format_be_dates(history.imported_at.to_numpy(), with_time=True),
            withdrawn_at=thai.format_be_dates(history.withdrawn_at.to_numpy(), with_time=True),
        )
        if "changes" in shown:
            shown["changes"] = shown.changes.map(_changes_text)
        display.table(shown, key="import_history", headers=labels.IMPORT_HISTORY_COLUMNS)
        # The demo data is one import of every organisation: it stays out of the everyday list, and
        # withdrawing it asks for a confirmation of its own.
        with_demo = st.toggle(labels.IMPORT_WITHDRAW_SHOW_DEMO, key="withdraw_show_demo")
        active = history[history.withdrawn_at.isna() & (with_demo | (history.kind != "synthetic"))]
        if active.empty:
            st.caption(labels.IMPORT_ALL_WITHDRAWN)
        else:
            choices = {int(r.source_id): _source_label(r) for r in active.itertuples()}
            chosen = st.selectbox(
                labels.IMPORT_WITHDRAW_CHOICE,
                list(choices),
                format_func=lambda source_id: choices[source_id],
                index=None,
                placeholder=labels.IMPORT_WITHDRAW_PLACEHOLDER,
                key="withdraw_choice",
            )
            if chosen is not None and st.session_state.get("withdraw_pending") != chosen:
                st.button(labels.IMPORT_WITHDRAW, key="withdraw", on_click=_ask_withdraw, args=(chosen,))
            if chosen is not None and st.session_state.get("withdraw_pending") == chosen:
                row = active[active.source_id == chosen].iloc[0]
                shared.plain_message(
                    "warning",
                    labels.IMPORT_WITHDRAW_WARNING.format(
                        source_id=chosen, file_name=row.file_name, current_facts=int(row.current_facts)
                    ),
                )
                demo_agreed = True
                if row.kind == "synthetic":
                    orgs = int(shared.cached(about.data_status)["synthetic_orgs"])
                    demo_agreed = st.checkbox(
                        labels.IMPORT_WITHDRAW_DEMO_CONFIRM.format(orgs=orgs), key="withdraw_demo_agreed"
                    )
                yes, no = st.columns(2)
                if yes.button(
                    labels.IMPORT_CONFIRM_WITHDRAW, type="primary", key="confirm_withdraw", disabled=not demo_agreed
                ):
                    try:
                        restored = db.withdraw(chosen, by=access.writer())
                    except (StoreError, access.WriteRefused) as err:
                        shared.plain_message("error", err)
                    else:
                        _cancel_withdraw()
                        st.session_state["withdraw_done"] = restored
                        st.rerun()  # the history above and every page now read the restored data
                no.button(labels.IMPORT_CANCEL, key="cancel_withdraw", on_click=_cancel_withdraw)
