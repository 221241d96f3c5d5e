"""Block quotations: group paragraphs into ``BlockQuote``s by general rules and data hints.

In: a list of blocks (a section's or a note's), the source, and the data file's ``[[quote]]``
hints. Out: the same blocks with quotation paragraphs wrapped in ``BlockQuote`` (text untouched).

Rules, in order (``BlockQuote.rule`` records which one fired):
  ``colon``: the previous paragraph ends with ":" or "," (``QUOTE_INTRO``), or this one starts in
      lower case (``STARTS_LOWER``), and this paragraph, or the next one, is closed by a *linked*
      note anchor (whatever its printed style, followed only by ``AFTER_CLOSING_ANCHOR``) or a parenthetical citation
      (``CITATION_AT_END``);
  ``marks``: quotation marks opened in one paragraph and closed in a later one;
  ``indent`` / ``prefix``: the paragraph is set off by layout (``set_off``): indented lines, or
      lines opening with ">";
  ``data``: a ``[[quote]]`` hint names the paragraph by its first words (it may also say
      ``block = false`` to undo a rule).
A quotation is at most ``MAX_QUOTE_PARAGRAPHS`` paragraphs long.
"""

from __future__ import annotations

from ..data import QuoteHint
from ..diagnostics import InputError, error
from ..model import BlockQuote, NoteAnchor, Paragraph, Source
from .patterns import AFTER_CLOSING_ANCHOR, CITATION_AT_END, HEADING_CAPS, QUOTE_INTRO, QUOTE_PREFIX, STARTS_LOWER

MAX_QUOTE_PARAGRAPHS = 2
MIN_INDENT, MAX_INDENT = 2, 12
MIN_MARKED_PARAGRAPHS = 3
MAX_CENTRED_INDENT = 30  # one line may be centred: "                     _Credo quod absurdum._"
QUOTE_PAIRS = (("\u00ab", "\u00bb"), ("\u201c", "\u201d"))  # « », “ ”


def _closed(text: str, p: Paragraph) -> bool:
    """Does a linked note anchor, or a parenthetical citation, end the paragraph?"""
    if CITATION_AT_END.search(text[p.span.start:p.span.end]):
        return True
    return any(isinstance(i, NoteAnchor) and i.n is not None and AFTER_CLOSING_ANCHOR.match(text, i.span.end, p.span.end)
               for i in p.inlines)


def group_quotes(source: Source, blocks: list, hints: dict[int, QuoteHint], first_is_label: bool = False) -> list:
    """Wrap quotation paragraphs of ``blocks`` in BlockQuotes. ``hints`` maps paragraph start
    offsets to the data hint that names them. ``first_is_label``: the first block opens a note
    (never itself a quotation)."""
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
        length = _open_run(text, blocks, i, hints)
        if length:
            out.append(BlockQuote(paragraphs=blocks[i:i + length], rule="marks"))
            i += length
            continue
        layout_rule = "" if first_is_label else set_off(text, p)  # a note's indented lines continue it
        if layout_rule:
            out.append(BlockQuote(paragraphs=[p], rule=layout_rule))
            i += 1
            continue
        prev = text[blocks[i - 1].span.start:blocks[i - 1].span.end] if i else ""
        s = text[p.span.start:p.span.end]
        introduced = bool(prev and QUOTE_INTRO.search(prev)) or bool(STARTS_LOWER.match(s))
        length = _quote_length(text, blocks, i, hints) if introduced else 0
        if length:
            out.append(BlockQuote(paragraphs=blocks[i:i + length], rule="colon"))
            i += length
            continue
        out.append(p)
        i += 1
    return out


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
    if indents and MIN_INDENT <= min(indents) and max(indents) <= widest and not HEADING_CAPS.match(body):
        return "indent"
    return ""


def _open_run(text: str, blocks: list, i: int, hints: dict) -> int:
    """Rule ``marks``: paragraphs held in one pair of quotation marks (« », “ ”) that stays open
    from the end of one paragraph to the next ("«This awful revolution», wrote Gibbon, «may be
    …" … "…of the human race»."); a paragraph that opens with the mark while the quotation is open
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
