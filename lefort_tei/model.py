"""The document model: what the reader produces, the annotators enrich and the encoder consumes.

In: nothing (pure data). Out: dataclasses.

The model is *stand-off*. Every node holds character offsets into ``Source.text`` (the decoded
source with line ends normalised to ``\\n``); no node copies or rewrites text. An annotator can
therefore only *add* spans, never change a character, and the diplomatic text of the edition is
by construction the source text of its blocks. Positions (line, column) are derived from the
offsets by ``Source.position``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open range ``[start, end)`` of character offsets in ``Source.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Source:
    """The decoded source text and what decoding it did (reported in the TEI header)."""

    path: str
    text: str
    encoding: str = "utf-8"  # "utf-8", "utf-8-sig" (had a BOM) or "cp1252"
    newline: str = "\n"  # "\n", "\r\n", "\r", "mixed" or "" (a single line)
    sha256: str = ""  # of the raw bytes as read
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        if not self._line_starts:
            starts, i = [0], self.text.find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = self.text.find("\n", i + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]


# --------------------------------------------------------------------------- inline spans
# Inline spans mark a range inside a block. They must nest; where two spans cover the same
# range, ``NESTING_ORDER`` says which is outside (lower number = outer element).


@dataclass(slots=True)
class NoteAnchor:
    """A note marker as printed ("(5)", "(l6)", ",34"); ``n`` is set when linked to a note."""

    span: Span
    number_read: int | None  # the number the marker reads as (l→1, O→0), None if unreadable
    style: str  # "paren" | "bracket" | "superscript" | "bare" | "data"
    n: int | None = None
    id: str = ""  # xml:id of the anchor element, set by the encoder's id pass (a1, a2 …)
    reason: str = ""  # for anchors given by the data file: why the rules could not find it
    label: str = ""  # the number of its note as printed, where it differs from ``n`` (numbering restarts)


@dataclass(slots=True)
class Correction:
    """An editorial correction of the source text (``choice`` › ``sic`` + ``corr``)."""

    span: Span
    corr: str
    resp: str = "#ed"
    cert: str = "high"  # "high" | "medium" | "low"
    reason: str = ""
    kind: str = "ocr"  # "ocr" | "anchor" | "spacing" | "punctuation"
    id: str = ""  # xml:id of the choice (c1, c2 …), set by the encoder's id pass


@dataclass(slots=True)
class PersonRef:
    """A mention of a person; ``ref`` is the ``xml:id`` of a ``person`` in the register."""

    span: Span
    ref: str
    resp: str = ""  # "#lefort-tei" for a mention the automatic pass found; "" for the data file's
    cert: str = ""  # "high" | "medium" for automatic mentions


@dataclass(slots=True)
class TitleRef:
    """A title of a work named in the text; ``ref`` is the ``xml:id`` of a work, if known."""

    span: Span
    ref: str | None = None
    level: str = "m"


@dataclass(slots=True)
class DateRef:
    """A date expression; ISO values in ``when`` or ``from_``/``to``."""

    span: Span
    when: str | None = None
    from_: str | None = None
    to: str | None = None


@dataclass(slots=True)
class Citation:
    """A bibliographic reference in a note ("Trotsky, Stalin, p. 403", "Ibid., p. 18").

    ``work`` is the ``xml:id`` of the work in the works cited (resolved through Ibid. and short
    forms); ``pages`` the cited range as printed and as numbers. ``id`` is the ``xml:id`` of the
    ``bibl`` (e.g. ``note5-bibl``).
    """

    span: Span
    id: str = ""
    work: str | None = None
    work_span: Span | None = None  # the part naming the work ("Trotsky, Stalin")
    pages_span: Span | None = None  # the part giving the pages ("p. 403")
    page_from: str | None = None
    page_to: str | None = None
    secondary: str = ""  # e.g. "quoted by Souvarine": the quotation is cited at second hand


@dataclass(slots=True)
class Omission:
    """An omission mark printed in the source ("[· · ·]")."""

    span: Span


@dataclass(slots=True)
class PageBreak:
    """A page break: a form feed (the span holds its character) or, in a page dump whose pages are
    marked by separator lines, the empty span where the page starts; encoded as ``pb``.
    ``n`` is the printed page number where the page prints one ("iv", "14")."""

    span: Span
    n: str | None = None


@dataclass(slots=True)
class InlineNote:
    """A note printed in place inside a paragraph ("[Footnote: ...]", "[Footnote 2: ...]").

    ``label`` covers the printed number inside the brackets, if any; ``label_text`` is that number
    as printed ("" for an unnumbered note). Encoded as ``note[@place="inline"]`` in place."""

    span: Span
    label: Span | None = None
    label_text: str = ""
    id: str = ""  # xml:id (fn1, fn2 …), set by the encoder's id pass


@dataclass(slots=True)
class Emphasis:
    """Light markup of the source: "_italics_", "*emphasis*", "<i>x</i>". ``open``/``close`` cover
    the markup characters, kept in the diplomatic view and dropped from the reading view."""

    span: Span
    rend: str  # "italic" | "bold" | "smallcaps"
    open: Span
    close: Span


@dataclass(slots=True)
class CharacterReference:
    """An HTML character reference left in the text ("&amp;", "&mdash;", "&#8212;"): the source's
    characters (``choice`` › ``orig``) and the character they stand for (``reg[@type="entity"]``),
    which only the reading view shows."""

    span: Span
    char: str


@dataclass(slots=True)
class MarkupChar:
    """A markup character read as nothing: the backslash of a Markdown escape ("\\*", "\\_")
    (``c[@type="markup"]``), kept in the diplomatic view and dropped from the reading view."""

    span: Span


@dataclass(slots=True)
class NumberedList:
    """A numbered list inside a paragraph: lines opening "1.", "2." … (``list[@type="ordered"]``
    › ``item[@n]``); ``items`` are the items' spans, each from its number to its last character."""

    span: Span
    items: list[tuple[Span, str]] = field(default_factory=list)  # (span, the number as printed)


@dataclass(slots=True)
class ListItem:
    """One item of a ``NumberedList`` (made by the encoder from the list's ``items``)."""

    span: Span
    n: str


@dataclass(slots=True)
class Furniture:
    """A line of page furniture kept as printed: ``fw`` with ``type`` "header" (running head),
    "pageNum", "catch" (catchword), "sig" (signature mark), "separator" (a page dump's separator
    line, e.g. "-----File: 012.png---") or "blank" (a transcriber's "[Blank Page]")."""

    span: Span
    type: str


@dataclass(slots=True)
class LineBreak:
    """The start of a source line inside a block (empty span), encoded as ``lb``; ``hyphen`` when
    the previous line ended with a word divided at the line end (``lb[@break="no"]``)."""

    span: Span
    hyphen: bool = False


@dataclass(slots=True)
class Hyphenation:
    """The hyphen of a word divided at a line end, with the line end: "-\n", "¬\n", DP's "-*\n".
    Encoded as ``choice`` › ``orig`` (as printed) + ``reg`` (``keep``: the reading keeps a hyphen,
    for a real compound such as "well-known"; otherwise the word is joined)."""

    span: Span
    keep: bool = False


@dataclass(slots=True)
class FootNote:
    """A note printed at a page's foot, kept where it stands (``note[@place="foot"]``); ``label``
    is its marker as printed ("*", "10"); ``n`` its number on the page; ``id`` its xml:id."""

    span: Span
    label: Span
    n: int
    id: str


@dataclass(slots=True)
class FootAnchor:
    """The anchor of a page-foot note on the same page: the marker as printed ('"', "”")."""

    span: Span
    note_id: str
    n: int


Inline = Union[NoteAnchor, Correction, PersonRef, TitleRef, DateRef, Citation, Omission, PageBreak, InlineNote,
               Emphasis, Furniture, LineBreak, Hyphenation, FootNote, FootAnchor, CharacterReference, MarkupChar,
               NumberedList]

NESTING_ORDER: dict[type, int] = {
    NumberedList: -3,  # a list inside a paragraph holds everything of its items
    ListItem: -2,
    InlineNote: -1,  # outermost: a note printed in place holds its own citations, names and dates
    Citation: 0,
    NoteAnchor: 1,
    Emphasis: 1.5,  # "_Genius of Christianity_": the emphasis holds the title found inside it
    TitleRef: 2,
    PersonRef: 3,
    DateRef: 4,
    Omission: 5,
    FootNote: 1,
    FootAnchor: 1,
    Furniture: 6,
    PageBreak: 6,
    LineBreak: 7,
    Hyphenation: 9,
    MarkupChar: 8,
    CharacterReference: 9,
    Correction: 9,  # innermost: persName › choice, ref › choice, date › choice
}


# --------------------------------------------------------------------------- blocks


@dataclass(slots=True)
class Paragraph:
    span: Span
    inlines: list[Inline] = field(default_factory=list)
    id: str = ""
    verse: bool = False  # in a block quotation, lines of verse kept line by line: lg/l, not p
    n: str = ""  # a numbered paragraph's number, printed at its start ("1. The first …" → "1"): p/@n


@dataclass(slots=True)
class BlockQuote:
    """A block quotation: one or more paragraphs set off from the running text.

    ``source_note`` is the number of the note that gives its source (from the anchor that closes
    it, or the data file); ``source`` the ``xml:id`` of the ``bibl`` it comes from, once known.
    ``rule`` says which rule found it (for diagnostics and the editor's review).
    """

    paragraphs: list[Paragraph]
    rule: str = ""
    source_note: int | None = None
    source: str | None = None
    id: str = ""

    @property
    def span(self) -> Span:
        return Span(self.paragraphs[0].span.start, self.paragraphs[-1].span.end)


@dataclass(slots=True)
class Heading:
    span: Span
    inlines: list[Inline] = field(default_factory=list)


@dataclass(slots=True)
class PageMarks:
    """Page breaks and furniture that fall *between* blocks (a page that starts a new paragraph):
    encoded as ``pb`` and ``fw`` siblings of the paragraphs. ``span`` runs over all of them."""

    span: Span
    inlines: list[Inline] = field(default_factory=list)


Block = Union[Paragraph, BlockQuote, PageMarks, "Note"]


@dataclass(slots=True)
class Section:
    """A division of the body; the opening section of an essay may have no heading."""

    heading: Heading | None
    blocks: list[Block] = field(default_factory=list)
    id: str = ""
    level: int = 1  # 1: a top division; 2: inside the last level-1 one (a Book's chapters)


@dataclass(slots=True)
class Front:
    """The title line ("Title - Author"), then blurb paragraphs (``argument``) and, from the first
    provenance line on, the provenance division (usually none or one of each)."""

    title_line: Paragraph
    title: Span
    author: Span | None = None
    argument: list[Paragraph] = field(default_factory=list)
    provenance: list[Paragraph] = field(default_factory=list)
    lead: list["PageMarks"] = field(default_factory=list)  # page marks before the title (page dumps)


@dataclass(slots=True)
class Note:
    """An endnote where the source prints it: its number, the label as printed, its blocks.

    ``label`` covers the printed number ("16"); the first paragraph's span starts at the label.
    """

    n: int
    label: Span
    blocks: list[Block] = field(default_factory=list)
    id: str = ""
    label_text: str = ""  # the label as printed ("16", "fn3"); "" = str(n). ``n`` is unique in the text
    place: str = "end"  # "end": in the back; "foot" / "chapter-end": in place among the body's blocks

    @property
    def span(self) -> Span:
        return Span(self.label.start, self.blocks[-1].span.end if self.blocks else self.label.end)


@dataclass(slots=True)
class Boilerplate:
    """Source furniture that is not the work (a Project Gutenberg header or licence, an e-book
    imprint or colophon, a transcriber's note, advertisements): kept, and set apart in ``front``
    or ``back`` as ``div[@type="boilerplate"][@subtype=kind]``."""

    kind: str  # "header", "credits", "licence", "transcriber", "advertisement", "imprint", "colophon",
    #            "uncopyright"; in a page dump also "scans" (scans of a binding or a library stamp)
    blocks: list = field(default_factory=list)  # Paragraphs (and, in a page dump, PageMarks) in source order
    rule: str = ""
    extent: Span | None = None  # the region as found before its blocks are sorted into it (page dumps)

    @property
    def span(self) -> Span:
        return self.extent or Span(self.blocks[0].span.start, self.blocks[-1].span.end)


# --------------------------------------------------------------------------- registers


@dataclass(slots=True)
class Person:
    id: str
    name: str  # standard form
    forms: list[str] = field(default_factory=list)  # forms the text uses
    birth: str | None = None
    death: str | None = None
    wikidata: str | None = None
    viaf: str | None = None
    note: str = ""
    resp: str = ""  # "#lefort-tei" for an entry the automatic pass made
    cert: str = ""  # its certainty ("high" | "medium"); "" for curated entries
    evidence: str = ""  # why the automatic pass took it for a person (for `suggest`)


@dataclass(slots=True)
class Work:
    id: str
    title: str
    author: str | None = None  # person id
    author_name: str | None = None  # as printed in the full citation
    translator: str | None = None  # person id
    translator_name: str | None = None
    editor: str | None = None
    place: str | None = None
    publisher: str | None = None
    date: str | None = None
    level: str = "m"  # "m" monograph, "a" article, "j" journal
    container: str | None = None  # journal or collection title for level "a"
    note: str = ""


@dataclass(slots=True)
class Edition:
    """What the header says about the edition; filled from the title line and the data file."""

    id: str
    title: str
    author: str | None = None
    author_ref: str | None = None
    language: str = "en"
    editors: list[str] = field(default_factory=lambda: ["lefort-tei"])
    licence: str = "CC BY 4.0"
    licence_url: str = "https://creativecommons.org/licenses/by/4.0/"
    publisher: str = "lefort-tei"
    date: str = ""  # publication date of the edition (ISO), from the data file for determinism
    url: str = ""  # where the web edition is published (its folder), for citations; "" = not known
    source_bibl: list[str] = field(default_factory=list)  # free-text descriptions of the source
    provenance: str = ""


@dataclass(slots=True)
class Document:
    """The whole essay: front matter, sections, endnotes, and what annotators added."""

    source: Source
    edition: Edition
    front: Front | None = None
    sections: list[Section] = field(default_factory=list)
    notes_heading: Heading | None = None
    notes: list[Note] = field(default_factory=list)  # every note, in reading order (see ``Note.place``)
    front_boilerplate: list[Boilerplate] = field(default_factory=list)
    back_boilerplate: list[Boilerplate] = field(default_factory=list)
    layout: dict = field(default_factory=dict)  # what the reader recognised (family, note style …), for reports
    persons: list[Person] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)

    def paragraphs(self):
        """Every paragraph in reading order (front, body, notes), quotations included."""
        for b in self.front_boilerplate:
            yield from _paragraphs(b.blocks)
        if self.front:
            yield self.front.title_line
            yield from self.front.argument
            yield from self.front.provenance
        for section in self.sections:
            yield from _paragraphs(section.blocks)
        for note in self.notes:
            yield from _paragraphs(note.blocks)
        for b in self.back_boilerplate:
            yield from _paragraphs(b.blocks)

    def headings(self):
        for section in self.sections:
            if section.heading is not None:
                yield section.heading
        if self.notes_heading is not None:
            yield self.notes_heading

    def anchors(self):
        """Every note anchor, in reading order (a heading may carry one)."""
        found = [i for p in [*self.paragraphs(), *self.headings()] for i in p.inlines if isinstance(i, NoteAnchor)]
        yield from sorted(found, key=lambda a: a.span.start)


def _paragraphs(blocks):
    for b in blocks:
        if isinstance(b, BlockQuote):
            yield from b.paragraphs
        elif isinstance(b, Paragraph):
            yield b  # a Note among a section's blocks is yielded with ``Document.notes``
