"""Figures measured against a target: the target's size and the share of it reached (为全年任务740万元的56.6%)."""
from __future__ import annotations

import functools
import re

from generator.datafiles import load as load_data
from generator.read.drafts import Draft
from generator.read.lexicon import cue_regex, growth_words, opens_with_excess, period_matchers, possessive, rate_bases
from generator.read.sentences import start_of_clause


@functools.cache
def _frame_regex() -> re.Pattern:
    """Return a regex matching a clause opening that measures against a target (为全年任务, 占年度计划, 完成全年目标)."""
    data = load_data("periods.yaml")
    return re.compile(rf"{data['progress_verbs']}((?:{period_matchers()[0].pattern})?)({data['progress_targets']}数?)")


def measured_against_target(sentence: str, start: int, end: int) -> bool:
    """Return True for a figure (at ``start``..``end``) measured against its target, as only a result is: a level the
    clause after it measures (实现税收收入25.86亿元，完成镇人代会目标的54.4%), or the share so measured; not when the
    level's own clause aims (力争实现…，完成年度目标的60%)."""
    level_start, of = start_of_clause(sentence, start), possessive()
    after = _frame_regex().match(sentence, end + 1) if sentence[end:end + 1] in "，," else None
    measured = after is not None and re.match(rf"{of}[\d.]+%", sentence[after.end():after.end() + 10])
    share = not measured and sentence.startswith(of, start - len(of))  # 完成…目标的54.4%: only a share has 的 before it
    frame = _frame_regex().fullmatch(sentence, level_start, max(level_start, start - len(of))) if share else None
    if frame is not None and sentence.startswith(possessive(), frame.end()) and level_start >= 2:
        measured, level_start = True, start_of_clause(sentence, level_start - 1)
    return bool(measured) and cue_regex("target").search(sentence, level_start, start) is None


def name_progress_frames(sentence: str, drafts: list[Draft]) -> None:
    """Name a target's size written inside a progress frame after the level measured (财税总收入419万元，为全年任务
    740万元的56.6% → 财税总收入全年任务), and the share after it as that level's share of the target."""
    frame = _frame_regex()
    share = load_data("modality.yaml")
    for index, draft in enumerate(drafts[1:], start=1):
        clause_start = start_of_clause(sentence, draft.num.start)
        match = frame.fullmatch(sentence, clause_start, draft.num.start)
        if match is None or draft.num.unit in rate_bases() or opens_with_excess(match.group()):
            continue  # 超目标任务53.4个百分点: by how much the target was passed, not its size
        level = _level_before(drafts, index)
        if level.num.end > clause_start:
            continue
        draft.indicator = level.indicator + match.group(1) + match.group(2)
        normal = period_matchers()[1]
        draft.extra["period"] = normal.get(match.group(1), match.group(1))  # the task is the year's, not the half's
        after = drafts[index + 1] if index + 1 < len(drafts) else None
        if after and after.num.unit == "%" and sentence[draft.num.unit_end:after.num.start] == possessive():
            after.indicator = level.indicator + share["share_verbs"][0] + match.group(1) + match.group(2) + share["share_noun"]



def _level_before(drafts: list[Draft], index: int) -> Draft:
    """Return the nearest level before ``drafts[index]``, passing over changes (4100万元，较去年增收600万元，占年初
    计划…: the plan is the 4100万元's); the draft right before it when none is near."""
    near = drafts[max(0, index - 3):index]
    return next((d for d in reversed(near) if not d.indicator.endswith(growth_words())), drafts[index - 1])
