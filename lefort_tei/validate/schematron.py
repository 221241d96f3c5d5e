"""Schematron validation with lxml's ISO engine (XSLT 1.0): ``schemas/lefort-tei.sch``.

In: a parsed tree and a ``Locator``. Out: one diagnostic per failed assert, coded with the
assert's stable id (``ptr-person``, ``note-numbering``…), at the line and column of the element
the rule fired on (the SVRL ``location`` is an XPath into the same tree). The schema is compiled
once per process; the rules use ``xsl:key`` for every lookup, so a run is linear in the file.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree, isoschematron

from ..diagnostics import Diagnostic, ToolError, error
from ..resources import SCHEMAS_DIR
from .positions import Locator

OUR_SCH = SCHEMAS_DIR / "lefort-tei.sch"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
LEVELS = {"warning": "warning", "warn": "warning", "info": "info", "information": "info"}


@lru_cache(maxsize=None)
def compile_schematron(path: str) -> isoschematron.Schematron:
    try:
        return isoschematron.Schematron(etree.parse(path, etree.XMLParser(no_network=True, resolve_entities=False)),
                                        store_report=True)
    except (OSError, etree.XMLSyntaxError, etree.SchematronParseError, etree.XSLTParseError) as exc:
        raise ToolError(error("schema-unusable", f"cannot compile the Schematron schema: {exc}", path)) from None


def validate_schematron(tree: etree._ElementTree, locator: Locator, path: str,
                        schema: str = str(OUR_SCH)) -> list[Diagnostic]:
    sch = compile_schematron(schema)
    if sch.validate(tree):
        return []
    diagnostics = []
    for failed in sch.validation_report.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
        element = locator.element_at(failed.get("location", ""))
        line, col = locator.position(element) if element is not None else (0, 0)
        message = " ".join(failed.findtext(f"{SVRL}text", "").split())
        level = LEVELS.get(failed.get("role", ""), "error")
        diagnostics.append(Diagnostic(level, failed.get("id") or "schematron", message, path, line, col,
                                      locator.source_position(element)))
    return diagnostics
