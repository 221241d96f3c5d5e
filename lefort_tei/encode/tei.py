"""TEI names and serialisation: the namespace helper, indentation of structural elements,
and the bytes of a TEI file (with its ``xml-model`` processing instructions).

In: an lxml element tree. Out: deterministic UTF-8 bytes. Mixed content (``p``, ``head``…) is
never re-indented: white space inside it is text.
"""

from __future__ import annotations

import re

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Elements whose content is only elements in our encoding: safe to indent.
STRUCTURAL = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "availability",
    "sourceDesc", "encodingDesc", "editorialDecl", "correction", "normalization", "quotation",
    "segmentation", "interpretation", "profileDesc", "langUsage", "revisionDesc", "text", "front",
    "titlePage", "docTitle", "argument", "body", "back", "div", "quote", "note", "standOff",
    "listPerson", "person", "listBibl", "listAnnotation", "annotation", "projectDesc", "appInfo",
    "application", "listChange",
}

SCHEMA_PIS = (
    ('href="{rng}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'),
    ('href="{sch}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"'),
)


def T(tag: str) -> str:
    """The Clark name of a TEI element: T("p") → "{http://www.tei-c.org/ns/1.0}p"."""
    return f"{{{TEI_NS}}}{tag}"


def sub_element(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    """A TEI child element; attributes given as None are left out, a trailing "_" is dropped
    (``from_="1908"`` → ``from``)."""
    el = etree.SubElement(parent, T(tag), {k.rstrip("_"): xml_safe(v) for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = xml_safe(text)  # editorial strings (header, registers): no control character survives
    return el


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def indent(element: etree._Element, level: int = 0) -> None:
    """Indent element-only content, leaving mixed content exactly as it is."""
    if local(element) not in STRUCTURAL or len(element) == 0:
        return
    if element.text and element.text.strip():
        return
    if any(child.tail and child.tail.strip() for child in element):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in element:
        indent(child, level + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * level


def to_bytes(root: etree._Element, rng_href: str | None, sch_href: str | None) -> bytes:
    """Serialise a TEI tree: XML declaration, schema PIs, the indented tree, a final newline."""
    indent(root)
    for href, template in ((rng_href, SCHEMA_PIS[0]), (sch_href, SCHEMA_PIS[1])):
        if href:
            root.addprevious(etree.ProcessingInstruction("xml-model", template.format(rng=href, sch=href)))
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True) + b"\n"


# A character XML 1.0 cannot hold (C0 controls but tab, LF, CR; U+FFFE, U+FFFF): written as an
# <g ref="#char-0007">␇</g>: its content the control picture a reader sees, its <char> in the
# header's charDecl the code point the diplomatic text stands for.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def char_id(ch: str) -> str:
    return f"char-{ord(ch):04X}"


def append_text(parent: etree._Element, last: etree._Element | None, s: str) -> etree._Element | None:
    """Append ``s`` after ``last`` (or as ``parent``'s text); characters XML cannot hold become ``g``
    elements. Returns the new last child."""
    pos = 0
    for m in XML_UNSAFE.finditer(s):
        last = append_text(parent, last, s[pos:m.start()])
        last = etree.SubElement(parent, T("g"), {"ref": f"#{char_id(m.group())}"})
        last.text = control_picture(m.group())  # what a reader sees; the code point is in charDecl
        pos = m.end()
    rest = s[pos:]
    if rest:
        if last is None:
            parent.text = (parent.text or "") + rest
        else:
            last.tail = (last.tail or "") + rest
    return last


def control_picture(ch: str) -> str:
    """The visible sign of a control character: "\x07" → "␇" (U+2407); others "\ufffd"."""
    return chr(0x2400 + ord(ch)) if ord(ch) < 0x20 else "\ufffd"


def xml_safe(s: str) -> str:
    """An editorial string (header metadata) with the characters XML cannot hold replaced by U+FFFD."""
    return XML_UNSAFE.sub("\ufffd", s)
