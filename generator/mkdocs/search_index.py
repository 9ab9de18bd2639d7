"""One search index per language, so a search on an English page returns English pages.

mkdocs-static-i18n writes one combined index at `search/search_index.json`; Material loads
`<base>/search/search_index.json`. We split the combined index by language folder and point each
language's pages at their own index by giving them that folder as their search base
(`compat.point_search_base`).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping, Optional, Sequence

INDEX = Path("search/search_index.json")
Entries = Mapping[str, Mapping[str, list]]  # language → {page path 'towns/<slug>/': entries with an `anchor`}


def split_index(index: dict, locales: Sequence[str], default_locale: str = "zh") -> dict[str, dict]:
    """Return {language folder ('' for the default): index} with locations relative to that folder.

    Each part gets lunr's language of its own pages only: with the combined `[en, zh]` setting
    English words failed to match (e.g. "investment"), with `en` alone they match.
    """
    parts: dict[str, list] = {"": []}
    parts.update({locale: [] for locale in locales})
    for doc in index.get("docs", []):
        folder = next((loc for loc in locales if doc["location"].startswith(f"{loc}/") or doc["location"] == loc), "")
        entry = dict(doc)
        if folder:
            entry["location"] = doc["location"][len(folder):].lstrip("/")
        parts[folder].append(entry)
    return {
        folder: {**index, "config": language_config(index.get("config", {}), folder or default_locale), "docs": docs}
        for folder, docs in parts.items()
    }


ASCII_PUNCTUATION = r",;:!?()\[\]{}\"'<>/"  # separators in English text ("." stays: 18.1, 3.5%)


def language_config(config: dict, lang: str) -> dict:
    """Return the index settings for one language's part.

    English words are split at ASCII punctuation instead of trimmed of it: lunr's English trimmer cuts
    everything but [A-Za-z0-9_] from a word's ends, so "181亿元" was indexed as "181" while the query
    stays "181亿元" (Material's query pipeline has no trimmer) and found nothing.
    """
    out = {**config, "lang": [lang]}
    separator = config.get("separator", "")
    if lang == "en" and separator.endswith("]+"):
        out["separator"] = separator[:-2] + ASCII_PUNCTUATION + "]+"
        out["pipeline"] = [step for step in config.get("pipeline", []) if step != "trimmer"]
    return out


def add_entries(docs: list[dict], entries: Mapping[str, list]) -> list[dict]:
    """Return the docs with each page's extra entries right after the page's own (so Material groups them
    under it), located at `<page>#<anchor>`. A page is found at its directory URL or its index.html."""
    out = []
    for doc in docs:
        out.append(doc)
        location = doc["location"]
        page = location[: -len("index.html")] if location.endswith("index.html") else location
        if "#" not in location and page in entries:
            out.extend({"location": f"{location}#{e['anchor']}", "title": e["title"], "text": e["text"],
                        "tags": list(e["tags"])} for e in entries[page])
    return out


def write_split_index(site_dir: Path, locales: Sequence[str], default_locale: str = "zh",
                      entries: Optional[Entries] = None) -> dict[str, int]:
    """Split the site's combined search index per language, each with its extra entries; return entries per folder."""
    path = site_dir / INDEX
    if not path.is_file():
        return {}
    combined = json.loads(path.read_text(encoding="utf-8"))
    counts = {}
    for folder, index in split_index(combined, locales, default_locale).items():
        extra = (entries or {}).get(folder or default_locale)
        if extra:
            index["docs"] = add_entries(index["docs"], extra)
        target = site_dir / folder / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False), encoding="utf-8")
        counts[folder] = len(index["docs"])
    return counts
