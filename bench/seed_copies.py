"""Texts k times the seed's length, for measuring how each stage grows (``growth.py``).

In: the seed (``seeds/lefort-contradiction-of-trotsky.txt`` and its data file) and a factor k.
Out: ``seed-xK.txt`` and ``seed-xK.toml`` in a folder: the seed's front matter once, then its body
k times, then its notes k times, the copies' anchors and note labels renumbered (copy i's note n
is note n + 34·i, its anchor printed "(n + 34·i)"), so a k× text has k × 34 linked notes.
The data file keeps the tables that do not depend on a unique place in the text ([edition], [front],
persons, works, and the titles and corrections marked ``every = true``); the entries located by a
``context`` (or a quotation's ``starts``) would occur k times, so they are left out, from the 1×
text too, so that every size has the same kind of content. Deterministic.
Usage: python3 bench/seed_copies.py OUT --factor 16
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "lefort-contradiction-of-trotsky.txt"

# A data-file table header: "[[correction]]", "[edition]".
TABLE = re.compile(r"""^ \[ (?P<array> \[ )? (?P<name> [a-z_]+ ) \]{1,2} \s* $""", re.VERBOSE | re.MULTILINE)
# The tables kept whole, and those kept only with "every = true".
KEEP = {"edition", "front", "person", "work"}
KEEP_IF_EVERY = {"title", "correction"}
EVERY = re.compile(r"""^ every \s* = \s* true \b""", re.VERBOSE | re.MULTILINE)  # "every = true    # …"
DIGITS = re.compile(r"""[0-9]+""")  # the "16" of a printed note label


def data_for_every_size(toml: str) -> str:
    """The data file without the entries that name one place of the text."""
    heads = list(TABLE.finditer(toml))
    out = [toml[: heads[0].start()] if heads else toml]
    for head, nxt in zip(heads, heads[1:] + [None]):
        chunk = toml[head.start(): nxt.start() if nxt else len(toml)]
        name = head.group("name")
        if name in KEEP or (name in KEEP_IF_EVERY and EVERY.search(chunk)):
            out.append(chunk)
    return "".join(out)


def scaled_text(factor: int) -> str:
    """The seed's text at ``factor`` times its length (see the module's docstring)."""
    from lefort_tei.data import data_path_for, load_data
    from lefort_tei.read import read_document
    from lefort_tei.read.source import read_source

    source, _ = read_source(SEED)
    doc, _ = read_document(source, load_data(data_path_for(SEED)))
    text = source.text
    first = doc.sections[0]
    body_start = first.heading.span.start if first.heading else first.blocks[0].span.start
    notes_start = doc.notes[0].label.start
    count = len(doc.notes)
    anchors = sorted((a for a in doc.anchors() if a.n is not None and body_start <= a.span.start < notes_start),
                     key=lambda a: a.span.start)
    notes = text[notes_start:]
    if factor > 1 and not notes.endswith("\n"):
        notes += "\n"
    parts = [text[:body_start]]
    for i in range(factor):
        pos = body_start  # the body, ending with the blank lines before the notes
        for a in anchors:
            parts.append(text[pos:a.span.start])
            parts.append(text[a.span.start:a.span.end] if i == 0 else f"({a.n + count * i})")
            pos = a.span.end
        parts.append(text[pos:notes_start])
    for i in range(factor):
        if i == 0:
            parts.append(notes)
            continue
        parts.append("\n")  # a blank line between the last note of a copy and the next note
        pos = notes_start
        for note in doc.notes:
            parts.append(text[pos:note.label.start])
            parts.append(DIGITS.sub(str(note.n + count * i), text[note.label.start:note.label.end], count=1))
            pos = note.label.end
        parts.append(notes[pos - notes_start:])
    return "".join(parts)


def write_scaled(out: Path, factor: int) -> Path:
    """Write ``seed-xK.txt`` and its data file into ``out``; returns the text's path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"seed-x{factor}.txt"
    path.write_text(scaled_text(factor), encoding="utf-8")
    path.with_suffix(".toml").write_text(data_for_every_size(SEED.with_suffix(".toml").read_text(encoding="utf-8")),
                                         encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--factor", type=int, default=4)
    args = parser.parse_args(argv)
    print(write_scaled(args.out, args.factor))
    return 0


if __name__ == "__main__":
    sys.exit(main())
