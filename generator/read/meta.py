"""What a report is: place, level, date, year, speaker, title, document type, period covered, slug."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import CleanText, Meta, Section
from generator.read.lexicon import data_pattern
from generator.read.normalize import is_title_like
from generator.read.places import alternation, find_place, first_group, name_level, parent_names


def build_meta(clean: CleanText, sections: list[Section]) -> Meta:
    """Return what the document is: place, level, administrative parents, date, speaker, period."""
    front = "\n".join(p.text for p in clean.paragraphs[:12])
    body = "\n".join(p.text for p in clean.paragraphs)
    name, place = find_place(front, body)
    meeting = first_group(_pattern("meeting"), front.replace("\n", ""))
    if meeting:
        meeting = meeting.rpartition(_words()["meeting_place_before"])[2]
    date_match = re.search(_pattern("date"), front)
    date = f"{int(date_match[1]):04d}-{int(date_match[2]):02d}-{int(date_match[3]):02d}" if date_match else None
    year_text = date_match[1] if date_match else first_group(_pattern("report_year"), front)
    year_text = year_text or _year_from_headings(sections)
    speaker = re.search(_pattern("speaker").replace("{titles}", alternation("speaker_titles")), front, re.M)
    district, city, province = parent_names(place) if place else (None, None, None)
    return Meta(
        place=name or "", slug=place.slug if place else _file_slug(clean.path),
        source=clean.path, sha256=clean.sha256, level=name_level(name) if name else None,
        place_code=place.code if place else None, district=district, city=city, province=province,
        doc_type=_doc_type(front, body), title=_title(clean), meeting=meeting, date=date,
        year=int(year_text) if year_text else None,
        speaker=speaker[2] if speaker else None, speaker_title=speaker[1] if speaker else None,
        period_covered=_period_covered(sections, body, int(year_text) if year_text else None),
    )


def _year_from_headings(sections: list[Section]) -> Optional[str]:
    """Return the report year read from its part headings (2023年工作回顾 → 2024, 2024年工作安排 → 2024), else
    the year its plan part opens with (二、2015年经济社会发展的任务目标和重点工作 → 2015)."""
    review = data_pattern("review_word")
    part_words = [review, *load_data("headings.yaml")["plan_part_words"]]
    for section in sections:
        if section.level != 1:
            continue
        match = re.search(rf"((?:19|20)\d{{2}})年[\u4e00-\u9fff]{{0,6}}?({'|'.join(part_words)})", section.title)
        if match:
            return str(int(match[1]) + (1 if match[2] == review else 0))
    plan = next((s for s in sections if s.is_plan and s.level == 1 and re.search(r"(?:19|20)\d{2}年", s.title[:8])), None)
    return re.search(r"((?:19|20)\d{2})年", plan.title)[1] if plan else None  # 二、2015年经济社会发展的任务目标


def _file_slug(path: str) -> str:
    """Return the ASCII slug of a report whose place is unknown: its file name's, Chinese in pinyin
    (清苑报告1 → qingyuanbaogao1; never a counter)."""
    from pypinyin import lazy_pinyin

    stem = "".join(lazy_pinyin(Path(path).stem)).lower()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "report"


def _doc_type(front: str, body: str) -> Optional[str]:
    """Return the kind of document (政府工作报告, or a review-and-outlook write-up)."""
    report, review = _words()["government_report"], _words()["review_and_outlook"]
    if any(w in front for w in report["front"]) or any(w in body for w in report["body"]):
        return report["type"]
    if any(w in body for w in review["outlook"]) and any(w in body for w in review["review"]):
        return review["type"]
    return None


def _title(clean: CleanText) -> Optional[str]:
    """Return the title: the first front line naming a report, else the first line."""
    for word in _words()["title_words"]:
        for line in clean.paragraphs[:8]:
            if word in line.text and is_title_like(line.text):
                return line.text
    first = clean.paragraphs[0].text if clean.paragraphs else ""
    return first[:40] if is_title_like(first) else None


def _period_covered(sections: list[Section], body: str, year: Optional[int]) -> Optional[str]:
    """Return the period the review covers (2021年上半年), read from the review heading."""
    review = next((s for s in sections if data_pattern("review_word") in s.title), None)
    if review:
        text = re.sub(data_pattern("review_heading_noise"), "", review.title).strip()
        if text:
            if year and not re.search(data_pattern("dated_period"), text):
                text = f"{year}年{text}"
            return text
    match = re.search(_pattern("covered_period"), body[:300])
    return match.group() if match else None


def _words() -> dict:
    """Return documents.yaml: document types, title words, front-matter patterns."""
    return load_data("documents.yaml")


def _pattern(key: str) -> str:
    """Return the documents.yaml regex ``key`` with its {ordinal} numerals filled in."""
    return data_pattern(key, "documents.yaml")
