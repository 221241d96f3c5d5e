"""Encode the ``text`` element: front (title page, argument, provenance), body (sections,
paragraphs, block quotations) and back (the endnotes where the source prints them).

In: a ``Document`` whose ids are assigned (``ids.assign_ids``). Out: the lxml ``text`` element.
One function per block type; unknown block types raise ``TypeError``.
"""

from __future__ import annotations

from functools import singledispatch

from lxml import etree

from ..model import BlockQuote, Citation, Document, Front, Note, Paragraph, Section, Span
from .inline import Label, fill
from .tei import XML_ID, T, append_text


def encode_text(doc: Document) -> etree._Element:
    text = etree.Element(T("text"))
    if doc.front is not None:
        text.append(encode_front(doc, doc.front))
    body = etree.SubElement(text, T("body"))
    for section in doc.sections:
        body.append(encode_section(doc, section))
    if doc.notes:
        back = etree.SubElement(text, T("back"))
        div = etree.SubElement(back, T("div"), {"type": "notes", XML_ID: "notes"})
        if doc.notes_heading is not None:
            head = etree.SubElement(div, T("head"))
            fill(head, doc.source, doc.notes_heading.span.start, doc.notes_heading.span.end,
                 doc.notes_heading.inlines)
        for note in doc.notes:
            div.append(encode_note(doc, note))
    return text


def encode_front(doc: Document, front: Front) -> etree._Element:
    src = doc.source
    el = etree.Element(T("front"))
    page = etree.SubElement(el, T("titlePage"))
    line = front.title_line
    doc_title = etree.SubElement(page, T("docTitle"))
    part = etree.SubElement(doc_title, T("titlePart"), {"type": "main"})
    inside = lambda span: [i for i in line.inlines if span.contains(i.span)]  # noqa: E731
    title_span = Span(line.span.start, front.title.end)
    fill(part, src, title_span.start, title_span.end, inside(title_span))
    if front.author is not None:
        byline = etree.SubElement(page, T("byline"))
        append_text(byline, None, src.text[front.title.end:front.author.start])
        author = etree.SubElement(byline, T("docAuthor"))
        fill(author, src, front.author.start, front.author.end, inside(front.author))
        rest = Span(front.author.end, line.span.end)
        if rest.end > rest.start:
            fill_tail = etree.SubElement(byline, T("seg"))
            fill(fill_tail, src, rest.start, rest.end, inside(rest))
    if front.argument:
        arg = etree.SubElement(el, T("argument"))
        for p in front.argument:
            arg.append(encode_paragraph(doc, p))
    if front.provenance:
        div = etree.SubElement(el, T("div"), {"type": "provenance"})
        for p in front.provenance:
            div.append(encode_paragraph(doc, p))
    return el


def encode_section(doc: Document, section: Section) -> etree._Element:
    div = etree.Element(T("div"), {XML_ID: section.id, "type": "section"})
    if section.heading is not None:
        head = etree.SubElement(div, T("head"))
        fill(head, doc.source, section.heading.span.start, section.heading.span.end, section.heading.inlines)
    for block in section.blocks:
        div.append(encode_block(block, doc))
    return div


@singledispatch
def encode_block(block, doc: Document) -> etree._Element:
    raise TypeError(f"the encoder has no rule for the block {type(block).__name__}")


@encode_block.register
def _(block: Paragraph, doc: Document) -> etree._Element:
    return encode_paragraph(doc, block)


@encode_block.register
def _(block: BlockQuote, doc: Document) -> etree._Element:
    attrs = {XML_ID: block.id, "type": "block"}
    source = block.source or _note_citation(doc, block.source_note)
    if source:
        attrs["source"] = f"#{source}"
    quote = etree.Element(T("quote"), attrs)
    for p in block.paragraphs:
        quote.append(encode_paragraph(doc, p))
    return quote


def encode_paragraph(doc: Document, p: Paragraph, extra: list | None = None) -> etree._Element:
    el = etree.Element(T("p"), {XML_ID: p.id} if p.id else {})
    fill(el, doc.source, p.span.start, p.span.end, list(p.inlines) + (extra or []))
    return el


def encode_note(doc: Document, note: Note) -> etree._Element:
    el = etree.Element(T("note"), {XML_ID: note.id, "n": str(note.n), "place": "end", "type": "endnote"})
    for k, block in enumerate(note.blocks):
        if k == 0 and isinstance(block, Paragraph):
            el.append(encode_paragraph(doc, block, extra=[Label(note.label)]))
        else:
            el.append(encode_block(block, doc))
    return el


def _note_citation(doc: Document, n: int | None) -> str | None:
    """The id of the first citation in note ``n`` (where a quotation's source is given)."""
    if n is None:
        return None
    for note in doc.notes:
        if note.n == n:
            for block in note.blocks:
                for p in (block.paragraphs if isinstance(block, BlockQuote) else [block]):
                    for i in p.inlines:
                        if isinstance(i, Citation) and i.id:
                            return i.id
    return None
