"""The ITA data package: rules as data, the DuckDB store, ingestion and analytics. No Streamlit here."""
