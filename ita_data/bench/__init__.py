"""Benchmarks, load and fixture makers: they print figures and assert nothing, and the product never imports them.

``bench`` (analytics), ``store-bench`` (publishing), ``parse-bench`` and ``parse-fuzz-bench`` (the report
reader), ``doc-bench`` (documents), ``loadtest`` (officers at once); ``samples`` makes the documents the
document tests and ``doc-bench`` read (Word, LibreOffice PDF, scans).
"""
