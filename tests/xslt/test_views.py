"""Small TEI fragments → the HTML of each view, asserted on the parsed HTML.

In: tests/xslt/fragments/apparatus.xml (every element the views handle) and unknown-element.xml.
Out: what each view shows (which reading of a choice, how anchors print) and what both share.
"""

from __future__ import annotations

import copy
from pathlib import Path

import lxml.html
import pytest

from lefort_tei.diagnostics import EditionError

FRAGMENTS = Path(__file__).parent / "fragments"


def text_of(root, xpath: str) -> str:
    found = root.xpath(xpath)
    assert found, f"nothing at {xpath}"
    item = found[0]
    text = item if isinstance(item, str) else item.text_content()
    return " ".join(text.replace("\u2060", "").split())  # the word joiner before a note call is invisible


# (view, xpath in the HTML, the text or attribute value expected there)
EXPECTED = [
    # which reading of a choice is shown, the other one hover away
    ("diplomatic", "//p[@id='p1']", "1In substantiating his thesis, Wrotsky wrote Stalin in 1923 and 1908-1911. (1)"),
    ("reading", "//p[@id='p1']", "1In substantiating his thesis, Trotsky wrote Stalin in 1923 and 1908-1911. 1"),
    ("diplomatic", "//span[@id='c1']/@title", "corrected: Trotsky"),
    ("reading", "//span[@id='c1']/@title", "printed: Wrotsky"),
    ("diplomatic", "//span[@id='c3']", "]3oris Souvarine"),
    ("reading", "//span[@id='c3']", "Boris Souvarine"),
    # how anchors print: as printed, or as a superscript number; both open the note
    ("diplomatic", "//a[@id='a2']", "(l2)"),
    ("reading", "//sup/a[@id='a2']", "2"),
    ("reading", "//sup[a[@id='a2']]/@title", "printed (l2)"),
    ("diplomatic", "//a[@id='a2']/@href", "#note2"),
    ("reading", "//a[@id='a2']/@href", "#note2"),
    # shared by both views
    ("diplomatic", "//div[@id='note2']//a[contains(@class, 'note-back')]/@href", "#a2"),
    ("reading", "//div[@id='note2']//a[contains(@class, 'note-back')]/@href", "#a2"),
    ("reading", "//div[@id='note2']//a[contains(@class, 'note-back')]/@aria-label", "note 2, back to the text (paragraph 2)"),
    ("reading", "//p[@id='p1']/a[@class='pnum']/@href", "#p1"),
    ("reading", "//p[@id='p1']/a[@class='pnum']/@aria-label", "paragraph 1"),
    ("reading", "//a[@id='m-trotsky-1']/@href", "persons.html#trotsky"),
    ("reading", "//a[@id='m-trotsky-1']/@class", "person"),
    ("reading", "//a[@id='m-trotsky-2']/ancestor::h2/@id", "div2-head"),
    ("reading", "//p[@id='p1']//a[contains(@class, 'title')]/@href", "works.html#work-stalin"),
    ("reading", "//p[@id='p1']//a[contains(@class, 'title')]/cite", "Stalin"),
    ("reading", "//time/@datetime", "1923"),
    ("reading", "//span[@class='date']/@title", "from 1908 to 1911"),
    ("reading", "//figure[@id='q1']/blockquote/p/@id", "p2"),
    ("reading", "//figure[@id='q1']/figcaption", "Source: Stalin (Leon Trotsky), pp. 403–404 · see note 2"),
    ("reading", "//figure[@id='q1']/figcaption/a[1]/@href", "works.html#work-stalin"),
    ("reading", "//figure[@id='q1']/figcaption/a[2]/@href", "#note2"),
    ("reading", "//span[@class='metamark']", "..."),
    ("reading", "//span[@class='pb']/@title", "page break in the source"),
    ("reading", "//span[@lang='fr']", "l'État"),
    ("reading", "//span[contains(@class, 'rend-italic')]", "emphasis"),
    ("reading", "//div[@id='note1']//span[@id='note1-bibl']/a/@href", "works.html#work-stalin"),
    ("reading", "//div[@id='note1']//span[@id='note1-bibl']//span[@class='person']", "Leon Trotsky"),
    ("reading", "//nav[@class='toc']//li[1]/a/@href", "#div1"),
    ("reading", "//nav[@class='toc']//li[1]", "Section 1 (untitled)"),
    ("reading", "//nav[@class='toc']//li[2]", "The Second Trotsky Section"),
    ("reading", "//nav[@class='toc']//li[3]/a/@href", "#notes"),
    ("reading", "//h1", "A Test Essay"),
    ("reading", "//article/@lang", "en"),
]


@pytest.mark.parametrize(("view", "xpath", "expected"), EXPECTED)
def test_view_shows(render, view, xpath, expected):
    assert text_of(render(view), xpath) == expected


def without_the_differences(root):
    """The HTML of a view with what may differ removed: choices, note anchors, the view's name."""
    root = copy.deepcopy(root)
    for el in root.xpath("//span[contains(@class, 'choice')] | //sup[@class='note-number'] | //a[@class='note-ref']"):
        el.drop_tree()
    for article in root.xpath("//article"):
        article.set("class", "edition")
    return lxml.html.tostring(root, encoding="unicode")


def test_the_views_differ_only_in_choices_and_note_anchors(render):
    diplomatic, reading = render("diplomatic"), render("reading")
    assert lxml.html.tostring(diplomatic) != lxml.html.tostring(reading)
    assert without_the_differences(diplomatic) == without_the_differences(reading)


@pytest.mark.parametrize("view", ["diplomatic", "reading"])
def test_an_unknown_element_stops_the_transformation(sheets, view):
    with pytest.raises(EditionError) as caught:
        sheets.transform(FRAGMENTS / "unknown-element.xml", view)
    message = caught.value.diagnostics[0].message
    assert 'no rule for the TEI element "unclear"' in message
    assert "xml:id=p1" in message


def test_headings_are_in_order_and_there_is_one_h1(render):
    levels = [int(h.tag[1]) for h in render("reading").xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


def test_ids_are_unique_and_every_same_page_link_has_its_target(render):
    root = render("reading")
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    fragments = [h[1:] for h in root.xpath("//a/@href") if h.startswith("#")]
    assert fragments and set(fragments) <= set(ids)
    assert not root.xpath("//a//a"), "a link inside a link"


def test_an_id_prefix_keeps_ids_and_same_page_links_apart(render):
    root = render("diplomatic", id_prefix="d-")
    assert root.xpath("//p[@id='d-p1']") and not root.xpath("//*[@id='p1']")
    assert text_of(root, "//a[@id='d-a2']/@href") == "#d-note2"
    assert text_of(root, "//a[@id='d-m-trotsky-1']/@href") == "persons.html#trotsky"


def test_the_stylesheets_are_compiled_once(sheets):
    from lefort_tei.render.xslt import Stylesheets

    assert Stylesheets().executable("reading") is sheets.executable("reading")
    assert sheets.executable("reading") is not sheets.executable("diplomatic")


def test_ranks_in_ids_count_earlier_elements_of_the_same_kind(render):
    """Sections without xml:id and mentions are numbered in document order, per name or per person
    (a mention naming two persons counts for both); one pass over the document, not a count per id."""
    root = render("reading", "numbering")
    ids = root.xpath("//@id")
    for expected in ("div-1", "div-2", "div-2-head", "m-a-1", "m-b-1", "m-a-3", "m-a-4", "m-b-2", "t-w-1", "t-w-2"):
        assert expected in ids, (expected, ids)
    assert "m-a-2" not in ids  # the second mention of a is the one that names b first
