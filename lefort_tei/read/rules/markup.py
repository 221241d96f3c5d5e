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

from html.entities import html5

from ...model import CharacterReference, Emphasis, MarkupChar, NoteAnchor, Paragraph, Span
from ..patterns import CHARACTER_REFERENCE, HTML_REND, LIGHT_MARKUP, MARKUP_ESCAPE, REST_ROLE, REST_ROLE_REND

Found = Emphasis | CharacterReference | MarkupChar


def light_markup(text: str, p: Paragraph) -> list[Found]:
    found: list[Found] = []
    taken = [i.span for i in p.inlines]
    escaped: list[Span] = []  # "\*": the escaped character opens or closes no emphasis
    for m in MARKUP_ESCAPE.finditer(text, p.span.start, p.span.end):
        whole = Span(m.start(), m.end())
        if any(whole.overlaps(t) and not t.contains(whole) for t in taken):
            continue
        found.append(MarkupChar(Span(m.start("open"), m.end("open"))))
        escaped.append(whole)
    taken += escaped
    for m in CHARACTER_REFERENCE.finditer(text, p.span.start, p.span.end):
        span = Span(m.start(), m.end())
        char = _referred(m)
        if char is None or any(span.overlaps(t) for t in taken):
            continue  # a reference inside another span's characters (an anchor, a correction) stays text
        found.append(CharacterReference(span, char))
        taken.append(span)
    for m in REST_ROLE.finditer(text, p.span.start, p.span.end):
        rend = REST_ROLE_REND.get(m["role"].lower())
        if rend is not None:
            _emphasis(m, rend, p, taken, found)
    for _rule, (pattern, rend) in LIGHT_MARKUP.items():
        for m in pattern.finditer(text, p.span.start, p.span.end):
            _emphasis(m, rend or HTML_REND[m["tag"]], p, taken, found)
    return found


def _emphasis(m, rend: str, p: Paragraph, taken: list[Span], found: list[Found]) -> None:
    span = Span(m.start(), m.end())
    if any(span.overlaps(t) and not (span.contains(t) or t.contains(span)) for t in taken):
        return
    if any(isinstance(i, NoteAnchor) and i.span.overlaps(span) and not span.contains(i.span) for i in p.inlines):
        return  # an anchor holds no emphasis
    if any(t.contains(span) and t != span and _is_emphasis(t, found) for t in taken):
        return  # "_<i>x</i>_": one emphasis is enough
    opening, closing = Span(m.start("open"), m.end("open")), Span(m.start("close"), m.end("close"))
    if any(t.overlaps(opening) or t.overlaps(closing) for t in taken):
        return  # a markup character that belongs to another span: the "_" of a reST "[#fn5]_", "\*"
    found.append(Emphasis(span, rend, opening, closing))
    taken.append(span)


def _referred(m) -> str | None:
    """The character(s) a character reference stands for, or None (unknown name; a control
    character or a number XML cannot hold)."""
    if m["name"]:
        return html5.get(m["name"] + ";")
    code = int(m["dec"]) if m["dec"] else int(m["hex"], 16)
    if 0x20 <= code < 0x7F or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return chr(code)
    return None


def _is_emphasis(span: Span, found: list[Found]) -> bool:
    return any(isinstance(e, Emphasis) and e.span == span for e in found)
