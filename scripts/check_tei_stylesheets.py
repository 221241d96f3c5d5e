"""Render TEI files with the TEI Stylesheets' html5 profile and check what a reader of it sees.

In: the TEI Stylesheets' folder (a checkout or release of https://github.com/TEIC/Stylesheets;
not on PyPI, npm or Debian, so not a dependency) and TEI files (editions of lefort-tei, or their
TEI Lite / simplePrint exports). Out: one line per file (internal links, dead ones, notes, notes
not printed exactly once, the stylesheets' note stubs) and, with ``--html DIR``, the rendered
pages. Exit 1 when a file has a dead internal link or a note not printed exactly once.

How a note is counted: its words in order (a gap where a correction or its label stands, which
the stylesheets print in their own way) must occur in the rendered page once (or as often as in
the TEI's ``text``, for a note such as "Ibid." that repeats another); a note printed twice (a
copy in the stylesheets' own list of endnotes) shows up as more, a note lost as none. A stub is the stylesheets' link for a note
they move away (``a.notelink``): the note's text is then printed once, elsewhere.

Use:
  .venv/bin/python scripts/check_tei_stylesheets.py /path/to/Stylesheets tei/*.xml
  .venv/bin/python scripts/check_tei_stylesheets.py /path/to/Stylesheets essay.lite.xml --html /tmp/out
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
PROFILE = Path("profiles") / "default" / "html5" / "to.xsl"
SKIPPED_IN_NOTE = {"choice", "label", "fw", "pb"}  # rendered in the stylesheets' own way ("[and Carter]")
MIN_PROBE = 8  # characters of text: a shorter note is too common to count
GAP = r".{0,80}?"  # where a correction or a label stands: whatever the renderer prints there


@dataclass
class Report:
    name: str
    links: int = 0
    dead: list[str] = field(default_factory=list)
    notes: int = 0
    not_once: list[str] = field(default_factory=list)  # "note12 ×2"
    stubs: int = 0

    def line(self) -> str:
        return (f"{self.name}: internal links {self.links}, dead {len(self.dead)}"
                f"{' ' + ' '.join(sorted(set(self.dead))[:6]) if self.dead else ''}; notes {self.notes}, "
                f"not printed once {len(self.not_once)}{' ' + ' '.join(self.not_once[:6]) if self.not_once else ''}; "
                f"note stubs {self.stubs}")

    @property
    def ok(self) -> bool:
        return not self.dead and not self.not_once


def note_pattern(note: etree._Element, limit: int = 300) -> re.Pattern | None:
    """The note's text as a pattern: its words in order, any white space between them optional
    (renderers drop some), and a short gap of anything where a correction or the label stands
    (printed in the renderer's own way). The first ``limit`` characters of text suffice."""
    parts: list[str] = []
    size = [0]

    def words(s: str) -> None:
        for word in s.split():
            if size[0] < limit:
                parts.append(re.escape(word))
                size[0] += len(word)

    def walk(el: etree._Element) -> None:
        words(el.text or "")
        for child in el:
            if not isinstance(child.tag, str):
                pass
            elif etree.QName(child).localname in SKIPPED_IN_NOTE:
                parts.append(GAP)
            else:
                walk(child)
            words(child.tail or "")

    walk(note)
    while parts and parts[0] == GAP:
        parts.pop(0)
    while parts and parts[-1] == GAP:
        parts.pop()
    if size[0] < MIN_PROBE:
        return None
    return re.compile(r"\s*".join(parts))


def notes_of(tei: etree._ElementTree) -> list[etree._Element]:
    """The notes of the text, not those of the registers' entries (no xml:id)."""
    return [n for n in tei.iterfind(f".//{{{TEI_NS}}}text//{{{TEI_NS}}}note") if n.get(XML_ID)]


def check(html: str, tei: etree._ElementTree, name: str) -> Report:
    report = Report(name)
    page = lxml.html.fromstring(html.encode("utf-8"))
    ids = set(page.xpath("//@id")) | set(page.xpath("//a/@name"))
    hrefs = [h for h in page.xpath("//a/@href") if h.startswith("#")]
    report.links = len(hrefs)
    report.dead = [h for h in hrefs if h[1:] not in ids]
    report.stubs = len(page.xpath("//a[contains(concat(' ', @class, ' '), ' notelink ')]"))
    rendered = page.text_content()
    text_el = tei.getroot().find(f"{{{TEI_NS}}}text")
    source = "".join(text_el.itertext()) if text_el is not None else ""  # the note itself, and its like
    notes = notes_of(tei)
    report.notes = len(notes)
    for note in notes:
        pattern = note_pattern(note)
        if pattern is None:
            continue
        expected = max(1, len(pattern.findall(source)))
        got = len(pattern.findall(rendered))
        if got != expected:
            report.not_once.append(f"{note.get(XML_ID)} ×{got}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stylesheets", type=Path, help="the TEI Stylesheets' folder (holds profiles/default/html5/to.xsl)")
    parser.add_argument("tei", nargs="+", type=Path, help="TEI files to render")
    parser.add_argument("--html", type=Path, help="write each rendered page into this folder")
    args = parser.parse_args(argv)
    xsl = args.stylesheets / PROFILE
    if not xsl.is_file():
        parser.error(f"{xsl} not found: give the TEI Stylesheets' folder")
    from saxonche import PySaxonProcessor

    failed = False
    with PySaxonProcessor(license=False) as proc:
        executable = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(xsl))
        for path in args.tei:
            html = executable.transform_to_string(source_file=str(path.resolve()))
            if args.html:
                args.html.mkdir(parents=True, exist_ok=True)
                (args.html / (path.stem + ".html")).write_text(html, encoding="utf-8")
            report = check(html, etree.parse(str(path)), path.name)
            print(report.line())
            failed |= not report.ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
