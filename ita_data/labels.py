"""Thai words for people, in one file so a translator finds them all; code keeps English identifiers."""

from __future__ import annotations

from ita_data import framework, orgs

APP_TITLE = "แดชบอร์ด ITA ท้องถิ่น"
APP_SUBTITLE = "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ อปท."

SYNTHETIC_BANNER = (
    "ข้อมูลสมมุติเพื่อการสาธิต: หน่วยงานที่ชื่อมีคำว่า “สมมุติ” และคะแนนของหน่วยงานเหล่านั้น"
    "สร้างขึ้นโดยโปรแกรม ไม่ใช่ผลการประเมินจริง"
)

TOOLS = {"IIT": "IIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "EIT": "EIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
         "OIT": "OIT การเปิดเผยข้อมูลสาธารณะ"}

STATUSES = {
    "planned": "วางแผนไว้",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "done": "ดำเนินการแล้วเสร็จ",
    "cannot": "ไม่สามารถดำเนินการได้",
    "unknown": "ไม่ระบุ",
}

ALL = "ทั้งหมด"

INGEST_STATUSES = {"added": "เพิ่มใหม่", "updated": "ปรับปรุง", "unchanged": "ไม่เปลี่ยนแปลง", "error": "บันทึกไม่ได้"}


def indicator_label(indicator: str | int) -> str:
    """``"total"`` → คะแนนรวม, ``"OIT"`` → the tool, ``9`` → ``ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล``."""
    key = str(indicator)
    if key == "total":
        return "คะแนนรวม"
    if key in TOOLS:
        return TOOLS[key]
    ind = framework.indicator(int(key))
    return f"ตัวชี้วัดที่ {ind.number} {ind.name_th}"


INDICATOR_CHOICES = ("total", "IIT", "EIT", "OIT") + tuple(str(i.number) for i in framework.indicators())


def org_type_label(code: str) -> str:
    return orgs.org_type(code).name_th


ORG_TYPE_CHOICES = tuple(t.code for t in orgs.ORG_TYPES)

# Column headers as shown and as written into downloads.
COLUMNS = {
    "org_id": "รหัสหน่วยงาน",
    "org_name": "หน่วยงาน",
    "org_type": "ประเภท",
    "province": "จังหวัด",
    "province_code": "รหัสจังหวัด",
    "district": "อำเภอ",
    "fiscal_year": "ปีงบประมาณ",
    "total_score": "คะแนนรวม",
    "score": "คะแนน",
    "level": "ระดับ",
    "level_reported": "ระดับตามรายงาน",
    "level_computed": "ระดับตามเกณฑ์",
    "rank": "อันดับ",
    "rank_change": "อันดับเปลี่ยน",
    "group_size": "จำนวนในกลุ่ม",
    "percentile": "เปอร์เซ็นไทล์",
    "province_rank_reported": "อันดับในจังหวัดตามรายงาน",
    "indicator": "ตัวชี้วัด",
    "item": "ข้อ",
    "title": "มาตรการ",
    "title_th": "รายการ",
    "issue": "ประเด็น",
    "steps": "ขั้นตอน",
    "responsible": "ผู้รับผิดชอบ",
    "due_date": "กำหนดเสร็จ",
    "status": "สถานะ",
    "completed_on": "วันที่เสร็จ",
    "result": "ผลการดำเนินการ",
    "delta": "เปลี่ยนแปลง",
    "is_synthetic": "ข้อมูลสมมุติ",
}


def column_label(name: str) -> str:
    return COLUMNS.get(name, name)
