"""Parsing is safe: no DTD, no external entity, no network, no entity expansion.

A named pipe (FIFO) with no writer blocks whoever opens it for reading: pointing a DOCTYPE or an
entity at one turns "did the parser read the file?" into "did the call hang?", which a
subprocess with a timeout can answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lefort_tei.validate import validate_bytes
from lefort_tei.diagnostics import InputError
from lefort_tei.validate.safe import PROLOG_DOCTYPE

BAD = Path(__file__).parent / "bad"
TEI = "http://www.tei-c.org/ns/1.0"


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "secret.pipe"
    os.mkfifo(path)
    return path


def doctype_doc(system_url: str, encoding: str = "utf-8") -> bytes:
    # A DOCTYPE cannot be built with lxml's element API; this is the attack as a file would hold it.
    text = (f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
            f'<!DOCTYPE TEI SYSTEM "{system_url}">\n<TEI xmlns="{TEI}"/>\n')
    return text.encode(encoding)


def run_python(code: str, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_doctype_pointing_at_a_file_is_refused_without_opening_it(tmp_path, fifo, encoding):
    path = tmp_path / "attack.xml"
    path.write_bytes(doctype_doc(fifo.as_uri(), encoding))
    done = subprocess.run([sys.executable, "-m", "lefort_tei", "validate", str(path)], capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 2
    assert "[xml-doctype]" in done.stderr and "Traceback" not in done.stderr


def test_the_parser_itself_opens_nothing_even_past_the_prolog_check(fifo):
    # the defence in depth: the resolver answers every URL with nothing, so lxml never opens it
    code = ("import sys; from lxml import etree; from lefort_tei.validate.safe import _parser\n"
            "data = sys.argv[1].encode()\n"
            "root = etree.fromstring(data, _parser()); print('parsed', etree.tostring(root).decode())")
    for attack in (f'<!DOCTYPE TEI SYSTEM "{fifo.as_uri()}"><TEI xmlns="{TEI}"/>',
                   f'<!DOCTYPE TEI [<!ENTITY e SYSTEM "{fifo.as_uri()}">]><TEI xmlns="{TEI}">&e;</TEI>'):
        done = run_python(code, attack)
        assert done.returncode == 0 and done.stdout.startswith("parsed"), done.stderr


def test_the_entity_bomb_is_refused_at_once():
    start = time.perf_counter()
    diagnostics = validate_bytes((BAD / "entity-bomb.xml").read_bytes(), "bomb.xml")
    assert time.perf_counter() - start < 1
    assert [d.code for d in diagnostics] == ["xml-doctype"]


def test_the_entity_bomb_without_the_prolog_check_stops_in_libxml2():
    # even if the DOCTYPE got past us, libxml2's amplification limit ends the parse at once
    from lxml import etree

    from lefort_tei.validate.safe import _parser

    start = time.perf_counter()
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        etree.fromstring((BAD / "entity-bomb.xml").read_bytes(), _parser())
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize(("prolog", "matches"), [
    (b'<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE TEI SYSTEM "x">', True),
    (b'\xef\xbb\xbf<!DOCTYPE TEI>', True),
    (b'<?xml version="1.0"?>\n<?xml-model href="a.rng"?><TEI/>', False),
    (b'<TEI><p>&lt;!DOCTYPE in text</p></TEI>', False),
])
def test_the_prolog_pattern(prolog, matches):
    assert bool(PROLOG_DOCTYPE.match(prolog)) is matches


def test_a_duplicate_xml_id_does_not_stop_the_parse():
    data = (BAD.parent / "good" / "apparatus.xml").read_bytes().replace(b'xml:id="p3"', b'xml:id="p2"')
    assert {d.code for d in validate_bytes(data, "dup.xml")} == {"id-unique"}


@pytest.mark.parametrize("depth,refused", [(95, False), (101, True), (300, True)])
def test_one_nesting_limit_for_every_step(depth, refused):
    from lefort_tei.validate.safe import MAX_DEPTH, parse_bytes

    inner = "<hi>" * depth + "x" + "</hi>" * depth
    data = (f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{inner}</TEI>').encode()
    if refused:
        with pytest.raises(InputError) as caught:
            parse_bytes(data, "deep.xml")
        (d,) = caught.value.diagnostics
        # past 256 levels libxml2 itself stops the parse ("Excessive depth"), also with a position
        assert (d.code, str(MAX_DEPTH) in d.message) == ("xml-too-deep", True) or (
            depth > 256 and d.code == "xml-malformed" and "depth" in d.message)
    else:
        assert parse_bytes(data, "deep.xml").getroot() is not None
