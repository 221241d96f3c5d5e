"""``lefort-tei eval``: score the reader on a development corpus (texts + ``truth.json``).

In: a corpus folder (default ``../shared/corpus``). Out: a Markdown table (or JSON) of precision and
recall per text and in total; exit 0, or 1 when a text failed to convert or was not lossless.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..diagnostics import EXIT_EDITION, EXIT_OK, InputError, error

HELP = "score the converter on a corpus with truth.json (notes, headings, quotations, boilerplate, pages)"
EXAMPLES = """\
Each text is converted with no data file (the automatic result is what is scored) and compared with
the corpus's truth.json; see lefort_tei/evaluate.py for what is measured and how.

columns: ok = L lossless, V valid (our schema + Schematron, and TEI All with --tei-all);
notes P/R = anchors linked to the right note; heads, quotes = headings and block quotations;
boiler = boilerplate regions set apart / regions, and the precision of what was set apart;
pb = page breaks; pb @n R = printed page numbers recovered; fw R = running heads as fw;
hyph = lb[@break="no"] found / truth; persons R = the truth's sample of persons tagged.

examples:
  lefort-tei eval                                   # ../shared/corpus, a table
  lefort-tei eval ../shared/corpus --only 07 09     # some files (names containing these)
  lefort-tei eval --tei-all ../shared/tei/tei_all.rng --json > scores.json"""


def register(parser) -> None:
    parser.add_argument("corpus", nargs="?", default=os.environ.get("LEFORT_TEI_CORPUS", "../shared/corpus"),
                        help="folder with the texts and truth.json (default: ../shared/corpus or $LEFORT_TEI_CORPUS)")
    parser.add_argument("--only", nargs="+", metavar="PART", help="score only files whose names contain PART")
    parser.add_argument("--tei-all", metavar="RNG", help="also validate against this tei_all.rng")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args) -> int:
    from ..evaluate import TRUTH_NAME, format_table, score_corpus

    corpus = Path(args.corpus)
    if not (corpus / TRUTH_NAME).is_file():
        raise InputError(error("eval-no-truth", f"no {TRUTH_NAME} in {corpus}: give a corpus folder that holds "
                               "the texts and their truth.json", str(corpus)))

    def progress(fs) -> None:
        if not args.quiet and sys.stderr.isatty():
            print(f"  scored {fs.name} ({fs.seconds:.1f} s)", file=sys.stderr)

    score = score_corpus(corpus, args.only, args.tei_all, progress)
    if args.json:
        print(json.dumps(score.as_json(), indent=1, ensure_ascii=False))
    else:
        print(format_table(score))
        for f in score.files:
            for p in f.problems:
                print(f"{f.name}: {p}", file=sys.stderr)
    bad = [f for f in score.files if not f.converted or not f.lossless]
    return EXIT_EDITION if bad else EXIT_OK
