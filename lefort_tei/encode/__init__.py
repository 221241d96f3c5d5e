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
from .standoff import encode_standoff
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
    root.append(encode_text(doc))
    standoff = encode_standoff(doc)
    if standoff is not None:
        root.append(standoff)
    return Encoded(root, to_bytes(root, rng_href, sch_href), id_spans)
