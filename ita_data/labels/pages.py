"""The pages' own words: titles, filters, captions, headings and notes, page by page."""

from __future__ import annotations

import re

from .common import METHOD_CHANGE

# --- words of the rankings, change and gaps pages ---------------------------------------------

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
TOTAL_SHORT = "คะแนนรวม"


def rank_headers(measure: str, within: str) -> dict[str, str]:
    """The ranking table's headers, each naming what its column ranks or scores: ``measure`` (the chosen
    score, short) ranked ``within`` (ในจังหวัด…), and the total for levels and the reports' ranks."""
    return {
        "rank": f"อันดับ{within} ({measure})",
        "score": f"คะแนน ({measure})",
        "scores": f"คะแนนย้อนหลัง ({measure})",
        "rank_prev": f"อันดับปีก่อน ({measure})",
        "rank_change": f"อันดับเปลี่ยน ({measure})",
        "percentile": f"เปอร์เซ็นไทล์ ({measure})",
        "level": f"ระดับ ({TOTAL_SHORT})",
        "level_reported": f"ระดับตามรายงาน ({TOTAL_SHORT})",
        "province_rank_computed": f"อันดับในจังหวัด ({TOTAL_SHORT} คำนวณ)",
        "rank_reported": f"อันดับในจังหวัดตามรายงาน ({TOTAL_SHORT})",
        "rank_reported_of": f"จากทั้งหมด ({TOTAL_SHORT} ตามรายงาน)",
    }


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
ITEM_TITLE_UNKNOWN = "ยังไม่ยืนยันชื่อข้อ"
ITEM_TITLE_MARKS = {"unconfirmed": " (ยังไม่ยืนยัน)", "same_set": " (ชื่อจากปีอื่นของชุดข้อเดียวกัน)", "confirmed": ""}


def item_title_text(title: str | None, status: str) -> str:
    """An item's title as a table shows it, saying when it is not confirmed for the year
    (``framework.TITLE_STATUSES``); an item with no known title says so."""
    return ITEM_TITLE_UNKNOWN if not title else title + ITEM_TITLE_MARKS.get(status, "")


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
SKIP_TO_CONTENT = "ข้ามไปที่เนื้อหาหลัก"
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
OVERVIEW_MAP_PROVINCE = "ค่าเฉลี่ยรายอำเภอ"
MAP_DISTRICTS_NOTE = (
    "จุดแต่ละจุดคืออำเภอ ขนาดตามจำนวนหน่วยงาน สีตามค่าเฉลี่ย ที่ตั้งคือชุมชนที่ชื่อเดียวกับอำเภอ (GeoNames) "
    "· อำเภอที่ไม่มีตำแหน่งบนแผนที่: {missing}"
)
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
ORG_MEASURES_NOTE = (
    "ทุกปี · เกินกำหนด = ยังไม่เสร็จและเลยกำหนดเสร็จก่อนวันนี้ ({today}) · คะแนนตัวชี้วัดที่มาตรการมุ่งแก้ "
    "ในปีของมาตรการและปีถัดไป (เครื่องหมายในช่อง “เปลี่ยนวิธีประเมิน” = สองปีนั้นใช้วิธีประเมินต่างกัน เทียบตรง ๆ ไม่ได้)"
)
MEASURE_SCORES_METHOD_HELP = "วิธีประเมินเปลี่ยนระหว่างปีของมาตรการกับปีถัดไป คะแนนสองปีนี้เทียบกันตรง ๆ ไม่ได้"
ORG_SOURCES = "เอกสารที่มาของตัวเลข"
ORG_SOURCES_ALL = "ทุกปี"
ORG_SOURCES_ALL_HELP = "ปิดไว้: เฉพาะปี {year}"
ORG_SOURCES_NONE = "ไม่มีตัวเลขของหน่วยงานนี้ในปีที่เลือก"

# --- มาตรการ ------------------------------------------------------------------------------------

MEASURES_AS_OF = "ณ วันที่"
MEASURES_AS_OF_HELP = "มาตรการที่ยังไม่เสร็จและเลยกำหนดเสร็จก่อนวันนี้ถือว่าเกินกำหนด"
MEASURES_AS_OF_BE = "พ.ศ.: {date}"
MEASURES_INDICATOR = "ตัวชี้วัดของมาตรการ"
MEASURES_OVERDUE_ONLY = "เฉพาะที่เกินกำหนด"
MEASURES_OPEN = "มาตรการที่ยังไม่เสร็จ ณ {date}"
MEASURES_OPEN_COUNT = "ยังไม่เสร็จ"
MEASURES_OPEN_COUNT_HELP = "สถานะวางแผนไว้หรืออยู่ระหว่างดำเนินการ"
MEASURES_OVERDUE_ORGS = "หน่วยงานที่มีมาตรการเกินกำหนด"
MEASURES_OVERDUE_HELP = "เลยกำหนดเสร็จแล้ว"
MEASURES_DAYS_FORMAT = "%d วัน"
MEASURES_SCORES_NOTE = (
    "คะแนนตัวชี้วัดที่มาตรการมุ่งแก้ ในปีของมาตรการและปีถัดไป (ว่าง = ยังไม่มีคะแนนปีนั้น) "
    "· เปลี่ยนวิธีประเมิน = สองปีนั้นใช้วิธีประเมินต่างกัน เทียบตรง ๆ ไม่ได้"
)
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


# --- a message on screen ------------------------------------------------------------------------

# A message names its file or record, says in Thai what happened and may end with a short English gloss
# for the log and the command line: "(file too large)", or ": the file is damaged (...)". A screen shows
# the Thai alone. A gloss is a group of English words (a lowercase word among them) with no Thai letter
# and no quotation mark: names such as "(CSV / XLSX)", "(SHA-256)", "(E-Service)" and quoted values stay.
_THAI = re.compile(r"[\u0E00-\u0E7F]")
_QUOTES = re.compile(r"['\"“”‘’]")
_ENGLISH_PHRASE = re.compile(r"[A-Za-z]+[ ,;:/-]+[a-z]{2,}|[a-z]{2,}[ ,;:/-]+[A-Za-z]+|^[a-z]{3,}$")
_GROUP = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)")
_TAIL = re.compile(r"(?<=[\u0E00-\u0E7F)\]'\"”’])\s*[:—–-]\s+(?=[A-Za-z])[^\u0E00-\u0E7F]*$")


def _is_gloss(text: str) -> bool:
    return not _THAI.search(text) and not _QUOTES.search(text) and bool(_ENGLISH_PHRASE.search(text))


def without_gloss(message: str) -> str:
    """A message as a screen shows it: its English glosses left out (files and the command line keep them)."""
    text = _GROUP.sub(lambda m: "" if _is_gloss(m.group(0).strip()[1:-1]) else m.group(0), str(message))
    tail = _TAIL.search(text)
    if tail and _is_gloss(tail.group(0).lstrip(" :—–-")):
        text = text[: tail.start()]
    return text.strip()


# --- charts as images, tables ---------------------------------------------------------------------

CHART_PNG = "ภาพ PNG"
CHART_SVG = "ภาพ SVG"
CHART_PNG_HELP = "ดาวน์โหลดกราฟนี้เป็นภาพ PNG พร้อมหัวเรื่องและตัวกรอง"
CHART_SVG_HELP = "ดาวน์โหลดกราฟนี้เป็นภาพ SVG (ขยายได้ไม่แตก) พร้อมหัวเรื่องและตัวกรอง"
CHART_IMAGE_NO_BROWSER = (
    "บันทึกกราฟเป็นภาพไม่ได้: ไม่พบเบราว์เซอร์ Chromium ที่ {path} ติดตั้งด้วยคำสั่ง "
    "sudo apt-get install chromium fonts-thai-tlwg หรือ make system (charts are drawn by headless Chromium)"
)
CHART_SYNTHETIC_NOTE = "มีข้อมูลสมมุติเพื่อการสาธิต (หน่วยงานที่ชื่อมีคำว่า “สมมุติ”) ไม่ใช่ผลการประเมินจริง"
MISSING_VALUE = "–"
