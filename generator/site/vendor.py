"""The Vega / Vega-Lite / vega-embed bundle the site serves itself (no CDN), vendored in the package.

It is vl-convert's `javascript_bundle` for the Vega-Lite version Altair emits, committed as
`generator/data/vendor/vega-bundle.js` (Vega, Vega-Lite and vega-embed are BSD-3-Clause): generating it
took 2.6 s of every cold build. After upgrading Altair or vl-convert, regenerate it with
`python -m generator.site.vendor` (needs `pip install -e '.[test]'`); a test checks it matches.
"""
from __future__ import annotations

from generator.datafiles import data_path
from generator.pages.charts import VEGA_LITE_VERSION

VEGA_BUNDLE = data_path("vendor") / "vega-bundle.js"


def vega_bundle_from_vl_convert() -> str:
    """Return the bundle as the installed vl-convert makes it for the pinned Vega-Lite version."""
    import vl_convert

    return vl_convert.javascript_bundle(vl_version=VEGA_LITE_VERSION)


def main() -> None:
    VEGA_BUNDLE.write_text(vega_bundle_from_vl_convert(), encoding="utf-8")
    print(f"wrote {VEGA_BUNDLE} (Vega-Lite {VEGA_LITE_VERSION})")


if __name__ == "__main__":
    main()
