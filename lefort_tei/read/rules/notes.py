"""Note rules: where a block opens with a note label, and where an inline note is printed.

In: the text and a block span. Out: ``LabelCandidate`` (style, number, label span) or inline note
spans. Styles (``NOTE_LABEL_STYLES``): ``dp`` "[Footnote 1: …]", ``markdown`` "[^1]: …", ``rest``
".. [#fn3] …", ``superscript`` "¹ …", ``symbol`` "* …" / "† …", ``bracket`` "[1] …", ``paren`` "(1) …",
``plain`` "1 …" / "1. …". Whether a label
opens a note or a numbered paragraph is decided with the anchors, in ``read/decide.py``.
"""

from __future__ import annotations

import re

from dataclasses import dataclass

from ...model import InlineNote, Span
from ..patterns import (
    EMPHASIS_OPEN,
    ENUMERATION_COLON,
    ENUMERATION_ITEM,
    ENUMERATION_SEPARATOR,
    INLINE_NOTE_OPEN,
    NOTE_LABEL_STYLES,
    NOTE_SYMBOLS,
    OCR_DIGITS,
    SUPERSCRIPT_DIGITS,
)

MAX_INLINE_NOTE_BLOCKS = 12  # blocks an inline note "[Footnote: … ]" may run over (paragraphs inside it)
NUMBERED_STYLES = ("plain", "paren", "bracket")  # labels that number paragraphs: "1. …", "(1) …", "[1] …"
NUMBERED_GAP = 12  # unnumbered paragraphs at most between two numbered ones of a run
ENUMERATION_GAP = 250  # characters at most between two items of an inline enumeration
ENUMERATION_MIN = 3  # "(1) … (2) … (3) …": three items counted 1, 2, 3 in a row make an enumeration
ENUMERATION_STYLES = ("paren",)  # the marker shapes a sentence enumerates with

# Which anchor styles can answer a label style ("[1] text" is answered by "[1]" or "¹" …).
ANSWERS = {
    "bracket": ("bracket", "superscript", "paren", "glued"),
    "paren": ("paren", "superscript", "bracket"),
    "plain": ("paren", "bracket", "superscript", "glued"),
    "markdown": ("markdown",),
    "rest": ("rest",),
    "dp": ("bracket", "superscript"),
    "superscript": ("superscript",),  # "¹ text" is answered by "¹"
    "symbol": ("symbol",),  # "† text" by "†"
}
EMPHASIS_LOOKBACK = 300  # characters of its line searched for the "*" that opens an emphasis
EMPHASIS_RUN = re.compile(r"\*+")  # a run of asterisks: one emphasis mark ("*", "**")


@dataclass(slots=True)
class LabelCandidate:
    index: int  # block index
    style: str
    number: int
    label_text: str
    label: Span  # the printed marker: "[16]", "16.", "[^1]:"


def marker_value(printed: str, style: str) -> int | None:
    """The number a note marker stands for: "(l6)" → 16 (OCR letters), "¹²" → 12, and a
    printers' mark its place in their order (rule ``symbol-order``): "*" → 1, "†" → 2 … "¶" → 6,
    "**" → 7, "††" → 8 (doubled marks go on after the six)."""
    if style == "symbol":
        if not printed or printed.strip(printed[0]) or printed[0] not in NOTE_SYMBOLS:
            return None
        return NOTE_SYMBOLS.index(printed[0]) + 1 + len(NOTE_SYMBOLS) * (len(printed) - 1)
    digits = printed.translate(SUPERSCRIPT_DIGITS) if style == "superscript" else printed.translate(OCR_DIGITS)
    digits = "".join(ch for ch in digits if ch.isdigit())
    return int(digits) if digits else None


def emphasis_closer(text: str, at: int) -> bool:
    """Whether the "*" at ``at`` closes an emphasis opened on its line (rule ``emphasis-mark``):
    "the *real* thing", "**bold**" hold no note anchor; in "the *real* thing, a note* here" the mark
    after the emphasis closed is one. Looks back at most ``EMPHASIS_LOOKBACK`` characters."""
    if text[at] != "*":
        return False
    line_start = text.rfind("\n", max(0, at - EMPHASIS_LOOKBACK), at) + 1
    # an emphasis is open when an opening mark stands before it and the runs of marks before it
    # are odd ("*real*", "**bold**": one run opens, the next closes)
    return (len(EMPHASIS_RUN.findall(text, line_start, at)) % 2 == 1
            and EMPHASIS_OPEN.search(text, line_start, at) is not None)


def label_candidate(text: str, block: Span, index: int) -> LabelCandidate | None:
    s = text[block.start:min(block.end, block.start + 40)]
    for style, pattern in NOTE_LABEL_STYLES.items():
        m = pattern.match(s)
        if m and style == "dp" and m["label2"]:  # "[#3 …]": the number is the label
            return LabelCandidate(index, style, int(m["label2"]), m["label2"],
                                  Span(block.start + m.start("marker"), block.start + m.end("marker")))
        if m:
            number = marker_value(m["num"], style)
            if number is None:
                continue
            # a label in superscript digits is the number it prints ("³" → "3": the note's @n)
            label = str(number) if style == "superscript" else m["label"]
            return LabelCandidate(index, style, number, label,
                                  Span(block.start + m.start("marker"), block.start + m.end("marker")))
    return None


def enumeration_markers(text: str, markers: list[tuple[int, int, int]]) -> set[int]:
    """The offsets of the markers that count the items of an inline enumeration (rule
    ``inline-enumeration``): "are of four kinds: (1) explanations …, (2) identifications …,
    (3) location …, and (4) cross references". ``markers``: (start, end, number) in reading order.

    A run counted from 1, each marker at most ``ENUMERATION_GAP`` characters after the one before
    and numbered one more, of at least ``ENUMERATION_MIN`` markers, where every marker opens an
    item (a word follows it: ``ENUMERATION_ITEM``) and all but the last follow a colon, comma or
    semicolon (the last may follow "and"). Two markers are enough when a colon introduces the
    first ("by this only: (1) In the national …  (2) In the various …"): an anchor closes a phrase,
    it does not open one after a colon. Note anchors close a phrase instead ("b.(2) c (3).",
    and (31) (32) (33) in one sentence do not start at 1). One pass: linear.
    """
    found: set[int] = set()
    run: list[tuple[int, bool]] = []  # (start, follows a separator)
    last_at = last_number = -1
    introduced = False  # the run's first marker follows a colon

    def close() -> None:
        enough = len(run) >= ENUMERATION_MIN or len(run) == 2 and introduced
        if enough and sum(1 for _, sep in run if not sep) <= 1:
            found.update(at for at, _ in run)

    for at, end, number in markers:
        item = ENUMERATION_ITEM.match(text, end) is not None
        separated = ENUMERATION_SEPARATOR.search(text, max(0, at - 3), at) is not None
        if run and item and number == last_number + 1 and at - last_at <= ENUMERATION_GAP:
            run.append((at, separated))
        else:
            close()
            run = [(at, separated)] if number == 1 and item else []
            introduced = bool(run) and ENUMERATION_COLON.search(text, max(0, at - 3), at) is not None
        last_at, last_number = at, number
    close()
    return found


def numbered_paragraphs(text: str, paragraphs: list) -> dict[int, str]:
    """Paragraphs numbered as the text's own sequence, that no anchor points to (rule
    ``numbered-paragraph``; the notes were decided first, so these blocks are not notes):
    index in ``paragraphs`` → the printed number ("1. The sternest of the controls …" → "1").

    A run: labels of one style (``NUMBERED_STYLES``) whose numbers rise by one, at most
    ``NUMBERED_GAP`` paragraphs apart; two of them when the run starts at 1, else three (a
    paragraph that happens to open with a number, "12 men came", numbers nothing). One pass.
    """
    found: dict[int, str] = {}
    run: list[tuple[int, LabelCandidate]] = []

    def close() -> None:
        if len(run) >= (2 if run[0][1].number == 1 else 3):
            found.update((k, str(c.number)) for k, c in run)

    for k, p in enumerate(paragraphs):
        c = label_candidate(text, p.span, k)
        if c is None or c.style not in NUMBERED_STYLES:
            continue
        if run and c.style == run[-1][1].style and c.number == run[-1][1].number + 1 and k - run[-1][0] <= NUMBERED_GAP + 1:
            run.append((k, c))
        else:
            if run:
                close()
            run = [(k, c)]
    if run:
        close()
    return found


def bracket_end(text: str, start: int, end: int) -> int | None:
    """The offset after the "]" closing the "[" at ``start`` (nested brackets counted), or None."""
    return _scan_brackets(text, start, end, 0)[0]


def _scan_brackets(text: str, start: int, end: int, depth: int) -> tuple[int | None, int]:
    """Brackets of ``text[start:end]`` counted from ``depth``: the offset after the "]" that brings
    the depth back to 0 (None if none does), and the depth where the scan stopped."""
    for i in range(start, end):
        ch = text[i]
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1, 0
    return None, depth


def join_inline_note_blocks(text: str, blocks: list[Span]) -> list[Span]:
    """Blocks an inline note runs over are one block (rule ``inline-note-paragraphs``): "… the
    legislator. [Footnote: The savage …\n\nThis is the source … arisen.]" is one paragraph holding
    the note, whose text keeps its blank line. The brackets are counted from the note's opening
    to its closing; a note left open over more than ``MAX_INLINE_NOTE_BLOCKS`` blocks joins
    nothing. Each block is scanned a bounded number of times: linear."""
    out: list[Span] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        j = i
        opened = _open_inline_note(text, block)
        if opened is not None:
            depth = opened
            for k in range(i + 1, min(len(blocks), i + 1 + MAX_INLINE_NOTE_BLOCKS)):
                depth = _bracket_depth(text, blocks[k], depth)
                if depth <= 0:
                    j = k
                    break
        out.append(Span(block.start, blocks[j].end) if j > i else block)
        i = j + 1
    return out


def _open_inline_note(text: str, block: Span) -> int | None:
    """The bracket depth left open at the block's end by an inline note opened in it, or None."""
    pos = block.start
    while (m := INLINE_NOTE_OPEN.search(text, pos, block.end)) is not None:
        close = bracket_end(text, m.start(), block.end)
        if close is None:
            return _bracket_depth(text, Span(m.start(), block.end), 0)
        pos = close
    return None


def _bracket_depth(text: str, block: Span, depth: int) -> int:
    """``depth`` after the brackets of ``block``; <= 0 as soon as the note's bracket closes."""
    return _scan_brackets(text, block.start, block.end, depth)[1]


def inline_notes(text: str, span: Span) -> list[InlineNote]:
    """``[Footnote: …]`` notes printed inside a paragraph (rule ``inline-footnote``)."""
    found: list[InlineNote] = []
    pos = span.start
    while (m := INLINE_NOTE_OPEN.search(text, pos, span.end)) is not None:
        close = bracket_end(text, m.start(), span.end)
        if close is None:
            break
        group = "label" if m["label"] else "short" if m["short"] else None
        label = Span(m.start(group), m.end(group)) if group else None
        found.append(InlineNote(Span(m.start(), close), label, m[group] if group else ""))
        pos = close
    return found
