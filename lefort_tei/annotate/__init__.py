"""Annotators: passes over the ``Document`` that add inline spans and registers, never text.

In: a ``Document`` from the reader and the ``EditorialData``. Out: the same document with more
spans (corrections, persons, titles, citations, dates) and its registers, plus diagnostics.

The passes run from ONE ordered list, ``ANNOTATORS``. The order matters:
corrections first (persons and titles are matched on the *corrected* reading, so "Wrotsky" is
found as Trotsky); titles before persons (a title such as "Stalin" wins over the person);
citations after persons and titles (a citation's work is resolved against the works cited, and
"Ibid." against the previous citation); dates last (a date may sit inside a citation).
"""

from __future__ import annotations

from collections.abc import Callable

from ..data import EditorialData
from ..diagnostics import Diagnostic
from ..model import Document

Annotator = Callable[[Document, EditorialData], list[Diagnostic]]

ANNOTATORS: list[Annotator] = []


def annotate(doc: Document, data: EditorialData) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for annotator in ANNOTATORS:
        diags += annotator(doc, data)
    return diags
