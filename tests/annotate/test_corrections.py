"""The corrections pass and the corrected reading it gives the later passes."""

import pytest

from lefort_tei.annotate.corrections import annotate_corrections, correction_kind
from lefort_tei.annotate.spans import reading_of
from lefort_tei.diagnostics import InputError
from lefort_tei.model import Correction

TOML = '''
[[correction]]
sic = "Wrotsky"
corr = "Trotsky"
context = "thesis. Wrotsky used"
reason = "OCR: W for T"

[[correction]]
sic = "."
corr = ","
context = "his thesis. W"
cert = "medium"

[[correction]]
sic = "Parry"
corr = "Party"
every = true
'''


def test_context_and_every_entries_become_corrections(make, spans_of):
    doc, data = make("In his thesis. Wrotsky used the Parry line; the Parry, not the Parrying.", TOML)
    assert annotate_corrections(doc, data) == []
    got = [(printed, c.corr, c.cert, c.kind, c.resp) for printed, c in spans_of(doc, Correction)]
    assert got == [(".", ",", "medium", "punctuation", "#ed"), ("Wrotsky", "Trotsky", "high", "ocr", "#ed"),
                   ("Parry", "Party", "high", "ocr", "#ed"), ("Parry", "Party", "high", "ocr", "#ed")]


@pytest.mark.parametrize("sic, corr, kind", [
    ("H.Carr", "H. Carr", "spacing"),
    ("day-to- day", "day-to-day", "spacing"),
    ("party'", "party'.", "punctuation"),
    ("0ctober", "October", "ocr"),
    ("1 908", "1908", "spacing"),
])
def test_kind_of_a_correction(sic, corr, kind):
    assert correction_kind(sic, corr) == kind


@pytest.mark.parametrize("context, why", [
    ("thesis. Wrotsky walked", "not found"),
    ("Wrotsky", "found 2 times"),
])
def test_unfound_or_ambiguous_context_is_an_input_error_with_the_data_line(make, context, why):
    toml = f'# one\n# two\n[[correction]]\nsic = "Wrotsky"\ncorr = "Trotsky"\ncontext = "{context}"\n'
    doc, data = make("In his thesis. Wrotsky used it, and Wrotsky again.", toml)
    with pytest.raises(InputError) as exc:
        annotate_corrections(doc, data)
    d = exc.value.diagnostics[0]
    assert (d.code, d.line) == ("data-context", 3)
    assert why in d.message


def test_overlapping_corrections_are_refused(make):
    toml = TOML + '\n[[correction]]\nsic = "Wrotsky used"\ncorr = "Trotsky used"\ncontext = "Wrotsky used"\n'
    doc, data = make("In his thesis. Wrotsky used it.", toml)
    with pytest.raises(InputError, match="overlaps another correction"):
        annotate_corrections(doc, data)


def test_reading_maps_back_to_source_and_never_cuts_a_correction(make):
    doc, data = make("In his thesis. Wrotsky used it.", TOML)
    annotate_corrections(doc, data)
    p = doc.sections[0].blocks[0]
    reading = reading_of(doc.source.text, p.span, p.inlines)
    assert reading.text == "In his thesis, Trotsky used it."
    a = reading.text.index("Trotsky")
    assert doc.source.slice(reading.to_source(a, a + 7)) == "Wrotsky"
    # half of a correction is widened to all of it
    assert doc.source.slice(reading.to_source(a + 1, a + 3)) == "Wrotsky"
    assert doc.source.slice(reading.to_source(a - 2, a)) == ". "
