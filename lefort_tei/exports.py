"""Exports of an edition for tools other than ours: plain text, Markdown, JSON stand-off,
the works cited as CSL-JSON and BibTeX, and the TEI Lite / TEI simplePrint flavours.

In: a TEI file made by lefort-tei (already valid). Out: the bytes of one export (UTF-8, ending in
a newline, deterministic). Nothing here changes the master TEI; each export reads it with lxml.

- ``text-diplomatic`` / ``text-reading``: the two views as plain text (``plaintext.view_text``).
- ``markdown``: the reading view; headings, block quotations (``>``), notes as footnotes ``[^n]``.
- ``json``: stand-off for NLP tools: ``text`` (the diplomatic view, as ``text-diplomatic``) and
  ``spans``, each ``{"type", "start", "end"}`` (offsets in code points into ``text``, end
  exclusive) with what the TEI says about it (``ref``, ``when``, ``level``, the TEI ``@type`` as
  ``subtype``; a ``correction`` span covers the source's reading and gives the editor's).
- ``csl-json`` / ``bibtex``: the ``listBibl`` of works cited (no editor's remarks).
- ``tei-lite`` / ``simple-print``: see ``export_tei.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree

from .encode.tei import STRUCTURAL, TEI_NS, XML_ID, local
from .plaintext import BLOCKS, FOOT_PLACES, _skip, glyph_character, view_text

FORMATS = ("tei-lite", "simple-print", "text-diplomatic", "text-reading", "markdown", "json", "csl-json",
           "bibtex")
SUFFIXES = {"tei-lite": ".lite.xml", "simple-print": ".simple.xml", "text-diplomatic": ".diplomatic.txt",
            "text-reading": ".reading.txt", "markdown": ".md", "json": ".standoff.json", "csl-json": ".csl.json",
            "bibtex": ".bib"}
NS = {"t": TEI_NS}

# Elements that become typed spans in the JSON stand-off, with the attributes carried over.
SPAN_ATTRIBUTES = {
    "persName": ("ref",), "title": ("level", "ref"), "date": ("when", "from", "to"), "quote": ("type", "source"),
    "ref": ("type", "target"), "bibl": (), "biblScope": ("unit", "from", "to"), "head": (), "p": (),
    "note": ("n", "place", "type"), "sic": (), "metamark": ("function",), "label": (), "name": ("type", "ref"),
    "placeName": ("ref",), "orgName": ("ref",), "foreign": (), "hi": ("rend",), "num": ("value",),
}
# A BibTeX value's special characters, e.g. the "&" of "Faber & Faber" → "\&".
BIBTEX_SPECIAL = re.compile(r"(?P<char>[&%$#_{}])")
# A year at the start of an ISO date, e.g. "1947" in "1947-03".
ISO_YEAR = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2}))?(?:-(?P<day>\d{2}))?$")


def export(tei_path: str | Path, to: str) -> bytes:
    """One export of the edition at ``tei_path`` as bytes."""
    from .validate import parse_tei

    if to not in FORMATS:
        raise ValueError(f"unknown export {to!r}; one of {', '.join(FORMATS)}")
    tree = parse_tei(tei_path)
    if to in ("tei-lite", "simple-print"):
        from .export_tei import flavour

        return flavour(tree, to)
    if to.startswith("text-"):
        return view_text(tree, to.removeprefix("text-")).encode("utf-8")
    if to == "markdown":
        return markdown(tree).encode("utf-8")
    if to == "json":
        return _json(standoff_json(tree, Path(tei_path).name))
    if to == "csl-json":
        return _json(csl_json(tree))
    return bibtex(tree).encode("utf-8")


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


# ---- JSON stand-off ------------------------------------------------------------------------------

def standoff_json(tree: etree._ElementTree, name: str = "") -> dict:
    """The diplomatic text and its typed spans; walks the text exactly as ``plaintext.blocks``."""
    root = tree.getroot()
    text_el = root.find(f"{{{TEI_NS}}}text")
    parts: list[str] = []
    spans: list[dict] = []
    pos = [0]

    def emit(s: str) -> None:
        parts.append(s)
        pos[0] += len(s)

    def inline(element: etree._Element) -> None:
        start = pos[0]
        structural = ((local(element) in STRUCTURAL or local(element) == "choice")
                      and element.get("place") not in FOOT_PLACES)
        if local(element) == "pb":
            emit("\f")
        if local(element) == "g":  # the character it stands for, as in the diplomatic view
            emit(glyph_character(element))
            return
        if element.text and not (structural and element.text.isspace()):
            emit(element.text)
        for child in element:
            if isinstance(child.tag, str) and not _skip(child, "diplomatic"):
                inline(child)
            if child.tail and not (structural and child.tail.isspace()):
                emit(child.tail)
        record(element, start)

    def record(element: etree._Element, start: int) -> None:
        name_ = local(element)
        if name_ not in SPAN_ATTRIBUTES and name_ != "sic":
            return
        span = {"type": name_, "start": start, "end": pos[0]}
        if element.get(XML_ID):
            span["id"] = element.get(XML_ID)
        for attr in SPAN_ATTRIBUTES.get(name_, ()):
            if element.get(attr) is not None:
                span["subtype" if attr == "type" else attr] = element.get(attr)
        if name_ == "sic":  # the editor's reading of the same place
            corr = element.getparent().find("t:corr", NS) if element.getparent() is not None else None
            if corr is not None:
                span["type"] = "correction"
                span["correction"] = "".join(corr.itertext())
                for attr in ("type", "cert"):
                    if corr.get(attr):
                        span["subtype" if attr == "type" else attr] = corr.get(attr)
        spans.append(span)

    def walk(element: etree._Element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or _skip(child, "diplomatic"):
                continue
            if local(child) in BLOCKS or (local(child) == "note" and child.get("place") in FOOT_PLACES):
                if parts:  # a page-foot note is a block of its own, as in plaintext.blocks
                    emit("\n\n")
                inline(child)
            else:
                start = pos[0] + (2 if parts else 0)
                walk(child)
                if local(child) in ("quote", "note", "div"):
                    record(child, min(start, pos[0]))

    if text_el is not None:
        walk(text_el)
    emit("\n")
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return {"format": "lefort-tei stand-off 1", "source": name, "view": "diplomatic",
            "offsets": "Unicode code points, end exclusive", "text": "".join(parts), "spans": spans}


# ---- Markdown ------------------------------------------------------------------------------------

def markdown(tree: etree._ElementTree) -> str:
    """The reading view as Markdown: title, headings, paragraphs, block quotations, footnotes."""
    root = tree.getroot()
    out: list[str] = []
    title = root.find(".//t:teiHeader/t:fileDesc/t:titleStmt/t:title", NS)
    if title is not None:
        out.append("# " + _md_inline(title))
    notes: list[str] = []
    note_numbers: dict[str, str] = {}  # note id → its footnote key: the printed number, unique
    seen: dict[str, int] = {}
    for note in root.iterfind(".//t:text//t:note", NS):
        if note.get(XML_ID) and note.get("n"):
            n = "".join(note.get("n").split())
            seen[n] = seen.get(n, 0) + 1  # numbers restart by page or chapter: "1", then "1-2"
            note_numbers[note.get(XML_ID)] = n if seen[n] == 1 else f"{n}-{seen[n]}"

    def blocks(element: etree._Element, prefix: str = "") -> None:
        for child in element:
            if not isinstance(child.tag, str) or _skip(child, "reading"):
                continue
            name = local(child)
            if name == "note" and child.get("n") and child.get(XML_ID) in note_numbers:
                body = "\n\n    ".join(_md_inline(p, note_numbers, skip_label=True) for p in child.iterfind(".//t:p", NS))
                label = "".join(child.find(".//t:label", NS).itertext()) if child.find(".//t:label", NS) is not None else ""
                if label.lstrip().startswith("[") and body.endswith("\\]"):
                    body = body[:-2]  # "[Footnote 1: …]": the bracket closes the label Markdown leaves out
                notes.append(f"[^{note_numbers[child.get(XML_ID)]}]: {body.strip()}")
            elif name == "head":
                out.append(prefix + "## " + _md_inline(child, note_numbers))
            elif name in ("p", "titlePart", "byline", "docAuthor"):
                out.append(prefix + _md_inline(child, note_numbers))
            elif name == "quote" and child.get("type") == "block":
                blocks(child, prefix + "> ")
            elif name == "lg":  # verse: one line each (a Markdown hard line break between them)
                out.append(("  \n" + prefix).join(prefix * (k == 0) + _md_inline(line, note_numbers)
                                                   for k, line in enumerate(child.iterfind("t:l", NS))))
            elif name == "titlePage":
                continue  # the header's title stands first
            else:
                blocks(child, prefix)

    text = root.find("t:text", NS)
    if text is not None:
        blocks(text)
    return "\n\n".join(out + notes) + "\n"


def _md_inline(element: etree._Element, note_numbers: dict[str, str] | None = None, skip_label: bool = False) -> str:
    parts: list[str] = []

    def walk(el: etree._Element, top: bool = False) -> None:
        name = local(el)
        if not top and name == "ref" and el.get("type") == "noteAnchor" and note_numbers is not None:
            number = note_numbers.get((el.get("target") or "").lstrip("#"))
            if number:
                parts.append(f"[^{number}]")
                return
        if not top and name == "label" and skip_label:
            return
        if name == "lb" and el.get("break") == "no":  # a word divided at a line or page end is one word
            while parts and parts[-1].isspace():
                parts.pop()
            if parts:
                parts[-1] = parts[-1].rstrip()
        emphasis = not top and name == "title" and el.get("level") in ("m", "j")
        if emphasis:
            parts.append("*")
        if el.text:
            parts.append(_md_escape(el.text))
        for child in el:
            if isinstance(child.tag, str) and not _skip(child, "reading"):
                walk(child)
            if child.tail:
                parts.append(_md_escape(child.tail))
        if emphasis:
            parts.append("*")

    walk(element, top=True)
    return " ".join("".join(parts).split())


# Markdown's inline specials that a text could trip, e.g. the "*" of "*1947" or the "[" of "[sic]".
MD_SPECIAL = re.compile(r"(?P<char>[\\`*_\[\]<>])")


def _md_escape(s: str) -> str:
    return MD_SPECIAL.sub(r"\\\g<char>", s)


# ---- works cited ---------------------------------------------------------------------------------

def works(tree: etree._ElementTree) -> list[etree._Element]:
    """The works-cited ``bibl``s of the edition (standOff or back), in document order."""
    return list(tree.getroot().iterfind(".//t:listBibl/t:bibl", NS))


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _work_fields(bibl: etree._Element) -> dict:
    titles = bibl.findall("t:title", NS)
    main = titles[0] if titles else None
    container = next((t for t in titles[1:] if t.get("level") == "j"), None)
    date = bibl.find("t:date", NS)
    when = (date.get("when") if date is not None else None) or _text(date)
    return {
        "id": bibl.get(XML_ID) or "",
        "level": main.get("level") if main is not None else "m",
        "title": _text(main),
        "container": _text(container),
        "authors": [_text(a) for a in bibl.findall("t:author", NS)],
        "translators": [_text(e) for e in bibl.findall("t:editor[@role='translator']", NS)],
        "editors": [_text(e) for e in bibl.findall("t:editor", NS) if e.get("role") != "translator"],
        "place": _text(bibl.find("t:pubPlace", NS)),
        "publisher": _text(bibl.find("t:publisher", NS)),
        "date": when or "",
    }


CSL_TYPES = {"m": "book", "a": "article", "j": "periodical", "s": "book", "u": "manuscript"}


def csl_json(tree: etree._ElementTree) -> list[dict]:
    """The works cited as CSL-JSON items (citeproc, Zotero, pandoc)."""
    items = []
    for bibl in works(tree):
        w = _work_fields(bibl)
        item: dict = {"id": w["id"], "type": "article-journal" if w["container"] else CSL_TYPES.get(w["level"], "book"),
                      "title": w["title"]}
        for key, names in (("author", w["authors"]), ("translator", w["translators"]), ("editor", w["editors"])):
            if names:
                item[key] = [_csl_name(n) for n in names]
        if w["container"]:
            item["container-title"] = w["container"]
        if w["publisher"]:
            item["publisher"] = w["publisher"]
        if w["place"]:
            item["publisher-place"] = w["place"]
        m = ISO_YEAR.match(w["date"])
        if m:
            item["issued"] = {"date-parts": [[int(g) for g in m.groups() if g]]}
        elif w["date"]:
            item["issued"] = {"literal": w["date"]}
        items.append(item)
    return items


def _csl_name(name: str) -> dict:
    """"Leon Trotsky" → family "Trotsky", given "Leon"; a one-word name stays literal."""
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


BIBTEX_TYPES = {"m": "book", "a": "article", "j": "periodical", "s": "book", "u": "unpublished"}


def bibtex(tree: etree._ElementTree) -> str:
    """The works cited as BibTeX (biblatex field names where BibTeX has none: translator)."""
    entries = []
    for bibl in works(tree):
        w = _work_fields(bibl)
        fields = [("author", " and ".join(w["authors"])), ("title", w["title"]),
                  ("journal", w["container"]), ("translator", " and ".join(w["translators"])),
                  ("editor", " and ".join(w["editors"])), ("publisher", w["publisher"]), ("address", w["place"])]
        m = ISO_YEAR.match(w["date"])
        fields.append(("year", m["year"] if m else w["date"]))
        kind = "article" if w["container"] else BIBTEX_TYPES.get(w["level"], "misc")
        body = ",\n".join(f"  {k} = {{{_bibtex_escape(v)}}}" for k, v in fields if v)
        entries.append(f"@{kind}{{{w['id']},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


def _bibtex_escape(value: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\g<char>", value)
