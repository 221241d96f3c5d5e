"""Corrections: the data file's ``[[correction]]`` entries → ``Correction`` spans (``choice``).

In: a ``Document`` and the entries. Out: one ``Correction(span, corr, resp="#ed", cert, reason,
kind)`` per place, added to the block that holds it; an entry whose context is not found or not
unique is an ``InputError`` [data-context] with the data file's line.

Before: ``Paragraph(span=…"his thesis. Wrotsky used…", inlines=[])``
After:  ``inlines=[Correction(span="." , corr=","), Correction(span="Wrotsky", corr="Trotsky")]``

An entry locates its place by ``context`` (verbatim, unique in the whole text, holding ``sic``
once) or, with ``every = true``, at every whole-word occurrence of ``sic``. A correction may not
overlap another one (including the reader's marker corrections such as "(l6)").
"""

from __future__ import annotations

import re

from ..data import CorrectionEntry, EditorialData
from ..diagnostics import Diagnostic, InputError, error, warning
from ..model import Correction, Document, Span
from .auto_corrections import annotate_auto_corrections
from .spans import BlockIndex, block_at, blocks, find_context, is_whole_word

# Characters that are neither letters nor digits: what a "punctuation" correction changes.
# Matches the "'" and "." of "party'" → "party'.".
NON_ALNUM = re.compile(r"""[\W_]+""", re.VERBOSE)
# White space of any kind: what a "spacing" correction changes ("H.Carr" → "H. Carr").
WHITE_SPACE = re.compile(r"""\s+""", re.VERBOSE)


def correction_kind(sic: str, corr: str) -> str:
    """``spacing`` when only white space differs, ``punctuation`` when only non-letters do, else ``ocr``."""
    if WHITE_SPACE.sub("", sic) == WHITE_SPACE.sub("", corr):
        return "spacing"
    if NON_ALNUM.sub("", sic) == NON_ALNUM.sub("", corr):
        return "punctuation"
    return "ocr"


def annotate_corrections(doc: Document, data: EditorialData) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    text = doc.source.text
    index = BlockIndex(blocks(doc))
    for entry in data.corrections:
        if entry.every:
            places = [Span(i, i + len(entry.sic)) for i in _occurrences(text, entry.sic)]
            if not places:
                diags.append(warning("correction-unused", f"[[correction]] #{entry.index}: {entry.sic!r} "
                                     "(every = true) does not occur as a whole word", data.path, entry.line, 1))
        else:
            places = [find_context(text, entry.context, entry.sic, "correction", entry.index, data.path,
                                   entry.line)]
        for span in places:
            _add(doc, index, entry, span, data.path)
    if data.automatic:
        annotate_auto_corrections(doc)  # after the data file's: a curated correction wins its place
    return diags


def _occurrences(text: str, word: str):
    i = text.find(word)
    while i >= 0:
        if is_whole_word(text, i, i + len(word)):
            yield i
        i = text.find(word, i + 1)


def _add(doc: Document, index: BlockIndex, entry: CorrectionEntry, span: Span, data_path: str) -> None:
    block = block_at(index, span)
    line, col = doc.source.position(span.start)
    where = f"{doc.source.path}:{line}:{col}"
    if block is None:
        raise InputError(error("data-context", f"[[correction]] #{entry.index}: {entry.sic!r} at {where} is not "
                               "inside one paragraph or heading (it spans a block boundary)",
                               data_path, entry.line, 1))
    for other in block.inlines:
        if isinstance(other, Correction) and other.span.overlaps(span):
            raise InputError(error("data-context", f"[[correction]] #{entry.index}: {entry.sic!r} at {where} "
                                   f"overlaps another correction of {doc.source.slice(other.span)!r}; "
                                   "merge the two entries", data_path, entry.line, 1))
    if any(note.label.overlaps(span) for note in doc.notes):
        raise InputError(error("data-context", f"[[correction]] #{entry.index}: {entry.sic!r} at {where} "
                               "touches a note's printed number", data_path, entry.line, 1))
    block.inlines.append(Correction(span=span, corr=entry.corr, resp="#ed", cert=entry.cert,
                                    reason=entry.reason, kind=correction_kind(entry.sic, entry.corr)))
