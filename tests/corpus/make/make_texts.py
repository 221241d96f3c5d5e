"""Remake the texts of tests/corpus/ from their sources (GITenberg snapshots), as README.md says.

Usage: python make_texts.py MIRRORS_DIR OUT_DIR, where MIRRORS_DIR holds the bare git snapshots
``GITenberg+<name>/repo`` (as the corpus maker's ``fetch`` left them). Each source is read at the
commit given in README.md. Not part of the package or of the tests: a record of how the texts were made.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
SYMBOLS = ["*", "\u2020", "\u2021", "\u00a7", "\u2016", "\u00b6"]  # the printers' order: * † ‡ § ‖ ¶

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "div", "blockquote", "table", "tr",
          "ol", "ul", "hr", "dd", "dt"}


def git_show(mirror: Path, commit: str, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(mirror), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


class Lines(HTMLParser):
    """The shared corpus's "HTML to lines" scraper, plus: page-number spans (class ``pagenum``) and
    table-of-contents links (class ``totoc``) give no text, as in a reader-mode copy; the text of a
    note-reference link (class ``fnanchor``, "[3]") and of a note's label (class ``label``) is printed
    in Unicode superscript digits without brackets ("³"), as an e-book or web copy prints them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.cur: list[str] = []
        self.skip = 0  # depth inside skipped elements
        self.sup = 0  # depth inside superscripted elements
        self.stack: list[tuple[str, bool, bool]] = []

    def flush(self) -> None:
        text = "".join(self.cur)
        lines = [re.sub(r"[ \t\r\n]+", " ", line).strip(" \t\r\n") for line in text.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            self.blocks.append("\n".join(lines))
        self.cur = []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag in ("head", "style", "script") or (tag == "span" and cls in ("pagenum", "totoc")):
            self.stack.append((tag, True, False))
            self.skip += 1
            return
        if tag == "br":
            self.cur.append("\n")
            return
        sup = (tag == "a" and cls == "fnanchor") or (tag == "span" and cls == "label")
        self.stack.append((tag, False, sup))
        self.sup += sup
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        while self.stack:
            t, skipped, sup = self.stack.pop()
            self.skip -= skipped
            self.sup -= sup
            if t == tag:
                break
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.sup:
            data = data.strip("[]").translate(SUPERSCRIPT)
        self.cur.append(re.sub(r"[ \t\r\n]+", " ", data))  # a line break is only a <br>


def html_to_lines(html: str) -> str:
    p = Lines()
    p.feed(html)
    p.close()
    p.flush()
    return "\n\n".join(p.blocks) + "\n"


def russell_web(mirror: Path) -> bytes:
    """14: essay I, from the anchor ``<a name="I"`` up to the anchor ``<a name="II"``."""
    html = git_show(mirror, "139675e0ce8e9bb7e8c4f19133949b782d4eeac0", "25447-h/25447-h.htm").decode("ascii")
    start = html.index('<a name="I" id="I"></a>')
    end = html.index('<a name="II" id="II"></a>')
    return html_to_lines(html[start:end]).encode("utf-8")


BRACKET_ANCHOR = re.compile(r"\[(?P<n>\d+)\]")  # "reality.[19] And" in the text, "[19] Bosanquet" in the notes


def _symbols_per_essay(text: str, first_labels: list[int]) -> str:
    """Anchors and note labels "[n]" become the printers' symbols, counted again from "*" in each
    essay (an essay begins at the label in ``first_labels``): "[19]" → "*", "[20]" → "†"."""
    def symbol(m: re.Match) -> str:
        n = int(m["n"])
        base = max(f for f in first_labels if f <= n)
        return SYMBOLS[n - base]
    return BRACKET_ANCHOR.sub(symbol, text)


def russell_pg_daggers(mirror: Path) -> bytes:
    """15: essays VI and VII of the PG plain text (read as ISO-8859-1, written as UTF-8, CRLF kept), lines 3093-4511 as found (from
    the line "VI" up to the line before "VIII"), "[n]" replaced by symbols restarting in each essay."""
    raw = git_show(mirror, "139675e0ce8e9bb7e8c4f19133949b782d4eeac0", "25447-8.txt")
    lines = raw.split(b"\r\n")
    cut = b"\r\n".join(lines[3092:4511]) + b"\r\n"
    text = cut.decode("latin-1")
    return _symbols_per_essay(text, [19, 23]).encode("utf-8")  # the symbols are not in ISO-8859-1


def mill_pg_parens(mirror: Path) -> bytes:
    """16: chapter II of the PG plain text, lines 1000-2468 as found (from "CHAPTER II." to the
    line before "CHAPTER III."), "[n]" (anchors and labels) replaced by "(n)"."""
    raw = git_show(mirror, "5f5238d21f3be5cfc51f00344934c98fe801d7b2", "34901-8.txt")
    lines = raw.split(b"\r\n")
    cut = b"\r\n".join(lines[999:2468]) + b"\r\n"
    text = cut.decode("latin-1")
    return BRACKET_ANCHOR.sub(lambda m: f"({m['n']})", text).encode("latin-1")


def main(mirrors: str, out: str) -> None:
    m, o = Path(mirrors), Path(out)
    (o / "14-russell-mysticism-and-logic-web.txt").write_bytes(
        russell_web(m / "GITenberg+Mysticism-and-Logic-and-Other-Essays_25447" / "repo"))
    (o / "15-russell-scientific-method-pg-daggers.txt").write_bytes(
        russell_pg_daggers(m / "GITenberg+Mysticism-and-Logic-and-Other-Essays_25447" / "repo"))
    (o / "16-mill-on-liberty-thought-pg-parens.txt").write_bytes(
        mill_pg_parens(m / "GITenberg+On-Liberty_34901" / "repo"))


if __name__ == "__main__":
    main(*sys.argv[1:3])
