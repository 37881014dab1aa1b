"""Marking text for the pages: the words two passages share (the duplicate comparison).

Words are compared folded (``checks.shingles.tokens``: case, diacritics and "đ"/"d" aside),
so an OCR'd copy that lost a mark still lines up with the typed original. A run of at least
``MIN_RUN`` words in the same order on both sides is marked; single common words ("và",
"của") are not evidence and stay plain. The result is segments ``[(text, marked)]`` that
the template escapes.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from checks.shingles import tokens

MIN_RUN = 3
Segments = list[tuple[str, bool]]


def shared_runs(ours: str, theirs: str, min_run: int = MIN_RUN) -> tuple[Segments, Segments]:
    """``ours`` and ``theirs`` as segments, the runs of words they share marked in both."""
    a_starts, a_ends, a_forms = tokens(ours)
    b_starts, b_ends, b_forms = tokens(theirs)
    matcher = SequenceMatcher(None, a_forms, b_forms, autojunk=False)
    a_spans, b_spans = [], []
    for block in matcher.get_matching_blocks():
        if block.size >= min_run:
            a_spans.append((a_starts[block.a], a_ends[block.a + block.size - 1]))
            b_spans.append((b_starts[block.b], b_ends[block.b + block.size - 1]))
    return segments(ours, a_spans), segments(theirs, b_spans)


def segments(text: str, spans: list[tuple[int, int]]) -> Segments:
    """``text`` cut at ``spans`` (sorted, not overlapping): marked inside them, plain between."""
    out: Segments = []
    at = 0
    for start, end in sorted(spans):
        if start > at:
            out.append((text[at:start], False))
        out.append((text[max(start, at):end], True))
        at = max(at, end)
    if at < len(text):
        out.append((text[at:], False))
    return out
