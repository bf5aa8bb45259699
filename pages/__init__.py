"""The dashboard's pages: each reads the shared filters, calls ita_data, and draws.

PAGES is the one list of them, read by dashboard.py's navigation and by the tests.
"""

from typing import NamedTuple

from ita_data import labels


class PageSpec(NamedTuple):
    file: str
    title: str
    icon: str
    url_path: str


PAGES = (
    PageSpec("pages/overview.py", labels.OVERVIEW_TITLE, ":material/dashboard:", "overview"),
    PageSpec("pages/rankings.py", labels.RANK_TITLE, ":material/leaderboard:", "rankings"),
    PageSpec("pages/change.py", labels.CHANGE_TITLE, ":material/trending_up:", "change"),
    PageSpec("pages/gaps.py", labels.GAP_TITLE, ":material/target:", "gaps"),
    PageSpec("pages/measures.py", labels.MEASURES_TITLE, ":material/checklist:", "measures"),
    PageSpec("pages/organization.py", labels.ORG_TITLE, ":material/account_balance:", "organization"),
    PageSpec("pages/about.py", labels.ABOUT_TITLE, ":material/info:", "about"),
    PageSpec("pages/import_data.py", labels.IMPORT_TITLE, ":material/upload_file:", "import"),
)
