"""Result tables in and out: read a CSV/XLSX into a checked preview, store it whole or not at all, export.

A page or the CLI calls ``read_table`` (bytes → TablePreview with per-row errors and warnings), shows it,
then ``commit_table`` (→ ImportResult); ``export_all`` writes the same layout back out.
Reading is ``read`` (its steps, in order), ``grids`` (bytes → grids of cells; ``xlsx`` for a workbook),
``columns`` (header words → fields) and ``cells`` (a cell → the value it stores); ``limits`` bounds them all.
"""

from ita_data.tables.commit import ImportResult, commit_table, import_table_file
from ita_data.tables.export import RESULTS_FILE, export_all, results_frame
from ita_data.tables.read import ALLOWED_SUFFIXES, MAX_FILE_BYTES, TableError, TablePreview, check_upload, read_table

__all__ = [
    "ALLOWED_SUFFIXES",
    "MAX_FILE_BYTES",
    "RESULTS_FILE",
    "ImportResult",
    "TableError",
    "TablePreview",
    "check_upload",
    "commit_table",
    "export_all",
    "import_table_file",
    "read_table",
    "results_frame",
]
