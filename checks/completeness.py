"""Completeness check. STUB: being written."""
