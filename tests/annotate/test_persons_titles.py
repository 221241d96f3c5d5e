"""Titles, then persons, matched on the corrected reading; spans in source offsets."""

import pytest

from lefort_tei.annotate.corrections import annotate_corrections
from lefort_tei.annotate.persons import annotate_persons
from lefort_tei.annotate.titles import annotate_titles
from lefort_tei.model import Correction, PersonRef, TitleRef

REGISTER = '''
[[correction]]
sic = "Wrotsky"
corr = "Trotsky"
every = true

[[correction]]
sic = "]3oris"
corr = "Boris"
every = true

[[correction]]
sic = "H.Carr"
corr = "H. Carr"
every = true

[[person]]
id = "trotsky"
name = "Leon Trotsky"
forms = ["Leon Trotsky", "Trotsky"]

[[person]]
id = "souvarine"
name = "Boris Souvarine"
forms = ["Boris Souvarine", "Souvarine"]

[[person]]
id = "stalin"
name = "Joseph Stalin"
forms = ["Stalin"]

[[person]]
id = "lenin"
name = "Vladimir Lenin"
forms = ["Lenin"]

[[person]]
id = "carr"
name = "E. H. Carr"
forms = ["E. H. Carr"]

[[title]]
text = "Since Lenin Died"
every = true
'''
HIS_STALIN = '''
[[title]]
text = "Stalin"
context = "his Stalin, we"
'''
NOT_PERSON = '''
[[not_person]]
context = "the Stalin bureaucracy"
form = "Stalin"
'''


def run(doc, data):
    return annotate_corrections(doc, data) + annotate_titles(doc, data) + annotate_persons(doc, data)


@pytest.mark.parametrize("body, extra, expected", [
    ("In his thesis Wrotsky used it.", "", [("Wrotsky", "trotsky")]),
    ("In 1935 ]3oris Souvarine wrote.", "", [("]3oris Souvarine", "souvarine")]),
    ("See E. H.Carr on this.", "", [("E. H.Carr", "carr")]),
    ("Leon Trotsky met Trotsky's friends.", "", [("Leon Trotsky", "trotsky"), ("Trotsky", "trotsky")]),
    ("Stalinism, Trotskyist and Leninist words.", "", []),
    ("When we open his Stalin, we see Stalin.", HIS_STALIN, [("Stalin", "stalin")]),
    ("In Since Lenin Died, Lenin is dead.", "", [("Lenin", "lenin")]),
    ("Against the Stalin bureaucracy and Stalin.", NOT_PERSON, [("Stalin", "stalin")]),
])
def test_person_mentions(make, spans_of, body, extra, expected):
    doc, data = make(body, REGISTER + extra)
    run(doc, data)
    got = [(printed, p.ref) for printed, p in spans_of(doc, PersonRef) if p.span.start >= 23]
    assert got == expected


def test_possessive_stays_outside_the_span(make, spans_of):
    doc, data = make("Trotsky's study.", REGISTER)
    run(doc, data)
    (printed, person), = [x for x in spans_of(doc, PersonRef) if x[1].span.start >= 23]
    assert printed == "Trotsky"
    assert doc.source.text[person.span.end:person.span.end + 2] == "'s"


def test_garbled_name_contains_its_correction(make, spans_of):
    doc, data = make("In 1935 ]3oris Souvarine wrote.", REGISTER)
    run(doc, data)
    (_, person), = [x for x in spans_of(doc, PersonRef) if x[1].span.start >= 23]
    (_, corr), = spans_of(doc, Correction)
    assert person.span.contains(corr.span) and person.span != corr.span


def test_titles_win_and_point_to_their_work(make, spans_of):
    doc, data = make("When we open his Stalin, we read Since Lenin Died.", REGISTER + HIS_STALIN)
    run(doc, data)
    assert [p for p, _ in spans_of(doc, TitleRef)] == ["Stalin", "Since Lenin Died"]


def test_register_is_filled_in_data_order(make):
    doc, data = make("Trotsky.", REGISTER)
    run(doc, data)
    assert [p.id for p in doc.persons] == ["trotsky", "souvarine", "stalin", "lenin", "carr"]
    assert doc.persons[0].forms == ["Leon Trotsky", "Trotsky"]


def test_no_data_no_persons(make, spans_of):
    doc, data = make("Trotsky and Stalin.")
    assert run(doc, data) == []
    assert spans_of(doc, PersonRef) == [] and doc.persons == []


def test_title_every_is_found_on_the_reading(make, spans_of):
    toml = ('[[correction]]\nsic = "0ctober"\ncorr = "October"\ncontext = "of 0ctober in"\n\n'
            '[[title]]\ntext = "Lessons of October"\nevery = true\n')
    doc, data = make("He wrote the Lessons of 0ctober in 1924.", toml)
    run(doc, data)
    ((printed, title),) = spans_of(doc, TitleRef)
    assert printed == "Lessons of 0ctober" and title.ref is None


def test_title_context_may_quote_the_corrected_reading(make, spans_of):
    toml = ('[[correction]]\nsic = "Itvestia"\ncorr = "Izvestia"\ncontext = "Kronstadt\'s Itvestia"\n\n'
            '[[title]]\ntext = "Izvestia"\ncontext = "Kronstadt\'s Izvestia"\n')
    doc, data = make("A translation of Kronstadt's Itvestia and more.", toml)
    run(doc, data)
    assert [p for p, _ in spans_of(doc, TitleRef)] == ["Itvestia"]
