"""The print edition, read back: the seed typeset to PDF (reading and diplomatic), then inspected.

In: the seed converted now (``seed_tei`` from tests/e2e/conftest.py, so the latest apparatus is
in), typeset once per session in each view. Out: assertions on what poppler (pdftotext,
pdffonts, pdftoppm) and pypdf read back, and page images in ``artifacts/pdf/`` (gitignored) of
the title page and of the page that carries note 16, for a human to look at.
Needs: poppler-utils (pdftotext, pdffonts, pdftoppm, pdfinfo) and the pypdf package.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.cli import main
from lefort_tei.pipeline import convert
from lefort_tei.render.pdf import render_pdf, typeset_pdf

pytestmark = pytest.mark.pdf

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "pdf"
TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}
POPPLER = ("pdftotext", "pdffonts", "pdftoppm")

# Misprints of the source, and what the reading text has instead (corrections in the data file).
MISPRINTS = [
    ("Wrotsky", "Trotsky"),
    ("]3oris", "Boris"),
    ("Souvarlne", "Souvarine"),
    ("(l6)", None),  # the misprinted note marker: the reading text prints a superscript 16
]

# Notes 16 and 25 read alike ("Trotsky, Stalin, p. 403."): a page is told by the note's number.
FOOTNOTES = [
    (16, "Trotsky, Stalin, p. 403."),
    (25, "Trotsky, Stalin, p. 403."),
    (1, "Leon Trotsky, Stalin, trans. Charles Malamuth"),
    (7, "The work, it is true, was left unfinished"),
]


@dataclass
class Printed:
    path: Path
    pages: list[str]  # pdftotext -layout, one string per page
    seconds: float

    @property
    def text(self) -> str:
        return dehyphenate("\n".join(self.pages))


def dehyphenate(text: str) -> str:
    """Join the words WeasyPrint hyphenated at line ends ("dic‐\\ntatorship" → "dictatorship")."""
    # matches the break in: "He declared both that 'in contradis‐\ntinction to capitalism"
    line_end_hyphen = re.compile(r"""(?P<before>\w)[\u00ad\u2010-] \n \s* (?P<after>\w)""", re.VERBOSE)
    return line_end_hyphen.sub(r"\g<before>\g<after>", text)


def poppler(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="session", autouse=True)
def _poppler_installed():
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"poppler-utils is not installed (missing {', '.join(missing)}): apt-get install poppler-utils")


@pytest.fixture(scope="session")
def printed(seed_tei, tmp_path_factory) -> dict[str, Printed]:
    out = tmp_path_factory.mktemp("pdf")
    result = {}
    for view in ("reading", "diplomatic"):
        started = time.perf_counter()
        path = render_pdf(seed_tei, out / f"{view}.pdf", view)
        seconds = time.perf_counter() - started
        pages = poppler("pdftotext", "-layout", str(path), "-").split("\f")
        result[view] = Printed(path, pages[:-1] if pages[-1] == "" else pages, seconds)
    return result


@pytest.fixture(scope="session")
def seed_tree(seed_tei):
    return etree.parse(str(seed_tei))


def destination_pages(path: Path) -> dict[str, int]:
    """Each HTML id that WeasyPrint made a named destination → its page (1-based)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return {name: reader.get_destination_page_number(dest) + 1 for name, dest in reader.named_destinations.items()}


# --------------------------------------------------------------------------- the book as a whole

@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_page_count_is_plausible(printed, view):
    from pypdf import PdfReader

    count = len(PdfReader(str(printed[view].path)).pages)
    # ~9,000 words of text and 34 notes on an A5 page of ~330 words: 20 to 40 pages with the matter
    assert 20 <= count <= 40, count
    assert len(printed[view].pages) == count


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_metadata_names_title_author_and_language(printed, view):
    from pypdf import PdfReader

    reader = PdfReader(str(printed[view].path))
    assert reader.metadata.title == "The Contradiction of Trotsky"
    assert reader.metadata.author == "Claude Lefort"
    assert reader.trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_every_font_is_embedded_and_is_the_shipped_garamond(printed, view):
    rows = poppler("pdffonts", str(printed[view].path)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", row
        assert "EB-Garamond" in name, f"a font that is not the shipped EB Garamond: {row}"


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_bookmarks_list_the_sections(printed, seed_tree, view):
    from pypdf import PdfReader

    reader = PdfReader(str(printed[view].path))

    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [item.title]

    heads = [" ".join("".join(h.itertext()).split()) for h in seed_tree.iterfind(".//tei:body//tei:div/tei:head", TEI_NS)]
    assert heads == ["Trotsky's Struggle against Stalin", "Bolshevism and the Rise of Bureaucracy"]
    bookmarks = list(titles(reader.outline))
    for head in heads:
        assert head in bookmarks
    assert "Index of persons" in bookmarks


def test_contents_give_the_pages_of_the_sections(printed, seed_tree):
    reading = printed["reading"]
    pages = destination_pages(reading.path)
    contents = next(p for p in reading.pages if re.search(r"^\s*Contents\s*$", p, re.MULTILINE))
    for div in seed_tree.iterfind(".//tei:body//tei:div[tei:head]", TEI_NS):
        head = " ".join("".join(div.find("tei:head", TEI_NS).itertext()).split())
        # matches a contents line: "Trotsky's Struggle against Stalin . . . . . . . 8"
        entry = re.compile(rf"""{re.escape(head)} [\s.]* (?P<page>\d+) \s*$""", re.VERBOSE | re.MULTILINE)
        found = entry.search(contents)
        assert found, f"{head!r} not in the contents:\n{contents}"
        assert int(found["page"]) == pages[div.get("{http://www.w3.org/XML/1998/namespace}id") + "-head"]


def test_running_heads_give_the_author_on_versos_and_the_section_on_rectos(printed, seed_tree):
    reading = printed["reading"]
    pages = destination_pages(reading.path)
    head_pages = []
    for div in seed_tree.iterfind(".//tei:body//tei:div[tei:head]", TEI_NS):
        head = " ".join("".join(div.find("tei:head", TEI_NS).itertext()).split())
        head_pages.append((head, pages[div.get("{http://www.w3.org/XML/1998/namespace}id") + "-head"]))
    ends = [p for _, p in head_pages[1:]] + [pages["index-of-persons"]]
    for (head, start), end in zip(head_pages, ends):
        recto = start + 1 if start % 2 == 0 else start + 2  # the next right-hand page of the section
        assert recto < end, f"section {head!r} too short to test"
        first_line = reading.pages[recto - 1].strip().splitlines()[0]
        assert head in first_line and first_line.split()[-1] == str(recto), first_line
        verso_line = reading.pages[recto - 2].strip().splitlines()[0]
        assert "Claude Lefort" in verso_line and verso_line.split()[0] == str(recto - 1), verso_line


# --------------------------------------------------------------------------- notes as footnotes

@pytest.mark.parametrize(("n", "note_text"), FOOTNOTES)
def test_a_note_is_printed_at_the_foot_of_its_anchors_page(printed, n, note_text):
    reading = printed["reading"]
    pages = destination_pages(reading.path)
    anchor_page, note_page = pages[f"a{n}"], pages[f"note{n}"]
    assert anchor_page == note_page
    # the footnote as it prints: its number, then its text ("16  Trotsky, Stalin, p. 403.")
    footnote = re.compile(rf"""^ \s* {n} \s+ {re.escape(note_text)}""", re.VERBOSE | re.MULTILINE)
    on_page = [i for i, text in enumerate(reading.pages, 1) if footnote.search(text)]
    assert on_page == [anchor_page]


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_every_anchor_has_its_note_on_its_page(printed, seed_tree, view):
    pages = destination_pages(printed[view].path)
    anchors = seed_tree.iterfind(".//tei:body//tei:ref[@type='noteAnchor']", TEI_NS)
    pairs = {a.get("{http://www.w3.org/XML/1998/namespace}id"): a.get("target")[1:] for a in anchors}
    assert len(pairs) == 34
    apart = {a: (pages[a], pages[note]) for a, note in pairs.items() if pages[a] != pages[note]}
    assert not apart, f"anchor and note on different pages: {apart}"


def test_note_16_is_called_by_its_number_in_the_reading_text(printed):
    page = printed["reading"].pages[destination_pages(printed["reading"].path)["a16"] - 1]
    # the call after the quotation ends: "... schools of history'.16 The true meaning ..."
    call = re.compile(r"""schools \s+ of \s+ history'\. \s* 16 \s""", re.VERBOSE)
    assert call.search(dehyphenate(page))


# --------------------------------------------------------------------------- the two texts

@pytest.mark.parametrize(("misprint", "correction"), MISPRINTS)
def test_reading_prints_corrections_and_diplomatic_the_source(printed, misprint, correction):
    # the list of emendations quotes the misprints on purpose: the text is what comes before it
    pages = printed["reading"].pages
    starts = [i for i, p in enumerate(pages) if i > 3 and re.search(r"^\s*List of emendations\s*$", p, re.MULTILINE)]
    assert misprint not in dehyphenate("\n".join(pages[:starts[0]] if starts else pages))
    assert misprint in printed["diplomatic"].text
    if correction:
        assert correction in printed["reading"].text


def test_reading_is_hyphenated_and_diplomatic_is_not(printed):
    # WeasyPrint's hyphen is U+2010 at a line end; the source's own hyphens are U+002D
    auto_hyphen = re.compile(r"""\w\u2010 [ \t]* $""", re.VERBOSE | re.MULTILINE)
    assert len(auto_hyphen.findall("\n".join(printed["reading"].pages))) > 20
    assert auto_hyphen.findall("\n".join(printed["diplomatic"].pages)) == []


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_no_word_is_broken_over_three_lines(printed, view):
    lines = [line.strip() for line in "\n".join(printed[view].pages).splitlines()]
    # matches a line holding only the middle of a word: "eau\u00ad" between "bur\u00ad" and "cracy"
    middle = re.compile(r"""^\S+[\u00ad\u2010]$""")
    for before, line in zip(lines, lines[1:]):
        assert not (re.search(r"\w[\u00ad\u2010]$", before) and middle.match(line)), (before, line)


def test_the_body_is_set_in_the_regular_optical_size(printed):
    fonts = [row.split()[0] for row in poppler("pdffonts", str(printed["reading"].path)).splitlines()[2:]]
    assert any(name.endswith("+EB-Garamond-Body") for name in fonts), fonts  # the 12 cut, for the text
    assert any("Small-Text" in name for name in fonts), fonts                # the 08 cut, for notes and index


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_the_pdf_is_tagged_and_carries_xmp_metadata(printed, view):
    from pypdf import PdfReader

    info = poppler("pdfinfo", str(printed[view].path))
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE) and re.search(r"^Metadata Stream:\s+yes$", info, re.MULTILINE)
    root = PdfReader(str(printed[view].path)).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and root["/Lang"]
    xmp = poppler("pdfinfo", "-meta", str(printed[view].path))
    assert "<dc:title>" in xmp and "The Contradiction of Trotsky" in xmp and "pdfuaid:part=\"1\"" in xmp


def test_title_page_and_imprint_name_the_editors_date_and_how_to_cite(printed, seed_tree):
    pages = printed["reading"].pages
    front = " ".join(" ".join(pages[:3]).split())
    editors = [" ".join(n.text.split()) for n in seed_tree.xpath("//tei:titleStmt/tei:respStmt[1]/tei:name",
                                                                   namespaces=TEI_NS)]
    assert f"Edited by {' and '.join(editors)}" in front
    assert "How to cite" in front and "paragraph number printed in the margin" in front
    date = seed_tree.xpath("string(//tei:publicationStmt/tei:date/@when)", namespaces=TEI_NS)
    assert date and date in front


def test_works_cited_are_listed_in_the_back_matter(printed, seed_tree):
    titles = [" ".join(t.split()) for t in seed_tree.xpath(
        "//tei:listBibl[@type='worksCited']/tei:bibl/tei:title[1]/text()", namespaces=TEI_NS)]
    if not titles:
        pytest.skip("the seed has no works cited")
    pages = printed["reading"].pages
    start = next(i for i, p in enumerate(pages) if i > 3 and re.search(r"^\s*Works cited\s*$", p, re.MULTILINE))
    listed = dehyphenate(" ".join(pages[start:]))
    listed = " ".join(listed.split())
    for title in titles:
        assert title in listed, title


# --------------------------------------------------------------------------- index of persons

def test_index_gives_each_page_once_in_order_and_the_name_is_there(printed, seed_tree):
    reading = printed["reading"]
    index_at = next(i for i, p in enumerate(reading.pages) if re.search(r"^\s*Index of persons\s*$", p, re.MULTILINE)
                    and i > 3)
    index_text = " ".join(reading.pages[index_at:]).replace("\n", " ")
    # matches an entry: "Souvarine, Boris (1895–1984) 7–9, 12, 24 n. 28"
    reference = r"\d+(?:–\d+)?(?:\s+passim|\s+n\.\s+\d+)?"
    entry = re.compile(rf"""Souvarine, \s Boris \s \([^)]*\) \s (?P<pages>{reference}(?:,\s+{reference})*)""",
                       re.VERBOSE)
    found = entry.search(index_text)
    assert found, index_text[:500]
    numbers = []
    for ref in re.split(r",\s+", found["pages"]):
        first, _, last = ref.split()[0].partition("–")
        numbers += list(range(int(first), int(last or first) + 1)) if "passim" not in ref else [int(first), int(last)]
    assert numbers == sorted(set(numbers))
    for number in numbers:
        assert "Souvarine" in dehyphenate(reading.pages[number - 1]), f"page {number} does not name Souvarine"


# --------------------------------------------------------------------------- list of emendations

def test_the_list_of_emendations_gives_every_correction_its_page_and_reason(printed, seed_tree):
    reading = printed["reading"]
    starts = [i for i, p in enumerate(reading.pages) if re.search(r"^\s*List of emendations\s*$", p, re.MULTILINE)]
    assert starts, "no list of emendations"
    ends = [i for i, p in enumerate(reading.pages) if re.search(r"^\s*Index of persons\s*$", p, re.MULTILINE)]
    listed = " ".join(" ".join(reading.pages[starts[0]:max(ends[-1:] or [len(reading.pages)])]).split())
    choices = seed_tree.xpath("//tei:text//tei:choice[@xml:id][tei:corr]", namespaces=TEI_NS)
    assert choices
    assert f"corrects the source in {len(choices)} places" in listed
    for choice in choices:
        corr = " ".join("".join(choice.xpath("tei:corr//text()", namespaces=TEI_NS)).split())
        sic = " ".join("".join(choice.xpath("tei:sic//text()", namespaces=TEI_NS)).split())
        assert f"{corr}] {sic}" in listed, (corr, sic)
    for annotation in seed_tree.xpath("//tei:annotation/tei:note", namespaces=TEI_NS)[:10]:
        assert " ".join(annotation.text.split())[:30] in listed
    # the page given for "Trotsky] Wrotsky" prints "Trotsky" there
    found = re.search(r"(?P<page>\d+) Trotsky\] Wrotsky", listed)
    if found:
        assert "Trotsky" in reading.pages[int(found["page"]) - 1]


# --------------------------------------------------------------------------- artefacts, command

def test_page_images_of_the_title_page_and_a_footnote_page(printed):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for view, p in printed.items():
        pages = {"title": 1, "note16": destination_pages(p.path)["note16"]}
        for name, number in pages.items():
            prefix = ARTIFACTS / f"{view}-{name}"
            poppler("pdftoppm", "-r", "110", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                    str(p.path), str(prefix))
            image = prefix.with_suffix(".png")
            assert image.stat().st_size > 10_000, image
    (ARTIFACTS / "timing.txt").write_text("".join(
        f"{view}: {len(p.pages)} pages, {p.path.stat().st_size} bytes, {p.seconds:.1f} s\n" for view, p in printed.items()))


SMALL_TEXT = """\
A Small Essay - Ann Author

The first paragraph names no one and calls a note. (1)

The second paragraph calls a second note.(2)


1 The first note.

2 The second note.
"""


def test_a_text_without_editorial_data_prints_and_printing_twice_gives_the_same_bytes(tmp_path):
    text = tmp_path / "small.txt"
    text.write_text(SMALL_TEXT, encoding="utf-8")
    tei = tmp_path / "small.xml"
    tei.write_bytes(convert(text, use_default_data=False).encoded.data)
    first, second = typeset_pdf(tei), typeset_pdf(tei)
    assert first.data == second.data
    assert 3 <= first.pages <= 8
    out = render_pdf(tei, tmp_path / "small.pdf")
    words = poppler("pdftotext", str(out), "-")
    assert "The first note." in words and "Index of persons" not in words


def test_a_note_no_anchor_calls_is_printed_after_the_text_not_lost(tmp_path):
    # such a TEI does not validate (Schematron: note-anchor-missing), but the printer must not drop it
    text = tmp_path / "orphan.txt"
    text.write_text(SMALL_TEXT + "\n3 A note that no anchor calls.\n", encoding="utf-8")
    tei = tmp_path / "orphan.xml"
    tei.write_bytes(convert(text, use_default_data=False).encoded.data)
    out = render_pdf(tei, tmp_path / "orphan.pdf")
    words = poppler("pdftotext", str(out), "-")
    assert "These notes have no mark in the text." in words
    assert re.search(r"3\s+A note that no anchor calls\.", words)


# --------------------------------------------------------------------------- between layouts

INDEX_FRAGMENT = (
    '<div><ul><li class="index-entry"><span class="index-name">Eastman, Max</span>'
    '<span class="index-pages"><a class="index-page" href="#m-1"></a><a class="index-page" href="#m-2"></a>'
    '<a class="index-page" href="#m-3"></a><a class="index-page" href="#m-4"></a></span></li></ul></div>')


@pytest.mark.parametrize(("pages", "kept"), [
    ({"m-1": 12, "m-2": 16, "m-3": 17, "m-4": 15}, ["#m-1", "#m-4", "#m-2", "#m-3"]),  # a footnote's mention
    ({"m-1": 5, "m-2": 5, "m-3": 6, "m-4": 6}, ["#m-1", "#m-3"]),                        # repeats dropped
    ({"m-1": 5, "m-2": 6, "m-3": 7, "m-4": 8}, None),                                    # nothing to do
])
def test_index_keeps_one_link_per_page_in_page_order(pages, kept):
    from lxml import html

    from lefort_tei.render.pdf import keep_one_index_link_per_page

    out = keep_one_index_link_per_page(INDEX_FRAGMENT, pages)
    if kept is None:
        assert out == INDEX_FRAGMENT
    else:
        assert [a.get("href") for a in html.fragment_fromstring(out).iterfind(".//a")] == kept


INDEXED_TEXT = (
    '<div><p>A <span id="m-1">Eastman</span> B<span class="footnote" id="note28" data-n="28">'
    '<span class="fn-p"><span id="m-2">Eastman</span></span></span></p>'
    '<p><span id="m-3">Eastman</span></p><p><span id="m-4">Eastman</span></p>') + INDEX_FRAGMENT[5:]


@pytest.mark.parametrize(("pages", "printed"), [
    ({"m-1": 5, "m-2": 24, "m-3": 6, "m-4": 7}, "5–7, 24 n. 28"),   # a range, a mention only in a note
    ({"m-1": 5, "m-2": 5, "m-3": 9, "m-4": 12}, "5, 9, 12"),        # the note's page is named by the text
    ({"m-1": 5, "m-2": 6, "m-3": 7, "m-4": 8}, "5, 6 n. 28, 7–8"),  # a note-only page breaks the range
])
def test_the_index_prints_ranges_and_notes_as_a_press_does(pages, printed):
    from lxml import html

    from lefort_tei.render.pdf import index_references, keep_one_index_link_per_page

    out = index_references(keep_one_index_link_per_page(INDEXED_TEXT, pages), pages)
    root = html.fragment_fromstring(out)
    (entry,) = root.xpath("//span[@class='index-pages']")
    assert " ".join(entry.text_content().split()) == printed
    assert all(a.get("href") for a in entry.iterfind("a"))  # each reference still links to a mention


def test_many_scattered_pages_are_printed_passim():
    from lefort_tei.render.pdf import _index_labels

    assert _index_labels([(page, "", f"m-{page}") for page in range(5, 29, 2)]) == [("5–27 passim", "m-5")]
    assert _index_labels([(page, "", f"m-{page}") for page in (3, 40, 80)]) == [("3", "m-3"), ("40", "m-40"),
                                                                                 ("80", "m-80")]


TEXT_FRAGMENT = (
    '<div><article class="text"><p id="p1">One<span class="footnote" id="note1" data-n="1" data-anchor="a1">'
    '<span class="fn-p">N.</span></span><span class="anchor" id="a1"></span> two.</p>'
    '<p id="p2">Three.</p><p id="p3">Four.</p></article></div>')


@pytest.mark.parametrize(("pages", "expected"), [
    # the note went to page 2, p2 and p3 started on page 1: break before the last of them
    ({"a1": 1, "note1": 2, "p1": 1, "p2": 1, "p3": 1}, {"p3": "print-break-before"}),
    # the anchor's paragraph runs on (nothing after it starts on page 1): no widow control for it
    ({"a1": 1, "note1": 2, "p1": 1, "p2": 2, "p3": 2}, {"p1": "print-no-widows"}),
    # the note is on its anchor's page: nothing to change
    ({"a1": 1, "note1": 1, "p1": 1, "p2": 1, "p3": 2}, {}),
])
def test_a_carried_note_gets_the_right_remedy(pages, expected):
    from lxml import html

    from lefort_tei.render.pdf import break_before_carried_notes, carried_notes

    assert bool(carried_notes(TEXT_FRAGMENT, pages)) == bool(expected)
    out = break_before_carried_notes(TEXT_FRAGMENT, pages)
    classes = {p.get("id"): p.get("class") for p in html.fragment_fromstring(out).iterfind(".//p") if p.get("class")}
    assert classes == expected


@pytest.mark.parametrize(("argv", "code"), [
    (["pdf", "no/such/file.xml"], 2),
    (["pdf", "x.xml", "--view", "facsimile"], 2),
])
def test_command_exit_codes(argv, code, capsys):
    try:
        assert main(argv) == code
    except SystemExit as exc:  # argparse rejects a bad choice itself
        assert exc.code == code


BOOK_FRAGMENT = (
    '<div class="print-edition"><article class="text"><p id="p1">Trotsky.</p></article>'
    '<section class="index" id="index-of-persons"><h2 class="matter-head">Index of persons</h2>'
    '<ul class="index-entries"><li class="index-entry" id="index-eastman"><span class="index-name">Eastman, Max</span>'
    '<span class="index-pages"><a class="index-page" href="#m-1"></a><a class="index-page" href="#m-2"></a>'
    '<a class="index-page" href="#m-3"></a></span></li></ul></section></div>')


def test_the_book_is_laid_out_with_the_index_heading_only_and_the_index_gets_page_numbers_as_text():
    from lxml import html

    from lefort_tei.render.pdf import index_with_page_numbers, split_index

    book, index = split_index(BOOK_FRAGMENT)
    root = html.fragment_fromstring(book)
    assert root.find(".//section[@id='index-of-persons']/h2") is not None  # contents and bookmarks find it
    assert root.find(".//li") is None
    numbered = html.fragment_fromstring(index_with_page_numbers(index, {"m-1": 7, "m-2": 5, "m-3": 7}))
    assert [s.text for s in numbered.iterfind(".//span[@class='index-number']")] == ["5", "7"]
    assert numbered.find(".//a") is None
    assert split_index(TEXT_FRAGMENT) == (TEXT_FRAGMENT, None)


TWO_NOTES = (
    '<div><article class="text"><p id="p1">One<span class="footnote" id="note1" data-n="1" data-anchor="a1">'
    '<span class="fn-p">N.</span></span><span class="anchor" id="a1"></span> two.</p>'
    '<p id="p2">Three.</p><p id="p3">Four<span class="footnote" id="note2" data-n="2" data-anchor="a2">'
    '<span class="fn-p">M.</span></span><span class="anchor" id="a2"></span>.</p><p id="p4">Five.</p>'
    '<p id="p5">Six.</p></article></div>')


@pytest.mark.parametrize(("every", "expected"), [
    (False, {"p2": "print-break-before"}),                               # the first carried note only
    (True, {"p2": "print-break-before", "p4": "print-break-before"}),    # both in one pass
])
def test_every_carried_note_can_get_its_remedy_in_one_pass(every, expected):
    from lxml import html

    from lefort_tei.render.pdf import break_before_carried_notes

    pages = {"a1": 1, "note1": 2, "p1": 1, "p2": 1, "p3": 2, "a2": 3, "note2": 4, "p4": 3, "p5": 4}
    out = break_before_carried_notes(TWO_NOTES, pages, every=every)
    classes = {p.get("id"): p.get("class") for p in html.fragment_fromstring(out).iterfind(".//p") if p.get("class")}
    assert classes == expected
