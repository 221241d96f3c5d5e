"""The encoder: ``Document`` → TEI P5 (an lxml tree, then deterministic bytes).

In: an annotated ``Document``. Out: ``Encoded`` (the tree, the bytes, and the map xml:id →
source span). The encoder only consumes the model; it never re-reads the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..model import Document, Span
from .header import encode_header
from .ids import assign_ids
from .standoff import encode_registers, encode_standoff
from .tei import XML_ID, XML_LANG, T, to_bytes
from .text import encode_text


@dataclass(slots=True)
class Encoded:
    root: etree._Element
    data: bytes
    id_spans: dict[str, Span]


def encode(doc: Document, rng_href: str | None = None, sch_href: str | None = None) -> Encoded:
    id_spans = assign_ids(doc)
    root = etree.Element(T("TEI"), {XML_ID: doc.edition.id, XML_LANG: doc.edition.language}, nsmap={None: T("")[1:-1]})
    root.append(encode_header(doc))
    text = encode_text(doc)
    root.append(text)
    registers = encode_registers(doc)
    if registers:
        back = text.find(T("back"))
        if back is None:
            back = etree.SubElement(text, T("back"))
        back.extend(registers)
    link_notes_to_anchors(root)
    standoff = encode_standoff(doc)
    if standoff is not None:
        root.append(standoff)
    return Encoded(root, to_bytes(root, rng_href, sch_href), id_spans)


def link_notes_to_anchors(root: etree._Element) -> None:
    """A note printed away from its point of attachment (at the end or the foot) points to its
    anchor with ``@target``, as the Guidelines do (CO 3.8), so that generic renderers (the TEI
    Stylesheets, CETEIcean) link note and anchor without our ``ref[@type="noteAnchor"]``, which is
    kept for the way back. One pass over the anchors, one over the notes."""
    anchor_of: dict[str, list[str]] = {}
    for ref in root.iter(T("ref")):
        if ref.get("type") == "noteAnchor" and ref.get(XML_ID) and (ref.get("target") or "").startswith("#"):
            anchor_of.setdefault(ref.get("target")[1:], []).append(ref.get(XML_ID))
    for note in root.iter(T("note")):
        anchors = anchor_of.get(note.get(XML_ID) or "")
        if anchors and (note.get("type") == "endnote" or note.get("place") == "foot") and note.get("target") is None:
            note.set("target", " ".join(f"#{a}" for a in anchors))
