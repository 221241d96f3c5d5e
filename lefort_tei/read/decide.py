"""The joint decisions of the reader: which labelled blocks are notes (and which anchors answer
them), where note groups end, and which trailing blocks are advertisements.

In: the text, its block spans, the body's block range (boilerplate set apart already) and a
heading test. Out: ``NoteGroup``s: the notes of each group (label, first and last block), the
anchor style that answers them, the notes heading, and whether the group closes the work
("end") or stands among the body's blocks ("chapter-end", "foot").

A note exists because an anchor points to it: consecutive label candidates of one style
(``rules/notes.py``; numbers rising by one, a missing number tolerated, a restart opens a new
group) form a candidate group; the group is accepted when anchors of an answering style carry at
least half of its numbers in the text between the previous accepted group and this one.
Numbered blocks without such evidence stay paragraphs (numbered paragraphs, list items).
Each step looks at each block a bounded number of times: linear in the text's length.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Callable

from ..model import Span
from .patterns import ANCHOR_STYLES, NOTES_HEADING_ANY, NUMBERED_CAPS_TITLE, PRICE, SECTION_BREAK
from .rules.notes import (
    ANSWERS,
    ENUMERATION_STYLES,
    LabelCandidate,
    emphasis_closer,
    enumeration_markers,
    label_candidate,
    marker_value,
)

MIN_EVIDENCE = 2  # anchored numbers a group of two labels or more needs, unless it ends the text
MAX_CONTINUATION = 40  # unlabelled blocks a note may run over before the next label of its group
MIN_ADVERTISEMENT_PRICES = 2  # blocks with a price that make the blocks after the notes advertisements
ADVERTISEMENT_DENSITY = 6  # … when at least one block in six names a price (a document with sums is no catalogue)


@dataclass(slots=True)
class NoteGroup:
    style: str
    labels: list[LabelCandidate]
    extents: list[tuple[int, int]] = field(default_factory=list)  # (first, last) block of each note
    anchor_style: str = ""
    region: tuple[int, int] = (0, 0)  # offsets of the text where its anchors are looked for
    heading: int | None = None
    place: str = "end"

    @property
    def first(self) -> int:
        return self.labels[0].index

    @property
    def last(self) -> int:
        return self.extents[-1][1] if self.extents else self.labels[-1].index


@dataclass(slots=True)
class NoteLayout:
    groups: list[NoteGroup]
    advertisement: tuple[int, int] | None = None  # (first, last) block after the final notes


def _candidate_groups(text: str, blocks: list[Span], lo: int, hi: int,
                      is_stop: Callable[[int], bool]) -> list[NoteGroup]:
    groups: list[NoteGroup] = []
    current: NoteGroup | None = None
    stopped = False
    for i in range(lo, hi):
        c = label_candidate(text, blocks[i], i)
        if c is not None and NUMBERED_CAPS_TITLE.match(text[blocks[i].start:blocks[i].end]):
            c = None  # rule ``numbered-title-no-note``: "2. THE LATER SCHOOLS" numbers a heading, not a note
        if c is None:
            if current is not None and is_stop(i):
                stopped = True
            continue
        prev = current.labels[-1] if current else None
        if (current is not None and not stopped and c.style == current.style
                and prev.number < c.number <= prev.number + 2 and i - prev.index - 1 <= MAX_CONTINUATION
                and (c.style != "dp" or i - prev.index <= 2)):
            current.labels.append(c)
        else:
            current = NoteGroup(c.style, [c])
            groups.append(current)
        stopped = False
    return groups


def _anchor_index(text: str, start: int, end: int) -> dict[str, dict[int, list[int]]]:
    """Where each anchor style prints each number in ``text[start:end]``: style → number → offsets
    (one pass per style over the body, so that weighing every group stays linear)."""
    index: dict[str, dict[int, list[int]]] = {}
    for style, pattern in ANCHOR_STYLES.items():
        by_number: dict[int, list[int]] = {}
        by_end: list[tuple[int, int, int]] = []  # (start, end, number), for enumerations
        for m in pattern.finditer(text, start, end):
            number = marker_value(m["sup"] if style == "superscript" else m["num"], style)
            if number is None or _opens_block(text, m.start()) or (style == "symbol" and emphasis_closer(text, m.start())):
                continue
            by_number.setdefault(number, []).append(m.start())
            by_end.append((m.start(), m.end(), number))
        if style in ENUMERATION_STYLES:  # "(1) …, (2) …, and (3) …" count items, not notes
            counting = enumeration_markers(text, by_end)
            if counting:
                by_number = {number: kept for number, offsets in by_number.items()
                             if (kept := [at for at in offsets if at not in counting])}
        index[style] = by_number
    return index


def _opens_block(text: str, at: int) -> bool:
    """Whether the marker at ``at`` opens a block (rule ``label-not-anchor``): only spaces before
    it on its line, and a blank line (or the text's start) above. "(1) We start with the …" after a
    blank line numbers its paragraph; it is not an anchor pointing to a note "(1) …"."""
    j = at
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0:
        return True
    if text[j - 1] != "\n":
        return False
    above_end = j - 1
    if above_end > 0 and text[above_end - 1] == "\r":
        above_end -= 1
    above_start = text.rfind("\n", 0, above_end) + 1
    return not text[above_start:above_end].strip()


def _marks_anchor(text: str, block: Span, style: str) -> bool:
    """Rule ``marks-end-note``: a block holding a printers' mark anchor ("… a claim.[*] And …") is
    running text again, so a note marked so (printed after its paragraph) does not run over it."""
    if style != "symbol":
        return False
    return any(not emphasis_closer(text, m.start())
               for m in ANCHOR_STYLES["symbol"].finditer(text, block.start, block.end))


def _evidence(index: dict, group: NoteGroup, start: int, end: int) -> tuple[int, str]:
    """How many of the group's numbers an anchor style prints in ``[start, end)``, best style."""
    wanted = {c.number for c in group.labels}
    best = (0, "")
    for style in ANSWERS[group.style]:
        count = 0
        for number in wanted:
            offsets = index[style].get(number, [])
            k = bisect.bisect_left(offsets, start)
            count += k < len(offsets) and offsets[k] < end
        if count > best[0]:
            best = (count, style)
    return best


def decide_notes(text: str, blocks: list[Span], lo: int, hi: int,
                 is_heading: Callable[[int], bool]) -> NoteLayout:
    def is_stop(i: int) -> bool:
        s = text[blocks[i].start:blocks[i].end]
        return bool(SECTION_BREAK.match(s) or NUMBERED_CAPS_TITLE.match(s)) or is_heading(i)

    accepted: list[NoteGroup] = []
    region_start = blocks[lo].start if lo < hi else 0
    index = _anchor_index(text, region_start, blocks[hi - 1].end if lo < hi else 0)
    for g in _candidate_groups(text, blocks, lo, hi, is_stop):
        if accepted and g.first <= accepted[-1].last:
            continue
        count, style = _evidence(index, g, region_start, blocks[g.first].start)
        if count == 0 or count * 2 < len(g.labels):
            continue
        # one anchored number answers a group of two only where notes are expected: at the text's
        # end (a stray "(2)" in the body makes no notes of "2. …" "3. …" in the middle of it)
        weak = count < min(len(g.labels), MIN_EVIDENCE)
        g.anchor_style, g.region = style, (region_start, blocks[g.first].start)
        # extents: each note runs to the block before the next label; the last one to a stop
        for k, c in enumerate(g.labels):
            if k + 1 < len(g.labels):
                g.extents.append((c.index, g.labels[k + 1].index - 1))
            else:
                last = c.index
                if g.style != "dp":
                    while last + 1 < hi and not is_stop(last + 1) and label_candidate(text, blocks[last + 1], last + 1) is None \
                            and last + 1 - c.index <= MAX_CONTINUATION and not _marks_anchor(text, blocks[last + 1], style):
                        last += 1
                g.extents.append((c.index, last))
        if g.first > lo and NOTES_HEADING_ANY.match(text[blocks[g.first - 1].start:blocks[g.first - 1].end]):
            g.heading = g.first - 1
        g.place = "foot" if g.style == "dp" else "chapter-end"
        if weak and not all(SECTION_BREAK.match(text[blocks[i].start:blocks[i].end])
                            for i in range(g.labels[-1].index + 1, hi)):  # its last label is the text's end
            g.extents = []
            continue
        accepted.append(g)
        region_start = blocks[g.last].end
    layout = NoteLayout(accepted)
    if accepted:
        final = accepted[-1]
        rest = range(final.last + 1, hi)
        prices = sum(1 for i in rest if PRICE.search(text, blocks[i].start, blocks[i].end))
        if not rest or all(SECTION_BREAK.match(text[blocks[i].start:blocks[i].end]) for i in rest):
            final.place = "end"
            if rest:  # a closing section-break row belongs to the last note
                final.extents[-1] = (final.extents[-1][0], hi - 1)
        elif prices >= MIN_ADVERTISEMENT_PRICES and prices * ADVERTISEMENT_DENSITY >= len(rest):
            final.place = "end"
            layout.advertisement = (final.last + 1, hi - 1)
    return layout
