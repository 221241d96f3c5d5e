"""The web edition in a real browser (headless Chromium, pages opened from file://).

In: the seed, converted and built into a temporary site by the fixtures in conftest.py.
Out: assertions on what a reader sees and clicks, and a screenshot of every page in
artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree

from lefort_tei.encode.tei import TEI_NS
from lefort_tei.render.site import PAGES

pytestmark = pytest.mark.browser
NS = {"t": TEI_NS}
PAGE_NAMES = [p.name for p in PAGES]


def edition_dir(site: Path) -> Path:
    (folder,) = [p for p in site.iterdir() if p.is_dir() and p.name not in ("assets", "schemas")]
    return folder


def tei_tree(tei: Path):
    return etree.parse(str(tei))


def test_diplomatic_shows_the_source_where_reading_shows_the_correction(seed_site, seed_tei, open_page):
    choices = tei_tree(seed_tei).xpath("//t:text//t:choice[t:sic = 'Wrotsky'][t:corr = 'Trotsky']", namespaces=NS)
    if not choices:
        pytest.skip("the converted seed has no Wrotsky → Trotsky correction (the data file's [[correction]] is not applied)")
    block = choices[0].xpath("ancestor::t:p[@xml:id][1]/@xml:id", namespaces=NS)[0]
    folder = edition_dir(seed_site)
    diplomatic = open_page(folder / "diplomatic.html").page
    reading = open_page(folder / "reading.html").page
    dipl_text = diplomatic.locator(f"#{block}").inner_text()
    read_text = reading.locator(f"#{block}").inner_text()
    assert "Wrotsky" in dipl_text and "Trotsky used" not in dipl_text
    assert "Trotsky used" in read_text and "Wrotsky" not in read_text
    # the other form is one hover away, in both views
    read_mark = reading.locator(f"#{block} .choice", has_text="Trotsky").first
    dipl_mark = diplomatic.locator(f"#{block} .choice", has_text="Wrotsky").first
    assert "Wrotsky" in read_mark.get_attribute("title")
    assert "Trotsky" in dipl_mark.get_attribute("title")


def in_viewport(page, element_id: str) -> bool:
    return page.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                     return r.top >= 0 && r.top < window.innerHeight; }""", element_id)


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_note_16_anchor_opens_the_note_and_its_back_link_returns(seed_site, open_page, view):
    page = open_page(edition_dir(seed_site) / f"{view}.html").page
    anchor = page.locator("#a16")
    assert anchor.count() == 1
    anchor.click()
    page.wait_for_function("location.hash === '#note16'")
    assert in_viewport(page, "note16")
    assert page.locator("#note16 .label").first.inner_text().strip() == "16"
    page.locator("#note16 a.note-back").first.click()
    page.wait_for_function("location.hash === '#a16'")
    assert in_viewport(page, "a16")


def test_hovering_a_note_anchor_previews_the_note(seed_site, open_page):
    recording = open_page(edition_dir(seed_site) / "reading.html")
    page = recording.page
    preview = page.locator("#note-preview")
    assert preview.is_hidden()
    page.locator("#a16").hover()
    assert preview.is_visible()
    note_text = " ".join(page.locator("#note16").inner_text().split()).rstrip("↩ ")
    assert " ".join(preview.inner_text().split()) == note_text
    page.mouse.move(0, 0)
    assert preview.is_hidden()
    assert recording.errors == []


def test_reading_view_prints_note_16_as_a_number_and_diplomatic_as_printed(seed_site, seed_tei, open_page):
    printed = "".join(tei_tree(seed_tei).xpath("//t:ref[@xml:id='a16']//text()[not(ancestor::t:corr)]",
                                               namespaces=NS)).strip()
    folder = edition_dir(seed_site)
    # a word joiner (U+2060, invisible) keeps the call from beginning a line
    assert open_page(folder / "reading.html").page.locator("sup #a16").inner_text() == "\u206016"
    assert open_page(folder / "diplomatic.html").page.locator("#a16").inner_text() == "\u2060" + printed


def test_a_persons_register_entry_lists_their_mentions_and_each_link_lands_on_a_person(seed_site, seed_tei,
                                                                                       open_page):
    persons = tei_tree(seed_tei).xpath("//t:listPerson/t:person", namespaces=NS)
    if not persons:
        pytest.skip("the converted seed has no persons register (no [[person]] in its data file)")
    counts = {p.get("{http://www.w3.org/XML/1998/namespace}id"):
              len(p.xpath("//t:text//t:persName[@ref=concat('#', $id)][not(ancestor::t:div[@type='editorial'])]", id=p.get(
                  "{http://www.w3.org/XML/1998/namespace}id"), namespaces=NS)) for p in persons}
    person = max(counts, key=counts.get)
    folder = edition_dir(seed_site)
    register = open_page(folder / "persons.html").page
    links = register.locator(f"section#{person} ul.mentions a")
    assert links.count() == counts[person] > 0
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(set(hrefs)) == len(hrefs)
    links.first.click()  # one real click; the others are checked in the reading page's DOM
    register.wait_for_function("location.pathname.endsWith('reading.html')")
    reading = register
    for href in hrefs:
        page_name, _, fragment = href.partition("#")
        assert page_name == "reading.html"
        assert reading.evaluate("""id => { const el = document.getElementById(id);
                                          return !!el && el.classList.contains('person'); }""", fragment), href
        # a mention links to the register, unless it sits inside another link (a citation's work)
        href_here = reading.evaluate("id => document.getElementById(id).getAttribute('href')", fragment)
        inside_link = reading.evaluate("id => !!document.getElementById(id).closest('a')", fragment)
        assert (href_here or "").endswith(f"persons.html#{person}") or inside_link, href


@pytest.mark.parametrize("name", ["site-index"] + PAGE_NAMES)
def test_every_page_loads_without_console_errors_and_is_screenshot(seed_site, open_page, screenshots, name):
    path = seed_site / "index.html" if name == "site-index" else edition_dir(seed_site) / f"{name}.html"
    recording = open_page(path)
    page = recording.page
    page.wait_for_load_state("load")
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.lang") == "en"
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=False)
    assert recording.errors == []


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_pages_are_readable_on_a_phone(seed_site, open_page, screenshots, name):
    page = open_page(edition_dir(seed_site) / f"{name}.html", width=375, height=740).page
    assert page.evaluate("document.documentElement.scrollWidth") <= 376
    page.screenshot(path=str(screenshots / f"phone-{name}.png"))


def test_no_internal_link_is_broken(seed_site, open_page):
    pages = sorted(seed_site.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    broken = []
    for html in pages:
        page = open_page(html).page
        ids[html] = set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
        for href in page.evaluate("[...document.querySelectorAll('a[href], link[href], script[src]')]"
                                  ".map(e => e.getAttribute('href') || e.getAttribute('src'))"):
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto", "data"):
                continue
            target = (html.parent / unquote(parts.path)).resolve() if parts.path else html
            if not target.exists():
                broken.append(f"{html.name}: {href} (no file)")
            elif parts.fragment:
                if target not in ids:
                    ids[target] = set(open_page(target).page.evaluate(
                        "[...document.querySelectorAll('[id]')].map(e => e.id)"))
                if parts.fragment not in ids[target]:
                    broken.append(f"{html.name}: {href} (no element with that id)")
        page.context.close()
    assert broken == []


def test_toggles_and_search_work_and_the_text_reads_without_javascript(seed_site, open_page, browser):
    folder = edition_dir(seed_site)
    page = open_page(folder / "parallel.html").page
    page.get_by_label("Mark corrections").uncheck()
    assert "hide-corrections" in page.evaluate("document.body.className")
    all_rows = page.locator(".pair:not(.pair-head)").count()
    page.get_by_label("Only blocks with corrections").check()
    visible = page.locator(".pair:not(.pair-head):visible").count()
    assert 0 < visible < all_rows
    reading = open_page(folder / "reading.html").page
    blocks = reading.locator("article.edition p:visible").count()
    reading.get_by_label("Search this page", exact=False).fill("Kronstadt")
    assert 0 < reading.locator("article.edition p:visible").count() < blocks
    context = browser.new_context(java_script_enabled=False)
    try:
        bare = context.new_page()
        bare.goto((folder / "reading.html").as_uri())
        assert bare.locator(".tools").count() == 0
        assert bare.locator("#p12").is_visible()
    finally:
        context.close()


def test_a_seed_with_markup_characters_shows_them_as_text(tmp_path, open_page):
    from lefort_tei.pipeline import convert
    from lefort_tei.render.site import build_site

    text = tmp_path / "tiny.txt"
    text.write_text("A Tiny <script>alert(1)</script> Title - Some & Author\n\nA blurb about R&D.\n\n"
                    "(Translated from nowhere)\n\nFirst paragraph with <script>alert(\"x\")</script> & more. (1)\n\n"
                    "Notes\n\n1 A note with <i>tags</i> & more.\n", encoding="utf-8")
    tei = tmp_path / "tiny.xml"
    tei.write_bytes(convert(text).encoded.data)
    build_site([tei], tmp_path / "site")
    recording = open_page(tmp_path / "site" / "tiny" / "reading.html")
    page = recording.page
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.wait_for_load_state("networkidle")  # a reload during the favicon's request aborts it: a false "failed request"
    page.reload()
    assert page.locator("h1").inner_text() == "A Tiny <script>alert(1)</script> Title"
    assert "<script>alert(\"x\")</script> & more." in page.locator("#p1").inner_text()
    assert page.locator("script:not([src])").count() == 0
    assert dialogs == [] and recording.errors == []


def test_a_correction_shows_its_printed_form_to_keyboard_users(seed_site, open_page):
    """Tab reaches a correction; with the focus, its pop-up shows the printed form (not only on hover)."""
    page = open_page(edition_dir(seed_site) / "reading.html").page
    page.keyboard.press("Tab")
    for _ in range(400):  # Tab until the focus is on a correction
        if page.evaluate("document.activeElement.classList.contains('choice')"):
            break
        page.keyboard.press("Tab")
    mark = page.locator(":focus")
    assert "choice" in mark.get_attribute("class")
    popup = page.locator("#correction-popup")
    assert popup.is_visible()
    assert "Printed: " + mark.get_attribute("data-printed") in " ".join(popup.inner_text().split())
    page.locator("body").click(position={"x": 5, "y": 5})
    assert popup.is_hidden()


def test_a_paragraph_number_offers_its_citation_with_a_stable_url(seed_site, open_page):
    page = open_page(edition_dir(seed_site) / "reading.html").page
    number = page.locator("#p12 a.pnum")
    number.focus()
    page.keyboard.press("Enter")
    popup = page.locator("#cite-popup")
    assert popup.is_visible()
    text = " ".join(popup.inner_text().split())
    assert "¶ 12" in text and text.count("reading.html#p12") == 1
    assert page.evaluate("location.hash") == "#p12"  # the link still makes the address
    page.keyboard.press("Escape")
    assert popup.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('pnum')")


def test_parallel_view_links_reach_paragraphs_inside_quotations_below_the_sticky_heads(seed_site, seed_tei,
                                                                                      open_page):
    inner = tei_tree(seed_tei).xpath("//t:body//t:quote[@type='block']//t:p/@xml:id", namespaces=NS)
    if not inner:
        pytest.skip("no paragraph inside a block quotation")
    folder = edition_dir(seed_site)
    page = open_page(folder / "parallel.html").page
    page.goto((folder / "parallel.html").resolve().as_uri() + f"#{inner[-1]}")
    row = page.locator(f".pair:has(#{inner[-1]})")
    assert row.count() == 1
    head = page.locator(".pair-head").bounding_box()
    box = row.bounding_box()
    assert box["y"] >= head["y"] + head["height"] - 1  # not hidden under the column heads
    # the toggle hides the highlight in the parallel view too
    mark = page.locator(".pair .col-reading .choice").first
    before = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    page.get_by_label("Mark corrections").uncheck()
    assert mark.evaluate("el => getComputedStyle(el).backgroundColor") != before
    # the diplomatic column is styled as diplomatic: titles roman
    cites = page.locator(".col-diplomatic cite")
    if cites.count():
        assert cites.first.evaluate("el => getComputedStyle(el).fontStyle") == "normal"


def test_parallel_view_is_one_column_on_a_phone(seed_site, open_page):
    page = open_page(edition_dir(seed_site) / "parallel.html", width=375).page
    shown = page.evaluate("""() => [...document.querySelectorAll('.pair:not(.differs):not(.pair-head) .col-diplomatic')]
                               .filter(el => el.offsetParent !== null).length""")
    assert shown == 0
    assert page.locator(".pair.differs .col-diplomatic").first.is_visible()


def test_search_finds_a_misprint_across_pages_says_it_was_corrected_and_keeps_the_query(seed_site, seed_tei,
                                                                                         open_page):
    choices = tei_tree(seed_tei).xpath("//t:body//t:choice[t:sic = 'Wrotsky']", namespaces=NS)
    if not choices:
        pytest.skip("the converted seed has no Wrotsky → Trotsky correction")
    block = choices[0].xpath("ancestor::t:p[@xml:id][1]/@xml:id", namespaces=NS)[0]
    recording = open_page(edition_dir(seed_site) / "notes.html")  # a page without that paragraph
    page = recording.page
    page.locator(".tools input[type='search']").fill("Wrotsky")
    results = page.locator(".search-results")
    assert results.is_visible()
    first = results.locator("li").first
    assert "the reading text corrects them" in first.inner_text()
    assert first.locator("mark").first.inner_text() == "Wrotsky"
    assert page.evaluate("new URLSearchParams(location.search).get('q')") == "Wrotsky"
    first.locator("a").first.click()
    page.wait_for_function(f"location.hash === '#{block}'")
    assert page.evaluate("location.pathname").endswith("/reading.html")
    assert page.locator(f"#{block} .choice.search-hit").count() >= 1  # the corrected word is marked
    assert page.locator(".tools input[type='search']").input_value() == "Wrotsky"
    assert recording.errors == []
