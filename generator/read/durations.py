"""Durations: the time a task took (利用20天完成…播种 → 播种用时) and how long a streak has held (连续5年位居…)."""
from __future__ import annotations

import re

from generator.datafiles import load as load_data
from generator.read.indicators import clean_indicator
from generator.read.lexicon import after_examples_end
from generator.read.segment import word_tags
from generator.read.sentences import end_of_clause


def name_time_taken(sentence: str, drafts: list) -> None:
    """Name a duration after a verb of time used as the time the task after it took (利用20天完成47万亩农田冬小麦
    播种 → 农田冬小麦播种用时; 利用14个月，完成安置房建设 → 安置房建设用时), and take the verb and 时间 out of
    the names of the task's own figures (47万亩: 农田冬小麦播种, not 利用农田冬小麦播种)."""
    data = load_data("indicators.yaml")
    verbs = tuple(sorted(data["time_taken_verbs"], key=len, reverse=True))
    for i, draft in enumerate(drafts):
        before = sentence[max(0, draft.num.start - 8):draft.num.start].rstrip("近仅约")  # a window: long lists stay linear
        verb = next((v for v in verbs if before.endswith(v)), "")
        verb = verb or ("用" if before.endswith("用") and sentence.startswith("时间", draft.num.end) else "")  # 用两年时间
        if not verb or draft.num.unit not in data["time_taken_units"] or draft.num.growth:
            continue
        task_drafts = [d for d in drafts[i + 1:] if d.quote_start <= _task_start(sentence, draft.num.end)]
        for later in task_drafts:
            later.indicator = re.sub(rf"^(?:{verb})?(?:时间)?", "", later.indicator) or later.indicator
        task = _task(sentence, draft.num.end) or (task_drafts[0].indicator if task_drafts else "")
        if task:
            draft.indicator = task + data["time_taken_noun"]


def name_streaks(sentence: str, drafts: list) -> None:
    """Name a duration after a word of streak by its subject, that word and what has held, which a stop word
    would cut (大棚西瓜总产量连续5年位居全省第一 → 大棚西瓜总产量连续位居全省第一, 连续三年开展X → 连续开展X); a
    level held that long is the subject's (粮食总产连续5年稳定在10亿斤以上 → 粮食总产)."""
    data = load_data("indicators.yaml")
    for i, draft in enumerate(drafts):
        word = next((w for w in data["streak_words"] if sentence.endswith(w, 0, draft.num.start)), "")
        if not word or draft.num.unit not in data["streak_units"] or draft.num.growth:
            continue
        start = max([draft.quote_start] + [d.num.end for d in drafts if d.num.end <= draft.num.start])
        subject = clean_indicator(sentence[start:draft.num.start - len(word)])
        level = next((d for d in drafts[i + 1:] if d.quote_start == draft.quote_start), None)
        held = _streak_predicate(sentence[draft.num.end:level.quote_end if level else end_of_clause(sentence, draft.num.end)])
        if level is not None and level.kind == "rank":  # 连续5年位居全省第一: the rank is a fact of its own
            level, held = None, _streak_predicate(sentence[draft.num.end:end_of_clause(sentence, draft.num.end)])
        if level is not None and not subject:
            continue
        if held:
            draft.indicator = subject + word + held
        if level is not None:
            level.indicator = subject


def _streak_predicate(words: str) -> str:
    """Return what a streak is of, its words without quotes, asides and the particle 了; '' when they are only
    stop words."""
    words = re.sub(r"[“”\"‘’《》]|[（(][^）)]*[）)]", "", words)
    return "".join(t.word for t in word_tags(words) if t.flag != "ul") if clean_indicator(words) else ""


def _task_start(sentence: str, pos: int) -> int:
    """Return where the task after a duration starts: after 时间 and a comma (利用14个月，完成…)."""
    pos += 2 if sentence.startswith("时间", pos) else 0
    return pos + 1 if sentence[pos:pos + 1] == "，" else pos


def _task(sentence: str, pos: int) -> str:
    """Return the task named after a duration up to its first figure or the end of its clause, its verbs of
    completion dropped (完成北三环东延安置房建设), '' when a figure comes first."""
    start = _task_start(sentence, pos)
    words = re.match(r"[^，。；\d]*", sentence[start:]).group()
    words = re.sub(r"^(?:就|才)?(?:完成了|完成|实现了|实现)?", "", words)
    book = re.match(r"(.+?)完成的?《([^》]+)》", words)
    words = book[2] + book[1] if book else words  # 编纂完成的《冉庄镇志》 → 冉庄镇志编纂
    return clean_indicator(after_examples_end(words))  # A、B等片区土地收储: the task, not its examples
