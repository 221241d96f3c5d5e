"""Memory over a long corpus build: the pool's workers with and without recycling.

In: ``--texts N`` (200) of the varied mix (``gen_corpus.py``: 2 KB to 1 MB, one text of 1 MB),
``--jobs`` (2), and the recycling settings to compare (``--recycle 0 25 100``: 0 never replaces
a worker; N replaces each worker after N texts, ``corpus.RECYCLE_AFTER``). Each setting runs a
fresh ``build_corpus`` (TEI + pages, no PDF) in its own process; the whole process tree is
sampled every 0.2 s (``measure._tree``/``_memory_mb``), and the texts done are read from the
manifest. Out: for each setting, the peak of the tree (PSS) and of the largest worker (RSS) in
each tenth of the build, so the curve shows whether memory climbs with the texts done.
Usage: python3 bench/memory_curve.py [--texts 200] [--jobs 2] [--recycle 0 25 100]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_corpus  # noqa: E402
import measure  # noqa: E402

CHILD = """
import sys
from pathlib import Path
import lefort_tei.corpus as corpus
corpus.RECYCLE_AFTER = int(sys.argv[1]) or None
folder, out, jobs = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
report = corpus.build_corpus(corpus.list_texts(folder),
                             corpus.BuildOptions(out / "tei", out / "site", jobs=jobs, pdf=False))
print(report.count("built"), report.count("failed"), file=sys.stderr)
"""


def done(tei: Path) -> int:
    try:
        with sqlite3.connect(f"file:{tei / '.lefort-build.sqlite'}?mode=ro", uri=True) as db:
            return db.execute("SELECT COUNT(*) FROM texts").fetchone()[0]
    except sqlite3.Error:
        return 0


def curve(folder: Path, out: Path, jobs: int, recycle: int, total: int) -> tuple[list, float, str]:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(recycle), str(folder), str(out), str(jobs)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tenths: list[list[float]] = [[0.0, 0.0] for _ in range(10)]
    started = time.perf_counter()
    while proc.poll() is None:
        pids = measure._tree(proc.pid)
        sizes = measure._memory_mb(pids)
        workers = measure._memory_mb(pids[1:])
        k = min(9, done(out / "tei") * 10 // max(total, 1))
        tenths[k][0] = max(tenths[k][0], sum(pss for pss, _ in sizes))
        tenths[k][1] = max([tenths[k][1], *(rss for _, rss in workers)])
        time.sleep(0.2)
    return tenths, time.perf_counter() - started, proc.stderr.read().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--recycle", type=int, nargs="+", default=[0, 25, 100])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lefort-memory-"))
    folder = work / "in"
    gen_corpus.generate(folder, args.texts, "varied")
    print(f"{args.texts} varied texts, {args.jobs} workers, no PDF; {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}\n")
    print("| recycle after | s | built, failed | " + " | ".join(f"{10 * k}-{10 * k + 10} %" for k in range(10)) + " |")
    print("|---|---|---|" + "---|" * 10)
    for recycle in args.recycle:
        tenths, seconds, outcome = curve(folder, work / f"out-{recycle}", args.jobs, recycle, args.texts)
        cells = " | ".join(f"{pss:.0f} / {rss:.0f}" for pss, rss in tenths)
        print(f"| {recycle or 'never'} | {seconds:.0f} | {outcome.splitlines()[-1] if outcome else ''} | {cells} |",
              flush=True)
    print("\ncells: peak MB of the whole tree (PSS) / of the largest worker (RSS) while that tenth of the texts "
          "was being built")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
