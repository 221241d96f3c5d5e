"""``lefort-tei export``: each format on the seed's edition and on small fixtures.

The TEI flavours must be valid against the official TEI Lite and TEI simplePrint schemas (from
``../shared/tei/``, required under CI) and read the same as the master in both views; the JSON
stand-off's offsets must point at the text they describe."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.cli import main
from lefort_tei.exports import FORMATS, bibtex, csl_json, export, standoff_json
from lefort_tei.plaintext import view_text
from lefort_tei.validate import parse_tei

ROOT = Path(__file__).resolve().parent.parent
SEED_TEI = ROOT / "tei" / "lefort-contradiction-of-trotsky.xml"
SHARED_TEI = ROOT.parent / "shared" / "tei"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def official_schema(name: str) -> etree.RelaxNG:
    folder = Path(os.environ["TEI_ALL_RNG"]).parent if os.environ.get("TEI_ALL_RNG") else SHARED_TEI
    path = folder / name
    if not path.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} not found")
        pytest.skip(f"{path} not found")
    return etree.RelaxNG(etree.parse(str(path)))


@pytest.fixture(scope="module")
def master():
    return parse_tei(SEED_TEI)


@pytest.mark.parametrize(("flavour", "schema"), [("tei-lite", "tei_lite.rng"),
                                                 ("simple-print", "tei_simplePrint.rng")])
def test_tei_flavours_are_valid_and_read_as_the_master(master, flavour, schema):
    data = export(SEED_TEI, flavour)
    tree = etree.ElementTree(etree.fromstring(data))
    rng = official_schema(schema)
    assert rng.validate(tree), [f"{e.line}: {e.message}" for e in rng.error_log][:10]
    ids = {el.get(XML_ID) for el in tree.iter() if el.get(XML_ID)}
    targets = [t for el in tree.iter(f"{{{TEI_NS}}}*") for a in ("ref", "target", "source")
               for t in (el.get(a) or "").split() if t.startswith("#")]
    assert targets and [t for t in targets if t[1:] not in ids] == []  # no dead internal link
    assert tree.find(f"{{{TEI_NS}}}standOff") is None
    persons = tree.findall(f".//{{{TEI_NS}}}div[@subtype='persons']//{{{TEI_NS}}}item")
    assert len(persons) == len(master.findall(f".//{{{TEI_NS}}}person"))
    assert [p.findtext(f"{{{TEI_NS}}}name") for p in persons][:2] == ["Claude Lefort", "Leon Trotsky"]
    reasons = tree.find(f".//{{{TEI_NS}}}div[@subtype='corrections']")  # the master's standOff
    assert reasons.getparent().tag == f"{{{TEI_NS}}}back" and reasons.get("type") == "editorial"
    for view in ("diplomatic", "reading"):
        assert view_text(tree, view) == view_text(master, view)


def test_json_standoff_offsets_point_at_their_text(master):
    doc = json.loads(export(SEED_TEI, "json"))
    text = doc["text"]
    assert text == export(SEED_TEI, "text-diplomatic").decode("utf-8")
    assert all(0 <= s["start"] <= s["end"] <= len(text) for s in doc["spans"])
    assert [(s["start"], -s["end"]) for s in doc["spans"]] == sorted((s["start"], -s["end"]) for s in doc["spans"])
    mentions = [s for s in doc["spans"] if s["type"] == "persName"]
    in_text = master.xpath("//t:text//t:persName[not(ancestor::t:div[@type='editorial'])]", namespaces={"t": TEI_NS})
    assert len(mentions) == len(in_text)
    trotsky = [s for s in mentions if s.get("ref") == "#trotsky"]
    assert trotsky and all("rotsky" in text[s["start"]:s["end"]] for s in trotsky)
    corrections = [s for s in doc["spans"] if s["type"] == "correction"]
    assert len(corrections) == len(master.findall(f".//{{{TEI_NS}}}choice"))
    wrotsky = next(s for s in corrections if s["correction"] == "Trotsky")
    assert text[wrotsky["start"]:wrotsky["end"]] == "Wrotsky" and wrotsky["subtype"] == "ocr"


def test_standoff_on_a_small_tree():
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><text><body><p>A <persName ref="#x">Bo</persName> and '
        '<choice><sic>Wrotsky</sic><corr type="ocr">Trotsky</corr></choice>.</p><p>Two.</p></body></text></TEI>'))
    doc = standoff_json(tree)
    assert doc["text"] == "A Bo and Wrotsky.\n\nTwo.\n"
    spans = {(s["type"], doc["text"][s["start"]:s["end"]]) for s in doc["spans"]}
    assert {("persName", "Bo"), ("correction", "Wrotsky"), ("p", "A Bo and Wrotsky."), ("p", "Two.")} <= spans


def test_markdown_has_each_note_once_and_the_reading_text(master):
    md = export(SEED_TEI, "markdown").decode("utf-8")
    notes = master.findall(f".//{{{TEI_NS}}}back//{{{TEI_NS}}}note[@n]")
    for note in notes:
        n = note.get("n")
        assert md.count(f"[^{n}]: ") == 1
        assert md.count(f"[^{n}]") == 2  # the anchor and the note
    assert "Wrotsky" not in md and "Trotsky" in md
    assert md.count("\n> ") >= 12  # block quotations


def test_works_cited_as_csl_json_and_bibtex(master):
    items = json.loads(export(SEED_TEI, "csl-json"))
    works = master.findall(f".//{{{TEI_NS}}}listBibl/{{{TEI_NS}}}bibl")
    assert [i["id"] for i in items] == [w.get(XML_ID) for w in works]
    stalin = next(i for i in items if i["id"] == "trotsky-stalin")
    assert stalin["type"] == "book" and stalin["author"] == [{"family": "Trotsky", "given": "Leon"}]
    assert stalin["issued"] == {"date-parts": [[1947]]} and stalin["publisher-place"] == "London"
    bib = export(SEED_TEI, "bibtex").decode("utf-8")
    assert bib.count("\n@") + bib.startswith("@") == len(works)
    assert "@book{trotsky-stalin,\n  author = {Leon Trotsky},\n  title = {Stalin}," in bib
    # the editor's remarks on the works (their notes) are not part of a reference
    remark = next("".join(n.itertext()) for n in master.iterfind(f".//{{{TEI_NS}}}listBibl//{{{TEI_NS}}}note"))
    assert remark not in bib and remark not in json.dumps(items, ensure_ascii=False)


def test_bibtex_escapes_its_special_characters():
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><listBibl><bibl xml:id="w"><title level="a">50% &amp; more_</title>'
        '<title level="j">J{1}</title><date when="1999-04">April 1999</date></bibl></listBibl></TEI>'))
    assert bibtex(tree) == "@article{w,\n  title = {50\\% \\& more\\_},\n  journal = {J\\{1\\}},\n  year = {1999}\n}\n"
    assert csl_json(tree)[0]["issued"] == {"date-parts": [[1999, 4]]}


def test_the_cli_writes_one_file_per_edition_into_a_folder(tmp_path, capsys):
    assert main(["export", "--to", "bibtex", str(SEED_TEI), "-o", f"{tmp_path}/works/", "-q"]) == 0
    assert (tmp_path / "works" / "lefort-contradiction-of-trotsky.bib").read_bytes() == export(SEED_TEI, "bibtex")
    assert main(["export", "--to", "text-reading", str(SEED_TEI)]) == 0
    assert capsys.readouterr().out == view_text(parse_tei(SEED_TEI), "reading")


def test_the_cli_knows_every_format():
    from lefort_tei.commands.export import FORMATS as CLI_FORMATS

    assert CLI_FORMATS == FORMATS


@pytest.mark.parametrize(("flavour", "schema"), [("tei-lite", "tei_lite.rng"),
                                                 ("simple-print", "tei_simplePrint.rng")])
def test_a_control_character_of_the_source_survives_every_export(tmp_path, flavour, schema):
    from lefort_tei import convert_text

    tei = tmp_path / "bell.xml"
    tei.write_bytes(convert_text("A Title\n\nA bell \x07 rings here.\n", name="bell.txt"))
    assert b"<g " in tei.read_bytes()
    tree = etree.ElementTree(etree.fromstring(export(tei, flavour)))
    rng = official_schema(schema)
    assert rng.validate(tree), [f"{e.line}: {e.message}" for e in rng.error_log][:5]
    doc = json.loads(export(tei, "json"))
    assert "bell \x07 rings" in doc["text"] and doc["text"] == export(tei, "text-diplomatic").decode("utf-8")


@pytest.mark.parametrize(("flavour", "schema"), [("tei-lite", "tei_lite.rng"),
                                                 ("simple-print", "tei_simplePrint.rng")])
def test_light_markup_numbered_paragraphs_and_lists_survive_every_export(tmp_path, flavour, schema):
    from lefort_tei import convert_text

    prose = ("This paragraph is running text long enough to be read as prose by the reader, with more "
             "than twenty-five words in it so that nothing mistakes it for a title line or a heading.")
    text = (f"A Title\n\n{prose}\n\nAT&amp;T x\\ :sup:`2` and God\\'s :emphasis:`way`.\n\n"
            "The items are,\n1. one thing\n2. another thing\n\n1. A numbered paragraph.\n\n2. Another one.\n")
    tei = tmp_path / "markup.xml"
    tei.write_bytes(convert_text(text, name="markup.txt"))
    master = parse_tei(tei)
    tree = etree.ElementTree(etree.fromstring(export(tei, flavour)))
    rng = official_schema(schema)
    assert rng.validate(tree), [f"{e.line}: {e.message}" for e in rng.error_log][:5]
    registers = tree.find(f".//{{{TEI_NS}}}div[@type='editorial']")
    if registers is not None:
        registers.getparent().remove(registers)
    assert "AT&T x\\ 2 and God's way." in view_text(tree, "reading")
    for view in ("diplomatic", "reading"):
        assert view_text(tree, view) == view_text(master, view)


def test_markdown_keys_restarted_note_numbers_apart_and_drops_the_bracket_that_closes_a_label(tmp_path):
    text = ("CHAPTER I\n\nThe river rose in the spring,[1] and the mill was stopped for a week.\n\n"
            "[Footnote 1: In the year of the great flood.]\n\nCHAPTER II\n\n"
            "The mill ran again by summer,[1] and the miller was glad of it.\n\n"
            "[Footnote 1: So the parish book says.]\n")
    (tmp_path / "mill.txt").write_text(text, encoding="utf-8")
    assert main(["convert", "-q", str(tmp_path / "mill.txt"), "-o", str(tmp_path / "mill.xml")]) == 0
    md = export(tmp_path / "mill.xml", "markdown").decode("utf-8")
    assert "spring,[^1] and" in md and "summer,[^1-2] and" in md  # two notes "1": two footnote keys
    assert "[^1]: In the year of the great flood.\n" in md
    assert md.endswith("[^1-2]: So the parish book says.\n")  # not "says.\]"
