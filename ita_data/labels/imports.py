"""The import page's words, and sign-in and roles."""

from __future__ import annotations

# --- นำเข้าข้อมูล: the import page (its title is IMPORT_TITLE) ---------------------------------

IMPORT_CAPTION = "ตรวจดูตัวอย่างสิ่งที่จะบันทึกก่อนยืนยันเสมอ การนำเข้าแต่ละครั้งบันทึกทั้งหมดหรือไม่บันทึกเลย"
IMPORT_AS = "นำเข้าในชื่อ {who} · ตาราง CSV/XLSX ไม่เกิน {table_mb} MB · รายงานไม่เกิน {report_mb} MB ต่อไฟล์"
# Streamlit's uploader writes "Upload" and "50MB per file": the page puts these in their place.
IMPORT_BROWSE = "เลือกไฟล์"
IMPORT_DROP_LIMIT = "ลากไฟล์มาวางที่นี่ ไม่เกิน {mb} MB ต่อไฟล์"
IMPORT_TAB_TABLE = "ตารางผลการประเมิน (CSV / XLSX)"
IMPORT_TAB_REPORTS = "รายงานของหน่วยงาน (PDF / Word / เว็บเพจ / สแกน)"
IMPORT_TAB_HISTORY = "ประวัติการนำเข้า"
IMPORT_TO_STORE = "สิ่งที่จะบันทึก"
IMPORT_STORING = "กำลังบันทึก"

# A result table; the metrics "added" and "updated" use INGEST_STATUSES.
IMPORT_TABLE_READING = "กำลังอ่านไฟล์"
IMPORT_TABLE_UPLOAD = "เลือกไฟล์ตาราง"
IMPORT_TABLE_UPLOAD_HELP = "CSV หรือ XLSX ไม่เกิน {mb} MB หนึ่งแถวต่อหน่วยงานต่อปี"
IMPORT_ROWS_READ = "แถวที่อ่าน"
IMPORT_ROWS_REJECTED = "ถูกปฏิเสธ"
IMPORT_ISSUES = "ข้อผิดพลาดและคำเตือน"
IMPORT_ISSUE_COLUMNS = {"row": "แถว", "severity": "ระดับ", "message": "ข้อความ"}
IMPORT_SEVERITIES = {"error": "ข้อผิดพลาด", "warning": "คำเตือน"}
IMPORT_UNMAPPED_COLUMNS = "คอลัมน์ที่ไม่ได้ใช้: {columns}"
IMPORT_TABLE_NOT_OK = "ไฟล์นี้มีแถวที่ไม่ผ่านการตรวจ จึงบันทึกไม่ได้ทั้งไฟล์ แก้ไขแถวที่ระบุแล้วอัปโหลดใหม่"
IMPORT_CONFIRM_TABLE = "ยืนยันการนำเข้า"
IMPORT_SEE_RANKINGS = "ดูอันดับ"

# Organisations' reports; the OCR caption is IMPORT_OCR_CAPTION above.
IMPORT_REPORT_UPLOAD = "เลือกไฟล์รายงาน: PDF, Word (.docx), เว็บเพจ (.html), ข้อความ (.txt), ภาพสแกน (.png/.jpg) หรือ zip"
IMPORT_REPORTS_READING = "กำลังอ่านเอกสาร"
IMPORT_REPORT_READING = "กำลังอ่าน {number}/{count}: {name}"
IMPORT_REPORT_STORING = "กำลังบันทึก {number}/{count}: {name}"
IMPORT_OCR_NUMBERS = "ตัวเลขที่อ่านด้วย OCR: {name}"
# The page column of ita_data.reports.batch.ocr_facts, and the label of the page picker beside it.
IMPORT_OCR_PAGE = "หน้า"
IMPORT_OCR_PAGE_CAPTION = "หน้า {page}"
IMPORT_OCR_CONFIRM = "ตรวจแล้ว ตัวเลขตรงกับภาพ ให้บันทึกด้วย"
IMPORT_WHERE_READ = "ตัวเลขแต่ละค่าอ่านจากตรงไหน: {name}"
IMPORT_CONFIRM_REPORTS = "ยืนยันการนำเข้ารายงาน"
IMPORT_RESULTS = "ผลการนำเข้า"

# The history of imports, and withdrawing one.
IMPORT_HISTORY_COLUMNS = {
    "source_id": "ลำดับ",
    "kind": "ประเภท",
    "file_name": "ไฟล์",
    "checksum": "ค่าตรวจสอบไฟล์ (SHA-256)",
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
IMPORT_CHANGE_WORDS = {"added": "เพิ่ม", "updated": "ปรับปรุง", "unchanged": "ไม่เปลี่ยน", "rejected": "ปฏิเสธ"}
IMPORT_HISTORY_NONE = "ยังไม่มีการนำเข้า"
IMPORT_ALL_WITHDRAWN = "ทุกการนำเข้าถูกถอนแล้ว"
IMPORT_WITHDRAW_CHOICE = "ถอนการนำเข้า"
IMPORT_WITHDRAW_PLACEHOLDER = "เลือกการนำเข้าที่จะถอน"
IMPORT_WITHDRAW = "ถอนการนำเข้านี้…"
IMPORT_WITHDRAW_WARNING = (
    "จะถอนการนำเข้า #{source_id} ไฟล์ {file_name} ค่าที่ไฟล์นี้ให้ไว้และยังใช้อยู่ "
    "{current_facts:,} ค่า จะกลับเป็นค่าจากการนำเข้าก่อนหน้าของหน่วยงานและปีเดียวกัน "
    "หรือถูกนำออกถ้าไม่เคยมีค่าอื่น การนำเข้าอื่นไม่เปลี่ยน และประวัติยังบันทึกว่าใครถอนเมื่อใด"
)
IMPORT_CONFIRM_WITHDRAW = "ยืนยันการถอน"
IMPORT_WITHDRAW_SHOW_DEMO = "แสดงข้อมูลสมมุติ (ข้อมูลสาธิต) ในรายการที่ถอนได้"
IMPORT_WITHDRAW_DEMO_CONFIRM = "เข้าใจแล้วว่านี่คือข้อมูลสมมุติของหน่วยงานทั้งหมด {orgs:,} แห่ง การถอนจะนำหน่วยงานสมมุติและคะแนนทั้งหมดออก"
IMPORT_CANCEL = "ยกเลิก"

# --- sign-in and roles (pages.access) -----------------------------------------------------------

SIGN_IN = "เข้าสู่ระบบ"
SIGN_OUT = "ออกจากระบบ"
SIGN_IN_CAPTION = "ดูข้อมูลได้โดยไม่ต้องเข้าสู่ระบบ ผู้แก้ไขเข้าสู่ระบบเพื่อนำเข้าข้อมูล"
ROLE_EDITOR = "ผู้แก้ไข: นำเข้าและถอนข้อมูลได้"
ROLE_VIEWER = "ผู้อ่าน: ดูข้อมูลได้อย่างเดียว"
# Who signed in without an e-mail or a name the provider states.
NAME_UNKNOWN = "ไม่ทราบชื่อ"
# Why a session cannot import or withdraw, by its access mode ("{who}": the signed-in account).
WRITE_REFUSED_REASONS = {
    "anonymous": "การนำเข้าและถอนข้อมูลทำได้เฉพาะผู้แก้ไขที่เข้าสู่ระบบแล้ว กดปุ่ม “เข้าสู่ระบบ” ในแถบด้านข้าง "
    "แล้วลงชื่อด้วยบัญชีของหน่วยงาน (only signed-in editors can import: sign in from the sidebar)",
    "viewer": "บัญชี {who} ดูข้อมูลได้แต่ไม่ได้อยู่ในรายชื่อผู้แก้ไข จึงนำเข้าหรือถอนข้อมูลไม่ได้ "
    "หากต้องนำเข้า ขอให้ผู้ดูแลระบบเพิ่มอีเมลนี้ใน [access] editors ของ .streamlit/secrets.toml "
    "(this account may read but is not an editor)",
    "network": "เซิร์ฟเวอร์นี้เปิดให้เครื่องอื่นเข้าถึงได้ (หรือเปิดผ่านเครื่องอื่น) แต่ยังไม่ได้ตั้งค่าการเข้าสู่ระบบ จึงปิดการนำเข้าผ่านเบราว์เซอร์ "
    "ผู้ดูแลระบบตั้งค่า [auth] และ [access] editors ใน .streamlit/secrets.toml (ดู README: การเข้าสู่ระบบ) "
    "หรือนำเข้าด้วยคำสั่ง python -m ita_data import-table / ingest บนเครื่องเซิร์ฟเวอร์ "
    "(browser imports are off on a network server without sign-in)",
}
