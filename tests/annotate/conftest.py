"""Helpers for the annotator tests: a tiny text + a tiny data file → a read ``Document``."""

from __future__ import annotations

import pytest

from lefort_tei.data import load_data
from lefort_tei.model import Source
from lefort_tei.read import read_document


@pytest.fixture
def make(tmp_path):
    """``make(body, toml="", notes=(), auto=False)`` → (doc, data): a title line, the body, then the notes.

    ``auto=True`` lets the automatic apparatus (persons, high-tier corrections, works) run too."""

    def _make(body: str, toml: str = "", notes: tuple[str, ...] = (), auto: bool = False):
        text = "Essay - Claude Lefort\n\n" + body + "\n"
        if notes:
            text += "\n" + "\n\n".join(f"{n} {note}" for n, note in enumerate(notes, 1)) + "\n"
        data_file = tmp_path / "x.toml"
        data_file.write_text(toml, encoding="utf-8")
        data = load_data(data_file)
        data.automatic = auto  # the curated rules alone, unless a test asks for the automatic pass
        doc, _ = read_document(Source("x.txt", text), data)
        return doc, data

    return _make


def _spans_of(doc, kind):
    found = [i for b in [*doc.paragraphs(), *doc.headings()] for i in b.inlines if isinstance(i, kind)]
    return [(doc.source.slice(i.span), i) for i in sorted(found, key=lambda i: i.span.start)]


@pytest.fixture
def spans_of():
    """``spans_of(doc, kind)`` → (printed text, span) of every inline of type ``kind``, in text order."""
    return _spans_of
