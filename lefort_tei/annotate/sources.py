"""Quotation sources: every block quotation → the ``bibl`` it comes from (``quote/@source``).

In: a ``Document`` whose notes carry ``Citation`` spans (``citations`` ran first). Out: each
``BlockQuote.source`` set to a citation's id; a warning ``quote-unsourced`` (with the quotation's
position) for a quotation whose origin cannot be found.

Before: ``BlockQuote(paragraphs=[… "took possession of it.(5)"], source_note=5, source=None)``
After:  ``BlockQuote(…, source_note=5, source="note5-bibl")``

A quotation closed by a parenthetical citation of its own ("… c'est moi' [I am Society]. (Stalin,
p. 421: Lefort's emphasis)") takes that one; otherwise the first citation of its source note.
"""

from __future__ import annotations

from ..data import EditorialData
from ..diagnostics import Diagnostic, warning
from ..model import BlockQuote, Citation, Document, Note, Span


def annotate_quote_sources(doc: Document, data: EditorialData) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    by_note = {note.n: [i for p in _paragraphs(note.blocks) for i in sorted(p.inlines, key=lambda s: s.span.start)
                        if isinstance(i, Citation)] for note in doc.notes}
    notes = {note.n: note for note in doc.notes}
    for quote in quotations(doc):
        own = [i for i in quote.paragraphs[-1].inlines if isinstance(i, Citation)]
        if own:
            quote.source = max(own, key=lambda c: c.span.start).id
        elif quote.source_note is not None and by_note.get(quote.source_note):
            quote.source = by_note[quote.source_note][0].id
        elif quote.source_note is not None and (note := notes.get(quote.source_note)) is not None:
            # No citation the rules can read: the note's own words are the attribution the author gave.
            cited = _note_as_citation(doc, note)
            by_note[note.n] = [cited]
            quote.source = cited.id
            line, col = doc.source.position(note.label.start)
            diags.append(Diagnostic("info", "quote-source-note", f"note {note.n} names the source of a block "
                                    "quotation but holds no citation the rules can read: its text is taken as the "
                                    "citation", doc.source.path, line, col))
        else:
            line, col = doc.source.position(quote.span.start)
            why = (f"its note {quote.source_note} gives no citation" if quote.source_note is not None
                   else "no note anchor closes it and no [[quote]] entry names its note")
            diags.append(warning("quote-unsourced", f"block quotation {doc.source.slice(quote.span)[:40]!r}… has "
                                 f"no source: {why}", doc.source.path, line, col))
    return diags


def _note_as_citation(doc: Document, note: Note) -> Citation:
    """A ``Citation`` over the first paragraph of ``note`` after its label (trailing full stop out)."""
    first = note.blocks[0]
    paragraph = first.paragraphs[0] if isinstance(first, BlockQuote) else first
    text = doc.source.text
    start = note.label.end
    while start < paragraph.span.end and text[start].isspace():
        start += 1
    end = paragraph.span.end
    while end > start + 1 and text[end - 1] in ". ":
        end -= 1
    for i in paragraph.inlines:  # never cut a span (a correction of the final full stop): take it in
        if i.span.start < end < i.span.end:
            end = i.span.end
    cited = Citation(span=Span(start, max(end, start + 1)), id=f"note{note.n}-bibl")
    paragraph.inlines.append(cited)
    return cited


def quotations(doc: Document):
    """Every block quotation, body then notes."""
    for section in doc.sections:
        yield from (b for b in section.blocks if isinstance(b, BlockQuote))
    for note in doc.notes:
        yield from (b for b in note.blocks if isinstance(b, BlockQuote))


def _paragraphs(blocks):
    for b in blocks:
        yield from (b.paragraphs if isinstance(b, BlockQuote) else [b])
