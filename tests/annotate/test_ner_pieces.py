"""A block longer than spaCy's limit (a 10 MB single line) goes to the NER model in pieces cut at
white space, and the entities come back at their offsets in the whole block (issue 17)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from lefort_tei.annotate import ner


def test_a_text_that_fits_is_one_piece_and_the_pieces_rebuild_the_text():
    assert ner.pieces("Leon Trotsky") == [(0, "Leon Trotsky")]
    text = "alpha beta\ngamma delta " * 50
    cut = ner.pieces(text, 40)
    assert "".join(p for _, p in cut) == text and all(len(p) <= 40 for _, p in cut)
    assert all(text[offset:offset + len(p)] == p for offset, p in cut)
    assert all(p[0] in " \n" for _, p in cut[1:])  # cut at white space
    assert ner.pieces("x" * 12, 5) == [(0, "xxxxx"), (5, "xxxxx"), (10, "xx")]  # none: anywhere


def test_entities_of_a_long_block_are_found_piece_by_piece_at_their_offsets(monkeypatch):
    seen = []

    class FakeModel:
        """Names capitalised words PERSON; refuses, as spaCy does, a text over its limit."""

        def pipe(self, texts, batch_size=64):
            for text in texts:
                assert len(text) <= ner.PIECE
                seen.append(len(text))
                yield SimpleNamespace(ents=[SimpleNamespace(start_char=m.start(), end_char=m.end(), label_="PERSON")
                                            for m in re.finditer(r"[A-Z]\w+", text)])

    monkeypatch.setattr(ner, "load_model", FakeModel)
    long = "the state and Trotsky " * 20_000  # 440,000 characters in one block
    found = ner.entities(["Lenin spoke.", long])
    assert found[0] == [(0, 5, "PERSON")]
    assert len(found[1]) == 20_000 and {long[a:b] for a, b, _ in found[1]} == {"Trotsky"}
    assert len(seen) == 1 + 5
