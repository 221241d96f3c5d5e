"""Where an element is: its line and column in the TEI file, and its place in the source text.

In: the TEI bytes and tree, an element (or a validator's XPath to it), and optionally the map
xml:id → source ``Span`` with the source text's path. Out: ``(line, col)`` in the TEI file and
``"seeds/x.txt:142:1"`` for the nearest ancestor-or-self whose id came from the source.
lxml gives elements a line but no column: the column is that of the element's start tag on its
line (the k-th ``<name`` of that line for the k-th such element starting there).
Both are answered from maps built once per document (each parent's children by name, each
element's rank on its line), so locating W warnings costs O(document + W × depth), not a scan
of the siblings or of the line for each warning.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


# A step of libxml2's element path (``xmlGetNodePath``, the ``path`` of a RelaxNG error): "*" for
# an element in the default namespace, "ns0:head" for a prefixed one, "p" for one in no namespace,
# with the rank among the siblings it counts when it has any: "*[2]", "ns0:head[3]".
LIBXML_STEP = re.compile(r"""
    \A (?: (?P<any> \* ) | (?: (?P<prefix> [A-Za-z_][\w.-]* ) : )? (?P<name> [A-Za-z_][\w.-]* ) )
    (?: \[ (?P<rank> [0-9]+ ) \] )? \Z
    """, re.VERBOSE)

# A step of the Schematron report's location (SVRL, the ISO skeleton's full path), e.g.
#   *[local-name()='p' and namespace-uri()='http://www.tei-c.org/ns/1.0'][1]
SVRL_STEP = re.compile(r"""
    \A \* \[ local-name\(\) = '(?P<name> [^']+ )' \s+ and \s+ namespace-uri\(\) = '(?P<ns> [^']* )' \]
    (?: \[ (?P<rank> [0-9]+ ) \] )? \Z
    """, re.VERBOSE)

# A step of libxml2's element path with a prefix it made up for a foreign namespace, e.g. the
# "ns0:head" of "/*/*[2]/*[2]/*/ns0:head"; rewritten to "*[local-name()='head']" (the fallback).
PREFIXED_STEP = re.compile(r"""(?<= / ) [A-Za-z_][\w.-]* : (?P<name> [A-Za-z_][\w.-]* )""", re.VERBOSE)

# The separators of a location path: "/" outside brackets and quotes (a namespace URI holds "/").
PATH_STEP = re.compile(r"""/ (?P<step> (?: [^/\['] | '[^']*' | \[ (?: [^\]'] | '[^']*' )* \] )+ )""", re.VERBOSE)


def start_tag(localname: str) -> re.Pattern[str]:
    """A start tag of ``localname``, with or without a prefix.

    Matches ``<note`` in ``        <note xml:id="note29" n="29" type="endnote">``.
    """
    return re.compile(r"""< (?: [\w.-]+ : )? """ + re.escape(localname) + r""" (?= [\s/>] )""", re.VERBOSE)


class Locator:
    """Positions of the elements of one parsed document."""

    def __init__(self, data: bytes, tree: etree._ElementTree, id_spans: dict | None = None,
                 source_path: str = ""):
        self.tree = tree
        self._lines = data.decode(tree.docinfo.encoding or "utf-8", "replace").splitlines()
        self._rank_on_line: dict[etree._Element, int] | None = None  # k-th of its name on its line
        self._tags_on_line: dict[tuple[int, str], list[int]] = {}  # offsets of "<name" on a line
        self._child_map: dict = {}  # parent (None: the document) → its children by path step
        self._id_spans = id_spans or {}
        self._source_path = source_path
        self._source = None

    def element_at(self, xpath: str) -> etree._Element | None:
        """The element a validator names by an XPath location (``/*/*[2]/*[3]`` from RelaxNG, a
        ``*[local-name()='p' and namespace-uri()='…'][1]`` path from Schematron)."""
        if not xpath:
            return None
        found = self._walk(xpath)
        if found is not False:
            return found
        try:  # a path of another form: let lxml evaluate it
            hits = self.tree.xpath(PREFIXED_STEP.sub(r"*[local-name()='\g<name>']", xpath))
        except etree.XPathError:
            return None
        if isinstance(hits, list) and hits and isinstance(hits[0], etree._Element):
            return hits[0]
        return None

    def _walk(self, xpath: str) -> etree._Element | None | bool:
        """Follow an absolute path of element steps through the children map; ``False`` when
        the path has a step of another kind (an attribute, a predicate of another form)."""
        steps = [m.group("step") for m in PATH_STEP.finditer(xpath)]
        if not xpath.startswith("/") or "".join("/" + s for s in steps) != xpath or not steps:
            return False
        node = None  # the document
        for step in steps:
            if m := LIBXML_STEP.match(step):
                if m.group("any"):
                    key = None
                else:
                    key = (m.group("prefix") is not None, m.group("name"), None)
            elif m := SVRL_STEP.match(step):
                key = (True, m.group("name"), m.group("ns"))
            else:
                return False
            rank = int(m.group("rank") or 1)
            same = self._children(node).get(key, [])
            if not 0 < rank <= len(same):
                return None
            node = same[rank - 1]
        return node

    def _children(self, parent: etree._Element | None) -> dict:
        """``parent``'s element children grouped as a path step counts them, built on first use:
        None → all; (namespaced?, local name, namespace or None for any) → those of that name."""
        cached = self._child_map.get(parent)
        if cached is None:
            kids = [self.tree.getroot()] if parent is None else [c for c in parent if isinstance(c.tag, str)]
            cached = {None: kids}
            for c in kids:
                q = etree.QName(c)
                for key in ((q.namespace is not None, q.localname, None), (True, q.localname, q.namespace or "")):
                    cached.setdefault(key, []).append(c)
            self._child_map[parent] = cached
        return cached

    def position(self, element: etree._Element) -> tuple[int, int]:
        line = element.sourceline or 0
        if not line or line > len(self._lines):
            return line, 1
        if self._rank_on_line is None:
            self._rank_on_line = {}
            seen: dict[tuple[int, str], int] = defaultdict(int)
            for el in self.tree.iter(etree.Element):
                key = (el.sourceline, etree.QName(el).localname)
                self._rank_on_line[el] = seen[key]
                seen[key] += 1
        name = etree.QName(element).localname
        k = self._rank_on_line.get(element, 0)
        tags = self._tags_on_line.get((line, name))
        if tags is None:
            tags = self._tags_on_line[(line, name)] = [m.start() for m in start_tag(name).finditer(self._lines[line - 1])]
        return line, (tags[k] + 1 if k < len(tags) else 1)

    def source_position(self, element: etree._Element | None) -> str:
        """``path:line:col`` in the source text of the nearest element whose id came from it."""
        if element is None or not self._id_spans or not self._source_path:
            return ""
        for el in _self_and_ancestors(element):
            span = self._id_spans.get(el.get(XML_ID, ""))
            if span is not None:
                source = self._load_source()
                if source is None:
                    return ""
                line, col = source.position(span.start)
                return f"{self._source_path}:{line}:{col}"
        return ""

    def _load_source(self):
        if self._source is None:
            from ..diagnostics import LefortError
            from ..read.source import read_source

            try:
                self._source, _ = read_source(self._source_path)
            except LefortError:
                self._source = False
        return self._source or None


def _self_and_ancestors(element: etree._Element):
    yield element
    yield from element.iterancestors()
