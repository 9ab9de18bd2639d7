"""English structural translation: glossary look-ups, pinyin for names, value and growth styling.

Everything here is a pure function of its arguments and two data files read once:
``data/glossary.yaml`` (zh → en words, grouped) and ``data/units.yaml`` (unit scaling).

Chinese display conventions (``format_value_zh`` / ``growth_zh``):
- values keep the unit as written and no thousands separators: ``135亿元``, ``超4000万元``,
  ``95%以上``, ``约572亩``, ``11360余处``, ``1万余平方米`` (余/多 go between the 万/亿 and the measure word);
- growth reads as a report writes it, basis first: ``同比增长1.5%``, ``下降80%``, ``年均增长11.5%``,
  and ``持平`` for zero.
English: amounts are converted to base units with thousand/million/billion words (``CNY 13.5 billion``,
``450,000 people``, ``572 mu (38.1 ha)``); growth is signed with + or a real minus (U+2212).
Anything not in the glossary comes back as None, never as half-translated text (the one exception: a
unit in neither units.yaml nor the glossary is kept as written, see ``unit_en``).
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Iterable, Optional

import yaml
from pypinyin import lazy_pinyin

from generator import YAML_LOADER
from generator.errors import DataFileError
from generator.model import Report

from generator.datafiles import DATA_DIR as DATA
GLOSSARY_PATH = DATA / "glossary.yaml"
UNITS_PATH = DATA / "units.yaml"

MINUS = "\u2212"
_QUOTES = "“”‘’\"'「」『』《》〈〉"
_QUOTE_TABLE = str.maketrans("", "", _QUOTES)

# Groups whose values are plain strings; the others map to small dicts of strings/booleans.
_STRING_GROUPS = {
    "indicators", "modifiers", "periods", "growth_bases", "places", "surnames", "doc_types",
    "section_words", "ui", "units",
}
_MAPPING_GROUPS = {"kinds", "qualifiers", "levels", "titles", "indicator_suffixes", "indicator_prefixes"}
_REQUIRED = {"version", "indicators", "periods", "kinds", "growth_bases", "qualifiers", "levels",
             "doc_types", "titles", "section_words", "ui"}


# ---------------------------------------------------------------- loading


def _scalar_ok(node: yaml.Node) -> bool:
    """Return True if ``node`` is a scalar that loads as a string, bool or number."""
    return isinstance(node, yaml.ScalarNode)


def _check_mapping(path: Path, node: yaml.Node, what: str) -> None:
    """Raise DataFileError unless ``node`` is a mapping of scalar keys without duplicates."""
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(str(path), f"{what} must be a mapping", node.start_mark.line + 1)
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise DataFileError(str(path), f"{what}: keys must be plain text", key.start_mark.line + 1)
        line, name = key.start_mark.line + 1, _norm(key.value)  # 十四五期间 and “十四五”期间 collide
        if name in seen:
            raise DataFileError(
                str(path), f"{what}: duplicate key {key.value!r} (first on line {seen[name]})", line)
        seen[name] = line


def _validate_glossary(path: Path, root: yaml.Node) -> None:
    """Raise DataFileError (with a line) when the glossary tree does not have the expected shape."""
    _check_mapping(path, root, "glossary")
    names = {k.value for k, _ in root.value}
    missing = sorted(_REQUIRED - names)
    if missing:
        raise DataFileError(str(path), f"missing group(s): {', '.join(missing)}", 1)
    for key, value in root.value:
        if key.value == "version":
            continue
        if key.value not in _STRING_GROUPS | _MAPPING_GROUPS:
            raise DataFileError(str(path), f"unknown group {key.value!r}", key.start_mark.line + 1)
        _check_mapping(path, value, key.value)
        for k, v in value.value:
            _check_entry(path, key.value, k.value, v)


def _check_entry(path: Path, group: str, key: str, node: yaml.Node) -> None:
    """Raise DataFileError when one glossary entry has the wrong shape for its group."""
    line = node.start_mark.line + 1
    if group in _STRING_GROUPS:
        if not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str"):
            raise DataFileError(str(path), f"{group}.{key}: expected a text value", line)
        if not node.value.strip():
            raise DataFileError(str(path), f"{group}.{key}: empty translation", line)
        return
    _check_mapping(path, node, f"{group}.{key}")
    for _, v in node.value:
        if not _scalar_ok(v):
            raise DataFileError(str(path), f"{group}.{key}: values must be plain text", v.start_mark.line + 1)


def _read_yaml(path: Path) -> tuple[str, yaml.Node]:
    """Return the text and composed node tree of a YAML file, or raise DataFileError with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"malformed YAML: {exc.problem or exc.context}"
        raise DataFileError(str(path), reason, mark.line + 1 if mark else None) from exc
    if node is None:
        raise DataFileError(str(path), "empty file", 1)
    return text, node


def load_glossary(path: Optional[str | Path] = None) -> dict:
    """Return the glossary at ``path`` (default: data/glossary.yaml) as nested dicts, validated (read once)."""
    return _load_glossary(Path(path) if path else GLOSSARY_PATH)


@cache
def _load_glossary(path: Path) -> dict:
    """Return the glossary at path (see load_glossary)."""
    text, root = _read_yaml(path)
    _validate_glossary(path, root)
    data = yaml.load(text, Loader=YAML_LOADER)
    # Keys are looked up after the same normalisation the inputs get (no spaces, no quotes).
    for group, entries in data.items():
        if isinstance(entries, dict):
            data[group] = {_norm(str(k)): v for k, v in entries.items()}
    return data


@cache
def load_units(path: Optional[str | Path] = None) -> dict[str, dict]:
    """Return unit → {group, base, factor, en} from units.yaml (flattened over its groups)."""
    path = Path(path) if path else UNITS_PATH
    text, root = _read_yaml(path)
    _check_mapping(path, root, "units")
    table: dict[str, dict] = {}
    for group_key, group_node in root.value:
        _check_mapping(path, group_node, group_key.value)
        for unit_key, spec_node in group_node.value:
            table[unit_key.value] = _unit_entry(path, group_key.value, unit_key.value, spec_node)
    return table


def _unit_entry(path: Path, group: str, unit: str, node: yaml.Node) -> dict:
    """Return one units.yaml entry as {group, base, factor, en}, or raise DataFileError at its line."""
    line = node.start_mark.line + 1
    spec = yaml.safe_load(yaml.serialize(node)) or {}
    if not isinstance(spec, dict):
        raise DataFileError(str(path), f"{group}.{unit}: expected a mapping", line)
    try:
        factor = Decimal(str(spec.get("factor", 1)))
    except ArithmeticError as exc:
        raise DataFileError(str(path), f"{group}.{unit}: factor is not a number", line) from exc
    return {"group": group, "base": spec.get("base"), "factor": factor, "en": str(spec.get("en") or "")}


def _g(group: str) -> dict:
    """Return one group of the default glossary (empty when absent)."""
    return load_glossary().get(group) or {}


# ---------------------------------------------------------------- names


def _norm(text: str) -> str:
    """Return ``text`` without whitespace and quotation marks, full-width ASCII folded."""
    text = "".join(ch for ch in text if not ch.isspace()).translate(_QUOTE_TABLE)
    return text.replace("（", "(").replace("）", ")").replace("：", ":").replace("－", "-").replace("—", "-").replace("–", "-")


def _join_syllables(syllables: Iterable[str]) -> str:
    """Return pinyin syllables joined into one word, with ' before a/o/e after the first."""
    out = ""
    for syl in syllables:
        if out and syl and syl[0] in "aoe" and out[-1].isalpha():
            out += "'"
        out += syl
    return out


@cache
def _override_keys() -> tuple[str, ...]:
    """Return the multi-character place overrides, longest first."""
    places = _g("places")
    return tuple(sorted((k for k in places if len(k) > 1 and " " not in places[k]), key=len, reverse=True))


def _pinyin_word(text: str) -> str:
    """Return ``text`` as one capitalised pinyin word, using the glossary's place overrides."""
    overrides, keys = _g("places"), _override_keys()
    parts: list[str] = []
    i = 0
    while i < len(text):
        hit = next((k for k in keys if text.startswith(k, i)), None)
        if hit:
            parts.append(overrides[hit].lower())
            i += len(hit)
            continue
        j = i
        while j < len(text) and not any(text.startswith(k, j) for k in keys):
            j += 1
        parts.extend(lazy_pinyin(text[i:j], v_to_u=True))
        i = j
    word = _join_syllables(p for p in parts if p)
    return word[:1].upper() + word[1:]


def _split_level(name: str) -> tuple[str, Optional[str]]:
    """Return (core, level suffix) using the longest level word ``name`` ends with."""
    for suffix in sorted(_g("levels"), key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, None


def place_en(name: str) -> str:
    """Return the English name of a place: 织里镇 → "Zhili Town", 湖州市 → "Huzhou"."""
    name = _norm(name)
    overrides = _g("places")
    if name in overrides and any(c.isspace() for c in overrides[name]):
        return overrides[name]  # a full English name such as "Inner Mongolia Autonomous Region"
    core, suffix = _split_level(name)
    if suffix is None:
        return overrides.get(name) or _pinyin_word(name)
    spec = _g("levels")[suffix]
    if len(core) == 1 and spec.get("drop"):
        return _pinyin_word(name)  # 沙市 → Shashi: a one-character core keeps its 市
    core_en = overrides.get(core) if core in overrides and " " in overrides[core] else _pinyin_word(core)
    return core_en if spec.get("drop") else f"{core_en} {spec['en']}"


def person_en(name: str) -> str:
    """Return a person's name in pinyin, surname first: 陈勇杰 → "Chen Yongjie"."""
    name = _norm(name)
    if "·" in name:  # transliterated names (买买提·艾力): each part is one word
        return " ".join(_pinyin_word(part) for part in name.split("·") if part)
    surnames = _g("surnames")
    for size in (2, 1):
        surname = name[:size]
        if len(name) > size and (size == 1 or surname in surnames):
            break
    sur = surnames.get(surname) or _join_syllables(lazy_pinyin(surname, v_to_u=True)).capitalize()
    given = _join_syllables(lazy_pinyin(name[len(surname):], v_to_u=True))
    return f"{sur} {given.capitalize()}".strip()


def level_en(level: Optional[str]) -> Optional[str]:
    """Return the English level word for 镇/乡/… or a Meta.level code (town → "Town")."""
    if not level:
        return None
    for zh, spec in _g("levels").items():
        if level in (zh, spec.get("code")):
            return spec["en"]
    return None


def level_zh(level: Optional[str]) -> Optional[str]:
    """Return the Chinese level word for a Meta.level code (town → "镇"), or the word itself."""
    if not level:
        return None
    levels = _g("levels")
    if level in levels:
        return level
    return next((zh for zh, spec in levels.items() if spec.get("code") == level), None)


def title_en(title: Optional[str], place: Optional[str] = None) -> Optional[str]:
    """Return an official title in English: 织里镇人民政府镇长 → "Mayor of Zhili Town"."""
    if not title:
        return None
    text = _norm(title)
    titles = _g("titles")
    head = next((t for t in sorted(titles, key=len, reverse=True) if text.endswith(t)), None)
    if head is None:
        return None
    rest = text[: -len(head)]
    gov = "人民政府"
    if rest.endswith(gov) and head != gov:
        rest = rest[: -len(gov)]
    if rest in _g("levels"):
        rest = ""  # 县人民政府县长: the place is only named by its level
    where = rest or (_norm(place) if place else "")
    if where and _split_level(where)[1] is None:
        return None  # something we cannot name (e.g. an organ not in the glossary)
    spec = titles[head]
    if not where:
        return spec["en"]
    return f"{spec.get('with_place', spec['en'])} of {place_en(where)}"


# ---------------------------------------------------------------- numbers and units


def _dec(value: float | int | Decimal | str) -> Decimal:
    """Return ``value`` as a Decimal rounded to 12 significant digits (kills 0.1+0.2 noise)."""
    d = Decimal(value) if isinstance(value, (int, Decimal)) else Decimal(repr(float(value)))
    if d == 0:
        return Decimal(0)
    exp = d.adjusted() - 11
    return d.quantize(Decimal(1).scaleb(exp), rounding=ROUND_HALF_UP) if exp < 0 else d


def _plain(d: Decimal, places: int = 6, sep: bool = True) -> str:
    """Return ``d`` with at most ``places`` decimals, trailing zeros dropped, optional separators."""
    d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if d.as_tuple().exponent < -places else d
    text = format(d, ",f" if sep else "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number_en(value: float | int | Decimal) -> str:
    """Return a number in English style: 450000 → "450,000", 13500000000 → "13.5 billion"."""
    d = _dec(value)
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
                       (Decimal(10) ** 6, "million")):
        if abs(d) >= size:
            return f"{_plain(d / size, 4)} {word}".replace("-", MINUS)
    return _plain(d).replace("-", MINUS)


def number_zh(value: float | int | Decimal) -> str:
    """Return a number as Chinese reports write it: no separators, no float noise."""
    return _plain(_dec(value), 6, sep=False)


def _unit_spec(unit: str) -> Optional[dict]:
    """Return the scaling spec of ``unit``: units.yaml, then 万/亿 + a known unit, then glossary units."""
    units = load_units()
    if unit in units:
        return units[unit]
    for prefix, factor in (("万", 10**4), ("亿", 10**8)):
        if unit.startswith(prefix) and unit[1:] in units:
            spec = dict(units[unit[1:]])
            spec["factor"] = spec["factor"] * factor
            return spec
        if unit.startswith(prefix) and unit[1:] in _g("units"):
            return {"group": "count", "base": None, "factor": Decimal(factor), "en": _g("units")[unit[1:]]}
    if unit in _g("units"):
        return {"group": "count", "base": None, "factor": Decimal(1), "en": _g("units")[unit]}
    return None


def unit_en(unit: Optional[str]) -> Optional[str]:
    """Return the English word of a unit as written ("" for bare counts), None when unknown."""
    if unit is None:
        return ""
    spec = _unit_spec(unit)
    if spec is None:
        return None
    return spec["base"] if spec["group"] == "money" else spec["en"]


def _singular(word: str) -> str:
    """Return the singular of a plural English unit word (people → person, batches → batch)."""
    special = {"people": "person", "person-times": "person-time", "times": "time",
               "percentage points": "percentage point"}
    if word in special:
        return special[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _hectares(mu: Decimal) -> str:
    """Return a mu area in hectares (1 mu = 1/15 ha), rounded to what the figure can carry."""
    ha = mu / 15
    if abs(ha) >= 1000:
        return _plain(ha.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if abs(ha) >= 1:
        return _plain(ha.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return _plain(ha.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _amount_en(value: float | int, unit: Optional[str]) -> str:
    """Return value and unit in English without any qualifier."""
    if unit is None:
        return number_en(value)
    spec = _unit_spec(unit)
    if spec is None:
        return f"{number_en(value)} {unit}"  # unknown unit: keep it rather than lose the meaning
    amount = _dec(value) * spec["factor"]
    text = number_en(amount)
    if spec["group"] == "money":
        return f"{spec['base']} {text}"
    word = spec["en"] or ""
    if word == "%":
        return f"{text}%"
    if word and text == "1":
        word = _singular(word)
    out = f"{text} {word}".strip()
    if spec.get("base") == "mu":
        out += f" ({_hectares(amount)} ha)"
    return out


def _qualifier(qualifier: Optional[str]) -> dict:
    """Return the glossary spec of a qualifier ({} when none or unknown)."""
    return _g("qualifiers").get(_norm(qualifier), {}) if qualifier else {}


def format_value_en(value: float | int, unit: Optional[str], qualifier: Optional[str] = None) -> str:
    """Return "over CNY 40 million"-style English for a value, its unit and qualifier."""
    text = _amount_en(value, unit)
    spec = _qualifier(qualifier)
    word = spec.get("en")
    if not word:
        return text
    return f"{text} {word}" if spec.get("en_after") else f"{word} {text}"


def format_value_zh(value: float | int, unit: Optional[str], qualifier: Optional[str] = None) -> str:
    """Return the Chinese display of a value: "135亿元", "超4000万元", "95%以上", "1万余平方米"."""
    num, unit = number_zh(value), unit or ""
    if not qualifier:
        return num + unit
    q = _norm(qualifier)
    place = _qualifier(q).get("zh", "before")
    if place == "inside":  # 余/多 sit after the magnitude character: 1万余平方米, 11360余处
        head = unit[:1] if unit[:1] in "十百千万亿" and len(unit) > 1 else ""
        return f"{num}{head}{q}{unit[len(head):]}"
    return f"{num}{unit}{q}" if place == "after" else f"{q}{num}{unit}"


# ---------------------------------------------------------------- growth


def growth_basis_en(basis: Optional[str]) -> Optional[str]:
    """Return the English of a growth basis (同比 → "year on year", 比2015年 → "over 2015"), else None."""
    if not basis:
        return None
    text = _norm(basis)
    if text in _g("growth_bases"):
        return _g("growth_bases")[text]
    m = re.fullmatch(r"(?:比|较|与)(\d{4})年(末|底)?(?:相比)?", text)
    if m:
        return f"over the end of {m[1]}" if m[2] else f"over {m[1]}"
    return None


def growth_en(growth_pct: Optional[float], basis: Optional[str] = None) -> Optional[str]:
    """Return a signed growth in English: "+1.5% year on year", "−80%" (U+2212 minus)."""
    if growth_pct is None:
        return None
    d = _dec(growth_pct)
    sign = "+" if d > 0 else MINUS if d < 0 else ""
    text = f"{sign}{_plain(abs(d))}%"
    words = growth_basis_en(basis)
    if not words:
        return text
    return f"{words} {text}" if words == "average annual" else f"{text} {words}"


def growth_zh(growth_pct: Optional[float], basis: Optional[str] = None) -> Optional[str]:
    """Return a growth as a report writes it: "同比增长1.5%", "下降80%", "持平"."""
    if growth_pct is None:
        return None
    d = _dec(growth_pct)
    prefix = _norm(basis) if basis else ""
    if d == 0:
        return f"{prefix}持平"
    verb = "增长" if d > 0 else "下降"
    return f"{prefix}{verb}{_plain(abs(d), sep=False)}%"


# ---------------------------------------------------------------- glossary look-ups


def _lower_first(text: str) -> str:
    """Return ``text`` with its first word lower-cased unless it is an acronym or proper noun."""
    first = text.split(" ", 1)[0]
    keep = {"Party", "China", "Chinese", "Communist", "Internet", "COVID-19", "Five-Year", "Belt"}
    if first in keep or first.strip("()").isupper() or not first[:1].isupper() or any(
            c.isupper() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]


def _split_modifiers(prefix: str) -> Optional[list[str]]:
    """Return the English of ``prefix`` read as a run of known leading words, None if any part is unknown."""
    if not prefix:
        return []
    mods = _g("modifiers")
    for size in range(len(prefix), 0, -1):
        head = prefix[:size]
        if head in mods:
            tail = _split_modifiers(prefix[size:])
            if tail is not None:
                return [mods[head], *tail]
    return None


def _compose(text: str) -> Optional[str]:
    """Return modifiers + the longest glossary indicator ``text`` ends with, None unless all parts are known."""
    terms = _g("indicators")
    for start in range(1, len(text)):
        core = text[start:]
        if core not in terms:
            continue
        words = _split_modifiers(text[:start])
        if words is not None:
            return " ".join([words[0], *(_lower_first(w) for w in words[1:]), _lower_first(terms[core])])
    return None


_PARTICIPLES = {"built", "rebuilt", "done", "held", "made", "run", "set", "up", "out", "down", "off", "paid",
                "won", "grown", "sent", "cut", "met", "brought", "kept", "laid", "given", "taken", "chosen",
                "shown", "spent", "sold", "put", "shut"}


def _ends_with_participle(text: str) -> bool:
    """Return True if ``text`` already ends in a verb ("… renovated", "… set up")."""
    last = text.rstrip(")").rsplit(" ", 1)[-1].lower()
    return last in _PARTICIPLES or (len(last) > 3 and last.endswith("ed"))


def _wrap(template: str, inner: str) -> str:
    """Return ``template`` with {x} (inner, first word lower-cased) and {X} (inner capitalised) filled.

    A template that only adds a verb after the inner name ("{X} built") leaves an inner name that
    already ends in one as it is, so 培养 + 农村技能人才 does not read "… trained trained".
    """
    capital = inner[:1].upper() + inner[1:]
    if template.startswith("{X} ") and template[4:5].isalpha() and _ends_with_participle(inner):
        return capital
    return template.format(x=_lower_first(inner), X=capital)


@cache
def _affixes(group: str) -> tuple[tuple[str, str], ...]:
    """Return (word, English template) pairs of an affix group, longest word first."""
    return tuple(sorted(((k, v["en"]) for k, v in _g(group).items()), key=lambda kv: -len(kv[0])))


@cache
def _indicator_en(text: str) -> Optional[str]:
    """Return the English of a normalised indicator: exact, composed, or wrapped by a known affix."""
    terms = _g("indicators")
    if text in terms:
        return terms[text][:1].upper() + terms[text][1:]  # names kept as "the … project" for endings
    composed = _compose(text)
    if composed:
        return composed
    # A known ending wrapping a known indicator (…占比 → "Share of …").
    for suffix, template in _affixes("indicator_suffixes"):
        if text.endswith(suffix) and len(text) > len(suffix):
            inner = _indicator_en(text[: -len(suffix)])
            if inner:
                return _wrap(template, inner)
    # A known leading verb before a known indicator (建成… → "… built").
    for prefix, template in _affixes("indicator_prefixes"):
        if text.startswith(prefix) and len(text) > len(prefix):
            inner = _indicator_en(text[len(prefix):])
            if inner:
                return _wrap(template, inner)
    return None


def indicator_en(indicator: Optional[str]) -> Optional[str]:
    """Return the English of an indicator name: exact glossary entry, else a safe composition, else None."""
    if not indicator:
        return None
    return _indicator_en(_norm(indicator)) or None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

# Period shapes not worth listing one by one; {m}/{n} are months, {y}/{z} years.
_PERIOD_PATTERNS = (
    (r"(\d{4})年", lambda m: m[1]),
    (r"(\d{4})年上半年", lambda m: f"First half of {m[1]}"),
    (r"(\d{4})年下半年", lambda m: f"Second half of {m[1]}"),
    (r"(\d{4})年全年", lambda m: f"Full year {m[1]}"),
    (r"(\d{4})年(\d{1,2})月", lambda m: f"{_month(m[2])} {m[1]}"),
    (r"(\d{4})年(\d{1,2})-(\d{1,2})月", lambda m: f"{_month(m[2])}–{_month(m[3])} {m[1]}"),
    (r"(\d{1,2})-(\d{1,2})月", lambda m: f"{_month(m[1])}–{_month(m[2])}"),
    (r"(\d{1,2})月份?", lambda m: _month(m[1])),
    (r"(?:到|至|截至)(\d{4})年底?", lambda m: f"By {'the end of ' if m[0].endswith('底') else ''}{m[1]}"),
    (r"截至(\d{4})年(\d{1,2})月底?", lambda m: f"As of {_month(m[2])} {m[1]}"),
    (r"(\d{1,2})月底前?", lambda m: f"{'By the' if m[0].endswith('前') else 'The'} end of {_month(m[1])}"),
    (r"(\d{4})-(\d{4})年", lambda m: f"{m[1]}–{m[2]}"),
    (r"(\d{4})年以来", lambda m: f"Since {m[1]}"),
    (r"(\d{1,2})月以来", lambda m: f"Since {_month(m[1])}"),
    (r"去年(\d{1,2})月以来", lambda m: f"Since {_month(m[1])} last year"),
    (r"今年(\d{1,2})月以来", lambda m: f"Since {_month(m[1])} this year"),
    (r"(\d{4})年(\d{1,2})月以来", lambda m: f"Since {_month(m[2])} {m[1]}"),
)


def _month(number: str) -> str:
    """Return the English month name of "1".."12" (raises on anything else)."""
    return _MONTHS[int(number) - 1]


def period_en(period: Optional[str]) -> Optional[str]:
    """Return the English of a period phrase (全年 → "Full year", 1-6月 → "January–June"), None if unknown."""
    if not period:
        return None
    text = re.sub(r"(\d)[~–至到](\d)", r"\1-\2", _norm(period))
    periods = _g("periods")
    if text in periods:
        return periods[text]
    for pattern, render in _PERIOD_PATTERNS:
        m = re.fullmatch(pattern, text)
        if m:
            try:
                return render(m)
            except (IndexError, ValueError):
                return None
    return None


def kind_en(kind: Optional[str]) -> Optional[str]:
    """Return the English label of a fact kind (actual → "Actual")."""
    return (_g("kinds").get(kind) or {}).get("en") if kind else None


def kind_zh(kind: Optional[str]) -> Optional[str]:
    """Return the Chinese label of a fact kind (actual → "实绩")."""
    return (_g("kinds").get(kind) or {}).get("zh") if kind else None


def doc_type_en(doc_type: Optional[str]) -> Optional[str]:
    """Return the English of a document type (政府工作报告 → "Government Work Report")."""
    return _g("doc_types").get(_norm(doc_type)) if doc_type else None


_NUMERALS = "一二三四五六七八九十"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
          "XVI", "XVII", "XVIII", "XIX", "XX")


def _cn_number(text: str) -> int:
    """Return the value of a small Chinese numeral (一 … 九十九)."""
    if "十" not in text:
        return _NUMERALS.index(text) + 1
    tens, _, ones = text.partition("十")
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def _split_numbering(title: str) -> tuple[str, str]:
    """Return (English numbering prefix, heading text) for 一、 / （一） / 1. headings."""
    m = re.match(rf"^([{_NUMERALS}]+)、", title)
    if m:
        n = _cn_number(m[1])
        return (f"{_ROMAN[n - 1]}. " if n <= len(_ROMAN) else f"{n}. "), title[m.end():]
    m = re.match(rf"^\(([{_NUMERALS}]+)\)", title)
    if m:
        return f"({_cn_number(m[1])}) ", title[m.end():]
    m = re.match(r"^(\d{1,2})[.、．]", title)
    if m:
        return f"{m[1]}. ", title[m.end():]
    return "", title


def _heading_en(body: str) -> Optional[str]:
    """Return the English of a heading body, with years templated as {year}/{year2}."""
    words = _g("section_words")
    if body in words:
        return words[body]
    years = re.findall(r"\d{4}(?=年)", body)
    if not years:
        return None
    template = body
    names = ("{year}", "{year2}", "{year3}")
    for name, year in zip(names, years):
        template = template.replace(year, name, 1)
    if template not in words:
        return None
    return words[template].format(**{n.strip("{}"): y for n, y in zip(names, years)})


def section_title_en(title: Optional[str]) -> Optional[str]:
    """Return the English heading ("I. Review of work in the first half"), None when unknown."""
    if not title:
        return None
    prefix, body = _split_numbering(_norm(title))
    english = _heading_en(body)
    if english is None and "。" in body:
        english = _heading_en(body.split("。", 1)[0])  # a run-in heading: 标题。正文…
    return prefix + english if english else None


def ui(key: str, lang: str = "en") -> str:
    """Return the interface label ``key`` (Chinese word or English label) in ``lang`` ("en" or "zh")."""
    labels = _g("ui")
    if key in labels:
        return labels[key] if lang == "en" else key
    folded = key.replace("_", " ").casefold()
    for zh, en in labels.items():
        if en.casefold() == folded:
            return en if lang == "en" else zh
    raise KeyError(f"no UI label {key!r} in {GLOSSARY_PATH}")


# ---------------------------------------------------------------- whole reports


def _keep(old: Optional[str], new: Optional[str]) -> Optional[str]:
    """Return ``old`` when already set (an upstream override wins), else ``new``."""
    return old if old else new


def _maybe(func, value: Optional[str]) -> Optional[str]:
    """Return func(value) when value is set, else None."""
    return func(value) if value else None


def translate_report(report: Report) -> Report:
    """Return a copy of ``report`` with English names, indicators and headings filled where known."""
    m = report.meta
    meta = dataclasses.replace(
        m,
        place_en=_keep(m.place_en, _maybe(place_en, m.place)),
        district_en=_keep(m.district_en, _maybe(place_en, m.district)),
        city_en=_keep(m.city_en, _maybe(place_en, m.city)),
        province_en=_keep(m.province_en, _maybe(place_en, m.province)),
        speaker_en=_keep(m.speaker_en, _maybe(person_en, m.speaker)),
    )
    facts = tuple(dataclasses.replace(f, indicator_en=_keep(f.indicator_en, indicator_en(f.indicator)))
                  for f in report.facts)
    sections = tuple(dataclasses.replace(s, title_en=_keep(s.title_en, section_title_en(s.title)))
                     for s in report.sections)
    titles = {s.paragraph: s.title_en for s in sections if s.title_en}
    paragraphs = tuple(
        dataclasses.replace(p, text_en=_keep(p.text_en, titles.get(p.anchor))) if p.is_heading else p
        for p in report.paragraphs)
    return dataclasses.replace(report, meta=meta, facts=facts, sections=sections, paragraphs=paragraphs)


def glossary_coverage(reports: Iterable[Report]) -> tuple[int, int, list[str]]:
    """Return (known, total, unknown) over distinct indicator names; unknown most frequent first."""
    counts = Counter(f.indicator for r in reports for f in r.facts if f.indicator)
    unknown = [name for name, _ in counts.most_common() if indicator_en(name) is None]
    return len(counts) - len(unknown), len(counts), unknown
