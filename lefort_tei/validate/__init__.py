"""Validation of TEI: safe parsing, our RelaxNG, our Schematron, and optionally TEI All.

In: TEI bytes (as written, never an in-memory tree: an element built without a namespace is
rejected in memory but silently becomes TEI once serialised) with, when known, the map
xml:id → source span and the source path. Out: diagnostics ``file:line:col: error: message
[code]`` with the source position where the element came from the source text. Schemas are
compiled once per process. Codes in ``INPUT_CODES`` mean the bytes are not a TEI document we
can validate at all (exit 2); any other error means an invalid edition (exit 1).
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, InputError
from .positions import Locator

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
from .relaxng import OUR_RNG, compile_rng, validate_rng
from .safe import parse_bytes, read_and_parse
from .schematron import OUR_SCH, compile_schematron, validate_schematron

INPUT_CODES = frozenset({"xml-malformed", "xml-doctype", "xml-too-deep", "not-tei", "tei-namespace", "input-missing",
                         "input-directory", "input-unreadable"})

__all__ = ["INPUT_CODES", "OUR_RNG", "OUR_SCH", "compile_rng", "compile_schematron", "parse_tei",
           "require_valid", "validate_bytes", "validate_tree"]


def validate_bytes(data: bytes, path: str, id_spans: dict | None = None, source_path: str = "") -> list[Diagnostic]:
    """Every problem of these TEI bytes against our schema and Schematron (empty when valid)."""
    try:
        tree = parse_bytes(data, path)
    except InputError as exc:
        return exc.diagnostics
    return validate_tree(data, tree, path, id_spans, source_path)


def validate_tree(data: bytes, tree: etree._ElementTree, path: str, id_spans: dict | None = None,
                  source_path: str = "", tei_all: str | None = None) -> list[Diagnostic]:
    """RelaxNG, then Schematron (and TEI All with lxml when ``tei_all`` is a path), in file order."""
    locator = Locator(data, tree, id_spans, source_path)
    schematron = validate_schematron(tree, locator, path)
    # libxml2's RelaxNG checks xsd:ID too and, at a duplicate, loses its way in the grammar and
    # reports elements far from it; the grammar is checked on a copy whose duplicates are renamed,
    # the duplicate itself is reported once, by the Schematron (id-unique)
    grammar_tree = _ids_made_unique(tree) if any(d.code == "id-unique" for d in schematron) else tree
    diagnostics = validate_rng(grammar_tree, locator, path) + schematron
    if tei_all:
        diagnostics += validate_rng(grammar_tree, locator, path, tei_all, code="tei-all")
    return sorted(diagnostics, key=lambda d: (d.line, d.col))


def _ids_made_unique(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of ``tree`` whose repeated xml:ids get a suffix ("p2", "p2-dup2"); line numbers kept."""
    copy = etree.ElementTree(deepcopy(tree.getroot()))
    seen: dict[str, int] = {}
    for el in copy.iter():
        ident = el.get(XML_ID) if isinstance(el.tag, str) else None
        if ident is not None:
            seen[ident] = seen.get(ident, 0) + 1
            if seen[ident] > 1:
                el.set(XML_ID, f"{ident}-dup{seen[ident]}")
    return copy


def parse_tei(path: str | Path) -> etree._ElementTree:
    """Parse a TEI file safely (no DTD, no entities, no network); ``InputError`` with position."""
    return read_and_parse(str(path))[1]


def require_valid(path: str | Path) -> list[Diagnostic]:
    """Check a TEI file before publishing it: ``InputError`` (exit 2) when it is not TEI we can read,
    ``EditionError`` (exit 1) when it breaks our schema or Schematron, so that a hand-edited or
    hostile file (a ``javascript:`` pointer, an unknown element) never reaches a page or a PDF.
    Returns the warnings."""
    from ..diagnostics import EditionError

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(error_at(path, exc)) from None
    found = validate_bytes(data, str(path))
    if any(d.code in INPUT_CODES for d in found):
        raise InputError(*[d for d in found if d.code in INPUT_CODES])
    problems = [d for d in found if d.level == "error"]
    if problems:
        raise EditionError(*problems)
    return found


def error_at(path, exc: OSError) -> Diagnostic:
    from ..diagnostics import error

    return error("input-unreadable", f"cannot read the TEI file: {exc.strerror}", str(path))
