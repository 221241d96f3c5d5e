"""The static site without a browser: well-formed pages, escaping, links, determinism, contrast.

In: the hand-made fragment (tests/xslt/fragments/apparatus.xml) and a tiny text converted by
``lefort_tei.pipeline.convert``. Out: checks on every page the site writes.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from lefort_tei.pipeline import convert
from lefort_tei.render.site import PAGES, build_site
from lefort_tei.resources import TEMPLATES_DIR

FRAGMENTS = Path(__file__).parent / "fragments"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("site")
    return out, build_site([FRAGMENTS / "apparatus.xml"], out, {"apparatus": "apparatus.pdf"})


def pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def test_the_site_has_every_page_and_reports_what_it_wrote(site):
    site_dir, written = site
    assert sorted(written) == sorted(p for p in site_dir.rglob("*") if p.is_file())
    assert {p.name for p in (site_dir / "apparatus").iterdir()} == (
        {f"{p.name}.html" for p in PAGES} | {"apparatus.xml", "apparatus.json", "apparatus.bib"})
    assert (site_dir / "index.html").exists() and (site_dir / "assets" / "style.css").exists()


def test_building_twice_gives_the_same_bytes(site, tmp_path):
    site_dir, _ = site
    again = build_site([FRAGMENTS / "apparatus.xml"], tmp_path, {"apparatus": "apparatus.pdf"})
    for path in again:
        assert path.read_bytes() == (site_dir / path.relative_to(tmp_path)).read_bytes(), path


@pytest.mark.parametrize("page", ["index.html"] + [f"apparatus/{p.name}.html" for p in PAGES])
def test_each_page_is_well_formed_html5_with_lang_one_h1_and_headings_in_order(site, page):
    site_dir, _ = site
    raw = (site_dir / page).read_text(encoding="utf-8")
    assert raw.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    root = lxml.html.fromstring(raw)
    assert root.xpath("//meta[@name='viewport']") and root.xpath("//title/text()")
    levels = [int(h.tag[1]) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert not root.xpath("//a//a"), "a link inside a link"
    for a in root.xpath("//a[@href]"):
        assert a.text_content().strip() or a.get("aria-label"), lxml.html.tostring(a)
    # nothing from the network: every stylesheet, script and image is a file of the site
    for url in root.xpath("//link/@href | //script/@src | //img/@src"):
        assert not re.match(r"(?:https?:)?//", url), url


def test_no_page_has_an_html5_parse_error(site):
    parser_module = pytest.importorskip("tinyhtml5.parser", reason="tinyhtml5 comes with weasyprint")
    site_dir, _ = site
    for page in pages(site_dir):
        parser = parser_module.HTMLParser()
        parser.parse(page.read_bytes())
        assert parser.errors == [], page


def test_every_internal_link_resolves_to_a_file_and_an_id(site):
    site_dir, _ = site
    ids = {p: set(lxml.html.parse(str(p)).getroot().xpath("//@id")) for p in pages(site_dir)}
    broken = []
    for page, page_ids in ids.items():
        for href in lxml.html.parse(str(page)).getroot().xpath("//a/@href | //link/@href | //script/@src"):
            if re.match(r"[a-z]+:", href):
                continue
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            if target.name == "apparatus.pdf":  # the PDF is built by another command
                continue
            if not target.exists() or (fragment and fragment not in ids.get(target, set())):
                broken.append(f"{page.relative_to(site_dir)}: {href}")
    assert broken == []


def test_the_index_links_the_tei_and_the_pdf_when_there_is_one(site, tmp_path):
    site_dir, _ = site
    index = lxml.html.parse(str(site_dir / "apparatus" / "index.html")).getroot()
    assert index.xpath("//ul[@class='downloads']//a/@href")[-2:] == ["apparatus.xml", "../apparatus.pdf"]
    build_site([FRAGMENTS / "apparatus.xml"], tmp_path)
    bare = lxml.html.parse(str(tmp_path / "apparatus" / "index.html")).getroot()
    assert not bare.xpath("//a[contains(@href, '.pdf')]")
    assert "PDF of the reading text: not built" in bare.text_content()


def test_markup_characters_in_a_seed_show_as_text_through_the_whole_pipeline(tmp_path):
    text = tmp_path / "tiny.txt"
    text.write_text("A Tiny <script>alert(1)</script> Title - Some & Author\n\nA blurb about R&D.\n\n"
                    "(Translated from nowhere)\n\nFirst paragraph with <b>bold</b> <script>alert(\"x\")</script> "
                    "& more. (1)\n\nNotes\n\n1 A note with <i>tags</i> & more.\n", encoding="utf-8")
    tei = tmp_path / "tiny.xml"
    tei.write_bytes(convert(text).encoded.data)
    build_site([tei], tmp_path / "site")
    for page in pages(tmp_path / "site"):
        root = lxml.html.parse(str(page)).getroot()
        up = "../" if page.parent.name == "tiny" else ""
        assert [s.get("src") for s in root.iter("script")] == [f"{up}assets/search-index.js", f"{up}assets/site.js"]
        assert not root.xpath("//b | //i")
    # the search index holds the text as JSON strings only: nothing in it runs
    index = (tmp_path / "site" / "assets" / "search-index.js").read_text(encoding="ascii")
    assert index.count(";\n") == 1 and index.endswith("};\n") and "alert(1)" in index
    assert index.splitlines()[1].startswith("window.lefortSearchIndex = {")
    reading = lxml.html.parse(str(tmp_path / "site" / "tiny" / "reading.html")).getroot()
    assert reading.xpath("//h1")[0].text_content() == "A Tiny <script>alert(1)</script> Title"
    # "<b>bold</b>" is light markup (issue 10): read as bold, its tags kept in the diplomatic view only;
    # "<script>" is no markup and stays text in both
    assert "bold <script>alert(\"x\")</script> & more." in reading.xpath("//p[@id='p1']")[0].text_content()
    diplomatic = lxml.html.parse(str(tmp_path / "site" / "tiny" / "diplomatic.html")).getroot()
    assert "<b>bold</b> <script>alert(\"x\")</script> & more." in diplomatic.xpath("//p[@id='p1']")[0].text_content()
    assert "<title>Reading text · A Tiny &lt;script&gt;" in (tmp_path / "site" / "tiny" / "reading.html").read_text()


# ---------------------------------------------------------------- contrast (WCAG 2.1, AA: 4.5:1)

def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# A custom property of style.css: "  --ink: #1c1b19;"
CSS_COLOUR = re.compile(r"""^\s* --(?P<name>[a-z-]+) \s*:\s* (?P<value>\#[0-9a-fA-F]{6}) \s*;""", re.VERBOSE | re.MULTILINE)


@pytest.mark.parametrize(("text", "background"), [
    ("ink", "page"), ("muted", "page"), ("link", "page"), ("mark", "page"),
    ("ink", "highlight"), ("link", "highlight"), ("ink", "target"), ("link", "target"), ("muted", "target"),
])
def test_colours_pass_wcag_aa(text, background):
    css = (TEMPLATES_DIR / "site" / "static" / "style.css").read_text(encoding="utf-8")
    colours = {m["name"]: m["value"] for m in CSS_COLOUR.finditer(css)}
    assert contrast(colours[text], colours[background]) >= 4.5


# --------------------------------------------------------------------------- citation


def test_pages_carry_citation_metadata_and_the_address_only_when_known(site, tmp_path):
    site_dir, _ = site
    page = lxml.html.parse(str(site_dir / "apparatus" / "reading.html")).getroot()
    meta = {m.get("name"): m.get("content") for m in page.xpath("//meta[@name]")}
    assert meta["citation_title"] == "A Test Essay" and meta["citation_author"] == "Ann Author"
    assert meta["citation_editor"] == "the test editors" and meta["citation_publication_date"] == "2026/01/02"
    assert meta["DC.rights"] == "CC BY 4.0" and meta["DC.creator"] == "Ann Author"
    assert "citation_public_url" not in meta and not page.xpath("//link[@rel='canonical']")
    build_site([FRAGMENTS / "apparatus.xml"], tmp_path, base_url="https://example.org/eds")
    page = lxml.html.parse(str(tmp_path / "apparatus" / "reading.html")).getroot()
    meta = {m.get("name"): m.get("content") for m in page.xpath("//meta[@name]")}
    assert meta["citation_public_url"] == "https://example.org/eds/apparatus/reading.html"
    assert page.xpath("//link[@rel='canonical']/@href") == ["https://example.org/eds/apparatus/reading.html"]
    about = lxml.html.parse(str(tmp_path / "apparatus" / "index.html")).getroot()
    cite = " ".join(about.xpath("string(//p[@class='how-to-cite'])").split())
    assert cite.startswith("Ann Author, “A Test Essay”, TEI edition by the test editors, 2026-01-02, "
                           "https://example.org/eds/apparatus/.")
    assert "https://example.org/eds/apparatus/reading.html#p12" in cite


def test_a_base_url_that_is_not_http_is_not_published(tmp_path):
    build_site([FRAGMENTS / "apparatus.xml"], tmp_path, base_url="javascript:alert(1)//")
    page = (tmp_path / "apparatus" / "reading.html").read_text(encoding="utf-8")
    assert "javascript:" not in page and "citation_public_url" not in page


def test_the_citation_records_are_valid_csl_json_and_bibtex(site):
    import json

    site_dir, _ = site
    (item,) = json.loads((site_dir / "apparatus" / "apparatus.json").read_text(encoding="utf-8"))
    assert item["title"] == "A Test Essay" and item["author"] == [{"literal": "Ann Author"}]
    assert item["editor"] == [{"literal": "the test editors"}] and item["issued"] == {"date-parts": [[2026, 1, 2]]}
    bib = (site_dir / "apparatus" / "apparatus.bib").read_text(encoding="utf-8")
    assert bib.startswith("@misc{apparatus,\n") and bib.endswith("}\n")
    assert "  title = {{A Test Essay}},\n" in bib and "  author = {Ann Author},\n" in bib
    assert bib.count("{") == bib.count("}")
    index = (site_dir / "apparatus" / "index.html").read_text(encoding="utf-8")
    assert 'href="apparatus.json"' in index and 'href="apparatus.bib"' in index


def test_bibtex_escapes_what_bibtex_would_read_as_commands():
    from lefort_tei.render.site import _bibtex_escape

    assert _bibtex_escape("R&D 100% {x} a_b") == r"R\&D 100\% \{x\} a\_b"


def test_the_search_index_holds_every_edition_and_both_readings(tmp_path):
    import json

    build_site([FRAGMENTS / "apparatus.xml", FRAGMENTS / "apparatus.xml"], tmp_path)  # one edition, twice
    script = (tmp_path / "assets" / "search-index.js").read_text(encoding="ascii")  # ASCII: escaped JSON
    data = json.loads(script[script.index("= ") + 2:script.rindex(";")])
    assert [e["n"] for e in data["editions"]] == ["apparatus", "apparatus"]
    (p1,) = [b for b in data["blocks"] if b["k"] == "p1" and b["e"] == 0]
    assert "Trotsky wrote" in p1["r"] and "Wrotsky wrote" in p1["d"]  # the printed form is searchable too
    assert not p1["r"].startswith("1")  # the paragraph number is not text
    assert all("d" not in b for b in data["blocks"] if b["k"] == "p3" and "Souvarine" not in b["r"])
