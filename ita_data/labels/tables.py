"""Messages of the result-table reader and its command (Thai first, a short English gloss)."""

from __future__ import annotations

# --- the file: its name, size and text ----------------------------------------------------------
# "{name}" is the file name as ita_data.tables.limits.quoted shows it; so is every "{value}" from a cell.

TABLE_FILE_KIND = (
    "ไฟล์ {name}: รับเฉพาะไฟล์ .csv หรือ .xlsx (only CSV and XLSX result tables are accepted; save an .xls file "
    "as .xlsx first)"
)
TABLE_FILE_TOO_LARGE = (
    "ไฟล์ {name} ใหญ่ {size_mb:.1f} MB เกินขนาดสูงสุด {limit_mb} MB (file too large; split it by province or year)"
)
TABLE_FILE_EMPTY = "ไฟล์ {name} ว่างเปล่า (the file is empty)"
TABLE_UTF16_UNDECODABLE = (
    "ไฟล์ {name} ขึ้นต้นแบบ UTF-16 แต่ถอดรหัสไม่ได้ (starts with a UTF-16 byte-order mark but does not decode; "
    "save it again as 'CSV UTF-8')"
)
TABLE_UTF16_NO_BOM_UNDECODABLE = (
    "ไฟล์ {name} ดูเหมือนเข้ารหัส UTF-16 แต่ไม่มีเครื่องหมายลำดับไบต์ (BOM) และถอดรหัสไม่ได้ (looks like UTF-16 "
    "without a byte-order mark, and does not decode; save it again as 'CSV UTF-8')"
)
TABLE_UTF16_NO_BOM = (
    "ไฟล์เข้ารหัส {encoding} โดยไม่มีเครื่องหมายลำดับไบต์ (BOM) จึงอ่านตามรูปแบบของไบต์: ตรวจชื่อในตัวอย่างก่อนยืนยัน "
    "(UTF-16 without a byte-order mark, read by its byte pattern; check the names below, or save the file as "
    "'CSV UTF-8')"
)
TABLE_NOT_UTF8_OR_CP874 = (
    "อ่านตัวอักษรในไฟล์ {name} ไม่ได้: the file is neither UTF-8 nor Thai Windows (cp874); save it again as 'CSV UTF-8'"
)
TABLE_LATIN_NOT_THAI = (
    "ไฟล์ {name} ไม่ใช่ภาษาไทยแบบ Windows (cp874): บรรทัด {line} อ่านได้เป็น {text} ซึ่งน่าจะเป็นอักษรละติน "
    "{as_latin} (the file looks like Latin-1/Windows-1252, not Thai; it was not read — save it again as "
    "'CSV UTF-8')"
)

# --- a CSV's records, and an XLSX as its reader refuses it ---------------------------------------

TABLE_CSV_LINE = "บรรทัด {line}"
TABLE_CSV_CELL = "เซลล์ {cell}"
TABLE_CSV_UNREADABLE = "ไฟล์ {name} บรรทัด {line}: อ่านเป็น CSV ไม่ได้ ({reason})"
TABLE_CSV_TOO_MANY_ROWS = "ไฟล์ {name} มีเกิน {limit:,} แถว (more than {limit:,} rows; split it)"
TABLE_CSV_TOO_MANY_COLUMNS = (
    "ไฟล์ {name} บรรทัด {line} มี {count:,} คอลัมน์ เกิน {limit} (more than {limit} columns: is the delimiter right?)"
)
TABLE_CSV_TOO_MANY_CELLS = "ไฟล์ {name} มีเกิน {limit:,} เซลล์ (too many cells; split it)"
# "{where}" is TABLE_CSV_LINE or TABLE_CSV_CELL.
TABLE_CSV_CELL_TOO_LONG = (
    "ไฟล์ {name} {where}: ข้อความยาวเกิน {limit:,} ตัวอักษร (a cell longer than {limit:,} characters, Excel's own "
    "limit: is this really a result table?)"
)
TABLE_XLSX_REFUSED = "ไฟล์ {name}: {reason}"  # "{reason}": one of the TABLE_XLSX_ messages below

# An XLSX workbook, part by part and cell by cell (ita_data.tables.xlsx); "{sheet}" is quoted.
TABLE_XLSX_OLD_OR_LOCKED = (
    "ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) หรือมีรหัสผ่าน ไม่ใช่ .xlsx (an old .xls or a password-protected "
    "workbook: remove the password and save it as .xlsx)"
)
TABLE_XLSX_UNOPENABLE = "เปิดไฟล์ Excel ไม่ได้: {reason} (is it really an .xlsx workbook?)"
TABLE_XLSX_TOO_MANY_PARTS = (
    "ไฟล์ Excel มี {count:,} ส่วน เกิน {limit:,} (the workbook has too many parts for a result table)"
)
TABLE_XLSX_TOO_LARGE = (
    "ไฟล์ Excel ขยายได้ {size:,} ไบต์ เกินขนาดสูงสุด {limit:,} ไบต์ (uncompressed size too large for a result "
    "table; split it by province or year)"
)
TABLE_XLSX_RATIO = (
    "ส่วน {part} ในไฟล์ Excel ขยายจาก {compressed:,} เป็น {size:,} ไบต์ (more than {ratio}× its compressed "
    "size: not a spreadsheet a person made; refused)"
)
TABLE_XLSX_BROKEN_PART = (
    "ส่วน {part} ของไฟล์ Excel เสียหาย อ่านไม่ได้ที่บรรทัด {line} ตำแหน่ง {offset} ({reason}: the XML is not "
    "well-formed; open the file in Excel or LibreOffice and save it again)"
)
TABLE_XLSX_DTD = (
    "ส่วน {part} ของไฟล์ Excel มีการประกาศ DTD/entity ซึ่งสเปรดชีตไม่ใช้ (the part declares a DTD or entities; refused)"
)
TABLE_XLSX_TOO_MANY_SHEETS = "ไฟล์ Excel มีชีตเกิน {limit} ชีต (too many sheets)"
TABLE_XLSX_MISSING_SHEET = "ไม่พบชีต {sheet} ในไฟล์ (the workbook lists a sheet it lacks)"
TABLE_XLSX_TEXT_TOO_LONG = (
    "ข้อความในไฟล์ยาว {length:,} ตัวอักษร เกิน {limit:,} (a text longer than one cell may hold; is this a result table?)"
)
TABLE_XLSX_TOO_MANY_TEXTS = "ไฟล์ Excel มีข้อความเกิน {limit:,} รายการ (too many texts)"
TABLE_XLSX_TOO_MANY_CELLS = "ไฟล์ Excel มีเกิน {limit:,} เซลล์ (too many cells)"
TABLE_XLSX_BAD_REFERENCE = "อ่านตำแหน่งเซลล์ {reference} ไม่ได้ (cell reference not understood)"
TABLE_XLSX_CELL = "ชีต {sheet} เซลล์ {cell}"
# "{where}" is TABLE_XLSX_CELL.
TABLE_XLSX_CELL_ROWS = "{where}: เกิน {limit:,} แถว (too many rows)"
TABLE_XLSX_CELL_COLUMNS = "{where}: เกินคอลัมน์ {last} (more than {limit} columns; delete what lies beyond the table)"
TABLE_XLSX_CELL_TOO_LONG = "{where}: ยาว {length:,} ตัวอักษร เกิน {limit:,} (longer than a cell may hold)"
TABLE_XLSX_CELL_NO_TEXT = "{where}: อ้างถึงข้อความที่ {index} ซึ่งไม่มีในไฟล์ (refers to a shared text the file does not hold)"
TABLE_XLSX_ROWS = "ชีต {sheet} แถว {row:,}: เกิน {limit:,} แถว (too many rows)"
TABLE_XLSX_DIMENSION = (
    "ชีต {sheet} ระบุขนาด {reference} เกิน {rows:,} แถว หรือ {columns} คอลัมน์ (the sheet declares more rows or "
    "columns than a result table has)"
)
TABLE_XLSX_TOO_MANY_MERGES = "ชีต {sheet} มีช่วงเซลล์ที่ผสานเกิน {limit:,} ช่วง (too many merged ranges)"
TABLE_XLSX_MERGED_CELLS = (
    "ชีต {sheet}: ช่วงเซลล์ที่ผสานครอบเกิน {limit:,} เซลล์ (merged ranges cover too many cells; unmerge them and "
    "fill the values in)"
)

# --- the header and its columns --------------------------------------------------------------

# A field as a person reads it when its column is missing or a cell of it is at fault.
TABLE_FIELD_LABELS = {
    "name": "ชื่อหน่วยงาน (organization)",
    "org_type": "ประเภท (type)",
    "district": "อำเภอ (district)",
    "province": "จังหวัด (province)",
    "fiscal_year": "ปีงบประมาณ (fiscal_year)",
    "total_score": "คะแนนรวม (total)",
    "level_reported": "ระดับ (level)",
    "province_rank_reported": "ลำดับในจังหวัด (province_rank)",
    "province_rank_of": "จำนวนหน่วยงานในจังหวัด (province_rank_of)",
}
TABLE_HEADER_FORMULAS = (
    "ไม่พบแถวหัวตารางใน {name}: {count:,} เซลล์ในแถวต้น ๆ เป็นสูตรที่ไม่มีค่าที่คำนวณไว้ เช่น ชีต {sheet} เซลล์ "
    "{cell} (formulas whose results the file does not keep: open it in Excel or LibreOffice and save it again)"
)
TABLE_NO_HEADER = (
    "ไม่พบแถวหัวตารางใน {name}: no header row naming the organisation (e.g. ชื่อหน่วยงาน or organization) in the "
    "first {rows} rows"
)
# Two columns or more naming one field: "'ปี' (column A), 'year' (column F) → fiscal_year; …".
TABLE_SAME_FIELD = "หลายคอลัมน์มีความหมายเดียวกัน: {clashes}; rename or remove one of them"
TABLE_SAME_FIELD_CLASH = "{columns} → {field}"
TABLE_SAME_FIELD_COLUMN = "{header} (column {letter})"
TABLE_MISSING_COLUMNS = "ไม่พบคอลัมน์ {fields} ในแถวหัวตาราง (row {row}); columns read: {found}"
TABLE_UNKNOWN_COLUMN = (
    "คอลัมน์ {header} (column {letter}) ไม่รู้จัก จึงไม่นำเข้า: not a known column; known ones include ชื่อหน่วยงาน, "
    "ประเภท, อำเภอ, จังหวัด, ปีงบประมาณ, คะแนนรวม, ระดับ, IIT/EIT/OIT, ตัวชี้วัดที่ 1-10, item codes such as o12, "
    "ลำดับในจังหวัด"
)
TABLE_NO_HEADER_COLUMN = "column {letter}"  # in the list of columns not read
TABLE_DATA_WITHOUT_HEADER = "คอลัมน์ {letter} ไม่มีหัวตาราง จึงไม่นำเข้า (data under no header, ignored)"
TABLE_TOOLS_CHECKED = (
    "คอลัมน์ {tools} ใช้ตรวจสอบเท่านั้น: checked against the indicators, not stored (the dashboard computes tool "
    "scores from indicators 1-10)"
)

# --- the file as a whole ---------------------------------------------------------------------

TABLE_SHEET_NOT_READ = "ไม่ได้อ่านชีต {title} (only sheet {sheet} is read)"
TABLE_MERGED_ACROSS = (
    "เซลล์ {span} ผสานข้ามคอลัมน์ ค่าเดียวกันจึงถูกอ่านในทุกคอลัมน์ที่ครอบ ({fields}) (cells merged across columns: "
    "each column reads the same value)"
)
TABLE_MERGED_DOWN = (
    "เซลล์ {span} ผสานข้ามแถว ทุกแถวที่ครอบจึงได้ค่า {field} เดียวกัน (a score merged down several rows: each row "
    "reads the same value)"
)
TABLE_NO_ROWS = (
    "ไฟล์ {name} มีแถวหัวตาราง (แถว {row}) แต่ไม่มีแถวข้อมูล จึงไม่มีอะไรให้บันทึก (no rows: the file has a header "
    "and no data rows; nothing will be stored)"
)

# How far reading has come, for a progress bar.
TABLE_PROGRESS_READING = "อ่านไฟล์ (reading the file)"
TABLE_PROGRESS_ROWS = "ตรวจแถว {done:,}/{total:,} (checking rows)"
TABLE_PROGRESS_DONE = "ตรวจครบ (checked)"

# --- a row: the label before each of its messages, and the cell a message names ----------------------

TABLE_ROW_LABEL = "{name}{year}: "  # "{name}" quoted; "{year}" is TABLE_ROW_LABEL_YEAR or empty
TABLE_ROW_LABEL_YEAR = " ปี {year}"
TABLE_AT_CELL = " [เซลล์ {cell}]"
TABLE_ROW_FORMULAS = (
    "เซลล์ {cells} เป็นสูตรที่ไฟล์ไม่ได้เก็บผลลัพธ์ไว้ จึงอ่านค่าไม่ได้ (formulas without a saved result were not "
    "read: open the file in Excel or LibreOffice and save it again, or paste the values)"
)
TABLE_DUPLICATE_ROW = (
    "ซ้ำกับแถว {first} จ.{province} (duplicate: rows {first} and {row} are the same organisation and year)"
)
TABLE_NOTHING_TO_STORE = "ไม่มีคะแนนหรือระดับให้บันทึก (no score, level or item in this row)"
TABLE_ITEM_NOT_IN_YEAR = (
    "ข้อ {code} ไม่อยู่ในรายการข้อของปี {year} (item not in FY{year}'s catalogue; stored without an indicator)"
)

# The organisation of a row.
TABLE_NAME_MISSING = "ไม่มีชื่อหน่วยงาน (organisation name missing)"
TABLE_TYPE_DISAGREES = (
    "{name}: ชื่อระบุประเภท {name_type} แต่คอลัมน์ประเภทเป็น {type_text} (the name and the type column disagree)"
)
TABLE_PROVINCE_MISSING = "{name}: ไม่ระบุจังหวัด (province missing; without it namesakes in other provinces merge)"
TABLE_PLACE_REFUSED = "{name}: {reason}"  # "{reason}": why ita_data.orgs found no such place

# What a cell holds: "{what}" names the value (TABLE_WHAT_…), "{value}" is the cell quoted.
TABLE_WHAT_TOTAL = "คะแนนรวม"
TABLE_WHAT_INDICATOR = "ตัวชี้วัดที่ {number}"
TABLE_WHAT_ITEM = "ข้อ {code}"
TABLE_WHAT_RANK_OF = "จำนวนหน่วยงานในจังหวัด"
TABLE_NOT_A_NUMBER = "{what}: {value} ไม่ใช่ตัวเลข (not a number)"
TABLE_NOT_A_NUMBER_LEAVE_EMPTY = (
    "{what}: {value} ไม่ใช่ตัวเลข หากไม่มีคะแนนให้เว้นว่าง (not a number; leave the cell empty when there is no score)"
)
TABLE_SCORE_NOT_DIGITS = (
    "{what}: {value} ไม่ใช่ตัวเลข (not a number: expected digits with at most one decimal point, e.g. 85.5 or ๘๕.๕)"
)
TABLE_SCORE_COMMA = (
    "{what}: {value} มีจุลภาค (,) ซึ่งไม่ใช้ในคะแนน: ใช้จุด (.) เป็นจุดทศนิยม เช่น 85.5 (a comma is not read in a "
    "score, neither as a decimal nor a thousands separator; write 85.5)"
)
TABLE_SCORE_OUT_OF_RANGE = "{what} = {number:g} อยู่นอกช่วง 0–100 (a score must be 0-100)"
TABLE_PERCENT_CELL = (
    "{what}: เซลล์จัดรูปแบบเป็นร้อยละ ({number:g}%) อ่านเป็น {number:g} คะแนน (a percentage-formatted cell holding "
    "{fraction:g}; read as {number:g} points of 100)"
)
TABLE_PERCENT_TEXT = (
    "{what}: {value} เขียนเป็นร้อยละ อ่านเป็น {number:g} คะแนน (written as a percentage; read as {number:g} points of 100)"
)
TABLE_NOT_A_COUNT = "{what} {value} ไม่ใช่จำนวนเต็ม (expected a whole number such as 12)"
TABLE_YEAR_MISSING = "ไม่ระบุปีงบประมาณ (fiscal year missing)"
TABLE_YEAR_UNREADABLE = "ปีงบประมาณ {value} อ่านไม่ได้ (expected a B.E. year such as 2566)"
TABLE_YEAR_IS_CE = "ปี {year} เป็นปี ค.ศ.: ITA uses Buddhist Era fiscal years; write {be_year} (= C.E. {year})"
TABLE_YEAR_NOT_IN_RULES = "ปีงบประมาณ {year} ไม่มีเกณฑ์ ITA: the rules cover FY{first}-FY{last}"
TABLE_RANK_UNREADABLE = "ลำดับในจังหวัด {value} อ่านไม่ได้ (expected e.g. 3 or 3/12)"
TABLE_RANK_BELOW_ONE = "ลำดับในจังหวัด {rank} ต้องเป็น 1 ขึ้นไป (a rank starts at 1)"
TABLE_CONTROL_CHARACTER = (
    "{field} {value} มีอักขระควบคุม U+{code:04X} (a control character: the file may be damaged or not plain text; "
    "remove it)"
)

# What the indicators do not give: warnings, the row is stored as written.
TABLE_TOTAL_DIFFERS = (
    "คะแนนรวม {total:.2f} ไม่ตรงกับที่คำนวณจากตัวชี้วัด {computed:.2f} (total differs from {iit:g}·IIT + {eit:g}·EIT "
    "+ {oit:g}·OIT of the indicators with FY{year} weights; stored as written)"
)
TABLE_TOOL_DIFFERS = "{tool} {value:.2f} ไม่ตรงกับค่าเฉลี่ยตัวชี้วัด {mean:.2f} ({tool} differs from the mean of its indicators)"
TABLE_LEVEL_UNKNOWN = "ระดับ {level!r} ไม่ใช่ระดับที่รู้จัก (unknown level label; kept as written, FY{year} uses {levels})"
TABLE_LEVEL_DIFFERS = (
    "ระดับ {level} ต่างจากระดับตามเกณฑ์ปี {year} ({computed}) (the reported level differs from the official rule; "
    "both are kept)"
)
TABLE_RANK_OVER_COUNT = "ลำดับ {rank} มากกว่าจำนวน {of} (rank greater than the number ranked)"

# --- python -m ita_data import-table ---------------------------------------------------------

TABLE_CLI_READ = "{name}: {rows:,} rows read{sheet}{encoding}"
TABLE_CLI_SHEET = ", sheet {sheet}"
TABLE_CLI_ENCODING = ", {encoding}"
TABLE_CLI_WARNINGS = "คำเตือน (warnings):"
TABLE_CLI_REJECTED = "ปฏิเสธ (rejected):"
TABLE_CLI_ROW = "  แถว {row}: {reason}"
TABLE_CLI_STORED = "rejected 0; source {source}; {seconds:.2f} s"
TABLE_CLI_NOT_STORED = "rejected {count}"

# Storing a checked table (tables.commit): what it did, and the steps the progress bar names.
TABLE_NOT_IMPORTED = "ไม่ได้นำเข้า: {problems} ปัญหาใน {rows} แถว (nothing was stored; fix the rows below and import again)"
TABLE_IMPORTED = (
    "{verb}เพิ่ม {added:,} แถว, {verb}ปรับปรุง {updated:,} แถว, ไม่เปลี่ยน {unchanged:,} แถว "
    "(added {added:,}, updated {updated:,}, unchanged {unchanged:,}{dry_run})"
)
TABLE_WOULD = "จะ"  # before a verb in a dry run: "would add"
TABLE_DISTRICT_KEPT = "{org}: ฐานข้อมูลระบุอำเภอ{stored} แต่ไฟล์ระบุ {given} (the stored district is kept)"
TABLE_ROW_LOCATION = "แถว {row}"
TABLE_SHEET_LOCATION = " แผ่นงาน {sheet}"
TABLE_PROGRESS_COMPARING = "เปรียบเทียบกับข้อมูลเดิม (comparing with the stored data)"
TABLE_PROGRESS_ORGANISATIONS = "บันทึกหน่วยงาน (organisations)"
TABLE_PROGRESS_SCORES = "บันทึกคะแนน (scores)"
TABLE_PROGRESS_DERIVED = "ปรับตารางสรุป (derived tables)"
TABLE_PROGRESS_STORED = "เสร็จ (done)"
