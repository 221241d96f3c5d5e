"""Block rules on tiny inputs: front matter, headings, notes in several styles, no notes."""

import pytest

from lefort_tei.read.blocks import split_blocks
from tests.helpers import read_text

ESSAY = """Title of It - Jane Roe

(Translated from SOMEWHERE, 1 (1950))

First paragraph of the essay, long enough to be a paragraph and not a heading.(1)

A Heading in Title Case

Second paragraph.(2)

1 First note.

2 Second note.
"""


def test_split_blocks_spans_exclude_surrounding_white_space():
    text = "  one\ntwo  \n\n\n three\n"
    spans = split_blocks(text)
    assert [text[s.start:s.end] for s in spans] == ["one\ntwo", "three"]


def test_split_blocks_one_line_per_block_without_blank_lines():
    text = "First line.\nSecond line.\nThird line."
    assert [text[s.start:s.end] for s in split_blocks(text)] == ["First line.", "Second line.", "Third line."]


def test_front_heading_and_notes():
    doc, diags = read_text(ESSAY)
    src = doc.source
    assert src.slice(doc.front.title) == "Title of It"
    assert src.slice(doc.front.author) == "Jane Roe"
    assert len(doc.front.provenance) == 1 and doc.front.argument == []
    assert [s.heading and src.slice(s.heading.span) for s in doc.sections] == [None, "A Heading in Title Case"]
    assert [n.n for n in doc.notes] == [1, 2]
    assert not [d for d in diags if d.level == "warning"]


@pytest.mark.parametrize("label", ["{n} ", "{n}. ", "[{n}] ", "({n}) "])
def test_note_label_styles(label):
    notes = "\n\n".join(label.format(n=n) + f"Note number {n}." for n in (1, 2, 3))
    text = f"An essay - A. Author\n\nBody text (1) and (2) and (3).\n\n{notes}\n"
    doc, _ = read_text(text)
    assert [n.n for n in doc.notes] == [1, 2, 3]
    assert len(list(doc.anchors())) == 3


def test_continuation_paragraphs_belong_to_the_previous_note():
    text = "Body (1) and (2).\n\n1 First note.\n\nIts second paragraph.\n\n2 Second note."
    doc, _ = read_text(text)
    assert [len(n.blocks) for n in doc.notes] == [2, 1]


def test_text_without_notes_has_a_body_only():
    doc, diags = read_text("Just a paragraph of text.\n\nAnd another one (1) with a stray number.\n")
    assert doc.notes == [] and list(doc.anchors()) == []
    assert sum(len(s.blocks) for s in doc.sections) == 2


def test_numbered_headings_are_not_notes():
    text = ("An essay - A. Author\n\n1. Introduction\n\nSome text here that is a paragraph.\n\n"
            "2. Development\n\nMore text that is a paragraph as well.\n")
    doc, _ = read_text(text)
    assert doc.notes == []
    assert [doc.source.slice(s.heading.span) for s in doc.sections if s.heading] == ["1. Introduction", "2. Development"]


def test_a_heading_right_after_a_colon_is_a_quotation_not_a_heading():
    text = "He wrote:\n\nShort Quoted Line Without Stop\n\nThen the text goes on."
    doc, _ = read_text(text)
    assert all(s.heading is None for s in doc.sections)


def test_notes_heading_is_recognised():
    text = "Body (1).\n\nNotes\n\n1 The note."
    doc, _ = read_text(text)
    assert doc.notes_heading is not None and doc.source.slice(doc.notes_heading.span) == "Notes"
    assert len(doc.sections) == 1


def test_single_block_text_is_body_not_title():
    doc, _ = read_text("Only One Line")
    assert doc.front is None and len(doc.sections) == 1


def test_front_blocks_from_data():
    text = "A Title - An Author\n\nA blurb that the rules would not take.\n\nBody paragraph here."
    doc, _ = read_text(text, "[front]\nblocks = 1\n")
    assert [doc.source.slice(p.span)[:7] for p in doc.front.argument] == ["A blurb"]


def test_front_blocks_from_data_keep_every_block():
    # found by the documented example: with blocks = 3 a third front block was dropped (lossy)
    text = ("A Title - An Author\n\nA blurb.\n\n(Translated from X, 1950)\n\nA second blurb.\n\n"
            "(Translated again, 1960)\n\nBody paragraph here.")
    doc, _ = read_text(text, "[front]\nblocks = 4\n")
    src = doc.source
    assert [src.slice(p.span)[:10] for p in doc.front.argument] == ["A blurb."]
    assert [src.slice(p.span)[:16] for p in doc.front.provenance] == [
        "(Translated from", "A second blurb.", "(Translated agai"]  # the source's order
    assert [src.slice(p.span) for s in doc.sections for p in s.blocks] == ["Body paragraph here."]
