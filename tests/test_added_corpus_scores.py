"""The reader on the added corpus (``tests/corpus``: superscript digits, printers' marks counted
again in each essay, "(n)" anchors under "FOOTNOTES:"): the scorer's figures must not fall below
those reached when these texts were added (issue 10, point 6). Our schema and Schematron are
checked here; ``lefort-tei eval tests/corpus --tei-all …`` checks TEI All as well."""

from __future__ import annotations

from pathlib import Path

import pytest

from lefort_tei.evaluate import score_corpus

CORPUS = Path(__file__).resolve().parent / "corpus"

# (part, precision floor, recall floor) as measured with `lefort-tei eval tests/corpus` when the
# texts were added: notes 100/100 (before the reader's rounds for these shapes: 71.4/21.7),
# headings 100/86.7, quotations 75/75.
FLOORS = [
    ("notes", 1.0, 1.0),
    ("headings", 1.0, 0.86),
    ("quotes", 0.75, 0.75),
]


@pytest.fixture(scope="module")
def scores():
    return score_corpus(CORPUS)


def test_every_added_text_is_lossless_and_valid(scores):
    assert len(scores.files) == 3
    bad = [(f.name, f.error or f.problems[:2]) for f in scores.files if not (f.converted and f.lossless and f.valid)]
    assert bad == []


@pytest.mark.parametrize(("part", "precision", "recall"), FLOORS, ids=[f[0] for f in FLOORS])
def test_added_corpus_scores_stay_at_or_above_the_floors(scores, part, precision, recall):
    total = scores.total(part)
    assert total.precision is not None and total.precision >= precision, (part, total.as_json())
    assert total.recall is not None and total.recall >= recall, (part, total.as_json())


def test_every_note_of_every_added_text_is_found_and_linked(scores):
    assert [(f.name[:2], f.note_count[0], f.note_count[1], f.notes.found) for f in scores.files] == [
        ("14", 8, 8, 8), ("15", 10, 10, 10), ("16", 5, 5, 5)]


def test_added_corpus_persons_recall_stays_at_or_above_its_floor(scores):
    """The persons of ``persons_sample`` tagged on these texts, which no persons rule was tuned on
    (issue 12: 57.9 % with the rules tuned on the shared corpus; 78.9 % with common given names, a
    speech verb or "named" before a name and a name tagged PERSON twice read as evidence over the
    recogniser's place or body). The figure is the recogniser's: without a model, skipped."""
    from lefort_tei.annotate import ner

    if not ner.model_id():
        pytest.skip("no spaCy model: the persons floor is measured with the 'ner' extra")
    total = scores.total("persons")
    assert total.recall is not None and total.recall >= 0.78, total.as_json()
