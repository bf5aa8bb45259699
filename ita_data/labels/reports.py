"""Messages of the document and report readers and of ingesting reports (Thai first, a short English gloss)."""

from __future__ import annotations

# --- the report reader and importer: messages ---------------------------------------------------
# Each message names its file first ("{name}: "), says in Thai what happened, and may end with a short
# English gloss in parentheses. Warnings about a report's content carry no file name: they are shown
# beside the file they belong to.

REPORT_EMPTY = "{name}: ไฟล์ว่างเปล่า ไม่มีข้อความ (the file is empty)"
REPORT_KIND_GUESSED = (
    "{name}: ไม่มีชื่อเรื่องที่บอกว่าเป็นรายงานวิเคราะห์ผลการประเมินหรือรายงานผลการดำเนินการตามมาตรการ "
    "จึงอ่านเป็น{kind} (no title says which kind of report; read as {kind_en})"
)
REPORT_NO_ORGANIZATION = "{name}: ไม่พบชื่อหน่วยงาน (เทศบาล…/องค์การบริหารส่วน…/อบต./ทต. …) (no organisation found)"
REPORT_NO_FISCAL_YEAR = "{name}: ไม่พบปีงบประมาณ (ปีงบประมาณ พ.ศ. …) (no fiscal year found)"
REPORT_NO_FACTS = "{name}: ไม่พบคะแนน ระดับ ลำดับ หรือมาตรการ (no score, level, rank or measure found)"
REPORT_NOT_ITA = (
    "{name}: ไม่ใช่รายงานวิเคราะห์ผลการประเมิน ITA หรือรายงานผลการดำเนินการตามมาตรการ จึงไม่อ่านคะแนน ระดับ "
    "หรือมาตรการจากเอกสารนี้ (not an ITA analysis or measures report)"
)
REPORT_TOO_LARGE = "{name}: ไฟล์ใหญ่ {size:.1f} MB เกินขนาดที่รับได้ {limit} MB (file too large for a report)"
REPORT_IS_FOLDER = "{path}: เป็นโฟลเดอร์ ไม่ใช่ไฟล์รายงาน (a folder, not a report file)"
REPORT_NO_SUCH_FILE = "{path}: ไม่พบไฟล์ (no such file)"
REPORT_PERMISSION_DENIED = "{path}: ไม่มีสิทธิ์อ่านไฟล์ (permission denied)"
REPORT_CANNOT_READ = "{path}: อ่านไฟล์ไม่ได้ (cannot be read: {reason})"

# Bytes that are not a text report, by what they start with; then text in an older Thai encoding.
REPORT_NOT_TEXT = {
    "pdf": "{name}: เป็นไฟล์ PDF ให้แปลงเป็นข้อความก่อน เช่น ด้วย pdftotext (a PDF file; extract its text first)",
    "zip": "{name}: เป็นไฟล์ zip หรือ Word (.docx) ให้บันทึกเป็นข้อความก่อน (a zip or Word file; save it as text first)",
    "old_office": "{name}: เป็นไฟล์ Word/Excel รุ่นเก่า ให้บันทึกเป็นข้อความก่อน (an old Word/Excel file; save it as text first)",
    "image": "{name}: เป็นไฟล์ภาพ ไม่ใช่รายงานที่เป็นข้อความ (an image, not a text report)",
    "nul": "{name}: เป็นข้อมูลไบนารี (มีไบต์ NUL) ไม่ใช่รายงานที่เป็นข้อความ (binary data, not a text report)",
    "control": "{name}: เป็นข้อมูลไบนารี (มีอักขระควบคุมจำนวนมาก) ไม่ใช่รายงานที่เป็นข้อความ (binary data, not a text report)",
}
REPORT_LEGACY_ENCODING = "{name}: ไม่ใช่ UTF-8 จึงอ่านเป็น TIS-620/cp874 (not UTF-8; read as TIS-620/cp874)"
REPORT_BYTES_REPLACED = (
    "{name}: ไม่ใช่ UTF-8 หรือ TIS-620 แทนไบต์ที่อ่านไม่ได้ {count} ไบต์ด้วย � "
    "(not valid UTF-8 or TIS-620; {count} undecodable byte(s) replaced)"
)

# What a report's content makes the reader doubt; the value the reader kept is named.
REPORT_MISNUMBERED_INDICATOR = (
    "ตัวชี้วัด '{indicator_name}' พิมพ์เป็นตัวชี้วัดที่ {printed}; อ่านเป็นตัวชี้วัดที่ {indicator} ตามชื่อ "
    "(printed as indicator {printed}; read as indicator {indicator}: the name decides)"
)
REPORT_UNKNOWN_PROVINCE = "ไม่รู้จักจังหวัด {province!r} จึงไม่ระบุจังหวัด (not a province geothai knows; left out)"
REPORT_UNKNOWN_DISTRICT = (
    "ไม่พบอำเภอ {district!r} ในจังหวัด{province} จึงไม่ระบุอำเภอ (not a district of that province in geothai; left out)"
)
REPORT_RANK_OVER_COUNT = "ลำดับที่ {rank} มากกว่าจำนวนที่จัดลำดับ ({of}) (rank {rank} is larger than the {of} ranked)"
REPORT_SCORE_CONFLICT = (
    "{what} {key}: ตารางคะแนนให้ {kept:.2f} (บรรทัด {kept_line}) แต่บรรทัด {other_line} เขียน {other:.2f}; "
    "ใช้ {kept:.2f} ({what_en} {key}: kept {kept:.2f} from the score table, not {other:.2f})"
)
REPORT_SCORE_KINDS = {"indicator": "ตัวชี้วัด", "item": "ข้อ"}
REPORT_YEAR_TABLE_CONFLICT = (
    "{fact}: ตารางเปรียบเทียบปีให้ {value} (บรรทัด {line}) แต่บรรทัด {where} เขียน {old}; ใช้ค่าในตาราง "
    "({key}: kept the table of years' value)"
)
REPORT_ITEM_NOT_IN_YEAR = (
    "ข้อ {code} ไม่อยู่ในรายการข้อของปีงบประมาณ {year}; ไม่ใช้คะแนนนี้ (item {code} is not in the FY{year} catalogue; left out)"
)
REPORT_YEAR_NOT_IN_RULES = (
    "ปีงบประมาณ {year} ไม่อยู่ในเกณฑ์ ITA (ita_data/rules/years.csv) จึงไม่ได้ตรวจข้อ "
    "(FY{year} is not in the ITA rules; items not checked)"
)
REPORT_TOTAL_DIFFERS = (
    "คะแนนรวมที่พิมพ์ {printed:.2f} ไม่ตรงกับ {computed:.2f} ที่คำนวณจากคะแนน ๑๐ ตัวชี้วัดตามน้ำหนักปีงบประมาณ {year} "
    "(printed total differs from {computed:.2f} computed with the FY{year} weights)"
)

# One line per report for the parse command: who, which year, what was found.
REPORT_SUMMARY_NO_ORGANIZATION = "(ไม่พบชื่อหน่วยงาน)"
REPORT_SUMMARY_YEAR = "ปีงบประมาณ {year}"
REPORT_SUMMARY_NO_YEAR = "ปีงบประมาณ ?"
REPORT_SUMMARY_TOTAL = "คะแนนรวม {total:.2f}"
REPORT_SUMMARY_LEVEL = "ระดับ {level}"
REPORT_SUMMARY_RANK = "ลำดับในจังหวัด {rank}"
REPORT_SUMMARY_COUNTS = "ตัวชี้วัด {indicators} ข้อ {items} มาตรการ {measures} คำเตือน {warnings}"

# Storing a report: why nothing was stored, or what was.
INGEST_NOT_A_REPORT = "ไม่ใช่รายงาน ข้ามไป (not a report; skipped)"
INGEST_ALREADY_STORED = "บันทึกไว้แล้ว รหัสแหล่งข้อมูล {source} (already stored, source {source})"
INGEST_NOTHING_STORED = "{reason} จึงไม่ได้บันทึกสิ่งใด (nothing stored)"
INGEST_NOT_ITA = (
    "ไม่ใช่รายงานวิเคราะห์ผลการประเมิน ITA หรือรายงานผลการดำเนินการตามมาตรการ จึงไม่ได้บันทึกสิ่งใด "
    "(not an ITA analysis or measures report; nothing stored)"
)
INGEST_NO_ORGANIZATION = "ไม่พบชื่อหน่วยงานในรายงาน จึงไม่ได้บันทึกสิ่งใด (no organisation found; nothing stored)"
INGEST_NO_FISCAL_YEAR = "ไม่พบปีงบประมาณในรายงาน จึงไม่ได้บันทึกสิ่งใด (no fiscal year found; nothing stored)"
INGEST_NO_FACTS = (
    "ไม่พบคะแนน ระดับ ลำดับ หรือมาตรการ จึงไม่ได้บันทึกสิ่งใด (no score, level, rank or measure found; nothing stored)"
)
INGEST_DATABASE_REFUSED = "{name}: ฐานข้อมูลไม่รับรายงานนี้ จึงไม่ได้บันทึกสิ่งใดจากไฟล์นี้ (database refused the report: {error})"
INGEST_OCR_HELD = (
    "{name}: ตัวเลข {count} ค่าอ่านด้วย OCR ยังไม่ได้บันทึก ต้องยืนยันก่อน ({keys}) ยืนยันได้ที่หน้านำเข้าข้อมูล "
    "หรือด้วย --accept-ocr (numbers read by OCR are held until confirmed)"
)
IMPORT_OCR_CAPTION = (
    "ตัวเลขจากภาพสแกนอาจอ่านผิด เทียบกับภาพหน้าเอกสารก่อน ถ้าไม่ยืนยันจะบันทึกเฉพาะส่วนที่ไม่ใช่ OCR "
    "และถ้าปีงบประมาณอ่านด้วย OCR จะยังไม่บันทึกสิ่งใดจากไฟล์นี้"
)
INGEST_YEAR_HELD = (
    "ปีงบประมาณ ({year}) อ่านด้วย OCR ต้องยืนยันกับภาพก่อน จึงยังไม่ได้บันทึกสิ่งใด "
    "(the fiscal year was read by OCR; nothing stored until it is confirmed)"
)
INGEST_WARNINGS_NOTE = "คำเตือน {count} รายการ"
INGEST_STORED = (
    "{who} ปีงบประมาณ {year}: คะแนนตัวชี้วัด {indicators} ค่า คะแนนรายข้อ {items} ค่า "
    "มาตรการ {measures} รายการ (รหัสแหล่งข้อมูล {source})"
)

# A batch of documents: how far each was read, and what is added to its reason.
READ_FULLY, READ_PARTLY, NOT_READ = "อ่านได้ครบ", "อ่านได้บางส่วน", "อ่านไม่ได้"
OUTCOME_PAGES_UNREAD = "; หน้าที่อ่านไม่ได้: {pages} (pages not read)"
OUTCOME_OCR_HELD = "; ตัวเลขจาก OCR รอการยืนยัน (OCR numbers held until confirmed)"

# The parse and ingest commands.
CLI_ERROR = "ผิดพลาด (error): {message}"
CLI_WARNING = "  คำเตือน (warning): {message}"
CLI_FILE_ERROR = "{name}: ไม่ได้บันทึก (error) - {reason}"
CLI_FILE_WARNING = "  {name}: คำเตือน (warning): {message}"
CLI_NO_FILES_TO_TIME = "ไม่มีไฟล์ให้จับเวลา ค้นหาใน {folder} (no files to time)"
CLI_FILES_TOTAL = "รวม {count} ไฟล์"

REPORT_IS_RESULT_TABLE = (
    "{name}: เป็นตารางผลการประเมินของหลายหน่วยงาน (เช่น หน้าผลการประเมินจากระบบ ITAS) ไม่ใช่รายงานของหน่วยงาน "
    "ให้นำเข้าที่แท็บตารางผลการประเมิน หรือ python -m ita_data import-table (a result table of many organisations, "
    "not one organisation's report: import it as a table)"
)
