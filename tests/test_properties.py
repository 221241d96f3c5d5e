"""Invariants over generated texts (hypothesis), in the spirit of black's safety checks:

- the diplomatic text of the TEI equals the source (white space between paragraphs aside);
- building twice gives the same bytes;
- every note anchor points to a note that exists, and every note has at most one anchor;
- the output is well-formed, valid against the official tei_all.rng and against our own
  schema and Schematron (warnings allowed: a generated text has no data file).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from lefort_tei.encode import encode
from lefort_tei.encode.tei import TEI_NS
from lefort_tei.plaintext import fold_whitespace, view_text
from lefort_tei.read import read_document
from lefort_tei.read.patterns import XML_ILLEGAL
from lefort_tei.read.source import _is_utf8, decode_source

NS = {"t": TEI_NS}

# Characters a text file may hold and XML can keep: anything but C0 controls (tab, LF kept apart),
# surrogates and the non-characters U+FFFE/U+FFFF.
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\ufffe\uffff"
                      + "".join(chr(c) for c in range(0x20) if chr(c) not in "\t"))
TRICKY = st.sampled_from(["<", "&", "]]>", "&amp;", "<script>", "(12)", "(1)", "(l6)", "[3]", "\u00b9",
                          "',2", "[\u00b7 \u00b7 \u00b7]", "'", '"', ":", " - ", "\u00e9", "\u2014", "\t",
                          "\f", "  ", "x" * 300, "1948", "(1948)", "1908-1911", "February 1917",
                          "Sept.-Oct. 1947", "p. 12", "Ibid.,", "Trotsky", "\u00a0", "\u3000", "\u0085",
                          "\u2028", "\u2009\u00a0"])
WORD = st.one_of(st.text(CHARS, min_size=1, max_size=12), TRICKY)
LINE = st.lists(WORD, min_size=1, max_size=30).map(" ".join).filter(lambda s: s.strip())
HEADING = st.sampled_from(["The Rise of Things", "2. Development", "II.", "## Part Two", "Notes"])
NOTE = st.tuples(st.integers(1, 5), LINE).map(lambda t: f"{t[0]} {t[1]}")
BLOCK = st.one_of(LINE, LINE, LINE, HEADING, NOTE)
SEPARATOR = st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n", "\n \n", "\n"])


@st.composite
def texts(draw) -> str:
    blocks = draw(st.lists(BLOCK, min_size=1, max_size=12))
    if draw(st.booleans()):  # an endnotes section numbered 1..n at the end
        blocks += [f"{n} {draw(LINE)}" for n in range(1, draw(st.integers(1, 6)) + 1)]
    out = blocks[0]
    for b in blocks[1:]:
        out += draw(SEPARATOR) + b
    return out + draw(st.sampled_from(["", "\n", "\n\n", "  \n"]))


def build(text: str) -> tuple[bytes, etree._Element, str]:
    from lefort_tei.annotate import annotate
    from lefort_tei.data import EditorialData

    source, _ = decode_source(text.encode("utf-8"), "gen.txt")
    doc, _ = read_document(source)
    annotate(doc, EditorialData())  # the general rules (citations, dates) run without data too
    encoded = encode(doc)
    return encoded.data, encoded.root, source.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_any_text_round_trips(text):
    assert not XML_ILLEGAL.search(text)
    data, root, decoded = build(text)
    assert fold_whitespace(view_text(root, "diplomatic")) == fold_whitespace(decoded)
    parsed = etree.fromstring(data)
    assert fold_whitespace(view_text(parsed, "diplomatic")) == fold_whitespace(decoded)
    assert build(text)[0] == data  # deterministic
    # every anchor resolves to a note (its @n is the printed label, which may repeat when the
    # numbering restarts; the xml:id is unique)
    notes = {n.get("{http://www.w3.org/XML/1998/namespace}id") for n in parsed.iterfind(".//t:note", NS)}
    targets = [r.get("target") for r in parsed.iterfind(".//t:ref[@type='noteAnchor']", NS)]
    assert all(t[1:] in notes for t in targets)
    assert len(targets) == len(set(targets))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=texts())
# found by this test: "2. …" printed before "1 …" made one run through the text link the "²"
# printed after both to note 2 (Schematron anchor-order); a restart is linked in its own region
@example(text="\u00b2\n\n2. Development\n\n1 (1)\n\n1 0\n\n0 \u00b2")
# found by this test: a page-foot note's label inside a date ("1 February 1917": label in date,
# invalid), and an omission mark inside the words naming a work ("A [·] p.0": ref/metamark)
@example(text="\x0c 0\n\nThe Rise of Things\n\n1 February 1917\n\n1 \x0c 0 \x0c")
@example(text="\u00b2\n\n2 A [\u00b7] p.0")
# and a citation over a page-foot note printed inside an endnote (a biblScope in a note, outside any bibl)
@example(text="?3 \x0c\n\n3 0\n\n1 A\n\n2 p.0 \x0c \x0c")
def test_any_text_is_valid_tei(text, tei_all_rng):
    from lefort_tei.validate import validate_bytes

    data, _, _ = build(text)
    doc = etree.fromstring(data)
    assert tei_all_rng.validate(doc), tei_all_rng.error_log.last_error
    errors = [d.format() for d in validate_bytes(data, "gen.xml") if d.level == "error"]
    assert errors == []  # our stricter schema and Schematron too


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), ENCODINGS, NEWLINES)
def test_any_encoding_and_line_ends_round_trip(text, encoding, newline):
    """The same text saved as UTF-8, UTF-8 with BOM, Windows-1252 or UTF-16, with LF, CRLF or CR
    line ends, gives the same diplomatic text: the decoded source, nothing lost or changed."""
    try:
        raw = text.replace("\r\n", "\n").replace("\n", newline).encode(encoding)
    except UnicodeEncodeError:
        return  # not every character exists in Windows-1252
    if encoding == "cp1252" and _is_utf8(raw):
        return  # ASCII, or bytes such as "Ã©" that are valid UTF-8 too: any reader takes them as UTF-8
    source, diags = decode_source(raw, "gen.txt")
    assert source.text == text.replace("\r\n", "\n").replace("\r", "\n")
    doc, _ = read_document(source)
    root = encode(doc).root
    assert fold_whitespace(view_text(root, "diplomatic")) == fold_whitespace(source.text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.integers(0, 6))
def test_any_front_matter_hint_keeps_every_block_in_order(text, front_blocks):
    """A data file's `[front] blocks = N` may claim any number of blocks: none is lost or moved."""
    from lefort_tei.annotate import annotate
    from lefort_tei.data import EditorialData
    from lefort_tei.validate import validate_bytes

    data = EditorialData(front_blocks=front_blocks)
    source, _ = decode_source(text.encode("utf-8"), "gen.txt")
    doc, _ = read_document(source, data)
    annotate(doc, data)
    encoded = encode(doc)
    assert fold_whitespace(view_text(encoded.root, "diplomatic")) == fold_whitespace(source.text)
    assert [d.format() for d in validate_bytes(encoded.data, "gen.xml") if d.level == "error"] == []


@pytest.mark.parametrize("space", ["\u00a0", "\u3000", "\u0085", "\u2028", "\u2009", "\u00a0\u00a0"])
def test_unicode_spaces_at_the_edges_of_paragraphs_and_lines_are_kept(space):
    """Issue 17: a no-break, ideographic or NEL space is a character of the text, never layout."""
    text = (f"{space}Title{space}\n\n{space}A paragraph{space}\nwith a second line.{space}\n\n"
            f"{space}\n\nLast{space}\n")
    _, root, decoded = build(text)
    assert fold_whitespace(view_text(root, "diplomatic")) == fold_whitespace(decoded)
    assert view_text(root, "diplomatic").count(space) == decoded.count(space)


def test_control_characters_are_kept_as_declared_glyphs(tei_all_rng):
    """Issue 17: a character XML cannot hold (U+0007, U+FFFE …) never refuses a text: it is written as
    <g ref="#char-0007">␇</g>, declared in charDecl, and the diplomatic text is the source again."""
    from lefort_tei.validate import validate_bytes

    text = "A Title \x01- Jane\n\nA bell\x07 rang \ufffe here (1).\n\n\x07\x0b\n\n1 A note\x07.\n"
    data, root, decoded = build(text)
    assert view_text(root, "diplomatic") .replace("\n\n", "\n") .count("\x07") == 3
    assert fold_whitespace(view_text(etree.fromstring(data), "diplomatic")) == fold_whitespace(decoded)
    doc = etree.fromstring(data)
    chars = [c.get("{http://www.w3.org/XML/1998/namespace}id") for c in doc.iterfind(".//t:charDecl/t:char", NS)]
    assert chars == ["char-0001", "char-0007", "char-000B", "char-FFFE"]
    assert [g.text for g in doc.iterfind(".//t:g", NS)][:2] == ["\u2401", "\u2407"]
    assert tei_all_rng.validate(doc), tei_all_rng.error_log.last_error
    assert [d.format() for d in validate_bytes(data, "ctrl.xml") if d.level == "error"] == []
