"""No generated page or PDF links to ``javascript:``, ``data:`` or ``file:``, whatever the texts and
TEI files are called (issue 17): every output of ``build`` (TEI, PDFs, pages, the site and corpus
indexes) and of ``site`` is scanned: every URL-bearing attribute of every HTML element and every
link of every PDF page. (The search index holds names, not links: ``site.js`` quotes an edition's
name with ``encodeURIComponent`` when it makes a result's link.)
Hostile *pointers inside* a TEI are refused before publishing (``tests/xslt/test_links.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from lefort_tei import corpus
from lefort_tei.cli import main

from .test_corpus import ESSAY

HOSTILE_NAMES = ["javascript:alert(10)", "data:text,x", "file:etc", "JaVaScRiPt:alert(11)", "vbscript:x"]
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "cite", "srcset", "xlink:href",
                  "background", "manifest")
SCHEME = re.compile(r"^\s*(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*):")  # "javascript:alert(1)"
SAFE_SCHEMES = {"http", "https"}


def unsafe(url: str) -> bool:
    """A link that is neither relative, nor a fragment, nor http(s); or one a browser reads as
    another host ("//host", a backslash)."""
    stripped = re.sub(r"[\x00-\x20]", "", url)
    m = SCHEME.match(stripped)
    return bool(m and m["scheme"].lower() not in SAFE_SCHEMES) or stripped.startswith("//") or "\\" in stripped


def page_links(page: Path) -> list[str]:
    root = lxml.html.parse(str(page)).getroot()
    links = [v for el in root.iter() if isinstance(el.tag, str) for k, v in el.attrib.items()
             if k.lower() in URL_ATTRIBUTES]
    for meta in root.xpath("//meta[translate(@http-equiv, 'REFSH', 'refsh') = 'refresh']/@content"):
        links.append(meta.split("url=", 1)[-1])
    return links


def pdf_links(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    links = []
    for page in PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if action and "/URI" in action:
                links.append(str(action["/URI"]))
            elif "/Dest" in annot:
                links.append(f"#{annot['/Dest']}")  # a place in the same PDF
    return links


@pytest.fixture(autouse=True)
def fixed_toolkit(monkeypatch):
    monkeypatch.setattr(corpus, "toolkit_fingerprint", lambda: "toolkit under test")


def test_the_scanner_sees_a_hostile_link():
    assert unsafe("javascript:alert(1)") and unsafe(" java\tscript:x") and unsafe("DATA:text/html,x")
    assert unsafe("file:///etc/passwd") and unsafe("//evil.example") and unsafe("a\\b")
    assert not unsafe("javascript%3Aalert%2810%29/reading.html") and not unsafe("#p1")
    assert not unsafe("https://example.org/x") and not unsafe("../assets/style.css")


@pytest.mark.pdf
def test_no_output_of_a_build_links_to_a_script_or_a_file(tmp_path, capsys):
    texts = tmp_path / "in"
    texts.mkdir()
    for k, name in enumerate(HOSTILE_NAMES + ["alpha"]):
        (texts / f"{name}.txt").write_text(ESSAY.format(title=f"Essay {k}"), encoding="utf-8")
    site = tmp_path / "site"
    assert main(["build", str(texts), "--tei-dir", str(tmp_path / "tei"), "--site-dir", str(site), "-j", "1",
                 "-q"]) == 0, capsys.readouterr().err
    pages, pdfs = sorted(site.rglob("*.html")), sorted(site.rglob("*.pdf"))
    assert len(pdfs) == len(HOSTILE_NAMES) + 1 and len(pages) > 6 * len(HOSTILE_NAMES)
    assert (site / "corpus.html").is_file() and (site / "index.html").is_file()
    checked = 0
    for page in pages:
        for link in page_links(page):
            assert not unsafe(link), (page.relative_to(site), link)
            checked += 1
    for pdf in pdfs:
        links = pdf_links(pdf)
        assert links  # the contents and the index link inside the PDF: the scanner reads its links
        for link in links:
            assert not unsafe(link), (pdf.name, link)
    assert checked > 100
    index = lxml.html.parse(str(site / "index.html")).getroot().xpath("//a/@href")
    assert "javascript%3Aalert%2810%29/index.html" in index or "javascript%3Aalert%2810%29/reading.html" in index
    assert any(href.endswith(".pdf") and "%3A" in href for href in index)  # the PDFs' names are quoted too


def test_no_page_of_the_site_command_links_to_a_script_or_a_file(tmp_path, capsys):
    texts = tmp_path / "in"
    texts.mkdir()
    teis = []
    for k, name in enumerate(HOSTILE_NAMES):
        (texts / f"{name}.txt").write_text(ESSAY.format(title=f"Essay {k}"), encoding="utf-8")
        tei = tmp_path / "tei" / f"{name}.xml"
        assert main(["convert", str(texts / f"{name}.txt"), "-o", str(tei), "-q"]) == 0
        teis.append(str(tei))
    site = tmp_path / "site"
    pdf_options = [arg for name in HOSTILE_NAMES for arg in ("--pdf", f"{name}={name}.pdf")]
    assert main(["site", *teis, "-o", str(site), "-q", *pdf_options]) == 0, capsys.readouterr().err
    links = [(page, link) for page in sorted(site.rglob("*.html")) for link in page_links(page)]
    assert len(links) > 100
    assert not [(p.name, link) for p, link in links if unsafe(link)]
