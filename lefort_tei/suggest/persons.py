"""Suggest persons: candidate names in a text, with contexts, as ``[[person]]`` stubs.

In: the source text and, optionally, the register the data file already has. Out: ``Candidate``s
(name, forms as printed, count, first contexts, score, why) best first, and TOML stubs
(``to_toml``).

Candidates are capitalised sequences ("Boris Souvarine"), names with initials ("C. L. R. James",
"E. H.Carr"), and words close to a known name ("Souvarlne" near "Souvarine": likely a garbled
mention, to be a ``[[correction]]``). Scoring favours sequences of words the English word list
does not know (names), initials, and repeated mid-sentence use; a capitalised word that is
only ever at a sentence start, an English word ("Party", "Congress"), or a derived word
("Stalinism", "Trotskyist") is left out or ranked low.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import patterns as P
from .context import position, toml_string, unique_context
from .corrections import _distance1, known

NOT_NAMES = {"Ibid", "Ibidem", "Op", "Cf", "Vol", "See", "Quoted", "Reported", "Text", "Press", "University",
             "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
DERIVED_ENDINGS = ("ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians", "ists'")


@dataclass(slots=True)
class Candidate:
    name: str
    forms: list[str] = field(default_factory=list)
    count: int = 0
    contexts: list[tuple[int, int]] = field(default_factory=list)  # spans of the first mentions
    score: float = 0.0
    why: str = ""
    near: str = ""  # a known name this one is close to


def suggest_persons(text: str, known_forms: set[str] | None = None) -> list[Candidate]:
    known_forms = known_forms or set()
    known_words = {w for f in known_forms for w in P.NAME_PARTS.split(f) if len(w) >= 4}
    squeezed = {P.SPACES.sub("", f) for f in known_forms}
    found: dict[str, Candidate] = {}
    for m in P.NAME_SEQUENCE.finditer(text):
        name = P.LEADING_NOISE.sub("", m["name"]).strip()
        if not name or name in known_forms or P.SPACES.sub("", name) in squeezed:
            continue
        start = m.end("name") - len(name)
        words = [w for w in P.NAME_PARTS.split(name) if w]
        if any(w.endswith(DERIVED_ENDINGS) and len(w) > 6 for w in words):
            continue
        c = found.setdefault(name, Candidate(name=name, forms=[name]))
        c.count += 1
        if len(c.contexts) < 3:
            c.contexts.append((start, m.end("name")))
    lower = {w.lower() for w in P.LOWER_WORD.findall(text)}
    for c in found.values():
        c.score, c.why = _score(text, c, lower)
        if known_words:
            for w in P.NAME_PARTS.split(c.name):
                near = sorted(k for k in known_words if len(w) >= 4 and _distance1(k, w))
                if near:
                    c.near = near[0]
                    c.score, c.why = max(c.score, 0.8), f"near the known name {near[0]!r}: a garbled mention?"
    ranked = [c for c in found.values() if c.score > 0.25]
    return sorted(ranked, key=lambda c: (-c.score, -c.count, c.name))


def _score(text: str, c: Candidate, lower: set[str]) -> tuple[float, str]:
    words = [w for w in P.NAME_PARTS.split(c.name) if w]
    if words[0] in NOT_NAMES:
        return 0.0, "a bibliographic word"
    has_initials = bool(P.INITIAL.search(c.name))
    # name-like: unknown to the word list, or never printed in lower case in this text
    unknown = [w for w in words if len(w) > 1 and (not known(w) or w.lower() not in lower)]
    mid_sentence = sum(1 for a, _ in c.contexts if not _sentence_start(text, a))
    if has_initials and unknown:
        return 0.9, "a name with initials"
    if unknown and len(unknown) == len([w for w in words if len(w) > 1]):
        score = 0.6 + min(0.3, 0.05 * c.count) + (0.1 if len(words) > 1 else 0)
        if not mid_sentence:
            score -= 0.3
        return min(score, 0.95), "name-like: unknown to the word list or never in lower case here"
    if unknown and unknown[-1] == words[-1]:
        return 0.7, "a given name (or title) and a name-like word"
    if unknown:
        return 0.4, "a capitalised sequence with a name-like word"
    return 0.1, "English words (a title, an institution?)"


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at]
    return at == 0 or bool(P.SENTENCE_BEFORE.search(before)) or text[at - 1:at] == "\n"


def _slug(name: str) -> str:
    last = P.NAME_PARTS.split(name.strip())[-1]
    return P.NOT_ID.sub("-", last.lower()).strip("-") or "person"


def to_toml(text: str, candidates: list[Candidate], source_path: str = "") -> str:
    lines = [f"# lefort-tei suggest persons {source_path}".rstrip(),
             "# Candidates, best first. Keep the real persons, merge the forms of one person, give",
             "# life dates and an identifier only where certain. A garbled form is a [[correction]].", ""]
    for c in candidates:
        line, col = position(text, c.contexts[0][0])
        lines.append(f"[[person]]   # {c.count}× · score {c.score:.2f} · {c.why} · {source_path}:{line}:{col}")
        for a, b in c.contexts:
            lines.append(f"#   … {unique_context(text, a, b, min_words=3)} …")
        lines.append(f"id = {toml_string(_slug(c.name))}")
        lines.append(f"name = {toml_string(c.name)}")
        lines.append(f"forms = [{', '.join(toml_string(f) for f in c.forms)}]")
        lines.append("")
    return "\n".join(lines)
