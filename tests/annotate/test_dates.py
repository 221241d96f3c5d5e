"""Dates: general rules on the corrected reading, nesting inside titles and citations."""

import pytest

from lefort_tei.annotate import annotate
from lefort_tei.annotate.dates import find_dates
from lefort_tei.model import DateRef


def _dates(text):
    return [(text[a:z], v) for a, z, v in find_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("as early as 1905 Stalin", [("1905", {"when": "1905"})]),
    ("in 1908-1911 and later", [("1908-1911", {"from_": "1908", "to": "1911"})]),
    ("the great period of 1923-7, was", [("1923-7", {"from_": "1923", "to": "1927"})]),
    ("Writings (1934-35)", [("1934-35", {"from_": "1934", "to": "1935"})]),
    ("The uprising of February 1917 suddenly", [("February 1917", {"when": "1917-02"})]),
    ("In November 1927, following", [("November 1927", {"when": "1927-11"})]),
    ("The Bulletin (Sept.-Oct. 1947), p. 30", [("Sept.-Oct. 1947", {"from_": "1947-09", "to": "1947-10"})]),
    ("New International (Nov. 1934).", [("Nov. 1934", {"when": "1934-11"})]),
    ("on 1 May 1924 he", [("1 May 1924", {"when": "1924-05-01"})]),
    ("see p. 1930 and pp. 1905-6", []),
    ("the 121, 999 and 2100 and 11905 and 1,905 and 1905.5", []),
    ("Stalin, p. 403. In 1917-16 there", [("1917", {"when": "1917"})]),
])
def test_find_dates(text, expected):
    assert _dates(text) == expected


def test_date_around_a_correction_uses_the_reading(make, spans_of):
    toml = '[[correction]]\nsic = "1 908"\ncorr = "1908"\ncontext = "in 1 908-1911"\n'
    doc, data = make("in the years of reaction, in 1 908-1911 and later.", toml)
    annotate(doc, data)
    ((printed, date),) = spans_of(doc, DateRef)
    assert (printed, date.from_, date.to) == ("1 908-1911", "1908", "1911")


def test_date_nests_inside_a_title(make, spans_of):
    toml = '[[title]]\ntext = "The Kronstadt Revolt of 1921"\nevery = true\n'
    doc, data = make("He read The Kronstadt Revolt of 1921 in 1950.", toml)
    annotate(doc, data)
    assert [p for p, _ in spans_of(doc, DateRef)] == ["1921", "1950"]


def test_date_that_would_cross_a_title_is_skipped(make, spans_of):
    toml = '[[title]]\ntext = "Report of 1923"\nevery = true\n'
    doc, data = make("The Report of 1923-7 was read.", toml)
    annotate(doc, data)
    assert spans_of(doc, DateRef) == []


def test_a_note_number_is_not_the_day_of_a_date(make, spans_of):
    doc, data = make("A sentence.(1)", "", ("May 1924, in Pravda.",))
    doc2, data2 = make("It was on 1 May 1924.", "")
    annotate(doc, data)
    annotate(doc2, data2)
    assert [(p, d.when) for p, d in spans_of(doc, DateRef)] == [("May 1924", "1924-05")]
    assert [(p, d.when) for p, d in spans_of(doc2, DateRef)] == [("1 May 1924", "1924-05-01")]


def test_a_note_anchor_is_never_the_day_of_a_date():
    # found by the property test: "',2" is note 2's anchor, then "February 1917"
    from lefort_tei.annotate import annotate
    from lefort_tei.data import EditorialData
    from lefort_tei.model import DateRef
    from tests.helpers import read_text

    doc, _ = read_text("The world',2 February 1917.\n\n1 One.\n\n2 Two.")
    annotate(doc, EditorialData())
    [date] = [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, DateRef)]
    assert (doc.source.slice(date.span), date.when) == ("February 1917", "1917-02")
