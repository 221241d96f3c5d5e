"""Light markup rules: "_italics_", "*emphasis*", HTML tags and reST roles left in the text become
``Emphasis`` spans (``hi`` in TEI); HTML character references become ``CharacterReference``s
(``choice`` › ``orig`` + ``reg[@type="entity"]``) and the backslash of a Markdown escape a
``MarkupChar`` (``c[@type="markup"]``). The source's characters always stay in the diplomatic
text; the reading view shows the emphasis, the character referred to, the escaped character.

In: the text and a paragraph. Out: those spans, nesting with the paragraph's spans (a candidate
crossing an anchor or an inline note is left as text). Rules, in order: ``escape``
(``MARKUP_ESCAPE``: an escaped character opens or closes nothing), ``character-reference``
(``CHARACTER_REFERENCE``, only a name HTML defines or a number XML allows), ``rest-role``
(``REST_ROLE``, the docutils roles of ``REST_ROLE_REND``), then ``underscore``, ``asterisk``,
``html`` (``LIGHT_MARKUP``). Linear: each paragraph is scanned once per rule.
"""

from __future__ import annotations

import bisect
from html.entities import html5

from ...model import CharacterReference, Emphasis, InlineNote, MarkupChar, NoteAnchor, Paragraph, Span
from ..patterns import CHARACTER_REFERENCE, HTML_REND, LIGHT_MARKUP, MARKUP_ESCAPE, REST_ROLE, REST_ROLE_REND

Found = Emphasis | CharacterReference | MarkupChar


def light_markup(text: str, p: Paragraph) -> list[Found]:
    found: list[Found] = []
    cover = _Cover(p.span)
    base = [i.span for i in p.inlines if i.span.end > i.span.start]
    anchors = {id(i.span) for i in p.inlines if isinstance(i, NoteAnchor)}
    notes = sorted(i.span.start for i in p.inlines if isinstance(i, InlineNote))
    for span in base:
        cover.add(span)
    escaped: set[int] = set()  # "\*", "\&amp;": the escaped character opens or closes nothing
    for m in MARKUP_ESCAPE.finditer(text, p.span.start, p.span.end):
        whole = Span(m.start(), m.end())
        if any(whole.overlaps(t) and not t.contains(whole) for t in cover.around(whole)):
            continue
        found.append(MarkupChar(Span(m.start("open"), m.end("open"))))
        escaped.add(m.start("body"))
        cover.add(whole)
    for m in CHARACTER_REFERENCE.finditer(text, p.span.start, p.span.end):
        span = Span(m.start(), m.end())
        char = _referred(m)
        if char is None or m.start() in escaped or cover.touched(span):
            continue  # a reference inside another span's characters (an anchor, a correction) stays text
        found.append(CharacterReference(span, char))
        cover.add(span)
    emphases: set[int] = set()
    for m in REST_ROLE.finditer(text, p.span.start, p.span.end):
        rend = REST_ROLE_REND.get(m["role"].lower())
        if rend is not None:
            _emphasis(m, rend, cover, anchors, notes, emphases, found)
    for _rule, (pattern, rend) in LIGHT_MARKUP.items():
        for m in pattern.finditer(text, p.span.start, p.span.end):
            _emphasis(m, rend or HTML_REND[m["tag"]], cover, anchors, notes, emphases, found)
    return found


class _Cover:
    """The spans that cover each character of a paragraph. The spans nest (a crossing one is
    never added) and nest only a few deep, so adding a span costs its length and a query the
    spans at a few positions: linear in the paragraph's length, however many spans it holds."""

    def __init__(self, span: Span) -> None:
        self.start = span.start
        self.at: list[list[Span] | None] = [None] * (span.end - span.start)

    def add(self, span: Span) -> None:
        for x in range(max(span.start, self.start) - self.start, min(span.end - self.start, len(self.at))):
            if self.at[x] is None:
                self.at[x] = [span]
            else:
                self.at[x].append(span)

    def covering(self, pos: int) -> list[Span]:
        x = pos - self.start
        return (self.at[x] or []) if 0 <= x < len(self.at) else []

    def around(self, span: Span) -> list[Span]:
        """The spans that could cross ``span``: those covering its first or its last character
        (a span that overlaps it without either is inside it)."""
        return self.covering(span.start) + self.covering(span.end - 1)

    def touched(self, span: Span) -> bool:
        """Does any span cover a character of ``span`` (a short one: markup characters)?"""
        return any(self.at[x] for x in range(max(span.start, self.start) - self.start,
                                             min(span.end - self.start, len(self.at))))


def _emphasis(m, rend: str, cover: _Cover, anchors: set[int], notes: list[int], emphases: set[int],
              found: list[Found]) -> None:
    span = Span(m.start(), m.end())
    around = cover.around(span)
    if any(span.overlaps(t) and not (span.contains(t) or t.contains(span)) for t in around):
        return
    k = bisect.bisect_left(notes, span.start)
    if k < len(notes) and notes[k] < span.end:
        return  # an emphasis holds no inline note (a note is no phrase of the text around it)
    if any(id(t) in anchors and not span.contains(t) for t in around):
        return  # an anchor holds no emphasis
    if any(t.contains(span) and t != span and id(t) in emphases for t in around):
        return  # "_<i>x</i>_": one emphasis is enough
    opening, closing = Span(m.start("open"), m.end("open")), Span(m.start("close"), m.end("close"))
    if cover.touched(opening) or cover.touched(closing):
        return  # a markup character that belongs to another span: the "_" of a reST "[#fn5]_", "\*"
    found.append(Emphasis(span, rend, opening, closing))
    emphases.add(id(span))
    cover.add(span)


def _referred(m) -> str | None:
    """The character(s) a character reference stands for, or None (unknown name; a control
    character or a number XML cannot hold)."""
    if m["name"]:
        return html5.get(m["name"] + ";")
    code = int(m["dec"]) if m["dec"] else int(m["hex"], 16)
    if 0x20 <= code < 0x7F or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return chr(code)
    return None
