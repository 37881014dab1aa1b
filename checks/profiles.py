"""Rule profiles. STUB: being written."""
