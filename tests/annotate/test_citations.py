"""Citations in notes: marking (general rules), resolving (cited_as, Ibid.), quotation sources."""

import pytest

from lefort_tei.annotate import annotate
from lefort_tei.annotate.citations import mark_citations
from lefort_tei.data import EditorialData
from lefort_tei.model import BlockQuote, Citation


def _marked(text):
    return [(text[m.start:m.end], text[slice(*m.work_part)], text[m.pages[0]:m.pages[1]] if m.pages else None,
             m.pages[2:] if m.pages else None, m.ibid, m.secondary) for m in mark_citations(text)]


@pytest.mark.parametrize("text, expected", [
    ("Leon Trotsky, Stalin, trans. Charles Malamuth (London: Hollis and Carter, 1947), p. 64.",
     [("Leon Trotsky, Stalin, trans. Charles Malamuth (London: Hollis and Carter, 1947), p. 64",
       "Leon Trotsky, Stalin, trans. Charles Malamuth (London: Hollis and Carter, 1947)", "p. 64", ("64", "64"),
       False, "")]),
    ("Ibid., p. 18.", [("Ibid., p. 18", "Ibid.", "p. 18", ("18", "18"), True, "")]),
    ("Trotsky, Stalin, pp. 403-4. (Here, and in what follows, the emphasis is Lefort's.)",
     [("Trotsky, Stalin, pp. 403-4", "Trotsky, Stalin", "pp. 403-4", ("403", "404"), False, "")]),
    ("Trotsky, Stalin, p. xv.", [("Trotsky, Stalin, p. xv", "Trotsky, Stalin", "p. xv", ("xv", "xv"), False, "")]),
    ("Boris Souvarine, Stalin, trans. C. L. R. James (London: Secker and Warburg, 1939).",
     [("Boris Souvarine, Stalin, trans. C. L. R. James (London: Secker and Warburg, 1939)",
       "Boris Souvarine, Stalin, trans. C. L. R. James", None, None, False, "")]),
    ("New International (Nov. 1934).", [("New International (Nov. 1934)", "New International", None, None, False, "")]),
    ("Quoted by Souvarine, Stalin, p. 455.",
     [("Quoted by Souvarine, Stalin, p. 455", "Quoted by Souvarine, Stalin", "p. 455", ("455", "455"), False,
       "Quoted by Souvarine, Stalin")]),
    ("The work, it is true, was left unfinished, but he says so in the Introduction.", []),
    ("As far as the repression of the movements is concerned, see especially the testimony of Ciliga, analysed "
     "in my book (Paris: Gallimard, 1979), pp. 145 ff.", []),
    ("He writes: 'the surplus product of national labour.' (Stalin, p. 397)",
     [("Stalin, p. 397", "Stalin", "p. 397", ("397", "397"), False, "")]),
    ("'La Société c'est moi' [I am Society]. (Stalin, p. 421: Lefort's emphasis)",
     [("Stalin, p. 421", "Stalin", "p. 421", ("421", "421"), False, "")]),
    ("is a quotation. (quoted in Political Correspondence)",
     [("quoted in Political Correspondence", "quoted in Political Correspondence", None, None, False,
       "quoted in Political Correspondence")]),
])
def test_mark(text, expected):
    assert _marked(text) == expected


WORKS = '''
[[person]]
id = "trotsky"
name = "Leon Trotsky"
forms = ["Leon Trotsky", "Trotsky"]

[[work]]
id = "trotsky-stalin"
title = "Stalin"
author = "trotsky"
cited_as = ["Leon Trotsky, Stalin", "Trotsky, Stalin", "Stalin"]

[[work]]
id = "stalin-october"
title = "October and the Permanent Revolution"
cited_as = ["Stalin, October and the Permanent Revolution"]
'''

BODY = ("It was said:\n\nnot with the aid of personal qualities, but took possession of it.(1)\n\n"
        "Then (2) and (3) and (4) and (5).")
NOTES = ("Leon Trotsky, Stalin (London: Hollis, 1947), p. 64.", "Ibid., p. 18.",
         "Stalin, October and the Permanent Revolution (October 1924).", "Ibid.", "Quoted by Trotsky, Stalin, p. 9.")


def test_resolve_cited_as_longest_earliest_and_ibid(make):
    doc, data = make(BODY, WORKS, NOTES)
    annotate(doc, data)
    cits = [i for n in doc.notes for b in n.blocks for i in b.inlines if isinstance(i, Citation)]
    assert [(c.id, c.work, c.page_from, c.page_to, bool(c.secondary)) for c in cits] == [
        ("note1-bibl", "trotsky-stalin", "64", "64", False),
        ("note2-bibl", "trotsky-stalin", "18", "18", False),
        ("note3-bibl", "stalin-october", None, None, False),
        ("note4-bibl", "stalin-october", None, None, False),
        ("note5-bibl", "trotsky-stalin", "9", "9", True),
    ]
    assert doc.source.slice(cits[0].work_span) == "Leon Trotsky, Stalin"
    assert doc.source.slice(cits[1].work_span) == "Ibid."
    assert [w.id for w in doc.works] == ["trotsky-stalin", "stalin-october"]


def test_quotation_source_through_its_note(make):
    doc, data = make(BODY, WORKS, NOTES)
    annotate(doc, data)
    (quote,) = [b for b in doc.sections[0].blocks if isinstance(b, BlockQuote)]
    assert (quote.source_note, quote.source) == (1, "note1-bibl")


def test_without_data_citations_are_marked_without_work(make):
    doc, data = make(BODY, "", NOTES)
    diags = annotate(doc, data)
    cits = [i for n in doc.notes for b in n.blocks for i in b.inlines if isinstance(i, Citation)]
    assert [c.id for c in cits] == ["note1-bibl", "note2-bibl", "note3-bibl", "note4-bibl", "note5-bibl"]
    assert all(c.work is None and c.work_span is None for c in cits)
    assert not [d for d in diags if d.code == "ibid-unresolved"]


def test_ibid_with_nothing_before_is_a_warning(make):
    doc, data = make("A sentence.(1)", "", ("Ibid., p. 3.",))
    diags = annotate(doc, data)
    assert [d.code for d in diags if d.code == "ibid-unresolved"] == ["ibid-unresolved"]


def test_a_note_without_a_citation_is_taken_as_the_quotations_source(make):
    doc, data = make("It was said:\n\nnot with the aid of personal qualities, but took it.(1)", "",
                     ("The work, it is true, was left unfinished.",))
    diags = annotate(doc, data)
    [quote] = [b for b in doc.sections[0].blocks if isinstance(b, BlockQuote)]
    [cited] = [i for i in doc.notes[0].blocks[0].inlines if isinstance(i, Citation)]
    assert quote.source == cited.id == "note1-bibl"
    assert doc.source.slice(cited.span) == "The work, it is true, was left unfinished"
    assert [d.code for d in diags if d.code.startswith("quote-")] == ["quote-source-note"]


def test_a_quotation_with_no_note_at_all_is_unsourced():
    from tests.helpers import read_text

    doc, _ = read_text("Intro.\n\nNone of us desires this.\n\nMore text.", '[[quote]]\nstarts = "None of us"\n')
    diags = annotate(doc, EditorialData())
    assert [d.code for d in diags if d.code.startswith("quote-")] == ["quote-unsourced"]
