"""Memory over a long corpus build, on the product's real path: ``lefort-tei build -j N --no-pdf``.

In: ``--texts N`` (5000) short synthetic texts (``gen_corpus.synthetic_text``, ``--min-kb`` to
``--max-kb``, 2-8 KB, varied), written to a temporary folder (``/dev/shm`` when there is one);
``--jobs`` (2); ``--dask`` (``local``: the Dask path instead of the process pool); ``--stop-after``
seconds (the build is interrupted with Ctrl-C after that long: the workers finish their texts, the
curve covers what was done). The build runs as ``python -m lefort_tei build`` in its own process;
a side thread samples every ``--interval`` s (1) the RSS of the build's process and of each worker
(its descendants, psutil or ``/proc``), and reads the texts done from the manifest.
Out: a Markdown table, one row per ``--every`` (500) texts done: the largest RSS of a live worker
and of the main process in that stretch, the workers seen (a recycled pool shows new process ids),
the wall time; then the growth of the workers' peak from the first stretch to the last. Samples go
to ``--samples FILE`` (JSON lines) as they are taken, so a killed run leaves its curve. Not a test.
Usage: nice -n 10 python3 bench/pool_memory.py [--texts 5000] [--jobs 2] [--dask local] [--stop-after S]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_corpus  # noqa: E402


def rss_mb(pid: int) -> float:
    """A process's resident set in MB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1e3
    except OSError:
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                kids = [int(c) for c in task.read_text().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def is_worker(pid: int) -> bool:
    """A pool worker (spawned interpreter) or a Dask worker; not multiprocessing's resource tracker
    or a Dask nanny (a nanny's child is the worker)."""
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    if "resource_tracker" in cmd:
        return False
    return "spawn_main" in cmd or "forkserver" in cmd


def texts_done(tei: Path) -> int:
    try:
        with sqlite3.connect(f"file:{tei / '.lefort-build.sqlite'}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM texts").fetchone()[0]
    except sqlite3.Error:
        return -1


def generate(folder: Path, n: int, min_kb: int, max_kb: int) -> None:
    folder.mkdir(parents=True)
    rng = random.Random(15)
    for i in range(n):
        size = rng.randint(min_kb * 1000, max_kb * 1000)
        (folder / f"t{i:05d}-{rng.choice(gen_corpus.WORDS)}.txt").write_text(
            gen_corpus.synthetic_text(i + 1, size), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--min-kb", type=int, default=2)
    parser.add_argument("--max-kb", type=int, default=8)
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("--dask", default=None, help="'local': build on a local Dask cluster")
    parser.add_argument("--stop-after", type=float, default=None, help="interrupt the build after S seconds")
    parser.add_argument("--samples", default=None, help="write each sample here (JSON lines)")
    parser.add_argument("--work", default=None, help="the folder to work in (default: a temporary one)")
    args = parser.parse_args(argv)

    base = Path(args.work) if args.work else Path(tempfile.mkdtemp(
        prefix="lefort-pool-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    folder, tei, site = base / "in", base / "tei", base / "site"
    if not folder.is_dir():
        generate(folder, args.texts, args.min_kb, args.max_kb)
    cmd = [sys.executable, "-m", "lefort_tei", "build", str(folder), "--tei-dir", str(tei), "--site-dir",
           str(site), "-j", str(args.jobs), "--no-pdf", "--quiet"] + (["--dask", args.dask] if args.dask else [])
    print(f"{args.texts} texts of {args.min_kb}-{args.max_kb} KB in {folder}; {' '.join(cmd[1:])}; "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    # the build must take Ctrl-C even when this script runs in the background (where a shell
    # ignores SIGINT, and the ignoring is inherited)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    samples: list[dict] = []
    out = open(args.samples, "w") if args.samples else None
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            kids = [p for p in descendants(proc.pid) if is_worker(p)]
            s = {"t": round(time.perf_counter() - started, 1), "done": texts_done(tei), "main": rss_mb(proc.pid),
                 "workers": {str(p): rss_mb(p) for p in kids}}
            samples.append(s)
            if out:
                out.write(json.dumps(s) + "\n")
                out.flush()
            stop.wait(args.interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    interrupted = False
    while proc.poll() is None:
        if args.stop_after and not interrupted and time.perf_counter() - started > args.stop_after:
            os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C: the workers finish their texts
            interrupted = True
        time.sleep(0.5)
    stop.set()
    sampler.join()
    err = proc.stderr.read().strip().splitlines()
    report(samples, args, time.perf_counter() - started, interrupted, err[-3:])
    return 0


def report(samples: list[dict], args, seconds: float, interrupted: bool, tail: list[str]) -> None:
    rows: dict[int, dict] = {}
    for s in samples:
        live = {p: r for p, r in s["workers"].items() if r > 0}
        if s["done"] < 0 or not live:  # before the pool started, or after it closed
            continue
        k = s["done"] // args.every
        row = rows.setdefault(k, {"worker": 0.0, "main": 0.0, "pids": set(), "t": s["t"]})
        row["worker"] = max([row["worker"], *live.values()])
        row["main"] = max(row["main"], s["main"])
        row["pids"] |= set(live)
        row["t"] = s["t"]
    done = max((s["done"] for s in samples), default=0)
    path = f"Dask ({args.dask})" if args.dask else "process pool"
    print(f"### `lefort-tei build -j {args.jobs} --no-pdf` on the {path}: {done} of {args.texts} texts of "
          f"{args.min_kb}-{args.max_kb} KB in {seconds:.0f} s{' (interrupted)' if interrupted else ''}\n")
    print("| texts done | max RSS of a live worker, MB | main process RSS, MB | worker processes seen | wall s |")
    print("|---|---:|---:|---:|---:|")
    for k in sorted(rows):
        r = rows[k]
        print(f"| {k * args.every}-{min((k + 1) * args.every, done)} | {r['worker']:.1f} | {r['main']:.1f} | "
              f"{len(r['pids'])} | {r['t']:.0f} |")
    keys = sorted(rows)
    if len(keys) >= 2:
        first, last = rows[keys[0]], rows[keys[-1]]
        print(f"\nworkers' peak: {first['worker']:.1f} MB in the first stretch, {last['worker']:.1f} MB in the last "
              f"({last['worker'] - first['worker']:+.1f} MB); main process {first['main']:.1f} → {last['main']:.1f} MB")
    if tail:
        print("\nbuild's last words: " + " / ".join(tail))


if __name__ == "__main__":
    sys.exit(main())
