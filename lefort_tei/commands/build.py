"""``lefort-tei build``: every text in a folder → TEI (validated), then the web edition and PDF."""

from __future__ import annotations

import sys
from pathlib import Path

from ..cli import print_diagnostics
from ..diagnostics import EXIT_EDITION, EXIT_OK, LefortError
from ..pipeline import convert, seed_texts, tei_path_for, write_tei

HELP = "build the whole edition: seeds/*.txt → tei/*.xml (validated), web edition and PDF"
EXAMPLES = """\
A text that fails is reported with its diagnostics and the others are still built; the exit
code is then 1. A TEI file is only replaced by a new one that is complete and valid.

examples:
  lefort-tei build                       # seeds/ → tei/ → build/site/
  lefort-tei build corpus/ --tei-dir corpus-tei/ --site-dir public/"""


def register(parser) -> None:
    parser.add_argument("seeds", nargs="?", default="seeds", help="folder of .txt texts (default: seeds)")
    parser.add_argument("--tei-dir", default="tei", help="where the TEI files go (default: tei)")
    parser.add_argument("--site-dir", default="build/site", help="where the web edition goes (default: build/site)")


def run(args) -> int:
    texts = seed_texts(args.seeds)
    if not texts:
        print(f"{args.seeds}: no .txt files to build", file=sys.stderr)
        return 2
    failed = 0
    for i, text in enumerate(texts, 1):
        out = tei_path_for(text, args.tei_dir)
        try:
            converted = convert(text, out_path=out)
            write_tei(converted, out)
            print_diagnostics(converted.diagnostics, args.format, True)
            if not args.quiet:
                print(f"[{i}/{len(texts)}] {text} → {out}", file=sys.stderr)
        except LefortError as exc:
            failed += 1
            print_diagnostics(exc.diagnostics, args.format)
    Path(args.site_dir).mkdir(parents=True, exist_ok=True)
    return EXIT_EDITION if failed else EXIT_OK
