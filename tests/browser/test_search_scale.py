"""Search at N = 500 synthetic towns (issue 18): a Chinese and an English query find the right town first,
and the first query fetches little (with Pagefind, `npm ci`: at most 1 MB; Material's search fetches the
whole index, ~20 MB here).

One build of 500 synthetic reports (benchmarks/synthetic.py, seed 0) in a copy of the project, served
under a base path it was not told (/site/), like the public site.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from projectcopy import copy_project
from test_site_browser import search

from generator.mkdocs import pagefind

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
import search_bytes  # noqa: E402
import synthetic  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

N = 500
PICKS = (17, 250, 444)  # towns searched for (indexes into the corpus)
LIMIT = 1_000_000


@pytest.fixture(scope="module")
def big_site(tmp_path_factory, browser):
    """Build the site of N synthetic towns once; return (site folder, [(place, place_en, slug)] of PICKS)."""
    work = tmp_path_factory.mktemp("scale")
    (work / "project").mkdir()
    project = copy_project(work / "project", seeds=False)
    paths = synthetic.make_corpus(project / "seeds", N, seed=0)
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(work / "site")], cwd=project,
                          capture_output=True, text=True, timeout=1800, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert done.returncode == 0, done.stderr[-3000:]
    towns = []
    for i in PICKS:
        meta = json.loads((work / "site" / "data" / report_slug(work / "site", paths[i]) / "facts.json")
                          .read_text(encoding="utf-8"))["meta"]
        towns.append((meta["place"], meta["place_en"], meta["slug"]))
    return work / "site", towns


def report_slug(site: Path, path: Path) -> str:
    """Return the slug of the report made from a synthetic file (its data folder names the source file)."""
    for facts in (site / "data").glob("**/facts.json"):
        meta = json.loads(facts.read_text(encoding="utf-8")).get("meta", {})
        if meta.get("source", "").endswith(path.name):
            return meta["slug"]
    raise AssertionError(f"no data/…/facts.json for {path.name}")


@dataclass
class BigTab:
    """A tab on the big site served at `base` (what test_site_browser.search needs of a tab)."""

    page: object
    base: str
    requests: list = field(default_factory=list)

    @property
    def target(self):
        return self

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path, wait_until="load")

    def path_of(self, url: str) -> str:
        """Return a result's URL as a path in the site ('towns/x/2021/'), without query or anchor."""
        assert url.startswith(self.base), url
        return urlsplit(url).path[len(urlsplit(self.base).path):]


@pytest.fixture(scope="module")
def big_tab(big_site, browser):
    """A browser tab on the big site, served under /site/."""
    site, _ = big_site
    httpd, base = search_bytes.serve(site)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = BigTab(context.new_page(), base)
    tab.page.set_default_timeout(120_000)
    context.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("pick", range(len(PICKS)))
def test_a_chinese_and_an_english_query_find_the_town_first(big_site, big_tab, pick):
    place, place_en, slug = big_site[1][pick]
    for home, query in (("", f"{place} 地区生产总值"), ("en/", f"{place_en} GDP")):
        big_tab.goto(home)
        results = search(big_tab, query)
        assert results, query
        # the town's fact sheet or its place page (towns/<place>/, which lists its reports)
        assert results[0]["path"].removeprefix("en/").startswith(f"towns/{slug.split('/')[0]}/"), (query, results[:3])
    assert all(u.startswith(("http://127.0.0.1", "data:", "blob:")) for u in big_tab.requests)


def test_the_first_query_fetches_at_most_1_mb_per_language(big_site, browser):
    """Counted by benchmarks/search_bytes.py: every search response from opening the home page to the results."""
    if not pagefind.wanted("auto", offline=False):
        if os.environ.get("TOWNFACTS_BROWSER_REQUIRED") == "1":
            pytest.fail("Pagefind is not installed (npm ci): the hosted site's search loads its whole index")
        pytest.skip("Pagefind is not installed (npm ci): Material's search loads the whole index")
    site, towns = big_site
    place, place_en, _ = towns[0]
    measured = search_bytes.first_query_bytes(site, [("zh", f"{place} 地区生产总值"), ("en", f"{place_en} GDP")],
                                              browser=browser)
    for lang, result in measured.items():
        assert result["results"] > 0, (lang, result)
        assert result["bytes"] <= LIMIT, (lang, result)
