"""The places a site's towns lie in (province → city → county) and their index pages, which list every
town; each town's own pages only link to its parents and siblings (see nav.py and the plugin)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Sequence

from generator.english.names import place_en
from generator.model import Report
from generator.pages.places import place_slug
from generator.pages.render import LANGS, SitePages, page_name, ui

REGIONS_DIR = "regions"
PAGE_SIZE = 60  # towns per index page: a county with more gets page-2, page-3 …


@dataclass(frozen=True)
class Town:
    """One entry of a region's list: a place (its page, its reports by year) or an unresolved report."""

    key: str  # the folder under towns/
    zh: str
    en: str
    years: tuple[tuple[str, str], ...]  # (year label, the report's folder under towns/), newest first


@dataclass
class Region:
    """A province, city or county: its names, its folder under regions/, its sub-regions and own towns."""

    zh: str
    en: str
    path: str
    children: dict[str, "Region"] = field(default_factory=dict)
    towns: list[Town] = field(default_factory=list)

    def count(self) -> int:
        """Return the number of towns in this region and all below it."""
        return len(self.towns) + sum(child.count() for child in self.children.values())

    def pages(self) -> int:
        """Return how many index pages list this region's own towns (at least one)."""
        return max(1, -(-len(self.towns) // PAGE_SIZE))


def regions_of(report: Report) -> list[tuple[str, str]]:
    """Return the (zh, en) names of the official parents a report's place lies in, province first
    (浙江省, 湖州市, 吴兴区), or the "other places" group when none is known."""
    m = report.meta
    path = [(zh, en or place_en(zh)) for zh, en in ((m.province, m.province_en), (m.city, m.city_en),
                                                     (m.district, m.district_en)) if zh and zh != m.place]
    return path or [(ui("other_region", "zh"), ui("other_region", "en"))]


def slugify(name: str) -> str:
    """Return a folder name from an English name (Wuxing District → wuxing-district)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "region"


def _child(node: Region, zh: str, en: str) -> Region:
    """Return node's sub-region named zh, added with a folder name unique among its siblings."""
    if zh not in node.children:
        taken = {c.path.rsplit("/", 1)[-1] for c in node.children.values()}
        slug, n = slugify(en), 2
        while (slug if n == 2 else f"{slug}-{n - 1}") in taken:
            n += 1
        node.children[zh] = Region(zh, en, f"{node.path}/{slug if n == 2 else f'{slug}-{n - 1}'}")
    return node.children[zh]


def town_entries(reports: Sequence[Report]) -> list[tuple[Report, Town]]:
    """Return one entry per resolved place (its reports' years, newest first) or per unresolved report,
    in the reports' order, each with its first report."""
    groups: dict[str, list[Report]] = {}
    for report in reports:
        groups.setdefault(place_slug(report) or report.meta.slug, []).append(report)
    out = []
    for key, group in groups.items():
        m = group[0].meta
        group = sorted(group, key=lambda r: (r.meta.year or 0, r.meta.date or "", r.meta.slug), reverse=True)
        years = tuple((str(r.meta.year or r.meta.slug.rpartition("/")[2]), r.meta.slug) for r in group)
        label = m.place if place_slug(group[0]) or not m.year else f"{m.place} {m.year}"
        label_en = m.place_en or m.slug
        out.append((group[0], Town(key, label, label_en if label == m.place else f"{label_en} {m.year}", years)))
    return out


def region_tree(reports: Sequence[Report]) -> Region:
    """Return the root (all towns) of the tree of regions holding the reports' places."""
    root = Region(ui("towns", "zh"), ui("towns", "en"), REGIONS_DIR)
    for report, town in town_entries(reports):
        node = root
        for zh, en in regions_of(report):
            node = _child(node, zh, en)
        node.towns.append(town)
    return root


def walk(node: Region, parents: tuple[Region, ...] = ()):
    """Yield (region, its parents from the root) for the region and every one below it."""
    yield node, parents
    for child in node.children.values():
        yield from walk(child, parents + (node,))


def page_file(region: Region, page: int, lang: str) -> str:
    """Return the docs/ path of a region's index page (page 1 is index.md)."""
    return f"{region.path}/{page_name('index' if page == 1 else f'page-{page}', lang)}"


def _up(region: Region) -> str:
    """Return the relative path from a region's folder to the docs/ root."""
    return "../" * region.path.count("/") + "../"


def _name(region: Region, lang: str) -> str:
    """Return the region's name in the page's language."""
    return region.en if lang == "en" else region.zh


def render_region_page(region: Region, parents: tuple[Region, ...], page: int, lang: str) -> str:
    """Return one index page of a region as Markdown: its parents, its sub-regions with their number of
    towns, and one page of its own towns with a link to each year's fact sheet."""
    depth = len(parents)
    crumbs = [f"[{_name(p, lang)}]({'../' * (depth - i)}index.md)" for i, p in enumerate(parents)]
    title = _name(region, lang) + (f" ({ui('region_page', lang, page=page, pages=region.pages())})" if page > 1 else "")
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", "", f"# {title}", ""]
    if crumbs:
        lines += [" › ".join(crumbs + [_name(region, lang)]), ""]
    if region.children:
        lines += [f"## {ui('region_areas', lang)}", ""]
        lines += [f"- [{_name(c, lang)}]({c.path.rsplit('/', 1)[1]}/index.md) · "
                  f"{ui('region_count', lang, count=c.count())}" for c in region.children.values()]
        lines.append("")
    towns = region.towns[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    if towns:
        up = _up(region)
        lines += [f"## {ui('towns', lang)}", "", f"| {ui('towns', lang)} | {ui('year', lang)} |", "|---|---|"]
        for town in towns:
            name = town.en if lang == "en" else town.zh
            years = " · ".join(y if slug == town.key else f"[{y}]({up}towns/{slug}/index.md)" for y, slug in town.years)
            lines.append(f"| [{name}]({up}towns/{town.key}/index.md) | {years} |")
        lines.append("")
    if region.pages() > 1:
        links = [str(n) if n == page else f"[{n}]({page_file(region, n, 'zh').rsplit('/', 1)[1]})"
                 for n in range(1, region.pages() + 1)]
        lines += [f"{ui('region_pages', lang)}: " + " · ".join(links), ""]
    return "\n".join(lines)


def render_region_pages(reports: Sequence[Report]) -> SitePages:
    """Return every region's index pages in both languages (docs/regions/…)."""
    pages = {}
    for region, parents in walk(region_tree(reports)):
        for page in range(1, region.pages() + 1):
            for lang in LANGS:
                pages[page_file(region, page, lang)] = render_region_page(region, parents, page, lang)
    return SitePages(pages, {})
