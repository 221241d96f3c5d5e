"""No page links anywhere but to a fragment, our own relative outputs or http(s) (issue 17).

A TEI ``@target`` of ``javascript:``, ``data:`` or ``file:`` (or one hidden behind spaces and control
characters, as browsers strip them) keeps its text but loses its link, in every view; a file name
that looks like a scheme is URL-quoted in the site's pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from lefort_tei.render.site import build_site
from lefort_tei.render.xslt import Stylesheets

FRAGMENTS = Path(__file__).parent / "fragments"

TEI_NS = "http://www.tei-c.org/ns/1.0"
HOSTILE = ["javascript:alert(1)", "JavaScript:alert(2)", " java\tscript:alert(3)", "data:text/html,<b>x</b>",
           "file:///etc/passwd", "vbscript:msgbox(4)", "//evil.example/x", "\\\\host\\share"]
FOLLOWED = ["#p1", "https://example.org/a", "http://example.org/b", "other.html#x"]
UNSAFE_HREF = re.compile(r"^\s*(?:javascript|data|file|vbscript):|^//|\\", re.IGNORECASE)


def _tei_with_refs(targets: list[str]) -> bytes:
    root = etree.parse(str(FRAGMENTS / "apparatus.xml")).getroot()
    p = root.find(f".//{{{TEI_NS}}}p[@{{http://www.w3.org/XML/1998/namespace}}id='p3']")
    for k, target in enumerate(targets):
        ref = etree.SubElement(p, f"{{{TEI_NS}}}ref", target=target)
        ref.text = f"link{k}"
        ref.tail = " "
    return etree.tostring(root)


@pytest.mark.parametrize("view", ["diplomatic", "reading"])
def test_hostile_targets_lose_their_link_but_keep_their_text(view):
    html = Stylesheets().transform(_tei_with_refs(HOSTILE + FOLLOWED), view)
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    hrefs = root.xpath("//a/@href")
    assert not [h for h in hrefs if UNSAFE_HREF.search(h)]
    for k in range(len(HOSTILE)):
        (span,) = root.xpath(f"//*[normalize-space(.)='link{k}']")
        assert span.tag == "span" and "unlinked" in span.get("class")
    for k, target in enumerate(FOLLOWED, start=len(HOSTILE)):
        (a,) = root.xpath(f"//a[normalize-space(.)='link{k}']")
        assert a.get("href") == target


def test_a_file_name_that_looks_like_a_scheme_is_quoted_in_the_site(tmp_path):
    tei = tmp_path / "javascript:alert(10).xml"
    tei.write_bytes((FRAGMENTS / "apparatus.xml").read_bytes())
    site = tmp_path / "site"
    build_site([tei], site, pdf_links={"javascript:alert(10)": "javascript:alert(10).pdf"})
    for page in site.rglob("*.html"):
        for href in lxml.html.parse(str(page)).getroot().xpath("//@href"):
            assert not UNSAFE_HREF.search(href), (page.name, href)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="javascript%3Aalert%2810%29/index.html"' in index


@pytest.mark.parametrize("command", ["site", "pdf"])
def test_site_and_pdf_refuse_a_tei_with_a_script_pointer(tmp_path, capsys, command):
    from lefort_tei.cli import main
    from tests.validate.tei_mutations import mutate, set_attr

    tei = tmp_path / "hostile.xml"
    tei.write_bytes(mutate("//tei:bibl[@xml:id='note1-bibl']/tei:ref", set_attr("target", "javascript:alert(1)")))
    out = tmp_path / ("site" if command == "site" else "x.pdf")
    assert main([command, str(tei), "-o", str(out)]) == 1
    assert "[ptr-scheme]" in capsys.readouterr().err
    assert not out.exists()
