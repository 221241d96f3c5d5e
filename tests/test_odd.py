"""schemas/lefort-tei.odd documents the customisation: it must name exactly the elements and, per
element, the attributes (and closed value lists) that schemas/lefort-tei.rng allows, and exactly
the rules of schemas/lefort-tei.sch with the same tests. A change to the grammar or the rules
without the ODD (or the other way round) fails here, naming what differs."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
RNG = "{http://relaxng.org/ns/structure/1.0}"
SCH = "{http://purl.oclc.org/dsdl/schematron}"
NS = {"t": "http://www.tei-c.org/ns/1.0", "sch": "http://purl.oclc.org/dsdl/schematron"}


def rng_elements() -> dict[str, dict[str, set[str] | None]]:
    """element name → attribute name → its closed values (None when any value of a type)."""
    grammar = etree.parse(str(ROOT / "schemas" / "lefort-tei.rng"))
    defines = {d.get("name"): d for d in grammar.iter(RNG + "define")}
    found: dict[str, dict[str, set[str] | None]] = {}

    def collect(node, seen, attrs):
        for child in node:
            if not isinstance(child.tag, str) or child.tag == RNG + "element":
                continue
            if child.tag == RNG + "attribute":
                values = {v.text for v in child.iter(RNG + "value")}
                typed = not values or any(True for _ in child.iter(RNG + "data", RNG + "text"))
                before = attrs.get(child.get("name"), set())
                attrs[child.get("name")] = None if typed or before is None else before | values
            elif child.tag == RNG + "ref":
                if child.get("name") not in seen:
                    collect(defines[child.get("name")], seen | {child.get("name")}, attrs)
            else:
                collect(child, seen, attrs)

    for element in grammar.iter(RNG + "element"):
        collect(element, frozenset(), found.setdefault(element.get("name"), {}))
    return found


@pytest.fixture(scope="module")
def odd():
    return etree.parse(str(ROOT / "schemas" / "lefort-tei.odd"))


def odd_elements(odd) -> dict[str, dict[str, set[str] | None]]:
    found = {}
    for spec in odd.iterfind(".//t:schemaSpec/t:elementSpec", NS):
        attrs = {}
        for att in spec.iterfind("t:attList/t:attDef", NS):
            items = att.findall("t:valList[@type='closed']/t:valItem", NS)
            attrs[att.get("ident")] = {v.get("ident") for v in items} if items else None
        found[spec.get("ident")] = attrs
    return found


def test_the_odd_documents_exactly_the_elements_of_the_grammar(odd):
    grammar, documented = rng_elements(), odd_elements(odd)
    assert sorted(set(grammar) - set(documented)) == [], "elements of lefort-tei.rng missing from the ODD"
    assert sorted(set(documented) - set(grammar)) == [], "elements in the ODD that lefort-tei.rng does not allow"


def test_the_odd_documents_exactly_the_attributes_and_values_of_the_grammar(odd):
    grammar, documented = rng_elements(), odd_elements(odd)
    differences = {name: (grammar[name], documented.get(name)) for name in grammar
                   if grammar[name] != documented.get(name)}
    assert differences == {}, "element: (attributes in lefort-tei.rng, attributes in the ODD)"


def test_every_element_is_described_and_in_a_module(odd):
    included = {e for ref in odd.iterfind(".//t:schemaSpec/t:moduleRef", NS) for e in ref.get("include").split()}
    for spec in odd.iterfind(".//t:schemaSpec/t:elementSpec", NS):
        assert len(" ".join(spec.findtext("t:desc", "", NS).split())) > 20, spec.get("ident")
        assert spec.get("ident") in included, spec.get("ident")
    assert included == set(odd_elements(odd))


def test_the_odd_carries_exactly_the_rules_of_the_schematron(odd):
    schematron = etree.parse(str(ROOT / "schemas" / "lefort-tei.sch"))
    rules = {a.get("id"): " ".join(a.get("test").split()) for a in schematron.iter(SCH + "assert", SCH + "report")}
    documented = {}
    for spec in odd.iterfind(".//t:constraintSpec", NS):
        (test,) = spec.xpath(".//sch:assert | .//sch:report", namespaces=NS)
        documented[spec.get("ident")] = " ".join(test.get("test").split())
        assert test.get("id") == spec.get("ident")
    assert documented == rules
    keys = {k.get("name") for k in schematron.iter("{http://www.w3.org/1999/XSL/Transform}key")}
    assert {k.get("name") for k in odd.iter("{http://www.w3.org/1999/XSL/Transform}key")} == keys


def test_the_odd_is_valid_tei(odd, tei_all_rng):
    assert tei_all_rng.validate(odd), [f"{e.line}: {e.message}" for e in tei_all_rng.error_log][:5]
