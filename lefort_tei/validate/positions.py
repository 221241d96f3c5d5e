"""Where an element is: its line and column in the TEI file, and its place in the source text.

In: the TEI bytes and tree, an element (or a validator's XPath to it), and optionally the map
xml:id → source ``Span`` with the source text's path. Out: ``(line, col)`` in the TEI file and
``"seeds/x.txt:142:1"`` for the nearest ancestor-or-self whose id came from the source.
lxml gives elements a line but no column: the column is that of the element's start tag on its
line (the k-th ``<name`` of that line for the k-th such element starting there).
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


# A step of libxml2's element path with a prefix it made up for a foreign namespace, e.g. the
# "ns0:head" of "/*/*[2]/*[2]/*/ns0:head"; rewritten to "*[local-name()='head']".
PREFIXED_STEP = re.compile(r"""(?<= / ) [A-Za-z_][\w.-]* : (?P<name> [A-Za-z_][\w.-]* )""", re.VERBOSE)


def start_tag(localname: str) -> re.Pattern[str]:
    """A start tag of ``localname``, with or without a prefix.

    Matches ``<note`` in ``        <note xml:id="note29" n="29" place="end" type="endnote">``.
    """
    return re.compile(r"""< (?: [\w.-]+ : )? """ + re.escape(localname) + r""" (?= [\s/>] )""", re.VERBOSE)


class Locator:
    """Positions of the elements of one parsed document."""

    def __init__(self, data: bytes, tree: etree._ElementTree, id_spans: dict | None = None,
                 source_path: str = ""):
        self.tree = tree
        self._lines = data.decode(tree.docinfo.encoding or "utf-8", "replace").splitlines()
        self._by_line: dict[int, list[etree._Element]] | None = None
        self._id_spans = id_spans or {}
        self._source_path = source_path
        self._source = None

    def element_at(self, xpath: str) -> etree._Element | None:
        """The element a validator names by an XPath location (``/*/*[2]/*[3]``)."""
        if not xpath:
            return None
        try:
            found = self.tree.xpath(PREFIXED_STEP.sub(r"*[local-name()='\g<name>']", xpath))
        except etree.XPathError:
            return None
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return found[0]
        return None

    def position(self, element: etree._Element) -> tuple[int, int]:
        line = element.sourceline or 0
        if not line or line > len(self._lines):
            return line, 1
        if self._by_line is None:
            self._by_line = defaultdict(list)
            for el in self.tree.iter(etree.Element):
                self._by_line[el.sourceline].append(el)
        name = etree.QName(element).localname
        same = [el for el in self._by_line[line] if etree.QName(el).localname == name]
        k = same.index(element) if element in same else 0
        matches = list(start_tag(name).finditer(self._lines[line - 1]))
        return line, (matches[k].start() + 1 if k < len(matches) else 1)

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
