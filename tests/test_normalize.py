"""Normalisation: decoding, character folding, furniture removal, paragraph rebuilding, line offsets."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.errors import ReportError
from generator.read.extract import extract_report
from generator.read.normalize import clean_string, fold_chars, read_text, reader_view, simplified_lines

ROOT = Path(__file__).resolve().parent.parent
QUIRKS = ROOT / "tests" / "fixtures" / "quirks"
SEED0 = ROOT / "seeds" / "000_1ad54c40f023aa15.txt"
SEED1 = ROOT / "seeds" / "001_56a725257718ee95.txt"


def squash(text: str) -> str:
    """Return text as the reader compares it: no whitespace, lost-space ?? and width folded."""
    return re.sub(r"\s+", "", fold_chars(text))


@pytest.mark.parametrize("name,encoding", [("gbk_encoding", "gb18030"), ("utf16_bom", "utf-16"), ("utf8_bom", "utf-8")])
def test_encodings_are_detected(name, encoding):
    clean = read_text(QUIRKS / f"{name}.txt")
    assert clean.encoding == encoding
    assert clean.paragraphs[0].text == "全年完成固定资产投资80亿元，增长2.8%。"
    assert not clean.original.startswith("\ufeff")


@pytest.mark.parametrize("raw,reason", [(b"", "empty"), (b"  \n\t", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
                                        (b"\xff\xd8\xff\xe0" + bytes(range(128, 256)) * 4, "decode")])
def test_unreadable_files_are_rejected_with_reason(tmp_path, raw, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(ReportError) as caught:
        read_text(path)
    assert reason in caught.value.reason and str(path) in str(caught.value)


def test_missing_file_is_a_report_error(tmp_path):
    with pytest.raises(ReportError, match="cannot read"):
        read_text(tmp_path / "nope.txt")


def test_literal_crlf_becomes_lines_and_nbsp_paragraphs_vanish():
    clean = read_text(QUIRKS / "literal_crlf.txt")
    assert clean.original.count("\n") == 4
    assert [p.text for p in clean.paragraphs][:3] == ["各位代表：", "现在，我代表顺平县人民政府向大会作工作报告。", "一、2023年工作回顾"]
    assert [p.line for p in clean.paragraphs] == [1, 2, 4, 5]


def test_fullwidth_entities_and_lost_spaces_are_folded():
    assert fold_chars("８０％，Ａ＆nbsp;&nbsp;b??c１．５") == "80%，A＆nbsp; b c1.5"
    assert reader_view("a\\r\\nb\r\nc") == "a\nb\nc"


def test_care_of_and_small_percent_signs_are_read_as_percent():
    """Word files converted to text write ℅ or ﹪ for %: each growth rate must still be read as one."""
    assert fold_chars("同比增长15\u2105，增长57.7\ufe6a") == "同比增长15%，增长57.7%"


def test_wrapped_lines_rejoin_and_titles_stay_apart():
    texts = [p.text for p in read_text(SEED0).paragraphs]
    assert "加速迈向“湖州副中心·吴兴新中心”" in texts
    assert "展望篇" in texts
    assert "抓实“稳”的举措 筑牢高质量发展经济底盘" in texts  # two-part title keeps its space
    economy = next(t for t in texts if t.startswith("经济发展平稳运行。"))
    assert "营业收入169亿元，增幅5%；利税完成5.3亿元" in economy
    assert economy.endswith("增幅分别保持在6%和8%。")  # blank line after a sentence end closes it


def test_headings_and_first_lines_in_double_spaced_pdf_text():
    texts = [p.text for p in read_text(SEED1).paragraphs]
    assert "一、上半年工作回顾" in texts
    assert "（一）突出稳企业、增动能，构建产业发展新格局" in texts
    assert any(t.startswith("1.更大力度推进法治政府建设。坚持依法决策，不断健全制度体系") for t in texts)
    assert "2021年8月6日在织里镇" in texts
    assert not any("so.com" in t for t in texts)  # stray URL lines dropped
    assert not any(t.startswith("全省村社党组织书记培训会暨基层党建现场会把主要考察点位") and len(t) < 30 for t in texts)


def test_offsets_map_every_character_to_its_line():
    clean = read_text(SEED0)
    lines = clean.original.split("\n")
    for paragraph in clean.paragraphs:
        assert len(paragraph.offsets) == len(paragraph.text)
        assert paragraph.offsets[0] == paragraph.line
        for char, line in zip(paragraph.text, paragraph.offsets):
            assert char in fold_chars(lines[line - 1]) or char == " "


def test_scraped_wrapper_summary_and_navigation_are_dropped():
    text = ("工作报告\n2021年某县政府工作报告\n时间：2023-01-24????\t作者：中国县域????来源：政府官网\n阅读：\n241\n评论：\n0\n"
            "内容摘要：\n某县政府工作报告各位代表：地区生产总值50.1亿元......\n政府工作报告\n各位代表：\n"
            "地区生产总值由29.1亿元增长到50.1亿元，年均增长11.5%。\n分享到：\nQQ空间\n上一篇：\n2022年某县政府工作报告\n")
    clean = clean_string(text)
    texts = [p.text for p in clean.paragraphs]
    assert texts == ["工作报告", "2021年某县政府工作报告", "政府工作报告", "各位代表：", "地区生产总值由29.1亿元增长到50.1亿元，年均增长11.5%。"]
    facts = extract_report(clean).facts
    assert [(f.value, f.growth_pct, f.growth_basis) for f in facts] == [(29.1, None, None), (50.1, 11.5, "年均")]


def test_letter_spaced_title_is_closed_up():
    clean = clean_string("政 府 工 作 报 告\n——2022年1月27日在安国市第八届人民代表大会第二次会议上\n")
    assert clean.paragraphs[0].text == "政府工作报告"


_TEXT = st.text(alphabet=st.sampled_from(list("全年完成工业产值亿元万增长下降约近超余以上个家名其中分别、，；。：\n 　\\rn?&nbsp;0123456789.%％１２三四五十百第年月日“”《》〔〕[]")),
                max_size=300)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_normalizes_and_extracts_without_crashing(text):
    try:
        clean = clean_string(text)
    except ReportError:
        assert not text.strip() or not squash(reader_view(text))
        return
    report = extract_report(clean)
    original_lines = clean.original.split("\n")
    whole = squash(clean.original)
    for fact in report.facts:
        quote = squash(fact.source.quote)
        assert quote and quote in whole, (fact, clean.original)
        from_line = squash("\n".join(original_lines[fact.source.line - 1:]))
        on_line = len(squash(original_lines[fact.source.line - 1]))
        assert 0 <= from_line.find(quote) < on_line, (fact, clean.original)  # the quote starts on that line


def test_traditional_text_is_read_in_simplified_with_its_own_lines():
    text = ("各位代表：\n現在，我代表縣人民政府\n向大會報告工作，請予審議。\n"
            "全年實現地區生產總值135億元，\n增長1.5%；一般公共預算收入4.3億元。\n")
    clean = clean_string(text)
    assert [p.text for p in clean.paragraphs] == ["各位代表：", "现在，我代表县人民政府向大会报告工作，请予审议。",
                                                  "全年实现地区生产总值135亿元，增长1.5%；一般公共预算收入4.3亿元。"]
    facts = extract_report(clean).facts
    assert [(f.indicator, f.value, f.growth_pct, f.source.line) for f in facts] == [
        ("地區生產總值", 135, 1.5, 4), ("一般公共預算收入", 4.3, None, 5)]
    assert facts[1].source.quote == "一般公共預算收入4.3億元"  # read in Simplified, shown as written (written.py)


def test_simplified_text_keeps_names_that_t2s_would_change():
    text = ("乾县人民政府工作报告\n全年新建停车位120个，於潜路、乾县老城区的道路改造完成，"
            "乾隆年间的古井修缮完成，城区面貌明显改善。\n")
    assert simplified_lines(text.split("\n")) == text.split("\n")
    assert "於潜路、乾县老城区" in clean_string(text).paragraphs[1].text
    assert simplified_lines(["乾縣人民政府工作報告"]) == ["乾县人民政府工作报告"]  # Traditional: converted


def test_invisible_characters_are_dropped_inside_numbers():
    assert fold_chars("投资8\u200d0亿元，增长\u202e2.8\u202c%，\u20661\u20692个\u200e\u200f\ufeff\u2060\u200c\u200b") == "投资80亿元，增长2.8%，12个"
