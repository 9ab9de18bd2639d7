"""Words inside a name that are no part of it: a manner word before its verb, an appositive after 即."""
from __future__ import annotations

import functools
import re

from generator.datafiles import load as load_data
from generator.read.lexicon import manner_lists
from generator.read.segment import word_tags

_VERB_FLAGS = ("v", "vn")


def without_inner_words(name: str) -> str:
    """Return ``name`` without a manner word between its subject and verb (乡村振兴项目成功申报入库 → 乡村振兴项目申报入库)
    and without an appositive 即 opens (认定规上企业即X公司 → 认定规上企业; 即X项目 → X项目)."""
    manner, appositive = _inner_manner(), load_data("lists.yaml")["appositive_marker"]
    if appositive not in name and not _manner_regex().search(name, 1):  # most names hold neither: no segmenting
        return name
    tokens = word_tags(name)
    if len(tokens) < 3:
        return name
    words = "".join(t.word for i, t in enumerate(tokens) if not (0 < i < len(tokens) - 1 and _says_how(tokens, i, manner)))
    at = _appositive_at(word_tags(words), appositive)
    if at > 0 and len(words[:at]) >= 2:
        return words[:at]
    return words[len(appositive):] if at == 0 and len(words) > len(appositive) + 1 else words


def _says_how(tokens: tuple, i: int, manner: frozenset) -> bool:
    """Return True when the word at ``i`` says how the act after it was done: a word of manner after a noun
    (项目成功申报), a word of sum after any subject (楼宇共入驻企业, 第一针累计接种), but not before a bare measure, which
    it tells apart (累计投资)."""
    word, before, after = tokens[i].word, tokens[i - 1], tokens[i + 1]
    if word not in manner or after.flag not in _VERB_FLAGS:
        return False
    data = load_data("indicators.yaml")
    if word not in data["inner_adverbs"]:
        return before.flag.startswith("n")
    return before.flag not in _VERB_FLAGS and "".join(t.word for t in tokens[i + 1:]) not in data["bare_names"]


def _appositive_at(tags: tuple, marker: str) -> int:
    """Return where the first 即 that restates what is before it stands, after a noun and before no verb (企业即X公司;
    not 拿地即开工, where it says "upon"), -1 if none does."""
    for i, token in enumerate(tags):
        if token.word == marker and (i == 0 or tags[i - 1].flag.startswith("n")) \
                and i + 1 < len(tags) and not tags[i + 1].flag.startswith("v"):
            return sum(len(t.word) for t in tags[:i])
    return -1


@functools.cache
def _inner_manner() -> frozenset:
    """Return the words of manner, and of sum (累计, 共), that say how a subject did its act, not what was done."""
    return frozenset((*manner_lists()[1], *load_data("indicators.yaml")["inner_adverbs"]))


@functools.cache
def _manner_regex() -> re.Pattern:
    """Return the pattern of any word of manner or sum."""
    return re.compile("|".join(map(re.escape, sorted(_inner_manner(), key=len, reverse=True))))


def after_examples(left: str, end: int, verb: str) -> str:
    """Return the words after the 等 at ``end`` closing a list of examples, after ``verb``, the list's own verb; a
    word closing a list of places or means (前往A、B等地开展招商调研, 通过A等形式收集线索) goes with the list and its verb."""
    rest = left[end + len(load_data("lists.yaml")["examples_end"]):]
    closer = next((w for w in load_data("lists.yaml")["examples_closers"] if rest.startswith(w)), "")
    return rest[len(closer):] if closer and len(rest) - len(closer) >= 2 else verb + rest
