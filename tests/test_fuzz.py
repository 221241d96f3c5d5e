"""Fuzzing with real texts (issue 17): windows of the seed and of the development corpus, mutated
with the shapes that trouble a reader (markers of every note style, page separators, headings,
light markup, form feeds, Unicode spaces, deleted, doubled and joined lines).

Every mutated text must give an edition: no exception, the diplomatic text strictly equal to the
source (only layout white space folded), deterministic bytes, and valid against our schema and
Schematron (warnings allowed). Under CI a fixed set of examples is replayed; set FUZZ_EXAMPLES to run
a long exploration locally, e.g. ``FUZZ_EXAMPLES=10000 pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lefort_tei.annotate import annotate
from lefort_tei.data import EditorialData
from lefort_tei.encode import encode
from lefort_tei.plaintext import fold_whitespace, view_text
from lefort_tei.read import read_document
from lefort_tei.read.source import decode_source
from lefort_tei.validate import validate_bytes

from .conftest import ROOT, SEED

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
WINDOW = 5000  # characters of a real text per example: enough for notes, quotations and headings

CORPUS = ROOT.parent / "shared" / "corpus"
TEXTS = [SEED] + sorted(CORPUS.glob("*.txt"))


def _decoded(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return decode_source(raw, path.name)[0].text
    except Exception:  # noqa: BLE001 - a corpus file that cannot be read is no fuzz input
        return ""


SOURCES = [t for t in (_decoded(p) for p in TEXTS) if t]

INSERTS = st.sampled_from([
    "(12)", "(1)", "(l6)", "[3]", "[^2]", "[#fn3]_", "\u00b9", "\u00b2\u00b3", "*", "\u2020", "unions.7",
    "Kautsky6", "[Footnote 1: a note.]", "[Footnote: a note.]", "\f", "\n\f\n", "\u00a0", "\u3000",
    "\u2060", "\x07", "\x0b", "_italics_", "*emphasis*", "<i>x</i>", "<sc>Small</sc>", "&amp;", "&#8212;", "\\'",
    "\n-----File: 012.png---\\jane\\\n", "\n## p. 14 (#22) ###########\n", "\n\nCHAPTER I\n\nTHE START\n\n",
    "\n\n# A Heading\n\n", "\nA Heading\n=========\n", "\n\n    An indented line of a quotation\n",
    "\n> a quoted line\n", "\n\n1. A numbered paragraph.\n\n", "\n\nFOOTNOTES:\n\n[1] A note.\n",
    "\n\nNotes\n\n1. A note.\n", "terri-\ntory", "well-\nknown", "¬\n", "\n\n*       *       *\n\n",
    "\n\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\n", "\n\nII\n\n", "\n\nPart I: The Beginning\n\n",
])


@st.composite
def mutated_texts(draw) -> str:
    text = draw(st.sampled_from(SOURCES))
    start = draw(st.integers(0, max(0, len(text) - WINDOW)))
    start = text.rfind("\n", 0, start) + 1 if start else 0
    lines = text[start:start + WINDOW].split("\n")
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        kind = draw(st.sampled_from(["insert", "insert", "insert", "delete", "double", "join", "upper"]))
        if kind == "insert":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(INSERTS) + line[at:]
        elif kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + lines[i + 1]]
        elif kind == "upper":
            lines[i] = lines[i].upper()
    out = "\n".join(lines)
    return out if out.strip(" \t\n\f") else "x"


def _edition(text: str) -> tuple[bytes, str]:
    source, _ = decode_source(text.encode("utf-8"), "fuzz.txt")
    data = EditorialData()
    doc, _ = read_document(source, data)
    annotate(doc, data)
    encoded = encode(doc)
    assert fold_whitespace(view_text(encoded.root, "diplomatic")) == fold_whitespace(source.text)
    return encoded.data, source.text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.data_too_large])
@given(mutated_texts())
def test_a_mutated_real_text_gives_a_valid_lossless_edition(text):
    data, _ = _edition(text)
    assert _edition(text)[0] == data  # deterministic
    errors = [d.format() for d in validate_bytes(data, "fuzz.xml") if d.level == "error"]
    assert errors == []
