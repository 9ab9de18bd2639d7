"""Figures of a project (总投资, 占地, 年产值, 利税) named after the project an earlier clause of their statement names."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from generator.datafiles import load as load_data
from generator.model import Fact, Paragraph
from generator.read.indicators import tidy_name
from generator.read.lexicon import data_pattern
from generator.read.segment import word_tags
from generator.read.sentences import sentence_spans

_NAME_MAX = 30  # a project's name is short: a longer clause says more than a name
_CLAUSES_BACK = 6  # a project's figures follow its name closely: X项目，由Y公司投资兴建，项目总投资…，占地…
_STATEMENT_ENDS = "。；;"
_REACH = 600  # characters searched back for those clauses: a long sentence is not searched back to its start
_DRAFTS_BACK = 12  # figures searched back for those in a clause: a long list stays linear


def project_named(clause: str, data: dict) -> str:
    """Return a clause that is only the name of a project (安徽宝寿陵园有限责任公司项目，该项目总投资…), '' otherwise."""
    tokens = word_tags(clause)
    named = clause.endswith(tuple(data["project_heads"])) and len(clause) <= _NAME_MAX
    return clause if named and tokens and not any(t.flag in ("v", "d") for t in tokens) else ""  # 小 (a) names


def name_by_project_before(sentence: str, drafts: list) -> None:
    """Name each bare figure of a project (项目总投资, 占地, 计划投资, 利税) after the project an earlier clause of its
    statement names (1、X产业园项目，由Y公司投资兴建，项目用地400亩 → X产业园项目用地), unless a clause between them
    gives a figure of something else; mark the figures so named."""
    data = load_data("indicators.yaml")
    attributes = [project_attribute(d.indicator, data) if d.kind != "rank" and not d.num.growth
                  and not named_after(sentence, d) else "" for d in drafts]
    owners: dict[int, str] = {}
    for i, draft in enumerate(drafts):
        if attributes[i]:
            owners[i] = _project_before(sentence, draft.num.start, drafts, i, attributes, owners, data)
            draft.indicator = owners[i] + attributes[i] if owners[i] else draft.indicator
            draft.extra["project"] = bool(owners[i])


def named_after(sentence: str, draft) -> bool:
    """Return True when words after a figure in its quote name what it is of (投资300万元完成小麦深松整地, 总投资11亿元的
    X项目), beyond a hedge (以上, 左右)."""
    return bool(sentence[draft.num.end:draft.quote_end].strip("以上左右多余"))


def project_attribute(name: str, data: dict) -> str:
    """Return the attribute of a project a name is alone (项目总投资 → 总投资, 该项目占地 → 占地, 一期投资), '' for any
    other name."""
    name = tidy_name(name)
    for word in sorted(data["anaphors"] + data["project_heads"], key=len, reverse=True):
        name = name[len(word):] if name.startswith(word) and len(name) > len(word) else name
    phase = next((p for p in data["project_phases"] if name.startswith(p)), "")
    return name if name[len(phase):] in data["project_attributes"] else ""


def name_by_sentence_before(facts: list[Fact], paragraphs: list[Paragraph]) -> list[Fact]:
    """Return the facts with the bare project figures opening a sentence (项目总投资53.1亿元，一期投资…，占地…) named
    after the project the sentence before it names, when that one gives no figure (一是X项目进展顺利。与Y公司完成签约。)."""
    data = load_data("indicators.yaml")
    texts, endings = {p.anchor: p.text for p in paragraphs}, tuple(data["project_attributes"])
    out, place, lead, spans_of = [], None, None, {}
    for fact in facts:
        text = texts.get(fact.source.paragraph, "")
        if fact.source.paragraph not in spans_of:  # a paragraph's sentences found once for all its facts
            spans_of[fact.source.paragraph] = sentence_spans(text)
        spans, at = spans_of[fact.source.paragraph], text.find(fact.source.quote)
        index = bisect_right(spans, (at, len(text) + 1)) - 1 if at >= 0 and spans else None  # the sentence holding it
        if (fact.source.paragraph, index) != place:  # a new sentence: its lead holds while only its figures precede
            place, lead = (fact.source.paragraph, index), None
        if lead is None and fact.indicator.endswith(endings) and fact.kind != "rank":
            lead = _lead_project(text, spans, index, at, data) if index else ""
        attribute = project_attribute(fact.indicator, data) if lead and fact.indicator.endswith(endings) else ""
        lead = lead if attribute else ""
        out.append(replace(fact, indicator=lead + attribute) if attribute else fact)
    return out


def _lead_project(text: str, spans: list, index: int, at: int, data: dict) -> str:
    """Return the project the sentence before sentence ``index`` names, when it gives no figure and sentence ``index``
    opens with the figure at ``at`` (its first clause or an anaphor before it), '' otherwise."""
    before, start = text[spans[index - 1][0]:spans[index - 1][1]], spans[index][0]
    opening = text[start:at]
    if re.search(r"\d", before + opening) or len(opening) > _NAME_MAX:
        return ""
    for clause in reversed(re.split("[，,：:。；;！!]", before)):
        firm = re.search(f"(?:与|同)([\u4e00-\u9fff（）()]{{2,{_NAME_MAX}}}(?:{'|'.join(data['firm_heads'])}))", clause)
        project = tidy_name(_project_in(clause, data)) or (firm.group(1) + data["project_heads"][0] if firm else "")
        if project:
            return project
    return ""


def _project_before(sentence: str, at: int, drafts: list, i: int, attributes: list[str], owners: dict[int, str],
                    data: dict) -> str:
    """Return the project the clauses before ``at`` (of the ``i``-th figure) in its statement name last, '' when a
    clause between gives a figure of another thing (建成道路5公里，总投资300万元: the road's); ``owners`` are the
    projects of earlier figures."""
    floor = max(0, at - _REACH)
    start = max(floor - 1, *(sentence.rfind(mark, floor, at) for mark in _STATEMENT_ENDS)) + 1
    ends = [m.start() for m in re.compile("[，,：:]").finditer(sentence, start, at)]
    spans = list(zip([start] + [e + 1 for e in ends], ends))  # each clause before ``at``'s, without its comma
    for begin, end in reversed(spans[-_CLAUSES_BACK:]):
        inside = [j for j in range(max(0, i - _DRAFTS_BACK), i) if begin <= drafts[j].num.start < end]
        if inside and owners.get(inside[-1]):
            return owners[inside[-1]]  # 项目总投资1.3亿元，占地60亩: the project of the figure before
        if inside and not attributes[inside[-1]]:
            return _project_of(drafts[inside[-1]], data)
        project = _project_in(sentence[begin:end], data)
        if project:
            return project
    return ""


def _project_of(draft, data: dict) -> str:
    """Return the project a figure is of by its name: a count of projects (X项目37项) or an attribute of one
    (引进总投资11亿元的X项目 → X项目总投资); '' for a figure of anything else."""
    name = tidy_name(draft.indicator)
    heads = tuple(data["project_heads"] + data["firm_heads"])
    if draft.num.unit in data["project_count_units"]:
        return name if name.endswith(tuple(data["project_heads"])) else ""
    owner = next((name[:-len(a)] for a in sorted(data["project_attributes"], key=len, reverse=True) if name.endswith(a)), "")
    return owner if owner.endswith(heads) else ""


def _project_in(clause: str, data: dict) -> str:
    """Return the project a clause names: the whole clause as a name (1、X项目) or the project after the verb or 的
    that opens it (顺利完成X公司Y项目的签约, 引进总投资11亿元的Z项目); '' when it names none."""
    marks = "|".join(data_pattern(level) for level in ("level_1", "level_2", "level_3"))
    clause = re.sub(f"^(?:{marks})", "", clause.strip())
    firm = "|".join(data["firm_heads"])
    if re.fullmatch(f"[\u4e00-\u9fff（）()]{{2,{_NAME_MAX}}}(?:{firm})", clause):
        return clause  # 其中，X有限公司，计划投资额…: a firm named alone; 由Y公司投资兴建 names the builder
    heads = list(re.finditer("|".join(data["project_heads"]), clause))
    if not heads or clause[:heads[-1].end()].endswith(tuple(data["anaphors"])):
        return ""
    name = clause[:heads[-1].end()]
    openers = "|".join(sorted(data["project_openers"], key=len, reverse=True))
    cuts = sorted((m.end() for m in re.finditer(f"的|{openers}", name[:heads[-1].start()])), reverse=True)
    cut = next((c for c in cuts if heads[-1].start() - c >= 2), 0)  # 完成公路建设项目: 建设 is the project's
    name = name[cut:]
    return name if 4 <= len(name) <= _NAME_MAX and not re.search("[，、“”]", name) else ""
