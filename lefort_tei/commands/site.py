"""``lefort-tei site``: TEI files → the static web edition (one folder, opens from the file system).

In: TEI files (already validated, e.g. by ``lefort-tei convert``). Out: the site folder, the list of
pages on standard error (unless --quiet), and with --timings a table of how long each stylesheet
took to compile (once) and each page to transform, on standard output.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..diagnostics import EXIT_OK, InputError, error

HELP = "publish TEI files as a static web edition (reading, diplomatic, parallel, registers, notes)"
EXAMPLES = """\
Each TEI file becomes a folder NAME/ in the site, with index.html (about, how to cite, downloads),
reading.html, diplomatic.html, parallel.html, persons.html, works.html and notes.html; the site's
index.html lists the editions. No server is needed: open build/site/index.html in a browser.

examples:
  lefort-tei site tei/lefort-contradiction-of-trotsky.xml -o build/site
  lefort-tei site tei/*.xml -o public/ --pdf lefort-contradiction-of-trotsky=lefort.pdf
  lefort-tei site tei/essay.xml -o /tmp/site --timings      # compile and transform times"""


def register(parser) -> None:
    parser.add_argument("tei", nargs="+", help="TEI files made by lefort-tei")
    parser.add_argument("-o", "--output", default="build/site", help="the site folder (default: build/site)")
    parser.add_argument("--pdf", action="append", default=[], metavar="NAME=PATH",
                        help="link the PDF of edition NAME (PATH relative to the site folder); repeatable")
    parser.add_argument("--timings", action="store_true",
                        help="print how long each stylesheet takes to compile and each page to transform")


def run(args) -> int:
    from ..render.site import PAGES, build_site

    tei_paths = [Path(p) for p in args.tei]
    for path in tei_paths:
        if not path.is_file():
            raise InputError(error("no-file", "no such TEI file", str(path)))
    from ..cli import print_diagnostics
    from ..validate import require_valid

    for path in tei_paths:  # refuse what is not a valid edition before any page is written
        print_diagnostics(require_valid(path), args.format, quiet=True)
    pdf_links = {}
    for item in args.pdf:
        name, sep, href = item.partition("=")
        if not sep or not name or not href:
            raise InputError(error("usage", f"--pdf takes NAME=PATH, not {item!r}"))
        pdf_links[name] = href
    if args.timings:
        print_timings(tei_paths[0], PAGES)
    started = time.perf_counter()
    written = build_site(tei_paths, Path(args.output), pdf_links)
    if not args.quiet:
        size = sum(p.stat().st_size for p in written)
        for path in written:
            print(f"  {path}", file=sys.stderr)
        print(f"{len(written)} files, {size / 1024:.0f} kB, in {time.perf_counter() - started:.2f} s → "
              f"{Path(args.output) / 'index.html'}", file=sys.stderr)
    return EXIT_OK


def print_timings(tei: Path, pages) -> None:
    """Compile each stylesheet once, then transform every page's fragment; print a table."""
    from ..render.site import COLUMNS
    from ..render.xslt import Stylesheets

    sheets = Stylesheets()
    rows = []
    for view in sorted({p.view for p in pages if p.view} | {v for v, _ in COLUMNS}):
        started = time.perf_counter()
        sheets.executable(view)
        rows.append((f"compile {view}.xsl", time.perf_counter() - started))
    for page in pages:
        jobs = [(page.view, page.fragment, dict(page.params))] if page.view else [
            (view, "text", {"id-prefix": prefix}) for view, prefix in COLUMNS]
        started = time.perf_counter()
        for view, fragment, params in jobs:
            sheets.transform(tei, view, fragment, params)
        rows.append((f"transform {page.name}.html ({'+'.join(j[0] for j in jobs)}, {jobs[0][1]})",
                     time.perf_counter() - started))
    width = max(len(name) for name, _ in rows)
    print(f"{'step':<{width}}  ms")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1000:7.1f}")
    print(f"{'total':<{width}}  {sum(s for _, s in rows) * 1000:7.1f}")
