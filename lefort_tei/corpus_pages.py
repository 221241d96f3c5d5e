"""The corpus-level pages of the web edition, written once per build after every text's own pages.

In: the corpus build's ``TextResult``s (their manifest entries carry title, author, counts,
outputs) and the site folder. Out: the site's shared assets and ``index.html`` (the site's own
template, ``templates/site/site-index.html``, listing the editions whose pages were built), and
``corpus.html`` (``templates/site/corpus-index.html``): every text with its title, author, notes and persons counts, validation status
and links. The per-text pages come from ``render.site.build_edition``, in the workers.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from .io import write_atomic

CORPUS_INDEX_NAME = "corpus.html"


def write_if_changed(path: Path, data: bytes) -> Path:
    """Rewrite a file only when its bytes change (an unchanged corpus touches nothing)."""
    if not (path.is_file() and path.read_bytes() == data):
        write_atomic(path, data)
    return path


def write_site_index(results: list, site_dir: Path) -> list[Path]:
    """The assets and the site's ``index.html``, for the texts whose pages exist."""
    from .render.site import ASSETS, SITE_TEMPLATES, Edition, render_site_index

    site_dir = Path(site_dir)
    written = [write_if_changed(site_dir / "assets" / a, (SITE_TEMPLATES / "static" / a).read_bytes()) for a in ASSETS]
    editions = [Edition(r.name, r.info.get("title") or r.name, r.info.get("author", ""),
                        r.info["edition"]["lang"], r.info["edition"]["licence"], Path(r.tei_path))
                for r in results if r.ok and "site_key" in r.info]
    pdf_links = {r.name: os.path.relpath(r.info["pdf_path"], site_dir).replace(os.sep, "/") for r in results
                 if r.ok and r.info.get("pdf_path")}
    html = render_site_index(editions, pdf_links)
    written.append(write_if_changed(site_dir / "index.html", html.encode("utf-8")))
    return written


def write_corpus_index(results: list, site_dir: Path) -> Path:
    """One row per text: title, author, notes and persons counts, validation status, links."""
    site_dir = Path(site_dir)
    rows = []
    for r in results:
        first_error = next((d for d in r.diagnostics if d.level == "error"), None)
        reading = site_dir / r.name / "reading.html"
        rows.append({"name": r.name, "title": r.info.get("title") or r.name, "author": r.info.get("author", ""),
                     "notes": r.info.get("notes", 0), "persons": r.info.get("persons", 0), "ok": r.ok,
                     "source": Path(r.text_path).name,
                     "problem": f"{first_error.message} [{first_error.code}]" if first_error else "",
                     "link": _relative(reading, site_dir) if r.ok and str(reading) in r.info.get("site_files", {})
                     else None,
                     "pdf": _relative(Path(r.info["pdf_path"]), site_dir) if r.ok and r.info.get("pdf_path") else None})
    from .render.site import environment

    page = environment().get_template("corpus-index.html").render(
        rows=rows, valid=sum(r.ok for r in results), root="", lang="en")
    return write_if_changed(site_dir / CORPUS_INDEX_NAME, page.encode("utf-8"))


def _relative(path: Path, site_dir: Path) -> str:
    """A relative URL: "my essay/reading.html" → "my%20essay/reading.html"."""
    return quote(os.path.relpath(path, site_dir).replace(os.sep, "/"))
