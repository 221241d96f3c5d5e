"""Headings in a raw OCR page dump (issue 10, third round; ``read/layout.py`` rules ``page-top`` and
``opening-page``, ``read/rules/headings.py`` rules ``numbered-title`` and ``signature``). The pages
have no blank lines: a division's title at a page top must stand alone for the heading rules to
see it. Fixtures are written here, in the shape of a HathiTrust download."""

from __future__ import annotations

from lefort_tei.model import Furniture, Span
from lefort_tei.read.layout import is_running_head, read_pages, unnumbered_series
from lefort_tei.read.rules.headings import heading_like
from lefort_tei.read.source import decode_source
from tests.helpers import read_text

BAR = "#" * 50


def page(label: str, scan: int, *lines: str) -> str:
    return f"\f\n## p. {label} (#{scan}) {BAR}\n\n" + "\n".join(lines) + "\n\n"


BODY = [
    "There is presented here the second volume of the letters of the",
    "harbour office, with a selection of the papers that the clerks",
    "kept in their registers during the first years of the new port.",
    "The papers are printed as they stand in the registers, with the",
    "spelling of the clerks, and the notes give the places of others.",
]
MORE = [
    "The editor thanks the keepers of the registers for their help in",
    "finding the papers, and the printers for their care with the work.",
    "Every paper was read twice against the register where it stands.",
]

DUMP = (
    "This file was downloaded from HathiTrust Digital Library.\n\n"
    + page("i", 7, "THE HARBOUR PAPERS", "Volume Two", "Edited by Ada Roe", "Printed at the Harbour Office")
    + page("iii", 9, "PREFACE", *BODY, "iii")
    + page("iv", 10, "IV P R E FA C E", *MORE, "A. B. R.", "The Harbour Office", "March 3, 1921.")
    + page("v", 11, "CONTENTS", "Preface . . . . . . . . . . . . . . . . . . . . . . . . iii",
           "Part One: Letters of the First Period . . . . . . . . . . 1", "v")
    + page("1", 21, "PART ONE", "Letters of the First Period", "and of the Harbour Office", "1822", "3051-22")
    + page("2", 22)
    + page("3", 23, "THE HARBOUR MASTER TO THE CLERK OF THE", "PORT COUNCIL", *BODY, "3")
    + page("4", 24, "4 T H E H A R B O U R P A P E R S", *MORE, "4")
)


def headings(text: str) -> list[str]:
    doc, _ = read_text(text)
    return [" ".join(doc.source.slice(s.heading.span).split()) for s in doc.sections if s.heading]


def test_a_page_top_line_in_capitals_stands_alone():  # rule page-top
    source, _ = decode_source(DUMP.encode("utf-8"), "t.txt")
    lay = read_pages(source)
    blocks = [source.slice(b) for b in lay.blocks]
    assert "PREFACE" in blocks and "CONTENTS" in blocks
    assert any(b.startswith("There is presented") for b in blocks)
    # a title page's few short lines stay one display; so does a capitals line nearly a text
    # line long, which runs on into the next (a heading over two lines)
    assert "PART ONE\nLetters of the First Period\nand of the Harbour Office\n1822" in blocks
    assert not any(b.startswith("PORT COUNCIL") for b in blocks)
    # the division's title is no running head; the running heads after it still are
    heads = [source.slice(m.span) for m in lay.marks if isinstance(m, Furniture) and m.type == "header"]
    assert heads == ["IV P R E FA C E", "4 T H E H A R B O U R P A P E R S"]


def test_the_page_dump_reads_its_division_titles_and_no_signature():  # page-top, numbered-title, signature
    assert headings(DUMP) == ["PREFACE", "CONTENTS", "PART ONE Letters of the First Period and of the Harbour Office 1822"]


def test_a_letter_alone_at_a_page_top_is_no_title():
    text = DUMP.replace(page("4", 24, "4 T H E H A R B O U R P A P E R S", *MORE, "4"),
                        page("4", 24, "A", *MORE, "4"))
    assert headings(text) == ["PREFACE", "CONTENTS", "PART ONE Letters of the First Period and of the Harbour Office 1822"]


def test_a_page_top_title_never_continues_the_paragraph_of_the_page_before():
    text = DUMP.replace(page("iii", 9, "PREFACE", *BODY, "iii"),
                        page("ii", 8, *MORE[:2]) + page("iii", 9, "PREFACE", *BODY, "iii"))
    # "…care with the work." ends a sentence anyway; a page ending mid-sentence:
    text = text.replace("care with the work.", "care with the work and")
    source, _ = decode_source(text.encode("utf-8"), "t.txt")
    blocks = [source.slice(b) for b in read_pages(source).blocks]
    assert "PREFACE" in blocks


def test_pages_with_blank_lines_keep_their_blocks():
    # the rule is for raw OCR (no blank lines inside pages); where blank lines part the
    # paragraphs (Distributed Proofreaders), a block is what they part
    text = "".join(f"-----File: {k:03}.png---\n\n{word}\n" + "\n".join(BODY) + "\n\n" + "\n".join(MORE) + "\n\n"
                   for k, word in ((1, "NOON"), (2, "DUSK"), (3, "DAWN")))
    source, _ = decode_source(text.encode("utf-8"), "t.txt")
    blocks = [source.slice(b) for b in read_pages(source).blocks]
    assert blocks[0] == "NOON\n" + "\n".join(BODY)


def test_opening_page_rule():  # a numberless line recurring only on later pages is a title
    assert not is_running_head("PREFACE", "iii", [], ["IV PR E FA C E", "PR E FA C E V"])
    assert is_running_head("PR E FA C E. W", "v", ["IV PR E FA C E"], ["VI PR E FA C E"])
    assert is_running_head("VI PREFACE", "vi", [], [])  # its own page number: a running head


def test_numbered_title_rule():
    def kind(s: str) -> str:
        return heading_like(s, Span(0, len(s)))

    assert kind("PART TWO\nLetters of the Second Period\n1822") == "numbered"
    assert kind("Chapter 3\nThe Harbour") == "numbered"
    assert kind("CHAPTER I\nIt was a dark night, and the rain fell.") == ""  # a sentence: text
    assert kind("IV\nOf the Harbour") == ""  # a numeral alone is too weak to take lines under it
    assert kind("BOOK I\nOne\nTwo\nThree\nFour") == ""  # too many lines


PARA = ("This paragraph is running text long enough to be read as prose by the reader, with more "
        "than twenty-five words in it so that nothing mistakes it for a title line or a heading.")


def read(*blocks: str) -> list[str]:
    return headings("\n\n".join(blocks) + "\n")


def test_a_signature_under_a_preface_is_no_heading():  # rule signature
    assert read(PARA, "A. B. R.", "The Harbour Office", "March 3, 1921.") == []
    assert read(PARA, "JANE ROE", "London, 4 June 1920.") == []
    assert read(PARA, "ANNA: MARIA: ROE\"", "[Addressed] The Hon. Ada Roe, Port Office", PARA) == []
    assert read(PARA, PARA, "J. R.") == []  # at the end of the text
    # the place and date over the name, then the next chapter
    assert read(PARA, "London, 4 June 1920", "JANE ROE", "CHAPTER II", PARA) == ["CHAPTER II"]
    assert read(PARA, "London, 4 June 1920.", "JANE ROE") == []


def test_a_name_over_running_text_is_a_heading():
    assert read(PARA, "JANE ROE", PARA, PARA) == ["JANE ROE"]
    # a name, a place and a date over running text: a letter's heading
    assert read(PARA, "JANE ROE", "[Harbour Office]", "London, 4 June 1920.", PARA) == ["JANE ROE"]
    # a title is no name: an article or a preposition in it
    assert read(PARA, "THE NEW HARBOUR", "March 3, 1921.", PARA) == ["THE NEW HARBOUR"]
    # not under running text: a heading
    assert read("PART ONE", "JANE ROE", PARA) != []


def test_an_advertisement_after_the_work_is_no_heading():  # rule title-page, a blurb and a price
    ad = ["LOST IN THE FOG\nAT SEA", "BY", "ADA ROE",
          "A story of the sea for boys, told with spirit and with a sound moral lesson for every reader.",
          "Cloth, illustrated, 80 cents", "Harbour Press"]
    assert read(PARA, "EDITOR'S NOTE", PARA, *ad) == ["EDITOR'S NOTE"]
    # a title and byline over running text head a contribution (an anthology's essay)
    assert read(PARA, "LOST IN THE FOG\nAT SEA", "BY", "ADA ROE", PARA, PARA) == ["LOST IN THE FOG AT SEA"]


def test_a_division_number_at_a_page_top_takes_its_title_lines():  # rule page-top, numbered-title
    dump = ("This file was downloaded from HathiTrust Digital Library.\n\n"
            + page("7", 27, *BODY, *MORE)
            + page("8", 28, "CHAPTER IV", "The Long Voyage", *BODY, "8")
            + "".join(page(str(n), 20 + n, *MORE, str(n)) for n in (9, 10, 11, 12))
            + page("13", 33, "Chapter V", *MORE, "13")
            + page("14", 34, *BODY, "14"))
    source, _ = decode_source(dump.encode("utf-8"), "t.txt")
    blocks = [source.slice(b) for b in read_pages(source).blocks]
    assert "CHAPTER IV\nThe Long Voyage" in blocks and "Chapter V" in blocks
    assert headings(dump) == ["CHAPTER IV The Long Voyage", "Chapter V"]


def test_running_heads_with_no_number_are_a_series_not_headings():  # is_running_head, page-top
    assert unnumbered_series("THE HARBOUR PAPERS", ["THE HARBOUR PAPERS"], ["THE HARBOUR PAPERS"])
    assert unnumbered_series("THE HARBOUR PAPERS", ["THE HARBOUR PAPERS", "THE HARBOUR PAPERS"], [])
    # the first of the series is the title of what opens there; a title printed twice is no series
    assert not unnumbered_series("THE HARBOUR PAPERS", [], ["THE HARBOUR PAPERS", "THE HARBOUR PAPERS"])
    assert not unnumbered_series("PART ONE\"", ["PART ONE", ""], ["4 THE HARBOUR PAPERS"])
    assert not unnumbered_series("IV PREFACE", ["III PREFACE", "PREFACE"], ["PREFACE"])  # numbered: the other rule
    dump = ("This file was downloaded from HathiTrust Digital Library.\n\n"
            + "".join(page(str(n), 20 + n, "THE HARBOUR PAPERS", *(BODY if n % 2 else MORE), str(n))
                      for n in range(5, 12)))
    assert len(headings(dump)) <= 1
