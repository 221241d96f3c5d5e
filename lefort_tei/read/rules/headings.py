"""Heading rules: which blocks can be headings, and how a run of short blocks is read.

In: the text and block spans. Out: ``heading_like`` (the named rule that makes a block a heading
candidate, or "") and ``read_run`` (which blocks of a run of candidates are headings, and which
following blocks are their subtitles). Rules:
  ``numbered``: "CHAPTER II", "Book I", "IV", "FIRST CHAPTER" (``STRONG_HEADING``);
  ``markup``: "# Title" (Markdown), a title underlined with "====" (reST), "***" Muse headings;
  ``caps``: one to three lines in capitals ("THE CARE OF THE\\nWOUNDED");
  ``short-line``: one short line shaped like a title (``HEADING_SHAPE``), not a question, an
      exclamation, a contents entry ending in a page number ("Winter Camp 15") or a byline.
Columns aligned with runs of spaces ("CHAP.        PAGE") are never a heading.
A run of candidates followed by prose is read by ``read_run``: in a short run (a heading and its
subtitle lines, or a title and a subsection heading) a numbered block opens a heading and the
others are its subtitles; in a long run (a title page, a contents list) only its last heading is one.
"""

from __future__ import annotations

from ...model import Span
from ..patterns import (
    ALIGNED_COLUMNS,
    BYLINE,
    CONTENTS_ENTRY,
    REFERENCE_AT_END,
    HEADING_NUMBER_ONLY,
    HEADING_SHAPE,
    NUMBERED_HEADING_START,
    ROMAN_ALONE,
    RST_UNDERLINE,
    STRONG_HEADING,
)

MAX_HEADING_WORDS = 14
MAX_CAPS_WORDS = 20
MAX_CAPS_LINES = 3
SHORT_RUN = 3  # a run of at most this many candidates is a heading with subtitles


def heading_like(text: str, block: Span) -> str:
    s = text[block.start:block.end]
    lines = s.split("\n")
    if len(lines) == 1 and (STRONG_HEADING.match(s) or HEADING_NUMBER_ONLY.match(s)) and not s.rstrip().endswith("####"):
        return "numbered"
    if 2 <= len(lines) <= 3 and RST_UNDERLINE.match(lines[-1]) and len(lines[-1].strip()) >= len(lines[-2].strip()) > 0:
        return "markup"
    if len(lines) == 1 and s.startswith("#") and HEADING_SHAPE.match(s) and not s.rstrip().endswith("####"):
        return "markup"
    if ALIGNED_COLUMNS.search(s):
        return ""
    letters = [ch for ch in s if ch.isalpha()]
    if (len(lines) <= MAX_CAPS_LINES and letters and not any(ch.islower() for ch in letters)
            and len(s.split()) <= MAX_CAPS_WORDS and not CONTENTS_ENTRY.search(s) and not BYLINE.match(s)
            and s.rstrip()[-1:] not in ",;:"):
        return "caps"
    if (len(lines) == 1 and HEADING_SHAPE.match(s) and len(s.split()) <= MAX_HEADING_WORDS
            and not CONTENTS_ENTRY.search(s) and not BYLINE.match(s)):
        return "short-line"
    return ""


def opens_heading(text: str, block: Span) -> bool:
    """A candidate that opens a heading of its own, never a subtitle: "CHAPTER I", "II--THE MIND"."""
    s = text[block.start:block.end]
    return bool(STRONG_HEADING.match(s) or HEADING_NUMBER_ONLY.match(s) or NUMBERED_HEADING_START.match(s))


def takes_subtitle(text: str, block: Span) -> bool:
    """A heading whose title follows on the next line(s): "CHAPTER I", "FIRST CHAPTER", "Part Two".
    A numeral alone ("IV") heads a division of its own (its title is the next heading)."""
    s = text[block.start:block.end].strip()
    return bool(STRONG_HEADING.match(s)) and not ROMAN_ALONE.match(s)


def read_run(text: str, run: list[Span]) -> list[list[int]]:
    """The headings of a run of candidates followed by prose: lists of run positions, each a
    heading and its subtitle lines. Positions not listed are display lines (paragraphs)."""
    if len(run) > SHORT_RUN:
        last = len(run) - 1
        start = last
        while start > max(0, last - 2) and not opens_heading(text, run[start]) and takes_subtitle(text, run[start - 1]):
            start -= 1
        return [list(range(start, last + 1))]
    groups: list[list[int]] = []
    for k, b in enumerate(run):
        numbered_first = bool(groups) and takes_subtitle(text, run[groups[-1][0]])
        if groups and not opens_heading(text, b) and numbered_first:
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


ENTRY_SECTION_BLOCKS = 3  # an entry of a list has at most this many paragraphs under its heading
MIN_ENTRY_RUN = 8  # this many short sections in a row headed by unnumbered headings are a list


def entry_headings(texts: list[str], starts: list[int], sizes: list[int], kinds: list[str]) -> set[int]:
    """Headings that head entries of a list, not divisions (rule ``entry-list``): between two
    numbered headings, when at least ``MIN_ENTRY_RUN`` unnumbered headings ("ALICE GRAY",
    "BAY OF BISCAY (_U.T._ 31)") head at most ``ENTRY_SECTION_BLOCKS`` blocks each and they are
    most of the stretch's headings, those are entries; so is one closed by a bracketed reference
    ("A COBBLER THERE WAS (_D. & S._ 2)", ``REFERENCE_AT_END``). ``texts``: the headings, ``starts``: the headings' block indices,
    ``sizes``: their sections' block counts, ``kinds``: their rules."""
    out: set[int] = set()
    stretch: list[int] = []
    for k in range(len(starts) + 1):
        if k < len(starts) and kinds[k] in ("caps", "short-line"):
            stretch.append(k)
            continue
        small = [j for j in stretch if sizes[j] <= ENTRY_SECTION_BLOCKS or REFERENCE_AT_END.search(texts[j])]
        if len(small) >= MIN_ENTRY_RUN and 2 * len(small) >= len(stretch):
            out.update(starts[j] for j in small)
        stretch = []
    return out
