"""The reader: a decoded ``Source`` (+ the data file's reader hints) → a ``Document``.

In: ``Source``, ``EditorialData``. Out: ``Document`` with front matter, sections, paragraphs,
block quotations, endnotes, note anchors linked to their notes, omission marks and page breaks;
plus diagnostics (orphan notes, suggestions). The reader knows nothing about TEI.

Order: page layout (``layout.read_pages``: only for a page dump, else None) → layout (blocks,
front, headings, notes) → anchors (need every note read first) → block quotations (a quotation is
closed by an anchor) → page marks (``pages.place_page_marks``: pb, fw, lb, hyphenation, page-foot
notes) → inline marks (omissions, page breaks).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..data import EditorialData
from ..diagnostics import Diagnostic
from ..model import BlockQuote, Document, Edition, FootAnchor, FootNote, Furniture, NoteAnchor, Omission, PageBreak, Paragraph, Source, Span
from .anchors import link_notes
from .blocks import read_layout
from .family import detect_family
from .rules.headings import heading_like
from .rules.lists import numbered_list
from .rules.markup import light_markup
from .rules.notes import inline_notes
from .layout import inline_page_numbers, read_pages
from .pages import place_page_marks, split_boilerplate
from .patterns import HEADER_FIELD, OMISSION
from .quotes import group_quotes, hint_index, one_line_per_paragraph

ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")  # characters an xml:id cannot hold: "my essay" → "my-essay"


def read_document(source: Source, data: EditorialData | None = None) -> tuple[Document, list[Diagnostic]]:
    data = data or EditorialData()
    pages = read_pages(source)  # None unless the text is a page dump (separators, form feeds)
    work_blocks, boilerplate = split_boilerplate(pages) if pages else (None, [])
    layout, diags = read_layout(source, data.front_blocks, blocks=work_blocks)
    doc = Document(source=source, edition=_edition(source, data, layout, boilerplate + layout.front_boilerplate))
    doc.front, doc.sections, doc.notes_heading, doc.notes = (
        layout.front, layout.sections, layout.notes_heading, layout.notes)
    # a page dump's download header and scans come first, then what the block rules set apart
    doc.front_boilerplate, doc.back_boilerplate = boilerplate + layout.front_boilerplate, layout.back_boilerplate

    body_paragraphs = [p for s in doc.sections for p in s.blocks if isinstance(p, Paragraph)]
    if doc.front:
        body_paragraphs += doc.front.argument + doc.front.provenance
    inline = 0
    for p in body_paragraphs:
        found = inline_notes(source.text, p.span)
        p.inlines.extend(found)
        inline += len(found)
    # a heading may carry an anchor too ("II. ON RIVERS³", an essay's title with its "*")
    body_headings = [s.heading for s in doc.sections if s.heading is not None]
    diags += link_notes(source, layout.groups, body_paragraphs + body_headings, doc.notes, data)
    doc.layout = {"family": detect_family(source.text), **layout.report, "inline notes": inline,
                  "headings": sum(1 for s in doc.sections if s.heading is not None),
                  "nested headings": sum(1 for s in doc.sections if s.heading is not None and s.level > 1),
                  "heading rules": dict(Counter(heading_like(source.text, s.heading.span) or "merged"
                                                for s in doc.sections if s.heading is not None))}

    all_paragraphs = [p for s in doc.sections for p in s.blocks if isinstance(p, Paragraph)] + [
        p for n in doc.notes for p in n.blocks if isinstance(p, Paragraph)]
    hints = hint_index(source, data.quotes, all_paragraphs, data.path)
    one_line = one_line_per_paragraph(source.text, body_paragraphs)
    for section in doc.sections:
        section.blocks = group_quotes(source, section.blocks, hints, line_per_paragraph=one_line)
    for note in doc.notes:
        note.blocks = group_quotes(source, note.blocks, hints, first_is_label=True)
    doc.layout["block quotations"] = sum(1 for _ in _quotes(doc))
    markup: Counter = Counter()
    for p in doc.paragraphs():
        found = light_markup(source.text, p) if not _in_boilerplate(doc, p) else []
        p.inlines.extend(found)
        markup.update(type(i).__name__ for i in found)
    doc.layout["light markup"] = markup["Emphasis"]
    doc.layout["character references"] = markup["CharacterReference"]
    doc.layout["escapes"] = markup["MarkupChar"]
    doc.layout["boilerplate"] = [b.kind for b in doc.front_boilerplate + doc.back_boilerplate]
    if pages is not None:  # a page dump: its pages and the notes printed at their feet
        doc.layout["pages"] = len(pages.pages)
        foot = [f for page in pages.pages for f in page.furniture if isinstance(f, FootNote)]
        doc.layout["page-foot notes"] = len(foot)
        doc.layout["page-foot anchors"] = sum(1 for page in pages.pages for f in page.furniture
                                              if isinstance(f, FootAnchor))
    for quote in _quotes(doc):
        if quote.source_note is None:
            anchors = [i for i in quote.paragraphs[-1].inlines if isinstance(i, NoteAnchor)]
            if anchors:
                quote.source_note = anchors[-1].n

    if pages is not None:
        place_page_marks(doc, pages)
    elif (numbers := inline_page_numbers(source)) is not None:
        place_page_marks(doc, numbers)  # page numbers printed inside the running text
    for p in doc.paragraphs():  # a page number is furniture, not a note's marker: "(1)" alone on a line
        furniture = [i.span for i in p.inlines if isinstance(i, Furniture)]
        if furniture:
            p.inlines = [i for i in p.inlines if not (isinstance(i, NoteAnchor)
                                                      and any(f.overlaps(i.span) for f in furniture))]
    for p in [*doc.paragraphs(), *doc.headings()]:
        for m in OMISSION.finditer(source.text, p.span.start, p.span.end):
            p.inlines.append(Omission(Span(m.start(), m.end())))
        if pages is not None:
            continue  # page dumps: form feeds are among the page marks
        start = p.span.start
        while (i := source.text.find("\f", start, p.span.end)) >= 0:
            p.inlines.append(PageBreak(Span(i, i + 1)))
            start = i + 1
    lists = 0  # last: a list must not cut a span read before it (page marks included)
    for p in doc.paragraphs():
        if (found := numbered_list(source.text, p) if not _in_boilerplate(doc, p) else None) is not None:
            p.inlines.append(found)
            lists += 1
    doc.layout["numbered lists"] = lists
    diags.append(Diagnostic("info", "layout", layout_summary(doc.layout), source.path, 1, 1))
    return doc, diags


def layout_summary(layout: dict) -> str:
    """One line saying how the text was read, so that an editor sees at once a wrong reading."""
    notes = layout.get("notes", 0)
    parts = [f"read as {layout.get('family', 'plain')} text"]
    if notes or layout.get("inline notes"):
        parts.append(f"{notes} notes (labels {'/'.join(layout.get('note styles') or ['-'])}, anchors "
                     f"{'/'.join(layout.get('anchor styles') or ['-'])}, placed {'/'.join(layout.get('note placement') or ['-'])})"
                     + (f" and {layout['inline notes']} inline notes" if layout.get("inline notes") else ""))
    elif not layout.get("page-foot notes"):
        parts.append("no notes")
    if layout.get("pages"):
        parts.append(f"{layout['pages']} pages")
    if layout.get("page-foot notes"):
        parts.append(f"{layout['page-foot notes']} notes at the foot of pages "
                     f"({layout.get('page-foot anchors', 0)} linked to an anchor on their page)")
    if layout.get("numbered lists"):
        parts.append(f"{layout['numbered lists']} numbered lists inside paragraphs")
    if layout.get("numbered paragraphs"):
        parts.append(f"{layout['numbered paragraphs']} numbered paragraphs (no anchor points to them)")
    schemes = layout.get("heading rules") or {}
    parts.append(f"{layout.get('headings', 0)} headings"
                 + (" (" + ", ".join(f"{k} {v}" for k, v in sorted(schemes.items())) + ")" if schemes else "")
                 + (f", {layout['nested headings']} of them inside a higher division" if layout.get("nested headings") else ""))
    parts.append(f"{layout.get('block quotations', 0)} block quotations")
    if layout.get("light markup"):
        parts.append(f"{layout['light markup']} emphasised spans (_x_, *x*, <i>x</i>, :role:`x`)")
    if layout.get("character references"):
        parts.append(f"{layout['character references']} character references (&amp;, &#8212;)")
    if layout.get("escapes"):
        parts.append(f"{layout['escapes']} backslash escapes (\\*, \\_)")
    parts.append("boilerplate set apart: " + (", ".join(layout.get("boilerplate") or []) or "none"))
    return "; ".join(parts)


def _in_boilerplate(doc: Document, p: Paragraph) -> bool:
    return any(b.span.contains(p.span) for b in doc.front_boilerplate + doc.back_boilerplate)


def _quotes(doc: Document):
    for section in doc.sections:
        yield from (b for b in section.blocks if isinstance(b, BlockQuote))
    for note in doc.notes:
        yield from (b for b in note.blocks if isinstance(b, BlockQuote))


def _header_fields(source: Source, boilerplate) -> dict[str, str]:
    """The "Title:" and "Author:" fields of a download header set apart as boilerplate (Project
    Gutenberg, HathiTrust): the work's metadata when no title page of the work says it."""
    fields: dict[str, str] = {}
    for region in boilerplate:
        if region.kind != "header":
            continue
        for block in region.blocks:
            for m in HEADER_FIELD.finditer(source.slice(block.span)):
                fields.setdefault(m["field"].lower(), " ".join(m["value"].split()))
    return fields


def _part_of(printed: str, whole: str) -> bool:
    """A title page's title that is only a part of the header's title (its first line, "THE")."""
    a, b = printed.casefold(), whole.casefold()
    return a != b and a in b


def _edition(source: Source, data: EditorialData, layout, boilerplate=()) -> Edition:
    """The edition's metadata: the data file's, else the work's title page, else a download
    header's fields, else the first heading (the file's name at last)."""
    e = data.edition
    header = _header_fields(source, boilerplate)
    stem = Path(source.path).stem or "text"
    ident = e.get("id") or ID_UNSAFE.sub("-", stem).strip("-")
    if not ident or not (ident[0].isalpha() or ident[0] == "_"):
        ident = "t-" + ident
    front = layout.front
    # Header metadata is editorial: white space folded (a form feed in a title line stays in the text).
    first_head = next((s.heading for s in layout.sections if s.heading is not None), None)
    printed = " ".join(source.slice(front.title).split()) if front else ""
    if printed and header.get("title") and _part_of(printed, header["title"]):
        printed = header["title"]  # "THE" of a title page printing "THE" / "Book of Days": the header says it whole
    title = e.get("title") or printed or header.get("title") or (
        " ".join(source.slice(first_head.span).lstrip("#").split()) if first_head else stem)
    author = e.get("author") or (" ".join(source.slice(front.author).split()) if front and front.author
                                 else header.get("author"))
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
