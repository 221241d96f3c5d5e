"""Shared ground of the annotators: the blocks they walk, the corrected reading of a block with a
map back to source offsets, whole-word search, nesting checks and context lookup.

In: a ``Document`` (its blocks and the spans already added). Out: ``Reading`` objects (corrected
text + offset map) and yes/no answers: "may this span be added here without crossing another?".

The reading is what persons, titles and dates are matched on, so "Wrotsky" is found as Trotsky;
a match in the reading is mapped back to the *source* span it covers, extended to whole
corrections (a correction is never cut in half: ``persName › choice › sic/corr``).
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass

from ..diagnostics import InputError, error
from ..model import Correction, Document, FootAnchor, FootNote, Heading, InlineNote, NoteAnchor, Paragraph, Span

Block = Paragraph | Heading

# A character that continues a word: letters, digits, and the apostrophe of "d'une" when a letter
# follows ("Trotsky's" ends the name at the apostrophe because "s" is not part of the form).
WORD_CHAR = re.compile(r"""\w""", re.VERBOSE)


@dataclass(slots=True)
class Reading:
    """The corrected text of ``[start, end)`` of the source, and where each character came from."""

    text: str
    # machine integers (array 'q'), not a list of int objects: 16 bytes a character instead of 72,
    # so a 10 MB single line no longer needs gigabytes while its blocks are read (issue 17)
    src_start: array  # reading index → first source offset it stands for
    src_end: array  # reading index → end source offset it stands for
    start: int  # source offset of the block start
    end: int

    def to_source(self, a: int, b: int) -> Span:
        """The source span of reading range ``[a, b)``; whole corrections where it touches one."""
        if a >= b:
            pos = self.src_start[a] if a < len(self.src_start) else self.end
            return Span(pos, pos)
        return Span(self.src_start[a], self.src_end[b - 1])

    def find_all(self, needle: str, whole_word: bool = True):
        """Reading ranges ``(a, b)`` where ``needle`` occurs (as a whole word if asked)."""
        if not needle:
            return
        i = self.text.find(needle)
        while i >= 0:
            j = i + len(needle)
            if not whole_word or is_whole_word(self.text, i, j):
                yield i, j
            i = self.text.find(needle, i + 1)

    def from_source(self, offset: int) -> int:
        """The reading index of the first character at or after source ``offset``."""
        return bisect.bisect_left(self.src_start, offset)


def is_whole_word(text: str, a: int, b: int) -> bool:
    """True when ``text[a:b]`` is not glued to letters or digits on either side."""
    before = text[a - 1] if a > 0 else ""
    after = text[b] if b < len(text) else ""
    starts_word = a < len(text) and WORD_CHAR.match(text[a])
    ends_word = b > 0 and WORD_CHAR.match(text[b - 1])
    if starts_word and before and WORD_CHAR.match(before):
        return False
    if ends_word and after and WORD_CHAR.match(after):
        return False
    return True


def reading_of(source_text: str, span: Span, inlines: list) -> Reading:
    """The reading of a block: source characters, with each correction's ``corr`` in its place.

    Built from slices and ``range``s (C speed): every annotator reads every block, so this is
    the hottest loop of the automatic apparatus."""
    corrections = sorted((i for i in inlines if isinstance(i, Correction)), key=lambda c: c.span.start)
    parts: list[str] = []
    starts, ends = array("q"), array("q")
    pos = span.start
    for c in corrections:
        if c.span.start < pos:
            continue  # overlapping corrections are refused where they are made; be safe here
        parts.append(source_text[pos:c.span.start])
        starts.extend(range(pos, c.span.start))
        ends.extend(range(pos + 1, c.span.start + 1))
        parts.append(c.corr)
        starts.extend([c.span.start] * len(c.corr))
        ends.extend([c.span.end] * len(c.corr))
        pos = c.span.end
    parts.append(source_text[pos:span.end])
    starts.extend(range(pos, span.end))
    ends.extend(range(pos + 1, span.end + 1))
    return Reading("".join(parts), starts, ends, span.start, span.end)


def blocks(doc: Document) -> list[Block]:
    """Every block that can hold inline spans, in reading order: front, body, notes, headings."""
    return [*doc.paragraphs(), *doc.headings()]


class Reserved:
    """Spans no annotation may overlap, indexed once: "does this span overlap one?" is a binary
    search, not a scan (annotators ask it for every candidate; a book has thousands of each).

    Sorted by start, with the largest end among the first k spans, so the spans starting before
    a query's end overlap it exactly when that largest end passes the query's start.
    """

    __slots__ = ("_starts", "_max_ends")

    def __init__(self, spans=()):
        ordered = sorted((s.start, s.end) for s in spans)
        self._starts = [a for a, _ in ordered]
        self._max_ends: list[int] = []
        top = -1
        for _, z in ordered:
            top = max(top, z)
            self._max_ends.append(top)

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, span: Span) -> bool:
        """True when a reserved span overlaps ``span`` (``Span.overlaps``: shares a character)."""
        k = bisect.bisect_left(self._starts, span.end)  # spans [0, k) start before span.end
        return k > 0 and self._max_ends[k - 1] > span.start


def reserved_spans(doc: Document) -> Reserved:
    """Spans no person, title or date may overlap: the printed labels of the notes ("16") and the
    note anchors ("(5)", "',2"): "',2 February 1917" is note 2's anchor, then a month; so are
    the labels of notes printed inside a paragraph (a page-foot note's "1" in "1 February 1917 …",
    an inline "[Footnote 2: …]") and the anchors of page-foot notes."""
    spans = [note.label for note in doc.notes]
    for paragraph in doc.paragraphs():
        for i in paragraph.inlines:
            if isinstance(i, NoteAnchor | FootAnchor):
                spans.append(i.span)
            elif isinstance(i, FootNote | InlineNote) and i.label is not None:
                spans.append(i.label)
    return Reserved(spans)


def fits(block: Block, span: Span, reserved: Reserved | None = None, extra: list[Span] = ()) -> bool:
    """May ``span`` be added to ``block``: inside it, nesting with every span already there?

    A correction must stay innermost: the new span may contain it (or equal it), never sit inside
    it or cut it. A note printed inside the paragraph (a page-foot or inline note) may contain the new
    span, never be contained by it. Any other span may contain the new one or be contained by it. ``reserved`` spans
    may not be overlapped at all. ``extra`` are sub-spans that behave like ordinary spans (a
    citation's work and pages parts).
    """
    if not block.span.contains(span) or span.start == span.end:
        return False
    if reserved is not None and reserved.overlaps(span):
        return False
    for i in block.inlines:
        other = i.span
        if not other.overlaps(span):
            continue
        if isinstance(i, Correction):
            if not span.contains(other):
                return False
        elif isinstance(i, FootNote | InlineNote):
            if not other.contains(span):  # a note printed in the paragraph holds spans, never the reverse
                return False
        elif not (span.contains(other) or other.contains(span)):
            return False
    for other in extra:
        if other.overlaps(span) and not (span.contains(other) or other.contains(span)):
            return False
    return True


def find_context(text: str, context: str, target: str, table: str, index: int, data_path: str,
                 line: int) -> Span:
    """Locate ``target`` inside ``context``, which must occur exactly once in ``text``.

    Raises ``InputError`` [data-context] naming the data file line, with a hint, when the context
    is missing, ambiguous, or does not contain the target exactly once.
    """
    count = text.count(context) if context else 0
    if count != 1:
        what = "not found" if count == 0 else f"found {count} times"
        hint = ("copy a verbatim excerpt of the source (spaces and quotation marks as printed)" if count == 0
                else "quote a longer excerpt so that it occurs once")
        raise InputError(error("data-context", f"[[{table}]] #{index}: context {context!r} is {what} in the "
                               f"text; {hint}", data_path, line, 1))
    if context.count(target) != 1:
        raise InputError(error("data-context", f"[[{table}]] #{index}: {target!r} must occur exactly once in "
                               f"its context {context!r} (it occurs {context.count(target)} times)",
                               data_path, line, 1))
    at = text.find(context) + context.find(target)
    return Span(at, at + len(target))


class BlockIndex:
    """The blocks, sorted by start once, to find the block holding a span by binary search."""

    __slots__ = ("_order", "_starts", "_max_ends")

    def __init__(self, doc_blocks: list[Block]):
        # (start, rank in reading order, block): the rank keeps "a paragraph before a heading"
        self._order = sorted(((b.span.start, k, b) for k, b in enumerate(doc_blocks)), key=lambda t: t[:2])
        self._starts = [start for start, _, _ in self._order]
        self._max_ends: list[int] = []
        top = -1
        for _, _, b in self._order:
            top = max(top, b.span.end)
            self._max_ends.append(top)

    def at(self, span: Span) -> Block | None:
        """The first block in reading order that holds ``span``; blocks do not overlap, so the walk
        back from the last block starting at or before the span stops at once."""
        best = None
        j = bisect.bisect_right(self._starts, span.start) - 1
        while j >= 0 and self._max_ends[j] >= span.end:
            _, k, b = self._order[j]
            if b.span.contains(span) and (best is None or k < best[0]):
                best = (k, b)
            j -= 1
        return best[1] if best else None


def block_at(index: BlockIndex, span: Span) -> Block | None:
    """The innermost block holding ``span`` (a paragraph before a heading)."""
    return index.at(span)


def extend_to_corrections(block: Block, span: Span) -> Span:
    """``span`` widened so that it cuts no correction of ``block`` in half."""
    start, end = span.start, span.end
    for i in block.inlines:
        if isinstance(i, Correction) and i.span.overlaps(span):
            start, end = min(start, i.span.start), max(end, i.span.end)
    return Span(start, end)
