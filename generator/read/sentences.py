"""Sentences and clauses of a paragraph: where they start and end, and which cue or period phrase
was written before a position, each found without rescanning the sentence from its start."""
from __future__ import annotations

import bisect
import functools
import re
from typing import Callable, Optional

SENTENCE_END = "。！？!?"
# The most characters one attempt of a cue or period regex reads from where it starts (its words and
# look-arounds: a few characters each). A scan cut at a position differs from the whole sentence's scan
# only in attempts starting this close to the cut, so only those are searched again.
REACH = 100
CLAUSE_END = "，；,;" + SENTENCE_END
_CLAUSE_END = re.compile(f"[{re.escape(CLAUSE_END.replace(',', ''))}]|(?<!\\d),|,(?!\\d)")  # 1,200万元: one number
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END)}]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence of a paragraph, the end punctuation included."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@functools.lru_cache(maxsize=16)
def clause_ends(text: str) -> tuple[int, ...]:
    """Return the positions of the clause delimiters of ``text``, in order (found once per text: a
    sentence of many numbers asks for its clauses thousands of times)."""
    return tuple(m.start() for m in _CLAUSE_END.finditer(text))


def _position(text: str, pos: int) -> int:
    """Return ``pos`` as str.find/rfind read it: a negative one counts from the end."""
    return max(0, pos + len(text)) if pos < 0 else pos


def start_of_clause(text: str, pos: int) -> int:
    """Return the start of the clause holding ``pos``."""
    ends = clause_ends(text)
    before = bisect.bisect_left(ends, _position(text, pos))
    return ends[before - 1] + 1 if before else 0


def end_of_clause(text: str, pos: int) -> int:
    """Return the end of the clause holding ``pos`` (its delimiter excluded)."""
    ends = clause_ends(text)
    after = bisect.bisect_left(ends, _position(text, pos))
    return ends[after] if after < len(ends) else len(text)


@functools.lru_cache(maxsize=64)
def _scan(regex: re.Pattern, text: str, keep: Optional[Callable]) -> tuple[tuple[int, ...], tuple, tuple[int, ...]]:
    """Return the matches of ``regex`` over all of ``text``: their starts, the matches, and for each the
    index of the last one up to it that ``keep`` accepts (-1 for none)."""
    matches = tuple(regex.finditer(text))
    kept, last = [], -1
    for i, match in enumerate(matches):
        last = i if keep is None or keep(text, match) else last
        kept.append(last)
    return tuple(m.start() for m in matches), matches, tuple(kept)


@functools.lru_cache(maxsize=256)
def _window_matches(regex: re.Pattern, text: str, start: int, end: int) -> tuple[re.Match, ...]:
    """Return the matches of ``regex`` in ``text[start:end]``; cached, as a period and its base are sought at one place."""
    return tuple(regex.finditer(text, start, end))


def last_match_before(regex: re.Pattern, text: str, pos: int, keep: Optional[Callable] = None) -> Optional[re.Match]:
    """Return the last match of ``regex.finditer(text, 0, pos)`` that ``keep(text, match)`` accepts, None
    if there is none: the whole text's matches found once, only the last REACH characters scanned again."""
    starts, matches, kept = _scan(regex, text, keep)
    cut = pos - REACH
    k = bisect.bisect_left(starts, cut) - 1  # the whole-text matches before the cut are the cut scan's too
    window = max(cut, matches[k].end() if k >= 0 else 0, 0)
    for match in reversed(_window_matches(regex, text, window, pos)):
        if keep is None or keep(text, match):
            return match
    return matches[kept[k]] if k >= 0 and kept[k] >= 0 else None


def found_before(regex: re.Pattern, text: str, pos: int) -> bool:
    """Return whether ``regex.search(text, 0, pos)`` finds a match (a cue written before ``pos``)."""
    starts, matches, _ = _scan(regex, text, None)
    if matches and matches[0].end() <= pos - REACH:
        return True
    window = max(0, pos - REACH) if not matches else max(0, min(starts[0], pos - REACH))
    return regex.search(text, window, pos) is not None
