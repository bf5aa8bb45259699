"""The database's messages: what went wrong opening, reading or writing it, and what a record lacks."""

from __future__ import annotations

# Opening and reading.
STORE_NEWER_SCHEMA = "ฐานข้อมูลเป็นรุ่น {version} ใหม่กว่าโปรแกรม (รุ่น {ours}) ให้ปรับรุ่นแดชบอร์ดก่อน (update the dashboard)"
STORE_HELD_BY_OTHER = (
    "ฐานข้อมูล {path} ถูกเปิดเขียนโดยโปรแกรมอื่น{holder} ปิดโปรแกรมนั้นแล้วลองอีกครั้ง "
    "(another process holds the file for writing, an older version of this program?)"
)
STORE_DISK_FULL_OPEN = "พื้นที่ดิสก์เต็ม: เปิดฐานข้อมูล {path} ไม่ได้ (no space left on the disk)"
STORE_NOT_A_DATABASE = (
    "ไฟล์ฐานข้อมูล {path} เสียหายหรือไม่ใช่ฐานข้อมูล DuckDB ให้กู้คืนจากสำเนา หรือสร้างใหม่ด้วยคำสั่ง "
    "python -m ita_data build แล้วนำเข้าแหล่งข้อมูลอีกครั้ง (the file is damaged or not a database: {error})"
)
STORE_DAMAGED_PART = (
    "ไฟล์ฐานข้อมูล{where} เสียหาย อ่านข้อมูลบางส่วนไม่ได้ ไม่มีสิ่งใดเปลี่ยน ให้กู้คืนจากสำเนา หรือสร้างใหม่ด้วยคำสั่ง "
    "python -m ita_data build แล้วนำเข้าแหล่งข้อมูลอีกครั้ง (part of the database file is damaged: {error})"
)
STORE_CANNOT_READ = "อ่านฐานข้อมูล{where} ไม่ได้ (cannot read the database: {error})"
STORE_NOT_FOUND = "ไม่พบฐานข้อมูล {path} สร้างก่อนด้วยคำสั่ง python -m ita_data build (no database file)"
STORE_KEPT_CHANGING = "เปิดฐานข้อมูล {path} ไม่ได้เพราะไฟล์เปลี่ยนระหว่างเปิด ลองอีกครั้ง (it kept changing while being opened)"
STORE_READ_ONLY = "ฐานข้อมูล {path} เปิดแบบอ่านอย่างเดียว จึงบันทึกไม่ได้ (opened read-only: cannot write)"
STORE_UPGRADE_READ_ONLY_FOLDER = (
    "ฐานข้อมูล {path} ต้องปรับรุ่น (เกณฑ์ ITA หรือโครงสร้างใหม่กว่า) แต่โฟลเดอร์นี้เขียนไม่ได้ ให้เปิดครั้งหนึ่งในโฟลเดอร์ที่เขียนได้ "
    "(the database needs an upgrade and its folder is read-only)"
)

# Writing: the published file is always left as it was.
STORE_DISK_FULL_WRITE = (
    "พื้นที่ดิสก์เต็ม: บันทึกไม่สำเร็จ ฐานข้อมูล {path} ยังเหมือนเดิมทุกประการ ให้เพิ่มพื้นที่แล้วลองอีกครั้ง "
    "(no space left on the disk; nothing was changed)"
)
STORE_WRITE_FAILED = "บันทึกไม่สำเร็จ ฐานข้อมูล {path} ยังเหมือนเดิม (the write failed and nothing was changed: {error})"
# One writer at a time: who holds the lock ("PID 123 user 2026-…"), and how long one waits for it.
STORE_WAITING = "รอให้การบันทึกอีกรายการเสร็จก่อน ({holder}) (waiting for another write)"
STORE_BUSY = (
    "ฐานข้อมูลกำลังถูกบันทึกโดยโปรแกรมอื่น ({holder}) นานเกิน {seconds:.0f} วินาที ลองอีกครั้งเมื่อเสร็จแล้ว "
    "(another write is still running)"
)
STORE_NOT_EMPTY = (
    "ข้อมูลสมมุติใส่ได้เฉพาะฐานข้อมูลที่ว่างเปล่า ใช้คำสั่ง python -m ita_data build (synthetic data goes into an empty database only)"
)

# A record the store refuses: the record is named first ("{what}": organisation, year, fact).
DATA_NOT_A_NUMBER = "{what}: {value!r} is not a number"
DATA_OUT_OF_RANGE = "{what}: {score:g} is outside 0-100"
DATA_BAD_STATUS = "{what}: status {status!r} is not one of {choices}"
DATA_BAD_SOURCE_KIND = "source {file_name}: kind {kind!r} is not one of {choices}"
DATA_EMPTY_NAME = "organisation of type {type_code}: the name is empty"
DATA_BAD_RANK = "{what}: province rank {rank} must be 1 or more"
DATA_BAD_INDICATOR = "{what}: indicator {indicator!r} is not 1-10"

# Withdrawing a source.
WITHDRAW_NO_SUCH_SOURCE = "ไม่มีแหล่งข้อมูลหมายเลข {source_id} ดูรายการด้วยคำสั่ง python -m ita_data sources (no such source)"
WITHDRAW_ALREADY = "แหล่งข้อมูล {source_id} ไฟล์ {file_name} ถูกถอนไปแล้วเมื่อ {when} (already withdrawn)"
WITHDRAW_DONE = (
    "ถอนแหล่งข้อมูล {source_id} ไฟล์ {file_name} แล้ว: ลบข้อมูล {facts:,} รายการ "
    "(เป็นค่าปัจจุบัน {current:,}) มาตรการ {measures:,} รายการ หน่วยงานที่มีเฉพาะในแหล่งนี้ {orgs:,} แห่ง; "
    "ค่าของ {keys:,} หน่วยงาน-ปี กลับไปตามแหล่งข้อมูลที่เหลือ "
    "(withdrew source {source_id}: {facts:,} facts, {measures:,} measures removed)"
)
