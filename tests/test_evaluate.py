"""The corpus scorer (``lefort_tei/evaluate.py``, ``lefort-tei eval``) on a tiny corpus written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.cli import main
from lefort_tei.evaluate import DiplomaticIndex, SourceIndex, score_corpus, squeeze

TEXT = """A Short Essay - Jane Roe

The first paragraph says something worth a note.(1) It goes on.

The second paragraph cites another book.(2)

1 A note.

2 Another note.
"""


def _corpus(tmp_path: Path, **extra) -> Path:
    (tmp_path / "essay.txt").write_text(TEXT, encoding="utf-8")
    items = [{"label": str(n), "before_anchor_20": TEXT[:TEXT.index(f"({n})")][-20:]} for n in (1, 2)]
    truth = {"headings": [{"text": "A Short Essay", "line": 1}],
             "notes": {"count": 2, "items": items}, "block_quotes": {"count": 0, "items": []},
             "boilerplate": [], "pages": {"count": 0}, "persons_sample": ["Jane Roe"], **extra}
    (tmp_path / "truth.json").write_text(json.dumps({"files": {"essay.txt": truth}}), encoding="utf-8")
    return tmp_path


def test_a_well_read_text_scores_full_marks(tmp_path):
    (fs,) = score_corpus(_corpus(tmp_path)).files
    assert fs.converted and fs.lossless and fs.valid
    assert (fs.notes.found, fs.notes.truth, fs.notes.right, fs.notes.predicted) == (2, 2, 2, 2)
    assert fs.note_count == (2, 2)
    assert (fs.headings.found, fs.headings.truth) == (1, 1)


def test_a_wrong_label_or_context_is_not_a_link(tmp_path):
    items = [{"label": "2", "before_anchor_20": TEXT[:TEXT.index("(1)")][-20:]},  # right place, wrong note
             {"label": "1", "before_anchor_20": "nowhere in the text!"}]
    (fs,) = score_corpus(_corpus(tmp_path, notes={"count": 2, "items": items})).files
    assert (fs.notes.found, fs.notes.right, fs.notes.predicted) == (0, 0, 2)
    assert fs.notes.recall == 0.0 and fs.notes.precision == 0.0


def test_boilerplate_and_quotations_missed_are_counted(tmp_path):
    (fs,) = score_corpus(_corpus(tmp_path, boilerplate=[{"kind": "x", "lines": [5, 5]}],
                                 block_quotes={"count": 1, "items": [{"line": 5, "first30": "The second paragraph"}]})).files
    assert (fs.boilerplate.found, fs.boilerplate.truth) == (0, 1)
    assert (fs.quotes.found, fs.quotes.truth, fs.quotes.predicted) == (0, 1, 0)


def test_the_diplomatic_index_skips_corrections_and_places_elements():
    tei = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>A <choice><sic>Wrotsky</sic>'
        '<corr>Trotsky</corr></choice> line.</p><p>Two</p></body></text></TEI>')
    index = DiplomaticIndex(tei)
    assert index.text == "AWrotskyline.Two"
    second = tei.findall(".//{http://www.tei-c.org/ns/1.0}p")[1]
    assert index.span(second) == (13, 16)
    source = SourceIndex("A Wrotsky\nline.\n\nTwo\n")
    assert source.text == index.text and source.lines(4, 4) == (13, 16)
    assert squeeze(" a\u00a0b\n") == "ab"


def test_the_command_prints_a_table_and_exits_0(tmp_path, capsys):
    assert main(["eval", str(_corpus(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("| file |") and "| **total** |" in out


def test_the_command_wants_a_truth_file(tmp_path, capsys):
    assert main(["eval", str(tmp_path)]) == 2
    assert "no truth.json" in capsys.readouterr().err


def test_an_unnumbered_inline_note_is_found_by_its_place(tmp_path):
    text = "A Title\n\nSome words here [Footnote: an inline note.] and more.\n"
    (tmp_path / "inline.txt").write_text(text, encoding="utf-8")
    truth = {"headings": [], "notes": {"count": 1, "items": [
        {"label": "(unnumbered 1)", "before_anchor_20": text[:text.index("[Footnote")][-20:]}]},
        "block_quotes": {"count": 0, "items": []}, "boilerplate": [], "pages": {"count": 0}}
    (tmp_path / "truth.json").write_text(json.dumps({"files": {"inline.txt": truth}}), encoding="utf-8")
    (fs,) = score_corpus(tmp_path).files
    assert (fs.notes.found, fs.notes.truth) == (1, 1)


def test_a_sampled_truth_scores_precision_on_its_pages_only(tmp_path):
    # the truth lists every note of page 2 only (by the note's first words): anchors on the other
    # pages are neither right nor wrong; on page 2 a note with no anchor counts against precision
    def page(n, word):
        return (f"\f\n## p. {n} (#{n + 1}) ##################################################\n\n"
                f"T H E B O O K O F P A G E S {n}\nThe writer asks that the names of the {word} persons\" be sent "
                "to the\nPresident at once, with the letter of the Governor of the place and\nthe papers that "
                f"came with it by the mail of the week before last.\n* The {word} persons, all from the town, "
                "were recommended for the offices of the territory.\n")
    dump = "Downloaded from a digital library\n" + page(1, "first") + page(2, "second") + page(3, "third")
    (tmp_path / "dump.txt").write_text(dump, encoding="utf-8")
    truth = {"headings": [], "notes": {"count": 3, "items_exact_pp3_5": [
        {"page": "2", "before_anchor_20": "of the second persons", "note_first30": "* The second persons, all"}]},
        "block_quotes": {"count": 0, "items": []}, "boilerplate": [], "pages": {"count": 3}}
    (tmp_path / "truth.json").write_text(json.dumps({"files": {"dump.txt": truth}}), encoding="utf-8")
    (fs,) = score_corpus(tmp_path).files
    assert fs.note_count[0] == 3
    assert (fs.notes.found, fs.notes.truth, fs.notes.right, fs.notes.predicted) == (1, 1, 1, 1)


def test_the_title_page_is_scored_as_the_title_and_a_notes_heading_as_a_heading(tmp_path):
    text = ("THE BOOK OF DAYS\n\nBy Ada Roe\n\n" + "A paragraph of running text, long enough to be prose, "
            "with a note.(1) " * 3 + "\n\nNotes\n\n1 A note.\n")
    (tmp_path / "book.txt").write_text(text, encoding="utf-8")
    base = {"notes": {"count": 1, "items": []}, "block_quotes": {"count": 0, "items": []},
            "boilerplate": [], "pages": {"count": 0}, "persons_sample": []}

    def score(**truth):
        (tmp_path / "truth.json").write_text(json.dumps({"files": {"book.txt": {**base, **truth}}}), encoding="utf-8")
        (fs,) = score_corpus(tmp_path).files
        return fs.headings.found, fs.headings.truth, fs.headings.right, fs.headings.predicted

    # the docTitle is the title, not a heading the truth does not list; "Notes" is a heading as printed
    assert score(title="THE BOOK OF DAYS", title_block={"lines": [1, 3]},
                 headings=[{"text": "Notes", "line": 7}]) == (1, 1, 1, 1)
    # where the truth lists the title line as a heading, the docTitle is matched to it
    assert score(title="THE BOOK OF DAYS", title_block={"lines": [1, 3]},
                 headings=[{"text": "THE BOOK OF DAYS", "line": 1}, {"text": "Notes", "line": 7}]) == (2, 2, 2, 2)
    # with no title in the truth the docTitle is a heading like any other
    assert score(headings=[{"text": "Notes", "line": 7}]) == (1, 1, 1, 2)


def test_a_truth_bound_to_some_divisions_scores_quotation_precision_there_only(tmp_path):
    # the truth lists the quotations of Chapter I only ("count_is"): the indented verse of the
    # appendix is neither right nor wrong; inside Chapter I a false quotation still counts against
    long = "This paragraph of plain prose runs on long enough to be a paragraph of the body text."
    text = (f"CHAPTER I\n\n{long}\n\n    Sing a song of sixpence,\n    A pocket full of rye.\n\n{long}\n\n"
            f"    A second verse, quoted too,\n    And set off by its indent.\n\n{long}\n\n"
            f"APPENDIX\n\n{long}\n\n    Lavender blue, dilly dilly,\n    Lavender green.\n\n{long}\n")
    (tmp_path / "songs.txt").write_text(text, encoding="utf-8")
    lines = text.split("\n")
    item = {"line": lines.index("    Sing a song of sixpence,") + 1, "first30": "Sing a song of sixpence,"}
    heads = [{"text": "CHAPTER I", "line": 1}, {"text": "APPENDIX", "line": lines.index("APPENDIX") + 1}]

    def score(**quotes):
        truth = {"headings": heads, "notes": {"count": 0, "items": []}, "boilerplate": [], "pages": {"count": 0},
                 "block_quotes": {"count": 1, "items": [item], **quotes}}
        (tmp_path / "truth.json").write_text(json.dumps({"files": {"songs.txt": truth}}), encoding="utf-8")
        (fs,) = score_corpus(tmp_path).files
        return fs.quotes.found, fs.quotes.right, fs.quotes.predicted

    assert score() == (1, 1, 3)  # a whole truth: both other quotations count against precision
    assert score(count_is="exact for the rule, in Chapter I") == (1, 1, 2)  # the appendix is out of its scope
