"""The words of links, downloads and the data API (``/api/v1/``): what a file's header and filters sheet
say, what a link that names nothing says, and the API's errors (Thai, with an English sentence beside)."""

from __future__ import annotations

# --- views that need a title of their own -------------------------------------------------------

VIEW_TRENDS = "แนวโน้มหลายปี"
VIEW_OPEN_MEASURES = "มาตรการที่ยังไม่เสร็จ"
VIEW_ORG_SCORES = "ตัวชี้วัดเทียบมัธยฐานจังหวัด"

# --- links -------------------------------------------------------------------------------------

LINK_VALUE_UNKNOWN = "ค่า “{value}” ของ {key} ไม่มีในตัวเลือก"
LINK_DISTRICT_NEEDS_PROVINCE = "ลิงก์ระบุอำเภอแต่ไม่ระบุจังหวัด จึงไม่รู้ว่าเป็นอำเภอใด ระบุจังหวัดด้วย (province)"
ORG_UNKNOWN_ID = "ไม่พบหน่วยงานรหัส “{value}”"
PAGE_NOT_FOUND = "ไม่พบหน้า “{path}” ในแดชบอร์ดนี้ เลือกหน้าที่ต้องการจากเมนูด้านล่างหรือด้านข้าง"
PAGE_NOT_FOUND_TITLE = "ไม่พบหน้าที่ต้องการ"

# --- downloads ---------------------------------------------------------------------------------

DATA_SHEET = "ข้อมูล"
FILTERS_SHEET = "ตัวกรอง"
FILE_LINK = "ลิงก์เปิดมุมมองนี้"
FILE_SYNTHETIC = "ข้อมูลสมมุติ"
FILE_TABLE = "ตาราง"
FILE_DATA_VERSION = "ข้อมูลฉบับ"

# --- the data API ------------------------------------------------------------------------------

API_UNKNOWN_VIEW = "ไม่มีข้อมูลชื่อ “{name}” ดูรายการที่ /api/v1/"
API_UNKNOWN_PARAM = "ข้อมูล “{view}” ไม่รับพารามิเตอร์ “{key}” รับเฉพาะ {accepted}"
API_REPEATED_PARAM = "พารามิเตอร์ “{key}” ระบุซ้ำ ระบุได้ครั้งเดียว"
API_QUERY_TOO_LONG = "ที่อยู่ยาวเกิน {limit:,} ตัวอักษร"
API_TOO_MANY_ROWS = "ผลลัพธ์มี {rows:,} แถว เกิน {limit:,} แถว เลือกจังหวัด ประเภท หรือปีให้แคบลง"
API_BRIEF_PICK = "รายงานสรุปต้องระบุจังหวัด (province)"
API_BRIEF_BUSY = "กำลังพิมพ์รายงานสรุปอื่นอยู่ ลองใหม่ในอีกสักครู่"
API_FAILED = "เกิดข้อผิดพลาดในการเตรียมข้อมูล ผู้ดูแลดูรายละเอียดได้ในบันทึกของเซิร์ฟเวอร์"
