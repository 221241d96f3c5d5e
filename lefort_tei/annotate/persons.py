"""Persons: the register's forms → ``PersonRef`` spans (``persName[@ref]``), and ``doc.persons``.

In: a ``Document`` with corrections and titles, the ``[[person]]`` and ``[[not_person]]`` entries.
Out: ``PersonRef(span, ref)`` in every block (front, body, quotations, headings, notes) and the
register ``doc.persons`` (``model.Person``, in the data file's order).

Before: ``Paragraph("… thesis. Wrotsky used …", inlines=[Correction("Wrotsky" → "Trotsky")])``
After:  ``inlines=[Correction(…), PersonRef(span="Wrotsky", ref="trotsky")]`` → ``persName › choice``

Forms are matched as whole words on the corrected reading, longest first ("Leon Trotsky" before
"Trotsky"), so derived words (Stalinism, Trotskyist, Leninist) never match and the possessive
"'s" stays outside the span. A place covered by a title ("his Stalin") or by a ``[[not_person]]``
entry is skipped.
"""

from __future__ import annotations

from ..data import EditorialData
from ..diagnostics import Diagnostic, warning
from ..model import Document, Person, PersonRef, Span, TitleRef
from . import ner
from .auto_persons import find_persons
from .citations import excluded_from_persons
from .patterns import NAME_PARTS_SPLIT
from .spans import BlockIndex, block_at, blocks, extend_to_corrections, find_context, fits, reading_of, reserved_spans


def annotate_persons(doc: Document, data: EditorialData) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    doc.persons = [Person(id=p.id, name=p.name, forms=list(p.forms) or [p.name], birth=p.birth, death=p.death,
                          wikidata=p.wikidata, viaf=p.viaf, note=p.note) for p in data.persons]
    forms = sorted({(form, p.id) for p in data.persons for form in (p.forms or [p.name])},
                   key=lambda fp: (-len(fp[0]), fp[0], fp[1]))
    all_blocks = blocks(doc)
    index = BlockIndex(all_blocks)
    reserved = reserved_spans(doc)
    skip: list[Span] = []
    for entry in data.not_persons:
        span = find_context(doc.source.text, entry.context, entry.form, "not_person", entry.index, data.path,
                            entry.line)
        block = block_at(index, span)
        skip.append(extend_to_corrections(block, span) if block else span)
    mentions: dict[str, int] = {}
    for block in all_blocks:
        reading = reading_of(doc.source.text, block.span, block.inlines)
        for form, ref in forms:
            for a, z in reading.find_all(form):
                span = reading.to_source(a, z)
                if any(s.overlaps(span) for s in skip):
                    continue
                if any(isinstance(i, (TitleRef, PersonRef)) and i.span.overlaps(span) for i in block.inlines):
                    continue
                if not fits(block, span, reserved):
                    line, col = doc.source.position(span.start)
                    diags.append(warning("person-crosses", f"{form!r} would cross another span here; not "
                                         "tagged", doc.source.path, line, col))
                    continue
                block.inlines.append(PersonRef(span=span, ref=ref))
                mentions[ref] = mentions.get(ref, 0) + 1
    if data.automatic and not data.persons:
        # a data file's [[person]] entries are the curated register: it wins whole, as its works do
        # (and the edition no longer depends on whether a named-entity model is installed)
        diags += _add_automatic(doc, data, all_blocks, skip)
    for p in data.persons:
        if p.id not in mentions and not _named_elsewhere(p.id, data):
            diags.append(warning("person-unused", f"[[person]] {p.id!r}: none of its forms "
                                 f"{p.forms or [p.name]} occurs in the text", data.path, p.line, 1))
    return diags


def _named_elsewhere(person_id: str, data: EditorialData) -> bool:
    """A person named only in the register of works (author, translator) is not unused."""
    return any(person_id in (w.author, w.translator, w.editor) for w in data.works) or \
        data.edition.get("author_ref") == person_id


AUTO = "#lefort-tei"


def _add_automatic(doc: Document, data: EditorialData, all_blocks, skip: list[Span]) -> list[Diagnostic]:
    """The automatic persons (``auto_persons``), where the data file has not already named them.

    A data file's person wins: an automatic person sharing a surname with one of its forms is
    left out (the curated entry covers it), and ``[[not_person]]`` places are skipped."""
    diags: list[Diagnostic] = []
    found, used_model = find_persons(doc, excluded=excluded_from_persons(doc) + skip,
                                     taken={p.id for p in doc.persons})
    if not used_model:
        diags.append(Diagnostic("info", "ner-none", "no named-entity model installed: persons found by rules "
                                "alone (install the 'ner' extra: pip install 'lefort-tei[ner]', or set "
                                f"{ner.MODEL_ENV})", doc.source.path))
    curated = {_surname(f) for p in doc.persons for f in p.forms}
    for person in found:
        if curated & {_surname(f) for f in person.forms}:
            continue  # the data file has this person (a given name alone is no match: "Charles")
        tagged = 0
        for block, span in person.mentions:
            if not fits(block, span):
                continue
            if any(isinstance(i, (TitleRef, PersonRef)) and i.span.overlaps(span) for i in block.inlines):
                continue
            block.inlines.append(PersonRef(span=span, ref=person.id, resp=AUTO, cert=person.cert))
            tagged += 1
        if tagged:
            doc.persons.append(Person(id=person.id, name=person.name, forms=person.forms, resp=AUTO,
                                      cert=person.cert, evidence=person.evidence))
    return diags


def _surname(form: str) -> str:
    """The last word of a name ("C. L. R. James" → "James", "Leon Trotsky's" → "Trotsky")."""
    parts = [w for w in NAME_PARTS_SPLIT.split(form) if w]
    return parts[-1].removesuffix("'s").removesuffix("\u2019s") if parts else ""
