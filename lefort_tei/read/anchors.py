"""Note anchors: find candidate markers, choose the ones that read 1..n in order, link them.

In: the body paragraphs (and headings) of a read layout, the notes, the data file's
``[[anchor]]`` hints. Out: ``NoteAnchor`` spans added to the paragraphs, a ``Correction`` for a
marker the OCR misprinted ("(l6)" → "(16)"), and diagnostics for notes without anchors.

Anchors are "pending references" until the whole text is read: a candidate is any marker shape
(``ANCHOR_PAREN``, ``ANCHOR_BRACKET``, ``ANCHOR_SUPERSCRIPT``, ``ANCHOR_BARE_AFTER_QUOTE``) whose
number is a note that exists; of all candidates, the longest run whose numbers strictly increase
in reading order is taken (the anchors of a text come in note order). Data-file anchors are
forced into that run.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from ..data import AnchorHint
from ..diagnostics import Diagnostic, InputError, error, warning
from ..model import Correction, Note, NoteAnchor, Paragraph, Source, Span
from .patterns import (
    ANCHOR_STYLES,
    ANCHOR_BARE_AFTER_QUOTE,
    ANCHOR_BRACKET,
    ANCHOR_PAREN,
    ANCHOR_SUPERSCRIPT,
)
from .rules.notes import ENUMERATION_STYLES, emphasis_closer, enumeration_markers, marker_value

FORCED = 10_000  # weight of a data-file anchor: it is always part of the chosen run

# (pattern, style, group holding the number); earlier patterns win where candidates overlap.
CANDIDATE_RULES = (
    (ANCHOR_PAREN, "paren", "num"),
    (ANCHOR_BRACKET, "bracket", "num"),
    (ANCHOR_SUPERSCRIPT, "superscript", "sup"),
    (ANCHOR_BARE_AFTER_QUOTE, "bare", "num"),
)

STYLE_FORMAT = {"paren": "({})", "bracket": "[{}]", "superscript": "{}", "bare": "{}", "glued": "{}",
                "markdown": "[^{}]", "rest": "[#{}]_"}
FULL_MATCH_STYLES = ("paren", "bracket", "markdown", "rest", "symbol")  # the anchor covers the brackets too


def rules_for(styles: set[str]) -> tuple:
    """The candidate rules for the anchor styles the notes' decide step found: the classic ones
    ("(5)", "[5]", "⁵", ",34") or the source-syntax ones (Markdown, reST, glued digits)."""
    styles = {s for s in styles if s} or {"paren"}
    rules = tuple(r for r in CANDIDATE_RULES if r[1] in styles or r[1] == "superscript"
                  or (r[1] == "bare" and "paren" in styles))
    return rules + tuple((ANCHOR_STYLES[s], s, "num") for s in sorted(styles) if s not in ("paren", "bracket", "superscript"))


@dataclass(slots=True)
class Candidate:
    anchor: NoteAnchor
    paragraph: Paragraph
    weight: int = 1


def marker_number(printed: str, style: str) -> int | None:
    return marker_value(printed, style)


def find_candidates(source: Source, paragraphs: list[Paragraph], note_numbers: set[int],
                    dangling: list[NoteAnchor] | None = None, rules: tuple = CANDIDATE_RULES) -> list[Candidate]:
    """Candidate anchors whose number is a note; markers in brackets or superscript whose number
    is no note are collected in ``dangling`` (when given)."""
    text = source.text
    highest = max(note_numbers, default=0)
    counting = _enumerations(text, paragraphs, rules)
    found: list[Candidate] = []
    for p in paragraphs:
        taken: list[Span] = []
        for pattern, style, group in rules:
            for m in pattern.finditer(text, p.span.start, p.span.end):
                span = Span(m.start(), m.end()) if style in FULL_MATCH_STYLES else Span(m.start(group), m.end(group))
                if any(span.overlaps(t) for t in taken) or m.start() in counting:
                    continue
                if style == "symbol" and emphasis_closer(text, m.start()):
                    continue
                number = marker_number(m[group], style)
                if number is None:
                    continue
                if number not in note_numbers:
                    if dangling is not None and style in ("paren", "bracket", "superscript") and note_numbers and number > highest:
                        dangling.append(NoteAnchor(span=span, number_read=number, style=style))
                    continue
                taken.append(span)
                found.append(Candidate(NoteAnchor(span=span, number_read=number, style=style), p))
    found.sort(key=lambda c: c.anchor.span.start)
    return found


def _enumerations(text: str, paragraphs: list[Paragraph], rules: tuple) -> set[int]:
    """Offsets of the markers that count an inline enumeration's items ("kinds: (1) …, (2) …,
    and (3) …"; ``rules/notes.enumeration_markers``), whatever their numbers: no anchors."""
    markers = []
    for p in sorted(paragraphs, key=lambda p: p.span.start):
        for pattern, style, group in rules:
            if style in ENUMERATION_STYLES:
                for m in pattern.finditer(text, p.span.start, p.span.end):
                    number = marker_number(m[group], style)
                    if number is not None:
                        markers.append((m.start(), m.end(), number))
    return enumeration_markers(text, markers)


def choose_run(candidates: list[Candidate], latest: bool = False) -> list[Candidate]:
    """The heaviest subsequence whose numbers strictly increase (weighted LIS, O(n log n)).

    Each candidate extends the heaviest run ending before it on a smaller number, found with a
    Fenwick tree of (weight, -index) maxima over the numbers seen so far: on equal weights the
    earliest candidate wins, as it would in the plain O(n²) scan, so the run is the same.
    ``latest``: on equal weights the candidate nearest the end wins (the anchors of notes printed
    at the foot of a page or a chapter's end are the nearest ones before them): the same run
    taken backwards, on decreasing numbers.
    """
    n = len(candidates)
    if not n:
        return []
    if latest:
        flipped = [Candidate(NoteAnchor(span=c.anchor.span, number_read=-c.anchor.number_read, style=c.anchor.style),
                             c.paragraph, c.weight) for c in reversed(candidates)]
        back = {id(f): c for f, c in zip(flipped, reversed(candidates))}
        return [back[id(f)] for f in reversed(choose_run(flipped))]
    values = sorted({c.anchor.number_read for c in candidates})
    rank = {v: k + 1 for k, v in enumerate(values)}  # 1-based for the tree
    tree: list[tuple[int, int]] = [(0, 1)] * (len(values) + 1)  # (best, -index); (0, 1): none yet
    best = [0] * n
    prev = [-1] * n
    for i, c in enumerate(candidates):
        k, top = rank[c.anchor.number_read] - 1, (0, 1)  # the best over numbers strictly smaller
        while k > 0:
            top = max(top, tree[k])
            k -= k & -k
        best[i] = c.weight + top[0]
        prev[i] = -top[1] if top[0] > 0 else -1
        k = rank[c.anchor.number_read]
        while k <= len(values):
            tree[k] = max(tree[k], (best[i], -i))
            k += k & -k
    i = max(range(n), key=lambda k: (best[k], -k))
    run = []
    while i >= 0:
        run.append(candidates[i])
        i = prev[i]
    return run[::-1]


def hint_candidates(source: Source, paragraphs: list[Paragraph], hints: list[AnchorHint],
                    data_path: str) -> list[Candidate]:
    """Data-file anchors, located by their context; an unfound or ambiguous context is an error."""
    text = source.text
    out = []
    for h in hints:
        at = _find_unique(text, h.context)
        if at is None:
            raise InputError(error("data-context", f"[[anchor]] #{h.index} (note {h.note}): context "
                                   f"{h.context!r} is {'not found' if text.count(h.context) == 0 else 'not unique'}"
                                   " in the text; quote a longer verbatim excerpt", data_path, h.line, 1))
        inner = h.context.find(h.marker)
        if inner < 0 or h.context.count(h.marker) != 1:
            raise InputError(error("data-context", f"[[anchor]] #{h.index}: marker {h.marker!r} must occur once "
                                   "in its context", data_path, h.line, 1))
        span = Span(at + inner, at + inner + len(h.marker))
        para = next((p for p in paragraphs if p.span.contains(span)), None)
        if para is None:
            raise InputError(error("data-context", f"[[anchor]] #{h.index}: the marker is not in the body text",
                                   data_path, h.line, 1))
        anchor = NoteAnchor(span=span, number_read=h.note, style="data", reason=h.reason)
        out.append(Candidate(anchor, para, weight=FORCED))
    return out


def link_notes(source: Source, groups: list, paragraphs: list[Paragraph], notes: list[Note], data) -> list[Diagnostic]:
    """Link the anchors of every note group: one run through the text when the printed numbers are
    unique (``link_anchors``), else group by group, each in the text between the previous group and
    itself (numbering that restarts per page or chapter: an anchor links to the nearest following
    note with its label)."""
    rules = rules_for({g.anchor_style for g in groups})
    # One run through the whole text only when the notes, in the order they are printed, read
    # 1..n (numbers unique and rising): a group numbered below the one before it is a restart, and
    # its anchors must be looked for in its own region (else "2. …" printed before "1 …" takes an
    # anchor printed after both, and the anchors no longer come in note order).
    # Notes at a page's foot are answered on their page: always region by region.
    if (all(a.n < b.n for a, b in zip(notes, notes[1:])) and not any(g.place == "foot" for g in groups)
            and all(n.label_text in ("", str(n.n)) or n.label_text.endswith(str(n.n)) for n in notes)):
        return link_anchors(source, paragraphs, notes, data.anchors, data.path, rules)
    diags: list[Diagnostic] = []
    by_label: dict[tuple[int, int], Note] = {}
    k = 0
    for gi, g in enumerate(groups):
        for c in g.labels:
            by_label[(gi, c.number)] = notes[k]
            k += 1
    linked: set[int] = set()
    ordered = sorted(paragraphs, key=lambda p: p.span.start)
    starts = [p.span.start for p in ordered]
    for gi, g in enumerate(groups):
        start, end = g.region  # regions are disjoint: each paragraph is looked at once or twice
        first = bisect.bisect_left(starts, start)
        if first > 0 and ordered[first - 1].span.end > start:  # a paragraph running over a page's foot notes
            first -= 1
        inside = ordered[first:bisect.bisect_left(starts, end)]
        numbers = {c.number for c in g.labels}
        run = choose_run([c for c in find_candidates(source, inside, numbers, None, rules_for({g.anchor_style}))
                          if start <= c.anchor.span.start and c.anchor.span.end <= end], latest=True)
        for c in run:
            note = by_label[(gi, c.anchor.number_read)]
            c.anchor.n = note.n
            # the anchor prints its note's label: a printers' mark as such ("†"), else the number
            printed = note.label_text
            c.anchor.label = printed if printed and not any(ch.isdigit() for ch in printed) else str(c.anchor.number_read)
            c.paragraph.inlines.append(c.anchor)
            linked.add(note.n)
    for note in notes:
        if note.n not in linked:
            line, col = source.position(note.label.start)
            diags.append(warning("note-orphan", f"note {note.label_text or note.n} has no anchor in the text",
                                 source.path, line, col))
    return diags


def link_anchors(source: Source, paragraphs: list[Paragraph], notes: list[Note],
                 hints: list[AnchorHint], data_path: str = "", rules: tuple = CANDIDATE_RULES) -> list[Diagnostic]:
    """Find, choose and link the anchors; add them (and marker corrections) to the paragraphs."""
    diags: list[Diagnostic] = []
    numbers = {n.n for n in notes}
    forced = hint_candidates(source, paragraphs, hints, data_path)
    forced_spans = [c.anchor.span for c in forced]
    dangling: list[NoteAnchor] = []
    candidates = [c for c in find_candidates(source, paragraphs, numbers, dangling, rules)
                  if not any(c.anchor.span.overlaps(s) for s in forced_spans)]
    for a in dangling:
        line, col = source.position(a.span.start)
        diags.append(warning("anchor-dangling", f"{source.slice(a.span)!r} looks like the anchor of note "
                             f"{a.number_read}, but the text has only {max(numbers)} notes; kept as text "
                             "(is a note missing at the end?)", source.path, line, col))
    run = choose_run(sorted(candidates + forced, key=lambda c: c.anchor.span.start))
    style = Counter(c.anchor.style for c in run if c.anchor.style != "data").most_common(1)
    main_style = style[0][0] if style else "paren"
    for c in run:
        a = c.anchor
        a.n = a.number_read
        c.paragraph.inlines.append(a)
        printed = source.slice(a.span)
        canonical_style = main_style if a.style in ("data", "bare") else a.style
        canonical = STYLE_FORMAT[canonical_style].format(a.n)
        digits_as_printed = "".join(ch for ch in printed if ch.isdigit())
        if a.style == "data" or (a.style in ("paren", "bracket") and digits_as_printed != str(a.n)):
            why = a.reason or f"note marker misprinted: {printed!r} for {canonical!r}"
            resp = "#ed" if a.style == "data" else "#lefort-tei"  # the editor's data vs the converter's rule
            c.paragraph.inlines.append(Correction(span=a.span, corr=canonical, resp=resp,
                                                  cert="high", reason=why, kind="anchor"))
    linked = {c.anchor.n for c in run}
    chosen = {id(c) for c in run}  # identity: comparing candidates field by field made this quadratic
    for c in candidates:
        if id(c) not in chosen and c.anchor.number_read in linked:
            line, col = source.position(c.anchor.span.start)
            diags.append(Diagnostic("info", "anchor-ignored",
                                    f"{source.slice(c.anchor.span)!r} looks like a note marker but is out of "
                                    "sequence; kept as text", source.path, line, col))
    for note in notes:
        if note.n not in linked:
            line, col = source.position(note.label.start)
            diags.append(warning("note-orphan", f"note {note.n} has no anchor in the text; if the OCR lost its "
                                 "marker, add an [[anchor]] entry to the data file (docs/editorial-data.md)",
                                 source.path, line, col))
    if notes and not run:
        diags.append(warning("anchors-none", "the text has notes but no note anchors were found",
                             source.path, 1, 1))
    return diags


def _find_unique(text: str, needle: str) -> int | None:
    if not needle:
        return None
    first = text.find(needle)
    if first < 0 or text.find(needle, first + 1) >= 0:
        return None
    return first
