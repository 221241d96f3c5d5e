"""Write schemas/lefort-tei.odd: the descriptions below (one per element and attribute, and the TEI
module of each element) + the element and attribute sets of schemas/lefort-tei.rng + the asserts
of schemas/lefort-tei.sch.

When the RELAX NG gains an element, add its description to D and its module to MODULES (the script
stops and names what is missing), then run ``.venv/bin/python scripts/make_odd.py`` and read the
diff; tests/test_odd.py checks that the ODD and the schemas agree.
"""
import sys
from pathlib import Path

from lxml import etree

ROOT = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent)
RNG = "{http://relaxng.org/ns/structure/1.0}"
SCH = "http://purl.oclc.org/dsdl/schematron"
TEI = "http://www.tei-c.org/ns/1.0"
rng = etree.parse(f"{ROOT}/schemas/lefort-tei.rng")
defs = {d.get("name"): d for d in rng.iter(RNG + "define")}

def attrs_of(el, seen, out):
    for child in el:
        if not isinstance(child.tag, str) or child.tag == RNG + "element":
            continue
        if child.tag == RNG + "attribute":
            vals = out.setdefault(child.get("name"), set())
            vs = [v.text for v in child.iter(RNG + "value")]
            vals.update(vs if vs else {None})
            continue
        if child.tag == RNG + "ref":
            if child.get("name") not in seen:
                attrs_of(defs[child.get("name")], seen | {child.get("name")}, out)
            continue
        attrs_of(child, seen, out)

elements = {}
for el in rng.iter(RNG + "element"):
    attrs_of(el, frozenset(), elements.setdefault(el.get("name"), {}))

MODULES = {
 "textstructure": "TEI text front body back div docTitle titlePart titlePage byline docAuthor argument",
 "header": "teiHeader fileDesc titleStmt publicationStmt availability licence sourceDesc encodingDesc editorialDecl correction normalization quotation segmentation interpretation profileDesc langUsage language revisionDesc change idno",
 "core": "desc p head note quote ref choice sic corr orig reg label date title author editor pubPlace publisher biblScope bibl listBibl name pb lb hi respStmt resp lg l list item",
 "namesdates": "persName person listPerson birth death",
 "linking": "seg standOff listAnnotation annotation",
 "transcr": "metamark fw",
 "gaiji": "charDecl char mapping g",
 "analysis": "c",
}
module_of = {e: m for m, es in MODULES.items() for e in es.split()}
missing = set(elements) - set(module_of)
assert not missing, f"no TEI module given in MODULES for {sorted(missing)}"

D = {
 "TEI": "The edition: its header, its text and, when there is any, its stand-off registers. @xml:id is the edition's id (the text's file stem), @xml:lang its language.",
 "teiHeader": "The metadata of the edition, made from the data file's [edition] table and the title line.",
 "fileDesc": "Title, publication and source of the edition.",
 "titleStmt": "The title of the edition, its author and the editors' responsibility.",
 "title": "A title: in the header, the edition's (@type main or sub); in the text, a title of a work the text names (@level m, a, j, s or u; @ref to the work in the works cited); in a register entry, the work's title and, for an article, its journal.",
 "author": "The author of the essay (header) or of a work cited (register, as a persName pointing to the person).",
 "editor": "In a work cited: its translator or editor (@role), as a persName.",
 "respStmt": "A responsibility for the edition: the editor of the text (@xml:id ed, pointed to by corr/@resp) and the tool that made it.",
 "resp": "The kind of responsibility, in words.",
 "name": "The name of a person or tool in a respStmt.",
 "publicationStmt": "Who publishes the edition, when, and under which licence.",
 "publisher": "The publisher of the edition (header) or of a work cited (register).",
 "availability": "The licence of the edition (@status free, restricted or unknown).",
 "licence": "The licence in words, @target its URL.",
 "idno": "An identifier: of the edition (@type edition), of the source file (@type filename, sha256), of a person (@type wikidata, VIAF).",
 "date": "A date: of the edition (header), of a change, one the text names, or of a work cited. ISO values only: @when for a day, month or year, @from and @to for a range.",
 "sourceDesc": "Where the text came from: the plain-text file and the printed source it transcribes.",
 "bibl": "A reference. In sourceDesc, the source (@type provenance or digital). In a note, a citation of a work (@xml:id, @type secondary when cited at second hand) with a ref to the work and its biblScope. In the works cited, a work (@xml:id), its parts with the reference's punctuation kept as text between them.",
 "encodingDesc": "How the text was encoded: the editorial principles.",
 "editorialDecl": "The editorial principles, in plain words, one element each.",
 "correction": "How corrections were made (@method markup, @status).",
 "normalization": "Whether spelling was normalised (@method markup).",
 "quotation": "How quotation marks were treated (@marks all: kept as text).",
 "segmentation": "How the text was divided into blocks.",
 "interpretation": "What the editor identified (persons, titles, dates, citations) and how.",
 "profileDesc": "The languages of the text.",
 "langUsage": "The languages used in the text.",
 "language": "One language (@ident, a BCP 47 tag).",
 "revisionDesc": "The history of the edition file.",
 "change": "One change: @when, @who (a pointer to a respStmt or person).",
 "text": "The text of the essay: front matter, body, back (notes).",
 "front": "What precedes the essay in the source: title page, blurb (argument), provenance.",
 "titlePage": "The title line of the source.",
 "docTitle": "The title on the title page.",
 "titlePart": "The main title (@type main).",
 "byline": "The author line of the title page, with the separator as printed.",
 "docAuthor": "The author's name on the title page.",
 "seg": "What follows the author on the title line, kept as printed.",
 "argument": "The blurb that precedes the essay.",
 "div": "A division: a section of the body (@type section), the provenance in the front (@type provenance), the notes in the back (@type notes), boilerplate set apart (@type boilerplate), and the registers in the back (@type editorial, @subtype persons or worksCited: the editor's, no part of the diplomatic text).",
 "head": "A heading, as printed; in a register division, the editor's heading (Persons, Works cited).",
 "p": "A paragraph: one block of the source, character for character (the diplomatic view), with its corrections, names, titles, dates, citations and note anchors.",
 "quote": "A block quotation (@type block), set off in the source; @source points to the citation in the note that gives its source; without one, @rend says how the source sets it off (indent, prefix \"> \", lines kept line by line, markup such as \"/P\"). It holds paragraphs and verse (lg).",
 "lg": "Verse in a block quotation: one l per printed line; the line ends and indentation stay between the l elements, so the diplomatic text is unchanged.",
 "l": "One printed line of verse, with its corrections, names and note anchors.",
 "back": "What follows the essay: the notes, boilerplate printed after it, and the registers (persons, works cited), where generic renderers (the TEI Stylesheets, CETEIcean) print them and the text's pointers find them.",
 "body": "The essay itself: its sections.",
 "note": "A note where the source prints it: an endnote (@type endnote, no @place: it stands where the source prints it) in the back; a footnote (@type footnote) at a page's foot (@place foot), at a chapter's end (@place chapter-end) or inside a paragraph (@place inline); @n its label as printed; @target points to its anchor (the Guidelines' link from a note printed elsewhere to its point of attachment). In a register entry or an annotation: a public remark in plain text.",
 "label": "The note's number as printed, at the start of its first paragraph.",
 "ref": "A note anchor (@type noteAnchor), with the marker as printed, @n the note's number and @target the note; or, in a citation, the words naming the work, @target the work in the works cited.",
 "choice": "A correction: the source's reading and the editor's, side by side.",
 "sic": "The source's reading (diplomatic view).",
 "corr": "The editor's correction (reading view): @resp who, @cert how sure (high, medium, low), @type what kind (ocr, anchor, spacing, punctuation).",
 "orig": "The source's spelling, when normalised.",
 "reg": "The normalised spelling, attributes as corr; @type hyphenation (a line-end hyphen joined) or entity (the character an HTML character reference stands for).",
 "persName": "A person's name: in the text, a mention (@ref to the person); in a register, the standard form or a variant (@type).",
 "biblScope": "The part of a work a citation points to (@unit page, chapter, volume; @from, @to).",
 "pubPlace": "Where a work cited was published.",
 "metamark": "A mark of the source that is not text to be read but a signal (@function omission: an omission mark such as [...]).",
 "pb": "A page break: the form feed of the source, or where a page dump's page starts; @n the printed page number.",
 "standOff": "The reasons for corrections, outside the text (listAnnotation), each pointing to the correction it explains.",
 "listPerson": "The register of persons.",
 "person": "A person the text names (@xml:id), with its standard and variant names, dates, identifiers and a public note.",
 "birth": "Year (or date) of birth, @when in ISO form; only when certain.",
 "death": "Year (or date) of death, @when in ISO form; only when certain.",
 "listBibl": "The works cited (@type worksCited).",
 "listAnnotation": "The reasons for the corrections (@type corrections).",
 "annotation": "The reason for one correction: @target the choice, @motivation editing.",
 "charDecl": "The characters of the source that XML cannot hold (control characters), each declared once.",
 "char": "One such character (@xml:id char-0007 for U+0007), with a description and its code point.",
 "desc": "The name of a declared character, in words.",
 "mapping": "The code point of a declared character (@type codepoint), as U+XXXX.",
 "g": "A character of the source that XML cannot hold: its control picture as content (what a reader sees), @ref its declaration in charDecl (the code point the diplomatic text stands for).",
 "hi": "The source's light markup (\"_italics_\", \"*emphasis*\", \"<i>x</i>\", reST roles \":emphasis:`x`\", \":sup:`2`\"): @rend italic, bold, smallcaps, superscript or subscript; the markup characters stay inside, in c[@type=markup].",
 "list": "A numbered list printed inside a paragraph (lines opening \"1.\", \"2.\" ...; @type ordered): its items, with line and page marks between them.",
 "item": "An item of a numbered list: its number stays in the text, @n holds it.",
 "c": "Markup characters of the source (@type markup: the \"_\" of \"_italics_\", an HTML tag, the backslash of a Markdown escape): shown by the diplomatic view, left out of the reading view.",
 "fw": "Page furniture kept as printed (page dumps): @type header (running head), pageNum, sig, catch, blank (\"[Blank Page]\"), separator (a page dump's separator line) or markup (a proofreaders' marker line such as \"/P\" or \"P/\" around verse).",
 "lb": "The start of a source line in a page dump; @break no where a word divided at the line end goes on.",
}
missing = set(elements) - set(D)
assert not missing, f"no description in D for {sorted(missing)}"

A = {
 "xml:id": "the element's identifier, which pointers (#id) name",
 "xml:lang": "the language (BCP 47)",
 "type": "the kind of element; the values are listed",
 "n": "the number as printed",
 "target": "what it points to (#id, or a URL for licence)",
 "ref": "what it names (#id): a register entry, or for g its character declaration",
 "source": "the citation that gives the quotation's source (#id)",
 "when": "an ISO date (year, year-month or day)",
 "from": "start of a range (ISO date, or a page/volume/chapter number)",
 "to": "end of a range",
 "level": "the bibliographic level: m monograph, a analytic (article), j journal, s series, u unpublished",
 "unit": "the unit of the range",
 "resp": "who made the correction (#id of a respStmt or person)",
 "cert": "how certain the correction is",
 "role": "translator or editor",
 "place": "where a footnote is printed: at a page's foot, at a chapter's end, inline (an endnote has none: it stands in the back, where the source prints it)",
 "rend": "how the source sets it off: for hi the kind of emphasis; for quote indent (indented lines) or prefix (lines opening with \"> \")",
 "subtype": "for boilerplate, its kind: header, credits, licence, transcriber, advertisement, imprint, colophon, uncopyright, scans; for a register, persons or worksCited",
 "break": "no: the word divided at the line end goes on",
 "motivation": "why the annotation was made: editing",
 "function": "what the mark does",
 "status": "the status",
 "method": "how it is recorded: markup",
 "marks": "which quotation marks are kept",
 "ident": "the language tag",
 "who": "who made the change (#id)",
}

sch = etree.parse(f"{ROOT}/schemas/lefort-tei.sch")
nsmap = {"sch": SCH, "xsl": "http://www.w3.org/1999/XSL/Transform"}
E = lambda tag, **a: etree.Element(f"{{{TEI}}}{tag}", {k.replace("_", ":") if k == "xml_lang" else k: v for k, v in a.items()})

root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI, "sch": SCH, "xsl": "http://www.w3.org/1999/XSL/Transform", "rng": "http://relaxng.org/ns/structure/1.0"})
root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
hdr = etree.SubElement(root, f"{{{TEI}}}teiHeader")
fd = etree.SubElement(hdr, f"{{{TEI}}}fileDesc")
ts = etree.SubElement(fd, f"{{{TEI}}}titleStmt")
etree.SubElement(ts, f"{{{TEI}}}title").text = "lefort-tei: the TEI customisation of the lefort-tei editions"
etree.SubElement(ts, f"{{{TEI}}}author").text = "The lefort-tei contributors"
ps = etree.SubElement(fd, f"{{{TEI}}}publicationStmt")
etree.SubElement(ps, f"{{{TEI}}}p").text = "Part of lefort-tei, under the MIT licence (LICENSE)."
sd = etree.SubElement(fd, f"{{{TEI}}}sourceDesc")
etree.SubElement(sd, f"{{{TEI}}}p").text = "Written for lefort-tei. The grammar used to validate is schemas/lefort-tei.rng, the rules schemas/lefort-tei.sch; this ODD documents both and a test keeps them in agreement."
text = etree.SubElement(root, f"{{{TEI}}}text")
body = etree.SubElement(text, f"{{{TEI}}}body")
div = etree.SubElement(body, f"{{{TEI}}}div")
etree.SubElement(div, f"{{{TEI}}}head").text = "What this customisation is"
for t in [
  "lefort-tei turns a plain-text, often OCR'd, scholarly essay into a TEI P5 edition whose diplomatic text equals the source character for character; corrections and other editorial additions are only in corr, reg and the header or standOff. This customisation is a strict subset of TEI All: every element and attribute it allows exists in TEI with the same name, place and values, so every valid edition is valid against tei_all.rng.",
  "The grammar is written by hand in RELAX NG (schemas/lefort-tei.rng) and the rules a grammar cannot express in ISO Schematron (schemas/lefort-tei.sch). This ODD documents every element, attribute and rule; tests/test_odd.py checks that it names exactly the elements and attributes the RELAX NG allows and exactly the Schematron's rules, so neither can change without the other. It is not compiled: the RELAX NG stays the schema that validates. The reasons for each choice are in schemas/README.md.",
  "Attributes: only those listed for an element are allowed (every other attribute class of TEI is removed); where values are listed the list is closed."]:
    etree.SubElement(div, f"{{{TEI}}}p").text = t
spec = etree.SubElement(div, f"{{{TEI}}}schemaSpec", ident="lefort-tei", start="TEI", docLang="en")
for m, es in MODULES.items():
    used = [e for e in es.split() if e in elements]
    etree.SubElement(spec, f"{{{TEI}}}moduleRef", key=m, include=" ".join(sorted(used)))
for name in sorted(elements, key=str.lower):
    es = etree.SubElement(spec, f"{{{TEI}}}elementSpec", ident=name, module=module_of[name], mode="change")
    etree.SubElement(es, f"{{{TEI}}}desc", versionDate="2026-11-30").text = D[name]
    attrs = elements[name]
    if attrs:
        al = etree.SubElement(es, f"{{{TEI}}}attList")
        for a in sorted(attrs):
            ad = etree.SubElement(al, f"{{{TEI}}}attDef", ident=a, mode="change")
            etree.SubElement(ad, f"{{{TEI}}}desc", versionDate="2026-11-30").text = A.get(a, a)
            values = sorted(v for v in attrs[a] if v is not None)
            if values and None not in attrs[a]:
                vl = etree.SubElement(ad, f"{{{TEI}}}valList", type="closed", mode="add")
                for v in values:
                    etree.SubElement(vl, f"{{{TEI}}}valItem", ident=v)
# rules: the keys they look up, then one constraintSpec per assert
decl = etree.SubElement(spec, f"{{{TEI}}}constraintDecl", scheme="schematron", queryBinding="xslt")
for key in sch.getroot().iter("{http://www.w3.org/1999/XSL/Transform}key"):
    decl.append(etree.fromstring(etree.tostring(key)))
for rule in sch.iter(f"{{{SCH}}}rule"):
    for test in rule:
        if not isinstance(test.tag, str) or etree.QName(test).localname not in ("assert", "report"):
            continue
        cs = etree.SubElement(spec, f"{{{TEI}}}constraintSpec", ident=test.get("id"), scheme="schematron", mode="add")
        shown = etree.fromstring(etree.tostring(test))
        for v in list(shown.iter(f"{{{SCH}}}value-of", f"{{{SCH}}}name")):
            v.getparent().text = v.getparent().text or ""
            prev = v.getprevious()
            filler = "…" + (v.tail or "")
            if prev is not None:
                prev.tail = (prev.tail or "") + filler
            else:
                v.getparent().text += filler
            v.getparent().remove(v)
        msg = " ".join(etree.tostring(shown, method="text", encoding="unicode").split())
        etree.SubElement(cs, f"{{{TEI}}}desc", versionDate="2026-11-30").text = (
            ("A warning. " if test.get("role") == "warning" else "") + f"In {rule.get('context')}: {msg}")
        con = etree.SubElement(cs, f"{{{TEI}}}constraint")
        r = etree.SubElement(con, f"{{{SCH}}}rule", context=rule.get("context"))
        for let in rule.findall(f"{{{SCH}}}let"):
            r.append(etree.fromstring(etree.tostring(let)))
        t = etree.fromstring(etree.tostring(test))
        t.tail = None
        r.append(t)
etree.indent(root, space="  ")
data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
open(f"{ROOT}/schemas/lefort-tei.odd", "wb").write(data)
print(len(elements), "elements", sum(1 for _ in spec.iter(f"{{{TEI}}}constraintSpec")), "rules")
