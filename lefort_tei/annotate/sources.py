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
from ..model import BlockQuote, Citation, Document


def annotate_quote_sources(doc: Document, data: EditorialData) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    by_note = {note.n: [i for p in _paragraphs(note.blocks) for i in sorted(p.inlines, key=lambda s: s.span.start)
                        if isinstance(i, Citation)] for note in doc.notes}
    for quote in quotations(doc):
        own = [i for i in quote.paragraphs[-1].inlines if isinstance(i, Citation)]
        if own:
            quote.source = max(own, key=lambda c: c.span.start).id
        elif quote.source_note is not None and by_note.get(quote.source_note):
            quote.source = by_note[quote.source_note][0].id
        else:
            line, col = doc.source.position(quote.span.start)
            why = (f"its note {quote.source_note} gives no citation" if quote.source_note is not None
                   else "no note anchor closes it and no [[quote]] entry names its note")
            diags.append(warning("quote-unsourced", f"block quotation {doc.source.slice(quote.span)[:40]!r}… has "
                                 f"no source: {why}", doc.source.path, line, col))
    return diags


def quotations(doc: Document):
    """Every block quotation, body then notes."""
    for section in doc.sections:
        yield from (b for b in section.blocks if isinstance(b, BlockQuote))
    for note in doc.notes:
        yield from (b for b in note.blocks if isinstance(b, BlockQuote))


def _paragraphs(blocks):
    for b in blocks:
        yield from (b.paragraphs if isinstance(b, BlockQuote) else [b])
