"""One search index per language, so a search on an English page returns English pages.

mkdocs-static-i18n writes one combined index at `search/search_index.json`; Material loads
`<base>/search/search_index.json`. We split the combined index by language folder and point each
language's pages at their own index by giving them that folder as their search base
(`compat.point_search_base`).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

INDEX = Path("search/search_index.json")


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
        folder: {**index, "config": {**index.get("config", {}), "lang": [folder or default_locale]}, "docs": docs}
        for folder, docs in parts.items()
    }


def write_split_index(site_dir: Path, locales: Sequence[str], default_locale: str = "zh") -> dict[str, int]:
    """Split the site's combined search index per language; return entries per language folder."""
    path = site_dir / INDEX
    if not path.is_file():
        return {}
    combined = json.loads(path.read_text(encoding="utf-8"))
    counts = {}
    for folder, index in split_index(combined, locales, default_locale).items():
        target = site_dir / folder / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False), encoding="utf-8")
        counts[folder] = len(index["docs"])
    return counts
