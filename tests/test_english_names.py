"""Composition rules for names the glossary lacks, and the English of listed entities (no Han left)."""
from __future__ import annotations

import re

import pytest

from generator.english.compose import compose_en
from generator.english.entities import entity_coverage, entity_en
from generator.english.indicators import indicator_en, indicator_origin

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("zh, en", [
    ("大王店园区", "Dawangdian park"),  # a tagged name with a settlement ending is one place name in pinyin
    ("东方公司投资", "Dongfang company investment"),  # a firm's name: trade name in pinyin, head translated
    ("王盘变电站", "Wangpan substation"),  # a name jieba has only as a prefix of a word is still a name
])
def test_proper_names_inside_a_composed_name_are_pinyin(zh, en):
    assert compose_en(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("响应率", "Response rate"),
    ("省重点项目开工率", "Provincial key projects construction start rate"),
    ("集中供热率", "Central heating rate"),
])
def test_a_rate_reads_as_what_is_counted_then_rate(zh, en):
    assert compose_en(zh) == en


def test_two_leading_verbs_follow_their_object_joined_by_and():
    assert compose_en("招聘引进教师") == "Teachers recruited and brought in"


def test_a_gloss_naming_one_thing_twice_keeps_the_first_word():
    assert not re.search(r"\bor\b", compose_en("王宫") or "")


def test_a_foreign_name_in_the_dictionary_gives_way_to_pinyin():
    assert compose_en("傍河村") is not None and "Kawamura" not in compose_en("傍河村")


def test_a_genre_term_wins_over_word_by_word_reading():
    assert indicator_en("城乡人均可支配收入") == "Urban and rural per-capita disposable income"
    assert indicator_origin("城乡人均可支配收入") == "dictionary"


@pytest.mark.parametrize("kind, zh, en", [
    ("village", "北邓村", "Beideng Village"),
    ("community", "朝阳社区", "Chaoyang Community"),
    ("enterprise", "富苑草莓公司", "Fuyuan Strawberry Company"),  # the trade name leads, in pinyin
    ("enterprise", "昌隆牧业有限公司", "Changlong Livestock Husbandry Limited Company"),
    ("enterprise", "农产品深加工企业", "Agricultural Produce Deep Processing Enterprise"),  # no trade name
    ("project", "织里实验小学东扩项目", "Zhili experimental primary school eastward expansion project"),
])
def test_entity_names_have_english(kind, zh, en):
    assert entity_en(kind, zh) == en


def test_entity_coverage_counts_distinct_names_without_han():
    names = [("village", "北邓村"), ("village", "北邓村"), ("project", "䶵䶴项目")]
    assert entity_en("project", "䶵䶴项目") is None  # characters no dictionary reads: never half Chinese
    assert entity_coverage(names) == (1, 2)


def test_a_short_firm_name_is_all_trade_name():
    assert entity_en("enterprise", "强新投集团") == "Qiangxintou Group"  # not 强新 + 投 ("cast") + group
    assert entity_en("enterprise", "二轻总公司") == "Erqing Parent Company"  # the longest head is translated


def test_before_a_street_head_even_a_common_word_is_a_name():
    assert compose_en("复兴东路改造") == "Fuxing East Road renovated"  # not "revived …"


def test_a_character_known_only_by_a_long_explanation_makes_its_word_a_name():
    assert compose_en("大午休闲度假村") == "Dawu leisure resort"  # 午: "7th earthly branch: 11 a.m.-1 p.m. …"


def test_a_leading_verb_is_not_split_off_a_longer_glossary_word():
    assert indicator_en("建成区绿地率") == "Built-up area green space ratio"  # 建成区, not 建成 "built"


def test_an_affix_never_cuts_a_longer_genre_word_at_the_end():
    assert indicator_en("拆除违法建设") == "Illegal structures torn down"  # 违法建设, not 拆除违法 + 建设


def test_a_rate_jieba_keeps_as_one_word_is_still_what_is_counted_then_rate():
    assert indicator_en("资助率") == "Subsidy rate"  # not the affix 资助 "given aid" around a bare 率


def test_an_adjective_after_a_verb_is_not_made_plural():
    assert not compose_en("拆除违法").endswith("Illegals")


def test_a_verb_is_not_added_to_an_object_that_already_says_what_was_done():
    assert indicator_en("办复办理人大代表建议") == "Deputies' suggestions handled"  # not "…handled answered"
    assert indicator_en("办复人大代表建议和政协提案") == "Deputies' suggestions and CPPCC proposals answered"


@pytest.mark.parametrize("zh, en", [
    ("深入落实省委九届", "Provincial Party committee 9th implemented"),  # N届: the term as an ordinal
    ("认真贯彻党的十七大和省委七届", "17th Party Congress and provincial Party committee 7th implemented"),
])
def test_party_congresses_and_terms_read_as_ordinals(zh, en):
    assert indicator_en(zh) == en


def test_investment_in_a_bare_participle_reads_investment_then_participle():
    assert indicator_en("落地投资") == "Investment launched"  # not "Investment in launched"


def test_irregular_verbs_make_irregular_participles():
    from generator.english.dictionary import participle
    assert participle("to sleep") == "slept" and participle("to strike") == "struck"


def test_words_before_a_genre_name_of_the_form_a_of_b_go_inside_it():
    assert indicator_en("现代服务业增加值") == "Value added of modern services"  # not "Modern value added of …"
    assert indicator_en("全县服务业增加值") == "County-wide value added of services"  # a scope stays in front


def test_a_value_named_by_what_is_measured_reads_its_verb_as_a_noun():
    assert compose_en("技术合同输出额") == "Technology contract export value"  # 额: never "forehead"


def test_stressed_final_syllables_double_their_consonant():
    from generator.english.dictionary import participle
    assert [participle(f"to {v}") for v in ("transmit", "control", "limit", "visit", "plan")] == [
        "transmitted", "controlled", "limited", "visited", "planned"]


def test_a_character_whose_senses_are_explanations_or_dates_reads_as_a_name():
    assert compose_en("魏占地") == "Wei land area"  # not "the Wei dynasty 221-265"


def test_a_verb_that_only_says_done_gives_way_to_the_verb_after_it():
    assert compose_en("企业完成上市") == "Enterprise listed"  # not "Enterprise completed listed"


def test_a_bracket_whose_pair_was_cut_off_is_dropped():
    assert compose_en(")危桥改造工程") == "Unsafe bridge renovation project"


@pytest.mark.parametrize("zh, en", [
    ("危桥改造工程", "Unsafe bridge renovation project"),  # not "renovated project"
    ("府河加固扩容项目", "Fuhe reinforcement and expansion project"),
    ("治理项目", "Projects brought under control"),  # a leading verb still follows its object
])
def test_participles_just_before_project_name_the_act(zh, en):
    assert compose_en(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("新农合参合率", "New Rural Cooperative Medical Scheme participation rate"),
    ("全部财政收入全省排名", "Provincial ranking of total fiscal revenue"),
    ("民营经济占全县经济总量的比重", "Share of private economy in county-wide total economic output"),
    ("培训省级骨干教师", "Provincial key teachers trained"),  # 骨干: key, not "trunk"
    ("提高一是依法行政能力", "Law-based administration capability raised"),  # 一是 "firstly" says nothing
    ("谋划储备入库项目", "Projects planned and held in reserve and registered"),
    ("脱贫退出占比重", "Share of exit from poverty"),
    ("生猪出栏", "Live pigs marketed"),
])
def test_genre_terms_found_wrong_in_the_judged_samples(zh, en):
    assert indicator_en(zh) == en


def test_a_number_of_things_counts_them_in_the_plural():
    assert indicator_en("市级示范家庭农场总数") == "Total number of municipal model family farms"
    assert indicator_en("贫困人口数量") == "Number of poor people lifted out of poverty"  # no "outs"


def test_an_affix_gloss_is_no_sense_of_a_word():
    from generator.english.dictionary import glosses
    assert "-ly" not in glosses("地")  # 地 as a particle; "earth" when it is a word


@pytest.mark.parametrize("zh, en", [
    ("农村居民人均纯收入", "Per-capita net income of rural residents"),
    ("单位生产总值综合能耗", "Energy consumption per unit of GDP"),
    ("多方筹集建设资金", "Construction funds raised from many sources"),
    ("徐水经济开发区新增投资", "New investment in Xushui economic development zone"),
    ("农用地安全利用率", "Agricultural land safe utilisation rate"),
    ("企业荣获市政府质量奖", "Enterprise awarded municipal government quality prize"),
])
def test_genre_terms_found_wrong_in_the_second_judged_sample(zh, en):
    assert indicator_en(zh) == en


def test_a_passive_gloss_reads_without_be():
    from generator.english.dictionary import participle
    assert participle("to be posted") == "posted"  # 派驻: not "been posted"


def test_a_phrase_ending_in_a_preposition_is_not_made_plural():
    from generator.english.dictionary import plural
    assert plural("very front of") == "very front of" and plural("decrepit house") == "decrepit houses"


def test_a_category_ending_is_left_out():
    assert indicator_en("上级资金类") == "Funds secured from higher levels"  # 类: not "… kind"


@pytest.mark.parametrize("zh, en", [
    ("开工棚改任务", "Shantytown renovation tasks started"),  # jieba: 开 工棚 改 — the term 棚改 cut across
    ("返迁房一期封顶", "Resettlement housing phase 1 topped out"),
    ("财政直接投入", "Fiscal direct investment"),
    ("产品销售收入", "Product sales revenue"),
    ("谋划实事好事", "Practical and good deeds planned"),
    ("引进京津企业", "Beijing-Tianjin enterprise introduced"),
])
def test_genre_terms_found_wrong_in_the_third_judged_sample(zh, en):
    assert indicator_en(zh) == en


def test_a_genre_term_jieba_cuts_across_is_one_word_only_where_that_reads_fewer_words():
    from generator.english.compose import words_of
    assert words_of("开工棚改任务") == ["开工", "棚改", "任务"]
    assert words_of("开发区内签约项目")[:2] == ["开发区", "内"]  # no 开发 + 区内: as many words, jieba's stay
    assert words_of("京津冀禁煤区")[0] == "京津冀"  # a term jieba kept whole is not cut for a shorter one


def test_a_ranking_in_an_assessment_reads_ranking_of_who_in_what():
    assert indicator_en("区公安分局在公安队伍群众满意度测评中全省排名") == (
        "Provincial ranking of district public security sub-bureau in police force public satisfaction assessment")


def test_acts_before_project_include_a_noun_of_an_act_right_before_it():
    assert compose_en("粮食储运包装加工项目") == "Grain storage and transport packaging and processing project"
    assert compose_en("索具扩建项目") == "Rigging extension project"  # rigging is a thing, not an act


def test_a_head_that_english_does_not_count_stays_singular():
    assert indicator_en("入园在建项目") == "Projects under construction moved into the park"
    assert indicator_en("推广配方施肥") == "Formula fertilisation extended"


def test_a_firms_trade_name_is_pinyin_in_every_name_of_its_report():
    from generator.english.entities import trade_names
    from generator.english.structure import translate_report
    from generator.read.extract import extract_report
    from generator.read.normalize import clean_string
    text = "巨力集团实现产值70亿元。投资2亿元的巨力金属结构件项目开工。风帆公司投资3亿元。"
    report = translate_report(extract_report(clean_string(text)))
    assert trade_names(p.text for p in report.paragraphs) == {"巨力"}  # 风帆 is a common word: "sail"
    assert [f.indicator_en for f in report.facts if "金属" in f.indicator] == [
        "Investment in Juli metal structural part project"]  # 开工 tells what became of it, no part of its name


def test_a_firm_listed_beside_a_known_trade_name_or_closed_by_shares_is_one_too():
    from generator.english.entities import trade_names
    assert trade_names(["巨力集团实现产值70亿元。召开长城、风帆、巨力、晨阳高层对接会14次。"]) == {"巨力", "风帆"}
    assert trade_names(["风帆股份、立中集团上市。组建村集体股份经济合作社。"]) == {"风帆", "立中"}  # 集体 no firm


@pytest.mark.parametrize("zh, en", [
    ("省重点村", "Provincial key village"),
    ("本二以上上线总人数全市排名", "City ranking of students above the second-tier undergraduate admission line"),
    ("打造特色专科", "Specialty department built"),
    ("智慧供水、数字社区场景应用投资", "Investment in smart water supply and digital community scenario application"),
    ("农田冬小麦播种用时", "Time taken for farmland winter wheat sown"),
])
def test_genre_terms_found_wrong_in_the_fourth_judged_sample(zh, en):
    assert indicator_en(zh) == en


@pytest.mark.parametrize("zh, en", [
    ("义务教育阶段入学率", "Compulsory education enrolment rate"),
    ("减免社保费", "Social insurance premiums reduced or waived"),
    ("面向社会公开招聘教师", "Teachers openly recruited from the public"),
    ("规上企业R&D经费投入", "Investment in enterprises above designated size R&D funds"),  # R & D: one word
    ("河北省中等职业", "Hebei Province secondary vocational"),  # CC-CEDICT's pinyin "Hebeisheng" gives way
    ("阜平县投资", "Investment in Fuping County"),
])
def test_genre_terms_and_divisions_found_wrong_in_the_fifth_judged_sample(zh, en):
    assert indicator_en(zh) == en


def test_a_bracket_of_verbs_inside_a_word_reads_as_the_joined_verbs():
    """新（改、扩）建 is 新改扩建 (newly built, rebuilt or expanded), not "New (…) built"."""
    assert indicator_en("新（改、扩）建农村道路") == indicator_en("新改扩建农村道路") == \
        "Rural roads newly built, rebuilt or expanded"


@pytest.mark.parametrize("zh, en", [
    ("发放贷款金融机构", "Lending financial institution"),  # 5家金融机构向12家企业发放贷款: not "Loan … issued"
    ("发放贷款企业", "Enterprises granted loans"),
    ("签订合作协议的公立二级医院", "Public grade 2 hospital (signing cooperation agreements)"),
    ("小学校", "Primary school"),  # not "small school"
])
def test_counts_named_by_what_they_did_read_in_english(zh, en):
    assert indicator_en(zh) == en
