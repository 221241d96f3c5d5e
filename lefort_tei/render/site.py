"""The static web edition: TEI files → a folder of HTML pages that open from the file system.

In: TEI files (each an edition, named by its file stem), a site folder, and optionally the PDF of
each edition (``pdf_links``: edition name → path of its PDF relative to the site folder).
Out: the written files, in a stable order: ``index.html`` (the editions), ``assets/``, and per
edition ``NAME/`` with the pages of ``PAGES`` and a copy of the TEI (``NAME/NAME.xml``).
The XSLT views give the HTML fragments (``xslt.py``); jinja2 (autoescape on) adds the chrome.
"""

from __future__ import annotations

import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import lxml.html
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..encode.tei import TEI_NS
from ..io import write_atomic
from ..resources import TEMPLATES_DIR
from .xslt import Stylesheets

SITE_TEMPLATES = TEMPLATES_DIR / "site"
ASSETS = ("style.css", "site.js", "favicon.svg")
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


def read_edition(tei_path: Path) -> Edition:
    """The few header facts the page chrome needs, read with lxml."""
    from ..validate import parse_tei  # safe: no DTD, no entities, no network

    root = parse_tei(tei_path).getroot()
    ns = {"t": TEI_NS}

    def text(xpath: str) -> str:
        found = root.xpath(xpath, namespaces=ns)
        return " ".join("".join(found[0].itertext()).split()) if found else ""

    title = text("t:teiHeader//t:titleStmt/t:title[@type='main']") or text("t:teiHeader//t:titleStmt/t:title")
    authors = [" ".join("".join(a.itertext()).split())
               for a in root.xpath("t:teiHeader//t:titleStmt/t:author", namespaces=ns)]
    return Edition(name=tei_path.stem, title=title or tei_path.stem, author=" and ".join(authors),
                   lang=root.get("{http://www.w3.org/XML/1998/namespace}lang") or "en",
                   licence=text("t:teiHeader//t:availability"), tei=tei_path)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(SITE_TEMPLATES)), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["urlpath"] = url_path
    return env


def url_path(path: str | None) -> str:
    """A relative path of our own outputs as a URL: each segment quoted, so a file named
    "javascript:alert(1).txt" links to "javascript%3Aalert%281%29/…", never to a scheme."""
    return "/".join(quote(segment, safe="") for segment in str(path or "").split("/"))


def build_site(tei_paths: list[Path], site_dir: Path, pdf_links: dict[str, str] | None = None) -> list[Path]:
    """Build the whole site for one or many editions; return the files written, in order."""
    site_dir = Path(site_dir)
    sheets, env = Stylesheets(), environment()
    editions = [read_edition(Path(p)) for p in tei_paths]
    written: list[Path] = []
    for asset in ASSETS:
        target = site_dir / "assets" / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SITE_TEMPLATES / "static" / asset, target)
        written.append(target)
    for edition in editions:
        written += build_edition(edition, site_dir, sheets, env, (pdf_links or {}).get(edition.name))
    written.append(_write(site_dir / "index.html", render_site_index(editions, pdf_links, env)))
    return written


def render_site_index(editions: list[Edition], pdf_links: dict[str, str] | None = None,
                      env: Environment | None = None, more: int = 0, corpus_index: str | None = None) -> str:
    """The site's ``index.html``: every edition, its reading text and its PDF (paths relative to the
    site, URL-quoted); ``more`` editions not listed are found on the ``corpus_index`` page."""
    return (env or environment()).get_template("site-index.html").render(
        editions=editions, root="", lang=_common_lang(editions), pdf_links=pdf_links or {}, more=more,
        corpus_index=corpus_index)


def build_edition(edition: Edition, site_dir: Path, sheets: Stylesheets, env: Environment,
                  pdf: str | None = None) -> list[Path]:
    folder = site_dir / edition.name
    folder.mkdir(parents=True, exist_ok=True)
    tei_copy = folder / f"{edition.name}.xml"
    write_atomic(tei_copy, edition.tei.read_bytes())
    written = [tei_copy]
    downloads = {
        "tei": tei_copy.name,
        "tei_kb": max(1, round(tei_copy.stat().st_size / 1024)),
        "pdf": posixpath.relpath(pdf, edition.name) if pdf else None,
    }
    nav = [(page.name + ".html", page.label) for page in PAGES]
    document = sheets.parse(edition.tei)  # parsed once for all the pages' transformations
    for page in PAGES:
        context = {"edition": edition, "page": page, "nav": nav, "root": "../", "lang": edition.lang,
                   "downloads": downloads}
        if page.view is None:
            context["rows"] = parallel_rows(sheets, document)
            html = env.get_template("parallel.html").render(**context)
        else:
            fragment = sheets.transform(document, page.view, page.fragment, dict(page.params),
                                        path_hint=str(edition.tei))
            html = env.get_template("page.html").render(fragment=Markup(fragment), **context)
        written.append(_write(folder / f"{page.name}.html", html))
    return written


@dataclass(frozen=True, slots=True)
class Row:
    key: str  # the TEI xml:id of the block: the row's stable anchor
    diplomatic: Markup
    reading: Markup
    differs: bool  # the block holds at least one correction


def parallel_rows(sheets: Stylesheets, tei) -> list[Row]:
    """Pair the diplomatic and the reading blocks by their TEI xml:id (``data-pair``)."""
    columns = []
    for view, prefix in COLUMNS:
        fragment = lxml.html.fragment_fromstring(sheets.transform(tei, view, "text", {"id-prefix": prefix}))
        blocks = fragment.xpath("//*[@data-pair][not(ancestor::*[@data-pair])][@data-pair != 'title-page']")
        columns.append({b.get("data-pair"): b for b in blocks})
    diplomatic, reading = columns
    rows = []
    for key, block in reading.items():
        other = diplomatic.get(key)
        if other is None:
            continue
        rows.append(Row(key, _markup(other), _markup(block), bool(block.xpath(".//*[contains(@class, 'choice')]"))))
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
