"""Safe parsing of TEI bytes: no DTD, no external entity, no network, no entity expansion.

In: the bytes of a file and its path (for messages). Out: an lxml tree, or ``InputError`` with
one diagnostic at the problem's position (``xml-doctype``, ``xml-malformed``, ``not-tei``,
``tei-namespace``). A DOCTYPE is refused before libxml2 sees the bytes: lxml 6 with
``load_dtd=False`` still opens a ``<!DOCTYPE x SYSTEM "file:///…">`` subset (measured with
strace), so the parser also carries a resolver that hands back nothing for any URL.
xml:ids are not collected while parsing, so a duplicate id is reported by the validators like
any other problem instead of stopping the parse.
"""

from __future__ import annotations

import re

from lxml import etree

from ..diagnostics import InputError, error

TEI_NS = "http://www.tei-c.org/ns/1.0"

# The prolog up to a document type declaration, e.g.
#   <?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE TEI SYSTEM "file:///etc/passwd">
PROLOG_DOCTYPE = re.compile(
    rb"""
    \A (?P<bom> \xef\xbb\xbf )?
    (?P<prolog> (?: \s+ | <\?.*?\?> | <!--.*?--> )* )
    (?P<doctype> <!DOCTYPE\b )
    """,
    re.VERBOSE | re.DOTALL,
)


class _RefuseEverything(etree.Resolver):
    """Answer every request for an external resource (DTD, entity, XInclude) with nothing."""

    def resolve(self, url, pubid, context):
        return self.resolve_string("", context)


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, collect_ids=False, remove_blank_text=False)
    parser.resolvers.add(_RefuseEverything())
    return parser


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
    return line, col


def parse_bytes(data: bytes, path: str) -> etree._ElementTree:
    """Parse ``data`` safely; refuse a DOCTYPE, malformed XML and a root that is not TEI."""
    found = PROLOG_DOCTYPE.match(data)
    if found:
        raise InputError(_doctype_error(path, *_position(data, found.start("doctype"))))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position
        raise InputError(error("xml-malformed", f"not well-formed XML: {exc.msg}; fix the markup at this place",
                               path, line, col)) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(_doctype_error(path, 1, 1))
    check_root(root, path)
    check_depth(root, path)
    return tree


MAX_DEPTH = 100  # one limit for every step: Saxon's XSLT stops near here, libxml2 at 256


def check_depth(root: etree._Element, path: str) -> None:
    """Elements nested more than ``MAX_DEPTH`` deep are refused here, with their position, so that
    no later step (validation, XSLT, PDF) meets a depth it cannot handle. Ours nest about 12 deep."""
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise InputError(error("xml-too-deep", f"elements nested more than {MAX_DEPTH} levels deep; "
                                   "a TEI edition needs far fewer: flatten the markup", path,
                                   element.sourceline or 1, 1))


def _doctype_error(path: str, line: int, col: int):
    return error("xml-doctype", "a DOCTYPE is not allowed: DTDs and entities are never loaded (no file, no "
                 "network); remove the <!DOCTYPE …> declaration and write characters, not entities", path, line, col)


def check_root(root: etree._Element, path: str) -> None:
    """The root must be TEI in the TEI namespace; anything else is not an input we validate."""
    name = etree.QName(root)
    if name.localname != "TEI":
        raise InputError(error("not-tei", f"the root element is <{name.localname}>, not <TEI>: this is not a "
                               "TEI file", path, root.sourceline or 1, 1))
    if name.namespace != TEI_NS:
        where = f"namespace {name.namespace!r}" if name.namespace else "no namespace"
        raise InputError(error("tei-namespace", f"<TEI> is in {where}: TEI elements are in {TEI_NS}; add "
                               f'xmlns="{TEI_NS}" to the root element', path, root.sourceline or 1, 1))


def read_and_parse(path: str) -> tuple[bytes, etree._ElementTree]:
    """Read a file and parse it safely; ``InputError`` when it cannot be read or parsed."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise InputError(error("input-missing", "no such file; check the path", path)) from None
    except IsADirectoryError:
        raise InputError(error("input-directory", "this is a folder; give a TEI .xml file", path)) from None
    except OSError as exc:
        raise InputError(error("input-unreadable", f"cannot read the file: {exc.strerror}", path)) from None
    return data, parse_bytes(data, path)
