"""Page layout of a page dump: lines → pages → furniture, page/line breaks, hyphenation → blocks.

In: a ``Source``. Out: ``None`` when the text shows no pages (then nothing changes for it), else a
``PageLayout``: the content blocks (spans; a paragraph cut by a page break is ONE block running
over the break), the page marks that fall between blocks (``gaps``) and every page mark as a model
inline (``PageBreak`` with the printed number, ``Furniture``, ``LineBreak``, ``Hyphenation``).
Nothing is removed: every character stays in a block or in a mark.

Evidence that a text is a page dump (``is_page_dump``): at least ``MIN_PAGES`` page separator lines
(HathiTrust "## p. 14 (#22) ###", Distributed Proofreaders "-----File: 012.png---") or form feeds.

Per page, the rules (each a small named function) are:
- ``page_label``: the printed number, from the separator's label, else from the running head or a
  page number alone at the top or foot of the page;
- ``is_running_head``: the page's first line holds the page's number at one end, or its letters
  recur as the first line of a nearby page (running heads repeat, OCR garbles them a little); a
  line with no number that recurs only on later pages is the title of a division opening on this
  page (``opening-page``); running heads with no number at all are a series of two or more
  nearby pages (``unnumbered-heads``);
- ``foot_furniture``: a page number, signature mark or blank-page marker on the last line.
Blocks are runs of lines separated by blank lines inside a page; a page whose body has no blank
line at all (raw OCR) is cut after short lines that end a sentence, and its first line stands
alone when it is a short line in capitals (``page-top``: "PREFACE" over the text; not on a title
page of a few short lines, which stay one block); such a line never continues the block of the
page before. A block at a page's end
continues on the next page when the text says so: a line-end hyphen, a next page starting in
lower case, or a last line without a sentence end; in a text that starts some pages with a blank
line and others not (Distributed Proofreaders' convention), a page with no leading blank line.
Hyphenation (``keep_hyphen``) keeps a real compound hyphen when the hyphenated word occurs inside a
line elsewhere in the text, or when the joined word is unknown while both halves are words.
"""

from __future__ import annotations

import bisect
import difflib
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import FootAnchor, FootNote, Furniture, Hyphenation, LineBreak, PageBreak, Source, Span
from .footnotes import anchor_candidates, foot_region, link_foot_notes, split_foot_notes
from .patterns import (
    BLANK_LINE,
    BLANK_PAGE,
    DP_INLINE_HYPHEN,
    DP_SEPARATOR,
    HATHI_SEPARATOR,
    HEAD_NUMBER,
    HEADING_SHAPE,
    INLINE_PAGE_NUMBER,
    LINE_END_HYPHEN,
    NOTE_LABEL_STYLES,
    NUMBERED_LINE,
    PAGE_NUMBER_LINE,
    SIGNATURE_LINE,
    STRONG_HEADING,
    WORD_TOKEN,
)

MIN_PAGES = 3
SCAN_MIN_WORDS = 8  # after a download header: leading scans with fewer words are stamps and labels  # fewer separators or form feeds than this: not a page dump
HEAD_MAX_CHARS = 70  # a running head is a short line
HEAD_SIMILARITY = 0.75  # letters of two running heads, OCR-garbled
HEAD_WINDOW = 3  # running heads recur within this many pages
SHORT_LINE = 0.8  # raw OCR with no blank lines: a line shorter than this x the median ends a paragraph
TOP_LINE = 0.5  # raw OCR: a page's first line in capitals shorter than this x the median is a display line
TOP_TITLE_LINES = 3  # raw OCR: a division's number at a page top takes at most this many title lines
TITLE_PAGE_LINES = 8  # raw OCR: a page of at most this many lines, all short, is a title page (one block)
SPACE = " \t\r\n"
SENTENCE_END = ".!?:\"'\u201d\u2019)]"

# White space of the page layout (blank lines, indentation, form feeds); every other space — no-break,
# ideographic — is a character of the text and never makes a line blank (issue 17: strictly lossless).
LAYOUT_SPACE = " \t\n\r\f"


@dataclass(slots=True)
class Line:
    start: int
    end: int  # without the "\n"

    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class Page:
    """One page: where it starts (its break), its label and its body lines (furniture out)."""

    brk: PageBreak
    separator: Line | None
    label: str | None
    body: list[Line] = field(default_factory=list)  # content lines, blank ones included
    furniture: list = field(default_factory=list)  # Furniture, FootNote, FootAnchor


@dataclass(slots=True)
class PageLayout:
    pages: list[Page]
    blocks: list[Span]  # content blocks, in order; may run over page breaks
    gaps: list[Span]  # page marks between blocks: a page break and its furniture, maximal runs
    marks: list  # every PageBreak, Furniture, LineBreak, Hyphenation, sorted by start
    leading: Span | None = None  # text before the first page (a download header)
    boilerplate: list[tuple[str, Span]] = field(default_factory=list)  # (kind, region) before the work

    starts: list[int] = field(default_factory=list)  # marks' starts, for binary search

    def marks_in(self, span: Span) -> list:
        """The marks inside ``span`` (a binary search: linear overall)."""
        if len(self.starts) != len(self.marks):
            self.starts = [m.span.start for m in self.marks]
        i = bisect.bisect_left(self.starts, span.start)
        out = []
        while i < len(self.marks) and self.starts[i] <= span.end:
            if span.contains(self.marks[i].span):
                out.append(self.marks[i])
            i += 1
        return out


# --------------------------------------------------------------------------- evidence


def split_lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        lines.append(Line(offset, offset + len(raw)))
        offset += len(raw) + 1
    return lines


def separator_label(line: str) -> tuple[bool, str | None]:
    """(is a page separator, the printed label it gives or None)."""
    m = HATHI_SEPARATOR.match(line)
    if m:
        return True, m["label"] or None
    if DP_SEPARATOR.match(line):
        return True, None
    return False, None


def is_page_dump(text: str) -> bool:
    if text.count("\f") >= MIN_PAGES:
        return True
    count = 0
    for line in text.split("\n"):
        if line.startswith(("## p.", "-----File:")) and separator_label(line)[0]:
            count += 1
            if count >= MIN_PAGES:
                return True
    return False


def _letters(s: str) -> str:
    return "".join(ch for ch in s.upper() if ch.isalpha())


def _norm_label(s: str) -> str:
    """A page label as OCR may garble it: "Iti" reads "iii", "l4" reads "14"."""
    table = str.maketrans({"t": "i", "l": "i", "1": "i", "j": "i", "!": "i", "|": "i"})
    s = s.strip().strip(".").lower()
    return s if s.isdigit() else s.translate(table)


def head_number(line: str) -> str | None:
    m = HEAD_NUMBER.search(line)
    return (m["lead"] or m["trail"]) if m else None


def _mostly_capitals(s: str) -> bool:
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def is_running_head(line: str, label: str | None, neighbours: list[str], later: list[str] = ()) -> bool:
    """A page's first line is its running head: short, mostly capitals, and holding the page's
    number at one end, or recurring (its letters) as a nearby page's numbered running head.
    ``neighbours``: the first lines of the pages before it (and of all nearby pages, when ``later``
    is not given); ``later``: those of the pages after it. Rule ``opening-page``: a line with no
    page number that recurs only on later pages is the title of the division opening on this page
    ("PREFACE" over the text, then "IV PREFACE", "PREFACE V" …), not a running head."""
    s = line.strip()
    if not s or len(s) > HEAD_MAX_CHARS or not _mostly_capitals(s):
        return False
    number = head_number(s)
    if label and number and _norm_label(number) == _norm_label(label):
        return True
    core = _letters(s if number is None else s.replace(number, " ", 1))
    for other in (neighbours if number is None else [*neighbours, *later]):
        o = other.strip()
        other_number = head_number(o)
        if o and len(o) <= HEAD_MAX_CHARS and other_number is not None:
            oc = _letters(o.replace(other_number, " ", 1))
            if len(core) >= 3 and difflib.SequenceMatcher(None, core, oc).ratio() >= HEAD_SIMILARITY:
                return True
    return False


def unnumbered_series(line: str, before: list[str], after: list[str]) -> bool:
    """Rule ``unnumbered-heads``: running heads printed with no number ("THE HARBOUR PAPERS" over
    page after page, the number at the foot) are a series: a line in capitals with no number that
    recurs as the unnumbered top line of two nearby pages, one of them before it. The first of
    the series is the title of what opens there (``opening-page``); a title printed twice (a
    part's title page, then over its first text page) is no series."""
    s = line.strip()
    if not s or len(s) > HEAD_MAX_CHARS or not _mostly_capitals(s) or head_number(s) is not None:
        return False
    core = _letters(s)
    if len(core) < 3:
        return False
    found: list[bool] = []  # each match: is it on an earlier page?
    for k, other in enumerate([*before, *after]):
        o = other.strip()
        if (o and len(o) <= HEAD_MAX_CHARS and head_number(o) is None and _mostly_capitals(o)
                and difflib.SequenceMatcher(None, core, _letters(o)).ratio() >= HEAD_SIMILARITY):
            found.append(k < len(before))
    return len(found) >= 2 and any(found)


def is_page_number(line: str, label: str | None) -> bool:
    s = line.strip()
    m = PAGE_NUMBER_LINE.match(s)
    if m:
        return m["num"].strip("0") != ""  # no page is numbered 0
    return bool(label) and 0 < len(s) <= 6 and _norm_label(s) == _norm_label(label)


# --------------------------------------------------------------------------- pages


def inline_page_numbers(source: Source) -> PageLayout | None:
    """A text that is no page dump but keeps its printed page numbers in the running text
    ("-\u00a06\u00a0-"): a ``pb`` with the number and the number as ``fw[@type=pageNum]``, when at
    least ``MIN_PAGES`` of them mostly count up one by one. Blocks and lines are left alone."""
    found = list(INLINE_PAGE_NUMBER.finditer(source.text))
    if len(found) < MIN_PAGES:
        return None
    steps = sum(1 for a, b in zip(found, found[1:]) if int(b["num"]) == int(a["num"]) + 1)
    if steps < 0.8 * (len(found) - 1):
        return None
    marks: list = []
    text = source.text
    for m in found:
        # the pb stands where white space is (its diplomatic form is a form feed, i.e. white space)
        if m.end() == len(text) or text[m.end()].isspace():
            marks.append(Furniture(Span(m.start(), m.end()), "pageNum"))
            marks.append(PageBreak(Span(m.end(), m.end()), m["num"]))
        elif m.start() == 0 or text[m.start() - 1].isspace():
            marks.append(PageBreak(Span(m.start(), m.start()), m["num"]))
            marks.append(Furniture(Span(m.start(), m.end()), "pageNum"))
        else:
            marks.append(Furniture(Span(m.start(), m.end()), "pageNum"))
    return PageLayout([], [], [], marks)



def read_pages(source: Source) -> PageLayout | None:
    """The page layout of ``source``, or ``None`` when it is not a page dump."""
    text = source.text
    if not is_page_dump(text):
        return None
    lines = split_lines(text)
    pages: list[Page] = []
    leading_end: int | None = None
    pending_ff: int | None = None  # a form feed waiting for the separator that follows it
    current: Page | None = None
    for line in lines:
        s = text[line.start:line.end]
        is_sep, label = separator_label(s) if s[:1] in "#-" else (False, None)
        if is_sep:
            at = Span(pending_ff, pending_ff + 1) if pending_ff is not None else Span(line.start, line.start)
            if current is None:
                leading_end = at.start
            current = Page(PageBreak(at, label), line, label)
            current.furniture.append(Furniture(line.span(), "separator"))
            pages.append(current)
            pending_ff = None
            continue
        seg = line.start
        while (ff := text.find("\f", seg, line.end)) >= 0:  # form feeds split a line: "\fCHAPTER I"
            if text[seg:ff].strip(LAYOUT_SPACE):
                current = _content(pages, current, pending_ff)
                if pending_ff is not None and leading_end is None and len(pages) == 1:
                    leading_end = pending_ff
                pending_ff = None
            if current is not None:
                current.body.append(Line(seg, ff))
            if pending_ff is not None:  # two form feeds in a row: an empty page
                current = _content(pages, current, pending_ff)
                if leading_end is None and len(pages) == 1:
                    leading_end = pending_ff
            pending_ff = ff
            seg = ff + 1
        if text[seg:line.end].strip(LAYOUT_SPACE) and pending_ff is not None:
            current = _content(pages, current, pending_ff)
            if leading_end is None and len(pages) == 1:
                leading_end = pending_ff
            pending_ff = None
        if current is not None:
            current.body.append(Line(seg, line.end))
    # A final form feed with no page after it stays white space between blocks.
    if not pages:
        return None
    _find_furniture(text, pages)
    scans = _stamp_scans(text, pages) if leading_end and pages[0].separator is not None else None
    no_join = {k for k, p in enumerate(pages) if scans is not None and p.brk.span.start <= scans.end}
    blocks, gaps = _blocks(text, pages, {k + 1 for k in no_join})
    marks: list = []
    for page in pages:
        if page.brk.span.end > page.brk.span.start or page.separator is not None:
            marks.append(page.brk)
        marks.extend(page.furniture)
    skip = {f.span.start for p in pages for f in p.furniture if isinstance(f, Furniture)}
    skip |= {p.brk.span.start for p in pages}
    notes = [f.span for p in pages for f in p.furniture if isinstance(f, FootNote)]
    note_lines = set()
    for note in notes:  # the notes' own lines: marked with the notes, skipped in the body's blocks
        pos = note.start
        while pos >= 0:
            note_lines.add(pos)
            pos = text.find("\n", pos, note.end)
            pos = pos + 1 if pos >= 0 else -1
    counts = word_counts(text)
    marks += _line_marks(text, blocks, skip | note_lines, counts)
    marks += _line_marks(text, notes, skip, counts)
    marks.sort(key=lambda m: (m.span.start, m.span.end))
    leading = None
    if leading_end:
        end = leading_end
        while end > 0 and text[end - 1] in LAYOUT_SPACE:
            end -= 1
        if end > 0:
            leading = Span(0, end)
    layout = PageLayout(pages, blocks, [], marks, leading)
    for gap in gaps:  # a gap is its marks; a form feed with no page after it stays white space
        inside = layout.marks_in(gap)
        if inside:
            layout.gaps.append(Span(inside[0].span.start, max(m.span.end for m in inside)))
    gaps = layout.gaps
    if leading is not None:
        from .blocks import split_blocks

        head_blocks = split_blocks(text[:leading.end])
        blocks = head_blocks + blocks
        gaps = [g for g in gaps if not leading.contains(g)]
    layout.blocks, layout.gaps = blocks, gaps
    if leading is not None and pages[0].separator is not None:  # a download header before the first separator
        layout.boilerplate.append(("header", leading))
        if scans is not None:
            layout.boilerplate.append(("scans", scans))
    return layout


def _stamp_scans(text: str, pages: list[Page]) -> Span | None:
    """After a download header, the leading scans of a binding, spine label or library stamp: the
    pages before the first one with ``SCAN_MIN_WORDS`` words (the title page), when they hold text."""
    last_junk: int | None = None
    for page in pages:
        words = sum(len(WORD_TOKEN.findall(text[ln.start:ln.end])) for ln in page.body)
        if words >= SCAN_MIN_WORDS or page.label:
            break
        if words:
            ends = [ln.end for ln in page.body if text[ln.start:ln.end].strip(LAYOUT_SPACE)]
            last_junk = max(ends)
    if last_junk is None:
        return None
    return Span(pages[0].brk.span.start, last_junk)


def _content(pages: list[Page], current: Page | None, pending_ff: int | None) -> Page | None:
    """The page that content belongs to: a new one when a form feed is waiting."""
    if pending_ff is None:
        return current
    pages.append(Page(PageBreak(Span(pending_ff, pending_ff + 1)), None, None))
    return pages[-1]


def _find_furniture(text: str, pages: list[Page]) -> None:
    """Running heads, page numbers, signatures and blank-page markers; the page's label."""
    firsts = []
    for page in pages:
        content = [ln for ln in page.body if text[ln.start:ln.end].strip(LAYOUT_SPACE)]
        firsts.append(text[content[0].start:content[0].end] if content else "")
    for k, page in enumerate(pages):
        content = [ln for ln in page.body if text[ln.start:ln.end].strip(LAYOUT_SPACE)]
        if not content:
            continue
        taken: set[int] = set()
        first = content[0]
        s = text[first.start:first.end]
        before = [firsts[j] for j in range(max(0, k - HEAD_WINDOW), k)]
        after = [firsts[j] for j in range(k + 1, min(len(pages), k + HEAD_WINDOW + 1))]
        if BLANK_PAGE.match(s):
            page.furniture.append(Furniture(_trim(text, first), "blank"))
            taken.add(first.start)
        elif len(content) > 2 and is_page_number(s, page.label):
            page.furniture.append(Furniture(_trim(text, first), "pageNum"))
            taken.add(first.start)
            page.label = page.label or s.strip()
        elif len(content) > 1 and ((is_running_head(s, page.label, before, after)
                                    and not _foot_number(text, content, page.label, s))
                                   or unnumbered_series(s, before, after)):
            page.furniture.append(Furniture(_trim(text, first), "header"))
            taken.add(first.start)
            page.label = page.label or head_number(s)
        last = content[-1]
        s = text[last.start:last.end]
        if last.start not in taken and len(content) - len(taken) > 1:
            if is_page_number(s, page.label):
                page.furniture.append(Furniture(_trim(text, last), "pageNum"))
                page.label = page.label or s.strip()
                taken.add(last.start)
            elif SIGNATURE_LINE.match(s):
                page.furniture.append(Furniture(_trim(text, last), "sig"))
                taken.add(last.start)
        page.body = [ln for ln in page.body if ln.start not in taken]
        page.brk.n = page.label
        _foot_notes(text, page, k)


def _foot_notes(text: str, page: Page, k: int) -> None:
    """Page-foot notes out of the body, linked to their anchors on the page (``footnotes.py``)."""
    content = [(ln.start, ln.end) for ln in page.body if text[ln.start:ln.end].strip(LAYOUT_SPACE)]
    at = foot_region(text, content)
    if at is None:
        return
    notes = split_foot_notes(text, content[at:])
    if not notes:
        return
    first = content[at][0]
    page.body = [ln for ln in page.body if ln.start < first]
    ids = {}
    for j, note in enumerate(notes, 1):
        ident = f"fn{k + 1}-{j}"
        ids[id(note)] = (ident, j)
        page.furniture.append(FootNote(note.span, note.label, j, ident))
    for cand, note in link_foot_notes(text, anchor_candidates(text, content[:at]), notes):
        ident, j = ids[id(note)]
        page.furniture.append(FootAnchor(cand.span, ident, j))


def _foot_number(text: str, content: list[Line], label: str | None, top: str) -> bool:
    """A page number alone at the foot (a chapter-opening page) and none in the top line."""
    last = content[-1]
    return is_page_number(text[last.start:last.end], label) and head_number(top) is None


def _trim(text: str, line: Line) -> Span:
    start, end = line.start, line.end  # a form feed is not trimmed: it is a page break
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return Span(start, end)


# --------------------------------------------------------------------------- blocks


def top_display_lines(text: str, body: list[Line], median: float) -> int:
    """Rule ``page-top`` (raw OCR, no blank lines): how many lines at the top of the page are a
    display standing alone, a division's title at the head of its page (0: none). The first line
    is one when it is in capitals or a division's number ("PREFACE", "CONTENTS", "PART TWO",
    "Chapter IV") and far shorter than the text's lines (``TOP_LINE`` x the median), with more
    lines under it; a division's number takes the short title lines under it ("CHAPTER IV" /
    "The Long Voyage", at most ``TOP_TITLE_LINES``). Not on a title page (at most
    ``TITLE_PAGE_LINES`` lines, none of a text line's length: "PART TWO" / "Papers of …" / "1822"),
    whose lines are one display; a capitals line nearly a text line long may run on into the next
    line (a heading over two lines), and stays with it."""
    content = [ln for ln in body if text[ln.start:ln.end].strip(LAYOUT_SPACE)]
    if len(content) < 2 or not median:
        return 0
    lines = [text[ln.start:ln.end].strip(SPACE) for ln in content]
    first = lines[0]
    letters = [ch for ch in first if ch.isalpha()]
    numbered = bool(STRONG_HEADING.match(first))
    if len(letters) < 2 or (any(ch.islower() for ch in letters) and not numbered) or len(first) >= TOP_LINE * median:
        return 0  # a letter alone at a page top is as likely OCR noise ("I" for a rule, "A")
    if len(content) <= TITLE_PAGE_LINES and max(len(x) for x in lines) < SHORT_LINE * median:
        return 0
    count = 1
    while (numbered and count <= TOP_TITLE_LINES and count + 1 < len(lines)
           and len(lines[count]) < TOP_LINE * median and HEADING_SHAPE.match(lines[count])):
        count += 1
    return count


def _page_blocks(text: str, body: list[Line], cut_short: bool, median: float) -> tuple[list[list[Line]], bool, bool]:
    """Runs of content lines of one page; whether the page starts with a blank line; whether its
    first line is a display line standing alone (rule ``page-top``)."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    leading_blank = bool(body) and not text[body[0].start:body[0].end].strip(LAYOUT_SPACE)
    top = top_display_lines(text, body, median) if cut_short else 0
    for line in body:
        s = text[line.start:line.end]
        if BLANK_LINE.match(s) or not s.strip(LAYOUT_SPACE):
            if current:
                groups.append(current)
            current = []
            continue
        if top and not groups and len(current) == top:
            groups.append(current)  # rule ``page-top``: "PREFACE" over the text stands alone
            current = []
        if cut_short and current and NUMBERED_LINE.match(s) and _ends_clause(text, current[-1]):
            groups.append(current)  # "…ignored.\n1. The sternest …": a numbered line opens a block
            current = []
        current.append(line)
        stripped = s.rstrip()
        if cut_short and len(stripped) < SHORT_LINE * median and stripped[-1:] in SENTENCE_END:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups, leading_blank, top > 0


def _ends_clause(text: str, line: Line) -> bool:
    """Does the line end a sentence or a clause ("…ignored.", "…you are,")?"""
    return text[line.start:line.end].rstrip()[-1:] in SENTENCE_END + ",;"


def _inner_blank_lines(text: str, body: list[Line]) -> int:
    """Blank lines between a page's content lines (not before or after them)."""
    full = [bool(text[ln.start:ln.end].strip(LAYOUT_SPACE)) for ln in body]
    if True not in full:
        return 0
    first, last = full.index(True), len(full) - 1 - full[::-1].index(True)
    return sum(1 for f in full[first:last] if not f)


def _blocks(text: str, pages: list[Page], no_join: set[int]) -> tuple[list[Span], list[Span]]:
    lengths = [len(text[ln.start:ln.end].rstrip()) for p in pages for ln in p.body if text[ln.start:ln.end].strip(LAYOUT_SPACE)]
    median = statistics.median(lengths) if lengths else 0
    inner_blank = sum(_inner_blank_lines(text, p.body) for p in pages)
    cut_short = inner_blank < len(pages) / 4  # raw OCR: page bodies without blank lines
    per_page = [_page_blocks(text, p.body, cut_short, median) for p in pages]
    leading_blanks = [lb for groups, lb, _ in per_page if groups]
    dp_convention = 0 < sum(leading_blanks) < len(leading_blanks)
    blocks: list[Span] = []
    open_block: Span | None = None  # the last block, which may continue on the next page
    last_line = ""
    for k, (groups, leading_blank, top) in enumerate(per_page):
        if not groups or k in no_join:
            open_block = None  # a blank page ends a paragraph; so does a boilerplate scan
        for g, group in enumerate(groups):
            span = _trim(text, Line(group[0].start, group[-1].end))
            first_line = text[group[0].start:group[0].end].lstrip()
            # a page-top display line ("PREFACE") opens a block, unless a word divided at the line end runs into it
            continues = _continues(last_line, first_line, leading_blank, dp_convention) and (
                not top or bool(LINE_END_HYPHEN.search(last_line)))
            if g == 0 and open_block is not None and continues:
                blocks[-1] = Span(open_block.start, span.end)
            else:
                blocks.append(span)
            # a page-foot note ("[Footnote 1: …]") ends with its page: the next page's first lines
            # continue the paragraph above it, never the note
            open_block = None if NOTE_LABEL_STYLES["dp"].match(first_line) else blocks[-1]
            last_line = text[group[-1].start:group[-1].end].rstrip()
    gaps = []
    for a, b in zip([Span(0, 0)] + blocks, blocks + [Span(len(text), len(text))]):
        gap = _trim(text, Line(a.end, b.start))
        if gap.end > gap.start:
            gaps.append(gap)
    return blocks, gaps


def _continues(last: str, first: str, leading_blank: bool, dp_convention: bool) -> bool:
    if LINE_END_HYPHEN.search(last):
        return True
    if dp_convention:
        return not leading_blank
    if first[:1].islower():
        return True
    return bool(last) and last[-1] not in SENTENCE_END and last[-1].isalpha()


# --------------------------------------------------------------------------- lines


@lru_cache(maxsize=1)
def _spell():
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)


def keep_hyphen(left: str, right: str, inline_hyphenated: Counter, words: Counter) -> bool:
    """Whether a word divided at a line end ("well-" / "known") keeps its hyphen in the reading."""
    joined = (left + right).lower()
    if inline_hyphenated[f"{left}-{right}".lower()]:
        return True
    if words[joined]:
        return False
    if right[:1].isupper():
        return True
    spell = _spell()
    if spell.known([joined]):
        return False
    return bool(len(left) > 1 and len(right) > 1 and spell.known([left.lower()]) and spell.known([right.lower()]))


def word_counts(text: str) -> tuple[Counter, Counter]:
    """The text's words, and its hyphenated words that stand inside a line ("well-known")."""
    words: Counter = Counter()
    inline_hyphenated: Counter = Counter()
    for m in WORD_TOKEN.finditer(text):
        w = m.group().lower()
        if "-" in w:
            if not text.startswith("\n", m.end()):
                inline_hyphenated[w] += 1
        else:
            words[w] += 1
    return words, inline_hyphenated


def _line_marks(text: str, blocks: list[Span], skip: set[int], counts: tuple[Counter, Counter]) -> list:
    """``lb`` at each line start inside a block; hyphenation at line ends and DP's "-*"."""
    words, inline_hyphenated = counts
    marks: list = []
    for block in blocks:
        pos = text.find("\n", block.start, block.end)
        hyphen_at: Span | None = None
        prev_start = block.start
        while pos >= 0:
            line = text[prev_start:pos]
            nxt = pos + 1
            while nxt < block.end and text[nxt] in " \t":
                nxt += 1
            own = prev_start
            while own < pos and text[own] in " \t":
                own += 1
            tail = line.rstrip(" \t")[-1:]
            m = LINE_END_HYPHEN.search(line) if tail in ("-", "*", "\u00ac") and own not in skip else None
            if m and nxt < block.end:
                hyphen_at = Span(prev_start + m.start("hyphen"), pos + 1)
            if nxt < block.end and text[nxt] not in "\n\f" and nxt not in skip:
                if hyphen_at is not None:
                    left = WORD_TOKEN.findall(text[max(block.start, hyphen_at.start - 40):hyphen_at.start])
                    star = text[nxt] == "*"  # DP: a word continued from the previous page, "*ily"
                    right = WORD_TOKEN.match(text, nxt + star)
                    if left and right and (right.group()[:1].islower() or "*" in text[hyphen_at.start:hyphen_at.end]):
                        if star:
                            marks.append(Hyphenation(Span(nxt, nxt + 1)))
                        keep = keep_hyphen(left[-1].split("-")[-1], right.group().split("-")[0],
                                           inline_hyphenated, words)
                        marks.append(Hyphenation(hyphen_at, keep))
                        marks.append(LineBreak(Span(nxt, nxt), hyphen=True))
                    else:
                        marks.append(LineBreak(Span(nxt, nxt)))
                    hyphen_at = None
                else:
                    marks.append(LineBreak(Span(nxt, nxt)))
            prev_start = pos + 1
            pos = text.find("\n", pos + 1, block.end)
        for m in DP_INLINE_HYPHEN.finditer(text, block.start, block.end):
            left = WORD_TOKEN.findall(text[max(block.start, m.start() - 40):m.start()])
            right = WORD_TOKEN.match(text, m.end())
            keep = bool(left and right) and keep_hyphen(left[-1].split("-")[-1], right.group().split("-")[0],
                                                        inline_hyphenated, words)
            marks.append(Hyphenation(Span(m.start("hyphen"), m.end("hyphen")), keep))
            marks.append(LineBreak(Span(m.end(), m.end()), hyphen=True))
    return marks
