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
  declared") or initials / a given name before it ("R. V. Daniels"); one it calls an organisation
  is a person when it is the subject of a person's doings in two places ("Okafor fled to Spain",
  "Okafor soon began"), unless a place in most places, a people's plural or mostly after "the";
* strong cues over the recogniser's place or body (``_strong_person``), never for a word printed after
  at/to/from/into/near (mostly, for the first): a common given name before it (``given_names.txt``, the
  US Census 1990 lists: "Marcus Okafor", not after "the" or "St."), a speech verb before it ("says
  Okafor"), a person noun and "named" ("a man named Okafor"), or PERSON in two places and a third;
* a form of address, a compound rank or "M." tagged PERSON names even a word the text prints in
  lower case, there only ("Mr. Brown", "Major-General Stone", "M. Lenoir"); a less common word after
  "M." (Monsieur, or an initial), a given name between perhaps, is a person ("M. Louis Dupont");
* names of several ordinary words ("Red Cloud", "Buffalo-Hide Woman", "Son-of-the-Moon"), which
  no single word tells, are read whole by ``_compounds``: printed mid-sentence twice or more, with
  person cues in two places, never a place, a body, an office or a title (its docstring says how);
* exclusion: a derived word ("Stalinism"), a bibliographic word ("Ibid."), a common English word
  standing alone ("Writings"), a name after a possessive ("his Stalin": a title), a name inside a
  citation's title or imprint ("Trotsky, Stalin, p. 61"; "(London: Thornton Butterworth, 1930)");
* grouping: every printed form of one surname goes in one entry ("Leon Trotsky", "Trotsky",
  "Wrotsky"), split only when two forms carry different given names ("Victor Serge" / "Ann Serge");
* the printed name whole: given names and initials ("John Stuart Mill", "Henry P. Beers"; a given
  name the recogniser tags with the surname somewhere is one everywhere), a title of rank or
  address ("Mr. Kitton", "Sir Louis Jackson", not "Comrade"), a particle ("Marquis d'Argenson"), a
  regnal number ("Louis XIV") or an epithet ("Frederick the Great", "Jesus of Nazareth");
* capitals: "HARTLEY" is read as "Hartley" and voted with the text's other places; alone (a
  heading, a song's title) it is tagged only with initials or a given name ("J. R. HARTLEY");
* not persons: an abbreviation ("Fla. Terr."), an acronym, a word after "at"/"in" in most places
  ("at Pensacola", "In Alexandria"), after "the" ("the Rhine", "the Sabbath", "the\nAppendix"), a
  periodical ("Pensacola Gazette"), an office before a name ("Curator Grey"), an English word printed
  only to open a sentence, once or twice and uncued ("Behold, …", "Hitherto armies …"), a word
  English prints that the recogniser reads as a place three times and mostly ("Venice and Genoa":
  no person by coordination), the first word of a foreign phrase ("Credo quia absurdum"), and the names in a licence, a header, credits or a colophon (the
  edition's makers).

Without a model the same layer runs on rules alone (rare capitalised words with a person cue).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Document, PersonRef, Span, TitleRef
from . import cache
from .patterns import (ABBREVIATED_AFTER, ACT_AFTER, ADDRESS, ARTICLE_BEFORE, BIBLIO_WORD, CAPITAL_STOP_BEFORE,
                       CAPS_GIVEN_BEFORE, CAPS_WORD, CAP_WORD, COMPOUND_NAME, COMPOUND_RANK_BEFORE,
                       COMPOUND_SMALL_PIECE, COORDINATED_AFTER, COORDINATED_BEFORE, DERIVED_ENDING, EPITHET_AFTER,
                       EPITHET_WORDS, GIVEN_BEFORE, GIVEN_PART, HONORIFIC, HONORIFIC_BEFORE, INITIALS_BEFORE,
                       KIN_BEFORE, LOWER_WORD, MONSIEUR_BEFORE, NAME_TITLE_BEFORE, NEXT_CAPITAL, NEXT_TWO_WORDS, NOT_ID_CHARS,
                       NOT_IN_COMPOUND_NAME, PARTICLE_BEFORE, PERIODICAL_WORD, PERSON_NOUN_BEFORE, PLACE_BEFORE,
                       PLACE_KIND_WORD, POSSESSIVE_AFTER, POSSESSIVE_IN_TITLE, REGNAL_AFTER, ROMAN, SENTENCE_OPENING,
                       SPEECH_AFTER, SPEECH_BEFORE, TITLE_BEFORE, NAMED_BEFORE, SAINT_BEFORE, STRICT_PLACE_BEFORE)
from .spans import blocks, fits, reading_of, reserved_spans
from .wordlist import is_foreign, is_given_name, zipf

RARE = 3.0  # Zipf below this: a word English seldom prints; rules alone may take it for a name
COMMON = 4.0  # Zipf at or above: an ordinary word ("Writings", "Cousin"); a person only with a given name
STRONG_CUES = frozenset({"speech-verb", "possessive", "person-noun", "initials"})
# "C. L. R. James", "Louis XIV", "Lord Bacon", "M. Lenoir"
CUES_FOR_COMMON = frozenset({"initials", "regnal", "person-noun", "monsieur"})
# cues that make a common word a name whatever the recogniser says: "Mr. Brown", "Frederick the Great",
# and a given name the recogniser tags PERSON with it ("John Stuart Mill", "Sir Louis Jackson")
CUES_FOR_COMMON_UNTAGGED = frozenset({"address", "epithet", "full-name"})
CUED_ONLY = "a common word, a person where initials or a regnal number go with it"
# the boilerplate whose names are read: a publisher's advertisements name the work's circle (its author's
# other books); a licence, a header, credits or a colophon name the edition's makers
KEEP_BOILERPLATE = frozenset({"advertisement"})
MOST = 2 / 3  # a common word tagged PERSON in at least this share of its places (and twice) is a name
OPENING_WORD = 2.5  # Zipf at or above: an English word ("behold", "hitherto"); printed only to open a sentence, no name
NAME_CUES = frozenset({"act", "given-name", "full-name", "epithet", "regnal"})
FOREIGN = 2.5  # Zipf below this for both lower-case words after a capitalised one: a foreign phrase
ACTS = 2  # a rare word the subject of a person's doing ("fled", "spoke") in this many places is a person
PERSON_SHARE = 1 / 3  # tagged PERSON in this share of its places (and twice): a person, unless after at/to/from
PLACED = 3  # a word the recogniser reads as a place this often, and in most of its places, is no person by coordination
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
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
    caps: bool = False  # printed in capitals ("HARTLEY"): the recogniser's label there is not trusted
    labels: list | None = None  # the block's label per reading offset (shared, not copied)


def find_persons(doc: Document, excluded: list[Span] = (), taken: set[str] = frozenset(),
                 entities: list | None = None) -> tuple[list[AutoPerson], bool]:
    """The persons of ``doc``; the second value says whether the NER model was used."""
    all_blocks = blocks(doc)
    text = doc.source.text
    readings = [reading_of(text, b.span, b.inlines) for b in all_blocks]
    furniture = {id(b) for bp in [*doc.front_boilerplate, *doc.back_boilerplate] if bp.kind not in KEEP_BOILERPLATE
                 for b in bp.blocks}
    if entities is None:  # the recogniser reads no licence nor header: their names are not read (below)
        entities = cache.entities(["" if id(b) in furniture else r.text for b, r in zip(all_blocks, readings)])
    used_model = entities is not None
    lower_words = _lower_words(readings)
    places: dict[str, list[_Place]] = defaultdict(list)
    compounds: list[_Place] = []
    for block, reading, ents in zip(all_blocks, readings, entities or [None] * len(readings)):
        if id(block) in furniture:
            continue  # a licence, a header, a colophon: their names (a transcriber) are not the work's
        label_at, start_at = _labels(ents, len(reading.text)) if ents is not None else (None, None)
        compounds += _compound_places(block, reading.text, label_at)
        for m in CAP_WORD.finditer(reading.text):
            word = m["w"]
            caps = len(word) > 2 and bool(CAPS_WORD.match(word))
            if caps:
                word = "-".join(part.capitalize() for part in word.split("-"))  # "HARTLEY" → "Hartley"
            elif word.isupper():
                continue  # "SD", "NA": an acronym
            if BIBLIO_WORD.match(word) or len(word) < 2 or ROMAN.match(word.upper()) or HONORIFIC.match(word):
                continue  # "Ibid.", "XIV", "King" (of Spain), "Speaker": never a surname
            if is_foreign(word):
                continue
            a, z = m.span("w")
            if (n2 := NEXT_TWO_WORDS.match(reading.text, z)) and zipf(n2["a"]) < FOREIGN and zipf(n2["b"]) < FOREIGN:
                continue  # "Credo quia absurdum": a foreign phrase, not a name and two words
            if _in_epithet(reading.text, a, label_at, start_at):
                continue  # "Nazareth" of "Jesus of Nazareth", "Great" of "Frederick the Great"
            place = _Place(block, a, z, a, z, None if caps or not label_at else label_at[a], reading.text,
                           caps=caps, labels=label_at)
            _extend(reading.text, place, label_at, start_at, lower_words)
            if PERIODICAL_WORD.match(word) and "initials" not in place.cues:
                continue  # "Pensacola Gazette": a periodical's title
            places[word].append(place)
    surnames = _decide(places, lower_words, used_model)
    _compounds(compounds, places, surnames)
    return _group(doc, surnames, places, readings, all_blocks, excluded, taken, used_model, lower_words), used_model


def _lower_words(readings) -> set[str]:
    """Every word the text prints in lower case ("party", "in"): such a word is no name here."""
    words: set[str] = set()
    for r in readings:
        words.update(LOWER_WORD.findall(r.text))
    return words


def _labels(ents, n: int) -> tuple[list[str | None], list[int]]:
    """The recogniser's label of each reading offset, and where the entity holding it starts
    (linear in the text)."""
    out: list[str | None] = [None] * n
    starts: list[int] = [-1] * n
    for a, z, label in ents:
        for k in range(a, min(z, n)):
            out[k] = label
            starts[k] = a
    return out, starts


def _in_epithet(text: str, a: int, label_at, start_at) -> bool:
    """The word at ``a`` ends an epithet after a capitalised word: "Great" of "Frederick the Great", or
    "Nazareth" of "Jesus of Nazareth" inside a PERSON span that starts before it."""
    lead = 4 if text.endswith("the ", 0, a) else 3 if text.endswith("of ", 0, a) else 0
    k = a - lead - 1  # the space before "the" / "of"
    if not lead or k < 2 or text[k] != " " or not text[k - 1].isalpha():
        return False
    w = text.rfind(" ", 0, k) + 1
    if not text[w:w + 1].isupper():
        return False  # "to the Great Lakes": no name before the epithet
    m = EPITHET_AFTER.match(text, k)
    if not m:
        return False
    if m["the"] in EPITHET_WORDS:
        return True
    # tagged with the name before it, or each tagged PERSON on its own ("Jesus" + "of Nazareth")
    return bool(label_at) and label_at[a] == "PERSON" and (start_at[a] <= w or label_at[w] == "PERSON")


def _extend(text: str, place: _Place, label_at, start_at=None, lower_words=frozenset()) -> None:
    """Take in initials or a given name before the surname, a regnal number or an epithet after; note
    the cues."""
    if m := PARTICLE_BEFORE.search(text, max(0, place.start - 6), place.start):
        place.form_start = m.start()  # "d'Argenson", "de Maistre": the particle is the name's
    before = text[max(0, place.form_start - 40):place.form_start]
    m = INITIALS_BEFORE.search(before)
    lettered = bool(m and place.form_start == len(m.group(0)) and m.group(0).count(".") == 1
                    and zipf(text[place.start:place.end]) >= COMMON)
    if lettered:
        m = None  # "C. Modern Schools" opening a block: a heading's enumerating letter, not an initial
    if m:
        place.form_start -= len(m.group(0))
        place.given = m.group(0).replace(" ", "")
        place.cues.add("initials")
    if label_at and label_at[place.start] == "PERSON" and not place.caps and not lettered:
        a = start_at[place.start]
        lead = text[a:place.start]
        if a < place.start and GIVEN_PART.match(lead) and not any(w.lower() in lower_words for w in lead.split()):
            place.cues.add("full-name")  # "Louis Jackson", "Stuart Mill": tagged PERSON with a given name
    if m := EPITHET_AFTER.match(text, place.end):
        tagged_over = (label_at and label_at[place.start] == "PERSON" and label_at[m.end() - 1] == "PERSON")
        if m["the"] in EPITHET_WORDS or tagged_over:
            place.form_end = m.end()
            place.cues.add("epithet")
    if NEXT_CAPITAL.match(text, place.end) and not REGNAL_AFTER.match(text, place.end):
        place.cues.add("before-name")  # "Claude" (Lefort), "Ida" (Mett): a given name, not a surname
    if m := REGNAL_AFTER.match(text, place.end):
        place.form_end = place.end + len(m.group(0))
        place.cues.add("regnal")
    after = text[place.end:place.end + 30]
    if ARTICLE_BEFORE.search(text, max(0, place.form_start - 5), place.form_start):
        place.cues.add("article")  # "the Rhine", "the Sabbath", "the Gentiles": a thing, a river, a people
    if PLACE_BEFORE.search(text, max(0, place.form_start - 12), place.form_start):
        place.cues.add("place")  # "at Pensacola", "in St. Augustine"
    if ABBREVIATED_AFTER.match(text, place.end):
        place.cues.add("abbreviation")  # "Fla. Terr.", "Recd., A 61"
    if _opens_sentence(text, place.form_start):
        place.cues.add("opening")  # "Behold, the man …": its capital is the sentence's
    if STRICT_PLACE_BEFORE.search(text, max(0, place.form_start - 6), place.form_start):
        place.cues.add("strict-place")  # "at Okafor", "to Okafor", not "in Okafor" (a town or an author's work)
    if SPEECH_AFTER.match(after) or SPEECH_BEFORE.search(text, max(0, place.form_start - 12), place.form_start):
        place.cues.add("speech-verb")  # "Hawk said", "said Hawk"
        if SPEECH_BEFORE.search(text, max(0, place.form_start - 12), place.form_start):
            place.cues.add("speech-before")  # "says Okafor": the name is the speaker
    if NAMED_BEFORE.search(text, max(0, place.form_start - 30), place.form_start):
        place.cues |= {"named", "person-noun"}  # "a man named Okafor"
    if ((g := GIVEN_BEFORE.search(before)) and is_given_name(g["given"]) and g["given"].lower() not in lower_words
            and not place.caps and not ARTICLE_BEFORE.search(before, max(0, g.start("given") - 5), g.start("given"))
            and not SAINT_BEFORE.search(before, max(0, g.start("given") - 7), g.start("given"))):
        # "Marcus Okafor": a common given name (the census lists) before it; not "the Francis Okafors" (a
        # firm, a troupe: a name takes no article) nor "St. Louis Okafor" (a church, a town)
        place.cues.add("given-listed")
        h2 = HONORIFIC_BEFORE.search(before, 0, g.start("given"))
        if h2 and HONORIFIC.match(h2["word"]) and h2["word"] not in ("St", "Saint"):
            place.cues.add("person-noun")  # "the Emperor Marcus Okafor": a title, a given name, the surname
    if ACT_AFTER.match(after):
        place.cues.add("act")  # "Okafor fled to Spain", "Okafor soon began": a person's doing
    if POSSESSIVE_AFTER.match(after):
        place.cues.add("possessive")
    h = HONORIFIC_BEFORE.search(before)
    if PERSON_NOUN_BEFORE.search(before) or h and HONORIFIC.match(h["word"]) and h["word"] not in ("St", "Saint"):
        # (not "St.": it names towns and periodicals as often as saints, "St. Augustine", "St Antony's Papers")
        place.cues.add("person-noun")
    if MONSIEUR_BEFORE.search(text, max(0, place.start - 30), place.start):
        place.cues.add("monsieur")  # "M. Lenoir": Monsieur, or an initial; a person either way
    if h and ADDRESS.match(h["word"]) or COMPOUND_RANK_BEFORE.search(before):
        place.cues.add("address")  # "Mr. Brown", "Miss Rainforth", "Major-General Stone": a name, even a common word


def _opens_sentence(text: str, a: int) -> bool:
    """The word at ``a`` opens a block, a sentence or a quotation ("… roads. Hitherto", "“Behold"), not
    after an abbreviation or an initial ("Messrs. Grote", "J.H. Tully")."""
    return a == 0 or bool(SENTENCE_OPENING.search(text, max(0, a - 4), a)) and not CAPITAL_STOP_BEFORE.search(
        text, max(0, a - 10), a)


def _decide(places: dict[str, list[_Place]], lower_words: set[str], used_model: bool) -> dict[str, str]:
    """Surname → evidence, for the surnames that name persons."""
    decided: dict[str, str] = {}
    for word, ps in places.items():
        if word.endswith(("'", "\u2019")):
            continue
        if word.lower() in lower_words:  # the text prints it as an ordinary word too ("Party" / "party")
            if any("address" in p.cues or "monsieur" in p.cues and p.label == "PERSON" for p in ps):
                decided[word] = CUED_ONLY  # "Mr. Brown", "M. Lenoir" tagged PERSON: a name only where so printed
            continue
        freq = zipf(word)
        if (d := DERIVED_ENDING.search(word)) and word[:d.start()] in places:
            continue  # "Stalinism", "Trotskyist": derived from a name
        votes_for = sum(1 for p in ps if p.label == "PERSON")
        votes_against = sum(1 for p in ps if p.label in NOT_PERSON_LABELS)
        cued = sum(1 for p in ps if p.cues & {"initials", "speech-verb"})
        if freq < COMMON and any("monsieur" in p.cues and "before-name" not in p.cues for p in ps):
            decided[word] = "printed after \"M.\" (Monsieur, or an initial)"  # "M. Louis Dupont", "M. Lenoir"
            continue
        if freq >= COMMON and used_model and _mostly_person(ps) and not _mostly_given(ps):
            decided[word] = f"a common word tagged PERSON in {votes_for} of {len(ps)} places"  # "Jesus"
            continue
        if any(p.cues & {"epithet", "address"} for p in ps):
            # "Frederick the Great", "Mr. Kitton": a person; a common word only where so printed ("Mr. Brown")
            decided[word] = CUED_ONLY if freq >= COMMON else "printed with a form of address or an epithet"
            continue
        if all(p.caps for p in ps):
            if any("initials" in p.cues for p in ps):
                decided[word] = CUED_ONLY  # "J. R. HARTLEY", "A. B. MORROW" on a title page, a signature
            continue
        if freq >= COMMON:
            if (any(p.cues & CUES_FOR_COMMON and p.label == "PERSON" or p.cues & {"address", "epithet"} for p in ps)
                    or any("full-name" in p.cues for p in ps) and not PLACE_KIND_WORD.match(word)):
                # "Sir Louis Jackson", "Wilkie Collins" tagged PERSON whole; not "Trafalgar Square"
                decided[word] = CUED_ONLY  # "C. L. R. James", "Louis XIV", "Mr. Brown": only where so printed
            continue
        if _mostly_given(ps):
            continue  # a given name in most places
        # the strong cues decide where the rules below would not: a word after "in" in most places, or tagged
        # a place more often than a person ("says Okafor", "in Okafor" twice)
        strong = _strong_person(word, ps, votes_for, used_model, word + "s" in places)
        if (freq >= OPENING_WORD and all("opening" in p.cues for p in ps) and len(ps) <= 2
                and not any(p.cues & (STRONG_CUES | NAME_CUES) for p in ps)):
            continue  # "Behold, …", "Hitherto armies …": an English word opening a sentence, once or twice, uncued
        if sum(1 for p in ps if "abbreviation" in p.cues) * 2 >= len(ps) and len(word) <= 6:
            continue  # "Fla.", "Terr.", "Misc.": an abbreviation in most places
        if len(ps) >= 3 and sum(1 for p in ps if "place" in p.cues) * 2 >= len(ps):
            if strong:
                decided[word] = strong
            continue  # "at Pensacola", "to St. Augustine": a place in most places
        if sum(1 for p in ps if "article" in p.cues) * 2 > len(ps) and not any(p.cues & STRONG_CUES for p in ps):
            continue  # "the Rhine", "the Atonement": a name takes no article (unless a cue says a person)
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
        elif (used_model and freq < RARE and (acts := sum(1 for p in ps if p.cues & {"act", "speech-verb"})) >= ACTS
              and sum(1 for p in ps if p.label in PLACE_LABELS) * 2 < len(ps)
              and sum(1 for p in ps if "article" in p.cues) * 2 < len(ps)
              and not (word.endswith("s") and word[:-1] in places)):
            # (not "the Zunis"/"Zunis", a people: the plural of a word the text prints, mostly after "the")
            # "Okafor fled … Okafor spoke … Okafor soon began": the subject of a person's doings in several
            # places, which the recogniser calls an organisation (a small model's guess for an unknown word)
            decided[word] = f"a rare word, the subject of a person's doing in {acts} of {len(ps)} places"
        elif not used_model and sum(1 for p in ps if p.cues & STRONG_CUES) >= 2:
            decided[word] = "a rare word with person cues in two places"
        elif strong:
            decided[word] = strong
    # coordination with a known person: "Kamenev and Zinoviev"; again while it finds more
    # ("Locke, Hume, Gibbon": Gibbon known, then Hume, then Locke), a few rounds at most
    for _ in range(3):
        before = len(decided)
        _coordination_round(places, decided, lower_words)
        if len(decided) == before:
            break
    return decided


# ---------------------------------------------------------------- names of several common words

COMPOUND_MIN_MID = 2  # printed mid-sentence at least this often
COMPOUND_MIN_CUED = 2  # with a person cue in at least this many places
COMPOUND_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "LANGUAGE", "EVENT", "LAW"})


def _compound_places(block, text: str, label_at) -> list[_Place]:
    """The places of every name-shaped run of capitalised words in one block ("Red Cloud",
    "Son-of-the-Moon"). A run that opens a sentence ("When Red Cloud") is kept whole; ``_compounds``
    also reads it without its first word. ``given`` holds the run, its white space normalised;
    ``caps`` is borrowed to say that the run opens a sentence. Cues are read once the candidates are
    known (``_compound_cues``)."""
    out: list[_Place] = []
    for m in COMPOUND_NAME.finditer(text):
        name = m["name"]
        if " " not in name and "\n" not in name and not COMPOUND_SMALL_PIECE.search(name):
            continue  # one word, or "Hawk-Eye": a CAP_WORD of its own
        a, z = m.span("name")
        opening = _opens_sentence(text, a)
        p = _Place(block, a, z, a, z, label_at[a] if label_at else None, text, given=" ".join(name.split()),
                   caps=opening, labels=label_at)
        out.append(p)
    return out


def _compound_cues(p: _Place, surnames: dict[str, str], first_words: set[str], last_words: set[str]) -> set[str]:
    text, a, z = p.text, p.start, p.end
    cues: set[str] = set()
    after = text[z:z + 40]
    if SPEECH_AFTER.match(after) or ACT_AFTER.match(after) or SPEECH_BEFORE.search(text, max(0, a - 12), a):
        cues.add("speech-verb")
    if POSSESSIVE_AFTER.match(after) and not POSSESSIVE_IN_TITLE.match(after):
        cues.add("possessive")  # not "London Singer's Magazine"
    if KIN_BEFORE.search(text, max(0, a - 20), a) or PERSON_NOUN_BEFORE.search(text, max(0, a - 20), a):
        cues.add("person-noun")
    if p.labels and any(p.labels[k] == "PERSON" for k in range(a, z)):
        cues.add("tagged")
    before = COORDINATED_BEFORE.search(text, max(0, a - 40), a)
    after_name = COORDINATED_AFTER.match(text, z)
    if (before and (before["name"] in surnames or before["name"] in last_words)
            or after_name and (after_name["name"] in surnames or after_name["name"] in first_words)):
        cues.add("coordinated")
    if ARTICLE_BEFORE.search(text, max(0, a - 5), a):
        cues.add("article")
    if PLACE_BEFORE.search(text, max(0, a - 12), a):
        cues.add("place")
    return cues


def _compounds(runs: list[_Place], places: dict[str, list[_Place]], surnames: dict[str, str]) -> None:
    """Names made of several ordinary words ("Red Cloud", "Buffalo-Hide Woman", "Son-of-the-Moon"), decided
    on the whole text and added to ``places`` and ``surnames`` under the whole name.

    A run of capitalised words is such a name when every word of it is an ordinary English word
    (a rarer word makes the recogniser's business: "Henry Clay" is read by surname), it is printed
    mid-sentence at least twice (a capital there is not the sentence's), and in at least two places
    it has a person cue, one at least a speech verb, a possessive or a kinship noun: a speech verb
    or a verb of a person's doing after it ("Red Cloud said", "Red Cloud laughingly adds") or a
    speech verb before it ("said Red Cloud"), a possessive, a kinship noun before it ("her brother,
    Red Cloud"), the recogniser's PERSON on a word of it, or "and" with a person ("Hawk and Red
    Cloud"). Never a place or an organisation: not a name whose first or last word names a kind of
    place ("Fort Tilden", "Bitter River"), nor one printed after "the" or "at"/"in" in most places
    ("the Stone Hammer Society", "in Red Rock"), nor one the recogniser tags as a place or a people
    in most places, nor one holding a title, an office, a body or a grammar word ("General Grant",
    "Prime Minister", "Peace Society", "All Too Human"). A name whose last word the surname layer
    already took is read there ("Charles Dickens"). A name that opens a sentence is read with and
    without its first word ("When Red Cloud came"). The single words inside a decided name are no
    names of their own there."""
    by_name: dict[str, list[_Place]] = defaultdict(list)
    for p in runs:
        if not p.caps:
            by_name[p.given].append(p)
    # a name whose last word the surname layer decided is read there, with its given names ("Charles Dickens")
    candidates = {name for name, ps in by_name.items()
                  if len(ps) >= COMPOUND_MIN_MID and name.split()[-1] not in surnames and _compound_shape(name)}
    if not candidates:
        return
    for p in runs:  # a run opening a sentence: the whole run, or the run without its first word
        if not p.caps:
            continue
        name = p.given
        if name not in candidates:
            first, _, rest = name.partition(" ")
            if rest not in candidates:
                continue
            k = p.start + len(first)
            while p.text[k].isspace():
                k += 1
            p.start = p.form_start = k
            p.label = p.labels[k] if p.labels else None
            name = p.given = rest
        by_name[name].append(p)
    first_words = {c.split()[0] for c in candidates}
    last_words = {c.split()[-1] for c in candidates}
    decided: dict[str, str] = {}
    for name in sorted(candidates):
        ps = by_name[name]
        for p in ps:
            p.cues = _compound_cues(p, surnames, first_words, last_words)
        n = len(ps)
        if sum(1 for p in ps if p.cues & {"article", "place"}) * 2 >= n:
            continue  # "the Stone Hammer Society", "at Red Rock"
        labelled = [p.label for p in ps if p.label]
        if sum(1 for label in labelled if label in COMPOUND_PLACE_LABELS) * 2 > max(1, len(labelled)):
            continue  # "Great Britain": a place by the recogniser, most places
        cued = sum(1 for p in ps if p.cues - {"article", "place"})
        if cued >= COMPOUND_MIN_CUED and any(p.cues & STRONG_CUES for p in ps):
            cues = sorted(set().union(*(p.cues - {"article", "place"} for p in ps)))
            decided[name] = (f"a name of common words printed {n} times, with person cues ({', '.join(cues)}) "
                             f"in {cued}")
    if not decided:
        return
    covered: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for name in decided:
        for p in by_name[name]:
            p.given = ""
            p.caps = False
            p.cues.add("compound")
            covered[id(p.block)].append((p.start, p.end))
    for runs_of_block in covered.values():
        runs_of_block.sort()  # the runs of one block never overlap: a binary search finds the one holding a word
    for word in list(surnames):  # "Cloud" of "Red Cloud" is no name of its own there
        kept = [p for p in places[word] if not _inside_run(covered.get(id(p.block), ()), p.start)]
        places[word] = kept
        if not kept:
            del surnames[word]
    for name, evidence in decided.items():
        places[name] = by_name[name]
        surnames[name] = evidence


def _inside_run(runs: list[tuple[int, int]], k: int) -> bool:
    i = bisect.bisect_right(runs, (k, float("inf"))) - 1
    return i >= 0 and runs[i][0] <= k < runs[i][1]


def _compound_shape(name: str) -> bool:
    """Every word of ``name`` an ordinary English word, none naming a kind of place, none a title."""
    words = name.split()
    if HONORIFIC.match(words[0]) or PLACE_KIND_WORD.match(words[0]) or PLACE_KIND_WORD.match(words[-1]):
        return False
    parts = [w for word in words for w in word.split("-") if w[:1].isupper()]
    if any(NOT_IN_COMPOUND_NAME.match(w) for w in parts):
        return False  # "Is Jack", "Prime Minister", "Peace Society"
    return all(zipf(w) >= RARE and not BIBLIO_WORD.match(w) and not is_foreign(w) for w in parts)


def _strong_person(word: str, ps: list[_Place], votes_for: int, used_model: bool, plural: bool) -> str:
    """Evidence that a word less common than ``COMMON`` names a person whatever the recogniser votes
    elsewhere, or "": no preposition of place but "in" before it anywhere ("at/to/from X" say a place;
    "in X" is an author's work as often as a town), and one of

    * ``given-listed``: a common given name before it ("Marcus Okafor"; not "Charlotte Street": a
      word naming a kind of place or body), in most places not after at/to/from; it overrules the
      recogniser where it says a place or a body (a name it leaves untyped everywhere, or rules alone,
      are left to the rules below: not every capitalised pair is a name);
    * ``speech-before``: a speech verb before it ("says Okafor"), even where tagged a place;
    * ``named``: a person noun and "named" / "called" before it ("a man named Okafor");
    * tagged PERSON in two places at least and a third of its places, a place or a body elsewhere ("of
      Okafor and his school", "in Okafor" read as a place three times); not a word whose plural the
      text prints ("an Okafor woman", "the Okafors": a people).
    """
    strict = sum(1 for p in ps if "strict-place" in p.cues)
    if (used_model and any("given-listed" in p.cues for p in ps) and not PLACE_KIND_WORD.match(word)
            and any(p.label in NOT_PERSON_LABELS for p in ps)
            and strict * 2 < len(ps)
            and sum(1 for p in ps if "article" in p.cues) * 2 < len(ps)):
        givens = sorted({GIVEN_BEFORE.search(p.text, max(0, p.form_start - 30), p.form_start)["given"]
                         for p in ps if "given-listed" in p.cues})
        return f"printed after a common given name ({', '.join(givens)})"
    if strict:
        return ""
    if any("speech-before" in p.cues for p in ps):
        return "a speech verb before it (\"says X\"), never after at/to/from"
    if any("named" in p.cues for p in ps):
        return "a person \"named\" so (\"a man named X\"), never after at/to/from"
    if (used_model and votes_for >= 2 and votes_for >= PERSON_SHARE * len(ps) and not plural
            and sum(1 for p in ps if "article" in p.cues) * 2 < len(ps)):
        return f"tagged PERSON in {votes_for} of {len(ps)} places, never after at/to/from"
    return ""


def _mostly_given(ps: list[_Place]) -> bool:
    """Followed by a capitalised word in half its places or more: a given name ("Claude" Lefort)."""
    return sum(1 for p in ps if "before-name" in p.cues) * 2 >= len(ps)


def _mostly_person(ps: list[_Place]) -> bool:
    """Tagged PERSON twice at least and in most of the places the recogniser reads (not capitals)."""
    read = [p for p in ps if not p.caps]
    votes = sum(1 for p in read if p.label == "PERSON")
    return votes >= 2 and votes >= MOST * len(read)


def _coordination_round(places: dict[str, list[_Place]], decided: dict[str, str], lower_words: set[str]) -> None:
    for word, ps in places.items():
        if word in decided or zipf(word) >= COMMON or word.lower() in lower_words:
            continue
        if DERIVED_ENDING.search(word):
            continue
        if len(ps) >= 3 and sum(1 for p in ps if "place" in p.cues) * 2 >= len(ps):
            continue  # "Key West, Pensacola, and …": "at Pensacola" in most places
        if sum(1 for p in ps if "article" in p.cues) * 2 > len(ps):
            continue  # "the Volga, the Oby, and the Lena": rivers
        against = sum(1 for p in ps if p.label in NOT_PERSON_LABELS and p.label not in ("GPE", "ORG"))
        if against:
            continue
        if ((placed := sum(1 for p in ps if p.label in PLACE_LABELS)) >= PLACED and placed * 2 > len(ps)
                and zipf(word) >= RARE):
            continue  # "Venice and Genoa": a word English prints, read as a place in 10 of its 12 places (the
            # recogniser misreads lists of rarer names as places too: "Kamenev and Zinoviev", "Descartes, Spinoza")
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
    same_given: dict[str, dict[str, str]] = defaultdict(dict)  # surname → a middle name → the first name
    tagged_givens = _tagged_givens(surnames, places)
    for word in surnames:
        for p in places[word]:
            # a name of several words is whole as printed ("When Red Cloud came": "When" is no given name)
            names = ([] if "compound" in p.cues
                     else _given_names(p, surnames, lower_words, tagged_givens.get(word, ())))
            if names:
                p.given = names[0]
                p.cues.add("given-name")
                givens[word][names[0]] += 1
                for later in names[1:]:
                    same_given[word].setdefault(later, names[0])  # "John Stuart Mill": "Stuart Mill" is John's
            if m := NAME_TITLE_BEFORE.search(p.text, max(0, p.form_start - 30), p.form_start):
                p.form_start = m.start("title")  # "Mr. Kitton", "Sir Louis Jackson": the title is the name's
    absorbed = {(id(p.block), k) for word in surnames for p in places[word] for k in range(p.form_start, p.start)}
    for word, counts in givens.items():
        for later, first in same_given[word].items():
            if later in counts and first in counts:
                counts[first] += counts.pop(later)
                for p in places[word]:
                    if p.given == later:
                        p.given = first
    reading_by_block = {id(b): r for b, r in zip(all_blocks, readings)}
    ids = set(taken)
    garbled = _garbled_forms(surnames, places)
    order = sorted(surnames, key=lambda w: min((_first(p, reading_by_block) for p in places[w])))
    for surname in order:
        word = garbled.get(surname, surname)  # "Souvarlne" left uncorrected: Souvarine's entry
        own_givens = [g for g, _ in givens[word].most_common()]
        for p in sorted(places[surname], key=lambda p: _first(p, reading_by_block)):
            if surnames[surname] == CUED_ONLY and not p.cues & (CUES_FOR_COMMON | CUES_FOR_COMMON_UNTAGGED):
                continue
            if p.caps and not p.cues & {"initials", "given-name", "speech-verb"}:
                continue  # a word in capitals alone ("DOMBEY", a heading, a song's title): not read as a name
            if (id(p.block), p.start) in absorbed:
                continue  # "Henry" of "Sir Henry Arden", "Clara" of "Clara Fenwick": a given name there
            if "named" not in p.cues and TITLE_BEFORE.search(p.text, max(0, p.form_start - 12), p.form_start):
                continue  # "his Stalin", "Trotsky's Stalin": a title
            reading = reading_by_block[id(p.block)]
            span = reading.to_source(p.form_start, p.form_end)
            if _inside(excluded, excluded_starts, span) or any(isinstance(i, (TitleRef, PersonRef)) and i.span.overlaps(span)
                                              for i in p.block.inlines):
                continue
            if not fits(p.block, span, reserved):
                continue
            given = p.given if "given-name" in p.cues else ""
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


def _tagged_givens(surnames: dict[str, str], places) -> dict[str, set[str]]:
    """Surname → the words the recogniser tags PERSON with it just before it somewhere in the text
    ("Claude" of "Claude Lefort writes"): a given name of that surname everywhere (document level)."""
    out: dict[str, set[str]] = defaultdict(set)
    for word in surnames:
        for p in places[word]:
            if p.labels and p.label == "PERSON" and not p.caps and (m := GIVEN_BEFORE.search(
                    p.text, max(0, p.form_start - 30), p.form_start)) and p.labels[m.start("given")] == "PERSON":
                out[word].add(m["given"])
    return out


def _given_names(p: _Place, surnames: dict[str, str], lower_words: set[str], known=()) -> list[str]:
    """The given names before a surname, with the initials between them: "John Stuart" (Mill),
    "Henry P." (Arden), "T. EDWARD" (MORROW), "Pyotr Ilyich" (Volkov); at most three words.
    Moves ``p.form_start`` over them. A word that is itself a surname here is a given name only where
    the recogniser tags it PERSON with the surname ("Charles Dickens"), or in capitals."""
    names: list[str] = []
    k = p.form_start
    pattern = CAPS_GIVEN_BEFORE if p.caps else GIVEN_BEFORE
    for _ in range(3):
        m = pattern.search(p.text, max(0, k - 30), k)
        if m is None:
            if names and (i := INITIALS_BEFORE.search(p.text, max(0, k - 30), k)):
                k = i.start()  # "T. " before "FISHER UNWIN"
                p.form_start = k
                continue
            break
        given = m["given"]
        word = given if not p.caps else given.capitalize()
        # tagged PERSON with the surname, or before a given name already taken ("John" Stuart Mill), or a
        # given name tagged with this surname elsewhere in the text (document level)
        tagged = bool(p.labels) and ((p.label == "PERSON" or names) and p.labels[m.start("given")] == "PERSON"
                                     or word in known) or "monsieur" in p.cues and not names  # "M. Louis Dupont"
        listed = not p.caps and is_given_name(word)  # "Marcus" (Okafor): a common given name, tagged or not
        g = m.start("given")
        middle = tagged and bool(p.labels) and g >= 2 and p.labels[g - 2] == "PERSON"  # "William Pope DuVal": tagged on both sides
        if (word.lower() in lower_words or is_foreign(word) or BIBLIO_WORD.match(word)
                or HONORIFIC.match(word) and not middle or word in surnames and not (tagged or p.caps)):
            break
        if p.labels and not p.caps and not (tagged or listed) or p.caps and names:
            break  # the recogniser reads "Memoirs J. Q. Adams" as no name; in capitals one given name at most
        if tagged or p.caps:
            p.cues.add("full-name")  # "ANDREW JACKSON": a given name in capitals before a surname in capitals
        names.insert(0, word)
        k = p.form_start = m.start("given")
    return names


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
        if n > 2 or " " in w or zipf(w) > 0 or len(w) < 5:
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
