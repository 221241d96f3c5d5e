"""Notes and anchors decided jointly (issue 10): inline enumerations, page-foot notes of a page dump,
restarts, numbered paragraphs, and the layout report. Fixtures written here, not corpus texts."""

from __future__ import annotations

from lefort_tei.read.rules.notes import enumeration_markers
from tests.helpers import read_text

PARA = ("This paragraph is running text long enough to be read as prose by the reader, with more "
        "than twenty-five words in it so that nothing mistakes it for a title line or a heading.")

SEP = "-----File: {:03d}.png---------------------------------------------------------\n"


def links(doc) -> list[tuple[str, str]]:
    """(anchor as printed, label of the note it links to)."""
    by_n = {n.n: n.label_text or str(n.n) for n in doc.notes}
    return [(doc.source.slice(a.span), by_n[a.n]) for a in doc.anchors()]


# ------------------------------------------------------------------ inline enumerations

ENUMERATION = ("Footnotes are of four kinds: (1) explanations of the background, (2) identifications of "
               "persons, (3) location of documents, and (4) cross references.")


def test_an_enumeration_counted_from_1_is_no_anchor_evidence():
    # the numbered paragraphs after it are numbered paragraphs: nothing points to them
    text = (ENUMERATION + "\n\n" + PARA + "\n\n1. The first control is fiscal.\n\n2. The second control.\n\n"
            "3. The third control.\n\n4. The fourth control.\n")
    doc, _ = read_text(text)
    assert doc.notes == [] and list(doc.anchors()) == []


def test_an_enumeration_is_not_linked_when_real_notes_exist():
    text = (ENUMERATION + " A claim.(1) Another claim.(2)\n\n" + PARA + "\n\n1 A note.\n\n2 Another note.\n")
    doc, _ = read_text(text)
    assert links(doc) == [("(1)", "1"), ("(2)", "2")]
    assert [doc.source.text[a.span.start - 7:a.span.start] for a in doc.anchors()] == [" claim.", " claim."]


def test_enumeration_markers_rule():
    def marks(s):
        import re
        return sorted(s[a:a + 3] + "@" + str(a) for a in enumeration_markers(
            s, [(m.start(), m.end(), int(m[1])) for m in re.finditer(r"\((\d)\)", s)]))
    assert len(marks(ENUMERATION)) == 4
    assert marks("A (1) b.(2) c (3).") == []  # anchors close a phrase: "(3)." opens no item
    assert marks("kinds (1) one, (2) two.") == []  # two items are too few to tell ...
    assert len(marks("kinds: (1) one, (2) two.")) == 2  # ... unless a colon introduces them
    assert len(marks("by this only: (1) In the one case they act.  (2) In the other they wait.")) == 2
    assert marks("he wrote:(1) and (2) then") == []  # "(1)" closes the phrase: no item opens after it
    assert marks("power', (31) and that; he, (32) shows, (33) but he") == []  # not counted from 1
    assert marks("said (1) this and (2) that and (3) more") == []  # no separators: anchors after words


# ------------------------------------------------------------------ page dumps

def test_a_page_foot_note_does_not_swallow_the_next_page():
    text = (SEP.format(1) + "A first page.\n\n" + SEP.format(2) + "\nThe text runs on a word[1] and\ngoes on\n\n"
            "[Footnote 1: The first page's note.]\n" + SEP.format(3) + "to the next page and more.[1]\n\n"
            "[Footnote 1: The second page's note.]\n" + SEP.format(4) + "\nThe end.\n")
    doc, _ = read_text(text)
    assert [doc.source.slice(n.blocks[0].span) for n in doc.notes] == [
        "[Footnote 1: The first page's note.]", "[Footnote 1: The second page's note.]"]
    assert [doc.source.text[a.span.start - 5:a.span.start] for a in doc.anchors()] == [" word", "more."]
    assert [a.n for a in doc.anchors()] == [n.n for n in doc.notes]


def test_a_restarted_note_links_to_the_nearest_anchor_before_it():
    # the first "[1]" has no note (the proofreaders found none); the second page's note takes the
    # anchor on its own page, not the earlier one
    text = (SEP.format(1) + "\nA word[1] with no note.\n\n" + PARA + "\n" + SEP.format(2) + "\nA name[1] here.\n\n"
            "[Footnote 1: The note of the name.]\n" + SEP.format(3) + "\nThe end.\n")
    doc, _ = read_text(text)
    assert [doc.source.text[a.span.start - 4:a.span.start] for a in doc.anchors()] == ["name"]


def test_the_layout_report_counts_page_foot_notes_and_pages():
    from tests.read.test_footnotes import DUMP
    doc, diags = read_text(DUMP)
    (report,) = [d.message for d in diags if d.code == "layout"]
    assert doc.layout["page-foot notes"] > 0 and doc.layout["pages"] > 1
    assert f"{doc.layout['pages']} pages" in report
    assert (f"{doc.layout['page-foot notes']} notes at the foot of pages "
            f"({doc.layout['page-foot anchors']} linked") in report
    assert "boilerplate set apart: header" in report  # the download header the page reader set apart


# ------------------------------------------------------------------ restarts

def test_a_group_numbered_below_the_one_before_links_in_its_own_region():
    # found by the property test: "2. …" then "1 …": one run through the text would link the "²"
    # printed after both to note 2, and the anchors would not come in note order (anchor-order)
    doc, _ = read_text("\u00b2\n\n2. Development\n\n1 (1)\n\n1 0\n\n0 \u00b2")
    order = [a.n for a in doc.anchors()]
    notes = [n.n for n in doc.notes]
    assert order == sorted(order, key=notes.index)


# ------------------------------------------------------------------ inline notes

def test_an_inline_note_over_two_paragraphs_is_one_note_in_one_paragraph():
    from lefort_tei.model import InlineNote
    text = (PARA + "\n\nThe art of the legislator. [Footnote: The savage and\nthe illiterate.\n\n"
            "This is the source [sic] of it.] And the text goes on.\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    (note,) = [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, InlineNote)]
    assert doc.source.slice(note.span) == "[Footnote: The savage and\nthe illiterate.\n\nThis is the source [sic] of it.]"
    assert len(list(doc.paragraphs())) == 3


def test_an_inline_note_never_closed_joins_nothing():
    text = PARA + "\n\n" + PARA + " [Footnote: left open\n\n" + "\n\n".join([PARA] * 14) + "\n"
    doc, _ = read_text(text)
    assert len(list(doc.paragraphs())) == 16


# ------------------------------------------------------------------ numbered paragraphs

def numbers(doc) -> list[tuple[str, str]]:
    return [(p.n, doc.source.slice(p.span)[:6]) for p in doc.paragraphs() if p.n]


def test_numbered_paragraphs_with_no_anchor_are_p_with_n():
    text = (PARA + "\n\n1. The first control is fiscal, and the editor must remind himself of it.\n\n"
            "2. A second control requires the exclusion of papers already printed.\n\n" + PARA + "\n\n"
            "3. A third control excludes trivial papers.\n\n" + PARA + "\n")
    doc, diags = read_text(text)
    assert doc.notes == []
    assert numbers(doc) == [("1", "1. The"), ("2", "2. A s"), ("3", "3. A t")]
    (report,) = [d.message for d in diags if d.code == "layout"]
    assert "3 numbered paragraphs" in report


def test_a_paragraph_that_opens_with_a_number_numbers_nothing():
    text = PARA + "\n\n12 men came to the meeting, and 3 of them spoke.\n\n13 more came later that evening.\n\n" + PARA
    doc, _ = read_text(text)
    assert numbers(doc) == []  # two numbers not counted from 1 are no run


def test_numbered_paragraphs_are_encoded_as_p_n_and_stay_lossless():
    from lefort_tei.encode import encode
    from lefort_tei.plaintext import fold_whitespace, view_text
    from lefort_tei.validate import validate_bytes
    text = PARA + "\n\n(1) The first point, made at length.\n\n(2) The second point, made at length.\n"
    doc, _ = read_text(text)
    encoded = encode(doc)
    ps = [p for p in encoded.root.iter("{http://www.tei-c.org/ns/1.0}p") if p.get("n")]
    assert [(p.get("n"), p.text[:3]) for p in ps] == [("1", "(1)"), ("2", "(2)")]
    assert fold_whitespace(view_text(encoded.root, "diplomatic")) == fold_whitespace(doc.source.text)
    assert [d for d in validate_bytes(encoded.data, "t.xml") if d.level == "error"] == []


# ------------------------------------------------------------------ light markup (rules/markup.py)

def _edition(text):
    from lefort_tei.encode import encode
    from lefort_tei.plaintext import view_text
    doc, _ = read_text(text)
    root = encode(doc).root
    return doc, root, view_text(root, "diplomatic"), view_text(root, "reading")


def test_rest_roles_are_hi_with_their_characters_as_markup():
    text = PARA + "\n\nHe wrote :t:`Realities of War`, :emphasis:`twice`, x\\ :sup:`2` and :unknown:`y`.\n"
    doc, root, diplomatic, reading = _edition(text)
    his = [(h.get("rend"), "".join(h.itertext())) for h in root.iter("{http://www.tei-c.org/ns/1.0}hi")]
    assert his == [("italic", ":t:`Realities of War`"), ("italic", ":emphasis:`twice`"), ("superscript", ":sup:`2`")]
    assert diplomatic.strip().endswith(text.split("\n\n")[1].strip())
    assert "He wrote Realities of War, twice, x\\ 2 and :unknown:`y`." in reading  # an unknown role stays text


def test_character_references_read_as_their_character():
    text = PARA + "\n\nAT&amp;T &mdash; then&#8212;now &#x2014; &bogus; &#1; end.\n"
    doc, root, diplomatic, reading = _edition(text)
    regs = [r.text for r in root.iter("{http://www.tei-c.org/ns/1.0}reg") if r.get("type") == "entity"]
    assert regs == ["&", "\u2014", "\u2014", "\u2014"]
    assert "AT&amp;T &mdash; then&#8212;now &#x2014; &bogus; &#1; end." in diplomatic
    assert "AT&T \u2014 then\u2014now \u2014 &bogus; &#1; end." in reading  # unknown names, controls: text


def test_backslash_escapes_read_as_the_escaped_character_and_open_no_emphasis():
    text = PARA + "\n\nGod\\'s \\*not emphasis\\* and \\_not either\\_ but _this_.\n"
    doc, root, diplomatic, reading = _edition(text)
    cs = [c.text for c in root.iter("{http://www.tei-c.org/ns/1.0}c")]
    assert cs == ["\\"] * 5 + ["_", "_"]
    assert "God's *not emphasis* and _not either_ but this." in reading
    assert "God\\'s \\*not emphasis\\* and \\_not either\\_ but _this_." in diplomatic


def test_light_markup_editions_are_valid():
    from lefort_tei.encode import encode
    from lefort_tei.validate import validate_bytes
    doc, _ = read_text(PARA + "\n\n:strong:`A` &amp; B\\* :sub:`2` _c_ &#8212;\n")
    data = encode(doc).data
    assert [d.format() for d in validate_bytes(data, "t.xml") if d.level == "error"] == []


# ------------------------------------------------------------------ numbered lists (rules/lists.py)

LIST = ("The papers herewith furnished you are,\n1. a Certificate of your appointment.\n"
        "2. A Commission authorizing you to demand the Archives\n3. The order to the Governor, with a\n"
        "letter to him from the Minister here.")


def test_numbered_lines_inside_a_paragraph_are_a_list():
    from lefort_tei.model import NumberedList
    doc, _ = read_text(PARA + "\n\n" + LIST + "\n\n" + PARA + "\n")
    (found,) = [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, NumberedList)]
    items = [(n, doc.source.slice(span)) for span, n in found.items]
    assert items == [("1", "1. a Certificate of your appointment."),
                     ("2", "2. A Commission authorizing you to demand the Archives"),
                     ("3", "3. The order to the Governor, with a\nletter to him from the Minister here.")]
    assert doc.layout["numbered lists"] == 1


def test_a_list_is_list_item_n_in_the_paragraph_valid_and_lossless():
    from lefort_tei.encode import encode
    from lefort_tei.plaintext import fold_whitespace, view_text
    from lefort_tei.validate import validate_bytes
    doc, _ = read_text(PARA + "\n\n" + LIST + "\n")
    encoded = encode(doc)
    (lst,) = encoded.root.iter("{http://www.tei-c.org/ns/1.0}list")
    assert lst.get("type") == "ordered" and lst.getparent().tag.endswith("}p")
    assert [i.get("n") for i in lst] == ["1", "2", "3"]
    assert fold_whitespace(view_text(encoded.root, "diplomatic")) == fold_whitespace(doc.source.text)
    assert [d for d in validate_bytes(encoded.data, "t.xml") if d.level == "error"] == []


def test_no_list_from_one_number_a_list_not_from_1_or_a_span_cut_by_it():
    from lefort_tei.model import NumberedList

    def lists(text):
        doc, _ = read_text(PARA + "\n\n" + text + "\n")
        return [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, NumberedList)]
    assert lists("The year was long,\n1. one thing only happened in it and nothing else.") == []
    assert lists("The items were,\n2. the second\n3. the third") == []
    assert lists("Mixed styles,\n1. one\n2) two") == []
    # an inline note over two items: a list would cut it
    assert lists("Items,\n1. one [Footnote: a note\n2. that runs on] and\n3. three") == []


# ------------------------------------------------------------------ raw OCR and weak evidence

def _hathi_page(n: int, body: str) -> str:
    return f"\f\n## p. {n} (#{n + 1}) ##################################################\n\n{body}\n"


def test_raw_ocr_numbered_lines_open_numbered_paragraphs():
    body = ("These principles of selection have never been seriously modified and have never been\n"
            "ignored by anyone who has had the task of choosing what to print in the volumes.\n"
            "1. The sternest of the controls in question is fiscal: with a limited supply of\n"
            "funds available the Editor has had to remind himself of economy of space and time.\n"
            "2. A second control requires the general exclusion of papers previously edited and\n"
            "published in good form, their citation being sufficient for the purposes of the work.")
    text = "Downloaded from a library\n" + _hathi_page(1, body) + _hathi_page(2, body.replace("1. ", "one ")) + \
        _hathi_page(3, "The end of the text, on a page of its own with more words in it than a line.")
    doc, _ = read_text(text)
    assert [p.n for p in doc.paragraphs() if p.n][:2] == ["1", "2"]
    assert doc.notes == []


def test_one_stray_anchor_makes_no_notes_of_two_numbered_blocks_in_the_body():
    text = (PARA + " It has two sides, and (2) the other one.\n\n" + PARA + "\n\n"
            "2. As Governor of the whole territory.\n\n3. As Commissioner with special powers.\n\n" + PARA + "\n")
    doc, _ = read_text(text)
    assert doc.notes == [] and [p.n for p in doc.paragraphs() if p.n] == []  # "2." "3.": not from 1, too few


def test_one_anchored_number_answers_two_labels_at_the_text_end():
    # the OCR lost one marker: labels closing the text are notes all the same
    doc, _ = read_text(PARA + " A claim.(2)\n\n" + PARA + "\n\n1 One note.\n\n2 Two notes.\n")
    assert [n.n for n in doc.notes] == [1, 2] and [a.n for a in doc.anchors()] == [2]


def test_an_emphasis_holds_no_inline_note():
    # found by the fuzz test: "_[Footnote 1: a note.]continued_" gave a note inside hi (invalid)
    from lefort_tei.model import Emphasis, InlineNote
    doc, _ = read_text(PARA + "\n\nIV. Various (_[Footnote 1: a note.]continued_) and _this_.\n")
    kinds = sorted((type(i).__name__, doc.source.slice(i.span)) for p in doc.paragraphs() for i in p.inlines
                   if isinstance(i, (Emphasis, InlineNote)))
    assert kinds == [("Emphasis", "_this_"), ("InlineNote", "[Footnote 1: a note.]")]
