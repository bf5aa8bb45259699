"""The dashboard's server: the pages (dashboard.py) and the read-only data API (/api/v1/) on one port.

``streamlit run app.py`` (``make run``, and each process of ``make serve``) finds ``app`` below and
serves it: Streamlit 1.67's ``st.App`` runs dashboard.py as always and answers the routes it is given
first, in the same process, so the API reads the pages' own store and shares their port, sign-in
settings and proxy.
"""

import streamlit as st
from streamlit import config

from ita_data.api import Api
from ita_data.derived import process_store

api = Api(process_store, base_path=str(config.get_option("server.baseUrlPath") or ""))
app = st.App("dashboard.py", routes=api.routes())
