"""Block rules: source text → blocks (spans), then front matter, sections, headings and notes.

In: ``Source`` and the data file's reader hints. Out: ``Front``, ``Section``s and ``Note``s of
``Paragraph``s (block quotations are found later, by ``quotes.py``), plus diagnostics.

Blocks are runs of non-blank lines separated by blank lines; a text with no blank line between
its lines at all, or a run holding a scraped paragraph-long line, is read one line per block;
furniture lines, reST underlines and note labels split a block where they stand. A block's span
runs from its first to its last non-layout character: white space *between* blocks is layout,
everything inside is kept. Then: boilerplate (``rules/boilerplate.py``), notes and anchors
decided together (``decide.py``), front matter, and headings (``rules/headings.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import takewhile

from ..diagnostics import Diagnostic
from ..model import Boilerplate, Front, Heading, Note, Paragraph, Section, Source, Span
from .decide import NoteGroup, decide_notes
from .rules.boilerplate import _continues_credit, find_boilerplate
from .rules.headings import (
    display_lines,
    entry_headings,
    heading_like,
    heading_rank,
    is_byline,
    is_display_block,
    read_run,
    repeated_headings,
)
from .rules.notes import bracket_end, join_inline_note_blocks, label_candidate, numbered_paragraphs
from .patterns import (
    BLANK_LINE,
    BYLINE,
    CREDIT,
    ILLUSTRATION_MARK,
    NOTE_LABEL_STYLES,
    PG_END,
    PG_END_LINE,
    PG_START,
    PROVENANCE,
    QUOTE_PREFIX,
    RST_UNDERLINE,
    STARTS_LOWER,
    STRONG_HEADING,
    TITLE_LINE,
)

MAX_TITLE_LENGTH = 160
LAYOUT_SPACE = " \t\n\f"  # white space of the layout between blocks; every other space is text
MAX_BLURB_LENGTH = 200
MAX_AUTHOR_WORDS = 6
MAX_PLACEHOLDERS = 3  # picture placeholders passed over between a heading and its text  # an author's name alone on its line under a bare "by"
PROSE_WORDS = 25  # a block of this many words is running text (the end of a title page)
PROSE_SENTENCE_WORDS = 5  # … and so is a sentence of this many words


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
    groups = [part for group in groups for part in _lines_if_scraped(group)]
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


SCRAPED_LINE = 200  # a hard-wrapped line is shorter; a scraped paragraph on one line is often longer


def _lines_if_scraped(group: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A run of lines holding a line longer than any hard-wrapped one is a scrape's one line per
    paragraph: read it one line per block (rule ``scraped-lines``)."""
    if len(group) > 1 and any(len(line) > SCRAPED_LINE for _, line in group) and not all(
            QUOTE_PREFIX.match(line) for _, line in group):
        return [[line] for line in group]
    return [group]


def split_furniture_lines(text: str, blocks: list[Span]) -> list[Span]:
    """Split a block at a line that opens or closes a Project Gutenberg text ("*** START OF …")
    and after a producer credit's last line, so that furniture and work never share a block."""
    out: list[Span] = []
    for b in blocks:
        s = text[b.start:b.end]
        if "\n" not in s or not (PG_START.search(s) or PG_END_LINE.search(s) or CREDIT.search(s)):
            out.append(b)
            continue
        cuts: list[int] = []
        offset = b.start
        in_credit = False
        previous = ""
        for line in s.split("\n"):
            if (PG_START.match(line) or PG_END.match(line)) and offset > b.start:
                cuts.append(offset)
            if in_credit and not (_continues_credit(line) or not previous.rstrip().endswith((".", ")", "]"))):
                cuts.append(offset)
                in_credit = False
            if PG_START.match(line):
                cuts.append(offset + len(line) + 1)
                in_credit = False
            elif CREDIT.match(line):
                in_credit = True
            previous = line
            offset += len(line) + 1
        edges = [b.start] + sorted(c for c in set(cuts) if b.start < c < b.end) + [b.end]
        for x, y in zip(edges, edges[1:]):
            while x < y and text[x] in LAYOUT_SPACE:
                x += 1
            while y > x and text[y - 1] in LAYOUT_SPACE:
                y -= 1
            if y > x:
                out.append(Span(x, y))
    return out


def split_underlined_titles(text: str, blocks: list[Span]) -> list[Span]:
    """Split a block after a title underlined in reST style ("Title\n=====") when prose follows
    without a blank line (rule ``underlined-title``)."""
    out: list[Span] = []
    for b in blocks:
        lines = text[b.start:b.end].split("\n")
        cut = None
        if len(lines) >= 2:
            for k in (1, 2)[:len(lines) - 1]:
                if RST_UNDERLINE.match(lines[k]) and len(lines[k].strip()) >= len(lines[k - 1].strip()) > 0:
                    cut = b.start + sum(len(x) + 1 for x in lines[:k + 1])
                    break
        if cut is None:
            out.append(b)
            continue
        title_end = b.start + sum(len(x) + 1 for x in lines[:k]) - 1
        out.append(Span(b.start, title_end))  # the title, then its underline: markup, kept as a block
        under = title_end + 1
        while text[under] in LAYOUT_SPACE:
            under += 1
        out.append(Span(under, min(cut - 1, b.end)))
        while cut < b.end and text[cut] in LAYOUT_SPACE:
            cut += 1
        if cut < b.end:
            out.append(Span(cut, b.end))
    return out


def split_label_lines(text: str, blocks: list[Span]) -> list[Span]:
    """Split a block that opens with a note label at every line opening with a label of the same
    style: ".. [#fn3] …\n.. [#fn4] …" are two notes (rule ``label-lines``)."""
    out: list[Span] = []
    for i, b in enumerate(blocks):
        first = label_candidate(text, b, i)
        s = text[b.start:b.end]
        if first is None or "\n" not in s:
            out.append(b)
            continue
        pattern = NOTE_LABEL_STYLES[first.style]
        start = b.start
        offset = b.start
        closed_at = None
        if first.style == "dp":  # "[Footnote 1: …]" ends at its bracket: a page's text may follow
            close = bracket_end(text, b.start, b.end)
            line_end = text.find("\n", close, b.end) if close is not None else -1
            closed_at = line_end if line_end >= 0 else None
        for line in s.split("\n"):
            if offset > b.start and (pattern.match(line) or (closed_at is not None and offset == closed_at + 1)):
                out.append(Span(start, offset - 1))
                start = offset
            offset += len(line) + 1
        out.append(Span(start, b.end))
    return out


@dataclass(slots=True)
class Layout:
    """The blocks sorted into the parts of an essay."""

    front: Front | None
    sections: list[Section]
    notes_heading: Heading | None
    notes: list[Note]
    front_boilerplate: list[Boilerplate] = field(default_factory=list)
    back_boilerplate: list[Boilerplate] = field(default_factory=list)
    groups: list[NoteGroup] = field(default_factory=list)
    report: dict = field(default_factory=dict)


def _strong_heading(text: str, block: Span) -> bool:
    """A heading no note runs over: "CHAPTER II", "Book I", "IV", "# Title" (``STRONG_HEADING``)."""
    s = text[block.start:block.end]
    return "\n" not in s.strip() and bool(STRONG_HEADING.match(s))


def read_layout(source: Source, front_blocks: int | None = None,
                blocks: list[Span] | None = None) -> tuple[Layout, list[Diagnostic]]:
    """``blocks``: the blocks of a page dump (``layout.read_pages``), else ``split_blocks``."""
    text = source.text
    if blocks is None:  # a page dump's blocks come from layout.read_pages, already split
        blocks = join_inline_note_blocks(text, split_label_lines(
            text, split_underlined_titles(text, split_furniture_lines(text, split_blocks(text)))))
    diags: list[Diagnostic] = []
    head, tail = find_boilerplate(text, blocks)
    front_bp = [Boilerplate(r.kind, [Paragraph(b) for b in blocks[r.first:r.last + 1]], r.rule) for r in head]
    back_bp = [Boilerplate(r.kind, [Paragraph(b) for b in blocks[r.first:r.last + 1]], r.rule) for r in tail]
    lo = head[-1].last + 1 if head else 0
    hi = tail[0].first if tail else len(blocks)
    if lo >= hi:  # everything looked like furniture: keep it as the work
        front_bp, back_bp, lo, hi = [], [], 0, len(blocks)
    pre = blocks[:head[0].first] if head and head[0].first > 0 else []
    notes_layout = decide_notes(text, blocks, lo, hi, lambda i: _strong_heading(text, blocks[i]))
    groups = notes_layout.groups
    if notes_layout.advertisement:
        a, b = notes_layout.advertisement
        back_bp.insert(0, Boilerplate("advertisement", [Paragraph(x) for x in blocks[a:b + 1]], "advertisement"))
        hi = a
    # notes: a unique number per note (the printed one when the printed ones are unique)
    labels = [c for g in groups for c in g.labels]
    unique = len({c.number for c in labels}) == len(labels)
    note_at: dict[int, Note] = {}
    owner: dict[int, NoteGroup] = {}
    all_notes: list[Note] = []
    for g in groups:
        for c, (first, last) in zip(g.labels, g.extents):
            n = c.number if unique else len(all_notes) + 1
            note = Note(n=n, label=c.label, blocks=[Paragraph(b) for b in blocks[first:last + 1]],
                        label_text=c.label_text, place=g.place)
            all_notes.append(note)
            note_at[first] = note
            for i in range(first, last + 1):
                owner[i] = g
    final = groups[-1] if groups and groups[-1].place == "end" else None
    body_end = hi
    notes_heading = None
    if final is not None:
        body_end = final.heading if final.heading is not None else final.first
        notes_heading = Heading(blocks[final.heading]) if final.heading is not None else None
        if body_end <= lo:  # a body is needed: no notes-only essays
            body_end, notes_heading = hi, None
            for note in all_notes:
                note.place = "chapter-end"
            final = None
    items: list = []
    for i in range(lo, body_end):
        if i in note_at:
            items.append(note_at[i])
        elif i not in owner:
            items.append(blocks[i])
    if pre:
        front = Front(title_line=Paragraph(pre[0]), title=pre[0], author=None,
                      argument=[Paragraph(b) for b in pre[1:]])
        body_items = items
    else:
        prefix = list(takewhile(lambda it: isinstance(it, Span), items))
        sentinel = [] if len(prefix) == len(items) else [items[len(prefix)].span]
        front, body_start = find_front(text, prefix + sentinel, front_blocks)
        body_items = items[body_start:]
    sections = find_sections(text, body_items)
    paragraphs = [b for s in sections for b in s.blocks if isinstance(b, Paragraph)]
    for k, n in numbered_paragraphs(text, paragraphs).items():
        paragraphs[k].n = n
    end_notes = [n for n in all_notes if n.place == "end"]
    report = {"notes": len(all_notes), "note groups": len(groups),
              "note styles": sorted({g.style for g in groups}), "anchor styles": sorted({g.anchor_style for g in groups}),
              "note placement": sorted({g.place for g in groups}),
              "boilerplate": [b.kind for b in front_bp + back_bp],
              "numbered paragraphs": sum(1 for p in paragraphs if p.n)}
    layout = Layout(front, sections, notes_heading, all_notes, front_bp, back_bp, groups, report)
    return layout, diags






def find_front(text: str, blocks: list[Span], front_blocks: int | None) -> tuple[Front | None, int]:
    """The title line, a blurb and a provenance line at the start; returns (front, body start)."""
    if len(blocks) < 2:
        return None, 0  # the only block is the body
    first = blocks[0]
    line = text[first.start:first.end]
    if "\n" in line or len(line) > MAX_TITLE_LENGTH or line.rstrip()[-1:] in ".!?:;,":
        return None, 0
    m = TITLE_LINE.match(line)
    kind = heading_like(text, first)
    if is_display_block(line):
        return None, 0  # a picture placeholder is no title: "[Illustration]" (rule ``dp-block``)
    second = text[blocks[1].start:blocks[1].end]
    if not m and front_blocks is None and kind in ("caps", "short-line") and is_byline(second) and len(blocks) > 2:
        # rule ``title-byline``: "A TITLE" / "By Ada Roe": a title page with its author
        name = BYLINE.match(second).end()
        while name < len(second) and second[name] in " \t":
            name += 1
        if name < len(second):
            author = Span(blocks[1].start + name, blocks[1].end)
            return Front(title_line=Paragraph(Span(first.start, author.end)), title=first, author=author), 2
        third = text[blocks[2].start:blocks[2].end]
        if len(blocks) > 3 and "\n" not in third and len(third.split()) <= MAX_AUTHOR_WORDS:  # "by" / "ADA ROE"
            return Front(title_line=Paragraph(Span(first.start, blocks[2].end)), title=first, author=blocks[2]), 3
    underlined = bool(RST_UNDERLINE.match(text[blocks[1].start:blocks[1].end]))
    if not m and front_blocks is None and (kind in ("markup", "numbered") or underlined or (
            kind == "caps" and not heading_like(text, blocks[1]))):
        return None, 0  # a heading over the text's first prose ("# Title", "THE TITLE"): the body's
    title_line = Paragraph(first)
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


def find_sections(text: str, blocks: list) -> list[Section]:
    """Split body blocks (spans, and notes printed in place) into sections at headings; the first
    section may have no heading. Runs of heading candidates (``rules/headings.py``) followed by
    prose are read by ``read_run``; a run with nothing after it, or after a paragraph ending in
    ":" or ",", is text."""
    kinds = [heading_like(text, b) if isinstance(b, Span) else "" for b in blocks]
    for i in range(len(blocks) - 1):  # a title over a reST underline block ("Title" / "=====")
        b, u = blocks[i], blocks[i + 1]
        if (isinstance(b, Span) and isinstance(u, Span) and "\n" not in text[b.start:b.end]
                and RST_UNDERLINE.match(text[u.start:u.end]) and u.end - u.start >= b.end - b.start):
            kinds[i] = "markup"
    for i in display_lines(text, blocks, kinds, _is_prose):
        kinds[i] = ""
    heading_at: dict[int, int] = {}  # first block of a heading → its last block
    i = 0
    while i < len(blocks):
        if not kinds[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(blocks) and kinds[j + 1]:
            j += 1
        nxt = blocks[j + 1] if j + 1 < len(blocks) else None
        before = blocks[i - 1] if i else None
        introduced = isinstance(before, Span) and text[before.start:before.end].rstrip().endswith((":", ","))
        if nxt is not None and not introduced:
            run = blocks[i:j + 1]
            for group in read_run(text, run):
                first, last = i + group[0], i + group[-1]
                if kinds[first] == "short-line" and not _prose_follows(text, blocks, last):
                    continue
                heading_at[first] = last
        i = j + 1
    # a title page: of the headings before the first prose paragraph only the last one is a heading
    first_prose = next((k for k, b in enumerate(blocks) if isinstance(b, Note) or (
        not kinds[k] and _is_prose(text[b.start:b.end]))), len(blocks))
    before = sorted(h for h in heading_at if h < first_prose)
    for h in before[:-1]:
        del heading_at[h]
    if before and any(_title_page_block(text, b) for b in blocks[heading_at[before[-1]] + 1:first_prose]):
        del heading_at[before[-1]]  # rule ``title-page``: a title over more title-page lines heads no text
    starts = sorted(heading_at)
    sizes = [(starts[k + 1] if k + 1 < len(starts) else len(blocks)) - heading_at[h] - 1 for k, h in enumerate(starts)]
    texts = [text[blocks[h].start:blocks[heading_at[h]].end] for h in starts]
    for h in entry_headings(texts, starts, sizes, [kinds[h] for h in starts]):
        del heading_at[h]
    starts = sorted(heading_at)
    sizes = [(starts[k + 1] if k + 1 < len(starts) else len(blocks)) - heading_at[h] - 1 for k, h in enumerate(starts)]
    texts = [text[blocks[h].start:blocks[heading_at[h]].end] for h in starts]
    for h in repeated_headings(texts, starts, sizes, [kinds[h] not in ("caps", "short-line") or any(
            isinstance(b, Span) and not kinds[k] and _is_prose(text[b.start:b.end])
            for k, b in enumerate(blocks[heading_at[h] + 1:heading_at[h] + 1 + size], heading_at[h] + 1))
            for h, size in zip(starts, sizes)]):
        del heading_at[h]
    sections: list[Section] = []
    current = Section(heading=None)
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if i in heading_at:
            if current.heading is not None or current.blocks:
                sections.append(current)
            last = heading_at[i]
            current = Section(heading=Heading(Span(b.start, blocks[last].end)))
            i = last + 1
            continue
        current.blocks.append(b if isinstance(b, Note) else Paragraph(b))
        i += 1
    if current.heading is not None or current.blocks:
        sections.append(current)
    _nest(text, sections)
    return sections


def _nest(text: str, sections: list[Section]) -> None:
    """Rule ``nesting``: a heading of a lower rank (``rules/headings.heading_rank``) opens a division
    inside the last heading of a higher rank: a Book or Part holds its chapters, a chapter in
    capitals its numbered or mixed-case sub-headings ("CHAPTER VI" › "I.--Early Days"), "##"
    sits under "#". Headings of one rank are siblings. A stack of open ranks: linear."""
    stack: list[int] = []
    for s in sections:
        if s.heading is None:
            continue
        rank = heading_rank(text[s.heading.span.start:s.heading.span.end])
        while stack and stack[-1] >= rank:
            stack.pop()
        s.level = len(stack) + 1
        stack.append(rank)


def _title_page_block(text: str, b) -> bool:
    """A block of a title page: several flush lines that are not running text ("THE LETTERS\nOF
    A TRAVELLER\nEdited by\n…"); an indented epigraph is not one."""
    if not isinstance(b, Span):
        return False
    s = text[b.start:b.end]
    line_start = text.rfind("\n", 0, b.start) + 1
    return "\n" in s and b.start - line_start < 2 and not _is_prose(s)


def _is_prose(s: str) -> bool:
    """Running text: a long block, or a sentence of a few words ("Some text here, a paragraph.")."""
    words = len(s.split())
    letters = [ch for ch in s if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) * 2 > len(letters):
        return False  # display lines in capitals: a publisher's address, a dedication
    return words >= PROSE_WORDS or (words >= PROSE_SENTENCE_WORDS and s.rstrip()[-1:] in ".!?\"\u201d\u2019'")


def _prose_follows(text: str, blocks: list, i: int) -> bool:
    """Is the block after ``i`` running text (not indented, not continuing a sentence)? A picture
    placeholder between ("Chapter One" / "    [Illustration]" / text) is passed over."""
    k = i + 1
    while k < len(blocks) and k - i <= MAX_PLACEHOLDERS and isinstance(blocks[k], Span) and \
            ILLUSTRATION_MARK.match(text[blocks[k].start:blocks[k].end]):
        k += 1
    nxt = blocks[k] if k < len(blocks) else None
    if not isinstance(nxt, Span):
        return nxt is not None
    line_start = text.rfind("\n", 0, nxt.start) + 1
    return nxt.start - line_start < 2 and not STARTS_LOWER.match(text[nxt.start:nxt.end])

