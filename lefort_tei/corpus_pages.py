"""The corpus-level pages of the web edition, written once per build after every text's own pages.

In: the build manifest (``corpus.Manifest``: each text's title, author, counts, status and outputs)
and the site folder. Out: the site's shared assets; ``index.html`` (the site's own template,
``templates/site/site-index.html``), listing the editions whose pages exist, the first
``SITE_INDEX_LIMIT`` of them with a link to the rest; and, when the corpus has more than one
text, the corpus index ``corpus.html``, ``corpus-2.html``… (``templates/site/corpus-index.html``),
``PAGE_SIZE`` texts a page: title, author, notes and persons counts, validation status and links.
Rows are read from the manifest page by page, and a page is rendered only when what it shows
changed (a digest per page is kept in the manifest), so a corpus of any size costs bounded
memory and an unchanged one rewrites nothing. Every link to a text is URL-quoted. The per-text
pages come from ``render.site.build_edition``, in the workers.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote

from .io import write_atomic

CORPUS_INDEX_NAME = "corpus.html"
PAGE_SIZE = 500  # texts per corpus index page (about 150 KB of HTML)
SITE_INDEX_LIMIT = 1000  # editions listed on the site's index.html; the corpus index lists them all
DIGESTS_KEY = "index-digests"


def write_if_changed(path: Path, data: bytes) -> Path:
    """Rewrite a file only when its bytes change (an unchanged corpus touches nothing)."""
    if not (path.is_file() and path.read_bytes() == data):
        write_atomic(path, data, durable=False)
    return path


class IndexEntry(NamedTuple):
    """One text as the index pages show it (from its manifest row; stored there as a JSON list)."""

    name: str
    title: str
    author: str
    notes: int
    persons: int
    ok: bool
    source: str
    problem: str = ""  # the first error, without traceback or absolute path
    link: str | None = None  # its reading view, relative to the site and URL-quoted
    pdf: str | None = None
    home: str | None = None  # its edition's index.html
    lang: str = "en"
    licence: str = ""


def entry(row) -> IndexEntry:
    """A manifest row → what the indexes show. A failed text whose previous pages exist still
    links to them (a TEI is only replaced by a valid one; its pages are those of the last good one)."""
    info, outputs, name = row.info, row.outputs, row.name
    pdf = Path(info["pdf_path"]).name if info.get("pdf_path") else None
    edition = info.get("edition") or {}
    return IndexEntry(
        name=name, title=info.get("title") or name, author=info.get("author", ""), notes=info.get("notes", 0),
        persons=info.get("persons", 0), ok=row.status == "ok", source=Path(row.source).name,
        problem=info.get("problem", "") if row.status != "ok" else "",
        link=url(f"{name}/reading.html") if f"{name}/reading.html" in outputs else None,
        pdf=url(pdf) if pdf and pdf in outputs else None,
        home=url(f"{name}/index.html") if f"{name}/index.html" in outputs and edition else None,
        lang=edition.get("lang", "en"), licence=edition.get("licence", ""))


def url(relative: str) -> str:
    """A relative URL of our own output: "my essay/reading.html" → "my%20essay/reading.html";
    "javascript:x" → "javascript%3Ax" (a path, never a scheme)."""
    return quote(relative.replace(os.sep, "/"), safe="/")


def write_index_pages(manifest, site_dir: Path) -> list[Path]:
    """The assets, ``index.html`` and the corpus index pages, from the manifest's entries."""
    site_dir = Path(site_dir)
    digests = json.loads(manifest.meta(DIGESTS_KEY) or "{}")
    written = write_assets(site_dir)
    total, valid = manifest.counts()
    editions = (e for e in map(_entry, manifest.entries()) if e.home)
    written.append(write_site_index(editions, total, site_dir, digests))
    if total > 1:
        written += write_corpus_index(manifest.entries(), total, valid, site_dir, digests)
    else:
        remove_corpus_pages(site_dir, 1, digests)
    manifest.set_meta(DIGESTS_KEY, json.dumps(digests, sort_keys=True))
    return written


def write_assets(site_dir: Path) -> list[Path]:
    from .render.site import ASSETS, SITE_TEMPLATES

    return [write_if_changed(site_dir / "assets" / a, (SITE_TEMPLATES / "static" / a).read_bytes()) for a in ASSETS]


def _entry(value: IndexEntry | str) -> IndexEntry:
    return IndexEntry(*json.loads(value)) if isinstance(value, str) else value


def _json(value: IndexEntry | str) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _write_page(path: Path, digest: str, digests: dict, render) -> Path:
    """Render and write a page unless the manifest says it already shows exactly this."""
    if digests.get(path.name) != digest or not path.is_file():
        write_if_changed(path, render().encode("utf-8"))
        digests[path.name] = digest
    return path


def write_site_index(editions: Iterable[IndexEntry], total: int, site_dir: Path, digests: dict | None = None) -> Path:
    """The site's ``index.html``: the first ``SITE_INDEX_LIMIT`` editions whose pages exist."""
    from .render.site import Edition, render_site_index

    listed = list(islice(editions, SITE_INDEX_LIMIT))
    more = total - len(listed) if total > len(listed) and len(listed) == SITE_INDEX_LIMIT else 0

    def render() -> str:
        shown = [Edition(e.name, e.title, e.author, e.lang, e.licence, Path(e.name)) for e in listed]
        pdf_links = {e.name: unquote(e.pdf) for e in listed if e.pdf}  # the template quotes them
        return render_site_index(shown, pdf_links, more=more, corpus_index=CORPUS_INDEX_NAME if more else None)

    return _write_page(site_dir / "index.html", _digest("site", listed, more), {} if digests is None else digests,
                       render)


def page_name(number: int) -> str:
    return CORPUS_INDEX_NAME if number == 1 else f"corpus-{number}.html"


def write_corpus_index(entries: Iterable[IndexEntry | str], total: int, valid: int, site_dir: Path,
                       digests: dict | None = None, page_size: int = PAGE_SIZE) -> list[Path]:
    """``corpus.html``, ``corpus-2.html``…: ``page_size`` texts a page, with the totals and links
    to every page; only the pages whose content changed are rendered."""
    from .render.site import environment

    digests = {} if digests is None else digests
    site_dir = Path(site_dir)
    pages = max(1, -(-total // page_size))
    links = [(n, page_name(n)) for n in range(1, pages + 1)]
    env = None
    written = []
    for number, chunk in enumerate(_chunks(map(_json, entries), page_size), 1):
        def render(chunk=chunk, number=number) -> str:
            nonlocal env
            env = env or environment()
            return env.get_template("corpus-index.html").render(
                rows=[_entry(e) for e in chunk], total=total, valid=valid, page=number, pages=links,
                first=(number - 1) * page_size + 1, root="", lang="en")

        digest = _digest("corpus", chunk, total, valid, number, pages)
        written.append(_write_page(site_dir / page_name(number), digest, digests, render))
    remove_corpus_pages(site_dir, len(written) + 1, digests)
    return written


def remove_corpus_pages(site_dir: Path, first: int, digests: dict) -> None:
    """Pages beyond the last one (the corpus shrank)."""
    number = max(first, 2)
    while (path := site_dir / page_name(number)).is_file() or path.name in digests:
        path.unlink(missing_ok=True)
        digests.pop(path.name, None)
        number += 1
    if first <= 1:
        (site_dir / CORPUS_INDEX_NAME).unlink(missing_ok=True)
        digests.pop(CORPUS_INDEX_NAME, None)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
