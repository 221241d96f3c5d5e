"""Verse in block quotations: ``quote/lg/l`` (one ``l`` per printed line), Distributed Proofreaders'
"/P" … "P/" markers kept as ``fw[@type=markup]`` beside the quotation; lossless, valid (ours and
tei_all), and shown by the XSLT views. Fixtures written here."""

from __future__ import annotations

import pytest
from lxml import etree

from lefort_tei import convert_text, validate_tei, view
from lefort_tei.encode.tei import TEI_NS
from lefort_tei.render.xslt import Stylesheets
from tests.conftest import tei_all_path

NS = {"t": TEI_NS}
PARA = ("This paragraph is the author's own running text, long enough to be read as prose by the reader, "
        "with more than twenty-five words in it so that nothing mistakes it for a title line.")
INDENTED = (PARA + "\n\nThe old song runs:\n\n    A sailor's heart is true and plain,\n      Fair winds to every port,\n"
            "    And _true_ as the compass to the north.\n\n" + PARA + "\n")
DP = ("-----File: 001.png---\n" + PARA + "\n\nShe began a song:\n\n/P\nHe said, \"I am a swift!\"\n"
      "    If a swift, he should be on the wing;\n\nHe said, \"I am a heron!\"\n"
      "    If a heron, he should be in the reeds!\nP/\n\n" + PARA + "\n-----File: 002.png---\n" + PARA + "\n"
      "-----File: 003.png---\n" + PARA + "\n")


def _tei(text: str, tmp_path, name: str) -> tuple[etree._Element, str]:
    data = convert_text(text, name=name + ".txt")  # raises when the diplomatic text differs from the source
    path = tmp_path / (name + ".xml")
    path.write_bytes(data)
    return etree.fromstring(data), str(path)


def test_indented_verse_is_a_line_group_with_one_l_per_line(tmp_path):
    root, path = _tei(INDENTED, tmp_path, "verse")
    quote = root.find(".//t:body//t:quote", NS)
    lines = ["".join(l.itertext()) for l in quote.iterfind("t:lg/t:l", NS)]
    assert lines == ["A sailor's heart is true and plain,", "Fair winds to every port,", "And _true_ as the compass to the north."]
    assert quote.find("t:lg/t:l/t:hi", NS) is not None  # light markup inside a line
    assert view(path, "diplomatic") .split() == INDENTED.split()
    assert validate_tei(path, tei_all_path()) == []


def test_wrapped_prose_in_an_indented_quotation_stays_a_paragraph(tmp_path):
    text = PARA + "\n\n    I greatly admire the old airs; and discern in them\n    a note of true feeling.\n\n" + PARA + "\n"
    root, _ = _tei(text, tmp_path, "prose")
    quote = root.find(".//t:body//t:quote", NS)
    assert quote.find("t:lg", NS) is None and quote.find("t:p", NS) is not None


def test_dp_poetry_markers_stay_beside_the_quotation_and_stanzas_are_line_groups(tmp_path):
    root, path = _tei(DP, tmp_path, "dp")
    quote = root.find(".//t:body//t:quote", NS)
    assert quote.get("rend") == "markup"
    assert [len(lg.findall("t:l", NS)) for lg in quote.iterfind("t:lg", NS)] == [2, 2]
    before, after = quote.getprevious(), quote.getnext()
    assert (before.tag, before.get("type"), before.text) == (f"{{{TEI_NS}}}fw", "markup", "/P")
    assert (after.tag, after.get("type"), after.text) == (f"{{{TEI_NS}}}fw", "markup", "P/")
    assert "/P" in view(path, "diplomatic") and "/P" not in view(path, "reading")
    assert validate_tei(path, tei_all_path()) == []


@pytest.fixture(scope="module")
def dp_path(tmp_path_factory):
    return _tei(DP, tmp_path_factory.mktemp("verse"), "dp")[1]


@pytest.mark.parametrize("which", ["reading", "diplomatic"])
def test_the_views_show_verse_line_by_line(dp_path, which):
    html = Stylesheets().transform(dp_path, which, "text", {})
    doc = etree.fromstring(f"<div>{html}</div>", etree.HTMLParser())
    groups = doc.xpath("//div[@class='lg']")
    assert [len(g.xpath("span[@class='l']")) for g in groups] == [2, 2]
    assert bool(doc.xpath("//span[contains(@class, 'fw-markup')]")) == (which == "diplomatic")
