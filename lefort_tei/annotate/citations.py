"""Citations: the bibliographic references of the notes → ``Citation`` spans (``bibl``), resolved.

In: a ``Document`` with corrections, titles and persons; the ``[[work]]`` entries (optional).
Out: ``Citation(span, id="noteN-bibl"|"noteN-bibl2"…, work, work_span, pages_span, page_from,
page_to, secondary)`` in the notes, and the works cited ``doc.works`` (``model.Work``).

Before: ``Note 5: Paragraph("5 Trotsky, Stalin, p. xv.")``
After:  ``inlines=[Citation(span="Trotsky, Stalin, p. xv", id="note5-bibl", work="trotsky-stalin",
        work_span="Trotsky, Stalin", pages_span="p. xv", page_from="xv", page_to="xv")]``

General rules, no knowledge of one text: (1) *mark*: the leading bibliographic part of a note's
paragraph is a citation when its first sentence begins with "Ibid.", holds a page reference
("p. 64", "pp. 403-4") or ends in a parenthesis with a year ("(London: …, 1939)", "(Nov. 1934)");
a parenthesis inside a note is a citation when it holds a page reference or opens with "quoted
in/by", "reported by" ("(Stalin, p. 421: Lefort's emphasis)"). (2) *resolve*: the work is the
``cited_as`` form (or title) found earliest in the part before the pages, the longest there;
"Ibid." takes the previous citation's work (a warning when there is none). "quoted by …" marks the
citation as second-hand (``secondary``). With no data file the citations are still marked, with
no work: the ``bibl`` then has no ``ref``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import EditorialData
from ..diagnostics import Diagnostic, warning
from ..model import BlockQuote, Citation, Document, Paragraph, Span, Work
from .patterns import (ABBREVIATION_BEFORE, CONTRIBUTOR_LEAD, ENTITLED_TITLE, IBID, IMPRINT, NAMED_BEFORE, IMPRINT_AT_END, TOP_LEVEL_COMMA, PAGES, PARENTHESIS, PROSE_LIMIT, PROSE_WORD,
                       SECONDARY, SENTENCE_END)
from .spans import Reading, Reserved, fits, reading_of

MAX_WORK_PART = 300  # characters: a longer "work part" is prose, not a reference


@dataclass(slots=True)
class Marked:
    """A citation found in a reading, as reading offsets, before it is resolved."""

    start: int
    end: int
    work_part: tuple[int, int]
    pages: tuple[int, int, str, str | None] | None = None  # start, end, from, to
    ibid: bool = False
    secondary: str = ""


def annotate_citations(doc: Document, data: EditorialData) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    doc.works = [Work(id=w.id, title=w.title, author=w.author, author_name=w.author_name,
                      translator=w.translator, editor=w.editor, place=w.place, publisher=w.publisher,
                      date=w.date, level=w.level, container=w.container, note=w.note) for w in data.works]
    forms = [(form, w.id) for w in data.works for form in (w.cited_as or [w.title])]
    labels = Reserved(n.label for n in doc.notes)  # a citation may not swallow a note's label
    if data.automatic and not data.works:  # a data file's works are the curated register: they win whole
        forms += _add_automatic_works(doc)
    cited: dict[str, int] = {}  # how often each work was cited so far: a tie between works goes to the most cited
    previous: Citation | None = None
    count, current = 0, None
    for note, p, reading, _, marks in note_citations(doc):
        if note is not current:
            count, current = 0, note
        for marked in marks:
            count += 1
            citation = _resolve(doc, p, reading, marked, forms, previous, labels,
                                f"note{note.n}-bibl" + (str(count) if count > 1 else ""), diags, cited)
            if citation is None:
                count -= 1
                continue
            p.inlines.append(citation)
            previous = citation
            if citation.work:
                cited[citation.work] = cited.get(citation.work, 0) + 1
    return diags


def note_citations(doc: Document):
    """Every note paragraph, in reading order, with its citations: ``(note, paragraph, reading, start,
    [Marked …])``, ``start`` the reading offset after the note's label (first paragraph) and its
    spaces. Lazy: each reading is made when its paragraph is reached, after the spans added to the
    paragraphs before it. One walk for the passes that read the notes' citations (resolving them,
    keeping persons out of their titles, listing the works)."""
    for note in doc.notes:
        for k, p in enumerate(_note_paragraphs(note.blocks)):
            reading = reading_of(doc.source.text, p.span, p.inlines)
            start = reading.from_source(note.label.end) if k == 0 else 0
            while start < len(reading.text) and reading.text[start].isspace():
                start += 1
            yield note, p, reading, start, mark_citations(reading.text, start)


def _note_paragraphs(blocks):
    for b in blocks:
        yield from (b.paragraphs if isinstance(b, BlockQuote) else [b])


def mark_citations(text: str, start: int = 0) -> list[Marked]:
    """The citations of one paragraph's reading: the leading one, then the parenthetical ones."""
    found: list[Marked] = []
    lead = leading_citation(text, start)
    if lead:
        found.append(lead)
    for m in PARENTHESIS.finditer(text, start):
        if lead and m.start() < lead.end:
            continue
        inner = parenthetical_citation(text, m.start("body"), m.end("body"))
        if inner:
            found.append(inner)
    return found


def sentence_end(text: str, start: int) -> int:
    """Where the first sentence from ``start`` ends (the index of its stop, or the text's end)."""
    for m in SENTENCE_END.finditer(text, start):
        if m["stop"] == "." and ABBREVIATION_BEFORE.search(text, start, m.start()):
            continue
        return m.start()
    return len(text.rstrip())


def leading_citation(text: str, start: int) -> Marked | None:
    """The bibliographic part a note's paragraph opens with, if it opens with one."""
    end = sentence_end(text, start)
    sentence = text[start:end]
    if m := IBID.match(sentence):
        pages = PAGES.search(sentence, m.end())
        stop = start + (_pages_end(pages) if pages else m.end())
        return Marked(start, stop, (start, start + m.end()), _pages(pages, start), ibid=True)
    if pages := PAGES.search(sentence):
        work_end = start + len(sentence[:pages.start()].rstrip(" ,;:"))
        if work_end <= start or work_end - start > MAX_WORK_PART or looks_like_prose(text[start:work_end]):
            return None
        return _with_secondary(text, Marked(start, start + _pages_end(pages), (start, work_end),
                                            _pages(pages, start)))
    if imprint := IMPRINT_AT_END.search(sentence):
        stop = start + imprint.start() + len(imprint.group(0).rstrip(" .;"))
        work_end = start + len(sentence[:imprint.start()].rstrip(" ,;:"))
        if work_end <= start or stop - start > MAX_WORK_PART or looks_like_prose(text[start:work_end]):
            return None
        return _with_secondary(text, Marked(start, stop, (start, work_end)))
    return None


def parenthetical_citation(text: str, start: int, end: int) -> Marked | None:
    """A citation inside a parenthesis ``text[start:end]``: with pages, or "quoted in …"."""
    body = text[start:end]
    if m := IBID.match(body):
        pages = PAGES.search(body, m.end())
        stop = start + (_pages_end(pages) if pages else m.end())
        return Marked(start, stop, (start, start + m.end()), _pages(pages, start), ibid=True)
    if pages := PAGES.search(body):
        work_end = start + len(body[:pages.start()].rstrip(" ,;:"))
        if work_end <= start or looks_like_prose(text[start:work_end]):
            return None
        return _with_secondary(text, Marked(start, start + _pages_end(pages), (start, work_end),
                                            _pages(pages, start)))
    if SECONDARY.match(body):
        stop = start + len(body.rstrip(" .,;:"))
        return _with_secondary(text, Marked(start, stop, (start, stop)))
    return None


def looks_like_prose(work_part: str) -> bool:
    """Too many running-text words outside parentheses for a reference."""
    outside = PARENTHESIS.sub(" ", work_part)
    return len(PROSE_WORD.findall(outside)) > PROSE_LIMIT


def _pages_end(m) -> int:
    return m.end()


def _pages(m, offset: int):
    if m is None:
        return None
    first, last = m["from"], m["to"]
    if last and last.isdigit() and first.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # "403-4" → 403 to 404
    return offset + m.start(), offset + (m.start("more") if m["more"] else m.end()), first, \
        (None if m["ff"] else (last or first))


def _with_secondary(text: str, marked: Marked) -> Marked:
    a, z = marked.work_part
    if m := SECONDARY.search(text, a, z):
        marked.secondary = text[m.start():z]
    return marked


def _resolve(doc: Document, p: Paragraph, reading: Reading, marked: Marked, forms, previous: Citation | None,
             labels: Reserved, ident: str, diags: list[Diagnostic], cited: dict[str, int] | None = None) -> Citation | None:
    span = reading.to_source(marked.start, marked.end)
    if not fits(p, span, labels):
        line, col = doc.source.position(span.start)
        diags.append(warning("citation-crosses", f"the citation {doc.source.slice(span)!r} would cross another "
                             "span; not tagged", doc.source.path, line, col))
        return None
    a, z = marked.work_part
    work, work_range = None, None
    if marked.ibid:
        work_range = (a, z)
        if previous is None:
            line, col = doc.source.position(span.start)
            diags.append(warning("ibid-unresolved", "'Ibid.' with no previous citation to refer to",
                                 doc.source.path, line, col))
        else:
            work = previous.work
    else:
        hits = [(i, -(j - i), form, ref) for form, ref in forms for i, j in reading.find_all(form) if a <= i and j <= z]
        if hits:
            i, neg, _, work = min(hits)
            tied = {ref for j, n, _, ref in hits if (j, n) == (i, neg)}
            if len(tied) > 1:  # "(Stalin, p. 421)" and two works titled Stalin: the one cited most
                counts = cited or {}
                work = max(sorted(tied), key=lambda ref: (ref == (previous.work if previous else None),
                                                          counts.get(ref, 0)))
            work_range = (i, i - neg)
    citation = Citation(span=span, id=ident, work=work, secondary=marked.secondary)
    if work_range and work:
        ws = reading.to_source(*work_range)
        if not (span.contains(ws) and fits(p, ws)):
            ws = reading.to_source(a, z)
        citation.work_span = ws if span.contains(ws) and fits(p, ws) else None
    if marked.pages:
        pa, pz, first, last = marked.pages
        ps = reading.to_source(pa, pz)
        if span.contains(ps) and fits(p, ps) and not (citation.work_span and citation.work_span.overlaps(ps)):
            citation.pages_span = ps
        citation.page_from, citation.page_to = first, last
    return citation



def excluded_from_persons(doc: Document) -> list[Span]:
    """Where a name is not a person: the titles of the notes' citations and the imprints.

    "5 Trotsky, Stalin, p. xv.": "Stalin" (the part after the author); "(Stalin, p. 421)": a short
    title alone; "Writings of Leon Trotsky (1934-35)": the whole work part (no author before it);
    "(London: Thornton Butterworth, 1930)", "(republished in 1969 by Pierre Belfond)": imprints.
    Linear: each note paragraph is read once."""
    out: list[Span] = []
    for block in doc.paragraphs():
        reading = reading_of(doc.source.text, block.span, block.inlines)
        for m in IMPRINT.finditer(reading.text):
            out.append(reading.to_source(m.start(), m.end()))
        for m in ENTITLED_TITLE.finditer(reading.text):
            if NAMED_BEFORE.search(reading.text, max(0, m.start("title") - 30), m.start("title")):
                continue  # "a woman called Grey": a person so called, no title
            out.append(reading.to_source(m.start("title"), m.end("title")))
    for _, _, reading, _, marks in note_citations(doc):
        for marked in marks:
            if marked.ibid:
                continue
            a, z = marked.work_part
            if marked.secondary and (lead := SECONDARY.search(reading.text, a, z)):
                a = lead.end()
            cut = IMPRINT_AT_END.search(reading.text, a, z)
            z = cut.start() if cut else z
            commas = [m for m in TOP_LEVEL_COMMA.finditer(reading.text, a, z)]
            bounds = [a] + [c.end() for c in commas]
            ends = [c.start() for c in commas] + [z]
            for k, (x, y) in enumerate(zip(bounds, ends)):
                if k == 0 and commas or CONTRIBUTOR_LEAD.match(reading.text[x:y]) or x >= y:
                    continue  # the author, a translator or an editor: persons
                out.append(reading.to_source(x, y))
    return out


def _add_automatic_works(doc: Document) -> list[tuple[str, str]]:
    """The works ``auto_works`` finds, added to ``doc.works``; their (form, id) pairs for resolving."""
    from .auto_works import find_works

    by_surname: dict[str, str] = {}
    for person in doc.persons:
        for form in person.forms:
            by_surname.setdefault(form.replace(".", ". ").split()[-1], person.id)
    ids = {w.id for w in doc.works} | {p.id for p in doc.persons}
    forms: list[tuple[str, str]] = []
    for w in find_works(doc):
        wid, k = w.id, 2
        while wid in ids:
            wid, k = f"{w.id}-{k}", k + 1
        ids.add(wid)
        author = by_surname.get(w.author_name.replace(".", ". ").split()[-1]) if w.author_name else None
        translator = by_surname.get(w.translator_name.replace(".", ". ").split()[-1]) if w.translator_name else None
        doc.works.append(Work(id=wid, title=w.title, author=author, author_name=w.author_name, translator=translator,
                              translator_name=w.translator_name, place=w.place, publisher=w.publisher, date=w.date,
                              level=w.level, container=w.container))
        forms += [(f, wid) for f in w.forms]
    return forms
