"""The fragments around the text: persons, works cited, notes, about; and the parallel rows.

In: tests/xslt/fragments/apparatus.xml. Out: each register lists every place, and each link lands
on the element it names in the reading view.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lefort_tei.render.site import parallel_rows

FRAGMENTS = Path(__file__).parent / "fragments"
ON_READING = {"text_page": "reading.html", "notes_page": "reading.html"}


def links(root, xpath: str) -> list[tuple[str, str]]:
    return [(" ".join(a.text_content().split()), a.get("href")) for a in root.xpath(xpath)]


def test_a_person_lists_every_mention_linked_to_the_persname_in_the_reading_view(render):
    persons = render("reading", fragment="persons", **ON_READING)
    reading = render("reading")
    mentions = links(persons, "//section[@id='trotsky']//ul[@class='mentions']//a")
    assert mentions == [
        ("paragraph 1: Trotsky", "reading.html#m-trotsky-1"),
        ("the heading of section 2: Trotsky", "reading.html#m-trotsky-2"),
        ("paragraph 3: Trotsky", "reading.html#m-trotsky-3"),
        ("2", "reading.html#m-trotsky-4"),  # a second mention in the same place is numbered
        ("note 1: Leon Trotsky", "reading.html#m-trotsky-5"),
    ]
    assert persons.xpath("//a[@href='reading.html#m-trotsky-4']/@aria-label") == ["2: paragraph 3, the 2nd time: Trotsky"]  # the visible "2" begins the name (WCAG 2.5.3)
    assert " ".join(persons.xpath("//section[@id='trotsky']/p[@class='mentions-count']")[0].text_content().split()) \
        == "Mentioned 5 times, in 4 places:"
    for _, href in mentions:
        (landing,) = reading.xpath(f"//*[@id='{href.partition('#')[2]}']")
        assert "person" in landing.get("class")


@pytest.mark.parametrize(("person", "expected"), [
    ("trotsky", "Leon Trotsky (1879–1940)"),
    ("souvarine", "Boris Souvarine"),
    ("nobody", "Nemo Nobody"),
])
def test_persons_are_sorted_by_surname_with_their_dates(render, person, expected):
    persons = render("reading", fragment="persons", **ON_READING)
    assert [s.get("id") for s in persons.xpath("//section")] == ["nobody", "souvarine", "trotsky"]
    assert " ".join(persons.xpath(f"//section[@id='{person}']/h2")[0].text_content().split()) == expected


def test_a_person_never_mentioned_says_so_and_a_corrected_name_is_shown_corrected(render):
    persons = render("reading", fragment="persons", **ON_READING)
    assert "nowhere in the text" in persons.xpath("//section[@id='nobody']")[0].text_content()
    assert links(persons, "//section[@id='souvarine']//ul//a") == [
        ("paragraph 3: Boris Souvarine", "reading.html#m-souvarine-1")]


def test_a_work_lists_the_quotations_and_notes_that_cite_it(render):
    works = render("reading", fragment="works", **ON_READING)
    entry = works.xpath("//section[@id='work-stalin']")[0]
    assert " ".join(entry.xpath("p[@class='bibl-full']")[0].text_content().split()) == (
        "Leon Trotsky, Stalin, trans. Charles Malamuth (London: Hollis and Carter, 1947).")
    assert links(entry, ".//ul[@class='mentions']//a") == [
        ("paragraph 2: The machine took possession of him. ... And more. (2)", "reading.html#q1"),
        ("note 1: Leon Trotsky, Stalin, p. 64.", "reading.html#note1"),
        ("note 2: Ibid., pp. 403-4.", "reading.html#note2"),
        ("paragraph 1: Stalin", "reading.html#t-work-stalin-1"),
    ]


def test_the_notes_page_links_back_to_the_anchors_in_the_reading_view(render):
    notes = render("reading", fragment="notes", text_page="reading.html")
    assert [n.get("id") for n in notes.xpath("//div[@class='note']")] == ["note1", "note2"]
    assert notes.xpath("//div[@id='note2']//a[contains(@class, 'note-back')]/@href") == ["reading.html#a2"]


def test_about_gives_title_sources_and_how_to_cite(render):
    about = render("reading", fragment="about")
    text = " ".join(about.text_content().split())
    assert "A Test Essay by Ann Author" in text
    assert "Plain text: (filename: essay.txt) (sha256: abc123)" in text
    assert "Ann Author, “A Test Essay”, TEI edition by the test editors, 2026-01-02." in text
    assert [h.text for h in about.xpath("//h2")] == ["Source", "How to cite this edition", "Editorial principles"]


def test_parallel_rows_pair_the_blocks_and_flag_the_corrected_ones(sheets):
    rows = parallel_rows(sheets, FRAGMENTS / "apparatus.xml")
    assert [r.key for r in rows] == ["title-page", "front-p1", "p1", "q1", "div2-head", "p3", "note1", "note2"]
    by_key = {r.key: r for r in rows}
    assert by_key["p1"].differs and "Wrotsky" in by_key["p1"].diplomatic and "Trotsky" in by_key["p1"].reading
    assert not by_key["note1"].differs
    assert 'id="d-p1"' in by_key["p1"].diplomatic and 'id="r-p1"' in by_key["p1"].reading


def test_the_corrections_page_lists_every_correction_with_its_facts_and_place(render):
    page = render("reading", fragment="corrections", **ON_READING)
    reading = render("reading")
    entries = page.xpath("//li[@class='correction-entry']")
    assert [e.get("id") for e in entries] == ["c1", "c2", "c3"]
    first = entries[0]
    assert first.xpath("string(.//span[@class='printed'])") == "Wrotsky"
    assert first.xpath("string(.//span[@class='corrected'])") == "Trotsky"
    facts = " ".join(first.xpath("string(.//p[@class='correction-facts'])").split())
    assert facts == "Reason: OCR: W for T · kind: ocr · by: the test editors · certainty: high"
    assert links(first, ".//a") == [("paragraph 1", "reading.html#c1")]
    # a correction of a note marker is not shown by the reading view: the link goes to the anchor
    assert links(entries[1], ".//a") == [("paragraph 2", "reading.html#a2")]
    for _, href in links(page, "//li//a"):
        assert reading.xpath(f"//*[@id='{href.split('#')[1]}']"), href


def test_a_correction_mark_carries_its_facts_and_is_not_a_tab_stop_inside_a_link(render):
    (mark,) = render("reading").xpath("//*[@id='c1']")
    assert (mark.get("data-printed"), mark.get("data-corrected"), mark.get("data-reason"), mark.get("data-by"),
            mark.get("data-cert"), mark.get("data-entry")) == (
        "Wrotsky", "Trotsky", "OCR: W for T", "the test editors", "high", "corrections.html#c1")
    assert mark.getparent().tag == "a" and mark.get("tabindex") is None  # no focusable inside a link
