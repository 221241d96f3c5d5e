"""Dates: years and date expressions → ``DateRef`` spans (``date[@when]`` or ``@from``/``@to``).

In: a ``Document`` after every other pass. Out: ``DateRef(span, when | from_/to)`` in every block.

Before: ``Paragraph("… in the years of reaction, in 1 908-1911 and later …",
        inlines=[Correction("1 908" → "1908")])``
After:  ``inlines=[…, DateRef(span="1 908-1911", from_="1908", to="1911")]`` → ``date › choice``

General rules, matched on the corrected reading: a month with a year ("February 1917" →
1917-02; "Sept.-Oct. 1947" → 1947-09/1947-10; a day too: "1 May 1924"), a year or a range of
years ("1905"; "1908-1911"; "1923-7" → 1923/1927; "1934-35"). Years 1000-2099 only; not a
page ("p. 1930"), not part of a longer number. A date that would cross a title, a citation's
parts or a person is skipped; inside them it nests.
"""

from __future__ import annotations

import bisect

from ..data import EditorialData
from ..diagnostics import Diagnostic
from ..model import Citation, DateRef, Document
from .patterns import MONTH_DATE, MONTH_NUMBERS, NOT_A_YEAR_BEFORE, YEAR_DATE
from .spans import blocks, fits, reading_of, reserved_spans


def annotate_dates(doc: Document, data: EditorialData) -> list[Diagnostic]:
    reserved = reserved_spans(doc)
    for block in blocks(doc):
        reading = reading_of(doc.source.text, block.span, block.inlines)
        parts = [s for i in block.inlines if isinstance(i, Citation) for s in (i.work_span, i.pages_span) if s]
        dated = SpanSet(i.span for i in block.inlines if isinstance(i, DateRef))
        for a, z, values in find_dates(reading.text):
            candidates = [(a, values)]
            if "when" in values and len(values["when"]) == 10:  # "1 May 1924": without the day, if need be
                candidates.append((reading.text.index(" ", a) + 1, {"when": values["when"][:7]}))
            for start, vals in candidates:
                span = reading.to_source(start, z)
                if dated.overlaps(span):  # a date already there (linear: no scan of the block's spans)
                    break
                if fits(block, span, reserved, extra=parts):
                    block.inlines.append(DateRef(span=span, **vals))
                    dated.add(span)
                    break
    return []


class SpanSet:
    """Non-overlapping spans kept sorted, asked "does this span overlap one of you?" in O(log n)."""

    def __init__(self, spans=()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for span in sorted(spans, key=lambda sp: sp.start):
            self.add(span)

    def overlaps(self, span) -> bool:
        # the spans do not overlap each other, so their ends are sorted too: only the last span that
        # starts before this one ends can reach into it
        k = bisect.bisect_left(self.starts, span.end)
        return k > 0 and self.ends[k - 1] > span.start

    def add(self, span) -> None:
        k = bisect.bisect_left(self.starts, span.start)
        self.starts.insert(k, span.start)
        self.ends.insert(k, span.end)


def find_dates(text: str) -> list[tuple[int, int, dict]]:
    """``(start, end, {when | from_, to})`` for each date expression, month dates first."""
    found: list[tuple[int, int, dict]] = []
    taken: list[tuple[int, int]] = []
    for m in MONTH_DATE.finditer(text):
        if _after_page_word(text, m.start()):
            continue
        year = m["year"]
        month = _month(m["month"])
        if m["month2"]:
            values = {"from_": f"{year}-{month:02d}", "to": f"{year}-{_month(m['month2']):02d}"}
        elif m["day"] and 1 <= int(m["day"]) <= 31:
            values = {"when": f"{year}-{month:02d}-{int(m['day']):02d}"}
        else:
            values = {"when": f"{year}-{month:02d}"}
        start = m.start("day") if m["day"] and "when" in values and len(values["when"]) == 10 else m.start("month")
        found.append((start, m.end(), values))
        taken.append((start, m.end()))
    for m in YEAR_DATE.finditer(text):
        if any(a < m.end() and m.start() < z for a, z in taken) or _after_page_word(text, m.start()):
            continue
        year, end = m["year"], m.end()
        values = {"when": year}
        if m["to"]:
            to = year[: 4 - len(m["to"])] + m["to"]
            if to > year:
                values = {"from_": year, "to": to}
            else:
                end = m.end("year")  # "1917-16" is not a range: keep the year alone
        found.append((m.start(), end, values))
    return sorted(found, key=lambda f: f[0])


def _month(name: str) -> int:
    return MONTH_NUMBERS[name[:3].lower()]


def _after_page_word(text: str, at: int) -> bool:
    return bool(NOT_A_YEAR_BEFORE.search(text, max(0, at - 12), at))

