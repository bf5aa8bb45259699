"""The dashboard's pages: each reads the shared filters, calls ita_data, and draws.

PAGES is the one list of them, read by dashboard.py's navigation and by the tests.
"""

from typing import NamedTuple


class PageSpec(NamedTuple):
    file: str
    title: str
    icon: str
    url_path: str


PAGES = (
    PageSpec("pages/overview.py", "ภาพรวม", ":material/dashboard:", "overview"),
    PageSpec("pages/rankings.py", "อันดับ", ":material/leaderboard:", "rankings"),
    PageSpec("pages/change.py", "การเปลี่ยนแปลง", ":material/trending_up:", "change"),
    PageSpec("pages/gaps.py", "ช่องว่างตัวชี้วัด", ":material/target:", "gaps"),
    PageSpec("pages/measures.py", "มาตรการ", ":material/checklist:", "measures"),
    PageSpec("pages/organization.py", "หน่วยงาน", ":material/account_balance:", "organization"),
    PageSpec("pages/about.py", "เกี่ยวกับข้อมูล", ":material/info:", "about"),
    PageSpec("pages/import_data.py", "นำเข้าข้อมูล", ":material/upload_file:", "import"),
)
