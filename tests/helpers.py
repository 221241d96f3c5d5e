"""Small helpers for tests: read a text given as a string, with optional editorial data."""

from __future__ import annotations

from lefort_tei.data import EditorialData, _build
from lefort_tei.model import BlockQuote, NoteAnchor
from lefort_tei.read import read_document
from lefort_tei.read.source import decode_source


def read_text(text: str, data_toml: str | None = None, path: str = "t.txt"):
    """Decode and read ``text``; ``data_toml`` is the text of a data file (TOML)."""
    import tomllib

    source, diags = decode_source(text.encode("utf-8"), path)
    data = _build(tomllib.loads(data_toml), data_toml, "t.toml") if data_toml else EditorialData()
    doc, more = read_document(source, data)
    return doc, diags + more


def anchors(doc) -> list[tuple[int, str]]:
    return [(a.n, doc.source.slice(a.span)) for a in doc.anchors()]


def quotes(doc) -> list[tuple[str, int, int | None]]:
    """(first words, paragraphs, source note) of every block quotation."""
    out = []
    blocks = [b for s in doc.sections for b in s.blocks] + [b for n in doc.notes for b in n.blocks]
    for b in blocks:
        if isinstance(b, BlockQuote):
            out.append((doc.source.slice(b.paragraphs[0].span)[:20], len(b.paragraphs), b.source_note))
    return out


def codes(diags) -> list[str]:
    return [d.code for d in diags]


__all__ = ["read_text", "anchors", "quotes", "codes", "NoteAnchor"]
