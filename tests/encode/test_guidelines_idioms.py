"""TEI that generic tools read well: note/@target to the anchor, works cited with their
punctuation as text, and the editor's private remarks (``note_private``) kept out of every output."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from lefort_tei.encode import link_notes_to_anchors
from lefort_tei.encode.standoff import encode_work
from lefort_tei.encode.tei import TEI_NS, T
from lefort_tei.exports import FORMATS, export
from lefort_tei.model import Person, Work
from lefort_tei.pipeline import convert, write_tei
from lefort_tei.render.site import build_site

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
SECRET = "PRIVATE-REMARK-never-published"


def test_a_note_printed_at_the_end_points_to_its_anchor():
    root = etree.fromstring(
        f'<text xmlns="{TEI_NS}"><body><p>x<ref type="noteAnchor" xml:id="a1" target="#note1" n="1">(1)</ref></p>'
        '</body><back><note xml:id="note1" n="1" type="endnote"><p>n</p></note>'
        '<note xml:id="note2" n="2" type="endnote"><p>orphan</p></note></back></text>')
    link_notes_to_anchors(root)
    notes = root.findall(f".//{T('note')}")
    assert notes[0].get("target") == "#a1"
    assert notes[1].get("target") is None  # no anchor, no pointer


def test_a_work_cited_prints_legibly_as_plain_text():
    persons = {"trotsky": Person("trotsky", "Leon Trotsky"), "malamuth": Person("malamuth", "Charles Malamuth")}
    full = Work("w", "Stalin", author="trotsky", translator="malamuth", place="London",
                publisher="Hollis and Carter", date="1947")
    assert "".join(encode_work(full, persons).itertext()) == \
        "Leon Trotsky, Stalin, trans. Charles Malamuth (London: Hollis and Carter, 1947)."
    bare = Work("j", "Pravda", level="j", date="1926", note="A daily.")
    assert "".join(encode_work(bare, persons).itertext()) == "Pravda (1926). A daily."
    article = Work("a", "What happened", author_name="L. T.", container="Bulletin", publisher="P")
    assert "".join(encode_work(article, persons).itertext()) == "L. T., What happened, Bulletin (P)."


def test_private_remarks_reach_no_output(tmp_path):
    text = tmp_path / "essay.txt"
    shutil.copy(GOLDEN / "apparatus.txt", text)
    data = (GOLDEN / "apparatus.toml").read_text(encoding="utf-8")
    data = data.replace('[[person]]\nid = "trotsky"', f'[[person]]\nnote_private = "{SECRET} 1"\nid = "trotsky"', 1)
    data = data.replace('[[work]]\nid = "trotsky-stalin"',
                        f'[[work]]\nnote_private = "{SECRET} 2"\nnote = "A public remark."\nid = "trotsky-stalin"', 1)
    data = data.replace("[[correction]]\n", f'[[correction]]\nnote_private = "{SECRET} 3"\n', 1)
    assert data.count(SECRET) == 3
    text.with_suffix(".toml").write_text(data, encoding="utf-8")
    tei = tmp_path / "essay.xml"
    converted = convert(text, out_path=tei)
    write_tei(converted, tei)
    assert b"A public remark." in tei.read_bytes()  # a public note is published
    outputs = {p: p.read_bytes() for p in build_site([tei], tmp_path / "site") if p.is_file()}
    outputs.update({Path(f): export(tei, f) for f in FORMATS})
    outputs[tei] = tei.read_bytes()
    leaked = [str(p) for p, data in outputs.items() if SECRET.encode() in data]
    assert leaked == []


def test_registers_are_editorial_divisions_of_the_back_even_without_notes(tmp_path):
    """A text with persons and works but no notes: the encoder makes a back for the registers,
    which stay out of the diplomatic text (lossless) and out of standOff."""
    from lefort_tei import convert_text
    from lefort_tei.plaintext import fold_whitespace, view_text

    text = "An Essay\n\nTrotsky wrote Stalin in exile.\n"
    data = tmp_path / "essay.toml"
    data.write_text('[[person]]\nid = "trotsky"\nname = "Leon Trotsky"\nforms = ["Trotsky"]\n\n'
                    '[[work]]\nid = "stalin"\ntitle = "Stalin"\nauthor = "trotsky"\ncited_as = ["Stalin"]\n',
                    encoding="utf-8")
    root = etree.fromstring(convert_text(text, data=data))
    ns = {"t": TEI_NS}
    divs = root.findall("t:text/t:back/t:div", ns)
    assert [(d.get("type"), d.get("subtype"), d.findtext("t:head", namespaces=ns)) for d in divs] == [
        ("editorial", "persons", "Persons"), ("editorial", "worksCited", "Works cited")]
    assert root.find("t:standOff", ns) is None  # no correction, no reason
    assert root.find(".//t:note[@place]", ns) is None
    assert fold_whitespace(view_text(root)) == fold_whitespace(text)
