"""Every export on every kind of structure the reader produces (issue 13: "every export validates
against its schema", not only the seed's).

One small fixture per kind, written here (no corpus text): a HathiTrust page dump (``pb``, ``fw``,
``lb``, hyphenation ``choice``), a Distributed Proofreaders dump (blank pages, page-foot notes,
``/P`` verse markers as ``fw[@type=markup]``), Project Gutenberg boilerplate in ``front``/``back``,
indented verse (``quote/lg/l``), inline ``[Footnote: …]`` notes, light markup (``hi``, ``c``),
numbered paragraphs, nested divisions with chapter-end notes, control characters (``charDecl``/
``g``). For each: the TEI Lite and simplePrint flavours are valid against the official schemas
(``../shared/tei/``), read the same as the master in both views and have no dead internal link;
the plain-text, Markdown, JSON stand-off, CSL-JSON and BibTeX exports do not crash and the text
ones hold the edition's text. Then the same validity over the development corpus, when it is
beside the checkout (skipped otherwise)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei import convert_text
from lefort_tei.exports import FORMATS, export
from lefort_tei.plaintext import fold_whitespace, view_text
from lefort_tei.validate import jing

ROOT = Path(__file__).resolve().parent.parent
SHARED_TEI = ROOT.parent / "shared" / "tei"
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
WORD = re.compile(r"(?P<word>\w+)")  # a word of a text, e.g. "sailor" in "A sailor's heart"
FLAVOURS = {"tei-lite": "tei_lite.rng", "simple-print": "tei_simplePrint.rng"}

PARA = ("This paragraph is the author's own running text, long enough to be read as prose by the reader, "
        "with more than twenty-five words in it so that nothing mistakes it for a title line.")

HATHI = ("This file was downloaded from HathiTrust\n\f\n## p. 1 (#5) " + "#" * 50 + "\n\n"
         "A paragraph that starts on the first page and runs on\nover the page break without a blank line, as "
         "the terri-\n\f\n## p. 2 (#6) " + "#" * 50 + "\n\n2 T H E S M A L L H E A D\ntory. It ends.\n"
         "Another paragraph of the second page.\n\f\n## p. 3 (#7) " + "#" * 50 + "\n\n"
         "T H E S M A L L H E A D 3\nMore text of the third page goes here.\n")

DP = ("-----File: 001.png---\n" + PARA + " A word[1] here.\n\n[Footnote 1: The page's own note.]\n"
      "-----File: 002.png---\n[Blank Page]\n-----File: 003.png---\nShe began a song:\n\n/P\n"
      "He said, \"I am a swift!\"\n    If a swift, he should be on the wing;\n\nHe said, \"I am a heron!\"\n"
      "    If a heron, he should be in the reeds!\nP/\n\n" + PARA + "\n-----File: 004.png---\n" + PARA + "\n")

GUTENBERG = ("The Project Gutenberg EBook of Small Things, by Ada Roe\n\nThis eBook is for the use of anyone.\n\n"
             "*** START OF THIS PROJECT GUTENBERG EBOOK SMALL THINGS ***\n\n\n"
             "Produced by Some Volunteers and the Online\nDistributed Proofreading Team\n\n\n"
             "SMALL THINGS\n\n" + PARA + "\n\n" + PARA + "\n\n"
             "End of the Project Gutenberg EBook of Small Things, by Ada Roe\n\n"
             "*** END OF THIS PROJECT GUTENBERG EBOOK SMALL THINGS ***\n\n1.F.6. INDEMNITY - You agree.\n")

VERSE = (PARA + "\n\nThe old song runs:\n\n    A sailor's heart is true and plain,\n      Fair winds to every port,\n"
         "    And _true_ as the compass to the north.\n\n" + PARA + "\n\n    I greatly admire the old airs; and "
         "discern in them\n    a note of true feeling, said he.\n\n" + PARA + "\n")

INLINE_NOTES = "Composed;[Footnote: These words [sic] are\nineffectual.] a mirror.\n\n" + PARA + "\n"

LIGHT_MARKUP = (PARA + "\n\nThe _first_ word, the *second*, an <i>italic</i> one, a <b>bold</b> one and "
                "<sc>Small Capitals</sc> too.\n\n" + PARA + "\n")

NUMBERED = PARA + "\n\n1. First point of a list.\n\n2. Second point.\n\n3. Third point.\n"

NESTED = ("Book I\n\n" + PARA + "\n\nI\n\nSubject of the First Book\n\n" + PARA + "[1]\n\n[1]  A note of the "
          "first chapter.\n\nII\n\nSubject of the Second\n\n" + PARA + "[2]\n\n[2]  A note of the second "
          "chapter.\n\nBook II\n\n" + PARA + "\n")

END_NOTES = (PARA + " The mystery.1 Holy men came.\n\n" + PARA + " John Stuart Mill.2 Generous men.\n\n"
             "Notes\n\n1 First note.\n\n2 Second note.\n")

CONTROL = PARA + "\n\nA bell\x07 rang, and a vertical\x0btab stood in the line.\n\n" + PARA + "\n"

# name → (text, XPath that must find something in the master: the kind is really there)
FIXTURES = {
    "hathitrust-page-dump": (HATHI, "//t:pb and //t:fw[@type='header'] and //t:lb[@break='no'] and //t:choice"),
    "dp-page-dump": (DP, "//t:fw[@type='markup'] and //t:note[@place='foot'] and //t:lg/t:l"),
    "gutenberg-boilerplate": (GUTENBERG, "//t:front/t:div[@type='boilerplate'] and //t:back/t:div[@type='boilerplate']"),
    "verse": (VERSE, "//t:quote[@rend]/t:lg/t:l/t:hi and //t:quote/t:p"),
    "inline-notes": (INLINE_NOTES, "//t:p/t:note"),
    "light-markup": (LIGHT_MARKUP, "//t:hi[@rend='italic'] and //t:hi[@rend='bold'] and //t:hi[@rend='smallcaps']"
                                   " and //t:c[@type='markup']"),
    "numbered-paragraphs": (NUMBERED, "count(//t:body//t:p) >= 4"),
    "nested-divisions": (NESTED, "//t:div/t:div and //t:note[@place='chapter-end']"),
    "end-notes": (END_NOTES, "//t:note[@target] and //t:ref[@type='noteAnchor']"),
    "control-characters": (CONTROL, "//t:charDecl/t:char and //t:g"),
}


def schema_path(name: str) -> Path:
    folder = Path(os.environ["TEI_ALL_RNG"]).parent if os.environ.get("TEI_ALL_RNG") else SHARED_TEI
    path = folder / name
    if not path.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} not found")
        pytest.skip(f"{path} not found")
    return path


def official_schema(name: str) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(schema_path(name))))


@pytest.fixture(scope="module")
def schemas() -> dict[str, etree.RelaxNG]:
    return {to: official_schema(rng) for to, rng in FLAVOURS.items()}


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("kinds")
    out = {}
    for name, (text, _) in FIXTURES.items():
        out[name] = folder / f"{name}.xml"
        out[name].write_bytes(convert_text(text, name=f"{name}.txt"))  # raises unless lossless
    return out


def _without_registers(tree: etree._ElementTree) -> etree._ElementTree:
    """The flavour less its registers (the back's editorial divisions, which no view reads)."""
    for div in tree.getroot().iterfind(".//t:div[@type='editorial']", NS):
        div.getparent().remove(div)
    return tree


def _dead_links(tree: etree._ElementTree) -> list[str]:
    ids = {el.get(XML_ID) for el in tree.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    return [t for el in tree.iter(f"{{{TEI_NS}}}*") for a in ("ref", "target", "source", "rendition")
            for t in (el.get(a) or "").split() if t.startswith("#") and t[1:] not in ids]


@pytest.mark.parametrize("name", FIXTURES)
def test_each_fixture_has_its_kind(editions, name):
    assert etree.parse(str(editions[name])).xpath(FIXTURES[name][1], namespaces=NS)


@pytest.mark.parametrize("to", FLAVOURS)
@pytest.mark.parametrize("name", FIXTURES)
def test_tei_flavours_are_valid_and_keep_the_editions_text(editions, schemas, name, to):
    master = etree.parse(str(editions[name]))
    flavour = etree.ElementTree(etree.fromstring(export(editions[name], to)))
    rng = schemas[to]
    assert rng.validate(flavour), [f"{e.line}: {e.message}" for e in rng.error_log][:5]
    assert _dead_links(flavour) == []
    _without_registers(flavour)
    for view in ("diplomatic", "reading"):
        assert view_text(flavour, view) == view_text(master, view)
    assert fold_whitespace(view_text(flavour, "diplomatic")) == fold_whitespace(FIXTURES[name][0])


@pytest.mark.parametrize("name", FIXTURES)
def test_other_exports_do_not_crash_and_hold_the_text(editions, name):
    master = etree.parse(str(editions[name]))
    out = {to: export(editions[name], to).decode("utf-8") for to in FORMATS}
    assert out["text-diplomatic"] == view_text(master, "diplomatic")
    assert out["text-reading"] == view_text(master, "reading")
    doc = json.loads(out["json"])
    assert doc["text"] == out["text-diplomatic"]
    assert all(0 <= s["start"] <= s["end"] <= len(doc["text"]) for s in doc["spans"])
    assert json.loads(out["csl-json"]) is not None and out["bibtex"].endswith("\n")
    # every word of the reading text is in the Markdown, but the notes' labels (its "[^n]" marks)
    labels = {w for label in master.iterfind(".//t:note//t:label", NS) for w in WORD.findall("".join(label.itertext()))}
    missing = set(WORD.findall(out["text-reading"])) - set(WORD.findall(out["markdown"].replace("\\", "")))
    assert missing - labels == set()


def test_simple_print_declares_the_renditions_it_points_to(editions):
    flavour = etree.fromstring(export(editions["verse"], "simple-print"))
    assert flavour.xpath("//@rend") == []
    quote = flavour.find(".//t:body//t:quote[@rendition]", NS)
    ident = quote.get("rendition").lstrip("#")
    (rendition,) = flavour.xpath(f"//t:tagsDecl/t:rendition[@xml:id='{ident}']", namespaces=NS)
    assert rendition.text == "indent"
    assert flavour.xpath("//t:hi/@rendition", namespaces=NS) == ["simple:italic"]


def test_lite_page_furniture_is_typed_seg_or_note_and_markup_characters_are_seg(editions):
    flavour = etree.fromstring(export(editions["hathitrust-page-dump"], "tei-lite"))
    assert flavour.find(".//t:fw", NS) is None
    kinds = {(etree.QName(e).localname, e.get("subtype")) for e in flavour.xpath("//*[@type='fw']")}
    assert ("seg", "header") in kinds  # a running head inside the paragraph it cuts
    lite = etree.fromstring(export(editions["light-markup"], "tei-lite"))
    assert lite.find(".//t:c", NS) is None and lite.xpath("//t:seg[@type='markup']", namespaces=NS)


# ---- the development corpus, when it is beside the checkout ---------------------------------------

def _corpus() -> Path | None:
    for c in (os.environ.get("LEFORT_CORPUS"), ROOT.parent / "shared" / "corpus"):
        if c and Path(c).is_dir() and any(Path(c).glob("*.txt")):
            return Path(c)
    return None


@pytest.mark.slow
def test_every_corpus_text_exports_valid_flavours(tmp_path):
    corpus = _corpus()
    if corpus is None:
        pytest.skip("no development corpus (../shared/corpus or LEFORT_CORPUS)")
    from lefort_tei.pipeline import convert

    schemas = {to: schema_path(rng) for to, rng in FLAVOURS.items()}
    written: dict[str, list[Path]] = {to: [] for to in FLAVOURS}
    changed = []
    for text in sorted(corpus.glob("*.txt")):
        tei = tmp_path / f"{text.stem}.xml"
        tei.write_bytes(convert(text, use_default_data=False).encoded.data)
        master = view_text(etree.parse(str(tei)), "diplomatic")
        for to in FLAVOURS:
            out = tmp_path / f"{text.stem}.{to}.xml"
            out.write_bytes(export(tei, to))
            written[to].append(out)
            if view_text(_without_registers(etree.parse(str(out))), "diplomatic") != master:
                changed.append(out.name)
    assert changed == []  # each flavour's diplomatic text is the edition's
    problems = []
    for to, paths in written.items():
        if jing.available():  # one run per schema, every error
            found = jing.validate_with_jing(str(schemas[to]), [str(p) for p in paths], code=to)
            problems += [d.format() for ds in found.values() for d in ds[:3]]
        else:
            rng = etree.RelaxNG(etree.parse(str(schemas[to])))
            problems += [f"{p.name}: {rng.error_log.last_error}" for p in paths if not rng.validate(etree.parse(str(p)))]
    assert problems == []


# ---- the registers: named persons, wherever the master keeps them -------------------------------

SEED_TEI = ROOT / "tei" / "lefort-contradiction-of-trotsky.xml"


@pytest.mark.parametrize("to", FLAVOURS)
def test_the_persons_register_names_every_person(to):
    master = etree.parse(str(SEED_TEI))
    flavour = etree.fromstring(export(SEED_TEI, to))
    items = flavour.findall(".//t:div[@subtype='persons']//t:item", NS)
    assert len(items) == len(master.findall(".//t:person", NS))
    assert [i.get(XML_ID) for i in items if not "".join(i.find("t:name", NS).itertext()).strip()] == []


@pytest.mark.parametrize("to", FLAVOURS)
def test_the_registers_kept_in_back_become_lists_where_they_stand(schemas, to):
    """The master keeps its registers in ``back/div[@type=editorial]``: each flavour keeps them
    there, as the lists it allows, valid and with every link resolved."""
    flavour = etree.ElementTree(etree.fromstring(export(SEED_TEI, to)))
    assert schemas[to].validate(flavour), [f"{e.line}: {e.message}" for e in schemas[to].error_log][:5]
    (trotsky,) = flavour.xpath("//t:div[@type='editorial']/t:list/t:item[@xml:id='trotsky']", namespaces=NS)
    assert trotsky.find("t:name", NS).text == "Leon Trotsky"
    assert flavour.xpath("//t:listPerson | //t:listAnnotation | //t:listBibl/@type | //t:standOff",
                         namespaces=NS) == []
    assert _dead_links(flavour) == []
