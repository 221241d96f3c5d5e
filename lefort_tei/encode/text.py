"""Encode the ``text`` element: front (title page, argument, provenance), body (sections,
paragraphs, block quotations and their verse as ``lg``/``l``) and back (the endnotes where the
source prints them).

In: a ``Document`` whose ids are assigned (``ids.assign_ids``). Out: the lxml ``text`` element.
One function per block type; unknown block types raise ``TypeError``.
"""

from __future__ import annotations

from functools import singledispatch

from lxml import etree

from ..model import (Boilerplate, BlockQuote, Citation, Document, Front, LineBreak, Note, PageMarks, Paragraph, Section,
                     Span)
from .inline import Label, fill
from .tei import XML_ID, T, append_text


def encode_text(doc: Document) -> etree._Element:
    text = etree.Element(T("text"))
    if doc.front is not None or doc.front_boilerplate:
        text.append(encode_front(doc, doc.front))
    body = etree.SubElement(text, T("body"))
    stack: list[tuple[int, etree._Element]] = []  # open divisions: (level, element)
    for section in doc.sections:
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        div = encode_section(doc, section)
        (stack[-1][1] if stack else body).append(div)
        stack.append((section.level, div))
    end_notes = [n for n in doc.notes if n.place == "end"]
    if end_notes or doc.back_boilerplate:
        back = etree.SubElement(text, T("back"))
        if end_notes:
            div = etree.SubElement(back, T("div"), {"type": "notes", XML_ID: "notes"})
            if doc.notes_heading is not None:
                head = etree.SubElement(div, T("head"))
                fill(head, doc.source, doc.notes_heading.span.start, doc.notes_heading.span.end,
                     doc.notes_heading.inlines)
            for note in end_notes:
                div.append(encode_note(doc, note))
        for b in doc.back_boilerplate:
            back.append(encode_boilerplate(doc, b))
    return text


def encode_boilerplate(doc: Document, b: Boilerplate) -> etree._Element:
    """Source furniture, kept and set apart: ``div[@type="boilerplate"][@subtype=kind]`` (with the
    page marks of a page dump's boilerplate pages among its paragraphs)."""
    div = etree.Element(T("div"), {"type": "boilerplate", "subtype": b.kind})
    for block in b.blocks:
        if isinstance(block, PageMarks):
            div.extend(encode_page_marks(doc, block))
        else:
            div.append(encode_paragraph(doc, block))
    return div


def encode_front(doc: Document, front: Front | None) -> etree._Element:
    """The front in the source's order: boilerplate before the title page, the page marks before
    the title (page dumps), the title page, the argument and provenance, then boilerplate after."""
    el = etree.Element(T("front"))
    start = front.title_line.span.start if front is not None else None
    # boilerplate and a page dump's page marks before the title, in the source's order
    before = [b for b in doc.front_boilerplate if start is None or b.span.start < start]
    before += front.lead if front is not None else []
    for item in sorted(before, key=lambda item: item.span.start):
        if isinstance(item, PageMarks):
            el.extend(encode_page_marks(doc, item))
        else:
            el.append(encode_boilerplate(doc, item))
    if front is not None:
        _encode_title_page(doc, front, el)
        for b in doc.front_boilerplate:
            if b.span.start > start:
                el.append(encode_boilerplate(doc, b))
    return el


def _encode_title_page(doc: Document, front: Front, el: etree._Element) -> None:
    src = doc.source
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


def encode_section(doc: Document, section: Section) -> etree._Element:
    div = etree.Element(T("div"), {XML_ID: section.id, "type": "section"})
    blocks = section.blocks
    if section.heading is not None:
        head = etree.SubElement(div, T("head"))
        fill(head, doc.source, section.heading.span.start, section.heading.span.end, section.heading.inlines)
    for block in blocks:
        if isinstance(block, PageMarks):
            div.extend(encode_page_marks(doc, block))
        else:
            div.append(encode_block(block, doc))
    return div


def encode_page_marks(doc: Document, marks: PageMarks) -> list[etree._Element]:
    """Page marks between blocks: ``pb`` and ``fw`` siblings of the paragraphs (white space between
    them is layout, like the white space between blocks)."""
    holder = etree.Element(T("ab"))
    fill(holder, doc.source, marks.span.start, marks.span.end, marks.inlines)
    out = list(holder)
    for el in out:
        el.tail = None
    return out


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
    elif block.rule in ("indent", "prefix", "lines", "markup"):
        attrs["rend"] = block.rule  # set off by layout (or DP markup), no note gives its origin
    quote = etree.Element(T("quote"), attrs)
    for p in block.paragraphs:
        verse = encode_verse(doc, p) if p.verse else None
        quote.append(verse if verse is not None else encode_paragraph(doc, p))
    return quote


def encode_verse(doc: Document, p: Paragraph) -> etree._Element | None:
    """A paragraph of verse as ``lg`` with one ``l`` per line; the line ends and indentation stay
    between the ``l`` elements (the diplomatic text is unchanged). A line break milestone at a
    line's start is the ``l`` itself. None when a span runs over a line end (a word hyphenated at the
    line end, emphasis over two lines): the paragraph stays a ``p`` with its ``lb``."""
    text = doc.source.text
    lines: list[tuple[int, int]] = []
    start = p.span.start
    while start < p.span.end:
        end = text.find("\n", start, p.span.end)
        end = p.span.end if end < 0 else end
        a, b = start, end
        while a < b and text[a] in " \t\r\f":
            a += 1
        while b > a and text[b - 1] in " \t\r\f":
            b -= 1
        if b > a:
            lines.append((a, b))
        start = end + 1
    by_line: list[list] = [[] for _ in lines]
    k = 0
    for span in sorted(p.inlines, key=lambda s: s.span.start):
        s, e = span.span.start, span.span.end
        while k < len(lines) and lines[k][1] < s:
            k += 1
        if (isinstance(span, LineBreak) and not span.hyphen and k < len(lines) and s <= lines[k][0]
                and not text[s:lines[k][0]].strip()):
            continue  # the lb before a line: the l itself
        if k == len(lines) or not (lines[k][0] <= s and e <= lines[k][1]):
            return None
        by_line[k].append(span)
    lg = etree.Element(T("lg"), {XML_ID: p.id} if p.id else {})
    previous = None
    for (a, b), spans in zip(lines, by_line):
        if previous is not None:
            previous.tail = text[previous_end:a]
        line = etree.SubElement(lg, T("l"))
        fill(line, doc.source, a, b, spans)
        previous, previous_end = line, b
    return lg


def encode_paragraph(doc: Document, p: Paragraph, extra: list | None = None) -> etree._Element:
    el = etree.Element(T("p"), {XML_ID: p.id} if p.id else {})
    if p.n:  # a numbered paragraph: the number stays in the text, @n holds it
        el.set("n", p.n)
    fill(el, doc.source, p.span.start, p.span.end, list(p.inlines) + (extra or []))
    return el


@encode_block.register
def _(block: Note, doc: Document) -> etree._Element:
    return encode_note(doc, block)


def encode_note(doc: Document, note: Note) -> etree._Element:
    """A note where the source prints it: in the back (``type="endnote"``), or in place among the
    body's blocks at a chapter's end or a page's foot (``type="footnote"``, ``place``).

    An endnote has no ``@place``: it is encoded where the source prints it (``back/div[@type=notes]``),
    which says its place, and the TEI Stylesheets read ``place="end"`` as "a note at its point of
    attachment, to be moved to the end": they would print a stub where it stands and the note again,
    numbered twice, in their own list of endnotes (schemas/README.md)."""
    attrs = {XML_ID: note.id, "n": note.label_text or str(note.n)}
    if note.place == "end":
        attrs["type"] = "endnote"
    else:
        attrs["place"], attrs["type"] = note.place, "footnote"
    el = etree.Element(T("note"), attrs)
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
