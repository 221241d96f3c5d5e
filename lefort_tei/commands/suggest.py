"""``lefort-tei suggest``: candidate persons or suspect OCR errors of a text, as TOML stubs."""

from __future__ import annotations

import sys

from ..data import data_path_for, load_data
from ..diagnostics import EXIT_OK
from ..read.source import read_source
from ..suggest import corrections as suggest_corrections_mod
from ..suggest.automatic import automatic_document, to_data_file

MEDIUM_SCORE = 0.7  # a suspect scored this high is offered as a medium-tier correction (commented out)

HELP = "suggest persons or OCR corrections for a text's data file (TOML stubs to paste)"
EXAMPLES = """\
What the data file already holds (persons' forms, curated corrections) is left out, so the
suggestions are what remains to be checked. Paste the stubs you keep into seeds/NAME.toml
(format: docs/editorial-data.md).

examples:
  lefort-tei suggest data seeds/essay.txt > seeds/essay.toml   # start curating from the automatic result
  lefort-tei suggest persons seeds/essay.txt --limit 30 >> seeds/essay.toml
  lefort-tei suggest corrections seeds/essay.txt --no-data | less
  lefort-tei suggest corrections seeds/lefort-contradiction-of-trotsky.txt --min-score 0.5"""


def register(parser) -> None:
    parser.add_argument("what", choices=("persons", "corrections", "works", "data"),
                        help="what to suggest; 'data': the whole automatic apparatus (persons, corrections, works) "
                             "as one loadable data file")
    parser.add_argument("text", help="the plain-text essay")
    parser.add_argument("--data", help="the editorial data file (default: TEXT with .toml, if it exists)")
    parser.add_argument("--no-data", action="store_true", help="ignore any data file: suggest everything")
    parser.add_argument("--limit", type=int, default=0, help="print at most N suggestions (default: all)")
    parser.add_argument("--min-score", type=float, default=0.0, help="leave out suggestions scored below this")


def run(args) -> int:
    source, diags = read_source(args.text)
    data_path = args.data
    if data_path is None and not args.no_data and data_path_for(args.text).exists():
        data_path = data_path_for(args.text)
    data = load_data(None if args.no_data else data_path)
    text = source.text
    forms = {f for p in data.persons for f in (p.forms or [p.name])}
    if args.what in ("persons", "works", "data"):
        # one engine: what convert's automatic pass finds, written as a data file
        doc = automatic_document(args.text)
        what = ("persons", "corrections", "works") if args.what == "data" else (args.what,)
        medium = []
        if args.what == "data":
            medium = [s for s in suggest_corrections_mod.suggest_corrections(text, forms)
                      if s.score >= max(args.min_score, MEDIUM_SCORE)]
        sys.stdout.write(to_data_file(doc, what, medium, data, args.limit) + "\n")
    else:
        curated = [(text.find(c.context) + c.context.find(c.sic)) for c in data.corrections if c.context]
        curated += [(text.find(a.context) + a.context.find(a.marker)) for a in data.anchors]
        items = [s for s in suggest_corrections_mod.suggest_corrections(text, forms)
                 if s.score >= args.min_score and not any(s.start <= at < s.end for at in curated if at >= 0)]
        items = items[: args.limit] if args.limit else items
        sys.stdout.write(suggest_corrections_mod.to_toml(text, items, args.text) + "\n")
    return EXIT_OK
