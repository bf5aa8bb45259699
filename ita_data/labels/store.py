"""The database's messages: what went wrong opening, reading or writing it, and what a record lacks."""

from __future__ import annotations

# Opening and reading.
STORE_NEWER_SCHEMA = "ฐานข้อมูลเป็นรุ่น {version} ใหม่กว่าโปรแกรม (รุ่น {ours}): update the dashboard"
STORE_HELD_BY_OTHER = (
    "ฐานข้อมูล {path} ถูกเปิดเขียนโดยโปรแกรมอื่น{holder}: another process holds the file for "
    "writing (an older version of this program?). Close it and try again."
)
STORE_DISK_FULL_OPEN = "พื้นที่ดิสก์เต็ม: เปิดฐานข้อมูล {path} ไม่ได้ (no space left on the disk)"
STORE_NOT_A_DATABASE = (
    "ไฟล์ฐานข้อมูล {path} เสียหายหรือไม่ใช่ฐานข้อมูล DuckDB: the file is damaged or not a database "
    "({error}). Restore it from a backup, or build a new one with `python -m ita_data build` and import the "
    "sources again."
)
STORE_DAMAGED_PART = (
    "ไฟล์ฐานข้อมูล{where} เสียหาย อ่านข้อมูลบางส่วนไม่ได้: part of the database file is damaged "
    "({error}). Nothing was changed. Restore the file from a backup, or build "
    "a new one with `python -m ita_data build` and import the sources again."
)
STORE_CANNOT_READ = "อ่านฐานข้อมูล{where} ไม่ได้: {error}"
STORE_NOT_FOUND = "ไม่พบฐานข้อมูล {path}: run `python -m ita_data build` first"
STORE_KEPT_CHANGING = "เปิดฐานข้อมูล {path} ไม่ได้: it kept changing while being opened; try again"
STORE_READ_ONLY = "ฐานข้อมูล {path} เปิดแบบอ่านอย่างเดียว: cannot write"
STORE_UPGRADE_READ_ONLY_FOLDER = (
    "ฐานข้อมูล {path} ต้องปรับรุ่น แต่โฟลเดอร์นี้เขียนไม่ได้: the database needs an upgrade "
    "(a newer schema or edited ITA rules) and its folder is read-only; open it once where the "
    "folder is writable"
)

# Writing: the published file is always left as it was.
STORE_DISK_FULL_WRITE = (
    "พื้นที่ดิสก์เต็ม: บันทึกไม่สำเร็จ ฐานข้อมูล {path} ยังเหมือนเดิมทุกประการ "
    "(no space left on the disk; nothing was changed). Free some space and try again."
)
STORE_WRITE_FAILED = "บันทึกไม่สำเร็จ ฐานข้อมูล {path} ยังเหมือนเดิม (the write failed and nothing was changed: {error})"
# One writer at a time: who holds the lock ("PID 123 user 2026-…"), and how long one waits for it.
STORE_WAITING = "รอให้การบันทึกอีกรายการเสร็จก่อน ({holder}): waiting for another write"
STORE_BUSY = (
    "ฐานข้อมูลกำลังถูกบันทึกโดยโปรแกรมอื่น ({holder}) นานเกิน {seconds:.0f} วินาที: "
    "another write is still running; try again when it has finished"
)
STORE_NOT_EMPTY = (
    "ข้อมูลสมมุติใส่ได้เฉพาะฐานข้อมูลที่ว่างเปล่า: synthetic data goes into an empty database only (python -m ita_data build)"
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
WITHDRAW_NO_SUCH_SOURCE = "ไม่มีแหล่งข้อมูลหมายเลข {source_id}: no such source (python -m ita_data sources)"
WITHDRAW_ALREADY = "แหล่งข้อมูล {source_id} ({file_name}) ถูกถอนไปแล้วเมื่อ {when}: already withdrawn"
WITHDRAW_DONE = (
    "ถอนแหล่งข้อมูล {source_id} ({file_name}) แล้ว: ลบข้อมูล {facts:,} รายการ "
    "(เป็นค่าปัจจุบัน {current:,}) มาตรการ {measures:,} รายการ หน่วยงานที่มีเฉพาะในแหล่งนี้ {orgs:,} แห่ง; "
    "ค่าของ {keys:,} หน่วยงาน-ปี กลับไปตามแหล่งข้อมูลที่เหลือ "
    "(withdrew source {source_id}: {facts:,} facts, {measures:,} measures removed)"
)
