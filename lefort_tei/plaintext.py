"""The diplomatic and the reading text of a TEI edition, as plain text.

In: a parsed TEI tree (or bytes). Out: the text of ``<text>``, one block (``p``, ``head``, the title
page) per paragraph, blocks separated by a blank line.

- diplomatic: takes ``sic``/``orig``/``abbr``, leaves out ``corr``/``reg``/``expan``/``supplied``
  and any element with ``@type="editorial"``; a ``pb`` is the form feed it came from. It must equal
  the source (``fold_whitespace`` of both): that is the edition's losslessness proof.
- reading: the other way round: the editor's corrected text, without page furniture (``fw``);
  a word hyphenated at a line end is joined (``reg`` of the hyphenation ``choice``).

The TEI Lite / simplePrint exports (``export_tei.py``) read the same: their stand-ins for what
those schemas lack are understood here (``@type="fw"`` for ``fw``, ``seg[@type="glyph"]`` for
``g``, ``note[@place="bottom"]`` for a page-foot note).
"""

from __future__ import annotations

import re

from lxml import etree

from .encode.tei import STRUCTURAL, TEI_NS, local

BLOCKS = {"p", "head", "titlePage", "fw", "lg"}  # fw: page furniture between paragraphs (page dumps); lg: verse
EDITORIAL = {"corr", "reg", "expan", "supplied"}
SOURCE_READINGS = {"sic", "orig", "abbr"}
VIEWS = ("diplomatic", "reading")
FOOT_PLACES = {"foot", "bottom"}  # "bottom": the simplePrint export's value for a page-foot note


def is_furniture(element: etree._Element) -> bool:
    """Page furniture: ``fw``, or the TEI Lite export's stand-in for it (``seg``/``note`` ``@type="fw"``)."""
    return local(element) == "fw" or element.get("type") == "fw"


def is_glyph(element: etree._Element) -> bool:
    """A control character of the source: ``g``, or the TEI Lite export's ``seg[@type="glyph"]``."""
    return local(element) == "g" or (local(element) == "seg" and element.get("type") == "glyph")


def _skip(element: etree._Element, view: str) -> bool:
    name = local(element)
    if element.get("type") == "editorial":
        return True
    if view == "reading" and element.get("type") == "markup":  # "_" of "_italics_", "<i>"
        return True
    if view == "reading" and is_furniture(element):
        return True  # running heads, page numbers, separators: the page's, not the text's
    return name in EDITORIAL if view == "diplomatic" else name in SOURCE_READINGS


def _collect(element: etree._Element, view: str, out: list[str]) -> None:
    structural = ((local(element) in STRUCTURAL or local(element) == "choice")
                  and element.get("place") not in FOOT_PLACES and not is_furniture(element))
    if local(element) == "pb" and view == "diplomatic":
        out.append("\f")
    if is_glyph(element):  # the character it stands for, not the picture shown
        out.append(glyph_character(element))
        return
    if local(element) == "lb" and element.get("break") == "no" and view == "reading":
        # a word divided at a line (or page) end is one word: no white space before its rest
        while out and out[-1].isspace():
            out.pop()
        if out:
            out[-1] = out[-1].rstrip()
    if element.text and not (structural and element.text.isspace()):
        out.append(element.text)
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            pass
        elif not _skip(child, view):
            _collect(child, view, out)
        if child.tail and not (structural and child.tail.isspace()):
            out.append(child.tail)


def glyph_character(g: etree._Element) -> str:
    """The character a ``g`` stands for: the code point its ``char`` declares ("U+0007"), else its text.
    The Lite export's ``seg[@type="glyph"]`` carries the code point in ``n``."""
    if local(g) == "seg":
        code = g.get("n") or ""
        return chr(int(code[2:], 16)) if code.upper().startswith("U+") else (g.text or "")
    ident = (g.get("ref") or "").lstrip("#")
    for char in g.getroottree().getroot().iter(f"{{{TEI_NS}}}char"):
        if char.get("{http://www.w3.org/XML/1998/namespace}id") == ident:
            for mapping in char.iter(f"{{{TEI_NS}}}mapping"):
                code = (mapping.text or "").strip()
                if mapping.get("type") == "codepoint" and code.upper().startswith("U+"):
                    return chr(int(code[2:], 16))
    return ""


def blocks(tree: etree._Element | etree._ElementTree, view: str = "diplomatic") -> list[str]:
    """The text of each block of ``<text>``, in document order."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}")
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    text = root.find(f"{{{TEI_NS}}}text")
    if text is None:
        return []
    found: list[str] = []

    def walk(element):
        for child in element:
            if not isinstance(child.tag, str) or _skip(child, view):
                continue
            if (local(child) in BLOCKS or is_furniture(child)
                    or (local(child) == "note" and child.get("place") in FOOT_PLACES)):
                parts: list[str] = []
                _collect(child, view, parts)
                found.append("".join(parts))
            else:
                walk(child)

    walk(text)
    return found


def view_text(tree, view: str = "diplomatic") -> str:
    return "\n\n".join(blocks(tree, view)) + "\n"


LAYOUT_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def fold_whitespace(s: str) -> str:
    """Runs of layout white space (space, tab, line ends, form feed) → one space; the comparison the
    losslessness check uses. Every other space (no-break, ideographic, NEL, thin …) is a character of
    the text and must be kept exactly where the source has it."""
    return LAYOUT_WHITESPACE.sub(" ", s).strip(" ")
