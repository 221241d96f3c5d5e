"""Light markup rules: "_italics_", "*emphasis*" and HTML tags left in the text become
``Emphasis`` spans (``hi`` in TEI); their markup characters stay in the diplomatic text.

In: the text and a paragraph. Out: ``Emphasis`` spans that nest with the paragraph's spans
(a candidate crossing an anchor or an inline note is left as text). Rules: ``underscore``,
``asterisk``, ``html`` (``LIGHT_MARKUP``). Linear: each paragraph is scanned once per rule.
"""

from __future__ import annotations

from ...model import Emphasis, NoteAnchor, Paragraph, Span
from ..patterns import HTML_REND, LIGHT_MARKUP


def light_markup(text: str, p: Paragraph) -> list[Emphasis]:
    found: list[Emphasis] = []
    taken = [i.span for i in p.inlines]
    for _rule, (pattern, rend) in LIGHT_MARKUP.items():
        for m in pattern.finditer(text, p.span.start, p.span.end):
            span = Span(m.start(), m.end())
            if any(span.overlaps(t) and not (span.contains(t) or t.contains(span)) for t in taken):
                continue
            if any(isinstance(i, NoteAnchor) and i.span.overlaps(span) and not span.contains(i.span) for i in p.inlines):
                continue  # an anchor holds no emphasis
            if any(t.contains(span) and t != span and _is_emphasis(t, found) for t in taken):
                continue  # "_<i>x</i>_": one emphasis is enough
            opening, closing = Span(m.start("open"), m.end("open")), Span(m.start("close"), m.end("close"))
            if any(t.overlaps(opening) or t.overlaps(closing) for t in taken):
                continue  # a markup character that belongs to another span: the "_" of a reST "[#fn5]_"
            e = Emphasis(span, rend or HTML_REND[m["tag"]], opening, closing)
            found.append(e)
            taken.append(span)
    return found


def _is_emphasis(span: Span, found: list[Emphasis]) -> bool:
    return any(e.span == span for e in found)
