"""What a report is: place, level, date, year, speaker, title, document type, period covered, slug."""
from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Optional

from generator.datafiles import load as load_data
from generator.model import CleanText, Meta, Section
from generator.read.lexicon import data_pattern
from generator.read.normalize import is_title_like
from generator.read.places import alternation, find_place, first_group, name_level, parent_names

# the front matter is this many opening paragraphs, or up to the opening address if that is later, but no
# further than the last
FRONT_PARAGRAPHS = 12
FRONT_MAX_PARAGRAPHS = 40
# a news item about a meeting is printed at most this many days after it
NEWS_DAYS = 31
# the report year stated in words (回顾了2012年的政府工作) is looked for in this many opening paragraphs
STATED_YEAR_PARAGRAPHS = 20
# a report without a review heading names the period it covers this early in its body
COVERED_SPAN = 300


def build_meta(clean: CleanText, sections: list[Section]) -> Meta:
    """Return what the document is: place, level, administrative parents, date, speaker, period."""
    front = "\n".join(p.text for p in clean.paragraphs[:_front_end(clean)])
    body = "\n".join(p.text for p in clean.paragraphs)
    name, place = find_place(front, body)
    meeting = first_group(_pattern("meeting"), front.replace("\n", ""))
    if meeting:
        meeting = meeting.rpartition(_words()["meeting_place_before"])[2]
    date_match = _report_date(front)
    date = f"{int(date_match[1]):04d}-{int(date_match[2]):02d}-{int(date_match[3]):02d}" if date_match else None
    year_text = date_match[1] if date_match else first_group(_pattern("report_year"), front)
    year_text = year_text or _year_from_headings(sections) or _year_stated(clean) or _news_year(front)
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


def _front_end(clean: CleanText) -> int:
    """Return how many paragraphs the front matter holds: FRONT_PARAGRAPHS, or up to the opening address
    (各位代表) when page furniture before the title pushes it further (a download page's notices)."""
    opening = _words()["opening_address"]
    for index, line in enumerate(clean.paragraphs[:FRONT_MAX_PARAGRAPHS]):
        if line.text.lstrip().startswith(opening):
            return max(FRONT_PARAGRAPHS, index)
    return FRONT_PARAGRAPHS


def _report_date(front: str) -> Optional[re.Match]:
    """Return the first full date of the front matter that is not a web page's (发布日期:2025年07月08日 dates
    the page, not the report: a republished report of 2020 is not one of 2025)."""
    labels = _words()["publish_labels"]
    for match in re.finditer(_pattern("date"), front):
        before = front[:match.start()].rpartition("\n")[2][-12:]
        if not any(label in before for label in labels):
            return match
    return None


def _year_stated(clean: CleanText) -> Optional[str]:
    """Return the report year its opening paragraphs state in words when no date, title or heading gives it:
    the year it plans (提出了2013年的政府工作目标, 三是2012年重点工作, 2021年主要目标是) or the year after the one it
    reviews (回顾了2012年的政府工作 → 2013), a work report reviewing the year before it is given."""
    opening = "\n".join(p.text for p in clean.paragraphs[:STATED_YEAR_PARAGRAPHS])
    found = [(m.start(), int(m[1]) + rule["add"]) for rule in _words()["year_statements"]
             for m in re.finditer(rule["pattern"], opening)]
    return str(min(found)[1]) if found else None


def _news_year(front: str) -> Optional[str]:
    """Return the year of a meeting a news item dates by month and day only (7月24日，锦尚镇召开…) when the
    item's own date (石狮日报 2020-07-27) follows it within NEWS_DAYS: news is printed days after the
    meeting. A page's date alone (发布日期) dates no report."""
    meeting = re.search(_pattern("meeting_day"), front)
    printed = re.search(_pattern("news_date"), front)
    if not (meeting and printed):
        return None
    try:
        held = datetime.date(int(printed[1]), int(meeting[1]), int(meeting[2]))
        days = (datetime.date(int(printed[1]), int(printed[2]), int(printed[3])) - held).days
    except ValueError:
        return None
    return printed[1] if 0 <= days <= NEWS_DAYS else None


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
    """Return the period the review covers: the periods its heading names before the review word, joined as
    written (一、2018年工作回顾 → 2018年; “十三五”和2020年工作回顾; 一、过去五年工作简要回顾 → 过去五年), a part of
    a year with the report's year (上半年工作回顾 → 2021年上半年); else the year the text says it reviews
    (回顾了2012年的政府工作) or a period named early in the body (过去一年). Nothing else of the heading (工作,
    政府, 社会发展, 简要) and nothing after the review word (page furniture such as Zeu) is a period."""
    review_word = data_pattern("review_word")
    review = next((s for s in sections if review_word in s.title), None)
    if review:
        head = re.sub(data_pattern("review_heading_noise"), "", review.title.partition(review_word)[0]).strip()
        found = list(re.finditer("|".join(load_data("headings.yaml")["part_periods"]), head))
        if found:
            text = found[0].group()
            for before, match in zip(found, found[1:]):
                joiner = re.search(_pattern("period_joiner"), head[before.end():match.start()])
                text += (joiner.group() if joiner else _words()["period_joiner_default"]) + match.group()
            if year and re.fullmatch(_pattern("part_of_year"), text):
                text = f"{year}年{text}"
            return text
    stated = first_group(_pattern("covered_statement"), body[:COVERED_SPAN])
    if stated:
        return stated
    match = re.search(_pattern("covered_period"), body[:COVERED_SPAN])
    return match.group() if match else None


def _words() -> dict:
    """Return documents.yaml: document types, title words, front-matter patterns."""
    return load_data("documents.yaml")


def _pattern(key: str) -> str:
    """Return the documents.yaml regex ``key`` with its {ordinal} numerals filled in."""
    return data_pattern(key, "documents.yaml")
