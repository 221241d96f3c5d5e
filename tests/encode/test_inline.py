"""Encoder, inline level: spans → nested TEI elements; crossing spans and unknown spans fail."""

import pytest
from lxml import etree

from lefort_tei.diagnostics import EditionError
from lefort_tei.encode.inline import fill, inline_element
from lefort_tei.encode.tei import TEI_NS, T
from lefort_tei.model import Correction, DateRef, NoteAnchor, PersonRef, Source, Span, TitleRef

TEXT = "In his thesis. Wrotsky used (l6) in 1 908-1911."


def encode(spans):
    p = etree.Element(T("p"), nsmap={None: TEI_NS})
    fill(p, Source("t.txt", TEXT), 0, len(TEXT), spans)
    return etree.tostring(p, encoding="unicode").replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def span(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s))


def test_plain_text_is_kept():
    assert encode([]) == f"<p>{TEXT}</p>"


def test_person_with_a_correction_inside():
    xml = encode([Correction(span("Wrotsky"), "Trotsky", id="c1"), PersonRef(span("Wrotsky"), "trotsky")])
    assert '<persName ref="#trotsky"><choice xml:id="c1"><sic>Wrotsky</sic>' in xml
    assert '<corr resp="#ed" cert="high" type="ocr">Trotsky</corr></choice></persName> used' in xml


def test_anchor_with_a_marker_correction():
    a = NoteAnchor(span("(l6)"), 16, "paren", n=16, id="a16")
    xml = encode([a, Correction(span("(l6)"), "(16)", resp="#lefort-tei", kind="anchor")])
    assert '<ref type="noteAnchor" xml:id="a16" target="#note16" n="16"><choice><sic>(l6)</sic>' in xml


def test_date_around_a_correction():
    xml = encode([Correction(span("1 908-1911"), "1908-1911"), DateRef(span("1 908-1911"), from_="1908", to="1911")])
    assert '<date from="1908" to="1911"><choice><sic>1 908-1911</sic>' in xml


def test_nested_spans_of_different_lengths():
    xml = encode([TitleRef(span("his thesis"), "w1"), PersonRef(span("thesis"), "x")])
    assert '<title level="m" ref="#w1">his <persName ref="#x">thesis</persName></title>' in xml


def test_crossing_spans_raise_with_a_position():
    with pytest.raises(EditionError) as exc:
        encode([PersonRef(span("his thesis"), "x"), TitleRef(span("thesis. Wrotsky"), "w")])
    d = exc.value.diagnostics[0]
    assert d.code == "spans-cross" and (d.line, d.col) == (1, 8)


def test_a_span_inside_a_correction_is_refused():
    with pytest.raises(EditionError) as exc:
        encode([Correction(span("thesis. Wrotsky"), "thesis, Trotsky"), PersonRef(span("Wrotsky"), "t")])
    assert exc.value.diagnostics[0].code == "spans-in-correction"


def test_unknown_span_type_fails_loudly():
    with pytest.raises(TypeError, match="no rule"):
        inline_element(object())
