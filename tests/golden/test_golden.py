"""Golden TEI for small fixtures: ``NAME.txt`` (+ ``NAME.toml``) → ``NAME.xml``.

The expected files were read by a person before being committed. Regenerate them on purpose
with ``pytest tests/golden --update-golden``, then read the diff before committing.
"""

from pathlib import Path

import pytest

from lefort_tei.pipeline import convert

HERE = Path(__file__).parent
FIXTURES = sorted(HERE.glob("*.txt"))


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    """The same bytes on every machine: the automatic persons by rules alone, whether or not a NER
    model is installed (the model's own behaviour is tested in tests/annotate/test_automatic.py)."""
    monkeypatch.setenv("LEFORT_TEI_NER_MODEL", "none")


@pytest.mark.parametrize("text", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_golden_tei(text, update_golden):
    data = text.with_suffix(".toml")
    produced = convert(text, data if data.exists() else None, use_default_data=False).encoded.data
    expected = text.with_suffix(".xml")
    if update_golden or not expected.exists():
        expected.write_bytes(produced)
        if not update_golden:
            pytest.fail(f"{expected.name} did not exist: written; read it, then commit it")
    assert produced == expected.read_bytes(), f"{expected.name} differs: run with --update-golden and read the diff"


@pytest.mark.parametrize("text", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_golden_is_valid_tei(text, tei_all_rng):
    from lxml import etree

    expected = text.with_suffix(".xml")
    if not expected.exists():
        pytest.skip("golden file not written yet")
    assert tei_all_rng.validate(etree.parse(str(expected))), tei_all_rng.error_log.last_error
