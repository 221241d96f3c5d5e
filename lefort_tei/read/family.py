"""Source-family detector: which kind of plain text this is, from evidence scored over the text.

In: the decoded text. Out: a family name for the layout report ("gutenberg", "ebook-export",
"markdown", "restructuredtext", "page-dump", "web-scrape", "plain"). Each named rule scores one
kind of evidence; the family with the highest score wins (ties: the earlier in ``FAMILIES``).
The family is reported so that an editor sees at once how the text was read; the block rules do
not branch on it.
"""

from __future__ import annotations

import re

# One evidence pattern per family, with a real line each matches.
FAMILY_EVIDENCE = {
    # "*** START OF THIS PROJECT GUTENBERG EBOOK A DEFENCE OF POETRY ***"
    "gutenberg": re.compile(r"^\*{3}\s*(?:START|END)\s+OF\s+(?:THE|THIS)\s+PROJECT\s+GUTENBERG", re.M | re.I),
    # "Colophon" / "Uncopyright" / "Imprint" alone on a line
    "ebook-export": re.compile(r"^(?:Colophon|Uncopyright|Imprint)[ \t]*$", re.M),
    # "[^1]: Matt. xii. 46-50." / "# 29.2 The Teachings of Jesus"
    "markdown": re.compile(r"^(?:\[\^\w+\]:|\#{1,6}[ \t]+\S)", re.M),
    # ".. [#fn3] Frederick the Great" / "=====" under a title
    "restructuredtext": re.compile(r"^(?:\.\.[ \t]+\[|\.\.[ \t]+\w+::|={4,}[ \t]*$)", re.M),
    # "-----File: 005.png---", "## p. iv (#10) ####", a form feed
    "page-dump": re.compile(r"^(?:-{3,}File:|\#\#[ \t]+p\.|\f)", re.M),
}
FAMILIES = ("gutenberg", "ebook-export", "markdown", "restructuredtext", "page-dump")
LONG_LINE = 300  # a scraped paragraph on one line is longer than any hard-wrapped line


def detect_family(text: str) -> str:
    scores = {name: len(FAMILY_EVIDENCE[name].findall(text)) for name in FAMILIES}
    best = max(FAMILIES, key=lambda name: scores[name])
    if scores[best]:
        return best
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and sum(1 for line in lines if len(line) > LONG_LINE) * 5 >= len(lines):
        return "web-scrape"
    return "plain"
