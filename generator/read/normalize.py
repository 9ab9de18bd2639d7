"""Decode a report and rebuild its paragraphs, keeping a map from every character to its original line.

Pipeline: bytes → text (encoding sniffing) → reader's view (real newlines) → Traditional characters to
Simplified (OpenCC, only for a text written in Traditional) → per-line character folding (full-width
digits, &nbsp;, lost-space ``??``, bidi controls and zero-width characters dropped) → dropping of page
furniture and scraped page wrappers → rejoining of lines broken mid-sentence → removal of stray spaces.

Every step before the rejoining works line by line, so each character keeps the number of the original
line it came from (Line.offsets) and, in a converted text, the character written there (Line.written); the
paragraphs are read as the normalised text (Simplified, ASCII digits) while their line numbers point into
the original file, and read/written.py gives a Traditional report back its own characters once read.
"""
from __future__ import annotations

import functools
import hashlib
import re
import statistics
from pathlib import Path

from generator.errors import ReportError
from generator.model import CleanText, Line
from generator.read.lexicon import data_pattern

# A character with the original line it came from and the character written there (its Traditional form
# in a converted text, else itself).
Chars = list[tuple[str, int, str]]

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FULLWIDTH.update({"％": "%", "＋": "+", "\u3000": " ", "\xa0": " ", "\t": " "})
# ℅ (care of) and ﹪ (small percent) stand for % in many converted Word files: 同比增长15℅
_FULLWIDTH.update({"\u2105": "%", "\ufe6a": "%"})
# ‚ and ‛ (low-9 and reversed-9 marks) stand for “ and ” in some converted files: ‚三个代表‛
_FULLWIDTH.update({"\u201a": "“", "\u201b": "”"})
# Invisible characters that split a number or a word for the reader: zero-width space/joiners, word
# joiner, BOM, and the bidi marks, embeddings, overrides and isolates (U+200E/F, U+202A–E, U+2066–9).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f" + "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
_FULLWIDTH.update(dict.fromkeys(_INVISIBLE, ""))
# A text is read as Traditional when OpenCC changes at least this share of its Han characters. Measured on
# the 23 shared reports: 0 % as written (Simplified), 34–37 % once put in Traditional (s2t). The bar is not
# 0 because t2s also "simplifies" a few names a Simplified text writes so (乾县, 乾安县, 於潜).
TRADITIONAL_SHARE = 0.10
_HAN = re.compile(r"[\u4e00-\u9fff]")
# an ASCII comma written inside Chinese text (投资107万元,完成…) is read as the full-width one the reader's rules expect;
# between digits (1,000) it stays a thousands separator
_HALF_WIDTH_COMMA = re.compile(r"(?<![\d,]),(?=[\u4e00-\u9fff“])")
# an ASCII full stop between Chinese words, or after a figure that Chinese opens (建成示范园.四是…, 任务1276.已完成),
# ends a clause, read as ； since pasted text writes it between the items of one statement (计划…有五项:一是….二是…);
# before a digit (12.5) it is a decimal point, and after an item number opening a line or a clause (2.加强) it stays
_HALF_WIDTH_STOP = re.compile(r"(?<=[\u4e00-\u9fff])(\d*)\.(?=[\u4e00-\u9fff])")
_ENTITIES = re.compile(r"&(nbsp|ensp|emsp|amp|lt|gt|quot|#12288|#160);")
_ENTITY_TEXT = {"nbsp": " ", "ensp": " ", "emsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"',
                "#12288": " ", "#160": " "}

TERMINAL = "。！？；：!?;…"
CLOSERS = "”’」』）)"
_INNER_PUNCT = re.compile(r"[，。；！？、,;!?]")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S*$", re.I)


@functools.cache
def _heading_regex() -> re.Pattern:
    """Return the regex of a heading line's opening (一、, （一）, 1., 第一章, 附件, 名词解释)."""
    glossary = data_pattern("glossary") + r"[:：]?\s*$"
    keys = ("level_1", "level_2", "level_3", "chapter", "appendix")
    return re.compile("^(?:" + "|".join([*(data_pattern(k) for k in keys), glossary]) + ")")


@functools.cache
def _furniture(key: str) -> re.Pattern:
    """Return the headings.yaml regex of one kind of page furniture (page_line, nav_start …)."""
    return re.compile(data_pattern(key))


def read_text(path) -> CleanText:
    """Return the cleaned report read from ``path``; raise ReportError if it is not a readable text."""
    try:
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise ReportError(str(path), "is a directory, not a report file") from None
    except OSError as err:
        raise ReportError(str(path), f"cannot read file ({err.strerror or err})") from None
    return clean_bytes(raw, str(path))


def clean_bytes(raw: bytes, path: str) -> CleanText:
    """Return the cleaned report for a file's bytes already read; raise ReportError if they are not a text."""
    text, encoding = decode_bytes(raw, path)
    return _build(text, path, hashlib.sha256(raw).hexdigest(), encoding)


def clean_string(text: str, path: str = "<string>") -> CleanText:
    """Return the cleaned report for a text already in memory (tests, pipes)."""
    if not text.strip():
        raise ReportError(path, "empty report (no text)")
    return _build(text, path, hashlib.sha256(text.encode("utf-8")).hexdigest(), "utf-8")


def decode_bytes(raw: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding) for the bytes of a report, or raise ReportError naming why not."""
    if not raw.strip():
        raise ReportError(path, "empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked_text(raw.decode(encoding), path), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                raise ReportError(path, f"invalid {encoding} text despite its byte-order mark") from None
    if b"\x00" in raw:
        raise ReportError(path, "binary file (contains NUL bytes), not a text report")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked_text(raw.decode(encoding), path), encoding
        except UnicodeDecodeError:
            continue
    raise ReportError(path, "cannot decode as UTF-8 or GB18030 (binary or unknown encoding)")


def _checked_text(text: str, path: str) -> str:
    """Return ``text`` unless it is empty or looks like binary data."""
    if not text.strip():
        raise ReportError(path, "empty file (only whitespace)")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    if controls > max(2, len(text) // 100):
        raise ReportError(path, "binary file (control characters), not a text report")
    return text


def reader_view(text: str) -> str:
    """Return the text with real newlines: CRLF/CR and literal ``\\r\\n`` escapes become line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"(?:\\r)?\\n|\\r", "\n", text)


@functools.cache
def _t2s():
    """Return OpenCC's Traditional-to-Simplified converter (imported on first use)."""
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return ``text`` in Simplified characters (OpenCC t2s), whatever it is written in."""
    return _t2s().convert(text)


def simplified_lines(lines: list[str]) -> list[str]:
    """Return the lines in Simplified characters when the text is written in Traditional, else unchanged."""
    converted = [_t2s().convert(s) for s in lines]
    changed = sum(sum(a != b for a, b in zip(s, t)) + abs(len(s) - len(t)) for s, t in zip(lines, converted) if s != t)
    if not changed:
        return lines
    han = sum(len(_HAN.findall(s)) for s in lines)
    return converted if changed >= TRADITIONAL_SHARE * han else lines


def fold_chars(text: str) -> str:
    """Return ``text`` with entities, lost-space ``??`` and full-width digits/letters folded to ASCII,
    and invisible characters (zero-width, bidi controls) dropped."""
    text = _ENTITIES.sub(lambda m: _ENTITY_TEXT[m.group(1)], text)
    text = re.sub(r"\?{2,}", " ", text)
    text = re.sub(r"(?<=\d)．(?=\d)", ".", text.translate(str.maketrans(_FULLWIDTH)))
    return re.sub(r"(?<=\d)．(?=\d)", ".", text)


def _build(text: str, path: str, sha: str, encoding: str) -> CleanText:
    """Return the CleanText of a decoded report."""
    original = reader_view(text)
    raw = original.split("\n")
    converted = simplified_lines(raw)
    lines = [_HALF_WIDTH_STOP.sub(r"\1；", _HALF_WIDTH_COMMA.sub("，", fold_chars(s).strip())) for s in converted]
    written = lines if converted is raw else [_written(r, s) for r, s in zip(raw, lines)]
    kept = _drop_furniture(lines)
    if _is_wrapped(kept):
        paragraphs = _join_wrapped(kept, written)
    else:
        paragraphs = [list(zip(s, [n] * len(s), written[n - 1])) for n, s in kept if s and not re.fullmatch(r"\d{1,3}", s)]
    built = tuple(_to_line(p) for p in (_squeeze_spaces(p) for p in paragraphs) if p)
    return CleanText(path=path, sha256=sha, original=original, paragraphs=built, encoding=encoding)


def _written(raw: str, line: str) -> str:
    """Return a converted line's characters as written (folded like ``line``), aligned one for one with the
    Simplified ``line``; ``line`` itself where the conversion did not keep every character in its place."""
    shown = fold_chars(raw).strip()
    if len(shown) != len(line):
        return line
    for a, b in zip(shown, line):
        if a != b and not (_is_han(a) and _is_han(b)) and (a, b) != (",", "，"):
            return line
    return shown


def _is_han(c: str) -> bool:
    """Return True for a CJK ideograph of any block (extensions, compatibility ideographs)."""
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or o >= 0x20000


def _drop_furniture(lines: list[str]) -> list[tuple[int, str]]:
    """Return (line number, text) of the lines worth reading: URLs, page numbers and scraped wrappers dropped."""
    kept: list[tuple[int, str]] = []
    skip_next_number = skip_summary = False
    for number, text in enumerate(lines, 1):
        if skip_summary:
            skip_summary = False
            if text.endswith(("......", "……", "...")):
                continue
        if skip_next_number and re.fullmatch(r"\d+", text):
            skip_next_number = False
            continue
        skip_next_number = False
        if _furniture("nav_start").match(text) and number > len(lines) // 2:
            break  # site navigation: everything after it is other pages' links
        if _URL_LINE.match(text) or _furniture("page_line").match(text) or _furniture("wrapper_head").match(text):
            continue
        if _furniture("wrapper_counter").match(text):
            skip_next_number = True
            continue
        if _furniture("summary").match(text):
            skip_summary = not text.split("：", 1)[-1].split(":", 1)[-1].strip()
            continue
        kept.append((number, text))
    return kept


def _width(text: str) -> float:
    """Return the printed width of a line in full-width character units."""
    return sum(1.0 if ord(c) > 0x2000 and c not in "“”‘’" else 0.5 for c in text)


def _is_wrapped(kept: list[tuple[int, str]]) -> bool:
    """Return True when lines were broken by page width (PDF text) rather than one paragraph per line."""
    long_lines = [s for _, s in kept if _width(s) >= 12]
    if not long_lines:
        return True
    ends = sum(1 for s in long_lines if s.rstrip(CLOSERS)[-1:] in TERMINAL)
    few_and_broken = len(long_lines) < 4 and ends < len(long_lines)  # too few lines to count on the ratio
    return (ends / len(long_lines) < 0.5 or few_and_broken) and statistics.median(_width(s) for s in long_lines) < 45


def is_title_like(text: str) -> bool:
    """Return True for a short line without sentence punctuation (a title, heading or name line)."""
    text = text.strip()  # every character is at least half a unit wide: a long text is measured no further
    return len(text) <= 60 and 0 < _width(text) <= 30 and not _INNER_PUNCT.search(text) and not text.endswith(("：", ":"))


def _ends_sentence(text: str) -> bool:
    """Return True when the line ends with sentence-final punctuation (closing quotes allowed)."""
    return text.rstrip(CLOSERS)[-1:] in TERMINAL


def _join_wrapped(kept: list[tuple[int, str]], written: list[str]) -> list[Chars]:
    """Return paragraphs rebuilt from page-width lines, as character/line lists (``written``: each line's
    characters as written, by line number - 1)."""
    rows = [(n, s) for n, s in kept if s]
    widths = [_width(s) for _, s in rows]
    body = [not is_title_like(s) and not _heading_regex().match(s) for _, s in rows]
    gaps = _blank_gaps(kept)
    paragraphs: list[Chars] = []
    prev_closed = True  # the previous line ended a paragraph
    for i, (number, text) in enumerate(rows):
        starts, closes = _paragraph_bounds(i, rows, widths, body, prev_closed)
        if _ends_sentence(text) and _gap_is_meaningful(i, gaps):
            closes = True
        if starts or not paragraphs:
            paragraphs.append([])
        elif _joins_with_space(paragraphs[-1], text):
            paragraphs[-1].append((" ", number, " "))
        paragraphs[-1].extend(zip(text, [number] * len(text), written[number - 1]))
        prev_closed = closes
    return paragraphs


def _blank_gaps(kept: list[tuple[int, str]]) -> list[bool]:
    """Return, for each non-blank line, whether a blank line follows it."""
    gaps: list[bool] = []
    for k, (_, text) in enumerate(kept):
        if text:
            gaps.append(k + 1 < len(kept) and not kept[k + 1][1])
    return gaps


def _gap_is_meaningful(i: int, gaps: list[bool]) -> bool:
    """Return True when line ``i`` is followed by a blank line in a stretch that is not double-spaced
    throughout (where every line is followed by a blank, blank lines say nothing)."""
    if not gaps[i]:
        return False
    around = gaps[max(0, i - 4):i] + gaps[i + 1:i + 5]
    return around.count(False) >= 2


def _paragraph_bounds(i, rows, widths, body, prev_closed) -> tuple[bool, bool]:
    """Return (starts a paragraph, ends its paragraph) for line ``i`` of a wrapped text."""
    text = rows[i][1]
    heading = bool(_heading_regex().match(text))
    title = is_title_like(text)
    prev = rows[i - 1][1] if i else ""
    starts = i == 0 or heading or prev_closed
    if not starts and title and _ends_sentence(prev) and (_is_short(i - 1, widths, body) or _two_part_title(text) or _width(text) <= 8):
        starts = True
    if starts and title:
        return True, True  # a title is a paragraph of its own
    if heading and _is_bare_heading(i, rows, widths, body):
        return True, True  # so is a bare heading line
    closes = _ends_sentence(text) and _is_short(i, widths, body)
    return starts, closes


def _is_bare_heading(i, rows, widths, body) -> bool:
    """Return True for a numbered heading that is not run into body text (no sentence inside it,
    and clearly shorter than a first line of body text, which is indented by two characters)."""
    text = _heading_regex().sub("", rows[i][1])
    if not _INNER_PUNCT.search(text):
        return True
    return not re.search(r"[。；！？!?;]", text) and _is_short(i, widths, body, margin=3.5)


def _is_short(i: int, widths: list[float], body: list[bool], margin: float = 1.5) -> bool:
    """Return True when line ``i`` stops well before the column width of the body lines around it."""
    if i < 0:
        return True
    near = [widths[j] for j in range(max(0, i - 4), min(len(widths), i + 5)) if body[j] or j == i]
    return widths[i] <= max(near) - margin


def _two_part_title(text: str) -> bool:
    """Return True for titles made of two phrases separated by a space (抓实“稳”的举措 筑牢…)."""
    return bool(re.search(r"[\u4e00-\u9fff”》]\s+[\u4e00-\u9fff“《]", text)) and not _letter_spaced(text)


def _letter_spaced(text: str) -> bool:
    """Return True for text spaced out letter by letter (政 府 工 作 报 告)."""
    return bool(re.search(r"(?:[\u4e00-\u9fff] ){3,}", text))


def _joins_with_space(paragraph: Chars, text: str) -> bool:
    """Return True when a line break separates two ASCII words and must become a space."""
    return bool(paragraph) and paragraph[-1][0].isascii() and paragraph[-1][0].isalpha() and text[:1].isascii() and text[:1].isalpha()


def _squeeze_spaces(chars: Chars) -> Chars:
    """Return the paragraph without stray spaces: a space stays only between two ASCII words (not two runs of
    digits, one number wrapped), or between two phrases of a title line."""
    text = "".join(c[0] for c in chars)
    keep_cjk_gap = is_title_like(text) and not _letter_spaced(text)
    out: Chars = []
    i = 0
    while i < len(chars):
        c, n, _ = chars[i]
        if c != " ":
            out.append(chars[i])
            i += 1
            continue
        j = i
        while j < len(chars) and chars[j][0] == " ":
            j += 1
        left = out[-1][0] if out else ""
        right = chars[j][0] if j < len(chars) else ""
        digits = left.isdigit() and right.isdigit()  # 分别完成8 12.15亿元, 20 11年: a number wrapped in two
        if (left.isascii() and left.isalnum() and right.isascii() and right.isalnum() and not digits) or (
                keep_cjk_gap and _is_cjk_word(left) and _is_cjk_word(right)):
            out.append((" ", n, " "))
        i = j
    return out


def _is_cjk_word(c: str) -> bool:
    """Return True for a CJK ideograph or a Chinese quote mark that can border a title phrase."""
    return bool(c) and ("\u4e00" <= c <= "\u9fff" or c in "“”《》")


def _to_line(chars: Chars) -> Line:
    """Return the Line of a character/line list."""
    text, written = "".join(c for c, _, _ in chars), "".join(w for _, _, w in chars)
    return Line(text=text, line=chars[0][1], offsets=tuple(n for _, n, _ in chars),
                written=written if written != text else "")
