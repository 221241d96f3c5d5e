"""List rules: a numbered list inside a paragraph (rule ``numbered-list``).

In: the text and a paragraph with its spans (page marks, anchors, notes: read last, so that a list
never crosses them). Out: a ``NumberedList`` or None.

Lines of one paragraph opening with the numbers 1, 2, 3 … in order (``LIST_ITEM_LINE``: "1.",
"1)", "(1)", one style), at least ``MIN_ITEMS`` of them, are the items of a list; a line without a
number continues the item above it, and the last item runs to the paragraph's end. The lines before
the first item stay the paragraph's own text ("The papers herewith furnished you are,"). Numbered
blocks each a paragraph of their own are numbered paragraphs instead (``notes.numbered_paragraphs``).
A list whose items would cut a span already read (a citation, a note over two items) is no list.
Linear: each line is matched once, each span checked with a binary search.
"""

from __future__ import annotations

import bisect

from ...model import NumberedList, Paragraph, Span
from ..patterns import LIST_ITEM_LINE

MIN_ITEMS = 2
SPACE = " \t\n\r\f\u00a0"


def numbered_list(text: str, p: Paragraph) -> NumberedList | None:
    if "\n" not in text[p.span.start:p.span.end]:
        return None
    starts: list[tuple[int, str]] = []  # (where the item's number starts, the number)
    style = None
    stop = p.span.end  # where the last item ends: the paragraph's end, or another numbering
    line = p.span.start
    while line < p.span.end:
        m = LIST_ITEM_LINE.match(text, line, p.span.end)
        if m is not None:
            number = m["num"] or m["pnum"]
            kind = m["punct"] or "("
            if int(number) == len(starts) + 1 and (style is None or kind == style):
                starts.append((m.start("marker"), number))
                style = kind
            elif starts:
                stop = line  # another numbering: the list ends before it
                break
        nl = text.find("\n", line, p.span.end)
        if nl < 0:
            break
        line = nl + 1
    if len(starts) < MIN_ITEMS:
        return None
    ends = [_trim_end(text, starts[k + 1][0]) for k in range(len(starts) - 1)]
    ends.append(_trim_end(text, stop))
    items = [(Span(a, b), n) for (a, n), b in zip(starts, ends)]
    found = NumberedList(Span(items[0][0].start, items[-1][0].end), items)
    return None if _cuts(found, p) else found


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in SPACE:
        end -= 1
    return end


def _cuts(found: NumberedList, p: Paragraph) -> bool:
    """Does a span of the paragraph cut the list (hold a boundary of an item without holding the
    whole list)?"""
    bounds = sorted({b for span, _ in found.items for b in (span.start, span.end)})
    for i in p.inlines:
        s = i.span
        if s.end <= s.start or (s.start <= found.span.start and found.span.end <= s.end):
            continue
        k = bisect.bisect_right(bounds, s.start)
        if k < len(bounds) and bounds[k] < s.end:
            return True
    return False
