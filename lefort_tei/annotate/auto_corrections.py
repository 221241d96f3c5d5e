"""Automatic corrections, high tier: OCR slips certain enough to apply (``corr[@resp="#lefort-tei"]``).

In: a ``Document`` (its blocks, note labels and anchors) and the corrections already made (the
data file's win). Out: ``Correction(span, corr, resp="#lefort-tei", cert="high", kind, reason)``
in the blocks. Only the *high* tier is applied; what is less certain (quotation marks, real-word
errors such as "Parry" for "Party", two confusions) is left to ``lefort-tei suggest``.

Before: ``Paragraph("… his thesis. Wrotsky used …")`` (and "Trotsky" printed 120 times)
After:  ``inlines=[Correction(span="Wrotsky", corr="Trotsky", resp="#lefort-tei", cert="high")]``

Rules (each general, each on evidence inside the text or the word list):

* ``ocr-word``: a token unknown to the word list, printed once, that one OCR confusion (l/i/1,
  0/O, rn/m, ]3/B, W/T, nv/rw …) turns into a word the same text prints at least twice, or into a
  common English word of the same case ("Souvarlne" → "Souvarine", "]3oris" → "Boris");
* ``ocr-digits``: a number with one letter or mark confusable with a digit ("2i0" → "210",
  "194~7" → "1947"); a word with one 0/1 for O/l that becomes a known word ("0ctober");
* ``spacing``: a space before a word-final stop or comma ("world ." → "world."), an initial or a
  page abbreviation glued to what follows ("H.Carr", "pp.88"), a colon glued to a capitalised word
  (":Faber"), a small word glued to a capitalised one the text prints alone ("andCarter"); each
  only where the text does not do it as a habit (printed at most twice).
"""

from __future__ import annotations

import bisect
from collections import Counter

from ..model import Correction, Document, Span
from .patterns import (DIGITS_ONE_CONFUSION, GLUED_CAPITAL_WORD, GLUED_COLON, GLUED_INITIAL, GLUED_PAGES, OCR_TOKEN,
                       SPACE_BEFORE_STOP, SPLIT_COMPOUND, SPLIT_YEAR)
from .spans import blocks, reserved_spans
from .wordlist import french, zipf

AUTO = "#lefort-tei"
FIRST_YEAR, LAST_YEAR = 1400, 2099  # what a split number must read as to be a year ("1 000" is not)
HABIT = 2  # a pattern printed more often than this is the text's convention, not a slip
FUNCTION_WORD = 6.5  # Zipf of "the", "of", "and": no stop follows them
KNOWN = 3.5  # Zipf of a "common word" a garbled token may stand for

# One OCR confusion: printed → meant. Letters first, then the marks of "]3oris".
CONFUSIONS = (("l", "i"), ("i", "l"), ("1", "l"), ("1", "i"), ("0", "O"), ("0", "o"), ("rn", "m"), ("m", "rn"),
              ("nv", "rw"), ("vv", "w"), ("cl", "d"), ("li", "h"), ("ii", "u"), ("]3", "B"), ("W", "T"), ("t", "z"),
              ("c", "e"), ("e", "c"), ("h", "b"), ("b", "h"), ("I", "l"), ("l", "I"))
DIGIT_FOR = {"l": "1", "I": "1", "i": "1", "|": "1", "O": "0", "o": "0", "~": ""}


def find_corrections(text: str) -> list[tuple[int, int, str, str, str]]:
    """High-tier corrections of ``text``: ``(start, end, corr, kind, reason)``, in text order."""
    counts = Counter(m["tok"] for m in OCR_TOKEN.finditer(text))
    out: list[tuple[int, int, str, str, str]] = []
    for m in OCR_TOKEN.finditer(text):
        tok = m["tok"]
        if counts[tok] != 1:
            continue
        fix = _digits(tok) or _word(tok, counts)
        if fix:
            out.append((m.start("tok"), m.end("tok"), fix[0], "ocr", fix[1]))
    out += _spacing(text, counts)
    out.sort()
    kept: list[tuple[int, int, str, str, str]] = []
    for c in out:  # never two corrections over one place
        if kept and c[0] < kept[-1][1]:
            continue
        kept.append(c)
    return kept


def _digits(tok: str) -> tuple[str, str] | None:
    if (m := DIGITS_ONE_CONFUSION.match(tok)) and m["a"] and m["b"] and len(tok) >= 3:
        return m["a"] + DIGIT_FOR[m["x"]] + m["b"], "ocr-digits: a number with one letter or mark for a digit"
    return None


def _word(tok: str, counts: Counter) -> tuple[str, str] | None:
    if len(tok) < 4 or tok.isdigit() or sum(ch.isdigit() for ch in tok) > 1 or zipf(tok) > 0 or french(tok) > 0:
        return None  # known in English, or a French word ("bureaucratie"): not garbled
    best: tuple[int, str] | None = None
    for variant in _variants(tok):
        if not variant.replace("-", "").isalpha():
            continue
        seen = counts[variant]
        common = zipf(variant) >= KNOWN and variant[:1].islower() == tok[:1].islower()
        if seen >= 2 or common and (variant[:1].islower() or seen >= 1 or tok[:1].isdigit()):
            score = seen * 10 + (5 if common else 0)
            if best is None or score > best[0]:
                best = (score, variant)
    if best is None:
        return None
    return best[1], (f"ocr-word: unknown, printed once; one OCR confusion away from {best[1]!r}, "
                     f"which the text prints {counts[best[1]]}×" if counts[best[1]] >= 2 else
                     f"ocr-word: unknown, printed once; one OCR confusion away from the common word {best[1]!r}")


def _variants(word: str):
    for wrong, right in CONFUSIONS:
        i = word.find(wrong)
        while i >= 0:
            yield word[:i] + right + word[i + len(wrong):]
            i = word.find(wrong, i + 1)


def _spacing(text: str, counts: Counter) -> list[tuple[int, int, str, str, str]]:
    out = []
    rules = (
        (SPACE_BEFORE_STOP, lambda m: (m.start("space"), m.end("punct"), m["punct"]), "space before a stop"),
        (GLUED_INITIAL, lambda m: (m.start(), m.end(), f"{m['initial']} {m['name']}"), "an initial glued to a name"),
        (GLUED_PAGES, lambda m: (m.start(), m.end(), f"{m['abbr']} {m['num']}"), "a page abbreviation glued"),
        (GLUED_COLON, lambda m: (m.start(), m.end(), f": {m['word']}"), "a colon glued to a word"),
        (SPLIT_COMPOUND, lambda m: (m.start(), m.end(), m["left"] + m["right"]), "a space inside a compound"),
        (SPLIT_YEAR, lambda m: (m.start(), m.end(), m["a"] + m["b"])
         if len(m["a"] + m["b"]) == 4 and FIRST_YEAR <= int(m["a"] + m["b"]) <= LAST_YEAR else None,
         "a year split by a space"),
    )
    for pattern, fix, why in rules:
        found = list(pattern.finditer(text))
        if len(found) > HABIT:
            continue  # the text's habit (a French-style " ;"), not a slip
        for m in found:
            if pattern is SPACE_BEFORE_STOP and zipf(m["word"]) >= FUNCTION_WORD:
                continue  # "the : goes": a stop cannot follow "the"; something else is going on
            if (fixed := fix(m)) is None:
                continue
            a, z, corr = fixed
            out.append((a, z, corr, "spacing", f"spacing: {why}"))
    for m in GLUED_CAPITAL_WORD.finditer(text):
        if zipf(m["left"]) >= 5.0 and (counts[m["right"]] >= 1 or zipf(m["right"]) >= 3.0) and zipf(m.group(0)) == 0 and counts[m.group(0)] == 1:
            out.append((m.start(), m.end(), f"{m['left']} {m['right']}", "spacing",
                        "spacing: a small word glued to a capitalised word the text prints alone"))
    return out


def annotate_auto_corrections(doc: Document) -> int:
    """Add the high-tier corrections to the blocks (where no correction or marker is); their count.

    The rules read the whole text once (counts are the text's); each correction then goes to the
    block that holds it (a bisection over the blocks' starts): linear in the text."""
    text = doc.source.text
    reserved = reserved_spans(doc)
    ordered = sorted(blocks(doc), key=lambda b: (b.span.start, -b.span.end))
    starts = [b.span.start for b in ordered]
    added = 0
    for a, z, corr, kind, reason in find_corrections(text):
        span = Span(a, z)
        k = bisect.bisect_right(starts, a) - 1
        if k < 0 or not ordered[k].span.contains(span):
            continue  # across a block boundary: never
        block = ordered[k]
        if reserved.overlaps(span) or any(isinstance(i, Correction) and i.span.overlaps(span) for i in block.inlines):
            continue
        block.inlines.append(Correction(span=span, corr=corr, resp=AUTO, cert="high", reason=reason, kind=kind))
        added += 1
    return added

