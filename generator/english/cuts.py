"""How composition cuts a name into words before translating them: jieba's cut with the glossary's genre terms
made whole where jieba cut across them, amounts written out in English, an unpaired bracket dropped."""
from __future__ import annotations

import itertools
import re
from typing import Optional

from generator.english import dictionary
from generator.english.glossary import group
from generator.read.segment import load_jieba


def with_senses_whole(cut: list[str]) -> list[str]:
    """Return jieba's words with a genre term of the glossary's senses that jieba cut across made one word when
    that reads the words it crosses in fewer words (开 工棚 改 → 开工 棚改); 开发区 内 stays (no 开发 区内)."""
    out, i = [], 0
    while i < len(cut):
        best = _sense_across(cut, i)
        if best:
            out += best[0]
            i = best[1]
        else:
            out.append(cut[i])
            i += 1
    return out


def _sense_across(cut: list[str], first: int) -> Optional[tuple[list[str], int]]:
    """Return (new words, index after the last jieba word re-read) when a sense crosses the ends of two to four
    of jieba's words from ``first`` on and, with the rest cut again, reads them in fewer real words, else None."""
    for last in range(first + 1, min(first + 4, len(cut))):
        old = cut[first:last + 1]
        text, ends = "".join(old), {0, *itertools.accumulate(len(w) for w in old)}
        for offset, size in _senses_in(text):
            if offset + size <= len(text) - len(old[-1]) or {offset, offset + size} <= ends:
                continue  # ends before the last word (a shorter span covers it) or cuts no word of jieba's
            left, right = text[:offset], text[offset + size:]
            words = (load_jieba().lcut(left) if left else []) + [text[offset:offset + size]] + (
                load_jieba().lcut(right) if right else [])
            if len(words) < len(old) and all(w == text[offset:offset + size] or _a_word(w) for w in words):
                return words, last + 1
    return None


def _senses_in(text: str) -> list[tuple[int, int]]:
    """Return (offset, length) of every sense of the glossary inside ``text``, longest first."""
    found = [(i, n) for i in range(len(text)) for n in range(2, min(_LONGEST_SENSE, len(text) - i) + 1)
             if text[i:i + n] in group("senses")]
    return sorted(found, key=lambda span: -span[1])


_LONGEST_SENSE = 8  # characters: longer senses are whole names, joined by compose.words_of's merge of terms


def _a_word(word: str) -> bool:
    """Return True if jieba's dictionary or CC-CEDICT has ``word`` (园及, 申列市: no word)."""
    return len(word) == 1 or bool(load_jieba().FREQ.get(word)) or dictionary.known(word)


LATIN = re.compile(r"[0-9A-Za-z.+%&\-]+")  # a word in Latin letters, digits or signs (R&D, PM2.5, 5G)


def latin_joined(cut: list[str]) -> list[str]:
    """Return jieba's words with Latin words it cut apart joined again (R & D → R&D)."""
    out: list[str] = []
    for word in cut:
        if out and LATIN.fullmatch(word) and LATIN.fullmatch(out[-1]):
            out[-1] += word
        else:
            out.append(word)
    return out


def money_en(text: str) -> str:
    """Return ``text`` with amounts such as 500万元 written out in English (CNY 5 million), a band of amounts as one
    (10亿-50亿元, 10至500万元 → CNY 1-5 billion, CNY 0.1-5 million)."""
    def band(m: re.Match) -> str:
        low, high = float(m[1]) * _MAGNITUDE[m[2] or m[4]], float(m[3]) * _MAGNITUDE[m[4]]
        size, word = next(((s, w) for s, w in _SCALES if high >= s), (1, ""))
        return f" CNY {low / size:g}-{high / size:g}{word} "  # in the upper bound's scale: CNY 0.1-5 million
    text = re.sub(r"(\d+(?:\.\d+)?)(万|亿)?(?:-|－|—|~|～|至|到)(\d+(?:\.\d+)?)(万|亿)元", band, text)
    return re.sub(r"(\d+(?:\.\d+)?)(万|亿)元", lambda m: " CNY {}{} ".format(*_amount(float(m[1]) * _MAGNITUDE[m[2]])), text)


_MAGNITUDE = {"万": 10_000, "亿": 100_000_000}


_SCALES = ((1e9, " billion"), (1e6, " million"))


def _amount(value: float) -> tuple[str, str]:
    """Return an amount in yuan as English writes it: the number and its word (5, ' million'; 100,000, '')."""
    for size, word in _SCALES:
        if value >= size:
            return f"{value / size:g}", word
    return f"{value:,.0f}", ""


def without_unpaired_bracket(text: str) -> str:
    """Return ``text`` without a bracket at its start or end whose pair the cut of the name left out (）危桥)."""
    if text.startswith(")") and text.count(")") > text.count("("):
        text = text[1:]
    if text.endswith("(") and text.count("(") > text.count(")"):
        text = text[:-1]
    return text
