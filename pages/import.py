"""The import page's address (/import) on a freshly started server.

Streamlit decides before dashboard.py first runs that a folder named ``pages`` means its older
multipage mode, where an address names a file: /import looks for pages/import.py. This file hands
over to dashboard.py's navigation (see shared.filters), which opens pages/import_data.py at /import.
It is never in the navigation itself.
"""

from pages import shared

shared.filters()
