"""A report written in Traditional characters, once read in Simplified, given back its own characters.

The reader works on Simplified text (OpenCC t2s, normalize.py); every cleaned character keeps the character
written in its place (Line.written, one for one). Once read, what comes from the report's words is shown as
written: paragraphs, section titles, each fact's quote (by position) and its indicator, period and qualifier,
the names of things, the title, meeting and speaker (the period covered stays as read: the pages compute
years from it). A name is taken at its place in the clause or paragraph
it was read from; a name found nowhere there goes through the report's own Simplified → written character
map. Official data (place names from the divisions, the English) stays as it is; units are shown as written
(萬元), and looked up in Simplified. Report.simplified
records each name shown with its Simplified form, for the stages that look words up (the English glossary).
"""
from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from typing import Optional, Sequence

from generator.model import CleanText, Entity, Fact, Line, Report, Section

# (Simplified text, the same text as written), one for one
Pair = tuple[str, str]


class _Restorer:
    """Give Simplified strings of one report back the report's own characters, recording each name."""

    def __init__(self, lines: Sequence[Line]):
        self.pairs: list[Pair] = [(line.text, line.written or line.text) for line in lines]
        counts: dict[str, Counter] = {}
        for line in lines:  # how the report writes each character (a line kept in Simplified tells nothing)
            for s, w in zip(line.text, line.written):
                counts.setdefault(s, Counter())[w] += 1
        self.chars = {s: c.most_common(1)[0][0] for s, c in counts.items()}
        self.names: dict[str, str] = {}  # written → Simplified

    def at(self, text: str, pair: Pair, near: Optional[int] = None) -> Optional[str]:
        """Return ``text`` as written where it occurs in ``pair`` (the occurrence nearest ``near``), or None."""
        simplified, written = pair
        found = _occurrences(simplified, text)
        if not found:
            return None
        i = found[0] if near is None else min(found, key=lambda k: abs(k - near))
        return written[i:i + len(text)]

    def name(self, text: Optional[str], *within: Pair) -> Optional[str]:
        """Return a name as written: at its place in the first of ``within`` holding it, else character by
        character through the report's map; recorded for the lookups of Report.simplified."""
        if not text:
            return text
        shown = next((w for w in (self.at(text, pair) for pair in within) if w is not None), None)
        if shown is None:
            shown = self.by_character(text)
        if shown != text:
            self.names.setdefault(shown, text)
        return shown


    def by_character(self, text: str) -> str:
        """Return ``text`` character by character as the report writes each, and as OpenCC puts a character
        the report does not write in Traditional (城乡居民 … 城镇居民: 鎮 written nowhere)."""
        guess = _s2t().convert(text)
        if len(guess) != len(text):
            guess = text
        return "".join(self.chars.get(c, g) for c, g in zip(text, guess))


@functools.cache
def _s2t():
    """Return OpenCC's Simplified-to-Traditional converter."""
    import opencc

    return opencc.OpenCC("s2t")


def _occurrences(text: str, part: str) -> list[int]:
    """Return every start of ``part`` in ``text``."""
    found, i = [], text.find(part)
    while i >= 0 and part:
        found.append(i)
        i = text.find(part, i + 1)
    return found


def restore_written(report: Report, clean: CleanText) -> Report:
    """Return ``report`` shown in the characters its text is written in; unchanged for a text that was not
    converted to Simplified (every line's written form empty)."""
    if not any(line.written for line in clean.paragraphs):
        return report
    r = _Restorer(clean.paragraphs)
    by_anchor = {f"p-{i + 1}": pair for i, pair in enumerate(r.pairs)}
    sections, ids = _sections(report.sections, r, by_anchor)
    paragraphs = tuple(dataclasses.replace(p, text=by_anchor[p.anchor][1] if p.anchor in by_anchor else p.text,
                                           section=ids.get(p.section, p.section)) for p in report.paragraphs)
    lines = dict(zip(by_anchor, clean.paragraphs))
    facts = tuple(_fact(f, r, by_anchor, lines, ids) for f in report.facts)
    entities = tuple(_entity(e, r, by_anchor) for e in report.entities)
    m = report.meta
    front = r.pairs[:12]
    meta = dataclasses.replace(m, title=r.name(m.title, *front), meeting=r.name(m.meeting, *front),
                               speaker=r.name(m.speaker, *front), speaker_title=r.name(m.speaker_title, *front))
    return dataclasses.replace(report, meta=meta, sections=sections, paragraphs=paragraphs, facts=facts,
                               entities=entities, simplified=tuple(sorted(r.names.items())))


def _sections(sections: Sequence[Section], r: _Restorer, by_anchor: dict[str, Pair]
              ) -> tuple[tuple[Section, ...], dict[str, str]]:
    """Return the sections with their titles as written, and their ids old → new (an id is its title)."""
    ids: dict[str, str] = {}
    anchors = list(by_anchor)
    index = {a: i for i, a in enumerate(anchors)}
    titles = {}
    for s in sections:
        at = index.get(s.paragraph, -1)
        pair = by_anchor.get(s.paragraph, ("", ""))
        after = by_anchor[anchors[at + 1]] if 0 <= at < len(anchors) - 1 else ("", "")
        titles[s.id] = r.name(s.title, pair, (pair[0] + after[0], pair[1] + after[1]))  # a heading over two lines
        new_id = titles[s.id] + s.id[len(s.title):] if s.id.startswith(s.title) else s.id
        ids[s.id] = new_id if new_id not in ids.values() else s.id
    restored = tuple(dataclasses.replace(s, id=ids[s.id], title=titles[s.id], parent=ids.get(s.parent, s.parent))
                     for s in sections)
    return restored, ids


def _fact(fact: Fact, r: _Restorer, by_anchor: dict[str, Pair], lines: dict[str, Line], ids: dict[str, str]) -> Fact:
    """Return a fact with its quote, indicator, period and qualifier as written, its section id renamed."""
    pair = by_anchor.get(fact.source.paragraph, ("", ""))
    starts = _occurrences(pair[0], fact.source.quote)
    quote = fact.source.quote
    if starts:
        line = lines[fact.source.paragraph]
        start = next((i for i in starts if line.line_at(i) == fact.source.line), starts[0])
        quote = pair[1][start:start + len(quote)]
    clause = (fact.source.quote, quote)
    return dataclasses.replace(
        fact, source=dataclasses.replace(fact.source, quote=quote),
        indicator=r.name(fact.indicator, clause, pair), period=r.name(fact.period, clause, pair),
        qualifier=r.name(fact.qualifier, clause, pair), unit=r.name(fact.unit, clause, pair),
        section=ids.get(fact.section, fact.section))


def _entity(entity: Entity, r: _Restorer, by_anchor: dict[str, Pair]) -> Entity:
    """Return a named thing with its name and sentence as written."""
    pair = by_anchor.get(entity.paragraph, ("", ""))
    sentence = r.at(entity.sentence, pair)
    if sentence is None:
        return dataclasses.replace(entity, name=r.name(entity.name, pair))
    return dataclasses.replace(entity, name=r.name(entity.name, (entity.sentence, sentence), pair), sentence=sentence)
