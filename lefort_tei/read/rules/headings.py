"""Heading rules: which blocks can be headings, and how a run of short blocks is read.

In: the text and block spans. Out: ``heading_like`` (the named rule that makes a block a heading
candidate, or "") and ``read_run`` (which blocks of a run of candidates are headings, and which
following blocks are their subtitles). Rules:
  ``numbered``: "CHAPTER II", "Book I", "IV", "FIRST CHAPTER" (``STRONG_HEADING``); with
      ``numbered-title``, a Part or Chapter line and its title lines in one block ("PART TWO" /
      "Papers of the Second Period");
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

from typing import Callable

from ...model import Span
from ..patterns import (
    ALIGNED_COLUMNS,
    ATTRIBUTION,
    BARE_BY,
    BYLINE,
    CAPITALS_LED,
    CONTENTS_ENTRY,
    DATELINE,
    DOCKET_LINE,
    DP_BLOCK_MARK,
    FIGURE_LABEL,
    ILLUSTRATION_MARK,
    ILLUSTRATION_OPEN,
    TITLE_WORD,
    REFERENCE_AT_END,
    HEADING_NUMBER_ONLY,
    HEADING_SHAPE,
    NUMBERED_HEADING_START,
    PRICE,
    PUBLISHER_WORD,
    ROMAN_ALONE,
    RST_UNDERLINE,
    IMPRINT_LINE,
    IMPRINT_YEAR,
    INITIALS_ONLY,
    PLACE_LINE,
    SIGNATURE_NAME,
    STRONG_HEADING,
    UPPER_DIVISION,
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
    if ALIGNED_COLUMNS.search(s) or is_display_block(s) or IMPRINT_LINE.match(s):
        return ""  # a table row, a picture, "PRINTED IN THE UNITED STATES OF AMERICA"
    letters = [ch for ch in s if ch.isalpha()]
    if (len(lines) <= MAX_CAPS_LINES and letters and not any(ch.islower() for ch in letters)
            and len(s.split()) <= MAX_CAPS_WORDS and not CONTENTS_ENTRY.search(s) and not BYLINE.match(s)
            and s.rstrip()[-1:] not in ",;:"):
        return "caps"
    if (len(lines) == 1 and HEADING_SHAPE.match(s) and len(s.split()) <= MAX_HEADING_WORDS
            and not CONTENTS_ENTRY.search(s) and not BYLINE.match(s)):
        return "short-line"
    if numbered_with_title(lines):  # "PART TWO" / "Papers of the Second Period" (not in capitals)
        return "numbered"
    return ""


def numbered_with_title(lines: list[str]) -> bool:
    """Rule ``numbered-title``: a division's number and its title printed with no blank line
    between them, one block (raw OCR, a part title page): "PART TWO" / "Papers of the Second
    Period" / "1822". The first line names the division ("Part", "Book", "Chapter", "FIRST
    CHAPTER"; a numeral alone is too weak here), then one to ``MAX_CAPS_LINES`` title lines, each
    shaped as a title (no sentence-final stop, at most ``MAX_HEADING_WORDS`` words; a line running
    on may open in lower case)."""
    if not 2 <= len(lines) <= MAX_CAPS_LINES + 1:
        return False
    first = lines[0].strip()
    if not STRONG_HEADING.match(first) or ROMAN_ALONE.match(first) or first.startswith("#"):
        return False
    # a title line running on may open in lower case ("Papers of the" / "second period")
    return all(HEADING_SHAPE.match(x.strip()[:1].upper() + x.strip()[1:]) and len(x.split()) <= MAX_HEADING_WORDS
               for x in lines[1:])


def is_display_block(s: str) -> bool:
    """Rules ``dp-block`` and ``brackets``: a block holding a proofreaders' block marker ("/*",
    "#/"), a picture placeholder ("[Illustration: Figure 3]"), or a bracket it does not close
    ("THE HARBOUR\nAT DAWN]", the end of a caption) is display text, never a heading."""
    return (bool(DP_BLOCK_MARK.search(s) or ILLUSTRATION_MARK.match(s) or FIGURE_LABEL.match(s))
            or s.count("[") != s.count("]"))


MAX_BYLINE_WORDS = 8


def is_byline(s: str) -> bool:
    """A byline: one short line opening with "by" ("By Ada Roe", "BY"), not a sentence
    ("By the end of the year the work was done …")."""
    return bool(BYLINE.match(s)) and "\n" not in s and len(s.split()) <= MAX_BYLINE_WORDS and not s.rstrip().endswith(",")


def title_cased(s: str) -> bool:
    """Rule ``title-case``: a mixed-case line is a title when at least half of its long words are
    capitalised ("Preface to the Second Edition"). Under a heading in capitals, a line that
    is not ("English words are in italics") is a note on it, not a second heading; alone,
    a sentence-cased line may be a heading ("The rise of the towns")."""
    words = TITLE_WORD.findall(s)
    return not words or 2 * sum(1 for w in words if w[0].isupper()) >= len(words)


def opens_heading(text: str, block: Span) -> bool:
    """A candidate that opens a heading of its own, never a subtitle: "CHAPTER I", "II--THE FIRST CAUSE"."""
    s = text[block.start:block.end]
    return bool(STRONG_HEADING.match(s) or HEADING_NUMBER_ONLY.match(s) or NUMBERED_HEADING_START.match(s))


def takes_subtitle(text: str, block: Span) -> bool:
    """A heading whose title follows on the next line(s): "CHAPTER I", "FIRST CHAPTER", "Part Two",
    and a numeral alone ("IV" over "Of Laws": the number and title of one chapter, one head)."""
    s = text[block.start:block.end].strip()
    return bool(STRONG_HEADING.match(s))


def caps_subtitle(text: str, title: Span, line: Span) -> bool:
    """Rule ``caps-subtitle``: a line in capitals under a title in capitals of two words or more
    continues it ("ON THE SEA" / "A SKETCH", "A LIST OF TUNES" / "WITH
    NOTES"). A one-word heading is a division's name ("SUPPLEMENT", "APPENDIX") whose
    own title follows as a heading."""
    t, s = text[title.start:title.end], text[line.start:line.end]
    if blank_lines(text, title.end, line.start) > 1 and blank_lines(text, title.end, line.start) >= blank_lines_before(text, title):
        return False  # set apart from the title more than the title from the text above it
    return (len(t.split()) >= 2 and "\n" not in s and all(_in_capitals(x) for x in (t, s))
            and not BYLINE.match(s))


def blank_lines(text: str, end: int, start: int) -> int:
    """Blank lines between a block ending at ``end`` and the next starting at ``start``."""
    return max(0, text.count("\n", end, start) - 1)


def blank_lines_before(text: str, block: Span) -> int:
    k = block.start
    while k > 0 and text[k - 1] in " \t\n\f":
        k -= 1
    return blank_lines(text, k, block.start) if k > 0 else 99


def _in_capitals(s: str) -> bool:
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and not any(ch.islower() for ch in letters)


def read_run(text: str, run: list[Span]) -> list[list[int]]:
    """The headings of a run of candidates followed by prose: lists of run positions, each a
    heading and its subtitle lines. Positions not listed are display lines (paragraphs). A long
    run is a title page over the last heading, unless a division's line stands inside it (rule
    ``half-title``: the lines before "CHAPTER I" are display lines, the headings start there)."""
    if len(run) > SHORT_RUN:
        # a division's heading inside the run ("THE BOOK OF BREAD" / "CHAPTER I" / "OUR RICHES" / "I"):
        # the lines before it are a half-title's display lines, the headings start there
        division = next((k for k in range(1, len(run) - 1) if _division_line(text[run[k].start:run[k].end])), None)
        if division is not None:
            return [[division + p for p in group] for group in read_run(text, run[division:])]
        last = len(run) - 1
        start = last
        while start > max(0, last - 2) and not opens_heading(text, run[start]) and takes_subtitle(text, run[start - 1]):
            start -= 1
        return [list(range(start, last + 1))]
    groups: list[list[int]] = []
    for k, b in enumerate(run):
        numbered_first = bool(groups) and takes_subtitle(text, run[groups[-1][0]])
        if groups and not opens_heading(text, b) and (numbered_first or caps_subtitle(text, run[groups[-1][-1]], b)):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def _division_line(s: str) -> bool:
    """"CHAPTER I", "Book Two", "# Title": a line that opens a division by its words (not a bare
    numeral, which a title page or a list may print)."""
    return "\n" not in s.strip() and bool(STRONG_HEADING.match(s)) and not ROMAN_ALONE.match(s.strip())


def capital_led(s: str) -> bool:
    """An entry's heading prints its words in capitals (a reference in brackets may follow):
    "THE BLUE BELL (_Letters_)"; a sub-heading in mixed case ("Boiling
    Rice") belongs to another scheme, a division's."""
    words = s.split("(", 1)[0]
    return any(ch.isalpha() for ch in words) and not any(ch.islower() for ch in words)


def _sort_key(s: str) -> str:
    """Where an entry files alphabetically: its first letter ("'TWAS EVER THUS" files under T)."""
    letters = [ch for ch in s if ch.isalpha()]
    return letters[0].upper() if letters else ""


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
        small = [j for j in stretch if capital_led(texts[j]) and "\n\n" not in texts[j]
                 and (sizes[j] <= ENTRY_SECTION_BLOCKS or REFERENCE_AT_END.search(texts[j]))]
        if len(small) >= MIN_ENTRY_RUN and 2 * len(small) >= len(stretch):
            out.update(starts[j] for j in small)
            # an entry of the list with a longer section sits in its alphabetical place between two
            # entries: "DEAR ANNIE." between "COME HOME" and "DOWN THE RIVER"
            keys = {j: _sort_key(texts[j]) for j in stretch}
            for a, b in zip(small, small[1:]):
                for j in range(a + 1, b):
                    if capital_led(texts[j]) and "\n\n" not in texts[j] and keys[a] <= keys[j] <= keys[b]:
                        out.add(starts[j])
        stretch = []
    return out


MAX_CAPTION_BLOCKS = 12  # an "[Illustration: …" caption left open closes within this many blocks
SIGNATURE_INDENT = 8  # a line set this much further right than the block above it is a signature


def indent_of(text: str, block: Span) -> int:
    """Spaces and tabs before the block's first character on its line."""
    line_start = text.rfind("\n", 0, block.start) + 1
    return block.start - line_start


def display_lines(text: str, blocks: list, kinds: list[str], is_prose: Callable[[str], bool]) -> set[int]:
    """Heading candidates that are display lines by their context (one pass, linear):
    ``dp-block``: inside a proofreaders' block ("/#" … "#/", "/*" … "*/"): captions, verse, tables;
    ``caption``: inside an "[Illustration: …" left open, right after a picture placeholder, or
        indented over one ("    THE OLD MILL." over "    [Figure 5]");
    ``attribution``: a source line under an indented quotation ("From 'The Northern Songs.'");
    ``indented``: indented like the indented block next to it (a poem's title over its lines),
        or set far right under an indented block (a signature under a quotation);
    ``title-case``: a sentence-cased line under a heading in capitals (``title_cased``);
    ``list-entry``: the nearest other blocks before and after it are entries opening with words in
        capitals ("THE RED ROSE. Song. Words by …"): an entry of that list ("A SHORT TUNE.");
        a candidate shaped as such an entry itself needs one such neighbour;
    ``title-page``: followed by a byline ("BY", "By Ada Roe") and no running text after it, or the
        name after a bare "BY": the lines of a title page (an advertisement's, a half-title's); a
        title and byline over running text head a contribution (an anthology's essay), unless a
        price follows that text within ``BLURB_BLOCKS`` blocks (a publisher's blurb: "Cloth, 80 cents").
    ``imprint``: a publisher's name ("THE HOUSE PRESS") in a block ending with the year, or over a
        year alone ("MCMXXVI"): a title page's imprint, with its year;
    ``signature``: a name or initials under running text, over a docket or place and date lines
        (``signature_lines``).
    ``blocks``: spans (and other items, skipped); ``kinds``: ``heading_like`` of each;
    ``is_prose``: whether a block's text is running text."""
    out: set[int] = set()
    open_dp: str | None = None
    caption_open = -1  # index of the block that opened an unclosed "[Illustration: …"
    spans = [b if isinstance(b, Span) else None for b in blocks]
    texts = [text[b.start:b.end] if b is not None else "" for b in spans]
    for i, b in enumerate(spans):
        if b is None:
            open_dp, caption_open = None, -1
            continue
        s = texts[i]
        inside = open_dp is not None or (caption_open >= 0 and i - caption_open <= MAX_CAPTION_BLOCKS)
        if kinds[i] in ("caps", "short-line") and inside:
            out.add(i)
        for m in DP_BLOCK_MARK.finditer(s):
            mark = m.group().strip()
            open_dp = mark[1] if mark.startswith("/") else None
        opened, closed = s.count("["), s.count("]")
        if ILLUSTRATION_OPEN.match(s) and opened > closed:
            caption_open = i
        elif caption_open >= 0 and closed > opened:
            caption_open = -1
    for i, b in enumerate(spans):
        if b is None or kinds[i] not in ("caps", "short-line") or i in out:
            continue
        prev = spans[i - 1] if i > 0 else None
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        indent = indent_of(text, b)
        if prev is not None and indent_of(text, prev) >= 2 and ATTRIBUTION.match(texts[i]):
            out.add(i)  # the source under an indented quotation: "From 'The Northern Songs.'"
            continue
        if prev is not None and indent >= 2 and ILLUSTRATION_MARK.match(texts[i - 1]):
            out.add(i)  # the caption set under a picture (a heading after one starts its line)
            continue
        if PUBLISHER_WORD.search(texts[i]) and (IMPRINT_YEAR.search(texts[i]) or nxt is not None
                                                and IMPRINT_YEAR.match("\n" + texts[i + 1].strip())):
            out.update((i, i + 1) if not IMPRINT_YEAR.search(texts[i]) else (i,))
            continue  # rule ``imprint``: "NEW YORK / THE HOUSE PRESS" over "MCMXXVI": a title page's imprint
        signed = signature_lines(texts, kinds, i, is_prose)
        if signed is not None:
            out.update(signed)  # "A. B. R." under the preface, with its place and date
            continue
        if prev is not None and BARE_BY.match(texts[i - 1]):
            out.add(i)  # the name under a bare "BY"
            continue
        if nxt is not None and is_byline(texts[i + 1]):
            after = i + (3 if BARE_BY.match(texts[i + 1]) else 2)  # past the byline (and the name)
            if (after >= len(spans) or spans[after] is None or not is_prose(texts[after])
                    or any(PRICE.search(t) for t in texts[after:after + 1 + BLURB_BLOCKS])):
                out.add(i)  # a title page's title (an advertisement's: a blurb and its price under
                continue    # it); over running text it heads a contribution
        if kinds[i] == "short-line" and prev is not None and kinds[i - 1] == "caps" and not title_cased(texts[i]):
            out.add(i)  # rule ``title-case``: a sentence under a heading in capitals is a note on it
            continue
        if _between_entries(texts, kinds, i):
            out.add(i)
            continue
        if indent < 2:
            continue
        for j, other in ((i - 1, prev), (i + 1, nxt)):
            if other is None or kinds[j] in ("caps", "short-line", "numbered", "markup"):
                continue
            o = indent_of(text, other)
            if o >= 2 and (o == indent or (j == i - 1 and indent >= o + SIGNATURE_INDENT)):
                out.add(i)
                break
    return out


BLURB_BLOCKS = 2  # an advertisement's price stands at most this many blocks under its blurb
SIGNATURE_TAIL = 2  # a signature's place and date lines: at most this many short blocks under it
SHORT_BLOCK_WORDS = 12  # … of at most this many words each


def signature_lines(texts: list[str], kinds: list[str], i: int, is_prose: Callable[[str], bool]) -> range | None:
    """Rule ``signature``: a name in capitals or initials (``SIGNATURE_NAME``: "A. B. R.",
    "JANE ROE") signs the running text above it (a preface, a letter) when it stands where a
    signature stands, not where a new section's heading does:
    - right under a paragraph of running text, over an editor's docket ("[Addressed] …",
      ``DOCKET_LINE``), over short place and date lines ending in a date ("The Harbour Office" /
      "March 3, 1921.", ``DATELINE``) with no running text after them, or at the end;
    - initials alone ("R.D.", ``INITIALS_ONLY``) right under a paragraph of running text, whatever
      follows them; a place alone ("BRIGHTON.", ``PLACE_LINE``) there when a dateline follows it;
    - or under a place and date line that closes a paragraph ("London, 4 June 1920." / "JANE
      ROE"), over a heading, a docket or nothing.
    Over running text the same name heads a section ("JANE ROE" / "She was born …"), and so
    does a name over a place and date line over running text (a letter's heading). Returns
    None when block ``i`` is no signature, else the blocks of the signature with its place and
    date lines (all display lines)."""
    t = texts[i].strip()
    initials = bool(INITIALS_ONLY.match(t))  # "R.D.": under running text, whatever follows, a signature
    after = texts[i + 1:i + 1 + SIGNATURE_TAIL]
    placed = bool(PLACE_LINE.match(t)) and bool(after) and bool(DATELINE.search(after[0]))  # "BRIGHTON." / "June, 1913."
    if (not (SIGNATURE_NAME.match(t) or initials or placed) or "\n" in t or STRONG_HEADING.match(t)
            or UPPER_DIVISION.match(t)):
        return None
    if i == 0:
        return None
    alone = range(i, i + 1) if initials else None
    if not kinds[i - 1] and is_prose(texts[i - 1]):
        if not after or DOCKET_LINE.match(after[0]):
            return range(i, i + 1)
        for k, x in enumerate(after):
            if len(x.split()) > SHORT_BLOCK_WORDS:
                return alone
            if DATELINE.search(x):
                j = i + 2 + k  # the block after the date: running text there is a letter's, under its heading
                if j < len(texts) and texts[j] and not kinds[j] and is_prose(texts[j]):
                    return alone
                return range(i, j)
        return alone
    dated = (i >= 2 and DATELINE.search(texts[i - 1]) and len(texts[i - 1].split()) <= SHORT_BLOCK_WORDS
             and not kinds[i - 2] and is_prose(texts[i - 2]))
    if dated and (not after or DOCKET_LINE.match(after[0]) or kinds[i + 1]):
        return range(i - 1, i + 1)
    return None


ENTRY_LOOKAROUND = 2  # heading candidates skipped to find the entries around a candidate


def _between_entries(texts: list[str], kinds: list[str], i: int) -> bool:
    """Rule ``list-entry`` (see ``display_lines``)."""
    def nearest(step: int) -> str | None:
        j = i + step
        for _ in range(ENTRY_LOOKAROUND + 1):
            if not 0 <= j < len(texts):
                return None
            if not kinds[j]:
                return texts[j]
            j += step
        return None
    def entry(x: str | None) -> bool:
        return x is not None and bool(CAPITALS_LED.match(x)) and any(ch.islower() for ch in x)

    before, after = nearest(-1), nearest(1)
    if entry(texts[i]):  # "THE GREEN GALOP. By _A. Roe_": shaped as an entry itself
        return entry(before) or entry(after)
    return entry(before) and entry(after)


def repeated_headings(texts: list[str], starts: list[int], sizes: list[int], has_prose: list[bool]) -> set[int]:
    """Rule ``repeated-heading``: a heading that repeats an earlier heading's words and heads no
    running text (only captions, a list of plates, display lines) is a label over that display
    matter, not a new division ("THE FIELD HOSPITAL" over the plates of that chapter).
    ``has_prose``: whether each heading's section holds a paragraph of running text (the caller
    says True for a numbered heading: "I" or "CHAPTER I" may repeat in every Book)."""
    seen: set[str] = set()
    out: set[int] = set()
    for t, h, size, prose in zip(texts, starts, sizes, has_prose):
        key = "".join(ch for ch in t.casefold() if ch.isalnum())
        if key in seen and size > 0 and not prose:
            out.add(h)
        seen.add(key)
    return out


def heading_rank(s: str) -> int:
    """How high a heading stands (rule ``nesting``): 0 a Book, Part or Volume ("Book I"); 1 a
    chapter or a heading in capitals ("CHAPTER VI", "THE FIELD HOSPITAL"); 2 a numbered or
    mixed-case sub-heading ("I.--Early Days", "II--THE FIRST CAUSE", "The Tent"); Markdown hashes
    give their own depth ("## Sources" is 2)."""
    first = s.strip().split("\n", 1)[0].strip()
    hashes = len(first) - len(first.lstrip("#"))
    if hashes and first[hashes:hashes + 1] in " \t":
        return hashes
    if UPPER_DIVISION.match(first):
        return 0
    if STRONG_HEADING.match(first) and not ROMAN_ALONE.match(first):
        return 1  # "CHAPTER I", "FIRST CHAPTER"
    if NUMBERED_HEADING_START.match(first) or ROMAN_ALONE.match(first):
        return 2
    return 1 if _in_capitals(first) else 2
