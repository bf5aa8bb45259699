"""The words every part shows: names of indicators, tools, types, statuses and columns.

The derived tables embed some of these words (type names, indicator labels), so the derived tables'
version covers this file: edit a word here and the next open rebuilds them."""

from __future__ import annotations

from ita_data import framework, orgs

APP_TITLE = "แดชบอร์ด ITA ท้องถิ่น"
APP_SUBTITLE = "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ อปท."

SYNTHETIC_BANNER = (
    "ข้อมูลสมมุติเพื่อการสาธิต: หน่วยงานที่ชื่อมีคำว่า “สมมุติ” และคะแนนของหน่วยงานเหล่านั้นสร้างขึ้นโดยโปรแกรม ไม่ใช่ผลการประเมินจริง"
)

TOOLS = {
    "IIT": "IIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
    "EIT": "EIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
    "OIT": "OIT การเปิดเผยข้อมูลสาธารณะ",
}

STATUSES = {
    "planned": "วางแผนไว้",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "done": "ดำเนินการแล้วเสร็จ",
    "cannot": "ไม่สามารถดำเนินการได้",
    "unknown": "ไม่ระบุ",
}

ALL = "ทั้งหมด"

INGEST_STATUSES = {"added": "เพิ่มใหม่", "updated": "ปรับปรุง", "unchanged": "ไม่เปลี่ยนแปลง", "error": "ไม่ได้บันทึก"}


def indicator_label(indicator: str | int) -> str:
    """``"total"`` → คะแนนรวม, ``"OIT"`` → the tool, ``9`` → ``ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล``."""
    key = str(indicator)
    if key == "total":
        return "คะแนนรวม"
    if key in TOOLS:
        return TOOLS[key]
    ind = framework.indicator(int(key))
    return f"ตัวชี้วัดที่ {ind.number} {ind.name_th}"


INDICATOR_NUMBERS = tuple(str(i.number) for i in framework.indicators())
INDICATOR_CHOICES = ("total", "IIT", "EIT", "OIT", *INDICATOR_NUMBERS)


def org_type_label(code: str) -> str:
    return orgs.org_type(code).name_th


ORG_TYPE_CHOICES = tuple(t.code for t in orgs.ORG_TYPES)

# Column headers as shown and as written into downloads.
COLUMNS = {
    "location": "ตำแหน่งในเอกสาร",
    "snippet": "ข้อความที่อ่านได้",
    "fact": "ข้อมูล",
    "current_value": "ค่าปัจจุบัน",
    "current_source": "แหล่งของค่าปัจจุบัน",
    "other_sources": "แหล่งอื่นระบุ",
    "imported_by": "นำเข้าโดย",
    "withdrawn_at": "ถอนเมื่อ",
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
    # measures, an organisation's profile and the about page
    "measure_id": "รหัสมาตรการ",
    "district_code": "รหัสอำเภอ",
    "overdue": "เกินกำหนด",
    "days_overdue": "เกินกำหนด (วัน)",
    "open_count": "ยังไม่เสร็จ (รายการ)",
    "overdue_count": "เกินกำหนด (รายการ)",
    "planned_count": "วางแผนไว้ (รายการ)",
    "in_progress_count": "อยู่ระหว่างดำเนินการ (รายการ)",
    "earliest_due_date": "กำหนดเสร็จเร็วที่สุด",
    "province_median": "มัธยฐานจังหวัด",
    "nation_median": "มัธยฐานทั้งประเทศ",
    "below_pass": "ต่ำกว่าเกณฑ์ผ่าน",
    "below_province_median": "ต่ำกว่ามัธยฐานจังหวัด",
    "points_recoverable": "คะแนนรวมที่เพิ่มได้",
    "measure_count": "จำนวนมาตรการ",
    "covered": "มีมาตรการ",
    "next_year": "ปีถัดไป",
    "orgs_with_measure": "หน่วยงานที่มีมาตรการ",
    "mean_change_with_measure": "เปลี่ยนแปลงเฉลี่ย (มีมาตรการ)",
    "orgs_compared": "หน่วยงานที่มีกลุ่มเทียบ",
    "mean_change_peers": "เปลี่ยนแปลงเฉลี่ย (จังหวัดเดียวกัน ไม่มีมาตรการ)",
    "effect": "ผลต่างจากกลุ่มเทียบ",
    "method_change": "เปลี่ยนวิธีประเมิน",
    "method_notes": "การเปลี่ยนวิธีประเมิน",
    "gap_to_full": "ห่างจากคะแนนเต็ม",
    "record": "ชนิดตัวเลข",
    "key": "รายการ",
    "value": "ค่า",
    "source_id": "รหัสแหล่งข้อมูล",
    "file_name": "เอกสารที่มา",
    "kind": "ชนิดเอกสาร",
    "imported_at": "นำเข้าเมื่อ",
    "note": "หมายเหตุ",
    "assessments": "ผลการประเมิน (แถว)",
    "indicator_scores": "คะแนนตัวชี้วัด (แถว)",
    "measures": "มาตรการ (แถว)",
    "tool": "เครื่องมือ",
    "name_th": "ชื่อตัวชี้วัด",
    "name_en": "ชื่อภาษาอังกฤษ",
    "weight_iit": "น้ำหนัก IIT",
    "weight_eit": "น้ำหนัก EIT",
    "weight_oit": "น้ำหนัก OIT",
    "weights_status": "สถานะน้ำหนัก",
    "level_scheme": "ระบบระดับ",
    "levels": "ระดับและเกณฑ์",
    "level_order": "ลำดับ",
    "min_total": "คะแนนรวมขั้นต่ำ",
    "min_each_tool": "ทุกเครื่องมือขั้นต่ำ",
    "pass_mark": "เกณฑ์ผ่าน",
    "items": "จำนวนข้อ",
    "source": "ที่มาของเกณฑ์",
    "notes": "รายละเอียด",
    "total_printed": "คะแนนรวมตามรายงาน",
    "total_computed": "คะแนนรวมคำนวณใหม่",
    "difference": "ผลต่าง",
    "reported_in_scheme": "ระดับตามระบบของปีนั้น",
    "years_present": "จำนวนปีที่มีข้อมูล",
    "org_id_a": "รหัสหน่วยงาน ก",
    "org_name_a": "หน่วยงาน ก",
    "org_id_b": "รหัสหน่วยงาน ข",
    "org_name_b": "หน่วยงาน ข",
    "district_a": "อำเภอ ก",
    "district_b": "อำเภอ ข",
    "reason": "เหตุผล",
    "years_a": "ปีที่มีข้อมูล ก",
    "years_b": "ปีที่มีข้อมูล ข",
    "shared_years": "จำนวนปีที่มีข้อมูลทั้งคู่",
    # rankings, change and gaps
    "within": "เทียบภายใน",
    "score_prev": "คะแนนปีก่อน",
    "rank_prev": "อันดับปีก่อน",
    "rank_reported": "อันดับในจังหวัดตามรายงาน",
    "rank_reported_of": "จากทั้งหมด (ตามรายงาน)",
    "province_rank_computed": "อันดับในจังหวัด (คำนวณ)",
    "rank_reported_differs": "อันดับตามรายงานต่างจากที่คำนวณ",
    "scores": "คะแนนย้อนหลัง",
    "direction": "ทิศทาง",
    "position": "ลำดับ",
    "from_year": "จากปี",
    "to_year": "ถึงปี",
    "score_from": "คะแนนปีต้น",
    "score_to": "คะแนนปีปลาย",
    "years_count": "จำนวนปีที่มีผล",
    "years_missing": "ปีที่ขาด",
    "first_year": "ปีแรก",
    "last_year": "ปีล่าสุด",
    "first_score": "คะแนนปีแรก",
    "last_score": "คะแนนปีล่าสุด",
    "change": "เปลี่ยนแปลงทั้งช่วง",
    "slope": "แนวโน้ม (คะแนนต่อปี)",
    "improving_streak": "ดีขึ้นต่อเนื่อง (ปี)",
    "gap_to_100": "ห่างจาก 100",
    "gap_to_pass": "ห่างจากเกณฑ์ผ่าน",
    "gap_to_province_median": "ห่างจากมัธยฐานจังหวัด",
    "type_median": "มัธยฐานประเภทเดียวกัน",
    "gap_to_type_median": "ห่างจากมัธยฐานประเภทเดียวกัน",
    "priority": "ลำดับที่ควรแก้",
    "org_count": "จำนวนหน่วยงาน",
    "below_full_count": "หน่วยงานที่ได้ไม่เต็ม",
    "share_below_full": "สัดส่วนที่ได้ไม่เต็ม",
    "mean_score": "คะแนนเฉลี่ย",
    "below_pass_count": "หน่วยงานที่ต่ำกว่าเกณฑ์",
    "share_below_pass": "สัดส่วนที่ต่ำกว่าเกณฑ์",
    "mean_selection": "ค่าเฉลี่ยของที่เลือก",
    "mean_nation": "ค่าเฉลี่ยทั้งประเทศ",
    "share": "สัดส่วน",
    "pass_rate": "สัดส่วนที่ผ่านเกณฑ์",
    "score_before": "คะแนนตัวชี้วัด ปีของมาตรการ",
    "score_after": "คะแนนตัวชี้วัด ปีถัดไป",
    "score_change": "คะแนนตัวชี้วัดเปลี่ยน",
}

# Values shown in place of codes (a code with no entry is shown as it is).
INDICATOR_LABELS = {c: indicator_label(c) for c in INDICATOR_CHOICES}
RECORDS = {"total": "คะแนนรวม", "indicator": "คะแนนตัวชี้วัด", "item": "คะแนนรายข้อ", "measure": "มาตรการ"}
SOURCE_KINDS = {
    "analysis": "รายงานวิเคราะห์ผลการประเมิน",
    "measures": "รายงานผลการดำเนินการตามมาตรการ",
    "table": "ตารางผลการประเมิน",
    "synthetic": "ข้อมูลสมมุติ (สร้างโดยโปรแกรม)",
}
WEIGHTS_STATUS = {"confirmed": "ยืนยันจากเอกสาร", "assumed": "สันนิษฐาน (ยังไม่ยืนยัน)"}
LEVEL_SCHEMES = {"letters": "ตัวอักษร AA–F", "thai": "ข้อความ (ผ่านดีเยี่ยม … ต้องปรับปรุงโดยด่วน)"}
DUPLICATE_REASONS = {"same_name_loosely": "ชื่อเดียวกันเมื่อไม่นับช่องว่าง จุด และวรรณยุกต์", "one_letter_apart": "ชื่อต่างกันหนึ่งตัวอักษร"}
FACT_LABELS = {
    "total_score": "คะแนนรวม",
    "level_reported": "ระดับตามรายงาน",
    "province_rank": "ลำดับในจังหวัด",
    "province_rank_of": "จำนวนหน่วยงานในจังหวัด",
    "indicator": "คะแนนตัวชี้วัด",
    "item": "คะแนนรายข้อ",
}
REPORT_KEY_LABELS = {"fiscal_year": "ปีงบประมาณ", "level": "ระดับตามรายงาน", "measure": "มาตรการ"}


def report_key_label(key: str) -> str:
    """A report's fact key in Thai: 'indicator:3' → คะแนนตัวชี้วัด 3, 'fiscal_year' → ปีงบประมาณ."""
    kind, _, part = key.partition(":")
    name = REPORT_KEY_LABELS.get(kind) or FACT_LABELS.get(kind, kind)
    return f"{name} {part}" if part else name


MEASURE_GROUPS = {"responsible": "ผู้รับผิดชอบ", "org": "หน่วยงาน", "indicator": "ตัวชี้วัด"}
METHOD_CHANGE = "เปลี่ยนวิธีประเมิน"

# The about page: what is synthetic, and whose work the dashboard stands on.
ABOUT_SYNTHETIC = (
    "หน่วยงานที่ชื่อมีคำว่า “สมมุติ” ทั้งหมด รวมถึงคะแนนรวม คะแนนตัวชี้วัด คะแนนรายข้อ และมาตรการของหน่วยงานเหล่านั้น "
    "สร้างขึ้นโดยโปรแกรม (ita_data.synthetic) เพื่อสาธิตการใช้งานในระดับประเทศ ไม่ใช่ผลการประเมินจริง "
    "ข้อมูลจริงคือข้อมูลที่นำเข้าจากรายงานหรือตารางผลการประเมิน ซึ่งแสดงในตารางแหล่งข้อมูลด้านล่าง "
    "ปิดตัวเลือก “รวมข้อมูลสมมุติ” ในแถบด้านข้างเพื่อดูเฉพาะข้อมูลจริง"
)
CREDITS = (
    "ผลการประเมิน ITA และเกณฑ์การประเมิน: สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.)",
    "รายงานวิเคราะห์ผลการประเมินและรายงานผลการดำเนินการตามมาตรการ: องค์กรปกครองส่วนท้องถิ่นที่เผยแพร่",
    "ชื่อและรหัสจังหวัด อำเภอ ตำบล: แพ็กเกจ geothai (โค้ด MIT, ข้อมูล CC-BY-4.0)",
    "ขอบเขตจังหวัดบนแผนที่: Natural Earth (สาธารณสมบัติ)",
    "ตำแหน่งอำเภอบนแผนที่: GeoNames (CC-BY 4.0)",
)


def column_label(name: str) -> str:
    return COLUMNS.get(name, name)


EMPTY_SELECTION = "ไม่มีหน่วยงานที่ตรงกับตัวกรองนี้ ลองเลือกจังหวัด ประเภท หรือปีอื่น"


def pass_mark_label(mark: float) -> str:
    return f"เกณฑ์ผ่าน {mark:g}"


def indicator_short_label(indicator: str | int) -> str:
    """For chart axes: ``9`` → ``ตัวชี้วัดที่ 9``; the full name goes in the hover."""
    key = str(indicator)
    return f"ตัวชี้วัดที่ {key}" if key in INDICATOR_NUMBERS else indicator_label(key)


# Dicts for Series.map over whole tables (a function per row is slow on national data).
INDICATOR_SHORT_LABELS = {c: indicator_short_label(c) for c in INDICATOR_CHOICES}
ORG_TYPE_LABELS = {c: org_type_label(c) for c in ORG_TYPE_CHOICES}
