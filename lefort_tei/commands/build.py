"""``lefort-tei build``: every text in a folder → TEI (validated), PDFs, the web edition, a corpus index.

In: a folder of ``.txt`` texts (each with its optional ``.toml`` data file) and options. Out: the
files (through ``corpus.build_corpus``), our schemas in ``schemas/`` beside the TEI folder (the TEI
links to them), progress on a terminal, diagnostics, a summary line and
the exit code: 0 ok, 1 a text failed (the others are still built), 2 bad usage, 3 a tool failed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from ..cli import print_diagnostics
from ..corpus import BuildOptions, CorpusReport, TextResult, build_corpus, list_texts
from ..diagnostics import InputError, error
from ..resources import publish_schemas

HELP = "build the whole edition: seeds/*.txt → tei/*.xml (validated), web edition and PDF"
EXAMPLES = """\
A text that fails is reported with its diagnostics and the others are still built; the exit
code is then 1. A TEI file is only replaced by a new one that is complete and valid. Texts whose
source, data file and toolkit are unchanged are not rebuilt (tei/.lefort-build.sqlite records the
content hashes); --force rebuilds everything. A text that failed is tried again on every build.
The outputs of texts removed from the folder are deleted (--keep-removed keeps them).

examples:
  lefort-tei build                       # seeds/ → tei/ → build/site/ (with PDFs)
  lefort-tei build corpus/ --tei-dir corpus-tei/ --site-dir public/ -j 4
  lefort-tei build corpus/ --no-pdf --quiet   # in CI: TEI and HTML only, errors only
  lefort-tei build corpus/ --dask local -j 4  # on a Dask cluster on this machine
  lefort-tei build corpus/ --dask tcp://10.0.0.5:8786   # on an existing Dask cluster"""

DEFAULT_PDF_LIMIT = 50


def register(parser) -> None:
    parser.add_argument("seeds", nargs="?", default="seeds", metavar="DIR",
                        help="folder of .txt texts (default: seeds)")
    parser.add_argument("--tei-dir", default="tei", help="where the TEI files go (default: tei)")
    parser.add_argument("--site-dir", default="build/site",
                        help="where the web edition and PDFs go (default: build/site)")
    parser.add_argument("-j", "--jobs", type=_jobs, default=default_jobs(),
                        help=f"worker processes (default: the number of cores, here {default_jobs()})")
    parser.add_argument("--no-site", action="store_true", help="TEI only: no web edition")
    parser.add_argument("--no-pdf", action="store_true", help="no PDFs")
    parser.add_argument("--pdf-limit", type=int, default=DEFAULT_PDF_LIMIT, metavar="N",
                        help=f"make PDFs only when the corpus has at most N texts (default {DEFAULT_PDF_LIMIT})")
    parser.add_argument("--force", action="store_true", help="rebuild every text, even unchanged ones")
    parser.add_argument("--keep-removed", action="store_true",
                        help="keep the outputs of texts no longer in the folder (default: deleted)")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="build on a Dask cluster: a scheduler's address (tcp://host:8786), or 'local' "
                             "for one on this machine with --jobs workers (needs: pip install 'lefort-tei[dask]')")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _jobs(value: str) -> int:
    import argparse

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return n


def run(args) -> int:
    folder = Path(args.seeds)
    if not folder.is_dir():
        code = "input-missing" if not folder.exists() else "input-not-folder"
        raise InputError(error(code, "no such folder; give a folder of .txt texts", str(folder)))
    texts = list_texts(folder)
    if not texts:
        raise InputError(error("input-no-texts", "no .txt files to build in this folder", str(folder)))
    pdf = not args.no_pdf and not args.no_site
    if pdf and len(texts) > args.pdf_limit:
        pdf = False
        if not args.quiet:
            print(f"info: {len(texts)} texts, more than --pdf-limit {args.pdf_limit}: no PDFs", file=sys.stderr)
    opts = BuildOptions(tei_dir=Path(args.tei_dir), site_dir=Path(args.site_dir), jobs=args.jobs,
                        site=not args.no_site, pdf=pdf, force=args.force, dask=args.dask,
                        keep_removed=args.keep_removed)
    # the edition folder (the TEI folder's parent) carries schemas/, which the TEI's xml-model links name
    publish_schemas(Path(args.tei_dir).resolve().parent / "schemas")
    progress = TerminalProgress() if show_progress(args.quiet) else None
    report = build_corpus(texts, opts, progress)
    if progress:
        progress.close()
    for r in report.results:  # errors always; warnings unless --quiet; infos never (a corpus is long)
        print_diagnostics([d for d in r.diagnostics if d.level == "error"
                           or (d.level == "warning" and not args.quiet)], args.format)
    if not args.quiet and args.format == "text":
        print(summary(report), file=sys.stderr)
    return report.exit_code


def show_progress(quiet: bool) -> bool:
    """A progress line on a terminal only: not when quiet, piped, or in CI."""
    return not quiet and sys.stderr.isatty() and os.environ.get("CI", "").lower() not in ("true", "1")


class TerminalProgress:
    """A bar, the count, the time left and the text just done, on one line rewritten as each text
    finishes: ``[########------------]  40% 2/5 ~3s ✓ alpha``."""

    BAR = 20

    def __init__(self, stream=sys.stderr, clock=time.monotonic):
        self.stream = stream
        self.width = 0
        self.clock = clock
        self.started = clock()

    def __call__(self, k: int, n: int, result: TextResult) -> None:
        mark = "✗" if not result.ok else "✓"
        done = round(self.BAR * k / n) if n else self.BAR
        elapsed = self.clock() - self.started
        left = f" ~{elapsed / k * (n - k):.0f}s" if 0 < k < n else ""
        line = f"[{'#' * done}{'-' * (self.BAR - done)}] {100 * k // max(n, 1):3d}% {k}/{n}{left} {mark} {result.name}"
        line = line[:120]
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(line))

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def summary(report: CorpusReport) -> str:
    """``3 texts: 2 built, 0 unchanged, 1 failed; web edition: build/site/ (0.4 s)``"""
    n = len(report.results)
    line = (f"{n} text{'s' if n != 1 else ''}: {report.count('built')} built, "
            f"{report.count('unchanged')} unchanged, {report.count('failed')} failed")
    if report.removed:
        line += f", {len(report.removed)} removed"
    if report.site_files:
        line += f"; web edition: {report.site_files[-1].parent}/"
    return line + f" ({report.seconds:.1f} s)"
