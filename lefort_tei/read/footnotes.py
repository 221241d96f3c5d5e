"""Page-foot notes of raw OCR: the notes at a page's foot and the anchors that answer them.

In: the source text and one page's content lines (furniture already out). Out: the page's foot
notes (``FootNote`` spans, their marker as ``label``) and the lines left for the body; then
``link_foot_notes``, the decision which anchor candidate on the page answers which note.

Rules (named, each with its evidence):
- ``foot_region``: the notes are the last lines of the page, from a line that starts with a note
  marker (``FOOT_NOTE_START``: "*", '"', a dagger, digits) on; the region is set in smaller type,
  so its lines are longer than the body's (median ``SMALL_TYPE`` x the body's), or it holds at
  least two marker lines. Each marker line starts a note; other lines continue it.
- ``anchor_candidates``: a garbled superscript glued after a word or standing alone after one
  (``FOOT_ANCHOR``); a short title-case word before it ("Hon"", "Ent""), a word of three letters
  followed by another word ("HON" J. C.") or a mark followed by a capitalised word ("HONb" JOHN")
  is an abbreviation's superscript, not an anchor;
  a "”" that closes a "“" is a quotation mark.
- ``link_foot_notes``: the best order-keeping assignment of candidates to notes (a small dynamic
  programme per page): a pair scores by the kind of mark and by the word before the anchor
  recurring at the start of the note ("DuVal”" → "* William Pope DuVal (1784-1854) ...").
This module only decides; ``layout.py`` and ``pages.py`` place the result in the document.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..model import Span
from .patterns import FOOT_ANCHOR, FOOT_NOTE_START

SMALL_TYPE = 1.05  # a foot region's median line length over the body's
NOTE_HEAD_CHARS = 120  # how much of a note's start is searched for the anchored word
MARKS = frozenset('"\u201d*\u2020\u2021')
MIN_LINK_SCORE = 0.75  # a "*" alone (0.5) links only with the word evidence


@dataclass(slots=True)
class FootNoteSpan:
    span: Span
    label: Span  # the marker as printed


@dataclass(slots=True)
class AnchorCandidate:
    span: Span  # the mark
    word: str  # the word before it
    score: float


def foot_region(text: str, lines: list[tuple[int, int]]) -> int | None:
    """Index in ``lines`` (content lines of a page) where the foot notes start, or None."""
    if len(lines) < 3:
        return None
    lengths = [len(text[a:b].rstrip()) for a, b in lines]
    starts = [k for k, (a, b) in enumerate(lines) if FOOT_NOTE_START.match(text[a:b])]
    for k in starts:
        if k == 0:
            continue
        foot, body = lengths[k:], lengths[:k]
        markers = sum(1 for s in starts if s >= k)
        if statistics.median(foot) >= SMALL_TYPE * statistics.median(body) or markers >= 2 and len(body) > len(foot):
            return k
    return None


def split_foot_notes(text: str, lines: list[tuple[int, int]]) -> list[FootNoteSpan]:
    notes: list[FootNoteSpan] = []
    for a, b in lines:
        m = FOOT_NOTE_START.match(text[a:b])
        if m or not notes:
            start = a + (m.start("marker") if m else 0)
            label = Span(a + m.start("marker"), a + m.end("marker")) if m else Span(start, start)
            notes.append(FootNoteSpan(Span(start, _rstrip(text, a, b)), label))
        else:
            notes[-1].span = Span(notes[-1].span.start, _rstrip(text, a, b))
    return [n for n in notes if n.span.end > n.span.start]


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in " \t\r":
        b -= 1
    return b


def anchor_candidates(text: str, lines: list[tuple[int, int]]) -> list[AnchorCandidate]:
    out: list[AnchorCandidate] = []
    open_quote = False
    for a, b in lines:
        line = text[a:b]
        pos = 0
        if not MARKS.intersection(line):
            open_quote = open_quote or "\u201c" in line
            continue  # most lines: no mark at all (and the pattern is slow to fail)
        for m in FOOT_ANCHOR.finditer(line):
            open_quote = open_quote or "\u201c" in line[pos:m.start()]
            pos = m.end()
            group = "mark" if m["mark"] else "spaced"
            word, mark = m["word"], m[group]
            if mark == "\u201d" and open_quote:
                open_quote = False
                continue  # a closing quotation mark
            glued = group == "mark" and not m["punct"]
            if glued and len(word) <= 4 and word[0].isupper() and word[1:].islower():
                continue  # an abbreviation's superscript: Hon", Ent", Mess"
            after = line[m.end():m.end() + 3]
            if glued and len(word) <= 3 and after[:1] == " " and after[1:2].isalpha():
                continue  # a short word's superscript before the next word: HON" J. C., THO" MUNROE
            if glued and after[:1] == " " and after[1:2].isupper() and after[2:3].isalpha():
                continue  # a title's superscript before a name: HONb" JOHN Q. ADAMS, Gov" Coppinger
            score = 0.5 if mark == "*" and group == "mark" else 1.0  # a glued "*" is often an abbreviation's
            out.append(AnchorCandidate(Span(a + m.start(group), a + m.end(group)), word, score))
        if "\u201c" in line[pos:]:
            open_quote = True
    return out


def link_foot_notes(text: str, candidates: list[AnchorCandidate],
                    notes: list[FootNoteSpan]) -> list[tuple[AnchorCandidate, FootNoteSpan]]:
    """The best order-keeping pairs of anchor candidates and notes on one page."""
    def score(c: AnchorCandidate, n: FootNoteSpan) -> float:
        head = text[n.label.end:min(n.span.end, n.label.end + NOTE_HEAD_CHARS)].lower()
        return c.score + (2.0 if len(c.word) >= 4 and c.word.lower() in head else 0.0)

    m, k = len(candidates), len(notes)
    best = [[0.0] * (k + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(k - 1, -1, -1):
            pair = score(candidates[i], notes[j])
            take = pair + best[i + 1][j + 1] if pair >= MIN_LINK_SCORE else float("-inf")
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < m and j < k:
        pair = score(candidates[i], notes[j])
        if pair >= MIN_LINK_SCORE and best[i][j] == pair + best[i + 1][j + 1]:
            pairs.append((candidates[i], notes[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
