"""The corpus engine: a folder of texts → validated TEI, PDFs and web pages, in parallel and
incrementally.

In: the text paths and ``BuildOptions``. Out: the files written and a ``CorpusReport`` (one
``TextResult`` per text, sorted by name). The manifest ``TEI_DIR/.lefort-build.json`` records,
per text, a content hash of its inputs (source bytes, data-file bytes, the toolkit's fingerprint)
and of each output (TEI, PDF, pages); a text whose inputs are unchanged and whose outputs are
intact is skipped, stage by stage. Each worker process takes one text at a time through all its
stages and compiles schemas and stylesheets once (``init_worker``); only small results travel
back. The corpus-level pages are in ``corpus_pages.py``. Nothing here prints: ``commands/build.py`` does.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .corpus_pages import write_if_changed
from .diagnostics import EXIT_EDITION, EXIT_INTERNAL, EXIT_OK, EXIT_TOOL, Diagnostic, LefortError, error
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
    """What one worker must do for one text: any of its TEI, its PDF, its web pages."""

    name: str
    text_path: str
    data_path: str | None
    tei_path: str
    key: str  # content hash of the inputs
    make_tei: bool
    pdf_path: str | None = None  # a PDF to make
    site_dir: str | None = None  # web pages to make
    pdf_link: str | None = None  # the PDF, relative to the site folder, for the pages to link
    known: dict = field(default_factory=dict)  # the manifest entry, when the TEI is up to date


@dataclass(slots=True)
class TextResult:
    """One text's outcome; ``info`` is its manifest entry (hashes, title, counts, outputs)."""

    name: str
    text_path: str
    tei_path: str
    status: str  # "built" | "unchanged" | "failed" (no TEI: the text is reported, exit 1)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    info: dict = field(default_factory=dict)
    output_failure: int = 0  # the exit code of a PDF or page stage that failed after the TEI
    seconds: float = 0.0
    key: str = ""  # the inputs' hash, when this run computed it

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass(slots=True)
class CorpusReport:
    results: list[TextResult]
    site_files: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def exit_code(self) -> int:
        if any(not r.ok for r in self.results):
            return EXIT_EDITION
        return max((r.output_failure for r in self.results), default=EXIT_OK)


# ---------------------------------------------------------------- hashing and the manifest

def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def toolkit_fingerprint(roots: tuple[Path, ...] = (PACKAGE_DIR, XSLT_DIR, SCHEMAS_DIR)) -> str:
    """A hash of everything in the toolkit that shapes an output: code, templates, XSLT, schemas."""
    from .annotate.ner import model_id

    h = hashlib.sha256(f"lefort-tei {__version__}\n".encode())
    h.update(f"ner: {model_id()}\n".encode())  # the automatic persons follow the NER model (issue 12)
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
        name, tei, data = text.stem, tei_path_for(text, opts.tei_dir), data_path_for(text)
        data = data if data.is_file() else None
        try:
            key = input_key(text, data, tei, toolkit)
        except OSError:
            key = ""  # unreadable: the worker reports it with the reader's own diagnostic
        entry = manifest["texts"].get(name, {})
        tei_ok = bool(not opts.force and key and entry.get("key") == key
                      and _intact(str(tei), entry.get("tei_sha256")))
        pdf_path = str(Path(opts.site_dir) / f"{name}.pdf") if opts.pdf else None
        pdf_ok = pdf_path is None or (tei_ok and entry.get("pdf_path") == pdf_path
                                      and _intact(pdf_path, entry.get("pdf_sha256")))
        pdf_link = f"{name}.pdf" if opts.pdf else None
        site_ok = not opts.site or (tei_ok and entry.get("site_key") == site_key(key, opts.site_dir, pdf_link)
                                    and all(_intact(p, sha) for p, sha in entry.get("site_files", {}).items()))
        if key and not opts.force and entry.get("key") == key and "failed" in entry:
            # failed before with these very inputs: report it again without redoing it
            unchanged.append(TextResult(name, str(text), str(tei), "failed",
                                        [Diagnostic(**d) for d in entry["failed"]], info=entry))
        elif tei_ok and pdf_ok and site_ok:
            unchanged.append(TextResult(name, str(text), str(tei), "unchanged", info=entry))
        else:
            jobs.append(TextJob(name, str(text), str(data) if data else None, str(tei), key, make_tei=not tei_ok,
                                pdf_path=None if pdf_ok else pdf_path,
                                site_dir=None if site_ok else str(opts.site_dir), pdf_link=pdf_link,
                                known=entry if tei_ok else {}))
    return jobs, unchanged


def site_key(key: str, site_dir: str | Path, pdf_link: str | None) -> str:
    return hashlib.sha256(f"{key}\n{Path(site_dir)}\n{pdf_link or ''}".encode()).hexdigest()


# ---------------------------------------------------------------- the worker

def init_worker(views: bool = False, pooled: bool = False) -> None:
    """Once per worker process: compile the schemas and stylesheets every text will need."""
    if pooled:  # Ctrl-C is the main process's to handle: a worker is never cut off mid-text
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from .validate import OUR_RNG, OUR_SCH, compile_rng, compile_schematron

        compile_rng(str(OUR_RNG))
        compile_schematron(str(OUR_SCH))
        if views:
            from .render.xslt import VIEWS, Stylesheets

            for view in VIEWS:
                Stylesheets().executable(view)
    except (ImportError, LefortError):
        pass  # each text then reports the problem itself; a failing initializer would break the pool


def build_text(job: TextJob) -> TextResult:
    """One text → TEI (validated, written atomically), then its PDF and web pages. Never raises."""
    started = time.perf_counter()
    result = TextResult(job.name, job.text_path, job.tei_path, "built" if job.make_tei else "unchanged",
                        info=dict(job.known), key=job.key)
    stages = ([_build_tei] if job.make_tei else []) + ([_build_pdf] if job.pdf_path else []) + (
        [_build_pages] if job.site_dir else [])
    for stage in stages:
        try:
            stage(job, result)
        except LefortError as exc:
            result.diagnostics += exc.diagnostics
            failure = exc.exit_code
        except Exception as exc:  # noqa: BLE001 - one text's bug must not stop the corpus
            result.diagnostics.append(error("internal", f"{type(exc).__name__}: {exc} (a bug in lefort-tei; "
                                            f"please report it)\n{traceback.format_exc()}", job.text_path))
            failure = EXIT_INTERNAL
        else:
            continue
        if stage is _build_tei:
            result.status = "failed"
        else:
            result.output_failure = max(result.output_failure, EXIT_TOOL if failure == EXIT_TOOL else EXIT_EDITION)
        break
    result.seconds = time.perf_counter() - started
    if _size(job.text_path) > BIG_TEXT:
        release_memory()
    return result


BIG_TEXT = 256_000  # bytes of source: after such a text a worker hands its freed memory back


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def release_memory() -> None:
    """Keep a worker's memory flat: after a big text, free its trees and give the heap back
    to the system (glibc keeps freed memory otherwise: about 40 MB after a 1 MB text)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _build_tei(job: TextJob, result: TextResult) -> None:
    from .pipeline import convert, write_tei

    converted = convert(job.text_path, job.data_path, job.tei_path)
    warnings = write_tei(converted, job.tei_path)  # validation warnings (editorial completeness)
    result.diagnostics += converted.diagnostics + list(warnings or [])
    result.info = {"key": job.key, "tei_sha256": hashlib.sha256(converted.encoded.data).hexdigest(),
                   **describe(converted.encoded.root)}


def _build_pdf(job: TextJob, result: TextResult) -> None:
    from .render.pdf import render_pdf

    result.info.pop("pdf_path", None)
    render_pdf(Path(job.tei_path), Path(job.pdf_path))
    result.info.update(pdf_path=job.pdf_path, pdf_sha256=sha256_file(job.pdf_path))


def _build_pages(job: TextJob, result: TextResult) -> None:
    from .render.site import build_edition, read_edition

    result.info.pop("site_key", None)
    edition = read_edition(Path(job.tei_path))
    link = job.pdf_link if result.info.get("pdf_path") else None
    files = build_edition(edition, Path(job.site_dir), _stylesheets(), _environment(), link)
    result.info.update(site_key=site_key(job.key, job.site_dir, link),
                       site_files={str(p): sha256_file(p) for p in files},
                       edition={"lang": edition.lang, "licence": edition.licence})


_PER_PROCESS: dict[str, object] = {}


def _stylesheets():
    from .render.xslt import Stylesheets

    return _PER_PROCESS.setdefault("sheets", Stylesheets())


def _environment():
    if "env" not in _PER_PROCESS:
        from .render.site import environment

        _PER_PROCESS["env"] = environment()  # jinja2 compiles each template once per environment
    return _PER_PROCESS["env"]


def describe(root) -> dict:
    """What the indexes show: title, author, how many notes and persons."""
    ns = {"t": TEI_NS}

    def text(xpath: str) -> str:
        return " ".join(root.xpath(f"string({xpath})", namespaces=ns).split())

    return {"title": text("t:teiHeader//t:titleStmt/t:title[@type='main']") or text("t:teiHeader//t:titleStmt/t:title"),
            "author": " and ".join(" ".join(a.xpath("string()").split())
                                   for a in root.xpath("t:teiHeader//t:titleStmt/t:author", namespaces=ns)),
            "notes": int(root.xpath("count(t:text/t:back//t:note[@type='endnote'])", namespaces=ns)),
            "persons": int(root.xpath("count(t:standOff//t:listPerson/t:person)", namespaces=ns))}


def _entries(results: list[TextResult]) -> dict:
    # a failed text is recorded with its diagnostics, tried again only when its inputs change
    return {r.name: r.info if r.ok else _failure(r) for r in results}


def _failure(r: TextResult) -> dict:
    if "failed" in r.info:
        return r.info
    return {"key": r.key, "failed": [d.as_json() for d in r.diagnostics]} if r.key else {}


# ---------------------------------------------------------------- running a corpus

Progress = Callable[[int, int, TextResult], None]


def run_jobs(jobs: list[TextJob], workers: int, progress: Progress | None = None,
             results: list[TextResult] | None = None) -> list[TextResult]:
    """Run the jobs: in this process when one worker suffices, else in a process pool. Results
    are appended to ``results`` as they come, so an interrupted run keeps what it finished."""
    views = any(job.site_dir for job in jobs)
    results = [] if results is None else results
    if workers <= 1 or len(jobs) <= 1:
        if jobs:
            init_worker(views)
        for k, job in enumerate(jobs, 1):
            results.append(build_text(job))
            if progress:
                progress(k, len(jobs), results[-1])
        return results
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=init_worker,
                               initargs=(views, True))
    try:
        futures = {pool.submit(build_text, job): job for job in jobs}
        for k, future in enumerate(as_completed(futures), 1):
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died (memory, a crash)
                job = futures[future]
                result = TextResult(job.name, job.text_path, job.tei_path, "failed",
                                    [error("worker-died", f"the worker process failed: {exc}", job.text_path)])
            results.append(result)
            if progress:
                progress(k, len(jobs), result)
    except BaseException:  # Ctrl-C: each worker finishes its text (files stay whole), the rest is dropped
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def build_corpus(texts: list[Path], opts: BuildOptions, progress: Progress | None = None) -> CorpusReport:
    """The whole build: plan, run the jobs, record the manifest, then the site's index pages."""
    started = time.perf_counter()
    manifest = load_manifest(opts.tei_dir)
    jobs, unchanged = plan(texts, opts, manifest, toolkit_fingerprint())
    done: list[TextResult] = []
    try:
        run_jobs(jobs, opts.jobs, progress, done)
    except KeyboardInterrupt:  # keep the texts that were finished: the next build starts from there
        manifest["texts"].update(_entries(done))
        save_manifest(opts.tei_dir, manifest)
        raise
    results = sorted(unchanged + done, key=lambda r: r.name)
    manifest["texts"] = _entries(results)  # texts no longer in the folder drop out
    report = CorpusReport(results)
    if opts.site:
        from .corpus_pages import write_corpus_index, write_site_index

        report.site_files = write_site_index(results, opts.site_dir)
        if len(results) > 1:
            report.site_files.append(write_corpus_index(results, opts.site_dir))
    save_manifest(opts.tei_dir, manifest)
    report.seconds = time.perf_counter() - started
    return report
