"""Our TEI in a generic TEI renderer: CETEIcean (npm ``CETEIcean``, installed by scripts/setup.sh
into tests/js/node_modules) in headless Chromium, with the behaviours we ship
(``lefort_tei/ceteicean/behaviors.js``). A reader must see one reading per correction, every note
once, the registers, and no internal link that leads nowhere."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.encode.tei import TEI_NS
from lefort_tei.plaintext import _collect

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
CETEI_JS = ROOT / "tests" / "js" / "node_modules" / "CETEIcean" / "dist" / "CETEI.js"
SHIPPED = ROOT / "lefort_tei" / "ceteicean"
NS = {"t": TEI_NS}

HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>harness</title>
<link rel="stylesheet" href="lefort-tei.css">
<script src="CETEI.js"></script><script src="behaviors.js"></script></head>
<body><div id="TEI"></div></body></html>
"""

RENDER = """async (xml) => {
  const c = new CETEI();
  c.addBehaviors(window.lefortTeiBehaviors);
  await new Promise((done) => c.makeHTML5(xml, (data) => { document.getElementById("TEI").appendChild(data); done(); }));
  await new Promise((r) => setTimeout(r, 50));
}"""


@pytest.fixture(scope="module")
def rendered(seed_tei, browser, tmp_path_factory):
    if not CETEI_JS.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CETEI_JS} missing: scripts/setup.sh installs it (npm ci in tests/js)")
        pytest.skip(f"{CETEI_JS} missing: run scripts/setup.sh (npm ci in tests/js)")
    folder = tmp_path_factory.mktemp("ceteicean")
    shutil.copy(CETEI_JS, folder / "CETEI.js")
    for name in ("behaviors.js", "lefort-tei.css"):
        shutil.copy(SHIPPED / name, folder / name)
    (folder / "index.html").write_text(HARNESS, encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((folder / "index.html").as_uri())
    page.evaluate(RENDER, seed_tei.read_text(encoding="utf-8"))
    yield page, etree.parse(str(seed_tei)), errors
    context.close()


def test_no_script_error(rendered):
    _, _, errors = rendered
    assert errors == []


def test_each_correction_shows_one_reading(rendered):
    page, tree, _ = rendered
    shown = page.eval_on_selector_all(
        "tei-text tei-choice", "els => els.filter(e => e.closest('[hidden]') === null).map(e => e.innerText)")
    expected = ["".join(c.find("t:corr", NS).itertext()) for c in tree.iterfind(".//t:text//t:choice", NS)]
    assert shown == expected
    assert "Wrotsky" not in page.inner_text("tei-text")


def test_each_note_is_shown_once_where_the_tei_prints_it(rendered):
    page, tree, _ = rendered
    assert page.locator("ol.notes").count() == 0  # CETEIcean's default second list is not made
    text = page.inner_text("#TEI")
    notes = tree.findall(".//t:back//t:note[@type='endnote']", NS)
    assert page.locator("tei-note[type='endnote']:visible").count() == len(notes) == 34
    for note in notes:
        parts: list[str] = []
        _collect(note.find("t:p", NS), "reading", parts)
        words = " ".join("".join(parts).split())[:50]
        assert " ".join(text.split()).count(words) == 1, words
    backlinks = page.eval_on_selector_all("a.lefort-backlink", "els => els.map(e => e.getAttribute('href'))")
    assert backlinks == [n.get("target") for n in notes]


def test_the_registers_are_headed_and_legible(rendered):
    page, tree, _ = rendered
    heads = page.eval_on_selector_all("tei-div[type='editorial'] > tei-head", "els => els.map(e => e.innerText)")
    headings = page.eval_on_selector_all("h2.lefort-register-head", "els => els.map(e => e.innerText)")
    assert heads == ["Persons", "Works cited"] and headings == ["Corrections"]  # one heading each
    standoff = " ".join(page.inner_text("tei-back").split())
    assert "Leon Trotsky, Stalin, trans. Charles Malamuth (London: Hollis and Carter, 1947)." in standoff
    assert "Leon Trotsky (1879–1940)" in standoff


def test_no_internal_link_is_dead(rendered):
    page, _, _ = rendered
    dead = page.evaluate("""() => Array.from(document.querySelectorAll('a[href^="#"]'))
        .filter(a => a.offsetParent !== null)
        .map(a => a.getAttribute('href'))
        .filter(h => { const t = document.getElementById(decodeURIComponent(h.slice(1)));
                       return !t || t.closest('[hidden]') !== null; })""")
    links = page.evaluate("""() => Array.from(document.querySelectorAll('a[href^="#"]')).filter(a => a.offsetParent !== null).length""")
    assert links > 100 and dead == []
