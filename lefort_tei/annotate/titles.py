"""Titles: the data file's ``[[title]]`` entries → ``TitleRef`` spans (``title[@level][@ref]``).

In: a ``Document`` with its corrections, and the entries. Out: ``TitleRef(span, ref=work,
level)`` added to the blocks. Runs before persons: a title wins over a person form ("his Stalin").

Before: ``Paragraph("… Lessons of 0ctober in 1924 …", inlines=[Correction("0ctober" → "October")])``
After:  ``inlines=[…, TitleRef(span="Lessons of 0ctober", ref=None, level="m")]``

``every = true`` tags each whole-word occurrence in the *corrected reading* (so a title printed
"Itvestia" is found as "Izvestia"); ``context`` tags one place: the context is looked up in the
source, or, when the source has it only in corrected form, in the reading. Entries at one place
are applied first, then the ``every`` entries longest first; a place already tagged is skipped.
"""

from __future__ import annotations

from ..data import EditorialData, TitleEntry
from ..diagnostics import Diagnostic, InputError, error, warning
from ..model import Document, TitleRef
from .spans import BlockIndex, block_at, blocks, extend_to_corrections, find_context, fits, reading_of, reserved_spans


def annotate_titles(doc: Document, data: EditorialData) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    all_blocks = blocks(doc)
    index = BlockIndex(all_blocks)
    reserved = reserved_spans(doc)
    works = {w.id: w for w in data.works}
    readings = {id(b): reading_of(doc.source.text, b.span, b.inlines) for b in all_blocks}
    ordered = [t for t in data.titles if not t.every] + sorted(
        (t for t in data.titles if t.every), key=lambda t: -len(t.text))
    for entry in ordered:
        level = works[entry.work].level if entry.work in works else entry.level
        if entry.every:
            places = [(b, readings[id(b)].to_source(a, z)) for b in all_blocks
                      for a, z in readings[id(b)].find_all(entry.text)]
        else:
            places = [_place_by_context(doc, all_blocks, index, readings, entry, data.path)]
        tagged = 0
        for block, span in places:
            if any(isinstance(i, TitleRef) and i.span.overlaps(span) for i in block.inlines):
                continue
            if not fits(block, span, reserved):
                line, col = doc.source.position(span.start)
                diags.append(warning("title-crosses", f"[[title]] #{entry.index} {entry.text!r} would cross "
                                     "another span here; not tagged", doc.source.path, line, col))
                continue
            block.inlines.append(TitleRef(span=span, ref=entry.work, level=level))
            tagged += 1
        if not tagged and not places:
            diags.append(warning("title-unused", f"[[title]] #{entry.index} {entry.text!r} is not found in the "
                                 "text", data.path, entry.line, 1))
    return diags


def _place_by_context(doc: Document, all_blocks, index: BlockIndex, readings, entry: TitleEntry, data_path: str):
    text = doc.source.text
    if text.count(entry.context) == 1:
        span = find_context(text, entry.context, entry.text, "title", entry.index, data_path, entry.line)
        block = block_at(index, span)
        if block is not None:
            return block, extend_to_corrections(block, span)
    hits = [(b, i) for b in all_blocks for i, _ in readings[id(b)].find_all(entry.context, whole_word=False)]
    if len(hits) != 1 or entry.context.count(entry.text) != 1:
        # let find_context word the error for the source text
        find_context(text, entry.context, entry.text, "title", entry.index, data_path, entry.line)
        raise InputError(error("data-context", f"[[title]] #{entry.index}: context {entry.context!r} is not "
                               "inside one block", data_path, entry.line, 1))
    block, at = hits[0]
    a = at + entry.context.find(entry.text)
    return block, readings[id(block)].to_source(a, a + len(entry.text))

