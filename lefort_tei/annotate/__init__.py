"""Annotators: passes over the ``Document`` that add inline spans and registers, never text.

In: a ``Document`` from the reader and the ``EditorialData``. Out: the same document with more
spans (corrections, titles, persons, citations, quotation sources, dates) and its registers
(``doc.persons``, ``doc.works``), plus diagnostics. Each pass is a function
``(doc, data) -> list[Diagnostic]`` in its own module; its docstring shows a block before and after.

The passes run from ONE ordered list, ``ANNOTATORS``. The order matters:

1. ``corrections`` first: every later pass matches on the *corrected reading* of a block
   (``spans.reading_of``), so "Wrotsky" is found as Trotsky and "Itvestia" as Izvestia; and a
   correction must be innermost, so it has to exist before anything is wrapped around it.
2. ``titles`` before persons: a title ("his Stalin", "Since Lenin Died") wins over a person form.
3. ``persons``: skip what titles and ``[[not_person]]`` entries cover.
4. ``citations`` after persons and titles: a citation's ``bibl`` wraps the names and titles it
   holds, and "Ibid." resolves against the previous citation (two phases: mark, then resolve).
5. ``quote_sources`` after citations: a quotation's ``@source`` is the id of a citation.
6. ``dates`` last: a date may sit inside a title or a citation, so it must know their extent to
   nest inside them (or be skipped where it would cross them).
"""

from __future__ import annotations

from collections.abc import Callable

from ..data import EditorialData
from ..diagnostics import Diagnostic
from ..model import Document
from .citations import annotate_citations
from .corrections import annotate_corrections
from .dates import annotate_dates
from .persons import annotate_persons
from .sources import annotate_quote_sources
from .titles import annotate_titles

Annotator = Callable[[Document, EditorialData], list[Diagnostic]]

ANNOTATORS: list[Annotator] = [
    annotate_corrections,
    annotate_titles,
    annotate_persons,
    annotate_citations,
    annotate_quote_sources,
    annotate_dates,
]


def annotate(doc: Document, data: EditorialData) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for annotator in ANNOTATORS:
        diags += annotator(doc, data)
    return diags
