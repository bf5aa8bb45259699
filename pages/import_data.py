"""นำเข้าข้อมูล: upload a NACC result table or organisations' reports, preview what will be stored, confirm;
the history of imports, and withdrawing one. Only a session that may write sees any of it (pages.access).
"""

import json

import pandas as pd
import streamlit as st

from ita_data import documents, labels, reports, tables
from ita_data.reports import batch
from ita_data.store import StoreError
from pages import access, shared

REPORT_MAX_MB = 20  # one report's text; the table limit is tables.MAX_FILE_BYTES
st.title("นำเข้าข้อมูล")
st.caption("ตรวจดูตัวอย่างสิ่งที่จะบันทึกก่อนยืนยันเสมอ การนำเข้าแต่ละครั้งบันทึกทั้งหมดหรือไม่บันทึกเลย")
db = shared.open_or_stop()
person = access.current()
if not person.can_write:
    st.info(shared.plain(person.reason), icon=":material/lock:")
    if person.mode == "anonymous":
        st.button(access.SIGN_IN, key="sign_in_import", icon=":material/login:", on_click=access.sign_in)
    st.stop()
st.caption(
    f"นำเข้าในชื่อ {shared.plain(person.who)} · ตาราง CSV/XLSX ไม่เกิน {tables.MAX_FILE_BYTES // 2**20} MB "
    f"· รายงานไม่เกิน {REPORT_MAX_MB} MB ต่อไฟล์"
)
table_tab, report_tab, history_tab = st.tabs(
    ["ตารางผลการประเมิน (CSV / XLSX)", "รายงานของหน่วยงาน (PDF / Word / เว็บเพจ / สแกน)", "ประวัติการนำเข้า"]
)


def _progress_bar():
    bar = st.progress(0.0, text="กำลังอ่านไฟล์")
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
        "เลือกไฟล์ตาราง",
        key="table_upload",
        max_upload_size=tables.MAX_FILE_BYTES // 2**20,
        help=f"CSV หรือ XLSX ไม่เกิน {tables.MAX_FILE_BYTES // 2**20} MB หนึ่งแถวต่อหน่วยงานต่อปี",
    )
    if upload is not None:
        try:
            preview, planned = _read_and_plan(upload)
        except tables.TableError as err:
            shared.plain_message("error", err)  # it quotes the file name and cells: plain text
            st.stop()
        a, b, c, d = st.columns(4)
        a.metric("แถวที่อ่าน", f"{preview.rows_read:,}")
        b.metric("เพิ่มใหม่", f"{planned.added:,}")
        c.metric("ปรับปรุง", f"{planned.updated:,}")
        d.metric("ถูกปฏิเสธ", f"{len(planned.rejected):,}")
        if not preview.issues().empty:
            st.subheader("ข้อผิดพลาดและคำเตือน")
            st.dataframe(
                preview.issues().rename(columns={"row": "แถว", "severity": "ระดับ", "message": "ข้อความ"}),
                hide_index=True,
            )
        if preview.unmapped_columns:
            shared.plain_message("warning", "คอลัมน์ที่ไม่ได้ใช้: " + ", ".join(map(str, preview.unmapped_columns)))
        st.subheader("สิ่งที่จะบันทึก")
        st.dataframe(shared.for_display(preview.rows), hide_index=True)
        if not preview.ok:
            st.error("ไฟล์นี้มีแถวที่ไม่ผ่านการตรวจ จึงบันทึกไม่ได้ทั้งไฟล์ แก้ไขแถวที่ระบุแล้วอัปโหลดใหม่")
        elif st.button("ยืนยันการนำเข้า", type="primary", key="confirm_table"):
            try:
                by = access.writer()  # the role, checked again right before the store is called
                result = tables.commit_table(db, preview, progress=_progress_bar(), imported_by=by)
            except (StoreError, access.WriteRefused) as err:
                shared.plain_message("error", err)
            else:
                shared.plain_message("success", result.summary())
                st.page_link("pages/rankings.py", label="ดูอันดับ", icon=":material/leaderboard:")


def _store_reports(db, parsed: list, confirmed: dict[str, bool], bar, rows: list) -> None:
    """Store each previewed report through the batch reader, with the OCR confirmation it was given."""
    for number, (name, data, _) in enumerate(parsed, start=1):
        bar.progress(number / len(parsed), text=f"กำลังบันทึก {number}/{len(parsed)}: {shared.plain(name)}")
        try:
            (outcome,) = batch.ingest_entries(
                db, [(name, data)], accept_ocr=confirmed.get(name, False), imported_by=access.writer()
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
    bar = st.progress(0.0, text="กำลังอ่านเอกสาร")
    parsed, failed = [], []
    for number, (name, content) in enumerate(entries, start=1):
        bar.progress(number / len(entries), text=f"กำลังอ่าน {number}/{len(entries)}: {shared.plain(name)}")
        if isinstance(content, documents.DocumentError):
            failed.append(str(content))
            continue
        try:
            # the file's own name, as storing will read it: storing then finds the document read already
            parsed.append((name, content, reports.parse_bytes(content, name.rsplit("/", 1)[-1])))
        except reports.ReportError as err:
            failed.append(str(err))
    bar.empty()
    st.session_state["reports_read"] = (key, parsed, failed)
    return parsed, failed


with report_tab:
    uploads = st.file_uploader(
        "เลือกไฟล์รายงาน: PDF, Word (.docx), เว็บเพจ (.html), ข้อความ (.txt), ภาพสแกน (.png/.jpg) หรือ zip",
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
            st.subheader("สิ่งที่จะบันทึก")
            st.dataframe(pd.DataFrame([reports.preview_row(r) for _, _, r in parsed]), hide_index=True)
            for name, _, report in parsed:
                for warning in report.warnings:
                    shared.plain_message("warning", f"{name}: {batch.without_name(warning, name)}")
            for name, _, report in parsed:
                facts = batch.ocr_facts(report)
                if not facts:
                    continue
                with st.expander(f"ตัวเลขที่อ่านด้วย OCR: {shared.plain(name)}", expanded=True):
                    st.caption(labels.IMPORT_OCR_CAPTION)
                    image_col, facts_col = st.columns([3, 2])
                    pages = sorted({int(f["หน้า"]) for f in facts if f["หน้า"]})
                    with image_col:
                        page = (
                            st.selectbox("หน้า", pages, key=f"ocr_page_{name}")
                            if len(pages) > 1
                            else (pages[0] if pages else None)
                        )
                        if page is not None and report.document is not None:
                            st.image(report.document.page_image(int(page)), caption=f"หน้า {page}")
                    with facts_col:
                        st.dataframe(pd.DataFrame(facts), hide_index=True)
                        confirmed[name] = st.checkbox("ตรวจแล้ว ตัวเลขตรงกับภาพ ให้บันทึกด้วย", key=f"ocr_ok_{name}")
            for name, _, report in parsed:
                where = report.where_read()
                if where:
                    with st.expander(f"ตัวเลขแต่ละค่าอ่านจากตรงไหน: {shared.plain(name)}"):
                        st.dataframe(pd.DataFrame(where), hide_index=True)
            if st.button("ยืนยันการนำเข้ารายงาน", type="primary", key="confirm_reports"):
                bar = st.progress(0.0, text="กำลังบันทึก")
                rows: list[dict] = []
                try:
                    with db.batch():  # each file in its own transaction, published once for the whole upload
                        _store_reports(db, parsed, confirmed, bar, rows)
                except StoreError as err:  # the upload's copy could not be published: nothing landed
                    rows.clear()
                    shared.plain_message("error", err)
                bar.empty()
                if rows:
                    st.subheader("ผลการนำเข้า")
                    st.dataframe(shared.for_display(pd.DataFrame(rows)), hide_index=True)

# --- the history of imports, and withdrawing one ----------------------------------------------
HISTORY_COLUMNS = {
    "source_id": "ลำดับ",
    "kind": "ประเภท",
    "file_name": "ไฟล์",
    "checksum": "checksum (SHA-256)",
    "imported_at": "นำเข้าเมื่อ",
    "imported_by": "นำเข้าโดย",
    "facts": "จำนวนค่าที่ให้",
    "current_facts": "ค่าที่ยังใช้อยู่",
    "from_ocr": "อ่านด้วย OCR",
    "changes": "สิ่งที่เปลี่ยน",
    "note": "หมายเหตุ",
    "withdrawn_at": "ถอนเมื่อ",
    "withdrawn_by": "ถอนโดย",
}


CHANGE_WORDS = {"added": "เพิ่ม", "updated": "ปรับปรุง", "unchanged": "ไม่เปลี่ยน", "rejected": "ปฏิเสธ"}


def _changes_text(recorded) -> str:
    """The store's record of what an import changed (JSON counts), in Thai words."""
    if not isinstance(recorded, str) or not recorded:
        return "–"
    counts = json.loads(recorded)
    return " · ".join(f"{CHANGE_WORDS.get(k, k)} {v:,}" for k, v in counts.items())


def _source_label(row) -> str:
    return f"#{row.source_id} · {row.file_name} · {row.imported_by or '–'} · {row.imported_at:%Y-%m-%d %H:%M}"


def _ask_withdraw(source_id: int) -> None:
    st.session_state["withdraw_pending"] = source_id


def _cancel_withdraw() -> None:
    st.session_state.pop("withdraw_pending", None)


with history_tab:
    if "withdraw_done" in st.session_state:
        shared.plain_message("success", st.session_state.pop("withdraw_done"))
    history = db.sources()
    if history.empty:
        st.info("ยังไม่มีการนำเข้า")
    else:
        shown = history.assign(kind=history.kind.map(labels.SOURCE_KINDS).fillna(history.kind))
        if "changes" in shown:
            shown["changes"] = shown.changes.map(_changes_text)
        st.dataframe(shown.rename(columns=HISTORY_COLUMNS), hide_index=True, key="import_history")
        active = history[history.withdrawn_at.isna()]
        if active.empty:
            st.caption("ทุกการนำเข้าถูกถอนแล้ว")
        else:
            choices = {int(r.source_id): _source_label(r) for r in active.itertuples()}
            chosen = st.selectbox(
                "ถอนการนำเข้า",
                list(choices),
                format_func=lambda source_id: choices[source_id],
                index=None,
                placeholder="เลือกการนำเข้าที่จะถอน",
                key="withdraw_choice",
            )
            if chosen is not None and st.session_state.get("withdraw_pending") != chosen:
                st.button("ถอนการนำเข้านี้…", key="withdraw", on_click=_ask_withdraw, args=(chosen,))
            if chosen is not None and st.session_state.get("withdraw_pending") == chosen:
                row = active[active.source_id == chosen].iloc[0]
                shared.plain_message(
                    "warning",
                    f"จะถอนการนำเข้า #{chosen} ({row.file_name}) ค่าที่ไฟล์นี้ให้ไว้และยังใช้อยู่ "
                    f"{int(row.current_facts):,} ค่า จะกลับเป็นค่าจากการนำเข้าก่อนหน้าของหน่วยงานและปีเดียวกัน "
                    "หรือถูกนำออกถ้าไม่เคยมีค่าอื่น การนำเข้าอื่นไม่เปลี่ยน และประวัติยังบันทึกว่าใครถอนเมื่อใด",
                )
                yes, no = st.columns(2)
                if yes.button("ยืนยันการถอน", type="primary", key="confirm_withdraw"):
                    try:
                        restored = db.withdraw(chosen, by=access.writer())
                    except (StoreError, access.WriteRefused) as err:
                        shared.plain_message("error", err)
                    else:
                        _cancel_withdraw()
                        st.session_state["withdraw_done"] = restored
                        st.rerun()  # the history above and every page now read the restored data
                no.button("ยกเลิก", key="cancel_withdraw", on_click=_cancel_withdraw)
