"""Page-foot notes of raw OCR (read/footnotes.py) and page-dump boilerplate: one fixture per rule."""

from lefort_tei.encode import encode
from lefort_tei.plaintext import fold_whitespace, view_text
from lefort_tei.read.footnotes import (
    AnchorCandidate,
    FootNoteSpan,
    anchor_candidates,
    foot_region,
    link_foot_notes,
    split_foot_notes,
)
from lefort_tei.model import Span
from tests.helpers import read_text

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def lines_of(text):
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


PAGE = """The writer asks that the name of William P. DuVal” be sent to the
President, with those of Mr Walker and of several other persons" who
HON" J. C. CALHOUN read the letter of the Senator at once.
* William Pope DuVal, a native of Virginia, was of French Huguenot forbears and a lawyer.
* A Senator of the United States from Georgia, who wrote the letter in question.
* The other persons, all from Augusta, were recommended for offices in the territory."""


def test_foot_region_starts_at_a_marker_line_in_smaller_type():
    lines = lines_of(PAGE)
    assert foot_region(PAGE, lines) == 3
    body_only = lines_of(PAGE)[:3]
    assert foot_region(PAGE, body_only) is None


def test_each_marker_line_starts_a_note_and_other_lines_continue_it():
    text = "* First note starts here and\ngoes on here.\n** Second note.\n10 Third note."
    notes = split_foot_notes(text, lines_of(text))
    assert [text[n.label.start:n.label.end] for n in notes] == ["*", "**", "10"]
    assert text[notes[0].span.start:notes[0].span.end] == "* First note starts here and\ngoes on here."


def test_anchor_candidates_skip_abbreviation_superscripts_and_closing_quotes():
    text = 'names of several persons" be sent, HON" J. C. and Hon" John, and “quoted” and DuVal” ok.'
    found = [c.word for c in anchor_candidates(text, lines_of(text))]
    assert found == ["persons", "DuVal"]
    text = "[NA:SD, Original Statutes \"]\nRef to Committee on the Territories * Jan. 15"
    assert [c.word for c in anchor_candidates(text, lines_of(text))] == ["Statutes", "Territories"]


def test_linking_keeps_order_and_prefers_the_anchored_word_in_the_note():
    text = PAGE
    lines = lines_of(text)
    notes = split_foot_notes(text, lines[3:])
    pairs = link_foot_notes(text, anchor_candidates(text, lines[:3]), notes)
    got = [(c.word, text[n.span.start + 2:n.span.start + 12]) for c, n in pairs]
    # two marks for three notes: "persons" answers the note that names them, not the second one
    assert got == [("DuVal", "William Po"), ("persons", "The other ")]


def test_link_foot_notes_pairs_in_order_when_counts_match():
    text = "xx"
    cands = [AnchorCandidate(Span(0, 1), "alpha", 1.0), AnchorCandidate(Span(1, 2), "beta", 1.0)]
    notes = [FootNoteSpan(Span(0, 1), Span(0, 1)), FootNoteSpan(Span(1, 2), Span(1, 2))]
    assert [(c.word, n.span.start) for c, n in link_foot_notes(text, cands, notes)] == [("alpha", 0), ("beta", 1)]


DUMP = """This file was downloaded from a digital library
Public Domain, Google-digitized
\f
## p. (#1) ##################################################

STAMP
|
\f
## p. 1 (#2) ##################################################

1 T H E B O O K O F P A G E S
The writer asks that the names of several persons" be sent to the
President at once, with the letter of the Governor of the place and
the papers that came with it by the mail of the week before last.
* The other persons, all from the town, were recommended for the offices of the territory.
\f
## p. 2 (#3) ##################################################

T H E B O O K O F P A G E S 2
A second page of the book begins a new paragraph here, and it is
long enough to look like a page of text.
"""


def test_page_foot_notes_are_encoded_in_place_and_linked():
    doc, _ = read_text(DUMP)
    root = encode(doc).root
    notes = [n for n in root.iter(f"{TEI}note") if n.get("place") == "foot"]
    assert len(notes) == 1 and notes[0].get("type") == "footnote"
    anchor = next(r for r in root.iter(f"{TEI}ref") if r.get("type") == "noteAnchor")
    assert anchor.get("target") == "#" + notes[0].get(XML_ID) and anchor.text == '"'
    assert notes[0].find(f"{TEI}label").text == "*"
    assert fold_whitespace(view_text(root, "diplomatic")) == fold_whitespace(doc.source.text)


def test_download_header_and_stamp_scans_are_boilerplate_in_front():
    doc, _ = read_text(DUMP)
    root = encode(doc).root
    front = root.find(f".//{TEI}front")
    kinds = [d.get("subtype") for d in front.findall(f"{TEI}div") if d.get("type") == "boilerplate"]
    assert kinds == ["header", "scans"]
    scans = front.findall(f"{TEI}div")[1]
    assert "STAMP" in "".join(scans.itertext()) and "several persons" not in "".join(scans.itertext())


def test_running_heads_never_become_headings():
    doc, _ = read_text(DUMP)
    root = encode(doc).root
    assert not [h for h in root.iter(f"{TEI}head") if "B O O K" in "".join(h.itertext())]
    assert [fw.text for fw in root.iter(f"{TEI}fw") if fw.get("type") == "header"] == [
        "1 T H E B O O K O F P A G E S", "T H E B O O K O F P A G E S 2"]
