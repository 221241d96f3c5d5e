"""Every rule can fail: one known-bad document per Schematron rule and per kind of schema error,
each expecting its rule id at its line; and the input errors (malformed, not TEI, DOCTYPE…)."""

from __future__ import annotations

from pathlib import Path

import pytest
from .tei_mutations import XML_ID, both, del_attr, empty, mutate, remove, rename, set_attr

from lefort_tei.model import Span
from lefort_tei.validate import validate_bytes

BAD = Path(__file__).parent / "bad"
A1, A2 = "//tei:ref[@xml:id='a1']", "//tei:ref[@xml:id='a2']"
ANCHORS = "//tei:ref[@type='noteAnchor']"
NOTE2_BIBL_REF = "//tei:bibl[@xml:id='note2-bibl']/tei:ref"


def swap_targets(el) -> None:
    el.set("target", {"#note1": "#note2", "#note2": "#note1"}[el.get("target")])


def wrong_namespace(el) -> None:
    # not "no namespace": lxml would serialise that without xmlns="" and it would be TEI again
    el.tag = "{http://www.tei-c.org/ns/1.0/}head"


# rule id, XPath of the element(s) to break, the edit, the line where the rule must report
RULE_CASES = [
    ("ptr-person", "//tei:body//tei:persName[@ref='#trotsky']", set_attr("ref", "#trotsk"), 68),
    ("ptr-source", "//tei:quote[@xml:id='q1']", set_attr("source", "#p1"), 69),
    ("ptr-anchor", A1, set_attr("target", "#p1"), 68),
    ("ptr-title", "//tei:title[@ref]", set_attr("ref", "#trotsky"), 68),
    ("ptr-annotation", "//tei:annotation", set_attr("target", "#p1"), 118),
    ("ptr-work", "//tei:bibl[@xml:id='note1-bibl']/tei:ref", set_attr("target", "#note1-bibl"), 79),
    ("ptr-resp", "//tei:corr[@type='punctuation']", set_attr("resp", "#trotsky-stalin"), 68),
    ("ptr-resp", "//tei:change", set_attr("who", "#nobody"), 47),
    ("ptr-corresp", "//tei:p[@xml:id='p2']", set_attr("corresp", "#nowhere"), 70),
    ("ptr-scheme", "//tei:bibl[@xml:id='note1-bibl']/tei:ref", set_attr("target", " java\tscript:alert(1)"), 79),
    ("ptr-scheme", "//tei:p[@xml:id='p2']", set_attr("corresp", "data:text/html,x"), 70),
    ("citation-work", NOTE2_BIBL_REF, del_attr("target"), 82),
    ("note-numbering", "//tei:note[@xml:id='note2']", set_attr("n", "1"), 81),  # a repeat
    ("note-numbering", "//tei:note[@xml:id='note1']", set_attr("n", "5"), 81),  # note 2 after note 5
    ("note-anchor-missing", A1, remove, 78),
    ("note-anchor-extra", A1, set_attr("target", "#note2"), 81),
    ("note-target", "//tei:note[@xml:id='note1']", set_attr("target", "#a2"), 78),
    ("note-target", "//tei:note[@xml:id='note1']", set_attr("target", "#p3"), 78),
    ("anchor-order", ANCHORS, swap_targets, 68),
    ("quote-source", "//tei:quote[@xml:id='q1']", del_attr("source"), 69),
    ("choice-readings", "//tei:corr[@type='spacing']", rename("sic"), 68),
    ("p-empty", "//tei:p[@xml:id='front-p1']", empty, 59),
    ("id-unique", "//tei:p[@xml:id='p3']", set_attr(XML_ID, "p2"), 71),
    ("id-form", "//tei:p[@xml:id='p3']", set_attr(XML_ID, "3p"), 71),
    ("header-source", "//tei:sourceDesc", empty, 3),
    ("header-licence", "//tei:licence", empty, 3),
    ("header-editorial", "//tei:editorialDecl", empty, 3),
]

# what only the grammar catches (code "schema"): closed lists, unknown elements, namespaces
SCHEMA_CASES = [
    ("corr-type-closed", "//tei:corr[@type='punctuation']", set_attr("type", "typo"), 68),
    ("div-type-closed", "//tei:body/tei:div", set_attr("type", "chapter"), 66),
    ("unit-closed", NOTE2_BIBL_REF + "/../tei:biblScope", set_attr("unit", "line"), 77),  # see note-place-closed
    ("element-not-ours", "//tei:metamark", both(rename("gap"), del_attr("function")), 70),
    ("element-wrong-namespace", "//tei:body//tei:head", wrong_namespace, 67),
    # libxml2 reports a bad notes division at its head: the back may also hold boilerplate divs
    ("note-place-closed", "//tei:note[@xml:id='note1']", set_attr("place", "foot"), 77),
]

# well-formed or not, these are not TEI we validate: one clear error with its position
INPUT_CASES = [
    ("malformed.xml", "xml-malformed", 5),
    ("not-tei.xml", "not-tei", 2),
    ("wrong-namespace.xml", "tei-namespace", 2),
    ("doctype-system.xml", "xml-doctype", 2),
    ("external-entity.xml", "xml-doctype", 2),
    ("entity-bomb.xml", "xml-doctype", 2),
]


# Editorial completeness, not integrity: a new text without a data file may lack them and still
# be a valid edition (the edition in tei/ must have none: tests/test_edition_valid.py).
WARNING_RULES = {"citation-work", "note-anchor-missing", "quote-source"}


def codes_at(diagnostics) -> set[tuple[str, int]]:
    return {(d.code, d.line) for d in diagnostics}


def test_the_good_sample_is_valid():
    assert validate_bytes(mutate("/*", lambda el: None), "good.xml") == []


def test_every_rule_of_the_schematron_has_a_failing_case():
    sch = (Path(__file__).parents[2] / "schemas" / "lefort-tei.sch").read_text(encoding="utf-8")
    from lxml import etree

    ids = set(etree.fromstring(sch.encode()).xpath("//*[local-name()='assert' or local-name()='report']/@id"))
    assert ids == {rule for rule, *_ in RULE_CASES}


@pytest.mark.parametrize(("rule", "xpath", "edit", "line"), RULE_CASES, ids=[f"{r}-{n}" for r, _, _, n in RULE_CASES])
def test_each_rule_reports_its_id_at_its_line(rule, xpath, edit, line):
    diagnostics = validate_bytes(mutate(xpath, edit), "bad.xml")
    assert (rule, line) in codes_at(diagnostics), [d.format() for d in diagnostics]
    assert all(d.path == "bad.xml" and d.col >= 1 for d in diagnostics)
    expected = "warning" if rule in WARNING_RULES else "error"
    assert {d.level for d in diagnostics if d.code == rule} == {expected}


@pytest.mark.parametrize(("name", "xpath", "edit", "line"), SCHEMA_CASES, ids=[c[0] for c in SCHEMA_CASES])
def test_the_grammar_rejects(name, xpath, edit, line):
    diagnostics = validate_bytes(mutate(xpath, edit), "bad.xml")
    assert ("schema", line) in codes_at(diagnostics), [d.format() for d in diagnostics]


def test_an_element_in_another_namespace_is_named_as_such():
    diagnostics = validate_bytes(mutate("//tei:body//tei:head", wrong_namespace), "bad.xml")
    assert any("namespace 'http://www.tei-c.org/ns/1.0/'" in d.message for d in diagnostics if d.code == "schema")


def test_a_duplicate_id_is_reported_once_per_element_by_its_rule():
    diagnostics = validate_bytes(mutate("//tei:p[@xml:id='p3']", set_attr(XML_ID, "p2")), "bad.xml")
    assert sorted((d.code, d.line) for d in diagnostics) == [("id-unique", 70), ("id-unique", 71)]


def test_columns_point_at_the_start_tag():
    diagnostics = validate_bytes(mutate("//tei:quote[@xml:id='q1']", del_attr("source")), "bad.xml")
    (quote,) = [d for d in diagnostics if d.code == "quote-source"]
    assert (quote.line, quote.col) == (69, 9)


@pytest.mark.parametrize(("name", "code", "line"), INPUT_CASES, ids=[c[0] for c in INPUT_CASES])
def test_input_that_is_not_valid_tei_gets_one_clear_error(name, code, line):
    diagnostics = validate_bytes((BAD / name).read_bytes(), name)
    assert [(d.code, d.line) for d in diagnostics] == [(code, line)]
    assert "\n" not in diagnostics[0].message


def test_the_source_position_comes_from_the_id_spans(tmp_path):
    source = tmp_path / "essay.txt"
    source.write_text("Title\n\nFirst paragraph.\n  Let us hold out our hands\n", encoding="utf-8")
    start = source.read_text(encoding="utf-8").index("Let us")
    data = mutate("//tei:quote[@xml:id='q1']", del_attr("source"))
    diagnostics = validate_bytes(data, "bad.xml", {"q1": Span(start, start + 6)}, str(source))
    (quote,) = [d for d in diagnostics if d.code == "quote-source"]
    assert quote.source == f"{source}:4:3"
    assert quote.format().endswith(f"[quote-source] (source {source}:4:3)")


def test_without_id_spans_there_is_no_source_position():
    diagnostics = validate_bytes(mutate("//tei:quote[@xml:id='q1']", del_attr("source")), "bad.xml")
    assert all(d.source == "" for d in diagnostics)
