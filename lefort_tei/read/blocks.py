"""Block rules: source text → blocks (spans), then front matter, sections, headings and notes.

In: ``Source`` and the data file's reader hints. Out: ``Front``, ``Section``s and ``Note``s of
``Paragraph``s (block quotations are found later, by ``quotes.py``), plus diagnostics.

Blocks are runs of non-blank lines separated by blank lines; a text with no blank line between
its lines at all is read one line per block. A block's span runs from its first to its last
non-space character: white space *between* blocks is layout, everything inside is kept.
The rules run in a fixed order, each a small function that can say "would I match here?":
notes (from the end), front matter (from the start), then headings.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..model import Front, Heading, Note, Paragraph, Section, Source, Span
from .patterns import (
    BLANK_LINE,
    HEADING_NUMBER_ONLY,
    HEADING_SHAPE,
    NOTE_START,
    NOTES_HEADING,
    PROVENANCE,
    TITLE_LINE,
)

MAX_TITLE_LENGTH = 160
LAYOUT_SPACE = " \t\n\f"  # white space of the layout between blocks; every other space is text
MAX_BLURB_LENGTH = 200
MAX_HEADING_WORDS = 14


def split_blocks(text: str) -> list[Span]:
    """Spans of the blocks of ``text`` (see the module docstring)."""
    lines = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    content = [(o, l) for o, l in lines if not BLANK_LINE.match(l)]
    has_blank_separators = any(
        BLANK_LINE.match(lines[i][1]) for i in range(1, len(lines) - 1)
        if not BLANK_LINE.match(lines[i - 1][1])
    )
    blocks: list[Span] = []
    if not has_blank_separators:
        groups = [[c] for c in content]
    else:
        groups, current = [], []
        for o, l in lines:
            if BLANK_LINE.match(l):
                if current:
                    groups.append(current)
                current = []
            else:
                current.append((o, l))
        if current:
            groups.append(current)
    for group in groups:
        start = group[0][0]
        end = group[-1][0] + len(group[-1][1])
        while start < end and text[start] in LAYOUT_SPACE:
            start += 1
        while end > start and text[end - 1] in LAYOUT_SPACE:
            end -= 1
        if end > start:
            blocks.append(Span(start, end))
    return blocks


@dataclass(slots=True)
class Layout:
    """The blocks sorted into the parts of an essay."""

    front: Front | None
    sections: list[Section]
    notes_heading: Heading | None
    notes: list[Note]


def read_layout(source: Source, front_blocks: int | None = None) -> tuple[Layout, list[Diagnostic]]:
    text = source.text
    blocks = split_blocks(text)
    diags: list[Diagnostic] = []
    notes_start, notes_heading_index = find_notes(text, blocks)
    if notes_start == 0 or notes_heading_index == 0:
        notes_start, notes_heading_index = len(blocks), None  # a body is needed: no notes-only essays
    body_end = notes_heading_index if notes_heading_index is not None else notes_start
    front, body_start = find_front(text, blocks[:body_end], front_blocks)
    sections = find_sections(text, blocks[body_start:body_end])
    notes = build_notes(text, blocks[notes_start:])
    notes_heading = Heading(blocks[notes_heading_index]) if notes_heading_index is not None else None
    return Layout(front, sections, notes_heading, notes), diags


def note_label(text: str, block: Span) -> tuple[int, Span] | None:
    """The note number and label span if ``block`` starts like an endnote ("16 Trotsky, …")."""
    m = NOTE_START.match(text[block.start:block.end])
    if not m:
        return None
    group = "bracket" if m["bracket"] else "paren" if m["paren"] else "plain"
    return int(m[group]), Span(block.start + m.start("label"), block.start + m.end("label"))


def _looks_like_heading(text: str, block: Span) -> bool:
    s = text[block.start:block.end]
    if "\n" in s:
        return False
    if HEADING_NUMBER_ONLY.match(s):
        return True
    return bool(HEADING_SHAPE.match(s)) and len(s.split()) <= MAX_HEADING_WORDS


def find_notes(text: str, blocks: list[Span]) -> tuple[int, int | None]:
    """Index of the first endnote block (``len(blocks)`` when there are none) and of the notes
    heading if one stands right before them.

    The notes are the trailing run of blocks whose numbered blocks read 1, 2, 3 … in order to the
    end; unnumbered blocks between them continue the previous note. A numbered block that looks
    like a heading and is followed by an unnumbered block is a numbered heading, not a note.
    """
    labels: list[int | None] = []
    for i, b in enumerate(blocks):
        found = note_label(text, b)
        if found and _is_numbered_heading(text, blocks, i):
            found = None
        labels.append(found[0] if found else None)
    # Walk backwards: keep the sequence n, n-1, …, 1 ending at the last numbered block.
    start = len(blocks)
    want = None
    for i in range(len(blocks) - 1, -1, -1):
        n = labels[i]
        if n is None:
            continue
        if want is None:
            want = n
        if n != want:
            break
        want -= 1
        if n == 1:
            start = i
            break
    if start == len(blocks) or labels[start] != 1:
        return len(blocks), None
    heading = None
    if start > 0 and NOTES_HEADING.match(text[blocks[start - 1].start:blocks[start - 1].end]):
        heading = start - 1
    return start, heading


def _is_numbered_heading(text: str, blocks: list[Span], i: int) -> bool:
    b = blocks[i]
    s = text[b.start:b.end]
    if not _looks_like_heading(text, b) or s[-1:] in ".)":
        return False
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and note_label(text, nxt) is None


def find_front(text: str, blocks: list[Span], front_blocks: int | None) -> tuple[Front | None, int]:
    """The title line, a blurb and a provenance line at the start; returns (front, body start)."""
    if len(blocks) < 2:
        return None, 0  # the only block is the body
    first = blocks[0]
    line = text[first.start:first.end]
    if "\n" in line or len(line) > MAX_TITLE_LENGTH or line.rstrip()[-1:] in ".!?:;,":
        return None, 0
    title_line = Paragraph(first)
    m = TITLE_LINE.match(line)
    if m:
        title = Span(first.start + m.start("title"), first.start + m.end("title"))
        author = Span(first.start + m.start("author"), first.start + m.end("author"))
    else:
        title, author = first, None
    front = Front(title_line=title_line, title=title, author=author)
    rest = blocks[1:]
    if front_blocks is not None:
        extra = rest[:min(front_blocks, len(rest) - 1)]  # the body keeps at least one block
    elif rest and _is_provenance(text, rest[0]):
        extra = rest[:1]
    elif len(rest) > 1 and _is_blurb(text, rest[0]) and _is_provenance(text, rest[1]):
        extra = rest[:2]
    else:
        extra = []
    # Blurb paragraphs are those before the first provenance line; from it on, everything stays in
    # the provenance division, so the front keeps the source's order.
    for b in extra:
        part = front.provenance if front.provenance or PROVENANCE.match(text[b.start:b.end]) else front.argument
        part.append(Paragraph(b))
    return front, 1 + len(extra)


def _is_provenance(text: str, block: Span) -> bool:
    return bool(PROVENANCE.match(text[block.start:block.end]))


def _is_blurb(text: str, block: Span) -> bool:
    s = text[block.start:block.end]
    return len(s) <= MAX_BLURB_LENGTH and "\n" not in s


def find_sections(text: str, blocks: list[Span]) -> list[Section]:
    """Split body blocks into sections at headings; the first section may have no heading."""
    sections: list[Section] = []
    current = Section(heading=None)
    for i, b in enumerate(blocks):
        prev = text[blocks[i - 1].start:blocks[i - 1].end] if i else ""
        is_heading = _looks_like_heading(text, b) and not prev.rstrip().endswith((":", ","))
        if is_heading and i + 1 < len(blocks):
            if current.heading is not None or current.blocks:
                sections.append(current)
            current = Section(heading=Heading(b))
        else:
            current.blocks.append(Paragraph(b))
    if current.heading is not None or current.blocks:
        sections.append(current)
    return sections


def build_notes(text: str, blocks: list[Span]) -> list[Note]:
    notes: list[Note] = []
    for b in blocks:
        found = note_label(text, b)
        if found and (not notes or found[0] == notes[-1].n + 1):
            n, label = found
            notes.append(Note(n=n, label=label, blocks=[Paragraph(b)]))
        elif notes:
            notes[-1].blocks.append(Paragraph(b))
    return notes
