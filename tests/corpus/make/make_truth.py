"""Write tests/corpus/truth.json from what was read in the texts (see README.md), and check it.

The anchors, headings and quotations below were found by reading each file (with grep listing the
candidates: superscript digits, printers' symbols, "(n)", capitalised short lines, indented blocks);
this script only computes the derived fields (bytes, sha256, the 20 characters before each anchor)
and verifies every value against the file. Run: python make_truth.py CORPUS_DIR
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

SHARED_ABOUT = "../../../shared/corpus/truth.json"  # the conventions are the shared corpus's

FILES = {
    "14-russell-mysticism-and-logic-web.txt": dict(
        family="a (web scrape, one line per paragraph)", encoding="UTF-8", line_ends="LF",
        source_note="Bertrand Russell, Mysticism and Logic and Other Essays (1918), essay I, from the Project Gutenberg HTML (eBook #25447) turned into lines by the scraper of README.md, with note anchors and note labels printed as Unicode superscript digits and page numbers left out.",
        title="MYSTICISM AND LOGIC", author=None, author_remark="not printed in the file (Bertrand Russell)",
        headings=[("MYSTICISM AND LOGIC\nAND OTHER ESSAYS", 1, None), ("I", 4, "MYSTICISM AND LOGIC"),
                  ("I. REASON AND INTUITION\u00b3", 102, None), ("II. UNITY AND PLURALITY", 122, None),
                  ("III. TIME", 134, None), ("IV. GOOD AND EVIL", 162, None), ("FOOTNOTES:", 191, None)],
        headings_note="One line per paragraph, blank lines between. Line 1-2 is the book's half-title (an h1 over two lines); the essay's number 'I' and its title are one heading. Section heading 'I. REASON AND INTUITION' carries note anchor 3.",
        notes=dict(count=8, marker_style="Unicode superscript digits glued after a word or a closing quote ('all things.\"\u00b9', 'Imagine\u00b2 a', 'Spinoza,\u2076'); definitions '\u00b9 text' under 'FOOTNOTES:', each a paragraph, some over two lines",
                   placement="end of essay, under 'FOOTNOTES:'",
                   remarks="Anchor 3 is in a section heading; anchor 5 ends a verse quotation; anchors 7 and 8 are in one paragraph. No other superscript characters in the file.",
                   anchors=[(34, "1"), (40, "2"), (102, "3"), (108, "4"), (140, "5"), (160, "6"), (164, "7"), (164, "8")],
                   glyph={str(n): "\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078"[n - 1] for n in range(1, 9)}),
        block_quotes=[(138, "\"Past and future are what veil"), (168, "\"The earth, and every common s")],
        block_quotes_remark="two verse quotations (div.poem in the source), lines kept from <br>, not indented, the second one introduced with no colon ('if we see'); the Heraclitus fragments (lines 30-34) and the long dialogue from the Republic (line 40 on) are set as ordinary paragraphs in quotation marks and are not counted",
        persons=["Heraclitus", "Plato", "Parmenides", "Bergson", "Spinoza", "Hume", "Blake"],
    ),
    "15-russell-scientific-method-pg-daggers.txt": dict(
        family="b (Project Gutenberg plain text)", encoding="UTF-8", line_ends="CRLF",
        source_note="Bertrand Russell, Mysticism and Logic (1918), essays VI and VII, cut from the Project Gutenberg plain text (eBook #25447, ISO-8859-1, hard-wrapped, CRLF) and written as UTF-8; the note anchors and labels '[n]' were replaced by the printers' symbols * \u2020 \u2021 \u00a7 \u2016 \u00b6, counted again from * in each essay (README.md).",
        title="ON SCIENTIFIC METHOD IN PHILOSOPHY", author=None, author_remark="not printed in the file (Bertrand Russell)",
        headings=[("VI", 1, "ON SCIENTIFIC METHOD IN PHILOSOPHY"), ("I", 98, None), ("II", 375, None),
                  ("FOOTNOTES:", 798, None), ("VII", 811, "THE ULTIMATE CONSTITUENTS OF MATTER*"), ("FOOTNOTES:", 1398, None)],
        headings_note="Each essay is a Roman number line, a blank line and a title line in capitals (one heading). Essay VI has sections 'I' and 'II' (a Roman numeral alone on a line). The title of essay VII carries note anchor '*'.",
        notes=dict(count=10, marker_style="printers' symbols glued after a word, punctuation or a closing quote ('parts\"*--such', 'James.\u2020', 'says:\u2021', 'Nunn.\u2021'); definitions '* text' at line start under 'FOOTNOTES:' at the end of each essay, continuation lines not indented",
                   placement="chapter-end: notes of each essay under its own 'FOOTNOTES:' after its last paragraph; labels restart at * in each essay",
                   remarks="Labels repeat: *, \u2020, \u2021, \u00a7 occur in both essays, so a label alone does not identify a note; the anchor * of essay VII is in its title line. Traps: numbered paragraphs '(1) Let us begin' / '(2) The philosophy' (lines 191, 250) and '(1) The logical problem' / '(2)' / '(3)' (lines 510, 552, 638) are not notes, and an inline enumeration '(1) the assemblage … (2) the assemblage' (lines 1244-1245) holds no anchors.",
                   anchors=[(80, "*"), (102, "\u2020"), (192, "\u2021"), (781, "\u00a7"),
                            (813, "*"), (826, "\u2020"), (827, "\u2021"), (1022, "\u00a7"), (1074, "\u2016"), (1183, "\u00b6")]),
        block_quotes=[(194, "\"Before taking a first step in"), (286, "\"The Grand Augur, in his cerem")],
        block_quotes_remark="indented 2 spaces; the second runs over four paragraphs (lines 286-301) and is one quotation",
        persons=["Bosanquet", "James", "Herbert Spencer", "Berkeley", "Nunn", "Hegel", "Kant"],
    ),
    "16-mill-on-liberty-thought-pg-parens.txt": dict(
        family="b (Project Gutenberg plain text)", encoding="ISO-8859-1", line_ends="CRLF",
        source_note="John Stuart Mill, On Liberty (1859; edition of 1901 with W. L. Courtney's introduction), chapter II, cut from the Project Gutenberg plain text (eBook #34901, ISO-8859-1, hard-wrapped, CRLF); the note anchors and labels '[n]' were replaced by '(n)' (README.md).",
        title="OF THE LIBERTY OF THOUGHT AND DISCUSSION.", author=None, author_remark="not printed in the file (John Stuart Mill)",
        headings=[("CHAPTER II.", 1, "OF THE LIBERTY OF THOUGHT AND DISCUSSION."), ("FOOTNOTES:", 1400, None)],
        headings_note="No section headings inside the chapter.",
        notes=dict(count=5, marker_style="'(n)' glued after a word or punctuation ('propriety;(6) and', 'man,(7)', 'persecution.(10) For'); definitions '(n) text' at line start under 'FOOTNOTES:', continuation lines not indented",
                   placement="chapter-end, under 'FOOTNOTES:'; numbering continues from the book (the chapter's notes are 6-10)",
                   remarks="Note (6) runs over several paragraphs (lines 1402-1432, blank lines between, no label). No enumerations '(n)' in the text.",
                   anchors=[(19, "6"), (486, "7"), (491, "8"), (493, "9"), (543, "10")]),
        block_quotes=[], block_quotes_remark="none: quotations are inline",
        persons=["Socrates", "Marcus Aurelius", "Cicero", "Rousseau", "Luther"],
    ),
}


def decode(path: Path, encoding: str) -> str:
    enc = "latin-1" if "8859" in encoding else "utf-8"
    return path.read_bytes().decode(enc).replace("\r\n", "\n")


def anchor_items(text: str, anchors, glyph=None) -> list[dict]:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    items, used = [], set()
    for line_no, label in anchors:
        mark = (glyph or {}).get(label) or (f"({label})" if label.isdigit() else label)
        line = lines[line_no - 1]
        col = next(i for i in range(len(line)) if line.startswith(mark, i) and (line_no, i) not in used
                   and (i > 0 or line_no == 1))
        used.add((line_no, col))
        at = starts[line_no - 1] + col
        items.append({"label": label, "anchor_line": line_no, "before_anchor_20": text[max(0, at - 20):at]})
    return items


def build(corpus: Path) -> dict:
    out = {}
    for name, f in FILES.items():
        path = corpus / name
        text = decode(path, f["encoding"])
        lines = text.split("\n")
        raw = path.read_bytes()
        n = f["notes"]
        entry = {
            "family": f["family"], "bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest(),
            "encoding": f["encoding"], "line_ends": f["line_ends"], "bom": raw.startswith(b"\xef\xbb\xbf"),
            "source_note": f["source_note"], "title": f["title"], "author": f["author"],
            "author_remark": f["author_remark"],
            "headings": [dict({"text": t, "line": ln}, **({"subtitle": s} if s else {})) for t, ln, s in f["headings"]],
            "headings_note": f["headings_note"],
            "notes": {"count": n["count"], "marker_style": n["marker_style"], "placement": n["placement"],
                      "items": anchor_items(text, n["anchors"], n.get("glyph")), "remarks": n["remarks"],
                      "anchors_count": len(n["anchors"])},
            "block_quotes": {"count": len(f["block_quotes"]),
                             "items": [{"line": ln, "first30": s} for ln, s in f["block_quotes"]],
                             "remark": f["block_quotes_remark"]},
            "paragraph_separator": "blank line",
            "pages": {"count": 0, "format": None}, "running_heads": [], "hyphenated_breaks": {"count": 0},
            "boilerplate": [], "persons_sample": f["persons"],
        }
        check(name, text, lines, entry)
        out[name] = entry
    return out


def check(name: str, text: str, lines: list[str], e: dict) -> None:
    """Every line exists and says what the truth says; every anchor context ends just before an anchor."""
    for h in e["headings"]:
        got = "\n".join(lines[h["line"] - 1:h["line"] - 1 + h["text"].count("\n") + 1])
        assert got.strip() == h["text"], (name, h, got)
        if "subtitle" in h:
            assert h["subtitle"] in "\n".join(lines[h["line"]:h["line"] + 3]), (name, h)
    for q in e["block_quotes"]["items"]:
        assert lines[q["line"] - 1].lstrip().startswith(q["first30"]), (name, q)
    for item in e["notes"]["items"]:
        before = item["before_anchor_20"]
        assert len(before) == 20 and text.count(before) >= 1, (name, item)
        line = lines[item["anchor_line"] - 1]
        assert before.split("\n")[-1] in line, (name, item)
    assert len({(i["anchor_line"], i["before_anchor_20"]) for i in e["notes"]["items"]}) == len(e["notes"]["items"])
    for p in e["persons_sample"]:
        assert p in text, (name, p)


def main(corpus: str) -> None:
    corpus = Path(corpus)
    about = {
        "what": "Truth for the added texts of tests/corpus (the shapes the shared corpus lacks: superscript digits, printers' symbols, '(n)' anchors under a notes heading), established by reading each file; same conventions as ../shared/corpus/truth.json.",
        "conventions": json.loads((corpus / SHARED_ABOUT).read_text(encoding="utf-8"))["_about"]["conventions"]
        if (corpus / SHARED_ABOUT).is_file() else "as in ../shared/corpus/truth.json",
    }
    data = {"_about": about, "files": build(corpus)}
    (corpus / "truth.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
