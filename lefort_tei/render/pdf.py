"""The print edition: TEI → HTML (xslt/print.xsl) → page (jinja2) → PDF (WeasyPrint, CSS Paged Media).

In: a TEI file of lefort-tei and a view ("reading", or "diplomatic" for proofreading against the
source). Out: a PDF, written atomically, set in the EB Garamond shipped in ``fonts/``, with the
notes as footnotes, running heads, contents, bookmarks, an index of persons and metadata.

Two things CSS cannot say are done around the layout, at a cost that grows with the book, not
with the book times its notes:
- every footnote on its call's page: WeasyPrint would move a page's last notes to the next page to
  fit the first line of a paragraph at its foot; within our layouts it moves the paragraph instead
  (``footnote_policy.notes_kept_with_calls``), so the book is laid out once. A note still carried
  off its anchor's page (another cause, or another WeasyPrint) is brought back from the pages
  WeasyPrint reports for each id (``break_before_carried_notes``): every note carried in a layout
  gets its remedy at once, and the book is laid out again; the notes before the first remedy are
  settled, so a few passes settle the book (``MAX_NOTE_PASSES``);
- the index of persons, the last matter, is not laid out with the book: the book is laid out with
  its heading only (so the contents and the bookmarks find it), then the entries get their page
  numbers as text, one per page, in page order (``index_with_page_numbers``), and are laid out
  alone, their page counter and left/right pages continuing the book's (``_index_pages``), in
  place of the heading's page. The index costs its own pages, not a layout of the whole book.
  Its page numbers are printed as a press prints them: ranges, "n." for a mention only in a note,
  "passim" (``index_references``).
See docs/print.md.
"""

from __future__ import annotations

import bisect
import logging
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import html as lxml_html

from ..diagnostics import InputError, ToolError, error
from ..io import write_atomic
from ..resources import FONTS_DIR, TEMPLATES_DIR
from .footnote_policy import notes_kept_with_calls
from .xslt import Stylesheets

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The view → the entry stylesheet in xslt/ that prints it.
VIEWS = {"reading": "print", "diplomatic": "print-diplomatic"}
VIEW_NAMES = {"reading": "Reading text", "diplomatic": "Diplomatic text"}

# How often the book is laid out again to bring carried footnotes back to their anchors' pages
# (see break_before_carried_notes), and the blocks a page break may be put before.
MAX_NOTE_PASSES = 4
BREAKABLE_BLOCKS = ("p", "figure", "h2", "h3")

PRINT_TEMPLATES = TEMPLATES_DIR / "print"


@dataclass(frozen=True, slots=True)
class FontFace:
    family: str
    style: str
    weight: int
    file: str

    @property
    def url(self) -> str:
        return (FONTS_DIR / self.file).resolve().as_uri()


# The optical size 08 is drawn for small type (footnotes, imprint, index). Its family name must not
# end in a number: Pango would read "EB Garamond 08" as the family "EB Garamond" at size 8.
# The 12 cut (the body) has a family name of its own: both files call their typographic family
# "EB Garamond", and fontconfig, asked for that name, prefers the 08 file (its font version is the
# higher), so the body came out in the small-text cut.
FONT_FACES = (
    FontFace("EB Garamond Body", "normal", 400, "EBGaramond12-Regular.otf"),
    FontFace("EB Garamond Body", "italic", 400, "EBGaramond12-Italic.otf"),
    FontFace("EB Garamond Body", "normal", 700, "EBGaramond12-Bold.otf"),
    FontFace("EB Garamond Small Text", "normal", 400, "EBGaramond08-Regular.otf"),
    FontFace("EB Garamond Small Text", "italic", 400, "EBGaramond08-Italic.otf"),
)


@dataclass(slots=True)
class Typeset:
    """A laid-out print edition, not yet written: the PDF's bytes and what it took."""

    data: bytes
    pages: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # xslt, layout (all passes), write
    layouts: int = 1  # passes: 1, +1 per footnote brought back to its page, +1 for the index


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    authors: tuple[str, ...]
    lang: str


def render_pdf(tei_path: Path, out_pdf: Path, view: str = "reading") -> Path:
    """Typeset one TEI file and write the PDF atomically; returns the PDF's path."""
    typeset = typeset_pdf(tei_path, view)
    write_atomic(out_pdf, typeset.data)
    return Path(out_pdf)


def typeset_pdf(tei_path: str | Path, view: str = "reading") -> Typeset:
    """The PDF of one TEI file in one view, as bytes, with its page count and render time."""
    if view not in VIEWS:
        raise InputError(error("pdf-view", f"unknown view {view!r}; one of {', '.join(VIEWS)}", str(tei_path)))
    clock = _StageClock()
    meta = read_metadata(tei_path)
    with clock("xslt"):
        fragment = Stylesheets().transform(tei_path, VIEWS[view], path_hint=str(tei_path))
        if view in HYPHENATED_VIEWS:
            fragment = hyphenate_once(fragment, meta.lang)

    def lay_out(fragment: str):
        with clock("layout"):
            return _layout(page_html(fragment, meta, view), tei_path)

    with _collected_warnings() as warnings:
        fragment, index = split_index(fragment)
        document = lay_out(fragment)
        for _ in range(MAX_NOTE_PASSES):
            repaired = break_before_carried_notes(fragment, _pages_of_anchors(document), every=True)
            if repaired == fragment:
                break
            fragment = repaired
            document = lay_out(fragment)
        pages = _pages_of_anchors(document)
        warnings += [f"note {note} is printed on page {on}, its anchor on page {anchor_page}"
                     for note, anchor_page, on in carried_notes(fragment, pages)]
        if index is not None:
            with clock("index"):
                numbered = index_references(keep_one_index_link_per_page(index, pages), pages,
                                            footnote_numbers(fragment))
                document = _with_index(document, index_with_page_numbers(numbered, pages), pages, fragment, meta,
                                       view, tei_path)
        try:
            with clock("write"):
                # PDF/UA-1: a tagged PDF (structure tree, reading order, alt text) with XMP metadata
                data = document.write_pdf(pdf_variant="pdf/ua-1")
        except Exception as exc:  # noqa: BLE001 - WeasyPrint's own failure, reported as a tool error
            raise ToolError(error("pdf-write", f"WeasyPrint could not write the PDF: {exc}", str(tei_path))) from exc
    return Typeset(data, len(document.pages), clock.total(), warnings, clock.seconds, clock.counts["layout"])


class _StageClock:
    """Seconds spent per stage (xslt, layout, write), and how often each ran."""

    def __init__(self):
        self.started = time.perf_counter()
        self.seconds: dict[str, float] = {}
        self.counts: dict[str, int] = {}

    @contextmanager
    def __call__(self, stage: str):
        began = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - began
            self.counts[stage] = self.counts.get(stage, 0) + 1

    def total(self) -> float:
        return time.perf_counter() - self.started


def read_metadata(tei_path: str | Path) -> Metadata:
    """Title, authors and language from the TEI header, for the PDF's metadata."""
    from ..validate import parse_tei  # safe: no DTD, no entities, no network

    root = parse_tei(tei_path).getroot()
    title_stmt = root.find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt")
    titles = [] if title_stmt is None else title_stmt.findall(f"{TEI}title")
    main = [t for t in titles if t.get("type") == "main"] or titles
    authors = [] if title_stmt is None else title_stmt.findall(f"{TEI}author")
    language = root.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}langUsage/{TEI}language")
    lang = root.get(XML_LANG) or (language.get("ident") if language is not None else None) or "en"
    return Metadata(_text(main[0]) if main else Path(tei_path).stem, tuple(_text(a) for a in authors), lang)


def page_html(fragment: str, meta: Metadata, view: str) -> str:
    """The fragment inside the print page: metadata, shipped fonts, the print stylesheet."""
    return _page_template().render(
        title=meta.title,
        authors=meta.authors,
        lang=meta.lang,
        description=f"{VIEW_NAMES[view]} of {meta.title}, a TEI edition typeset by lefort-tei",
        view=view,
        font_faces=FONT_FACES,
        css_url=(PRINT_TEMPLATES / "print.css").resolve().as_uri(),
        fragment=fragment,
    )


INDEX_ID = "index-of-persons"


def split_index(fragment: str) -> tuple[str, str | None]:
    """The fragment with the index's entries taken out (its section and heading stay, the book's
    last page), and the index section alone; ``(fragment, None)`` when there is no index."""
    root = lxml_html.fragment_fromstring(fragment)
    section = root.find(f".//section[@id='{INDEX_ID}']")
    if section is None:
        return fragment, None
    index = lxml_html.tostring(section, encoding="unicode")
    for entries in section.findall("ul"):
        section.remove(entries)
    return lxml_html.tostring(root, encoding="unicode"), index


def index_with_page_numbers(index: str, page_of: dict[str, int]) -> str:
    """The index section with each entry's mentions as page numbers in text: one per page, in
    page order ("Trotsky, Leon 5, 6, 9"); a mention that was not laid out is left out."""
    root = lxml_html.fragment_fromstring(keep_one_index_link_per_page(index, page_of))
    for pages in root.iterfind(".//span[@class='index-pages']"):
        for link in pages.findall("a[@class='index-page']"):
            page = page_of.get(link.get("href", "").removeprefix("#"))
            number = lxml_html.Element("span", {"class": "index-number"})
            number.text = str(page)
            number.tail = link.tail
            if page is None:
                pages.remove(link)
            else:
                pages.replace(link, number)
        for link in pages.findall("a[@class='index-ref']"):  # "5–7", "24 n. 28": laid out alone, as text
            label = lxml_html.Element("span", {"class": "index-ref"})
            label.text, label.tail = link.text, link.tail
            pages.replace(link, label)
    return lxml_html.tostring(root, encoding="unicode")


def _with_index(document, index: str, page_of: dict[str, int], fragment: str, meta: "Metadata", view: str,
                tei_path):
    """The book with the page of the index's heading replaced by the index laid out alone."""
    first = page_of.get(INDEX_ID)
    if first is None:
        return document  # the heading was not laid out (cannot happen: it is in the book)
    # the heading's section is the last matter: its page and any after it give way to the index
    return document.copy(document.pages[: first - 1] + _index_pages(index, first, fragment, meta, view, tei_path))


def _index_pages(index: str, first: int, fragment: str, meta: "Metadata", view: str, tei_path) -> list:
    """The pages of the index, numbered from ``first``, on the side of the book page ``first``.

    Laid out after one or two spacer pages that are dropped: they put the index's first page on
    the right side (odd pages are rectos), make it no first page of the text (whose running heads
    differ), and carry the book's author into the versos' running head.
    """
    spacers = 2 if first % 2 else 1
    root = lxml_html.fragment_fromstring(fragment)
    author = root.find(".//*[@class='text-author']")
    filler = lxml_html.tostring(author, encoding="unicode") if author is not None else ""
    pad = "".join(f'<div class="index-spacer">{filler if k == 0 else ""}</div>' for k in range(spacers))
    style = f"<style>@page :first {{ counter-reset: page {first - spacers}; }}</style>"
    document = _layout(page_html(style + pad + index, meta, view), tei_path)
    return document.pages[spacers:]


# The views whose text is hyphenated (the diplomatic text is not: no hyphen of ours may be taken
# for one of the source's). A word of six letters or more gets one soft hyphen.
HYPHENATED_VIEWS = ("reading",)
# a word that may be hyphenated: "bureaucracy" (letters only: no digit, no apostrophe inside)
HYPHENATABLE_WORD = re.compile(r"""(?<![\w\u00ad]) [^\W\d_]{6,} (?![\w\u00ad])""", re.VERBOSE)


def hyphenate_once(fragment: str, lang: str) -> str:
    """The text of the book (not its front or back matter) with one soft hyphen in each long word.

    WeasyPrint's own hyphenation (``hyphens: auto``) can break a word twice, over three lines
    ("bur‐ / eau‐ / cracy"); with one break opportunity per word (``hyphens: manual``), chosen by
    Pyphen's dictionary for the language and nearest the middle of the word, it cannot. The soft
    hyphen prints as a hyphen at a line end and copied text reads whole words."""
    import pyphen

    language = pyphen.language_fallback(lang.replace("-", "_"))
    if not language:
        return fragment
    dictionary = pyphen.Pyphen(lang=language, left=3, right=3)

    def one_break(match: re.Match) -> str:
        word = match.group()
        positions = dictionary.positions(word)
        if not positions:
            return word
        at = min(positions, key=lambda position: (abs(len(word) - 2 * position), position))
        return word[:at] + "\u00ad" + word[at:]

    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    # the text's words, not its headings (bookmarks and running heads are made of them), nor the
    # paragraph numbers
    for string in root.xpath(".//article[@class='text']//text()[not(ancestor::h1 or ancestor::h2 or ancestor::h3"
                             " or ancestor::h4 or ancestor::h5 or ancestor::h6 or ancestor::*[@class='pnum'])]"):
        parent = string.getparent()
        if string.is_text:
            parent.text = HYPHENATABLE_WORD.sub(one_break, parent.text)
        elif string.is_tail:
            parent.tail = HYPHENATABLE_WORD.sub(one_break, parent.tail)
    (content,) = root
    return lxml_html.tostring(content, encoding="unicode")


def keep_one_index_link_per_page(fragment: str, page_of: dict[str, int]) -> str:
    """The fragment with, in each index entry, one link per page, in page order.

    Mentions come in document order, and a footnote's mention can precede, in the document, text
    that lands on an earlier page: the kept links are therefore sorted by page.
    """
    root = lxml_html.fragment_fromstring(fragment)
    changed = False
    for pages in root.iterfind(".//li[@class='index-entry']/span[@class='index-pages']"):
        links = pages.findall("a[@class='index-page']")
        first_per_page: dict[int, object] = {}
        for link in links:
            page = page_of.get(link.get("href", "").removeprefix("#"))
            if page is None:
                return fragment  # a mention was not laid out (should not happen): keep CSS's numbers
            first_per_page.setdefault(page, link)
        kept = [first_per_page[page] for page in sorted(first_per_page)]
        if kept != links:
            changed = True
            for link in links:
                pages.remove(link)
            pages.extend(kept)
    return lxml_html.tostring(root, encoding="unicode") if changed else fragment


# An index entry with this many pages or more, spread over at least PASSIM_SPREAD of the pages
# from its first to its last, is printed "5–28 passim" (the person is discussed throughout).
PASSIM_MIN_PAGES = 10
PASSIM_SPREAD = 0.5


def footnote_numbers(fragment: str) -> dict[str, str]:
    """Every id inside a footnote of the book → the note's number (an index's "24 n. 28")."""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    note_of: dict[str, str] = {}
    for footnote in root.iterfind(".//span[@class='footnote']"):
        for element in footnote.iter():
            if element.get("id"):
                note_of[element.get("id")] = footnote.get("data-n", "")
    return note_of


def index_references(fragment: str, page_of: dict[str, int], note_of: dict[str, str] | None = None) -> str:
    """The index's page numbers as a press prints them: consecutive pages as a range ("5–7"), a
    mention only in a footnote as "24 n. 28", many scattered pages as "5–28 passim".

    In: the fragment after ``keep_one_index_link_per_page`` and the page of every id. Out: the
    fragment whose index links hold their text (no ``target-counter`` left in the index). Each
    reference still links to its first mention. The index is the last matter: its new text moves
    no earlier page."""
    root = lxml_html.fragment_fromstring(fragment)
    if note_of is None:  # an id inside a footnote → the note's number
        note_of = footnote_numbers(fragment)
    changed = False
    for pages in root.iterfind(".//li[@class='index-entry']/span[@class='index-pages']"):
        links = pages.findall("a[@class='index-page']")
        refs = []  # (page, note number or "", link id)
        for link in links:
            target = link.get("href", "").removeprefix("#")
            if target not in page_of:
                return fragment  # a mention was not laid out (should not happen): keep CSS's numbers
            refs.append((page_of[target], note_of.get(target, ""), target))
        if not refs:
            continue
        text_pages = {page for page, note, _ in refs if not note}
        # a page with a mention in the text needs no "n.": the page says it all
        items = sorted((page, "" if page in text_pages else note, target) for page, note, target in refs)
        items = [item for i, item in enumerate(items) if i == 0 or item[:2] != items[i - 1][:2]]
        for link in links:
            pages.remove(link)
        pages.text = " "
        for text, target in _index_labels(items):
            link = lxml_html.Element("a", {"class": "index-ref", "href": f"#{target}"})
            link.text = text
            pages.append(link)
        for link in pages.findall("a")[:-1]:
            link.tail = ", "
        changed = True
    return lxml_html.tostring(root, encoding="unicode") if changed else fragment


def _index_labels(items: list[tuple[int, str, str]]) -> list[tuple[str, str]]:
    """(page, note, id) in page order → the labels and the id each links to."""
    distinct = sorted({page for page, _, _ in items})
    first, last = distinct[0], distinct[-1]
    if len(distinct) >= PASSIM_MIN_PAGES and len(distinct) >= PASSIM_SPREAD * (last - first + 1):
        return [(f"{first}–{last} passim", items[0][2])]
    labels: list[tuple[str, str]] = []
    run: list[tuple[int, str, str]] = []  # consecutive pages with a mention in the text

    def flush():
        if run:
            start, end = run[0][0], run[-1][0]
            labels.append((f"{start}–{end}" if end > start else str(start), run[0][2]))
            run.clear()

    for page, note, target in items:
        if note:
            flush()
            labels.append((f"{page} n. {note}", target))
        elif run and page == run[-1][0] + 1:
            run.append((page, note, target))
        else:
            flush()
            run.append((page, note, target))
    flush()
    return labels


def carried_notes(fragment: str, page_of: dict[str, int]) -> list[tuple[str, int, int]]:
    """(note number, anchor's page, note's page) of every footnote printed off its anchor's page."""
    root = lxml_html.fragment_fromstring(fragment)
    out = []
    for footnote in root.iterfind(".//span[@class='footnote']"):
        anchor_page, note_page = page_of.get(footnote.get("data-anchor")), page_of.get(footnote.get("id"))
        if anchor_page and note_page and anchor_page != note_page:
            out.append((footnote.get("data-n", "?"), anchor_page, note_page))
    return out


def break_before_carried_notes(fragment: str, page_of: dict[str, int], every: bool = False) -> str:
    """The fragment changed so that the first footnote printed off its anchor's page comes back
    (with ``every``, each footnote carried in this layout gets its remedy at once).

    WeasyPrint carries a page's last footnotes to the next page (their calls staying) to fit the
    first line of a paragraph at the foot of the page, or to keep a paragraph's last lines
    together (widows). The remedy, in this order: a page break before the last block that starts
    on the anchor's page after the anchor (the note gets that room back); if the anchor's own
    block runs on to the next page, that block may leave a single line there (no widow control);
    if that is not enough either, the block starts a new page. The caller lays out again and
    repeats while a note is still carried: a shorter page is the lesser evil. The remedies after
    the first are made on pages the first one may move; the next layout tells, and the notes
    before the first remedy are settled, so each pass settles at least one more.
    """
    root = lxml_html.fragment_fromstring(fragment)
    blocks = [el for el in root.iterfind(".//article//*[@id]") if el.tag in BREAKABLE_BLOCKS]
    carried = [f for f in root.iterfind(".//span[@class='footnote']")
               if page_of.get(f.get("data-anchor")) and page_of.get(f.get("id"))
               and page_of[f.get("data-anchor")] != page_of[f.get("id")]]
    if not carried:
        return fragment
    order = {el: i for i, el in enumerate(root.iter())}
    starts = [order[b] for b in blocks]  # document order, which is page order in the text
    changed = False
    for footnote in carried:
        anchor_page = page_of[footnote.get("data-anchor")]
        after = None  # the last block starting on the anchor's page after the footnote
        for k in range(bisect.bisect_right(starts, order[footnote]), len(blocks)):
            b = blocks[k]
            page = page_of.get(b.get("id"))
            if page is not None and page > anchor_page:
                break
            if page == anchor_page:
                after = b
        own = next((a for a in footnote.iterancestors() if a.tag in BREAKABLE_BLOCKS and a.get("id")), None)
        if after is not None:
            _add_class(after, "print-break-before")
        elif own is not None and "print-no-widows" not in own.get("class", ""):
            _add_class(own, "print-no-widows")
        elif own is not None and "print-break-before" not in own.get("class", ""):
            _add_class(own, "print-break-before")
        else:
            continue  # nothing more to try for this note; the caller reports it
        changed = True
        if not every:
            break
    return lxml_html.tostring(root, encoding="unicode") if changed else fragment


def _add_class(el, name: str) -> None:
    el.set("class", f"{el.get('class', '')} {name}".strip())


def _pages_of_anchors(document) -> dict[str, int]:
    """Each HTML id → the number of the page it fell on (1-based, as counter(page) prints it)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def _layout(page: str, tei_path: str | Path):
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    # Only our own files (fonts, CSS), and a missing one stops the build: no font fetched at run
    # time, no silent fallback to whatever the machine has.
    fetcher = URLFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)
    try:
        with notes_kept_with_calls():  # no note carried off its call's page: one layout, not four
            return HTML(string=page, base_url=str(PRINT_TEMPLATES.resolve()), url_fetcher=fetcher).render(
                font_config=FontConfiguration())
    except FatalURLFetchingError as exc:
        raise ToolError(error("pdf-fetch", f"the print edition cannot read a file it needs: {exc.__cause__ or exc}",
                              str(tei_path))) from exc
    except Exception as exc:  # noqa: BLE001 - WeasyPrint's own failure, reported as a tool error
        raise ToolError(error("pdf-layout", f"WeasyPrint could not lay out the print edition: {exc}",
                              str(tei_path))) from exc


@cache
def _page_template():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(PRINT_TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    return env.get_template("page.html")


class _collected_warnings:
    """Collect WeasyPrint's warnings (unsupported CSS, missing glyphs) instead of printing them."""

    def __enter__(self) -> list[str]:
        self.messages: list[str] = []
        self.handler = _ListHandler(self.messages)
        self.logger = logging.getLogger("weasyprint")
        self.propagate = self.logger.propagate
        self.logger.addHandler(self.handler)
        self.logger.propagate = False
        return self.messages

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.propagate = self.propagate


class _ListHandler(logging.Handler):
    def __init__(self, messages: list[str]):
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())
