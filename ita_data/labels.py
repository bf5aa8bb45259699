"""Thai words for people, in one file so a translator finds them all; code keeps English identifiers."""

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
)


def column_label(name: str) -> str:
    return COLUMNS.get(name, name)


# --- words of the rankings, change and gaps pages ---------------------------------------------

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


RANK_WITHIN_LABEL = "จัดอันดับเทียบกับ"
RANK_WITHIN = {"nation": "ทั้งประเทศ", "province": "ในจังหวัด", "district": "ในอำเภอ", "type": "ในประเภทเดียวกัน"}
RANK_ORGS = "หน่วยงาน"
RANK_PASSING = "ผ่านเกณฑ์"
RANK_REPORTED_DIFFERS = "อันดับตามรายงานต่างจากที่คำนวณ"
RANK_REPORTED_DIFFERS_HELP = "อันดับในจังหวัดที่พิมพ์ในรายงานของหน่วยงาน เทียบกับอันดับในจังหวัดตามคะแนนรวมที่คำนวณจากข้อมูลทั้งหมด"
RANK_TABLE = "ตารางอันดับ"
RANK_TABLE_HELP = "เลือกแถวเพื่อเปิดข้อมูลของหน่วยงานนั้น"
RANK_SCORES_HELP = "คะแนนแต่ละปีตั้งแต่ปีแรกที่มีข้อมูลถึงปีที่เลือก"
RANK_CHART = "คะแนนเทียบเกณฑ์ผ่าน"
RANK_CHART_SOME = "แสดง {shown} อันดับแรกและ {shown} อันดับสุดท้าย จาก {total:,} หน่วยงาน"
RANK_DIFFERS_TABLE = "หน่วยงานที่อันดับตามรายงานต่างจากที่คำนวณ"

CHANGE_FROM = "จากปี"
CHANGE_TO = "ถึงปี"
CHANGE_NEED_TWO_YEARS = "ต้องมีข้อมูลอย่างน้อยสองปีจึงจะเปรียบเทียบได้"
CHANGE_ORDER = "เลือก “จากปี” ให้ก่อน “ถึงปี”"
CHANGE_METHOD_WARNING = "การเปรียบเทียบนี้ข้ามการเปลี่ยนวิธีประเมิน ตัวเลขอาจเทียบกันตรง ๆ ไม่ได้: {notes}"
CHANGE_METHOD_MARK = "⚠ เปลี่ยนวิธีประเมิน"
CHANGE_MEAN = "ค่าเฉลี่ย {year}"
CHANGE_PASS_RATE = "ผ่านเกณฑ์ {year}"
CHANGE_MOVERS = "เปลี่ยนแปลงมากที่สุด"
CHANGE_NO_MOVERS = "ไม่มีหน่วยงานที่มีคะแนนทั้งสองปีและคะแนนเปลี่ยน"
CHANGE_SLOPE = "คะแนนปี {from_year} และ {to_year}"
CHANGE_HEATMAP = "การเปลี่ยนแปลงรายตัวชี้วัด"
CHANGE_HEATMAP_NOTE = "แสดงเฉพาะ {count} หน่วยงานในตารางด้านบน (ดีขึ้นหรือลดลงมากที่สุด)"
CHANGE_TRENDS = "แนวโน้มหลายปี ({first_year}–{last_year})"
CHANGE_TRENDS_NOTE = "เรียงตามจำนวนปีที่ดีขึ้นต่อเนื่อง แล้วตามแนวโน้ม"
CHANGE_TRENDS_METHOD = "ช่วงปีนี้ข้ามการเปลี่ยนวิธีประเมิน: {notes}"
CHANGE_NO_TRENDS = "ไม่มีคะแนนหลายปีของหน่วยงานในกลุ่มที่เลือก"
DIRECTIONS = {"gain": "ดีขึ้น", "fall": "ลดลง"}

GAP_MEASURE_LABEL = "วัดช่องว่างเทียบกับ"
GAP_MEASURES = ("gap_to_pass", "gap_to_100", "gap_to_province_median", "gap_to_type_median")
GAP_HEATMAP = "ช่องว่างรายตัวชี้วัด"
GAP_HEATMAP_NOTE = "แสดง {count} หน่วยงานแรกของรายการ “แก้อะไรก่อน” จาก {total:,} หน่วยงาน (ค่าบวก = ต่ำกว่าเป้า)"
GAP_FIX_FIRST = "แก้อะไรก่อน"
GAP_FIX_FIRST_HELP = "เรียงตามคะแนนรวมที่จะเพิ่มขึ้นหากตัวชี้วัดนั้นได้ 100 ตามน้ำหนักของปี"
GAP_FIX_FIRST_NONE = "ไม่มีตัวชี้วัดของกลุ่มที่เลือกในลำดับที่ควรแก้ที่กำหนด ลองเพิ่มจำนวนลำดับ"
GAP_PRIORITY_LIMIT = "ตัวชี้วัดที่ควรแก้ก่อนกี่ลำดับแรกของแต่ละหน่วยงาน"
GAP_ITEMS_SELECTION = "ข้อที่หน่วยงานในกลุ่มที่เลือกได้ไม่เต็มบ่อยที่สุด"
GAP_ITEMS_NONE = "ไม่มีคะแนนรายข้อของปีนี้ในกลุ่มที่เลือก"
GAP_ITEMS_ORG = "ข้อที่ได้ไม่เต็มของหน่วยงานที่เลือก"
GAP_PICK_HELP = "เลือกแถวเพื่อดูข้อที่หน่วยงานนั้นได้ไม่เต็ม (ด้านล่าง)"
GAP_ITEMS_ORG_NONE = "หน่วยงานนี้ไม่มีข้อที่ได้ไม่เต็มในปีนี้ (หรือไม่มีคะแนนรายข้อ)"
GAP_WEAK = "ตัวชี้วัดที่อ่อนของจังหวัด"
GAP_WEAK_NOTE = "สัดส่วนของหน่วยงานที่ได้ต่ำกว่าเกณฑ์ผ่าน {mark:g} ในแต่ละตัวชี้วัด"

# --- the frame: page titles, the sidebar's filters, captions and links ------------------------

OVERVIEW_TITLE = "ภาพรวม"
RANK_TITLE = "อันดับ"
CHANGE_TITLE = "การเปลี่ยนแปลง"
GAP_TITLE = "ช่องว่างตัวชี้วัด"
MEASURES_TITLE = "มาตรการ"
ORG_TITLE = "หน่วยงาน"
ABOUT_TITLE = "เกี่ยวกับข้อมูล"
IMPORT_TITLE = "นำเข้าข้อมูล"

FILTER_YEAR = "ปีงบประมาณ (พ.ศ.)"
FILTER_ORG_TYPE = "ประเภท อปท."
FILTER_SYNTHETIC = "รวมข้อมูลสมมุติ"
FILTER_SYNTHETIC_HELP = "ข้อมูลสาธิตที่โปรแกรมสร้างขึ้น ไม่ใช่ผลการประเมินจริง"
CAPTION_YEAR = "ปีงบประมาณ {year}"
CAPTION_PROVINCE = "จังหวัด{name}"
CAPTION_DISTRICT = "อำเภอ{name}"
CAPTION_NO_SYNTHETIC = "ไม่รวมข้อมูลสมมุติ"
DOWNLOAD_CSV = "ดาวน์โหลด CSV"
DOWNLOAD_XLSX = "ดาวน์โหลด XLSX"
FILTERS_SHEET_NAME = "ตัวกรอง"
FILTERS_SHEET_VALUE = "ค่า"
LINK_UNKNOWN = "ค่า “{value}” ในลิงก์ ({key}) ไม่มีในตัวเลือก จึงใช้ค่าเริ่มต้นแทน"


def points(share_difference: float) -> str:
    """A difference of two shares as percentage points: ``+2.5 จุด``."""
    return f"{share_difference * 100:+.1f} จุด"


def yes_no(value: bool) -> str:
    return "ใช่" if value else "ไม่"


# --- ภาพรวม --------------------------------------------------------------------------------------

OVERVIEW_ORGS_HELP = "จำนวนหน่วยงานที่มีผลการประเมินในปีนี้"
OVERVIEW_MEAN = "ค่าเฉลี่ย {measure}"
OVERVIEW_PASSING = "ผ่านเกณฑ์ (≥ {mark:g})"
OVERVIEW_MEDIAN = "ค่ามัธยฐาน"
VERSUS_NATION = "เทียบทั้งประเทศ"
OVERVIEW_MAP = "ค่าเฉลี่ยรายจังหวัด"
OVERVIEW_LEVELS = "ระดับผลการประเมิน"
OVERVIEW_INDICATORS = "ตัวชี้วัดเทียบทั้งประเทศ"
OVERVIEW_BRIEF = "ดาวน์โหลดรายงานสรุปจังหวัด (PDF)"
OVERVIEW_BRIEF_PICK = "เลือกจังหวัดในแถบด้านข้างเพื่อดาวน์โหลดรายงานสรุปของจังหวัด (PDF)"
MAP_MEAN = "ค่าเฉลี่ย"
MAP_ORGS = "หน่วยงาน"
MAP_PASSING = "ผ่านเกณฑ์"
MEANS_SELECTION = "ที่เลือก"
MEANS_NATION = "ทั้งประเทศ"

# --- อันดับ: the gap in the chart of the first and last ------------------------------------------

RANK_CHART_GAP = "··· เว้น {count:,} หน่วยงาน ···"

# --- หน่วยงาน ------------------------------------------------------------------------------------

ORG_KEY = "หน่วยงาน"
ORG_THIS = "หน่วยงานนี้"
ORG_SEARCH = "ค้นหาหน่วยงาน"
ORG_SEARCH_PLACEHOLDER = "ชื่อ เช่น บ้านกล้วย หรือรหัสหน่วยงาน"
ORG_SEARCH_HELP = "พิมพ์บางส่วนของชื่อ หรือรหัสหน่วยงาน (เลขไทยหรือเลขอารบิก)"
ORG_FOUND = "ผลการค้นหา ({count:,} หน่วยงาน{more})"
ORG_FOUND_MORE = "ขึ้นไป"
ORG_OPTION = "{name} (รหัส {id})"
ORG_PICK = "เลือกหน่วยงานเพื่อเปิดดู"
ORG_NOT_FOUND = "ไม่พบหน่วยงานที่ชื่อมี “{text}”"
ORG_UNKNOWN = "ไม่พบหน่วยงานรหัส “{value}” จึงแสดงหน่วยงานอันดับแรกของตัวกรองแทน"
ORG_FIRST = "ยังไม่ได้เลือกหน่วยงาน: แสดงหน่วยงานอันดับแรกตาม{measure}ของตัวกรอง ({selection})"
ORG_NONE = "ไม่มีหน่วยงานที่ตรงกับตัวกรองนี้ ค้นหาด้วยชื่อด้านบน หรือเลือกจังหวัด ประเภท หรือปีอื่น"
ORG_CODE = "รหัสหน่วยงาน {id}"
ORG_NO_SCORES = "หน่วยงานนี้ยังไม่มีผลการประเมินในฐานข้อมูล"
ORG_NO_SCORES_THIS_YEAR = "ไม่มีผลการประเมินของหน่วยงานนี้ในปีงบประมาณ {year} (มีปี {held}) เลือกปีอื่นในแถบด้านข้าง"
ORG_TOTAL = "คะแนนรวม {year}"
ORG_VERSUS_PROVINCE = "เทียบมัธยฐานจังหวัด"
ORG_PROVINCE_MEDIAN = "มัธยฐานจังหวัด (คะแนนรวม)"
ORG_INDICATORS = "ตัวชี้วัดเทียบมัธยฐานจังหวัด ปี {year}"
ORG_HISTORY = "ผลการประเมินย้อนหลัง"
ORG_HISTORY_TABLE = "ตารางคะแนนทุกปี"
ORG_INDICATOR_SCORE = "คะแนนตัวชี้วัด"
ORG_METHOD_LINES = "เส้นประสีแดง: {notes}"
ORG_ITEMS = "คะแนนรายข้อที่ยังไม่เต็ม ปี {year}"
ORG_ITEMS_NONE = "ไม่มีคะแนนรายข้อที่ต่ำกว่าคะแนนเต็มในปีและตัวชี้วัดที่เลือก (หรือไม่มีคะแนนรายข้อของปีนี้)"
ORG_MEASURES = "มาตรการของหน่วยงาน"
ORG_MEASURES_NONE = "ยังไม่มีมาตรการของหน่วยงานนี้ในฐานข้อมูล"
ORG_MEASURES_NOTE = "ทุกปี · เกินกำหนด = ยังไม่เสร็จและเลยกำหนดเสร็จก่อนวันนี้ ({today})"
ORG_SOURCES = "เอกสารที่มาของตัวเลข"
ORG_SOURCES_ALL = "ทุกปี"
ORG_SOURCES_ALL_HELP = "ปิดไว้: เฉพาะปี {year}"
ORG_SOURCES_NONE = "ไม่มีตัวเลขของหน่วยงานนี้ในปีที่เลือก"

# --- มาตรการ ------------------------------------------------------------------------------------

MEASURES_AS_OF = "ณ วันที่"
MEASURES_AS_OF_HELP = "มาตรการที่ยังไม่เสร็จและเลยกำหนดเสร็จก่อนวันนี้ถือว่าเกินกำหนด"
MEASURES_INDICATOR = "ตัวชี้วัดของมาตรการ"
MEASURES_OVERDUE_ONLY = "เฉพาะที่เกินกำหนด"
MEASURES_OPEN = "มาตรการที่ยังไม่เสร็จ ณ {date}"
MEASURES_OPEN_COUNT = "ยังไม่เสร็จ"
MEASURES_OPEN_COUNT_HELP = "สถานะวางแผนไว้หรืออยู่ระหว่างดำเนินการ"
MEASURES_OVERDUE_ORGS = "หน่วยงานที่มีมาตรการเกินกำหนด"
MEASURES_OVERDUE_HELP = "เลยกำหนดเสร็จแล้ว"
MEASURES_DAYS_FORMAT = "%d วัน"
MEASURES_OPEN_NONE = "ไม่มีมาตรการที่ยังไม่เสร็จตามตัวกรองนี้ ลองเปลี่ยนปี สถานะ หรือผู้รับผิดชอบ"
MEASURES_SUMMARY = "สรุปมาตรการที่ยังไม่เสร็จ"
MEASURES_SUMMARY_NOTE = "ตามปี จังหวัด ประเภท และตัวชี้วัดที่เลือก (ไม่กรองสถานะและผู้รับผิดชอบ)"
MEASURES_SUMMARY_BY = "สรุปตาม"
MEASURES_SUMMARY_NONE = "ไม่มีมาตรการที่ยังไม่เสร็จในปีและพื้นที่ที่เลือก"
MEASURES_COUNT = "มาตรการ"
COVERAGE_TITLE = "ตัวชี้วัดที่อ่อนแต่ยังไม่มีมาตรการ"
COVERAGE_NOTE = "ตัวชี้วัดที่ต่ำกว่าเกณฑ์ผ่านหรือต่ำกว่ามัธยฐานจังหวัดในปีที่เลือก และจำนวนมาตรการของปีเดียวกันที่มุ่งแก้ตัวชี้วัดนั้น"
COVERAGE_EMPTY = "ไม่มีตัวชี้วัดที่อ่อนในปีและพื้นที่ที่เลือก"
COVERAGE_WEAK = "ตัวชี้วัดที่อ่อน (หน่วยงาน × ตัวชี้วัด)"
COVERAGE_NONE = "ยังไม่มีมาตรการ"
COVERAGE_SOME = "มีมาตรการแล้ว"
COVERAGE_UNCOVERED_ONLY = "แสดงเฉพาะที่ยังไม่มีมาตรการ"
EFFECT_TITLE = "ผลของมาตรการต่อคะแนนปีถัดไป"
EFFECT_NOTE = (
    "ตัวชี้วัดของหน่วยงานที่มีมาตรการมุ่งแก้ เปลี่ยนไปเท่าใดในปีถัดไป เทียบกับหน่วยงานในจังหวัดเดียวกันที่ไม่มีมาตรการ (นับมาตรการทุกสถานะ)"
)
EFFECT_NEED_TWO_YEARS = "ต้องมีข้อมูลอย่างน้อยสองปีติดกันจึงจะเทียบผลของมาตรการได้"
EFFECT_YEAR = "ปีของมาตรการ"
EFFECT_NONE = "ไม่มีหน่วยงานที่มีมาตรการในปี {year} และมีคะแนนปี {next_year} ตามตัวกรองนี้"
EFFECT_METHOD = "ระหว่างสองปีนี้มีการ" + METHOD_CHANGE + ": {notes} ควรตีความด้วยความระมัดระวัง"
EFFECT_AXIS = "คะแนนเปลี่ยน {year} → {next_year}"

# --- เกี่ยวกับข้อมูล --------------------------------------------------------------------------------

ABOUT_REAL = "ข้อมูลจริง"
ABOUT_REAL_HELP = "หน่วยงานที่มาจากรายงานหรือตารางที่นำเข้า"
ABOUT_SYNTHETIC_HELP = "สร้างโดยโปรแกรมเพื่อสาธิต"
ABOUT_METHOD = "วิธีประเมิน"
ABOUT_METHOD_TEXT = (
    "คะแนนรวม = น้ำหนัก IIT × ค่าเฉลี่ยตัวชี้วัด 1–5 + น้ำหนัก EIT × ค่าเฉลี่ยตัวชี้วัด 6–8 "
    "+ น้ำหนัก OIT × ค่าเฉลี่ยตัวชี้วัด 9–10 โดยใช้น้ำหนักของแต่ละปีตามตารางด้านล่าง "
    "เกณฑ์ทั้งหมดเก็บเป็นข้อมูลใน `ita_data/rules/` แก้ไขได้ทีละบรรทัด"
)
ABOUT_INDICATORS = "ตัวชี้วัด 10 ตัว"
ABOUT_WEIGHTS = "น้ำหนัก เกณฑ์ผ่าน และจำนวนข้อในแต่ละปี"
ABOUT_METHOD_CHANGES = "ปีที่เปลี่ยนวิธีประเมิน (เทียบคะแนนข้ามปีเหล่านี้ด้วยความระมัดระวัง): {notes}"
ABOUT_LEVELS = "ระดับผลการประเมินในแต่ละปี"
ABOUT_SOURCES = "แหล่งข้อมูล"
ABOUT_SOURCES_NONE = "ยังไม่มีข้อมูลในฐานข้อมูล นำเข้ารายงานหรือตารางได้ที่หน้า นำเข้าข้อมูล"
ABOUT_WHAT_SYNTHETIC = "ข้อมูลใดเป็นข้อมูลสมมุติ"
ABOUT_SYNTHETIC_NOW = "ขณะนี้มีหน่วยงานสมมุติ {synthetic:,} แห่ง และหน่วยงานจากข้อมูลจริง {real:,} แห่ง"
ABOUT_QUALITY = "คุณภาพข้อมูล"
ABOUT_CREDITS = "ที่มาและการอ้างอิง"
# Each check of the data-quality section: its metric's label and its tab's title.
QUALITY_CHECKS = {
    "total": ("คะแนนรวมไม่ตรง", "คะแนนรวมตามรายงานไม่ตรงกับที่คำนวณ"),
    "level": ("ระดับไม่ตรง", "ระดับตามรายงานไม่ตรงกับเกณฑ์ของปี"),
    "missing": ("ปีที่ขาดหาย", "ปีที่ขาดหาย (ถึงปี {year})"),
    "duplicates": ("หน่วยงานที่อาจซ้ำ", "หน่วยงานที่อาจซ้ำกัน (ชื่อสะกดต่างกัน)"),
    "disagreements": ("แหล่งข้อมูลขัดกัน", "ค่าที่แหล่งข้อมูลระบุไม่ตรงกัน (ค่าปัจจุบันตามลำดับความน่าเชื่อถือ)"),
}
QUALITY_NONE = "ไม่พบรายการในตัวกรองนี้"

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
CLI_PARSER_FAILED = "{name}: โปรแกรมอ่านรายงานขัดข้อง (the parser failed: {error})"
CLI_NO_FILES_TO_TIME = "ไม่มีไฟล์ให้จับเวลา ค้นหาใน {folder} (no files to time)"
CLI_FILES_TOTAL = "รวม {count} ไฟล์"

# --- นำเข้าข้อมูล: the import page (its title is IMPORT_TITLE) ---------------------------------

IMPORT_CAPTION = "ตรวจดูตัวอย่างสิ่งที่จะบันทึกก่อนยืนยันเสมอ การนำเข้าแต่ละครั้งบันทึกทั้งหมดหรือไม่บันทึกเลย"
IMPORT_AS = "นำเข้าในชื่อ {who} · ตาราง CSV/XLSX ไม่เกิน {table_mb} MB · รายงานไม่เกิน {report_mb} MB ต่อไฟล์"
IMPORT_TAB_TABLE = "ตารางผลการประเมิน (CSV / XLSX)"
IMPORT_TAB_REPORTS = "รายงานของหน่วยงาน (PDF / Word / เว็บเพจ / สแกน)"
IMPORT_TAB_HISTORY = "ประวัติการนำเข้า"
IMPORT_TO_STORE = "สิ่งที่จะบันทึก"
IMPORT_STORING = "กำลังบันทึก"

# A result table; the metrics "added" and "updated" use INGEST_STATUSES.
IMPORT_TABLE_READING = "กำลังอ่านไฟล์"
IMPORT_TABLE_UPLOAD = "เลือกไฟล์ตาราง"
IMPORT_TABLE_UPLOAD_HELP = "CSV หรือ XLSX ไม่เกิน {mb} MB หนึ่งแถวต่อหน่วยงานต่อปี"
IMPORT_ROWS_READ = "แถวที่อ่าน"
IMPORT_ROWS_REJECTED = "ถูกปฏิเสธ"
IMPORT_ISSUES = "ข้อผิดพลาดและคำเตือน"
IMPORT_ISSUE_COLUMNS = {"row": "แถว", "severity": "ระดับ", "message": "ข้อความ"}
IMPORT_UNMAPPED_COLUMNS = "คอลัมน์ที่ไม่ได้ใช้: {columns}"
IMPORT_TABLE_NOT_OK = "ไฟล์นี้มีแถวที่ไม่ผ่านการตรวจ จึงบันทึกไม่ได้ทั้งไฟล์ แก้ไขแถวที่ระบุแล้วอัปโหลดใหม่"
IMPORT_CONFIRM_TABLE = "ยืนยันการนำเข้า"
IMPORT_SEE_RANKINGS = "ดูอันดับ"

# Organisations' reports; the OCR caption is IMPORT_OCR_CAPTION above.
IMPORT_REPORT_UPLOAD = "เลือกไฟล์รายงาน: PDF, Word (.docx), เว็บเพจ (.html), ข้อความ (.txt), ภาพสแกน (.png/.jpg) หรือ zip"
IMPORT_REPORTS_READING = "กำลังอ่านเอกสาร"
IMPORT_REPORT_READING = "กำลังอ่าน {number}/{count}: {name}"
IMPORT_REPORT_STORING = "กำลังบันทึก {number}/{count}: {name}"
IMPORT_OCR_NUMBERS = "ตัวเลขที่อ่านด้วย OCR: {name}"
# The page column of ita_data.reports.batch.ocr_facts, and the label of the page picker beside it.
IMPORT_OCR_PAGE = "หน้า"
IMPORT_OCR_PAGE_CAPTION = "หน้า {page}"
IMPORT_OCR_CONFIRM = "ตรวจแล้ว ตัวเลขตรงกับภาพ ให้บันทึกด้วย"
IMPORT_WHERE_READ = "ตัวเลขแต่ละค่าอ่านจากตรงไหน: {name}"
IMPORT_CONFIRM_REPORTS = "ยืนยันการนำเข้ารายงาน"
IMPORT_RESULTS = "ผลการนำเข้า"

# The history of imports, and withdrawing one.
IMPORT_HISTORY_COLUMNS = {
    "source_id": "ลำดับ",
    "kind": "ประเภท",
    "file_name": "ไฟล์",
    "checksum": "checksum (SHA-256)",
    "imported_at": "นำเข้าเมื่อ",
    "imported_by": "นำเข้าโดย",
    "facts": "จำนวนค่าที่ให้",
    "current_facts": "ค่าที่ยังใช้อยู่",
    "from_ocr": "อ่านด้วย OCR",
    "changes": "สิ่งที่เปลี่ยน",
    "note": "หมายเหตุ",
    "withdrawn_at": "ถอนเมื่อ",
    "withdrawn_by": "ถอนโดย",
}
IMPORT_CHANGE_WORDS = {"added": "เพิ่ม", "updated": "ปรับปรุง", "unchanged": "ไม่เปลี่ยน", "rejected": "ปฏิเสธ"}
IMPORT_HISTORY_NONE = "ยังไม่มีการนำเข้า"
IMPORT_ALL_WITHDRAWN = "ทุกการนำเข้าถูกถอนแล้ว"
IMPORT_WITHDRAW_CHOICE = "ถอนการนำเข้า"
IMPORT_WITHDRAW_PLACEHOLDER = "เลือกการนำเข้าที่จะถอน"
IMPORT_WITHDRAW = "ถอนการนำเข้านี้…"
IMPORT_WITHDRAW_WARNING = (
    "จะถอนการนำเข้า #{source_id} ({file_name}) ค่าที่ไฟล์นี้ให้ไว้และยังใช้อยู่ "
    "{current_facts:,} ค่า จะกลับเป็นค่าจากการนำเข้าก่อนหน้าของหน่วยงานและปีเดียวกัน "
    "หรือถูกนำออกถ้าไม่เคยมีค่าอื่น การนำเข้าอื่นไม่เปลี่ยน และประวัติยังบันทึกว่าใครถอนเมื่อใด"
)
IMPORT_CONFIRM_WITHDRAW = "ยืนยันการถอน"
IMPORT_CANCEL = "ยกเลิก"

# --- sign-in and roles (pages.access) -----------------------------------------------------------

SIGN_IN = "เข้าสู่ระบบ"
SIGN_OUT = "ออกจากระบบ"
SIGN_IN_CAPTION = "ดูข้อมูลได้โดยไม่ต้องเข้าสู่ระบบ ผู้แก้ไขเข้าสู่ระบบเพื่อนำเข้าข้อมูล"
ROLE_EDITOR = "ผู้แก้ไข: นำเข้าและถอนข้อมูลได้"
ROLE_VIEWER = "ผู้อ่าน: ดูข้อมูลได้อย่างเดียว"
# Who signed in without an e-mail or a name the provider states.
NAME_UNKNOWN = "ไม่ทราบชื่อ"
# Why a session cannot import or withdraw, by its access mode ("{who}": the signed-in account).
WRITE_REFUSED_REASONS = {
    "anonymous": "การนำเข้าและถอนข้อมูลทำได้เฉพาะผู้แก้ไขที่เข้าสู่ระบบแล้ว กดปุ่ม “เข้าสู่ระบบ” ในแถบด้านข้าง "
    "แล้วลงชื่อด้วยบัญชีของหน่วยงาน (only signed-in editors can import: sign in from the sidebar)",
    "viewer": "บัญชี {who} ดูข้อมูลได้แต่ไม่ได้อยู่ในรายชื่อผู้แก้ไข จึงนำเข้าหรือถอนข้อมูลไม่ได้ "
    "หากต้องนำเข้า ขอให้ผู้ดูแลระบบเพิ่มอีเมลนี้ใน [access] editors ของ .streamlit/secrets.toml "
    "(this account may read but is not an editor)",
    "network": "เซิร์ฟเวอร์นี้เปิดให้เครื่องอื่นเข้าถึงได้ (หรือเปิดผ่านเครื่องอื่น) แต่ยังไม่ได้ตั้งค่าการเข้าสู่ระบบ จึงปิดการนำเข้าผ่านเบราว์เซอร์ "
    "ผู้ดูแลระบบตั้งค่า [auth] และ [access] editors ใน .streamlit/secrets.toml (ดู README: การเข้าสู่ระบบ) "
    "หรือนำเข้าด้วยคำสั่ง python -m ita_data import-table / ingest บนเครื่องเซิร์ฟเวอร์ "
    "(browser imports are off on a network server without sign-in)",
}
