"""นำเข้าข้อมูล: upload a NACC result table or organisations' reports, preview what will be stored, confirm."""

import pandas as pd
import streamlit as st

from ita_data import labels, reports, tables
from ita_data.store import StoreError
from pages import shared

st.title("นำเข้าข้อมูล")
st.caption("ตรวจดูตัวอย่างสิ่งที่จะบันทึกก่อนยืนยันเสมอ การนำเข้าแต่ละครั้งบันทึกทั้งหมดหรือไม่บันทึกเลย")
db = shared.open_or_stop()
table_tab, report_tab = st.tabs(["ตารางผลการประเมิน (CSV / XLSX)", "รายงานของหน่วยงาน (ไฟล์ข้อความ)"])


def _progress_bar():
    bar = st.progress(0.0, text="กำลังอ่านไฟล์")
    return lambda fraction, message: bar.progress(min(max(float(fraction), 0.0), 1.0), text=message)


with table_tab:
    upload = st.file_uploader(
        # No type filter on the widget: check_upload says in Thai what is wrong with a wrong file.
        "เลือกไฟล์ตาราง", key="table_upload",
        max_upload_size=tables.MAX_FILE_BYTES // 2**20,
        help=f"CSV หรือ XLSX ไม่เกิน {tables.MAX_FILE_BYTES // 2**20} MB หนึ่งแถวต่อหน่วยงานต่อปี",
    )
    if upload is not None:
        data = upload.getvalue()
        try:
            tables.check_upload(upload.name, len(data))
            preview = tables.read_table(data, upload.name, progress=_progress_bar())
        except tables.TableError as err:
            st.error(str(err))
            st.stop()
        planned = tables.commit_table(db, preview, dry_run=True)
        a, b, c, d = st.columns(4)
        a.metric("แถวที่อ่าน", f"{preview.rows_read:,}")
        b.metric("เพิ่มใหม่", f"{planned.added:,}")
        c.metric("ปรับปรุง", f"{planned.updated:,}")
        d.metric("ถูกปฏิเสธ", f"{len(planned.rejected):,}")
        if not preview.issues().empty:
            st.subheader("ข้อผิดพลาดและคำเตือน")
            st.dataframe(preview.issues().rename(columns={"row": "แถว", "severity": "ระดับ", "message": "ข้อความ"}),
                         hide_index=True)
        if preview.unmapped_columns:
            st.warning("คอลัมน์ที่ไม่ได้ใช้: " + ", ".join(preview.unmapped_columns))
        st.subheader("สิ่งที่จะบันทึก")
        st.dataframe(shared.for_display(preview.rows), hide_index=True)
        if not preview.ok:
            st.error("ไฟล์นี้มีแถวที่ไม่ผ่านการตรวจ จึงบันทึกไม่ได้ทั้งไฟล์ แก้ไขแถวที่ระบุแล้วอัปโหลดใหม่")
        elif st.button("ยืนยันการนำเข้า", type="primary", key="confirm_table"):
            try:
                result = tables.commit_table(db, preview, progress=_progress_bar())
            except StoreError as err:
                st.error(str(err))
            else:
                st.success(result.summary())
                st.page_link("pages/rankings.py", label="ดูอันดับ", icon=":material/leaderboard:")

with report_tab:
    uploads = st.file_uploader(
        "เลือกไฟล์รายงาน (ข้อความที่คัดจาก PDF/Word)", accept_multiple_files=True,
        key="report_upload", max_upload_size=20,
    )
    if uploads:
        parsed, failed = [], []
        for item in uploads:
            try:
                parsed.append((item, reports.parse_bytes(item.getvalue(), item.name)))
            except reports.ReportError as err:
                failed.append(str(err))
        for message in failed:
            st.error(message)
        if parsed:
            st.subheader("สิ่งที่จะบันทึก")
            st.dataframe(pd.DataFrame([reports.preview_row(r) for _, r in parsed]), hide_index=True)
            for item, report in parsed:
                for warning in report.warnings:
                    st.warning(f"{item.name}: {warning}")
            if st.button("ยืนยันการนำเข้ารายงาน", type="primary", key="confirm_reports"):
                for item, _ in parsed:
                    result = reports.ingest_bytes(db, item.getvalue(), item.name)
                    shown = st.error if result.status == "error" else st.success
                    shown(f"{item.name}: {labels.INGEST_STATUSES[result.status]} — {result.message}")
