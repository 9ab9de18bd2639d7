"""Material's search index without repeated work: Chinese cut once per text, entries cached per page.

Material's search plugin parses each page's HTML into sections and cuts every run of Chinese characters
with jieba. The same runs come back thousands of times in a site (增长, 亿元, 第N行 …), so each distinct run
is cut once per process (`segmenter`). A page whose HTML, URL, table of contents and title are unchanged
gets the entries it had before, from disk (`add_entry`): a warm build neither parses nor cuts.

jieba's user dictionary is loaded here, not by Material: once per process and content, only when a
page has to be cut, and into a tokenizer of the search's own. Material loads it again in every build (so
twice per site: once per language, and again on every `mkdocs serve` rebuild), and every load adds its
frequencies to jieba's total again, which weighs every cut: the English pages were cut with the words
counted twice. And it loaded it into jieba's global tokenizer, which extraction uses.
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Callable, Optional

from backrefs import bre

from generator.mkdocs import compat
from generator.mkdocs.cache import digest, stable
from generator.read.segment import load_jieba
from generator.site.uptodate import file_digest
from generator.support.cache import PickleCache

log = logging.getLogger("mkdocs.plugins.townfacts")

HAN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)  # the runs Material's _segment_chinese cuts
ZWSP = "\u200b"
MEMO_STATES = 4  # cuts kept for this many jieba states
_SEGMENTS: dict[str, dict[str, str]] = {}  # jieba state → {run of Han characters: its words joined by ZWSP}
_TOKENIZERS: dict = {}  # jieba's main dictionary (None: its own) → the tokenizer search cuts with
_LOADED: dict[Optional[str], list[str]] = {}  # main dictionary → user dictionaries (hashes) loaded, in order


def install(index, cache: Optional[PickleCache], user_dict: Optional[str]) -> None:
    """Make a Material SearchIndex cut each text once and, given a cache, reuse cached page entries."""
    if compat.has_own_segmenter(index):
        return
    if user_dict and not Path(user_dict).is_file():
        log.warning("Configuration error for 'search.jieba_dict_user': '%s' does not exist.", user_dict)
        user_dict = None
    state = jieba_state(user_dict)
    if compat.material_jieba() is not None:
        compat.replace_segment_chinese(index, segmenter(memo_for(state), user_dict))
    if cache is not None:
        compat.replace_add_entry(index, functools.partial(add_entry, index, cache=cache, state=state))


def add_entry(index, page, cache: PickleCache, state: str) -> None:
    """Add a page's sections to the index: Material's entries for it, from the cache when it has them."""
    key = entry_key(page, state)
    entries = cache.get(key)
    if entries is None:
        first = len(compat.search_entries(index))
        compat.add_entry(index, page)
        cache.put(key, copies(compat.search_entries(index)[first:]))
    else:
        compat.search_entries(index).extend(copies(entries))


def copies(entries: list[dict]) -> list[dict]:
    """Return copies of search entries (their values are strings, numbers and lists of tags)."""
    return [{k: list(v) if isinstance(v, list) else v for k, v in entry.items()} for entry in entries]


def entry_key(page, state: str) -> str:
    """Return the cache key of a page's search entries: what Material reads of the page, and jieba's state."""
    meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
    return digest("search/1", state, page.url, page.content, toc_signature(page.toc), str(page.title), stable(meta))


def toc_signature(toc) -> str:
    """Return the ids and URLs of a table of contents (Material looks sections up in it)."""
    return "[" + ",".join(f"({item.id!r},{item.url!r},{toc_signature(item.children)})" for item in toc) + "]"


def memo_for(state: str) -> dict[str, str]:
    """Return the cuts made in this process under a jieba state (only the last few states are kept)."""
    if state not in _SEGMENTS:
        while len(_SEGMENTS) >= MEMO_STATES:
            del _SEGMENTS[next(iter(_SEGMENTS))]
        _SEGMENTS[state] = {}
    return _SEGMENTS[state]


def segmenter(memo: dict[str, str], user_dict: Optional[str]) -> Callable[[str], str]:
    """Return Material's `_segment_chinese` that cuts each distinct run of Han characters once."""
    cutter = tokenizer()
    prepared = []

    def words(match) -> str:
        run = match.group(0)
        cut = memo.get(run)
        if cut is None:
            if not prepared:
                load_user_dict(user_dict)
                prepared.append(True)
            cut = memo[run] = ZWSP.join(cutter.cut(run.encode("utf-8")))  # bytes, as Material passes them
        return f"{ZWSP}{cut}{ZWSP}"

    def segment_chinese(data: str) -> str:
        return HAN.sub(words, data).strip(ZWSP)

    return segment_chinese


def tokenizer():
    """Return search's own jieba tokenizer, on the main dictionary of jieba's global one.

    Not the global one: extraction cuts with that, and must not see the search's user dictionary (in
    `mkdocs serve` a report re-read after a build was extracted with it, and cached so).
    """
    jieba = compat.material_jieba()
    main = jieba.dt.dictionary
    if main not in _TOKENIZERS:
        _TOKENIZERS[main] = jieba.Tokenizer(main)
    return _TOKENIZERS[main]


def load_user_dict(path: Optional[str]) -> None:
    """Initialise search's tokenizer and load a user dictionary into it, unless one with that content is."""
    cutter = tokenizer()
    loaded = _LOADED.setdefault(cutter.dictionary, [])
    if not cutter.initialized:
        loaded.clear()
        load_jieba(cutter)  # jieba's cache file read whole, as extraction does
    if path and file_hash(path) not in loaded:
        cutter.load_userdict(path)
        loaded.append(file_hash(path))


def jieba_state(user_dict: Optional[str]) -> str:
    """Return what search's cuts depend on once `load_user_dict` has run: its main and user dictionaries."""
    if compat.material_jieba() is None:
        return ""
    cutter = tokenizer()
    loaded = list(_LOADED.get(cutter.dictionary, [])) if cutter.initialized else []
    if user_dict and file_hash(user_dict) not in loaded:
        loaded.append(file_hash(user_dict))
    return f"{cutter.dictionary}:{file_hash(cutter.dictionary)}:{','.join(loaded)}"


def file_hash(path) -> str:
    """Return the SHA-256 of a file ('' when there is none)."""
    return file_digest(Path(path)) if path else ""
