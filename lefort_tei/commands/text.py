"""``lefort-tei text``: print the diplomatic or the reading text of a TEI edition."""

from __future__ import annotations

import sys

from ..diagnostics import EXIT_OK
from ..plaintext import view_text
from ..validate import parse_tei

HELP = "print the diplomatic (source) or reading (corrected) text of a TEI file"
EXAMPLES = """\
The diplomatic text equals the source it was made from (white space between paragraphs aside):
that is how an edition proves nothing was lost.

examples:
  lefort-tei text --view diplomatic tei/lefort-contradiction-of-trotsky.xml
  lefort-tei text --view reading tei/lefort-contradiction-of-trotsky.xml | grep -c Trotsky
  diff <(lefort-tei text tei/x.xml | tr -s ' \\n' '\\n\\n') <(tr -s ' \\n' '\\n\\n' < seeds/x.txt)"""


def register(parser) -> None:
    parser.add_argument("tei", help="a TEI file made by lefort-tei")
    parser.add_argument("--view", choices=("diplomatic", "reading"), default="diplomatic",
                        help="diplomatic: the source as it stands (default); reading: as corrected")


def run(args) -> int:
    tree = parse_tei(args.tei)
    sys.stdout.write(view_text(tree, args.view))
    return EXIT_OK
