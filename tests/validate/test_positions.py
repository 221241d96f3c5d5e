"""The locator's maps: a validator's location path finds the element lxml's XPath finds, and the
column is that of the element's own start tag among several of its name on one line."""

from lxml import etree

from lefort_tei.validate.positions import Locator

from .tei_mutations import GOOD

TEI = "http://www.tei-c.org/ns/1.0"


def svrl_path(el: etree._Element) -> str:
    """The ISO Schematron skeleton's location of ``el``: name, namespace and rank at each step."""
    steps = []
    for node in [*reversed(list(el.iterancestors())), el]:
        q = etree.QName(node)
        same = [s for s in node.itersiblings(preceding=True) if isinstance(s.tag, str) and s.tag == node.tag]
        step = f"*[local-name()='{q.localname}' and namespace-uri()='{q.namespace or ''}']"
        steps.append(step + (f"[{len(same) + 1}]" if node.getparent() is not None else ""))
    return "/" + "/".join(steps)


def test_every_element_is_found_by_its_libxml2_path_and_its_schematron_path():
    data = GOOD.read_bytes()
    tree = etree.ElementTree(etree.fromstring(data))
    locator = Locator(data, tree)
    elements = list(tree.iter(etree.Element))
    assert len(elements) > 100
    for el in elements:
        assert locator.element_at(tree.getpath(el)) is el
        path = svrl_path(el)
        assert tree.xpath(path)[0] is el  # the helper writes what the skeleton writes
        assert locator.element_at(path) is el


def test_a_path_past_the_last_sibling_finds_nothing_and_other_paths_fall_back_to_xpath():
    data = GOOD.read_bytes()
    tree = etree.ElementTree(etree.fromstring(data))
    locator = Locator(data, tree)
    assert locator.element_at("/*/*[99]") is None
    assert locator.element_at("") is None
    root = tree.getroot()
    assert locator.element_at("/*/*[1]/..") is root  # not a plain element path: lxml evaluates it


def test_the_column_is_that_of_the_kth_start_tag_of_the_name_on_the_line():
    data = (f'<TEI xmlns="{TEI}"><text><body><p>a <hi>b</hi> c <hi>d</hi> <hi>e</hi></p></body></text></TEI>'
            ).encode()
    tree = etree.ElementTree(etree.fromstring(data))
    locator = Locator(data, tree)
    his = tree.getroot().findall(f".//{{{TEI}}}hi")
    line = data.decode()
    assert [locator.position(h) for h in his] == [(1, line.index("<hi>", k) + 1) for k in
                                                  (line.index("<hi>"), line.index("<hi>d"), line.index("<hi>e"))]
