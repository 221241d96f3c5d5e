"""The automatic apparatus as a data file: what ``convert`` finds with no data, for the editor to curate.

In: a text path (and optionally its data file, whose entries are then left out). Out: TOML that
``load_data`` reads as it is: ``[[person]]`` (id, name, forms), ``[[correction]]`` (the high tier,
active; the medium tier commented out), ``[[work]]`` (title, author, translator, imprint,
``cited_as``). Every entry carries its certainty and evidence in a comment above it.

One engine: the entries are exactly what ``annotate`` adds on its automatic pass (the same
functions, the same cache), read back from the annotated document. Loading the file back gives
the same edition, now curated: the data file's entries win over the automatic ones.
"""

from __future__ import annotations

from pathlib import Path

from ..annotate import annotate
from ..data import EditorialData
from ..model import Correction, Document, PersonRef
from ..read import read_document
from ..read.source import read_source
from .context import position, toml_string, unique_context

AUTO = "#lefort-tei"


def automatic_document(text_path: str | Path) -> Document:
    """The text read and annotated with no data file (the automatic pass only)."""
    source, _ = read_source(text_path)
    data = EditorialData()
    doc, _ = read_document(source, data)
    annotate(doc, data)
    return doc


def to_data_file(doc: Document, what: tuple[str, ...] = ("persons", "corrections", "works"),
                 medium: list | None = None, known: EditorialData | None = None, limit: int = 0) -> str:
    """The TOML data file of the automatic apparatus of ``doc`` (tables in ``what``)."""
    path = doc.source.path
    known = known or EditorialData()
    lines = [f"# lefort-tei suggest {' '.join(what)} {path}: the automatic apparatus as a data file.",
             "# Each entry says its certainty and evidence. Keep, rename, merge or delete; the file loads as",
             "# it is, and its entries then win over the automatic pass (format: docs/editorial-data.md).", ""]
    if "persons" in what:
        lines += _persons(doc, known, limit)
    if "corrections" in what:
        lines += _corrections(doc, medium or [], known, limit)
    if "works" in what:
        lines += _works(doc, known, limit, with_persons="persons" in what)
    return "\n".join(lines)


def _persons(doc: Document, known: EditorialData, limit: int) -> list[str]:
    text = doc.source.text
    known_forms = {f for p in known.persons for f in (p.forms or [p.name])}
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for block in [*doc.paragraphs(), *doc.headings()]:
        for i in block.inlines:
            if isinstance(i, PersonRef):
                count[i.ref] = count.get(i.ref, 0) + 1
                first[i.ref] = min(first.get(i.ref, i.span.start), i.span.start)
    out = []
    persons = [p for p in doc.persons if p.resp == AUTO and not set(p.forms) & known_forms]
    persons.sort(key=lambda p: (-count.get(p.id, 0), first.get(p.id, 0)))
    for p in persons[:limit or None]:
        line, col = position(text, first.get(p.id, 0))
        out += [f"# {count.get(p.id, 0)}× · cert {p.cert} · {p.evidence} · {doc.source.path}:{line}:{col}",
                "[[person]]", f"id = {toml_string(p.id)}", f"name = {toml_string(p.name)}",
                f"forms = [{', '.join(toml_string(f) for f in p.forms)}]", ""]
    return out


def _corrections(doc: Document, medium: list, known: EditorialData, limit: int) -> list[str]:
    text = doc.source.text
    applied = sorted((i for b in [*doc.paragraphs(), *doc.headings()] for i in b.inlines
                      if isinstance(i, Correction) and i.resp == AUTO and i.kind != "anchor"),
                     key=lambda c: c.span.start)
    curated = [text.find(c.context) + c.context.find(c.sic) for c in known.corrections if c.context]
    out = []
    shown = 0
    for c in applied:
        if any(c.span.start <= at < c.span.end for at in curated if at >= 0):
            continue
        if limit and shown >= limit:
            break
        sic = text[c.span.start:c.span.end]
        line, col = position(text, c.span.start)
        out += [f"# cert high (applied by convert) · {c.reason} · {doc.source.path}:{line}:{col}",
                "[[correction]]", f"sic = {toml_string(sic)}", f"corr = {toml_string(c.corr)}",
                f"context = {toml_string(unique_context(text, c.span.start, c.span.end))}",
                f"reason = {toml_string(c.reason)}", 'cert = "high"', ""]
        shown += 1
    taken = [(c.span.start, c.span.end) for c in applied]
    for s in medium:
        if limit and shown >= limit:
            break
        if not s.corr or any(a < s.end and s.start < z for a, z in taken) or \
                any(s.start <= at < s.end for at in curated if at >= 0):
            continue
        line, col = position(text, s.start)
        entry = ["[[correction]]", f"sic = {toml_string(s.sic)}", f"corr = {toml_string(s.corr)}",
                 f"context = {toml_string(unique_context(text, s.start, s.end))}",
                 f"reason = {toml_string(s.reason)}", 'cert = "medium"']
        out += [f"# cert medium (suggested, not applied: remove the '# ' to apply) · {s.rule} · "
                f"{doc.source.path}:{line}:{col}", *(f"# {x}" for x in entry), ""]
        shown += 1
    return out


def _works(doc: Document, known: EditorialData, limit: int, with_persons: bool) -> list[str]:
    known_titles = {w.title.casefold() for w in known.works}
    # a work may point to a person only if the same file defines it (the automatic ones do)
    persons = {p.id for p in doc.persons if p.resp == AUTO} if with_persons else {p.id for p in known.persons}
    out = []
    for w in [w for w in doc.works if w.title.casefold() not in known_titles][:limit or None]:
        out += ["# automatic (from the notes' references)", "[[work]]", f"id = {toml_string(w.id)}",
                f"title = {toml_string(w.title)}", f"level = {toml_string(w.level)}"]
        if w.author in persons:
            out.append(f"author = {toml_string(w.author)}")
        for key in ("author_name", "place", "publisher", "date", "container"):
            if getattr(w, key):
                out.append(f"{key} = {toml_string(getattr(w, key))}")
        if w.translator in persons:
            out.append(f"translator = {toml_string(w.translator)}")
        forms = _cited_as(doc, w.id)
        if forms:
            out.append(f"cited_as = [{', '.join(toml_string(f) for f in forms)}]")
        out.append("")
    return out


def _cited_as(doc: Document, work_id: str) -> list[str]:
    """The forms the citations use for the work, as they read once corrected ("E. H. Carr, …")."""
    from ..annotate.spans import reading_of
    from ..model import Citation

    seen: list[str] = []
    for note in doc.notes:
        for block in note.blocks:
            for p in getattr(block, "paragraphs", [block]):
                reading = None
                for i in p.inlines:
                    if isinstance(i, Citation) and i.work == work_id and i.work_span is not None:
                        reading = reading or reading_of(doc.source.text, p.span, p.inlines)
                        form = reading.text[reading.from_source(i.work_span.start):reading.from_source(i.work_span.end)]
                        if form not in seen and not form.lower().startswith(("ibid", "id.", "op.")):
                            seen.append(form)
    return seen

