"""Shared test options and fixtures: ``--update-golden`` and the path of the official tei_all.rng."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Under CI the property tests replay a fixed set of examples (derandomize), so a run is reproducible;
# on a developer's machine they explore new random examples each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "lefort-contradiction-of-trotsky.txt"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files in tests/golden/ from the current output (read them after!)")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def tei_all_path() -> Path | None:
    candidates = [os.environ.get("TEI_ALL_RNG"), ROOT.parent / "shared" / "tei" / "tei_all.rng"]
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    return None


@pytest.fixture(scope="session")
def tei_all_rng():
    """The official tei_all schema compiled once per session (lxml, ~6 s). Under CI it must exist."""
    from lxml import etree

    path = tei_all_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tei_all.rng not found (set TEI_ALL_RNG or provide ../shared/tei/tei_all.rng)")
        pytest.skip("tei_all.rng not found: set TEI_ALL_RNG to run the official validation")
    return etree.RelaxNG(etree.parse(str(path)))


def pytest_assertrepr_compare(config, op, left, right):
    """Two long texts (a TEI file, a page) that differ: say where, instead of pytest's own diff,
    whose difflib can run for many minutes on 100 kB of XML."""
    if op == "==" and isinstance(left, (str, bytes)) and type(left) is type(right) and max(len(left), len(right)) > 2000:
        at = next((k for k, (a, b) in enumerate(zip(left, right)) if a != b), min(len(left), len(right)))
        return [f"{type(left).__name__}s of {len(left)} and {len(right)} differ at {at}:",
                f"  left:  {left[max(0, at - 80):at + 80]!r}",
                f"  right: {right[max(0, at - 80):at + 80]!r}"]
    return None
