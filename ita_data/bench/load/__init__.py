"""Many officers at once: a load generator that speaks Streamlit's browser protocol (``python -m ita_data loadtest``).

The dashboard code never imports this package; it is a client of the running server (``python -m ita_data
serve``). Only ``browser.py`` imports Streamlit, and only for its protobuf messages (``streamlit.proto``).
"""
