"""RelaxNG validation with lxml: our customisation (``schemas/lefort-tei.rng``) or any schema.

In: a parsed tree and a ``Locator``. Out: diagnostics ``file:line:col: error: message [code]``
(code ``schema`` for ours, ``tei-all`` for the official TEI All). Each schema is compiled once per
process (``functools.lru_cache``): ours in milliseconds, ``tei_all.rng`` in about 6 s with lxml
(``jing.py`` does that one in about 1 s). libxml2 often reports one problem twice at the same
element ("Did not expect element label there", "Element p has extra content: label"): only the
first message per element is kept, and vague follow-on messages only when nothing precise is left.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic, ToolError, error
from ..resources import SCHEMAS_DIR
from .positions import Locator
from .safe import TEI_NS

OUR_RNG = SCHEMAS_DIR / "lefort-tei.rng"

# libxml2's follow-on messages, which name a parent or nothing useful once a precise message
# exists, e.g. "Element p has extra content: date", "Element choice failed to validate content",
# "Expecting an element ref, got nothing" (an xsd:ID or a choice that failed further down).
VAGUE_MESSAGE = re.compile(
    r"""^ (?: Element \s \S+ \s has \s extra \s content
          | Element \s \S+ \s failed \s to \s validate \s (?: content | attributes )
          | Expecting \s an \s element \s \S+ , \s got \s nothing ) """,
    re.VERBOSE,
)


@lru_cache(maxsize=None)
def compile_rng(path: str) -> etree.RelaxNG:
    """Compile a RelaxNG schema (once per process and path)."""
    try:
        return etree.RelaxNG(etree.parse(path, etree.XMLParser(no_network=True, resolve_entities=False)))
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
        raise ToolError(error("schema-unusable", f"cannot compile the RelaxNG schema: {exc}", path)) from None


def validate_rng(tree: etree._ElementTree, locator: Locator, path: str, schema: str | Path = OUR_RNG,
                 code: str = "schema") -> list[Diagnostic]:
    rng = compile_rng(str(schema))
    if rng.validate(tree):
        return []
    diagnostics, seen = [], set()
    entries = list(rng.error_log)
    precise = [e for e in entries if not VAGUE_MESSAGE.match(e.message)]
    for entry in precise or entries:
        element = locator.element_at(getattr(entry, "path", "") or "")
        key = entry.path if element is not None else (entry.line, entry.message)
        if key in seen:
            continue
        seen.add(key)
        if element is not None:
            line, col = locator.position(element)
            name = etree.QName(element)
            message = f"<{name.localname}>: {entry.message}"
            if name.namespace != TEI_NS:
                message += f"; it is in {'namespace ' + repr(name.namespace) if name.namespace else 'no namespace'}, not TEI's"
        else:
            line, col, message = entry.line, entry.column or 1, entry.message
        diagnostics.append(Diagnostic("error", code, f"{message} ({_schema_name(schema)})", path, line, col,
                                      locator.source_position(element)))
    return diagnostics


def _schema_name(schema: str | Path) -> str:
    return Path(schema).name
