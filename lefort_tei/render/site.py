"""The static web edition: TEI files → a folder of HTML pages that open from the file system.

In: TEI files (each an edition, named by its file stem), a site folder, and optionally the PDF of
each edition (``pdf_links``: edition name → path of its PDF relative to the site folder).
Out: the written files, in a stable order: ``index.html`` (the editions), ``assets/``, and per
edition ``NAME/`` with the pages of ``PAGES`` and a copy of the TEI (``NAME/NAME.xml``), whose
``xml-model`` links point to the schemas published in ``schemas/``.
The XSLT views give the HTML fragments (``xslt.py``); jinja2 (autoescape on) adds the chrome.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import lxml.html
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..encode.tei import TEI_NS, relinked_bytes
from ..io import make_folder, write_atomic
from ..resources import FONTS_DIR, PUBLISHED_SCHEMAS, TEMPLATES_DIR, publish_schemas, schema_hrefs
from .xslt import Stylesheets

SITE_TEMPLATES = TEMPLATES_DIR / "site"
# A web address we publish in links and citation records: "https://example.org/editions/"
WEB_ADDRESS = re.compile(r"^https?://[^\s/?#\\]+[^\s\\]*$", re.IGNORECASE)
ASSETS = ("style.css", "site.js", "favicon.svg")
# The web font (style.css's @font-face): EB Garamond's regular optical size, with its licence.
FONT_ASSETS = ("EBGaramond12-Regular.otf", "EBGaramond12-Italic.otf", "EBGaramond12-Bold.otf", "OFL.txt")
REGISTER_LINKS = {"text-page": "reading.html", "notes-page": "reading.html"}


@dataclass(frozen=True, slots=True)
class Page:
    name: str  # the file is NAME.html
    label: str  # in the navigation and the <title>
    view: str | None  # the stylesheet; None: the page is built from two views (parallel)
    fragment: str = "text"
    params: tuple[tuple[str, str], ...] = ()
    own_h1: bool = False  # the fragment brings its h1 (the text's title page)


PAGES = (
    Page("index", "About this edition", "reading", "about"),
    Page("reading", "Reading text", "reading", own_h1=True),
    Page("diplomatic", "Diplomatic text", "diplomatic", own_h1=True),
    Page("parallel", "Parallel view", None),
    Page("persons", "Persons", "reading", "persons", tuple(REGISTER_LINKS.items())),
    Page("works", "Works cited", "reading", "works", tuple(REGISTER_LINKS.items())),
    Page("notes", "Notes", "reading", "notes", (("text-page", "reading.html"),)),
    Page("corrections", "Corrections", "reading", "corrections", tuple(REGISTER_LINKS.items())),
)

# The parallel view: which stylesheet fills each column, with its id prefix (ids stay unique).
COLUMNS = (("diplomatic", "d-"), ("reading", "r-"))


@dataclass(frozen=True, slots=True)
class Edition:
    name: str
    title: str
    author: str
    lang: str
    licence: str
    tei: Path
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()  # the names of the first responsibility statement (the editors)
    date: str = ""  # ISO date of the edition (publicationStmt/date/@when)
    publisher: str = ""
    licence_url: str = ""
    url: str = ""  # the web address of the edition's folder, ending in "/"; "" = not known

    def page_url(self, page: str) -> str:
        return f"{self.url}{page}" if self.url else ""


def read_edition(tei_path: Path, base_url: str | None = None) -> Edition:
    """The header facts the page chrome and the citation records need, read with lxml.

    The edition's web address is ``base_url`` (the site's, from ``lefort-tei site --base-url``)
    followed by the edition's folder, or else the header's ``publicationStmt/idno[@type='URL']``
    (the data file's ``[edition] url``); only an http(s) address is taken."""
    from ..validate import parse_tei  # safe: no DTD, no entities, no network

    root = parse_tei(tei_path).getroot()
    ns = {"t": TEI_NS}

    def text(xpath: str) -> str:
        found = root.xpath(xpath, namespaces=ns)
        return _folded(found[0]) if found else ""

    title = text("t:teiHeader//t:titleStmt/t:title[@type='main']") or text("t:teiHeader//t:titleStmt/t:title")
    authors = tuple(_folded(a) for a in root.xpath("t:teiHeader//t:titleStmt/t:author", namespaces=ns))
    editors = tuple(_folded(n) for n in root.xpath("t:teiHeader//t:titleStmt/t:respStmt[1]/t:name", namespaces=ns))
    dates = root.xpath("t:teiHeader//t:publicationStmt/t:date/@when", namespaces=ns)
    licence_urls = root.xpath("t:teiHeader//t:availability/t:licence/@target", namespaces=ns)
    url = edition_url(tei_path.stem, base_url, text("t:teiHeader//t:publicationStmt/t:idno[@type='URL']"))
    return Edition(name=tei_path.stem, title=title or tei_path.stem, author=" and ".join(authors),
                   lang=root.get("{http://www.w3.org/XML/1998/namespace}lang") or "en",
                   licence=text("t:teiHeader//t:availability"), tei=tei_path, authors=authors, editors=editors,
                   date=str(dates[0]) if dates else "", publisher=text("t:teiHeader//t:publicationStmt/t:publisher"),
                   licence_url=_web_url(str(licence_urls[0])) if licence_urls else "", url=url)


def edition_url(name: str, base_url: str | None, declared: str) -> str:
    """The edition folder's address: the site's base URL + the folder, else the declared one, else ""."""
    if base_url and _web_url(base_url):
        return base_url.rstrip("/") + "/" + quote(name, safe="") + "/"
    if declared and _web_url(declared):
        return declared if declared.endswith("/") else declared + "/"
    return ""


def _web_url(url: str) -> str:
    """``url`` if it is an http(s) address without white space, else ""."""
    return url if WEB_ADDRESS.match(url) else ""


def _folded(element) -> str:
    return " ".join("".join(element.itertext()).split())


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(SITE_TEMPLATES)), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["urlpath"] = url_path
    return env


def url_path(path: str | None) -> str:
    """A relative path of our own outputs as a URL: each segment quoted, so a file named
    "javascript:alert(1).txt" links to "javascript%3Aalert%281%29/…", never to a scheme."""
    return "/".join(quote(segment, safe="") for segment in str(path or "").split("/"))


def build_site(tei_paths: list[Path], site_dir: Path, pdf_links: dict[str, str] | None = None,
               base_url: str | None = None) -> list[Path]:
    """Build the whole site for one or many editions; return the files written, in order.

    ``base_url``: the site's web address, for stable citation URLs and the pages' metadata."""
    site_dir = Path(site_dir)
    sheets, env = Stylesheets(), environment()
    editions = [read_edition(Path(p), base_url) for p in tei_paths]
    written: list[Path] = []
    for asset in ASSETS:
        target = site_dir / "assets" / asset  # atomic: a full disk never leaves half an asset
        write_atomic(target, (SITE_TEMPLATES / "static" / asset).read_bytes(), durable=False)
        written.append(target)
    for font in FONT_ASSETS:
        target = site_dir / "assets" / "fonts" / font
        write_atomic(target, (FONTS_DIR / font).read_bytes(), durable=False)
        written.append(target)
    written += [site_dir / "schemas" / name for name in PUBLISHED_SCHEMAS]  # by build_edition
    search_blocks: list[dict] = []
    for number, edition in enumerate(editions):
        written += build_edition(edition, site_dir, sheets, env, (pdf_links or {}).get(edition.name),
                                 search_blocks, number)
    written.append(_write(site_dir / "assets" / "search-index.js", search_index(editions, search_blocks)))
    written.append(_write(site_dir / "index.html",
                          render_site_index(editions, pdf_links, env)))  # the template quotes the paths
    return written


def render_site_index(editions: list[Edition], pdf_links: dict[str, str] | None = None,
                      env: Environment | None = None, more: int = 0, corpus_index: str | None = None) -> str:
    """The site's ``index.html``: every edition, its reading text and its PDF (paths relative to the
    site, URL-quoted); ``more`` editions not listed are found on the ``corpus_index`` page."""
    return (env or environment()).get_template("site-index.html").render(
        editions=editions, root="", lang=_common_lang(editions), pdf_links=pdf_links or {}, more=more,
        corpus_index=corpus_index)


def build_edition(edition: Edition, site_dir: Path, sheets: Stylesheets, env: Environment,
                  pdf: str | None = None, search_blocks: list[dict] | None = None, number: int = 0) -> list[Path]:
    """One edition's folder; its blocks for the site's search are added to ``search_blocks``."""
    folder = make_folder(site_dir / edition.name)
    from ..validate import parse_tei  # safe: no DTD, no entities, no network

    tei_copy = folder / f"{edition.name}.xml"
    publish_schemas(site_dir / "schemas")  # idempotent and atomic: parallel builds may share it
    # the copy names the schemas the site publishes in SITE/schemas/ (see build_site)
    write_atomic(tei_copy, relinked_bytes(parse_tei(edition.tei).getroot(), *schema_hrefs(tei_copy)))
    written = [tei_copy]
    csl, bib = folder / f"{edition.name}.json", folder / f"{edition.name}.bib"
    written += [_write(csl, csl_json(edition)), _write(bib, bibtex(edition))]
    downloads = {
        "tei": tei_copy.name,
        "tei_kb": max(1, round(tei_copy.stat().st_size / 1024)),
        "pdf": posixpath.relpath(pdf, edition.name) if pdf else None,
        "csl": csl.name,
        "bib": bib.name,
    }
    nav = [(page.name + ".html", page.label) for page in PAGES]
    document = sheets.parse(edition.tei)  # parsed once for all the pages' transformations
    for page in PAGES:
        context = {"edition": edition, "page": page, "nav": nav, "root": "../", "lang": edition.lang,
                   "downloads": downloads}
        if page.view is None:
            context["rows"] = parallel_rows(sheets, document)
            if search_blocks is not None:
                search_blocks += search_entries(context["rows"], number)
            html = env.get_template("parallel.html").render(**context)
        else:
            params = dict(page.params) | {"edition-url": edition.url}
            fragment = sheets.transform(document, page.view, page.fragment, params, path_hint=str(edition.tei))
            html = env.get_template("page.html").render(fragment=Markup(fragment), **context)
        written.append(_write(folder / f"{page.name}.html", html))
    return written


def search_entries(rows: list[Row], edition: int) -> list[dict]:
    """The blocks of one edition for the site's search: the reading text of each block, and the
    diplomatic text where it differs (so a search for a misprint finds the corrected passage)."""
    entries = []
    for row in rows:
        reading = _plain_text(row.reading)
        entry = {"e": edition, "k": row.key, "r": reading}
        if row.differs:
            diplomatic = _plain_text(row.diplomatic)
            if diplomatic != reading:
                entry["d"] = diplomatic
        entries.append(entry)
    return entries


def search_index(editions: list[Edition], blocks: list[dict]) -> str:
    """``assets/search-index.js``: every edition's blocks, as a script (a page opened from the file
    system may load a script, not fetch a JSON file). Escaped as JSON with ASCII only."""
    data = {"editions": [{"n": e.name, "t": e.title, "a": e.author} for e in editions], "blocks": blocks}
    return ("/* lefort-tei: the search index of this site (generated; see site.js) */\n"
            "window.lefortSearchIndex = " + json.dumps(data, ensure_ascii=True, separators=(",", ":")) + ";\n")


def _plain_text(markup: Markup) -> str:
    element = lxml.html.fragment_fromstring(str(markup))
    for number in element.xpath(".//*[contains(concat(' ', @class, ' '), ' pnum ')]"
                                " | .//*[contains(concat(' ', @class, ' '), ' note-number ')]"
                                " | .//a[contains(concat(' ', @class, ' '), ' note-ref ')]"):
        number.drop_tree()  # paragraph numbers and note calls are not words of the text
    return " ".join(element.text_content().replace("\u2060", "").split())


def csl_json(edition: Edition) -> str:
    """The edition's citation record in CSL-JSON (Zotero, Pandoc, citeproc): a list of one item."""
    item: dict = {"id": edition.name, "type": "document", "title": edition.title, "genre": "TEI P5 edition"}
    if edition.authors:
        item["author"] = [{"literal": a} for a in edition.authors]
    if edition.editors:
        item["editor"] = [{"literal": e} for e in edition.editors]
    parts = [int(x) for x in edition.date.split("-")[:3] if x.isdigit()] if ISO_DATE.match(edition.date) else []
    if parts:
        item["issued"] = {"date-parts": [parts]}
    if edition.publisher:
        item["publisher"] = edition.publisher
    if edition.url:
        item["URL"] = edition.url
    if edition.licence:
        item["license"] = edition.licence
    item["language"] = edition.lang
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def bibtex(edition: Edition) -> str:
    """The edition's citation record in BibTeX (@misc; biblatex reads ``date`` and ``url``)."""
    fields = [("author", " and ".join(edition.authors)), ("editor", " and ".join(edition.editors)),
              ("title", "{" + _bibtex_escape(edition.title) + "}"), ("howpublished", "TEI P5 edition"),
              ("publisher", edition.publisher), ("year", edition.date[:4] if ISO_DATE.match(edition.date) else ""),
              ("date", edition.date if ISO_DATE.match(edition.date) else ""), ("url", edition.url),
              ("note", f"Licence: {edition.licence}" if edition.licence else ""), ("langid", edition.lang)]
    key = re.sub(r"[^A-Za-z0-9_-]", "", edition.name) or "edition"
    lines = [f"@misc{{{key},"]
    for name, value in fields:
        if value:
            value = value if name in ("title", "url") else _bibtex_escape(value)
            lines.append(f"  {name} = {{{value}}},")
    return "\n".join(lines) + "\n}\n"


ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")  # an edition date: "2026-11-25", "2026-11", "2026"
BIBTEX_SPECIAL = re.compile(r"[\\{}%&$#_^~]")  # characters BibTeX reads as commands: "R&D" → "R\&D"


def _bibtex_escape(text: str) -> str:
    words = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
    return BIBTEX_SPECIAL.sub(lambda m: words.get(m.group(), "\\" + m.group()), text)


@dataclass(frozen=True, slots=True)
class Row:
    key: str  # the TEI xml:id of the block: the row's stable anchor
    diplomatic: Markup
    reading: Markup
    differs: bool  # the block holds at least one correction
    inner: tuple[str, ...] = ()  # paired blocks inside this one (a quotation's paragraphs): anchors too


def parallel_rows(sheets: Stylesheets, tei) -> list[Row]:
    """Pair the diplomatic and the reading blocks by their TEI xml:id (``data-pair``).

    The title page is the first row; its title is not a second ``h1`` (the page has its own).
    A block paired inside a row (a paragraph of a block quotation) keeps its anchor: the row
    carries its key, so ``parallel.html#p12`` lands on the row that holds paragraph 12."""
    columns = []
    for view, prefix in COLUMNS:
        fragment = lxml.html.fragment_fromstring(sheets.transform(tei, view, "text", {"id-prefix": prefix}))
        for h1 in fragment.iter("h1"):
            h1.tag = "p"
        if view == "diplomatic":  # the reading column has the same links: one tab stop each
            for element in fragment.xpath("//a | //*[@tabindex]"):
                if element.tag == "a":
                    element.set("tabindex", "-1")
                else:
                    del element.attrib["tabindex"]
        blocks = fragment.xpath("//*[@data-pair][not(ancestor::*[@data-pair])]")
        columns.append({b.get("data-pair"): b for b in blocks})
    diplomatic, reading = columns
    rows = []
    for key, block in reading.items():
        other = diplomatic.get(key)
        if other is None:
            continue
        inner = tuple(dict.fromkeys(k for k in block.xpath(".//*/@data-pair") if k != key))
        rows.append(Row(key, _markup(other), _markup(block), bool(block.xpath(".//*[contains(@class, 'choice')]")),
                        inner))
    return rows


def _markup(element) -> Markup:
    return Markup(lxml.html.tostring(element, encoding="unicode", with_tail=False))


def _common_lang(editions: list[Edition]) -> str:
    langs = {e.lang for e in editions}
    return langs.pop() if len(langs) == 1 else "en"


def _write(path: Path, text: str) -> Path:
    # Pages are regenerated from the TEI: atomic (never half-written), but not fsynced one by one.
    write_atomic(path, text.encode("utf-8"), durable=False)
    return path
