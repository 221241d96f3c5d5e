"""The seed edition, end to end through the converter: what issue 2 promises about it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.encode.tei import TEI_NS
from lefort_tei.pipeline import convert, tei_path_for
from lefort_tei.plaintext import blocks, fold_whitespace, view_text
from lefort_tei.read.blocks import split_blocks
from tests.conftest import ROOT, SEED

NS = {"t": TEI_NS}


@pytest.fixture(scope="module")
def seed_tei():
    out = tei_path_for(SEED, ROOT / "tei")
    converted = convert(SEED, out_path=out)
    return converted, etree.fromstring(converted.encoded.data), out


def test_diplomatic_text_equals_the_seed(seed_tei):
    _, root, _ = seed_tei
    source = SEED.read_text(encoding="utf-8")
    assert fold_whitespace(view_text(root, "diplomatic")) == fold_whitespace(source)


def test_every_block_is_character_for_character_the_source(seed_tei):
    _, root, _ = seed_tei
    source = SEED.read_text(encoding="utf-8")
    expected = [source[s.start:s.end] for s in split_blocks(source)]
    got = blocks(root, "diplomatic")
    # the title page holds the title line; every other block is one source block, in order
    assert got == expected


def test_all_34_notes_have_exactly_one_anchor_in_order(seed_tei):
    _, root, _ = seed_tei
    notes = [int(n.get("n")) for n in root.iterfind(".//t:back//t:note[@type='endnote']", NS)]
    assert notes == list(range(1, 35))
    targets = [r.get("target") for r in root.iterfind(".//t:ref[@type='noteAnchor']", NS)]
    assert targets == [f"#note{n}" for n in range(1, 35)]


@pytest.mark.parametrize("n,printed", [(5, "(5)"), (16, "(l6)"), (34, "34"), (7, "'"), (2, "(2)")])
def test_odd_anchors_keep_their_printed_form(seed_tei, n, printed):
    _, root, _ = seed_tei
    ref = root.find(f".//t:ref[@target='#note{n}']", NS)
    sic = ref.find("t:choice/t:sic", NS)
    assert (sic.text if sic is not None else "".join(ref.itertext())) == printed


def test_headings_and_quotations(seed_tei):
    _, root, _ = seed_tei
    heads = ["".join(h.itertext()) for h in root.iterfind(".//t:body//t:head", NS)]
    assert heads == ["Trotsky's Struggle against Stalin", "Bolshevism and the Rise of Bureaucracy"]
    body_quotes = root.findall(".//t:body//t:quote[@type='block']", NS)
    note_quotes = root.findall(".//t:back//t:quote[@type='block']", NS)
    assert len(body_quotes) == 12 and len(note_quotes) == 1
    two = [q for q in body_quotes if len(q.findall("t:p", NS)) == 2]
    assert len(two) == 1 and "".join(two[0].itertext()).strip().startswith("Numerous critics")


def test_front_matter(seed_tei):
    _, root, _ = seed_tei
    front = root.find(".//t:front", NS)
    assert "".join(front.find(".//t:titlePart", NS).itertext()) == "The Contradiction of Trotsky"
    assert "".join(front.find(".//t:docAuthor", NS).itertext()) == "Claude Lefort"
    assert "".join(front.find("t:argument", NS).itertext()).strip().startswith("Claude Lefort writes")
    assert "".join(front.find("t:div[@type='provenance']", NS).itertext()).strip().startswith("(Translated from")


def test_omission_mark_is_kept(seed_tei):
    _, root, _ = seed_tei
    marks = root.findall(".//t:metamark[@function='omission']", NS)
    assert [m.text or "".join(m.itertext()) for m in marks] == ["[\u00b7 \u00b7 \u00b7]"]


def test_committed_tei_is_up_to_date(seed_tei):
    converted, _, out = seed_tei
    assert out.exists(), "tei/ has no file for the seed: run `lefort-tei build`"
    assert out.read_bytes() == converted.encoded.data, "tei/ is stale: run `lefort-tei build` and commit tei/"


def test_building_twice_gives_identical_bytes(seed_tei):
    converted, _, out = seed_tei
    assert convert(SEED, out_path=out).encoded.data == converted.encoded.data


def test_the_seed_without_its_data_file_still_converts_validly(tmp_path, tei_all_rng):
    """A new text has no data file: lossless, valid TEI with warnings (suggestions), never a refusal."""
    from lefort_tei.pipeline import write_tei

    out = tmp_path / "nodata.xml"
    converted = convert(SEED, out_path=out, use_default_data=False)
    warnings = write_tei(converted, out)  # raises on any validation error
    # every citation now finds its work: the automatic pass lists the works cited (issue 12)
    assert {d.code for d in warnings} == {"note-anchor-missing"}
    assert "data-none" in {d.code for d in converted.diagnostics}
    root = etree.parse(str(out))
    assert tei_all_rng.validate(root), tei_all_rng.error_log.last_error
    assert len(root.findall(".//t:ref[@type='noteAnchor']", NS)) == 33  # all but note 7, whose marker is lost
    assert len(root.findall(".//t:listBibl/t:bibl", NS)) >= 22
    assert root.findall(".//t:persName[@resp='#lefort-tei'][@cert]", NS)
