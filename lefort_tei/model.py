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
            self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
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
    """A form feed in the source; encoded as ``pb`` (its character is kept by the model)."""

    span: Span


Inline = Union[NoteAnchor, Correction, PersonRef, TitleRef, DateRef, Citation, Omission, PageBreak]

NESTING_ORDER: dict[type, int] = {
    Citation: 0,
    NoteAnchor: 1,
    TitleRef: 2,
    PersonRef: 3,
    DateRef: 4,
    Omission: 5,
    PageBreak: 6,
    Correction: 9,  # innermost: persName › choice, ref › choice, date › choice
}


# --------------------------------------------------------------------------- blocks


@dataclass(slots=True)
class Paragraph:
    span: Span
    inlines: list[Inline] = field(default_factory=list)
    id: str = ""


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


Block = Union[Paragraph, BlockQuote]


@dataclass(slots=True)
class Section:
    """A division of the body; the opening section of an essay may have no heading."""

    heading: Heading | None
    blocks: list[Block] = field(default_factory=list)
    id: str = ""


@dataclass(slots=True)
class Front:
    """The title line ("Title - Author"), then blurb paragraphs (``argument``) and, from the first
    provenance line on, the provenance division (usually none or one of each)."""

    title_line: Paragraph
    title: Span
    author: Span | None = None
    argument: list[Paragraph] = field(default_factory=list)
    provenance: list[Paragraph] = field(default_factory=list)


@dataclass(slots=True)
class Note:
    """An endnote where the source prints it: its number, the label as printed, its blocks.

    ``label`` covers the printed number ("16"); the first paragraph's span starts at the label.
    """

    n: int
    label: Span
    blocks: list[Block] = field(default_factory=list)
    id: str = ""

    @property
    def span(self) -> Span:
        return Span(self.label.start, self.blocks[-1].span.end if self.blocks else self.label.end)


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
    notes: list[Note] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)

    def paragraphs(self):
        """Every paragraph in reading order (front, body, notes), quotations included."""
        if self.front:
            yield self.front.title_line
            yield from self.front.argument
            yield from self.front.provenance
        for section in self.sections:
            yield from _paragraphs(section.blocks)
        for note in self.notes:
            yield from _paragraphs(note.blocks)

    def headings(self):
        for section in self.sections:
            if section.heading is not None:
                yield section.heading
        if self.notes_heading is not None:
            yield self.notes_heading

    def anchors(self):
        for p in self.paragraphs():
            for i in p.inlines:
                if isinstance(i, NoteAnchor):
                    yield i


def _paragraphs(blocks):
    for b in blocks:
        if isinstance(b, BlockQuote):
            yield from b.paragraphs
        else:
            yield b
