"""Automatic persons: the names of a text with no register, found by NER plus a document layer.

In: a ``Document`` whose corrections and titles are in place (names are read on the corrected
reading, so a garbled "Wrotsky" the high tier corrected is found as Trotsky), the places where a
name is a title or a publisher (``excluded``), and the ids already taken. Out: ``AutoPerson``s
(id, name, printed forms, certainty, evidence) and their mentions as source spans.

The document layer decides per *surname* (the last capitalised word of a name), not per place:

* votes: each place the recogniser tags PERSON is a vote for, each place it tags as an
  organisation, a place or a group is a vote against; a surname tagged PERSON in most places is
  a person everywhere ("Stalin" tagged GPE once is still Stalin);
* recovery: a rare word (the word list) the recogniser mistypes is a person when the text
  coordinates it with a person ("Kamenev and Zinoviev"), puts a speech verb after it ("Lenin
  declared") or initials / a given name before it ("R. V. Daniels");
* exclusion: a derived word ("Stalinism"), a bibliographic word ("Ibid."), a common English word
  standing alone ("Writings"), a name after a possessive ("his Stalin": a title), a name inside a
  citation's title or imprint ("Trotsky, Stalin, p. 61"; "(London: Thornton Butterworth, 1930)");
* grouping: every printed form of one surname goes in one entry ("Leon Trotsky", "Trotsky",
  "Wrotsky"), split only when two forms carry different given names ("Victor Serge" / "Ann Serge").

Without a model the same layer runs on rules alone (rare capitalised words with a person cue).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Document, PersonRef, Span, TitleRef
from . import cache
from .patterns import (BIBLIO_WORD, CAP_WORD, COORDINATED_AFTER, COORDINATED_BEFORE, DERIVED_ENDING, GIVEN_BEFORE,
                       HONORIFIC, HONORIFIC_BEFORE, INITIALS_BEFORE, LOWER_WORD, NEXT_CAPITAL, NOT_ID_CHARS,
                       PERSON_NOUN_BEFORE, POSSESSIVE_AFTER, REGNAL_AFTER, ROMAN, SPEECH_AFTER, TITLE_BEFORE)
from .spans import blocks, fits, reading_of, reserved_spans
from .wordlist import is_foreign, zipf

RARE = 3.0  # Zipf below this: a word English seldom prints; rules alone may take it for a name
COMMON = 4.0  # Zipf at or above: an ordinary word ("Writings", "Cousin"); a person only with a given name
STRONG_CUES = frozenset({"speech-verb", "possessive", "person-noun", "initials"})
CUES_FOR_COMMON = frozenset({"initials", "regnal", "person-noun"})  # "C. L. R. James", "Louis XIV", "Lord Bacon"
CUED_ONLY = "a common word, a person where initials or a regnal number go with it"
NOT_PERSON_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW",
                               "LANGUAGE"})


@dataclass(slots=True)
class AutoPerson:
    id: str
    name: str
    forms: list[str] = field(default_factory=list)
    cert: str = "medium"
    evidence: str = ""
    mentions: list[tuple[object, Span]] = field(default_factory=list)  # (block, source span)


@dataclass(slots=True)
class _Place:
    block: object
    start: int  # reading offsets of the surname
    end: int
    form_start: int  # reading offset where the full form starts (given names, initials)
    form_end: int
    label: str | None  # the recogniser's label here, if any
    text: str = ""  # the block's reading (shared, not copied)
    given: str = ""
    cues: set = field(default_factory=set)


def find_persons(doc: Document, excluded: list[Span] = (), taken: set[str] = frozenset(),
                 entities: list | None = None) -> tuple[list[AutoPerson], bool]:
    """The persons of ``doc``; the second value says whether the NER model was used."""
    all_blocks = blocks(doc)
    text = doc.source.text
    readings = [reading_of(text, b.span, b.inlines) for b in all_blocks]
    if entities is None:
        entities = cache.entities([r.text for r in readings])
    used_model = entities is not None
    lower_words = _lower_words(readings)
    places: dict[str, list[_Place]] = defaultdict(list)
    for block, reading, ents in zip(all_blocks, readings, entities or [None] * len(readings)):
        label_at = _labels(ents, len(reading.text)) if ents is not None else None
        for m in CAP_WORD.finditer(reading.text):
            word = m["w"]
            if BIBLIO_WORD.match(word) or len(word) < 2 or word.isupper() and len(word) > 3 or ROMAN.match(word):
                continue
            if is_foreign(word):
                continue
            a, z = m.span("w")
            place = _Place(block, a, z, a, z, label_at[a] if label_at else None, reading.text)
            _extend(reading.text, place, label_at)
            places[word].append(place)
    surnames = _decide(places, lower_words, used_model)
    return _group(doc, surnames, places, readings, all_blocks, excluded, taken, used_model, lower_words), used_model


def _lower_words(readings) -> set[str]:
    """Every word the text prints in lower case ("party", "in"): such a word is no name here."""
    words: set[str] = set()
    for r in readings:
        words.update(LOWER_WORD.findall(r.text))
    return words


def _labels(ents, n: int) -> list[str | None]:
    """The recogniser's label of each reading offset (linear in the text)."""
    out: list[str | None] = [None] * n
    for a, z, label in ents:
        for k in range(a, min(z, n)):
            out[k] = label
    return out


def _extend(text: str, place: _Place, label_at) -> None:
    """Take in initials or a given name before the surname, a regnal number after; note the cues."""
    before = text[max(0, place.start - 40):place.start]
    if m := INITIALS_BEFORE.search(before):
        place.form_start = place.start - len(m.group(0))
        place.given = m.group(0).replace(" ", "")
        place.cues.add("initials")
    if NEXT_CAPITAL.match(text, place.end) and not REGNAL_AFTER.match(text, place.end):
        place.cues.add("before-name")  # "Claude" (Lefort), "Ida" (Mett): a given name, not a surname
    if m := REGNAL_AFTER.match(text, place.end):
        place.form_end = place.end + len(m.group(0))
        place.cues.add("regnal")
    after = text[place.end:place.end + 30]
    if SPEECH_AFTER.match(after):
        place.cues.add("speech-verb")
    if POSSESSIVE_AFTER.match(after):
        place.cues.add("possessive")
    if PERSON_NOUN_BEFORE.search(before) or (h := HONORIFIC_BEFORE.search(before)) and HONORIFIC.match(h["word"]):
        place.cues.add("person-noun")


def _decide(places: dict[str, list[_Place]], lower_words: set[str], used_model: bool) -> dict[str, str]:
    """Surname → evidence, for the surnames that name persons."""
    decided: dict[str, str] = {}
    for word, ps in places.items():
        if word.lower() in lower_words or word.endswith(("'", "\u2019")):
            continue  # the text prints it as an ordinary word too ("Party" / "party")
        freq = zipf(word)
        if (d := DERIVED_ENDING.search(word)) and word[:d.start()] in places:
            continue  # "Stalinism", "Trotskyist": derived from a name
        votes_for = sum(1 for p in ps if p.label == "PERSON")
        votes_against = sum(1 for p in ps if p.label in NOT_PERSON_LABELS)
        cued = sum(1 for p in ps if p.cues & {"initials", "speech-verb"})
        if freq >= COMMON:
            if any(p.cues & CUES_FOR_COMMON and p.label == "PERSON" for p in ps):
                decided[word] = CUED_ONLY  # "C. L. R. James", "Louis XIV": only where so printed
            continue
        if sum(1 for p in ps if "before-name" in p.cues) * 2 >= len(ps):
            continue  # a given name in most places
        if used_model and votes_for and votes_for >= votes_against:
            decided[word] = f"tagged PERSON in {votes_for} of {len(ps)} places"
        elif freq < RARE and (cued and (not used_model or votes_for)
                              or any("speech-verb" in p.cues for p in ps) and votes_against <= 1):
            decided[word] = f"a rare word with a person cue ({cued}×)"
        elif freq < COMMON and votes_for and any(p.cues & STRONG_CUES for p in ps):
            decided[word] = (f"tagged PERSON in {votes_for} of {len(ps)} places, with a person cue "
                             f"({', '.join(sorted(set().union(*(p.cues & STRONG_CUES for p in ps))))})")
        elif used_model and freq < RARE and not votes_against and any(p.cues & STRONG_CUES for p in ps):
            decided[word] = "a rare word the tagger leaves untyped, with a person cue"
        elif not used_model and sum(1 for p in ps if p.cues & STRONG_CUES) >= 2:
            decided[word] = "a rare word with person cues in two places"
    # coordination with a known person: "Kamenev and Zinoviev"; again while it finds more
    # ("Locke, Hume, Gibbon": Gibbon known, then Hume, then Locke), a few rounds at most
    for _ in range(3):
        before = len(decided)
        _coordination_round(places, decided, lower_words)
        if len(decided) == before:
            break
    return decided


def _coordination_round(places: dict[str, list[_Place]], decided: dict[str, str], lower_words: set[str]) -> None:
    for word, ps in places.items():
        if word in decided or zipf(word) >= COMMON or word.lower() in lower_words:
            continue
        if DERIVED_ENDING.search(word):
            continue
        against = sum(1 for p in ps if p.label in NOT_PERSON_LABELS and p.label not in ("GPE", "ORG"))
        if against:
            continue
        if any(_coordinated(p, decided) for p in ps):
            decided[word] = "coordinated with a person"


def _coordinated(p: _Place, decided: dict[str, str]) -> bool:
    """A name joined by "and", "or" or a comma to a surname already decided."""
    before = COORDINATED_BEFORE.search(p.text, max(0, p.form_start - 40), p.form_start)
    after = COORDINATED_AFTER.match(p.text, p.end)
    return bool(before and before["name"] in decided or after and after["name"] in decided)


def _group(doc: Document, surnames: dict[str, str], places, readings, all_blocks, excluded, taken: set[str],
           used_model: bool, lower_words: set[str]) -> list[AutoPerson]:
    reserved = reserved_spans(doc)
    excluded = sorted(excluded, key=lambda s: s.start)
    excluded_starts = [s.start for s in excluded]
    persons: dict[tuple[str, str], AutoPerson] = {}
    givens: dict[str, Counter] = defaultdict(Counter)
    for word in surnames:
        for p in places[word]:
            if "initials" not in p.cues and (m := GIVEN_BEFORE.search(p.text, max(0, p.start - 30), p.start)):
                given = m["given"]
                if (given in surnames or given.lower() in lower_words or is_foreign(given) or BIBLIO_WORD.match(given)
                        or HONORIFIC.match(given)):
                    continue
                p.form_start, p.given = m.start("given"), given
                p.cues.add("given-name")
                givens[word][given] += 1
    reading_by_block = {id(b): r for b, r in zip(all_blocks, readings)}
    ids = set(taken)
    garbled = _garbled_forms(surnames, places)
    order = sorted(surnames, key=lambda w: min((_first(p, reading_by_block) for p in places[w])))
    for surname in order:
        word = garbled.get(surname, surname)  # "Souvarlne" left uncorrected: Souvarine's entry
        own_givens = [g for g, _ in givens[word].most_common()]
        for p in sorted(places[surname], key=lambda p: _first(p, reading_by_block)):
            if surnames[surname] == CUED_ONLY and not p.cues & CUES_FOR_COMMON:
                continue
            if TITLE_BEFORE.search(p.text, max(0, p.form_start - 12), p.form_start):
                continue  # "his Stalin", "Trotsky's Stalin": a title
            reading = reading_by_block[id(p.block)]
            span = reading.to_source(p.form_start, p.form_end)
            if _inside(excluded, excluded_starts, span) or any(isinstance(i, (TitleRef, PersonRef)) and i.span.overlaps(span)
                                              for i in p.block.inlines):
                continue
            if not fits(p.block, span, reserved):
                continue
            given = p.given if p.given and "initials" not in p.cues else ""
            key_given = given if len(own_givens) > 1 else ""
            if not key_given and len(own_givens) > 1:
                key_given = own_givens[0]
            key = (word, key_given)
            person = persons.get(key)
            if person is None:
                pid = _unique_id(_slug(word + ("-" + key_given if len(own_givens) > 1 else "")), ids)
                ids.add(pid)
                person = persons[key] = AutoPerson(id=pid, name=word, evidence=surnames[word])
            printed = doc.source.slice(span)
            read = reading.text[p.form_start:p.form_end]
            for form in (read, printed):
                if form not in person.forms:
                    person.forms.append(form)
            if len(read) > len(person.name) and (given or "initials" in p.cues or "regnal" in p.cues):
                person.name = read
            person.mentions.append((p.block, span))
    for person in persons.values():
        strong = len(person.mentions) >= 2 or any(" " in f for f in person.forms)
        person.cert = "high" if used_model and strong else "medium"
    return list(persons.values())


def _garbled_forms(surnames: dict[str, str], places) -> dict[str, str]:
    """A garbled surname → the surname it garbles: unknown to the word list, printed at most twice,
    one edit (or one OCR confusion) from a surname printed three times as often ("Souvarlne" →
    "Souvarine", "Wrotsky" → "Trotsky" when the high tier left them). Never a known word ("Daniel"
    is not "Daniels"). Linear in the surnames (one dictionary of deletion keys)."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for w in surnames:
        for k in _deletions(w):
            by_key[k].append(w)
    out: dict[str, str] = {}
    for w in surnames:
        n = len(places[w])
        if n > 2 or zipf(w) > 0 or len(w) < 5:
            continue
        near = {o for k in _deletions(w) for o in by_key.get(k, ()) if o != w and len(places[o]) >= 3 * n
                and o not in out}
        if len(near) == 1:
            out[w] = near.pop()
    return out


def _deletions(word: str) -> set[str]:
    """The word and the word with one letter dropped: two words share a key iff one edit apart (or so)."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _first(p: _Place, reading_by_block) -> int:
    return reading_by_block[id(p.block)].to_source(p.start, p.end).start


def _inside(excluded: list[Span], starts: list[int], span: Span) -> bool:
    i = bisect.bisect_left(starts, span.end)
    for s in excluded[max(0, i - 8):i]:
        if s.overlaps(span):
            return True
    return False


def _slug(name: str) -> str:
    return NOT_ID_CHARS.sub("-", name.lower()).strip("-") or "person"


def _unique_id(base: str, ids: set[str]) -> str:
    if base[:1].isdigit():
        base = "p-" + base
    pid, k = base, 2
    while pid in ids:
        pid, k = f"{base}-{k}", k + 1
    return pid
