"""What a report is (place, year, period covered) read right from the front matter of reports scraped from the
web: one invented text per construction, any province and decade."""
from __future__ import annotations

import pytest

from generator.read.extract import extract_report
from generator.read.normalize import clean_string

BODY = "各位代表：\n现在，我代表镇人民政府向大会报告工作。\n全镇财政收入完成3200万元，增长6%。\n"


def _meta(text: str):
    return extract_report(clean_string(text)).meta


@pytest.mark.parametrize("front,place,county", [
    # the meeting line without 在 before it; the name's specific part ending in 镇 (大安镇镇, not 大安镇 then 镇)
    ("政府工作报告\n大安镇镇第十九届人民代表大会第二次会议\n", "大安镇镇", "玉田县"),
    # the speaker's line, title with 常务副 and no 人民政府, the name right after it
    ("政府工作报告\n——2009年1月8日在县第十四届人民代表大会第三次会议上\n泾源县常务副县长马文华\n", "泾源县", None),
    # a news item: the place calls the meeting (召开), the congress abbreviated 人大
    ("晋江市安海镇召开第十八届人大三次会议\n", "安海镇", "晋江市")])
def test_the_place_is_read_from_the_meeting_the_speaker_or_the_news_line(front, place, county):
    meta = _meta(front + BODY)
    assert meta.place == place and meta.district == county


def test_a_speaker_line_without_its_government_gives_the_speaker():
    meta = _meta("政府工作报告\n泾源县常务副县长马文华\n" + BODY)
    assert (meta.speaker, meta.speaker_title) == ("马文华", "泾源县常务副县长")


def test_navigation_never_gives_the_place():
    """A breadcrumb names the section of a web site the page sits in, not the report's place."""
    crumbs = "首页 > 政务公开 > 乡镇公开目录 > 新登镇 > 政府工作报告\n"
    assert _meta(crumbs + "政府工作报告\n" + BODY).place == ""
    meta = _meta(crumbs + "政府工作报告\n——2021年1月6日在大安镇镇第十九届人民代表大会第五次会议上\n" + BODY)
    assert meta.place == "大安镇镇"


def test_a_web_page_date_is_not_the_report_date():
    """发布日期 dates the page (a report of 2016 republished in 2023), the title dates the report."""
    meta = _meta("2016年新登镇政府工作报告\n所属地区：浙江\n发布日期：2023年05月11日\n一、2015年工作回顾\n" + BODY)
    assert (meta.year, meta.date, meta.period_covered) == (2016, None, "2015年")


@pytest.mark.parametrize("text,year,covered", [
    # a write-up of the report: the year it reviews and the year it plans, in words
    ("近日，泾源县县长在县第十五届人民代表大会第二次会议上作政府工作报告，回顾了2008年的政府工作，"
     "也提出了2009年的政府工作目标。\n", 2009, "2008年"),
    ("近日，泾源县召开人民代表大会，县长作政府工作报告，回顾了2008年的政府工作。\n", 2009, "2008年"),
    # the report's outline: its plan part's year
    ("12月8日，泾源县第十五届人民代表大会第一次会议开幕。报告分三个部分：一是过去五年工作回顾；"
     "二是今后五年主要任务；三是2006年重点工作。\n", 2006, None),
    # the targets of a plan without heading or date
    ("2014年全镇经济和社会发展的主要目标是：财政收入增长8%。\n", 2014, None)])
def test_the_year_a_report_states_in_words(text, year, covered):
    meta = _meta(text)
    assert meta.year == year
    assert covered is None or meta.period_covered == covered


def test_a_news_item_dates_the_meeting_by_its_own_date():
    """7月20日 … 召开, printed 2018-07-23: the meeting was in 2018; a page date alone dates nothing."""
    meta = _meta("晋江市安海镇召开第十八届人大三次会议\n晋江日报 2018-07-23 10:05\n"
                 "7月20日，安海镇召开第十八届人民代表大会第三次会议，审议通过政府工作报告。\n")
    assert meta.year == 2018
    assert _meta("安海镇简讯\n发布时间 2018-07-23\n全镇财政收入完成3200万元。\n").year is None


@pytest.mark.parametrize("heading,covered", [
    ("一、2017年工作回顾Zeu", "2017年"),  # a scraped page's marker after every line
    ("一、2018年工作回顾GwM乡村百科--为乡村振兴助力", "2018年"),
    ("一、过去五年工作简要回顾", "过去五年"),  # never the report's year in front of a five-year span
    ("一、过去五年的工作回顾", "过去五年"),
    ("一、‚十一五‛时期政府工作回顾", "“十一五”时期"),  # ‚‛ stand for “” (normalize.py)
    ("“十一五”经济社会发展回顾", "“十一五”"),
    ("一、“十三五”和2020年工作回顾", "“十三五”和2020年"),
    ("一、2020年工作及“十三五”时期发展回顾", "2020年及“十三五”时期"),
    ("一、工作的回顾", "一年来")])  # no period in the heading: the one the body names
def test_the_period_covered_is_what_the_review_heading_names(heading, covered):
    meta = _meta(f"2016年泾源县政府工作报告\n各位代表：\n{heading}\n一年来，全县财政收入完成3200万元，增长6%。\n")
    assert meta.period_covered == covered
