"""The corpus-level pages of the web edition, written once per build after every text's own pages.

In: the corpus build's ``TextResult``s (their manifest entries carry title, author, counts,
outputs) and the site folder. Out: the site's shared assets and ``index.html`` (the site's own
template, ``templates/site/site-index.html``, listing the editions whose pages were built), and
``corpus.html``: every text with its title, author, notes and persons counts, validation status
and links. The per-text pages come from ``render.site.build_edition``, in the workers.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment

from .io import write_atomic

CORPUS_INDEX_NAME = "corpus.html"
CORPUS_INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Corpus: {{ rows|length }} texts</title>
<link rel="stylesheet" href="assets/style.css">
<style>table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #ccc}td.n{text-align:right}.failed{color:#a00}</style></head>
<body><main><h1>Corpus: {{ rows|length }} texts</h1>
<p>{{ valid }} valid, {{ rows|length - valid }} failed. <a href="index.html">The editions</a>.</p>
<table><thead><tr><th>Edition</th><th>Author</th><th>Notes</th><th>Persons</th><th>Status</th><th>Source</th></tr></thead>
<tbody>{% for r in rows %}<tr id="{{ r.name }}">
<td>{% if r.link %}<a href="{{ r.link }}">{{ r.title }}</a>{% else %}{{ r.title }}{% endif %}</td>
<td>{{ r.author }}</td><td class="n">{{ r.notes }}</td><td class="n">{{ r.persons }}</td>
{% if r.ok %}<td>valid</td>{% else %}<td class="failed">failed: {{ r.problem }}</td>{% endif %}
<td><code>{{ r.source }}</code>{% if r.pdf %} · <a href="{{ r.pdf }}">PDF</a>{% endif %}</td>
</tr>{% endfor %}</tbody></table></main></body></html>
"""


def write_if_changed(path: Path, data: bytes) -> Path:
    """Rewrite a file only when its bytes change (an unchanged corpus touches nothing)."""
    if not (path.is_file() and path.read_bytes() == data):
        write_atomic(path, data)
    return path


def write_site_index(results: list, site_dir: Path) -> list[Path]:
    """The assets and the site's ``index.html``, for the texts whose pages exist."""
    from .render.site import ASSETS, SITE_TEMPLATES, Edition, environment

    site_dir = Path(site_dir)
    written = [write_if_changed(site_dir / "assets" / a, (SITE_TEMPLATES / "static" / a).read_bytes()) for a in ASSETS]
    editions = [Edition(r.name, r.info.get("title") or r.name, r.info.get("author", ""),
                        r.info["edition"]["lang"], r.info["edition"]["licence"], Path(r.tei_path))
                for r in results if r.ok and "site_key" in r.info]
    langs = {e.lang for e in editions}
    pdf_links = {r.name: _relative(Path(r.info["pdf_path"]), site_dir) for r in results
                 if r.ok and r.info.get("pdf_path")}  # for the template to link, as the pages do
    html = environment().get_template("site-index.html").render(
        editions=editions, root="", lang=langs.pop() if len(langs) == 1 else "en", pdf_links=pdf_links)
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
    page = Environment(autoescape=True).from_string(CORPUS_INDEX_TEMPLATE).render(
        rows=rows, valid=sum(r.ok for r in results))
    return write_if_changed(site_dir / CORPUS_INDEX_NAME, page.encode("utf-8"))


def _relative(path: Path, site_dir: Path) -> str:
    """A relative URL: "my essay/reading.html" → "my%20essay/reading.html"."""
    return quote(os.path.relpath(path, site_dir).replace(os.sep, "/"))
