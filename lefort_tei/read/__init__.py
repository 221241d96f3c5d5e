"""The reader: a decoded ``Source`` (+ the data file's reader hints) → a ``Document``.

In: ``Source``, ``EditorialData``. Out: ``Document`` with front matter, sections, paragraphs,
block quotations, endnotes, note anchors linked to their notes, omission marks and page breaks;
plus diagnostics (orphan notes, suggestions). The reader knows nothing about TEI.

Order: layout (blocks, front, headings, notes) → anchors (need every note read first) →
block quotations (a quotation is closed by an anchor) → inline marks (omissions, page breaks).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..data import EditorialData
from ..diagnostics import Diagnostic
from ..model import BlockQuote, Document, Edition, NoteAnchor, Omission, PageBreak, Source, Span
from .anchors import link_anchors
from .blocks import read_layout
from .patterns import OMISSION
from .quotes import group_quotes, hint_index

ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")  # characters an xml:id cannot hold: "my essay" → "my-essay"


def read_document(source: Source, data: EditorialData | None = None) -> tuple[Document, list[Diagnostic]]:
    data = data or EditorialData()
    layout, diags = read_layout(source, data.front_blocks)
    doc = Document(source=source, edition=_edition(source, data, layout))
    doc.front, doc.sections, doc.notes_heading, doc.notes = (
        layout.front, layout.sections, layout.notes_heading, layout.notes)

    body_paragraphs = [p for s in doc.sections for p in s.blocks]
    if doc.front:
        body_paragraphs += doc.front.argument + doc.front.provenance
    diags += link_anchors(source, body_paragraphs, doc.notes, data.anchors, data.path)

    all_paragraphs = [p for s in doc.sections for p in s.blocks] + [p for n in doc.notes for p in n.blocks]
    hints = hint_index(source, data.quotes, all_paragraphs, data.path)
    for section in doc.sections:
        section.blocks = group_quotes(source, section.blocks, hints)
    for note in doc.notes:
        note.blocks = group_quotes(source, note.blocks, hints, first_is_label=True)
    for quote in _quotes(doc):
        if quote.source_note is None:
            anchors = [i for i in quote.paragraphs[-1].inlines if isinstance(i, NoteAnchor)]
            if anchors:
                quote.source_note = anchors[-1].n

    for p in [*doc.paragraphs(), *doc.headings()]:
        for m in OMISSION.finditer(source.text, p.span.start, p.span.end):
            p.inlines.append(Omission(Span(m.start(), m.end())))
        start = p.span.start
        while (i := source.text.find("\f", start, p.span.end)) >= 0:
            p.inlines.append(PageBreak(Span(i, i + 1)))
            start = i + 1
    return doc, diags


def _quotes(doc: Document):
    for section in doc.sections:
        yield from (b for b in section.blocks if isinstance(b, BlockQuote))
    for note in doc.notes:
        yield from (b for b in note.blocks if isinstance(b, BlockQuote))


def _edition(source: Source, data: EditorialData, layout) -> Edition:
    e = data.edition
    stem = Path(source.path).stem or "text"
    ident = e.get("id") or ID_UNSAFE.sub("-", stem).strip("-")
    if not ident or not (ident[0].isalpha() or ident[0] == "_"):
        ident = "t-" + ident
    front = layout.front
    # Header metadata is editorial: white space folded (a form feed in a title line stays in the text).
    title = e.get("title") or (" ".join(source.slice(front.title).split()) if front else stem)
    author = e.get("author") or (" ".join(source.slice(front.author).split()) if front and front.author else None)
    edition = Edition(id=ident, title=title, author=author, author_ref=e.get("author_ref"),
                      language=e.get("language", "en"), date=e.get("date", ""),
                      source_bibl=list(e.get("source", [])),
                      provenance=" ".join(" ".join(source.slice(p.span) for p in front.provenance).split())
                      if front else "")
    for key in ("licence", "licence_url", "publisher", "url"):
        if key in e:
            setattr(edition, key, e[key])
    if "editors" in e:
        edition.editors = list(e["editors"])
    return edition
