"""The edition in tei/ is valid: our RelaxNG, our Schematron, and the official TEI All.

The hand-made samples in tests/validate/good/ (every element of the apparatus: persons, titles,
dates, citations, registers) are checked the same way, so our schema and TEI All cannot drift
apart while the edition grows. TEI All is read from $TEI_ALL_RNG or ../shared/tei/tei_all.rng:
outside CI the test skips, visibly, when the file is absent; under CI=true it fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.validate import validate_bytes
from lefort_tei.validate import jing
from lefort_tei.validate.safe import parse_bytes

from .conftest import ROOT, tei_all_path

EDITION = sorted((ROOT / "tei").glob("*.xml"))
SAMPLES = sorted((ROOT / "tests" / "validate" / "good").glob("*.xml"))
FILES = EDITION + SAMPLES
IDS = [str(p.relative_to(ROOT)) for p in FILES]


def test_the_edition_exists():
    assert EDITION, "tei/ holds no TEI file: run `lefort-tei build`"


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_valid_against_our_schema_and_schematron(path):
    problems = validate_bytes(path.read_bytes(), str(path.relative_to(ROOT)))
    assert [d.format() for d in problems] == []


@pytest.fixture(scope="module")
def tei_all_problems() -> dict[Path, list[str]]:
    """Every file against tei_all.rng, compiled once: one jing run, or lxml when Java is missing."""
    schema = tei_all_path()
    if schema is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tei_all.rng not found: set TEI_ALL_RNG or provide ../shared/tei/tei_all.rng")
        pytest.skip("tei_all.rng not found (set TEI_ALL_RNG or provide ../shared/tei/tei_all.rng): "
                    "TEI All validity NOT checked")
    if jing.available():
        found = jing.validate_with_jing(str(schema), [str(p) for p in FILES])
        return {Path(p): [d.format() for d in ds] for p, ds in found.items()}
    rng = etree.RelaxNG(etree.parse(str(schema)))
    result = {}
    for p in FILES:
        ok = rng.validate(parse_bytes(p.read_bytes(), str(p)))
        result[p] = [] if ok else [f"{e.line}: {e.message}" for e in rng.error_log]
    return result


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_valid_against_tei_all(path, tei_all_problems):
    assert tei_all_problems[path] == []


@pytest.mark.parametrize("path", EDITION, ids=[str(p.relative_to(ROOT)) for p in EDITION])
def test_the_edition_names_our_schemas_for_editors(path):
    tree = parse_bytes(path.read_bytes(), str(path))
    models = [pi for pi in tree.getroot().itersiblings(preceding=True) if isinstance(pi, etree._ProcessingInstruction)
              and pi.target == "xml-model"]
    hrefs = {pi.get("schematypens"): (path.parent / pi.get("href")).resolve() for pi in models}
    assert hrefs == {"http://relaxng.org/ns/structure/1.0": (ROOT / "schemas" / "lefort-tei.rng").resolve(),
                     "http://purl.oclc.org/dsdl/schematron": (ROOT / "schemas" / "lefort-tei.sch").resolve()}
