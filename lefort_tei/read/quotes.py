"""Block quotations: group paragraphs into ``BlockQuote``s by general rules and data hints.

In: a list of blocks (a section's or a note's), the source, and the data file's ``[[quote]]``
hints. Out: the same blocks with quotation paragraphs wrapped in ``BlockQuote`` (text untouched),
verse paragraphs marked ``Paragraph.verse`` (``lg``/``l``), and Distributed Proofreaders' poetry
markers as ``PageMarks`` blocks (``fw[@type=markup]``) beside their quotation.

Rules, in order (``BlockQuote.rule`` records which one fired):
  ``data``: a ``[[quote]]`` hint names the paragraph by its first words (it may also say
      ``block = false`` to undo a rule);
  ``markup``: Distributed Proofreaders' "/P" … "P/" around verse, over one or more paragraphs
      (stanzas); the markers stay in the text, outside the quotation;
  ``marks``: quotation marks opened in one paragraph and closed in a later one;
  ``indent`` / ``prefix``: the paragraph is set off by layout (``set_off``): indented lines, or
      lines opening with ">"; but not a listing (``_listing``: lines all in capitals, ending in
      page references (an index, a contents list), aligned in columns (a table), a numbered list
      item, a remark in parentheses); a picture placeholder ("[Illustration]") only inside a quoted
      piece (``_picture_alone``). An indented line in capitals over a quotation set off by
      layout is its title (``indent``); an ``ATTRIBUTION_LINE`` set off under one
      ("Horace, Odes III") joins it, and so does the next indented paragraph while the
      quotation's opening mark is not closed (``_still_open``: one quotation of several paragraphs);
  ``colon``: the previous paragraph ends with ":" or "," (``QUOTE_INTRO``), or this one starts in
      lower case (``STARTS_LOWER``), and this paragraph, or the next one, is closed by a *linked*
      note anchor (whatever its printed style, followed only by ``AFTER_CLOSING_ANCHOR``) or a
      parenthetical citation (``CITATION_AT_END``); not a paragraph wholly in quotation marks
      (``wholly_marked``: a quotation run into the text, not set off). At most
      ``MAX_QUOTE_PARAGRAPHS`` paragraphs;
  ``elided``: a paragraph closed like a ``colon`` quotation that elides words at least
      ``MIN_ELISIONS`` times outside any run-in quotation marks ("right ... We can"): an author
      elides the words of others, not his own;
  ``backref``: the next paragraph opens by pointing back at these words ("It was in these words
      that …", ``QUOTE_BACKREF``): an epigraph or a quotation with no anchor; its source is the
      first linked note of the paragraph that names it;
  ``lines``: in a text set one line per paragraph, a paragraph broken into several short lines,
      introduced by ":" or "," (verse kept line by line: "… sang to him each night,").
Linear: each rule looks at a paragraph and its neighbours (a run of "/P" stanzas at most 50).
"""

from __future__ import annotations

from ..data import QuoteHint
from ..diagnostics import InputError, error
from ..model import BlockQuote, Furniture, NoteAnchor, PageMarks, Paragraph, Source, Span
from .rules.headings import is_display_block
from .patterns import (AFTER_CLOSING_ANCHOR, AFTER_QUOTE_CLOSE, ALIGNED_COLUMNS, ATTRIBUTION_LINE, CITATION_AT_END,
                       DP_POETRY_CLOSE, DP_POETRY_OPEN, ELISION, HEADING_CAPS, LIST_ITEM_START, PAGE_REFERENCES_AT_END,
                       PARENTHETICAL_BLOCK, QUOTE_BACKREF, QUOTE_INTRO, QUOTE_PREFIX, STARTS_LOWER, VERSE_LINE_START)

MAX_QUOTE_PARAGRAPHS = 2
MAX_OPEN_PARAGRAPHS = 12  # paragraphs an indented quotation held in open quotation marks may run over
MIN_INDENT, MAX_INDENT = 2, 12
MIN_MARKED_PARAGRAPHS = 3
MAX_CENTRED_INDENT = 30  # one line may be centred: "                     _Credo quod absurdum._"
QUOTE_PAIRS = (("\u00ab", "\u00bb"), ("\u201c", "\u201d"))  # « », “ ”
MIN_ELISIONS = 2
MAX_VERSE_LINE = 70  # a line of verse kept line by line in a one-line-per-paragraph text
VERSE_LINE_END = ",.;:!?'\u2019\"\u201d\u00bb-\u2014"  # how a line of verse usually ends
ONE_LINE_SHARE, MIN_PARAGRAPHS = 0.9, 10  # "one line per paragraph": 90 % of at least 10 paragraphs
OPENING_MARKS = {"\u00ab": "\u00bb", "\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'"}


def _closed(text: str, p: Paragraph) -> bool:
    """Does a linked note anchor, or a parenthetical citation, end the paragraph?"""
    if CITATION_AT_END.search(text[p.span.start:p.span.end]):
        return True
    return any(isinstance(i, NoteAnchor) and i.n is not None and AFTER_CLOSING_ANCHOR.match(text, i.span.end, p.span.end)
               for i in p.inlines)


def one_line_per_paragraph(text: str, paragraphs: list[Paragraph]) -> bool:
    """Is the text set one line per paragraph (a web page copied as text)? Then a paragraph broken
    into short lines keeps the lines of verse or of a displayed passage (rule ``lines``)."""
    if len(paragraphs) < MIN_PARAGRAPHS:
        return False
    single = sum(1 for p in paragraphs if text.find("\n", p.span.start, p.span.end) < 0)
    return single >= ONE_LINE_SHARE * len(paragraphs)


def group_quotes(source: Source, blocks: list, hints: dict[int, QuoteHint], first_is_label: bool = False,
                 line_per_paragraph: bool = False) -> list:
    """Wrap quotation paragraphs of ``blocks`` in BlockQuotes. ``hints`` maps paragraph start
    offsets to the data hint that names them. ``first_is_label``: the first block opens a note
    (never itself a quotation). ``line_per_paragraph``: the text is set one line per paragraph
    (``one_line_per_paragraph``)."""
    text = source.text
    out: list = []
    i = 0
    while i < len(blocks):
        p = blocks[i]
        if not isinstance(p, Paragraph):  # a note printed among the blocks
            out.append(p)
            i += 1
            continue
        hint = hints.get(p.span.start)
        if hint is not None:
            count = max(1, hint.paragraphs)
            if hint.block:
                group = blocks[i:i + count]
                out.append(BlockQuote(paragraphs=group, rule="data", source_note=hint.note))
                i += count
                continue
            out.append(p)
            i += 1
            continue
        if i == 0 and first_is_label:
            out.append(p)
            i += 1
            continue
        length = 0 if first_is_label else _dp_poetry(text, blocks, i, hints)
        if length:  # "/P" and "P/" stay in the text as markup, the verse between them is the quotation
            opening = DP_POETRY_OPEN.match(text, p.span.start, p.span.end)
            last = blocks[i + length - 1]
            closing = DP_POETRY_CLOSE.search(text, last.span.start, last.span.end)
            stanzas = [_within(q, q.span.start if q is not p else opening.end(),
                               q.span.end if q is not last else closing.start()) for q in blocks[i:i + length]]
            out.append(_marker(opening, "open"))
            out.append(BlockQuote(paragraphs=stanzas, rule="markup"))
            out.append(_marker(closing, "close"))
            i += length
            continue
        length = _open_run(text, blocks, i, hints)
        if length:
            out.append(BlockQuote(paragraphs=blocks[i:i + length], rule="marks"))
            i += length
            continue
        layout_rule = "" if first_is_label else set_off(text, p)  # a note's indented lines continue it
        if layout_rule and _picture_alone(text, blocks, i, out):
            layout_rule = ""  # a frontispiece's "[Illustration]": display text, not a quotation
        if layout_rule:
            last = out[-1] if out else None
            if (isinstance(last, BlockQuote) and last.rule in ("indent", "prefix")
                    and last.paragraphs[-1] is blocks[i - 1]
                    and (ATTRIBUTION_LINE.match(text, _line_start(text, p.span.start), p.span.end)
                         or _still_open(text, last.paragraphs))):
                # "Horace, Odes III" under the verse it attributes; or the next paragraph of a
                # quotation whose opening mark is not closed yet (rule ``indent``, several paragraphs)
                last.paragraphs.append(p)
            else:
                out.append(BlockQuote(paragraphs=[p], rule=layout_rule))
            i += 1
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (not first_is_label and isinstance(nxt, Paragraph) and nxt.span.start not in hints
                and _indented_title(text, p) and set_off(text, nxt)):
            out.append(BlockQuote(paragraphs=[p], rule="indent"))  # the title of the song or poem quoted below
            i += 1
            continue
        prev = text[blocks[i - 1].span.start:blocks[i - 1].span.end] if i else ""
        s = text[p.span.start:p.span.end]
        introduced = bool(prev and QUOTE_INTRO.search(prev)) or bool(STARTS_LOWER.match(s))
        length = _quote_length(text, blocks, i, hints) if introduced and not wholly_marked(s) else 0
        if length:
            out.append(BlockQuote(paragraphs=blocks[i:i + length], rule="colon"))
            i += length
            continue
        if not first_is_label and _closed(text, p) and elisions_outside_marks(s) >= MIN_ELISIONS:
            out.append(BlockQuote(paragraphs=[p], rule="elided"))
            i += 1
            continue
        if (not first_is_label and isinstance(nxt, Paragraph) and nxt.span.start not in hints
                and QUOTE_BACKREF.match(text, nxt.span.start, nxt.span.end) and not wholly_marked(s)):
            linked = [a.n for a in sorted(nxt.inlines, key=lambda a: a.span.start)
                      if isinstance(a, NoteAnchor) and a.n is not None]
            out.append(BlockQuote(paragraphs=[p], rule="backref", source_note=linked[0] if linked else None))
            i += 1
            continue
        if line_per_paragraph and prev and QUOTE_INTRO.search(prev) and _short_lines(text, p):
            out.append(BlockQuote(paragraphs=[p], rule="lines"))
            i += 1
            continue
        out.append(p)
        i += 1
    mark_verse(text, out)
    return out


def _picture_alone(text: str, blocks: list, i: int, out: list) -> bool:
    """A picture placeholder set off by layout ("[Illustration]", "[Figure 3]") is display text, not a
    quotation, unless a quotation set off by layout runs on either side of it (the music printed
    inside a quoted song): rule ``indent`` takes it only as part of a quoted piece."""
    p = blocks[i]
    if not is_display_block(text[p.span.start:p.span.end].strip()):
        return False
    last = out[-1] if out else None
    if isinstance(last, BlockQuote) and last.paragraphs[-1] is blocks[i - 1]:
        return False
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return not (isinstance(nxt, Paragraph) and set_off(text, nxt)
                and not is_display_block(text[nxt.span.start:nxt.span.end].strip()))


def _still_open(text: str, paragraphs: list[Paragraph]) -> bool:
    """Whether a quotation set off by layout is held in quotation marks not closed yet: its first
    paragraph opens with '"' or '“' and the marks counted to its last paragraph do not pair up
    ('"The ferryman asked: \'Will you not cross?\'' — then 'Then, turning …' goes on with it,
    until '… the other bank?"'). At most ``MAX_OPEN_PARAGRAPHS`` paragraphs are joined so."""
    if len(paragraphs) >= MAX_OPEN_PARAGRAPHS:
        return False
    first = text[paragraphs[0].span.start:paragraphs[0].span.end].lstrip()
    if not first or first[0] not in '"\u201c':
        return False
    body = "".join(text[q.span.start:q.span.end] for q in paragraphs)
    if first[0] == '"':
        return body.count('"') % 2 == 1
    return body.count("\u201c") > body.count("\u201d")


def _indented_title(text: str, p: Paragraph) -> bool:
    """One line in capitals, indented like the quotation under it (not centred, not a contents
    entry): "    THE FERRYMAN'S SONG." over the verse it titles."""
    line = text[_line_start(text, p.span.start):p.span.end]
    indent = len(line) - len(line.lstrip(" \t"))
    body = line.strip()
    return ("\n" not in line and MIN_INDENT <= indent <= MAX_INDENT and bool(HEADING_CAPS.match(body))
            and any(ch.isalpha() for ch in body) and not PAGE_REFERENCES_AT_END.search(body)
            and not ALIGNED_COLUMNS.search(body))


def _dp_poetry(text: str, blocks: list, i: int, hints: dict, most: int = 50) -> int:
    """Rule ``markup``: how many paragraphs from ``i`` a "/P" … "P/" block holds (0: none)."""
    p = blocks[i]
    if not DP_POETRY_OPEN.match(text, p.span.start, p.span.end):
        return 0
    for k in range(i, min(len(blocks), i + most)):
        q = blocks[k]
        if not isinstance(q, Paragraph) or (k > i and (q.span.start in hints
                                                       or DP_POETRY_OPEN.match(text, q.span.start))):
            return 0
        if DP_POETRY_CLOSE.search(text, q.span.start, q.span.end):
            return k - i + 1
    return 0


def _within(p: Paragraph, start: int, end: int) -> Paragraph:
    """``p`` cut to [start, end) with the inlines inside it (a stanza between DP's markers)."""
    if (start, end) == (p.span.start, p.span.end):
        return p
    return Paragraph(Span(start, end), [x for x in p.inlines if start <= x.span.start and x.span.end <= end])


def _marker(m, group: str) -> PageMarks:
    span = Span(m.start(group), m.end(group))
    return PageMarks(span, [Furniture(span, "markup")])


VERSE_RULES = ("indent", "lines", "markup")  # not "prefix": the "> " of each line is text between the lines


def mark_verse(text: str, blocks: list) -> None:
    """A paragraph of a quotation set off line by line is verse (``Paragraph.verse``: ``lg``/``l``)
    when it has several lines, each at most ``MAX_VERSE_LINE`` long and opening with a capital
    (``VERSE_LINE_START``): wrapped prose goes on in lower case."""
    for q in blocks:
        if not isinstance(q, BlockQuote) or q.rule not in VERSE_RULES:
            continue
        for p in q.paragraphs:
            lines = [line for line in text[p.span.start:p.span.end].split("\n") if line.strip()]
            p.verse = (len(lines) >= 2 and all(len(line.strip()) <= MAX_VERSE_LINE and VERSE_LINE_START.match(line)
                                                for line in lines))


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _short_lines(text: str, p: Paragraph) -> bool:
    """Rule ``lines``: several lines, each short, at least half of them ending in punctuation as
    verse does ("My land, my home of old,"; a note anchor closing a line is not its end), not a list (of names: no punctuation), a table or an
    index."""
    lines = [line for line in text[p.span.start:p.span.end].split("\n") if line.strip()]
    # a line is read up to the note anchor that ends it: '… as a leaf?"⁵' ends with '"'
    anchored_ends = {a.span.end: a.span.start for a in p.inlines if isinstance(a, NoteAnchor)}
    ends, pos = [], p.span.start
    for line in text[p.span.start:p.span.end].split("\n"):
        end = pos + len(line.rstrip())
        if line.strip():
            end = anchored_ends.get(end, end)
            ends.append(text[end - 1] if end > pos else "")
        pos += len(line) + 1
    punctuated = sum(1 for ch in ends if ch and ch in VERSE_LINE_END)
    return (len(lines) >= 2 and all(len(line) <= MAX_VERSE_LINE for line in lines) and 2 * punctuated >= len(lines)
            and not _listing(lines, text[p.span.start:p.span.end]))


def _listing(lines: list[str], body: str) -> bool:
    """Lines set off by layout that are not a quotation: all in capitals (titles, a contents list),
    ending in page references (an index), aligned in columns (a table), a numbered list item, or
    a remark wholly in parentheses."""
    if not any(ch.islower() for ch in body):
        return True
    if LIST_ITEM_START.match(lines[0]) or PARENTHETICAL_BLOCK.match(body.strip()):
        return True
    if 2 * sum(1 for line in lines if PAGE_REFERENCES_AT_END.search(line)) >= len(lines):
        return True
    return len(lines) >= 2 and 2 * sum(1 for line in lines if ALIGNED_COLUMNS.search(line.strip())) >= len(lines)


def quoted_ranges(s: str) -> list[tuple[int, int]]:
    """The run-in quotations of ``s`` at the outer level, as (start, end) offsets: from an opening
    mark (« “ ‘ " or a ' that opens a word) to the mark that closes it. An apostrophe inside a word
    ("don't", "Party's") is no mark; a quotation still open at the end is left out. Linear."""
    ranges: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    n = len(s)
    for k, ch in enumerate(s):
        if ch not in OPENING_MARKS and ch not in ("\u00bb", "\u201d", "\u2019"):
            continue
        before = s[k - 1] if k else " "
        after = s[k + 1] if k + 1 < n else " "
        if ch in ("'", "\u2019") and before.isalnum() and after.isalnum():
            continue  # an apostrophe
        closes = next((m for m in reversed(stack) if OPENING_MARKS[m] == ch), None)
        if closes is not None and not (ch in ("'", "\u2019") and (before.isspace() or after.isalnum())):
            while stack and stack.pop() != closes:
                pass
            if not stack:
                ranges.append((start, k + 1))
            continue
        if ch in OPENING_MARKS and not after.isspace() and (ch not in ("'",) or not before.isalnum()):
            if not stack:
                start = k
            stack.append(ch)
    return ranges


def wholly_marked(s: str) -> bool:
    """Is the paragraph one quotation in marks from its first character to its end (but for the
    punctuation and note anchor after the closing mark)? Such a paragraph is a quotation run into
    the text, not one set off: '"The crime rests with the king."[4]'."""
    body = s.lstrip()
    if not body or body[0] not in OPENING_MARKS:
        return False
    ranges = quoted_ranges(body)
    return bool(ranges) and ranges[0][0] == 0 and AFTER_QUOTE_CLOSE.match(body, ranges[0][1]) is not None


def elisions_outside_marks(s: str) -> int:
    """How many elisions ("...", "…", "[...]") stand outside the run-in quotations of ``s``."""
    ranges = quoted_ranges(s)
    count = 0
    r = 0
    for m in ELISION.finditer(s):
        while r < len(ranges) and ranges[r][1] <= m.start():
            r += 1
        if r < len(ranges) and ranges[r][0] <= m.start():
            continue
        count += 1
    return count


def set_off(text: str, p: Paragraph) -> str:
    """The layout rule that sets a paragraph off as a quotation, or "": ``indent`` (every line
    indented by ``MIN_INDENT`` to ``MAX_INDENT`` spaces: more is a centred title) or ``prefix``
    (every line opens with "> ")."""
    line_start = text.rfind("\n", 0, p.span.start) + 1
    lines = text[line_start:p.span.end].split("\n")
    if all(QUOTE_PREFIX.match(line) for line in lines):
        return "prefix"
    indents = [len(line) - len(line.lstrip(" \t")) for line in lines if line.strip()]
    body = text[p.span.start:p.span.end]
    widest = MAX_INDENT if len(lines) > 1 else MAX_CENTRED_INDENT
    if (indents and MIN_INDENT <= min(indents) and max(indents) <= widest and not HEADING_CAPS.match(body)
            and not _listing([line for line in lines if line.strip()], body)):
        return "indent"
    return ""


def _open_run(text: str, blocks: list, i: int, hints: dict) -> int:
    """Rule ``marks``: paragraphs held in one pair of quotation marks (« », “ ”) that stays open
    from the end of one paragraph to the next ("«This slow decline», wrote the historian, «may be
    …" … "…of the whole province»."); a paragraph that opens with the mark while the quotation is open
    continues it (the printers' convention). The length of the run, else 0: two paragraphs in
    marks are as often a quoted dialogue set as running text, so a run needs ``MIN_MARKED_PARAGRAPHS``."""
    for opening, closing in QUOTE_PAIRS:
        depth = 0
        k = i
        while k < len(blocks) and isinstance(blocks[k], Paragraph) and (k == i or blocks[k].span.start not in hints):
            s = text[blocks[k].span.start:blocks[k].span.end]
            for n, ch in enumerate(s):
                if ch == opening and not (n == 0 and depth > 0):
                    depth += 1
                elif ch == closing and depth:
                    depth -= 1
            if depth == 0 or (k == i and not s.startswith(opening)):
                break
            k += 1
        if k - i + 1 >= MIN_MARKED_PARAGRAPHS and k < len(blocks) and depth == 0:
            return k - i + 1
    return 0


def _quote_length(text: str, blocks: list, i: int, hints: dict) -> int:
    """How many paragraphs from ``i`` form a closed quotation (0: none)."""
    for length in range(1, MAX_QUOTE_PARAGRAPHS + 1):
        group = blocks[i:i + length]
        if len(group) < length or not all(isinstance(g, Paragraph) for g in group):
            return 0
        if any(g.span.start in hints for g in group[1:]):
            return 0
        if _closed(text, group[-1]):
            return length
    return 0


def hint_index(source: Source, hints: list[QuoteHint], paragraphs: list[Paragraph], data_path: str) -> dict[int, QuoteHint]:
    """Map each ``[[quote]]`` hint to the start offset of the paragraph it names."""
    text = source.text
    starts = {p.span.start: p for p in paragraphs}
    index: dict[int, QuoteHint] = {}
    for h in hints:
        matches = [s for s in starts if text.startswith(h.starts, s)]
        if len(matches) != 1:
            raise InputError(error("data-context", f"[[quote]] #{h.index}: {len(matches)} paragraphs start with "
                                   f"{h.starts!r}; give the first words of exactly one paragraph",
                                   data_path, h.line, 1))
        index[matches[0]] = h
    return index
