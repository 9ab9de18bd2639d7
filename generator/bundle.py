"""The offline bundle: a separate build of the site that works from file:// with no network, zipped.

Same docs/ as the public site, a separate site folder (build/offline-site/), and config overrides
applied at load time — mkdocs.yml itself is not changed:

- Material's `offline` plugin, placed AFTER `i18n` (before it, the offline search index holds one
  language only); it forces `use_directory_urls: false`, so we set that too;
- `extra.polyfills` → our vendored copy of iframe-worker's shim (generator/data/vendor/), so the
  offline plugin does not inject `https://unpkg.com/iframe-worker/shim` (without the shim, search
  cannot start its web worker under file:// and Material hides the search box);
- after MkDocs: the `<link rel="alternate" hreflang>` tags are dropped from the pages' heads. They
  are for search engines; Material fetches `<alternate>/sitemap.xml` for each of them, which under
  file:// is a CORS error in the console for every page (the language switch uses the header's own
  links, which stay);
- every language's split index (`<lang>/search/search_index.json`, written by our plugin)
  gets its `search_index.js` form (`var __index = …`), the one Material loads under file://. The
  offline plugin writes only the combined root one, and before our plugin splits the index.

Fonts are already off (`theme.font: false`), vega-embed is served by the site itself and chart specs
are inlined in the pages, so nothing else needs a network.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from generator.build import build_site
from generator.datafiles import data_path
from generator.errors import ReportError, TownfactsError
from generator.mkdocs import compat
from generator.model import Report
from generator.pages.render import LANGS
from generator.site.run import MARKER
from generator.support.timings import Progress, Timings

VENDOR_DIR = data_path("vendor")
SHIM = VENDOR_DIR / "iframe-worker-shim.js"
SHIM_URL = "assets/vendor/iframe-worker-shim.js"  # in the site; the name must contain "iframe-worker"
OFFLINE_SITE = Path("build/offline-site")
ZIP_PREFIX = "townfacts-offline"
INDEX_JSON = Path("search/search_index.json")
INDEX_JS = Path("search/search_index.js")
SKIP_IN_ZIP = (".map", MARKER)  # source maps: only devtools ask for them; the marker is for `build`
_HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


@dataclass(frozen=True)
class BundleResult:
    """What a bundle build did: the zip, its size, the site folder, reports, errors, time per stage."""

    zip_path: Path
    zip_bytes: int
    site_dir: Path
    reports: tuple[Report, ...]
    errors: tuple[ReportError, ...]
    timings: dict[str, float]


def bundle_date(environ: Optional[dict] = None) -> dt.date:
    """Return the bundle's date: SOURCE_DATE_EPOCH (UTC) when set, else today."""
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError) as err:
            raise TownfactsError(f"SOURCE_DATE_EPOCH={epoch!r}: not a Unix time in seconds") from err
    return dt.date.today()


def zip_name(date: dt.date) -> str:
    """Return the zip's file name, e.g. townfacts-offline-2025-01-31.zip."""
    return f"{ZIP_PREFIX}-{date.isoformat()}.zip"


def _plugin_name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def offline_plugins(plugins: Sequence) -> list:
    """Return mkdocs.yml's `plugins:` list with Material's `offline` plugin right after `i18n`."""
    names = [_plugin_name(p) for p in plugins]
    if "i18n" not in names:
        raise TownfactsError("mkdocs.yml: the offline bundle needs the i18n plugin in `plugins:`")
    out = [p for p in plugins if _plugin_name(p) not in ("offline", "material/offline")]
    at = [_plugin_name(p) for p in out].index("i18n") + 1
    return out[:at] + ["offline"] + out[at:]


def offline_overrides(config_file: Path, site_dir: Path, strict: bool) -> dict:
    """Return the load-time overrides of mkdocs.yml for the offline build."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=get_yaml_loader()) or {}
    return {
        "strict": strict,
        "site_dir": str(site_dir.resolve()),
        "use_directory_urls": False,
        "plugins": offline_plugins(raw.get("plugins") or []),
    }


def write_offline_indexes(site_dir: Path) -> dict[str, int]:
    """Write `search_index.js` next to every language's `search_index.json`; return bytes per folder."""
    written = {}
    for path in sorted(site_dir.glob(f"**/{INDEX_JSON}")):
        folder = path.parent.parent
        data = path.read_text(encoding="utf-8")
        (folder / INDEX_JS).write_text(f"var __index = {data}", encoding="utf-8")
        written[folder.relative_to(site_dir).as_posix().replace(".", "")] = len(data.encode("utf-8"))
    return written


def drop_head_alternates(site_dir: Path) -> int:
    """Remove `<link rel="alternate" hreflang>` from every page's head; return pages changed."""
    changed = 0
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        head, sep, body = html.partition("</head>")
        if not sep:
            continue
        new_head = _HEAD_ALTERNATE.sub("", head)
        if new_head != head:
            path.write_text(new_head + sep + body, encoding="utf-8")
            changed += 1
    return changed


def copy_vendor(site_dir: Path) -> Path:
    """Copy the vendored iframe-worker shim into the offline site."""
    target = site_dir / SHIM_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, target)
    return target


def load_offline_config(config_file: Path, site_dir: Path, strict: bool):
    """Return mkdocs.yml loaded with the offline overrides and the vendored shim as polyfill."""
    from mkdocs.config import load_config

    if not SHIM.is_file():
        raise TownfactsError(f"{SHIM}: the vendored iframe-worker shim is missing")
    config = load_config(str(config_file), **offline_overrides(config_file, site_dir, strict))
    compat.set_polyfills(config, [SHIM_URL])
    return config


def make_file_ready(site_dir: Path) -> None:
    """Make a built site work from file://: the shim, no head alternates, `search_index.js` per language."""
    copy_vendor(site_dir)
    drop_head_alternates(site_dir)
    write_offline_indexes(site_dir)


def write_zip(site_dir: Path, zip_path: Path, folder: str, date: dt.date) -> int:
    """Zip the site under one top folder (sorted, fixed timestamps: reproducible); return its size."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    stamp = max(date, dt.date(1980, 1, 1)).timetuple()[:3] + (0, 0, 0)
    tmp = zip_path.with_name(zip_path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            if path.name.endswith(SKIP_IN_ZIP):
                continue
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(zip_path)
    return zip_path.stat().st_size


def check_zip_path(zip_path: Path) -> None:
    """Return if the zip can be written there (its folder a folder, its name free or a file); else raise."""
    for path in (zip_path.parent, *zip_path.parent.parents):
        if path.exists() and not path.is_dir():
            raise TownfactsError(f"{path}: is a file, not a folder for the bundle's zip (--out)")
    if zip_path.is_symlink() or (zip_path.exists() and not zip_path.is_file()):
        raise TownfactsError(f"{zip_path}: is not a file the bundle wrote; remove it or choose another --out")


def bundle_site(seeds_dir: Path = Path("seeds"), out_dir: Path = Path("dist"),
                config_file: Path = Path("mkdocs.yml"), strict: bool = False,
                progress: Progress = print, site_dir: Optional[Path] = None) -> BundleResult:
    """Build the offline site from the reports in seeds_dir and zip it into out_dir; return what happened."""
    config_file = config_file.resolve()
    site_dir = (site_dir or config_file.parent / OFFLINE_SITE).resolve()
    date = bundle_date()
    name = zip_name(date)
    check_zip_path(out_dir / name)
    config = load_offline_config(config_file, site_dir, strict)
    # the same docs/ as the public build (citations name the public site_url)
    built = build_site(seeds_dir, site_dir, config_file, strict, progress, config=config, finish=make_file_ready)
    timings = Timings(dict(built.timings))
    with timings.stage("zip"):
        size = write_zip(site_dir, out_dir / name, name.removesuffix(".zip"), date)
    zip_path = out_dir / name
    progress(f"Bundled {len(built.reports)} reports ({len(LANGS)} languages) into {zip_path} "
             f"({size / 1e6:.1f} MB); unzip it and open {name.removesuffix('.zip')}/index.html")
    for line in timings.report():
        progress(line)
    return BundleResult(zip_path, size, site_dir, built.reports, built.errors, dict(timings.seconds))
