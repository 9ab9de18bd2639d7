"""Clauses and cues found without rescanning a sentence: the same answers as a scan from its start."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from generator.read.lexicon import Prefixes, cue_regex, period_alternation, period_matchers
from generator.datafiles import load as load_data
from generator.read.periods import _governs, _inside_word, _period_later_in_clause, period_before
from generator.read.sentences import CLAUSE_END, SENTENCE_END, end_of_clause, found_before, sentence_spans, start_of_clause

# words of the period phrases, cues and clause ends, and the characters around them
_PIECES = ["2023年", "2022年", "3月", "12月份", "以来", "截至", "底", "上半年", "全年", "今年", "比", "较", "由", "相比",
           "计划", "预计", "目标是", "任务目标", "力争", "成功争创", "要", "确保", "“十三五”", "末", "期间", "，", "；",
           "。", ",", "增长", "5", "0", "年", "至", "-", "了", "a"]
_SENTENCE = st.lists(st.sampled_from(_PIECES), max_size=200).map("".join)


def _period_by_rescan(sentence: str, pos: int):
    """Return the period before ``pos`` the way a scan from the sentence start finds it."""
    regex, normal = period_matchers()
    starts = tuple(load_data("not_facts.yaml")["from_value_before"])
    if sentence[:pos].endswith(starts):
        return None
    found = None
    for match in regex.finditer(sentence, 0, pos):
        if _inside_word(sentence, match):
            continue
        if sentence[:match.start()].endswith(starts) and sentence[match.end():pos] in ("", "的"):
            return normal.get(match.group(), match.group())
        if _governs(sentence, match):  # the rule itself; what is checked is the search, not the rule
            found = normal.get(match.group(), match.group())
    return found or _period_later_in_clause(sentence, pos)


@settings(max_examples=300, deadline=None)
@given(_SENTENCE, st.data())
def test_clause_bounds_periods_and_cues_match_a_scan_from_the_start(sentence, data):
    ends = [i + 1 for i, ch in enumerate(sentence) if ch in SENTENCE_END]
    bounds = [0, *ends] + ([len(sentence)] if sentence and (not ends or ends[-1] < len(sentence)) else [])
    assert sentence_spans(sentence) == list(zip(bounds, bounds[1:]))
    delimiters = [i for i, ch in enumerate(sentence) if ch in CLAUSE_END  # 1,200: a comma between digits ends nothing
                  and not (ch == "," and re.match(r"\d", sentence[i - 1:i]) and re.match(r"\d", sentence[i + 1:i + 2]))]
    for pos in data.draw(st.lists(st.integers(-5, len(sentence) + 5), max_size=12)):
        upto, since = len(sentence[:pos]), len(sentence) - len(sentence[pos:])  # str.rfind / find reading pos
        assert start_of_clause(sentence, pos) == max([i for i in delimiters if i < upto], default=-1) + 1
        assert end_of_clause(sentence, pos) == min([i for i in delimiters if i >= since], default=len(sentence))
        if pos < 0:
            continue
        assert period_before(sentence, pos) == _period_by_rescan(sentence, pos)
        for key in ("estimate", "target"):
            assert found_before(cue_regex(key), sentence, pos) == bool(cue_regex(key).search(sentence[:pos]))


def test_a_cue_cut_by_the_position_is_read_as_in_the_cut_text():
    # 计划 is a plan cue only before a Han character: a number right after 计划 has no cue before it
    target = cue_regex("target")
    long = "，".join(["全年新增就业120人"] * 2000) + "，计划投资5亿元"
    after = long.index("计划") + 2
    assert [found_before(target, long, p) for p in (after - 1, after, after + 1)] == [False, False, True]
    assert [bool(target.search(long[:p])) for p in (after - 1, after, after + 1)] == [False, False, True]


_PERIOD_TEXT = st.lists(st.sampled_from(_PIECES + ["这一年", "当年", "年末", "近三年来", "五年来", "“十四五”", "1-9月", "第二季",
                                                   "到2025年", "去年5月以来", "汛期前", "年底前", "内蒙", "项目前期"]),
                        max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PERIOD_TEXT)
def test_the_screened_period_regex_finds_what_the_plain_one_finds(text):
    """The first-character screen that speeds up the period regex changes no match."""
    plain = re.compile(period_alternation())
    assert [(m.start(), m.group()) for m in period_matchers()[0].finditer(text)] == \
        [(m.start(), m.group()) for m in plain.finditer(text)]


_WORDS = st.lists(st.text(alphabet="重点加快推进新建和、", min_size=1, max_size=4), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.text(alphabet="重点加快推进新建和、道路", max_size=10), st.integers(0, 10))
def test_a_word_looked_up_by_its_first_character_is_the_one_a_scan_finds(words, text, pos):
    """Looking words up by their first character finds the same first word as trying each in order."""
    scanned = next((w for w in words if text.startswith(w, pos)), "")
    assert Prefixes(tuple(words)).first(text, pos) == scanned
