"""``lefort-tei pdf``: one TEI file → its print edition (PDF), reading or diplomatic text."""

from __future__ import annotations

import sys
from pathlib import Path

from ..diagnostics import EXIT_OK, InputError, error
from ..io import write_atomic
from ..render.pdf import VIEWS, typeset_pdf

HELP = "typeset a TEI file as a print edition (PDF): footnotes, contents, index of persons"
EXAMPLES = """\
The reading text is typeset by default; --view diplomatic typesets the source as it stands
(misprints and printed note markers included), for proofreading. Set in the EB Garamond shipped
in fonts/; nothing is fetched from the network. Without -o, the PDF goes beside the TEI file
(tei/x.xml → tei/x.pdf, or tei/x.diplomatic.pdf).

examples:
  lefort-tei pdf tei/lefort-contradiction-of-trotsky.xml -o build/site/lefort.pdf
  lefort-tei pdf tei/lefort-contradiction-of-trotsky.xml --view diplomatic -o proof.pdf
  lefort-tei pdf tei/x.xml -o x.pdf && pdffonts x.pdf    # every font embedded"""


def register(parser) -> None:
    parser.add_argument("tei", help="a TEI file made by lefort-tei")
    parser.add_argument("-o", "--output", help="where to write the PDF (default: beside the TEI file)")
    parser.add_argument("--view", choices=tuple(VIEWS), default="reading",
                        help="reading: the corrected text (default); diplomatic: the source as it stands")


def run(args) -> int:
    tei = Path(args.tei)
    if not tei.is_file():
        raise InputError(error("pdf-input", "no such TEI file", str(tei)))
    from ..cli import print_diagnostics
    from ..validate import require_valid

    print_diagnostics(require_valid(tei), args.format, quiet=True)  # refuse what is not a valid edition
    out = Path(args.output) if args.output else default_output(tei, args.view)
    typeset = typeset_pdf(tei, args.view)
    write_atomic(out, typeset.data)
    if not args.quiet:
        for warning in typeset.warnings:
            print(f"{tei}: warning: WeasyPrint: {warning} [pdf-engine]", file=sys.stderr)
        print(f"{out}: {typeset.pages} pages, {len(typeset.data):,} bytes, typeset in {typeset.seconds:.1f} s",
              file=sys.stderr)
    return EXIT_OK


def default_output(tei: Path, view: str) -> Path:
    return tei.with_suffix(".pdf" if view == "reading" else f".{view}.pdf")
