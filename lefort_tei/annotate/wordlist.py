"""The English word list the automatic apparatus asks: is this a word, how common is it, a given name?

In: a word. Out: its Zipf frequency (``wordfreq``: 0 for unknown, ~3 for "thermidor", 7 for
"the"); ``is_word`` for "a word English prints in lower case"; ``is_given_name`` for a common
given name ("Marcus"; ``given_names.txt``, package data, read once). ``wordfreq`` is a dependency; when
it cannot be imported, ``pyspellchecker``'s list stands in (known → 4.0, unknown → 0.0).
"""

from __future__ import annotations

from functools import lru_cache

COMMON = 3.0  # Zipf: a word printed at least once per million words ("trotsky" is 2.9, "party" 5.5)


@lru_cache(maxsize=1)
def _backend():
    try:
        from wordfreq import zipf_frequency

        return lambda w: zipf_frequency(w, "en")
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        from spellchecker import SpellChecker

        speller = SpellChecker(distance=1)
        return lambda w: 0.0 if speller.unknown([w]) else 4.0


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common ``word`` is in English (lower-cased), on the Zipf scale; 0 when unknown."""
    return _backend()(word.lower()) if word else 0.0


def is_word(word: str, threshold: float = COMMON) -> bool:
    """A common English word (so not, by itself, evidence of a name or an OCR slip)."""
    return zipf(word) >= threshold


@lru_cache(maxsize=1)
def _french():
    try:
        from wordfreq import zipf_frequency

        return lambda w: zipf_frequency(w, "fr")
    except ImportError:  # pragma: no cover
        return lambda w: 0.0


@lru_cache(maxsize=65536)
def is_foreign(word: str) -> bool:
    """A French word, not an English one ("Socialisme", "Ou", "Fais", "La"), so not a name."""
    fr = _french()(word.lower())
    return fr >= 3.5 and fr - zipf(word) >= 2.0


@lru_cache(maxsize=65536)
def french(word: str) -> float:
    """How common ``word`` is in French (Zipf); 0 when unknown."""
    return _french()(word.lower()) if word else 0.0


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from importlib.resources import files

    text = files(__package__).joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_given_name(word: str) -> bool:
    """A common given name ("Marcus", "Louis", "Francis"; the US Census 1990 lists, trimmed: see
    ``given_names.txt``), not one that is also an ordinary word or a place ("Will", "Virginia")."""
    return word in _given_names()
