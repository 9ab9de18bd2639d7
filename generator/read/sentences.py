"""Sentences and clauses of a paragraph: where they start and end."""
from __future__ import annotations

SENTENCE_END = "。！？!?"
CLAUSE_END = "，；,;" + SENTENCE_END


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence of a paragraph, the end punctuation included."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def start_of_clause(text: str, pos: int) -> int:
    """Return the start of the clause holding ``pos``."""
    return max(text.rfind(c, 0, pos) for c in CLAUSE_END) + 1


def end_of_clause(text: str, pos: int) -> int:
    """Return the end of the clause holding ``pos`` (its delimiter excluded)."""
    ends = [i for i in (text.find(c, pos) for c in CLAUSE_END) if i >= 0]
    return min(ends) if ends else len(text)
