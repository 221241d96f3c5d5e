"""Helpers for suggestions an editor pastes into a data file: unique contexts, TOML strings.

In: the source text and a span. Out: the shortest excerpt around the span that occurs once in the
text (what ``context = "…"`` needs), TOML basic strings, 1-based positions.
"""

from __future__ import annotations

import json


def unique_context(text: str, start: int, end: int, min_words: int = 1, max_chars: int = 120) -> str:
    """The shortest excerpt holding ``text[start:end]`` (whole words around it) that is unique."""
    a, b = start, end
    grow = 0
    while True:
        excerpt = text[a:b]
        if text.count(excerpt) == 1 and grow >= min_words or b - a >= max_chars:
            return excerpt
        grow += 1
        a = _word_left(text, a)
        b = _word_right(text, b)


def _word_left(text: str, a: int) -> int:
    while a > 0 and text[a - 1] in " \t":
        a -= 1
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    return a


def _word_right(text: str, b: int) -> int:
    n = len(text)
    while b < n and text[b] in " \t":
        b += 1
    while b < n and not text[b].isspace():
        b += 1
    return b


def toml_string(s: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's for these characters)."""
    return json.dumps(s, ensure_ascii=False)


def position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
