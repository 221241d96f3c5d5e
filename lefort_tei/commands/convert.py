"""``lefort-tei convert``: one text → a TEI file (lossless, validated, written atomically)."""

from __future__ import annotations

import sys

from ..cli import print_diagnostics
from ..diagnostics import EXIT_OK
from ..pipeline import convert, write_tei

HELP = "convert one plain-text essay into a TEI P5 file"
EXAMPLES = """\
The data file beside the text (seeds/essay.toml for seeds/essay.txt) is used when it exists;
see docs/editorial-data.md. Without -o, the TEI is printed to standard output.

examples:
  lefort-tei convert seeds/lefort-contradiction-of-trotsky.txt -o tei/lefort.xml
  lefort-tei convert essay.txt --data essay-corrections.toml -o essay.xml
  lefort-tei convert essay.txt --no-data | xmllint --format -"""


def register(parser) -> None:
    parser.add_argument("text", help="the plain-text essay (UTF-8, UTF-8 with BOM, or Latin-1; any line ends)")
    parser.add_argument("-o", "--output", help="where to write the TEI (default: standard output)")
    parser.add_argument("--data", help="the editorial data file (default: TEXT with .toml, if it exists)")
    parser.add_argument("--no-data", action="store_true", help="ignore any data file: general rules only")


def run(args) -> int:
    converted = convert(args.text, args.data, args.output, use_default_data=not args.no_data)
    if args.output:
        converted.diagnostics += write_tei(converted, args.output)
    else:
        sys.stdout.buffer.write(converted.encoded.data)
    print_diagnostics(converted.diagnostics, args.format, args.quiet)
    return EXIT_OK
