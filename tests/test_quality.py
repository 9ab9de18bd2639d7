"""The Extraction quality panel lists the figures that became no fact, not every number of the text."""
from __future__ import annotations

import pytest

from generator.pages.quality import NUMBER, is_figure, number_coverage
from generator.read.extract import extract_report
from generator.read.normalize import clean_string

REPORT = """某县人民政府工作报告
各位代表：
2023年3月5日，全县完成固定资产投资80亿元，增长5.2%[1]。
一是第3批项目开工，二是成立70周年庆典如期举行，三是引进5000万元以上项目。
1、推进“1530”工程，建设G107国道（2）。
名词解释
［2］双千工程：每年引进1000个项目。
"""


def test_panel_lists_an_unread_figure_and_no_other_kind_of_number():
    report = extract_report(clean_string(REPORT))
    coverage = number_coverage(report)
    assert {f.value for f in report.facts} == {80}
    assert [u.number for u in coverage.unused] == ["1000"]  # a figure in the glossary: never read as a fact
    assert "每年引进1000个项目" in coverage.unused[0].context
    assert (coverage.total, coverage.used) == (3, 2)  # 80 亿元 and its growth 5.2 %, and the 1000


@pytest.mark.parametrize("text,number,figure", [
    ("完成投资80亿元", "80", True), ("新增就业300多人", "300", True), ("关停水井200眼", "200", True),
    ("控制在8‰以内", "8", True), ("每年入库1000个以上项目", "1000", True), ("为期3年", "3", True),
    ("2023年", "2023", False), ("3月5日", "3", False), ("3月5日", "5", False), ("增长5.2%[1]", "1", False),
    ("［2］双千工程", "2", False), ("〔2023〕45号", "45", False), ("第3批", "3", False), ("1、推进", "1", False),
    ("（1）推进", "1", False), ("1.推进", "1", False), ("成立70周年", "70", False), ("20世纪60年代", "60", False),
    ("5000万元以上项目", "5000", False), ("30%以上的企业", "30", False), ("G107国道", "107", False),
])
def test_what_makes_a_number_a_figure(text, number, figure):
    match = next(m for m in NUMBER.finditer(text) if m.group() == number)
    assert is_figure(text, match) is figure
