"""The ITA data package: rules as data, the DuckDB store, ingestion and analytics. No Streamlit here."""

# Every write of the store rebuilds the derived tables: hand it their refresh here, once, so that the
# store never imports what is built on top of it.
from ita_data import derived as _derived  # noqa: E402,F401
