"""The full-text pages keep every paragraph: Chinese verbatim, English translated or marked with its original.

Rendered through Python-Markdown with the site's extensions, so what is checked is the HTML a reader gets.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest

from generator.read.extract import extract_report
from generator.read.normalize import read_text
from generator.model import Meta, Paragraph, Report, Section
from generator.pages.render import render_full_text
from generator.site.reports import project_memory, read_report
from projectcopy import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
QUIRKS = sorted((ROOT / "tests" / "fixtures" / "quirks").glob("*.txt"))
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]


def page_html(report: Report, lang: str) -> str:
    """Return the full-text page of a report as HTML, front matter dropped."""
    text = render_full_text(report, lang).split("---\n", 2)[2]
    return markdown.markdown(text, extensions=EXTENSIONS)


def element(page: str, anchor: str) -> tuple[str, str, str, str]:
    """Return (tag, attributes, plain text, the plain text of the original quoted after it) of an anchored element."""
    found = re.search(rf'<(h[1-6]|p)\b([^>]*\bid="{anchor}"[^>]*)>(.*?)</\1>\s*(<blockquote class="tf-original".*?'
                      r'</blockquote>)?', page, re.S)
    assert found, f"paragraph {anchor} is missing"
    plain = [html.unescape(re.sub(r"<[^>]+>", "", part or "")) for part in (found[3], found[4])]
    return found[1], found[2], plain[0], plain[1]


def check_every_paragraph(report: Report) -> None:
    """Assert that both full-text pages keep each paragraph of the report whole."""
    zh, en = page_html(report, "zh"), page_html(report, "en")
    titles = {s.paragraph: s for s in report.sections}
    for p in report.paragraphs:
        tag, _, text, _ = element(zh, p.anchor)
        assert p.text in text, (p.anchor, p.text, text)
        assert tag == "p" or p.is_heading, f"{p.anchor}: a run-in point is shown as <{tag}>"
        tag, attrs, text, original = element(en, p.anchor)
        section = titles.get(p.anchor)
        if tag != "p":
            english = (section and section.title_en) or p.text_en
            assert (english or p.text) in text, (p.anchor, english, text)
        elif p.text_en:
            assert p.text_en in text and p.text in original, (p.anchor, p.text_en, text, original)
        else:
            assert "tf-untranslated" in attrs and p.text in text, (p.anchor, text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_full_text_keeps_every_paragraph(path):
    check_every_paragraph(read_report(path, memory=project_memory(ROOT)))


@pytest.mark.parametrize("path", QUIRKS, ids=lambda p: p.stem)
def test_fixture_full_text_keeps_every_paragraph(path):
    check_every_paragraph(extract_report(read_text(path)))


def numbered_points() -> Report:
    """Return a report whose part holds a run-in numbered point, a one-sentence point and a title line."""
    meta = Meta(place="某镇", slug="mouzhen", source="x.txt", sha256="cd" * 32)
    sections = (Section("s-1", "（四）全面提升政府效能", 2, "p-1", 1, title_en="(4) Raising effectiveness"),
                Section("s-2", "1.推进法治政府建设", 3, "p-2", 2, "s-1", title_en="1. A law-based government"),
                Section("s-3", "2.推进数字政府建设", 3, "p-3", 3, "s-1", title_en="2. A digital government"))
    paragraphs = (
        Paragraph("p-1", "（四）全面提升政府效能", 1, "s-1", is_heading=True,
                  text_en="(4) Raising effectiveness"),
        Paragraph("p-2", "1.推进法治政府建设。坚持依法决策，健全制度体系。", 2, "s-2",
                  text_en="1. A law-based government. We will decide by law and complete the rules."),
        Paragraph("p-3", "2.推进数字政府建设。", 3, "s-3", is_heading=True),
    )
    return Report(meta, sections, paragraphs, ())


def test_numbered_points_are_paragraphs_with_a_bold_lead():
    report = numbered_points()
    check_every_paragraph(report)
    zh, en = page_html(report, "zh"), page_html(report, "en")
    assert '<h3 id="p-1">' in zh and "<h4" not in zh and "<h4" not in en
    assert '<strong class="tf-lead">1.推进法治政府建设。</strong>坚持依法决策' in zh
    assert '<strong class="tf-lead">1. A law-based government.</strong> We will decide by law' in en
    assert '<strong class="tf-lead">2.推进数字政府建设。</strong>' in zh


def test_seed_points_are_not_headings():
    report = read_report(next(p for p in SEEDS if p.name.startswith("001")), memory=project_memory(ROOT))
    zh = page_html(report, "zh")
    assert "<h4" not in zh and zh.count('<strong class="tf-lead">') >= 4
