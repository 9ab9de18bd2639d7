"""Translation memory: keys, file format and errors, atomic saves, and applying it to a report."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.english import memory as mem
from generator.errors import DataFileError
from generator.english.memory import (Entry, Memory, apply_memory, load_memory, missing_segments, normalize_segment,
                              save_memory, segments_of)
from generator.model import Fact, Meta, Paragraph, Report, Section, Source

HUMAN = Entry("现在，我代表镇人民政府向大会报告工作。", "Now I present the work report.", "human")
MACHINE = Entry("全镇完成地区生产总值181亿元", "The town's GDP reached CNY 18.1 billion", "machine:libre", "2024-05-01")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "zh-en.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- keys


@pytest.mark.parametrize("text, key", [
    ("全镇 完成\u3000生产总值\n", "全镇完成生产总值"),       # every whitespace goes
    ("增长１７％，（一）", "增长17％，（一）"),               # full-width digits fold, punctuation stays
    ("ＧＤＰ：181亿元；", "GDP：181亿元；"),
    ("“十四五”期间…", "“十四五”期间..."),                   # NFKC outside the full-width block
])
def test_normalize_segment(text, key):
    assert normalize_segment(text) == key


def test_lookup_matches_on_the_key():
    memory = Memory().with_entries([MACHINE])
    assert memory.lookup("全镇完成 地区生产总值１８１亿元") == MACHINE.target
    assert memory.lookup("全镇完成地区生产总值181亿元。") is None


# ---------------------------------------------------------------- human entries win


def test_machine_entry_never_replaces_a_human_one():
    machine = Entry(HUMAN.source, "machine words", "machine:google", "2024-05-01")
    assert Memory().with_entries([HUMAN]).with_entries([machine]).lookup(HUMAN.source) == HUMAN.target
    assert Memory().with_entries([machine, HUMAN]).lookup(HUMAN.source) == HUMAN.target


def test_human_entry_replaces_a_machine_one_and_memory_is_immutable():
    before = Memory().with_entries([MACHINE])
    reviewed = Entry(MACHINE.source, "GDP reached CNY 18.1 billion", "human")
    after = before.with_entries([reviewed])
    assert after.lookup(MACHINE.source) == reviewed.target
    assert before.lookup(MACHINE.source) == MACHINE.target


# ---------------------------------------------------------------- the file


def test_round_trip(tmp_path):
    memory = Memory().with_entries([HUMAN, MACHINE, Entry("说: 2024-01-01", "yes", "human")])
    path = tmp_path / "t" / "zh-en.yaml"
    save_memory(memory, path)
    assert load_memory(path) == memory


def test_output_is_sorted_and_deterministic(tmp_path):
    entries = [HUMAN, MACHINE, Entry("一、工作回顾", "I. Review", "human")]
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    save_memory(Memory().with_entries(entries), a)
    save_memory(Memory().with_entries(reversed(entries)), b)
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text(encoding="utf-8")
    assert text.startswith("# Translation memory")
    sources = [line[len("- zh: "):] for line in text.splitlines() if line.startswith("- zh: ")]
    assert sources == sorted(sources, key=normalize_segment)
    assert "  origin: machine:libre\n  date: '2024-05-01'\n" in text
    save_memory(load_memory(a), a)
    assert a.read_bytes() == b.read_bytes()


def test_empty_memory_file_is_valid(tmp_path):
    path = tmp_path / "zh-en.yaml"
    save_memory(Memory(), path)
    assert len(load_memory(path)) == 0
    assert len(load_memory(_write(tmp_path, "# only comments\n"))) == 0


def test_committed_memory_loads(root):
    memory = load_memory(root / mem.MEMORY_PATH)
    assert all(e.origin == "human" or e.origin.startswith("machine:") for e in memory)


def test_save_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "zh-en.yaml"
    save_memory(Memory().with_entries([HUMAN]), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_memory(Memory().with_entries([HUMAN, MACHINE]), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["zh-en.yaml"]


_segment = st.text(alphabet=st.sampled_from(list("全镇生产总值增长１７％，。：；（）“”- :'\"#\n\tABC abc!?")),
                   min_size=1, max_size=30).filter(lambda s: normalize_segment(s) != "")
_english = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda s: s.strip() == s and s != "")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_segment, _english, st.booleans()), max_size=8))
def test_round_trip_of_any_text(tmp_path_factory, rows):
    entries = [Entry(zh, en, "human") if human else Entry(zh, en, "machine:google", "2024-05-01")
               for zh, en, human in rows]
    memory = Memory().with_entries(entries)
    path = tmp_path_factory.mktemp("m") / "zh-en.yaml"
    save_memory(memory, path)
    assert load_memory(path) == memory


# ---------------------------------------------------------------- errors with file and line


@pytest.mark.parametrize("text, line, reason", [
    ("- zh: 你好\n  en: hello\n origin: human\n", 3, "malformed YAML"),
    ("- zh: 你好\n  en: 'hello\n", 3, "malformed YAML"),
    ("zh: 你好\n", 1, "expected a list"),
    ("- zh: 你好\n  en: hello\n  origin: human\n- 你好\n", 4, "must be a mapping"),
    ("- zh: 你好\n  origin: human\n", 1, "without 'en'"),
    ("- zh: 你好\n  en: ''\n  origin: human\n", 2, "without 'en'"),
    ("- zh: 你好\n  en: hello\n  origin: robot\n", 3, "origin 'robot'"),
    ("- zh: 你好\n  en: hello\n  origin: 'machine:'\n", 3, "origin 'machine:'"),
    ("- zh: 你好\n  en: hello\n  origin: machine:google\n", 3, "needs its date"),
    ("- zh: 你好\n  en: hello\n  origin: human\n  date: May 1st\n", 4, "YYYY-MM-DD"),
    ("- zh: 你好\n  en: hello\n  origin: human\n  note: x\n", 4, "unknown field 'note'"),
    ("- zh: 你好\n  en: hello\n  en: hi\n  origin: human\n", 3, "given twice"),
    ("- zh: 你好\n  en: [hello]\n  origin: human\n", 2, "expected plain text"),
])
def test_malformed_file_names_file_and_line(tmp_path, text, line, reason):
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        load_memory(path)
    assert info.value.line == line
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert reason in info.value.reason


def test_duplicate_key_names_both_lines(tmp_path):
    path = _write(tmp_path, "# memory\n- zh: 全镇 完成\n  en: a\n  origin: human\n"
                            "- zh: 全镇完成\n  en: b\n  origin: human\n")
    with pytest.raises(DataFileError) as info:
        load_memory(path)
    assert info.value.line == 5
    assert "duplicate" in info.value.reason and "first on line 2" in info.value.reason


def test_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError, match="no such translation memory file"):
        load_memory(tmp_path / "nope.yaml")


# ---------------------------------------------------------------- reports


def _report() -> Report:
    meta = Meta(place="织里镇", slug="zhili", source="seeds/x.txt", sha256="0" * 64)
    sections = (Section("s-1", "一、上半年工作回顾", 1, "p-2", 2, title_en="I. Review of work in the first half"),
                Section("s-2", "（一）经济发展", 2, "p-4", 4))
    paragraphs = (
        Paragraph("p-1", "各位代表：", 1),
        Paragraph("p-2", "一、上半年工作回顾", 2, "s-1", True, "I. Review of work in the first half"),
        Paragraph("p-3", "全镇完成地区生产总值181亿元，同比增长17.5%。", 3, "s-1"),
        Paragraph("p-4", "（一）经济发展", 4, "s-2", True),
        Paragraph("p-5", "2021", 5, "s-2"),
        Paragraph("p-6", "各位代表：", 6, "s-2"),
    )
    fact = Fact("f-1", "地区生产总值", 181.0, "亿元", "actual",
                Source(3, "全镇完成地区生产总值181亿元", "p-3"), section="s-1")
    return Report(meta, sections, paragraphs, (fact,))


def test_segments_of_lists_paragraphs_titles_and_quotes_once():
    assert segments_of(_report()) == [
        "各位代表：", "一、上半年工作回顾", "全镇完成地区生产总值181亿元，同比增长17.5%。", "（一）经济发展",
        "2021", "全镇完成地区生产总值181亿元"]


def test_apply_memory_fills_prose_and_keeps_glossary_headings():
    memory = Memory().with_entries([
        MACHINE,
        Entry("各位代表：", "Fellow deputies,", "human"),
        Entry("一、上半年工作回顾", "1. A worse heading", "human"),
        Entry("（一） 经济发展", "(1) Economic development", "human"),
    ])
    report = apply_memory(_report(), memory)
    assert [p.text_en for p in report.paragraphs] == [
        "Fellow deputies,", "I. Review of work in the first half", None, "(1) Economic development",
        "2021", "Fellow deputies,"]
    assert [s.title_en for s in report.sections] == ["I. Review of work in the first half",
                                                     "(1) Economic development"]
    assert report.facts[0].source.quote_en == MACHINE.target
    assert report.facts[0].source.quote == MACHINE.source


def test_missing_segments():
    report = _report()
    assert missing_segments(report, Memory()) == [  # the indicator is not translated yet: no glossary applied
        "各位代表：", "全镇完成地区生产总值181亿元，同比增长17.5%。", "（一）经济发展", "全镇完成地区生产总值181亿元",
        "地区生产总值"]
    assert missing_segments(report, Memory().with_entries([MACHINE])) == [
        "各位代表：", "全镇完成地区生产总值181亿元，同比增长17.5%。", "（一）经济发展", "地区生产总值"]
    full = Memory().with_entries(Entry(text, "x", "human") for text in [*segments_of(report), "地区生产总值"])
    assert missing_segments(report, full) == []


def test_unicode_line_breaks_round_trip(tmp_path):
    # found by hypothesis: NEL / LS / PS written raw were read back as folded line breaks
    memory = Memory({}).with_entries([Entry("：", "0\x850\u2028x\u2029y", "machine:google", "2024-05-01")])
    path = tmp_path / "zh-en.yaml"
    save_memory(memory, path)
    assert load_memory(path).lookup("：") == "0\x850\u2028x\u2029y"
