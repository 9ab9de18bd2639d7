"""The jieba user dictionary that keeps domain terms and place names whole in the search index."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from generator.datafiles import data_path
from generator.english.glossary import GLOSSARY_PATH, load_glossary
from generator.model import Report
from generator.site.search_entries import alias_groups

TERMS_FILE = data_path("search_terms.txt")
MAX_GLOSSARY_TERM = 7  # longer glossary phrases would hide their words from search (see report_terms)
FREQUENCY = 2000  # high enough that jieba prefers the whole term over its parts


def fixed_terms(path: Path = TERMS_FILE) -> list[str]:
    """Return the hand-listed domain terms (comments and blanks skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def glossary_terms(path: Path = GLOSSARY_PATH) -> list[str]:
    """Return the Chinese indicator terms of the glossary."""
    if not path.is_file():
        return []
    data = load_glossary(path)  # read once per process: the English stage already has
    return [str(k) for k in (data.get("indicators") or {}) if len(str(k)) <= MAX_GLOSSARY_TERM]


def alias_terms() -> list[str]:
    """Return the Chinese names of data/search_aliases.yaml (生产总值 kept whole matches the query 生产总值)."""
    return [term for group in alias_groups() for term in (*group.zh, *group.match)]


def report_terms(report: Report) -> Iterable[str]:
    """Return the place names a report contributes.

    Extracted indicator phrases are deliberately not added: a long phrase kept whole (童装企业小升规)
    hides its words from search, since lunr matches query terms as token prefixes only.
    """
    m = report.meta
    yield from (x for x in (m.place, m.district, m.city, m.province) if x)


def _is_term(word: str) -> bool:
    """Return whether a word is worth a dictionary entry (2–12 Han characters, no spaces)."""
    return 2 <= len(word) <= 12 and not any(c.isspace() for c in word) and all("\u4e00" <= c <= "\u9fff" for c in word)


def jieba_user_dict(reports: Sequence[Report]) -> str:
    """Return a jieba user dictionary (`word freq n` lines, sorted) for the reports."""
    words = set(fixed_terms()) | set(glossary_terms()) | set(alias_terms())
    for report in reports:
        words.update(report_terms(report))
    return "".join(f"{w} {FREQUENCY} n\n" for w in sorted(w for w in words if _is_term(w)))
