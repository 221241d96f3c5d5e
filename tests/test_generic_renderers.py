"""What generic TEI renderers need from our TEI, checked without them: the TEI Stylesheets' html5
profile renders ``text`` only (never ``standOff``), gives an id to the elements it renders with
their ``xml:id`` but none to a ``choice``, and moves a ``note[@place="end"]`` into a list of its own,
leaving a stub where the note stands. So, in the master TEI and in its TEI Lite / simplePrint
exports: every local pointer of the text resolves to an element of the text that is not a
``choice``, no note is a ``place="end"`` note, and each endnote stands once, in the back.

With ``TEI_STYLESHEETS=/path/to/Stylesheets`` the real stylesheets render the seed edition and its
exports (scripts/check_tei_stylesheets.py): no dead link, every note printed once, no stub."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from lxml import etree

from lefort_tei.encode.tei import TEI_NS, XML_ID
from lefort_tei.exports import export

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = sorted((ROOT / "tei").glob("*.xml")) + sorted((ROOT / "tests" / "golden").glob("*.xml"))
POINTERS = ("target", "ref", "source", "corresp")
T = f"{{{TEI_NS}}}"


def tree_of(name: str, flavour: str | None) -> etree._ElementTree:
    path = ROOT / name
    if flavour is None:
        return etree.parse(str(path))
    return etree.ElementTree(etree.fromstring(export(path, flavour)))


def unrendered_targets(tree: etree._ElementTree) -> list[str]:
    """Local pointers of ``text`` whose target is missing, in ``standOff`` or a ``choice``."""
    root = tree.getroot()
    text = root.find(f"{T}text")
    rendered = {el.get(XML_ID): el for el in text.iter() if el.get(XML_ID)}
    bad = []
    for el in text.iter():
        for attr in POINTERS:
            for pointer in (el.get(attr) or "").split():
                if not pointer.startswith("#"):
                    continue
                target = rendered.get(pointer[1:])
                if target is None or target.tag == f"{T}choice":
                    bad.append(f"{etree.QName(el).localname}/@{attr}={pointer}")
    return bad


def load_checker():
    if "check_tei_stylesheets" not in sys.modules:
        spec = importlib.util.spec_from_file_location("check_tei_stylesheets", ROOT / "scripts" / "check_tei_stylesheets.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules["check_tei_stylesheets"]


CASES = [(p.relative_to(ROOT).as_posix(), f) for p in EDITIONS for f in (None, "tei-lite", "simple-print")]


@pytest.mark.parametrize(("name", "flavour"), CASES)
def test_every_pointer_of_the_text_resolves_to_an_element_of_the_text(name, flavour):
    tree = tree_of(name, flavour)
    if "lefort" in name:  # the seed points to notes, anchors, works, persons and citations
        pointers = [p for el in tree.getroot().find(f"{T}text").iter() for a in POINTERS for p in (el.get(a) or "").split()]
        assert sum(p.startswith("#") for p in pointers) > 300
    assert unrendered_targets(tree) == []


@pytest.mark.parametrize(("name", "flavour"), CASES)
def test_each_endnote_stands_once_in_the_back_and_is_not_moved(name, flavour):
    root = tree_of(name, flavour).getroot()
    assert root.xpath("//t:note[@place = 'end']", namespaces={"t": TEI_NS}) == []
    endnotes = root.findall(f".//{T}note[@type='endnote']")
    assert all(n.getparent().get("type") == "notes" and n.getparent().getparent().tag == f"{T}back" for n in endnotes)
    ids = [n.get(XML_ID) for n in root.iter(f"{T}note") if n.get(XML_ID)]
    assert len(ids) == len(set(ids))


def test_the_seed_registers_are_in_the_back_once():
    root = etree.parse(str(ROOT / "tei" / "lefort-contradiction-of-trotsky.xml")).getroot()
    ns = {"t": TEI_NS}
    assert root.xpath("//t:standOff/t:listPerson | //t:standOff/t:listBibl", namespaces=ns) == []
    lists = root.xpath("t:text/t:back/t:div[@type = 'editorial']/*[not(self::t:head)]", namespaces=ns)
    assert [etree.QName(x).localname for x in lists] == ["listPerson", "listBibl"]
    ids = [el.get(XML_ID) for el in root.iter() if el.get(XML_ID)]
    assert len(ids) == len(set(ids))


def test_the_checker_counts_a_note_printed_twice_and_a_dead_link():
    """scripts/check_tei_stylesheets.py on a made-up page: a note printed twice, a dead link."""
    checker = load_checker()
    tei = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><text><body><p>A<ref target="#n1">1</ref></p></body><back>'
        '<note xml:id="n1" n="1"><p><label>1</label> Leon Trotsky, <choice><sic>Stalln</sic><corr>Stalin</corr>'
        '</choice>, p. 64.</p></note></back></text></TEI>'))
    once = ('<html><body><p>A<a href="#n1">1</a></p><div id="n1">1 1 Leon Trotsky, [Stalin], p. 64.</div>'
            '</body></html>')
    report = checker.check(once, tei, "once")
    assert report.ok and report.links == 1 and report.notes == 1
    twice = once.replace("</body>", '<a class="notelink" href="#gone">1</a> Leon  Trotsky, Stalin, p. 64.</body>')
    report = checker.check(twice, tei, "twice")
    assert report.dead == ["#gone"] and report.not_once == ["n1 ×2"] and report.stubs == 1


STYLESHEETS = os.environ.get("TEI_STYLESHEETS")


@pytest.mark.skipif(not STYLESHEETS, reason="set TEI_STYLESHEETS to a TEI Stylesheets folder to run them")
def test_the_tei_stylesheets_print_each_note_once_with_no_dead_link(tmp_path, capsys):
    checker = load_checker()
    seed = ROOT / "tei" / "lefort-contradiction-of-trotsky.xml"
    files = [seed]
    for flavour in ("tei-lite", "simple-print"):
        files.append(tmp_path / f"seed.{flavour}.xml")
        files[-1].write_bytes(export(seed, flavour))
    assert checker.main([STYLESHEETS, *map(str, files)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(", dead 0;" in line and "not printed once 0;" in line
                                   and line.endswith("note stubs 0") for line in lines), lines
