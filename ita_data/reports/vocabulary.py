"""The Thai words the report parser looks for, kept in one place so a translator or a new report finds them.

Each entry is data: add a spelling here rather than a branch in the parser.
"""

from __future__ import annotations

from ita_data.documents import text

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
CHECKED_MARK, UNCHECKED_MARK = text.CHECKED_MARK, text.UNCHECKED_MARK

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

# --- the headline sentence (total, level, rank) -------------------------------------------------
# Words that say the number after them is the organisation's result. A strong one also beats an
# indicator or tool named before it ("ทั้ง ๑๐ ตัวชี้วัด ได้คะแนนรวม ๘๘.๐๐").
RESULT_WORDS_STRONG = ("คะแนนรวม", "คะแนนภาพรวม", "ภาพรวม", "รวมทั้งสิ้น", "ITA", "ไอทีเอ", "คะแนนเฉลี่ยรวม")
RESULT_WORDS = (
    "ได้คะแนน",
    "ผลคะแนน",
    "คะแนนที่ได้",
    "ได้รับคะแนน",
    "ด้วยคะแนน",
    "ผลการประเมิน",
    "คะแนนการประเมิน",
    "คะแนนประเมิน",
)
# Grammar words that may stand between a result word and its number; they never outweigh a comparison.
RESULT_WORDS_WEAK = ("ได้", "คะแนน", "อยู่ที่", "เท่ากับ", "คือ", "ร้อยละ")
# Words that say the number after them is a part of the result (an indicator, a tool, a survey).
PART_WORDS = (
    "ตัวชี้วัด",
    "IIT",
    "EIT",
    "OIT",
    "แบบวัด",
    "แบบสำรวจ",
    "แบบตรวจ",
    "ข้อคำถาม",
    "ความพึงพอใจ",
    "ประเด็น",
    "ข้อที่",
    "รายข้อ",
)
# Words that say the number after them is someone else's or another year's: a comparison, a threshold,
# an average of others. The nearest of these and the result words decides.
OTHER_WORDS = (
    "ปีที่แล้ว",
    "ปีก่อน",
    "ปีที่ผ่านมา",
    "เมื่อปี",
    "จากปี",
    "เทียบกับ",
    "เปรียบเทียบ",
    "เดิม",
    "เพิ่มขึ้น",
    "ลดลง",
    "สูงขึ้น",
    "ต่ำลง",
    "ต่ำกว่า",
    "สูงกว่า",
    "มากกว่า",
    "น้อยกว่า",
    "ไม่ถึง",
    "เกณฑ์",
    "เป้าหมาย",
    "ไม่น้อยกว่า",
    "ตั้งแต่",
    "คะแนนเต็ม",
    "เฉลี่ยของ",
    "เฉลี่ยระดับ",
    "เฉลี่ยทั้ง",
    "ค่าเฉลี่ยจังหวัด",
    "ค่าเฉลี่ยประเทศ",
    "ค่ากลาง",
)
# A number followed by one of these counts something; it is not a score.
COUNT_WORDS = (
    "ตัวชี้วัด",
    "ข้อ",
    "แห่ง",
    "หน่วยงาน",
    "อปท",
    "ลำดับ",
    "อันดับ",
    "เดือน",
    "วัน",
    "ปี",
    "ครั้ง",
    "คน",
    "ราย",
    "ช่องทาง",
    "โครงการ",
    "กิจกรรม",
    "ตัว",
    "เรื่อง",
    "ประเด็น",
    "ขึ้นไป",
    "ส่วน",
    "กอง",
)
# Words just before a year ("จากปี ๒๕๖๖", "เทียบกับปี ๒๕๖๖") that make it the year compared with.
COMPARED_YEAR_WORDS = ("จาก", "กับ", "เมื่อ", "ก่อน", "เทียบ", "เดิม")
# Words that tie a level to its label: "อยู่ในระดับ", "ผลการประเมิน :", "เกณฑ์".
LEVEL_LABELS = ("ระดับ", "เกณฑ์", "เกรด", "ผลการประเมิน")
# Words allowed between the label and the level ("ระดับผลการประเมิน อยู่ในระดับ D").
LEVEL_CONNECTORS = (
    "อยู่",
    "ใน",
    "ระดับ",
    "เกณฑ์",
    "ผล",
    "การประเมิน",
    "คือ",
    "ได้",
    "เป็น",
    "ที่",
    "รับ",
    "ITA",
    "คะแนน",
    "ไม่ผ่าน",
)
# (the Thai names of the letter bands, LETTER_BAND_WORDS below, are connectors too)
# After "ผ่าน" these make it a verb ("ผ่านเกณฑ์", "ผ่านทางเว็บไซต์"), not the level ผ่าน.
PASS_VERB_AFTER = ("เกณฑ์", "การ", "ทาง", "เว็บ", "ช่องทาง", "ระบบ")
# Where a rank is counted: the province is the rank the dashboard stores.
RANK_SCOPES = (
    ("type", ("เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "องค์การบริหารส่วนตำบล", "อบต.", "ทต.", "ทม.", "ทน.", "ประเภท")),
    ("province", ("จังหวัด", "จ.")),
    ("district", ("อำเภอ", "อ.")),
    ("country", ("ประเทศ",)),
    ("region", ("ภาค", "เขต")),
    ("subdistrict", ("ตำบล",)),
)

# A section, column or sentence that says its items scored nothing ("ประเด็นที่มีคะแนน ๐ คะแนน").
# Compared with spaces removed and Thai digits read as Arabic.
ZERO_SECTION_PATTERNS = (
    r"(?:มี|ได้|ได้รับ)คะแนน(?:เท่ากับ|เป็น)?(?:0|ศูนย์)(?:\.0+)?คะแนน",
    r"คะแนน(?:เท่ากับ|เป็น)?(?:0|ศูนย์)(?:\.0+)?คะแนน",
    r"ได้(?:0|ศูนย์)(?:\.0+)?คะแนน",
    r"ไม่ได้คะแนน(?!เต็ม)",
    r"ไม่มีคะแนน(?!เต็ม)",
    r"คะแนนเป็น(?:0|ศูนย์)",
)

# The Thai names of the letter bands ("อยู่ในระดับ ดีมาก (A)"): they may stand between a label and the letter.
LETTER_BAND_WORDS = ("ดีเยี่ยม", "ดีมาก", "ค่อนข้างดี", "ดี", "ปานกลาง", "ค่อนข้างต่ำ", "ต่ำมาก", "ต่ำ")

# --- is it an ITA result at all? -----------------------------------------------------------------
# Words that tie a text to the ITA (Thai words matched with or without spaces inside them).
ITA_WORDS = ("ITA", "ไอทีเอ", "คุณธรรมและความโปร่งใส", "Integrity and Transparency", "IIT", "EIT", "OIT")
# Other assessments and documents an organisation publishes: a number after one of these (nearer than
# any ITA word) belongs to it, and a document titled so is not an ITA result.
OTHER_ASSESSMENTS = (
    "LPA",
    "ประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น",
    "ความพึงพอใจ",
    "ความเสี่ยง",
    "แผนพัฒนาท้องถิ่น",
    "เบิกจ่าย",
    "การใช้จ่ายงบประมาณ",
    "เลือกสรร",
    "คัดเลือก",
    "สรรหา",
    "การสอบ",
)
OTHER_DOCUMENT_TITLES = (
    "แผนปฏิบัติการป้องกันการทุจริต",
    "แผนป้องกันการทุจริต",
    "แผนพัฒนาท้องถิ่น",
    "LPA",
    "ประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น",
    "สำรวจความพึงพอใจ",
    "ประเมินความเสี่ยง",
    "รายงานผลการใช้จ่ายงบประมาณ",
    "สรุปผลการดำเนินการจัดซื้อจัดจ้าง",
    "รับสมัคร",
    "เลือกสรร",
    "สรรหา",
)
# Agencies that are not local administrative organisations: a score said of one is not the report's.
OTHER_AGENCIES = (
    "โรงเรียน",
    "โรงพยาบาล",
    "รพ.สต.",
    "สถานีตำรวจ",
    "สภ.",
    "สำนักงานเขตพื้นที่",
    "สำนักงานสาธารณสุข",
    "ที่ว่าการอำเภอ",
    "มหาวิทยาลัย",
    "กระทรวง",
    "สำนักงานจังหวัด",
)
# Words a name never starts with: after a type of organisation they make it a class, not a name
# ("ลำดับที่ 1 ของเทศบาลตำบลในจังหวัด", "ของ อบต. ทั้งหมด").
NOT_A_NAME = ("ใน", "ของ", "ที่", "ทั้ง", "และ", "หรือ", "ซึ่ง", "จะ", "ได้", "แห่ง", "อื่น", "ดังกล่าว")
# The executive's title names the organisation ("นายกเทศมนตรีตำบลสมมุติ" is of เทศบาลตำบลสมมุติ).
EXECUTIVE_TITLES = (
    ("นายกเทศมนตรีตำบล", "เทศบาลตำบล"),
    ("นายกเทศมนตรีเมือง", "เทศบาลเมือง"),
    ("นายกเทศมนตรีนคร", "เทศบาลนคร"),
)
# Words with ำ that reports write often, besides those in the lists above and in the names of places and
# indicators: a text that lost ำ's ring gets them back (ita_data.reports.text.restore_lost_rings).
WORDS_WITH_AM = (
    "อำเภอ",
    "ตำบล",
    "ลำดับ",
    "ประจำ",
    "ดำเนิน",
    "ทำงาน",
    "จัดทำ",
    "ทำให้",
    "กำหนด",
    "กำกับ",
    "กำลัง",
    "สำนัก",
    "สำคัญ",
    "สำเร็จ",
    "สำรวจ",
    "จำนวน",
    "จำเป็น",
    "คำถาม",
    "คำสั่ง",
    "คำร้อง",
    "คำแนะนำ",
    "นำเสนอ",
    "นำมา",
    "ตำแหน่ง",
    "ต่ำกว่า",
    "อำนาจ",
    "อำนวย",
    "ชำระ",
    "บำรุง",
)
