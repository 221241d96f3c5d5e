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
- simplePrint has no ``@rend``: a value of its Simple scheme becomes ``@rendition="simple:…"``
  (``hi rend="italic"`` → ``rendition="simple:italic"``), any other (``quote rend="indent"``)
  points to a ``rendition`` declared in the header's ``tagsDecl`` (``#rend-indent``);
  ``note/@place`` takes the Guidelines' closed values (``foot`` → ``bottom``, ``chapter-end`` →
  ``divend``).
- Lite has no ``fw`` and no ``c``: page furniture becomes ``seg type="fw"`` (in running text) or
  ``note type="fw"`` (between blocks, where only Lite's global elements may stand), its type as
  ``subtype``; a ``c`` (a markup character such as the "_" of "_italics_") becomes ``seg`` with the
  same ``type``. ``plaintext`` reads these stand-ins as it reads the master, so both views of a
  flavour are the edition's.

Every rule is by kind of element or attribute, never by text; ``scripts/check_exports.py`` runs
them over a corpus and prints what the schemas still reject, by kind.
"""

from __future__ import annotations

import copy

from lxml import etree

from .encode.tei import TEI_NS, XML_ID, T, local, sub_element, to_bytes

NS = {"t": TEI_NS}
# Our @rend values that the Simple scheme names (simplePrint's closed @rendition vocabulary).
SIMPLE_RENDITIONS = {"italic", "bold", "smallcaps", "allcaps", "underline", "superscript", "subscript",
                     "strikethrough", "typewriter", "centre", "right", "left", "larger", "smaller",
                     "letterspace", "blackletter", "display", "inline"}
# note/@place: ours → the Guidelines' value (simplePrint closes the list).
PLACES = {"foot": "bottom", "chapter-end": "divend"}
# Parents in which furniture stands between blocks (Lite allows only its global elements there).
BLOCK_PARENTS = {"body", "front", "back", "div", "titlePage", "lg", "text", "list", "quote", "q", "note", "sp"}
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
            if kind:  # "block", before the source's layout ("indent", "lines", "markup") it keeps
                el.set("rend", " ".join([kind, *(el.get("rend") or "").split()]))
        for el in root.iter(T("date")):
            el.attrib.pop("from", None)
            el.attrib.pop("to", None)
        _glyphs_to_seg(root)
        _furniture_to_lite(root)
        for el in list(root.iter(T("c"))):
            el.tag = T("seg")
    else:
        _rend_to_rendition(root)
        for el in root.iter(T("note")):
            if el.get("place") in PLACES:
                el.set("place", PLACES[el.get("place")])
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


def _furniture_to_lite(root: etree._Element) -> None:
    """``fw`` → ``seg type="fw"`` in running text, ``note type="fw"`` between blocks; its type as
    ``subtype``, its ``place`` kept."""
    for fw in list(root.iter(T("fw"))):
        parent = fw.getparent()
        block = parent is not None and local(parent) in BLOCK_PARENTS and not _has_text(parent)
        fw.tag = T("note" if block else "seg")
        kind = fw.get("type")
        fw.set("type", "fw")
        if kind:
            fw.set("subtype", kind)
        elif "subtype" in fw.attrib:
            del fw.attrib["subtype"]
        if not block:
            fw.attrib.pop("place", None)


def _has_text(element: etree._Element) -> bool:
    """Whether ``element`` holds running text of its own (mixed content), not only blocks."""
    return bool((element.text or "").strip()) or any((c.tail or "").strip() for c in element)


def _rend_to_rendition(root: etree._Element) -> None:
    """simplePrint: ``@rend`` → ``@rendition``, Simple-scheme values as ``simple:…``, any other
    value as a pointer to a ``rendition`` declared in ``encodingDesc/tagsDecl``."""
    declared: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or "rend" not in el.attrib:
            continue
        tokens = []
        for value in el.attrib.pop("rend").split():
            if value in SIMPLE_RENDITIONS:
                tokens.append(f"simple:{value}")
            else:
                ident = "rend-" + "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in value)
                tokens.append("#" + ident)
                if ident not in declared:
                    declared.append(ident)
        tokens = [*tokens, *(el.get("rendition") or "").split()]
        if tokens:
            el.set("rendition", " ".join(dict.fromkeys(tokens)))
    if not declared:
        return
    header = root.find("t:teiHeader", NS)
    encoding = header.find("t:encodingDesc", NS)
    if encoding is None:
        encoding = etree.Element(T("encodingDesc"))
        header.find("t:fileDesc", NS).addnext(encoding)
    tags = encoding.find("t:tagsDecl", NS)
    if tags is None:
        tags = sub_element(encoding, "tagsDecl")
    for ident in declared:
        sub_element(tags, "rendition", ident.removeprefix("rend-"), scheme="free", **{XML_ID: ident})


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
        div.append(_annotations_list(annotations))
    root.remove(standoff)


def _anchor_choice(choice: etree._Element | None) -> None:
    """A correction a reason points to: its ``xml:id`` moves to an ``anchor`` just before it, which
    renderers print as a link target (the TEI Stylesheets give a ``choice`` no id)."""
    if choice is None:
        return
    anchor = etree.Element(T("anchor"), {XML_ID: choice.attrib.pop(XML_ID)})
    choice.addprevious(anchor)  # an empty element: the text around the choice stays where it is


def _annotations_list(annotations: etree._Element) -> etree._Element:
    """A ``listAnnotation`` as a ``list``: one item per reason for a correction, keeping the
    annotation's id and pointing to the correction."""
    items = etree.Element(T("list"))
    items.tail = annotations.tail
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
    return items


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
