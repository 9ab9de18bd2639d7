"""Places: sidecars (what the user says wins, checked line by line), stable report URLs, duplicates read once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import ReportError
from generator.read.divisions import by_code, named, parents
from generator.site.reports import read_report, read_reports
from generator.support.cache import PickleCache
from generator.support.timings import Timings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_56a725257718ee95.txt"  # 织里镇, 2021
OTHER = ROOT / "seeds" / "000_1ad54c40f023aa15.txt"  # 八里店镇, no year


def seed_with_sidecar(tmp_path: Path, sidecar: str) -> Path:
    """Return a copy of the 织里镇 seed with the given sidecar beside it."""
    report = tmp_path / "report.txt"
    shutil.copy(SEED, report)
    (tmp_path / "report.yaml").write_text(sidecar, encoding="utf-8")
    return report


def test_sidecar_overrides_extraction(tmp_path):
    report = seed_with_sidecar(tmp_path, "place: 湖州市吴兴区八里店镇\nyear: 2022\ndate: 2022-01-05\nspeaker: 张三\n"
                                         "source_url: https://example.org/r\npublisher: 某镇人民政府\nlicence: CC-BY-4.0\n")
    m = read_report(report).meta
    assert (m.place, m.place_code, m.slug, m.district, m.city) == ("八里店镇", "330502101", "balidian", "吴兴区", "湖州市")
    assert (m.year, m.date, m.speaker, m.source_url, m.publisher, m.licence) == \
        (2022, "2022-01-05", "张三", "https://example.org/r", "某镇人民政府", "CC-BY-4.0")
    assert m.place_en == "Balidian Town"


def test_sidecar_code_alone_gives_the_place_and_a_date_its_year(tmp_path):
    m = read_report(seed_with_sidecar(tmp_path, "code: '130608'\ndate: 2008-03-27\n")).meta
    assert (m.place, m.level, m.city, m.province, m.year) == ("清苑区", "district", "保定市", "河北省", 2008)


def test_sidecar_code_tells_a_homonym_apart(tmp_path):
    m = read_report(seed_with_sidecar(tmp_path, "place: 双林镇\ncode: '360521103'\n")).meta
    assert (m.place, m.district, m.city, m.province) == ("双林镇", "分宜县", "新余市", "江西省")


@pytest.mark.parametrize("sidecar, line, reason", [
    ("year: 2021\nplace: 清园区\n", 2, "'清园区' is no official division"),
    ("place: 双林镇\n", 1, "names several divisions"),
    ("date: 2021-02-30\n", 1, "'2021-02-30' is not a date"),
    ("place: 织里镇\nyear: 20211\n", 2, "'20211' is not a year"),
    ("code: '999999'\n", 1, "'999999' is no official division code"),
    ("place: 织里镇\ncode: '130608'\n", 1, "is not division 130608"),
    ("place: 织里镇\nauthor: 某人\n", 2, "unknown key 'author'"),
    ("place: [织里镇\n", 2, "malformed YAML"),
    ("speaker:\n", 1, "speaker: expected a value"),
])
def test_a_bad_sidecar_is_one_error_naming_its_file_and_line(tmp_path, sidecar, line, reason):
    with pytest.raises(ReportError) as err:
        read_report(seed_with_sidecar(tmp_path, sidecar))
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'report.yaml'}:{line}: ") and reason in message and "\n" not in message


def test_editing_a_sidecar_rereads_the_report(tmp_path):
    report = seed_with_sidecar(tmp_path, "year: 2020\n")
    cache = PickleCache()
    first = read_reports([report], Timings(), lambda _: None, cache=cache).reports[0]
    (tmp_path / "report.yaml").write_text("year: 2019\n", encoding="utf-8")
    again = read_reports([report], Timings(), lambda _: None, cache=cache).reports[0]
    assert (first.meta.year, again.meta.year) == (2020, 2019)


def slugs_of(folder: Path) -> dict[str, str]:
    """Return report file name → published slug for every report in a folder."""
    result = read_reports(sorted(folder.glob("*.txt")), Timings(), lambda _: None)
    return {Path(r.meta.source).name: r.meta.slug for r in result.reports}


def test_adding_a_report_never_changes_an_existing_reports_url(tmp_path):
    """Adding another place, another year of a place, a same-pinyin place or the same place and year again
    leaves every URL that existed as it was (no counters)."""
    shutil.copy(SEED, tmp_path / "zhili.txt")
    shutil.copy(OTHER, tmp_path / "balidian.txt")
    before = slugs_of(tmp_path)
    assert before == {"zhili.txt": "wuxing-zhili/2021", "balidian.txt": "balidian/undated"}
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "a_zhili_2022.txt").write_text(text.replace("2021年 8月 6日", "2022年 8月 6日"), encoding="utf-8")
    later = text.replace("2021年 8月 6日", "2021年 12月 6日")  # a second document of the year, given later
    (tmp_path / "a_same_year.txt").write_text(later, encoding="utf-8")
    (tmp_path / "a_other_place.txt").write_text(text.replace("织里镇", "双林镇"), encoding="utf-8")
    (tmp_path / "a_other_place.yaml").write_text("code: '360521103'\n", encoding="utf-8")  # another 双林镇
    after = slugs_of(tmp_path)
    assert {name: after[name] for name in before} == before
    assert len(set(after.values())) == len(after) == 5
    assert after["a_zhili_2022.txt"] == "wuxing-zhili/2022"
    assert after["a_other_place.txt"] == "fenyi-shuanglin/2021"
    assert after["a_same_year.txt"] == "wuxing-zhili/2021-2021-12-06"


def test_a_byte_identical_copy_is_read_once_with_a_warning_naming_both(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "b.txt")
    shutil.copy(OTHER, tmp_path / "c.txt")
    said = []
    result = read_reports(sorted(tmp_path.glob("*.txt")), Timings(), said.append)
    assert sorted(Path(r.meta.source).name for r in result.reports) == ["a.txt", "c.txt"]
    warnings = [s for s in said if s.startswith("Warning:")]
    assert len(warnings) == 1 and "b.txt" in warnings[0] and "a.txt" in warnings[0]


def test_divisions_data_holds_the_townships_with_their_parents():
    zhili = named("织里镇")[0]
    assert [p.name for p in parents(zhili)] == ["吴兴区", "湖州市", "浙江省"]
    assert by_code("130683").name == "安国市" and len(named("城关镇")) > 50


def test_every_rename_names_one_division_today():
    from generator.datafiles import load
    from generator.read.divisions import renamed

    for entry in load("places.yaml")["renamed"]:
        assert len(renamed(entry["old"])) == 1, entry
        same_parent = [d for d in named(entry["old"]) if entry["parent"] in {p.name for p in parents(d)}]
        assert not same_parent, f"{entry['old']} still exists under {entry['parent']}"


def test_one_page_per_place_lists_its_reports_newest_first(tmp_path):
    from generator.pages.places import render_place_pages

    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("2021年 8月 6日", "2023年 8月 6日"), encoding="utf-8")
    shutil.copy(OTHER, tmp_path / "c.txt")
    reports = read_reports(sorted(tmp_path.glob("*.txt")), Timings(), lambda _: None).reports
    pages = render_place_pages(reports).pages
    assert sorted(pages) == ["towns/balidian/index.en.md", "towns/balidian/index.md",
                             "towns/wuxing-zhili/index.en.md", "towns/wuxing-zhili/index.md"]
    zh, en = pages["towns/wuxing-zhili/index.md"], pages["towns/wuxing-zhili/index.en.md"]
    assert zh.index("[2023](2023/index.md)") < zh.index("[2021](2021/index.md)")
    assert "330502100" in zh and "吴兴区" in zh and "湖州市" in zh and "# Zhili Town" in en
    assert "[未注明](undated/index.md)" in pages["towns/balidian/index.md"]


def test_a_report_of_unknown_place_never_takes_a_places_url(tmp_path):
    unknown = ROOT / "tests" / "fixtures" / "quirks" / "meta_place_unknown_not_guessed.txt"
    shutil.copy(unknown, tmp_path / "wuxing-zhili.txt")  # named like a place's slug
    shutil.copy(unknown, tmp_path / "清苑报告.txt")
    (tmp_path / "清苑报告.txt").write_text(unknown.read_text(encoding="utf-8") + "另有说明。\n", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "zhili.txt")
    assert slugs_of(tmp_path) == {"wuxing-zhili.txt": "unplaced-wuxing-zhili", "清苑报告.txt": "unplaced-qingyuanbaogao",
                                  "zhili.txt": "wuxing-zhili/2021"}


@pytest.mark.slow
def test_shared_corpus_gives_one_place_per_real_place_with_every_year():
    """../shared/corpus and its series/: 清苑 (清苑县 before 2015) and 徐水 over two decades, 阜平, 顺平, 安国."""
    from generator.pages.places import places

    corpus = ROOT.parent / "shared" / "corpus"
    if not (corpus / "series").is_dir():
        pytest.skip("shared corpus not present")
    paths = sorted(corpus.glob("*.txt")) + sorted((corpus / "series").glob("*.txt"))
    reports = read_reports(paths, Timings(), lambda _: None).reports
    years = {slug: [r.meta.slug.partition("/")[2] for r in group] for slug, group in places(reports).items()}
    assert years == {
        "anguo": ["2022"], "baoding-fuping": ["2021"], "shunping": ["2024"],
        "baoding-qingyuan": ["2025", "2024", "2023", "2022", "2021", "2020", "2013", "2008", "2005", "2003"],
        "xushui": ["2024", "2019", "2018", "2015", "2013", "2012", "2011", "2010"],  # 2015 from its plan part heading
    }
    assert {r.meta.city for r in reports} == {"保定市"} and {r.meta.province for r in reports} == {"河北省"}


def test_home_and_compare_name_each_year_of_a_place_with_several(tmp_path):
    from generator.pages.render import render_index_pages

    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("2021年 8月 6日", "2023年 8月 6日"), encoding="utf-8")
    shutil.copy(OTHER, tmp_path / "c.txt")
    pages = render_index_pages(read_reports(sorted(tmp_path.glob("*.txt")), Timings(), lambda _: None).reports).pages
    for page in ("index.md", "compare.md"):
        assert "[织里镇 2021](towns/wuxing-zhili/2021/index.md)" in pages[page]
        assert "[织里镇 2023](towns/wuxing-zhili/2023/index.md)" in pages[page]
        assert "[八里店镇](towns/balidian/undated/index.md)" in pages[page]  # the only report of its place


def test_three_reports_of_one_place_year_and_date_each_keep_their_own_url():
    """A third report of one place, year and date used to overwrite the second's page: one was lost."""
    from dataclasses import replace as copy_with

    from generator.site.reports import read_report, unique_slugs
    seed = read_report(ROOT / "seeds" / "001_56a725257718ee95.txt")
    reports = [copy_with(seed, meta=copy_with(seed.meta, source=f"seeds/{n}.txt", sha256=n * 32)) for n in "abc"]
    slugs = [r.meta.slug for r in unique_slugs(reports)]
    assert len(set(slugs)) == 3 and "wuxing-zhili/2021" in slugs
    assert sorted(r.meta.source for r in unique_slugs(reports)) == ["seeds/a.txt", "seeds/b.txt", "seeds/c.txt"]
