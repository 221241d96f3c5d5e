"""Automatic works cited: the notes' references parsed into works (author, title, translator,
container, place, publisher, year), with the forms later citations use to refer to them.

In: a ``Document`` with its notes (corrections in place: references are read on the corrected
reading). Out: ``AutoWork``s in order of first citation; ``citations`` adds them to ``doc.works``
and resolves each citation (full, short, "Ibid.") against their ``forms``.

Before: ``Note 4: "4 Boris Souvarine, Stalin, trans. C. L. R. James (London: Secker and Warburg, 1939)."``
After:  ``AutoWork(id="souvarine-stalin", title="Stalin", author_name="Boris Souvarine",
        translator_name="C. L. R. James", place="London", publisher="Secker and Warburg", date="1939",
        forms=["Boris Souvarine, Stalin", "Souvarine, Stalin", "Stalin"])``

Where references are found (general rules, no knowledge of one text):

1. the citations ``mark_citations`` finds (a note opening with a reference, a parenthesis with
   pages): their work part;
2. every parenthesis holding a year ("(Paris: Spartacus, 1949)", "(Dec. 1951)") in a note: the
   reference is the text before it back to the last boundary (";", ": ", a sentence end, "and",
   "see"), so a note that lists several references in prose yields each of them.

A reference is split at its top-level commas: an author when the first part is a name ("R. V.
Daniels"), then the title (quoted: an article, and the next part its journal), a translator
("trans. …"), series parts ("vol. I", "no. 6") left out. Without an author, a title after prose
("my sources were Voline's La revolution inconnue") starts after the last possessive or "my", "in".
A short reference ("Daniels, Conscience of the Revolution", "(Stalin, p. 421)") is the same work
as a full one with that author and title (a leading article ignored), never a new one.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model import Document
from .citations import looks_like_prose, note_citations
from .patterns import (ABBREVIATION_BEFORE, ANY_YEAR, AUTHOR_LEAD, CONTRIBUTOR_LEAD, IMPRINT_PARTS, LEADING_ARTICLE, MONTH_DATE,
                       MONTH_DAY, NOT_ID_CHARS, PROSE_BEFORE_TITLE, QUOTED_TITLE, QUOTED_WORK, REFERENCE_BOUNDARY, SECONDARY,
                       SEE_LEAD, SERIES_PART, TITLE_MARKUP, TITLE_PROSE_WORD, TOP_LEVEL_COMMA, YEAR_PAREN, YEARS_SEGMENT)

MAX_TITLE_WORDS = 16


@dataclass(slots=True)
class AutoWork:
    id: str
    title: str
    author_name: str | None = None
    translator_name: str | None = None
    place: str | None = None
    publisher: str | None = None
    date: str | None = None
    level: str = "m"
    container: str | None = None
    forms: list[str] = field(default_factory=list)
    evidence: str = ""


def find_works(doc: Document) -> list[AutoWork]:
    """The works the notes cite, in order of first citation."""
    found: dict[tuple[str, str], AutoWork] = {}
    short: list[AutoWork] = []
    for note, _, reading, start, marks in note_citations(doc):  # one walk with the citations pass
        text = reading.text
        chunks: list[tuple[int, int]] = []
        bounds = [m.end() for m in REFERENCE_BOUNDARY.finditer(text, start)
                  if not (m["stop"] == "." and ABBREVIATION_BEFORE.search(text, start, m.start()))]
        for marked in marks:
            if not marked.ibid:
                a, z = marked.work_part
                if any(m.end() < z for m in YEAR_PAREN.finditer(text, a, z)) or ";" in text[a:z]:
                    continue  # several references in one: the year parentheses below take each
                paren = text.find("(", a, z)  # a boundary inside the imprint ("London: ") is none
                i = bisect.bisect_right(bounds, paren if paren >= 0 else z) - 1
                chunks.append((max(a, bounds[i]) if i >= 0 else a, z))
        for m in YEAR_PAREN.finditer(text, start):
            i = bisect.bisect_right(bounds, m.start()) - 1
            chunks.append((bounds[i] if i >= 0 else start, m.end()))
        for a, z in chunks:
            for work in (parse_reference(text[a:z]), quoted_work(text[a:z])):
                if work is None:
                    continue
                work.evidence = f"note {note.n}: {text[a:z].strip()[:80]}"
                _add(found, short, work)
    for work in short:  # a title alone: the same as a work of that title (or that begins so), else its own
        same = [w for w in found.values() if _same_title(w.title, work.title) or _same_title(work.title, w.title)]
        if same:
            if len(same) == 1 and len(work.title) > len(same[0].title) and not same[0].author_name:
                same[0].title = work.title  # "Writings of Leon Trotsky (1934-35)" over its short form
            for f in work.forms:
                if f not in same[0].forms and len(same) == 1:
                    same[0].forms.append(f)
            continue
        found[("", _key_title(work.title))] = work
    works = list(found.values())
    ids: set[str] = set()
    for w in works:
        w.id = _unique(_slug(w), ids)
        ids.add(w.id)
    return works


def _add(found: dict, short: list, work: AutoWork) -> None:
    surname = _surname(work.author_name)
    key = (surname, _key_title(work.title))
    if not surname:
        short.append(work)
        return
    old = found.get(key)
    if old is None:
        found[key] = work
        return
    for attr in ("translator_name", "place", "publisher", "date", "container"):  # the fullest wins
        if getattr(old, attr) is None and getattr(work, attr) is not None:
            setattr(old, attr, getattr(work, attr))
    if len(work.author_name or "") > len(old.author_name or ""):
        old.author_name = work.author_name
    if len(work.title) > len(old.title):
        old.title = work.title
    for f in work.forms:
        if f not in old.forms:
            old.forms.append(f)


def parse_reference(chunk: str) -> AutoWork | None:
    """One reference as printed → an ``AutoWork`` (no id yet), or ``None`` if it is not one."""
    s = chunk.strip().rstrip(".;, ")
    place = publisher = date = None
    parens = list(YEAR_PAREN.finditer(s))
    if parens and parens[-1].end() == len(s):
        inside = parens[-1]["inside"]
        s = s[:parens[-1].start()].rstrip(" ,;:")
        if m := IMPRINT_PARTS.match(inside):
            place, publisher, date = m["place"].strip(), m["publisher"].strip(), m["year"]
        elif m := ANY_YEAR.search(inside):
            date = m["year"]
    if m := SECONDARY.search(s):
        s = s[m.end():]
    s = SEE_LEAD.sub("", s)  # "See James O. Knauss, …"
    author = None
    m = AUTHOR_LEAD.match(s)
    if m and not _is_date(_split(s[m.end():])[0] if s[m.end():] else ""):
        author, rest = m["author"], s[m.end():]
    elif (q := QUOTED_WORK.match(s)) and "," not in q["title"]:
        author, rest = q["author"], q["title"]  # "Mr. R.C. Lehmann's _Dickens as an Editor_"
        if m := TITLE_MARKUP.match(rest):
            rest = m["title"]
    else:
        rest = s
        prose = list(PROSE_BEFORE_TITLE.finditer(rest))
        if prose and rest[:1].islower() or prose and looks_like_prose(rest[:prose[-1].start()] + " x x x x x x"):
            last = prose[-1]
            possessive = rest[last.start():last.end()].rstrip()
            if possessive.endswith(("'s", "\u2019s")):
                words = rest[:last.end()].rstrip()[:-2].split()
                author = words[-1] if words and words[-1][:1].isupper() else None
            rest = rest[last.end():]
    if not rest or not (rest[:1].isupper() or rest[:1] in "'\u2018\"\u201c"):
        return None
    parts = _split(rest)
    title, level, container, translator = parts[0], "m", None, None
    for part in parts[1:]:
        if CONTRIBUTOR_LEAD.match(part):
            translator = CONTRIBUTOR_LEAD.sub("", part).strip()
        elif YEARS_SEGMENT.match(part) and container is None:
            title = f"{title}, {part}"
        elif SERIES_PART.match(part):
            continue
        elif _is_date(part):
            date = date or ANY_YEAR.search(part)["year"]
        elif container is None and (q := QUOTED_TITLE.match(title)):
            container = part[3:] if part.startswith("in ") else part
    quoted = False
    if q := QUOTED_TITLE.match(title):
        title, level, quoted = q["title"].strip(" ,"), "a", True
    title = title.strip(" ,.;:")
    if m := TITLE_MARKUP.match(title):
        title = m["title"].strip()  # "_Dickens as an Editor_"
    if not _title_like(title, quoted):
        return None
    title = " ".join(title.split())  # a title printed over two lines: one line in the register
    forms = []
    if author:
        printed_title = parts[0]
        forms += [f"{author}, {printed_title}", f"{_surname_printed(author)}, {printed_title}"]
        short = LEADING_ARTICLE.sub("", printed_title)
        if short != printed_title:
            forms.append(f"{_surname_printed(author)}, {short}")
    forms.append(parts[0] if not QUOTED_TITLE.match(parts[0]) else title)
    return AutoWork(id="", title=title, author_name=author, translator_name=translator, place=place,
                    publisher=publisher, date=date, level=level, container=container,
                    forms=list(dict.fromkeys(forms)))


def quoted_work(chunk: str) -> AutoWork | None:
    """The work a secondary citation quotes ("Trotsky's What happened and how', quoted in Political
    Correspondence …"): its author and title, or ``None`` when the chunk quotes nothing named."""
    m = SECONDARY.search(chunk)
    if m is None:
        return None
    lead = chunk[:m.start()].strip().rstrip(",")
    cut = max(lead.rfind(". "), lead.rfind("; "), lead.rfind(": "))
    q = QUOTED_WORK.match(lead[cut + 2:].strip() if cut >= 0 else lead)
    if q is None or not _title_like(q["title"].strip(" ,.;:'’"), True):
        return None
    title = q["title"].strip(" ,.;:'’")
    author = q["author"]
    return AutoWork(id="", title=title, author_name=author, level="m",
                    forms=list(dict.fromkeys([f"{author}'s {title}", title])))


def _title_like(title: str, quoted: bool) -> bool:
    """A work's title, not prose, a date or a stray word: at most ``MAX_TITLE_WORDS`` words on one
    paragraph, starts with a capital, no pronoun or auxiliary verb in lower case (unless quoted: an
    article's title may be a sentence), not "September 4", not a word of three letters ("Ill")."""
    if not title or title[:1].islower() or len(title.split()) > MAX_TITLE_WORDS or looks_like_prose(title):
        return False
    if "\n\n" in title or "\f" in title or "#" in title or MONTH_DAY.match(" ".join(title.split())):
        return False
    if len(title) < 4 and " " not in title:
        return False
    return quoted or not TITLE_PROSE_WORD.search(title)


def _split(s: str) -> list[str]:
    out, a = [], 0
    for m in TOP_LEVEL_COMMA.finditer(s):
        out.append(s[a:m.start()].strip())
        a = m.end()
    out.append(s[a:].strip())
    return [p for p in out if p]


def _surname_printed(author: str) -> str:
    return author.replace(".", ". ").split()[-1]


def _surname(author: str | None) -> str:
    return _surname_printed(author).lower() if author else ""


def _same_title(full: str, short: str) -> bool:
    """"Political Correspondence" is short for "Political Correspondence of the Workers' League …"."""
    a, b = _key_title(full), _key_title(short)
    return a == b or a.startswith(b) and a[len(b):len(b) + 1] in (" ", "(", ",")


def _is_date(part: str) -> bool:
    """"May 1924", "Nov. 1934": a date, not a title."""
    return bool(MONTH_DATE.fullmatch(part) or YEARS_SEGMENT.match(part))


def _key_title(title: str) -> str:
    return LEADING_ARTICLE.sub("", title).casefold()


def _slug(w: AutoWork) -> str:
    words = [x for x in NOT_ID_CHARS.split(LEADING_ARTICLE.sub("", w.title).lower()) if x][:3]
    base = "-".join(([_surname(w.author_name)] if w.author_name else []) + words)
    base = NOT_ID_CHARS.sub("-", base).strip("-") or "work"
    return base if not base[0].isdigit() else "w-" + base


def _unique(base: str, ids: set[str]) -> str:
    pid, k = base, 2
    while pid in ids:
        pid, k = f"{base}-{k}", k + 1
    return pid
