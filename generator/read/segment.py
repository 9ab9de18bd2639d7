"""Load jieba, the Chinese word segmenter, fast: its dictionary and its word-tag table each in one read."""
from __future__ import annotations

import functools
import io
import marshal
import os
import sys
import tempfile

import jieba

from generator.datafiles import load as load_data

jieba.setLogLevel(60)  # the dictionary-loading chatter is not for the user


def load_jieba(tokenizer: jieba.Tokenizer = jieba.dt) -> jieba.Tokenizer:
    """Return the tokenizer with its dictionary loaded: the default one from jieba's own cache file in one read.

    jieba unmarshals that 9 MB file straight from the open file object, which takes 0.7 s of every
    worker process; read whole first, it takes 0.2 s. Anything unusual is left to jieba itself.
    """
    if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT or tokenizer.cache_file:
        return tokenizer
    cache = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")  # jieba's own name
    try:
        with open(cache, "rb") as f:
            freq, total = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        tokenizer.initialize()  # jieba builds the dictionary and writes its cache
        return tokenizer
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return tokenizer


def load_posseg():
    """Return jieba.posseg, imported with its word-tag table read in one pass.

    The import builds the table of jieba's 349,000 words line by line (0.27 s in every worker
    process); splitting the whole file takes 0.15 s. A test checks both tables are equal.
    """
    if "jieba.posseg" in sys.modules or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        import jieba.posseg as pseg
        return pseg
    from jieba._compat import get_module_res

    jieba.dt.get_dict_file = lambda: io.BytesIO()  # the import's own pass then reads nothing
    try:
        import jieba.posseg as pseg
    finally:
        del jieba.dt.get_dict_file
    words = get_module_res("dict.txt").read().decode("utf-8").replace("\n", " ").split(" ")
    if words and not words[-1]:
        words.pop()
    if len(words) % 3:  # not the `word freq tag` lines this expects: let jieba read it its own way
        pseg.dt.load_word_tag(jieba.dt.get_dict_file())
    else:
        pseg.dt.word_tag_tab = dict(zip(words[0::3], words[2::3]))
    return pseg


@functools.lru_cache(maxsize=8192)
def word_tags(text: str) -> tuple:
    """Return the jieba (word, part-of-speech) pairs of ``text``, with the genre's corrections of jieba's tags
    (indicators.yaml tag_overrides); names and clauses recur within a report."""
    pseg, overrides = load_posseg(), load_data("indicators.yaml")["tag_overrides"]
    return tuple(pseg.pair(p.word, overrides[p.word]) if p.word in overrides else p for p in pseg.cut(text))
