"""Note shapes of e-book, web and older printed texts (issue 10, point 6): labels and anchors in
superscript digits, printers' marks (* † ‡ § ‖ ¶) counted again in each chapter, anchors in a
heading, numbered paragraphs that are no anchor evidence, emphasis that is no anchor; and the
quotation rules these texts needed. Fixtures written here, not corpus texts."""

from __future__ import annotations

from lefort_tei.encode import encode
from lefort_tei.read.rules.notes import emphasis_closer, marker_value
from lefort_tei.read.quotes import _short_lines
from tests.helpers import quotes, read_text

PARA = ("This paragraph is running text long enough to be read as prose by the reader, with more "
        "than twenty-five words in it so that nothing mistakes it for a title line or a heading.")


def links(doc) -> list[tuple[str, str]]:
    """(anchor as printed, label of the note it links to)."""
    by_n = {n.n: n.label_text or str(n.n) for n in doc.notes}
    return [(doc.source.slice(a.span), by_n[a.n]) for a in doc.anchors()]


# ------------------------------------------------------------------ the rules on their own

def test_marker_value_reads_superscripts_and_the_printers_order():
    assert marker_value("\u00b9\u00b2", "superscript") == 12
    assert [marker_value(m, "symbol") for m in ("*", "\u2020", "\u2021", "\u00a7", "\u2016", "\u00b6")] == [1, 2, 3, 4, 5, 6]
    assert marker_value("**", "symbol") == 7 and marker_value("\u2020\u2020", "symbol") == 8
    assert marker_value("*\u2020", "symbol") is None  # mixed marks are no label
    assert marker_value("(l6)", "paren") == 16


def test_emphasis_closer_rule():
    s = "the *real* thing and a note* here"
    assert emphasis_closer(s, s.index("*", 5))  # closes "*real"
    assert not emphasis_closer(s, s.index("note*") + 4)  # the emphasis before it is closed
    t = "a line\na note* here"
    assert not emphasis_closer(t, t.index("*"))


# ------------------------------------------------------------------ superscript digits (a web or e-book copy)

SUPERSCRIPT_TEXT = (
    "THE ESSAY\n\n"
    "A first claim ends here.\u00b9 " + PARA + "\n\n"
    "I. A SECTION\u00b2\n\n"
    "A second claim,\u00b3 and " + PARA + "\n\n"
    "FOOTNOTES:\n\n"
    "\u00b9 The first note.\n\n\u00b2 The note on the heading.\n\n\u00b3 The third note.\n")


def test_superscript_labels_are_notes_answered_by_superscript_anchors():
    doc, _ = read_text(SUPERSCRIPT_TEXT)
    assert [n.label_text for n in doc.notes] == ["1", "2", "3"]  # @n prints the number
    assert links(doc) == [("\u00b9", "1"), ("\u00b2", "2"), ("\u00b3", "3")]


def test_an_anchor_in_a_heading_is_linked_and_encoded():
    doc, _ = read_text(SUPERSCRIPT_TEXT)
    (heading,) = [h for h in doc.headings() if "SECTION" in doc.source.slice(h.span)]
    assert [doc.source.slice(a.span) for a in heading.inlines] == ["\u00b2"]
    xml = encode(doc).data.decode("utf-8")
    assert 'I. A SECTION<ref type="noteAnchor"' in xml and 'xml:id="a2"' in xml


def test_superscript_labels_without_anchors_are_no_notes():
    doc, _ = read_text("THE ESSAY\n\n" + PARA + "\n\n\u00b9 A line that looks like a note.\n\n"
                       "\u00b2 Another such line.\n")
    assert doc.notes == []


# ------------------------------------------------------------------ printers' marks, counted again in each chapter

DAGGER_TEXT = (
    "I\n\nTHE FIRST ESSAY\n\n"
    "A claim made by a writer.* Another by a second,\u2020 and " + PARA + "\n\n"
    "FOOTNOTES:\n\n* The first essay's first note.\n\n\u2020 The first essay's second note.\n\n"
    "II\n\nTHE SECOND ESSAY*\n\n"
    + PARA + " A claim.\u2020 And the *real* thing.\n\n"
    "FOOTNOTES:\n\n* The second essay's note on its title.\n\n\u2020 The second essay's other note.\n")


def test_printers_marks_restart_per_essay_and_link_to_their_own_notes():
    doc, _ = read_text(DAGGER_TEXT)
    assert [n.label_text for n in doc.notes] == ["*", "\u2020", "*", "\u2020"]
    assert [doc.source.text[n.label.start:n.label.start + 20] for n in doc.notes][2].startswith("* The second essay")
    got = [(doc.source.text[a.span.start - 6:a.span.start], a.n, a.label) for a in doc.anchors()]
    assert got == [("riter.", 1, "*"), ("econd,", 2, "\u2020"), (" ESSAY", 3, "*"), ("claim.", 4, "\u2020")]


def test_a_closing_emphasis_mark_is_no_anchor_and_a_section_row_no_label():
    doc, _ = read_text("THE ESSAY\n\n" + PARA + " The *real* thing.\n\n*       *       *       *\n\n" + PARA + "\n")
    assert doc.notes == [] and list(doc.anchors()) == []


# ------------------------------------------------------------------ a numbered paragraph is a label, not an anchor

def test_numbered_paragraphs_give_no_evidence_for_later_numbered_paragraphs():
    text = ("THE ESSAY\n\n(1) We start with the first example, which " + PARA + "\n\n"
            "(2) The second example, which " + PARA + "\n\n" + PARA + "\n\n"
            "(1) The first problem is one of three.\n\n(2) The second problem comes next.\n\n"
            "(3) The third problem closes the list.\n")
    doc, _ = read_text(text)
    assert doc.notes == []


def test_paren_anchors_answer_paren_notes_under_a_notes_heading():
    text = ("CHAPTER II.\n\nOF A SUBJECT.\n\n" + PARA + " a word;(6) and\nmore words,(7) and " + PARA + "\n\n"
            "FOOTNOTES:\n\n(6) The sixth note, first paragraph.\n\nIts second paragraph.\n\n(7) The seventh note.\n")
    doc, _ = read_text(text)
    assert links(doc) == [("(6)", "6"), ("(7)", "7")]
    assert len(doc.notes[0].blocks) == 2  # a note of two paragraphs


# ------------------------------------------------------------------ quotations these texts needed

def test_an_indented_quotation_of_several_paragraphs_in_open_marks_is_one_quote():
    text = ("THE ESSAY\n\n" + PARA + " He says:\n\n"
            "  \"The first paragraph of the quotation opens the mark\n  and does not close it.\n\n"
            "  Then the quotation goes on in a second paragraph\n  still inside the marks.\n\n"
            "  And it ends in a third paragraph, closing\n  the mark here.\"\n\n"
            "  \"A second quotation, closed in its own paragraph.\"\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    got = quotes(doc)
    assert [q[1] for q in got] == [3, 1]


def test_a_verse_line_ending_with_an_anchor_ends_with_its_punctuation():
    text = ("THE ESSAY\n\n" + "\n\n".join([PARA] * 10) + "\n\nAs a poet says:\n\n"
            "\"The river runs under the hill.\nThe ferry waits, and no one comes\n"
            "To cross before the light is gone?\"\u00b9\n\n" + PARA + "\n\nFOOTNOTES:\n\n\u00b9 The poem's source.\n")
    doc, _ = read_text(text)
    assert any(q[0].startswith("\"The river runs") for q in quotes(doc))


def test_bracketed_marks_of_older_pg_texts_link_to_the_note_after_their_paragraph():
    # "[*]" in the text and "[*] …" after the paragraph: each note answers the mark before it
    text = ("THE ESSAY\n\n" + PARA + " A first claim.[*]\n\n[*] The first note.\n\n"
            + PARA + " A second claim.[*] And a third one.[\u2020]\n\n[*] The second note.\n\n[\u2020] The third note.\n\n"
            + PARA + "\n")
    doc, _ = read_text(text)
    assert [(doc.source.slice(a.span), a.n) for a in doc.anchors()] == [("[*]", 1), ("[*]", 2), ("[\u2020]", 3)]
    assert [n.label_text for n in doc.notes] == ["*", "*", "\u2020"]
    assert [doc.source.text[a.span.start - 10:a.span.start] for a in doc.anchors()] == [
        "rst claim.", "ond claim.", "third one."]


def test_bold_and_section_signs_are_no_marks():
    s = "some **bold** words"
    assert emphasis_closer(s, s.index("**", 7))
    doc, _ = read_text("THE ESSAY\n\n" + PARA + " Some **bold** words.\n\n** A line after it.\n\n"
                       "\u00a7 3 Of the laws, a section of the text.\n\n" + PARA + "\n")
    assert doc.notes == []


def test_superscript_anchors_answer_a_numbered_notes_list_under_notes():
    # a web copy: superscript anchors, the notes an ordered list "1. …" under "Notes"
    text = ("THE ESSAY\n\n" + PARA + " A claim.\u00b9\n\n" + PARA + " Another,\u00b2 here.\n\n"
            "Notes\n\n1. The first note.\n\n2. The second note.\n")
    doc, _ = read_text(text)
    assert links(doc) == [("\u00b9", "1"), ("\u00b2", "2")]
    assert doc.notes_heading is not None and doc.source.slice(doc.notes_heading.span) == "Notes"
