"""What a document may cost, said when it costs more: the reader process's caps, an archive's budget,
a Word file's text part, an image's size, nesting. Each names the file first and the limit it passed."""

from __future__ import annotations

# --- the reader process (ita_data.reports.reading) ----------------------------------------------
READ_OVER_MEMORY = (
    "{name}: การอ่านไฟล์นี้ต้องใช้หน่วยความจำเกิน {mb:,} MB ที่กำหนดให้การอ่านเอกสารหนึ่งไฟล์ จึงหยุดอ่าน "
    "ไม่ได้บันทึกสิ่งใดจากไฟล์นี้ (reading it needed more than the {mb:,} MB memory cap of a document's reader)"
)
READ_STOPPED = (
    "{name}: อ่านไม่ได้ภายในหน่วยความจำ {mb:,} MB ที่กำหนดให้การอ่านเอกสารหนึ่งไฟล์ ตัวอ่านหยุดทำงานกลางคัน "
    "ไม่ได้บันทึกสิ่งใดจากไฟล์นี้ (could not be read within the {mb:,} MB memory cap: the reader process ended "
    "with {signal})"
)
READ_OVER_CPU = (
    "{name}: การอ่านไฟล์นี้ใช้เวลาประมวลผลเกิน {seconds:,} วินาทีที่กำหนด จึงหยุดอ่าน ไม่ได้บันทึกสิ่งใดจากไฟล์นี้ "
    "(reading it took more than the {seconds:,} s CPU cap of a document's reader)"
)
READ_OVER_TIME = (
    "{name}: การอ่านไฟล์นี้ใช้เวลาเกิน {seconds:,} วินาทีที่กำหนด จึงหยุดอ่าน ไม่ได้บันทึกสิ่งใดจากไฟล์นี้ "
    "(reading it took longer than the {seconds:,} s time cap of a document's reader)"
)
READ_FAILED = "{name}: โปรแกรมอ่านเอกสารขัดข้อง ไม่ได้บันทึกสิ่งใดจากไฟล์นี้ (the reader failed: {error})"
READ_NO_WORKER = (
    "{name}: เริ่มกระบวนการอ่านเอกสารไม่ได้ ({error}) ไม่ได้บันทึกสิ่งใดจากไฟล์นี้ (the reader process could not be started)"
)

# --- archives and folders (ita_data.documents.archive) ------------------------------------------
ARCHIVE_OVER_BUDGET = (
    "{name}: zip นี้รวมกับ zip ที่ซ้อนอยู่ข้างในแตกออกมาได้เกิน {limit} ที่รับได้ต่อการนำเข้าหนึ่งครั้ง "
    "จึงไม่แตกส่วนที่เหลือ (the archive and the archives inside it unpack to more than {limit} in all)"
)
ARCHIVE_MEMBERS_OVER_BUDGET = (
    "{name}: zip นี้รวมกับ zip ที่ซ้อนอยู่ข้างในมีไฟล์เกิน {limit:,} ไฟล์ที่รับได้ จึงไม่แตกส่วนที่เหลือ "
    "(the archive and the archives inside it hold more than {limit:,} members in all)"
)
FOLDER_LINK_OUTSIDE = (
    "{name}: เป็นลิงก์ไปยังไฟล์นอกโฟลเดอร์ที่เลือก จึงไม่อ่าน (a link to a file outside the folder given; not read)"
)

# --- Word, images, web pages ---------------------------------------------------------------------
DOCX_PART_TOO_LARGE = (
    "{name}: เนื้อหาของไฟล์ Word ({part}) ขยายได้ {size} เกิน {limit} ที่รับได้ "
    "(the document's text part unpacks to {size}, more than the {limit} a report may have)"
)
DOCX_NOT_A_PACKAGE = "{name}: ไม่ใช่ไฟล์ Word ที่สมบูรณ์ (not a complete .docx package: {reason})"
DOCX_DAMAGED = "{name}: ไฟล์ Word เสียหาย (damaged .docx: {reason})"
DOCX_TOO_DEEP = "{name}: โครงสร้างในไฟล์ Word ซ้อนกันลึกเกินกว่าจะอ่านได้ (elements nested too deep to read: {reason})"
IMAGE_TOO_LARGE = (
    "{name}: ภาพใหญ่ {pixels} จุด เกิน {limit:,} จุดที่รับได้ อ่านไม่ได้ (image too large to read: {pixels} pixels, "
    "more than {limit:,})"
)
HTML_TOO_DEEP = (
    "{name}: แท็ก HTML ซ้อนกันลึกเกิน {limit:,} ชั้น ซับซ้อนเกินกว่าจะอ่านได้ "
    "(tags nested more than {limit:,} deep: too deep to read)"
)
