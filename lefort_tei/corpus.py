"""The corpus engine: a folder of texts → validated TEI, PDFs and web pages, in parallel and
incrementally, on this machine or on a Dask cluster.

In: the text paths and ``BuildOptions``. Out: the files written and a ``CorpusReport`` (one
``TextResult`` per text, sorted by name). The manifest ``TEI_DIR/.lefort-build.sqlite`` (``Manifest``)
holds one row per text: the source's and data file's stat and SHA-256, the toolkit's fingerprint,
the inputs' key, the status, and each output's size, mtime and SHA-256. It is updated text by
text as results arrive, so an interrupted build keeps its progress. A text whose inputs are
unchanged (the stat matches, or else the hash does) and whose outputs are still there with the
recorded size and mtime is skipped, stage by stage, without reading any output. A text that
failed is always tried again (failures are never cached). Texts no longer in the folder have
their outputs deleted (``keep_removed`` keeps them).

The per-text work (``build_text``) runs on a ``concurrent.futures`` executor: a process pool
(workers recycled after ``RECYCLE_AFTER`` texts, killed with their parent) or Dask's
``Client.get_executor()``; submission is bounded by a window of texts in flight, and a text
whose worker is lost is tried once more, then reported failed. Workers write the outputs
themselves (the TEI, site and PDF folders must be shared storage) and send back only a small
result. The corpus-level pages are in ``corpus_pages.py``. Nothing here prints:
``commands/build.py`` does.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .diagnostics import (EXIT_EDITION, EXIT_INTERNAL, EXIT_OK, EXIT_TOOL, Diagnostic, LefortError, OutputError,
                          error)
from .resources import PROJECT_ROOT, SCHEMAS_DIR, XSLT_DIR

MANIFEST_NAME = ".lefort-build.sqlite"
OLD_MANIFEST_NAME = ".lefort-build.json"  # format 1, replaced (and removed) on the first build
MANIFEST_FORMAT = 3
PACKAGE_DIR = Path(__file__).resolve().parent
TEI_NS = "http://www.tei-c.org/ns/1.0"
RECYCLE_AFTER = 100  # texts per pool worker before a fresh process takes over (memory stays flat)
WINDOW_PER_WORKER = 2  # texts in flight per worker: enough to keep each busy, not the whole corpus
RETRIES = 1  # a text whose worker was lost is tried this many more times, then reported failed
GIVE_UP_AFTER = 3  # texts lost in a row, none built between them: the workers cannot work, stop


@dataclass(frozen=True, slots=True)
class BuildOptions:
    tei_dir: Path
    site_dir: Path
    jobs: int = 1
    site: bool = True
    pdf: bool = True
    force: bool = False
    dask: str | None = None  # "local", or a scheduler's address (tcp://host:8786); None: a process pool
    keep_removed: bool = False  # keep the outputs of texts no longer in the folder


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
    known: dict = field(default_factory=dict)  # the manifest's info, when the TEI is up to date
    known_outputs: dict = field(default_factory=dict)  # and its outputs' [size, mtime_ns, sha256]


@dataclass(slots=True)
class TextResult:
    """One text's outcome; ``info`` is what the indexes show (title, counts, edition) and the
    outputs' SHA-256 (``tei_sha256``, ``pdf_sha256``, ``pages_sha256`` over all its pages);
    ``outputs`` each output file's ``[size, mtime_ns]`` (key "tei", else its path in the site)."""

    name: str
    text_path: str
    tei_path: str
    status: str  # "built" | "unchanged" | "failed" (no TEI: the text is reported, exit 1)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    info: dict = field(default_factory=dict)
    output_failure: int = 0  # the exit code of a PDF or page stage that failed after the TEI
    seconds: float = 0.0
    key: str = ""  # the inputs' hash, when this run computed it
    outputs: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status != "failed"


@dataclass(slots=True)
class CorpusReport:
    results: list[TextResult]
    site_files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    removed: list[str] = field(default_factory=list)  # texts no longer in the folder

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def exit_code(self) -> int:
        """1 when a text failed or an output has problems; 2 or 3 when an output could not be
        written (read-only or full disk), which the user must fix before anything else."""
        worst = max((r.output_failure for r in self.results), default=EXIT_OK)
        if any(not r.ok for r in self.results):
            worst = max(worst, EXIT_EDITION)
        return worst


# ---------------------------------------------------------------- hashing

def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def resource_roots() -> tuple[Path, ...]:
    """Every folder whose files shape an output: the package (code, templates), the stylesheets,
    the schemas and the fonts the PDFs embed."""
    roots = [PACKAGE_DIR, XSLT_DIR, SCHEMAS_DIR, PROJECT_ROOT / "fonts"]
    # a folder inside another (resources moved into the package) is hashed once
    return tuple(r for r in roots if not any(o != r and o in r.parents for o in roots))


def toolkit_fingerprint(roots: tuple[Path, ...] | None = None) -> str:
    """A hash of everything in the toolkit that shapes an output: code, templates, XSLT, schemas, fonts."""
    from .annotate.ner import model_id

    h = hashlib.sha256(f"lefort-tei {__version__}\n".encode())
    h.update(f"ner: {model_id()}\n".encode())  # the automatic persons follow the NER model (issue 12)
    for root in resource_roots() if roots is None else roots:
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                           and p.suffix not in (".pyc", ".pyo")):
            h.update(f"{root.name}/{path.relative_to(root).as_posix()}\n".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def inputs_key(toolkit: str, source_sha: str, data_sha: str, schemas_link: str) -> str:
    """The inputs' key: toolkit, source bytes, data-file bytes ("" when none), and the path from
    the TEI to the schemas (its xml-model links are relative to where it is written)."""
    h = hashlib.sha256(toolkit.encode())
    h.update(source_sha.encode())
    h.update(data_sha.encode() if data_sha else b"no-data")
    h.update(schemas_link.encode())
    return h.hexdigest()


def input_key(text_path: Path, data_path: Path | None, tei_path: Path, toolkit: str) -> str:
    return inputs_key(toolkit, sha256_file(text_path), sha256_file(data_path) if data_path else "",
                      os.path.relpath(SCHEMAS_DIR, tei_path.resolve().parent))


def stat_sig(st: os.stat_result) -> str:
    """What tells a file changed without reading it: size, mtime (ns), inode."""
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def file_record(path: str | Path) -> list[int]:
    """An output's ``[size, mtime_ns]``, taken just after it was written (its hash goes in the info)."""
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns]


def _unchanged_output(path: str, record) -> bool:
    """An output is intact when its size and mtime are those recorded (it is not read)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return bool(record) and st.st_size == record[0] and st.st_mtime_ns == record[1]


# ---------------------------------------------------------------- the manifest (SQLite)

@dataclass(slots=True)
class Row:
    """One text in the manifest."""

    name: str
    source: str = ""
    source_stat: str = ""
    source_sha256: str = ""
    data_stat: str = ""  # "" when the text has no data file
    data_sha256: str = ""
    toolkit: str = ""
    key: str = ""  # "" for a failed text: it is never up to date
    status: str = "ok"  # "ok" | "failed" | "removed" (outputs kept with --keep-removed)
    info: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)


_COLUMNS = ("name", "source", "source_stat", "source_sha256", "data_stat", "data_sha256", "toolkit", "key",
            "status", "info", "outputs")


class Manifest:
    """``TEI_DIR/.lefort-build.sqlite``: one row per text, written as each result arrives."""

    def __init__(self, tei_dir: Path):
        from .io import make_folder

        tei_dir = make_folder(tei_dir)
        self.path = tei_dir / MANIFEST_NAME
        self.db = sqlite3.connect(self.path, isolation_level=None)  # autocommit; transactions by hand
        self.db.execute("PRAGMA journal_mode=WAL")  # a reader never waits; a crash loses no commit
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        if self.meta("format") != str(MANIFEST_FORMAT):
            self.db.execute("DROP TABLE IF EXISTS texts")
            self.db.execute("DELETE FROM meta")
            self.set_meta("format", str(MANIFEST_FORMAT))
        # entry: the text's line in the index pages (JSON, corpus_pages.IndexEntry), kept ready so
        # that the pages are checked without decoding every row
        # fast: what a no-change rebuild compares (``_fast``), so that it decodes no JSON
        self.db.execute("CREATE TABLE IF NOT EXISTS texts (name TEXT PRIMARY KEY, source TEXT, source_stat TEXT, "
                        "source_sha256 TEXT, data_stat TEXT, data_sha256 TEXT, toolkit TEXT, key TEXT, "
                        "status TEXT NOT NULL, info TEXT, outputs TEXT, entry TEXT, fast TEXT)")
        # a covering index: the planning pass reads it alone, in name order, not the wide rows
        self.db.execute("CREATE INDEX IF NOT EXISTS plan_scan ON texts (name, source, source_stat, source_sha256, "
                        "data_stat, data_sha256, status, fast)")
        (tei_dir / OLD_MANIFEST_NAME).unlink(missing_ok=True)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def meta(self, key: str) -> str | None:
        found = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return found[0] if found else None

    def set_meta(self, key: str, value: str) -> None:
        if self.meta(key) != value:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def get(self, name: str) -> Row | None:
        found = self.db.execute(f"SELECT {', '.join(_COLUMNS)} FROM texts WHERE name = ?", (name,)).fetchone()
        return _row(found) if found else None

    def rows(self, statuses: tuple[str, ...] = ("ok", "failed")) -> Iterator[Row]:
        """Every row, sorted by name, read in batches (never the whole table in memory)."""
        marks = ", ".join("?" * len(statuses))
        cursor = self.db.execute(f"SELECT {', '.join(_COLUMNS)} FROM texts WHERE status IN ({marks}) "
                                 "ORDER BY name", statuses)
        while batch := cursor.fetchmany(1000):
            yield from map(_row, batch)

    def entries(self) -> Iterator[str]:
        """Each listed text's index entry (JSON), sorted by name."""
        cursor = self.db.execute("SELECT entry FROM texts WHERE status IN ('ok', 'failed') ORDER BY name")
        while batch := cursor.fetchmany(1000):
            yield from (e for (e,) in batch)

    def names(self) -> Iterator[str]:
        yield from (name for (name,) in self.db.execute("SELECT name FROM texts"))

    def counts(self) -> tuple[int, int]:
        """(texts listed, texts valid)"""
        total, valid = self.db.execute("SELECT COUNT(*), COALESCE(SUM(status = 'ok'), 0) FROM texts "
                                       "WHERE status IN ('ok', 'failed')").fetchone()
        return total, valid

    def put(self, *rows: Row) -> None:
        from .corpus_pages import entry

        values = [(r.name, r.source, r.source_stat, r.source_sha256, r.data_stat, r.data_sha256, r.toolkit, r.key,
                   r.status, _dumps(r.info), _dumps(r.outputs), json.dumps(entry(r), ensure_ascii=False), _fast(r))
                  for r in rows]
        with self.db:  # one transaction
            self.db.execute("BEGIN")
            self.db.executemany(f"INSERT OR REPLACE INTO texts VALUES ({', '.join('?' * (len(_COLUMNS) + 2))})",
                                values)

    def scan(self) -> Iterator[tuple]:
        """(name, source, source_stat, source_sha256, data_stat, data_sha256, status, fast) of every
        text, sorted by name, read in batches."""
        cursor = self.db.execute("SELECT name, source, source_stat, source_sha256, data_stat, data_sha256, status, "
                                 "fast FROM texts ORDER BY name")
        while batch := cursor.fetchmany(2000):
            yield from batch

    def delete(self, names: Iterable[str]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("DELETE FROM texts WHERE name = ?", ((n,) for n in names))


def _dumps(value: dict) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _fast(r: Row) -> str:
    """key|site key|TEI size:mtime|PDF size:mtime|site folder mtime|PDF path (see ``_quick_check``)."""
    def pair(k: str) -> str:
        v = r.outputs.get(k)
        return f"{v[0]}:{v[1]}" if v else ""

    pdf_path = r.info.get("pdf_path") or ""
    folder = r.outputs.get(r.name + "/")
    return "|".join([r.key, r.info.get("site_key", ""), pair("tei"), pair(os.path.basename(pdf_path)),
                     str(folder[1]) if folder else "", pdf_path])


def _row(values: tuple) -> Row:
    *head, info, outputs = values
    return Row(*head, info=json.loads(info or "{}"), outputs=json.loads(outputs or "{}"))


def read_manifest(tei_dir: Path) -> dict[str, Row]:
    """Every row of a manifest by name (for tests and tools; the build never loads them all)."""
    with Manifest(tei_dir) as manifest:
        return {row.name: row for row in manifest.rows(("ok", "failed", "removed"))}


# ---------------------------------------------------------------- planning

@dataclass(slots=True)
class Plan:
    jobs: list[TextJob]
    unchanged: list[TextResult]
    rows: dict[str, Row]  # what the manifest will record for each job's text, its outputs aside
    refreshed: list[Row]  # unchanged texts whose stat changed (touched): their new stat


def _file_state(path: str, row_stat: str, row_sha: str) -> tuple[str, str]:
    """(stat, sha256) of a file: the hash is read only when the stat differs from the manifest's."""
    st = os.stat(path)
    sig = stat_sig(st)
    return sig, row_sha if row_stat == sig and row_sha else sha256_file(path)


def list_texts(folder: str | Path) -> list[str]:
    """The ``*.txt`` files of a folder, sorted (one directory read, no stat per file)."""
    prefix = os.path.join(str(folder), "")
    with os.scandir(folder) as entries:
        return sorted(prefix + e.name for e in entries if e.name.endswith(".txt") and e.is_file())


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _named(texts: Iterable[str | Path]) -> list[tuple[str, str, str, str]]:
    """(name, path, folder, path without its extension) of each text, sorted by name."""
    out = []
    for text in map(str, texts):
        folder, _, file = text.rpartition(os.sep)
        stem, dot, _ = file.rpartition(".")
        name = stem if dot and stem else file  # as Path.stem: ".txt" is its own name
        out.append((name, text, folder, text[:len(text) - len(file) + len(name)]))
    out.sort()
    return out


def _stat_pair(path: str) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}"


def _quick_check(fast: str, key: str, name: str, tei: str, opts: BuildOptions) -> bool:
    """Are a text's outputs up to date, from its manifest row's ``fast`` summary: a stat of the TEI,
    of the PDF, and of its site folder (any page written, removed or replaced changes its mtime)."""
    old_key, old_site_key, tei_st, pdf_st, dir_st, pdf_path = fast.split("|", 5)
    if old_key != key or _stat_pair(tei) != tei_st:
        return False
    site_dir = str(opts.site_dir)
    if opts.pdf and (pdf_path != os.path.join(site_dir, name + ".pdf") or _stat_pair(pdf_path) != pdf_st):
        return False
    if opts.site:
        if old_site_key != site_key(key, site_dir, name + ".pdf" if opts.pdf else None):
            return False
        try:
            return str(os.stat(os.path.join(site_dir, name)).st_mtime_ns) == dir_st
        except OSError:
            return False
    return True


def plan(texts: Iterable[Path], opts: BuildOptions, manifest: Manifest, toolkit: str) -> Plan:
    """Split the texts into jobs to run and results already up to date (from the manifest).

    The manifest is read in one pass sorted by name, beside the texts sorted the same way. Per
    unchanged text: a stat of the source (and of its data file, when the folder has one), of the
    TEI, the PDF and the site folder; a file is hashed only when its stat changed; no output is
    read. A text to rebuild has its full row read and each output checked, stage by stage."""
    out = Plan([], [], {}, [])
    tei_dir = str(opts.tei_dir)
    schemas_link = os.path.relpath(SCHEMAS_DIR, Path(tei_dir).resolve())
    site_dir = str(opts.site_dir)
    join = os.path.join
    listings: dict[str, set[str]] = {}
    scan = manifest.scan()
    quick = next(scan, None)
    tei_prefix = join(tei_dir, "")
    for name, text, folder, base in _named(texts):
        while quick is not None and quick[0] < name:
            quick = next(scan, None)
        found = quick if quick is not None and quick[0] == name else None
        tei, data = tei_prefix + name + ".xml", base + ".toml"
        if folder not in listings:
            try:
                listings[folder] = set(os.listdir(folder or "."))
            except OSError:
                listings[folder] = set()
        has_data = name + ".toml" in listings[folder]
        _, source, source_stat, source_sha, data_stat, data_sha, status, fast = found or ("",) * 8
        row = Row(name, text, toolkit=toolkit)
        try:
            row.source_stat, row.source_sha256 = _file_state(text, source_stat, source_sha)
            if has_data:
                try:
                    row.data_stat, row.data_sha256 = _file_state(data, data_stat, data_sha)
                except FileNotFoundError:
                    has_data = False
            key = inputs_key(toolkit, row.source_sha256, row.data_sha256, schemas_link)
        except OSError:
            key = ""  # unreadable: the worker reports it with the reader's own diagnostic
        data = data if has_data else None
        row.key = key
        if found and key and not opts.force and status == "ok" and _quick_check(fast, key, name, tei, opts):
            out.unchanged.append(TextResult(name, text, tei, "unchanged"))
            if (source_stat, data_stat, source) != (row.source_stat, row.data_stat, text):
                old = manifest.get(name)
                row.status, row.info, row.outputs = old.status, old.info, old.outputs
                out.refreshed.append(row)
            continue
        old = manifest.get(name) if found else None
        up_to_date = bool(old and key and not opts.force and old.status == "ok" and old.key == key)
        recorded = old.outputs if up_to_date else {}
        tei_ok = up_to_date and _unchanged_output(tei, recorded.get("tei"))
        pdf_rel = name + ".pdf"
        pdf_path = join(site_dir, pdf_rel) if opts.pdf else None
        pdf_ok = pdf_path is None or (tei_ok and old.info.get("pdf_path") == pdf_path
                                      and _unchanged_output(pdf_path, recorded.get(pdf_rel)))
        pdf_link = pdf_rel if opts.pdf else None
        prefix = name + "/"
        pages = [k for k in recorded if k.startswith(prefix) and k != prefix]
        site_ok = not opts.site or (tei_ok and old.info.get("site_key") == site_key(key, site_dir, pdf_link)
                                    and bool(pages)
                                    and all(_unchanged_output(join(site_dir, k), recorded[k]) for k in pages))
        if tei_ok and pdf_ok and site_ok:  # the site folder changed, its pages did not (a file added)
            out.unchanged.append(TextResult(name, text, tei, "unchanged"))
            row.status, row.info, row.outputs = old.status, old.info, dict(old.outputs)
            if opts.site:
                row.outputs[prefix] = [0, os.stat(join(site_dir, name)).st_mtime_ns]
            out.refreshed.append(row)
            continue
        out.rows[name] = row
        known = old.info if tei_ok else {}
        known_outputs = {k: v for k, v in recorded.items()  # the outputs this job will not remake
                         if k == "tei" or (pdf_ok and k == pdf_rel) or (site_ok and k.startswith(prefix))
                         } if tei_ok else {}
        out.jobs.append(TextJob(name, text, data, tei, key, make_tei=not tei_ok,
                                pdf_path=None if pdf_ok else pdf_path,
                                site_dir=None if site_ok else site_dir, pdf_link=pdf_link,
                                known=known, known_outputs=known_outputs))
    return out


def site_key(key: str, site_dir: str | Path, pdf_link: str | None) -> str:
    """What the pages depend on besides the TEI: where they are, and the PDF they link."""
    return hashlib.sha256(f"{key}\n{os.path.normpath(site_dir)}\n{pdf_link or ''}".encode()).hexdigest()


# ---------------------------------------------------------------- the worker

def init_worker(views: bool = False, pooled: bool = False) -> None:
    """Once per worker process: compile the schemas and stylesheets every text will need. A pool
    worker ignores Ctrl-C (the main process handles it) and dies with its parent."""
    if pooled:  # Ctrl-C is the main process's to handle: a worker is never cut off mid-text
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        die_with_parent()
    _PER_PROCESS["ready"] = True
    try:
        from .validate import OUR_RNG, OUR_SCH, compile_rng, compile_schematron

        compile_rng(str(OUR_RNG))
        compile_schematron(str(OUR_SCH))
        if views:
            from .render.xslt import VIEWS

            for view in VIEWS:
                _stylesheets().executable(view)
    except (ImportError, LefortError):
        pass  # each text then reports the problem itself; a failing initializer would break the pool


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """Ask Linux to end this process when its parent dies (a killed build leaves no worker behind)."""
    import ctypes

    parent = os.getppid()
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux/glibc
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def build_text(job: TextJob) -> TextResult:
    """One text → TEI (validated, written atomically), then its PDF and web pages. Never raises."""
    started = time.perf_counter()
    if "ready" not in _PER_PROCESS:  # a Dask worker (or this process): set up once
        init_worker(bool(job.site_dir))
    result = TextResult(job.name, job.text_path, job.tei_path, "built" if job.make_tei else "unchanged",
                        info=dict(job.known), key=job.key, outputs=dict(job.known_outputs))
    stages = ([_build_tei] if job.make_tei else []) + ([_build_pdf] if job.pdf_path else []) + (
        [_build_pages] if job.site_dir else [])
    for stage in stages:
        try:
            stage(job, result)
        except OutputError as exc:  # a read-only or full disk: the build exits 2 or 3, not 1
            result.diagnostics += exc.diagnostics
            result.output_failure = max(result.output_failure, exc.exit_code)
            failure = exc.exit_code
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


_TRIM: list = []  # glibc's malloc_trim, looked up once per process ([None] where there is none)


def trim_heap() -> bool:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim(0)``; a few ms).
    Elsewhere (not Linux, or musl) it does nothing. Returns whether a trim was made. Not called
    after every text: it does not slow a worker's growth over thousands of texts, which is in
    Saxon's own heap (issue 15, bench/README.md); recycling the worker bounds that."""
    if not _TRIM:
        _TRIM.append(_malloc_trim())
    if _TRIM[0] is None:
        return False
    _TRIM[0](0)
    return True


def _malloc_trim():
    import platform

    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return None
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def release_memory() -> None:
    """Keep a worker's memory flat: after a big text, free its trees and give the heap back
    to the system (glibc keeps freed memory otherwise: about 40 MB after a 1 MB text)."""
    import gc

    gc.collect()
    trim_heap()


def _build_tei(job: TextJob, result: TextResult) -> None:
    from .pipeline import convert, write_tei

    converted = convert(job.text_path, job.data_path, job.tei_path)
    warnings = write_tei(converted, job.tei_path)  # validation warnings (editorial completeness)
    result.diagnostics += converted.diagnostics + list(warnings or [])
    result.info = {"tei_sha256": hashlib.sha256(converted.encoded.data).hexdigest(),
                   **describe(converted.encoded.root)}
    result.outputs = {"tei": file_record(job.tei_path)}


def _build_pdf(job: TextJob, result: TextResult) -> None:
    from .render.pdf import render_pdf

    result.info.pop("pdf_path", None)
    render_pdf(Path(job.tei_path), Path(job.pdf_path))
    result.info.update(pdf_path=job.pdf_path, pdf_sha256=sha256_file(job.pdf_path))
    result.outputs[_site_relative(job.pdf_path, job)] = file_record(job.pdf_path)


def _site_relative(path: str | Path, job: TextJob) -> str:
    site = job.site_dir or str(Path(job.pdf_path).parent)
    return Path(os.path.relpath(path, site)).as_posix()


def _build_pages(job: TextJob, result: TextResult) -> None:
    from .render.site import build_edition, read_edition

    result.info.pop("site_key", None)
    for k in [k for k in result.outputs if k.startswith(f"{job.name}/")]:
        del result.outputs[k]
    edition = read_edition(Path(job.tei_path))
    link = job.pdf_link if result.info.get("pdf_path") else None
    files = build_edition(edition, Path(job.site_dir), _stylesheets(), _environment(), link)
    pages = hashlib.sha256()
    for p in files:
        rel = _site_relative(p, job)
        result.outputs[rel] = file_record(p)
        pages.update(f"{rel} {sha256_file(p)}\n".encode())
    # the folder's mtime: any page written, removed or replaced since changes it (see _quick_check)
    result.outputs[f"{job.name}/"] = [0, os.stat(os.path.join(job.site_dir, job.name)).st_mtime_ns]
    result.info.update(site_key=site_key(job.key, job.site_dir, link), pages_sha256=pages.hexdigest(),
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
            "persons": int(root.xpath("count(//t:listPerson/t:person)", namespaces=ns))}


# ---------------------------------------------------------------- running the jobs

Progress = Callable[[int, int, TextResult], None]


def lost(job: TextJob, exc: BaseException) -> TextResult:
    """A text whose worker was lost twice (killed, out of memory, a crash in a library)."""
    return TextResult(job.name, job.text_path, job.tei_path, "failed",
                      [error("worker-died", f"the worker process was lost twice on this text "
                                            f"({type(exc).__name__}: {exc})", job.text_path)], key=job.key)


class Engine:
    """Where the texts are built: a process pool, or a Dask cluster (``local`` or an address)."""

    def __init__(self, workers: int, views: bool, dask: str | None = None):
        self.workers, self.views, self.dask = workers, views, dask
        self.client = self.cluster = None
        self.executor: Executor | None = None

    def start(self) -> Executor:
        if self.dask is None:
            import multiprocessing

            # spawn: each worker is a child of this process (so it can die with it, see
            # die_with_parent; a forkserver's children outlive a killed build) and a fresh
            # interpreter; it compiles the schemas and stylesheets in its initializer
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker, initargs=(self.views, True), max_tasks_per_child=RECYCLE_AFTER)
            return self.executor
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            from .diagnostics import InputError

            raise InputError(error("dask-missing", "--dask needs Dask: pip install 'lefort-tei[dask]'")) from None
        if self.client is None:
            if self.dask == "local":
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, host="127.0.0.1")
                self.client = Client(self.cluster)
            else:
                try:
                    self.client = Client(self.dask)  # waits distributed.comm.timeouts.connect (30 s)
                except (OSError, TimeoutError) as exc:
                    from .diagnostics import ToolError

                    raise ToolError(error("dask-unreachable", f"no Dask scheduler answers at {self.dask} "
                                          f"({type(exc).__name__}: {exc}); start one with `dask scheduler`, "
                                          "or use --dask local")) from None
        self.executor = self.client.get_executor(pure=False)
        return self.executor

    def repair(self) -> Executor:
        """After a lost worker: a new pool if this one is broken (Dask replaces lost workers itself)."""
        if self.dask is None and getattr(self.executor, "_broken", False):
            self.executor.shutdown(wait=False, cancel_futures=True)
            return self.start()
        return self.executor

    def close(self, interrupted: bool = False) -> None:
        if isinstance(self.executor, ProcessPoolExecutor):
            # Ctrl-C: each pool worker finishes its text (files stay whole), the rest is dropped
            self.executor.shutdown(wait=True, cancel_futures=interrupted)
        elif self.executor is not None:  # Dask: the texts not finished are cancelled (a running one
            self.executor.shutdown(wait=not interrupted)  # ends on its worker: its files stay whole)
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def run_jobs(jobs: list[TextJob], workers: int, progress: Progress | None = None,
             on_result: Callable[[TextResult], None] | None = None, dask: str | None = None,
             window: int | None = None, task: Callable[[TextJob], TextResult] | None = None) -> list[TextResult]:
    """Run the jobs: in this process when one worker suffices (and no Dask), else on an ``Engine``
    with at most ``window`` texts in flight. ``on_result`` sees each result as it comes, so an
    interrupted run keeps what it finished. A text whose worker is lost is tried again alone (a
    broken pool takes its neighbours down too: alone, the guilty one is known), then reported."""
    task = task or build_text
    views = any(job.site_dir for job in jobs)
    results: list[TextResult] = []

    def done(result: TextResult) -> None:
        results.append(result)
        if on_result:
            on_result(result)
        if progress:
            progress(len(results), len(jobs), result)

    if dask is None and (workers <= 1 or len(jobs) <= 1):
        if jobs:
            init_worker(views)
        for job in jobs:
            done(task(job))
        return results
    if not jobs:
        return results
    engine = Engine(min(workers, len(jobs)) if dask is None else workers, views, dask)
    window = window or max(2, WINDOW_PER_WORKER * workers)
    pending = iter(jobs)
    retry: deque[tuple[TextJob, int]] = deque()
    in_flight: dict[Future, tuple[TextJob, int]] = {}
    interrupted = True
    lost_in_a_row = 0
    try:
        executor = engine.start()
        while True:
            if retry:
                if not in_flight:
                    job, attempt = retry.popleft()
                    in_flight[executor.submit(task, job)] = (job, attempt)
            else:
                while len(in_flight) < window and (job := next(pending, None)) is not None:
                    in_flight[executor.submit(task, job)] = (job, 0)
            if not in_flight:
                break
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in finished:
                job, attempt = in_flight.pop(future)
                try:
                    result = future.result()
                except KeyboardInterrupt:
                    raise
                except BaseException as exc:  # noqa: BLE001 - the worker was lost (killed, a crash)
                    executor = engine.repair()
                    if attempt < RETRIES:
                        retry.append((job, attempt + 1))
                        continue
                    done(lost(job, exc))
                    lost_in_a_row += 1
                    if lost_in_a_row >= GIVE_UP_AFTER:
                        from .diagnostics import ToolError

                        raise ToolError(error("workers-dying", f"{lost_in_a_row} texts in a row lost their worker "
                                              f"twice, none built between them ({type(exc).__name__}: {exc}): the "
                                              "workers cannot work; the texts finished so far are kept"))
                else:
                    lost_in_a_row = 0
                    done(result)
        interrupted = False
    finally:
        engine.close(interrupted)
    return results


# ---------------------------------------------------------------- recording

def public_problem(diagnostics: list[Diagnostic], folders: Iterable[str | Path]) -> str:
    """The first error, as the corpus page shows it: its first line (never a traceback), with the
    build's folders written as relative names (no absolute path is published)."""
    first = next((d for d in diagnostics if d.level == "error"), None)
    if first is None:
        return ""
    message = first.message.split("\n", 1)[0]
    for folder in sorted({str(Path(f).resolve()) for f in folders}, key=len, reverse=True):
        if folder != os.sep:
            message = message.replace(folder + os.sep, "").replace(folder, ".")
    return f"{message} [{first.code}]"


def record(manifest: Manifest, result: TextResult, row: Row, opts: BuildOptions) -> Row:
    """The manifest row for a result: a built text's info and outputs; a failed text keeps its
    last good outputs (they are still there: a TEI is only replaced by a valid one) but no key,
    so it is tried again on the next build."""
    if result.ok:
        row.status, row.info, row.outputs = "ok", result.info, result.outputs
        if result.output_failure:
            row.key = ""  # a PDF or page that failed is tried again too
    else:
        old = manifest.get(row.name)
        row.status, row.key = "failed", ""
        row.info = dict(old.info) if old else {}
        row.outputs = old.outputs if old else {}
        folders = [Path(row.source).parent, opts.tei_dir, opts.site_dir, Path.cwd(), Path.home()]
        row.info["problem"] = public_problem(result.diagnostics, folders)
    manifest.put(row)
    return row


def remove_outputs(row: Row, opts: BuildOptions) -> None:
    """Delete the outputs a manifest row records (a text no longer in the folder)."""
    for rel in row.outputs:
        if rel.endswith("/"):
            continue  # the site folder: removed below when empty
        path = os.path.join(opts.tei_dir, row.name + ".xml") if rel == "tei" else os.path.join(opts.site_dir, rel)
        Path(path).unlink(missing_ok=True)
    try:
        (Path(opts.site_dir) / row.name).rmdir()  # only when empty: nothing of anyone else's
    except OSError:
        pass


# ---------------------------------------------------------------- running a corpus

def build_corpus(texts: list[str | Path], opts: BuildOptions, progress: Progress | None = None) -> CorpusReport:
    """The whole build: plan, run the jobs (recording each result), remove what was removed,
    then the site's index pages."""
    started = time.perf_counter()
    try:
        return _build_corpus(texts, opts, progress, started)
    except sqlite3.Error as exc:  # the manifest on a read-only or full disk: a positioned message
        raise manifest_error(Path(opts.tei_dir) / MANIFEST_NAME, exc) from None


def manifest_error(path: Path, exc: sqlite3.Error) -> LefortError:
    """SQLite's fault as an ``OutputError`` on the manifest (its messages carry no errno)."""
    import errno

    from .io import output_error

    text = str(exc)
    try:  # on a full disk SQLite often says only "disk I/O error"
        full = os.statvfs(path.parent).f_bavail == 0
    except OSError:
        full = False
    number = (errno.ENOSPC if full or "full" in text else errno.EROFS if "readonly" in text or "read-only" in text
              else errno.EACCES if "unable to open" in text else errno.EIO)
    return output_error(path, OSError(number, f"{text} (the build manifest)"))


def _build_corpus(texts: list[str | Path], opts: BuildOptions, progress: Progress | None,
                  started: float) -> CorpusReport:
    with Manifest(opts.tei_dir) as manifest:
        todo = plan(texts, opts, manifest, toolkit_fingerprint())
        if todo.refreshed:
            manifest.put(*todo.refreshed)

        def on_result(result: TextResult) -> None:
            record(manifest, result, todo.rows[result.name], opts)

        done = run_jobs(todo.jobs, opts.jobs, progress, on_result, opts.dask)
        report = CorpusReport(sorted(todo.unchanged + done, key=lambda r: r.name))
        report.removed = remove_texts(manifest, {_stem(str(t)) for t in texts}, opts)
        if opts.site:
            from .corpus_pages import write_index_pages

            report.site_files = write_index_pages(manifest, opts.site_dir)
    report.seconds = time.perf_counter() - started
    return report


def remove_texts(manifest: Manifest, names: set[str], opts: BuildOptions) -> list[str]:
    """Texts in the manifest but no longer in the folder: their outputs are deleted, and their rows
    (with ``keep_removed``, the outputs stay and the row is marked "removed", out of the indexes)."""
    gone = sorted(n for n in manifest.names() if n not in names)
    rows = [row for row in map(manifest.get, gone) if row]
    if opts.keep_removed:
        for row in rows:
            row.status, row.key = "removed", ""
        manifest.put(*[r for r in rows])
        return gone
    for row in rows:
        remove_outputs(row, opts)
    manifest.delete(gone)
    return gone
