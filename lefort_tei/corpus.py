"""The corpus engine: a folder of texts → validated TEI, PDFs and the web edition, in parallel
and incrementally.

In: the text paths and ``BuildOptions``. Out: the files written and a ``CorpusReport`` (one
``TextResult`` per text, sorted by name). The manifest ``TEI_DIR/.lefort-build.json`` records,
per text, a content hash of its inputs (source bytes, data-file bytes, the toolkit's fingerprint)
and of its outputs; a text whose inputs are unchanged and whose outputs are intact is skipped.
Each worker process converts one text at a time and compiles schemas and stylesheets once
(``init_worker``); only small results travel back. Nothing here prints: ``commands/build.py`` does.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .diagnostics import EXIT_EDITION, EXIT_OK, EXIT_TOOL, Diagnostic, LefortError, error
from .io import write_atomic
from .resources import SCHEMAS_DIR, XSLT_DIR

MANIFEST_NAME = ".lefort-build.json"
MANIFEST_FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parent
TEI_NS = "http://www.tei-c.org/ns/1.0"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    tei_dir: Path
    site_dir: Path
    jobs: int = 1
    site: bool = True
    pdf: bool = True
    force: bool = False


@dataclass(slots=True)
class TextJob:
    """What one worker must do for one text: the TEI, the PDF, or both."""

    name: str
    text_path: str
    data_path: str | None
    tei_path: str
    key: str  # content hash of the inputs
    make_tei: bool
    pdf_path: str | None  # None: no PDF wanted or it is up to date


@dataclass(slots=True)
class TextResult:
    name: str
    text_path: str
    tei_path: str
    status: str  # "built" | "unchanged" | "failed"
    key: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    title: str = ""
    author: str = ""
    notes: int = 0
    persons: int = 0
    tei_sha256: str = ""
    pdf_path: str = ""
    pdf_sha256: str = ""
    pdf_failed: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass(slots=True)
class CorpusReport:
    results: list[TextResult]
    site_files: list[Path] = field(default_factory=list)
    site_diagnostics: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def exit_code(self) -> int:
        if any(not r.ok for r in self.results):
            return EXIT_EDITION
        if self.site_diagnostics or any(r.pdf_failed for r in self.results):
            return EXIT_TOOL
        return EXIT_OK


# ---------------------------------------------------------------- hashing and the manifest

def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def toolkit_fingerprint(roots: tuple[Path, ...] = (PACKAGE_DIR, XSLT_DIR, SCHEMAS_DIR)) -> str:
    """A hash of everything in the toolkit that shapes an output: code, templates, XSLT, schemas."""
    h = hashlib.sha256(f"lefort-tei {__version__}\n".encode())
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                           and p.suffix not in (".pyc", ".pyo")):
            h.update(f"{root.name}/{path.relative_to(root).as_posix()}\n".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def input_key(text_path: Path, data_path: Path | None, tei_path: Path, toolkit: str) -> str:
    h = hashlib.sha256(toolkit.encode())
    h.update(sha256_file(text_path).encode())
    h.update(sha256_file(data_path).encode() if data_path else b"no-data")
    # the TEI's xml-model links are relative to where it is written
    h.update(os.path.relpath(SCHEMAS_DIR, tei_path.resolve().parent).encode())
    return h.hexdigest()


def load_manifest(tei_dir: Path) -> dict:
    try:
        manifest = json.loads((tei_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"format": MANIFEST_FORMAT, "texts": {}}
    if manifest.get("format") != MANIFEST_FORMAT or not isinstance(manifest.get("texts"), dict):
        return {"format": MANIFEST_FORMAT, "texts": {}}
    return manifest


def save_manifest(tei_dir: Path, manifest: dict) -> None:
    data = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    write_if_changed(tei_dir / MANIFEST_NAME, data.encode("utf-8"))


def write_if_changed(path: Path, data: bytes) -> None:
    if not (path.is_file() and path.read_bytes() == data):
        write_atomic(path, data)


def _intact(path: str | None, sha: str | None) -> bool:
    return bool(path and sha and Path(path).is_file() and sha256_file(path) == sha)


# ---------------------------------------------------------------- planning

def plan(texts: Iterable[Path], opts: BuildOptions, manifest: dict,
         toolkit: str) -> tuple[list[TextJob], list[TextResult]]:
    """Split the texts into jobs to run and results already up to date (from the manifest)."""
    from .data import data_path_for
    from .pipeline import tei_path_for

    jobs: list[TextJob] = []
    unchanged: list[TextResult] = []
    for text in texts:
        name = text.stem
        tei = tei_path_for(text, opts.tei_dir)
        data = data_path_for(text)
        data = data if data.is_file() else None
        try:
            key = input_key(text, data, tei, toolkit)
        except OSError:
            key = ""  # unreadable: the worker reports it with the reader's own diagnostic
        entry = manifest["texts"].get(name, {})
        tei_ok = (not opts.force and key and entry.get("key") == key
                  and _intact(str(tei), entry.get("tei_sha256")))
        pdf_path = str(Path(opts.site_dir) / f"{name}.pdf") if opts.pdf else None
        pdf_ok = pdf_path is None or (tei_ok and entry.get("pdf_path") == pdf_path
                                      and _intact(pdf_path, entry.get("pdf_sha256")))
        if tei_ok and pdf_ok:
            unchanged.append(_from_manifest(name, text, tei, key, entry, opts.pdf))
        else:
            jobs.append(TextJob(name, str(text), str(data) if data else None, str(tei), key,
                                make_tei=not tei_ok, pdf_path=None if pdf_ok else pdf_path))
    return jobs, unchanged


def _from_manifest(name: str, text: Path, tei: Path, key: str, entry: dict, pdf: bool) -> TextResult:
    return TextResult(name, str(text), str(tei), "unchanged", key, [], entry.get("title", ""),
                      entry.get("author", ""), entry.get("notes", 0), entry.get("persons", 0),
                      entry["tei_sha256"], entry.get("pdf_path", "") if pdf else "",
                      entry.get("pdf_sha256", "") if pdf else "")


# ---------------------------------------------------------------- the worker

def init_worker() -> None:
    """Once per worker process: compile the schemas (and stylesheets) every text will need."""
    try:
        from .validate import OUR_RNG, OUR_SCH, compile_rng, compile_schematron

        compile_rng(str(OUR_RNG))
        compile_schematron(str(OUR_SCH))
    except (ImportError, LefortError):
        pass  # each text then reports the problem itself; a failing initializer would break the pool


def build_text(job: TextJob) -> TextResult:
    """One text → TEI (validated, written atomically) and, if asked, its PDF. Never raises."""
    from .pipeline import convert, write_tei

    started = time.perf_counter()
    result = TextResult(job.name, job.text_path, job.tei_path, "built", job.key)
    try:
        if job.make_tei:
            converted = convert(job.text_path, job.data_path, job.tei_path)
            write_tei(converted, job.tei_path)
            result.diagnostics += converted.diagnostics
            _describe(result, converted.encoded.root)
            result.tei_sha256 = hashlib.sha256(converted.encoded.data).hexdigest()
            del converted  # one text at a time: drop the tree before the PDF
        else:
            from lxml import etree

            result.status = "unchanged"
            result.tei_sha256 = sha256_file(job.tei_path)
            _describe(result, etree.parse(job.tei_path).getroot())
    except LefortError as exc:
        result.status = "failed"
        result.diagnostics += exc.diagnostics
    except Exception as exc:  # noqa: BLE001 - one text's bug must not stop the corpus
        result.status = "failed"
        result.diagnostics.append(error("internal", f"{type(exc).__name__}: {exc} (a bug in lefort-tei; "
                                        f"please report it)\n{traceback.format_exc()}", job.text_path))
    if result.ok and job.pdf_path:
        _build_pdf(job, result)
    result.seconds = time.perf_counter() - started
    return result


def _build_pdf(job: TextJob, result: TextResult) -> None:
    try:
        from .render.pdf import render_pdf

        render_pdf(Path(job.tei_path), Path(job.pdf_path))
        result.pdf_path, result.pdf_sha256 = job.pdf_path, sha256_file(job.pdf_path)
    except LefortError as exc:
        result.pdf_failed = True
        result.diagnostics += exc.diagnostics
    except ImportError as exc:
        result.pdf_failed = True
        result.diagnostics.append(error("pdf-unavailable", f"no PDF renderer: {exc}", job.tei_path))


def _describe(result: TextResult, root) -> None:
    """What the corpus index shows: title, author, how many notes and persons."""
    ns = {"t": TEI_NS}
    result.title = " ".join(root.xpath("string(t:teiHeader//t:titleStmt/t:title[1])", namespaces=ns).split())
    result.author = " ".join(root.xpath("string(t:teiHeader//t:titleStmt/t:author[1])", namespaces=ns).split())
    result.notes = int(root.xpath("count(t:text/t:back//t:note[@type='endnote'])", namespaces=ns))
    result.persons = int(root.xpath("count(t:standOff//t:listPerson/t:person)", namespaces=ns))


# ---------------------------------------------------------------- running a corpus

Progress = Callable[[int, int, TextResult], None]


def run_jobs(jobs: list[TextJob], workers: int, progress: Progress | None = None) -> list[TextResult]:
    """Run the jobs: in this process when one worker suffices, else in a process pool."""
    results: list[TextResult] = []
    if workers <= 1 or len(jobs) <= 1:
        if jobs:
            init_worker()
        for k, job in enumerate(jobs, 1):
            results.append(build_text(job))
            if progress:
                progress(k, len(jobs), results[-1])
        return results
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=init_worker) as pool:
        futures = {pool.submit(build_text, job): job for job in jobs}
        for k, future in enumerate(as_completed(futures), 1):
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died (memory, a crash)
                job = futures[future]
                result = TextResult(job.name, job.text_path, job.tei_path, "failed", job.key,
                                    [error("worker-died", f"the worker process failed: {exc}", job.text_path)])
            results.append(result)
            if progress:
                progress(k, len(jobs), result)
    return results


def build_corpus(texts: list[Path], opts: BuildOptions, progress: Progress | None = None) -> CorpusReport:
    """The whole build: plan, run the jobs, record the manifest, then the site and its index."""
    started = time.perf_counter()
    toolkit = toolkit_fingerprint()
    manifest = load_manifest(opts.tei_dir)
    jobs, unchanged = plan(texts, opts, manifest, toolkit)
    done = run_jobs(jobs, opts.jobs, progress)
    results = sorted(unchanged + done, key=lambda r: r.name)
    manifest["texts"] = {name: entry for name, entry in manifest["texts"].items()
                         if name in {r.name for r in results}}
    for r in results:
        if r.ok:
            manifest["texts"][r.name] = _manifest_entry(r, manifest["texts"].get(r.name, {}))
        else:
            manifest["texts"].pop(r.name, None)  # retried (and reported) next time
    report = CorpusReport(results)
    if opts.site:
        _build_site(report, opts, manifest, toolkit)
    save_manifest(opts.tei_dir, manifest)
    report.seconds = time.perf_counter() - started
    return report


def _manifest_entry(r: TextResult, old: dict) -> dict:
    entry = {"key": r.key, "tei_sha256": r.tei_sha256, "title": r.title, "author": r.author,
             "notes": r.notes, "persons": r.persons}
    if r.pdf_sha256:
        entry.update(pdf_path=r.pdf_path, pdf_sha256=r.pdf_sha256)
    elif old.get("pdf_sha256") and old.get("key") == r.key:
        entry.update(pdf_path=old["pdf_path"], pdf_sha256=old["pdf_sha256"])
    return entry


def _build_site(report: CorpusReport, opts: BuildOptions, manifest: dict, toolkit: str) -> None:
    """The web edition of the texts that built, skipped when nothing it depends on changed."""
    good = [r for r in report.results if r.ok]
    site_dir = Path(opts.site_dir)
    pdf_links = {r.name: os.path.relpath(r.pdf_path, site_dir) for r in good if r.pdf_path}
    key = hashlib.sha256(json.dumps([toolkit, str(site_dir), [(r.name, r.tei_path, r.tei_sha256) for r in good],
                                     pdf_links], sort_keys=True).encode()).hexdigest()
    old = manifest.get("site", {})
    if (not opts.force and old.get("key") == key
            and all(_intact(p, sha) for p, sha in old.get("files", {}).items())):
        report.site_files = [Path(p) for p in sorted(old.get("files", {}))]
    else:
        try:
            from .render.site import build_site

            files = build_site([Path(r.tei_path) for r in good], site_dir, pdf_links or None) if good else []
        except LefortError as exc:
            report.site_diagnostics += exc.diagnostics
            manifest.pop("site", None)
            return
        report.site_files = sorted(Path(p) for p in files)
        manifest["site"] = {"key": key, "files": {str(p): sha256_file(p) for p in report.site_files}}
    if len(report.results) > 1:
        report.site_files.append(write_corpus_index(report.results, site_dir, report.site_files))


# ---------------------------------------------------------------- the corpus index page

CORPUS_INDEX_NAME = "corpus.html"
CORPUS_INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Corpus: {{ results|length }} editions</title>
<style>body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ccc}
td.n{text-align:right}.failed{color:#a00}</style></head>
<body><main><h1>Corpus: {{ results|length }} editions</h1>
<p>{{ valid }} valid, {{ results|length - valid }} failed.</p>
<table><thead><tr><th>Edition</th><th>Author</th><th>Notes</th><th>Persons</th><th>Status</th><th>Files</th></tr></thead>
<tbody>{% for r in results %}<tr id="{{ r.name }}">
<td>{% if r.link %}<a href="{{ r.link }}">{{ r.title or r.name }}</a>{% else %}{{ r.title or r.name }}{% endif %}</td>
<td>{{ r.author }}</td><td class="n">{{ r.notes }}</td><td class="n">{{ r.persons }}</td>
{% if r.ok %}<td>valid</td>{% else %}<td class="failed">failed: {{ r.problem }}</td>{% endif %}
<td><code>{{ r.text_name }}</code>{% if r.pdf %} · <a href="{{ r.pdf }}">PDF</a>{% endif %}</td>
</tr>{% endfor %}</tbody></table></main></body></html>
"""


def write_corpus_index(results: list[TextResult], site_dir: Path, site_files: list[Path]) -> Path:
    """One row per edition: title, author, notes and persons counts, validation status, links."""
    from jinja2 import Environment

    rows = []
    for r in results:
        first_error = next((d for d in r.diagnostics if d.level == "error"), None)
        rows.append({"name": r.name, "title": r.title, "author": r.author, "notes": r.notes,
                     "persons": r.persons, "ok": r.ok, "text_name": Path(r.text_path).name,
                     "problem": f"{first_error.message} [{first_error.code}]" if first_error else "",
                     "link": _view_link(r.name, site_files, site_dir) if r.ok else None,
                     "pdf": os.path.relpath(r.pdf_path, site_dir) if r.ok and r.pdf_path else None})
    page = Environment(autoescape=True).from_string(CORPUS_INDEX_TEMPLATE).render(
        results=rows, valid=sum(r.ok for r in results))
    out = site_dir / CORPUS_INDEX_NAME
    write_if_changed(out, page.encode("utf-8"))
    return out


def _view_link(name: str, site_files: list[Path], site_dir: Path) -> str | None:
    """The page of this edition in the site: its reading view if there is one."""
    pages = sorted((p for p in site_files if p.suffix == ".html" and name in p.as_posix()),
                   key=lambda p: ("reading" not in p.name, len(p.as_posix()), p.as_posix()))
    return os.path.relpath(pages[0], site_dir).replace(os.sep, "/") if pages else None
