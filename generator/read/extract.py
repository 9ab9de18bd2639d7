"""Read a cleaned report: its sections, what it is, its facts and the things it names, in that order."""
from __future__ import annotations

from typing import Optional

from generator.model import CleanText, Report
from generator.read.deadlines import planned_ahead
from generator.read.entities import extract_entities
from generator.read.facts import report_facts
from generator.read.meta import build_meta
from generator.read.projects import name_by_sentence_before
from generator.read.sections import build_sections
from generator.read.sidecar import apply_sidecar
from generator.read.segment import load_jieba, load_posseg
from generator.read.written import restore_written


def extract_report(clean: CleanText, sidecar: Optional[dict] = None) -> Report:
    """Return the Report read from a cleaned text: meta (the sidecar's values winning), sections,
    paragraphs, facts and entities; a text written in Traditional is read in Simplified and shown as written."""
    load_jieba()
    load_posseg()
    sections, paragraphs = build_sections(clean)
    meta = apply_sidecar(build_meta(clean, sections), sidecar or {})
    prefix = f"{meta.slug}-{meta.year}" if meta.year else meta.slug
    facts = report_facts(clean, sections, paragraphs, prefix, meta.year)
    facts = planned_ahead(name_by_sentence_before(facts, paragraphs), meta)
    report = Report(meta=meta, sections=tuple(sections), paragraphs=tuple(paragraphs), facts=tuple(facts),
                    entities=extract_entities(clean))
    return restore_written(report, clean)
