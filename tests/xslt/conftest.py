"""Fixtures of the view tests: the hand-made TEI fragments, and their HTML parsed with lxml.

In: tests/xslt/fragments/*.xml. Out: ``fragment(name)`` (a path), ``render(view, fragment=...,
params=...)`` (an lxml.html element of the transformation's output).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from lefort_tei.render.xslt import Stylesheets

FRAGMENTS = Path(__file__).parent / "fragments"


@pytest.fixture(scope="session")
def sheets() -> Stylesheets:
    return Stylesheets()


@pytest.fixture(scope="session")
def render(sheets):
    cache = {}

    def _render(view: str, name: str = "apparatus", fragment: str = "text", **params: str):
        key = (view, name, fragment, tuple(sorted(params.items())))
        if key not in cache:
            html = sheets.transform(FRAGMENTS / f"{name}.xml", view, fragment,
                                    {k.replace("_", "-"): v for k, v in params.items()})
            cache[key] = lxml.html.fragment_fromstring(html, create_parent="div")
        return cache[key]

    return _render
