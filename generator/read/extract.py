"""Read a cleaned report: metadata, section tree, anchored paragraphs and quantitative facts.

Facts follow /work/shared/docs/facts-contract.md. The domain words (periods, cue words, what is not
a fact, how indicators are cut) live in generator/data/*.yaml; this module holds the rules.
"""
from __future__ import annotations

import functools
import io
import marshal
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

import jieba


from generator.model import CleanText, Entity, Fact, Line, Meta, Paragraph, Report, Section, Source
from generator.read.normalize import is_title_like

jieba.setLogLevel(60)  # the dictionary-loading chatter is not for the user
from generator.datafiles import load as load_data
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_POWERS = {"十": 10, "百": 100, "千": 1000}
NUMBER_RE = re.compile(r"百分之(?:\d+(?:\.\d+)?|[零一二两三四五六七八九十百点]+)|\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+")
SENTENCE_END = "。！？!?"
CLAUSE_END = "，；,;" + SENTENCE_END
RANGE_DASH = "-—–~～至到"
COUNT_GROUPS = ("count", "people", "time", "area", "volume", "mass")


def load_jieba(tokenizer: jieba.Tokenizer = jieba.dt) -> jieba.Tokenizer:
    """Return the tokenizer with its dictionary loaded: the default one from jieba's own cache file in one read.

    jieba unmarshals that 9 MB file straight from the open file object, which takes 0.7 s of every
    worker process; read whole first, it takes 0.2 s. Anything unusual is left to jieba itself.
    """
    if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT or tokenizer.cache_file:
        return tokenizer
    cache = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")  # jieba's own name
    try:
        with open(cache, "rb") as f:
            freq, total = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        tokenizer.initialize()  # jieba builds the dictionary and writes its cache
        return tokenizer
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return tokenizer


def load_posseg():
    """Return jieba.posseg, imported with its word-tag table read in one pass.

    The import builds the table of jieba's 349,000 words line by line (0.27 s in every worker
    process); splitting the whole file takes 0.15 s. A test checks both tables are equal.
    """
    if "jieba.posseg" in sys.modules or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        import jieba.posseg as pseg
        return pseg
    from jieba._compat import get_module_res

    jieba.dt.get_dict_file = lambda: io.BytesIO()  # the import's own pass then reads nothing
    try:
        import jieba.posseg as pseg
    finally:
        del jieba.dt.get_dict_file
    words = get_module_res("dict.txt").read().decode("utf-8").replace("\n", " ").split(" ")
    if words and not words[-1]:
        words.pop()
    if len(words) % 3:  # not the `word freq tag` lines this expects: let jieba read it its own way
        pseg.dt.load_word_tag(jieba.dt.get_dict_file())
    else:
        pseg.dt.word_tag_tab = dict(zip(words[0::3], words[2::3]))
    return pseg


@functools.cache
def unit_table() -> dict[str, tuple[Optional[str], Optional[float], str]]:
    """Return unit → (base unit, factor, group) for every unit the extractor knows."""
    table: dict[str, tuple[Optional[str], Optional[float], str]] = {}
    for name in ("units_extra.yaml", "units.yaml"):
        for group, units in load_data(name).items():
            for unit, spec in (units or {}).items():
                spec = spec or {}
                table[str(unit)] = (spec.get("base"), spec.get("factor"), group)
    return table


@functools.cache
def _longest_unit_len() -> int:
    """Return the length of the longest known unit."""
    return max(len(u) for u in unit_table())


@functools.cache
def period_matchers() -> tuple[re.Pattern, dict[str, str]]:
    """Return (one regex for every period phrase, phrase → normalised form)."""
    data = load_data("periods.yaml")
    normal: dict[str, str] = {}
    for item in data["phrases"]:
        text, norm = (item, item) if isinstance(item, str) else (item["text"], item["as"])
        normal[text] = norm
    literal = sorted(normal, key=len, reverse=True)
    pattern = "|".join(data["patterns"] + [re.escape(p) for p in literal])
    return re.compile(pattern), normal


@functools.cache
def cue_regex(key: str, name: str = "modality.yaml") -> re.Pattern:
    """Return one regex matching any cue listed under ``key`` of a data file."""
    return re.compile("|".join(load_data(name)[key]))


def _words(key: str, name: str = "modality.yaml") -> list[str]:
    """Return a word list from a data file, longest first."""
    return sorted(load_data(name)[key], key=len, reverse=True)


# ---------------------------------------------------------------- numbers


def parse_chinese_number(text: str) -> Optional[float]:
    """Return the value of a Chinese numeral (三 → 3, 十二 → 12, 八百 → 800), None if malformed."""
    total, digit, last_power = 0, None, 10 ** 9
    for ch in text:
        if ch in CN_DIGITS:
            if digit is not None and not (digit == 0):
                return None  # two digits in a row (三五, 二〇三五) is a code, not a number
            digit = CN_DIGITS[ch]
        elif ch in CN_POWERS:
            power = CN_POWERS[ch]
            if power >= last_power:
                return None
            total += (1 if digit is None else digit) * power
            digit, last_power = None, power
        else:
            return None
    return float(total + (digit or 0))


@dataclass
class Num:
    """A number read in a sentence, with its unit and the words hedging it."""

    start: int  # first character of the number (qualifier before it not included)
    num_end: int  # end of the number itself
    end: int  # end of number + unit + trailing qualifier
    value: float
    unit: Optional[str]
    chinese: bool
    qualifier: Optional[str] = None
    unit_end: int = 0  # end of number + unit, before a trailing qualifier
    growth: Optional[tuple[str, int, Optional[str], int]] = None  # (word, sign, basis, phrase start)
    skip: Optional[str] = None  # why this is not a fact


def _unit_at(text: str, pos: int) -> Optional[str]:
    """Return the longest known unit starting at ``pos`` that does not run into a word (人民, 周年)."""
    table = unit_table()
    breakers = load_data("not_facts.yaml")["unit_word_breakers"]
    for size in range(min(_longest_unit_len(), len(text) - pos), 0, -1):
        unit = text[pos:pos + size]
        if unit in table and text[pos + size:pos + size + 1] not in breakers.get(unit[-1], ()):
            return unit
    return None


def _read_unit(text: str, pos: int) -> tuple[Optional[str], int, Optional[str]]:
    """Return (unit, end, qualifier) for the unit written at ``pos`` (万余平方米 → 万平方米, 余)."""
    unit = _unit_at(text, pos)
    ch = text[pos:pos + 1]
    if ch in ("万", "亿"):
        after = pos + 1
        hedge = None
        if text[after:after + 1] in ("余", "多"):
            hedge, after = "余", after + 1
        inner = _unit_at(text, after)
        if inner and (not unit or after + len(inner) > pos + len(unit)):
            return ch + inner, after + len(inner), hedge
        if unit:
            return unit, pos + len(unit), None
        return ch, pos + 1, hedge
    if ch in ("余", "多"):
        inner = _unit_at(text, pos + 1)
        if inner:
            return inner, pos + 1 + len(inner), "余"
    if unit:
        return unit, pos + len(unit), None
    return None, pos, None


def scan_numbers(text: str) -> list[Num]:
    """Return every number of a sentence with its unit and hedges; non-facts carry a ``skip`` reason."""
    nums: list[Num] = []
    for match in NUMBER_RE.finditer(text):
        if nums and match.start() < nums[-1].end:
            continue  # the upper end of a range read with the number before it
        num = _read_number(text, match)
        if num is not None:
            nums.append(num)
    return nums


def _read_number(text: str, match: re.Match) -> Optional[Num]:
    """Return the Num for one regex match, or None for things that are not numbers at all."""
    token, start = match.group(), match.start()
    if token.startswith("百分之"):
        body = token[3:].replace("点", ".")
        value = float(body) if re.fullmatch(r"[\d.]+", body) else parse_chinese_number(body)
        if value is None:
            return None
        return Num(start, match.end(), match.end(), value, "%", True, unit_end=match.end())
    chinese = not token[0].isdigit()
    if chinese:
        core = token.rstrip("万亿")
        if not core or core == "一" or (core in ("百", "千", "十") and not _hedged(text, start)):
            return None
        value = parse_chinese_number(core)
        if value is None:
            return None
        num_end = start + len(core)
    else:
        value, num_end = float(token.replace(",", "")), match.end()
    unit, unit_end, hedge = _read_unit(text, num_end)
    qualifier = hedge
    upper = _range_upper(text, num_end, unit_end, unit)
    end = unit_end
    if upper:
        unit, end, range_text = upper
        qualifier = range_text
    else:
        for word in _words("qualifiers_after"):
            if text.startswith(word, end) and word not in ("余", "多"):
                qualifier, end = word, end + len(word)
                break
            if text.startswith(word, end) and word in ("余", "多") and not unit:
                break
    before = _qualifier_before(text, start)
    if before:
        qualifier = before if not qualifier else f"{before}{qualifier}"
    num = Num(start, num_end, end, value, unit, chinese, qualifier, unit_end=unit_end if not upper else end)
    num.skip = _not_fact_reason(text, num)
    return num


def _hedged(text: str, start: int) -> bool:
    """Return True when a hedge word (近, 超 …) stands right before ``start`` (近千名, 超百万)."""
    return _qualifier_before(text, start) is not None


def _qualifier_before(text: str, start: int) -> Optional[str]:
    """Return the hedge written right before a number (约, 近, 超过 …), if any."""
    not_after = load_data("modality.yaml")["qualifier_not_after"]
    for word in _words("qualifiers_before"):
        if text.endswith(word, 0, start):
            if text[start - len(word) - 1:start - len(word)] in not_after.get(word, ()):
                return None
            return word
    return None


def _range_upper(text: str, num_end: int, unit_end: int, unit: Optional[str]):
    """Return (unit, end, range text) when the number opens a range (4.5%-5%, 4.5-5%), else None."""
    for pos in (unit_end, num_end):
        if pos < len(text) and text[pos] in RANGE_DASH:
            match = re.match(r"\d+(?:\.\d+)?", text[pos + 1:])
            if not match:
                continue
            upper_end = pos + 1 + match.end()
            upper_unit, end, _ = _read_unit(text, upper_end)
            if upper_unit and (unit is None or upper_unit == unit or pos == num_end):
                return upper_unit, end, "至" + match.group() + upper_unit
    return None


def _not_fact_reason(text: str, num: Num) -> Optional[str]:
    """Return why a number is not a fact (ordinal, date, slogan, threshold …), None if it is one."""
    data = load_data("not_facts.yaml")
    before = text[max(0, num.start - 1):num.start]
    after_num = text[num.num_end:num.num_end + 1]
    after = text[num.unit_end:]
    if before == "第":
        return "ordinal"
    if re.match(r"[A-Za-z]", before) or re.match(r"[A-Za-z]", after_num):
        return "name"  # PM2.5, 5G, 5.98MW
    if not num.chinese and (before in CN_DIGITS or after_num in CN_DIGITS):
        return "code"  # 二0三五
    if before in "〔[【(（" and text[num.num_end:num.num_end + 1] in "〕]】)）":
        return "footnote"
    if _inside_pair(text, num.start, "“", "”", 20) or _inside_pair(text, num.start, "《", "》", 60):
        return "slogan"
    if num.chinese and any(after_num == w or text.startswith(w, num.num_end) for w in data["grouping_after"]):
        return "grouping"
    if not num.chinese and text.startswith("大", num.num_end) and not (num.unit or "").startswith("大"):
        num.unit, num.unit_end, num.end = None, num.num_end + 1, num.num_end + 1
        return None  # 9大职能部门: a count without measure word
    if num.unit is None:
        return "no unit"
    if num.chinese and num.unit in data["chinese_name_units"]:
        return "name"
    reason = _descriptive_reason(text, num, data)
    if reason:
        return reason
    if num.unit == "年":
        if not num.chinese and 1900 <= num.value <= 2100:
            return "date"
        if not any(text.endswith(w, 0, num.start) for w in data["year_unit_cues"]):
            return "date"
    if num.unit not in ("家", "个", "项", "户", "处") and any(text.endswith(w, 0, num.start) for w in data["capacity_cues"]):
        return "capacity"
    if any(after.startswith(w) for w in data["threshold_after"]):
        return "threshold"
    rest = text[num.end:]
    if num.qualifier and num.qualifier.endswith(tuple(data["threshold_qualifiers"])):
        rest = re.sub(r"^[（(][^）)]{0,12}[）)]", "", rest)
        if re.match(r"[“\"]?[\u4e00-\u9fff]", rest) and not rest.startswith(tuple(_growth_words())):
            return "threshold"
    if any(text.endswith(w, 0, num.start) for w in data["list_intro_before"]):
        return "list"
    if any(after.startswith(w) for w in data["ordinal_after"]):
        return "ordinal"
    if any(after.startswith(w) for w in data["milestone_after"]):
        return "milestone"
    if any(after.startswith(w) for w in data["from_value_after"]):
        return "from value"
    return None


def _descriptive_reason(text: str, num: Num, data: dict) -> Optional[str]:
    """Return why a number describes rather than measures (中央八项规定, 二次结构施工, 24小时不间断,
    两个翻一番, 八个方面, 350兆瓦光伏发电项目, 新六种猪场〔12〕), None if it measures something."""
    after = text[num.unit_end:]
    if any(after.startswith(w) for w in data["descriptive_after"].get(num.unit, ())):
        return "descriptive"
    if num.unit in data["capacity_units"] and re.match(r"[\u4e00-\u9fff]", after) and after[:1] not in "的并和及已":
        return "capacity"
    if not num.chinese:
        return None
    if any(after.startswith(w) for w in data["chinese_name_nouns"]) or re.match(r"[\u4e00-\u9fff]?[一二两三四五六七八九十]", after):
        return "name"
    if any(text.startswith(w, num.num_end) for w in data["chinese_grouping_units"]):
        return "grouping"
    return "name" if _numeral_inside_word(text, num.start) else None


def _numeral_inside_word(text: str, start: int) -> bool:
    """Return True when jieba reads the Chinese numeral at ``start`` as the inside of a longer word (新六种猪场)."""
    import jieba

    left = max(0, start - 4)
    pos = left
    for word in jieba.cut(text[left:start + 4]):
        if pos < start < pos + len(word):
            head = word[:start - pos]
            return not re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿]+", head) and head not in _words("qualifiers_before")
        pos += len(word)
    return False


def _inside_pair(text: str, pos: int, opener: str, closer: str, limit: int) -> bool:
    """Return True when ``pos`` sits inside a short opener…closer pair (a slogan or a title)."""
    left = text.rfind(opener, 0, pos)
    if left < 0 or text.rfind(closer, left, pos) >= 0:
        return False
    right = text.find(closer, pos)
    return right >= 0 and right - left <= limit


@functools.cache
def _growth_words() -> tuple[str, ...]:
    """Return the growth words, longest first."""
    return tuple(sorted(load_data("modality.yaml")["growth_words"], key=len, reverse=True))


@functools.cache
def _growth_tail() -> re.Pattern:
    """Return the regex of a growth phrase that ends right before a rate (同比增长, 增幅分别保持在)."""
    data = load_data("modality.yaml")
    basis = "|".join(sorted(data["growth_basis"], key=len, reverse=True))
    words = "|".join(_growth_words())
    return re.compile(rf"((?:{basis}|分别|均)*)({words})(?:了)?((?:{basis}|分别|均)*)(?:为|达到|达|保持在|在|约|近|超过|超)?$")


def mark_growth(text: str, nums: list[Num]) -> None:
    """Mark the rates written after a growth word (增长5%, 同比下降2个百分点) as growth numbers."""
    data = load_data("modality.yaml")
    for num in nums:
        if num.skip or num.unit not in ("%", "倍", "个百分点"):
            continue
        clause_start = _clause_start(text, num.start)
        prefix = text[clause_start:num.start]
        if num.qualifier and prefix.endswith(num.qualifier):
            prefix = prefix[:-len(num.qualifier)]
        match = _growth_tail().search(re.sub(r"[\d.]+%?[、和]$", "", prefix) if False else prefix)
        if not match:
            continue
        basis = next((data["growth_basis"][w] for w in data["growth_basis"] if w in match.group(1) + match.group(3)), None)
        word = match.group(2)
        num.growth = (word, data["growth_words"][word], basis, clause_start + match.start())
    _mark_listed_growth(text, nums)


def _mark_listed_growth(text: str, nums: list[Num]) -> None:
    """Mark the later rates of a list (增幅分别保持在6%和8%) as growth like the first one."""
    for prev, num in zip(nums, nums[1:]):
        if prev.growth and not num.growth and not num.skip and num.unit == prev.unit:
            between = text[prev.end:num.start]
            if between in ("、", "和", "及", "，", ","):
                num.growth = (prev.growth[0], prev.growth[1], prev.growth[2], num.start)


def _clause_start(text: str, pos: int) -> int:
    """Return the start of the clause holding ``pos``."""
    return max(text.rfind(c, 0, pos) for c in CLAUSE_END) + 1


def _clause_end(text: str, pos: int) -> int:
    """Return the end of the clause holding ``pos`` (its delimiter excluded)."""
    ends = [i for i in (text.find(c, pos) for c in CLAUSE_END) if i >= 0]
    return min(ends) if ends else len(text)


# ---------------------------------------------------------------- indicators


def clean_indicator(text: str) -> str:
    """Return the indicator name left after removing periods, subjects, empty verbs and particles."""
    names = load_data("indicators.yaml")
    text = re.sub(r"[（(][^）)]*[）)]|[〔\[【]\d*[〕\]】]?|[〕\]】]", "", text)
    text = re.split(r"[：:]", text)[-1]  # 主要预期目标是：地区生产总值 → 地区生产总值
    text = period_matchers()[0].sub("", text)
    for word in names["strip_anywhere"]:
        text = text.replace(word, "")
    text = text.strip(" ，、：")
    changed = True
    while changed and text:
        changed = False
        for word in sorted(names["strip_leading"], key=len, reverse=True):
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word):], True
        for word in sorted(names["strip_trailing"], key=len, reverse=True):
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[:-len(word)], True
    if text in names["strip_leading"] or text in names["strip_trailing"]:
        return ""
    return text


def _drop_examples(left: str, names_only: bool) -> str:
    """Return the words before a number without the examples listed in it: A、B等14个项目 → '',
    提升海上湾、滨湖城两个美丽小区 → 提升 (when the noun follows the count), 镇机关、社区筹集善款 → 筹集善款."""
    if "等" in left:
        head, _, tail = left.rpartition("等")
        return _leading_verb(head) + tail
    if "、" not in left:
        return left
    if names_only:
        return _leading_verb(left)
    return _from_last_verb(left.rpartition("、")[2])


def _leading_verb(text: str) -> str:
    """Return the verb opening ``text`` (打造雨荷苑、… → 打造), '' if it opens with a noun."""
    if not text or "、" not in text and len(text) <= 2:
        return ""
    import jieba.posseg as pseg  # imported on first use: loading the dictionary takes a moment

    first = next(iter(pseg.cut(text)), None)
    return first.word if first is not None and first.flag.startswith("v") and len(first.word) <= 3 else ""


def _from_last_verb(text: str) -> str:
    """Return ``text`` from its verb on when a noun (a name) opens it (行政村筹集善款 → 筹集善款)."""
    import jieba.posseg as pseg

    tokens = list(pseg.cut(text))
    for i, token in enumerate(tokens[1:], 1):
        if token.flag.startswith("v") and tokens[0].flag.startswith("n"):
            return "".join(t.word for t in tokens[i:])
    return text


def _right_noun(text: str, start: int) -> str:
    """Return the noun a count governs, read after the unit (14个项目启动建设 → 项目启动建设)."""
    end = _clause_end(text, start)
    phrase = text[start:end]
    if not re.match(r"[\u4e00-\u9fff“]", phrase):
        return ""
    stops = load_data("indicators.yaml")["right_stops"]
    cut = min([i for i in (phrase.find(w) for w in stops) if i >= 0] + [len(phrase)])
    phrase = re.split(r"[（(、\d]", phrase[:cut])[0]
    if len(phrase) > 12:
        phrase = _noun_prefix(phrase)  # a long predicate follows the noun: keep the noun only
    return phrase


def _noun_prefix(phrase: str) -> str:
    """Return the noun phrase opening ``phrase`` (党员干部重点保障… → 党员干部)."""
    import jieba.posseg as pseg

    words = []
    for token in pseg.cut(phrase):
        if words and token.flag.startswith(("v", "d", "p", "u", "c")):
            break
        words.append(token.word)
    return "".join(words)[:12]


# ---------------------------------------------------------------- periods and kinds


def period_before(sentence: str, pos: int) -> Optional[str]:
    """Return the period phrase governing ``pos``: the last one written before it in the sentence."""
    regex, normal = period_matchers()
    found = None
    for match in regex.finditer(sentence, 0, pos):
        if match.end() <= pos and not _is_base_period(sentence, match.start()):
            found = normal.get(match.group(), match.group())
    return found


def _is_base_period(sentence: str, start: int) -> bool:
    """Return True for a period that is a comparison base or a starting point (比2015年, 由“十二五”末的)."""
    before = sentence[max(0, start - 2):start]
    return before[-1:] in load_data("periods.yaml")["base_markers"] or before in ("相比", "对比")


def kind_of(sentence: str, num: Num, indicator: str, plan: bool) -> str:
    """Return the fact kind: modality (estimate, target) wins over type (rank, share, actual)."""
    prefix = sentence[:num.start]
    if cue_regex("estimate").search(prefix):
        return "estimate"
    if cue_regex("target").search(prefix):
        return "target"
    if plan:
        return "target"
    if num.unit == "%" and not num.growth and _is_share(sentence, num, indicator):
        return "share"
    return "actual"


def _is_share(sentence: str, num: Num, indicator: str) -> bool:
    """Return True for a percentage of a whole (占全区45.1%, 覆盖率达95%, 总进度的97.31%)."""
    data = load_data("modality.yaml")
    if indicator.endswith(tuple(data["share_suffixes"])):
        return True
    segment = sentence[_clause_start(sentence, num.start):num.start]
    return "占" in segment.replace("占地", "") or sentence[num.start - 1:num.start] == "的"


def paragraph_tells_done(text: str) -> bool:
    """Return True when a paragraph in a plan part reports work done (目前已完成 …) more than plans."""
    data = load_data("modality.yaml")
    done = sum(text.count(w) for w in data["done_cues"])
    future = sum(text.count(w) for w in data["future_cues"])
    return done > future


# ---------------------------------------------------------------- facts


@dataclass
class Draft:
    """A fact being assembled from one sentence."""

    num: Num
    indicator: str
    quote_start: int
    quote_end: int
    kind: str = "actual"
    period: Optional[str] = None
    growth_pct: Optional[float] = None
    growth_basis: Optional[str] = None
    value: Optional[float] = None
    unit: Optional[str] = None
    parent: Optional["Draft"] = None
    extra: dict = field(default_factory=dict)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence of a paragraph, the end punctuation included."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def facts_of_sentence(sentence: str, plan: bool) -> list[Draft]:
    """Return the drafts of every fact written in one sentence (offsets relative to the sentence)."""
    nums = scan_numbers(sentence)
    mark_growth(sentence, nums)
    live = [n for n in nums if not n.skip]
    drafts: list[Draft] = []
    levels: list[Draft] = []
    previous: Optional[Num] = None
    for num in live:
        if num.growth:
            previous = num
            continue
        drafts.extend(_level_drafts(sentence, num, previous, levels))
        levels = [d for d in drafts]
        previous = num
    for num in live:
        if num.growth:
            _place_growth(sentence, num, live, drafts)
    drafts.extend(_rank_drafts(sentence, drafts))
    drafts.sort(key=lambda d: d.num.start)
    _distribute_lists(sentence, drafts)
    for draft in drafts:
        _finish(sentence, draft, plan)
    _link_parts(sentence, drafts)
    return drafts


def _level_drafts(sentence: str, num: Num, previous: Optional[Num], earlier: list[Draft]) -> list[Draft]:
    """Return the drafts for a level value (one per item for 各/分别 lists)."""
    clause_start = _clause_start(sentence, num.start)
    seg_start = clause_start
    if previous is not None and previous.end > clause_start:
        seg_start = previous.end
    left_raw = sentence[seg_start:num.start]
    if previous is not None and seg_start == previous.end and left_raw[:1] in ("、", "，"):
        left_raw = left_raw[1:]  # 改造11867户、老旧小区改造793户: the 、 ends the fact before
    if earlier and earlier[-1].num.end == seg_start and earlier[-1].extra.get("right_raw") \
            and left_raw[len(earlier[-1].extra["right_raw"]):] in ("、", "和", "及", "与") \
            and left_raw.startswith(earlier[-1].extra["right_raw"]):
        left_raw = left_raw[len(earlier[-1].extra["right_raw"]):]  # 4个专班、96名干部: 专班 belongs to 4个
    if num.qualifier and left_raw.endswith(tuple(_words("qualifiers_before"))):
        left_raw = left_raw[:len(left_raw) - len(_qualifier_before(sentence, num.start) or "")]
    left_raw = _before_from_value(left_raw)
    each = left_raw.endswith("各")
    left_raw = left_raw[:-1] if each else left_raw
    group = unit_table().get(num.unit or "", (None, None, "count"))[2]
    counted = num.unit is None or group in COUNT_GROUPS
    right_raw = _right_noun(sentence, num.end) if counted else ""
    right = clean_indicator(right_raw)
    left = clean_indicator(_drop_examples(left_raw, names_only=bool(right) and not each))
    if left.startswith("占") and earlier and num.unit == "%":
        left = earlier[-1].indicator + left + "比重"  # 占全区45.1%: the share of the fact before
    if not left and earlier and earlier[-1].num.end == seg_start and left_raw.strip() in ("", "、", "和", "及", "与"):
        left = earlier[-1].extra.get("left", "")
    if not left and not right and sentence.startswith("的", num.end):
        right = clean_indicator(_right_noun(sentence, num.end + 1))  # 5.38万人的搬迁 → 搬迁
    indicator = (left + right) or _fallback_indicator(sentence, clause_start, num)
    indicator = _attribute_of_what_follows(sentence, num, indicator) if not right else indicator
    indicator = _change_of_previous(indicator, earlier)
    quote_end = _clause_end(sentence, num.end)
    base = Draft(num, indicator, clause_start, quote_end, extra={"left": left, "right_raw": right_raw})
    items = _list_items(left_raw) if each else []
    if len(items) > 1:
        return [replace(base, indicator=clean_indicator(item) + right, extra={"left": item}) for item in items]
    return [base]


def _attribute_of_what_follows(sentence: str, num: Num, indicator: str) -> str:
    """Return X+attribute for 投资6亿元的X / 占地5000亩的X (肝素钠生物科技园建设总投资), else ``indicator``."""
    attribute = next((w for w in load_data("indicators.yaml")["attribute_words"] if indicator.endswith(w)), None)
    if not attribute or not sentence.startswith("的", num.end):
        return indicator
    noun = clean_indicator(_right_noun(sentence, num.end + 1))
    return noun + attribute if noun else indicator


def _change_of_previous(indicator: str, earlier: list["Draft"]) -> str:
    """Return the indicator of a change written without its subject (比2015年增加98天 → 优良天数增加),
    named after the fact before it in the sentence; ``indicator`` unchanged otherwise."""
    words = "|".join(_growth_words())
    match = re.fullmatch(rf"(?:比|较)?((?:年均)?(?:{words}))", indicator)
    if not match or not earlier:
        return indicator
    return earlier[-1].indicator + match.group(1)


def _before_from_value(left: str) -> str:
    """Return the words before 由/从 when they open a change from one value to another
    (地区生产总值由29.1亿元增长到 → 地区生产总值)."""
    words = "|".join(load_data("not_facts.yaml")["from_value_after"])
    match = re.search(rf"(?:由|从)[^，；。]*?\d[^，；。]*?(?:{words})$", left)
    return left[:match.start()] if match and match.start() > 0 else left


def _distribute_lists(sentence: str, drafts: list[Draft]) -> None:
    """Give each value of an "A、B分别X、Y" list the name of its own item, in order."""
    groups: list[list[Draft]] = []
    for draft in drafts:
        last = groups[-1][-1] if groups else None
        if last and last.num.unit == draft.num.unit and sentence[last.num.end:draft.num.start] in ("、", "和", "及", "与", "，"):
            groups[-1].append(draft)
        else:
            groups.append([draft])
    for group in groups:
        clause_start = _clause_start(sentence, group[0].num.start)
        at = sentence.find("分别", clause_start, group[0].num.start)
        if len(group) < 2 or at < 0:
            continue
        items = [clean_indicator(i) for i in re.split(r"[、和及与]", sentence[clause_start:at]) if clean_indicator(i)]
        if len(items) == len(group):
            for draft, name in zip(group, _complete_items(items)):
                draft.indicator = name


def _complete_items(items: list[str]) -> list[str]:
    """Return list items completed with the shared tail of the last one
    (城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入, 农村居民人均可支配收入)."""
    import jieba

    last = items[-1]
    last_words = jieba.lcut(last)
    all_words = set(jieba.lcut(last, cut_all=True))
    done = []
    for item in items[:-1]:
        if last[:len(item)] in all_words:
            tail = last[len(item):]  # 城镇 ↔ 农村: same-length modifiers
        else:
            tail = "".join(last_words[len(jieba.lcut(item)):])
        done.append(item if not tail or item.endswith(tail) else item + tail)
    return done + [items[-1]]


def _list_items(text: str) -> list[str]:
    """Return the items of an A、B list, completing short items with the first one's head
    (新增外国人才A证、B证 → 新增外国人才A证, 新增外国人才B证)."""
    items = [i for i in re.split(r"[、和及]", text) if i]
    if len(items) < 2:
        return items
    first = items[0]
    done = [first]
    for item in items[1:]:
        done.append(first[:len(first) - len(item)] + item if len(item) < len(first) else item)
    return done


def _fallback_indicator(sentence: str, clause_start: int, num: Num) -> str:
    """Return an indicator cut from the clause when no words stand before or after the number."""
    clause = sentence[clause_start:_clause_end(sentence, num.end)]
    return clean_indicator(re.sub(r"\d+(?:\.\d+)?[万亿]?[\u4e00-\u9fff%]?", "", clause))[:16]


def _place_growth(sentence: str, num: Num, live: list[Num], drafts: list[Draft]) -> None:
    """Attach a growth rate to its level value, or make it a fact of its own (问题处置时间缩短80%)."""
    word, sign, basis, phrase_start = num.growth
    clause_start = _clause_start(sentence, num.start)
    listed = [n for n in live if n.growth and _clause_start(sentence, n.start) == clause_start]
    own = _own_subject(sentence, num, listed)
    phrase_start = min(phrase_start, listed[0].growth[3])  # a listed rate shares the first one's subject
    subject = own or clean_indicator(re.sub(r"分别|同比", "", sentence[clause_start:phrase_start]))
    target = None
    if num.unit in ("%", "倍"):
        target = _growth_target(sentence, num, live, drafts, clause_start, subject)
    rate = num.value * (100 if num.unit == "倍" else 1) * sign
    if target is not None:
        target.growth_pct, target.growth_basis = rate, basis
        target.quote_end = max(target.quote_end, _clause_end(sentence, num.end))
        return
    growth_nouns = load_data("modality.yaml")["growth_nouns"]
    if not subject:
        subject = _list_subject(sentence, num, drafts)
    indicator = subject + (word if word in growth_nouns or num.unit == "个百分点" else "")
    indicator = _change_of_previous(indicator if subject else word, [d for d in drafts if d.num.end <= num.start])
    draft = Draft(num, indicator or word, clause_start, _clause_end(sentence, num.end), extra={"left": subject})
    if num.unit in ("%", "倍"):
        draft.growth_pct, draft.growth_basis = rate, basis
    drafts.append(draft)


def _own_subject(sentence: str, num: Num, listed: list[Num]) -> str:
    """Return the subject a listed rate names for itself (A增长18.4%、B增长9.9% → B), '' if it shares one."""
    index = listed.index(num)
    if index == 0:
        return ""
    own = sentence[listed[index - 1].end:num.growth[3]].strip("、，和及与")
    return clean_indicator(re.sub(r"分别|同比", "", own))


def _growth_target(sentence, num, live, drafts, clause_start, subject) -> Optional[Draft]:
    """Return the level draft a growth rate belongs to: the nearest level before it in its clause,
    or, when the growth clause has no subject of its own, in the clause before (分别 lists in order)."""
    listed = [n for n in live if n.growth and _clause_start(sentence, n.start) == clause_start]
    index = listed.index(num)
    first = listed[0].start
    in_clause = [d for d in drafts if clause_start <= d.num.start < first]
    if in_clause and not subject.endswith(tuple(_growth_words())):
        return _pick_level(in_clause, len(listed), index)
    if subject:
        return None
    pos = clause_start - 1
    while pos > 0 and sentence[pos] in "，,":
        prev_start = _clause_start(sentence, pos)
        candidates = [d for d in drafts if prev_start <= d.num.start < pos and d.num.unit != "%"]
        if candidates:
            return _pick_level(candidates, len(listed), index)
        if re.search(r"\d", sentence[prev_start:pos]):
            return None
        pos = prev_start - 1
    return None


def _pick_level(drafts: list[Draft], count: int, index: int) -> Optional[Draft]:
    """Return the level a rate belongs to: the last one without a rate yet, or for the ``index``-th
    of ``count`` listed rates the ``index``-th of the last ``count`` levels (分别 lists map in order)."""
    if count == 1:
        return drafts[-1] if drafts[-1].growth_pct is None else None
    if len(drafts) < count:
        return None
    return drafts[len(drafts) - count + index]


def _list_subject(sentence: str, num: Num, drafts: list[Draft]) -> str:
    """Return the subject of a growth rate listed after another one (增长6%、7.7%)."""
    for draft in reversed(drafts):
        if draft.num.end <= num.start and draft.num.growth:
            return draft.extra.get("left", "")
    return ""


def _rank_drafts(sentence: str, drafts: list[Draft]) -> list[Draft]:
    """Return rank facts (排名上升至第56位, 位列吴兴区第一, 居全市第一)."""
    data = load_data("modality.yaml")
    verbs = "|".join(sorted(data["rank_verbs"], key=len, reverse=True))
    found = []
    for match in re.finditer(rf"({verbs})([^，。；！？、]{{0,10}}?)第([一二三四五六七八九十\d]+)(位|名)?", sentence):
        token = match.group(3)
        value = float(token) if token.isdigit() else parse_chinese_number(token)
        if value is None or not (match.group(4) or match.group(1) not in ("排", "列")):
            continue
        if not match.group(4) and sentence.startswith(tuple(data["rank_not_before"]), match.end()):
            continue  # 第一方阵, 第一梯队: a group, not a place in a ranking
        clause_start = _clause_start(sentence, match.start())
        scope = match.group(2)
        for word in sorted(data["rank_movement"], key=len, reverse=True):
            scope = scope.replace(word, "")
        subject = sentence[clause_start:match.start()]
        subject = clean_indicator(re.sub(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?[\u4e00-\u9fff]?", "", subject))
        if not subject:
            subject = _rank_subject(sentence, clause_start, drafts)
        start = match.start(3)
        num = Num(start, match.end(3), match.end(), value, match.group(4), not token.isdigit(), unit_end=match.end())
        found.append(Draft(num, subject + scope + "排名", clause_start, _clause_end(sentence, match.end()), kind="rank"))
    return found


def _rank_subject(sentence: str, clause_start: int, drafts: list[Draft]) -> str:
    """Return what a rank is of when its clause names nothing: a quoted name in the clause before,
    else the indicator of the last fact before it."""
    before = sentence[_clause_start(sentence, max(0, clause_start - 1)):clause_start]
    quoted = re.findall(r"“([^”]{2,12})”", before)
    if quoted:
        return quoted[-1]
    earlier = [d for d in drafts if d.num.start < clause_start]
    return earlier[-1].indicator if earlier else ""


def _finish(sentence: str, draft: Draft, plan: bool) -> None:
    """Fill in value, unit, period and kind of a draft."""
    draft.value = draft.num.value
    draft.unit = draft.num.unit
    draft.period = period_before(sentence, draft.num.start)
    if draft.kind != "rank":
        draft.kind = kind_of(sentence, draft.num, draft.indicator, plan)
    elif cue_regex("target").search(sentence[:draft.num.start]):
        draft.kind = "target"


def _link_parts(sentence: str, drafts: list[Draft]) -> None:
    """Link the parts listed after 其中 to the total written before it (same unit)."""
    at = sentence.find("其中")
    if at < 0:
        return
    totals = [d for d in drafts if d.num.end <= at]
    for draft in drafts:
        if draft.num.start > at:
            parent = next((t for t in reversed(totals) if t.unit == draft.unit), None)
            draft.parent = parent


# ---------------------------------------------------------------- sections and paragraphs


def _heading_level(text: str) -> Optional[int]:
    """Return the level of a numbered heading (一、 → 1, （一） → 2, 1. → 3), None otherwise."""
    if re.match(r"[一二三四五六七八九十]{1,3}、", text):
        return 1
    if re.match(r"[（(][一二三四五六七八九十]{1,3}[）)]", text):
        return 2
    if re.match(r"\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]", text):
        return 3
    if re.match(r"第[一二三四五六七八九十]{1,3}[章节部分篇]|附件\s*\d*\s*$|名词解释", text):
        return 1
    return None


def _heading_title(text: str) -> str:
    """Return the heading part of a paragraph (a run-in heading ends at its first 。)."""
    head = re.split(r"[。！？]", text, maxsplit=1)[0]
    return head.rstrip("：:")[:40]


def build_sections(clean: CleanText) -> tuple[list[Section], list[Paragraph]]:
    """Return the section tree and the anchored paragraphs of a report."""
    lines = clean.paragraphs
    numbered = any(_heading_level(p.text) for p in lines)
    first_body = next((i for i, p in enumerate(lines) if not is_title_like(p.text)), len(lines))
    plan_words = load_data("modality.yaml")["plan_headings"]
    sections: list[Section] = []
    stack: list[Section] = []
    paragraphs: list[Paragraph] = []
    used_ids: set[str] = set()
    for index, line in enumerate(lines):
        anchor = f"p-{index + 1}"
        level = _heading_level(line.text)
        standalone_title = level is None and not numbered and index > first_body and is_title_like(line.text)
        if level is None and standalone_title:
            level = 1
        heading = level is not None and (standalone_title or len(_heading_title(line.text)) == len(line.text.rstrip("。：:")))
        if level is not None:
            title = _heading_title(line.text)
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            is_plan = any(w in title for w in plan_words) or bool(re.search(r"20\d\d年.*(?:安排|计划|打算|任务|目标)", title)) \
                or (parent.is_plan if parent else False)
            section = Section(id=_unique(title, used_ids), title=title, level=level, paragraph=anchor,
                              line=line.line, parent=parent.id if parent else None, is_plan=is_plan)
            sections.append(section)
            stack.append(section)
        paragraphs.append(Paragraph(anchor=anchor, text=line.text, line=line.line,
                                    section=stack[-1].id if stack else None, is_heading=heading))
    return sections, paragraphs


def _unique(title: str, used: set[str]) -> str:
    """Return ``title`` as a section id, suffixed when it was used already."""
    candidate, n = title, 2
    while candidate in used:
        candidate, n = f"{title}~{n}", n + 1
    used.add(candidate)
    return candidate


# ---------------------------------------------------------------- metadata

LEVELS = (("街道", "subdistrict"), ("镇", "town"), ("乡", "township"), ("县", "county"), ("区", "district"), ("市", "city"))
_GENERIC_PLACE_HEADS = set("全该本我各新老小城乡集村社园景片开示功辖山库街校保试核中分圩贸规省市区县镇首重名一二三四五六七八九十两")


def build_meta(clean: CleanText, sections: list[Section]) -> Meta:
    """Return what the document is: place, level, administrative parents, date, speaker, period."""
    front = "\n".join(p.text for p in clean.paragraphs[:12])
    body = "\n".join(p.text for p in clean.paragraphs)
    place, district = _find_place(front, body)
    meeting = _search(r"([\u4e00-\u9fff]{2,10}?第[一二三四五六七八九十]+届人民代表大会第[一二三四五六七八九十]+次会议)",
                      front.replace("\n", ""))
    if meeting:
        meeting = meeting.rpartition("在")[2]
    date_match = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", front)
    date = f"{int(date_match[1]):04d}-{int(date_match[2]):02d}-{int(date_match[3]):02d}" if date_match else None
    year_text = date_match[1] if date_match else _search(r"((?:19|20)\d{2})年[\u4e00-\u9fff]{0,8}政府工作报告", front)
    year_text = year_text or _year_from_headings(sections)
    speaker = re.search(r"^([\u4e00-\u9fff]{2,10}人民政府(?:代理)?(?:镇长|乡长|县长|区长|市长|主任|代镇长|代县长|代市长|代区长))\s*([\u4e00-\u9fff]{2,4})$",
                        front, re.M)
    level = next((name for suffix, name in LEVELS if place and place.endswith(suffix)), None)
    parents = _admin_parents(body, place, level)
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


def _search(pattern: str, text: str) -> Optional[str]:
    """Return group 1 of the first match of ``pattern``, None if none."""
    match = re.search(pattern, text)
    return match.group(1) if match else None


def _find_place(front: str, body: str) -> tuple[Optional[str], Optional[str]]:
    """Return (place, district when written right before it)."""
    chain = re.search(r"([\u4e00-\u9fff]{2,3}[区县])([\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))", body)
    candidates = [
        _search(r"在([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道|县|区|市))第[一二三四五六七八九十]+届", front),
        _search(r"([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道|县|区|市))人民政府", front),
        _search(r"(?:19|20)\d{2}年([\u4e00-\u9fff]{2,8}?(?:镇|乡|街道|县|区|市))政府工作报告", front),
        _search(r"^\s*([\u4e00-\u9fff]{2,6}(?:镇|乡|街道))\s*$", front.split("\n")[0] if front else ""),
        _search(r"^([\u4e00-\u9fff]{2,6}(?:镇|乡|街道))$", next(iter(front.splitlines()), "")),
    ]
    place = next((_trim_place(c) for c in candidates if _trim_place(c)), None)
    if place is None and chain:
        place = chain.group(2)
    if place is None:
        place = _most_frequent_town(body)
    district = chain.group(1) if chain and place and chain.group(2) == place else None
    return place, district


def _most_frequent_town(text: str) -> Optional[str]:
    """Return the town named most often (at least twice) in the text, None if none is."""
    counts: dict[str, int] = {}
    for match in re.finditer(r"(?<![\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2,3}?)(镇|乡|街道)(?!长|村|域|级|化)", text):
        head = match.group(1)
        if head[0] not in _GENERIC_PLACE_HEADS and head[-1] not in _GENERIC_PLACE_HEADS:
            counts[match.group()] = counts.get(match.group(), 0) + 1
    best = max(counts, key=counts.get, default=None)
    return best if best and counts[best] >= 2 else None


def _admin_parents(text: str, place: Optional[str], level: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Return (district, city, province) the text states as the place's parents, None where it states none."""
    names = _admin_names(text)
    ours = [place] if place else []
    district = None
    if level in ("town", "township", "subdistrict"):
        district = _stated_parent(text, names, ("区", "县"), ours)
    ours += [district] if district else []
    city = _stated_parent(text, names, ("市",), ours)
    ours += [city] if city else []
    return district, city, _stated_parent(text, names, ("省",), ours)


def _admin_names(text: str) -> list[tuple[str, str, int, int]]:
    """Return (name, suffix, start, end) of every administrative name (吴兴区, 保定市, 河北省, 唐县) in ``text``."""
    found = []
    for match in re.finditer(r"[区县市省]", text):
        for size in (3, 2, 1):
            start = match.start() - size
            head = text[max(0, start):match.start()]
            strength = _admin_name_strength(head, match.group()) if len(head) == size else 0
            if strength and _reads_as_name(text, start, match.end()):
                found.append((head + match.group(), match.group(), start, match.end(), strength))
                break
    authorities = {n for n, _, s, e, _ in found if _speaks_as_authority(text, s, e)}
    return [(n, x, s, e) for n, x, s, e, strength in found if strength == 2 or n in authorities]


def _speaks_as_authority(text: str, start: int, end: int) -> bool:
    """Return True when the name at start:end stands as an authority: its organs (保定市委, 保定市政府)
    or a level in a chain of command (中央、省、保定市)."""
    return bool(re.match(r"委|政府|人民政府|人大|政协|党委", text[end:])) or text[max(0, start - 2):start] in ("省、", "市、", "省和")


def _reads_as_name(text: str, start: int, end: int) -> bool:
    """Return True when jieba, reading the words around it, reads start:end as one name: a word starts at
    ``start`` and covers it (保定市, 北京市委), or only the suffix is a word of its own (吴江/区);
    新增城市 has no word 增城市, 花园城市 reads 花园/城市, 市和县委 reads 和/县委."""
    import jieba

    left = max(0, start - 6)
    pos, words = left, []
    for word in jieba.cut(text[left:end + 4]):
        words.append((pos, pos + len(word)))
        pos += len(word)
    inside = [(s, e) for s, e in words if start <= s < end]
    if not inside or inside[0][0] != start:
        return False
    if inside[0][1] >= end:
        return True
    suffix_word = text[end - 1:inside[-1][1]] if len(inside) == 2 and inside[1][0] == end - 1 else ""
    return end - start > 2 and (len(suffix_word) == 1 or bool(re.fullmatch(r".(?:委|政府)\w{0,2}", suffix_word)))


@functools.cache
def _admin_name_strength(head: str, suffix: str) -> int:
    """Return 2 when head+suffix is a proper administrative name jieba knows as a place (湖州市, 吴兴区),
    1 when it is a common-noun word that may be one (保定市), 0 for a verb phrase (落实市) or a generic
    area (示范区, 全县, 贫困县, 工业园区)."""
    import jieba.posseg as pseg

    data = load_data("not_facts.yaml")
    name = head + suffix
    if not re.fullmatch(r"[\u4e00-\u9fff]+", head) or head[0] in data["area_determiners"] \
            or head[-1] in data["area_determiners"] or head[:2] in data["generic_area_heads"] \
            or head[:3] in data["generic_area_heads"]:
        return 0
    if len(head) >= 3 and name.endswith(tuple(data["generic_area_words"])):
        return 0
    tags = pseg.dt.word_tag_tab
    name_tag, head_tag = tags.get(name), tags.get(head)
    if len(head) == 1:
        return 2 if suffix == "县" and name_tag == "ns" and head not in data["one_char_heads_not"] else 0
    if name_tag in ("ns", "nr") or head_tag in ("ns", "nr"):
        return 2
    return 1 if name_tag in ("n", "nz") else 0


def _stated_parent(text: str, names, suffixes: tuple[str, ...], ours: list[str]) -> Optional[str]:
    """Return the area of the given kind most often named as the place's parent, None unless the text
    supports it: chained to the place (湖州市吴兴区八里店镇), named twice, or named once while the text
    speaks of that kind's organs (区委区政府)."""
    starts = {start: name for name, _, start, _ in names}
    scores: dict[str, int] = {}
    for name, suffix, start, end in names:
        if suffix not in suffixes or name in ours:
            continue
        if any(text.startswith(o, end) for o in ours):
            weight = 5  # 湖州市吴兴区, 吴兴区八里店镇
        elif end in starts:
            weight = 0  # 北京市西城区: the parent of another area
        else:
            weight = 1
        scores[name] = scores.get(name, 0) + weight
    best = max(scores, key=lambda k: (scores[k], -text.find(k)), default=None)
    if not best or not scores[best]:
        return None
    bare = text.count(best[:-1]) - text.count(best)
    if scores[best] + bare >= 2 or _speaks_of_organs(text, names, best[-1]):
        return best
    return None


def _speaks_of_organs(text: str, names, suffix: str) -> bool:
    """Return True when the text names the organs of an unnamed area of that kind (区委, 县政府)."""
    named_ends = {end for _, _, _, end in names}
    return any(m.start() + 1 not in named_ends for m in re.finditer(rf"{suffix}(?:委|政府)", text))


def _trim_place(candidate: Optional[str]) -> Optional[str]:
    """Return a place candidate without the words caught before it (我代表顺平县 → 顺平县)."""
    if not candidate:
        return candidate
    return re.split(r"代表|在|向|由|是|的|，", candidate)[-1] or None


def _slug(place: Optional[str], path: str) -> str:
    """Return the ASCII slug of a place (织里镇 → zhili), or of the file stem when no place was found."""
    if place:
        from pypinyin import lazy_pinyin

        core = re.sub(r"(街道|镇|乡|县|区|市)$", "", place) or place
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


# ---------------------------------------------------------------- report


def extract_report(clean: CleanText) -> Report:
    """Return the Report read from a cleaned text: meta, sections, paragraphs and facts."""
    load_jieba()
    load_posseg()
    sections, paragraphs = build_sections(clean)
    meta = build_meta(clean, sections)
    plan_ids = {s.id for s in sections if s.is_plan}
    glossary = re.compile(load_data("not_facts.yaml")["glossary_start"])
    facts: list[Fact] = []
    prefix = f"{meta.slug}-{meta.year}" if meta.year else meta.slug
    in_glossary = in_appendix = False
    previous = ""
    for index, (line, paragraph) in enumerate(zip(clean.paragraphs, paragraphs)):
        in_glossary = in_glossary or paragraph.text.startswith("名词解释")
        in_appendix = in_appendix or bool(re.match(r"附件\s*\d*\s*$", paragraph.text))
        if paragraph.is_heading or in_glossary or glossary.match(paragraph.text):
            continue
        plan = paragraph.section in plan_ids and not paragraph_tells_done(paragraph.text)
        found = _paragraph_facts(line, paragraph, plan, prefix, len(facts), previous)
        facts.extend(_named_by_row(found, paragraphs, index) if in_appendix else found)
        previous = paragraph.text
    report = Report(meta=meta, sections=tuple(sections), paragraphs=tuple(paragraphs), facts=tuple(facts))
    return replace(report, entities=extract_entities(clean))


def _named_by_row(facts: list[Fact], paragraphs: list[Paragraph], index: int) -> list[Fact]:
    """Return appendix facts whose indicator is a bare attribute (占地, 总投资) named by their row or item
    (国家药用植物园项目占地)."""
    attributes = load_data("indicators.yaml")["attribute_words"]
    row = _row_name(paragraphs, index)
    return [replace(f, indicator=row + f.indicator) if row and f.indicator in attributes else f for f in facts]


def _row_name(paragraphs: list[Paragraph], index: int) -> str:
    """Return the name of the table row or appendix item paragraph ``index`` belongs to: the nearest title
    line before it that is not a column header, a number or a date, '' if none is near."""
    attributes = load_data("indicators.yaml")["attribute_words"]
    for j in range(index - 1, max(-1, index - 5), -1):
        text = re.sub(r"^[一二三四五六七八九十]{1,3}、", "", paragraphs[j].text)
        if is_title_like(text) and len(text) >= 4 and text not in attributes and not re.search(r"\d", text):
            return text
    return ""


def _paragraph_facts(line: Line, paragraph: Paragraph, plan: bool, prefix: str, count: int,
                     header: str = "") -> list[Fact]:
    """Return the facts of one paragraph, numbered after ``count`` facts already read; ``header`` names
    a value standing alone in a table cell (总投资 / 5亿元)."""
    facts: list[Fact] = []
    ids: dict[int, str] = {}
    for start, end in sentence_spans(line.text):
        sentence = line.text[start:end]
        for draft in facts_of_sentence(sentence, plan):
            fact_id = f"{prefix}-{count + len(facts) + 1:04d}"
            ids[id(draft)] = fact_id
            quote = sentence[draft.quote_start:draft.quote_end].strip()
            quote_at = start + draft.quote_start + (len(sentence[draft.quote_start:draft.quote_end]) - len(sentence[draft.quote_start:draft.quote_end].lstrip()))
            base_value, base_unit = base_of(draft.value, draft.unit)
            if not draft.indicator:
                draft.indicator = clean_indicator(header) if header and is_title_like(header) else (draft.unit or "数值")
            facts.append(Fact(
                id=fact_id, indicator=draft.indicator, value=_plain(draft.value), unit=draft.unit, kind=draft.kind,
                source=Source(line=line.line_at(quote_at), quote=quote, paragraph=paragraph.anchor),
                qualifier=draft.num.qualifier, base_value=base_value, base_unit=base_unit,
                growth_pct=_plain(draft.growth_pct) if draft.growth_pct is not None else None,
                growth_basis=draft.growth_basis if draft.growth_pct is not None else None,
                period=draft.period, section=paragraph.section,
                part_of=ids.get(id(draft.parent)) if draft.parent is not None else None,
            ))
    return facts


def _plain(value: float):
    """Return an int for whole numbers (181.0 → 181) so JSON reads as written."""
    return int(value) if float(value).is_integer() else round(value, 6)


def base_of(value: float, unit: Optional[str]) -> tuple[Optional[float], Optional[str]]:
    """Return (base value, base unit) from units.yaml (亿元 → CNY ×1e8), (None, None) when unscaled."""
    if unit is None:
        return None, None
    table = unit_table()
    if unit in table:
        base, factor, _ = table[unit]
        if base and factor is not None:
            return _plain(value * factor), base
        return None, None
    if unit[0] in "万亿" and unit[1:] in table:
        base, factor, _ = table[unit[1:]]
        magnitude = 10000 if unit[0] == "万" else 100000000
        return _plain(value * magnitude * (factor or 1)), base or unit[1:]
    if unit == "万":
        return _plain(value * 10000), None
    return None, None


# ---------------------------------------------------------------- named things


def extract_entities(source) -> tuple[Entity, ...]:
    """Return the projects, enterprises, villages and communities named in a report (a CleanText or a
    Report), each once per paragraph, with the sentence it occurs in."""
    if isinstance(source, Report):
        paragraphs = source.paragraphs
        offsets = {}
    else:
        paragraphs = build_sections(source)[1]
        offsets = {f"p-{i + 1}": line for i, line in enumerate(source.paragraphs)}
    found: list[Entity] = []
    seen: set[tuple[str, str, str]] = set()
    for paragraph in paragraphs:
        line = offsets.get(paragraph.anchor)
        for start, end in sentence_spans(paragraph.text):
            sentence = paragraph.text[start:end]
            for kind, name, at in _names_in(sentence):
                if (kind, name, paragraph.anchor) in seen:
                    continue
                seen.add((kind, name, paragraph.anchor))
                where = line.line_at(start + at) if line else paragraph.line
                found.append(Entity(kind=kind, name=name, paragraph=paragraph.anchor, sentence=sentence.strip(), line=where))
    return tuple(found)


@functools.cache
def _entity_suffix_regex() -> re.Pattern:
    """Return the regex of every entity suffix (项目, 有限公司, 村 …), longest first."""
    suffixes = sorted(load_data("indicators.yaml")["entities"]["suffixes"], key=len, reverse=True)
    return re.compile("|".join(suffixes))


def _names_in(sentence: str) -> list[tuple[str, str, int]]:
    """Return (kind, name, start) of the named things in one sentence."""
    suffixes = load_data("indicators.yaml")["entities"]["suffixes"]
    names = []
    for match in _entity_suffix_regex().finditer(sentence):
        kind = suffixes[match.group()]
        head = _entity_head(sentence, match.start(), place=kind in ("village", "community"))
        if head and _is_proper(head, match.group()):
            names.append((kind, head + match.group(), match.start() - len(head)))
    return names


def _entity_head(sentence: str, end: int, place: bool = False) -> str:
    """Return the name written before an entity suffix: the words after the last break, verb or lead word."""
    import jieba.posseg as pseg

    data = load_data("indicators.yaml")["entities"]
    breaks = data["breaks"] + (data["place_breaks"] if place else "")
    limit = data["place_head_max"] if place else 30
    start = end
    while start > 0 and end - start < limit and not re.match(f"[{breaks}]", sentence[start - 1]):
        start -= 1
    words = list(pseg.cut(sentence[start:end]))
    cut = 0
    for i, token in enumerate(words):
        if token.flag == "v" or token.word in data["lead_words"] or token.flag in ("m", "q", "p", "c", "u", "d"):
            cut = i + 1
    head = "".join(t.word for t in words[cut:]).lstrip("（）()-·")
    return head if len(head) >= 2 and head.count("（") == head.count("）") else ""


def _is_proper(head: str, suffix: str) -> bool:
    """Return True when a name has a proper part: a word jieba knows as a place or name, a word it does
    not know at all (万邦德, 照旺台), or Latin letters; 重点项目, 示范村, 乡村 have none."""
    import jieba
    import jieba.posseg as pseg

    data = load_data("indicators.yaml")["entities"]
    generic = set(data["generic_words"])
    if head in generic or (head + suffix).endswith(tuple(data["generic_endings"])):
        return False
    strict = suffix in data["strict_suffixes"]
    whole = pseg.dt.word_tag_tab.get(head + suffix)
    if whole in ("ns", "nr", "nz", "nt"):
        return True
    jieba.dt.check_initialized()
    for token in pseg.cut(head):
        if token.word in generic:
            continue
        if token.flag in ("ns", "nr", "nz", "nt", "nrt", "nrfg", "eng") or (
                not strict and len(token.word) >= 2 and token.word not in jieba.dt.FREQ):
            return True
    return False
