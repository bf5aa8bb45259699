"""The dashboard's server: the pages (dashboard.py) and the read-only data API (/api/v1/) on one port.

``streamlit run app.py`` (``make run``, and each process of ``make serve``) finds ``app`` below and
serves it: Streamlit 1.67's ``st.App`` runs dashboard.py as always and answers the routes it is given
first, in the same process, so the API reads the pages' own store and shares their port, sign-in
settings and proxy.
"""

import streamlit as st
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager

from ita_data.api import Api
from ita_data.derived import process_store

# dashboard.py declares its pages with st.navigation. Until its first run, Streamlit would take the
# pages/ folder for old-style pages: the first visitor's menu would list file names, and a deep link
# (or an unknown address) would get Streamlit's English "Page not found" before the frame could answer.
PagesManager.uses_pages_directory = False

api = Api(process_store, base_path=str(config.get_option("server.baseUrlPath") or ""))
app = st.App("dashboard.py", routes=api.routes())
