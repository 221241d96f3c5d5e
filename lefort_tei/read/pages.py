"""Put a page dump's page marks into the document the block rules built.

In: a ``Document`` (front, sections, notes) read from ``PageLayout.blocks`` and the ``PageLayout``.
Out: the same document with each page mark as an inline of the paragraph or heading it falls in,
and the marks between blocks as ``PageMarks`` blocks (before the title: ``Front.lead``; between
endnotes: inside the preceding note's last paragraph, whose span is extended over them).
Linear: one pass over the blocks in order, one binary search per block.
"""

from __future__ import annotations

from ..model import BlockQuote, Boilerplate, Document, Note, PageMarks, Paragraph, Section, Span
from .layout import PageLayout


def split_boilerplate(layout: PageLayout) -> tuple[list[Span], list[Boilerplate]]:
    """The blocks of the work, and the boilerplate regions with their own paragraphs and page
    marks (in source order); the gaps inside boilerplate leave ``layout.gaps``."""
    regions = [Boilerplate(kind, rule="page-dump", extent=span) for kind, span in layout.boilerplate]
    if not regions:
        return layout.blocks, []
    work: list[Span] = []
    items = [(b, "block") for b in layout.blocks] + [(g, "gap") for g in layout.gaps]
    items.sort(key=lambda x: x[0].start)
    gaps = []
    for span, what in items:
        region = next((r for r in regions if r.span.contains(span)), None)
        if region is None:
            (work if what == "block" else gaps).append(span)
        elif what == "block":
            region.blocks.append(Paragraph(span, layout.marks_in(span)))
        else:
            region.blocks.append(PageMarks(span, layout.marks_in(span)))
    layout.gaps = gaps
    return work, regions


def place_page_marks(doc: Document, layout: PageLayout) -> None:
    gaps = list(layout.gaps)
    if layout.leading is not None:
        gaps = [g for g in gaps if not layout.leading.contains(g)]
    _place_gaps(doc, gaps, layout)
    _marks_before_headings(doc)
    for p in [*doc.paragraphs(), *doc.headings()]:
        have = {id(i) for i in p.inlines}
        p.inlines.extend(m for m in layout.marks_in(p.span) if id(m) not in have)


def _marks_block(gap: Span, layout: PageLayout) -> PageMarks:
    return PageMarks(gap, layout.marks_in(gap))


def _place_gaps(doc: Document, gaps: list[Span], layout: PageLayout) -> None:
    if not gaps:
        return
    gaps = _gaps_into_boilerplate(doc, gaps, layout)
    if not gaps:
        return
    if not doc.sections and not doc.notes:
        doc.sections.append(Section(heading=None))  # a text of page marks only still has a body for them
    g = 0
    if doc.front is not None:
        while g < len(gaps) and gaps[g].end <= doc.front.title_line.span.start:
            doc.front.lead.append(_marks_block(gaps[g], layout))
            g += 1
        parts = [*doc.front.argument, *doc.front.provenance]
        front_end = max(p.span.end for p in [doc.front.title_line, *parts])
        # gaps inside the front: the front paragraph after the gap starts at it
        while g < len(gaps) and gaps[g].end <= front_end:
            after = next(p for p in parts if p.span.start >= gaps[g].end)
            after.span = Span(min(after.span.start, gaps[g].start), after.span.end)
            g += 1
    else:
        front_end = 0
    for s, section in enumerate(doc.sections):
        blocks: list = []
        for block in section.blocks:
            while g < len(gaps) and gaps[g].end <= block.span.start:
                if gaps[g].start >= front_end:
                    blocks.append(_marks_block(gaps[g], layout))
                g += 1
            blocks.append(block)
            if isinstance(block, Note):  # a note in place: a gap between its paragraphs joins the one before
                paragraphs = [q for b in block.blocks for q in (b.paragraphs if isinstance(b, BlockQuote) else [b])]
                while g < len(gaps) and gaps[g].end <= block.span.end:
                    before = [q for q in paragraphs if q.span.end <= gaps[g].start]
                    if before:
                        before[-1].span = Span(before[-1].span.start, gaps[g].end)
                    g += 1
        next_start = _section_start(doc, s + 1)
        while g < len(gaps) and (next_start is None or gaps[g].end <= next_start):
            blocks.append(_marks_block(gaps[g], layout))
            g += 1
        section.blocks = blocks
    # Gaps among the endnotes: the previous note's last paragraph runs over them.
    last: Paragraph | None = None
    for note in (n for n in doc.notes if n.place == "end"):  # notes in place sit among the sections' blocks
        for block in note.blocks:
            first = block.paragraphs[0] if isinstance(block, BlockQuote) else block
            while g < len(gaps) and gaps[g].end <= first.span.start:
                if last is not None:
                    last.span = Span(last.span.start, gaps[g].end)
                g += 1
            last = block.paragraphs[-1] if isinstance(block, BlockQuote) else block
    while g < len(gaps) and last is not None:
        last.span = Span(last.span.start, gaps[g].end)
        g += 1


def _gaps_into_boilerplate(doc: Document, gaps: list[Span], layout: PageLayout) -> list[Span]:
    """Page marks inside a region the block rules set apart (advertisements, a licence after the
    work) stay in it, among its paragraphs; the other gaps are returned."""
    regions = [b for b in [*doc.front_boilerplate, *doc.back_boilerplate] if b.blocks]
    if not regions:
        return gaps
    work_start = _section_start(doc, 0) if doc.front is None else doc.front.title_line.span.start
    front = sorted((b for b in doc.front_boilerplate if b.blocks), key=lambda b: b.span.start)
    rest = []
    for gap in gaps:
        region = next((b for b in regions if b.span.start <= gap.start and gap.end <= b.span.end), None)
        if region is None and work_start is not None and gap.end <= work_start:
            # a page mark before the work, just before a region set apart: it opens that region
            region = next((b for b in front if gap.end <= b.span.start), None)
        if region is None:
            rest.append(gap)
        else:
            region.blocks.append(_marks_block(gap, layout))
            region.blocks.sort(key=lambda block: block.span.start)
    return rest


def _marks_before_headings(doc: Document) -> None:
    """Page marks before a section's heading (a page that opens a chapter) end the section before;
    before the first heading, they make a division of their own (a heading comes first in its div)."""
    sections: list[Section] = []
    for section in doc.sections:
        lead = []
        if section.heading is not None:
            while section.blocks and isinstance(section.blocks[0], PageMarks) \
                    and section.blocks[0].span.end <= section.heading.span.start:
                lead.append(section.blocks.pop(0))
        if lead and sections:
            sections[-1].blocks.extend(lead)
        elif lead:
            sections.append(Section(heading=None, blocks=lead))
        sections.append(section)
    doc.sections = sections


def _section_start(doc: Document, s: int) -> int | None:
    if s < len(doc.sections):
        section = doc.sections[s]
        if section.heading is not None:
            return section.heading.span.start
        if section.blocks:
            return section.blocks[0].span.start
    if doc.notes_heading is not None:
        return doc.notes_heading.span.start
    end_notes = [n for n in doc.notes if n.place == "end"]  # notes in place are inside the sections
    if end_notes:
        return end_notes[0].label.start
    return None
