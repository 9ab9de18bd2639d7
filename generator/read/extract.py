"""Read a cleaned report: metadata, section tree, anchored paragraphs, facts and named things."""
from __future__ import annotations

import re
from dataclasses import replace

from generator.datafiles import load as load_data
from generator.model import CleanText, Fact, Report
from generator.read.entities import extract_entities
from generator.read.facts import named_by_row, paragraph_facts
from generator.read.meta import build_meta
from generator.read.periods import paragraph_tells_done
from generator.read.sections import build_sections
from generator.read.segment import load_jieba, load_posseg


def extract_report(clean: CleanText) -> Report:
    """Return the Report read from a cleaned text: meta, sections, paragraphs and facts."""
    load_jieba()
    load_posseg()
    sections, paragraphs = build_sections(clean)
    meta = build_meta(clean, sections)
    plan_ids = {s.id for s in sections if s.is_plan}
    glossary = re.compile(load_data("not_facts.yaml")["glossary_start"])
    facts: list[Fact] = []
    prefix = f"{meta.slug}-{meta.year}" if meta.year else meta.slug
    in_glossary = in_appendix = False
    previous = ""
    for index, (line, paragraph) in enumerate(zip(clean.paragraphs, paragraphs)):
        in_glossary = in_glossary or paragraph.text.startswith("名词解释")
        in_appendix = in_appendix or bool(re.match(r"附件\s*\d*\s*$", paragraph.text))
        if paragraph.is_heading or in_glossary or glossary.match(paragraph.text):
            continue
        plan = paragraph.section in plan_ids and not paragraph_tells_done(paragraph.text)
        found = paragraph_facts(line, paragraph, plan, prefix, len(facts), previous)
        facts.extend(named_by_row(found, paragraphs, index) if in_appendix else found)
        previous = paragraph.text
    report = Report(meta=meta, sections=tuple(sections), paragraphs=tuple(paragraphs), facts=tuple(facts))
    return replace(report, entities=extract_entities(clean))
