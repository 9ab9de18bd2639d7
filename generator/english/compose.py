"""English for a name no glossary entry covers: segmented (glossary terms first, then jieba), each word
translated by the glossary's sense for it, else CC-CEDICT, and put in English noun-phrase order. Chinese
names are head-final like English noun phrases, so nouns and modifiers keep their order ("农村 公路" →
"rural roads"); what moves is a verb before its object, which follows it as a participle the way the
glossary writes counts ("新建 学校" → "schools built"), and "X的Y", read "Y (X)" when X says what was done
and "X Y" otherwise. Proper names (places, firms, streets) go into pinyin by the place-name rules."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from generator.english import dictionary
from generator.english.cuts import LATIN, latin_joined, money_en, with_senses_whole, without_unpaired_bracket
from generator.english.glossary import group
from generator.english.names import place_en
from generator.english.periods import ordinal_en
from generator.read.segment import load_jieba, load_posseg

_HAN = re.compile(r"[\u3400-\u9fff]")
PARTY_OF = re.compile(r"党的(?=[一二三四五六七八九十]+大)")  # 党的十七大: "the Party's" says nothing 十七大 does not
_NUMERAL = re.compile(r"[一二三四五六七八九十百千万亿两]")
ADJECTIVE = re.compile(r"^[a-z]+(?<![st])al$|^[a-z]+(ic|ous|ive)$")  # a sense that modifies (乡村: rural)


@dataclass(frozen=True)
class Word:
    """One translated word of a name: its English and whether it is a verb read as a participle."""

    en: str
    verb: bool = False
    noun: Optional[str] = None  # a verb's English as a noun, for a verb inside an object (国家审核)
    counted: bool = False  # a dictionary noun that may take a plural
    ing: Optional[str] = None  # a verb's -ing form, for headings ("Developing …")


@cache
def _terms() -> dict[str, tuple[str, bool]]:
    """Return glossary word → (English, is a participle) for the longest-match segmentation (read once)."""
    terms: dict[str, tuple[str, bool]] = {}
    for name in ("indicators", "modifiers"):
        for zh, en in group(name).items():
            terms[zh] = (_lower_first(en), False)
    for zh, en in group("senses").items():
        # "~built": a verb its object comes before; "-": a word English leaves out (全部, 进一步)
        terms[zh] = ("" if en == "-" else en.lstrip("~").split("|")[0], en.startswith("~"))
    return terms


@cache
def _gerunds() -> dict[str, str]:
    """Return glossary word → the -ing form its sense gives after "|" ("~advanced|advancing")."""
    return {zh: en.split("|", 1)[1] for zh, en in group("senses").items() if "|" in en}


def _lower_first(text: str) -> str:
    """Return ``text`` with its first letter lower-cased unless the first word is an acronym or a name."""
    first = text.split(" ", 1)[0]
    if any(c.isupper() for c in first[1:]) or first in {"China", "Chinese", "Party", "Internet"} or is_name(first):
        return text
    return text[:1].lower() + text[1:]


def words_of(text: str) -> list[str]:
    """Return the words of ``text`` as jieba cuts them, adjacent words joined where they make a glossary term."""
    tagged = load_posseg().lcut(text)
    _TAGS.update((w.word, w.flag) for w in tagged)
    terms, cut, words, i = _terms(), with_senses_whole([w.word for w in tagged]), [], 0
    cut = latin_joined(cut) if "&" in text or re.search(r"\d-\d", text) else cut  # R&D, CNY 1-5 billion
    while i < len(cut):
        size = next((n for n in range(len(cut) - i, 1, -1) if "".join(cut[i:i + n]) in terms), 1)
        words.append("".join(cut[i:i + size]))
        i += size
    return words


def is_term(word: str) -> bool:
    """Return True if the glossary gives ``word`` an English of its own (a name, modifier or sense)."""
    return word in _terms()


_TAGS: dict[str, str] = {}  # word → the part-of-speech tag jieba gave it where it was last cut


def _split_known(word: str) -> Optional[list[str]]:
    """Return a word CC-CEDICT lacks as the fewest dictionary words that spell it, None if a character is unknown."""
    best: list[Optional[list[str]]] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(end):
            part = word[start:end]
            if best[start] is not None and (dictionary.known(part) or part in _terms()):
                candidate = best[start] + [part]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[-1]


_NAME_TAGS = {"ns", "nr", "nrt", "nz", "nt"}  # jieba's tags of places, people, organisations, other names
_NOT_NAME_TAGS = {"r", "m", "q", "v", "a", "d", "p", "c", "f"}  # pronouns, numerals …: never a name (每个村)
_NAMES: set[str] = set()  # the names written in pinyin so far: never lower-cased


def _looks_like_name(word: str) -> bool:
    """Return True for a word of two or more characters that no dictionary has as a common word and that
    jieba tags as a name or found only by its model of unknown words (织里, 金洲)."""
    if len(word) < 2 or not _HAN.fullmatch(word[0]) or dictionary.common(word):
        return False
    if any(len(part) > 1 for part in _split_known(word) or ()):
        return False  # known words run together (农村居民, 大力发展); a name reads as single characters
    if load_jieba().FREQ.get(word):  # FREQ also holds every prefix of a word, with 0
        return load_posseg().dt.word_tag_tab.get(word) in _NAME_TAGS
    return _TAGS.get(word, "n")[:1] not in {"v", "a", "d"}  # a word only jieba's model found: a name unless verbal


def _pinyin(word: str, generic: bool = False) -> str:
    """Return a name in pinyin by the place-name rules (织里 → Zhili, 北邓村 → Beideng Village)."""
    name = place_en(word, generic=generic)
    _NAMES.add(name.split(" ", 1)[0])
    return name


pinyin_name = _pinyin  # for a report's trade names (巨力 → Juli), kept capitalised where composition meets them


def is_name(word: str) -> bool:
    """Return True if ``word`` is a place or other name composition wrote in pinyin (kept capitalised)."""
    return word in _NAMES


_PUNCT = {"、": "and", "，": ",", ",": ",", "(": "(", ")": ")", "/": "/", "·": "", "-": "-", "—": "-"}


def _translate(word: str) -> Optional[list[Word]]:
    """Return the English of one segmented word (glossary sense, else CC-CEDICT), None when unknown."""
    session = re.fullmatch(r"(.+)届", word)
    if session and ordinal_en(session[1]):  # 九届 → 9th: a Party committee's or congress's term
        return [Word(ordinal_en(session[1]))]
    if word in _terms():
        en, verb = _terms()[word]
        ing = _gerunds().get(word) or (dictionary.gerund(word) if verb else None)
        return [Word(en, verb, ing=ing, counted=not verb and not _NUMERAL.search(word))] if en else []
    if word in _PUNCT:
        return [Word(_PUNCT[word])] if _PUNCT[word] else []
    if LATIN.fullmatch(word):
        return [Word(word)]
    if not _HAN.search(word):
        return []
    if len(word) > 2 and word[-1] in group("levels") and " " not in (dictionary.proper_name(word) or " "):
        return [Word(_pinyin(word, generic=True))]  # CC-CEDICT's 河北省 "Hebeisheng": Hebei Province
    if dictionary.proper_name(word) and len(word) > 1:
        _NAMES.add(dictionary.proper_name(word).split(" ", 1)[0])
        return [Word(dictionary.proper_name(word))]
    if _looks_like_name(word):
        return [Word(_pinyin(word))]
    if dictionary.known(word):
        sense = dictionary.noun_sense(word)
        sense = re.sub(r"^(a|an|the) ", "", sense) if sense else None
        if dictionary.is_verb(word) and dictionary.verb_sense(word):
            return [Word(dictionary.verb_sense(word), True, sense, ing=dictionary.gerund(word))]
        if sense and _explained(word, 4):
            return [Word(_pinyin(word))]  # 魏: "tower over a palace gateway" explains a name's character
        if sense:
            return [Word(sense, counted=not _NUMERAL.search(word))]
    parts = _split_known(word) if len(word) > 1 else None
    if not parts or parts == [word]:
        return [Word(_pinyin(word))] if len(word) > 1 and _HAN.fullmatch(word[0]) else None
    out: list[Word] = []
    for part in parts:
        words = _translate(part)
        if words is None or _explained(part) or len(part) == 1 and any(len(w.en.split()) > 3 or ":" in w.en for w in words):
            return [Word(_pinyin(word))]  # a character with no usable or only a long sense (午): a name
        out += words
    return out


def _explained(word: str, words: int = 3) -> bool:
    """Return True for one character, not a verb, whose CC-CEDICT sense is an explanation of more than
    ``words`` words, not a word (午: "7th earthly branch: 11 a.m.-1 p.m., noon …"): a character of a name."""
    if len(word) != 1 or word in _terms() or dictionary.verb_sense(word):
        return False
    sense = dictionary.noun_sense(word)
    return bool(sense) and (len(sense.split()) > words or ":" in sense)


def _order(words: list[Word]) -> list[str]:
    """Return English words in noun-phrase order: a leading verb follows its object, as a participle."""
    out: list[str] = []
    pending: list[str] = []  # verbs waiting for the end of their object
    obj: list[Word] = []
    for word in words:
        if word.verb and not obj:
            (pending if pending or not out else out).append(word.en)
        elif pending:
            obj.append(Word(word.noun or word.en) if word.verb else word)
        else:
            out.append(word.en)
    if not obj and len(pending) > 1 and words[-1].noun:
        obj, pending = [Word(words[-1].noun)], pending[:-1]  # 加强管理: the last of two verbs is the object
    if obj and re.search(r"(ed|built|done|made|run|held|set up)$", obj[-1].en):
        pending = []  # 办复 + 政协提案 "CPPCC proposals handled": the object already says what was done
    if obj:
        last = obj[-1]
        plural = last.counted and not ADJECTIVE.match(last.en)  # "illegal" is no thing to count
        out += [w.en for w in obj[:-1]] + [dictionary.plural(last.en) if plural else last.en]
    return out + ([" and ".join(pending)] if pending else [])  # 招聘引进教师: teachers recruited and brought in


@cache
def _heads() -> dict[str, str]:
    """Return the glossary's name heads: a generic word after a proper name (路, 村, 公司) → its English, or "-"
    for a settlement ending that is part of the name itself (大王 + 店 → Dawangdian)."""
    return group("name_heads")


def _name_at(tokens: list[str], i: int) -> Optional[tuple[str, int]]:
    """Return (English, tokens used) when a proper name starts at token i: a word before a name head (朝阳
    大街), a name jieba tags with a settlement ending after it (大王 店), or one word that is a tagged name
    ending in a head (东方公司); None otherwise."""
    token, nxt = tokens[i], (tokens[i + 1] if i + 1 < len(tokens) else "")
    if token in _terms() or not _HAN.fullmatch(token[0]):
        return None
    named = _TAGS.get(token, "") in _NAME_TAGS
    if _heads().get(nxt) == "-" and named:
        return _pinyin(token + nxt), 2
    street = _heads().get(nxt, "")[:1].isupper()  # 复兴东路: before a street head even a common word is a name
    if nxt in _heads() and _heads()[nxt] != "-" and len(token) > 1 and (street or (
            named or not dictionary.common(token)) and _TAGS.get(token, "n")[:1] not in _NOT_NAME_TAGS):
        return f"{dictionary.proper_name(token) or _pinyin(token)} {_heads()[nxt]}", 2
    head = next((h for h in sorted(_heads(), key=len, reverse=True) if token.endswith(h)), None)
    if named and head and _heads()[head] != "-" and len(token) - len(head) > 1:
        return f"{_pinyin(token[:-len(head)])} {_heads()[head]}", 1
    return None


def _phrase(text: str, heading: bool = False) -> Optional[str]:
    """Return the English of a name without 的 (of a heading: in Chinese order, verbs as -ing), None if unknown."""
    words: list[Word] = []
    tokens = words_of(money_en(text))
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and tokens[i + 1] == "大" and ordinal_en(tokens[i]):
            words.append(Word(f"{ordinal_en(tokens[i])} Party Congress"))  # 十七大: a national congress of the Party
            i += 2
            continue
        name = _name_at(tokens, i)
        if name:
            words.append(Word(name[0]))
            i += name[1]
            continue
        found = _translate(tokens[i])
        i += 1
        if found is None:
            return None
        if words and found and re.search(rf"(^|\s){re.escape(found[0].en.lower())}s?$", words[-1].en.lower()):
            found = found[1:]  # 雄安 + 新区: CC-CEDICT's "Xiong'an New Area" already says "new area"
        words += found
    words = [w for i, w in enumerate(words) if not (w.verb and w.en in _EMPTY_VERBS and i + 1 < len(words)
                                                    and words[i + 1].verb)]  # 完成上市: "listed", not "completed listed"
    ordered = [w.ing or w.en for w in words] if heading else _order(_of_last(_acts(words), tokens))
    english = " ".join(w for w in ordered if w)
    english = re.sub(r"\s+([,)])", r"\1", re.sub(r"\(\s+", "(", english))
    english = re.sub(r"\b(\w+)( \1\b)+", r"\1", english)  # 增长 + 增长率 would say "growth growth rate"
    return english.strip() or None


def _acts(words: list[Word]) -> list[Word]:
    """Return the words with the participles just before "project" read as the act they name (危桥 改造 工程 →
    "unsafe bridge renovation project", 加固 扩容 项目 → "reinforcement and expansion project")."""
    out: list[Word] = []
    for word in words:
        run = 0
        while word.en in ("project", "projects") and run < len(out) and _act(out[-1 - run], run == 0):
            run += 1
        if run and (run < len(out) or not out[0].verb):  # 治理项目 alone: a leading verb still reads after
            acts = [_act(w, i == run - 1) for i, w in enumerate(out[-run:])]
            out[-run:] = [Word(" and ".join(acts))]
        out.append(word)
    return out


def _act(word: Word, last: bool) -> Optional[str]:
    """Return the act a word names before "project": a participle's noun (renovated → renovation) or, right
    before it, a noun of an act already (包装 加工 项目: packaging and processing), None otherwise."""
    if word.verb or not last or not word.en.endswith("ing") or " " in word.en:
        return dictionary.act_noun(word.en)
    return word.en


_EMPTY_VERBS = {"completed", "achieved", "realized", "realised", "carried out", "passed through"}  # say only "done"


_QUALIFYING = re.compile(r"\d|\b(above|below|or|more|less|over|under)\b")  # 二级以上: "grade 2 or above …"


def _of_last(words: list[Word], tokens: list[str]) -> list[Word]:
    """Return the words with a last glossary name "A of B" taking the words before it into B (现代 + 服务业增加值
    → "value added of modern services", not "modern value added of services"); unchanged otherwise."""
    last = group("indicators").get(tokens[-1]) if tokens and tokens[-1] not in group("senses") else None
    m = re.fullmatch(r"(.+?) of (.+)", _lower_first(last)) if last else None
    if not m or len(words) < 2 or not m[2][:1].isalpha() or m[2].startswith("CNY") or any(
            w.verb or not w.en[:1].islower() or _QUALIFYING.search(w.en) for w in words[:-1]):
        return words  # a verb reads around its object; a name (Zhili), an amount or a grade stays first
    return [Word(f"{m[1]} of"), *words[:-1], Word(m[2])]


_OVER = re.compile(r"(?P<by>.*?)(?:超过|过|超|达)(?P<amount>(?:\d+(?:\.\d+)?)?[十百千万亿]+元)(?P<head>.+)")


def _over(text: str) -> Optional[str]:
    """Return the English of a name of things above an amount, the things first: 过亿元项目 → "projects over CNY
    100 million", 产值超亿元企业 → "enterprises with output value over CNY 100 million", else None."""
    m = _OVER.fullmatch(text)
    if not m or not _HAN.search(m["head"]):
        return None
    head, amount = _phrase(m["head"]), _phrase(m["amount"])
    by = [w for t in words_of(money_en(m["by"])) for w in (_translate(t) or [Word("?")])] if m["by"] else []
    if not head or not amount or any(w.en == "?" for w in by):
        return None
    verbs = [w.en for w in by if w.verb]
    measure = " ".join(w.en for w in by if not w.verb and w.en)
    head = head if dictionary.MASS.search(head) or head.endswith("s") else dictionary.plural(head)
    return " ".join(filter(None, [head, f"with {measure}" if measure else "", "over", amount, *verbs]))


_MEASURE_ENDS = {"率": "rate", "额": "value"}  # 输出额: a value, never CC-CEDICT's "forehead"


def _rate(text: str) -> Optional[str]:
    """Return the English of a rate or value named by what is measured, verbs read as nouns in Chinese order
    (响应率 → "response rate", 集中供热率 → "central heating rate", 技术合同输出额 → "technology contract
    export value"), None unless ``text`` ends in a word 率 or 额 of its own."""
    tokens = words_of(text)
    if text.endswith("率") and len(text) > 2 and tokens[-1] != "率" and tokens[-1] not in _terms():
        tokens = words_of(text[:-1]) + ["率"]  # 资助率: jieba's one word, read as 资助 + 率
    if len(tokens) < 2 or tokens[-1] not in _MEASURE_ENDS:
        return None
    words = [(t, _translate(t)) for t in tokens[:-1]]
    if any(w is None for _, w in words):
        return None
    last = len(words) - 1  # only the act measured is a noun; a verb before it modifies (机械化耕种率: mechanized)
    english = " ".join((_verb_noun(t, w) if i == last else w.noun or w.ing or w.en) if w.verb else w.en
                       for i, (t, ws) in enumerate(words) for w in ws if w.en)
    return f"{english} {_MEASURE_ENDS[tokens[-1]]}" if english else None


def _verb_noun(token: str, word: Word) -> str:
    """Return a verb read as a noun: CC-CEDICT's noun sense, else its one-word verb ("to export" → "export"),
    else the -ing form (a participle such as "exported" names no thing)."""
    if word.noun and word.noun != word.en:
        return word.noun
    return dictionary.verb_base(token) or word.ing or word.en


_IN_FRAME = re.compile(r"(?P<who>[^在的]{2,})在(?P<what>[^在中]{2,})中(?P<rest>[^在中]{2,}|)")  # X在Y中Z: Z of X in Y


def compose_en(text: str, heading: bool = False) -> Optional[str]:
    """Return the dictionary-composed English of a name or heading (capitalised), None when a word is unknown."""
    text = without_unpaired_bracket(PARTY_OF.sub("", text))
    framed = None if heading else _IN_FRAME.fullmatch(text)
    if framed:  # 分局在满意度测评中全省排名: "provincial ranking of the branch in the satisfaction assessment"
        outer, inner = compose_en(framed["who"] + framed["rest"]), compose_en(framed["what"])  # rest: 排名, or none
        return f"{outer} in {_lower_first(inner)}" if outer and inner else None
    over = None if heading else (_over(text) or _rate(text))
    if over:
        return over[:1].upper() + over[1:]
    what, mark, whose = text.rpartition("的")
    if mark and what and whose:
        head, detail = _phrase(whose, heading), compose_en(what, heading)
        if not head or not detail:
            return None
        verbal = any(w.verb for t in words_of(what) for w in (_translate(t) or []))
        english = f"{head} ({_lower_first(detail)})" if verbal else f"{detail} {head}"
    else:
        english = _phrase(text, heading)
    return english[:1].upper() + english[1:] if english else None


def name_words(name: str) -> Optional[tuple[list[str], str]]:
    """Return a firm's name split for English: (its leading places and then its trade name (字号), in pinyin;
    the Chinese rest), e.g. 北京荷马金桥信息技术有限公司 → (["Beijing", "Hema"], "金桥信息技术有限公司")."""
    tokens = words_of(name)
    lead: list[str] = []
    i = 0
    while i < len(tokens) - 1 and _TAGS.get(tokens[i]) == "ns" and tokens[i] not in _terms():
        lead.append(dictionary.proper_name(tokens[i]) or place_en(tokens[i]))
        i += 1
    head = max((h for h, en in _heads().items() if en != "-" and name.endswith(h)), key=len, default="")
    core = "".join(tokens[i:])[:-len(head) or None]
    if head and 0 < len(core) <= 3 and _HAN.fullmatch(core[0]):  # 强新投集团: the whole short rest is the trade name
        return lead + [_pinyin(core)], head
    firm = bool(head)  # 公司, 集团: a trade name leads
    if i < len(tokens) - 1 and _HAN.fullmatch(tokens[i][0]) and tokens[i] not in _terms() \
            and tokens[i] not in _heads() and (firm or not dictionary.common(tokens[i])):
        lead.append(_pinyin(tokens[i]))
        i += 1
    return (lead, "".join(tokens[i:])) if tokens else None
