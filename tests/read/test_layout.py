"""Page dumps (read/layout.py, read/pages.py): one small fixture per rule, then the TEI shape."""

from collections import Counter

from lefort_tei.encode import encode
from lefort_tei.model import Furniture, Hyphenation, LineBreak, PageBreak
from lefort_tei.plaintext import fold_whitespace, view_text
from lefort_tei.read.layout import is_page_dump, is_running_head, keep_hyphen, read_pages
from lefort_tei.read.source import decode_source
from tests.helpers import read_text

TEI = "{http://www.tei-c.org/ns/1.0}"

HATHI = """This file was downloaded from HathiTrust
\f
## p. 1 (#5) ##################################################

A paragraph that starts on the first page and runs on
over the page break without a blank line, as the terri-
\f
## p. 2 (#6) ##################################################

2 T H E R U N N I N G H E A D
tory. It ends.
Another paragraph.
\f
## p. 3 (#7) ##################################################

T H E R U N N I N G H E A D 3
More text of the third page goes here.
"""

DP = """-----File: 001.png---------------------------------------------------------
Some text at the end of the page that is cut in the mid-*
-----File: 002.png---------------------------------------------------------
*dle of a word and goes on.

A new paragraph.
-----File: 003.png---------------------------------------------------------
[Blank Page]
-----File: 004.png---------------------------------------------------------

Starts a new paragraph on a fresh page.
"""


def layout(text):
    source, _ = decode_source(text.encode("utf-8"), "t.txt")
    return source, read_pages(source)


def kinds(source, lay):
    return [(type(m).__name__, getattr(m, "type", ""), source.slice(m.span)) for m in lay.marks
            if not isinstance(m, LineBreak)]


def test_a_text_without_pages_is_not_a_page_dump():
    assert not is_page_dump("One paragraph.\n\nAnother one.\f\n")  # a single form feed
    source, lay = layout("Title - Author\n\nOne paragraph.\n\nTwo.\n")
    assert lay is None


def test_separators_and_form_feeds_make_pages_with_printed_numbers():
    source, lay = layout(HATHI)
    assert [p.brk.n for p in lay.pages] == ["1", "2", "3"]
    # the form feed before each separator is the page break, the separator line is furniture
    breaks = [m for m in lay.marks if isinstance(m, PageBreak)]
    assert [source.slice(b.span) for b in breaks] == ["\f", "\f", "\f"]
    assert ("Furniture", "separator", "## p. 2 (#6) " + "#" * 50) in kinds(source, lay)


def test_running_heads_with_the_page_number_are_furniture():
    source, lay = layout(HATHI)
    heads = [source.slice(m.span) for m in lay.marks if isinstance(m, Furniture) and m.type == "header"]
    assert heads == ["2 T H E R U N N I N G H E A D", "T H E R U N N I N G H E A D 3"]


def test_running_head_rule():
    assert is_running_head("4 T E R R IT OR I. A L PA P E R S", "4", [])
    assert is_running_head("PR E FA C E. W", "v", ["IV PR E FA C E", "VI PR E FA C E"])
    assert not is_running_head("PREFACE OF THE BOOK", "iii", ["The first line of a page"])
    assert not is_running_head("An ordinary line of text that is long enough", "4", [])


def test_a_paragraph_cut_by_a_page_break_is_one_block():
    source, lay = layout(HATHI)
    texts = [source.slice(b) for b in lay.blocks]
    cut = next(t for t in texts if t.startswith("A paragraph"))
    assert cut.endswith("It ends.") and "## p. 2" in cut


def test_line_end_hyphenation_joins_across_the_page_with_lb_break_no():
    source, lay = layout(HATHI)
    hyphens = [m for m in lay.marks if isinstance(m, Hyphenation)]
    assert [source.slice(h.span) for h in hyphens] == ["-\n"] and not hyphens[0].keep
    assert any(isinstance(m, LineBreak) and m.hyphen and source.text.startswith("tory", m.span.start)
               for m in lay.marks)


def test_dp_separators_blank_pages_and_uncertain_hyphens():
    source, lay = layout(DP)
    assert len(lay.pages) == 4 and all(p.brk.n is None for p in lay.pages)
    assert ("Furniture", "blank", "[Blank Page]") in kinds(source, lay)
    hyphens = [source.slice(m.span) for m in lay.marks if isinstance(m, Hyphenation)]
    assert hyphens == ["-*\n", "*"]  # the "-*" at the page end and the "*" that resumes the word
    texts = [source.slice(b) for b in lay.blocks]
    assert texts[0].startswith("Some text") and texts[0].endswith("goes on.")
    assert texts[-1] == "Starts a new paragraph on a fresh page."


def test_keep_hyphen_for_real_compounds():
    inline, words = Counter({"well-known": 1}), Counter({"territory": 2})
    assert keep_hyphen("well", "known", inline, words)  # hyphenated inside a line elsewhere
    assert not keep_hyphen("terri", "tory", Counter(), words)  # the joined word occurs
    assert not keep_hyphen("some", "thing", Counter(), Counter())  # the word list knows it
    assert keep_hyphen("self", "government", Counter(), Counter())  # unknown joined, both halves words


def test_page_dump_encodes_pb_fw_lb_and_stays_lossless():
    doc, _ = read_text(HATHI)
    root = encode(doc).root
    pbs = root.findall(f".//{TEI}pb")
    assert [pb.get("n") for pb in pbs] == ["1", "2", "3"]
    assert len(root.findall(f".//{TEI}lb[@break='no']")) == 1
    assert {fw.get("type") for fw in root.iter(f"{TEI}fw")} == {"separator", "header"}
    assert not [h for h in root.iter(f"{TEI}head") if "R U N N I N G" in "".join(h.itertext())]
    # the cut paragraph holds the page break
    cut = next(p for p in root.iter(f"{TEI}p") if "".join(p.itertext()).startswith("A paragraph"))
    assert cut.find(f"{TEI}pb") is not None
    assert fold_whitespace(view_text(root, "diplomatic")) == fold_whitespace(doc.source.text)
    reading = view_text(root, "reading")
    assert "territory" in reading and "R U N N I N G" not in reading and "## p." not in reading


def test_dp_page_dump_is_lossless_and_starts_with_page_marks():
    doc, _ = read_text(DP)
    root = encode(doc).root
    assert len(root.findall(f".//{TEI}pb")) == 4
    assert fold_whitespace(view_text(root, "diplomatic")) == fold_whitespace(doc.source.text)
    assert "middle of a word" in fold_whitespace(view_text(root, "reading"))


def test_texts_without_pages_get_no_page_marks():
    doc, _ = read_text("Title - Author\n\nA hard-\nwrapped paragraph.\n\nAnother.\n")
    root = encode(doc).root
    assert root.find(f".//{TEI}pb") is None and root.find(f".//{TEI}lb") is None


def test_page_numbers_printed_inside_running_text_become_pb_and_fw():
    text = ("Title - Author\n\nThe first page ends here,-\u00a06\u00a0- and the second one goes on\n\n"
            "with more text,-\u00a07\u00a0- and more.\n\n-\u00a08\u00a0-\n\nThe end of the essay.\n")
    doc, _ = read_text(text)
    root = encode(doc).root
    assert [pb.get("n") for pb in root.iter(f"{TEI}pb")] == ["6", "7", "8"]
    assert [fw.get("type") for fw in root.iter(f"{TEI}fw")] == ["pageNum"] * 3
    assert root.find(f".//{TEI}lb") is None  # not a page dump: lines are left alone
    assert fold_whitespace(view_text(root, "diplomatic")) == fold_whitespace(doc.source.text)
    assert "\u00a06\u00a0" not in view_text(root, "reading")


def test_numbers_between_dashes_that_do_not_count_up_are_not_pages():
    doc, _ = read_text("Title - Author\n\nScores -\u00a03\u00a0- and -\u00a01\u00a0- and -\u00a09\u00a0- here.\n")
    assert encode(doc).root.find(f".//{TEI}pb") is None


def test_a_page_number_in_parentheses_is_furniture_not_a_note_anchor():
    """The start of a raw OCR download with "(1)" at a page's foot and a notes section: "(1)" is
    the page's number (fw), not also note 1's marker, so no fw sits inside a ref and the TEI stays
    valid (a case the fuzz test found)."""
    from pathlib import Path

    import pytest

    from lefort_tei.annotate import annotate
    from lefort_tei.data import EditorialData
    from lefort_tei.encode import encode
    from lefort_tei.read import read_document
    from lefort_tei.read.source import decode_source
    from lefort_tei.validate import validate_bytes

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "07-tpus22-florida-hathitrust-ocr.txt"
    if not corpus.is_file():
        pytest.skip("the development corpus is not beside the checkout")
    lines = corpus.read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[7:49] + ["(1)", "\f", "", "", "FOOTNOTES:", "", "[1] A note.", ""] + lines[52:63])
    source, _ = decode_source(text.encode(), "ocr.txt")
    doc, _ = read_document(source, EditorialData())
    annotate(doc, EditorialData())
    data = encode(doc).data
    assert [d.format() for d in validate_bytes(data, "ocr.xml") if d.level == "error"] == []
