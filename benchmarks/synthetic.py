"""Synthetic town reports for scale benchmarks: the real reports' paragraphs recombined under new names.

usage: python benchmarks/synthetic.py OUT_DIR N [--seed S]

``make_corpus(out_dir, n, seed)`` writes N reports that read like the seeds — a header (政府工作报告,
date, meeting, speaker), 一、/（一） headings, paragraphs full of figures — built from the paragraphs of
``seeds/*.txt`` and, when present, ``../shared/corpus/*.txt``. Every report gets a new town (2 characters
+ 镇/乡/街道, pinyin slug unique in the corpus) in a new district (+区/县) of a new city (+市); the
sources' own place, district, city and province names are replaced, years are moved to the new
report's year and every figure is varied a little, so facts differ between reports. Output depends
only on (sources, n, seed).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS_DIR = ROOT.parent / "shared" / "corpus"

# Characters for invented speakers' names.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁沈任姚卢钟姜崔谭陆范汪廖石金贾夏韦付方邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉力斌宇浩凯健俊帆鹏峰志红新春海波林东"
CN_NUM = "一二三四五六七八九十"

# The sources' own names (place, bare place, district, city, province), replaced in every paragraph.
SOURCE_PLACES = ("八里店镇", "织里镇", "阜平县", "顺平县", "安国市", "八里店", "织里", "阜平", "顺平", "安国")
SOURCE_DISTRICTS = ("吴兴区", "吴兴")
SOURCE_CITIES = ("湖州市", "保定市", "湖州")
SOURCE_PROVINCES = ("浙江省", "河北省", "浙江", "河北")

_FOOTNOTE = re.compile(r"〔\d+〕|\[\d+\]|（见第\d+页）|\(见第\d+页\)")
_NUMBER = re.compile(r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)(?![\d.]|[A-Za-z])")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=年)")


@dataclass(frozen=True)
class Town:
    """A real town with an invented report: its name, its slug and its parents."""

    place: str      # 柳溪镇
    core: str       # 柳溪
    suffix: str     # 镇, 乡 or 街道
    slug: str       # its slug in the official divisions (what townfacts gives the place)
    district: str   # 江平区
    city: str       # 宁州市
    province: str   # 浙江省
    year: int
    speaker: str


@dataclass(frozen=True)
class Block:
    """A (一)-level part of a source report: its heading title and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]
    source_year: int


@dataclass(frozen=True)
class Pool:
    """The recombinable material of all sources."""

    review: tuple[Block, ...]       # results of the past year
    plan: tuple[Block, ...]         # next year's work
    government: tuple[Block, ...]   # 政府自身建设
    review_intro: tuple[tuple[str, int], ...]  # loose paragraphs with figures under a review heading
    plan_intro: tuple[tuple[str, int], ...]


# ---------------------------------------------------------------- sources


def source_files() -> list[Path]:
    """Return the seeds and, when present, the shared corpus reports."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    corpus = sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else []
    return seeds + corpus


def _has_figure(text: str) -> bool:
    return bool(re.search(r"\d", text))


def _clip(text: str, limit: int = 600) -> str:
    """Return text cut at the last sentence end before ``limit`` characters (whole text if shorter)."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in "。；！")
    return text[:cut + 1] if cut > limit // 3 else text[:limit].rstrip("，、；") + "。"


def _strip_number(text: str) -> str:
    """Return a heading or item without its numbering (一、 （二） (三) 4. 5、)."""
    return re.sub(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])\s*",
                  "", text).strip()


def _report_year(clean, sections) -> int:
    """Return the year a source report was given (its date, else its 2023年工作回顾 heading + 1, else 2023)."""
    front = "\n".join(p.text for p in clean.paragraphs[:12])
    match = re.search(r"((?:19|20)\d\d)年\s*\d{1,2}月\s*\d{1,2}日", front)
    if match:
        return int(match[1])
    for section in sections:
        match = re.search(r"((?:19|20)\d\d)年[\u4e00-\u9fff]{0,6}?(回顾|安排|计划)", section.title)
        if section.level == 1 and match:
            return int(match[1]) + (1 if match[2] == "回顾" else 0)
    return 2023


@lru_cache(maxsize=None)
def load_pool(paths: tuple[Path, ...]) -> Pool:
    """Return the blocks and loose paragraphs of the given source reports."""
    from generator.read.sections import build_sections
    from generator.read.normalize import read_text

    review, plan, government, review_intro, plan_intro = [], [], [], [], []
    for path in paths:
        clean = read_text(path)
        sections, paragraphs = build_sections(clean)
        year = _report_year(clean, sections)
        by_id = {s.id: s for s in sections}
        first = next((i for i, p in enumerate(paragraphs) if p.is_heading and by_id[p.section].level == 1), None)
        if first is None:
            continue
        current: Optional[list] = None  # [title, paragraphs, kind]
        blocks = []
        for para in paragraphs[first:]:
            section = by_id.get(para.section) if para.section else None
            text = _FOOTNOTE.sub("", para.text).strip()
            starts = section is not None and para.anchor == section.paragraph
            if starts and section.level <= 2:
                if section.level == 1 and re.search(r"名词解释|附件|附表", section.title):
                    break  # glossaries, appendices and what follows them (scraped site navigation)
                if current:
                    blocks.append(current)
                title = _strip_number(section.title).rstrip("。：:")
                if section.level == 1:
                    top = section
                    # a numbered part heads the (一) blocks under it; a standalone title is a block itself
                    numbered = bool(re.match(r"[一二三四五六七八九十]{1,3}、", text))
                    current = None if numbered else [title, [], section]
                else:
                    current = [title, [], section]
                if para.is_heading:
                    continue
                parts = re.split(r"(?<=[。！？])", text, maxsplit=1)  # a run-in heading: keep what follows it
                text = parts[1].strip() if len(parts) > 1 else ""
            elif starts and para.is_heading:
                continue  # a 1. heading line on its own
            if not text or len(text) < 20:
                continue
            text = _clip(_strip_number(text) if section is not None and section.level == 3 else text)
            if current is not None:
                current[1].append(text)
            elif _has_figure(text) and "自身建设" not in top.title:
                (plan_intro if top.is_plan else review_intro).append((text, year))
        if current:
            blocks.append(current)
        for title, paras, section in blocks:
            paras = [p for p in paras if len(p) >= 20]
            if not paras or len(title) > 40 or len(title) < 4:
                continue
            block = Block(title.rstrip("。：:"), tuple(paras), year)
            parent_title = by_id[section.parent].title if section.parent else section.title
            if "自身建设" in parent_title or "自身建设" in section.title:
                government.append(block)
            elif section.is_plan:
                plan.append(block)
            else:
                review.append(block)
    return Pool(tuple(review), tuple(plan), tuple(government), tuple(review_intro), tuple(plan_intro))


# ---------------------------------------------------------------- names


def make_towns(n: int, seed: int = 0) -> list[Town]:
    """Return n real towns drawn from the official divisions (townfacts resolves places against them), with
    unique names and slugs and their real district, city and province."""
    from generator.read.divisions import _table, named, parents, stem

    rng = random.Random(f"towns/{seed}")
    eligible = []
    for division in _table().by_code.values():
        if len(division.code) != 9 or len(named(division.name)) != 1 or len(stem(division.name)) != 2:
            continue
        if division.name[len(stem(division.name)):] not in ("镇", "乡", "街道"):  # 乌镇: its stem is the whole name
            continue
        above = {p.tier: p.name for p in parents(division)}
        if above.get("county", "")[-1:] in ("区", "县") and above.get("prefecture", "").endswith("市") \
                and above.get("province", "").endswith("省"):
            eligible.append((division, above))
    towns = []
    for division, above in rng.sample(eligible, n):
        core = stem(division.name)
        speaker = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
        towns.append(Town(division.name, core, division.name[len(core):], division.slug, above["county"],
                          above["prefecture"], above["province"], rng.randint(2021, 2024), speaker))
    return towns


# ---------------------------------------------------------------- text transforms


def _rename(text: str, town: Town) -> str:
    """Return text with the sources' place, district, city and province names replaced by the town's."""
    pairs = [(name, town.place if len(name) > 2 and name[-1] in "镇县市" else town.core) for name in SOURCE_PLACES]
    pairs += [(name, town.district if name.endswith("区") else town.district[:-1]) for name in SOURCE_DISTRICTS]
    pairs += [(name, town.city if name.endswith("市") else town.city[:-1]) for name in SOURCE_CITIES]
    pairs += [(name, town.province if name.endswith("省") else town.province[:-1]) for name in SOURCE_PROVINCES]
    pairs.sort(key=lambda p: -len(p[0]))
    pattern = re.compile("|".join(re.escape(a) for a, _ in pairs))
    table = dict(pairs)
    text = pattern.sub(lambda m: table[m.group()], text)
    # a county's wording in a town's report
    return text.replace("全县", "全" + town.suffix[-1]).replace("县域", town.suffix[-1] + "域")


def _shift_years(text: str, source_year: int, year: int) -> str:
    """Return text with years near the source's report year moved to the synthetic report's year."""
    delta = year - source_year

    def shift(match: re.Match) -> str:
        value = int(match.group(1))
        return str(value + delta) if source_year - 5 <= value <= source_year + 1 else match.group(1)

    return _YEAR.sub(shift, text) if delta else text


def _vary_numbers(text: str, rng: random.Random) -> str:
    """Return text with every figure moved by up to ±12 % (same number of decimals); dates, years,
    ordinals and numbers in slogans stay as they are."""

    def vary(match: re.Match) -> str:
        token = match.group(1)
        before = text[max(0, match.start() - 1):match.start()]
        after = text[match.end():match.end() + 3]
        value = float(token)
        if before in ("第", "“", "\"", "-", "—") or re.match(r"\s*(?:年|月|日|号|届|次会议|时|点|:)", after) \
                or after.startswith("”") or value == 0 or (value == 100 and after.startswith("%")):
            return token
        new = value * (1 + rng.uniform(-0.12, 0.12))
        if "." in token:
            decimals = len(token.split(".")[1])
            out = f"{new:.{decimals}f}"
            return out if float(out) > 0 else token
        out = max(1, round(new))
        return str(out)

    return _NUMBER.sub(vary, text)


def _paragraph(text: str, source_year: int, town: Town, rng: random.Random) -> str:
    return _vary_numbers(_shift_years(_rename(text, town), source_year, town.year), rng)


# ---------------------------------------------------------------- reports


def _cn(n: int) -> str:
    """Return 1..99 in Chinese numerals (十八, 二十一)."""
    if n <= 10:
        return CN_NUM[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_NUM[tens - 1]) + "十" + (CN_NUM[ones - 1] if ones else "")


def _header(town: Town, rng: random.Random) -> list[str]:
    """Return the opening lines: title, date and meeting, speaker, salutation."""
    month, day = rng.randint(1, 3), rng.randint(1, 28)
    session, sitting = rng.randint(14, 19), rng.randint(1, 9)
    if town.suffix == "街道":  # no people's congress: a work report headed by the place (like seeds/000)
        return [town.place, f"{town.year}年工作报告", f"{town.place}办事处主任 {town.speaker}",
                "各位代表、同志们："]
    title = {"镇": "镇长", "乡": "乡长"}[town.suffix]
    meeting = f"第{_cn(session)}届人民代表大会第{_cn(sitting)}次会议上"
    if rng.random() < 0.5:  # like seeds/001
        return ["政府工作报告", f"{town.year}年{month}月{day}日在{town.place}", meeting,
                f"{town.place}人民政府{title} {town.speaker}", "各位代表、同志们："]
    return [f"{town.year}年{town.place}政府工作报告", f"——{town.year}年{month}月{day}日在{town.place}{meeting}",
            f"{town.place}人民政府{title} {town.speaker}", "各位代表："]


def _summary(town: Town, rng: random.Random) -> str:
    """Return a generated opening paragraph of results (names the town's district and city, many figures)."""
    r = rng.uniform
    return (f"过去一年，在{town.city}委市政府、{town.district}委{town.district[-1]}政府的坚强领导下，"
            f"{town.district}{town.place}紧紧围绕高质量发展主题，各项工作取得明显成效。全年完成地区生产总值"
            f"{r(20, 200):.1f}亿元，同比增长{r(3, 12):.1f}%；财政总收入{r(2, 30):.2f}亿元，增长{r(1, 15):.1f}%；"
            f"规上工业增加值{r(5, 60):.1f}亿元，增长{r(2, 14):.1f}%；固定资产投资{r(10, 90):.1f}亿元，"
            f"增长{r(1, 20):.1f}%；农村居民人均可支配收入{rng.randint(21000, 46000)}元，增长{r(5, 9):.1f}%。")


def _targets(town: Town, rng: random.Random) -> str:
    """Return a generated paragraph of next year's main targets."""
    r = rng.uniform
    return (f"{town.year}年全{town.suffix[-1]}经济社会发展的主要预期目标是：地区生产总值增长{r(5, 8):.1f}%左右；"
            f"财政总收入增长{r(4, 9):.0f}%；固定资产投资增长{r(6, 15):.0f}%；规上工业增加值增长{r(5, 10):.0f}%；"
            f"城乡居民人均可支配收入分别增长{r(5, 7):.1f}%和{r(6, 8):.1f}%。")


def _blocks(blocks: tuple[Block, ...], count: int, rng: random.Random, town: Town, start: int = 1) -> list[str]:
    """Return ``count`` blocks as （一） headings and 1–3 of their paragraphs each."""
    lines = []
    for i, block in enumerate(rng.sample(blocks, min(count, len(blocks))), start):
        lines.append(f"（{_cn(i)}）{_rename(block.title, town)}")
        keep = sorted(rng.sample(range(len(block.paragraphs)), min(len(block.paragraphs), rng.randint(1, 3))))
        lines += [_paragraph(block.paragraphs[k], block.source_year, town, rng) for k in keep]
    return lines


def make_report(town: Town, pool: Pool, rng: random.Random) -> str:
    """Return the text of one synthetic report for ``town``."""
    lines = _header(town, rng)
    lines.append(f"现在，我代表{town.place}人民政府向大会报告工作，请予审议，并请各位列席人员提出意见。")
    lines.append(f"一、{town.year - 1}年工作回顾" if rng.random() < 0.7 else "一、过去一年工作回顾")
    lines.append(_summary(town, rng))
    if pool.review_intro:
        text, year = rng.choice(pool.review_intro)
        lines.append(_paragraph(text, year, town, rng))
    lines += _blocks(pool.review, rng.randint(3, 5), rng, town)
    lines.append(f"二、{town.year}年工作安排" if rng.random() < 0.6 else f"二、{town.year}年工作计划")
    lines.append(_targets(town, rng))
    if pool.plan_intro and rng.random() < 0.5:
        text, year = rng.choice(pool.plan_intro)
        lines.append(_paragraph(text, year, town, rng))
    lines += _blocks(pool.plan, rng.randint(2, 4), rng, town)
    if pool.government and rng.random() < 0.6:
        lines.append("三、全面加强政府自身建设")
        lines += _blocks(pool.government, rng.randint(1, 2), rng, town)
    lines.append(f"各位代表，新的一年，让我们在{town.district}委{town.district[-1]}政府和镇党委的坚强领导下，"
                 f"团结拼搏、实干争先，为建设更加美好的{town.place}而努力奋斗！")
    return "\n\n".join(lines) + "\n"


def make_corpus(out_dir, n: int, seed: int = 0) -> list[Path]:
    """Write n synthetic reports into out_dir (created if needed); return their paths, sorted."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pool = load_pool(tuple(source_files()))
    if not pool.review or not pool.plan:
        raise RuntimeError("the source reports give no (一)-level parts to recombine")
    paths = []
    for i, town in enumerate(make_towns(n, seed)):
        rng = random.Random(f"report/{seed}/{i}/{town.slug}")
        path = out / f"{i:04d}_{town.slug}.txt"
        path.write_text(make_report(town, pool, rng), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = make_corpus(args.out_dir, args.n, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} reports ({size / 1024:.0f} KiB) into {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
