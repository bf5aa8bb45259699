"""The dashboard's pages: each reads the shared filters, calls ita_data, and draws."""
