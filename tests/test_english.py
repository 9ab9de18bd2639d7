"""English structural translation: names, values, growth, glossary look-ups and data-file errors."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.datafiles import load_file
from generator.english import glossary, headings, indicators, names, periods, structure
from generator.pages import format as fmt
from generator.errors import DataFileError
from generator.model import Fact, Meta, Paragraph, Report, Section, Source

GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "gold" / "000_1ad54c40f023aa15.yaml"


# ---------------------------------------------------------------- places and people


@pytest.mark.parametrize("name, expected", [
    ("织里镇", "Zhili Town"),
    ("八里店镇", "Balidian Town"),
    ("吴兴区", "Wuxing District"),
    ("湖州市", "Huzhou"),
    ("浙江省", "Zhejiang Province"),
    ("阜平县", "Fuping County"),
    ("安国市", "Anguo"),
    ("保定市", "Baoding"),
    ("义皋村", "Yigao Village"),
    ("西山社区", "Xishan Community"),
    ("顺平乡", "Shunping Township"),
    ("龙泉关镇", "Longquanguan Town"),
    ("解放街道", "Jiefang Subdistrict"),
    ("温县", "Wen County"),
    ("沙市", "Shashi"),
])
def test_place_en(name, expected):
    assert names.place_en(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("安国市", "Anguo City"),      # a report's own place keeps its generic part (a county-level city)
    ("湖州市", "Huzhou City"),
    ("满城区", "Mancheng District"),
    ("兴安盟", "Xing'an League"),
    ("正蓝旗", "Zhenglan Banner"),
])
def test_place_en_of_a_report_place_keeps_its_generic_part(name, expected):
    assert names.place_en(name, generic=True) == expected


@pytest.mark.parametrize("name, expected", [
    ("长阳土家族自治县", "Changyang Tujia Autonomous County"),  # 长 reads chang in place names …
    ("弓长岭区", "Gongchangling District"),
    ("长子县", "Zhangzi County"),                            # … but for 长子 (a whole-name exception)
    ("望都县", "Wangdu County"),                             # 都 reads du, not dou
    ("南乐县", "Nanle County"),
    ("孟村回族自治县", "Mengcun Hui Autonomous County"),      # ethnic groups by their official names
    ("双江拉祜族佤族布朗族傣族自治县", "Shuangjiang Lahu Va Blang Dai Autonomous County"),
])
def test_place_en_follows_gbt_16159_readings_and_ethnic_names(name, expected):
    assert names.place_en(name) == expected


def test_county_level_city_is_a_level_of_its_own():
    assert (names.level_en("county-level city"), names.level_zh("county-level city")) == ("County-level City", "县级市")


@pytest.mark.parametrize("name, expected", [
    ("西安市", "Xi'an"),          # apostrophe before a syllable starting with a/o/e
    ("延安市", "Yan'an"),
    ("东阿县", "Dong'e County"),
    ("鄂尔多斯市", "E'erduosi"),
    ("安国市", "Anguo"),          # not before the first syllable
])
def test_place_en_apostrophe(name, expected):
    assert names.place_en(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("重庆市", "Chongqing"),       # pypinyin phrase dictionary: 重 → chong, not zhong
    ("长沙市", "Changsha"),
    ("厦门市", "Xiamen"),
    ("蚌埠市", "Bengbu"),
    ("乐清市", "Yueqing"),
    ("朝阳区", "Chaoyang District"),  # glossary override: pypinyin says zhao
    ("天长市", "Tianchang"),
    ("六合区", "Luhe District"),
    ("单县", "Shan County"),
    ("陕西省", "Shaanxi Province"),
    ("内蒙古自治区", "Inner Mongolia Autonomous Region"),
    ("绿春县", "Lüchun County"),
])
def test_place_en_polyphonic_and_overrides(name, expected):
    assert names.place_en(name) == expected


def test_place_en_ignores_spaces_and_quotes():
    assert names.place_en(" 织里 镇 ") == "Zhili Town"


@pytest.mark.parametrize("name, expected", [
    ("陈勇杰", "Chen Yongjie"),
    ("贾瑞生", "Jia Ruisheng"),
    ("梁忠林", "Liang Zhonglin"),
    ("欧阳修", "Ouyang Xiu"),
    ("司马光", "Sima Guang"),
    ("诸葛亮", "Zhuge Liang"),
    ("单雄信", "Shan Xiongxin"),   # surname reading differs from the character's usual one
    ("曾国藩", "Zeng Guofan"),
    ("李西安", "Li Xi'an"),
    ("王五", "Wang Wu"),
    ("买买提·艾力", "Maimaiti Aili"),
])
def test_person_en(name, expected):
    assert names.person_en(name) == expected


# ---------------------------------------------------------------- values


@pytest.mark.parametrize("value, unit, qualifier, expected", [
    (135, "亿元", None, "CNY 13.5 billion"),
    (2850, "万元", None, "CNY 28.5 million"),
    (432.4, "万元", None, "CNY 4.324 million"),
    (398.44, "亿", None, "CNY 39.844 billion"),
    (10, "亿美元", None, "USD 1 billion"),
    (537, "万美元", None, "USD 5.37 million"),
    (572, "亩", None, "572 mu (38.1 ha)"),
    (45, "万人", None, "450,000 people"),
    (100, "万人次", None, "1 million visits"),
    (8.9, "亿千瓦时", None, "890 million kWh"),  # a unit of units_extra.yaml
    (5, "%", None, "5%"),
    (1.5, "个百分点", None, "1.5 percentage points"),
    (14, "个", None, "14"),
    (22, "台", None, "22 units"),
    (1, "万平方米", None, "10,000 m²"),
    (4000, "万元", "超", "over CNY 40 million"),
    (95, "%", "以上", "95% or more"),
    (572, "亩", "约", "about 572 mu (38.1 ha)"),
    (34068, "元", None, "CNY 34,068"),
    (15, "万元", None, "CNY 150,000"),
    (1, "家", None, "1 firm"),
    (1, "名", None, "1 person"),
    (11360, "处", "余", "over 11,360 sites"),
    (1, "万平方米", "余", "over 10,000 m²"),
    (6.8, "%", "左右", "about 6.8%"),
    (1000, None, "近", "nearly 1,000"),
    (25, "万亩", None, "250,000 mu (16,667 ha)"),
    (121.3, "万平米", None, "1.213 million m²"),  # 万 + a glossary unit
])
def test_format_value_en(value, unit, qualifier, expected):
    assert fmt.format_value_en(value, unit, qualifier) == expected


def test_format_value_en_has_no_float_noise():
    assert fmt.format_value_en(0.1 + 0.2, "亿元") == "CNY 30 million"
    assert fmt.format_value_en(0.1 + 0.2, "%") == "0.3%"
    assert fmt.format_value_en(1.1 * 3, "万人") == "33,000 people"


@pytest.mark.parametrize("value, unit, qualifier, expected", [
    (135, "亿元", None, "135亿元"),
    (4000, "万元", "超", "超4000万元"),
    (95, "%", "以上", "95%以上"),
    (572, "亩", "约", "约572亩"),
    (11360, "处", "余", "11360余处"),
    (1, "万平方米", "余", "1万余平方米"),
    (6.8, "%", "左右", "6.8%左右"),
    (0.1 + 0.2, "万元", None, "0.3万元"),
    (14, None, None, "14"),
])
def test_format_value_zh(value, unit, qualifier, expected):
    assert fmt.format_value_zh(value, unit, qualifier) == expected


def test_unit_en():
    assert glossary.unit_en("亿元") == "CNY"
    assert glossary.unit_en("个") == ""
    assert glossary.unit_en("家") == "firms"
    assert glossary.unit_en("不存在的单位") is None


# ---------------------------------------------------------------- growth


@pytest.mark.parametrize("pct, basis, expected", [
    (1.5, "同比", "+1.5% year on year"),
    (-80, None, "\u221280%"),
    (6, None, "+6%"),
    (11.5, "年均", "average annual +11.5%"),
    (17.5, "比上年", "+17.5% over the previous year"),
    (5, "同口径", "+5% like-for-like"),
    (17.5, "较年初", "+17.5% since the start of the year"),
    (0, None, "0%"),
    (3, "不认识的基准", "+3%"),       # unknown basis: no Chinese in English output
    (98, "比2015年", "+98% over 2015"),
    (5, "比“十二五”末", "+5% over the end of the 12th Five-Year Plan"),
])
def test_growth_en(pct, basis, expected):
    assert fmt.growth_en(pct, basis) == expected


def test_growth_en_uses_real_minus_sign():
    assert fmt.growth_en(-2.5).startswith("\u2212") and "-" not in fmt.growth_en(-2.5)


@pytest.mark.parametrize("pct, basis, expected", [
    (1.5, "同比", "同比增长1.5%"),
    (-80, None, "下降80%"),
    (6, None, "增长6%"),
    (11.5, "年均", "年均增长11.5%"),
    (0, None, "持平"),
])
def test_growth_zh(pct, basis, expected):
    assert fmt.growth_zh(pct, basis) == expected


def test_growth_none():
    assert fmt.growth_en(None) is None and fmt.growth_zh(None) is None


# ---------------------------------------------------------------- glossary groups


@pytest.mark.parametrize("indicator, expected", [
    ("规上工业增加值", "Value added of industrial enterprises above designated size"),
    ("地区生产总值", "Gross domestic product (GDP)"),
    ("吸收预备党员", "New probationary Party members"),
    (" 地区生产 总值 ", "Gross domestic product (GDP)"),
    ("“低散乱”企业整治", "Low-end, scattered and disorderly enterprises remedied"),
])
def test_indicator_en_exact(indicator, expected):
    assert indicators.indicator_en(indicator) == expected


def test_indicator_en_composes_known_parts_only():
    assert indicators.indicator_en("新增高新技术企业") == "New high-tech enterprises"
    assert indicators.indicator_en("新增省级科技型中小企业") == "New provincial technology-based SMEs"
    assert indicators.indicator_en("累计新增高新技术企业") == "Cumulative new high-tech enterprises"
    assert indicators.indicator_en("新增地区生产总值") == "New gross domestic product (GDP)"  # acronym kept
    assert indicators.indicator_en("战略新兴产业增加值占比") == "Share of value added of strategic emerging industries"
    assert indicators.indicator_en("食用菌总产值") == "Output value of edible fungi"


# Indicators as an extractor would name them in seed 001 and the three corpus reports.
TYPICAL = """
地区生产总值 财政收入 规上工业增加值 社会固定资产投资 工业性投入 引进亿元以上项目 3亿元以上项目 认定市大好高项目
亿元以上项目新开工入库 亿元以上新竣工项目 战略新兴产业增加值占比 高新技术产业增加值占比 创新服务机构 引进设计人才
童装企业小升规 童装助力贷 试点出口业务量 省级科技型中小企业 引进全职领军人才 申报国家级人才项目 总资产 拆迁签约
土地征租 新增项目供地 土地收储 500万元以上重点项目 村集体经营性收入 智慧城管采集事件 结案率 安全检查 发现隐患
调处化解矛盾纠纷 成功率 最低生活保障金 医疗专项救助金 新开工亿元以上项目 新增规上企业 市场采购贸易出口额
改造老旧小区 新增路边计时收费车位 新改建城镇公厕 一般公共预算收入 固定资产投资 居民储蓄存款余额 贫困人口
旅游综合收入 签约引进县外投资项目 县城建成区绿地率 新建农村公厕 改造户厕 公路通车总里程 新补充教师
关停散乱污企业 空气质量优良天数 PM2.5平均浓度 人工造林 森林覆盖率 限上消费品零售额 协议投资额 城镇化率
食用菌总产值 养殖业总产值 旅游接待总人次 幼儿教育毛入园率 城镇新增就业 城镇登记失业率 规模以上工业增加值
社会消费品零售总额 城乡居民人均可支配收入 土地流转率 电商全网销售额 亩均年税收 新增市场主体 城镇居民人均可支配收入
农村居民人均可支配收入 加计扣除金额 专精特新企业 高新技术企业 科技型中小企业 新增设施农业 建成高标准农田 新建科技小院
林木覆盖率 国债资金 进出口总额 研发经费投入 新增学位 新增床位 实际利用外资 规模以上工业企业 减免税费
城区热源替代改造 拆除违法建筑 公共财政支出占比 下岗再就业 承办12345热线 新建高标准农田 改造提升农村公路
""".split()


def test_typical_seed_and_corpus_indicators_are_covered():
    assert [name for name in TYPICAL if indicators.indicator_en(name) is None] == []


@pytest.mark.parametrize("indicator", ["", None, "䶵䶴企业", "新增䶵䶴"])
def test_indicator_en_unknown_is_none_never_half_chinese(indicator):
    # 䶵䶴: characters in no dictionary, so the name as a whole has no English (never a half-Chinese one)
    assert indicators.indicator_en(indicator) is None


@pytest.mark.parametrize("indicator, english, origin", [
    ("新增高新技术企业", "New high-tech enterprises", "glossary"),
    ("改造农村危房", "Renovated rural decrepit house", "dictionary"),  # 改造 a glossary modifier, 危房 CC-CEDICT
    ("招聘中小学教师", "Primary and secondary schools teachers recruited", "dictionary"),  # verb after its object
    ("徐水园区投资", "Investment in Xushui park", "dictionary"),  # a place CC-CEDICT knows only as a name: pinyin
])
def test_indicator_en_composes_words_the_glossary_lacks(indicator, english, origin):
    assert (indicators.indicator_en(indicator), indicators.indicator_origin(indicator)) == (english, origin)


def test_glossary_indicators_have_no_chinese_in_english():
    for group in ("indicators", "periods", "growth_bases", "section_words", "doc_types"):
        for zh, text in glossary.load_glossary()[group].items():
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), (group, zh)


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def test_every_glossary_value_is_han_free():
    bad = []
    for group, entries in glossary.load_glossary().items():
        if not isinstance(entries, dict):
            continue
        for zh, value in entries.items():
            # mapping entries may carry a Chinese display label under `zh`; everything else is English
            values = [v for k, v in value.items() if k != "zh"] if isinstance(value, dict) else [value]
            bad += [(group, zh, v) for v in values if isinstance(v, str) and _has_han(v)]
    assert bad == []


@pytest.mark.parametrize("indicator, expected", [
    ("建成村级幸福院", "Village elderly care homes built"),              # leading verb
    ("培育省市级企业研发中心", "Provincial and municipal enterprise R&D centres fostered"),
    ("争创市级标杆小区", "Bids for municipal benchmark communities"),
    ("计划新增规上企业", "Planned new enterprises above designated size"),  # modifiers
    ("培养农村技能人才", "Rural skilled workers trained"),                 # no "trained trained"
    ("取缔煤炭经营园区", "Coal trading yards closed"),
    ("重点项目顺利竣工", "Key projects completed"),                         # trailing words
    ("交通组织点位提升工作", "Traffic points upgraded"),
    ("乡镇卫生院改扩建", "Township health centres expanded or rebuilt"),
    ("居民储蓄存款余额年均增长", "Average annual growth of residents' savings deposit balance"),
    ("安国市民文化中心项目总投资", "Total investment in Anguo civic cultural centre project"),  # CC-CEDICT words
    ("地区生产总值全市排名", "City ranking of gross domestic product (GDP)"),
])
def test_indicator_en_affixes(indicator, expected):
    assert indicators.indicator_en(indicator) == expected


@pytest.mark.parametrize("indicator", ["建成什么", "培育奇怪东西", "什么东西顺利竣工", "计划", "建成"])
def test_indicator_affixes_need_a_known_core(indicator):
    # the glossary alone composes only around a known core; the rest is the dictionary's, and says so
    assert indicators.indicator_origin(indicator) != "glossary"
    assert indicators.indicator_en("建成䶵䶴") is None


def test_seed_indicators_are_fully_covered(root):
    from generator.site.reports import read_report
    paths = sorted((root / "seeds").glob("*.txt"))
    if not paths:
        pytest.skip("no seeds")
    known, total, unknown = structure.glossary_coverage(read_report(p) for p in paths)
    assert total > 0 and unknown == [] and known == total
    english = [indicators.indicator_en(f.indicator) for p in paths for f in read_report(p).facts if f.indicator]
    assert not [t for t in english if _has_han(t)]


@pytest.mark.parametrize("period, expected", [
    ("全年", "Full year"),
    ("上半年", "First half"),
    ("下半年", "Second half"),
    ("1-6月", "January–June"),
    ("1—6月", "January–June"),
    ("1至9月", "January–September"),
    ("元至6月份", "January–June"),
    ("2018年1-12月份", "January–December 2018"),
    ("过去的六年", "Past six years"),
    ("前三季度", "First three quarters"),
    ("截至目前", "To date"),
    ("今年以来", "Year to date"),
    ("去年5月以来", "Since May last year"),
    ("“十四五”期间", "14th Five-Year Plan period (2021–2025)"),
    ("“十五”时期", "10th Five-Year Plan period (2001–2005)"),
    ("“九五”末", "End of the 9th Five-Year Plan (2000)"),
    ("2021年", "2021"),
    ("2021年上半年", "First half of 2021"),
    ("2020年2月", "February 2020"),
    ("到2025年", "By 2025"),
    ("6月底前", "By the end of June"),
    ("近两年", "Past two years"),
    ("三年来", "Over the past three years"),
    ("五年", "Over five years"),
    ("未来三年内", "Next three years"),
    ("近12年", "Past 12 years"),
    ("某个时候", None),
    ("13月", None),
])
def test_period_en(period, expected):
    assert periods.period_en(period) == expected


@pytest.mark.parametrize("basis, expected", [
    ("同比", "year on year"),
    ("比2015年", "over 2015"),
    ("比“十五”时期", "over the 10th Five-Year Plan period (2001–2005)"),
    ("比“十一五”", "over the 11th Five-Year Plan (2006–2010)"),
    ("较“八五”末", "over the end of the 8th Five-Year Plan (1995)"),
    ("比某个时候", None),
])
def test_growth_basis_en(basis, expected):
    """A multiple of an older plan's level (是“十五”时期的4.8倍) says in English which plan, with its years."""
    assert glossary.growth_basis_en(basis) == expected


@pytest.mark.parametrize("kind, label_en, label_zh", [
    ("actual", "Actual", "实绩"), ("target", "Target", "目标"), ("estimate", "Estimate", "预计"),
    ("share", "Share", "占比"), ("rank", "Rank", "排名"),
])
def test_kinds(kind, label_en, label_zh):
    assert glossary.kind_en(kind) == label_en and glossary.kind_zh(kind) == label_zh


def test_kinds_cover_the_model():
    from generator.model import KINDS
    assert all(glossary.kind_en(k) and glossary.kind_zh(k) for k in KINDS)


@pytest.mark.parametrize("level, expected", [
    ("镇", "Town"), ("乡", "Township"), ("街道", "Subdistrict"), ("县", "County"), ("区", "District"),
    ("市", "City"), ("省", "Province"), ("town", "Town"), ("subdistrict", "Subdistrict"), ("bogus", None),
])
def test_level_en(level, expected):
    assert names.level_en(level) == expected


def test_level_zh():
    assert names.level_zh("town") == "镇" and names.level_zh("county") == "县" and names.level_zh("镇") == "镇"


def test_doc_type_en():
    assert glossary.doc_type_en("政府工作报告") == "Government Work Report"
    assert glossary.doc_type_en("不知道") is None


@pytest.mark.parametrize("title, place, expected", [
    ("织里镇人民政府镇长", None, "Mayor of Zhili Town"),
    ("人民政府镇长", "织里镇", "Mayor of Zhili Town"),
    ("镇长", None, "Mayor"),
    ("县长", None, "County Governor"),
    ("阜平县人民政府县长", None, "Governor of Fuping County"),
    ("安国市人民政府市长", None, "Mayor of Anguo"),
    ("织里镇党委书记", None, "Party Secretary of Zhili Town"),
    ("织里镇人民政府", None, "People's Government of Zhili Town"),
    ("某单位总经理", None, None),
    ("县人民政府县长", "阜平县", "Governor of Fuping County"),
])
def test_title_en(title, place, expected):
    assert names.title_en(title, place) == expected


@pytest.mark.parametrize("title, expected", [
    ("一、上半年工作回顾", "I. Review of work in the first half"),
    ("二、下半年工作计划", "II. Work plan for the second half"),
    ("工作回顾", "Review of work"),
    ("展望", "Outlook"),
    ("（四）全面提升政府效能", "(4) Raising government effectiveness across the board"),
    ("一、2023年工作回顾", "I. Review of work in 2023"),
    ("二、2022年发展思路和工作重点", "II. Development approach and key tasks for 2022"),
    ("一、“十三五”时期和2020年主要工作回顾",
     "I. Review of major work in the 13th Five-Year Plan period and in 2020"),
    ("十二、展望", "XII. Outlook"),
    ("一、完全不认识的标题", None),
])
def test_section_title_en(title, expected):
    assert headings.section_title_en(title) == expected


def test_seed_headings_are_translated(root):
    seed = (root / "seeds" / "001_56a725257718ee95.txt").read_text(encoding="utf-8")
    titles = [line.strip() for line in seed.splitlines()
              if line.strip().startswith(("一、", "二、", "（一）", "（二）", "（三）", "（四）"))]
    assert len(titles) >= 9
    english = [headings.section_title_en(h) or headings.composed_title_en(h) for h in titles]
    assert all(english) and not any(_has_han(e) for e in english), list(zip(titles, english))


# ---------------------------------------------------------------- data-file errors


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _minimal() -> str:
    return glossary.GLOSSARY_PATH.read_text(encoding="utf-8")


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = _write(tmp_path, "version: 1\nindicators:\n  地区生产总值: GDP\n  利税: [unclosed\nperiods: {}\n")
    with pytest.raises(DataFileError) as err:
        glossary.load_glossary(path)
    assert err.value.path == str(path)
    assert err.value.line == 5
    assert f"{path}:5:" in str(err.value)


def test_bad_indentation_reports_its_line(tmp_path):
    text = _minimal().replace("  营收: Revenue\n", "  营收: Revenue\n   bad: indent\n", 1)
    line = text.splitlines().index("   bad: indent") + 1
    with pytest.raises(DataFileError) as err:
        glossary.load_glossary(_write(tmp_path, text))
    assert err.value.line == line


def test_duplicate_key_is_an_error_with_line(tmp_path):
    text = _minimal().replace("  营收: Revenue\n", "  营收: Revenue\n  “地区生产总值”: GDP again\n", 1)
    line = text.splitlines().index("  “地区生产总值”: GDP again") + 1
    with pytest.raises(DataFileError) as err:
        glossary.load_glossary(_write(tmp_path, text))
    assert err.value.line == line and "duplicate" in err.value.reason


def test_non_text_translation_is_an_error_with_line(tmp_path):
    text = _minimal().replace("  营收: Revenue\n", "  营收: no\n", 1)  # YAML 1.1 reads `no` as false
    line = text.splitlines().index("  营收: no") + 1
    with pytest.raises(DataFileError) as err:
        glossary.load_glossary(_write(tmp_path, text))
    assert err.value.line == line


def test_missing_group_and_unknown_group(tmp_path):
    with pytest.raises(DataFileError, match="missing group"):
        glossary.load_glossary(_write(tmp_path, "version: 1\nindicators: {}\n"))
    with pytest.raises(DataFileError, match="unknown group") as err:
        glossary.load_glossary(_write(tmp_path, _minimal() + "\nbogus:\n  a: b\n"))
    assert err.value.line == len(_minimal().splitlines()) + 2


def test_unreadable_and_empty_files(tmp_path):
    with pytest.raises(DataFileError):
        glossary.load_glossary(tmp_path / "missing.yaml")
    with pytest.raises(DataFileError, match="empty"):
        glossary.load_glossary(_write(tmp_path, "# nothing\n"))


def test_malformed_units_file_names_the_line(tmp_path):
    path = tmp_path / "units.yaml"
    path.write_text("money:\n  元: {base: CNY, factor: 1}\n  万元: {base: CNY, factor: lots}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_file(path, "units.yaml")
    assert err.value.line == 3 and "factor" in err.value.reason


def test_shipped_glossary_is_valid_and_versioned():
    data = glossary.load_glossary()
    assert isinstance(data["version"], int)
    assert len(data["indicators"]) >= 300


# ---------------------------------------------------------------- whole reports


def _report(indicators: list[str]) -> Report:
    meta = Meta(place="织里镇", slug="zhili", source="seeds/001.txt", sha256="0" * 64, level="town",
                district="吴兴区", city="湖州市", province="浙江省", speaker="陈勇杰",
                speaker_title="织里镇人民政府镇长")
    src = Source(line=1, quote="…", paragraph="p-1")
    facts = tuple(Fact(id=f"zhili-2021-{i:04d}", indicator=name, value=1, unit="个", kind="actual",
                       source=src) for i, name in enumerate(indicators))
    sections = (Section(id="s1", title="一、上半年工作回顾", level=1, paragraph="p-2", line=3),
                Section(id="s2", title="（九）看不懂", level=2, paragraph="p-3", line=5, parent="s1"))
    paragraphs = (Paragraph(anchor="p-2", text="一、上半年工作回顾", line=3, is_heading=True),
                  Paragraph(anchor="p-4", text="正文", line=7))
    return Report(meta=meta, sections=sections, paragraphs=paragraphs, facts=facts)


def test_translate_report_fills_english_and_keeps_the_rest():
    report = _report(["地区生产总值", "䶵䶴的指标"])
    out = structure.translate_report(report)
    assert out is not report and report.meta.place_en is None  # the input is untouched
    assert (out.meta.place_en, out.meta.district_en, out.meta.city_en, out.meta.province_en,
            out.meta.speaker_en) == ("Zhili Town", "Wuxing District", "Huzhou", "Zhejiang Province",
                                     "Chen Yongjie")
    assert [f.indicator_en for f in out.facts] == ["Gross domestic product (GDP)", None]
    assert [s.title_en for s in out.sections] == ["I. Review of work in the first half", None]
    composed = structure.compose_headings(out)  # after the translation memory: CC-CEDICT's sense
    assert [s.title_en for s in composed.sections] == ["I. Review of work in the first half",
                                                       "(9) Unable to make sense of what one is looking at"]
    assert out.paragraphs[0].text_en == "I. Review of work in the first half"
    assert out.paragraphs[1].text_en is None
    assert [f.indicator for f in out.facts] == [f.indicator for f in report.facts]


def test_translation_memory_wins_over_composed_headings():
    from generator.english.memory import Entry, Memory, apply_memory
    report = structure.translate_report(_report([]))
    memory = Memory().with_entries([Entry("（九）看不懂", "(9) Hard to follow", "human")])
    out = structure.compose_headings(apply_memory(report, memory))
    assert [s.title_en for s in out.sections][1] == "(9) Hard to follow"


def test_translate_report_keeps_upstream_english():
    import dataclasses
    report = _report([])
    report = dataclasses.replace(report, meta=dataclasses.replace(report.meta, place_en="Zhili"))
    assert structure.translate_report(report).meta.place_en == "Zhili"


def test_glossary_coverage():
    known, total, unknown = structure.glossary_coverage([_report(["地区生产总值", "䶵指标", "䶵指标", "利税"])])
    assert (known, total, unknown) == (2, 3, ["䶵指标"])


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold file not present")
def test_gold_indicators_are_covered():
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    gold_names = sorted({f["indicator"] for f in gold["facts"]})
    unknown = [n for n in gold_names if indicators.indicator_en(n) is None]
    assert len(gold_names) >= 50
    assert (len(gold_names) - len(unknown)) / len(gold_names) >= 0.95, unknown


@pytest.mark.parametrize("value, unit, counted, expected", [
    (8, "所", "高校", "8 universities"),
    (2, "条", "街道", "2 streets"),
    (4404, "户", "新增市场主体", "4,404 market entities"),
    (12, "家", "规模以上工业企业", "12 industrial enterprises"),
    (1, "所", "高校", "1 university"),
    (3, "户", "脱贫户", "3 households lifted out of poverty"),
    (5, "家", "企业总数", "5 enterprises"),  # 总数 says how many of the noun before it
    (1.2, "万户", "老旧小区改造", "12,000 households"),  # a name ending in a verb: the measure word's English
    (3, "个", "城镇化率", "3"),  # nothing countable, a bare 个: the number stands alone
])
def test_a_count_reads_with_the_noun_of_what_is_counted(value, unit, counted, expected):
    assert fmt.format_value_en(value, unit, None, counted) == expected


def test_no_unit_reads_person_times():
    words = [u.en for u in glossary.load_units().values()] + list(glossary.group("units").values())
    assert not any("person-time" in w for w in words)


@pytest.mark.parametrize("zh, en", [
    ("过亿元项目", "Projects over CNY 100 million"),  # the things first, the threshold after
    ("产值超亿元企业", "Enterprises with output value over CNY 100 million"),  # what is measured: "with …"
    ("谋划过亿元项目", "Projects over CNY 100 million planned"),  # a verb before it follows as a participle
    ("投资过5亿元项目", "Projects with investment over CNY 500 million"),
])
def test_names_of_things_above_an_amount_put_the_things_first(zh, en):
    assert indicators.indicator_en(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("10亿-50亿元项目", "CNY 1-5 billion project"),  # a band of amounts, each bound in the upper one's scale
    ("10至500万元项目", "CNY 0.1-5 million project"),
])
def test_a_band_of_amounts_reads_as_one_band(zh, en):
    assert indicators.indicator_en(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("城镇居民和农村居民人均可支配收入", "Per-capita disposable income of urban and rural residents"),
    ("城镇和农村居民人均可支配收入", "Per-capita disposable income of urban and rural residents"),
])
def test_a_pair_sharing_one_name_reads_as_one_name(zh, en):
    assert indicators.indicator_en(zh) == en


def test_a_part_of_a_whole_reads_as_a_share_of_it():
    assert indicators.indicator_en("民生支出占一般公共预算支出比重") == \
        "Share of livelihoods expenditure in general public budget expenditure"
