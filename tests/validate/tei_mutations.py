"""Known-bad TEI documents made from the good sample by one small lxml edit each.

In: ``tests/validate/good/apparatus.xml`` and a mutation (an XPath and an edit). Out: the bytes
of the broken document. Edits never add or remove a line, so the line of the broken element is
its line in the good sample.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

GOOD = Path(__file__).parent / "good" / "apparatus.xml"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def set_attr(name: str, value: str):
    return lambda el: el.set(name, value)


def del_attr(name: str):
    return lambda el: el.attrib.pop(name)


def remove(el) -> None:
    """Remove an element, keeping its tail text in place."""
    parent, tail = el.getparent(), el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def empty(el) -> None:
    """Remove the element's content (text and children), keeping it and its attributes."""
    for child in list(el):
        el.remove(child)
    el.text = None


def rename(tag: str):
    def edit(el):
        el.tag = f"{{{NS['tei']}}}{tag}" if tag[0] != "{" else tag
    return edit


def both(*edits):
    def edit(el):
        for e in edits:
            e(el)
    return edit


def mutate(xpath: str, edit, base: Path = GOOD) -> bytes:
    tree = etree.parse(str(base), etree.XMLParser(collect_ids=False))
    found = tree.xpath(xpath, namespaces=NS)
    assert found, f"the mutation's XPath finds nothing: {xpath}"
    for el in found:
        edit(el)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
