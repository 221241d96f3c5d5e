"""The TEI Lite and TEI simplePrint flavours of an edition, for tools that only read those.

In: a parsed master TEI (ours, valid against tei_all). Out: the bytes of a copy valid against
``tei_lite.rng`` or ``tei_simplePrint.rng``. The text and its readings are unchanged (both views
read the same from the flavour as from the master); what those customisations lack is recast:

- ``persName`` → ``name type="person"`` (``ref`` kept); Lite: a ``quote`` → ``q`` (block ones
  ``rend="block"``), a ``date`` keeps ``when`` only (its ``from``/``to`` go), ``metamark`` →
  ``seg type="metamark"`` (both flavours lack ``metamark``); Lite: a ``g`` → ``seg type="glyph"``
  (its control picture, ``n`` the code point) and ``charDecl`` goes.
- the registers (the back's ``div[@type="editorial"]``): the persons as a ``list`` whose ``item``s
  carry the persons' ``xml:id`` (so every ``ref="#…"`` still resolves), the works cited as an
  untyped ``listBibl``; ``standOff`` → one more editorial division of the back, the reasons for
  corrections as a ``list`` whose items carry the annotations' ids and point to the corrections.
- the header's ``editorialDecl`` sections (``correction``, ``normalization``…) → one ``p`` each.
"""

from __future__ import annotations

import copy

from lxml import etree

from .encode.tei import TEI_NS, XML_ID, T, local, sub_element, to_bytes

NS = {"t": TEI_NS}
EDITORIAL_SECTIONS = {"correction", "normalization", "quotation", "hyphenation", "segmentation", "interpretation",
                      "punctuation", "stdVals"}


def flavour(tree: etree._ElementTree, to: str) -> bytes:
    """The ``tei-lite`` or ``simple-print`` flavour of a master TEI tree, as bytes."""
    lite = to == "tei-lite"
    root = copy.deepcopy(tree.getroot())  # without the master's xml-model links
    _registers_for_flavour(root)  # first: it reads the persons' persName
    for el in list(root.iter(T("persName"))):
        el.tag = T("name")
        el.set("type", "person")
    for el in list(root.iter(T("metamark"))):
        el.tag = T("seg")
        function = el.attrib.pop("function", None)
        el.set("type", "metamark")
        if function:
            el.set("subtype", function)
    if lite:
        for el in list(root.iter(T("quote"))):
            el.tag = T("q")
            kind = el.attrib.pop("type", None)
            el.attrib.pop("source", None)
            if kind:
                el.set("rend", kind)
        for el in root.iter(T("date")):
            el.attrib.pop("from", None)
            el.attrib.pop("to", None)
        _glyphs_to_seg(root)
        for el in list(root.iter(T("c"))):  # Lite has no c: a markup character is seg[@type=markup]
            el.tag = T("seg")
    else:  # simplePrint has no @rend: its own renditions, "simple:italic", "simple:superscript"
        for el in root.iter(T("hi")):
            if (rend := el.attrib.pop("rend", None)) is not None:
                el.set("rendition", "simple:" + rend)
    _flatten_editorial_decl(root)
    return to_bytes(root, None, None)


def _glyphs_to_seg(root: etree._Element) -> None:
    """Lite has no gaiji module: a ``g`` (a control character of the source) becomes
    ``seg type="glyph"`` with its control picture and ``n`` its code point; charDecl goes."""
    from .plaintext import glyph_character

    for g in list(root.iter(T("g"))):
        character = glyph_character(g)
        g.tag = T("seg")
        g.attrib.pop("ref", None)
        g.set("type", "glyph")
        if character:
            g.set("n", f"U+{ord(character):04X}")
    for decl in list(root.iter(T("charDecl"))):
        decl.getparent().remove(decl)


def _flatten_editorial_decl(root: etree._Element) -> None:
    for decl in root.iterfind(".//t:encodingDesc/t:editorialDecl", NS):
        for section in list(decl):
            if not isinstance(section.tag, str) or local(section) not in EDITORIAL_SECTIONS:
                continue
            p = etree.Element(T("p"))
            p.text = " ".join("".join(section.itertext()).split())
            p.tail = section.tail
            decl.replace(section, p)
        if len(decl) == 0:
            sub_element(decl, "p", "See the edition's documentation.")


def _registers_for_flavour(root: etree._Element) -> None:
    """The registers in the back stay where they are, in the form the flavours allow: the persons
    as a ``list`` (no ``listPerson`` in Lite or simplePrint) whose items keep the persons'
    ``xml:id``, the works cited as an untyped ``listBibl``; ``standOff`` (the reasons for
    corrections) becomes one more editorial division of the back, a ``list`` whose items keep the
    annotations' ids and point to the corrections."""
    text = root.find("t:text", NS)
    for person_list in list(root.iterfind("t:text/t:back/t:div/t:listPerson", NS)):
        items = etree.Element(T("list"))
        for person in person_list.iterfind("t:person", NS):
            items.append(_person_item(person))
        items.tail = person_list.tail
        person_list.getparent().replace(person_list, items)
    for bibl_list in root.iterfind("t:text/t:back/t:div/t:listBibl", NS):
        bibl_list.attrib.pop("type", None)
    standoff = root.find("t:standOff", NS)
    if standoff is None:
        return
    back = text.find("t:back", NS)
    if back is None:
        back = sub_element(text, "back")
    by_id = {el.get(XML_ID): el for el in text.iter(T("choice")) if el.get(XML_ID)}
    for annotations in standoff.iterfind("t:listAnnotation", NS):
        for target in annotations.xpath("t:annotation/@target", namespaces=NS):
            _anchor_choice(by_id.pop(target.split()[0].lstrip("#"), None) if target.split() else None)
        div = sub_element(back, "div", type="editorial", subtype="corrections")
        sub_element(div, "head", "Corrections")
        items = sub_element(div, "list")
        for annotation in annotations.iterfind("t:annotation", NS):
            item = sub_element(items, "item", **{XML_ID: annotation.get(XML_ID)})
            target = (annotation.get("target") or "").split()
            if target:
                ref = sub_element(item, "ref", target[0].lstrip("#"), target=target[0])
                ref.tail = ": "
            item_text = " ".join(" ".join(n.itertext()) for n in annotation.iterfind("t:note", NS))
            if len(item):
                item[-1].tail = (item[-1].tail or "") + " ".join(item_text.split())
            else:
                item.text = " ".join(item_text.split())
    root.remove(standoff)


def _anchor_choice(choice: etree._Element | None) -> None:
    """A correction a reason points to: its ``xml:id`` moves to an ``anchor`` just before it, which
    renderers print as a link target (the TEI Stylesheets give a ``choice`` no id)."""
    if choice is None:
        return
    anchor = etree.Element(T("anchor"), {XML_ID: choice.attrib.pop(XML_ID)})
    choice.addprevious(anchor)  # an empty element: the text around the choice stays where it is


def _person_item(person: etree._Element) -> etree._Element:
    """``<item xml:id="trotsky"><name type="person">Leon Trotsky</name> (1879–1940); also: Trotsky.
    Wikidata Q33391.</item>``"""
    item = etree.Element(T("item"), {XML_ID: person.get(XML_ID)})
    names = person.findall("t:persName", NS)
    standard = next((n for n in names if n.get("type") == "standard"), names[0] if names else None)
    name = sub_element(item, "name", " ".join("".join(standard.itertext()).split()) if standard is not None else "",
                       type="person")
    bits = []
    birth, death = person.find("t:birth", NS), person.find("t:death", NS)
    if birth is not None or death is not None:
        bits.append(f" ({_text(birth)}–{_text(death)})")
    variants = [_text(n) for n in names if n is not standard]
    if variants:
        bits.append("; also: " + ", ".join(variants))
    for idno in person.iterfind("t:idno", NS):
        bits.append(f"; {idno.get('type') or 'id'} {_text(idno)}")
    for note in person.iterfind("t:note", NS):
        bits.append(f". {_text(note)}")
    name.tail = "".join(bits) or None
    return item


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""
