"""Stable, readable ``xml:id``s: ``div2``, ``p12``, ``q3``, ``note16``, ``a16``, ``c7``.

In: a ``Document``. Out: the same document with ids set, and a map id → ``Span`` so a problem
found in the TEI (``note[@xml:id='note16']``) can be reported at its source position too.
Body paragraphs are numbered through the body in reading order (those inside quotations too),
so an edition can be cited by paragraph; front paragraphs are ``front-p1``…, note paragraphs
``note16-p1``…; anchors take the number of their note.
"""

from __future__ import annotations

from ..model import BlockQuote, Citation, Correction, Document, InlineNote, Note, NoteAnchor, PageMarks, Span


def assign_ids(doc: Document) -> dict[str, Span]:
    spans: dict[str, Span] = {}

    def name(obj, ident: str, span: Span) -> None:
        obj.id = ident
        spans[ident] = span

    if doc.front:
        for k, p in enumerate(doc.front.argument + doc.front.provenance, 1):
            name(p, f"front-p{k}", p.span)
    p_count = q_count = 0
    for d, section in enumerate(doc.sections, 1):
        start = section.heading.span if section.heading else (section.blocks[0].span if section.blocks else Span(0, 0))
        name(section, f"div{d}", start)
        for block in section.blocks:
            if isinstance(block, (Note, PageMarks)):
                continue  # notes are named with the notes below; page marks have no id
            if isinstance(block, BlockQuote):
                q_count += 1
                name(block, f"q{q_count}", block.span)
                paragraphs = block.paragraphs
            else:
                paragraphs = [block]
            for p in paragraphs:
                p_count += 1
                name(p, f"p{p_count}", p.span)
    for note in doc.notes:
        name(note, f"note{note.n}", note.label)
        k = 0
        for block in note.blocks:
            if isinstance(block, BlockQuote):
                q_count += 1
                name(block, f"q{q_count}", block.span)
            for p in (block.paragraphs if isinstance(block, BlockQuote) else [block]):
                k += 1
                name(p, f"note{note.n}-p{k}", p.span)
    c_count = f_count = 0
    for p in doc.paragraphs():
        for i in sorted(p.inlines, key=lambda s: s.span.start):
            if isinstance(i, InlineNote):
                f_count += 1
                name(i, f"fn{f_count}", i.span)
            elif isinstance(i, NoteAnchor) and i.n is not None:
                name(i, f"a{i.n}", i.span)
            elif isinstance(i, Correction):
                c_count += 1
                name(i, f"c{c_count}", i.span)
            elif isinstance(i, Citation):
                if not i.id:
                    i.id = _citation_id(p.id, spans)
                spans[i.id] = i.span
    for heading in doc.headings():
        for i in heading.inlines:
            if isinstance(i, NoteAnchor) and i.n is not None:  # a heading's anchor ("RIVERS³")
                name(i, f"a{i.n}", i.span)
            elif isinstance(i, Correction):
                c_count += 1
                name(i, f"c{c_count}", i.span)
    return spans


def _citation_id(paragraph_id: str, taken: dict[str, Span]) -> str:
    base = paragraph_id.split("-p")[0] + "-bibl" if paragraph_id.startswith("note") else paragraph_id + "-bibl"
    ident, k = base, 1
    while ident in taken:
        k += 1
        ident = f"{base}{k}"
    return ident
