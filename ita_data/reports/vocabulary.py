"""The Thai words the report parser looks for, kept in one place so a translator or a new report finds them.

Each entry is data: add a spelling here rather than a branch in the parser.
"""

from __future__ import annotations

# What a document is, from the words of its title; the earliest match in the text wins.
KIND_PATTERNS = (
    ("analysis", r"วิเคราะห์\s*ผล\s*การ\s*ประเมิน"),
    ("measures", r"รายงาน\s*(?:ผล\s*)?การ\s*ดำเนิน(?:การ|งาน)\s*(?:ตาม\s*มาตรการ|เพื่อ\s*ส่งเสริม)"),
    ("measures", r"รายงาน\s*ผล\s*การ\s*ดำเนิน(?:การ|งาน)\s*ตาม\s*แผน"),
)

# Column roles of a table header, tried in order: the first role whose words a header cell contains wins.
# Words are compared with spaces removed.
HEADER_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("result", ("ผลลัพธ์", "ความสำเร็จ", "ผลที่ได้รับ")),
    ("done", ("สรุปผลการดำเนินการ", "ผลการดำเนินการ", "ผลการดำเนินงาน", "สถานะ", "ผลการปฏิบัติ")),
    ("responsible", ("ผู้รับผิดชอบ", "หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "ผู้ดำเนินการ")),
    ("due", ("ระยะเวลา", "กำหนดเวลา", "ช่วงเวลา", "กำกับติดตาม", "กำหนดแล้วเสร็จ", "วันที่แล้วเสร็จ")),
    ("steps", ("ขั้นตอน", "วิธีการ", "วิธีดำเนินการ", "แนวทางการดำเนินการ")),
    ("title", ("มาตรการ", "โครงการ", "กิจกรรม", "แนวทาง")),
    ("issue", ("ประเด็น", "ผลการวิเคราะห์", "ปัญหา", "จุดอ่อน", "ข้อเสนอแนะ", "ข้อบกพร่อง")),
    ("topic", ("หัวข้อ", "ตัวชี้วัด", "ข้อคำถาม", "รายการ", "แบบ")),
    ("score", ("คะแนน", "ค่าเฉลี่ย")),
    ("rank", ("อันดับ", "ลำดับ")),
)
# A header cell that is exactly one of these words (the "done" column of some reports).
HEADER_EXACT = {"การดำเนินการ": "done"}
# A table is a table of measures when its header has one of these roles.
MEASURE_TABLE_ROLES = frozenset({"responsible", "done"})

# Measure status from the label of a ticked box (or a status written in the cell), tried in order.
STATUS_LABELS = (
    ("cannot", ("ไม่สามารถดำเนินการได้", "ไม่สามารถดำเนินการ", "ไม่ได้ดำเนินการ")),
    ("planned", ("ยังไม่ได้ดำเนินการ", "ยังไม่ดำเนินการ")),
    ("in_progress", ("อยู่ระหว่างการดำเนินการ", "อยู่ระหว่างดำเนินการ", "กำลังดำเนินการ")),
    ("done", ("ดำเนินการแล้วเสร็จ", "ดำเนินการเสร็จสิ้น", "ดำเนินการแล้ว", "แล้วเสร็จ")),
)
CHECKED_MARK = "☑"
UNCHECKED_MARK = "☐"

# OIT sub-topics printed under indicator 9 or 10 (seed 004 lists them for FY2562; ITA.md for later
# years). A measure that names none of the ten indicators but one of these belongs to that indicator.
SUBTOPIC_INDICATORS = (
    ("ข้อมูลพื้นฐาน", 9),
    ("การบริหารเงินงบประมาณ", 9),
    ("การบริหารและพัฒนาทรัพยากรบุคคล", 9),
    ("ทรัพยากรบุคคล", 9),
    ("การส่งเสริมความโปร่งใส", 9),
    ("การจัดการเรื่องร้องเรียน", 9),
    ("การดำเนินการเพื่อป้องกันการทุจริต", 10),
    ("มาตรการภายในเพื่อป้องกันการทุจริต", 10),
    ("มาตรการภายใน", 10),
)

# Words an ITA survey question starts with: a bare number before one of them is an OCR'd item code.
QUESTION_STARTS = ("หน่วยงาน", "เจ้าหน้าที่", "ท่าน", "บุคลากร", "ผู้บริหาร", "ผู้บังคับบัญชา")
# Digits that OCR makes of the letter e in front of an item number (seed 001: ๑๗, ๘๙; seed 002: ๓๑๐).
OCR_E_DIGITS = "๑๓๘"
