"""The heading and division rules of ``read/rules/headings.py`` (issue 10, second round), one small
fixture each, texts written here: display lines that are no headings (proofreaders' blocks,
pictures and captions, poem titles and signatures, title pages, list entries, sources under a
quotation), titles with their subtitles, repeated labels, and divisions nested by rank."""

from __future__ import annotations

import pytest

from lefort_tei.read.rules.headings import heading_rank, is_byline, title_cased
from tests.helpers import read_text

PARA = ("This paragraph is running text long enough to be read as prose by the reader, with more "
        "than twenty-five words in it so that nothing mistakes it for a title line or a heading.")


def heads(doc) -> list[str]:
    return [" ".join(doc.source.slice(s.heading.span).split()) for s in doc.sections if s.heading]


def levels(doc) -> list[tuple[str, int]]:
    return [(" ".join(doc.source.slice(s.heading.span).split()), s.level) for s in doc.sections if s.heading]


def read(*blocks: str, sep: str = "\n\n") -> list[str]:
    doc, _ = read_text(sep.join(blocks) + "\n")
    return heads(doc)


def test_lines_inside_a_proofreaders_block_are_no_headings():  # rule dp-block
    assert read(PARA, "/#\nTHE MILL AT NOON", "A FERRY CROSSING\n#/", PARA) == []
    assert read(PARA, "/*\nJ. R.\n*/", PARA) == []


def test_pictures_and_their_captions_are_no_headings():  # rule caption
    assert read(PARA, "    [Illustration]", "    THE OLD MILL.", PARA) == []
    assert read(PARA, "    THE OLD MILL", "    [Figure 2]", PARA) == []
    assert read(PARA, "[Illustration:", "THE HARBOUR\nAT DAWN]", PARA) == []  # a caption left open
    assert read(PARA, "PLATE IV", PARA) == []
    # a heading over a picture placeholder heads the text after the picture
    assert read(PARA, "Chapter One", "    [Illustration]", PARA) == ["Chapter One"]
    # a heading after a picture starts its line: it stays a heading
    assert read(PARA, "[Illustration: Figure 9]", "THE LAST CAMP", PARA) == ["THE LAST CAMP"]


def test_a_poem_title_and_a_signature_are_no_headings():  # rule indented
    verse = "    Blow the wind southerly, southerly,\n    Blow the wind south o'er the bonny blue sea."
    assert read(PARA, "    THE SAILOR'S SONG.", verse, PARA) == []
    assert read(PARA, verse, "                        JOHN CARVER.", PARA) == []


def test_initials_under_a_preface_sign_it_even_over_the_next_heading():  # rule signature (initials)
    assert read("PREFACE", PARA, "R.D.", "ON READING.", PARA, sep="\n\n\n") == ["PREFACE", "ON READING."]
    assert read("PREFACE", PARA, "A. B. R.", "ON READING.", PARA) == ["PREFACE", "ON READING."]


def test_a_half_title_over_the_first_chapter_leaves_the_chapter_its_heading():  # rule half-title
    # four candidates in a row: a book's half-title, then "CHAPTER I", its title and a section number
    assert read("PREFACE", PARA, "THE BOOK OF DAYS", "CHAPTER I", "THE MORNING", "I", PARA, "II", PARA,
                sep="\n\n\n") == ["PREFACE", "CHAPTER I THE MORNING", "I", "II"]


def test_a_place_and_date_under_a_preface_are_no_heading():  # rule signature (place)
    assert read("PREFACE", PARA, "  HARBOURTON.", "     _January, 1913._", "CHAPTER I", PARA,
                sep="\n\n\n") == ["PREFACE", "CHAPTER I"]
    assert read("PREFACE", PARA, "HARBOURTON", PARA) == ["PREFACE", "HARBOURTON"]  # no date: a heading


def test_a_title_pages_back_and_a_contents_header_are_no_headings():  # rules imprint, columns
    assert read("PREFACE", PARA, "PRINTED IN THE UNITED STATES OF AMERICA", PARA) == ["PREFACE"]
    assert read("PREFACE", PARA, "NEW TOWN\nTHE HOUSE PRESS", "MCMXXVI", PARA) == ["PREFACE"]
    assert read("CONTENTS", "CHAPTER                                 PAGE", PARA) == ["CONTENTS"]


def test_a_byline_in_light_markup_makes_a_title_page():  # rule title-byline
    doc, _ = read_text("The Book of Days\n\n_By_ ADA ROE\n\n" + PARA + "\n\n" + PARA + "\n")
    assert doc.front is not None and doc.source.slice(doc.front.title) == "The Book of Days"
    assert doc.source.slice(doc.front.author) == "ADA ROE"


def test_a_source_under_an_indented_quotation_is_no_heading():  # rule attribution
    verse = "    Blow the wind southerly, southerly,\n    Blow the wind south o'er the bonny blue sea."
    assert read(PARA, verse, "From 'The Northern Songs.' (See Index.)", PARA) == []


def test_a_title_over_a_byline_is_the_title_page():  # rule title-byline
    doc, _ = read_text("THE BOOK OF DAYS\n\nBy Ada Roe\n\n" + PARA + "\n\n" + PARA + "\n")
    assert doc.front is not None and doc.source.slice(doc.front.title) == "THE BOOK OF DAYS"
    assert doc.source.slice(doc.front.author) == "Ada Roe"
    assert heads(doc) == []
    doc, _ = read_text("THE BOOK OF DAYS\n\nby\n\nADA ROE\n\n" + PARA + "\n\n" + PARA + "\n")
    assert doc.source.slice(doc.front.author) == "ADA ROE"
    # another book's title page further on (an advertisement) is display text
    assert read(PARA, "CHAPTER I", PARA, "A TALE OF THE HILLS", "BY", "JANE DOE", "Cloth, 80 cents") == ["CHAPTER I"]
    # a title and byline over running text head a contribution (an essay in an anthology)
    assert read(PARA, "ON FRIENDSHIP", "By Jane Doe", PARA) == ["ON FRIENDSHIP"]


def test_a_title_over_more_title_page_lines_heads_no_text():  # rule title-page
    assert read("THE PAPERS\nOF THE STATE", "THE PAPERS\nOF THE STATE\nCompiled and edited by\nAda Roe",
                PARA) == []


def test_a_short_line_in_capitals_among_entries_is_an_entry():  # rule list-entry
    assert read(PARA, "THE RED ROSE. Song. Words by Ada Roe.", "A SHORT TUNE.",
                "THE BLUE BELL. Waltz. By John Roe.", PARA) == []
    assert read(PARA, "THE RED ROSE. Song. Words by Ada Roe.", "THE GREEN GALOP. By John Roe.",
                "[From an old catalogue:]", PARA) == []


def test_an_entry_with_a_long_section_in_its_alphabetical_place_is_an_entry():  # rule entry-list
    names = ["ALICE BLUE", "BELLS OF SHANDON", "COME HOME", "DEAR ANNIE", "EVENING STAR", "FAREWELL",
             "GREEN HILLS", "HOME AGAIN", "IDA MAY"]
    blocks = ["CHAPTER I", PARA]
    for k, name in enumerate(names):
        blocks += [name, "See p. 12."] + ([PARA, PARA, PARA, PARA] if k == 4 else [])
    assert read(*blocks) == ["CHAPTER I"]


def test_mixed_case_sub_headings_with_short_sections_are_no_list():
    names = ["The Tent", "Shelter", "Firewood", "Boiling Rice", "Baking Bread", "Frying Fish",
             "Porridge", "Oat Cakes", "Fresh Water"]
    blocks = ["HOW TO CAMP", PARA]
    for name in names:
        blocks += [name, PARA]
    assert read(*blocks) == ["HOW TO CAMP", *names]


@pytest.mark.parametrize(("blocks", "expected"), [
    (["ON THE SEA", "A SKETCH", PARA], ["ON THE SEA A SKETCH"]),
    (["A LIST OF TUNES", "WITH NOTES", PARA], ["A LIST OF TUNES WITH NOTES"]),
    (["SUPPLEMENT", "HOW TO FISH", PARA], ["SUPPLEMENT", "HOW TO FISH"]),  # a division's name
])
def test_a_line_in_capitals_under_a_title_in_capitals_is_its_subtitle(blocks, expected):  # rule caps-subtitle
    assert read(PARA, *blocks) == expected


def test_a_line_set_further_apart_than_its_title_is_no_subtitle():
    doc, _ = read_text(PARA + "\n\nTHE FIRST PART\n\n\n\n\nON RIVERS\n\n" + PARA + "\n")
    assert heads(doc) == ["THE FIRST PART", "ON RIVERS"]


def test_title_case():  # rule title-case
    assert title_cased("Preface to the Second Edition")
    assert not title_cased("English words are in italics")
    assert read(PARA, "A GLOSSARY OF WORDS", "English words are in italics", PARA) == ["A GLOSSARY OF WORDS"]
    assert read(PARA, "Preface to the Second Edition", PARA) == ["Preface to the Second Edition"]
    assert read(PARA, "The rise of the towns", PARA) == ["The rise of the towns"]  # sentence case alone


def test_byline_is_a_short_line():
    assert is_byline("By Ada Roe") and is_byline("BY")
    assert not is_byline("By the end of the year the work on the new road was done and paid for")


def test_a_repeated_heading_over_captions_only_is_a_label():  # rule repeated-heading
    assert read(PARA, "THE CAMP", PARA, "THE CAMP", "[Illustration: Figure 1]", "[Illustration: Figure 2]",
                "THE RIVER", PARA) == ["THE CAMP", "THE RIVER"]
    # numbers repeat in every Book, over verse as over prose
    verse = "    Blow the wind southerly, southerly,\n    Blow the wind south o'er the bonny blue sea"
    assert read(PARA, "Book I", "I", verse, "Book II", "I", verse, PARA) == ["Book I", "I", "Book II", "I"]
    # over running text it is a heading again (a second part with the same name)
    assert read("THE CAMP", PARA, "THE CAMP", PARA) == ["THE CAMP", "THE CAMP"]


@pytest.mark.parametrize(("heading", "rank"), [
    ("Book II", 0), ("PART ONE", 0), ("CHAPTER VI", 1), ("THE FIELD HOSPITAL", 1),
    ("I.--_Early Days_", 2), ("II--THE FIRST CAUSE", 2), ("IV", 2), ("The Tent", 2), ("## Sources", 2),
    ("# Title", 1),
])
def test_heading_rank(heading, rank):
    assert heading_rank(heading) == rank


def test_divisions_nest_by_rank():  # rule nesting
    doc, _ = read_text("\n\n".join(["CHAPTER I", PARA, "I.--Early Days", PARA, "II.--Later Days", PARA,
                                    "CHAPTER II", PARA]) + "\n")
    assert levels(doc) == [("CHAPTER I", 1), ("I.--Early Days", 2), ("II.--Later Days", 2), ("CHAPTER II", 1)]
    doc, _ = read_text("\n\n".join(["# One", PARA, "## Two", PARA, "# Three", PARA]) + "\n")
    assert levels(doc) == [("# One", 1), ("## Two", 2), ("# Three", 1)]
    doc, _ = read_text("\n\n".join([PARA, "Preface", PARA, "Method", PARA]) + "\n")  # one rank: siblings
    assert levels(doc) == [("Preface", 1), ("Method", 1)]


def test_a_third_level_is_encoded_inside_the_second():
    from lefort_tei.encode import encode

    doc, _ = read_text("\n\n".join(["Book I", PARA, "CHAPTER I", PARA, "I.--Early Days", PARA]) + "\n")
    assert [s.level for s in doc.sections if s.heading] == [1, 2, 3]
    root = encode(doc).root
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert [h.text for h in root.iterfind(".//t:body/t:div/t:div/t:div/t:head", ns)] == ["I.--Early Days"]


def test_the_layout_report_counts_nested_divisions():
    doc, diags = read_text("\n\n".join(["Book I", PARA, "CHAPTER I", PARA, "CHAPTER II", PARA]) + "\n")
    (report,) = [d for d in diags if d.code == "layout"]
    assert "3 headings" in report.message and "2 of them inside a higher division" in report.message
