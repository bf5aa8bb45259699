"""Many officers at once: a load generator that speaks Streamlit's browser protocol, and the launcher
that serves the dashboard from one Streamlit process per core behind HAProxy.

``python -m ita_data loadtest`` and ``python -m ita_data serve`` (``make loadtest``, ``make serve``).
The dashboard code never imports this package; it is a client of the running server. Only
``browser.py`` imports Streamlit, and only for its protobuf messages (``streamlit.proto``).
"""
