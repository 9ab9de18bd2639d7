"""What a report is: place, level, date, year, speaker, title, document type, period covered, slug."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from generator.model import CleanText, Meta, Section
from generator.read.normalize import is_title_like
from generator.read.places import admin_parents, alternation, find_place, first_group, place_level


def build_meta(clean: CleanText, sections: list[Section]) -> Meta:
    """Return what the document is: place, level, administrative parents, date, speaker, period."""
    front = "\n".join(p.text for p in clean.paragraphs[:12])
    body = "\n".join(p.text for p in clean.paragraphs)
    place, district = find_place(front, body)
    meeting = first_group(r"([\u4e00-\u9fff]{2,10}?第[一二三四五六七八九十]+届人民代表大会第[一二三四五六七八九十]+次会议)",
                      front.replace("\n", ""))
    if meeting:
        meeting = meeting.rpartition("在")[2]
    date_match = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", front)
    date = f"{int(date_match[1]):04d}-{int(date_match[2]):02d}-{int(date_match[3]):02d}" if date_match else None
    year_text = date_match[1] if date_match else first_group(r"((?:19|20)\d{2})年[\u4e00-\u9fff]{0,8}政府工作报告", front)
    year_text = year_text or _year_from_headings(sections)
    speaker = re.search(rf"^([\u4e00-\u9fff]{{2,10}}人民政府(?:代理)?(?:{alternation('speaker_titles')}))\s*([\u4e00-\u9fff]{{2,4}})$",
                        front, re.M)
    level = place_level(place)
    parents = admin_parents(body, place, level)
    return Meta(
        place=place or "", slug=_slug(place, clean.path), source=clean.path, sha256=clean.sha256, level=level,
        district=district or parents[0], city=parents[1], province=parents[2],
        doc_type=_doc_type(front, body), title=_title(clean), meeting=meeting, date=date,
        year=int(year_text) if year_text else None,
        speaker=speaker[2] if speaker else None, speaker_title=speaker[1] if speaker else None,
        period_covered=_period_covered(sections, body, int(year_text) if year_text else None),
    )


def _year_from_headings(sections: list[Section]) -> Optional[str]:
    """Return the report year read from its part headings (2023年工作回顾 → 2024, 2024年工作安排 → 2024)."""
    for section in sections:
        if section.level != 1:
            continue
        match = re.search(r"((?:19|20)\d{2})年[\u4e00-\u9fff]{0,6}?(回顾|安排|计划|打算|任务|目标)", section.title)
        if match:
            return str(int(match[1]) + (1 if match[2] == "回顾" else 0))
    return None


def _slug(place: Optional[str], path: str) -> str:
    """Return the ASCII slug of a place (织里镇 → zhili), or of the file stem when no place was found."""
    if place:
        from pypinyin import lazy_pinyin

        core = re.sub(f"({alternation('levels')})$", "", place) or place
        slug = re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(core)).lower())
        if slug:
            return slug
    stem = Path(path).stem.lower()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "report"


def _doc_type(front: str, body: str) -> Optional[str]:
    """Return the kind of document (政府工作报告, or a review-and-outlook write-up)."""
    if "政府工作报告" in front or "向大会报告工作" in body or "向大会作工作报告" in body:
        return "政府工作报告"
    if "展望" in body and ("过去一年" in body or "回顾" in body):
        return "工作回顾与展望"
    return None


def _title(clean: CleanText) -> Optional[str]:
    """Return the title: the first front line naming a report, else the first line."""
    for word in ("政府工作报告", "报告"):
        for line in clean.paragraphs[:8]:
            if word in line.text and is_title_like(line.text):
                return line.text
    first = clean.paragraphs[0].text if clean.paragraphs else ""
    return first[:40] if is_title_like(first) else None


def _period_covered(sections: list[Section], body: str, year: Optional[int]) -> Optional[str]:
    """Return the period the review covers (2021年上半年), read from the review heading."""
    review = next((s for s in sections if "回顾" in s.title), None)
    if review:
        text = re.sub(r"^[一二三四五六七八九十]+、|主要|经济|工作回顾|回顾|工作", "", review.title).strip()
        if text:
            if year and not re.search(r"\d{4}年|十[一二三四五六七八九]五", text):
                text = f"{year}年{text}"
            return text
    match = re.search(r"过去(?:的)?一年|今年以来|过去五年", body[:300])
    return match.group() if match else None
