"""Boilerplate rules: source furniture that is not the work, found at the start and the end.

In: the text and its blocks. Out: ``Region``s (kind, first and last block index, rule name).
Rules (``Region.rule``):
  ``pg-header``: from the first block to the "*** START OF THE PROJECT GUTENBERG …" line;
  ``download-header``: "This file was downloaded from …" to "Generated at … GMT";
  ``credits``: a producer credit ("Produced by …", "E-text prepared by …") right after a header,
      with the lines that continue it (lower-case starts, links, an indented "Note:" on versions);
  ``ebook-imprint``: an "Imprint" line near the start and the prose paragraphs after it;
  ``pg-licence``: from "End of the Project Gutenberg …" / "*** END OF …" to the end of the file;
  ``ebook-colophon`` / ``ebook-uncopyright``: a "Colophon" or "Uncopyright" line near the end, to
      the next region or the end;
  ``transcriber``: a "Transcriber's note" after the work, up to the next region (when close).
Advertisements after the notes are found by ``decide.py`` (they need the notes' end).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Span
from ..patterns import (
    CREDIT,
    DOWNLOAD_HEADER,
    DOWNLOAD_HEADER_END,
    EBOOK_FURNITURE,
    PG_END,
    PG_START,
    TRANSCRIBER,
)

HEAD_WINDOW = 80  # a header ends within this many blocks of the start
TAIL_GAP = 60  # a transcriber's note reaches the next region when it is at most this many blocks before it
IMPRINT_MIN_WORDS = 8  # an imprint's paragraphs are prose, not a title line


@dataclass(slots=True)
class Region:
    kind: str
    first: int
    last: int  # inclusive
    rule: str


def _s(text: str, b: Span) -> str:
    return text[b.start:b.end]


def _indented(text: str, b: Span) -> bool:
    line_start = text.rfind("\n", 0, b.start) + 1
    return b.start - line_start >= 2


def find_boilerplate(text: str, blocks: list[Span]) -> tuple[list[Region], list[Region]]:
    """(regions at the start, regions at the end), each in order; see the module docstring."""
    head: list[Region] = []
    n = len(blocks)
    pos = 0
    if n and DOWNLOAD_HEADER.match(_s(text, blocks[0])):
        end = next((i for i in range(min(n, HEAD_WINDOW)) if DOWNLOAD_HEADER_END.search(_s(text, blocks[i]))), None)
        if end is not None:
            head.append(Region("header", 0, end, "download-header"))
            pos = end + 1
    start_line = next((i for i in range(pos, min(n, HEAD_WINDOW)) if PG_START.search(_s(text, blocks[i]))), None)
    if start_line is not None:
        head.append(Region("header", pos, start_line, "pg-header"))
        pos = start_line + 1
    if head and pos < n and CREDIT.match(_s(text, blocks[pos])):
        last = pos
        while last + 1 < n and _continues_credit(_s(text, blocks[last + 1])):
            last += 1
        head.append(Region("credits", pos, last, "credits"))
        pos = last + 1
    for i in range(pos, min(n, pos + 30)):
        if (m := EBOOK_FURNITURE.match(_s(text, blocks[i]))) and m["kind"].lower() == "imprint":
            last = i
            while (last + 1 < n and not _indented(text, blocks[last + 1])
                   and len(_s(text, blocks[last + 1]).split()) >= IMPRINT_MIN_WORDS):
                last += 1
            if last > i:
                head.append(Region("imprint", i, last, "ebook-imprint"))
            break

    body_from = head[-1].last + 1 if head else 0
    tail: list[Region] = []
    licence = next((i for i in range(body_from, n) if PG_END.match(_s(text, blocks[i]))), None)
    if licence is not None:
        tail.append(Region("licence", licence, n - 1, "pg-licence"))
    limit = licence if licence is not None else n
    half = body_from + (limit - body_from) // 2
    furniture = [i for i in range(half, limit) if EBOOK_FURNITURE.match(_s(text, blocks[i]))
                 and EBOOK_FURNITURE.match(_s(text, blocks[i]))["kind"].lower() != "imprint"]
    for k, i in enumerate(furniture):
        last = (furniture[k + 1] if k + 1 < len(furniture) else limit) - 1
        kind = EBOOK_FURNITURE.match(_s(text, blocks[i]))["kind"].lower()
        tail.append(Region(kind, i, last, f"ebook-{kind}"))
    if furniture:
        limit = furniture[0]
    for i in range(limit - 1, max(body_from, limit - TAIL_GAP) - 1, -1):
        if TRANSCRIBER.match(_s(text, blocks[i])):
            tail.append(Region("transcriber", i, limit - 1, "transcriber"))
            break
    tail.sort(key=lambda r: r.first)
    return head, tail


def _continues_credit(s: str) -> bool:
    """A line that carries on a producer credit: "and the Online Distributed Proofreading Team",
    "(http://www.pgdp.net)", "Note: Project Gutenberg also has an HTML version …"."""
    s = s.strip()
    return s[:1].islower() or s.startswith("(") or s.lower().startswith("note:") or "http" in s[:80]
