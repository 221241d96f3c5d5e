"""Encode the registers (persons, works cited) and ``standOff`` (the reasons for corrections).

In: a ``Document`` with ``persons``, ``works`` and ``Correction`` spans (ids assigned), plus the
reasons. Out: ``encode_registers`` → the back's register divisions
(``div[@type="editorial"][@subtype="persons"|"worksCited"]``, each a ``head`` and a ``listPerson`` or
``listBibl``), in a place generic renderers print (the TEI Stylesheets do not render ``standOff``,
and the text points into the registers); ``encode_standoff`` → ``standOff`` with the reasons for
corrections (``listAnnotation``), or ``None``. Everything here is editorial: none of it belongs to
the diplomatic text (``@type="editorial"`` keeps the registers out of it).
"""

from __future__ import annotations

from lxml import etree

from ..model import Correction, Document, Person, Work
from .tei import XML_ID, T
from .tei import sub_element as _sub




REGISTER_HEADS = {"persons": "Persons", "worksCited": "Works cited"}


def encode_registers(doc: Document) -> list[etree._Element]:
    """The register of persons and the works cited, as divisions of the back."""
    divs = []
    if doc.persons:
        people = _sub(_register_div(divs, "persons"), "listPerson")
        for person in doc.persons:
            people.append(encode_person(person))
    if doc.works:
        works = _sub(_register_div(divs, "worksCited"), "listBibl", type="worksCited")
        persons = {p.id: p for p in doc.persons}
        for work in doc.works:
            works.append(encode_work(work, persons))
    return divs


def _register_div(divs: list[etree._Element], kind: str) -> etree._Element:
    div = etree.Element(T("div"), {"type": "editorial", "subtype": kind})
    _sub(div, "head", REGISTER_HEADS[kind])
    divs.append(div)
    return div


def encode_standoff(doc: Document) -> etree._Element | None:
    """``standOff`` with the reasons for corrections, each pointing to its correction."""
    corrections = [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, Correction) and i.reason]
    corrections += [i for h in doc.headings() for i in h.inlines if isinstance(i, Correction) and i.reason]
    if not corrections:
        return None
    standoff = etree.Element(T("standOff"))
    notes = _sub(standoff, "listAnnotation", type="corrections")
    for c in sorted(corrections, key=lambda c: c.span.start):
        annotation = etree.SubElement(notes, T("annotation"), {XML_ID: f"why-{c.id}", "target": f"#{c.id}",
                                                               "motivation": "editing"})
        _sub(annotation, "note", c.reason)
    return standoff


def encode_person(person: Person) -> etree._Element:
    el = etree.Element(T("person"), {XML_ID: person.id})
    if person.resp:
        el.set("resp", person.resp)
    if person.cert:
        el.set("cert", person.cert)
    _sub(el, "persName", person.name, type="standard")
    for form in person.forms:
        if form != person.name:
            _sub(el, "persName", form, type="variant")
    if person.birth:
        _sub(el, "birth", person.birth, when=person.birth if _iso(person.birth) else None)
    if person.death:
        _sub(el, "death", person.death, when=person.death if _iso(person.death) else None)
    if person.wikidata:
        _sub(el, "idno", person.wikidata, type="wikidata")
    if person.viaf:
        _sub(el, "idno", person.viaf, type="VIAF")
    if person.note:
        _sub(el, "note", person.note)
    return el


def encode_work(work: Work, persons: dict[str, Person]) -> etree._Element:
    """A work cited, with the punctuation of a reference kept as text between its parts, so that a
    renderer that only prints text (CETEIcean, the TEI Stylesheets) shows "Leon Trotsky, Stalin,
    trans. Charles Malamuth (London: Hollis and Carter, 1947)." (Our XSLT reads the parts.)"""
    el = etree.Element(T("bibl"), {XML_ID: work.id})
    parts: list[tuple[str, etree._Element]] = []  # (the text before the part, the part)
    if work.author or work.author_name:
        author = _sub(el, "author")
        name = persons[work.author].name if work.author in persons else work.author_name
        _sub(author, "persName", name, ref=f"#{work.author}" if work.author else None)
        parts.append(("", author))
    parts.append((", " if parts else "", _sub(el, "title", work.title, level=work.level)))
    if work.container:
        parts.append((", ", _sub(el, "title", work.container, level="j")))
    if work.translator or work.translator_name:
        editor = _sub(el, "editor", role="translator")
        name = persons[work.translator].name if work.translator in persons else work.translator_name
        _sub(editor, "persName", name, ref=f"#{work.translator}" if work.translator else None)
        parts.append((", trans. ", editor))
    if work.editor:
        editor = _sub(el, "editor", role="editor")
        name = persons[work.editor].name if work.editor in persons else work.editor
        _sub(editor, "persName", name, ref=f"#{work.editor}" if work.editor in persons else None)
        parts.append((", ed. ", editor))
    imprint = []
    if work.place:
        imprint.append(("", _sub(el, "pubPlace", work.place)))
    if work.publisher:
        imprint.append((": " if imprint else "", _sub(el, "publisher", work.publisher)))
    if work.date:
        imprint.append((", " if imprint else "", _sub(el, "date", work.date, when=work.date if _iso(work.date) else None)))
    if imprint:
        parts.append((" (" + imprint[0][0], imprint[0][1]))
        parts += imprint[1:]
    for (before, part), previous in zip(parts, [None] + [p for _, p in parts]):
        if previous is None:
            el.text = before or None
        else:
            previous.tail = before or None
    parts[-1][1].tail = (")" if imprint else "") + "."
    if work.note:
        parts[-1][1].tail += " "
        _sub(el, "note", work.note)
    return el


def _iso(value: str) -> bool:
    return len(value) in (4, 7, 10) and value[:4].isdigit()
