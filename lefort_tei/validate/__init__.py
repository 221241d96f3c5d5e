"""Validation of TEI bytes (placeholder until our schema lands: well-formedness only).

In: TEI bytes and the map xml:id → source span. Out: diagnostics.
"""

from __future__ import annotations

from lxml import etree

from ..diagnostics import Diagnostic, error


def validate_bytes(data: bytes, path: str, id_spans=None, source_path: str = "") -> list[Diagnostic]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position
        return [error("xml-malformed", str(exc.msg), path, line, col)]
    return []


def parse_tei(path: str):
    """Parse a TEI file safely (no DTD, no entities, no network); InputError with position."""
    from pathlib import Path

    from ..diagnostics import InputError

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.parse(str(Path(path)), parser)
    except OSError as exc:
        raise InputError(error("input-unreadable", f"cannot read the file: {exc}", path)) from None
    except etree.XMLSyntaxError as exc:
        line, col = exc.position
        raise InputError(error("xml-malformed", str(exc.msg), path, line, col)) from None
