"""Note anchors: every printed style, OCR digits, sequence choice, data anchors, diagnostics."""

import pytest

from lefort_tei.diagnostics import InputError
from lefort_tei.model import Correction
from tests.helpers import anchors, codes, read_text

NOTES3 = "\n\n1 One.\n\n2 Two.\n\n3 Three."


@pytest.mark.parametrize("body,expected", [
    ("A (1) b.(2) c (3).", [(1, "(1)"), (2, "(2)"), (3, "(3)")]),
    ("A [1] b [2] c [3].", [(1, "[1]"), (2, "[2]"), (3, "[3]")]),
    ("A\u00b9 b\u00b2 c\u00b3.", [(1, "\u00b9"), (2, "\u00b2"), (3, "\u00b3")]),
    ("A (1) b (2) 'the world',3", [(1, "(1)"), (2, "(2)"), (3, "3")]),
    # an enumeration "(2)" before note 1's anchor is out of sequence and stays text
    ("Points (2) and (3); then (1) b (2) c (3).", [(1, "(1)"), (2, "(2)"), (3, "(3)")]),
])
def test_anchor_styles_and_sequence(body, expected):
    doc, _ = read_text(body + NOTES3)
    assert anchors(doc) == expected


NOTES12 = "".join(f"\n\n{n} Note {n}." for n in range(1, 13))


@pytest.mark.parametrize("printed,n", [("(l1)", 11), ("(1O)", 10), ("(I2)", 12)])
def test_misprinted_marker_gets_a_correction_and_keeps_its_printed_form(printed, n):
    body = " ".join(f"({k})" if k != n else printed for k in range(1, 13))
    doc, _ = read_text("Body " + body + "." + NOTES12)
    assert (n, printed) in anchors(doc) and len(anchors(doc)) == 12
    corrections = [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, Correction)]
    assert [(doc.source.slice(c.span), c.corr, c.kind) for c in corrections] == [(printed, f"({n})", "anchor")]


def test_orphan_note_is_a_warning_with_its_position():
    doc, diags = read_text("A (1) b (3)." + NOTES3)
    orphan = [d for d in diags if d.code == "note-orphan"]
    assert len(orphan) == 1 and "note 2" in orphan[0].message
    assert (orphan[0].line, orphan[0].col) == (5, 1)


def test_numbered_blocks_without_anchors_are_not_notes():
    # a note exists because an anchor points to it: with none, "1 …" blocks are numbered paragraphs
    doc, diags = read_text("Nothing marked here." + NOTES3)
    assert doc.notes == [] and not list(doc.anchors())


def test_data_anchor_fills_a_gap_the_ocr_left():
    data = '[[anchor]]\nnote = 2\nmarker = "\'"\ncontext = "b:\' c"\nreason = "OCR lost the 2"\n'
    doc, diags = read_text("A (1) b:' c (3)." + NOTES3, data)
    assert anchors(doc) == [(1, "(1)"), (2, "'"), (3, "(3)")]
    assert "note-orphan" not in codes(diags)
    corr = [i for p in doc.paragraphs() for i in p.inlines if isinstance(i, Correction)]
    assert [c.corr for c in corr] == ["(2)"]


@pytest.mark.parametrize("context", ["not in the text", "(1)"])  # absent; present twice
def test_data_anchor_with_bad_context_is_an_input_error(context):
    data = f'[[anchor]]\nnote = 2\nmarker = "x"\ncontext = "{context}"\n'
    with pytest.raises(InputError) as exc:
        read_text("A (1) b x c (3). And (1) again." + NOTES3, data)
    assert exc.value.diagnostics[0].code == "data-context"
    assert exc.value.diagnostics[0].line == 1


def test_dangling_anchor_is_a_warning_with_its_position():
    doc, diags = read_text("A (1) b (2) c (3) d (4)." + NOTES3)
    d = [d for d in diags if d.code == "anchor-dangling"]
    assert len(d) == 1 and (d[0].line, d[0].col) == (1, 21) and "only 3 notes" in d[0].message
    assert anchors(doc) == [(1, "(1)"), (2, "(2)"), (3, "(3)")]


def _choose_run_quadratic(candidates):
    """The plain weighted LIS the Fenwick version replaces: the reference for its answers."""
    n = len(candidates)
    best = [c.weight for c in candidates]
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if candidates[j].anchor.number_read < candidates[i].anchor.number_read and \
                    best[j] + candidates[i].weight > best[i]:
                best[i], prev[i] = best[j] + candidates[i].weight, j
    if not n:
        return []
    i = max(range(n), key=lambda k: (best[k], -k))
    run = []
    while i >= 0:
        run.append(candidates[i])
        i = prev[i]
    return run[::-1]


def test_the_chosen_run_is_that_of_the_plain_quadratic_scan():
    import random

    from lefort_tei.model import NoteAnchor, Paragraph, Span
    from lefort_tei.read.anchors import FORCED, Candidate, choose_run

    rng = random.Random(15)
    paragraph = Paragraph(Span(0, 1))
    for trial in range(300):
        n = rng.randrange(0, 40)
        candidates = [Candidate(NoteAnchor(Span(k, k + 1), rng.randrange(1, 15), "paren"), paragraph,
                                FORCED if rng.random() < 0.05 else 1) for k in range(n)]
        assert [id(c) for c in choose_run(candidates)] == [id(c) for c in _choose_run_quadratic(candidates)], trial
