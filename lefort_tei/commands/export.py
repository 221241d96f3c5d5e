"""``lefort-tei export``: an edition → an export for other tools (see ``exports.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..diagnostics import EXIT_OK, InputError, error
from ..io import write_atomic

FORMATS = ("tei-lite", "simple-print", "text-diplomatic", "text-reading", "markdown", "json", "csl-json",
           "bibtex")  # the same as exports.FORMATS (kept here so that --help imports nothing heavy)

HELP = "export an edition: TEI Lite, TEI simplePrint, plain text, Markdown, JSON stand-off, CSL-JSON, BibTeX"
EXAMPLES = """\
tei-lite and simple-print are valid against the TEI Lite and TEI simplePrint schemas; json is the
diplomatic text with typed spans (offsets in code points); csl-json and bibtex are the works
cited. Without -o, the export is printed to standard output.

examples:
  lefort-tei export --to markdown tei/essay.xml -o essay.md
  lefort-tei export --to tei-lite tei/essay.xml -o essay.lite.xml
  lefort-tei export --to json tei/essay.xml | jq '.spans[] | select(.type == "persName")'
  lefort-tei export --to bibtex tei/*.xml -o works/        # one file per edition in works/"""


def register(parser) -> None:
    parser.add_argument("tei", nargs="+", help="TEI files made by lefort-tei")
    parser.add_argument("--to", required=True, choices=FORMATS, help="the export format")
    parser.add_argument("-o", "--output", help="a file (one TEI file) or a folder (several, or ending in /); "
                                               "default: standard output")


def run(args) -> int:
    from ..exports import SUFFIXES, export

    tei_paths = [Path(p) for p in args.tei]
    for path in tei_paths:
        if not path.is_file():
            raise InputError(error("no-file", "no such TEI file", str(path)))
    folder = args.output and (len(tei_paths) > 1 or args.output.endswith(("/", "\\")) or Path(args.output).is_dir())
    for path in tei_paths:
        data = export(path, args.to)
        if not args.output:
            sys.stdout.buffer.write(data)
            continue
        out = Path(args.output) / (path.stem + SUFFIXES[args.to]) if folder else Path(args.output)
        write_atomic(out, data)  # makes the folder; a failure is a positioned OutputError
        if not args.quiet:
            print(f"{out}: {args.to}, {len(data):,} bytes", file=sys.stderr)
    return EXIT_OK
