"""Translation memory: the English of a report's prose, one reviewed or machine entry per Chinese segment.

The memory is a committed YAML file (default ``translations/zh-en.yaml``): a list of entries sorted by
their key, each one small mapping that reads well in a diff::

    - zh: 现在，我代表织里镇人民政府向大会报告工作。
      en: Now, on behalf of the Zhili Town People's Government, I present the work report.
      origin: human
    - zh: 全镇完成地区生产总值181亿元，同比增长17.5%
      en: The town's GDP reached CNY 18.1 billion, up 17.5% year on year
      origin: machine:libre
      date: '2024-05-01'

``origin`` is ``human`` (reviewed; a machine never replaces it) or ``machine:<provider>`` with the
``date`` it was translated. Nothing here touches the network: ``build`` only reads the file.
"""
from __future__ import annotations

import dataclasses
import itertools
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Optional

import yaml

from generator import YAML_LOADER
from generator.errors import DataFileError
from generator.model import Fact, Report

MEMORY_PATH = Path("translations") / "zh-en.yaml"  # relative to the project root
HUMAN = "human"
MACHINE_PREFIX = "machine:"
FIELDS = ("zh", "en", "origin", "date")

HEADER = """\
# Translation memory of townfacts: the English of the reports' prose (zh → en).
#
# One entry per Chinese segment (a paragraph, a section title or a fact's quote), sorted by key:
#   - zh: the Chinese as written in the report
#     en: its English
#     origin: human             (reviewed by a person; always wins, never overwritten by a machine)
#          or machine:<provider> (filled by `townfacts translate`: google, mymemory, libre, deepl)
#     date: 'YYYY-MM-DD'         (when a machine translated it; optional for human entries)
# Entries are matched on a key: the Chinese with Unicode NFKC folding (full-width punctuation kept)
# and all whitespace removed, so two entries whose zh differ only in spaces are duplicates.
# To review a machine entry, correct `en` and set `origin: human` (the date may go).
"""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _is_fullwidth_punctuation(ch: str) -> bool:
    """Return True for a punctuation or symbol character of the full-width block (，；：（）％ …)."""
    return "\uff01" <= ch <= "\uff60" and unicodedata.category(ch)[0] in "PS"


def normalize_segment(text: str) -> str:
    """Return the memory key of ``text``.

    The rule: Unicode NFKC (full-width digits and letters become ASCII, compatibility forms fold),
    except that full-width punctuation and symbols (U+FF01–U+FF60: ，；：！？（）％ …) are kept as is,
    so a key still reads as the report wrote it; then every whitespace character is removed.
    """
    runs = re.split("([\uff01-\uff60])", text)
    folded = "".join(run if len(run) == 1 and _is_fullwidth_punctuation(run)
                     else unicodedata.normalize("NFKC", run) for run in runs)
    return "".join(ch for ch in folded if not ch.isspace())


def needs_translation(text: str) -> bool:
    """Return True if ``text`` has a Chinese character (text without one is its own English)."""
    return bool(_HAN.search(text))


@dataclass(frozen=True)
class Entry:
    """One segment of the memory: the Chinese, its English, who translated it and when."""

    source: str
    target: str
    origin: str  # "human" or "machine:<provider>"
    date: Optional[str] = None  # YYYY-MM-DD

    @property
    def key(self) -> str:
        """Return the normalized Chinese this entry is matched on."""
        return normalize_segment(self.source)

    @property
    def is_human(self) -> bool:
        """Return True for a reviewed entry."""
        return self.origin == HUMAN


@dataclass(frozen=True)
class Memory:
    """The translation memory: entries by key. Immutable; ``with_entries`` returns a new one."""

    entries: dict[str, Entry] = field(default_factory=dict)

    def entry(self, text: str) -> Optional[Entry]:
        """Return the entry for ``text`` (matched on its key), or None."""
        return self.entries.get(normalize_segment(text))

    def lookup(self, text: str) -> Optional[str]:
        """Return the English of ``text``, or None when the memory has none."""
        entry = self.entry(text)
        return entry.target if entry else None

    def with_entries(self, new: Iterable[Entry]) -> "Memory":
        """Return a memory with ``new`` added; a machine entry never replaces a human one."""
        entries = dict(self.entries)
        for entry in new:
            old = entries.get(entry.key)
            if old is not None and old.is_human and not entry.is_human:
                continue
            entries[entry.key] = entry
        return Memory(entries)

    def sorted_entries(self) -> list[Entry]:
        """Return the entries sorted by key (the order of the file)."""
        return [self.entries[key] for key in sorted(self.entries)]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.sorted_entries())


# ---------------------------------------------------------------- reading


def _compose(path: Path) -> Optional[yaml.Node]:
    """Return the YAML node tree of ``path`` (None for a file of only comments), or raise DataFileError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(str(path), "no such translation memory file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    try:
        return yaml.compose(text, Loader=YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = f"malformed YAML: {exc.problem or exc.context}"
        raise DataFileError(str(path), reason, mark.line + 1 if mark else None) from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"malformed YAML: {exc}") from exc


def _line(node: yaml.Node) -> int:
    """Return the 1-based line where ``node`` starts."""
    return node.start_mark.line + 1


def _fields(path: Path, node: yaml.Node) -> dict[str, tuple[str, int]]:
    """Return one entry's fields as name → (raw text, line), or raise DataFileError at the bad line."""
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(str(path), "an entry must be a mapping with zh, en and origin", _line(node))
    fields: dict[str, tuple[str, int]] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in FIELDS:
            raise DataFileError(str(path), f"unknown field {name!r} (expected {', '.join(FIELDS)})", _line(key))
        if name in fields:
            raise DataFileError(str(path), f"field {name!r} given twice", _line(key))
        if not isinstance(value, yaml.ScalarNode):
            raise DataFileError(str(path), f"{name}: expected plain text", _line(value))
        # The raw scalar, not YAML's reading of it: `en: yes` is the word, `date: 2024-05-01` a string.
        fields[name] = (value.value if value.tag != "tag:yaml.org,2002:null" else "", _line(value))
    return fields


def _entry(path: Path, node: yaml.Node) -> Entry:
    """Return the Entry written at ``node``, or raise DataFileError with its line."""
    fields = _fields(path, node)
    for name in ("zh", "en", "origin"):
        if not fields.get(name, ("", 0))[0].strip():
            raise DataFileError(str(path), f"entry without {name!r}", fields.get(name, ("", _line(node)))[1])
    origin, origin_line = fields["origin"]
    if origin != HUMAN and not (origin.startswith(MACHINE_PREFIX) and origin[len(MACHINE_PREFIX):]):
        raise DataFileError(str(path), f"origin {origin!r}: expected human or machine:<provider>", origin_line)
    date, date_line = fields.get("date", ("", _line(node)))
    if date and not _DATE.match(date):
        raise DataFileError(str(path), f"date {date!r}: expected YYYY-MM-DD", date_line)
    if not date and origin != HUMAN:
        raise DataFileError(str(path), "a machine entry needs its date", origin_line)
    return Entry(fields["zh"][0], fields["en"][0], origin, date or None)


def load_memory(path: str | Path = MEMORY_PATH) -> Memory:
    """Return the memory in ``path``; a malformed file or a duplicate key raises DataFileError with the line."""
    path = Path(path)
    root = _compose(path)
    if root is None:
        return Memory()
    if not isinstance(root, yaml.SequenceNode):
        raise DataFileError(str(path), "expected a list of entries (- zh: … en: … origin: …)", _line(root))
    entries: dict[str, Entry] = {}
    lines: dict[str, int] = {}
    for node in root.value:
        entry = _entry(path, node)
        if entry.key in entries:
            raise DataFileError(
                str(path), f"duplicate entry for {entry.source!r} (first on line {lines[entry.key]})", _line(node))
        entries[entry.key], lines[entry.key] = entry, _line(node)
    return Memory(entries)


# ---------------------------------------------------------------- writing


class _Dumper(yaml.SafeDumper):
    """PyYAML's pure-Python dumper, writing Unicode line breaks (NEL, LS, PS) escaped.

    Written raw, YAML reads them back as line breaks and folds them: the entry would not round-trip.
    """


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if any(ch in value for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


@lru_cache(maxsize=None)
def _dump_entry(entry: Entry) -> str:
    """Return the YAML lines of one entry (cached: a long run saves the same entries after every batch)."""
    row = {"zh": entry.source, "en": entry.target, "origin": entry.origin}
    if entry.date:
        row["date"] = entry.date
    # The pure-Python dumper, so the bytes do not depend on whether libyaml is installed;
    # no line folding, so one field stays one line in a diff.
    return yaml.dump([row], Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1 << 30)


MAX_GROWTH = 20  # an English segment longer than 20× its Chinese (plus a margin) is not a translation
MARGIN = 200


def entry_problem(entry: Entry) -> Optional[str]:
    """Return why an entry must not be saved (None when it may): text that is not valid Unicode (a lone
    surrogate), an English far longer than its source, or anything that would not read back as written."""
    for name, text in (("zh", entry.source), ("en", entry.target)):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as err:
            return f"{name} is not valid Unicode ({err.reason} at {err.start})"
    if len(entry.target) > MAX_GROWTH * len(entry.source) + MARGIN:
        return f"en is {len(entry.target)} characters for {len(entry.source)} of Chinese"
    try:
        (node,) = yaml.compose(_dump_entry(entry), Loader=YAML_LOADER).value
        back = _entry(Path("entry"), node)
    except (DataFileError, yaml.YAMLError, ValueError) as err:
        return f"does not read back ({err})"
    return None if back == entry else "does not read back as written"


def dump_memory(memory: Memory) -> str:
    """Return the file text of ``memory``: the header, then its entries sorted by key."""
    return HEADER + ("".join(_dump_entry(entry) for entry in memory) or "[]\n")


def save_memory(memory: Memory, path: str | Path = MEMORY_PATH, new: Iterable[Entry] = ()) -> None:
    """Write ``memory`` to ``path`` atomically: a temporary file in the same folder, then os.replace.

    The ``new`` entries are checked first (`entry_problem`): a file that would not load is never
    written. The file keeps its permissions (a new one gets the usual ones, umask applied).
    """
    path = Path(path)
    for entry in new:
        problem = entry_problem(entry)
        if problem:
            raise DataFileError(str(path), f"entry for {entry.source[:40]!r} not saved: {problem}")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = dump_memory(memory).encode("utf-8")
    mode = _mode_of(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_of(path: Path) -> int:
    """Return the permission bits of path, or those a new file gets under the umask (mkstemp's are 600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Delete the temporary files a save killed midway left beside the memory file; return them."""
    stale = sorted(path.parent.glob(f".{path.name}.*.tmp")) if path.parent.is_dir() else []
    for tmp in stale:
        tmp.unlink(missing_ok=True)
    return stale


# ---------------------------------------------------------------- reports


def _texts(report: Report) -> Iterator[tuple[str, Optional[str]]]:
    """Yield (Chinese, English or None) for every paragraph, section title and fact quote."""
    for p in report.paragraphs:
        yield p.text, p.text_en
    for s in report.sections:
        yield s.title, s.title_en
    for f in report.facts:
        yield f.source.quote, f.source.quote_en


def _unique(texts: Iterable[str]) -> list[str]:
    """Return the non-blank texts, first of each key only, in order."""
    seen: set[str] = set()
    out = []
    for text in texts:
        key = normalize_segment(text)
        if key and key not in seen:
            seen.add(key)
            out.append(text)
    return out


def segments_of(report: Report) -> list[str]:
    """Return the segments a report needs in English: paragraphs, section titles, fact quotes (deduplicated)."""
    return _unique(text for text, _ in _texts(report))


def english_of(text: str, memory: Memory) -> Optional[str]:
    """Return the English of ``text`` from the memory; text without Chinese is its own English."""
    found = memory.lookup(text)
    if found is None and text.strip() and not needs_translation(text):
        return text
    return found


def apply_memory(report: Report, memory: Memory) -> Report:
    """Return a copy of ``report`` with paragraphs, section titles and fact quotes in English where still empty."""
    replace = dataclasses.replace
    paragraphs = tuple(replace(p, text_en=p.text_en or english_of(p.text, memory)) for p in report.paragraphs)
    sections = tuple(replace(s, title_en=s.title_en or english_of(s.title, memory)) for s in report.sections)
    facts = tuple(
        _indicator_of(replace(f, source=replace(f.source, quote_en=f.source.quote_en or english_of(f.source.quote,
                                                                                                  memory))), memory)
        for f in report.facts)
    return replace(report, paragraphs=paragraphs, sections=sections, facts=facts)


def _indicator_of(fact: Fact, memory: Memory) -> Fact:
    """Return ``fact`` with its indicator's English from the memory: a person's entry wins over the glossary
    and the dictionary (origin "memory"); a machine's only fills a name without English (origin machine:…)."""
    entry = memory.entry(fact.indicator) if fact.indicator else None
    if entry is None or not (entry.is_human or not fact.indicator_en):
        return fact
    return dataclasses.replace(fact, indicator_en=entry.target,
                               indicator_origin="memory" if entry.is_human else entry.origin)


def missing_segments(report: Report, memory: Memory) -> list[str]:
    """Return the segments that still have no English after the glossary, the dictionary and the memory:
    prose, and indicator names neither could give English (deduplicated)."""
    english = apply_memory(report, memory)
    names = ((f.indicator, f.indicator_en) for f in english.facts if f.indicator)  # no glossary or dictionary
    return _unique(text for text, en in itertools.chain(_texts(english), names) if en is None)
