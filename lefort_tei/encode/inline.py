"""Inline encoding: a text range with nested spans → mixed content of a TEI element.

In: the source text, an lxml parent element, a range and the spans inside it. Out: the parent
filled with text and child elements, one function per span type (``inline_element``,
``functools.singledispatch``); an unknown span type raises ``TypeError``. Crossing spans raise
``EditionError`` with the source position: annotators must produce nested spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import singledispatch

from lxml import etree

from ..diagnostics import EditionError, error
from ..model import (
    NESTING_ORDER,
    CharacterReference,
    Citation,
    Correction,
    Emphasis,
    InlineNote,
    DateRef,
    FootAnchor,
    FootNote,
    Furniture,
    Hyphenation,
    LineBreak,
    ListItem,
    MarkupChar,
    NoteAnchor,
    NumberedList,
    Omission,
    PageBreak,
    PersonRef,
    Source,
    Span,
    TitleRef,
)
from .tei import XML_ID, T, append_text


@dataclass(slots=True)
class Label:
    """The printed number that opens an endnote ("16")."""

    span: Span


@dataclass(slots=True)
class WorkPointer:
    """The part of a citation that names a work ("Trotsky, Stalin", "Ibid.")."""

    span: Span
    work: str


@dataclass(slots=True)
class PageRange:
    """The pages of a citation ("p. 403", "pp. 403-4")."""

    span: Span
    page_from: str | None
    page_to: str | None


@dataclass(slots=True)
class MarkupChars:
    """The characters of light markup ("_", "<i>"): kept in the diplomatic text, not read."""

    span: Span


# A citation's parts sit right inside its bibl, outside the names and titles they hold
# (bibl › ref › title, not bibl › title › ref).
ORDER = {**NESTING_ORDER, Label: 1, WorkPointer: 1, PageRange: 1, MarkupChars: 8}


def fill(parent: etree._Element, source: Source, start: int, end: int, spans: list) -> None:
    """Write ``source.text[start:end]`` into ``parent`` with ``spans`` as nested elements."""
    text = source.text
    # a milestone (empty span: lb, pb) comes before an element that starts where it stands
    spans = sorted(spans, key=lambda s: (s.span.start, s.span.end > s.span.start, -s.span.end, ORDER[type(s)]))
    pos, last, i = start, None, 0
    while i < len(spans):
        outer = spans[i]
        j = i + 1
        while j < len(spans) and _inside(outer.span, spans[j].span):
            j += 1
        if j < len(spans) and spans[j].span.overlaps(outer.span):
            line, col = source.position(spans[j].span.start)
            raise EditionError(error("spans-cross", f"{type(spans[j]).__name__} {source.slice(spans[j].span)!r} "
                                     f"crosses {type(outer).__name__} {source.slice(outer.span)!r}; "
                                     "check the data file's contexts", source.path, line, col))
        last = append_text(parent, last, text[pos:outer.span.start])
        element = inline_element(outer)
        parent.append(element)
        inner = spans[i + 1:j]
        for sub in _sub_spans(outer):
            inner.append(sub)
        if isinstance(outer, (Correction, Hyphenation, CharacterReference)):
            if inner:
                line, col = source.position(inner[0].span.start)
                raise EditionError(error("spans-in-correction", f"{type(inner[0]).__name__} inside the correction "
                                         f"{source.slice(outer.span)!r}: a correction must be innermost",
                                         source.path, line, col))
            append_text(element[0], None, source.slice(outer.span))
        elif not isinstance(outer, (PageBreak, LineBreak)):
            fill(element, source, outer.span.start, outer.span.end, inner)
        last, pos, i = element, outer.span.end, j
    append_text(parent, last, text[pos:end])




def _inside(outer: Span, inner: Span) -> bool:
    """``inner`` nests in ``outer``; an empty span (a milestone: ``lb``) at either edge of a
    non-empty span stands outside it."""
    if inner.start == inner.end and outer.end > outer.start and inner.start in (outer.start, outer.end):
        return False
    return outer.contains(inner)


def _sub_spans(span) -> list:
    if isinstance(span, NumberedList):
        return [ListItem(item, n) for item, n in span.items]
    if isinstance(span, Emphasis):
        return [MarkupChars(span.open), MarkupChars(span.close)]
    if isinstance(span, InlineNote):
        return [Label(span.label)] if span.label is not None else []
    if isinstance(span, FootNote) and span.label.end > span.label.start:
        return [Label(span.label)]
    if isinstance(span, Citation):
        subs = []
        if span.work_span and span.work:
            subs.append(WorkPointer(span.work_span, span.work))
        if span.pages_span:
            subs.append(PageRange(span.pages_span, span.page_from, span.page_to))
        return subs
    return []


@singledispatch
def inline_element(span) -> etree._Element:
    raise TypeError(f"the encoder has no rule for {type(span).__name__}")


@inline_element.register
def _(span: NoteAnchor) -> etree._Element:
    return etree.Element(T("ref"), {"type": "noteAnchor", **({XML_ID: span.id}
                         if span.id else {}), "target": f"#note{span.n}", "n": span.label or str(span.n)})


@inline_element.register
def _(span: Correction) -> etree._Element:
    choice = etree.Element(T("choice"), {XML_ID: span.id} if span.id else {})
    etree.SubElement(choice, T("sic"))
    corr = etree.SubElement(choice, T("corr"), {"resp": span.resp, "cert": span.cert, "type": span.kind})
    corr.text = span.corr
    return choice


@inline_element.register
def _(span: PersonRef) -> etree._Element:
    el = etree.Element(T("persName"), {"ref": f"#{span.ref}"})
    if span.resp:
        el.set("resp", span.resp)
    if span.cert:
        el.set("cert", span.cert)
    return el


@inline_element.register
def _(span: TitleRef) -> etree._Element:
    attrs = {"level": span.level}
    if span.ref:
        attrs["ref"] = f"#{span.ref}"
    return etree.Element(T("title"), attrs)


@inline_element.register
def _(span: DateRef) -> etree._Element:
    attrs = {k: v for k, v in (("when", span.when), ("from", span.from_), ("to", span.to)) if v}
    return etree.Element(T("date"), attrs)


@inline_element.register
def _(span: Citation) -> etree._Element:
    attrs = {XML_ID: span.id} if span.id else {}
    if span.secondary:
        attrs["type"] = "secondary"  # cited at second hand ("quoted by Souvarine"), as the note itself says
    return etree.Element(T("bibl"), attrs)


@inline_element.register
def _(span: WorkPointer) -> etree._Element:
    return etree.Element(T("ref"), {"target": f"#{span.work}"})


@inline_element.register
def _(span: PageRange) -> etree._Element:
    attrs = {"unit": "page"}
    if span.page_from:
        attrs["from"] = span.page_from
    if span.page_to:
        attrs["to"] = span.page_to
    return etree.Element(T("biblScope"), attrs)


@inline_element.register
def _(span: Omission) -> etree._Element:
    return etree.Element(T("metamark"), {"function": "omission"})


@inline_element.register
def _(span: PageBreak) -> etree._Element:
    return etree.Element(T("pb"), {"n": span.n} if span.n else {})


@inline_element.register
def _(span: FootNote) -> etree._Element:
    return etree.Element(T("note"), {XML_ID: span.id, "n": str(span.n), "place": "foot", "type": "footnote"})


@inline_element.register
def _(span: FootAnchor) -> etree._Element:
    return etree.Element(T("ref"), {"type": "noteAnchor", "target": f"#{span.note_id}", "n": str(span.n)})


@inline_element.register
def _(span: Furniture) -> etree._Element:
    return etree.Element(T("fw"), {"type": span.type})


@inline_element.register
def _(span: LineBreak) -> etree._Element:
    return etree.Element(T("lb"), {"break": "no"} if span.hyphen else {})


@inline_element.register
def _(span: Hyphenation) -> etree._Element:
    """The line-end hyphen as printed (orig) and the reading's joined word (reg: empty, or "-")."""
    choice = etree.Element(T("choice"))
    etree.SubElement(choice, T("orig"))
    reg = etree.SubElement(choice, T("reg"), {"type": "hyphenation"})
    reg.text = "-" if span.keep else ""
    return choice


@inline_element.register
def _(span: InlineNote) -> etree._Element:
    attrs = {XML_ID: span.id, "place": "inline", "type": "footnote"} if span.id else {"place": "inline", "type": "footnote"}
    if span.label_text:
        attrs["n"] = span.label_text
    return etree.Element(T("note"), attrs)


@inline_element.register
def _(span: Emphasis) -> etree._Element:
    return etree.Element(T("hi"), {"rend": span.rend})


@inline_element.register
def _(span: MarkupChars) -> etree._Element:
    return etree.Element(T("c"), {"type": "markup"})


@inline_element.register
def _(span: NumberedList) -> etree._Element:
    return etree.Element(T("list"), {"type": "ordered"})


@inline_element.register
def _(span: ListItem) -> etree._Element:
    return etree.Element(T("item"), {"n": span.n})


@inline_element.register
def _(span: MarkupChar) -> etree._Element:
    return etree.Element(T("c"), {"type": "markup"})


@inline_element.register
def _(span: CharacterReference) -> etree._Element:
    """The character reference as printed (orig) and the character it stands for (reg)."""
    choice = etree.Element(T("choice"))
    etree.SubElement(choice, T("orig"))
    reg = etree.SubElement(choice, T("reg"), {"type": "entity"})
    reg.text = span.char
    return choice


@inline_element.register
def _(span: Label) -> etree._Element:
    return etree.Element(T("label"))
