"""The reader's named layout rules, one small fixture each (texts written here, not corpus texts):
boilerplate, note label and anchor styles decided jointly, headings, quotations by layout, the
source family, and the layout report."""

from __future__ import annotations

import pytest

from lefort_tei.model import BlockQuote, InlineNote, Note
from lefort_tei.read.family import detect_family
from tests.helpers import anchors, read_text

PARA = ("This paragraph is running text long enough to be read as prose by the reader, with more "
        "than twenty-five words in it so that nothing mistakes it for a title line or a heading.")


def heads(doc) -> list[str]:
    return [" ".join(doc.source.slice(s.heading.span).split()) for s in doc.sections if s.heading]


def links(doc) -> list[tuple[str, str]]:
    """(anchor as printed, label of the note it links to)."""
    by_n = {n.n: n.label_text or str(n.n) for n in doc.notes}
    return [(doc.source.slice(a.span), by_n[a.n]) for a in doc.anchors()]


def layout_quotes(doc) -> list[tuple[str, str, int]]:
    return [(b.rule, doc.source.slice(b.paragraphs[0].span)[:12], len(b.paragraphs))
            for s in doc.sections for b in s.blocks if isinstance(b, BlockQuote)]


# ------------------------------------------------------------------ boilerplate

PG = ("The Project Gutenberg EBook of Small Things, by Ada Roe\n\nThis eBook is for the use of anyone.\n\n"
      "*** START OF THIS PROJECT GUTENBERG EBOOK SMALL THINGS ***\n\n\n"
      "Produced by Some Volunteers and the Online\nDistributed Proofreading Team\n\n\n"
      "SMALL THINGS\n\n" + PARA + "\n\n" + PARA + "\n\n"
      "End of the Project Gutenberg EBook of Small Things, by Ada Roe\n\n"
      "*** END OF THIS PROJECT GUTENBERG EBOOK SMALL THINGS ***\n\n1.F.6. INDEMNITY - You agree to indemnify.\n")


def test_gutenberg_header_credits_and_licence_are_set_apart():
    doc, diags = read_text(PG)
    assert [b.kind for b in doc.front_boilerplate] == ["header", "credits"]
    assert [b.kind for b in doc.back_boilerplate] == ["licence"]
    assert doc.notes == []  # "1.F.6." in the licence is no note
    assert heads(doc) == ["SMALL THINGS"] and doc.edition.title == "SMALL THINGS"


def test_a_download_headers_title_and_author_fields_name_a_work_with_no_title_page():
    # no title page of the work: the header's fields, not the first heading ("PREFACE"), name it
    text = ("The Project Gutenberg EBook of Small Things, by Ada Roe\n\nTitle: Small Things\n\n"
            "Author: Ada Roe\n\n*** START OF THIS PROJECT GUTENBERG EBOOK SMALL THINGS ***\n\n\n"
            "PREFACE\n\n" + PARA + "\n\nCHAPTER I\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    assert doc.front is None and heads(doc)[0] == "PREFACE"
    assert (doc.edition.title, doc.edition.author) == ("Small Things", "Ada Roe")
    doc, _ = read_text(text, '[edition]\ntitle = "Small Things, revised"\n')
    assert doc.edition.title == "Small Things, revised"  # the data file still decides


def test_a_web_pages_gutenberg_header_flattened_into_one_paragraph_is_set_apart():
    # a saved web page: the header's lines run into one paragraph, the START line inside it; its
    # fields still name the work, whole, where the title page prints "THE" / "Small Things"
    text = ("The Project Gutenberg EBook of Small Things, by Ada Roe This eBook is for the use of anyone. "
            "Title: The Small Things Author: Ada Roe Release Date: May 1, 2007 [EBook #123] Language: English "
            "*** START OF THIS PROJECT GUTENBERG EBOOK SMALL THINGS *** Produced by Some Volunteers\n\n"
            "THE\n\nSmall Things\n\nBy ADA ROE\n\n" + PARA + "\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    assert [b.kind for b in doc.front_boilerplate] == ["header"]
    assert (doc.edition.title, doc.edition.author) == ("The Small Things", "Ada Roe")


def test_ebook_imprint_colophon_and_uncopyright():
    text = ("A Title\n\nBy An Author.\n\nImprint\n\n" + "This ebook is the product of many hours of work by "
            "volunteers and builds on the public domain.\n\nForeword\n\n" + PARA + "\n\n" + PARA + "\n\n"
            "Colophon\n\nA Title\nwas published in 1762 by\nAn Author.\n\nUncopyright\n\n"
            "    May you do good and not evil.\n")
    doc, _ = read_text(text)
    assert [b.kind for b in doc.front_boilerplate] == ["imprint"]
    assert [b.kind for b in doc.back_boilerplate] == ["colophon", "uncopyright"]
    assert doc.source.slice(doc.front.title) == "A Title"


def test_advertisements_after_the_notes_and_a_transcribers_note():
    text = (PARA + "[1]\n\n" + PARA + "[2]\n\nFOOTNOTES:\n\n[1] A note.\n\n[2] Another note.\n\n"
            "*     *     *\n\n          THE MONTHLY\n\nTEN CENTS A COPY\n\nBound volumes, 30c postpaid\n\n"
            "Transcriber's note:\n\nThe following corrections were made.\n")
    doc, _ = read_text(text)
    assert [b.kind for b in doc.back_boilerplate] == ["advertisement", "transcriber"]
    assert [n.place for n in doc.notes] == ["end", "end"] and len(doc.notes[-1].blocks) == 1
    assert doc.source.slice(doc.back_boilerplate[0].blocks[0].span).startswith("*")  # the break opens them


# ------------------------------------------------------------------ notes and anchors, decided together

@pytest.mark.parametrize(("body", "notes", "expected"), [
    # glued digits, "N text" labels under a notes heading
    ("The mystery.1 Holy men came.\n\nJohn Stuart Mill.2 Generous men.", "Notes\n\n1 First note.\n\n2 Second note.",
     [("1", "1"), ("2", "2")]),
    # Markdown footnotes
    ("Mother».[^1] And so.\n\nThe kingdom.[^2]", "[^1]: Matt. xii.\n\n[^2]: Mark x.", [("[^1]", "1"), ("[^2]", "2")]),
    # reST footnotes whose labels start at 3, definitions on consecutive lines
    ("A Julian\\ [#fn3]_ or Semiramis\\ [#fn4]_ may reign.", ".. [#fn3] Frederick.\n.. [#fn4] Catherine.",
     [("\\ [#fn3]_", "fn3"), ("\\ [#fn4]_", "fn4")]),
    # a no-break space after the label, SE back-link arrows
    ("By fact.2 It is.\n\nCitizens,3 but", "Endnotes\n\n2.\u00a0The term. \u21a9\n\n3. The other. \u21a9",
     [("2", "2"), ("3", "3")]),
])
def test_label_and_anchor_styles(body, notes, expected):
    doc, _ = read_text(f"{PARA}\n\n{body} {PARA}\n\n{notes}\n")
    assert links(doc) == expected


def test_numbered_paragraphs_without_anchors_are_not_notes():
    doc, _ = read_text(PARA + "\n\n1. First point of a list.\n\n2. Second point.\n\n3. Third point.\n")
    assert doc.notes == [] and list(doc.anchors()) == []


def test_enumerations_are_not_anchors_when_the_notes_answer_brackets():
    doc, _ = read_text(PARA + "\n\nThree things: (1) one, (2) two.[1] And then.[2]\n\n" + PARA + "\n\n[1] A.\n\n[2] B.\n")
    assert links(doc) == [("[1]", "1"), ("[2]", "2")]


def test_chapter_end_notes_stay_where_printed():
    text = ("CHAPTER I\n\n" + PARA + "[1]\n\n[1]  A note of the first chapter.\n\nCHAPTER II\n\n" + PARA
            + "[2]\n\n[2]  A note of the second chapter.\n\nCHAPTER III\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    assert [n.place for n in doc.notes] == ["chapter-end", "chapter-end"]
    assert [type(b).__name__ for b in doc.sections[0].blocks] == ["Paragraph", "Note"]
    assert links(doc) == [("[1]", "1"), ("[2]", "2")]


def test_page_foot_notes_restart_and_link_to_the_nearest_following_note():
    text = ("A word[1] here.\n\n[Footnote 1: The first page's note.]\n\n" + PARA + "\n\n"
            "Another word[1] there.\n\n[Footnote 1: The second page's note.]\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    assert [(n.label_text, n.place) for n in doc.notes] == [("1", "foot"), ("1", "foot")]
    assert [a.n for a in doc.anchors()] == [doc.notes[0].n, doc.notes[1].n]
    assert doc.notes[0].n != doc.notes[1].n  # unique keys (xml:ids) although the labels repeat


def test_inline_footnotes_are_notes_in_place():
    doc, _ = read_text("Composed;[Footnote: These words [sic] are\nineffectual.] a mirror.\n\n" + PARA + "\n")
    (note,) = [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, InlineNote)]
    assert doc.source.slice(note.span) == "[Footnote: These words [sic] are\nineffectual.]"


# ------------------------------------------------------------------ headings

@pytest.mark.parametrize(("text", "expected"), [
    ("CHAPTER I\n\nDICKENS AS A MUSICIAN\n\n" + PARA, ["CHAPTER I DICKENS AS A MUSICIAN"]),
    ("Book I\n\n" + PARA + "\n\nI\n\nSubject of the First Book\n\n" + PARA,
     ["Book I", "I Subject of the First Book"]),  # a numeral and its title: one head
    ("35.11 What Gibbon Thought\n===========================\n" + PARA, ["35.11 What Gibbon Thought"]),
    ("# 29.2 The Teachings\n\n" + PARA, ["# 29.2 The Teachings"]),
    (PARA + "\n\nTHE CARE OF THE\nWOUNDED\n\n" + PARA, ["THE CARE OF THE WOUNDED"]),
    (PARA + "\n\nHow solve this antinomy?\n\n" + PARA, []),  # a question is no heading
    (PARA + "\n\nSPECULATIONS ON MORALS\n\nI--PLAN OF A TREATISE\n\n" + PARA,
     ["SPECULATIONS ON MORALS", "I--PLAN OF A TREATISE"]),
])
def test_heading_rules(text, expected):
    doc, _ = read_text(text + "\n")
    assert heads(doc) == expected


def test_title_page_lines_and_contents_entries_are_not_headings():
    text = ("GOD AND THE STATE\n\nby\n\nMICHAEL BAKUNIN\n\nFirst American Edition\n\nCONTENTS\n\n"
            "I Winter Camp 15\n\nII Story Telling 29\n\nPreface\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    assert heads(doc) == ["Preface"]


def test_a_list_of_short_entries_is_not_a_run_of_divisions():
    entries = "\n\n".join(f"SONG NUMBER {w}\n\nA line about it." for w in
                          "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE".split())
    doc, _ = read_text("CHAPTER I\n\n" + PARA + "\n\n" + entries + "\n")
    assert heads(doc) == ["CHAPTER I"]


# ------------------------------------------------------------------ quotations by layout

def test_indented_and_prefixed_quotations():
    text = (PARA + "\n\n    The steward lent me one\n    on the voyage out.\n\n" + PARA
            + "\n\n> | «This people honoureth me\n> | «But their heart is far.\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    assert layout_quotes(doc) == [("indent", "The steward ", 1), ("prefix", "> | «This pe", 1)]


def test_quotation_marks_open_across_paragraphs_make_one_quotation():
    text = (PARA + "\n\n«This revolution», wrote he, «may be applied\n\n«Cold and poverty fortify\n\n"
            "The last part of it».\n\n" + PARA + "\n\n«A quoted paragraph, set as running text».\n")
    doc, _ = read_text(text)
    assert layout_quotes(doc) == [("marks", "«This revolu", 3)]


# ------------------------------------------------------------------ family and report

@pytest.mark.parametrize(("text", "family"), [
    (PG, "gutenberg"),
    ("# Title\n\nText.[^1]\n\n[^1]: A note.\n", "markdown"),
    ("Title\n=====\n\nText.\n\n.. [#fn1] A note.\n", "restructuredtext"),
    ("-----File: 001.png---\nText.\n", "page-dump"),
    ("Short lines.\n\nOnly.\n", "plain"),
])
def test_family_detector(text, family):
    assert detect_family(text) == family


def test_convert_reports_the_layout_it_recognised():
    doc, diags = read_text(PG)
    (report,) = [d for d in diags if d.code == "layout"]
    assert report.level == "info"
    assert "gutenberg" in report.message and "header, credits, licence" in report.message


def test_books_hold_their_chapters():
    text = "\n\n".join(["Book I", PARA, "I", PARA, "II", PARA, "Book II", PARA, "I", PARA]) + "\n"
    doc, _ = read_text(text)
    assert [(heads_of(doc, s), s.level) for s in doc.sections] == [
        ("Book I", 1), ("I", 2), ("II", 2), ("Book II", 1), ("I", 2)]


def test_nested_divisions_are_encoded_inside_their_book():
    from lefort_tei.encode import encode

    text = "\n\n".join(["Book I", PARA, "I", PARA, "Book II", PARA]) + "\n"
    doc, _ = read_text(text)
    root = encode(doc).root
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert [h.text for h in root.iterfind(".//t:body/t:div/t:div/t:head", ns)] == ["I"]
    assert [h.text for h in root.iterfind(".//t:body/t:div/t:head", ns)] == ["Book I", "Book II"]


def heads_of(doc, section) -> str:
    return doc.source.slice(section.heading.span) if section.heading else ""


# ------------------------------------------------------------------ light markup

@pytest.mark.parametrize(("text", "expected"), [
    ("the _Genius of Christianity_ came", [("italic", "_Genius of Christianity_")]),
    ("an *emphasised* word and a * * * row", [("italic", "*emphasised*")]),
    ("was <i>Weahtee</i>. And <sc>small</sc>", [("italic", "<i>Weahtee</i>"), ("smallcaps", "<sc>small</sc>")]),
    ("a file_name_here stays", []),
])
def test_light_markup_rules(text, expected):
    from lefort_tei.model import Emphasis

    doc, _ = read_text(PARA + "\n\n" + text + ".\n")
    found = [(i.rend, doc.source.slice(i.span)) for p in doc.paragraphs() for i in p.inlines if isinstance(i, Emphasis)]
    assert found == expected


def test_light_markup_characters_are_diplomatic_only():
    from lefort_tei.encode import encode
    from lefort_tei.plaintext import view_text

    doc, _ = read_text(PARA + "\n\nThe _Genius_ of it.\n")
    root = encode(doc).root
    assert "The _Genius_ of it." in view_text(root, "diplomatic")
    assert "The Genius of it." in view_text(root, "reading")


def test_short_dp_notes_in_place_and_as_blocks():
    doc, _ = read_text("A word[1] here.\n\n[#1 The note of the page.]\n\n" + PARA + " And one [#2 inline] here.\n")
    assert [(n.label_text, n.place) for n in doc.notes] == [("1", "foot")]
    assert links(doc) == [("[1]", "1")]
    (inline,) = [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, InlineNote)]
    assert (inline.label_text, doc.source.slice(inline.span)) == ("2", "[#2 inline]")


def test_an_underscore_that_closes_a_rest_footnote_reference_is_no_emphasis():
    """"_and Honoring\\ [#fn5]_": the last "_" belongs to the reST reference, not to an emphasis."""
    from lefort_tei.annotate import annotate
    from lefort_tei.data import EditorialData
    from lefort_tei.encode import encode
    from lefort_tei.read import read_document
    from lefort_tei.read.source import decode_source
    from lefort_tei.validate import validate_bytes

    text = ("A Title\n=======\n\nThe kings _and Honoring\\ [#fn5]_ again slumber.\n\n"
            ".. [#fn5] A note.\n")
    source, _ = decode_source(text.encode(), "rst.txt")
    doc, _ = read_document(source, EditorialData())
    annotate(doc, EditorialData())
    data = encode(doc).data
    assert [d.format() for d in validate_bytes(data, "rst.xml") if d.level == "error"] == []
    assert b'target="#note' in data


def test_numbered_titles_in_capitals_are_headings_not_notes():
    # rule numbered-title-no-note: two anchors "(1)", "(2)" in the body, then "1. …" "2. …" titles in
    # capitals: sub-headings of a chapter, not the notes they would be by their numbers alone; the
    # last one's text does not swallow the next chapter
    text = ("I.  THE OLD ORDER\n\n\n" + PARA + " The mills (1) stood idle and the farms (2) lay waste.\n\n\n"
            "II.  THE NEW ORDER\n\n\n1. THE FIRST SCHOOL\n\n\n" + PARA + "\n\n\n2. THE SECOND SCHOOL\n\n\n"
            + PARA + "\n\n\n\nIII.  THE PARTIES OF THE LEFT\nIN THE PROVINCES\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    assert doc.notes == []
    assert "1. THE FIRST SCHOOL" in heads(doc) and "2. THE SECOND SCHOOL" in heads(doc)
    assert heads(doc)[-1] == "III. THE PARTIES OF THE LEFT IN THE PROVINCES"
