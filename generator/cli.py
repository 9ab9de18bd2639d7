"""The `townfacts` command: a thin layer that parses options and calls one library function."""
from __future__ import annotations

import argparse
import logging
import sys
import unicodedata
from pathlib import Path
from typing import Optional, Sequence

from generator import __version__
from generator.errors import TownfactsError


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser with one sub-parser per command."""
    parser = argparse.ArgumentParser(
        prog="townfacts",
        description="Turn Chinese town government reports into a bilingual static site of fact sheets.",
    )
    parser.add_argument("--version", action="version", version=f"townfacts {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' log and full tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add_parser in (_build_parser, _facts_parser, _serve_parser, _translate_parser, _bundle_parser):
        add_parser(sub)
    return parser


def _seeds_option(parser: argparse.ArgumentParser) -> None:
    """Add --seeds, the folder of reports."""
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of reports (default: seeds)")


def _config_option(parser: argparse.ArgumentParser) -> None:
    """Add --config, the MkDocs config file."""
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")


def _build_parser(sub) -> None:
    """Add the `build` command and its options."""
    build = sub.add_parser("build", help="extract every report and build the site",
                           description="Normalize and extract every report in --seeds, render the pages "
                                       "into docs/, run MkDocs and write the site to --out.")
    _seeds_option(build)
    build.add_argument("--out", type=Path, default=None, help="site folder (default: site_dir of mkdocs.yml, site/)")
    _config_option(build)
    build.add_argument("--strict", action="store_true",
                       help="fail on any MkDocs warning or untranslated English segment")
    build.add_argument("--fail-fast", action="store_true",
                       help="stop at the first report that cannot be read (default: keep going, build the "
                            "others, exit with status 1)")
    build.add_argument("--force", action="store_true",
                       help="run MkDocs even when the site already holds the build of these pages")


def _facts_parser(sub) -> None:
    """Add the `facts` command and its options."""
    facts = sub.add_parser("facts", help="print one report's facts as JSON",
                           description="Print one report as JSON on stdout (the townfacts.report/1 contract).")
    facts.add_argument("path", type=Path, help="a report file, e.g. seeds/001_56a725257718ee95.txt")


def _serve_parser(sub) -> None:
    """Add the `serve` command and its options."""
    serve = sub.add_parser("serve", help="live preview; editing a report regenerates its pages",
                           description="Serve the site with live reload (MkDocs' dev server); the reports "
                                       "folder is watched too.")
    _config_option(serve)
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="IP:port to serve on (default: 127.0.0.1:8000)")


def _translate_parser(sub) -> None:
    """Add the `translate` command and its options."""
    translate = sub.add_parser("translate", help="fill the translation memory online (deep-translator)",
                               description="Translate the prose segments that have no English in the "
                                           "translation memory with an online service and add them as machine "
                                           "entries. API keys come from LIBRETRANSLATE_API_KEY / DEEPL_API_KEY.")
    _seeds_option(translate)
    translate.add_argument("--provider", choices=("google", "mymemory", "libre", "deepl"), default="libre",
                           help="translation service (default: libre)")
    translate.add_argument("--base-url", default=None, help="service URL, e.g. a LibreTranslate server")
    translate.add_argument("--memory", type=Path, default=None,
                           help="translation memory file (default: translations/zh-en.yaml)")


def _bundle_parser(sub) -> None:
    """Add the `bundle` command and its options."""
    bundle = sub.add_parser("bundle", help="build the offline site and zip it",
                            description="Build a separate offline site (file://, no network) and write it "
                                        "as one zip, dist/townfacts-offline-<date>.zip.")
    _seeds_option(bundle)
    bundle.add_argument("--out", type=Path, default=Path("dist"), help="folder for the zip (default: dist)")
    _config_option(bundle)
    bundle.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")


def one_line(text: str) -> str:
    """Return text with line breaks and other control characters escaped (a file name may hold a newline:
    one message stays one line)."""
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in ("Cc", "Zl", "Zp")
                   and ch != "\t" else ch for ch in text)


def _progress(message: str) -> None:
    """Print a progress line to stderr, keeping stdout for data."""
    print(one_line(message), file=sys.stderr, flush=True)


class _OneLineFormatter(logging.Formatter):
    """Our log lines, one line each whatever file names they hold (a traceback, under --verbose, follows)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return one_line(super().formatMessage(record))


def _setup_logging(verbose: bool) -> None:
    """Show MkDocs' warnings always and its info lines with --verbose, ours one line each."""
    for name in ("mkdocs", "townfacts"):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter((_OneLineFormatter if name == "townfacts" else logging.Formatter)(
            "%(levelname)-7s -  %(message)s"))
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO if verbose else logging.WARNING)
        logger.propagate = False


def cmd_build(args: argparse.Namespace) -> int:
    from generator.build import build_site

    result = build_site(args.seeds, args.out, args.config, strict=args.strict, progress=_progress,
                        fail_fast=args.fail_fast, force=args.force)
    return 1 if result.errors else 0


def cmd_facts(args: argparse.Namespace) -> int:
    from generator.errors import ReportError
    from generator.pages.export import report_json
    from generator.site.reports import read_report

    report = read_report(args.path)
    try:
        text = report_json(report)
    except ValueError as err:  # a number JSON cannot hold: never print invalid JSON
        raise ReportError(str(args.path), f"while exporting: {err}") from err
    sys.stdout.write(text)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=str(args.config), dev_addr=args.dev_addr, livereload=True)
    return 0


def cmd_translate(args: argparse.Namespace) -> int:
    from generator.english.memory import MEMORY_PATH
    from generator.translate import translate_reports

    result = translate_reports(args.seeds, args.memory or MEMORY_PATH, args.provider, args.base_url)
    _progress(f"Translated {len(result.translated)} segments, {len(result.failed)} failed"
              + (f"; stopped: {result.stopped_reason}" if result.stopped_reason else ""))
    return 1 if result.failed or result.stopped_reason else 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from generator.bundle import bundle_site

    result = bundle_site(args.seeds, args.out, args.config, strict=args.strict, progress=_progress)
    return 1 if result.errors else 0


COMMANDS = {"build": cmd_build, "bundle": cmd_bundle, "facts": cmd_facts, "serve": cmd_serve, "translate": cmd_translate}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    _setup_logging(args.verbose)
    try:
        return COMMANDS[args.command](args)
    except TownfactsError as err:
        if args.verbose:
            raise
        _progress(f"Error: {err}")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # anything unexpected: one line, the traceback with --verbose
        if args.verbose:
            raise
        _progress(f"Error: {type(err).__name__}: {err} (run with --verbose for the traceback)")
        return 1
