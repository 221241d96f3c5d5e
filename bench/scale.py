"""The large case, simulated: a corpus of 100,000 texts whose manifest, outputs and index pages
already exist, and what ``lefort-tei build`` then costs with nothing changed.

In: ``--texts N`` (100,000), ``--pages P`` (2; a real edition has 8 files in its folder, but a
no-change rebuild stats the folder, not its files, so P only changes how long the set-up takes), a
work folder. It writes N small sources (a real short essay each, so one can be rebuilt for real),
N TEI files and N folders of P page files (empty: the build never reads them), and fills the SQLite
manifest with one row per text as a real build records it (hashes, stats, info).
Out: a table of
  1. the first build over it: every source stat'ed, nothing rebuilt, the corpus index pages and
     ``index.html`` generated from the manifest (N / PAGE_SIZE pages);
  2. a rebuild with nothing changed (the acceptance figure: < 10 s and < 500 MB);
  3. a rebuild after one text changed (one text built for real, one index page rewritten);
each with wall time, CPU time (user + system, of all its processes: less sensitive to the load of a
shared machine than the wall time) and peak memory of the whole command (``measure.py``), and the
manifest's size.
Usage: python3 bench/scale.py [--texts 100000] [--pages 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure  # noqa: E402

ESSAY = """\
Essay {i} on the State - Ann Author

A short blurb about essay {i}.

The first paragraph of essay {i} names a party and a note.(1)

Notes

1 A remark on essay {i}.
"""
EMPTY_SHA = hashlib.sha256(b"").hexdigest()
PAGES = ("index.html", "reading.html", "diplomatic.html", "parallel.html", "persons.html", "works.html",
         "notes.html")


def simulate(root: Path, count: int, pages: int) -> None:
    from lefort_tei.corpus import (Manifest, Row, file_record, inputs_key, site_key, stat_sig,
                                   toolkit_fingerprint)
    from lefort_tei.resources import SCHEMAS_DIR

    src, tei, site = root / "in", root / "tei", root / "site"
    for d in (src, tei, site):
        d.mkdir(parents=True, exist_ok=True)
    toolkit = toolkit_fingerprint()
    schemas_link = os.path.relpath(SCHEMAS_DIR, tei.resolve())
    names = [f"text-{i:06d}" for i in range(count)]
    with Manifest(tei) as manifest:
        batch = []
        for i, name in enumerate(names):
            data = ESSAY.format(i=i).encode()
            text = src / f"{name}.txt"
            text.write_bytes(data)
            (tei / f"{name}.xml").write_bytes(b"")
            folder = site / name
            folder.mkdir()
            files = [*PAGES, f"{name}.xml"][:pages]
            for page in files:
                (folder / page).write_bytes(b"")
            source_sha = hashlib.sha256(data).hexdigest()
            key = inputs_key(toolkit, source_sha, "", schemas_link)
            outputs = {"tei": file_record(tei / f"{name}.xml")}
            outputs.update({f"{name}/{page}": file_record(folder / page) for page in files})
            outputs[f"{name}/"] = [0, folder.stat().st_mtime_ns]
            batch.append(Row(name, str(text), stat_sig(text.stat()), source_sha, "", "", toolkit, key, "ok",
                             info={"title": f"Essay {i} on the State", "author": "Ann Author", "notes": 1,
                                   "persons": 0, "tei_sha256": EMPTY_SHA, "pages_sha256": EMPTY_SHA,
                                   "site_key": site_key(key, str(site), None),
                                   "edition": {"lang": "en", "licence": "CC BY 4.0"}},
                             outputs=outputs))
            if len(batch) == 5000:
                manifest.put(*batch)
                batch.clear()
        manifest.put(*batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="work here and keep the files")
    parser.add_argument("--disk", action="store_true", help="work in the temporary folder, not in /dev/shm")
    args = parser.parse_args()
    # /dev/shm (tmpfs) when there is one: the set-up creates 500,000 files, which a slow disk
    # makes last an hour; the build then does the same stats and SQLite reads either way
    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() and not args.disk else None
    root = args.keep or Path(tempfile.mkdtemp(prefix="lefort-scale-", dir=shm))
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    simulate(root, args.texts, args.pages)
    made = time.perf_counter() - started
    db = root / "tei" / ".lefort-build.sqlite"
    print(f"{args.texts:,} texts, {args.pages} page files each, in {root}: simulated in {made:.0f} s; manifest "
          f"{db.stat().st_size / 1e6:.1f} MB ({db.stat().st_size / args.texts:.0f} bytes a text); "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}\n")
    argv = [sys.executable, "-m", "lefort_tei", "build", str(root / "in"), "--tei-dir", str(root / "tei"),
            "--site-dir", str(root / "site"), "--no-pdf", "-j", "2"]
    env = {**os.environ, "CI": "true"}
    print("| build | s | CPU s | peak MB (all processes, PSS) | peak MB (largest, RSS) | exit | summary |")
    print("|---|---|---|---|---|---|---|")

    def row(label: str) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = measure.run(argv, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        print(f"| {label} | {r.seconds:.2f} | {cpu:.2f} | {r.peak_tree_mb:.0f} | {r.peak_process_mb:.0f} | "
              f"{r.returncode} | "
              f"{r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ''} |", flush=True)

    row("1. nothing to rebuild; every index page generated")
    row("2. nothing changed (no-change rebuild)")
    changed = root / "in" / f"text-{args.texts // 2:06d}.txt"
    changed.write_text(changed.read_text().replace("A short blurb", "A revised blurb"))
    row("3. one text changed (built for real; one index page rewritten)")
    corpus_pages = sorted((root / "site").glob("corpus*.html"))
    sizes = [p.stat().st_size for p in corpus_pages]
    print(f"\ncorpus index: {len(corpus_pages)} pages, {max(sizes) / 1e3:.0f} KB at most, "
          f"{sum(sizes) / 1e6:.1f} MB in all; index.html {(root / 'site' / 'index.html').stat().st_size / 1e3:.0f} KB")
    if not args.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
