"""Named things of a report: projects, enterprises, villages and communities."""
from __future__ import annotations

import functools
import re

from generator.datafiles import load as load_data
from generator.model import Entity, Report
from generator.read.sections import build_sections
from generator.read.sentences import sentence_spans


def extract_entities(source) -> tuple[Entity, ...]:
    """Return the projects, enterprises, villages and communities named in a report (a CleanText or a
    Report), each once per paragraph, with the sentence it occurs in."""
    if isinstance(source, Report):
        paragraphs = source.paragraphs
        offsets = {}
    else:
        paragraphs = build_sections(source)[1]
        offsets = {f"p-{i + 1}": line for i, line in enumerate(source.paragraphs)}
    found: list[Entity] = []
    seen: set[tuple[str, str, str]] = set()
    for paragraph in paragraphs:
        line = offsets.get(paragraph.anchor)
        for start, end in sentence_spans(paragraph.text):
            sentence = paragraph.text[start:end]
            for kind, name, at in _names_in(sentence):
                if (kind, name, paragraph.anchor) in seen:
                    continue
                seen.add((kind, name, paragraph.anchor))
                where = line.line_at(start + at) if line else paragraph.line
                found.append(Entity(kind=kind, name=name, paragraph=paragraph.anchor, sentence=sentence.strip(), line=where))
    return tuple(found)


@functools.cache
def _entity_suffix_regex() -> re.Pattern:
    """Return the regex of every entity suffix (项目, 有限公司, 村 …), longest first."""
    suffixes = sorted(load_data("indicators.yaml")["entities"]["suffixes"], key=len, reverse=True)
    return re.compile("|".join(suffixes))


def _names_in(sentence: str) -> list[tuple[str, str, int]]:
    """Return (kind, name, start) of the named things in one sentence."""
    suffixes = load_data("indicators.yaml")["entities"]["suffixes"]
    names = []
    for match in _entity_suffix_regex().finditer(sentence):
        kind = suffixes[match.group()]
        head = _entity_head(sentence, match.start(), place=kind in ("village", "community"))
        if head and _is_proper(head, match.group()):
            names.append((kind, head + match.group(), match.start() - len(head)))
    return names


def _entity_head(sentence: str, end: int, place: bool = False) -> str:
    """Return the name written before an entity suffix: the words after the last break, verb or lead word."""
    import jieba.posseg as pseg

    data = load_data("indicators.yaml")["entities"]
    breaks = data["breaks"] + (data["place_breaks"] if place else "")
    limit = data["place_head_max"] if place else 30
    start = end
    while start > 0 and end - start < limit and not re.match(f"[{breaks}]", sentence[start - 1]):
        start -= 1
    words = list(pseg.cut(sentence[start:end]))
    cut = 0
    for i, token in enumerate(words):
        if token.flag == "v" or token.word in data["lead_words"] or token.flag in ("m", "q", "p", "c", "u", "d"):
            cut = i + 1
    head = "".join(t.word for t in words[cut:]).lstrip("（）()-·")
    return head if len(head) >= 2 and head.count("（") == head.count("）") else ""


def _is_proper(head: str, suffix: str) -> bool:
    """Return True when a name has a proper part: a word jieba knows as a place or name, a word it does
    not know at all (万邦德, 照旺台), or Latin letters; 重点项目, 示范村, 乡村 have none."""
    import jieba
    import jieba.posseg as pseg

    data = load_data("indicators.yaml")["entities"]
    generic = set(data["generic_words"])
    if head in generic or (head + suffix).endswith(tuple(data["generic_endings"])):
        return False
    strict = suffix in data["strict_suffixes"]
    whole = pseg.dt.word_tag_tab.get(head + suffix)
    if whole in ("ns", "nr", "nz", "nt"):
        return True
    jieba.dt.check_initialized()
    for token in pseg.cut(head):
        if token.word in generic:
            continue
        if token.flag in ("ns", "nr", "nz", "nt", "nrt", "nrfg", "eng") or (
                not strict and len(token.word) >= 2 and token.word not in jieba.dt.FREQ):
            return True
    return False
